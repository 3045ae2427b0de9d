"""Link entities across articles: which entity IRIs name the same real-world entity.

Within an article, extraction already joins "Trump" to "Donald Trump". Across articles it
cannot: an article that only ever writes "Blair" gives an entity named *Blair*, a node of
its own beside *Tony Blair*. After each build, :func:`update_links` looks at every entity of
the store together and writes ``owl:sameAs`` links, from the short form to the full one,
into one graph of their own (``{base}links``, replaced as a whole each time), and folds them
into the consolidated graph (:mod:`kg.consolidate`) in the same transaction; the article
graphs stay as extracted.

A link is written only when the evidence is strong (see :func:`find_links`):

- the entity's name is a surface form (``skos:altLabel``) of a longer-named entity of the
  same class, written beside that full name in some article ("Blair" of *Tony Blair*, "IAAF"
  of *International Association of Athletics Federations*);
- the full name is mentioned by at least as many articles ("Sony" in 60 articles is no
  short form of *Sony Pictures Entertainment* in 3), and by ``dominance`` times the
  articles of every other full name with that surface form ("Brown": *Gordon Brown* and
  *James Brown* both called so: no link);
- for people, a shared surname is not enough. The link needs the same first name or its
  initial ("C. Kennedy"), a title phrase both were given ("Chancellor"), or an organization
  the full name is related to that the short name's articles mention too. It never crosses
  a title of nobility ("Lord Kennedy" is not *Charles Kennedy*), a different first name, a
  short name that is itself a common first name ("Michael"), or two names that one article
  mentions as two people;
- a curation file (:mod:`kg.curation`) forces links (``same_as``) and forbids them
  (``not_same_as``).

Names stored with two classes (*Manchester City* as a place in some articles) are not
linked: on the BBC corpus the majority class was wrong in about four cases of ten.
:func:`explain_links` says, for a name, which links were made and why, and which were not.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

import pyoxigraph as ox

from .consolidate import read_curated, read_links
from .curation import Curation
from .names import HONORIFICS, NOBILITY, name_key, strip_leading
from .rdf.read import article_entities, article_facts
from .resources import schemas_dir
from .store import KGStore
from .vocab import OWL

__all__ = [
    "DOMINANCE",
    "EntityInfo",
    "Link",
    "curate_entities",
    "explain_links",
    "find_links",
    "read_entities",
    "remove_articles",
    "update_links",
]

OWL_SAME_AS = OWL.sameAs
DOMINANCE = 3.0
"""How many times the articles of all other candidates the chosen one needs."""


@dataclass(frozen=True)
class EntityInfo:
    """What linking needs to know of one entity IRI, over the whole store.

    Attributes:
        iri: The entity's IRI.
        cls: ``"Person"``, ``"Organization"`` or ``"Place"``.
        label: Its canonical name (the most common ``rdfs:label``).
        aliases: Every other surface form stored for it.
        articles: How many articles mention it.
        article_ids: The articles that mention it.
        titles: Title phrases of the relations it is the subject of, folded.
        organizations: Organizations mentioned by its articles (IRIs).
        affiliations: Organizations and places it is related to (IRIs).
        frequent_organizations: Organizations mentioned by at least a quarter of its
            articles, and by two at least (IRIs).
    """

    iri: str
    cls: str
    label: str
    aliases: frozenset[str] = frozenset()
    articles: int = 0
    article_ids: frozenset[str] = field(default=frozenset(), compare=False)
    titles: frozenset[str] = field(default=frozenset(), compare=False)
    organizations: frozenset[str] = field(default=frozenset(), compare=False)
    affiliations: frozenset[str] = field(default=frozenset(), compare=False)
    frequent_organizations: frozenset[str] = field(default=frozenset(), compare=False)


@dataclass(frozen=True)
class Link:
    """``source owl:sameAs target``: ``target`` is the entity ``source`` is folded into.

    ``rule`` says why: ``alias`` (organizations and places), ``alias+first-name``,
    ``alias+title``, ``alias+organization`` (people), ``curation``.
    """

    source: str
    target: str
    rule: str


def _fold(name: str) -> str:
    return " ".join(name.casefold().split())


def _load_first_names() -> frozenset[str]:
    path = schemas_dir() / "first_names.txt"
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError:
        return frozenset()
    return frozenset(name_key(line) for line in lines if line.strip() and not line.startswith("#"))


_FIRST_NAMES: frozenset[str] | None = None


def _first_names() -> frozenset[str]:
    global _FIRST_NAMES
    if _FIRST_NAMES is None:
        _FIRST_NAMES = _load_first_names()
    return _FIRST_NAMES


def _words(name: str) -> list[str]:
    return name_key(name).split()


def _nobility(names: Iterable[str]) -> set[str]:
    return {w for name in names for w in _words(name)[:1] if w in NOBILITY}


def _given(name: str) -> str:
    """The first name of a multi-word person name, without courtesy titles and leading
    titles ("Gen", "President") (``""``: none)."""
    words = [w for w in strip_leading(name_key(name)).split() if w not in HONORIFICS]
    return words[0] if len(words) > 1 else ""


_DEMONYMS: dict[str, str] | None = None


def _demonyms() -> dict[str, str]:
    """Folded demonym → folded name of what it stands for (``schemas/demonyms.tsv``)."""
    global _DEMONYMS
    if _DEMONYMS is None:
        found = {}
        try:
            lines = (schemas_dir() / "demonyms.tsv").read_text(encoding="utf-8").splitlines()
        except OSError:
            lines = []
        for line in lines:
            parts = line.split("\t")
            if len(parts) >= 2 and not line.startswith("#"):
                found[name_key(parts[0])] = name_key(parts[1])
        _DEMONYMS = found
    return _DEMONYMS


def person_evidence(source: EntityInfo, target: EntityInfo) -> tuple[str, str]:
    """``(evidence, "")`` when ``source`` may be a short name of the person ``target``,
    else ``("", why not)``."""
    source_names = {source.label, *source.aliases}
    target_names = {target.label, *target.aliases}
    if _nobility(source_names) != _nobility(target_names):
        titles = sorted(_nobility(source_names) ^ _nobility(target_names))
        return "", f"a title of nobility on one side only ({', '.join(titles)})"
    shared = source.article_ids & target.article_ids
    if shared:
        return "", f"{len(shared)} article(s) mention both as two people"
    given = _given(target.label)
    words = [w for w in strip_leading(name_key(source.label)).split() if w not in HONORIFICS]
    if len(words) > 1:
        first = words[0]
        if given and (first == given or (len(first) == 1 and given.startswith(first))):
            return "first-name", ""
        return "", f"another first name ({first!r}, not {given!r})"
    if words and words[0] == given:
        return "", "the short name is the full name's first name"
    if words and words[0] in _first_names():
        return "", f"{words[0]!r} is a common first name"
    for alias in source.aliases:
        first = _given(alias)
        if first and given and first != given and not given.startswith(first):
            return "", f"the short name is also written {alias!r} (another first name)"
        if first and given and (first == given or (len(first) == 1 and given.startswith(first))):
            return "first-name", ""
    if source.titles & target.titles:
        return "title", ""
    if source.organizations & (target.affiliations | target.frequent_organizations):
        return "organization", ""
    return "", "no evidence beyond the surname (no shared first name, title or organization)"


def _dominant(candidates: list[EntityInfo], dominance: float) -> EntityInfo | None:
    """The candidate with the most articles, if it dominates all the others together."""
    ranked = sorted(candidates, key=lambda e: (-e.articles, e.iri))
    best, rest = ranked[0], ranked[1:]
    if not rest or best.articles >= dominance * max(1, sum(e.articles for e in rest)):
        return best
    return None


@dataclass
class _Decision:
    source: str
    target: str
    rule: str = ""
    why_not: str = ""


def _decide(
    items: list[EntityInfo], dominance: float, curation: Curation
) -> tuple[dict[str, Link], list[_Decision]]:
    """Links (before following chains) and every decision taken, for explanations."""
    by_alias: dict[tuple[str, str], list[EntityInfo]] = defaultdict(list)
    for entity in items:
        for alias in entity.aliases:
            by_alias[(entity.cls, _fold(alias))].append(entity)
    forbidden = {
        (s.iri, t.iri)
        for entry in curation.of("not_same_as")
        for s in items
        if entry.matches(s.iri, s.label, s.cls)
        for t in items
        if entry.matches(t.iri, t.label, t.cls, other=True)
    }
    forbidden |= {(t, s) for s, t in forbidden}
    links: dict[str, Link] = {}
    decisions: list[_Decision] = []
    for entity in items:
        key = _fold(entity.label)
        fuller = [
            e
            for e in by_alias.get((entity.cls, key), [])
            if e.iri != entity.iri and len(_fold(e.label)) > len(key)
        ]
        if not fuller:
            continue
        target = _dominant(fuller, dominance)
        if target is None:
            names = ", ".join(sorted(e.label for e in fuller))
            decisions.append(_Decision(entity.iri, "", why_not=f"ambiguous: {names}"))
            continue
        decision = _Decision(entity.iri, target.iri)
        decisions.append(decision)
        if target.articles < entity.articles:
            decision.why_not = (
                f"the full name has fewer articles ({target.articles} < {entity.articles})"
            )
        elif (entity.iri, target.iri) in forbidden:
            decision.why_not = "forbidden by the curation file (not_same_as)"
        elif entity.cls == "Person":
            evidence, why_not = person_evidence(entity, target)
            decision.rule, decision.why_not = (f"alias+{evidence}" if evidence else ""), why_not
        elif _demonyms().get(key_of := name_key(entity.label), name_key(target.label)) != (
            name_key(target.label)
        ):
            decision.why_not = f"{key_of!r} is an adjective of {_demonyms()[key_of]!r}"
        else:
            decision.rule = "alias"
        if decision.rule:
            links[entity.iri] = Link(entity.iri, target.iri, decision.rule)
    for entry in curation.of("same_as"):
        sources = [s for s in items if entry.matches(s.iri, s.label, s.cls)]
        targets = [t for t in items if entry.matches(t.iri, t.label, t.cls, other=True)]
        if len(targets) == 1:
            for s in sources:
                if s.iri != targets[0].iri:
                    links[s.iri] = Link(s.iri, targets[0].iri, "curation")
                    decisions.append(_Decision(s.iri, targets[0].iri, "curation"))
    return links, decisions


def find_links(
    entities: Iterable[EntityInfo],
    *,
    dominance: float = DOMINANCE,
    curation: Curation | None = None,
) -> list[Link]:
    """The ``owl:sameAs`` links among ``entities`` (see the module docstring for the rules).

    Every link points at an entity that is itself never linked, so following one link is
    always enough. The result is sorted and depends only on the entities given.

    Example:
        >>> tony = EntityInfo("p/Tony_Blair", "Person", "Tony Blair", frozenset({"Blair"}), 40,
        ...                   titles=frozenset({"prime minister"}))
        >>> cherie = EntityInfo("p/Cherie_Blair", "Person", "Cherie Blair", frozenset(), 3)
        >>> blair = EntityInfo("p/Blair", "Person", "Blair", frozenset(), 9,
        ...                    titles=frozenset({"prime minister"}))
        >>> find_links([tony, cherie, blair])
        [Link(source='p/Blair', target='p/Tony_Blair', rule='alias+title')]
    """
    items = sorted(entities, key=lambda e: e.iri)
    links, _ = _decide(items, dominance, curation or Curation())
    # A target must not be linked itself: follow the chain to its end (chains are short,
    # and always lead to a longer name or more articles, so they cannot loop).
    final = {}
    for source, link in links.items():
        end, seen = link.target, {source}
        while end in links and end not in seen:
            seen.add(end)
            end = links[end].target
        if end != source:
            final[source] = Link(source, end, link.rule)
    return sorted(final.values(), key=lambda link: link.source)


def explain_links(
    entities: Iterable[EntityInfo],
    name: str,
    *,
    dominance: float = DOMINANCE,
    curation: Curation | None = None,
) -> list[str]:
    """Why entities named ``name`` (label or alias, folded) were linked, or not: one line each."""
    items = sorted(entities, key=lambda e: e.iri)
    by_iri = {e.iri: e for e in items}
    key = name_key(name)
    wanted = {e.iri for e in items if key in {name_key(e.label), *(name_key(a) for a in e.aliases)}}
    _, decisions = _decide(items, dominance, curation or Curation())
    lines = []
    for d in decisions:
        if d.source not in wanted and d.target not in wanted:
            continue
        source = by_iri[d.source]
        target = by_iri.get(d.target)
        what = f"{source.label} ({source.cls}, {source.articles} articles)"
        if target is None:
            lines.append(f"not linked: {what}: {d.why_not}")
        elif d.rule:
            lines.append(f"linked: {what} -> {target.label} ({target.articles} articles): {d.rule}")
        else:
            lines.append(f"not linked: {what} -> {target.label}: {d.why_not}")
    if not lines:
        found = ", ".join(f"{by_iri[i].label} ({by_iri[i].cls})" for i in sorted(wanted))
        lines.append(
            f"no link was considered for {name!r}"
            + (f" ({found}: no longer-named entity has it as a surface form)" if found else "")
        )
    return lines


def read_entities(
    store: ox.Store, base: str | None = None, *, without: Iterable[str] = ()
) -> list[EntityInfo]:
    """Every typed entity of the article graphs with what linking needs to know of it
    (the consolidated and links graphs are not read, nor the article graphs ``without``)."""
    records = article_entities(store, base, without=without)
    facts = article_facts(store, base, without=without)
    orgs_by_article: dict[str, set[str]] = defaultdict(set)
    for iri, record in records.items():
        if record.cls == "Organization":
            for article in record.articles:
                orgs_by_article[article].add(iri)
    titles: dict[str, set[str]] = defaultdict(set)
    related: dict[str, set[str]] = defaultdict(set)
    for subject, _, obj, title in facts:
        if title:
            titles[subject].add(_fold(title))
        if obj in records and records[obj].cls in ("Organization", "Place"):
            related[subject].add(obj)
    found = []
    for iri, record in sorted(records.items()):
        if not record.labels:
            continue
        label = record.label
        others = (record.aliases | set(record.labels)) - {label}
        found.append(
            EntityInfo(
                iri,
                record.cls,
                label,
                frozenset(others),
                len(record.articles),
                article_ids=record.articles,
                titles=frozenset(titles.get(iri, ())),
                organizations=frozenset(
                    o for a in record.articles for o in orgs_by_article.get(a, ())
                ),
                affiliations=frozenset(related.get(iri, ())),
                frequent_organizations=_frequent(record.articles, orgs_by_article),
            )
        )
    return found


def _frequent(articles: frozenset[str], orgs_by_article: dict[str, set[str]]) -> frozenset[str]:
    """Organizations mentioned by a quarter of ``articles`` at least, and by two at least."""
    counts: Counter[str] = Counter(o for a in articles for o in orgs_by_article.get(a, ()))
    least = max(2.0, len(articles) / 4)
    return frozenset(o for o, n in counts.items() if n >= least)


def update_links(
    kg: KGStore, *, dominance: float = DOMINANCE, curation: Curation | None = None
) -> list[Link]:
    """Work out the links of the whole store again and replace its links graph with them.

    One transaction, with the consolidated graph: readers see the old links or the new
    ones, never a mix. Running it again on an unchanged store writes the very same triples.
    """
    links, folded, curated = _work_out_links(kg, dominance=dominance, curation=curation)
    if folded != read_links(kg.ox, kg.minter.base) or curated != read_curated(
        kg.ox, kg.minter.base
    ):
        kg.replace_links(folded, curated)
    return links


def remove_articles(
    kg: KGStore,
    article_ids: Iterable[str],
    *,
    dominance: float = DOMINANCE,
    curation: Curation | None = None,
) -> list[Link]:
    """Remove articles and work out the links of the store without them, in one transaction
    (with the consolidated graph): readers see the articles and the old links, or neither
    and the new links. Returns the new links."""
    ids = sorted(set(article_ids))
    without = [kg.minter.article_graph(i) for i in ids]
    links, folded, curated = _work_out_links(
        kg, dominance=dominance, curation=curation, without=without
    )
    kg.remove_articles(ids, links=folded, curated=curated)
    return links


def _work_out_links(
    kg: KGStore,
    *,
    dominance: float,
    curation: Curation | None,
    without: Iterable[str] = (),
) -> tuple[list[Link], dict[str, str], dict[str, tuple[str, str]]]:
    """The links of the store (but the article graphs ``without``), as links and as source →
    target, and the labels and classes the curation file sets."""
    entities = read_entities(kg.ox, kg.minter.base, without=without)
    links = find_links(entities, dominance=dominance, curation=curation)
    curated = curate_entities(entities, links, curation or Curation())
    return links, {k.source: k.target for k in links}, curated


def curate_entities(
    entities: Iterable[EntityInfo], links: Iterable[Link], curation: Curation
) -> dict[str, tuple[str, str]]:
    """Entity IRI → (label, class) that the ``rename`` and ``retype`` entries set, on the
    entities the links fold into (``""``: left as it is)."""
    target = {k.source: k.target for k in links}
    curated: dict[str, tuple[str, str]] = {}
    items = list(entities)
    for entry in (*curation.of("rename"), *curation.of("retype")):
        for e in items:
            if entry.matches(e.iri, e.label, e.cls):
                iri = target.get(e.iri, e.iri)
                label, cls = curated.get(iri, ("", ""))
                if entry.kind == "rename":
                    label = entry.value
                else:
                    cls = entry.value
                curated[iri] = (label, cls)
    return curated
