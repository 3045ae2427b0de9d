"""SHACL validation of kg graphs and stores (kg.validate)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pyoxigraph
import pytest
from rdflib import BNode, Dataset, Graph, Literal, URIRef

from kg.errors import KGError, StoreError
from kg.iri import IRIMinter
from kg.rdf import article_quads, run_quads
from kg.records import Article, ArticleGraph, Entity, Evidence, Triple
from kg.store import open_store
from kg.validate import (
    SchemaError,
    ValidationResult,
    schemas_dir,
    to_rdflib_graph,
    to_rdflib_term,
    validate_graph,
    validate_store,
)

DATA = Path(__file__).resolve().parent / "data"
KG = "https://kg.example/ontology#"
BASE = "https://kg.example/"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
XSD = "http://www.w3.org/2001/XMLSchema#"
STATEMENT_OBJECTS = f"^<{RDF}predicate>/<{RDF}object>"
PREFIXES = f"""
PREFIX kg: <{KG}>
PREFIX rdf: <{RDF}>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX xsd: <{XSD}>
PREFIX schema: <http://schema.org/>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX person: <{BASE}person/>
PREFIX organization: <{BASE}organization/>
PREFIX place: <{BASE}place/>
PREFIX statement: <{BASE}statement/>
PREFIX run: <{BASE}run/>
"""
STARMER = f"{BASE}person/Keir_Starmer"
LEAVITT = f"{BASE}person/Karoline_Leavitt"
LONDON = f"{BASE}place/London"
MINERALS = f"{BASE}article/seeds/minerals-deal-talks.txt"
RUN = f"{BASE}run/6f1c2a40-0000-4000-8000-000000000001"
SPOKESPERSON_STATEMENT = f"{BASE}statement/a100000000000000001"

Finding = tuple[str, str, str]


def load_trig(name: str) -> pyoxigraph.Store:
    store = pyoxigraph.Store()
    store.load(path=str(DATA / name), format=pyoxigraph.RdfFormat.TRIG)
    return store


def findings(result: ValidationResult) -> set[Finding]:
    """What each result says failed: focus node, path and SHACL constraint component."""
    return {(v.focus, v.path, v.constraint) for v in result.violations}


@pytest.fixture(scope="module")
def valid_store() -> pyoxigraph.Store:
    return load_trig("valid.trig")


@pytest.fixture(scope="module")
def valid_graph(valid_store: pyoxigraph.Store) -> Graph:
    return to_rdflib_graph(valid_store)


@pytest.fixture(scope="module")
def invalid_store() -> pyoxigraph.Store:
    return load_trig("invalid.trig")


def test_validate_graph_valid_fixture_conforms(valid_graph: Graph) -> None:
    result = validate_graph(valid_graph)
    assert result.violations == ()
    assert result.conforms
    assert result.triples == len(valid_graph)
    assert "Conforms: True" in result.text


def test_validate_graph_leaves_its_input_unchanged(valid_graph: Graph) -> None:
    before = set(valid_graph)
    validate_graph(valid_graph)
    assert set(valid_graph) == before


def test_validate_store_valid_fixture_conforms(valid_store: pyoxigraph.Store) -> None:
    result = validate_store(valid_store)
    assert result.conforms
    assert result.violations == ()
    # Entities named by both articles are counted once in the union.
    assert result.triples < len(valid_store)


def test_validate_store_invalid_fixture_reports_exactly_the_planted_errors(
    invalid_store: pyoxigraph.Store,
) -> None:
    result = validate_store(invalid_store)
    assert not result.conforms
    assert findings(result) == {
        (f"{BASE}person/Georgia", f"{RDF}type", "QualifiedMaxCountConstraintComponent"),
        (
            f"{BASE}statement/c100000000000000002",
            f"{KG}start",
            "LessThanOrEqualsConstraintComponent",
        ),
        (
            f"{BASE}statement/c100000000000000003",
            f"{KG}confidence",
            "MaxInclusiveConstraintComponent",
        ),
        (f"{BASE}statement/c100000000000000004", f"{KG}status", "InConstraintComponent"),
        (LEAVITT, f"{KG}spokesperson_of", "NodeConstraintComponent"),
        (f"{KG}spokesperson_of", STATEMENT_OBJECTS, "NodeConstraintComponent"),
    }
    assert len(result.violations) == 6
    assert {v.severity for v in result.violations} == {"Violation"}
    by_path = {v.path: v for v in result.violations}
    assert by_path[f"{KG}confidence"].value == "1.5"
    assert by_path[f"{KG}status"].value == "maybe"
    assert by_path[f"{KG}start"].message == (
        "The kg:start of a statement must not be greater than its kg:end"
    )
    assert by_path[f"{KG}spokesperson_of"].value == f"{BASE}person/Donald_Trump"
    assert "kg:Organization or a kg:Place" in by_path[f"{KG}spokesperson_of"].message


def test_validate_graph_checks_a_dataset_as_the_union_of_its_graphs(
    invalid_store: pyoxigraph.Store,
) -> None:
    dataset = Dataset()
    for quad in invalid_store:
        assert isinstance(quad.graph_name, pyoxigraph.NamedNode)
        context = dataset.graph(URIRef(quad.graph_name.value))
        context.add(
            (
                to_rdflib_term(quad.subject),
                to_rdflib_term(quad.predicate),
                to_rdflib_term(quad.object),
            )
        )
    # Statements live in the article's graph, their article in the metadata graph: checked
    # graph by graph, prov:wasDerivedFrom would point to no schema:NewsArticle.
    assert findings(validate_graph(dataset)) == findings(validate_store(invalid_store))


def test_validate_violations_are_sorted(invalid_store: pyoxigraph.Store) -> None:
    violations = validate_store(invalid_store).violations
    keys = [(v.focus, v.path, v.message, v.value) for v in violations]
    assert keys == sorted(keys)


MUTATIONS: dict[str, tuple[str, set[Finding]]] = {
    "entity without label": (
        "DELETE WHERE { person:Keir_Starmer rdfs:label ?l }",
        {(STARMER, "http://www.w3.org/2000/01/rdf-schema#label", "MinCountConstraintComponent")},
    ),
    "entity with two labels": (
        'INSERT DATA { person:Keir_Starmer rdfs:label "Sir Keir Starmer" }',
        {(STARMER, "http://www.w3.org/2000/01/rdf-schema#label", "MaxCountConstraintComponent")},
    ),
    "language-tagged alias": (
        'INSERT DATA { person:Keir_Starmer skos:altLabel "Starmer"@en }',
        {
            (
                STARMER,
                "http://www.w3.org/2004/02/skos/core#altLabel",
                "DatatypeConstraintComponent",
            )
        },
    ),
    "untyped mentioned node": (
        f"INSERT DATA {{ <{MINERALS}> schema:mentions person:Nobody }}",
        {
            (f"{BASE}person/Nobody", f"{RDF}type", "QualifiedMinCountConstraintComponent"),
            (
                f"{BASE}person/Nobody",
                "http://www.w3.org/2000/01/rdf-schema#label",
                "MinCountConstraintComponent",
            ),
        },
    ),
    "confidence as double": (
        "DELETE { ?s kg:confidence ?c } INSERT { ?s kg:confidence 9.0e-1 } "
        "WHERE { ?s kg:confidence ?c FILTER(?s = statement:a100000000000000001) }",
        {(SPOKESPERSON_STATEMENT, f"{KG}confidence", "DatatypeConstraintComponent")},
    ),
    "negative start": (
        "DELETE { ?s kg:start ?v } INSERT { ?s kg:start -1 } "
        "WHERE { ?s kg:start ?v FILTER(?s = statement:a100000000000000001) }",
        {(SPOKESPERSON_STATEMENT, f"{KG}start", "MinInclusiveConstraintComponent")},
    ),
    "start as string": (
        'DELETE { ?s kg:start ?v } INSERT { ?s kg:start "120" } '
        "WHERE { ?s kg:start ?v FILTER(?s = statement:a100000000000000001) }",
        {
            (SPOKESPERSON_STATEMENT, f"{KG}start", "DatatypeConstraintComponent"),
            # a string is not comparable with numbers
            (SPOKESPERSON_STATEMENT, f"{KG}start", "MinInclusiveConstraintComponent"),
            (SPOKESPERSON_STATEMENT, f"{KG}start", "LessThanOrEqualsConstraintComponent"),
        },
    ),
    "statement without sentence": (
        "DELETE WHERE { statement:a100000000000000001 kg:sentence ?s }",
        {(SPOKESPERSON_STATEMENT, f"{KG}sentence", "MinCountConstraintComponent")},
    ),
    "statement with two statuses": (
        'INSERT DATA { statement:a100000000000000001 kg:status "former" }',
        {(SPOKESPERSON_STATEMENT, f"{KG}status", "MaxCountConstraintComponent")},
    ),
    "unknown predicate": (
        "DELETE { ?s rdf:predicate ?p } INSERT { ?s rdf:predicate kg:spokesman_of } "
        "WHERE { ?s rdf:predicate ?p FILTER(?s = statement:a100000000000000001) }",
        {(SPOKESPERSON_STATEMENT, f"{RDF}predicate", "InConstraintComponent")},
    ),
    "statement from an unknown article": (
        "DELETE { ?s prov:wasDerivedFrom ?a } "
        f"INSERT {{ ?s prov:wasDerivedFrom <{BASE}article/missing.txt> }} "
        "WHERE { ?s prov:wasDerivedFrom ?a FILTER(?s = statement:a100000000000000001) }",
        {
            (
                SPOKESPERSON_STATEMENT,
                "http://www.w3.org/ns/prov#wasDerivedFrom",
                "ClassConstraintComponent",
            )
        },
    ),
    "former role whose object is a person": (
        "DELETE { ?s rdf:object ?o } INSERT { ?s rdf:object person:Donald_Trump } "
        "WHERE { ?s rdf:object ?o FILTER(?s = statement:b100000000000000008) }",
        {(f"{KG}prime_minister_of", STATEMENT_OBJECTS, "NodeConstraintComponent")},
    ),
    "leader of a person": (
        "INSERT DATA { person:Keir_Starmer kg:leader_of person:Donald_Trump }",
        {(STARMER, f"{KG}leader_of", "NodeConstraintComponent")},
    ),
    "citizen of an organization": (
        "INSERT DATA { person:Keir_Starmer kg:citizen_of organization:Labour }",
        {(STARMER, f"{KG}citizen_of", "ClassConstraintComponent")},
    ),
    "person based in a place": (
        "INSERT DATA { person:Keir_Starmer kg:based_in place:London }",
        {(STARMER, "", "ClassConstraintComponent")},
    ),
    "place located in an organization": (
        "INSERT DATA { place:London kg:located_in organization:Labour }",
        {(LONDON, f"{KG}located_in", "ClassConstraintComponent")},
    ),
    "person met a place": (
        "INSERT DATA { person:Keir_Starmer kg:met_with place:London }",
        {(STARMER, f"{KG}met_with", "ClassConstraintComponent")},
    ),
    "relation to a literal": (
        'INSERT DATA { person:Karoline_Leavitt kg:works_for "White House" }',
        {
            (LEAVITT, f"{KG}works_for", "NodeKindConstraintComponent"),
            (LEAVITT, f"{KG}works_for", "NodeConstraintComponent"),
        },
    ),
    "article without content hash": (
        f"DELETE WHERE {{ <{MINERALS}> kg:contentHash ?h }}",
        {(MINERALS, f"{KG}contentHash", "MinCountConstraintComponent")},
    ),
    "article with a malformed content hash": (
        f"DELETE {{ <{MINERALS}> kg:contentHash ?h }} "
        f'INSERT {{ <{MINERALS}> kg:contentHash "XYZ" }} '
        f"WHERE {{ <{MINERALS}> kg:contentHash ?h }}",
        {(MINERALS, f"{KG}contentHash", "PatternConstraintComponent")},
    ),
    "article date as a string": (
        f"DELETE {{ <{MINERALS}> schema:datePublished ?d }} "
        f'INSERT {{ <{MINERALS}> schema:datePublished "26 February 2025" }} '
        f"WHERE {{ <{MINERALS}> schema:datePublished ?d }}",
        {(MINERALS, "http://schema.org/datePublished", "DatatypeConstraintComponent")},
    ),
    "run without model": (
        "DELETE WHERE { ?run kg:model ?m }",
        {(RUN, f"{KG}model", "MinCountConstraintComponent")},
    ),
    "run that ends before it starts": (
        "DELETE { ?run prov:endedAtTime ?t } "
        'INSERT { ?run prov:endedAtTime "2025-03-05T09:00:00Z"^^xsd:dateTime } '
        "WHERE { ?run prov:endedAtTime ?t }",
        {(RUN, "http://www.w3.org/ns/prov#startedAtTime", "LessThanOrEqualsConstraintComponent")},
    ),
}


@pytest.mark.parametrize("name", sorted(MUTATIONS))
def test_validate_graph_reports_a_broken_valid_graph(valid_graph: Graph, name: str) -> None:
    update, expected = MUTATIONS[name]
    graph = Graph()
    graph += valid_graph
    graph.update(PREFIXES + update)
    assert set(graph) != set(valid_graph), "the mutation changed nothing"
    result = validate_graph(graph)
    assert not result.conforms
    assert findings(result) == expected


def test_to_rdflib_term_converts_every_kind_of_term() -> None:
    assert to_rdflib_term(pyoxigraph.NamedNode(f"{BASE}person/A")) == URIRef(f"{BASE}person/A")
    assert to_rdflib_term(pyoxigraph.BlankNode("b1")) == BNode("b1")
    assert to_rdflib_term(pyoxigraph.Literal("current")) == Literal("current")
    assert to_rdflib_term(pyoxigraph.Literal("UK", language="en")) == Literal("UK", lang="en")
    integer = pyoxigraph.Literal("312", datatype=pyoxigraph.NamedNode(f"{XSD}integer"))
    assert to_rdflib_term(integer) == Literal(312)
    decimal = pyoxigraph.Literal("0.9", datatype=pyoxigraph.NamedNode(f"{XSD}decimal"))
    assert to_rdflib_term(decimal) == Literal("0.9", datatype=URIRef(f"{XSD}decimal"))
    explicit = pyoxigraph.Literal("x", datatype=pyoxigraph.NamedNode(f"{XSD}string"))
    assert to_rdflib_term(explicit) == Literal("x")


def test_to_rdflib_term_rejects_triple_terms() -> None:
    node = pyoxigraph.NamedNode(f"{BASE}a")
    with pytest.raises(StoreError, match="triple terms"):
        to_rdflib_term(pyoxigraph.Triple(node, node, node))  # type: ignore[arg-type]


def test_to_rdflib_graph_is_the_union_without_duplicates(valid_store: pyoxigraph.Store) -> None:
    graph = to_rdflib_graph(valid_store)
    distinct = {(q.subject, q.predicate, q.object) for q in valid_store}
    assert len(graph) == len(distinct)
    trump = URIRef(f"{BASE}person/Donald_Trump")
    label = URIRef("http://www.w3.org/2000/01/rdf-schema#label")
    assert list(graph.objects(trump, label)) == [Literal("Donald Trump")]
    aliases = set(graph.objects(trump, URIRef("http://www.w3.org/2004/02/skos/core#altLabel")))
    assert aliases == {Literal("Trump"), Literal("President Trump"), Literal("Mr Trump")}


def test_schemas_dir_defaults_to_the_repository(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("KG_SCHEMAS", raising=False)
    assert schemas_dir() == Path(__file__).resolve().parent.parent / "schemas"
    assert (schemas_dir() / "shapes.ttl").is_file()


def test_schemas_dir_honours_kg_schemas(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, valid_graph: Graph
) -> None:
    shutil.copy(schemas_dir() / "ontology.ttl", tmp_path / "ontology.ttl")
    (tmp_path / "shapes.ttl").write_text(
        "@prefix sh: <http://www.w3.org/ns/shacl#> .\n"
        "@prefix kg: <https://kg.example/ontology#> .\n"
        "<urn:shape> a sh:NodeShape ; sh:targetClass kg:Person ;\n"
        "    sh:property [ sh:path kg:nothing ; sh:minCount 1 ] .\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("KG_SCHEMAS", str(tmp_path))
    assert schemas_dir() == tmp_path
    result = validate_graph(valid_graph)
    assert not result.conforms
    assert {v.path for v in result.violations} == {f"{KG}nothing"}


def test_validate_graph_takes_another_shapes_file(tmp_path: Path, valid_graph: Graph) -> None:
    shapes = tmp_path / "strict.ttl"
    shapes.write_text(
        "@prefix sh: <http://www.w3.org/ns/shacl#> .\n"
        "@prefix kg: <https://kg.example/ontology#> .\n"
        "<urn:shape> a sh:NodeShape ; sh:targetClass kg:Person ;\n"
        "    sh:property [ sh:path kg:citizen_of ; sh:minCount 1 ] .\n",
        encoding="utf-8",
    )
    result = validate_graph(valid_graph, shapes=shapes)
    assert not result.conforms
    assert f"{BASE}person/Keir_Starmer" not in {v.focus for v in result.violations}
    assert f"{BASE}person/Donald_Trump" in {v.focus for v in result.violations}


def test_validate_graph_names_a_missing_schema_file(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("KG_SCHEMAS", str(tmp_path))
    with pytest.raises(SchemaError, match="not found; set KG_SCHEMAS") as info:
        validate_graph(Graph())
    assert isinstance(info.value, KGError)
    assert str(tmp_path) in str(info.value)


def test_validate_graph_names_a_malformed_shapes_file(tmp_path: Path) -> None:
    shapes = tmp_path / "broken.ttl"
    shapes.write_text("<urn:a> <urn:b> .\n", encoding="utf-8")
    with pytest.raises(SchemaError, match=r"Cannot parse .*broken\.ttl as Turtle"):
        validate_graph(Graph(), shapes=shapes)


def test_validate_graph_names_a_malformed_shape(tmp_path: Path) -> None:
    shapes = tmp_path / "bad-shape.ttl"
    shapes.write_text(
        "@prefix sh: <http://www.w3.org/ns/shacl#> .\n"
        "<urn:shape> a sh:NodeShape ; sh:targetNode <urn:x> ; sh:maxCount 0 .\n",
        encoding="utf-8",
    )
    with pytest.raises(SchemaError, match=r"bad-shape\.ttl: .*MaxCountConstraintComponent"):
        validate_graph(Graph(), shapes=shapes)


@pytest.mark.parametrize(
    "update",
    [
        "INSERT DATA { person:Keir_Starmer kg:adviser_to person:Donald_Trump }",
        "DELETE { ?s rdf:predicate ?p ; rdf:object ?o } "
        "INSERT { ?s rdf:predicate kg:adviser_to ; rdf:object person:Donald_Trump } "
        "WHERE { ?s rdf:predicate ?p ; rdf:object ?o FILTER(?s = statement:b100000000000000008) }",
    ],
    ids=["relation", "statement"],
)
def test_validate_graph_accepts_an_adviser_to_a_person(valid_graph: Graph, update: str) -> None:
    # ANNOTATION.md: an adviser to "a person, government or organization"; the only
    # affiliation whose object may be a person ("leader of a person" above is refused).
    graph = Graph()
    graph += valid_graph
    graph.update(PREFIXES + update)
    assert set(graph) != set(valid_graph), "the mutation changed nothing"
    result = validate_graph(graph)
    assert result.violations == ()


def test_validate_store_accepts_an_open_kg_store(tmp_path: Path) -> None:
    with open_store(tmp_path / "kg.oxigraph", read_only=False) as kg:
        kg.add(load_trig("valid.trig"))
        kg.ensure_ontology()  # the store's copy of the ontology is validated too
    with open_store(tmp_path / "kg.oxigraph") as kg:
        result = validate_store(kg)
    assert result.violations == ()
    assert result.conforms


def test_validate_store_accepts_what_kg_rdf_writes() -> None:
    minter = IRIMinter()
    trump = Entity("Donald Trump", "Person", ("Trump",))
    leavitt = Entity("Karoline Leavitt", "Person", ("Leavitt",))
    house = Entity("White House", "Organization")
    usa = Entity("United States", "Place", ("U.S.",))
    sentence = "White House press secretary Karoline Leavitt said U.S. President Donald Trump won."

    def evidence(subject: str, obj: str, title: str, status: str = "current") -> Evidence:
        return Evidence(sentence, 0, len(sentence), subject, obj, "test.rule", 0.9, title, status)

    graph = ArticleGraph(
        Article("seeds/a.txt", sentence, title="A", date="2025-03-05", url="https://a.example/"),
        (trump, leavitt, house, usa),
        (
            Triple(
                leavitt,
                "spokesperson_of",
                house,
                evidence("Leavitt", "White House", "press secretary"),
            ),
            Triple(trump, "president_of", usa, evidence("Donald Trump", "U.S.", "President")),
            Triple(trump, "leader_of", house, evidence("Trump", "White House", "", "former")),
        ),
    )
    run = minter.run("6f1c2a40-0000-4000-8000-000000000003")
    store = pyoxigraph.Store()
    store.extend(article_quads(graph, minter, run=run, fingerprint=graph.article.content_hash))
    store.extend(
        run_quads(
            minter,
            run,
            started="2025-03-05T10:00:00+00:00",
            ended="2025-03-05T10:00:01+00:00",
            model="blank",
            model_version="0.0.0",
            kg_version="0.1.0",
        )
    )
    result = validate_store(store)
    assert result.violations == ()
