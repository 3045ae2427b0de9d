"""Turn extracted records into RDF quads, in the shape described in ``schemas/README.md``.

This is the only module that knows how an :class:`~kg.records.ArticleGraph` is written
as RDF; the store only stores what it gets.
"""

from __future__ import annotations

from collections.abc import Iterable

from pyoxigraph import Literal, NamedNode, Quad

from ..iri import IRIMinter
from ..records import ArticleGraph, Entity
from ..vocab import KG, OWL, PROV, RDF, RDFS, SCHEMA, SKOS, XSD

__all__ = ["NS", "article_quads", "run_end_quad", "run_quads", "source_file_quad"]


class NS:
    """The namespaces kg writes, as IRI prefixes (those of :mod:`kg.vocab`)."""

    KG = KG.NS
    RDF = RDF.NS
    RDFS = RDFS.NS
    XSD = XSD.NS
    SKOS = SKOS.NS
    SCHEMA = SCHEMA.NS
    PROV = PROV.NS
    OWL = OWL.NS


def _n(ns: str, local: str) -> NamedNode:
    return NamedNode(ns + local)


_TYPE = _n(NS.RDF, "type")
_LABEL = _n(NS.RDFS, "label")
_ALT = _n(NS.SKOS, "altLabel")
_MENTIONS = _n(NS.SCHEMA, "mentions")
_STATEMENT = _n(NS.RDF, "Statement")
_XSD_DATE = _n(NS.XSD, "date")
_XSD_INT = _n(NS.XSD, "integer")
_XSD_DEC = _n(NS.XSD, "decimal")


def _date(value: str) -> Literal:
    return Literal(value, datatype=_XSD_DATE)


def article_quads(
    graph: ArticleGraph, minter: IRIMinter, *, run: str, fingerprint: str, source_file: str = ""
) -> list[Quad]:
    """All quads of one article: its named graph and its entry in the metadata graph.

    Args:
        graph: What was extracted from the article.
        minter: Mints every IRI.
        run: IRI of the build run that produced it.
        fingerprint: The hash that says whether the article must be built again.
        source_file: The absolute path of the file the article was read from (``kg prune
            --missing`` removes articles whose file is gone), or ``""``.
    """
    article = graph.article
    g = NamedNode(minter.article_graph(article.id))
    a = NamedNode(minter.article(article.id))
    quads: list[Quad] = []
    add = quads.append

    def entity_node(entity: Entity) -> NamedNode:
        return NamedNode(minter.entity(entity.label, entity.name))

    for entity in graph.entities:
        e = entity_node(entity)
        add(Quad(e, _TYPE, _n(NS.KG, entity.label), g))
        add(Quad(e, _LABEL, Literal(entity.name), g))
        for alias in entity.aliases:
            add(Quad(e, _ALT, Literal(alias), g))
        add(Quad(a, _MENTIONS, e, g))

    for triple in graph.triples:
        s, o = entity_node(triple.subject), entity_node(triple.object)
        p = _n(NS.KG, triple.predicate)
        ev = triple.evidence
        if ev.status == "current":
            add(Quad(s, p, o, g))
        st = NamedNode(
            minter.statement(
                g.value,
                s.value,
                p.value,
                o.value,
                str(ev.start),
                ev.rule,
                ev.status,
                ev.title,
                ev.subject_text,
                ev.object_text,
            )
        )
        add(Quad(st, _TYPE, _STATEMENT, g))
        add(Quad(st, _n(NS.RDF, "subject"), s, g))
        add(Quad(st, _n(NS.RDF, "predicate"), p, g))
        add(Quad(st, _n(NS.RDF, "object"), o, g))
        add(Quad(st, _n(NS.PROV, "wasDerivedFrom"), a, g))
        add(Quad(st, _n(NS.KG, "sentence"), Literal(ev.sentence), g))
        add(Quad(st, _n(NS.KG, "start"), Literal(str(ev.start), datatype=_XSD_INT), g))
        add(Quad(st, _n(NS.KG, "end"), Literal(str(ev.end), datatype=_XSD_INT), g))
        add(Quad(st, _n(NS.KG, "subjectText"), Literal(ev.subject_text), g))
        add(Quad(st, _n(NS.KG, "objectText"), Literal(ev.object_text), g))
        add(Quad(st, _n(NS.KG, "titlePhrase"), Literal(ev.title), g))
        add(Quad(st, _n(NS.KG, "rule"), Literal(ev.rule), g))
        add(
            Quad(st, _n(NS.KG, "confidence"), Literal(f"{ev.confidence:.3f}", datatype=_XSD_DEC), g)
        )
        add(Quad(st, _n(NS.KG, "status"), Literal(ev.status), g))
        if article.date:
            add(Quad(st, _n(NS.KG, "asOf"), _date(article.date), g))

    meta = NamedNode(minter.metadata_graph)
    add(Quad(a, _TYPE, _n(NS.SCHEMA, "NewsArticle"), meta))
    add(Quad(a, _TYPE, _n(NS.PROV, "Entity"), meta))
    add(Quad(a, _n(NS.SCHEMA, "identifier"), Literal(article.id), meta))
    if article.title:
        add(Quad(a, _n(NS.SCHEMA, "headline"), Literal(article.title), meta))
    if article.date:
        add(Quad(a, _n(NS.SCHEMA, "datePublished"), _date(article.date), meta))
    if article.url:
        add(
            Quad(a, _n(NS.SCHEMA, "url"), Literal(article.url, datatype=_n(NS.XSD, "anyURI")), meta)
        )
    if article.source:
        add(Quad(a, _n(NS.SCHEMA, "publisher"), Literal(article.source), meta))
    if article.author:
        add(Quad(a, _n(NS.SCHEMA, "author"), Literal(article.author), meta))
    if article.extracted:  # no input file holds this text as the evidence offsets count it
        add(Quad(a, _n(NS.SCHEMA, "articleBody"), Literal(article.text), meta))
    add(Quad(a, _n(NS.KG, "contentHash"), Literal(fingerprint), meta))
    if source_file:
        add(Quad(a, _n(NS.KG, "sourceFile"), Literal(source_file), NamedNode(minter.local_graph)))
    add(Quad(a, _n(NS.KG, "graph"), g, meta))
    add(Quad(a, _n(NS.PROV, "wasGeneratedBy"), NamedNode(run), meta))
    return quads


def run_quads(
    minter: IRIMinter,
    run: str,
    *,
    started: str,
    ended: str = "",
    model: str,
    model_version: str,
    kg_version: str,
    extra: Iterable[tuple[str, str]] = (),
) -> list[Quad]:
    """The ``prov:Activity`` of one build run, in the metadata graph.

    ``started``/``ended`` are ISO 8601 date-times (``ended`` is left out when ``""``: a build
    writes its run with its first batch and adds the end when it finishes); ``extra`` adds
    ``kg:`` string properties.
    """
    meta = NamedNode(minter.metadata_graph)
    r = NamedNode(run)
    dt = _n(NS.XSD, "dateTime")
    quads = [
        Quad(r, _TYPE, _n(NS.PROV, "Activity"), meta),
        Quad(r, _n(NS.PROV, "startedAtTime"), Literal(started, datatype=dt), meta),
        Quad(r, _n(NS.KG, "model"), Literal(model), meta),
        Quad(r, _n(NS.KG, "modelVersion"), Literal(model_version), meta),
        Quad(r, _n(NS.KG, "kgVersion"), Literal(kg_version), meta),
    ]
    if ended:
        quads.append(Quad(r, _n(NS.PROV, "endedAtTime"), Literal(ended, datatype=dt), meta))
    quads.extend(Quad(r, _n(NS.KG, k), Literal(v), meta) for k, v in extra)
    return quads


def source_file_quad(minter: IRIMinter, article_id: str, source_file: str) -> Quad:
    """One more ``kg:sourceFile`` of a stored article (found again under another name)."""
    return Quad(
        NamedNode(minter.article(article_id)),
        _n(NS.KG, "sourceFile"),
        Literal(source_file),
        NamedNode(minter.local_graph),
    )


def run_end_quad(minter: IRIMinter, run: str, *, ended: str) -> Quad:
    """The ``prov:endedAtTime`` of a build run, added once the build has finished."""
    dt = _n(NS.XSD, "dateTime")
    return Quad(
        NamedNode(run),
        _n(NS.PROV, "endedAtTime"),
        Literal(ended, datatype=dt),
        NamedNode(minter.metadata_graph),
    )
