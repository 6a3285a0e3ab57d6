"""Dates written on a page: absolute dates with a year, and relative ones against an anchor.

Only dates that name their year are read as absolute: 'January 24' alone is not a
publication date (the year would be a guess). Relative expressions ('3 hours ago',
'yesterday', 'on Saturday') resolve only against a known anchor date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache

MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "oct": 10, "nov": 11, "dec": 12,
    # a few other languages met in news pages
    "janv": 1, "févr": 2, "fevr": 2, "mars": 3, "avr": 4, "mai": 5, "juin": 6, "juil": 7,
    "août": 8, "aout": 8, "sept": 9, "déc": 12, "ene": 1, "abr": 4, "ago": 8, "dic": 12,
    "fev": 2, "set": 9, "out": 10, "dez": 12, "mär": 3, "okt": 10,
    "gen": 1, "mag": 5, "giu": 6, "lug": 7, "ott": 10,
    # Russian, as dates write it ('24 сентября 2018': the genitive)
    "янв": 1, "фев": 2, "мар": 3, "апр": 4, "мая": 5, "май": 5, "июн": 6, "июл": 7, "авг": 8,
    "сен": 9, "окт": 10, "ноя": 11, "дек": 12,
}
#: a word opening with an English month name ('Nov', 'November'), for patterns that find
#: dates written around other words
MONTH_WORD = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*"
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]

_MON = r"(?P<mon>[^\W\d_]{3,9})\.?"  # any letters: ``MONTHS`` tells a month
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d{2})"
_TIME = (
    r"(?:\s*(?:at|,|-|–|—|\||/)?\s*(?P<hour>\d{1,2})[:.h](?P<min>\d{2})(?::(?P<sec>\d{2}))?"
    r"\s*(?P<ampm>[ap]\.?m\.?)?\s*(?P<tz>(?-i:GMT|UTC|Z|[ECMP][SD]?T|HST|AK[SD]T|CET|CEST|BST)"
    r"\b|[+-]\d{2}:?\d{2})?)?"
)
_PATTERNS = [
    re.compile(r"\b(?P<year>(?:19|20)\d{2})-(?P<mm>\d{2})-(?P<day>\d{2})(?:[T ]"
               r"(?P<hour>\d{2}):(?P<min>\d{2})(?::(?P<sec>\d{2}))?(?P<tz>Z|[+-]\d{2}:?\d{2})?)?"),
    # '5 March 2019', '5th of March, 2019', '5 de março de 2019'
    re.compile(rf"\b{_DAY}\s+(?:(?:of|de)\s+)?{_MON},?\s+(?:de\s+)?{_YEAR}\b{_TIME}",
               re.IGNORECASE),
    re.compile(rf"\b{_MON}\s+{_DAY},?\s+{_YEAR}\b{_TIME}", re.IGNORECASE),
    # 25/05/2019, 25.05.2019 or 11/19/2019: read only when one number is > 12, so that day
    # and month cannot be swapped; a two-digit year only before a time ('11/20/19 6:38 AM')
    re.compile(r"\b(?P<day>\d{1,2})[/.](?P<mm>\d{1,2})[/.]"
               r"(?:(?P<year>(?:19|20)\d{2})\b|(?P<yy>\d{2})(?=\s+\d{1,2}:\d{2}))" + _TIME,
               re.IGNORECASE),
]
_AGO = re.compile(
    r"\b(?P<n>\d+|an?|one)\s+(?P<unit>minute|min|hour|hr|day|week)s?\s+ago\b", re.IGNORECASE
)
_REL_DAY = re.compile(r"\b(today|yesterday)\b", re.IGNORECASE)
# North American, Central European and British zone abbreviations (CST is read as US
# Central, by far its most frequent use in news pages; IST and other clashing ones are left
# out and the time stays without an offset)
_ZONES = {
    "EST": "-05:00", "EDT": "-04:00", "CST": "-06:00", "CDT": "-05:00", "MST": "-07:00",
    "MDT": "-06:00", "PST": "-08:00", "PDT": "-07:00", "CET": "+01:00", "CEST": "+02:00",
    "BST": "+01:00", "AKST": "-09:00", "AKDT": "-08:00", "HST": "-10:00",
}
# US zones written without saying standard or daylight time ('7:04 pm ET'): their
# standard offsets, in hours
_US_ZONES = {"ET": -5, "CT": -6, "MT": -7, "PT": -8}


def _us_daylight(dt: datetime) -> bool:
    """Whether US daylight time holds at local time ``dt``: from 2 a.m. on the second
    Sunday of March to 2 a.m. on the first Sunday of November (the rule since 2007; before,
    the first Sunday of April to the last Sunday of October)."""

    def sunday(month: int, nth: int) -> datetime:
        first = datetime(dt.year, month, 1, 2)
        days = (6 - first.weekday()) % 7 + 7 * (nth - 1) if nth > 0 else 0
        if nth < 0:  # the last Sunday of the month
            nxt = datetime(dt.year + (month == 12), month % 12 + 1, 1, 2)
            back = (nxt.weekday() - 6) % 7 or 7
            return nxt - timedelta(days=back)
        return first + timedelta(days=days)

    start, end = (sunday(3, 2), sunday(11, 1)) if dt.year >= 2007 else \
        (sunday(4, 1), sunday(10, -1))
    return start <= dt < end


# what every pattern needs: a four-digit year, or a two-digit one before a time
_YEAR_DIGITS = re.compile(r"(?:19|20)\d\d|[/.]\d\d\s+\d{1,2}:\d\d")
_UPDATED = re.compile(r"\b(updated|modified|last edited)\b", re.IGNORECASE)


@dataclass(slots=True, frozen=True)
class FoundDate:
    """A date found in a line: ISO 8601 text, whether it has a time, and where."""

    iso: str
    has_time: bool
    offset: int
    updated: bool  # written after an 'Updated' label


def _month(word: str) -> int | None:
    w = word.lower().rstrip(".")
    return MONTHS.get(w[:4]) or MONTHS.get(w[:3])


def _build(m: re.Match[str]) -> tuple[str, bool] | None:
    g = m.groupdict()
    try:
        year = int(g["year"]) if g.get("year") else 2000 + int(g["yy"])
        mon = int(g["mm"]) if g.get("mm") else _month(g["mon"] or "")
        day = int(g["day"])
        if mon is None:
            return None
        if m.re is _PATTERNS[3]:
            if day <= 12 and mon <= 12:
                return None  # 05/06/2019: day and month cannot be told apart
            if mon > 12:
                day, mon = mon, day  # 11/19/2019: month first
        d = date(year, mon, day)
    except (ValueError, TypeError):
        return None
    if not g.get("hour"):
        return d.isoformat(), False
    hour, minute = int(g["hour"]), int(g["min"])
    ampm = (g.get("ampm") or "").replace(".", "").lower()
    if ampm == "pm" and hour < 12:
        hour += 12
    elif ampm == "am" and hour == 12:
        hour = 0
    if hour > 23 or minute > 59:
        return d.isoformat(), False
    dt = datetime(year, mon, day, hour, minute, int(g.get("sec") or 0))
    tz = g.get("tz") or ""
    if tz.upper() in ("GMT", "UTC", "Z"):
        return dt.isoformat() + "+00:00", True
    if tz in _ZONES:
        return dt.isoformat() + _ZONES[tz], True
    if tz in _US_ZONES:  # 'ET': standard or daylight time, as the date falls
        hours = _US_ZONES[tz] + (1 if _us_daylight(dt) else 0)
        return dt.isoformat() + f"{hours:+03d}:00", True
    if tz:
        tz = tz if ":" in tz else f"{tz[:3]}:{tz[3:]}"
        return dt.isoformat() + tz, True
    return dt.isoformat(), True


def find_dates(text: str) -> list[FoundDate]:
    """Absolute dates (with a year) in ``text``, in order of appearance."""
    return list(_find_dates(text))


@lru_cache(maxsize=65536)
def _find_dates(text: str) -> tuple[FoundDate, ...]:
    # cheap test first: every pattern needs a year
    if not _YEAR_DIGITS.search(text):
        return ()
    found: list[FoundDate] = []
    taken: list[tuple[int, int]] = []
    for pat in _PATTERNS:
        for m in pat.finditer(text):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            built = _build(m)
            if built is None:
                continue
            taken.append((m.start(), m.end()))
            before = text[max(0, m.start() - 25) : m.start()]
            found.append(FoundDate(built[0], built[1], m.start(), bool(_UPDATED.search(before))))
    return tuple(sorted(found, key=lambda f: f.offset))


def relative_date(text: str, anchor: date) -> str | None:
    """Resolve '3 hours ago', 'yesterday' or a weekday name against ``anchor``."""
    m = _AGO.search(text)
    if m:
        n = m.group("n").lower()
        count = 1 if n in ("a", "an", "one") else int(n)
        unit = m.group("unit").lower()
        days = {"day": count, "week": 7 * count}.get(unit, 0)
        return (anchor - timedelta(days=days)).isoformat()
    m2 = _REL_DAY.search(text)
    if m2:
        back = 1 if m2.group(1).lower() == "yesterday" else 0
        return (anchor - timedelta(days=back)).isoformat()
    low = text.lower()
    for i, name in enumerate(WEEKDAYS):
        if re.search(rf"\bon {name}\b", low):
            # the most recent such weekday on or before the anchor
            back = (anchor.weekday() - i) % 7
            return (anchor - timedelta(days=back)).isoformat()
    return None


def parse_anchor(value: object) -> date | None:
    """A date from an ISO string or date object given as a page hint."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        m = _PATTERNS[0].search(value)
        if m:
            try:
                return date(int(m.group("year")), int(m.group("mm")), int(m.group("day")))
            except ValueError:
                return None
    return None
