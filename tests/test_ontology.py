"""The ontology and the SHACL shapes agree with kg.vocab, kg.records and each other."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.collection import Collection
from rdflib.namespace import OWL, RDF, RDFS, SH, SKOS

from kg import vocab
from kg.iri import ONTOLOGY
from kg.records import ENTITY_CLASSES, STATUSES

SCHEMAS = Path(__file__).resolve().parent.parent / "schemas"
KG = Namespace(ONTOLOGY)
KGSH = Namespace("https://kg.example/ontology/shapes#")
SCHEMA = Namespace("http://schema.org/")
WD = Namespace("http://www.wikidata.org/entity/")
WDT = Namespace("http://www.wikidata.org/prop/direct/")
XSD = Namespace("http://www.w3.org/2001/XMLSchema#")

RELATIONS = ("affiliated_with", *vocab.PREDICATES)
CLASS_ALIGNMENTS = {
    "Person": (SCHEMA.Person, WD.Q5),
    "Organization": (SCHEMA.Organization, WD.Q43229),
    "Place": (SCHEMA.Place, WD.Q2221906),
}
# Evidence and metadata properties of schemas/README.md, with their ranges.
EVIDENCE = {
    "sentence": XSD.string,
    "start": XSD.integer,
    "end": XSD.integer,
    "subjectText": XSD.string,
    "objectText": XSD.string,
    "titlePhrase": XSD.string,
    "rule": XSD.string,
    "confidence": XSD.decimal,
    "asOf": XSD.date,
    "contentHash": XSD.string,
    "model": XSD.string,
    "modelVersion": XSD.string,
    "kgVersion": XSD.string,
}
# Properties that point from the organization or place to the person: a kg property may meet
# them only as an inverse or through skos:relatedMatch, never with a same-direction claim.
INVERSE_DIRECTION = {SCHEMA.founder, WDT.P112, WDT.P488, WDT.P169, WDT.P6, WDT.P35}
SAME_DIRECTION = (
    RDFS.subPropertyOf,
    OWL.equivalentProperty,
    SKOS.exactMatch,
    SKOS.closeMatch,
    SKOS.broadMatch,
    SKOS.narrowMatch,
)


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(SCHEMAS / "ontology.ttl", format="turtle")


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return Graph().parse(SCHEMAS / "shapes.ttl", format="turtle")


def local_names(nodes: object) -> set[str]:
    return {str(node).removeprefix(ONTOLOGY) for node in nodes}  # type: ignore[attr-defined]


def class_names(graph: Graph, node: object) -> set[str]:
    """Local names of a class, or of the members of an owl:unionOf class."""
    if isinstance(node, BNode):
        members = graph.value(node, OWL.unionOf)
        assert members is not None, f"anonymous class without owl:unionOf: {node}"
        return local_names(Collection(graph, members))
    return local_names([node])


def test_ontology_has_version(ontology: Graph) -> None:
    (iri,) = ontology.subjects(RDF.type, OWL.Ontology)
    assert iri == URIRef("https://kg.example/ontology")
    assert ontology.value(iri, OWL.versionInfo) == Literal("0.1.0")
    assert ontology.value(iri, OWL.versionIRI) is not None


def test_ontology_classes_are_aligned_and_disjoint(ontology: Graph) -> None:
    for name, (schema_class, item) in CLASS_ALIGNMENTS.items():
        cls = KG[name]
        assert (cls, RDF.type, OWL.Class) in ontology
        assert (cls, RDFS.subClassOf, schema_class) in ontology
        assert (cls, SKOS.closeMatch, item) in ontology
        assert ontology.value(cls, RDFS.label) is not None
        others = {KG[other] for other in ENTITY_CLASSES if other != name}
        assert set(ontology.objects(cls, OWL.disjointWith)) == others
    assert set(CLASS_ALIGNMENTS) == set(ENTITY_CLASSES)


@pytest.mark.parametrize("name", RELATIONS)
def test_ontology_relation_is_documented_object_property(ontology: Graph, name: str) -> None:
    prop = KG[name]
    assert (prop, RDF.type, OWL.ObjectProperty) in ontology
    assert str(ontology.value(prop, RDFS.label)) == name.replace("_", " ")
    comment = ontology.value(prop, RDFS.comment)
    assert comment is not None and len(str(comment)) > 20
    assert ontology.value(prop, RDFS.domain) is not None
    assert ontology.value(prop, RDFS.range) is not None


@pytest.mark.parametrize("name", vocab.PREDICATES)
def test_ontology_domain_and_range_match_vocab(ontology: Graph, name: str) -> None:
    assert class_names(ontology, ontology.value(KG[name], RDFS.domain)) == set(vocab.DOMAINS[name])
    assert class_names(ontology, ontology.value(KG[name], RDFS.range)) == set(vocab.RANGES[name])


def test_ontology_hierarchy_equals_super_property(ontology: Graph) -> None:
    internal = {
        str(child).removeprefix(ONTOLOGY): str(parent).removeprefix(ONTOLOGY)
        for child, parent in ontology.subject_objects(RDFS.subPropertyOf)
        if str(child).startswith(ONTOLOGY) and str(parent).startswith(ONTOLOGY)
    }
    assert internal == vocab.SUPER_PROPERTY


def test_ontology_affiliations_are_kinds_of_affiliated_with(ontology: Graph) -> None:
    rows = ontology.query(
        "SELECT ?p WHERE { ?p rdfs:subPropertyOf* kg:affiliated_with }",
        initNs={"rdfs": RDFS, "kg": KG},
    )
    found = {str(row[0]).removeprefix(ONTOLOGY) for row in rows}  # type: ignore[index]
    assert set(vocab.AFFILIATIONS) <= found
    assert found.isdisjoint({"based_in", "located_in", "met_with"})


def test_ontology_relation_characteristics(ontology: Graph) -> None:
    assert (KG.located_in, RDF.type, OWL.TransitiveProperty) in ontology
    assert (KG.met_with, RDF.type, OWL.SymmetricProperty) in ontology


def test_ontology_inverse_alignments_keep_their_direction(ontology: Graph) -> None:
    for name in RELATIONS:
        for predicate in SAME_DIRECTION:
            targets = set(ontology.objects(KG[name], predicate))
            assert not targets & INVERSE_DIRECTION, (name, predicate, targets & INVERSE_DIRECTION)
    inverses = {
        ontology.value(node, OWL.inverseOf)
        for node in ontology.objects(KG.founder_of, RDFS.subPropertyOf)
    }
    assert {SCHEMA.founder, WDT.P112} <= inverses


def test_ontology_alignments_cover_schema_org_org_and_wikidata(ontology: Graph) -> None:
    targets = {str(o) for _, p, o in ontology if p in {*SAME_DIRECTION, SKOS.relatedMatch}}
    for expected in (
        "http://schema.org/worksFor",
        "http://schema.org/memberOf",
        "http://schema.org/nationality",
        "http://www.w3.org/ns/org#memberOf",
        "http://www.w3.org/ns/org#headOf",
        "http://www.wikidata.org/prop/direct/P108",
        "http://www.wikidata.org/prop/direct/P39",
        "http://www.wikidata.org/prop/direct/P463",
        "http://www.wikidata.org/prop/direct/P27",
        "http://www.wikidata.org/prop/direct/P159",
        "http://www.wikidata.org/prop/direct/P131",
    ):
        assert expected in targets


@pytest.mark.parametrize("name", sorted(EVIDENCE))
def test_ontology_evidence_property_is_declared(ontology: Graph, name: str) -> None:
    prop = KG[name]
    assert (prop, RDF.type, OWL.DatatypeProperty) in ontology
    assert ontology.value(prop, RDFS.label) is not None
    assert ontology.value(prop, RDFS.comment) is not None
    assert ontology.value(prop, RDFS.range) == EVIDENCE[name]


def test_ontology_status_values_match_records(ontology: Graph) -> None:
    assert (KG.status, RDF.type, OWL.DatatypeProperty) in ontology
    values = ontology.value(ontology.value(KG.status, RDFS.range), OWL.oneOf)
    assert tuple(str(v) for v in Collection(ontology, values)) == STATUSES


def test_ontology_graph_property_is_object_property(ontology: Graph) -> None:
    assert (KG.graph, RDF.type, OWL.ObjectProperty) in ontology
    assert ontology.value(KG.graph, RDFS.domain) == SCHEMA.NewsArticle


def test_ontology_source_file_may_have_several_values_and_is_declared_once(
    ontology: Graph,
) -> None:
    # The same text found in two files is one article with two kg:sourceFile values.
    assert (KG.sourceFile, RDF.type, OWL.FunctionalProperty) not in ontology
    assert len(list(ontology.objects(KG.sourceFile, RDFS.label))) == 1


def test_ontology_defines_every_kg_term_the_shapes_use(ontology: Graph, shapes: Graph) -> None:
    used = {node for triple in shapes for node in triple if str(node).startswith(ONTOLOGY)}
    defined = set(ontology.subjects(RDFS.label, None))
    assert used - defined == set()


def test_shapes_relations_match_ontology(ontology: Graph, shapes: Graph) -> None:
    def constrained_classes(shape: object) -> set[str]:
        cls = shapes.value(shape, SH["class"])
        if cls is not None:
            return local_names([cls])
        node = shapes.value(shape, SH.node)
        assert node is not None, f"{shape} constrains no class"
        (qualified,) = shapes.objects(node, SH.property)
        allowed = shapes.value(shapes.value(qualified, SH.qualifiedValueShape), SH["in"])
        return local_names(Collection(shapes, allowed))

    for name in RELATIONS:
        domain = class_names(ontology, ontology.value(KG[name], RDFS.domain))
        range_ = class_names(ontology, ontology.value(KG[name], RDFS.range))
        assert constrained_classes(KGSH[name]) == domain, name
        assert shapes.value(KGSH[f"{name}-object"], SH.path) == KG[name]
        assert constrained_classes(KGSH[f"{name}-object"]) == range_, name
        by_end = {}
        for prop in shapes.objects(KGSH[f"{name}-statements"], SH.property):
            steps = list(Collection(shapes, shapes.value(prop, SH.path)))
            by_end[steps[-1]] = constrained_classes(prop)
        assert by_end == {RDF.subject: domain, RDF.object: range_}, name


def test_shapes_statement_predicates_and_statuses(shapes: Graph) -> None:
    predicates = shapes.value(KGSH["Statement-predicate"], SH["in"])
    assert local_names(Collection(shapes, predicates)) == set(RELATIONS)
    statuses = shapes.value(KGSH["Statement-status"], SH["in"])
    assert tuple(str(v) for v in Collection(shapes, statuses)) == STATUSES


def test_shapes_every_shape_has_a_message(shapes: Graph) -> None:
    targeted = {
        shape
        for target in (SH.targetClass, SH.targetSubjectsOf, SH.targetObjectsOf)
        for shape in shapes.subjects(target, None)
    }
    assert len(targeted) > 40
    for shape in targeted:
        assert shapes.value(shape, SH.message) is not None, shape
