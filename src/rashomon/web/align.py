"""Side by side: the paragraphs of two articles aligned, with their shared wording marked.

Two paragraphs are as similar as their closest pair of sentences (a set cosine of content
words), and paragraphs that hold the evidence of one fact of the story (or a passage the
comparison found reused) count as identical. Each paragraph of A takes the best free
paragraph of B above ``MIN_SIMILARITY``. Within a pair, word runs the two share are marked,
so trimmed or altered passages stand out.
"""

from __future__ import annotations

import math
import re
from difflib import SequenceMatcher
from typing import Any

#: set cosine of content words above which two sentences tell the same thing: 0.45 keeps
#: paraphrases sharing about half their names, figures and verbs ('the interior ministry said
#: seven officers had been hurt' / '... has confirmed seven injured officers' scores 0.73),
#: and drops sentences of one story that merely share its two or three topic words
MIN_SIMILARITY = 0.45
#: shared runs shorter than this many words are not marked (a lone 'the' is no reuse)
MIN_RUN = 3

_SENT = re.compile(r"(?<=[.!?])[\"”’')\]]*\s+(?=[\"“‘'(\[]?[A-Z0-9])")
_WORD = re.compile(r"\w+(?:['’.]\w+)*", re.UNICODE)
_STOP = frozenset("""a an the and or but of in on at to for from by with as is are was were be
been has have had it its this that these those he she they we you i his her their our not no
said says will would could should may might than then there here also which who whom what
""".split())


def _words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]


def _content(words: list[str]) -> set[str]:
    return {w for w in words if w not in _STOP and len(w) > 1}


def similarity(a: set[str], b: set[str]) -> float:
    """Set cosine of two word sets."""
    if not a or not b:
        return 0.0
    return len(a & b) / math.sqrt(len(a) * len(b))


def _marked(text: str, other: list[str]) -> list[dict[str, Any]]:
    """``text`` cut into pieces, each ``{text, shared}``; shared runs are >= MIN_RUN words."""
    tokens = [(m.start(), m.end(), m.group().lower()) for m in _WORD.finditer(text)]
    sm = SequenceMatcher(None, [t[2] for t in tokens], other, autojunk=False)
    shared = [False] * len(tokens)
    for blk in sm.get_matching_blocks():
        if blk.size >= MIN_RUN:
            for k in range(blk.a, blk.a + blk.size):
                shared[k] = True
    out: list[dict[str, Any]] = []
    pos = 0
    for (s, e, _), flag in zip(tokens, shared, strict=True):
        if out and out[-1]["shared"] == flag:
            out[-1]["text"] += text[pos:e]
        else:
            if out:
                out[-1]["text"] += text[pos:s]
            else:
                s = 0
            out.append({"text": text[s:e], "shared": flag})
        pos = e
    if out:
        out[-1]["text"] += text[pos:]
    elif text:
        out.append({"text": text, "shared": False})
    return out


def _sentence_sets(paragraph: str) -> list[set[str]]:
    return [c for c in (_content(_words(x)) for x in _SENT.split(paragraph)) if c]


def paragraph_of(body: list[str], sentence: str) -> int | None:
    """Index of the paragraph that holds ``sentence`` (or its first 60 characters)."""
    probe = sentence.strip()[:60]
    if not probe:
        return None
    return next((i for i, p in enumerate(body) if probe in p), None)


def align(body_a: list[str], body_b: list[str],
          links: list[tuple[str, str]] | None = None) -> list[dict[str, Any]]:
    """Rows ``{a, b, similarity}`` in A's order; B's unmatched paragraphs follow the row of
    the B paragraph before them. ``a``/``b`` are marked pieces or None. ``links`` are
    sentence pairs known to tell the same thing (fact evidence, reused passages)."""
    words_a = [_words(p) for p in body_a]
    words_b = [_words(p) for p in body_b]
    sents_a = [_sentence_sets(p) for p in body_a]
    sents_b = [_sentence_sets(p) for p in body_b]
    linked: set[tuple[int, int]] = set()
    for sa, sb in links or []:
        i, j = paragraph_of(body_a, sa), paragraph_of(body_b, sb)
        if i is not None and j is not None:
            linked.add((i, j))
    pairs = []
    for i, xs in enumerate(sents_a):
        for j, ys in enumerate(sents_b):
            best = max((similarity(x, y) for x in xs for y in ys), default=0.0)
            if (i, j) in linked:
                best = max(best, 1.0)
            pairs.append((best, i, j))
    pairs.sort(reverse=True)
    match_a: dict[int, tuple[int, float]] = {}
    used_b: set[int] = set()
    for sim, i, j in pairs:
        if sim < MIN_SIMILARITY:
            break
        if i not in match_a and j not in used_b:
            match_a[i] = (j, sim)
            used_b.add(j)
    rows: list[dict[str, Any]] = []
    placed_b: set[int] = set()

    def b_row(j: int) -> dict[str, Any]:
        placed_b.add(j)
        return {"a": None, "b": _marked(body_b[j], []), "similarity": 0.0, "b_index": j}

    for i, para in enumerate(body_a):
        if i in match_a:
            j, sim = match_a[i]
            # unmatched B paragraphs that come before j in B go first, keeping B's order
            for k in range(j):
                if k not in used_b and k not in placed_b:
                    rows.append(b_row(k))
            placed_b.add(j)
            rows.append({"a": _marked(para, words_b[j]), "b": _marked(body_b[j], words_a[i]),
                         "similarity": round(sim, 2), "a_index": i, "b_index": j})
        else:
            rows.append({"a": _marked(para, []), "b": None, "similarity": 0.0, "a_index": i})
    rows += [b_row(k) for k in range(len(body_b)) if k not in used_b and k not in placed_b]
    return rows


def share_matched(rows: list[dict[str, Any]], side: str) -> float:
    """Share of one side's words that sit in shared runs."""
    total = shared = 0
    for r in rows:
        for piece in r.get(side) or []:
            n = len(_WORD.findall(piece["text"]))
            total += n
            shared += n if piece["shared"] else 0
    return round(shared / total, 2) if total else 0.0


def mark_pair(text: str, other: str) -> list[dict[str, Any]]:
    """``text`` in pieces with the word runs it shares with ``other`` marked."""
    return _marked(text, _words(other))
