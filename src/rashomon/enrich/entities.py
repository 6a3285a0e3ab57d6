"""Named actors of an article, and their resolution across the articles of a story.

Mentions come from spaCy's named entities (plus every use of an acronym the text defines).
Mentions of one actor are grouped when their keys meet (``names``): same spelling up to
accents, titles and transliteration, a defined or implied acronym, or a person's short
form ('Mustafa' after 'Captain Naji Mustafa').
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from rashomon.enrich import cues, names
from rashomon.enrich.nlp import Body, to_span
from rashomon.enrich.relations import text_of
from rashomon.model import Article

KINDS = {
    "PERSON": "person",
    "ORG": "org",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
    "NORP": "group",
}
#: kinds that may be one actor under different spaCy labels ('HTS' tagged ORG or NORP).
FAMILY = {"person": "person", "org": "org", "outlet": "org", "group": "org", "place": "place"}
PRONOUNS_PERSON = frozenset({"he", "she", "him", "her", "i", "me"})
PRONOUNS_GROUP = frozenset({"they", "we", "it", "them", "us"})


@dataclass(slots=True)
class Entity:
    """One actor of an article: its names, kind and mention offsets (document offsets)."""

    id: str
    kinds: Counter[str] = field(default_factory=Counter)
    names: list[str] = field(default_factory=list)
    mentions: list[tuple[int, int]] = field(default_factory=list)
    first_token: list[int] = field(default_factory=list)

    @property
    def kind(self) -> str:
        kind = self.kinds.most_common(1)[0][0]
        if FAMILY[kind] == "org" and any(cues.is_outlet(n) for n in self.names):
            return "outlet"
        return kind

    @property
    def name(self) -> str:
        return max(
            self.names,
            key=lambda n: (
                len(names.strip_titles(names.fold(n)).split()),
                # 'Kessary' over the dateline's 'KESSARY' (an acronym has no other case)
                not (n.isupper() and any(m.upper() == n and m != n for m in self.names)),
                self.names.count(n),
                len(n),
            ),
        )


def _clean(text: str) -> str:
    text = re.sub(r"^(?:the|The)\s+", "", text.strip())
    return re.sub(r"['’]s$", "", text).strip()


def _acronym_of(acro: str, name: str, family: str, acronyms: dict[str, str]) -> bool:
    """Whether ``acro`` abbreviates ``name`` (an actor of ``family``): defined so in the text,
    or its initials. Two letters are the initials of too many people ('AP' is not 'Ayanna
    Pressley'), so a person's initials need three."""
    bare = acro.replace(".", "")
    if names.fold(acronyms.get(bare, "")) == names.fold(name):
        return True
    return names.initials(name) == bare and (family != "person" or len(bare) >= 3)


@lru_cache(maxsize=1 << 16)
def _words(name: str) -> tuple[str, ...]:
    """Folded words of a name without leading titles or Arabic articles ('al-Assad' ->
    'assad'); a hyphenated word stays one word, so 'Trump-Kim' (a summit) ends in neither
    'Kim' nor 'Trump'."""
    tokens = (names.ARTICLE_PREFIX.sub("", t) for t in name.split())
    words = [w for w in (names.fold(t).replace(" ", "-") for t in tokens) if w]
    while len(words) > 1 and (words[0] in names.TITLES or words[0] == "the"):
        words = words[1:]
    return tuple(words)


#: words of organisation names that many organisations share: a tail made only of them
#: ('National Army') names no one organisation ('Libyan National Army', 'Syrian National Army')
GENERIC = frozenset(
    """national army front forces force party council ministry government union liberation
    democratic republican popular people's movement committee league alliance association
    bank court police guard guards revolutionary islamic united federal central state states
    free new general high supreme security defense defence military navy air commission
    agency office department authority assembly congress senate parliament coalition
    organization organisation institute foundation""".split()
)


def same_actor(
    a_names: Iterable[str], a_kind: str, b_name: str, b_kind: str, acronyms: dict[str, str]
) -> bool:
    """Whether ``b_name`` names the actor known as ``a_names``.

    spaCy often tags an organisation as a person ('Hay'at Tahrir al-Sham'), so the same
    spelling, or an acronym, joins people and organisations; short forms stay within a kind.
    """
    fam_a, fam_b = FAMILY[a_kind], FAMILY[b_kind]
    b = names.strip_titles(names.fold(b_name))
    if not b:
        return False
    if "place" in (fam_a, fam_b) and fam_a != fam_b:
        # one spelling read as a place here and an organisation there ('Idlib') is one
        # actor; a person and a place of one name are not ('Jordan')
        return "person" not in (fam_a, fam_b) and any(
            names.strip_titles(names.fold(a)) == b for a in a_names
        )
    bw = _words(b_name)
    if fam_a == fam_b == "person" and len(bw) >= 2:
        # a full name joins a person by its full names only: one 'Sanders' in a group must
        # not join 'Bernie Sanders' to 'Sarah Sanders'
        full = [n for n in a_names if len(_words(n)) >= 2]
        a_names = full or a_names
    for a_name in a_names:
        a = names.strip_titles(names.fold(a_name))
        if not a:
            continue
        if names.similar(a, b):
            return True
        if (
            fam_a != "place"
            and names.is_acronym(b_name)
            and _acronym_of(b_name, a_name, fam_a, acronyms)
        ):
            return True
        if (
            fam_a != "place"
            and names.is_acronym(a_name)
            and _acronym_of(a_name, b_name, fam_b, acronyms)
        ):
            return True
        aw = _words(a_name)
        if aw == bw:
            return True  # the same words once articles are dropped ('al-Assad', 'Assad')
        short, long = (bw, aw) if len(bw) < len(aw) else (aw, bw)
        if len(short) == len(long):
            continue
        if fam_a == fam_b == "person" and (
            short == long[-len(short) :] or short == long[: len(short)]
        ):
            return True  # a person's surname or given name alone
        if len(short) >= 2 and short == long[-len(short) :] and not GENERIC.issuperset(short):
            return True  # 'Tahrir al-Sham' for 'Hayat Tahrir al-Sham'
    return False


#: an all-capitals word spaCy did not tag, kept as an organisation when it is the acronym
#: of an actor of the text ('HTS').
CAPS = re.compile(r"\b[A-Z]{2,6}\b")


def _name_word(tok: Any) -> bool:
    return (
        tok.pos_ == "PROPN"
        and tok.is_title
        and not tok.ent_type_
        and names.fold(tok.text) not in names.TITLES
        and tok.lower_ not in names.STOP
    )


def find_entities(doc: Any, prefix: str) -> list[Entity]:
    """Group the named-entity mentions of ``doc`` into actors (ids ``prefix:eN``)."""
    full = text_of(doc)
    acronyms = names.acronym_definitions(full)
    found: list[tuple[int, int, int, str, str]] = []
    for ent in doc.ents:
        kind = KINDS.get(ent.label_)
        if kind is None:
            continue
        first = ent.start
        while first > 0 and _name_word(doc[first - 1]) and ent.label_ in ("PERSON", "ORG"):
            first -= 1  # spaCy often drops the first word of a foreign name: 'Hayat'
        if first < ent.start:
            ent = doc[first : ent.end]
        start, text = ent.start_char, ent.text
        if ent[0].lower_ == "the":
            start, text = ent[1].idx if len(ent) > 1 else start, _clean(text)
        text = _clean(text)
        if not text or not any(ch.isalpha() for ch in text):
            continue
        end = start + len(text)
        if kind in ("person", "org") and names.is_place_name(text):
            kind = "place"
        found.append((start, end, ent.start, text, kind))
    taken = {(s, e) for s, e, *_ in found}
    for acro in acronyms:
        for m in re.finditer(rf"\b{re.escape(acro)}\b", full):
            if (m.start(), m.end()) not in taken and not any(
                s <= m.start() < e for s, e, *_ in found
            ):
                tok = doc.char_span(m.start(), m.end(), alignment_mode="expand")
                found.append((m.start(), m.end(), tok.start if tok else 0, acro, "org"))
    found.sort()
    known = [t for *_, t, _k in found]
    for m in CAPS.finditer(full):
        if any(s <= m.start() < e for s, e, *_ in found):
            continue
        if any(names.initials(n) == m.group() for n in known if not names.is_acronym(n)):
            tok = doc.char_span(m.start(), m.end(), alignment_mode="expand")
            found.append((m.start(), m.end(), tok.start if tok else 0, m.group(), "org"))
    found = _surnames(_joined(sorted(found), full), full, doc)
    found = [f for f in found if not _adjective(f, doc)]
    ents: list[Entity] = []
    for start, end, tok_i, text, kind in found:
        match = next(
            (e for e in reversed(ents) if same_actor(e.names, e.kind, text, kind, acronyms)), None
        )
        if match is None:
            match = Entity(f"{prefix}:e{len(ents) + 1}")
            ents.append(match)
        match.kinds[kind] += 1
        match.names.append(text)
        match.mentions.append((start, end))
        match.first_token.append(tok_i)
    return ents


Found = list[tuple[int, int, int, str, str]]


def _adjective(mention: tuple[int, int, int, str, str], doc: Any) -> bool:
    """Whether a group mention is a lone adjective ('Syrian' in 'Syrian rebels'): a
    nationality, not an actor; 'the Syrians' and 'Russian Coastal Forces' stay."""
    start, end, tok_i, _text, kind = mention
    tok = doc[tok_i]
    return kind == "group" and tok.tag_ == "JJ" and tok.idx == start and start + len(tok) == end


def _joined(found: Found, full: str) -> Found:
    """Join mentions that spaCy split inside one name: two mentions with only a space
    between them ('Hay'at' + 'Tahrir al-Sham', 'Russian' + 'Aerospace Forces') are one,
    an organisation when either part is (a group word before a person is not joined:
    'American John Smith')."""
    out: Found = []
    for cur in found:
        if out:
            s, e, tok_i, _text, kind = out[-1]
            if (
                full[e : cur[0]] == " "
                and kind in ("org", "person", "group")
                and cur[4] in ("org", "person")
                and (kind, cur[4]) != ("group", "person")
            ):
                joined = "org" if "org" in (kind, cur[4]) or kind == "group" else cur[4]
                out[-1] = (s, cur[1], tok_i, full[s : cur[1]], joined)
                continue
        out.append(cur)
    return out


def _surnames(found: Found, full: str, doc: Any) -> Found:
    """Add the bare surnames of the text's people where spaCy did not tag them, and take
    back a surname it tagged as a place: after 'Recep Tayyip Erdogan', 'Erdogan' (or
    'Erdogan's') is him."""
    last = {
        text.split()[-1]
        for _s, _e, _t, text, kind in found
        if kind == "person" and len(names.strip_titles(names.fold(text)).split()) >= 2
    }
    out = list(found)
    for word in sorted(w for w in last if len(w) >= 3 and w[0].isupper() and w.isalpha()):
        for m in re.finditer(rf"(?<![\w'’-]){re.escape(word)}(?![\w-])", full):
            at = next((i for i, f in enumerate(out) if f[0] <= m.start() < f[1]), None)
            if at is None:
                tok = doc.char_span(m.start(), m.end(), alignment_mode="expand")
                out.append((m.start(), m.end(), tok.start if tok else 0, word, "person"))
            elif out[at][4] == "place" and out[at][3] == word:
                out[at] = (*out[at][:4], "person")
    return sorted(out)


def entities_json(ents: list[Entity], article: Article, body: Body) -> list[dict[str, Any]]:
    """JSON shape: ``{id, name, kind, mentions: [span]}``."""
    return [
        {
            "id": e.id,
            "name": e.name,
            "kind": e.kind,
            "mentions": [to_span(article, body, s, t) for s, t in e.mentions],
        }
        for e in ents
    ]


def speaker_of(tok: Any, ents: list[Entity]) -> str | None:
    """Entity id of a source head token.

    The token's own mention first; then a name in the source phrase that names a known
    actor (spaCy misses names after a closing quote); a pronoun goes to the last fitting
    actor before it.
    """
    for ent in ents:
        for s, e in ent.mentions:
            if s <= tok.idx < e:
                return ent.id
    low = tok.lower_
    if tok.pos_ == "PROPN":
        words = [t for t in tok.subtree if t.pos_ == "PROPN" and t.i <= tok.i]
        run = [t for t in words if t.i >= tok.i - len(words) + 1]
        name = " ".join(t.text for t in run)
        for ent in ents:
            if ent.kind == "person" and same_actor(ent.names, "person", name, "person", {}):
                return ent.id
        return None
    if low not in PRONOUNS_PERSON and low not in PRONOUNS_GROUP:
        return None
    want = {"person"} if low in PRONOUNS_PERSON else {"org", "outlet", "group"}
    best, best_pos = None, -1
    for ent in ents:
        if ent.kind not in want:
            continue
        for s, _e in ent.mentions:
            if best_pos < s < tok.idx:
                best, best_pos = ent.id, s
    return best


def resolve_entities(articles: list[Article]) -> dict[str, str]:
    """Map every entity id of the articles' enrichment to one canonical id per actor.

    Args:
        articles: enriched articles of one story (or any set to be resolved together).
    Returns:
        ``{entity id: canonical id}``; the canonical id is ``kind:folded-name`` of the
        most complete name in the group.
    """
    groups: list[dict[str, Any]] = []
    acronyms: dict[str, str] = {}
    for art in articles:
        for acro, long in names.acronym_definitions(art.text).items():
            acronyms.setdefault(acro, long)
    index: dict[str, list[int]] = {}  # blocking key -> groups holding a name with it
    ents = [e for art in articles for e in (art.enrichment or {}).get("entities", [])]
    # full names first, so that a lone 'Sanders' finds every Sanders it could name
    ents.sort(key=lambda e: len(_words(e["name"])) < 2)
    for ent in ents:
        ent_names = [ent["name"]] + [m["text"] for m in ent.get("mentions", [])]
        fits = [
            groups[k]
            for k in sorted({g for key in _keys(ent["name"]) for g in index.get(key, ())})
            if same_actor(groups[k]["names"], groups[k]["kind"], ent["name"], ent["kind"], acronyms)
        ]
        match = max(fits, key=lambda g: _fit(g, ent["name"]), default=None)
        if match is None:
            match = {"names": Counter(), "kind": ent["kind"], "ids": [], "k": len(groups)}
            groups.append(match)
        for n in ent_names:
            if n not in match["names"]:
                for key in _keys(n):
                    index.setdefault(key, []).append(match["k"])
        match["names"].update(ent_names)  # distinct names, in order, with counts
        match["ids"].append(ent["id"])
    merged = set()  # places joined to a person (``index`` holds list positions: keep them)
    for place in [g for g in groups if g["kind"] == "place"]:
        person = _person_for(place, [groups[k] for k in _people_keyed(place, index)], articles)
        if person is not None:
            person["names"].update(place["names"])
            person["ids"].extend(place["ids"])
            merged.add(place["k"])
    places = {
        word: g
        for g in groups
        if g["kind"] == "place" and g["k"] not in merged and (word := _one_word(g))
    }
    for person in [g for g in groups if g["kind"] == "person"]:
        word = _one_word(person)
        if not word or not _used_as_place(next(iter(person["names"])), articles, _INSIDE):
            continue
        place = places.get(word)
        if place is None:  # 'Velm' read as a person wherever it was named: nobody is in one
            person["kind"] = "place"
            continue
        place["names"].update(person["names"])  # 'Velm' read as a person once
        place["ids"].extend(person["ids"])
        merged.add(person["k"])
    out: dict[str, str] = {}
    for group in (g for g in groups if g["k"] not in merged):
        best = max(
            group["names"],
            key=lambda n: (
                not names.is_acronym(n),
                len(names.strip_titles(names.fold(n)).split()),
                group["names"][n],
            ),
        )
        canon = f"{group['kind']}:{names.strip_titles(names.fold(best)).replace(' ', '-')}"
        for ent_id in group["ids"]:
            out[ent_id] = canon
    return out


def _fit(group: dict[str, Any], name: str) -> tuple[int, int, int, int]:
    """How well a group that ``same_actor`` accepts fits ``name``: a lone word first goes
    to the group whose full names end with it (its surname), then start with it, then to
    the group named most often; the first group formed wins ties."""
    words = _words(name)
    ends = starts = 0
    if len(words) == 1:
        for n, count in group["names"].items():
            full = _words(n)
            if len(full) >= 2:
                ends += count * (full[-1] == words[0])
                starts += count * (full[0] == words[0])
    return (ends, starts, sum(group["names"].values()), -group["k"])


@lru_cache(maxsize=1 << 16)
def _keys(name: str) -> frozenset[str]:
    """Blocking keys of a name: two names ``same_actor`` may join share one (the first
    letter and consonant skeleton for spellings, each word for short forms and reordered
    words, the initials for acronyms)."""
    folded = names.strip_titles(names.fold(name))
    keys = {f"w:{w}" for w in folded.split()} | {f"s:{names.skeleton(folded)}"}
    keys.add(f"f:{folded[:1]}")
    keys.add(f"i:{name.replace('.', '') if names.is_acronym(name) else names.initials(name)}")
    return frozenset(keys)


def _people_keyed(place: dict[str, Any], index: dict[str, list[int]]) -> list[int]:
    """Groups sharing a word with the one-word names of ``place`` (its surname candidates)."""
    return sorted(
        {
            k
            for n in place["names"]
            for key in _keys(n)
            if key.startswith("w:")
            for k in index.get(key, ())
        }
    )


#: prepositions before a place ('in Jordan', 'to Washington')
_LOCATIVE = r"(?:in|at|to|from|into|near|across|outside|inside|around|toward|towards)"
#: ... of them, those that people are not the object of ('a letter to Erdogan' is not one)
_INSIDE = r"(?:in|at|near|across|outside|inside|around|throughout)"


def _one_word(group: dict[str, Any]) -> str | None:
    """The one folded word every name of ``group`` is, if there is one."""
    words = {names.fold(n) for n in group["names"]}
    word = next(iter(words)) if len(words) == 1 else None
    return word if word and " " not in word else None


def _used_as_place(spelled: str, articles: list[Article], preps: str = _LOCATIVE) -> bool:
    """Whether some article puts something in, at, to or from ``spelled`` (``preps``; not
    'in Roe's view': a possessive is a person's)."""
    locative = re.compile(rf"\b{preps}\s+(?:the\s+)?{re.escape(spelled)}\b(?!['’])", re.IGNORECASE)
    return any(locative.search(art.text or "") for art in articles)


def _person_for(
    place: dict[str, Any], groups: list[dict[str, Any]], articles: list[Article]
) -> dict[str, Any] | None:
    """The person group a one-word 'place' is the surname of, if it is never used as a
    place: spaCy reads 'Erdogan's regime' as a country, but nobody is 'in Erdogan'."""
    words = {names.fold(n) for n in place["names"]}
    if len(words) != 1 or " " in next(iter(words)):
        return None
    word = next(iter(words))
    people = [
        g
        for g in groups
        if g["kind"] == "person"
        and any(
            len(w := names.strip_titles(names.fold(n)).split()) >= 2 and w[-1] == word
            for n in g["names"]
        )
    ]
    if len(people) != 1:
        return None
    if _used_as_place(next(iter(place["names"])), articles):
        return None
    return people[0]
