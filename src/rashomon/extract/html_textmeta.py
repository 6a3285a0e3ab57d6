"""Metadata read from the article's own text: the dateline place and the language.

Used when the markup does not say: ``<html lang>`` is missing on many pages, and the
dateline ("BUFFALO, N.Y. — ...") only ever appears in the first paragraph.
"""

from __future__ import annotations

import re
from collections import Counter

#: "BUFFALO, N.Y. —", "LONDON (Reuters) -", "WASHINGTON:" at the start of the first paragraph
_DATELINE = re.compile(
    r"^((?:[A-Z][A-Z.'’\-]*\s?){1,4}(?:,\s*(?:[A-Z][A-Za-z.'’\-]*\s?){1,3})?)"
    r"\s*(?:\([^)]{1,40}\))?\s*(?:—|–|--|-|:)\s")
#: Frequent short words per language: a language wins with the most hits among the first
#: 400 words, and needs at least 8% of them (a menu or a name list hits nothing).
_STOPWORDS = {
    "en": "the of and to in is that for it was on with as are by this be from at have",
    "es": "el la los las de del que y en un una por con para es se su al lo",
    "fr": "le la les des du et est une pour pas qui dans sur au avec ce il elle",
    "de": "der die das und ist nicht den dem ein eine zu mit sich auf für von auch",
    "it": "il lo la gli le di del della che e è un una per con non si sono",
    "pt": "o a os as de do da que e em um uma para com não se por mais",
    "nl": "de het een en van is dat op te in voor niet met zijn er",
    "ru": "и в не на что с по как это он она из за к но от",
    "id": "yang dan di ini itu dengan untuk dari dalam tidak akan pada",
}
_LANGS_OF: dict[str, list[str]] = {}
for _lang, _words in _STOPWORDS.items():
    for _w in _words.split():
        _LANGS_OF.setdefault(_w, []).append(_lang)
_TOKEN = re.compile(r"\w+")
MIN_SHARE = 0.08


def dateline(first_paragraph: str) -> str | None:
    """The place of a wire-style dateline opening the article, else None."""
    line = first_paragraph.strip()
    if line.isupper() and len(line) <= 40 and "," in line:
        return line  # the dateline on a line of its own ("BAAR, SWITZERLAND")
    m = _DATELINE.match(first_paragraph)
    if not m:
        return None
    place = m.group(1).strip(" ,")
    letters = [c for c in place if c.isalpha()]
    # a dateline place is capitalised and short; "I" or "A" opening a sentence is not one
    if len(letters) < 3 or len(place) > 40 or not place.split(",")[0].isupper():
        return None
    return place


def guess_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language among a few common ones, else None."""
    tokens = _TOKEN.findall(text[:3000].lower())[:400]
    if len(tokens) < 20:
        return None
    counts: Counter[str] = Counter()
    for t in tokens:
        langs = _LANGS_OF.get(t)
        if langs:
            counts.update(langs)
    if not counts:
        return None
    lang, hits = counts.most_common(1)[0]
    return lang if hits >= MIN_SHARE * len(tokens) else None
