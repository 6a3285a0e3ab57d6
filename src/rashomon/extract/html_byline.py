"""Bylines and standfirsts: author names as people, and the subtitle under the headline.

Author strings arrive as "By JANE DOE, AP Political Writer", "Analysis by A and B",
"Jo Marsh | Special to the Gazette" or a comment form's "Name (required)": they are split
into names and stripped of roles, dates and prompts.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from lxml import etree

_BY = re.compile(r"^\s*(?:(?:analysis|reporting|written|posted|words|text|story|photos?)\s+)?"
                 r"(?:by|von|par|por|di|door)\s*:?\s+", re.I)
_SPLIT = re.compile(r"\s*(?:,|;|\||\band\b|&|\bund\b|\bet\b|\by\b|\be\b|·|•)\s*", re.I)
#: Words of job titles, desks and newsrooms, not of names ("AP National Political Writer",
#: "CNN Business", "BBC News").
_ROLE = re.compile(r"\b(?:writer|editor|correspondent|reporter|staff|contributor|columnist|"
                   r"producer|desk|news|business|media|network|bureau|special to|view more|"
                   r"more articles|"
                   r"published|updated|required|wajib|obligatoire|email|website)\b|\d|@|"
                   r"https?:|\(", re.I)
#: A name is at most this many words ("Mary Clare Jalonick" is 3; a sentence is not a name).
MAX_NAME_WORDS = 5
_BYLINE_CLASS = re.compile(r"byline|\bauthor\b|author-name|contributor")
_SUB_CLASS = re.compile(r"subtitle|sub-title|standfirst|\bdek\b|subhead|sub-head|\blede\b|"
                        r"article-summary|intro\b|strapline|summary")


def clean_authors(raw: list[str]) -> list[str]:
    """Person names from raw author strings, deduplicated, at most 10."""
    out: list[str] = []
    for value in raw:
        value = _BY.sub("", value.strip())
        for part in _SPLIT.split(value):
            part = _BY.sub("", part).strip(" .:-–—")
            if not part or _ROLE.search(part) or len(part.split()) > MAX_NAME_WORDS:
                continue
            if out and part.isupper() and len(part) <= 4:
                continue  # a credential after a name ("MS", "RDN", "MD")
            if 1 < len(part) <= 60 and part not in out:
                out.append(part)
    return out[:10]


def _text(el: etree._Element) -> str:
    return " ".join("".join(el.itertext()).split())


def _inside_form(el: etree._Element) -> bool:
    return any(a.tag == "form" for a in el.iterancestors())


def byline_authors(root: etree._Element) -> list[str]:
    """Author strings from the first byline-looking element outside forms."""
    for el in root.iter("a", "span", "div", "p", "address"):
        cls = el.get("class")
        if cls and _BYLINE_CLASS.search(cls.lower()) or el.get("rel") == "author" or \
                el.get("itemprop") == "author":
            text = _text(el)
            if text and len(text) <= 120 and not _inside_form(el):
                return [text]
    return []


def subtitle_candidates(elements: Iterable[etree._Element]) -> list[etree._Element]:
    """The elements whose class names a standfirst or dek, in the order given (at most 5)."""
    out: list[etree._Element] = []
    for el in elements:
        cls = el.get("class")
        if cls and _SUB_CLASS.search(cls.lower()) and el not in out:
            out.append(el)
            if len(out) == 5:
                break
    return out
