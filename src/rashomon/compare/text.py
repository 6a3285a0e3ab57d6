"""Light text handling for comparison: sentences, tokens, stems, figures.

Everything here works on plain article bodies, without the enrichment step, so the
comparison runs (more coarsely) on articles that were never enriched.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import lru_cache
from typing import Any

from rashomon.model import Article

#: English function words (pronouns, determiners, auxiliaries, prepositions, conjunctions)
FUNCTION_WORDS = frozenset(
    """a about above across after afterwards again against all almost along already also
    although always am among amongst an and another any anyhow anyone anything anyway are
    around as at be became because become becomes becoming been before behind being below
    beside besides between beyond both but by can cannot could did do does doing done down
    during each either else elsewhere enough etc even ever every everyone everything except
    few for from further had has have having he hence her here hers herself him himself his
    how however i if in indeed into is it its itself just least less many me meanwhile might
    mine more moreover most mostly much must my myself neither nevertheless no nobody none
    nor not nothing now nowhere of off often on once one only onto or other others otherwise
    our ours ourselves out over own per perhaps rather same seem seemed seems several she
    should since so some somehow someone something sometime sometimes somewhere still such
    than that the their theirs them themselves then there thereby therefore these they this
    those though through throughout thus to together too toward towards two under until up
    upon us very via was we well were what whatever when whenever where whereas whether
    which while who whoever whole whom whose why will with within without would yet you your
    yours yourself yourselves""".split()
)
#: extra words that carry no claim content in news prose (days, months, fillers)
NEWS_STOP = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday january february march april
    may june july august september october november december also al el said says
    told tell report reported reports according news agency mr mrs ms dr just like
    year years week weeks month months day days time times new latest""".split()
)
STOP = FUNCTION_WORDS | NEWS_STOP

#: British spellings folded to American so 'armoured' meets 'armored'
_SPELLING = [
    (re.compile(r"our(ed|s|ing)?$"), r"or\1"),
    (re.compile(r"([^l])ll(ed|ing)$"), r"\1l\2"),
    (re.compile(r"is(e|ed|es|ing|ation)$"), r"iz\1"),
]
#: a few general news synonyms folded to one stem (not keyed to any story)
SYNONYMS = {
    "assault": "attack",
    "offens": "attack",
    "onslaught": "attack",
    "weaponry": "weapon",
    "arm": "weapon",
    "armament": "weapon",
    "deliver": "supply",
    "delivery": "supply",
    "shipment": "supply",
    "provid": "supply",
    "detain": "arrest",
    "apprehend": "arrest",
    "kill": "dead",
    "die": "dead",
    "death": "dead",
    "slain": "dead",
    "injur": "wound",
    "hurt": "wound",
    "u.s": "usa",
    "us": "usa",
    "america": "usa",
    "american": "usa",
    "nearly": "about",
    "almost": "about",
    "around": "about",
    "roughly": "about",
}

_WORD = re.compile(r"\d[\d,.]*\d|\d|[A-Za-z][A-Za-z'’.]*[A-Za-z]|[A-Za-z]")
_COMPASS = re.compile(r"\b(north|south)[- ]?(east|west)(?:ern)?", re.I)
#: abbreviations after which a period does not end a sentence
_ABBREV = frozenset(
    "mr mrs ms dr prof gen lt col maj capt sgt st jr sr rep sen gov pres no vs inc co corp "
    "jan feb mar apr jun jul aug sep sept oct nov dec u.s u.k u.n e.g i.e etc".split()
)
_SENT_END = re.compile(r"[.!?]+[\"”’')\]]*\s+(?=[\"“‘'(\[]?[A-Z0-9])")


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """Crude stem of a lower-cased word: spelling folded, plural and verb endings cut."""
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    w = w.strip("'.")
    if not w or w[0].isdigit():
        return w.replace(",", "")
    for pat, rep in _SPELLING:
        w = pat.sub(rep, w) if len(w) > 5 else w
    if len(w) > 4:
        if w.endswith(("ies", "ied")):
            w = w[:-3] + "y"
        elif w.endswith("sses"):
            w = w[:-2]
        elif w.endswith("s") and not w.endswith(("ss", "us", "is")):
            w = w[:-1]
    if len(w) > 5:
        for suf in ("ing", "ed", "ive", "e"):
            if w.endswith(suf) and len(w) - len(suf) >= 4:
                w = w[: -len(suf)]
                break
        if len(w) > 4 and w[-1] == w[-2] and w[-1] not in "lsaeiou":
            w = w[:-1]
    return SYNONYMS.get(w, w)


def _join_compass(m: re.Match[str]) -> str:
    joined = m.group(1) + m.group(2)
    return joined + " " * (len(m.group(0)) - len(joined))


def words(text: str) -> list[tuple[str, int, int]]:
    """Word tokens of ``text`` as (word, start, end); hyphenated words come in parts."""
    text = _COMPASS.sub(_join_compass, text)
    out = []
    for m in _WORD.finditer(text.replace("-", " ")):
        out.append((m.group(0), m.start(), m.end()))
    return out


_UNITS = "one two three four five six seven eight nine".split()
_TEENS = "ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
#: number words written out ('Forty-two rioters', 'eleven vessels'), 'one' excepted
_NUMBER_WORDS = re.compile(
    rf"\b(?:({'|'.join(_TENS)})(?:[- ]({'|'.join(_UNITS)}))?|({'|'.join(_TEENS + _UNITS[1:])}))\b",
    re.I,
)


def _digits(m: re.Match[str]) -> str:
    """The digits of a written number, padded to keep the text's offsets."""
    if m.group(3):
        w = m.group(3).lower()
        n = _TEENS.index(w) + 10 if w in _TEENS else _UNITS.index(w) + 1
    else:
        n = (_TENS.index(m.group(1).lower()) + 2) * 10
        n += _UNITS.index(m.group(2).lower()) + 1 if m.group(2) else 0
    return str(n).ljust(len(m.group(0)))


@lru_cache(maxsize=8192)
def stem_tokens(text: str) -> tuple[tuple[str, bool, int, int], ...]:
    """Content stems of ``text`` as (stem, is_name, start, end); stop words dropped.

    ``is_name`` marks capitalised words (names, acronyms), which say who or where but not
    what happened.
    """
    out = []
    text = _NUMBER_WORDS.sub(_digits, text)
    for w, a, b in words(text):
        lw = w.lower().strip("'’.")
        if w.isupper() and len(w) > 1 and lw in STOP:  # an acronym such as US, not 'us'
            lw = lw + "a" if lw == "us" else lw + "_"
        elif lw in STOP or (len(lw) < 2 and not lw.isdigit()):
            continue
        s = stem(lw)
        if s and s not in STOP:
            out.append((s, w[0].isupper(), a, b))
    return tuple(out)


def content_stems(text: str) -> list[str]:
    """Stems of the content words of ``text`` (stop words and 1-letter words dropped)."""
    return [s for s, _, _, _ in stem_tokens(text)]


def joined_pairs(text: str, vocab: set[str]) -> list[str]:
    """Stems of adjacent word pairs written as one word elsewhere ('green light')."""
    ws = [w.lower() for w, _, _ in words(text)]
    out = []
    for a, b in zip(ws, ws[1:], strict=False):
        j = stem(a + b)
        if len(j) > 5 and j in vocab:
            out.append(j)
    return out


@dataclass(slots=True)
class Sentence:
    """One sentence of an article body; offsets index ``Article.text`` when known."""

    article: int  # position of the article in the story's list
    index: int  # sentence number in the article
    para: int
    text: str
    start: int | None = None
    end: int | None = None
    stems: list[str] = field(default_factory=list)


def split_sentences(paragraph: str) -> list[tuple[int, int]]:
    """Sentence (start, end) offsets inside one paragraph."""
    spans, start = [], 0
    for m in _SENT_END.finditer(paragraph):
        before = paragraph[start : m.start() + 1].split()
        last = before[-1].lower().rstrip(".!?\"”’')]") if before else ""
        if paragraph[m.start()] == "." and (last in _ABBREV or (len(last) == 1 and last.isalpha())):
            continue
        end = m.end()
        spans.append((start, len(paragraph[:end].rstrip())))
        start = end
    if paragraph[start:].strip():
        spans.append((start, len(paragraph.rstrip())))
    return spans


def _enriched_sentences(article: Article, pos: int) -> list[Sentence] | None:
    enr = getattr(article, "enrichment", None) or {}
    sents = enr.get("sentences") if isinstance(enr, dict) else None
    if not sents:
        return None
    spans = list(article.body_spans or [])
    out = []
    for i, s in enumerate(sents):
        text, start, end = s.get("text"), s.get("start"), s.get("end")
        if text is None and start is not None and end is not None:
            text = article.text[start:end]
        if not text or not text.strip():
            continue
        para = 0
        if start is not None:
            para = next((k for k, sp in enumerate(spans) if sp.start <= start < sp.end), 0)
        out.append(Sentence(pos, i, para, text.strip(), start, end))
    return out or None


def article_sentences(article: Article, pos: int) -> list[Sentence]:
    """The body sentences of an article: the enrichment's when present, else split here."""
    sents = _enriched_sentences(article, pos)
    if sents is None:
        sents = []
        spans = list(article.body_spans or [])
        for p, para in enumerate(article.body or []):
            base = (
                spans[p].start
                if p < len(spans) and spans[p].end - spans[p].start == len(para)
                else None
            )
            for s, e in split_sentences(para):
                text = para[s:e].strip()
                if len(text) < 3:
                    continue
                lead = len(para[s:e]) - len(para[s:e].lstrip())
                st = base + s + lead if base is not None else None
                en = st + len(text) if st is not None else None
                sents.append(Sentence(pos, len(sents), p, text, st, en))
    for i, sent in enumerate(sents):
        sent.index = i
        sent.stems = content_stems(sent.text)
    return sents


def outlet_key(article: Article) -> str:
    """The outlet an article speaks for: its outlet name, else its source id."""
    return article.outlet or article.source_id


def article_ref(article: Article) -> dict[str, Any]:
    """The short JSON reference to an article used across the comparison."""
    return {"id": article.id, "source_id": article.source_id, "outlet": outlet_key(article)}


def published_at(article: Article) -> datetime | None:
    """When an article was published (naive times read as UTC), or None."""
    try:
        dt = datetime.fromisoformat((article.published or "").strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    return dt if dt.tzinfo else dt.replace(tzinfo=UTC)
