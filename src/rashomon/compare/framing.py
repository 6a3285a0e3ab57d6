"""Framing: the labels each outlet uses for the same actor.

The actor lexicon is learnt from the story itself. Where two outlets tell the same claim
(a matched claim group), the words that differ in the same place name the same thing:
'The Turkish regime has equipped ...' / 'Turkey has sent ...' gives the pair
('Turkish regime', 'Turkey'). Pairs whose heads are person, group or state nouns (or
names) are linked into actors; every article is then scanned for noun phrases headed by an
actor's head words, and the terms each outlet uses are counted.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter, defaultdict
from collections.abc import Set as AbstractSet
from contextvars import ContextVar
from functools import lru_cache
from typing import Any

from rashomon.compare.text import stem

#: generic head nouns for people, groups and states (not tied to any story)
GROUP_NOUNS = frozenset(
    """regime government administration authorities authority state army armies military
    force forces troops soldiers militia militias rebel rebels militant militants fighters
    insurgents insurgency terrorists terrorist jihadists extremists radicals factions faction
    group groups grouping opposition police officers protesters demonstrators rioters
    activists workers strikers union unions party parties coalition movement alliance
    leadership leaders leader officials ministry camp side forces brothers allies ally
    mercenaries gunmen separatists loyalists guerrillas cartel gang gangs mob crowd
    settlers residents civilians refugees migrants immigrants dockers""".split()
)
#: person/group noun endings: jihadists, militants, civilians, volunteers
_PERSON_SUFFIX = re.compile(r"(?:ists|ants|ians|eers|iers|aries|ers|ors|eurs)$")
_SURE_PERSON = re.compile(r"(?:ists|ants|ians|eers|iers|aries)$")
#: modifiers that commonly qualify an actor ('so-called', 'mainstream', 'armed')
MODIFIERS = frozenset(
    """so-called mainstream moderate armed radical hardline extremist militant rebel
    islamist jihadist separatist terrorist pro-government anti-government government
    opposition rogue illegal foreign local regional national federal striking""".split()
)
DETS = frozenset("the a an its their his her our your this these those some many several".split())
#: where a noun phrase stops (prepositions, conjunctions, relative words)
STOPS = frozenset(
    """of by in from with to for on at as near under against into over after and or but
    who which that whose where when while is are was were has have had be been""".split()
)
#: adjectives of nationality ('Turkish support' is not a name for Turkey)
DEMONYM = re.compile(r"(?:ish|ian|ese|ean)$")
#: capitalised only because they start a sentence
COMMON_INITIAL = frozenset(
    """overnight however meanwhile earlier later last next today yesterday tomorrow since
    until after before despite although while during following according""".split()
)
#: names known while learning the actors of one story
_NAMES: ContextVar[frozenset[str] | None] = ContextVar("names", default=None)
#: titles and contractions that never head an actor phrase
_NOT_HEADS = frozenset(
    """mr mrs ms dr prof sen rep gov gen st we're they're it's i'm i monday tuesday wednesday
    thursday friday saturday sunday january february march april june july august september
    october november december""".split()
)
_REPORTING = frozenset("said says told added stated according quoted reported".split())
_TOKEN = re.compile(r"[A-Za-z][\w’'-]*[A-Za-z]|[A-Za-z]")
_ADJ_SUFFIX = re.compile(r"(?:al|ic|ish|ian|ese|ist|ive|ary|ern|ous)$")


def _base(word: str) -> str:
    return re.sub(r"['’]s$", "", word)


@lru_cache(maxsize=32768)
def is_head(word: str, initial: bool = False) -> bool:
    """Can ``word`` head a noun phrase naming an actor? (``initial``: starts a sentence)"""
    w = _base(word)
    lw = w.lower()
    if lw in GROUP_NOUNS or _PERSON_SUFFIX.search(lw):
        return True
    if not w[:1].isupper() or lw in DETS or lw in STOPS or lw.replace("’", "'") in _NOT_HEADS:
        return False
    if initial and (lw.endswith(("ing", "ly", "ed")) or lw in COMMON_INITIAL):
        return False
    return not DEMONYM.search(lw)


@lru_cache(maxsize=32768)
def fold(word: str) -> str:
    """Key of a word: stem, with demonyms folded to their place ('Turkish' ~ 'Turkey')."""
    if "-" in word:
        first, _, rest = word.partition("-")
        return fold(first) + "-" + rest.lower()
    w = _base(word).lower()
    if word[:1].isupper() and not _is_common(w):
        w = re.sub(r"(?:ish|ian|ese|an|i|ey|y|a|ia)$", "", w) or w
        return w[:5]
    return stem(w)


def _is_common(lw: str) -> bool:
    """A group or person noun ('Rebels' opening a sentence is still 'rebels').

    Only the surest endings count here: a capitalised 'Reuters' or 'Rivers' is a name.
    """
    return lw in GROUP_NOUNS or bool(_SURE_PERSON.search(lw))


@lru_cache(maxsize=32768)
def _is_modifier(word: str, position: int) -> bool:
    lw = word.lower()
    if lw in DETS or lw in STOPS:
        return False
    if "-" in word and not word[:1].isupper() and lw not in MODIFIERS:
        return False  # 'two-year', 'long-running': not how an actor is named
    return (
        word[:1].isupper()
        or "-" in word
        or bool(re.search(r"['’]s$", word))
        or lw in MODIFIERS
        or bool(_ADJ_SUFFIX.search(lw))
    )


def names_in(texts: list[str]) -> set[str]:
    """Capitalised words seen inside sentences (names), not only at their start."""
    out = set()
    for t in texts:
        for m in re.finditer(r"(?<=[\w,;] )[A-Z][\w’'-]*", t):
            out.add(_base(m.group(0)))
    return out


def phrases(
    text: str, names: AbstractSet[str] | None = None
) -> list[tuple[list[str], str, int, int]]:
    """Actor-like noun phrases of ``text`` as (modifiers, head, start, end).

    ``names``: capitalised words known as names; a capitalised word that starts a
    sentence heads a phrase only if it is one of them ('Though' is not).
    """
    key = names if names is None or isinstance(names, frozenset) else frozenset(names)
    return [(list(m), h, s, e) for m, h, s, e in _phrases(text, key)]


@lru_cache(maxsize=4096)
def _phrases(
    text: str, names: frozenset[str] | None
) -> tuple[tuple[tuple[str, ...], str, int, int], ...]:
    toks = [(m.group(0), m.start(), m.end()) for m in _TOKEN.finditer(text)]
    out = []
    i = 0
    while i < len(toks):
        w = toks[i][0]
        initial = i == 0 or bool(
            re.search(r"[.!?:\"“”]\s*$", text[max(0, toks[i][1] - 3) : toks[i][1]])
        )
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        if (
            initial
            and names is not None
            and w[:1].isupper()
            and _base(w) not in names
            and w.lower() not in GROUP_NOUNS
        ):
            i += 1
            continue
        if not is_head(w, initial) or (
            w[:1].islower()
            and not w.endswith("s")
            and nxt is not None
            and text[toks[i][2] : nxt[1]] == " "
            and nxt[0][:1].islower()
            and nxt[0].lower() not in STOPS
            and not nxt[0].lower().endswith(("ing", "ed"))
        ):  # 'rebel sources': the first noun qualifies the next one
            i += 1
            continue
        # a run of capitalised words followed by a group noun: the noun is the head
        j = i
        while (
            j + 1 < len(toks)
            and (toks[j + 1][0][:1].isupper() or toks[j + 1][0].lower() in GROUP_NOUNS)
            and toks[j][0][:1].isupper()
            and toks[j + 1][1] - toks[j][2] <= 1
        ):
            j += 1
        k = i
        while (
            k > 0
            and i - k < 3
            and toks[k - 1][2] + 1 >= toks[k][1] - 0
            and _is_modifier(toks[k - 1][0], k - 1)
            and text[toks[k - 1][2] : toks[k][1]] == " "
        ):
            k -= 1
        mods = tuple(t for t, _, _ in toks[k:j])
        out.append((mods, toks[j][0], toks[k][1], toks[j][2]))
        i = j + 1
    return tuple(out)


def _key(mods: list[str], head: str) -> str:
    return " ".join(fold(w) for w in [*mods, head])


def _side(words: list[str]) -> tuple[list[str], str] | None:
    """The actor phrase of one side of a substitution, if it has one."""
    text = " ".join(words)
    found = phrases(text, _NAMES.get())
    for mods, head, _, _ in found:
        if head.lower() in GROUP_NOUNS or _PERSON_SUFFIX.search(head.lower()) or head[:1].isupper():
            return mods, head
    return None


def substitution_pairs(sent_pairs: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Actor phrase pairs that replace each other in aligned sentences.

    Two proper names in one slot ('Huckabee' / 'Christie') are often two actors doing the
    same thing; such a pair counts only when ``NAME_PAIR_MIN`` sentence pairs show it.
    """
    out = []
    name_pairs: Counter[tuple[str, str]] = Counter()
    for a, b in sent_pairs:
        ta, tb = _TOKEN.findall(a), _TOKEN.findall(b)
        la, lb = [t.lower() for t in ta], [t.lower() for t in tb]
        sm = difflib.SequenceMatcher(None, la, lb, autojunk=False)
        ops = sm.get_opcodes()
        for n, (op, i1, i2, j1, j2) in enumerate(ops):
            if op != "replace" or i2 - i1 > 6 or j2 - j1 > 6:
                continue
            before = ops[n - 1] if n else None
            after = ops[n + 1] if n + 1 < len(ops) else None
            if not (_anchor(before, la, True) or _anchor(after, la, False)):
                continue
            if (la[i1] in STOPS) != (lb[j1] in STOPS) or _REPORTING & set(la[i1:i2] + lb[j1:j2]):
                continue  # 'by the ministry' / 'said union boss Keln' do not play one role
            sa, sb = _side(ta[i1:i2]), _side(tb[j1:j2])
            if sa and sb:
                ka, kb = _key(*sa), _key(*sb)
                out.extend(_patrons(sa[0], sb[0]))
                if _person_vs_crowd(sa[1], sb[1]):
                    continue  # 'told reporters' / 'told Northwind Press': two actors
                rest_a = {fold(w) for w in ta[:i1] + ta[i2:]}
                rest_b = {fold(w) for w in tb[:j1] + tb[j2:]}
                if fold(sa[1]) in rest_b or fold(sb[1]) in rest_a:
                    continue  # the sentence was reworded around both actors
                if ka != kb and _is_name(sa[1]) and _is_name(sb[1]):
                    name_pairs[tuple(sorted((ka, kb)))] += 1  # type: ignore[index]
                elif ka != kb:
                    out.append((ka, kb))
    out.extend(p for p, n in name_pairs.items() if n >= NAME_PAIR_MIN)
    return out


#: sentence pairs needed before two different names are taken as one actor
NAME_PAIR_MIN = 2


def _person_vs_crowd(a: str, b: str) -> bool:
    """A name against a plural common noun ('Ana Lisowa' / 'hauliers'): not one actor."""

    def plural_common(h: str) -> bool:
        lw = _base(h).lower()
        common = lw in GROUP_NOUNS or bool(_PERSON_SUFFIX.search(lw))
        return h[:1].islower() and common and lw.endswith("s") and lw not in STATE_NOUNS

    return (_is_name(a) and plural_common(b)) or (_is_name(b) and plural_common(a))


def _is_name(head: str) -> bool:
    return head[:1].isupper() and head.lower() not in GROUP_NOUNS


def _same_names(a: str, b: str) -> bool:
    """Keys with one head may join unless they name different places ('Syrian regime')."""
    na = {w for w in a.split()[:-1] if "-" not in w and w not in MODIFIERS}
    nb = {w for w in b.split()[:-1] if "-" not in w and w not in MODIFIERS}
    return not na or not nb or na == nb


def _patrons(mods_a: list[str], mods_b: list[str]) -> list[tuple[str, str]]:
    """'Turkish-backed' in place of 'Ankara-backed': the two names are one actor."""
    out = []
    for a in mods_a:
        for b in mods_b:
            pa, _, sa = a.partition("-")
            pb, _, sb = b.partition("-")
            if sa and sa.lower() == sb.lower() and pa[:1].isupper() and pb[:1].isupper():
                if fold(pa) != fold(pb):
                    out.append((fold(pa), fold(pb)))
    return out


def _anchor(op: tuple[str, int, int, int, int] | None, toks: list[str], before: bool) -> bool:
    """Is a replacement held in place by the equal run next to it?

    The sentence start counts as an anchor; otherwise the run must hold two tokens or
    one content word ('by' alone lines up anything).
    """
    if op is None:
        return before
    if op[0] != "equal":
        return False
    run = toks[op[1] : op[2]]
    near = run[-2:] if before else run[:2]
    return len(run) >= 2 or any(w not in STOPS and w not in DETS for w in near)


#: nouns that count a group: 'a crowd of agitators' names the agitators
QUANTIFIERS = frozenset("crowd group number handful couple dozens hundreds thousands lot".split())
#: tokens into a claim within which its subject must start
SUBJECT_WINDOW = 6


def _subject(text: str, names: AbstractSet[str] | None) -> tuple[list[str], str] | None:
    """The first actor phrase of a claim when it is a common noun in subject position."""
    found = phrases(text, names)
    if not found:
        return None
    mods, head, start, end = found[0]
    if head.lower() in QUANTIFIERS and re.match(r"\s+of\s", text[end:]) and len(found) > 1:
        mods, head, start, end = found[1]
    if len(_TOKEN.findall(text[:start])) > SUBJECT_WINDOW:
        return None
    if head[:1].isupper() and not _is_common(_base(head).lower()):
        return None
    return mods, head


def subject_pairs(
    claim_pairs: list[tuple[str, str]], names: AbstractSet[str] | None
) -> list[tuple[str, str]]:
    """Pairs of different common-noun subjects of two outlets' versions of one claim."""
    out = []
    for a, b in claim_pairs:
        sa, sb = _subject(a, names), _subject(b, names)
        if sa and sb:
            ka, kb = _key(*sa), _key(*sb)
            ha, hb = ka.split()[-1], kb.split()[-1]
            # a subject the other version also names elsewhere is a rewording of the
            # sentence ('Police were deployed' / 'The ministry deployed police'), not a label
            if ha != hb and ha not in _stems(b) and hb not in _stems(a):
                out.append((ka, kb))
    return out


#: nouns for a state's ruling power: in one story they mostly name one government
STATE_NOUNS = frozenset("government regime administration cabinet authorities junta".split())
#: share of the named state phrases one name must hold for bare ones ('the regime') to join it
STATE_MAJORITY = 0.5


def state_pairs(texts: list[str], names: AbstractSet[str] | None) -> list[tuple[str, str]]:
    """Links between the ways a story names a government.

    Phrases headed by a state noun that share a name ('Halvard's government' / 'the
    Halvard regime') are one actor; bare ones ('the government', 'the regime') join the
    name most such phrases carry, when one name, seen twice or more, carries most of them.
    """
    by_name: dict[str, set[str]] = defaultdict(set)
    counts: Counter[str] = Counter()
    bare: set[str] = set()
    for text in texts:
        for mods, head, _, _ in phrases(text, names):
            if _base(head).lower() not in STATE_NOUNS:
                continue
            key = _key(mods, head)
            named = [fold(m) for m in mods if m[:1].isupper() and "-" not in m]
            if not named:
                if not mods:
                    bare.add(key)
                continue
            by_name[named[-1]].add(key)
            counts[named[-1]] += 1
    out: list[tuple[str, str]] = []
    for keys in by_name.values():
        first = sorted(keys)[0]
        out.extend((first, k) for k in sorted(keys)[1:])
    if counts and bare:
        top, n = counts.most_common(1)[0]
        if n >= 2 and n / sum(counts.values()) > STATE_MAJORITY:
            first = sorted(by_name[top])[0]
            out.extend((first, k) for k in sorted(bare))
    return out


def _stems(text: str) -> set[str]:
    return {fold(w) for w in _TOKEN.findall(text)}


def _components(pairs: list[tuple[str, str]]) -> list[set[str]]:
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in pairs:
        parent[find(a)] = find(b)
    by_head: dict[str, list[str]] = defaultdict(list)
    for k in list(parent):
        by_head[k.split()[-1]].append(k)
    for keys in by_head.values():
        for k in keys[1:]:
            if _same_names(k, keys[0]):
                parent[find(k)] = find(keys[0])
    groups: dict[str, set[str]] = defaultdict(set)
    for x in list(parent):
        groups[find(x)].add(x)
    return list(groups.values())


def actor_labels(
    texts: list[tuple[str, str]],
    sent_pairs: list[tuple[str, str]],
    claim_pairs: list[tuple[str, str]] | None = None,
) -> dict[str, Any]:
    """Per actor, per outlet, the terms used.

    Args:
        texts: (outlet, article body text) for every article of the story.
        sent_pairs: sentence pairs of different outlets that tell the same claim.
        claim_pairs: the claims themselves (their subjects are compared).

    Returns:
        ``{actor: {outlet: [{"term": str, "count": int}, ...]}}`` for actors named in
        more than one way.
    """
    names = frozenset(names_in([t for _, t in texts]))
    token = _NAMES.set(names)
    try:
        pairs = substitution_pairs(sent_pairs) + subject_pairs(claim_pairs or [], names)
        pairs += state_pairs([t for _, t in texts], names)
        actors = _components(pairs)
    finally:
        _NAMES.reset(token)
    heads = [{k.split()[-1] for k in keys} for keys in actors]
    actor_names = [names_of(keys) for keys in actors]
    found: list[dict[str, Counter[str]]] = [defaultdict(Counter) for _ in actors]
    for outlet, text in texts:
        for mods, head, s, e in phrases(text, names):
            key = _key(mods, head)
            hk = key.split()[-1]
            mod_keys = {fold(m) for m in mods}
            for ai, keys in enumerate(actors):
                generic = head.lower() in GROUP_NOUNS and mod_keys & heads[ai]
                if key in keys or (
                    (generic or hk in heads[ai]) and _compatible(mods, actor_names[ai], actors, ai)
                ):
                    term = re.sub(r"['’]s$", "", text[s:e])
                    term = (
                        term[0].lower() + term[1:] if not mods and not head[:1].isupper() else term
                    )
                    found[ai][outlet][term] += 1
                    break
    out: dict[str, Any] = {}
    for per in found:
        terms = {t for c in per.values() for t in c}
        if len({re.sub(r"\W", "", t.lower()) for t in terms}) < 2 or len(per) < 2:
            continue  # one name in several spellings ('F.B.I.' / 'FBI') is not framing
        # the actor is named by the term most outlets use, then the most frequent one
        name = max(
            (sum(t in c for c in per.values()), sum(c[t] for c in per.values()), t) for t in terms
        )[2]
        out[name] = {
            o: [{"term": t, "count": n} for t, n in c.most_common()] for o, c in sorted(per.items())
        }
    return out


def names_of(keys: set[str]) -> set[str]:
    """The folded words of an actor's phrase keys."""
    return {w for k in keys for w in k.split() if "-" not in w}


def _compatible(mods: list[str], names: set[str], actors: list[set[str]], ai: int) -> bool:
    """A phrase's name-like modifiers must not point to another actor (or a place not of it)."""
    for m in mods:
        if not m[:1].isupper() or re.search(r"['’]s$", m):
            continue
        f = fold(m)
        if f not in names and "-" not in m:
            return False
        if any(f in names_of(other) for j, other in enumerate(actors) if j != ai):
            return False
    return True
