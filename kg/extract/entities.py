"""Resolve the mentions of one article into entities: one per real-world thing.

- Short forms join the full name: "Trump" and "Zelenskyy's" join "Donald Trump" and
  "Volodymyr Zelenskyy" whatever class NER gave the short form.
- Acronyms join the long form the text uses ("AP" ↔ "Associated Press" by initials, or
  "Long Name (LN)"); a mixed-case one by its capitals ("BoE" ↔ "Bank of England").
- An initial and a family name join the one full name with that first letter ("S Grimes" →
  "Stuart Grimes").
- Country and organization aliases come from the gazetteer ("U.S." → United States).
- A given name alone joins the one full name it starts ("Nancy" → "Nancy Pelosi"), and so
  does a family name written first ("Xi" → "Xi Jinping", "Moon" → "Moon Jae-in":
  ``schemas/family_names_first.txt``); the initials of a full name join it ("FDR" →
  "Franklin D. Roosevelt").
- An organization's name with a country in front, or cut before "of", joins the full name
  ("U.S. Senate"/"Senate", "House"/"House of Representatives"/"U.S. House").
- Late joins (:mod:`kg.extract.name_joins`): the last word of the one longer organization
  name ("Boerse" → "Deutsche Boerse"), the subject of a department ("Energy" → "Department of
  Energy"); names that differ only by spaces or hyphens are one ("RipGuard", "Rip Guard");
  the first word of the one longer organization name written before it ("Marsh" → "Marsh &
  McLennan"), a given name NER typed as a place ("Serena" → "Serena Williams").
- A chamber's committee with the chamber in full is the short one ("House of Representatives
  Intelligence Committee" = "House Intelligence Committee"); a place's initials join it
  ("NYC" → "New York City"), and a name's initials are read without its legal suffix too
  ("GM" → "General Motors Co").
- The class is decided by all mentions together, so an entity never changes class
  between sentences; one mention the text shows to be a company makes it an organization.
- A dateline place written in capitals is named in ordinary case ("WASHINGTON" → "Washington").
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from spacy.tokens import Doc

from ..names import normalize_name
from ..records import Entity
from .gazetteer import Gazetteer
from .mentions import SpanMention
from .mentions.retype import COMPANY, LISTED_PLACE, PERSONAL, TEAM
from .name_joins import (
    chamber_short_form,
    headline_end,
    is_place_name,
    join_clusters,
    join_name_ends,
)

__all__ = ["Resolution", "organization_key", "resolve_entities"]

_CLASS_ORDER = ("Person", "Organization", "Place")
_STOP_INITIALS = frozenset({"of", "the", "and", "for", "&", "de", "du", "la", "le"})


@dataclass
class _Cluster:
    mentions: list[SpanMention] = field(default_factory=list)
    fixed: tuple[str, str] | None = None  # (canonical, class) from the gazetteer

    def label(self) -> str:
        if self.fixed:
            return self.fixed[1]
        if any(m.ner_label == COMPANY for m in self.mentions):
            return "Organization"  # "Ralph Lauren said its sales…"
        if any(m.ner_label == PERSONAL for m in self.mentions):
            return "Person"  # "Trump said he would…", typed ORG
        if any(m.ner_label == LISTED_PLACE for m in self.mentions):
            return "Place"  # "visits Manchester, Liverpool and Leicester", typed PERSON
        if any(
            m.label == "Person" and (len(m.text.split()) > 1 or m.ner_label == "CREDIT")
            for m in self.mentions
        ):
            return "Person"
        votes = Counter(m.label for m in self.mentions)
        # A tie without any full personal name goes to the place or organization:
        # a lone surname is rarely tied ("Kirkcaldy" typed Person once and Place once).
        return max(_CLASS_ORDER, key=lambda c: (votes[c], _CLASS_ORDER.index(c)))

    def name(self) -> str:
        if self.fixed:
            return self.fixed[0]
        counts = Counter(m.text for m in self.mentions)
        return max(counts, key=lambda t: (len(t.split()), counts[t], len(t), t))


@dataclass
class Resolution:
    """The entities of one ``Doc`` and where each is mentioned.

    Attributes:
        entities: One record per entity, in order of first mention.
        token_entity: Token index → index into ``entities``.
        mentions: For each entity, its mentions.
        demonyms: Token index → ``(canonical, class)`` for demonym tokens.
    """

    entities: list[Entity]
    token_entity: dict[int, int]
    mentions: list[list[SpanMention]]
    demonyms: dict[int, tuple[str, str, str]]

    def entity_named(self, name: str, label: str) -> int | None:
        """Index of the entity with this canonical name and class, if any."""
        key = normalize_name(name)
        for i, entity in enumerate(self.entities):
            if entity.label == label and normalize_name(entity.name) == key:
                return i
        return None


_PARTICLES = ("al-", "el-")


def _without_particle(word: str) -> str:
    """A family name without an Arabic article: "al-Sabban" → "Sabban"."""
    for particle in _PARTICLES:
        if word.lower().startswith(particle) and len(word) > len(particle) + 1:
            return word[len(particle) :]
    return word


def _without_legal_suffix(name: str, gazetteer: Gazetteer) -> tuple[str, str] | None:
    """The gazetteer organization ``name`` is with its legal suffixes dropped ("Facebook Inc."
    → Facebook, "Federal Reserve Board" → Federal Reserve: ``legal_suffixes``), else ``None``."""
    words = name.split()
    suffixes = gazetteer.words["legal_suffixes"]
    while len(words) > 1 and words[-1].lower().rstrip(".,") in suffixes:
        words = words[:-1]
        hit = gazetteer.lookup(" ".join(words).rstrip(","))
        if hit is not None:
            return hit if hit[1] == "Organization" else None
    return None


def _organization_prefix(words: list[str], gazetteer: Gazetteer) -> int:
    """How many first words of a normalised organization name are a country or a
    nationality ("us senate", "afghan taliban"): 0, 1 or 2."""
    for n in (2, 1):
        if len(words) <= n:
            continue
        head = " ".join(words[:n])
        hit = gazetteer.lookup(head)
        if hit is not None and gazetteer.is_country(hit[0]):
            return n
        nationality = gazetteer.demonym(head)
        if nationality is not None and nationality[1] == "Place":
            return n
    return 0


def organization_key(name: str, gazetteer: Gazetteer) -> str:
    """Where the ways an article writes one organization's name meet: the name normalised,
    without a country or nationality in front ("Afghan Taliban" → "taliban"), "department of X" as "X department"
    (``inverted_org_heads`` of ``schemas/mention_words.toml``): "U.S. Department of
    Justice", "Department of Justice" and "Justice Department" → "justice department";
    "U.S. Senate" → "senate". A state in front stays ("Alabama Senate" is another body).
    """
    return _organization_parts(name, gazetteer)[1]


def _organization_parts(name: str, gazetteer: Gazetteer) -> tuple[str, str]:
    """The country in front of an organization's name, named as the gazetteer names it
    ("united states" for "U.S." or "American", "afghanistan"; "" when none), and its
    :func:`organization_key`."""
    words = normalize_name(name).split()
    n = _organization_prefix(words, gazetteer)
    prefix, words = " ".join(words[:n]), words[n:]
    # "U.S. Senate", "United States Senate" and "American Senate": one country in front
    country = (gazetteer.lookup(prefix) or gazetteer.demonym(prefix)) if prefix else None
    if country is not None:
        prefix = normalize_name(country[0])
    # "House of Representatives Ethics Committee" is the "House Ethics Committee"
    words = chamber_short_form(words, gazetteer)
    if len(words) >= 3 and words[1] == "of" and words[0] in gazetteer.words["inverted_org_heads"]:
        words = [*words[2:], words[0]]
    return prefix, " ".join(words)


def _initials(text: str, *, whole: bool = False, of: bool = False) -> str:
    """ "AP" for "Associated Press"; an abbreviation with full stops counts letter by letter
    ("USPS" for "U.S. Postal Service", never "UPS"); with ``whole``, short acronyms in the
    name do too ("UKA" for "UK Athletics"); with ``of``, "of" counts as "O" ("DOE" for
    "Department of Energy")."""
    return "".join(
        "O"
        if of and w == "of"
        else w.replace(".", "")
        if _is_acronym(w) and ("." in w or (whole and len(w) <= 3))
        else w[0]
        for w in text.split()
        if (of and w == "of") or (w.lower() not in _STOP_INITIALS and w[:1].isupper())
    )


def _is_acronym(text: str) -> bool:
    letters = text.replace(".", "").replace("&", "")
    return 2 <= len(letters) <= 6 and letters.isupper() and letters.isalpha()


def _acronym_key(text: str) -> str:
    """The capitals of an acronym, where its initials meet a long form's: "AP", "U.S." →
    "US", and a mixed-case one whose small letters are the function words left out
    ("BoE" → "BE" for "Bank of England", "DfES" → "DES"); else ``""``."""
    letters = text.replace(".", "").replace("&", "")
    capitals = "".join(c for c in letters if c.isupper())
    if not letters.isalpha() or not 2 <= len(capitals) <= 6 or letters[:1].islower():
        return ""
    small = len(letters) - len(capitals)
    return capitals if small <= 2 and not letters[1:].islower() else ""


def resolve_entities(doc: Doc, mentions: list[SpanMention], gazetteer: Gazetteer) -> Resolution:
    """Group the mentions of one ``Doc`` into entities.

    The steps, in order, each on the clusters the ones before left:

    1. Gazetteer names, teams and full personal names start the clusters short forms join
       (:func:`_add_full_names`); every other mention waits.
    2. A full name that ends the one longer one joins it ("Van Hollen"), and so does an
       initial with a family name ("S Grimes": :func:`_join_partial_personal_names`).
    3. Each waiting mention joins the full name it is a short form of, or starts a cluster of
       its own (:class:`_ShortForms`).
    4. An acronym clustered alone joins its long form, and a name NER typed two ways is one
       cluster (:func:`_join_acronyms`, :func:`_join_retyped_names`).
    5. Organizations' short names join their full ones, then the late joins of
       :mod:`kg.extract.name_joins`.
    6. The clusters left become the entities (:func:`_to_resolution`).
    """
    named = [m for m in mentions if m.label != "Demonym"]
    table = _Clusters()
    full_names = _add_full_names(table, named, gazetteer)
    _join_partial_personal_names(table, full_names.surnames)
    short_forms = _ShortForms.index(table, named, gazetteer)
    for m in full_names.waiting:
        table.add(m, short_forms.key_of(m, table, full_names.surnames, gazetteer))
    _join_acronyms(table, short_forms.long_forms)
    _join_retyped_names(table)
    _join_short_organization_names(table.clusters, table.by_key, gazetteer)
    join_name_ends(
        table.clusters,
        table.by_key,
        gazetteer,
        lambda name: organization_key(name, gazetteer),
        lead_end=headline_end(doc),
    )
    return _to_resolution(table.clusters, _demonym_tokens(mentions, gazetteer))


class _Clusters:
    """The clusters of one article and the keys that find them: ``"g:"`` (a gazetteer name),
    ``"t:"`` (a team), ``"p:"`` (a full personal name), ``"o:"`` (an organization) or ``"n:"``
    (any other name), then the normalised name. A joined cluster is emptied, and the keys
    that found it find the cluster it joined (:func:`kg.extract.name_joins.join_clusters`),
    except after the joins of acronyms and of retyped names, which keep their keys (see
    :meth:`join`).
    """

    def __init__(self) -> None:
        self.clusters: list[_Cluster] = []
        self.by_key: dict[str, int] = {}

    def add(self, mention: SpanMention, key: str, fixed: tuple[str, str] | None = None) -> None:
        """Add ``mention`` to the cluster of ``key``, a new one if no cluster has that key."""
        if key not in self.by_key:
            self.by_key[key] = len(self.clusters)
            self.clusters.append(_Cluster(fixed=fixed))
        self.clusters[self.by_key[key]].mentions.append(mention)

    def join(self, source: int, target: int, *, keep_keys: bool = False) -> None:
        """Move the mentions of cluster ``source`` into ``target``, and point the keys that
        found ``source`` at ``target``; with ``keep_keys`` they still find the emptied
        cluster, and a later join or mention under one of them fills it again."""
        if keep_keys:
            self.clusters[target].mentions.extend(self.clusters[source].mentions)
            self.clusters[source].mentions.clear()
        else:
            join_clusters(self.clusters, self.by_key, source, target)

    def first_mention(self, key: str) -> SpanMention:
        """The first mention of the cluster of ``key``."""
        return self.clusters[self.by_key[key]].mentions[0]

    def person_keys(self) -> list[str]:
        """The keys of full personal names, in the order they were added."""
        return [key for key in self.by_key if key.startswith("p:")]


@dataclass
class _FullNames:
    """What :func:`_add_full_names` leaves for the later steps.

    Attributes:
        waiting: The mentions that are no full name, in text order.
        surnames: Every end of a full personal name ("trump", "van hollen", "sabban" for
            "al-Sabban") → the key of the name, once per mention of it.
    """

    waiting: list[SpanMention] = field(default_factory=list)
    surnames: dict[str, list[str]] = field(default_factory=dict)


def _add_full_names(table: _Clusters, named: list[SpanMention], gazetteer: Gazetteer) -> _FullNames:
    """Start a cluster for each team, gazetteer name and full personal name of ``named``."""
    found = _FullNames()
    for m in named:
        hit = gazetteer.lookup(m.text)
        if hit is None and m.label == "Organization":
            hit = _without_legal_suffix(m.text, gazetteer)
        # A gazetteer name overrides NER, except that a person is never made a place
        # ("Jordan" the footballer) by one word; "Lib Dem" tagged PERSON is still the party,
        # "Sri Lanka" tagged PERSON still the country.
        if m.ner_label == TEAM:  # "Wales coach X": the team, never the country
            table.add(m, "t:" + normalize_name(m.text))
        elif hit and (m.label != "Person" or hit[1] != "Place" or len(m.text.split()) > 1):
            table.add(m, "g:" + normalize_name(hit[0]), hit)
        elif (m.label == "Person" or m.ner_label == COMPANY) and len(m.text.split()) > 1:
            key = "p:" + normalize_name(m.text)
            table.add(m, key)
            words = normalize_name(m.text).split()
            for n in range(1, len(words)):  # "Trump", "Demaree Nikhinson"
                found.surnames.setdefault(" ".join(words[n:]), []).append(key)
            last = m.text.split()[-1]
            if _without_particle(last) != last:  # "Sabban" for "al-Sabban"
                surname = normalize_name(_without_particle(last))
                found.surnames.setdefault(surname, []).append(key)
        else:
            found.waiting.append(m)
    return found


def _join_partial_personal_names(table: _Clusters, surnames: dict[str, list[str]]) -> None:
    """Join a full personal name to the one fuller name it is part of:

    - the end of the one longer name of the article ("Van Hollen" for "Chris Van Hollen");
    - an initial and a family name ("S Grimes", "J. White" in a team sheet): the one full
      name the article gives with that family name and first letter ("Stuart Grimes").
    """
    for key in table.person_keys():
        longer = set(surnames.get(key[2:], ())) - {key}
        if len(longer) == 1 and table.clusters[table.by_key[key]].mentions:
            table.join(table.by_key[key], table.by_key[longer.pop()])
    for key in table.person_keys():
        words = key[2:].split()
        if len(words) != 2 or len(words[0]) != 1 or not table.clusters[table.by_key[key]].mentions:
            continue
        fuller = {
            k
            for k in surnames.get(words[1], ())
            if k != key and len(k[2:].split()[0]) > 1 and k[2:].startswith(words[0])
        }
        if len(fuller) == 1:
            table.join(table.by_key[key], table.by_key[fuller.pop()])


@dataclass(frozen=True)
class _ShortForms:
    """The short forms the article's full names may be written as, each to its cluster key.

    Attributes:
        long_forms: The initials of an organization's name → its key ("AP" → "o:associated
            press"; "UKA" for "UK Athletics", "CFPB" for "U.S. Consumer Financial …", "DOE"
            for "Department of Energy").
        short_forms: An organization's name without its last words of ``org_suffixes`` →
            its key ("forgemasters" for "Forgemasters Group").
        first_names: The first word of a full personal name → the keys of the names ("nancy"
            for "Nancy Pelosi", "xi" for "Xi Jinping").
        person_initials: The initials of a personal name of three words or more → its keys
            ("FDR" for "Franklin D. Roosevelt").
        labels: A normalised name → every class its mentions have.
    """

    long_forms: dict[str, str]
    short_forms: dict[str, str]
    first_names: dict[str, set[str]]
    person_initials: dict[str, set[str]]
    labels: dict[str, set[str]]

    @classmethod
    def index(cls, table: _Clusters, named: list[SpanMention], gazetteer: Gazetteer) -> _ShortForms:
        """The short forms of the names of ``named`` and of the full personal names of ``table``."""
        long_forms: dict[str, str] = {}
        for m in named:
            if m.label == "Organization" and len(m.text.split()) > 1:
                key = "o:" + normalize_name(m.text)
                long_forms.setdefault(_initials(m.text), key)
                # "UKA" for "UK Athletics": an acronym inside the name gives all its letters
                long_forms.setdefault(_initials(m.text, whole=True), key)
                words = m.text.split()
                country = _organization_prefix(normalize_name(m.text).split(), gazetteer)
                if country and len(words) - country > 1:  # "CFPB" for "U.S. Consumer Financial …"
                    long_forms.setdefault(_initials(" ".join(words[country:])), key)
                if " of " in m.text:  # "DOE" for "(U.S.) Department of Energy"
                    rest = " ".join(words[country:]) if len(words) - country > 1 else m.text
                    long_forms.setdefault(_initials(rest, of=True), key)
                legal = gazetteer.words["legal_suffixes"]
                if len(words) > 2 and words[-1].lower().rstrip(".,") in legal:
                    # "UPS" for "United Parcel Service Inc"
                    long_forms.setdefault(_initials(" ".join(words[:-1])), key)
        for m in named:  # "NYC" for "New York City", after the organizations' initials
            if m.label == "Place" and len(m.text.split()) > 1 and m.ner_label != TEAM:
                hit = gazetteer.lookup(m.text)
                name = hit[0] if hit is not None and hit[1] == "Place" else ""
                key = "g:" + normalize_name(name) if name else "n:" + normalize_name(m.text)
                long_forms.setdefault(_initials(m.text), key)
        short_forms: dict[str, str] = {}
        for m in named:
            words = m.text.split()
            if m.label == "Organization" and len(words) > 1:
                while len(words) > 1 and words[-1].lower() in gazetteer.org_suffixes:
                    words = words[:-1]
                    short_forms.setdefault(
                        normalize_name(" ".join(words)), "o:" + normalize_name(m.text)
                    )
        labels: dict[str, set[str]] = {}
        for m in named:
            labels.setdefault(normalize_name(m.text), set()).add(m.label)
        first_names: dict[str, set[str]] = {}
        person_initials: dict[str, set[str]] = {}
        for key in table.person_keys():
            text = table.first_mention(key).text
            first_names.setdefault(normalize_name(text.split()[0]), set()).add(key)
            if len(text.split()) >= 3:
                person_initials.setdefault(_initials(text), set()).add(key)
        return cls(long_forms, short_forms, first_names, person_initials, labels)

    def key_of(
        self,
        m: SpanMention,
        table: _Clusters,
        surnames: dict[str, list[str]],
        gazetteer: Gazetteer,
    ) -> str:
        """The key of the cluster a waiting mention joins: the full name it is a short form of,
        else a cluster of its own name."""
        norm = normalize_name(m.text)
        acronym = m.text.replace(".", "")
        if norm in surnames:
            keys = surnames[norm]
            before = [k for k in keys if table.first_mention(k).start < m.start]
            return (before or keys)[-1]
        if (
            m.label == "Person"
            and (
                m.text in gazetteer.first_names
                or norm in gazetteer.family_first
                or self.labels.get(norm) == {"Person"}  # not "Yahoo" for "Yahoo Messenger"
            )
            and len(self.first_names.get(norm, ())) == 1
        ):
            return next(iter(self.first_names[norm]))
        if _is_acronym(m.text) and len(self.person_initials.get(acronym, ())) == 1:
            return next(iter(self.person_initials[acronym]))
        if _acronym_key(m.text) and _acronym_key(m.text) in self.long_forms:
            return self.long_forms[_acronym_key(m.text)]
        if m.label == "Organization" and norm in self.short_forms:
            return self.short_forms[norm]
        return ("o:" if m.label == "Organization" else "n:") + norm


def _join_acronyms(table: _Clusters, long_forms: dict[str, str]) -> None:
    """Join an acronym's cluster, made before its long form had one, to the long form's.

    The acronym's key keeps finding its emptied cluster: the later joins read every key as a
    name of its cluster, and "ap" is no name of the Associated Press's cluster to end others.
    """
    for key, index in list(table.by_key.items()):
        if key.startswith("o:") and _acronym_key(table.clusters[index].mentions[0].text):
            target = long_forms.get(_acronym_key(table.clusters[index].mentions[0].text), "")
            if target in table.by_key and table.by_key[target] != index:
                table.join(index, table.by_key[target], keep_keys=True)


def _join_retyped_names(table: _Clusters) -> None:
    """Join the clusters of one name NER typed differently (``"n:"`` or ``"p:"`` to
    ``"o:"``, ``"n:"`` to ``"p:"``): one entity, whose class all its mentions decide
    ("Rodrigo Duterte" typed PERSON and ORG).

    The keys of the joined clusters keep finding them emptied, as the acronyms' do: pointing
    them at the cluster they joined changes what the later joins read (a name typed three
    ways, or a company's short name) and so the output.
    """
    keys = list(table.by_key.items())
    for kind, into in (("n:", "o:"), ("p:", "o:"), ("n:", "p:")):
        for key, index in keys:
            other = table.by_key.get(into + key[2:])
            if (
                key.startswith(kind)
                and other is not None
                and other != index
                and table.clusters[index].mentions
            ):
                table.join(index, other, keep_keys=True)


def _demonym_tokens(
    mentions: list[SpanMention], gazetteer: Gazetteer
) -> dict[int, tuple[str, str, str]]:
    """Token index → ``(canonical, class, text)`` of the place or group of each demonym
    mention the gazetteer knows ("British" → United Kingdom)."""
    demonyms: dict[int, tuple[str, str, str]] = {}
    for m in mentions:
        if m.label == "Demonym":
            hit = gazetteer.demonym(m.text)
            if hit:
                for i in range(m.start, m.end):
                    demonyms[i] = (hit[0], hit[1], m.text)
    return demonyms


def _to_resolution(
    clusters: list[_Cluster], demonyms: dict[int, tuple[str, str, str]]
) -> Resolution:
    """The entities of the clusters that hold mentions, in order of first mention; two
    clusters that resolve to one canonical name and class are one entity."""
    live = sorted(
        (c for c in clusters if c.mentions), key=lambda c: min(m.start for m in c.mentions)
    )
    entities: list[Entity] = []
    token_entity: dict[int, int] = {}
    grouped: list[list[SpanMention]] = []
    seen: dict[tuple[str, str], int] = {}
    for cluster in live:
        name, label = cluster.name(), cluster.label()
        if label == "Place" and not cluster.fixed:
            name = _ordinary_case(name)
        # Two clusters that resolve to one canonical entity, spaces and hyphens aside
        # ("RipGuard" and "Rip Guard", "al-Qaeda" and "al Qaeda").
        identity = (normalize_name(name).replace(" ", ""), label)
        if identity in seen:
            index = seen[identity]
            grouped[index].extend(cluster.mentions)
        else:
            index = seen[identity] = len(entities)
            entities.append(Entity(name, label))
            grouped.append(list(cluster.mentions))
        for m in cluster.mentions:
            for i in range(m.start, m.end):
                token_entity[i] = index
    final = []
    for entity, ms in zip(entities, grouped, strict=True):
        forms = {m.text for m in ms} | {m.surface for m in ms}
        forms.discard(entity.name)
        final.append(Entity(entity.name, entity.label, tuple(sorted(forms))))
    return Resolution(final, token_entity, grouped, demonyms)


def _ordinary_case(name: str) -> str:
    """A place name a dateline writes in capitals, in ordinary case ("KING OF PRUSSIA" →
    "King of Prussia"); acronyms ("UAE") and names in mixed case are kept."""
    letters = name.replace(" ", "").replace(".", "")
    if not name.isupper() or len(letters) <= 4 or not letters.isalpha():
        return name
    return " ".join(
        w.lower() if n and w.lower() in _STOP_INITIALS else w.capitalize()
        for n, w in enumerate(name.split())
    )


def _join_short_organization_names(
    clusters: list[_Cluster], by_key: dict[str, int], gazetteer: Gazetteer
) -> None:
    """Join an organization's short names to its full one, within the article:

    - the same :func:`organization_key`: "U.S. Senate" ↔ "Senate", "Justice Department" ↔
      "Department of Justice" ↔ "U.S. Department of Justice" (a country in front, not a
      state or region: "Alabama Senate" is another body);
    - cut before "of": "House" → "House of Representatives" or "U.S. House of
      Representatives" (the one three-word "X of Y" name that starts so);
    - the end of the one longer name, the words in front not a place nor a number:
      "Judiciary Committee" → "Senate Judiciary Committee" (not "Supreme Court" → "Alabama
      Supreme Court", nor a "9th" NER left out → "4th U.S. Circuit Court of Appeals");
    - a newspaper by the last word of its name: "the Times" → "New York Times", "the Post"
      → "Washington Post" (``newspaper_heads``; the one name of the article that ends so).
    """

    def organization(key: str) -> _Cluster | None:
        index = by_key.get(key)
        if index is None or not clusters[index].mentions or clusters[index].fixed:
            return None
        return clusters[index] if clusters[index].label() == "Organization" else None

    def join(source: str, target: str) -> None:
        join_clusters(clusters, by_key, by_key[source], by_key[target])

    keys = [k for k in by_key if k[:2] in ("o:", "n:") and organization(k)]
    parts = {key: _organization_parts(key[2:], gazetteer) for key in keys}
    org_keys = {key: org_key for key, (_, org_key) in parts.items()}
    same: dict[str, list[str]] = {}
    for key in keys:
        same.setdefault(org_keys[key], []).append(key)
    for group in same.values():
        longest = max(group, key=lambda k: (len(k.split()), len(k)))
        prefixes = {parts[k][0] for k in group} - {""}
        if len(prefixes) > 1:  # "Afghan Taliban" and "Pakistani Taliban": "Taliban" is either
            continue
        for key in group:
            if organization(key) and organization(longest):
                join(key, longest)
    # "Judiciary Committee" for "Senate Judiciary Committee": a name of two words or more that
    # ends the one longer organization name of the article, the words in front not a place
    # ("Alabama Supreme Court" is no "Supreme Court").
    for key in keys:
        words = org_keys[key].split()
        if len(words) < 2 or not organization(key):
            continue
        tail = " " + org_keys[key]
        longer = {
            by_key[k]
            for k in keys
            if org_keys[k].endswith(tail)
            and organization(k)
            and not is_place_name(org_keys[k][: -len(tail)], gazetteer)
            and not any(c.isdigit() for c in org_keys[k][: -len(tail)])  # "4th U.S. Circuit …"
        }
        if len(longer) == 1 and by_key[key] not in longer:
            target = next(k for k in keys if by_key[k] in longer and org_keys[k].endswith(tail))
            join(key, target)
    heads: dict[str, set[str]] = {}
    newspapers: dict[str, set[str]] = {}
    for key in keys:
        words = org_keys[key].split()
        if len(words) == 3 and words[1] == "of":  # not "House of Representatives Ethics Committee"
            heads.setdefault(words[0], set()).add(key)
        if len(words) > 1 and words[-1] in gazetteer.words["newspaper_heads"]:
            newspapers.setdefault(words[-1], set()).add(key)
    for key in keys:
        words = org_keys[key].split()
        if len(words) != 1 or not organization(key):
            continue
        raw = key[2:].split()
        n = _organization_prefix(raw, gazetteer)
        hit = gazetteer.lookup(" ".join(raw[:n])) if n else None
        if n and not (hit is not None and gazetteer.is_country(hit[0])):
            continue  # a nationality in front: "American University" is no "University of …"
        for found in (heads.get(words[0], set()), newspapers.get(words[0], set())):
            targets = {by_key[k] for k in found if organization(k)}
            if len(targets) == 1 and by_key[key] not in targets:
                join(key, next(k for k in found if organization(k)))
                break
