"""Colon frames: 'Name: ...' headlines, 'SMITH: ...' transcript turns and 'He boomed: "..."'.

A colon cues a relation when a short name stands before it (a headline's speaker or a
transcript's capitalised label) or when a speech verb outside the lexicon does.
"""

from __future__ import annotations

from typing import Any

from rashomon.enrich import cues
from rashomon.enrich.tokens import (
    QUOTE_CHARS,
    Relation,
    ranges_of,
    sentence_of,
    source_range,
    to_paragraph_end,
)

#: words that mark a 'Label:' before a colon as page furniture, not a speaker.
COLON_NOT_SOURCES = frozenset(
    {
        "note",
        "update",
        "updated",
        "editor",
        "watch",
        "photo",
        "video",
        "related",
        "read",
        "correction",
        "disclosure",
        "clarification",
        "source",
        "sources",
        "credit",
        "tags",
        "answer",
        "question",
        "q",
        "byline",
        "contributing",
    }
)
#: news-flash words that open a headline, before its colon or its speaker's name
#: ('BREAKING:', 'Exclusive – Jane Roe:'): no source.
FLASH_WORDS = frozenset(
    "breaking exclusive revealed boom wow look busted watch update".split()
)


#: longest 'Name:' before a colon read as a source ('OK Gov Fallin: ...'), in tokens.
MAX_COLON_SOURCE = 6


def colon_relation(tok: Any) -> Relation | None:
    """'Bill Clinton: Hillary better qualified ...' and 'He boomed: “...”'."""
    sent = sentence_of(tok)
    after = [t for t in sent if t.i > tok.i]
    if not any(t.is_alpha for t in after):
        rest = to_paragraph_end(tok)  # 'SMITH:' or 'Roe to voters:' parsed as a sentence
        if _speaker_label([t for t in sent if t.i < tok.i]) or _one_sentence(rest):
            after = rest
    # 'Clinton: 2,316' (a tally) is no claim: a claim has words
    if sum(t.is_alpha for t in after) < 2 or any(t.text == ":" for t in sent if t.i < tok.i):
        return None
    prev = tok.doc[tok.i - 1] if tok.i > sent.start else None
    if prev is None:
        return None
    if prev.pos_ == "VERB":  # a speech verb outside the lexicon, right before the colon
        if prev.lemma_.lower() in cues.ALL:
            return None
        subj = next((c for c in prev.children if c.dep_ == "nsubj"), None)
        if subj is None or not (subj.ent_type_ in ("PERSON", "ORG") or subj.pos_ == "PRON"):
            return None
        if not (after[0].text in QUOTE_CHARS or after[0].is_space and len(after) > 1):
            return None
        src = source_range(subj, {t.i for t in after})
        cue = (prev.idx, prev.idx + len(prev.text))
        return Relation(cue, ranges_of(after), src, prev.lemma_.lower(), prev.i, subj.i)
    before = [t for t in sent if t.i < tok.i and not t.is_space]
    while before and (before[0].lower_ in FLASH_WORDS or before[0].is_punct):
        before = before[1:]
    if not before or any(t.lower_ in COLON_NOT_SOURCES for t in before):
        return None
    shout = _speaker_label(before)
    while len(before) > 1 and (
        before[0].is_upper and len(before[0]) > 3 and not shout or before[0].is_punct
    ):
        before = before[1:]  # 'EXCLUSIVE – Jane Roe:'
    if not before or len(before) > MAX_COLON_SOURCE or len(before) == len(before[0]) == 1:
        return None  # 'A:' and 'Q:' label an interview's turns, not a named source
    if (
        any(t.pos_ in ("VERB", "AUX") for t in before)
        and not shout
        or not any(
            shout
            or t.pos_ == "PROPN"
            or t.ent_type_ in ("PERSON", "ORG", "NORP")
            or t.pos_ == "NOUN"
            and (t.is_title or t.lemma_.lower() in cues.SOURCE_NOUNS)
            for t in before
        )
    ):
        return None
    src = ranges_of(before)
    if not src:
        return None
    if shout:  # a transcript turn runs to its paragraph end
        after = to_paragraph_end(tok)
    elif not any(t.ent_type_ == "PERSON" for t in before) and not _says(after):
        return None  # 'Elk River: A Town At War' titles, it claims nothing
    return Relation((tok.idx, tok.idx + 1), ranges_of(after), src[0], ":", tok.i, before[-1].i)


def _speaker_label(words: list[Any]) -> bool:
    """Whether the words before a colon are a speaker's name in capitals, as transcripts
    print them ('JANE ROE:'): one to three names, not 'A:' nor 'QUOTE OF THE DAY:'."""
    names = [t for t in words if not (t.is_punct or t.is_space)]
    return 0 < len(names) <= 3 and all(
        t.is_upper and t.is_alpha and len(t) > 1 and not t.is_stop for t in names
    )


def _one_sentence(toks: list[Any]) -> bool:
    """Whether ``toks`` hold one sentence (what a headline puts after its colon)."""
    return bool(toks) and len({t.sent.start for t in toks if not t.is_space}) == 1


#: quotation marks that open or close a quote as tokens of their own.
QUOTE_TOKENS = frozenset(QUOTE_CHARS) | {"'", "‘", "’"}


def _says(words: list[Any]) -> bool:
    """Whether what follows a colon holds a verb or a quote, as a claim does."""
    return any(t.pos_ in ("VERB", "AUX") or t.text in QUOTE_TOKENS for t in words)
