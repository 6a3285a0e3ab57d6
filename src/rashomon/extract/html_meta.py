"""Article metadata from markup: title, subtitle, outlet, authors, date, language.

Sources, most trusted first: JSON-LD (``NewsArticle`` and kin), Open Graph / article / Dublin
Core / named ``<meta>`` tags, ``itemprop`` microdata, then the document itself (``<h1>``,
``<time>``, byline elements, copyright lines). Scraped markup is hostile: every value is
length-capped and JSON-LD that fails to parse is ignored.
"""

from __future__ import annotations

import itertools
import json
import logging
import re
import warnings
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from lxml import etree

from rashomon.extract.html_byline import byline_authors, clean_authors

log = logging.getLogger(__name__)

#: Longest metadata value kept (a title or a name longer than this is markup noise).
MAX_VALUE = 400
ARTICLE_TYPES = frozenset({
    "article", "newsarticle", "blogposting", "reportagenews", "reportagenewsarticle",
    "analysisnewsarticle", "opinionnewsarticle", "reviewnewsarticle", "backgroundnewsarticle",
    "askpublicnewsarticle", "satiricalarticle", "socialmediaposting", "liveblogposting",
    "scholarlyarticle", "techarticle", "report", "claimreview", "review", "webpage", "posting",
})
_SECONDARY = frozenset({"claimreview", "review", "webpage"})
_DATE_KEYS = (
    "article:published_time", "og:published_time", "published_time", "datepublished",
    "pubdate", "publishdate", "publish-date", "publish_date", "date", "dc.date",
    "dc.date.issued", "dcterms.created", "dcterms.date", "sailthru.date", "parsely-pub-date",
    "article.published", "article:published", "original-publish-date",
    "citation_publication_date", "created",
)
_AUTHOR_KEYS = ("author", "article:author", "dc.creator", "sailthru.author", "parsely-author",
                "byl", "citation_author")
_TITLE_SPLIT = re.compile(r"\s+[|\-–—:·•»]\s+")
_SPACE = re.compile(r"\s+")


@dataclass(slots=True)
class Meta:
    """What the markup says about the article."""

    title: str | None = None
    subtitle: str | None = None
    outlet: str | None = None
    authors: list[str] = field(default_factory=list)
    published: str | None = None
    published_how: str | None = None
    language: str | None = None
    url: str | None = None
    #: the <title> element as given (used to tell the site name from the headline)
    doc_title: str | None = None


def _clean(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    value = _SPACE.sub(" ", value).strip()
    return value[:MAX_VALUE] if value else None


def _jsonld(root: etree._Element) -> list[dict[str, Any]]:
    """JSON-LD objects of the page, ``@graph`` flattened."""
    objs: list[dict[str, Any]] = []
    for script in root.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json" or not script.text:
            continue
        try:
            data = json.loads(script.text)
        except (ValueError, RecursionError):
            continue
        stack = [data]
        while stack and len(objs) < 200:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(reversed(item))
            elif isinstance(item, dict):
                objs.append(item)
                graph = item.get("@graph")
                if isinstance(graph, list):
                    stack.extend(reversed(graph))
    return objs


def _types(obj: dict[str, Any]) -> set[str]:
    t = obj.get("@type")
    if isinstance(t, str):
        return {t.lower()}
    if isinstance(t, list):
        return {x.lower() for x in t if isinstance(x, str)}
    return set()


def _names(value: Any) -> list[str]:
    """Person or organisation names from a JSON-LD value (string, object or list)."""
    out: list[str] = []
    items = value if isinstance(value, list) else [value]
    for item in items[:20]:
        if isinstance(item, dict):
            item = item.get("name")
            if isinstance(item, list):
                item = item[0] if item else None
        name = _clean(item)
        if name and not name.startswith("http") and len(name) <= 100:
            out.append(name)
    return out


def iso_date(value: str | None) -> str | None:
    """ISO 8601 form of a date string (keeps the time and offset when given), else None."""
    value = _clean(value)
    if not value:
        return None
    v = value.replace("Z", "+00:00") if value.endswith("Z") else value
    try:
        dt = datetime.fromisoformat(v)
    except ValueError:
        from dateutil import parser

        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                dt = parser.parse(value[:100], fuzzy=False)
        except (ValueError, OverflowError, TypeError):
            return None
    # dates outside the web's lifetime are placeholders ("0001-01-01") or parse accidents
    if not 1990 <= dt.year <= 2100:
        return None
    return dt.isoformat()


def extract_meta(root: etree._Element, url: str | None = None) -> Meta:
    """Read title, subtitle, outlet, authors, date and language from a parsed page."""
    meta = Meta(url=url)
    tags: dict[str, str] = {}
    for el in root.iter("meta"):
        key = (el.get("property") or el.get("name") or el.get("itemprop") or "").strip().lower()
        content = el.get("content")
        if key and content and key not in tags:
            tags[key] = content
        elif el.get("http-equiv", "").lower() == "content-language" and content:
            tags.setdefault("content-language", content)
        # microdata names its fields in itemprop, several at once ('datePublished dateCreated')
        for prop in (el.get("itemprop") or "").lower().split():
            if content and prop != key:
                tags.setdefault(prop, content)
    objs = _jsonld(root)
    # an article object first, then a review of a claim (a fact-check page also holds the
    # article, whose author is the writer, not the site), then the page itself
    art = next((o for o in objs if _types(o) & ARTICLE_TYPES - _SECONDARY), None)
    art = art or next((o for o in objs if _types(o) & ARTICLE_TYPES - {"webpage"}), None)
    art = art or next((o for o in objs if _types(o) & ARTICLE_TYPES), None) or {}

    title_el = root.find(".//title")
    meta.doc_title = _clean(_text(title_el)) if title_el is not None else None
    pub = art.get("publisher")
    outlets = (_names(pub) if pub else []) + [
        v for v in (_clean(tags.get("og:site_name")), _clean(tags.get("application-name")),
                    _clean(tags.get("publisher")), _clean(tags.get("dc.publisher"))) if v]
    outlets = [o for o in (_outlet_name(o) for o in outlets) if o]
    h1s = [t for t in (_clean(_text(h)) for h in itertools.islice(root.iter("h1"), 5)) if t]
    meta.title = _pick_title(
        h1s, [_clean(art.get("headline")), _clean(tags.get("og:title")),
              _clean(tags.get("twitter:title"))], meta.doc_title, outlets)
    sub = _clean(art.get("alternativeHeadline"))
    meta.subtitle = sub if sub and meta.title and _norm(sub) != _norm(meta.title) else None
    meta.outlet = outlets[0] if outlets else _site_from_title(meta.doc_title, meta.title)

    # an organisation named as author (a fact-check's site, a wire) is no byline
    people = [a for a in (art.get("author") if isinstance(art.get("author"), list)
                          else [art.get("author")])
              if not (isinstance(a, dict) and any(t.endswith("organization")
                                                   for t in _types(a)))]
    authors = _names(people) if any(people) else []
    if not authors:
        authors = [v for v in (_clean(tags.get(k)) for k in _AUTHOR_KEYS) if v][:1]
    if not authors:
        authors = byline_authors(root)
    meta.authors = clean_authors(authors)

    date = iso_date(art.get("datePublished") if isinstance(art.get("datePublished"), str)
                    else None)
    if not date:
        date = next((d for d in (iso_date(tags.get(k)) for k in _DATE_KEYS if k in tags) if d),
                    None)
    if date:
        meta.published, meta.published_how = date, "html-meta"

    lang = root.get("lang") or root.get("xml:lang") or tags.get("content-language") \
        or (art.get("inLanguage") if isinstance(art.get("inLanguage"), str) else None) \
        or tags.get("og:locale")
    if lang:
        code = re.split(r"[-_]", lang.strip().lower())[0]
        meta.language = code if re.fullmatch(r"[a-z]{2,3}", code) else None
    if not meta.url:
        meta.url = _clean(tags.get("og:url")) or _canonical(root)
    return meta


def time_date(root: etree._Element, spans: dict[etree._Element, tuple[int, int]],
              lo: int, hi: int) -> str | None:
    """Date of a ``<time>`` element shown between ``lo`` and ``hi`` (the headline and the end
    of the body), else of the first ``<time>`` of the page: a site header's "today" comes
    before the headline, the article's own date near it."""
    first = None
    for t in root.iter("time"):
        date = iso_date(t.get("datetime")) or iso_date(t.get("content"))
        if not date:
            continue
        span = spans.get(t)
        if span is not None and lo <= span[0] <= hi:
            return date
        first = first or date
    return first


def _outlet_name(name: str) -> str | None:
    """An outlet name as shown to readers: a URL given as site name becomes its host."""
    if "://" in name or name.startswith("www."):
        host = re.sub(r"^[a-z]+://", "", name).split("/")[0]
        return host[4:] if host.startswith("www.") else host or None
    return name


def _pick_title(h1s: list[str], candidates: list[str | None], doc: str | None,
                outlets: list[str]) -> str | None:
    """The headline: an <h1> that a meta title confirms (not the site name), else the first
    meta title, else the longest part of <title> ("Headline | Site")."""
    metas = [c for c in candidates if c]
    confirm = [_norm(c) for c in metas + ([doc] if doc else [])]
    sites = {_norm(o) for o in outlets}
    for h1 in h1s:
        n = _norm(h1)
        # confirmed by a meta title that holds it (and is not three times longer: an h1
        # "Reviews" inside "Diet X: lose 10 kg. Reviews" is a section label) or lies in it
        if n and n not in sites and any(n in c and 3 * len(n) >= len(c) or c and c in n
                                        for c in confirm):
            return h1
    if metas:
        return metas[0]
    if doc:
        parts = _TITLE_SPLIT.split(doc)
        return max(parts, key=len) if len(parts) > 1 else doc
    return h1s[0] if h1s else None


def _site_from_title(doc_title: str | None, title: str | None) -> str | None:
    """The part of <title> that is not the headline ("Headline | Site" -> "Site")."""
    if not doc_title or not title:
        return None
    parts = [p for p in _TITLE_SPLIT.split(doc_title) if _norm(p) not in _norm(title)]
    return parts[-1] if len(parts) == 1 and len(parts[0]) <= 60 else None


def _text(el: etree._Element) -> str:
    return "".join(el.itertext())


def _canonical(root: etree._Element) -> str | None:
    for el in root.iter("link"):
        if (el.get("rel") or "").lower() == "canonical":
            return _clean(el.get("href"))
    return None


_NORM = re.compile(r"\W+")


def _norm(s: str) -> str:
    return _NORM.sub(" ", s).strip().lower()
