"""Resolve the mentions of one article into entities: one per real-world thing.

- Short forms join the full name: "Trump" and "Zelenskyy's" join "Donald Trump" and
  "Volodymyr Zelenskyy" whatever class NER gave the short form.
- Acronyms join the long form the text uses ("AP" ↔ "Associated Press" by initials, or
  "Long Name (LN)").
- Country and organization aliases come from the gazetteer ("U.S." → United States).
- The class is decided by all mentions together, so an entity never changes class
  between sentences.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from spacy.tokens import Doc

from ..names import normalize_name
from ..records import Entity
from .gazetteer import Gazetteer
from .mentions import SpanMention

__all__ = ["Resolution", "resolve_entities"]

_CLASS_ORDER = ("Person", "Organization", "Place")
_STOP_INITIALS = frozenset({"of", "the", "and", "for", "&", "de", "du", "la", "le"})


@dataclass
class _Cluster:
    mentions: list[SpanMention] = field(default_factory=list)
    fixed: tuple[str, str] | None = None  # (canonical, class) from the gazetteer

    def label(self) -> str:
        if self.fixed:
            return self.fixed[1]
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


def _initials(text: str) -> str:
    return "".join(
        w[0] for w in text.split() if w.lower() not in _STOP_INITIALS and w[:1].isupper()
    )


def _is_acronym(text: str) -> bool:
    letters = text.replace(".", "").replace("&", "")
    return 2 <= len(letters) <= 6 and letters.isupper() and letters.isalpha()


def resolve_entities(doc: Doc, mentions: list[SpanMention], gazetteer: Gazetteer) -> Resolution:
    """Group the mentions of one ``Doc`` into entities."""
    clusters: list[_Cluster] = []
    by_key: dict[str, int] = {}
    demonyms: dict[int, tuple[str, str, str]] = {}
    named = [m for m in mentions if m.label != "Demonym"]
    for m in mentions:
        if m.label == "Demonym":
            hit = gazetteer.demonym(m.text)
            if hit:
                for i in range(m.start, m.end):
                    demonyms[i] = (hit[0], hit[1], m.text)

    def add(m: SpanMention, key: str, fixed: tuple[str, str] | None = None) -> None:
        if key not in by_key:
            by_key[key] = len(clusters)
            clusters.append(_Cluster(fixed=fixed))
        clusters[by_key[key]].mentions.append(m)

    # 1. Gazetteer names and full personal names define the clusters short forms join.
    pending: list[SpanMention] = []
    surnames: dict[str, list[str]] = {}
    for m in named:
        hit = gazetteer.lookup(m.text)
        # A gazetteer name overrides NER, except that a person is never made a place
        # ("Jordan" the footballer); "Lib Dem" tagged PERSON is still the party.
        if hit and (m.label != "Person" or hit[1] != "Place"):
            add(m, "g:" + normalize_name(hit[0]), hit)
        elif m.label == "Person" and len(m.text.split()) > 1:
            key = "p:" + normalize_name(m.text)
            add(m, key)
            words = normalize_name(m.text).split()
            for n in range(1, len(words)):  # "Trump", "Demaree Nikhinson"
                surnames.setdefault(" ".join(words[n:]), []).append(key)
        else:
            pending.append(m)

    # 2. Long forms of acronyms, by initials.
    long_forms: dict[str, str] = {}
    for m in named:
        if m.label == "Organization" and len(m.text.split()) > 1:
            long_forms.setdefault(_initials(m.text), "o:" + normalize_name(m.text))
    # Short forms of organizations: "Forgemasters" for "Forgemasters Group".
    short_forms: dict[str, str] = {}
    for m in named:
        words = m.text.split()
        if m.label == "Organization" and len(words) > 1:
            while len(words) > 1 and words[-1].lower() in gazetteer.org_suffixes:
                words = words[:-1]
                short_forms.setdefault(
                    normalize_name(" ".join(words)), "o:" + normalize_name(m.text)
                )

    for m in pending:
        norm = normalize_name(m.text)
        if norm in surnames:
            keys = surnames[norm]
            before = [k for k in keys if clusters[by_key[k]].mentions[0].start < m.start]
            add(m, (before or keys)[-1])
        elif _is_acronym(m.text) and m.text.replace(".", "") in long_forms:
            target = long_forms[m.text.replace(".", "")]
            add(m, target)
        elif m.label == "Organization" and norm in short_forms:
            add(m, short_forms[norm])
        elif m.label == "Organization" and "o:" + norm in by_key:
            add(m, "o:" + norm)
        else:
            add(m, ("o:" if m.label == "Organization" else "n:") + norm)
    # Acronym clusters created before their long form appeared: merge now.
    for key, index in list(by_key.items()):
        if key.startswith("o:") and _is_acronym(clusters[index].mentions[0].text):
            target = long_forms.get(clusters[index].mentions[0].text.replace(".", ""), "")
            if target in by_key and by_key[target] != index:
                clusters[by_key[target]].mentions.extend(clusters[index].mentions)
                clusters[index].mentions = []
    # Same name typed differently by NER ("n:" vs "o:"): one entity.
    for key, index in list(by_key.items()):
        if key.startswith("n:") and "o:" + key[2:] in by_key and clusters[index].mentions:
            other = by_key["o:" + key[2:]]
            clusters[other].mentions.extend(clusters[index].mentions)
            clusters[index].mentions = []

    live = sorted(
        (c for c in clusters if c.mentions), key=lambda c: min(m.start for m in c.mentions)
    )
    entities: list[Entity] = []
    token_entity: dict[int, int] = {}
    grouped: list[list[SpanMention]] = []
    seen: dict[tuple[str, str], int] = {}
    for cluster in live:
        name, label = cluster.name(), cluster.label()
        identity = (normalize_name(name), label)
        if identity in seen:  # two clusters that resolve to one canonical entity
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
