"""Figures: numbers with their unit, what they count and how approximate they are; dates.

'some 180,000 civilians' -> value 180000, counts 'civilians', qualifier 'some';
'dozens of armoured vehicles' -> value [24, 99], qualifier 'dozens'. Dates are resolved
against the article's publication date ('on Monday' -> the Monday on or before it).
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Any

from rashomon.enrich.nlp import Body, to_span
from rashomon.model import Article
from rashomon.quantities import (
    MONTH_NAMES,
    NUMBER_WORDS,
    QUALIFIER_RANGES,
    SCALE_WORDS,
    VAGUE_COMPOUNDS,
    VAGUE_PLURALS,
    WEEKDAY_NAMES,
)

NUMBER_LABELS = {"CARDINAL", "MONEY", "PERCENT", "QUANTITY"}
#: qualifier words kept with a figure: those with a known stretch, and words of emphasis
QUALIFIERS = (*QUALIFIER_RANGES, "as few as", "only", "barely", "c.")
#: number words, and 'a'/'an' as one ('a million')
WORDS = {**NUMBER_WORDS, "a": 1, "an": 1}
#: scale words, and their abbreviations after a number ('$2bn', '5m', '10k')
SCALES = {**SCALE_WORDS, "mn": 1e6, "m": 1e6, "bn": 1e9, "b": 1e9, "k": 1e3}
VAGUE = VAGUE_PLURALS
CURRENCIES = {
    "$": "USD",
    "us$": "USD",
    "dollars": "USD",
    "dollar": "USD",
    "€": "EUR",
    "euros": "EUR",
    "euro": "EUR",
    "£": "GBP",
    "pounds": "GBP",
    "¥": "JPY",
    "yen": "JPY",
    "lira": "TRY",
    "liras": "TRY",
    "rubles": "RUB",
    "roubles": "RUB",
    "yuan": "CNY",
}
UNITS = {
    "%": "%",
    "percent": "%",
    "per cent": "%",
    "percentage points": "pp",
    "km": "km",
    "kilometres": "km",
    "kilometers": "km",
    "kilometre": "km",
    "kilometer": "km",
    "miles": "mi",
    "mile": "mi",
    "metres": "m",
    "meters": "m",
    "tonnes": "t",
    "tons": "t",
    "kg": "kg",
    "kilograms": "kg",
    "hectares": "ha",
    "acres": "acre",
    "barrels": "bbl",
    "years": "year",
    "days": "day",
    "hours": "hour",
    "km2": "km2",
}
MONTHS = {m: i + 1 for i, m in enumerate(MONTH_NAMES)}
MONTHS.update({m[:3]: i for m, i in list(MONTHS.items())})
MONTHS["sept"] = 9
WEEKDAYS = {d: i for i, d in enumerate(WEEKDAY_NAMES)}


def _qualifier(text: str) -> tuple[str | None, str]:
    low = text.lower()
    for q in sorted(QUALIFIERS, key=len, reverse=True):
        if low.startswith(q + " "):
            return q, text[len(q) + 1 :]
    return None, text


def parse_number(text: str) -> float | list[float] | None:
    """Value of a number phrase: '3.6 million' -> 3600000.0, 'dozens' -> [24.0, 99.0]."""
    low = text.lower().replace(",", "").replace("–", "-").strip()
    low = re.sub(r"[$€£¥%]", " ", low)
    rng = re.fullmatch(r"(?:between\s+)?(.+?)\s*(?:-|to|and)\s*(.+)", low)
    if rng and not low.startswith(("a ", "an ")):
        lo, hi = parse_number(rng.group(1)), parse_number(rng.group(2))
        if isinstance(lo, float) and isinstance(hi, float) and lo <= hi:
            return [lo, hi]
    words = re.findall(r"\d+(?:\.\d+)?|[a-z]+", low)
    if words and words[-1] in VAGUE and all(w in VAGUE or w == "of" for w in words):
        lo, hi = VAGUE_COMPOUNDS.get(" ".join(words), VAGUE[words[-1]])
        return [lo, hi]
    total, current, seen = 0.0, 0.0, False
    for w in words:
        if re.fullmatch(r"\d+(?:\.\d+)?", w):
            current += float(w)
            seen = True
        elif w in WORDS:
            current += WORDS[w] if w != "dozen" else 0
            current = current * 12 if w == "dozen" else current
            if w == "dozen" and current == 0:
                current = 12
            seen = True
        elif w in SCALES and seen:
            if w == "hundred":
                current *= 100
            else:
                total += current * SCALES[w]
                current = 0.0
        elif w in ("and", "point"):
            continue
        else:
            break
    return total + current if seen else None


def _unit(ent: Any) -> str | None:
    low = ent.text.lower()
    for sym, code in CURRENCIES.items():
        if sym in low.split() or (not sym.isalpha() and sym in low):
            return code
    nxt = ent.doc[ent.end].lower_ if ent.end < len(ent.doc) else ""
    for word, unit in sorted(UNITS.items(), key=lambda kv: -len(kv[0])):
        if (
            low.endswith(word)
            or low.endswith(" " + word)
            or (word == nxt and ent.label_ != "MONEY")
        ):
            return unit
    return None


def _counts(ent: Any) -> str | None:
    """The noun a number counts: 'civilians' in 'some 180,000 civilians'."""
    last = ent[-1]
    noun = None
    if last.dep_ in ("nummod", "quantmod", "amod") and last.head.pos_ in ("NOUN", "PROPN"):
        noun = last.head
    else:
        # the 'of' after the number: 'hundreds of thousands of people' has one inside it
        of = next((c for c in last.children if c.lower_ == "of" and c.i >= ent.end), None)
        if of is not None:
            noun = next((c for c in of.children if c.dep_ == "pobj"), None)
        elif last.pos_ in ("NOUN",) and last.head.lower_ == "of":
            noun = None
    if noun is None or noun.i < ent.start and noun.i >= ent.start - 1:
        return None
    left = [
        c for c in noun.lefts if c.dep_ in ("amod", "compound") and not (ent.start <= c.i < ent.end)
    ]
    start = min([noun.i] + [c.i for c in left])
    return ent.doc[start : noun.i + 1].text


#: letters a number may carry glued to it: ordinals, decades, scales and units ('10km')
_SUFFIXES = {"st", "nd", "rd", "th", "s", *SCALES, *UNITS}


def _glued(ent: Any) -> bool:
    """Whether a number is glued to letters that make it part of a name ('7Dnews'), not
    to a unit or scale ('10km', '$2bn')."""
    for tok in ent:
        m = re.fullmatch(r"[\d.,]+([^\W\d_]+)", tok.text)
        if m and m.group(1).lower() not in _SUFFIXES:
            return True
    return False


def _numbers(doc: Any) -> list[tuple[Any, str | None, Any]]:
    out = []
    for ent in doc.ents:
        if ent.label_ in NUMBER_LABELS and not _glued(ent):
            out.append(ent)
    covered = {i for ent in out for i in range(ent.start, ent.end)}
    for tok in doc:
        if (
            tok.lower_ in VAGUE
            and tok.i not in covered
            and tok.i + 1 < len(doc)
            and doc[tok.i + 1].lower_ == "of"
        ):
            out.append(doc[tok.i : tok.i + 1])
    return sorted(out, key=lambda e: e.start)


def resolve_date(text: str, published: date | None) -> str | list[str] | None:
    """ISO date (or [first, last] day) of a date phrase, relative ones against ``published``."""
    low = text.lower().strip().removeprefix("on ").removeprefix("the ")
    low = re.sub(r"(\d)(st|nd|rd|th)\b", r"\1", low).replace(",", "")
    if published is not None:
        rel = {
            "today": 0,
            "yesterday": -1,
            "tomorrow": 1,
            "tonight": 0,
            "this morning": 0,
            "last night": -1,
        }
        if low in rel:
            return (published + timedelta(days=rel[low])).isoformat()
        m = re.fullmatch(
            r"(last |this |next )?(monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
            r"(?: (?:morning|afternoon|evening|night))?",
            low,
        )
        if m:
            delta = (published.weekday() - WEEKDAYS[m.group(2)]) % 7
            if m.group(1) == "next ":
                return (published + timedelta(days=(7 - delta) % 7 or 7)).isoformat()
            if m.group(1) == "last " and delta == 0:
                delta = 7
            return (published - timedelta(days=delta)).isoformat()
        if low in ("last week", "this week", "last month", "this month", "last year", "this year"):
            return _period(low, published)
    m = re.fullmatch(r"(?:(\d{1,2}) )?([a-z]+)\.?(?: (\d{1,2}))?(?: (\d{4}))?", low)
    if m and m.group(2) in MONTHS and not (m.group(1) and m.group(3)):
        month, day_s, year_s = MONTHS[m.group(2)], m.group(1) or m.group(3), m.group(4)
        year = int(year_s) if year_s else (published.year if published else None)
        if year is None:
            return None
        if not year_s and published and month > published.month + 1:
            year -= 1  # 'in December' read in January is last December
        try:
            if day_s:
                return date(year, month, int(day_s)).isoformat()
            end = date(year + (month == 12), month % 12 + 1, 1) - timedelta(days=1)
            return [date(year, month, 1).isoformat(), end.isoformat()]
        except ValueError:
            return None
    if re.fullmatch(r"(?:in )?\d{4}", low):
        year = int(low[-4:])
        return [f"{year}-01-01", f"{year}-12-31"]
    return None


def _period(low: str, pub: date) -> list[str]:
    unit = low.split()[1]
    back = low.startswith("last")
    if unit == "week":
        start = pub - timedelta(days=pub.weekday()) - timedelta(days=7 * back)
        return [start.isoformat(), (start + timedelta(days=6)).isoformat()]
    if unit == "month":
        first = pub.replace(day=1)
        if back:
            first = (first - timedelta(days=1)).replace(day=1)
        nxt = date(first.year + (first.month == 12), first.month % 12 + 1, 1)
        return [first.isoformat(), (nxt - timedelta(days=1)).isoformat()]
    year = pub.year - back
    return [f"{year}-01-01", f"{year}-12-31"]


def published_date(article: Article) -> date | None:
    """The article's publication day, if known."""
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})", article.published or "")
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def figures(doc: Any, article: Article, body: Body) -> list[dict[str, Any]]:
    """Numbers and dates of ``doc``: ``{span, value, unit, counts, qualifier}`` (+ ``kind``)."""
    out: list[dict[str, Any]] = []
    pub = published_date(article)
    for ent in _numbers(doc):
        qualifier, rest = _qualifier(ent.text)
        value = parse_number(rest)
        if value is None:
            continue
        if isinstance(value, list) and qualifier is None and ent[0].lower_ in VAGUE:
            qualifier = ent[0].lower_
        out.append(
            {
                "kind": "number",
                "span": to_span(article, body, ent.start_char, ent.end_char),
                "value": value,
                "unit": _unit(ent),
                "counts": _counts(ent),
                "qualifier": qualifier,
            }
        )
    for ent in doc.ents:
        if ent.label_ != "DATE":
            continue
        value = resolve_date(ent.text, pub)
        if value is None:
            continue
        out.append(
            {
                "kind": "date",
                "span": to_span(article, body, ent.start_char, ent.end_char),
                "value": value,
                "unit": "date",
                "counts": None,
                "qualifier": None,
            }
        )
    out.sort(key=lambda f: f["span"]["start"])
    return out
