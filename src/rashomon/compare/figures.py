"""Figures, dates and negation found by pattern in a claim's text.

Used when an article has no enrichment, and to normalise the enrichment's figures into
value intervals that can be compared ('nearly 150' and 'hundreds' do not overlap).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from rashomon import quantities
from rashomon.compare.text import STOP, stem

WORD_NUMBERS = {**quantities.NUMBER_WORDS, "a dozen": 12}
SCALES = quantities.SCALE_WORDS
VAGUE = {**quantities.VAGUE_PLURALS, **quantities.VAGUE_COMPOUNDS}
QUALIFIERS = quantities.QUALIFIER_RANGES
_QUAL = "|".join(sorted(map(re.escape, QUALIFIERS), key=len, reverse=True))
_VAGUE = "|".join(sorted(map(re.escape, VAGUE), key=len, reverse=True))
_WORDNUM = "|".join(sorted(map(re.escape, WORD_NUMBERS), key=len, reverse=True))
_FIGURE = re.compile(
    rf"(?:(?P<qual>{_QUAL})\s+)?(?:(?P<vague>{_VAGUE})\b(?:\s+of)?"
    rf"|(?P<num>\d[\d,]*(?:\.\d+)?|(?:{_WORDNUM})\b)(?:\s*(?P<scale>{'|'.join(SCALES)}))?"
    rf"(?P<pct>\s*(?:%|per ?cent))?)"
    r"(?P<noun>(?:\s+[A-Za-z][\w'-]*){0,3})",
    re.I,
)
_AFTER_MONTH = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+$", re.I
)
_YEAR = re.compile(r"^(1[89]|20)\d\d$")


@dataclass(slots=True)
class Figure:
    """A quantity in a claim: its words, value interval and the stem of what it counts."""

    text: str
    low: float
    high: float
    counts: str | None

    def overlaps(self, other: Figure) -> bool:
        """Can both figures describe the same quantity?"""
        return self.low <= other.high * 1.0001 and other.low <= self.high * 1.0001

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "low": self.low, "high": self.high, "counts": self.counts}


def _counted(noun_words: str) -> tuple[str | None, int]:
    """Stem of the counted noun after a number and where its words end."""
    picked, end = None, 0
    for m in re.finditer(r"\S+", noun_words):
        lw = m.group(0).lower().strip(".,;:")
        if lw in STOP or lw in SCALES or (picked and m.group(0)[:1].isupper()):
            if picked:
                break
            continue
        picked, end = stem(lw), m.end()
        if not m.group(0)[-1].isalnum() or (lw.endswith("s") and not lw.endswith("ss")):
            break  # a plural noun ends the counted phrase ('2,000 workers joined')
    return picked, end


def find_figures(text: str) -> list[Figure]:
    """Figures of a text ('nearly 150 ships', 'hundreds of ships', '3.6 million Syrians')."""
    out = []
    for m in _FIGURE.finditer(text):
        if _AFTER_MONTH.search(text[: m.start()]) or text[m.end() : m.end() + 1] == "/":
            continue  # a date ('Sept. 11', 'May 25th') or '9/11', not a count
        if m.group("vague"):
            low, high = VAGUE[m.group("vague").lower()]
        else:
            written = m.group("num").lower()
            raw = written.replace(",", "")
            if raw in WORD_NUMBERS:
                val = float(WORD_NUMBERS[raw])
            else:
                try:
                    val = float(raw)
                except ValueError:
                    continue
                if _YEAR.match(written) and not m.group("scale"):
                    continue  # a year, not a count
            if m.group("scale"):
                val *= SCALES[m.group("scale").lower()]
            low = high = val
        q = (m.group("qual") or "").lower()
        if q:
            a, b = QUALIFIERS[q]
            low, high = low * a, high * b
        noun = m.group("noun") or ""
        counts, end = ("%", 0) if m.group("pct") else _counted(noun)
        span = m.group(0)[: len(m.group(0)) - len(noun) + end].strip(" ,.;:")
        out.append(Figure(span, low, high, counts))
    return out


def enrichment_figure(fig: dict[str, Any]) -> Figure | None:
    """A Figure from one enrichment record ({span, value, unit, counts, qualifier})."""
    if fig.get("kind") == "date" or fig.get("unit") == "date":
        return None
    value = fig.get("value")
    span = fig.get("span") or {}
    text = span.get("text", "") if isinstance(span, dict) else str(span)
    try:
        if isinstance(value, list | tuple) and len(value) == 2:
            low, high = float(value[0]), float(value[1])
        elif isinstance(value, int | float) and not isinstance(value, bool):
            low = high = float(value)
        else:
            return None
    except (TypeError, ValueError):
        return None
    q = (fig.get("qualifier") or "").lower()
    if q in QUALIFIERS:
        a, b = QUALIFIERS[q]
        low, high = low * a, high * b
    counts = fig.get("counts")
    if fig.get("unit") == "%":
        counts = "%"
    elif counts:
        counts = stem(str(counts).split()[-1].lower())
    return Figure(text, low, high, counts)


MONTHS = quantities.MONTH_NAMES
WEEKDAYS = quantities.WEEKDAY_NAMES
_DATE = re.compile(
    rf"\b(?P<wd>{'|'.join(WEEKDAYS)})\b|\b(?P<m1>{'|'.join(MONTHS)})\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\b"
    rf"|\b(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m2>{'|'.join(MONTHS)})\b",
    re.I,
)


def find_dates(text: str) -> dict[str, tuple[str, str]]:
    """Dates named in a text by kind: {'weekday': (value, words), 'day': ('05-25', words)}."""
    out: dict[str, tuple[str, str]] = {}
    for m in _DATE.finditer(text):
        if m.group("wd"):
            out.setdefault("weekday", (m.group("wd").lower(), m.group(0)))
        else:
            month = (m.group("m1") or m.group("m2")).lower()
            day = int(m.group("d1") or m.group("d2"))
            if month == "may" and m.group("m1") and not text[m.start() : m.start() + 1].isupper():
                continue  # the verb 'may'
            out.setdefault("day", (f"{MONTHS.index(month) + 1:02d}-{day:02d}", m.group(0)))
    return out


_NEG = re.compile(r"\b(?:not|never|no longer|neither|nor|denied|denies|deny)\b|n['’]t\b", re.I)


def negation(text: str) -> str | None:
    """The first negation or denial cue of a text, if any."""
    m = _NEG.search(text)
    return m.group(0) if m else None
