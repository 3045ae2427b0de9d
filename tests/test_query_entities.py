"""Entity parameters of named queries: names looked up before the query runs (kg.query.named)."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
from typer.testing import CliRunner

import kg.query
import kg.query.named
from kg.cli import app
from kg.errors import QueryError
from kg.query import QueryResult, ResultTerm, check_query
from kg.query.named import (
    NamedQuery,
    QueryParam,
    find_entities,
    load_named_query,
    read_named_query,
    run_named_query,
)

KG = "https://kg.example/ontology#"
KGD = "https://kg.example/"
JORDAN_LEE = f"{KGD}person/Jordan_Lee"
JORDAN = f"{KGD}place/Jordan"
ADA = f"{KGD}person/Ada_Lovelace"
NASA = f"{KGD}organization/NASA"
NASA_FOODS = f"{KGD}organization/Nasa_Foods"

# Two article graphs that both describe Jordan Lee and the place Jordan (the union repeats
# their class and labels), a person and a place sharing the name "Jordan", and two
# organizations whose names differ only in case ("NASA", the alias "Nasa"). Ada Lovelace's
# role is stated twice, once with a date and once without; Jordan Lee's once, undated.
ENTITIES_TRIG = """
@prefix kg: <https://kg.example/ontology#> .
@prefix kgd: <https://kg.example/> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix schema: <http://schema.org/> .
@prefix prov: <http://www.w3.org/ns/prov#> .

<https://kg.example/graph/a1> {
    kgd:person\\/Jordan_Lee a kg:Person ; rdfs:label "Jordan Lee" ; skos:altLabel "Jordan" .
    kgd:place\\/Jordan a kg:Place ; rdfs:label "Jordan" .
    kgd:person\\/Ada_Lovelace a kg:Person ; rdfs:label "Ada Lovelace" ; skos:altLabel "Lovelace" .
    kgd:organization\\/NASA a kg:Organization ; rdfs:label "NASA" .
    kgd:article\\/a1 schema:mentions kgd:person\\/Jordan_Lee , kgd:place\\/Jordan ,
        kgd:person\\/Ada_Lovelace , kgd:organization\\/NASA .
    kgd:person\\/Jordan_Lee kg:citizen_of kgd:place\\/Jordan .
    kgd:statement\\/s1 a rdf:Statement ;
        rdf:subject kgd:person\\/Jordan_Lee ; rdf:predicate kg:citizen_of ;
        rdf:object kgd:place\\/Jordan ; prov:wasDerivedFrom kgd:article\\/a1 ;
        kg:sentence "Jordan Lee, a citizen of Jordan, spoke." ; kg:status "current" .
    kgd:person\\/Ada_Lovelace kg:works_for kgd:organization\\/NASA .
    kgd:statement\\/s2 a rdf:Statement ;
        rdf:subject kgd:person\\/Ada_Lovelace ; rdf:predicate kg:works_for ;
        rdf:object kgd:organization\\/NASA ; prov:wasDerivedFrom kgd:article\\/a1 ;
        kg:sentence "Ada Lovelace works for NASA." ; kg:status "current" ;
        kg:asOf "2024-05-01"^^<http://www.w3.org/2001/XMLSchema#date> .
}
<https://kg.example/graph/a2> {
    kgd:person\\/Jordan_Lee a kg:Person ; rdfs:label "Jordan Lee" ; skos:altLabel "Jordan" .
    kgd:place\\/Jordan a kg:Place ; rdfs:label "Jordan" .
    kgd:organization\\/Nasa_Foods a kg:Organization ; rdfs:label "Nasa Foods" ;
        skos:altLabel "Nasa" .
    kgd:article\\/a2 schema:mentions kgd:person\\/Jordan_Lee , kgd:place\\/Jordan ,
        kgd:organization\\/Nasa_Foods .
    kgd:statement\\/s3 a rdf:Statement ;
        rdf:subject kgd:person\\/Ada_Lovelace ; rdf:predicate kg:works_for ;
        rdf:object kgd:organization\\/NASA ; prov:wasDerivedFrom kgd:article\\/a2 ;
        kg:sentence "Lovelace, of NASA, said so." ; kg:status "current" .
    kgd:person\\/Jordan_Lee kg:founder_of kgd:organization\\/Nasa_Foods .
    kgd:statement\\/s4 a rdf:Statement ;
        rdf:subject kgd:person\\/Jordan_Lee ; rdf:predicate kg:founder_of ;
        rdf:object kgd:organization\\/Nasa_Foods ; prov:wasDerivedFrom kgd:article\\/a2 ;
        kg:sentence "Nasa Foods founder Jordan Lee spoke." ; kg:status "current" .
}
<https://kg.example/meta> {
    kgd:article\\/a1 a schema:NewsArticle ; schema:headline "Jordan Lee at NASA" .
    kgd:article\\/a2 a schema:NewsArticle ; schema:headline "Nasa Foods in Jordan" .
}
<https://kg.example/ontology> {
    kg:citizen_of rdfs:subPropertyOf kg:affiliated_with .
    kg:works_for rdfs:subPropertyOf kg:affiliated_with .
    kg:founder_of rdfs:subPropertyOf kg:affiliated_with ,
        [ <http://www.w3.org/2002/07/owl#inverseOf> schema:founder ] .
}
"""


@pytest.fixture(scope="module")
def small_store() -> ox.Store:
    """The entities above in an in-memory store (tests must not write to it)."""
    store = ox.Store()
    store.load(ENTITIES_TRIG.encode("utf-8"), format=ox.RdfFormat.TRIG)
    return store


def column(result: QueryResult, name: str) -> set[str]:
    """The values of one variable, as a set ("" where unbound)."""
    return {row.get(name, "") for row in result.to_dicts()}


# --- find_entities ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Ada Lovelace", (ADA,)),  # exact label
        ("Lovelace", (ADA,)),  # exact alias
        ("ada lovelace", (ADA,)),  # no exact match: any case
        ("LOVELACE", (ADA,)),
        ("Jordan", (JORDAN_LEE, JORDAN)),  # ambiguous: a person's alias and a place's label
        ("jordan lee", (JORDAN_LEE,)),
    ],
)
def test_find_entities_by_name(small_store: ox.Store, value: str, expected: tuple[str]) -> None:
    assert find_entities(small_store, value) == tuple(sorted(expected))


def test_find_entities_prefers_the_exact_case(small_store: ox.Store) -> None:
    assert find_entities(small_store, "NASA") == (NASA,)
    assert find_entities(small_store, "Nasa") == (NASA_FOODS,)
    assert find_entities(small_store, "nasa") == (NASA, NASA_FOODS)


@pytest.mark.parametrize("value", ["Nobody", "Jordan Le", ""])
def test_find_entities_of_an_unknown_name_is_empty(small_store: ox.Store, value: str) -> None:
    assert find_entities(small_store, value) == ()


@pytest.mark.parametrize(
    "value",
    [
        "kgd:person/Ada_Lovelace",
        f"<{ADA}>",
        ADA,
    ],
)
def test_find_entities_takes_an_iri_as_it_is(small_store: ox.Store, value: str) -> None:
    assert find_entities(small_store, value) == (ADA,)
    assert find_entities(small_store, "kgd:person/Nobody") == (f"{KGD}person/Nobody",)


def test_find_entities_follows_the_base() -> None:
    store = ox.Store()
    assert find_entities(store, "kgd:person/X", prefixes={"kgd": "https://news.example/"}) == (
        "https://news.example/person/X",
    )


def test_find_entities_reads_a_quoted_curie_as_a_name(small_store: ox.Store) -> None:
    assert find_entities(small_store, '"kgd:person/Ada_Lovelace"') == ()


# --- with_entities and the header -------------------------------------------------------


def named_query(text: str, *params: QueryParam) -> NamedQuery:
    return NamedQuery("q", "A test query.", params, text, "q.rq")


def test_with_entities_opens_the_where_clause_on_its_first_line() -> None:
    text = (
        "# param: person -> ?subject  Who\n"
        'SELECT ?name ?person (EXISTS { ?subject a kg:Person } AS ?isPerson) ("{" AS ?brace)\n'
        "WHERE {\n  ?subject rdfs:label ?name .\n}\n"
    )
    named = named_query(text, QueryParam("person", "Who", entity="subject"))
    bound = named.with_entities({"person": [ADA, JORDAN_LEE]})
    lines = bound.splitlines()
    assert lines[2] == f"WHERE {{ VALUES ?subject {{ <{ADA}> <{JORDAN_LEE}> }}"
    assert lines[:2] == text.splitlines()[:2] and lines[3:] == text.splitlines()[3:]
    assert check_query(bound) == "select"


def test_with_entities_several_parameters_and_none() -> None:
    named = named_query(
        "SELECT ?s ?o ?subject ?object { ?s ?p ?o }",
        QueryParam("subject", "S", required=False, entity="s"),
        QueryParam("object", "O", required=False, entity="o"),
    )
    assert named.with_entities({}) == named.text
    both = named.with_entities({"subject": [ADA], "object": []})
    assert (
        both
        == f"SELECT ?s ?o ?subject ?object {{ VALUES ?s {{ <{ADA}> }} VALUES ?o {{ }} ?s ?p ?o }}"
    )
    assert check_query(both) == "select"


def test_with_entities_refuses_a_plain_parameter() -> None:
    named = named_query("SELECT ?x ?date { ?x ?p ?date }", QueryParam("date", "D"))
    with pytest.raises(QueryError, match=r"date is not an entity parameter .*: none"):
        named.with_entities({"date": [ADA]})


def test_read_named_query_reads_entity_parameters(tmp_path: Path) -> None:
    path = tmp_path / "people.rq"
    path.write_text(
        "# name: people\n# description: People.\n"
        "# param: person -> ?subject  The person (e.g. Ada)\n"
        "# param: place? -> $where  A place\n"
        "# param: date  A date\n"
        "SELECT ?subject ?person ?place ?date WHERE { ?subject ?p ?where . ?subject ?q ?date }\n"
    )
    named = read_named_query(path)
    assert [(p.name, p.required, p.entity, p.example) for p in named.params] == [
        ("person", True, "subject", "Ada"),
        ("place", False, "where", ""),
        ("date", True, "", ""),
    ]
    assert named.params[0].description == "The person (e.g. Ada)"


def test_read_named_query_checks_entity_variables(tmp_path: Path) -> None:
    path = tmp_path / "broken.rq"
    path.write_text(
        "# name: broken\n# description: Broken.\n"
        "# param: person -> ?nowhere  The person\n"
        "# param: place -> ?place  The place\n"
        "SELECT ?person ?place WHERE { ?s ?p ?o }\n"
    )
    with pytest.raises(QueryError) as caught:
        read_named_query(path)
    message = str(caught.value)
    assert f"{path}:3: entity variable ?nowhere is not used" in message
    assert f"{path}:4: parameter place binds the entities it names to ?place" in message


@pytest.mark.parametrize(
    ("name", "entities"),
    [
        ("affiliations", {"person": "subject"}),
        ("co-mentioned", {"person": "subject"}),
        ("evidence", {"subject": "s", "object": "o"}),
        ("role-holders", {"org": "organization"}),
        ("roles-as-of", {"person": "subject", "org": "organization"}),
        ("whois", {"name": "entity"}),
    ],
)
def test_named_queries_declare_their_entity_parameters(name: str, entities: dict[str, str]) -> None:
    named = load_named_query(name)
    assert {p.name: p.entity for p in named.params if p.entity} == entities
    bound = named.with_entities({p: [ADA] for p in entities})
    assert check_query(bound) == "select"


# --- running named queries with entity parameters ---------------------------------------


def test_whois_answers_every_entity_of_an_ambiguous_name(small_store: ox.Store) -> None:
    result = run_named_query(small_store, "whois", {"name": "Jordan"})
    assert column(result, "entity") == {JORDAN_LEE, JORDAN}
    assert column(result, "class") == {KG + "Person", KG + "Place"}
    assert column(result, "name") == {"Jordan"}  # the value given, on every row
    mentions = {r["valueLabel"] for r in result.to_dicts() if r["property"].endswith("mentions")}
    assert mentions == {"Jordan Lee at NASA", "Nasa Foods in Jordan"}
    # the union repeats each entity's class and labels per graph: each row comes once
    assert len(result.rows) == len(set(result.rows))


def test_affiliations_of_an_ambiguous_name_keep_to_people(small_store: ox.Store) -> None:
    result = run_named_query(small_store, "affiliations", {"person": "jordan"})
    assert [(r["name"], r["relation"], r["objectName"]) for r in result.to_dicts()] == [
        ("Jordan Lee", KG + "citizen_of", "Jordan"),
        ("Jordan Lee", KG + "founder_of", "Nasa Foods"),
    ]
    assert column(result, "person") == {"jordan"}


def test_named_query_by_alias_any_case_and_iri_agree(small_store: ox.Store) -> None:
    answers = [
        run_named_query(small_store, "affiliations", {"person": person}).to_dicts()
        for person in ("Ada Lovelace", "LOVELACE", "kgd:person/Ada_Lovelace", f"<{ADA}>")
    ]
    relations = [[(r["relation"], r["objectName"], r["articles"]) for r in a] for a in answers]
    assert relations == [[(KG + "works_for", "NASA", "2")]] * 4


def test_latest_date_leaves_out_undated_statements(small_store: ox.Store) -> None:
    ada = run_named_query(small_store, "affiliations", {"person": "Ada Lovelace"})
    assert [(r["articles"], r.get("latest")) for r in ada.to_dicts()] == [("2", "2024-05-01")]
    assert ada.rows[0][ada.variables.index("latest")] == ResultTerm(
        "2024-05-01", "literal", "http://www.w3.org/2001/XMLSchema#date"
    )
    nasa = run_named_query(small_store, "role-holders", {"org": "NASA"})
    assert [(r["name"], r["articles"], r.get("latest")) for r in nasa.to_dicts()] == [
        ("Ada Lovelace", "2", "2024-05-01")
    ]
    jordan = run_named_query(small_store, "affiliations", {"person": "Jordan Lee"})
    assert [r.get("latest") for r in jordan.to_dicts()] == [None, None]  # no date at all


@pytest.mark.parametrize(
    ("name", "params"),
    [
        ("affiliations", {"person": "Nobody"}),
        ("co-mentioned", {"person": "Nobody"}),
        ("evidence", {"subject": "Ada Lovelace", "object": "Nowhere"}),
        ("role-holders", {"org": "Nowhere Inc"}),
        ("roles-as-of", {"date": "2030-01-01", "org": "Nowhere Inc"}),
        ("whois", {"name": "Nobody"}),
        ("whois", {"name": "kgd:person/Nobody"}),
    ],
)
def test_named_query_of_an_unknown_name_has_no_rows(
    small_store: ox.Store, name: str, params: dict[str, str]
) -> None:
    result = run_named_query(small_store, name, params)
    assert result.kind == "select" and len(result) == 0
    assert set(params) <= set(result.variables)  # the columns are still there


def test_evidence_with_only_a_plain_parameter_needs_no_lookup(small_store: ox.Store) -> None:
    result = run_named_query(small_store, "evidence", {"predicate": "affiliated_with"})
    assert column(result, "subjectName") == {"Jordan Lee", "Ada Lovelace"}
    assert len(result) == 4


@pytest.mark.parametrize(
    ("predicate", "statements"),
    [
        ("works_for", {"s2", "s3"}),
        ("kg:founder_of", {"s4"}),
        ("citizen_of", {"s1"}),
        ("member_of", set()),
    ],
)
def test_evidence_by_predicate_ignores_blank_node_super_properties(
    small_store: ox.Store, predicate: str, statements: set[str]
) -> None:
    # founder_of is also a sub-property of [ owl:inverseOf schema:founder ]: a blank node
    result = run_named_query(small_store, "evidence", {"predicate": predicate})
    assert {iri.rsplit("/", 1)[1] for iri in column(result, "statement")} == statements


def test_named_query_with_entities_on_a_store_folder_and_a_timeout(
    tmp_path: Path, small_store: ox.Store
) -> None:
    folder = tmp_path / "store"
    on_disk = ox.Store(str(folder))
    on_disk.extend(small_store)
    on_disk.flush()
    del on_disk
    direct = run_named_query(small_store, "whois", {"name": "jordan"})
    for timeout in (None, 60.0):
        result = run_named_query(folder, "whois", {"name": "jordan"}, timeout=timeout)
        assert sorted(result.rows, key=str) == sorted(direct.rows, key=str)
    assert column(direct, "entity") == {JORDAN_LEE, JORDAN}


def test_cli_named_query_looks_up_names(tmp_path: Path, small_store: ox.Store) -> None:
    data = tmp_path / "entities.trig"
    data.write_text(ENTITIES_TRIG, encoding="utf-8")
    runner = CliRunner()
    found = runner.invoke(
        app, ["query", "--data", str(data), "-n", "whois", "-p", "name=JORDAN", "-F", "csv"]
    )
    assert found.exit_code == 0, found.output
    assert "Jordan Lee" in found.stdout and JORDAN in found.stdout
    unknown = runner.invoke(app, ["query", "--data", str(data), "-n", "whois", "-p", "name=Zed"])
    assert unknown.exit_code == 0, unknown.output
    assert "0 rows" in unknown.stderr


def test_kg_query_exports_the_named_query_api() -> None:
    for name in kg.query.named.__all__:
        assert getattr(kg.query, name) is getattr(kg.query.named, name)
    assert set(kg.query.named.__all__) <= set(kg.query.__all__)
    with pytest.raises(AttributeError, match="no attribute 'nothing_here'"):
        kg.query.nothing_here  # noqa: B018


def test_kg_query_modules_import_without_a_cycle() -> None:
    # The sibling imports of every module of the package (at any level, TYPE_CHECKING
    # included), read from the source: the graph they draw must have no cycle.
    import ast

    folder = Path(kg.query.__file__).parent
    modules = {p.stem for p in folder.glob("*.py")} - {"__init__"}
    imports: dict[str, set[str]] = {}
    for module in modules:
        tree = ast.parse((folder / f"{module}.py").read_text(encoding="utf-8"))
        imports[module] = {
            (node.module or "").split(".")[0]
            for node in ast.walk(tree)
            if isinstance(node, ast.ImportFrom) and node.level == 1
        } & modules
    done: list[str] = []
    while len(done) < len(modules):
        ready = sorted(m for m in modules - set(done) if imports[m] <= set(done))
        assert ready, f"import cycle among {sorted(modules - set(done))}: {imports}"
        done.extend(ready)
    assert done == ["terms", "guard", "results", "worker", "named"]
