"""What an element's tag, role, class and id say it is: article part or which kind of chrome.

Class and id values are split into lowercase words ("siteHeader__nav-2" -> site, header,
nav); each word and each pair of neighbouring words joined ("read-more" -> readmore) is
looked up by prefix in a table of stems. Dictionary lookups instead of one large regex:
pages carry hundreds of distinct class names and a regex alternation costs ~25 us a name.
"""

from __future__ import annotations

import re

from lxml import etree

#: Kinds in priority order: when a name says several things ("related-comments"), the
#: first one wins.
KIND_ORDER = ("comment", "caption", "share", "newsletter", "related", "tags", "byline",
              "footer", "nav", "widget")
#: Word prefixes naming each kind ("relat" covers related, relatedposts ...).
_STEMS = {
    "comment": "comment disqus respond reply replies discussion",
    "caption": "caption credit figcaption photodesc",
    "share": "share sharing social follow addthis sharethis printbutton",
    "newsletter": "newsletter subscri signup mailing optin paywall",
    "related": "relat recommend morestories morenews morefrom moreon morearticles readmore "
               "readnext readalso alsoread youmay popular trending mostread outbrain taboola "
               "nextpost nextarticle prev",
    # not "tag-x" / "category-x": blog engines put those on the article element itself
    "tags": "taglist categories topics keywords postmeta posttags entrytags articletags",
    "byline": "byline author dateline timestamp published postedon entrymeta articlemeta",
    "footer": "footer copyright colophon siteinfo legal",
    "nav": "nav menu breadcrumb pagination pager skiplink masthead topbar header toolbar",
    "widget": "sidebar widget advert sponsor promo banner popup modal cookie gdpr consent "
              "rightrail siderail overlay donat teaser adslot adunit adcontainer adwrapper dfp",
}
#: First words of the two-word stems above ("read" of "readmore"): only after one of these
#: is a word also tried joined to the one before it.
_PAIR_HEADS = frozenset("more read also you most next sign opt skip top site right side ad "
                        "posted post entry article tag print photo".split())
#: Whole words naming a kind (too short or too common to be prefixes).
_EXACT = {
    "tags": "tags", "date": "byline", "meta": "byline", "ad": "widget",
    "ads": "widget", "cta": "widget", "gpt": "widget", "aside": "widget",
}
STEMS: dict[str, str] = {s: kind for kind, words in _STEMS.items() for s in words.split()}
#: stems by their first three letters: one dict lookup rules out most words
_BY_HEAD: dict[str, list[tuple[str, str]]] = {}
for _stem, _kind in STEMS.items():
    _BY_HEAD.setdefault(_stem[:3], []).append((_stem, _kind))
_RANK = {kind: i for i, kind in enumerate(KIND_ORDER)}
#: Tags that are chrome whatever their class says.
TAG_KINDS = {
    "nav": "nav", "aside": "widget", "footer": "footer", "form": "widget",
    "figcaption": "caption", "caption": "caption", "menu": "nav", "header": "nav",
}
ROLE_KINDS = {"navigation": "nav", "complementary": "widget", "contentinfo": "footer",
              "banner": "nav"}
#: Word prefixes of article containers: on such an element only the strong kinds count
#: ("post-content-share" is a share bar; "entry-meta" stays byline; "article-header" is not
#: the site header).
_POSITIVE = ("article", "body", "content", "entry", "main", "post", "story", "text", "blog")
_STRONG_ON_POSITIVE = frozenset({"comment", "caption", "widget", "related", "share",
                                 "newsletter", "byline", "tags"})
#: Embedded posts (a quoted tweet, video) are part of the story, whatever platform they
#: come from: "social-embed" is not a share bar.
_EMBED = ("embed", "tweet", "oembed")
_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")
_WORDS = re.compile(r"[a-z]+")
#: Class strings longer than this many words are configuration flags, not a role.
MAX_WORDS = 40
_cache: dict[str, str | None] = {}


def names_kind(names: str) -> str | None:
    """Kind named by a class/id string, or ``None``."""
    found = _cache.get(names, "")
    if found != "":
        return found
    low = names.lower()
    # camelCase splits into words; most names are lowercase and skip the (costly) split
    words = _WORDS.findall(_CAMEL.sub(" ", names).lower() if low != names else low)
    if len(words) > MAX_WORDS:
        words = []  # feature-flag soup ("f_share_tools_on f_replies_on ..."), not a role
    best = len(KIND_ORDER)
    positive = embed = False
    prev = ""
    for w in words:
        for cand in (w, prev + w) if prev in _PAIR_HEADS else (w,):
            kind = _EXACT.get(cand)
            if kind is None:
                for stem, k in _BY_HEAD.get(cand[:3], ()):
                    if cand.startswith(stem):
                        kind = k
                        break
            if kind is not None and _RANK[kind] < best:
                best = _RANK[kind]
        if not positive and w.startswith(_POSITIVE):
            positive = True
        if w.startswith(_EMBED):
            embed = True
        prev = w
    result = KIND_ORDER[best] if best < len(KIND_ORDER) else None
    if result and positive and result not in _STRONG_ON_POSITIVE:
        result = None
    if embed and result in ("share", "widget"):
        result = None
    if len(_cache) > 100_000:
        _cache.clear()
    _cache[names] = result
    return result


def hint_kind(el: etree._Element) -> str | None:
    """Kind of boilerplate an element's tag, role, class and id suggest, or ``None``."""
    attrib = el.attrib
    tag = el.tag
    kind = TAG_KINDS.get(tag) if isinstance(tag, str) else None
    if not attrib:
        return kind
    role = attrib.get("role")
    if role:
        kind = kind or ROLE_KINDS.get(role)
    cls, ident = attrib.get("class"), attrib.get("id")
    if cls or ident:
        named = names_kind(f"{cls or ''} {ident or ''}")
        if named:
            return named
    return kind
