"""Benchmark kg's named queries against rdflib's in-memory store, measured in the same run.

1. Build, or reuse, a synthetic kg store of at least ``--quads`` quads (1,000,000 by
   default) in the exact shape ``kg build`` writes: :class:`kg.records.ArticleGraph`
   records turned into quads by :func:`kg.rdf.article_quads`, one build run
   (:func:`kg.rdf.run_quads`) and the ontology graph (:meth:`KGStore.ensure_ontology`).
   Articles name 5-15 people, organizations and places drawn with a Zipf-like skew from a
   few thousand names (the most popular appear in hundreds of articles) and state 2-6
   relations with evidence; some roles are former, acting or future; dates span 2004-2025.
   Generation is seeded, so the same parameters give the same store; a sidecar file
   ``STORE.params.json`` records them and a later run with the same parameters reuses it.
2. Dump the store as N-Quads and load that file both ways, timed: pyoxigraph's bulk loader
   (into a fresh on-disk store, and into memory) and rdflib's N-Quads parser into a
   ``Dataset(default_union=True)``.
3. Run every named query of ``schemas/queries`` (or ``--queries DIR``) through kg
   (:func:`kg.query.named.run_named_query` on the on-disk store opened read-only: kg's guard-rail
   parse, Oxigraph and kg's result conversion), through bare pyoxigraph (``Store.query``
   with the same substitutions, results drained) and through rdflib (``Dataset.query``
   with ``initBindings`` standing for kg's substitutions, the same predeclared prefixes and
   the union default graph). Parameters are realistic: the most mentioned person and
   organization (by name, as a user types them), the person's commonest alias, the median
   article date. kg looks the names of entity parameters up on every run
   (:func:`kg.query.named.find_entities`); bare pyoxigraph and rdflib run the very text kg runs,
   with the entities bound (:meth:`kg.query.named.NamedQuery.with_entities`, looked up once
   before timing) and the same parameters. Row counts, and the rows themselves, are
   compared. Where rdflib lacks a feature a query uses, a † row runs a rewritten query on
   both engines.
4. Time :func:`kg.graph.load_view` and one aggregate query (statements per predicate) both
   ways; for rdflib, ``load_view`` runs its very queries against the rdflib dataset through a
   small adapter that converts rdflib's results to pyoxigraph's (that conversion is timed
   apart and reported).

Each measurement is one warm-up run, then up to ``--repeats`` timed runs; the median is
reported. No run starts that would take the measurement past ``--cap`` seconds, and a
first run still going at ``--cap`` seconds is stopped and reported as ``>CAP s``. To make
that possible, kg and pyoxigraph run in a spawned worker process that holds the store open
(killed and started again after a stopped run), and rdflib in a fork of this process per
case, which shares the loaded dataset copy-on-write. The report goes to stdout and, for a
full-size run, to ``bench/results/query-DATE.txt``; progress goes to stderr.

Usage (from the repository root)::

    .venv/bin/python bench/query_bench.py                  # 1,000,000 quads (see README)
    .venv/bin/python bench/query_bench.py --quads 20000    # smoke run, about a minute
    .venv/bin/python bench/query_bench.py --cap 30 --repeats 3 --queries /tmp/my-queries

The script never exits non-zero because of a slow query or a mismatch: it reports them.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import hashlib
import json
import math
import multiprocessing
import multiprocessing.connection
import os
import platform
import random
import re
import shlex
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any, cast

import psutil
import pyoxigraph as ox
import rdflib
from rdflib import Dataset, Literal, URIRef
from rdflib.query import ResultRow
from rdflib.term import Identifier

import kg
from kg.graph import load_view
from kg.iri import DEFAULT_BASE, IRIMinter
from kg.query import ResultTerm, prefixes_for, run_query, to_term
from kg.query.named import (
    NamedQuery,
    find_entities,
    list_named_queries,
    load_named_query,
    run_named_query,
)
from kg.rdf import article_quads, run_quads
from kg.records import Article, ArticleGraph, Entity, Evidence, Triple
from kg.store import open_store

GENERATOR_VERSION = 2
"""Bump when the synthetic data changes, so that cached stores are rebuilt."""
ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CACHE = ROOT / "bench" / "out" / "query-bench"
RESULTS = ROOT / "bench" / "results"
FULL_SIZE = 1_000_000
FULL_CAP = 30.0
"""On 1M quads rdflib reaches it on ``roles-as-of`` and ``load_view`` (see bench/README.md);
a full run takes about 7 minutes, ``--cap 60`` lets rdflib finish ``roles-as-of`` (8 minutes)."""
SMOKE_BELOW = 100_000
"""Below this many quads, the run is a smoke test: a short cap and fewer repeats."""
SMOKE_CAP = 1.0
SMOKE_REPEATS = 1
MB = 1024 * 1024
PREFIXES = prefixes_for(DEFAULT_BASE)
XSD_DATE = "http://www.w3.org/2001/XMLSchema#date"


def log(message: str) -> None:
    """Progress on stderr, so stdout holds only the report."""
    print(f"[{datetime.now():%H:%M:%S}] {message}", file=sys.stderr, flush=True)


# --- synthetic names ------------------------------------------------------------------------


def _words(text: str, sep: str | None = None) -> tuple[str, ...]:
    return tuple(text.split(sep))


FIRST_NAMES = _words(
    "James Mary Robert Patricia John Jennifer Michael Linda David Elizabeth William Barbara "
    "Richard Susan Joseph Jessica Thomas Sarah Charles Karen Daniel Lisa Matthew Nancy Anthony "
    "Betty Mark Sandra Donald Margaret Steven Ashley Andrew Kimberly Paul Emily Joshua Donna "
    "Kenneth Michelle Kevin Carol Brian Amanda George Melissa Timothy Deborah Ronald Stephanie "
    "Jason Rebecca Edward Laura Jeffrey Helen Ryan Sharon Jacob Cynthia Gary Kathleen Nicholas "
    "Amy Eric Angela Jonathan Shirley Stephen Anna Larry Brenda Justin Pamela Scott Nicole "
    "Brandon Emma Benjamin Samantha Samuel Katherine Gregory Christine Alexander Debra Patrick "
    "Rachel Frank Carolyn Raymond Janet Jack Maria Dennis Olivia Jerry Heather Tyler Diane "
    "Aaron Julie Jose Joyce Adam Victoria Nathan Ruth Henry Virginia Zachary Lauren Douglas "
    "Kelly Peter Christina Kyle Joan Noah Evelyn Ethan Judith Jeremy Andrea Walter Hannah "
    "Christian Megan Keith Cheryl Roger Jacqueline Terry Martha Austin Madison Sean Teresa "
    "Gerald Gloria Carl Sara Harold Janice Dylan Ann Arthur Kathryn Lawrence Abigail Jordan "
    "Sophia Jesse Frances Bryan Jean Billy Alice Bruce Judy Gabriel Isabella Joe Julia Logan "
    "Grace Alan Amber Juan Denise Albert Danielle Willie Marilyn Elijah Beverly Wayne Charlotte "
    "Randy Natalie Vincent Theresa Mason Diana Roy Brittany Ralph Doris Bobby Kayla Russell "
    "Alexis Bradley Lori Philip Marie Eugene Olga Ingrid Pierre Amara Kwame Hiroshi Mei Rahul "
    "Priya Ahmed Fatima Lars Sven Yusuf Leila Mateo Lucia Dmitri Anya Kofi Nia Tomasz Agnieszka"
)

LAST_NAMES = _words(
    "Smith Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez Hernandez Lopez "
    "Gonzalez Wilson Anderson Thomas Taylor Moore Jackson Martin Lee Perez Thompson White Harris "
    "Sanchez Clark Ramirez Lewis Robinson Walker Young Allen King Wright Scott Torres Nguyen "
    "Hill Flores Green Adams Nelson Baker Hall Rivera Campbell Mitchell Carter Roberts Gomez "
    "Phillips Evans Turner Diaz Parker Cruz Edwards Collins Reyes Stewart Morris Morales Murphy "
    "Cook Rogers Gutierrez Ortiz Morgan Cooper Peterson Bailey Reed Kelly Howard Ramos Kim Cox "
    "Ward Richardson Watson Brooks Chavez Wood James Bennett Gray Mendoza Ruiz Hughes Price "
    "Alvarez Castillo Sanders Patel Myers Long Ross Foster Jimenez Powell Jenkins Perry Russell "
    "Sullivan Bell Coleman Butler Henderson Barnes Gonzales Fisher Vasquez Simmons Romero Jordan "
    "Patterson Alexander Hamilton Graham Reynolds Griffin Wallace Moreno West Cole Hayes Bryant "
    "Herrera Gibson Ellis Tran Medina Aguilar Stevens Murray Ford Castro Marshall Owens Harrison "
    "Fernandez McDonald Woods Washington Kennedy Wells Vargas Henry Chen Freeman Webb Tucker "
    "Guzman Burns Crawford Olson Simpson Porter Hunter Gordon Mendez Silva Shaw Snyder Mason "
    "Dixon Munoz Hunt Hicks Holmes Palmer Wagner Black Robertson Boyd Rose Stone Salazar Fox "
    "Warren Mills Meyer Rice Schmidt Garza Daniels Ferguson Nichols Stephens Soto Weaver Ryan "
    "Gardner Payne Grant Dunn Kelley Spencer Hawkins Arnold Pierce Vazquez Hansen Peters Santos "
    "Hart Bradley Knight Elliott Cunningham Duncan Armstrong Hudson Carroll Lane Riley Andrews "
    "Okafor Mensah Tanaka Sato Yamamoto Kowalski Novak Larsen Johansson Dubois Moreau Rossi "
    "Ferrari Schneider Fischer Weber Becker Haddad Nasser Singh Sharma Gupta Ivanova Petrov"
)

TOPICS = _words(
    "Defense Energy Health Education Finance Justice Labor Transport Agriculture Commerce "
    "Housing Trade Environment Culture Science Technology Interior Veterans Tourism Water "
    "Fisheries Infrastructure Security Immigration Pensions"
)

INDUSTRIES = _words(
    "Energy Holdings Capital Motors Pharmaceuticals Airlines Telecom Media Foods Mining "
    "Logistics Steel Robotics Insurance Partners Bank Semiconductors Shipping Retail Analytics"
)

INSTITUTIONS = _words(
    "University|City Council|Chamber of Commerce|Police Department|General Hospital|"
    "Symphony Orchestra|Football Club|Port Authority|Institute of Technology|Public Library",
    sep="|",
)

PARTY_WORDS = _words(
    "Progressive Democratic Liberal Conservative Green Labour National Reform Unity Peoples "
    "Social Christian Freedom Alliance Federal Popular Renewal Civic Workers Independent"
)

FAMOUS_ORGS = _words(
    "White House|Pentagon|Federal Reserve|Supreme Court|United Nations|European Commission|"
    "World Health Organization|International Monetary Fund|World Bank|Senate|"
    "House of Representatives|State Department|Treasury Department|Bank of England|"
    "European Central Bank|NATO|Red Cross|Amnesty International|Greenpeace|Interpol",
    sep="|",
)

COUNTRIES = _words(
    "United States|United Kingdom|France|Germany|Italy|Spain|Poland|Ukraine|Canada|Mexico|"
    "Brazil|Argentina|Chile|Japan|China|India|Pakistan|Nigeria|Kenya|Ghana|Egypt|Israel|"
    "Turkey|Iran|Saudi Arabia|Australia|New Zealand|South Africa|Sweden|Norway|Denmark|"
    "Netherlands|Belgium|Portugal|Greece|Ireland|Austria|Switzerland|Indonesia|Vietnam",
    sep="|",
)

SYLLABLES_A = _words(
    "Nor Bel Ash Brad Carr Dun Elm Fair Glen Hal Ivy Kings Lan Mar New Oak Pem Red Stan "
    "Thorn Wex York Ald Bran Cal Dal Ems Fen Gres Har"
)
SYLLABLES_B = _words(
    "vik grove ford ton bury field haven mouth port stead wick dale bridge wood chester "
    "minster ley holm gate burn"
)

SOURCES = ("Daily Ledger", "The Courier", "Metro Wire", "Capital Report", "Evening Post", "NOTUS")
SECTIONS = ("politics", "business", "world", "national", "tech", "health")

TITLES: dict[str, tuple[str, ...]] = {
    "president_of": ("president",),
    "prime_minister_of": ("prime minister",),
    "leader_of": ("leader", "chair", "chief executive", "head"),
    "secretary_of": ("secretary", "deputy secretary", "under secretary"),
    "spokesperson_of": ("press secretary", "spokesperson", "spokeswoman", "spokesman"),
    "adviser_to": ("adviser", "senior adviser", "national security adviser"),
    "member_of": ("member", ""),
    "works_for": ("official", "economist", "director", "analyst", "reporter", ""),
    "fellow_of": ("senior fellow", "fellow"),
    "founder_of": ("founder", "co-founder"),
    "citizen_of": ("",),
}
AFFILIATION_WEIGHTS = {
    "works_for": 25,
    "member_of": 18,
    "spokesperson_of": 8,
    "secretary_of": 7,
    "adviser_to": 8,
    "leader_of": 8,
    "president_of": 5,
    "prime_minister_of": 3,
    "founder_of": 4,
    "fellow_of": 4,
    "citizen_of": 10,
}
STATUS_WEIGHTS = {"current": 80, "former": 12, "acting": 4, "future": 4}
FILLERS = (
    "The announcement came after weeks of negotiations.",
    "Officials declined to give further details.",
    "The figures were published on Monday.",
    "Critics said the plan did not go far enough.",
    "Markets reacted calmly to the news.",
    "A vote is expected later this month.",
    "The decision drew sharp reactions from the opposition.",
    "Talks are due to resume next week.",
)
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")


def _zipf_weights(n: int, *, shift: float, exponent: float) -> list[float]:
    """Cumulative Zipf-Mandelbrot weights 1/(rank+shift)^exponent of ``n`` ranks."""
    total = 0.0
    cumulative = []
    for rank in range(1, n + 1):
        total += 1.0 / (rank + shift) ** exponent
        cumulative.append(total)
    return cumulative


def _acronym(name: str) -> str:
    """``National Energy Agency`` → ``NEA``; ``""`` for names of fewer than three words."""
    words = [w for w in name.split() if w[0].isupper()]
    return "".join(w[0] for w in words) if len(words) >= 3 else ""


@dataclass
class World:
    """The entities the synthetic articles draw from, and their usual roles.

    Popularity follows the order of each pool (rank 1 is the most popular).
    """

    people: list[str]
    orgs: list[str]
    places: list[str]
    countries: set[int]
    person_role: list[tuple[str, str, int, str]]
    """Per person: (predicate, "org"|"place", index of the organization or place, title)."""
    org_place: list[int]
    place_country: list[int]
    people_cw: list[float] = field(default_factory=list)
    orgs_cw: list[float] = field(default_factory=list)
    places_cw: list[float] = field(default_factory=list)


def make_world(rng: random.Random, *, n_people: int = 3000, n_orgs: int = 1500) -> World:
    """A few thousand people, organizations and places, with their usual roles."""
    people: list[str] = []
    seen: set[str] = set()
    while len(people) < n_people:
        first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
        middle = f" {rng.choice('ABCDEFGHJKLMNPRSTW')}." if rng.random() < 0.08 else ""
        name = f"{first}{middle} {last}"
        if name not in seen:
            seen.add(name)
            people.append(name)

    cities: list[str] = []
    for a in SYLLABLES_A:
        for b in SYLLABLES_B:
            cities.append(a + b)
    rng.shuffle(cities)
    places = list(COUNTRIES) + cities
    rng.shuffle(places)
    countries = {i for i, p in enumerate(places) if p in set(COUNTRIES)}
    country_list = sorted(countries)
    place_country = [i if i in countries else rng.choice(country_list) for i in range(len(places))]

    orgs: list[str] = list(FAMOUS_ORGS)
    seen = set(orgs)
    while len(orgs) < n_orgs:
        kind = rng.random()
        if kind < 0.2:
            name = f"{rng.choice(('Ministry of', 'Department of'))} {rng.choice(TOPICS)}"
            name += f" of {rng.choice(COUNTRIES)}" if rng.random() < 0.7 else ""
        elif kind < 0.35:
            name = f"National {rng.choice(TOPICS)} {rng.choice(('Agency', 'Council', 'Office'))}"
        elif kind < 0.65:
            name = f"{rng.choice(LAST_NAMES)} {rng.choice(INDUSTRIES)}"
        elif kind < 0.85:
            name = f"{rng.choice(cities)} {rng.choice(INSTITUTIONS)}"
        else:
            words = rng.sample(PARTY_WORDS, 2)
            name = f"{words[0]} {words[1]} Party"
        if name not in seen:
            seen.add(name)
            orgs.append(name)
    # Famous names first (most popular), the rest in random popularity order.
    tail = orgs[len(FAMOUS_ORGS) :]
    rng.shuffle(tail)
    orgs = orgs[: len(FAMOUS_ORGS)] + tail

    org_place = [rng.randrange(len(places)) for _ in orgs]
    orgs_cw = _zipf_weights(len(orgs), shift=4.0, exponent=1.0)
    org_ranks = range(len(orgs))
    predicates = list(AFFILIATION_WEIGHTS)
    weights = list(AFFILIATION_WEIGHTS.values())
    person_role = []
    for _ in people:
        predicate = rng.choices(predicates, weights)[0]
        if predicate == "citizen_of":
            target = ("place", rng.choice(country_list))
        else:
            # Roles concentrate on popular organizations, like the news does.
            target = ("org", rng.choices(org_ranks, cum_weights=orgs_cw)[0])
        person_role.append((predicate, target[0], target[1], rng.choice(TITLES[predicate])))

    world = World(people, orgs, places, countries, person_role, org_place, place_country)
    world.people_cw = _zipf_weights(len(people), shift=8.0, exponent=1.0)
    world.orgs_cw = orgs_cw
    world.places_cw = _zipf_weights(len(places), shift=4.0, exponent=1.0)
    return world


def _draw(rng: random.Random, cw: list[float], k: int, already: Sequence[int] = ()) -> list[int]:
    """``k`` distinct ranks drawn with the cumulative weights ``cw``, after ``already``."""
    chosen = list(dict.fromkeys(already))[:k]
    taken = set(chosen)
    population = range(len(cw))
    while len(chosen) < k:
        for index in rng.choices(population, cum_weights=cw, k=k):
            if index not in taken and len(chosen) < k:
                taken.add(index)
                chosen.append(index)
    return chosen


class _Text:
    """An article text under construction, tracking character offsets."""

    def __init__(self, headline: str) -> None:
        self.parts = [headline, "\n\n"]
        self.length = len(headline) + 2

    def add(self, sentence: str) -> tuple[int, int]:
        if self.length and not self.parts[-1].endswith("\n"):
            self.parts.append(" ")
            self.length += 1
        start = self.length
        self.parts.append(sentence)
        self.length += len(sentence)
        return start, self.length

    def __str__(self) -> str:
        return "".join(self.parts)


def make_article(world: World, rng: random.Random, number: int) -> ArticleGraph:
    """One synthetic article with its entities and relations, as ``kg build`` records it."""
    n = rng.randint(5, 15)
    n_people = max(2, int(n * 0.45))
    n_orgs = max(1, int(n * 0.3))
    n_places = n - n_people - n_orgs
    people = _draw(rng, world.people_cw, n_people)
    roles = [world.person_role[p] for p in people]
    orgs = _draw(rng, world.orgs_cw, n_orgs, [t for _, kind, t, _ in roles if kind == "org"])
    home_places = [t for _, kind, t, _ in roles if kind == "place"]
    home_places += [world.org_place[o] for o in orgs if rng.random() < 0.3]
    places = _draw(rng, world.places_cw, n_places, home_places)

    year = rng.choices(range(2004, 2026), weights=range(5, 27))[0]
    day = date(year, 1, 1) + timedelta(days=rng.randrange(365))
    dated = rng.random() >= 0.02
    lead = world.people[people[0]]
    headline = rng.choice(
        (
            f"{lead} faces questions over {world.orgs[orgs[0]]}",
            f"{world.orgs[orgs[0]]} under pressure as {lead} speaks out",
            f"What {lead} said in {world.places[places[0]]}",
            f"{world.places[places[0]]} braces for {rng.choice(TOPICS).lower()} changes",
        )
    )
    text = _Text(headline)
    aliases: dict[tuple[str, str], set[str]] = {}
    for p in people:
        aliases[("Person", world.people[p])] = set()
        if rng.random() < 0.3:
            aliases[("Person", world.people[p])].add(world.people[p].split()[-1])
    for o in orgs:
        aliases[("Organization", world.orgs[o])] = set()
    for pl in places:
        aliases[("Place", world.places[pl])] = set()

    def surface(label: str, name: str) -> str:
        if label == "Person" and rng.random() < 0.25:
            form = name.split()[-1]
        elif label == "Organization" and _acronym(name) and rng.random() < 0.3:
            form = _acronym(name)
        else:
            return name
        aliases[(label, name)].add(form)
        return form

    triples: list[Triple] = []
    stated: set[tuple[str, str, str]] = set()
    for _ in range(rng.randint(2, 6)):
        for _attempt in range(5):
            made = _make_relation(world, rng, people, orgs, places, surface)
            if made is None:
                continue
            (s_label, s_name), predicate, (o_label, o_name), sentence, facts = made
            if (s_name, predicate, o_name) in stated:
                continue
            stated.add((s_name, predicate, o_name))
            if rng.random() < 0.5:
                text.add(rng.choice(FILLERS))
            start, end = text.add(sentence)
            triples.append(
                Triple(
                    Entity(s_name, s_label),
                    predicate,
                    Entity(o_name, o_label),
                    Evidence(sentence=sentence, start=start, end=end, **facts),
                )
            )
            break
    text.add(rng.choice(FILLERS))

    entities = tuple(
        Entity(name, label, tuple(sorted(forms - {name})))
        for (label, name), forms in aliases.items()
    )
    source = rng.choice(SOURCES)
    section = rng.choice(SECTIONS)
    article = Article(
        id=f"{source.lower().replace(' ', '-')}/{section}/{number:06d}.txt",
        text=str(text),
        title=headline,
        date=day.isoformat() if dated else "",
        url=f"https://news.example/{section}/{number}" if rng.random() < 0.8 else "",
        source=source,
        origin=f"synthetic:{number}",
    )
    return ArticleGraph(article, entities, tuple(triples))


def _make_relation(
    world: World,
    rng: random.Random,
    people: list[int],
    orgs: list[int],
    places: list[int],
    surface: Callable[[str, str], str],
) -> tuple[tuple[str, str], str, tuple[str, str], str, dict[str, Any]] | None:
    """One relation among the article's entities: (subject, predicate, object, sentence, facts)."""
    kind = rng.random()
    when = f"on {rng.choice(WEEKDAYS)}"
    if kind < 0.66:
        person = rng.choice(people)
        predicate, target_kind, target, title = world.person_role[person]
        pool = orgs if target_kind == "org" else places
        if target not in pool or rng.random() < 0.15:
            predicate = rng.choices(list(AFFILIATION_WEIGHTS), list(AFFILIATION_WEIGHTS.values()))[
                0
            ]
            target_kind = "place" if predicate == "citizen_of" else "org"
            pool = orgs if target_kind == "org" else places
            target = rng.choice(pool)
            title = rng.choice(TITLES[predicate])
        o_label, o_name = (
            ("Organization", world.orgs[target])
            if target_kind == "org"
            else ("Place", world.places[target])
        )
        s_name = world.people[person]
        status = rng.choices(list(STATUS_WEIGHTS), list(STATUS_WEIGHTS.values()))[0]
        s_text, o_text = surface("Person", s_name), surface(o_label, o_name)
        prefix = {"current": "", "former": "former ", "acting": "acting ", "future": "incoming "}[
            status
        ]
        if predicate == "citizen_of":
            sentence = f"{s_text}, a citizen of {o_text}, said {when} that the talks had stalled."
            rule, confidence = "appos.citizen_of", 0.6
        elif title and rng.random() < 0.6:
            sentence = f"{prefix.capitalize()}{o_text} {title} {s_text} said {when} that the plan would go ahead."
            rule, confidence = "title.compound.org_title_name", 0.9
        elif title:
            sentence = f"{s_text}, {prefix}{title} of {o_text}, told reporters {when} that no decision had been made."
            rule, confidence = "appos.name_title_of_org", 0.85
        else:
            sentence = f"{s_text}, a {prefix}member of {o_text}, voted against the proposal {when}."
            rule, confidence = "appos.name_member_of_org", 0.75
        facts = {
            "subject_text": s_text,
            "object_text": o_text,
            "rule": rule,
            "confidence": confidence,
            "title": title,
            "status": status,
        }
        return ("Person", s_name), predicate, (o_label, o_name), sentence, facts
    if kind < 0.78:
        a, b = rng.sample(people, 2)
        s_name, o_name = world.people[a], world.people[b]
        s_text, o_text = surface("Person", s_name), surface("Person", o_name)
        sentence = f"{s_text} met with {o_text} {when} to discuss the proposal."
        facts = {"subject_text": s_text, "object_text": o_text, "rule": "verb.met_with"}
        facts |= {"confidence": 0.7, "title": "", "status": "current"}
        return ("Person", s_name), "met_with", ("Person", o_name), sentence, facts
    if kind < 0.9:
        org = rng.choice(orgs)
        place = world.org_place[org] if world.org_place[org] in places else rng.choice(places)
        s_name, o_name = world.orgs[org], world.places[place]
        s_text, o_text = surface("Organization", s_name), surface("Place", o_name)
        sentence = f"The {o_text}-based {s_text} confirmed the figures {when}."
        facts = {"subject_text": s_text, "object_text": o_text, "rule": "prep.org_based_in"}
        facts |= {"confidence": 0.8, "title": "", "status": "current"}
        return ("Organization", s_name), "based_in", ("Place", o_name), sentence, facts
    place = rng.choice(places)
    country = world.place_country[place]
    if place == country or country not in places:
        others = [p for p in places if p != place]
        if not others:
            return None
        country = rng.choice(others)
    s_name, o_name = world.places[place], world.places[country]
    sentence = f"Residents of {s_name}, in {o_name}, were told to stay indoors {when}."
    facts = {"subject_text": s_name, "object_text": o_name, "rule": "appos.place_in_place"}
    facts |= {"confidence": 0.8, "title": "", "status": "current"}
    return ("Place", s_name), "located_in", ("Place", o_name), sentence, facts


# --- the store ------------------------------------------------------------------------------


@dataclass
class StoreInfo:
    """The synthetic store: where it is, what it holds, how long it took to make."""

    path: Path
    quads: int
    articles: int
    seconds: float
    reused: bool


def _marker_path(store: Path) -> Path:
    return store.with_name(store.name + ".params.json")


def build_store(path: Path, *, quads: int, seed: int, write: str) -> StoreInfo:
    """Make (or reuse) the synthetic store of at least ``quads`` quads at ``path``."""
    wanted = {"generator": GENERATOR_VERSION, "quads": quads, "seed": seed, "base": DEFAULT_BASE}
    marker = _marker_path(path)
    if marker.exists() and (path / "CURRENT").exists():
        saved = json.loads(marker.read_text(encoding="utf-8"))
        if {k: saved.get(k) for k in wanted} == wanted:
            with open_store(path, read_only=False) as store:
                store.ensure_ontology()  # a no-op unless schemas/ontology.ttl changed
            log(f"reusing the store {path} ({saved['stored_quads']:,} quads)")
            return StoreInfo(path, saved["stored_quads"], saved["articles"], 0.0, True)
    if path.exists() and any(path.iterdir()):
        if not marker.exists():
            raise SystemExit(
                f"error: {path} exists and was not made by this benchmark; give another --store"
            )
        log(f"parameters changed: removing the old synthetic store {path}")
        shutil.rmtree(path)
    marker.unlink(missing_ok=True)

    log(f"generating a synthetic store of ≥ {quads:,} quads at {path} (seed {seed}, {write})")
    started = time.perf_counter()
    rng = random.Random(seed)
    world = make_world(rng)
    minter = IRIMinter(DEFAULT_BASE)
    run = minter.run(f"bench-synthetic-{seed}")
    counted = {"quads": 0, "articles": 0}

    def batches(size: int = 500) -> Iterator[list[ox.Quad]]:
        while counted["quads"] < quads:
            batch: list[ox.Quad] = []
            for _ in range(size):
                graph = make_article(world, rng, counted["articles"])
                made = article_quads(graph, minter, run=run, fingerprint=graph.article.content_hash)
                batch.extend(made)
                counted["articles"] += 1
                counted["quads"] += len(made)
                if counted["quads"] >= quads:
                    break
            yield batch

    with open_store(path, read_only=False) as store:
        if write == "bulk":
            store.ox.bulk_extend(q for batch in batches() for q in batch)
        else:
            for batch in batches():
                store.add(batch)
        now = "2026-01-01T00:00:00Z"  # fixed, so that the same parameters give the same quads
        store.add(
            run_quads(
                minter,
                run,
                started=now,
                ended=now,
                model="synthetic",
                model_version=str(GENERATOR_VERSION),
                kg_version=kg.__version__,
            )
        )
        store.ensure_ontology()
        store.ox.optimize()
        stored = len(store)
    seconds = time.perf_counter() - started
    marker.write_text(
        json.dumps(wanted | {"stored_quads": stored, "articles": counted["articles"]}, indent=2),
        encoding="utf-8",
    )
    log(f"stored {stored:,} quads of {counted['articles']:,} articles in {seconds:.1f} s")
    return StoreInfo(path, stored, counted["articles"], seconds, False)


# --- measuring ------------------------------------------------------------------------------


@dataclass
class Outcome:
    """What a query returned: its row count and a digest of its rows (order ignored)."""

    rows: int
    digest: str
    detail: str = ""


@dataclass
class Timing:
    """The timings of one engine on one case."""

    seconds: list[float] = field(default_factory=list)
    """Timed runs (the warm-up left out, unless it was the only run)."""
    first: float | None = None
    outcome: Outcome | None = None
    capped: bool = False
    skipped: str = ""
    error: str = ""

    @property
    def median(self) -> float | None:
        return statistics.median(self.seconds) if self.seconds else None


def _normalize(value: str) -> str:
    # GROUP_CONCAT has no defined order: compare its parts as a set.
    return "; ".join(sorted(value.split("; "))) if "; " in value else value


def outcome_of(rows: Sequence[Sequence[str]], detail: str = "") -> Outcome:
    """An :class:`Outcome` of rows of plain strings."""
    lines = sorted("\x1f".join(_normalize(v) for v in row) for row in rows)
    digest = hashlib.sha256("\n".join(lines).encode("utf-8", "surrogatepass")).hexdigest()
    return Outcome(len(rows), digest[:16], detail)


Report = Callable[[str, Any], None]


def _measure_loop(fn: Callable[[], Outcome], repeats: int, cap: float, report: Report) -> None:
    """Run ``fn`` once to warm up, then up to ``repeats`` times while within ``cap`` seconds."""
    start = time.perf_counter()
    for i in range(repeats + 1):
        t0 = time.perf_counter()
        outcome = fn()
        took = time.perf_counter() - t0
        if i == 0:
            report("outcome", outcome)
        report("time", took)
        if time.perf_counter() - start + took > cap:
            break


def _run_job(
    conn: multiprocessing.connection.Connection,
    make: Callable[[], Callable[[], Outcome]],
    repeats: int,
    cap: float,
) -> None:
    """Measure one job in a worker: get ready, say so, measure, report on ``conn``, end."""
    try:
        fn = make()
        conn.send(("ready", None))
        _measure_loop(fn, repeats, cap, lambda kind, value: conn.send((kind, value)))
    except Exception as exc:  # reported in the table, not fatal to the benchmark
        conn.send(("error", f"{type(exc).__name__}: {exc}"))
    conn.send(("done", None))


def _store_worker_main(conn: multiprocessing.connection.Connection, store_path: str) -> None:
    """A long-lived process that opens the kg store read-only and measures jobs it is sent."""
    kg_store = open_store(store_path, read_only=True)
    conn.send(("started", None))
    while True:
        job = conn.recv()
        if job is None:
            break
        engine, spec, repeats, cap = job
        _run_job(
            conn, functools.partial(make_runner, engine, spec, store=kg_store.ox), repeats, cap
        )
    kg_store.close()
    conn.close()


def _collect(conn: multiprocessing.connection.Connection, cap: float) -> tuple[Timing, bool]:
    """Read one job's reports; return its timing and whether the worker must be killed.

    The clock starts when the worker says it is ready; a worker still busy ``cap`` seconds
    (plus a little slack) later is given up on.
    """
    timing = Timing()
    times: list[float] = []
    deadline = time.monotonic() + 120.0  # to set the job up
    kill = False
    while True:
        remaining = deadline - time.monotonic()
        if remaining <= 0 or not conn.poll(remaining):
            timing.capped = not times and not timing.error
            kill = True
            break
        try:
            kind, value = conn.recv()
        except EOFError:
            timing.error = timing.error or "the worker process died"
            kill = True
            break
        if kind == "ready":
            deadline = time.monotonic() + cap * 1.02 + 0.2  # slack for the messages
        elif kind == "outcome":
            timing.outcome = value
        elif kind == "time":
            times.append(value)
        elif kind == "error":
            timing.error = value
        elif kind == "done":
            break
    timing.first = times[0] if times else None
    timing.seconds = times[1:] if len(times) > 1 else times
    return timing, kill


class StoreWorker:
    """Runs kg and pyoxigraph jobs in a spawned process that holds the store open.

    A running Oxigraph query cannot be interrupted, and a process holding RocksDB must not
    be forked, so the store is opened by a fresh process, killed when a job passes the cap
    and started again for the next job.
    """

    def __init__(self, store_path: Path) -> None:
        self.store_path = store_path
        self.conn: multiprocessing.connection.Connection | None = None
        self.process: Any = None

    def _start(self) -> None:
        context = multiprocessing.get_context("spawn")
        self.conn, child = context.Pipe(duplex=True)
        self.process = context.Process(
            target=_store_worker_main, args=(child, str(self.store_path)), daemon=True
        )
        self.process.start()
        child.close()
        if not self.conn.poll(300.0) or self.conn.recv() != ("started", None):
            self.stop()
            raise SystemExit(f"error: the worker process could not open {self.store_path}")

    def measure(self, engine: str, spec: Spec, *, repeats: int, cap: float) -> Timing:
        """Time ``engine`` (``kg`` or ``pyoxigraph``) on ``spec``."""
        if self.process is None or not self.process.is_alive():
            self._start()
        assert self.conn is not None
        self.conn.send((engine, spec, repeats, cap))
        timing, kill = _collect(self.conn, cap)
        if kill:
            self.stop()
        return timing

    def stop(self) -> None:
        """End the worker (politely when it is idle)."""
        if self.process is None:
            return
        if self.process.is_alive() and self.conn is not None:
            with contextlib.suppress(OSError):
                self.conn.send(None)
            self.process.join(timeout=5.0)
        if self.process.is_alive():
            self.process.kill()
        self.process.join()
        if self.conn is not None:
            self.conn.close()
        self.process = self.conn = None


_DATASET: Dataset | None = None
"""The rdflib dataset, set before forking rdflib workers (they inherit it)."""


def _rdflib_worker_main(
    conn: multiprocessing.connection.Connection, spec: Spec, repeats: int, cap: float
) -> None:
    """A forked process that measures rdflib on ``spec`` with the parent's dataset."""
    assert _DATASET is not None
    dataset = _DATASET
    _run_job(conn, lambda: make_runner("rdflib", spec, dataset=dataset), repeats, cap)
    conn.close()


def measure_rdflib(spec: Spec, *, repeats: int, cap: float) -> Timing:
    """Time rdflib on ``spec`` in a fork of this process, killed after ``cap`` seconds.

    The fork shares the loaded dataset (:data:`_DATASET`) copy-on-write; the warm-up run
    pays for the copies.
    """
    context = multiprocessing.get_context("fork")
    conn, child = context.Pipe(duplex=True)
    process = context.Process(
        target=_rdflib_worker_main, args=(child, spec, repeats, cap), daemon=True
    )
    process.start()
    child.close()
    try:
        timing, _ = _collect(conn, cap)
    finally:
        if process.is_alive():
            process.join(timeout=1.0)
        if process.is_alive():
            process.kill()
        process.join()
        conn.close()
    return timing


# --- the cases ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Spec:
    """One case, as plain data that a worker process can receive.

    Attributes:
        label: The row of the table.
        kind: ``"sparql"`` or ``"view"`` (:func:`kg.graph.load_view`).
        text: The SPARQL text.
        params: Values of the parameters, as given to kg (a string is read by ``to_term``).
        named: The named query kg runs with :func:`run_named_query`; ``""`` for ``run_query``.
        directory: Where the named query lives; ``""`` for ``schemas/queries``.
        note: A footnote.
    """

    label: str
    kind: str = "sparql"
    text: str = ""
    params: tuple[tuple[str, str | ResultTerm], ...] = ()
    named: str = ""
    directory: str = ""
    note: str = ""


@dataclass
class Case:
    """A spec and its timings by engine."""

    spec: Spec
    timings: dict[str, Timing] = field(default_factory=dict)

    def timing(self, engine: str) -> Timing:
        return self.timings.get(engine) or Timing(skipped="not run")


ENGINES = ("kg", "pyoxigraph", "rdflib")


def _rdflib_term(term: ResultTerm) -> URIRef | Literal:
    if term.type == "uri":
        return URIRef(term.value)
    if term.language:
        return Literal(term.value, lang=term.language)
    return Literal(term.value, datatype=URIRef(term.datatype) if term.datatype else None)


def make_runner(
    engine: str, spec: Spec, *, store: ox.Store | None = None, dataset: Dataset | None = None
) -> Callable[[], Outcome]:
    """A function that runs ``spec`` once on ``engine`` and returns what it found."""
    if spec.kind == "view":
        return _view_runner(engine, store=store, dataset=dataset)
    params = dict(spec.params)
    terms = {k: v if isinstance(v, ResultTerm) else to_term(v, PREFIXES) for k, v in params.items()}
    if engine == "kg":
        assert store is not None
        folder = Path(spec.directory) if spec.directory else None
        named = load_named_query(spec.named, folder) if spec.named else None

        def run_kg() -> Outcome:
            # In this process, as measured before run_query had a default time limit: the
            # bench times the query, not the start of a worker process.
            if named is not None:
                values = {k: str(v) for k, v in params.items()}
                result = run_named_query(store, named, values, timeout=None)
            else:
                result = run_query(store, spec.text, params=terms, timeout=None)
            return outcome_of([[t.value if t else "" for t in row] for row in result.rows])

        return run_kg
    if engine == "pyoxigraph":
        assert store is not None
        substitutions: dict[ox.Variable, ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple]
        substitutions = {ox.Variable(k): t.to_pyoxigraph() for k, t in terms.items()}

        def run_ox() -> Outcome:
            result = store.query(
                spec.text,
                prefixes=PREFIXES,
                use_default_graph_as_union=True,
                substitutions=substitutions or None,
            )
            assert isinstance(result, ox.QuerySolutions)
            width = len(result.variables)
            rows = [["" if r[i] is None else r[i].value for i in range(width)] for r in result]
            return outcome_of(rows)

        return run_ox
    assert dataset is not None
    bindings: dict[str, Identifier] = {k: _rdflib_term(t) for k, t in terms.items()}

    def run_rdflib() -> Outcome:
        result = dataset.query(spec.text, initNs=PREFIXES, initBindings=bindings)
        rows = cast("Iterable[ResultRow]", result)
        return outcome_of([["" if v is None else str(v) for v in row] for row in rows])

    return run_rdflib


class _RdflibAsOxigraph:
    """Answers ``Store.query`` the way pyoxigraph does, from an rdflib dataset.

    Enough of the pyoxigraph API for :func:`kg.graph.load_view`: SELECT results come back
    as real :class:`pyoxigraph.QuerySolutions`, converted through SPARQL JSON results; the
    conversion time is kept apart in ``convert_seconds``.
    """

    def __init__(self, dataset: Dataset) -> None:
        self.dataset = dataset
        self.convert_seconds = 0.0

    def query(
        self, query: str, *, prefixes: Mapping[str, str], use_default_graph_as_union: bool = False
    ) -> ox.QuerySolutions:
        graph = self.dataset if use_default_graph_as_union else self.dataset.default_graph
        result = graph.query(query, initNs=dict(prefixes))
        result.bindings  # noqa: B018 - evaluates the query, before the conversion clock starts
        started = time.perf_counter()
        payload = result.serialize(format="json")
        solutions = ox.parse_query_results(payload, ox.QueryResultsFormat.JSON)
        self.convert_seconds += time.perf_counter() - started
        assert isinstance(solutions, ox.QuerySolutions)
        return solutions


class _Holder:
    """Stands for a :class:`~kg.store.KGStore`: ``load_view`` only reads its ``ox``."""

    def __init__(self, ox_store: Any) -> None:
        self.ox = ox_store


def _view_outcome(view: Any, detail: str = "") -> Outcome:
    counts = sum(d["count"] for _, _, d in view.edges(data=True))
    evidence = sum(d["evidence_count"] for _, _, d in view.edges(data=True))
    rows = [[n, d["label"], d["cls"], str(d["articles"])] for n, d in view.nodes(data=True)]
    rows += [[s, o, k, str(d["count"])] for s, o, k, d in view.edges(keys=True, data=True)]
    summary = (
        f"{view.number_of_nodes():,} nodes, {view.number_of_edges():,} edges, "
        f"{counts:,} edge counts, {evidence:,} evidence items"
    )
    outcome = outcome_of(rows)
    return Outcome(outcome.rows, outcome.digest, f"{summary}{detail}")


def _view_runner(
    engine: str, *, store: ox.Store | None, dataset: Dataset | None
) -> Callable[[], Outcome]:
    if engine == "rdflib":
        assert dataset is not None

        def run_rdflib() -> Outcome:
            adapter = _RdflibAsOxigraph(dataset)
            view = load_view(_Holder(adapter))  # type: ignore[arg-type]
            return _view_outcome(view, f"; {adapter.convert_seconds:.1f} s converting results")

        return run_rdflib
    assert store is not None
    return lambda: _view_outcome(load_view(store))


AGGREGATE = """
SELECT ?predicate (COUNT(?statement) AS ?statements) WHERE {
  ?statement a rdf:Statement ; rdf:predicate ?predicate .
} GROUP BY ?predicate ORDER BY DESC(?statements)
"""


# --- choosing parameters -------------------------------------------------------------------

# Count first, then check the class: joining ``?e a kg:Person ; rdfs:label ?l`` before the
# count would repeat each mention once per article graph that types and labels the entity.
_TOP = """
SELECT ?e ?n WHERE {
  { SELECT ?e (COUNT(?a) AS ?n) WHERE { ?a schema:mentions ?e } GROUP BY ?e }
  FILTER EXISTS { ?e a kg:%s }
} ORDER BY DESC(?n) ?e LIMIT 1
"""
_LABEL = "SELECT ?label WHERE { <%s> rdfs:label ?label } LIMIT 1"
_ALIAS = (
    "SELECT ?alias (COUNT(*) AS ?n) WHERE { <%s> skos:altLabel ?alias } "
    "GROUP BY ?alias ORDER BY DESC(?n) ?alias LIMIT 1"
)
_DATES = f"SELECT ?d WHERE {{ GRAPH <{DEFAULT_BASE}meta> {{ ?a schema:datePublished ?d }} }}"


@dataclass
class Parameters:
    """Realistic parameter values found in the store."""

    person: str
    person_articles: int
    person_alias: str
    org: str
    org_articles: int
    date: str


def choose_parameters(store: ox.Store) -> Parameters:
    """The most mentioned person and organization, the person's alias, the median date."""

    def select(query: str) -> list[list[str]]:
        result = store.query(query, prefixes=PREFIXES, use_default_graph_as_union=True)
        assert isinstance(result, ox.QuerySolutions)
        return [[term.value for term in row] for row in result]

    def top(cls: str) -> tuple[str, str, int]:
        iri, count = select(_TOP % cls)[0]
        return iri, select(_LABEL % iri)[0][0], int(count)

    person_iri, person, person_n = top("Person")
    _, org, org_n = top("Organization")
    alias_rows = select(_ALIAS % person_iri)
    alias = alias_rows[0][0] if alias_rows else person
    dates = sorted(row[0] for row in select(_DATES))
    return Parameters(person, person_n, alias, org, org_n, dates[len(dates) // 2])


_GROUP_CONCAT_DISTINCT = re.compile(r"GROUP_CONCAT\(DISTINCT (\?\w+)")


def _rdflib_variants(label: str, text: str, params: Mapping[str, str]) -> list[Spec]:
    """The query rewritten around an rdflib gap, to run on both engines (a † row).

    - rdflib does not implement the ``xsd:date()`` cast (SPARQL 1.1 only requires the casts
      of its section 17.5, which leave it out), so ``xsd:date(?date)`` becomes ``?date`` bound
      to an ``xsd:date`` literal.
    - rdflib's ``GROUP_CONCAT(DISTINCT ?v)`` raises NotBoundError when ``?v`` is unbound in a
      solution (an OPTIONAL that did not match), so ``?v`` becomes ``COALESCE(?v, "")``.
    """
    variants: list[Spec] = []
    if "xsd:date(?date)" in text and "date" in params:
        typed: dict[str, str | ResultTerm] = dict(params)
        typed["date"] = ResultTerm(params["date"], "literal", XSD_DATE)
        note = "† xsd:date(?date) replaced by ?date bound to an xsd:date literal"
        variants.append(
            Spec(
                f"{label} †",
                text=text.replace("xsd:date(?date)", "?date"),
                params=tuple(typed.items()),
                note=f"{note} (kg through run_query)",
            )
        )
    if _GROUP_CONCAT_DISTINCT.search(text):
        note = '† GROUP_CONCAT(DISTINCT ?v) replaced by GROUP_CONCAT(DISTINCT COALESCE(?v, ""))'
        variants.append(
            Spec(
                f"{label} †",
                text=_GROUP_CONCAT_DISTINCT.sub(r'GROUP_CONCAT(DISTINCT COALESCE(\1, "")', text),
                params=tuple(params.items()),
                note=f"{note} (kg through run_query)",
            )
        )
    return variants


def prepare_text(store: ox.Store, named: NamedQuery, params: Mapping[str, str]) -> str:
    """The text kg runs for ``named``: the entities its entity parameters name bound.

    bare pyoxigraph and rdflib run this text, with the same parameters as substitutions and
    initBindings, so that all three answer the same query; kg's own runs look the names up
    every time (:func:`kg.query.named.run_named_query`), the others get them looked up once here.
    """
    entities = {
        p.name: find_entities(store, params[p.name], prefixes=PREFIXES)
        for p in named.params
        if p.entity and p.name in params
    }
    return named.with_entities(entities)


def make_specs(p: Parameters, store: ox.Store, directory: Path | None = None) -> list[Spec]:
    """Every named query (with realistic values), the aggregate and the view."""
    values: dict[str, list[dict[str, str]]] = {
        "affiliations": [{"person": p.person}],
        "co-mentioned": [{"person": p.person}],
        "evidence": [{"subject": p.person}, {"predicate": "works_for", "object": p.org}],
        "role-holders": [{"org": p.org}],
        "roles-as-of": [{"date": p.date, "person": p.person}, {"date": p.date, "org": p.org}],
        "whois": [{"name": p.person_alias}],
    }
    specs: list[Spec] = []
    for named in list_named_queries(directory):
        known = {param.name for param in named.params}
        chosen = values.get(named.name) or [
            {param.name: param.example for param in named.params if param.required}
        ]
        for given in chosen:
            params = {k: v for k, v in given.items() if k in known}
            label = f"{named.name}({', '.join(f'{k}={v}' for k, v in params.items())})"
            text = prepare_text(store, named, params)
            specs.append(
                Spec(
                    label,
                    text=text,
                    params=tuple(params.items()),
                    named=named.name,
                    directory=str(directory or ""),
                )
            )
            specs.extend(_rdflib_variants(label, text, params))
    specs.append(Spec("aggregate: statements per predicate", text=AGGREGATE))
    specs.append(
        Spec(
            "load_view (NetworkX view)",
            kind="view",
            note="rdflib runs load_view's own queries through an adapter; its time includes "
            "converting the results to pyoxigraph's",
        )
    )
    return specs


# --- the report ------------------------------------------------------------------------------


def _fmt_seconds(value: float | None) -> str:
    if value is None:
        return "-"
    if value < 1:
        return f"{value * 1000:.1f} ms"
    return f"{value:.2f} s"


def _cell(timing: Timing, cap: float) -> str:
    if timing.skipped == "not run":
        return "-"
    if timing.capped:
        return f">{cap:g} s"
    if timing.skipped:
        return "skipped"
    if timing.median is None:
        return "error" if timing.error else "-"
    return f"{_fmt_seconds(timing.median)} (n={len(timing.seconds)})"


def _rows(timing: Timing) -> str:
    return f"{timing.outcome.rows:,}" if timing.outcome else "?"


def _fmt_ratio(ratio: float) -> str:
    return f"{ratio:,.2f}x" if ratio < 10 else f"{ratio:,.0f}x"


def _ratio(case: Case, cap: float) -> tuple[str, float | None]:
    """rdflib's median over kg's, as text and (when both finished) as a number."""
    kg_t, rdf_t = case.timing("kg"), case.timing("rdflib")
    if kg_t.median and rdf_t.median:
        ratio = rdf_t.median / kg_t.median
        return _fmt_ratio(ratio), ratio
    if kg_t.median and rdf_t.capped:
        return f">{_fmt_ratio(cap / kg_t.median)}", None
    if rdf_t.median and kg_t.capped:
        return f"<{_fmt_ratio(rdf_t.median / cap)}", None
    return "-", None


def _check(case: Case) -> tuple[str, str]:
    """A short verdict on kg's and rdflib's rows, and the reason for a mismatch."""
    kg_t, rdf_t = case.timing("kg"), case.timing("rdflib")
    a, b = kg_t.outcome, rdf_t.outcome
    if a is None or b is None:
        return "n/a", ""
    if a.rows != b.rows:
        return "ROWS DIFFER", f"kg {a.rows:,} rows, rdflib {b.rows:,} rows"
    if a.digest != b.digest:
        return "VALUES DIFFER", "same number of rows, different values"
    return "same", ""


KNOWN_REASONS = (
    (
        "xsd:date(?date)",
        "",
        "rdflib does not implement the xsd:date() cast (SPARQL 1.1 section 17.5 does not "
        "require it), so FILTER(?asOf <= xsd:date(?date)) is an error for every row and rdflib "
        "returns none; see the † row",
    ),
    (
        "GROUP_CONCAT(DISTINCT",
        "NotBoundError",
        "rdflib's GROUP_CONCAT(DISTINCT ?v) raises when ?v is unbound in a solution (here the "
        "OPTIONAL title phrase); see the † row",
    ),
)
"""(text in the query, text in the error or "", why the engines disagree)."""


def _reason(spec: Spec, error: str) -> str:
    for in_text, in_error, reason in KNOWN_REASONS:
        if in_text in spec.text and (in_error in error if in_error else not error):
            return reason
    return ""


def render(
    args: argparse.Namespace,
    info: StoreInfo,
    loads: list[tuple[str, float, str]],
    params: Parameters,
    cases: list[Case],
    started: float,
) -> str:
    """The full report, as text."""
    lines = [
        f"# kg query benchmark: kg (pyoxigraph {ox.__version__}) vs rdflib {rdflib.__version__} "
        "in-memory Dataset",
        f"date: {datetime.now():%Y-%m-%d %H:%M}; kg {kg.__version__}; Python "
        f"{platform.python_version()}; {os.cpu_count()} CPUs; {platform.platform()}",
        f"command: {args.command_line}",
        f"named queries: {args.queries or 'schemas/queries'}",
        f"store: {info.quads:,} quads, {info.articles:,} synthetic articles (seed {args.seed}); "
        + (
            "reused from an earlier run"
            if info.reused
            else f"generated and written in {info.seconds:.1f} s ({args.write})"
        ),
        f"parameters: person={params.person!r} ({params.person_articles} articles), "
        f"alias={params.person_alias!r}, org={params.org!r} ({params.org_articles} articles), "
        f"date={params.date}",
        f"timing: 1 warm-up + up to {args.repeats} timed runs, median; a run that would end "
        f"past {args.cap:g} s is not started; a first run still going at {args.cap:g} s is "
        "stopped ('>CAP')",
        "",
        "## Loading the N-Quads dump",
    ]
    width = max(len(name) for name, _, _ in loads)
    for name, secs, extra in loads:
        lines.append(f"  {name:<{width}}  {_fmt_seconds(secs):>10}  {extra}")
    took = {name: secs for name, secs, _ in loads}
    rdf = took.get("rdflib Dataset.parse (in memory)")
    for name in ("pyoxigraph bulk_load (on disk)", "pyoxigraph bulk_load (in memory)"):
        if rdf and took.get(name):
            lines.append(f"  ratio rdflib parse / {name}: {_fmt_ratio(rdf / took[name])}")
    lines += ["", "## Queries (rows: kg/rdflib; times: median of the timed runs, n = their number)"]
    header = ("case", "rows", "check", "kg", "pyoxigraph", "rdflib", "rdflib/kg")
    table: list[tuple[str, ...]] = []
    notes: list[str] = []
    ratios: list[float] = []
    for case in cases:
        spec = case.spec
        verdict, why = _check(case)
        rows = "/".join(_rows(case.timing(e)) for e in ("kg", "rdflib"))
        ratio_text, ratio = _ratio(case, args.cap)
        if ratio is not None and spec.kind == "sparql" and verdict == "same":
            ratios.append(ratio)
        table.append(
            (
                spec.label,
                rows,
                verdict,
                *(_cell(case.timing(e), args.cap) for e in ENGINES),
                ratio_text,
            )
        )
        if why:
            reason = _reason(spec, "")
            notes.append(f"  {spec.label}: {why}" + (f": {reason}" if reason else ""))
        if spec.note:
            notes.append(f"  {spec.label}: {spec.note}")
        for engine in ENGINES:
            timing = case.timing(engine)
            if timing.outcome and timing.outcome.detail:
                notes.append(f"  {spec.label} [{engine}]: {timing.outcome.detail}")
            if timing.error:
                reason = _reason(spec, timing.error)
                notes.append(
                    f"  {spec.label} [{engine}] error: {timing.error}"
                    + (f": {reason}" if reason else "")
                )
            if timing.capped:
                notes.append(f"  {spec.label} [{engine}]: first run stopped at {args.cap:g} s")
            if timing.skipped and timing.skipped != "not run":
                notes.append(f"  {spec.label} [{engine}]: skipped, {timing.skipped}")
    widths = [max(len(r[i]) for r in [header, *table]) for i in range(len(header))]
    for i, row in enumerate([header, *table]):
        cells = [row[0].ljust(widths[0])] + [
            c.rjust(w) for c, w in zip(row[1:], widths[1:], strict=True)
        ]
        lines.append("  " + "  ".join(cells))
        if i == 0:
            lines.append("  " + "  ".join("-" * w for w in widths))
    if ratios:
        geo = math.exp(sum(math.log(r) for r in ratios) / len(ratios))
        capped = sum(1 for c in cases if c.timing("kg").capped or c.timing("rdflib").capped)
        lines.append(
            f"  geometric mean of rdflib/kg over the {len(ratios)} SPARQL cases both engines "
            f"finished with the same rows: {_fmt_ratio(geo)}"
            + (f"; {capped} case(s) hit the cap and are left out" if capped else "")
        )
    if notes:
        lines += ["", "## Notes", *notes]
    lines += [
        "",
        "kg = kg.query.named.run_named_query (run_query for † and the aggregate) on the store opened "
        "read-only: guard-rail parse + Oxigraph + result conversion;",
        "pyoxigraph = Store.query of the text kg runs (entities looked up once, untimed) "
        "with the same substitutions, results drained;",
        "rdflib = Dataset(default_union=True).query of that text with initBindings.",
        f"total benchmark time: {time.perf_counter() - started:.0f} s",
        "",
    ]
    return "\n".join(lines)


# --- main -------------------------------------------------------------------------------------


def _rss() -> int:
    return int(psutil.Process().memory_info().rss)


def load_both(store_path: Path, tmp: Path) -> tuple[Dataset, list[tuple[str, float, str]]]:
    """Dump the store as N-Quads, time loading it with pyoxigraph and with rdflib."""
    loads: list[tuple[str, float, str]] = []
    dump = tmp / "store.nq"
    with open_store(store_path, read_only=True) as kg_store:
        t0 = time.perf_counter()
        kg_store.ox.dump(str(dump), format=ox.RdfFormat.N_QUADS)
        size = dump.stat().st_size
        loads.append(("pyoxigraph dump", time.perf_counter() - t0, f"{size / MB:,.0f} MB N-Quads"))
    log(f"dumped {size / MB:,.0f} MB of N-Quads; loading it with pyoxigraph")
    disk = ox.Store(str(tmp / "ox"))
    t0 = time.perf_counter()
    disk.bulk_load(path=str(dump), format=ox.RdfFormat.N_QUADS)
    disk.flush()
    seconds = time.perf_counter() - t0
    loads.append(("pyoxigraph bulk_load (on disk)", seconds, f"{len(disk):,} quads"))
    del disk
    memory = ox.Store()
    t0 = time.perf_counter()
    memory.bulk_load(path=str(dump), format=ox.RdfFormat.N_QUADS)
    seconds = time.perf_counter() - t0
    loads.append(("pyoxigraph bulk_load (in memory)", seconds, f"{len(memory):,} quads"))
    del memory
    log("loading it with rdflib")
    rss = _rss()
    dataset = Dataset(default_union=True)
    t0 = time.perf_counter()
    dataset.parse(str(dump), format="nquads")
    seconds = time.perf_counter() - t0
    quads = sum(len(g) for g in dataset.graphs())
    grown = (_rss() - rss) / MB
    loads.append(
        ("rdflib Dataset.parse (in memory)", seconds, f"{quads:,} quads, +{grown:,.0f} MB RSS")
    )
    log(f"rdflib loaded {quads:,} quads in {seconds:.1f} s")
    return dataset, loads


def run_benchmark(args: argparse.Namespace) -> str:
    """Build or reuse the store, load both engines, run every case; return the report."""
    global _DATASET
    started = time.perf_counter()
    store_path = args.store or DEFAULT_CACHE / f"store-q{args.quads}-s{args.seed}"
    info = build_store(store_path, quads=args.quads, seed=args.seed, write=args.write)
    if info.quads < args.quads:
        raise SystemExit(f"error: the store holds {info.quads:,} quads, fewer than {args.quads:,}")
    with tempfile.TemporaryDirectory(prefix="kg-query-bench-") as tmp:
        dataset, loads = load_both(store_path, Path(tmp))
    with open_store(store_path, read_only=True) as kg_store:
        params = choose_parameters(kg_store.ox)
        specs = make_specs(params, kg_store.ox, args.queries)
    log(f"parameters: {params}")
    _DATASET = dataset
    cases = [Case(spec) for spec in specs]
    worker = StoreWorker(store_path)
    try:
        for case in cases:
            for engine in ENGINES:
                if engine == "pyoxigraph" and case.spec.kind == "view":
                    continue
                if engine == "pyoxigraph" and case.timing("kg").capped:
                    case.timings[engine] = Timing(skipped="kg hit the cap")
                    continue
                if engine == "rdflib":
                    timing = measure_rdflib(case.spec, repeats=args.repeats, cap=args.cap)
                else:
                    timing = worker.measure(engine, case.spec, repeats=args.repeats, cap=args.cap)
                case.timings[engine] = timing
                log(f"{case.spec.label} [{engine}]: {_cell(timing, args.cap)}")
            log(f"{case.spec.label}: rdflib/kg {_ratio(case, args.cap)[0]}, rows {_check(case)[0]}")
    finally:
        worker.stop()
    _DATASET = None
    return render(args, info, loads, params, cases, started)


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """Command-line options."""
    parser = argparse.ArgumentParser(
        description="Time kg's named queries against rdflib's in-memory store on a synthetic "
        "kg store (≥ 1M quads by default), in the same run.",
    )
    add = parser.add_argument
    add(
        "--quads",
        type=int,
        default=FULL_SIZE,
        help="minimum number of quads (default 1000000; --quads 20000 is a smoke run of "
        "about a minute)",
    )
    add("--seed", type=int, default=7, help="seed of the synthetic data (default 7)")
    add(
        "--store",
        type=Path,
        help=f"store folder, reused when its parameters match (default {DEFAULT_CACHE}/store-q<QUADS>-s<SEED>)",
    )
    add(
        "--write",
        choices=("bulk", "add"),
        default="bulk",
        help="write with Store.bulk_extend (fast, default) or KGStore.add transactions",
    )
    add(
        "--repeats",
        type=int,
        help=f"timed runs after the warm-up (default 5; {SMOKE_REPEATS} below {SMOKE_BELOW:,} quads)",
    )
    add(
        "--cap",
        type=float,
        help="seconds per case and engine: no run starts that would end past it, and a first "
        f"run still going is stopped (default {FULL_CAP:g}; {SMOKE_CAP:g} below {SMOKE_BELOW:,} "
        "quads)",
    )
    add(
        "--output",
        type=Path,
        help="write the report here too (default for a full-size run: bench/results/query-DATE.txt)",
    )
    add(
        "--queries",
        type=Path,
        help="folder of named queries to run instead of schemas/queries (to compare rewrites)",
    )
    add("--no-output", action="store_true", help="only print the report")
    args = parser.parse_args(argv)
    if args.quads < 1000:
        parser.error("--quads must be at least 1000")
    smoke = args.quads < SMOKE_BELOW
    if args.repeats is None:
        args.repeats = SMOKE_REPEATS if smoke else 5
    if args.cap is None:
        args.cap = SMOKE_CAP if smoke else FULL_CAP
    if args.repeats < 1 or args.cap <= 0:
        parser.error("--repeats must be at least 1 and --cap above 0")
    args.command_line = shlex.join(
        ["python", "bench/query_bench.py", *(argv if argv is not None else sys.argv[1:])]
    )
    return args


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark, print the report, write it for a full-size run, return 0."""
    args = parse_args(argv)
    report = run_benchmark(args)
    sys.stdout.write(report)
    output = args.output
    if output is None and args.quads >= FULL_SIZE and not args.no_output:
        output = RESULTS / f"query-{date.today():%Y-%m-%d}.txt"
    if output is not None and not args.no_output:
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(report, encoding="utf-8")
        log(f"report written to {output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
