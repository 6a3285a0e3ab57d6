"""Main-content choice on a rendered page: which lines are the article body, and why not.

The container is the element whose subtree scores highest, each line adding its non-link
characters when it reads like prose and subtracting when it reads like chrome (menus,
link lists). Inside the container, lines under boilerplate-looking elements (by tag, class
or id), link lists and captions are left out; everything outside it is removed with a kind.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree

from rashomon.extract.html_hints import hint_kind
from rashomon.extract.html_render import Block, Rendered

#: A line counts as prose from this many words (short lines are neutral for the choice).
PROSE_WORDS = 8
#: Lines whose characters are more than this share of link text are link lists.
LINK_DENSITY_MAX = 0.5
#: Prose under an element hinted as chrome (footer text, sidebar blurbs) counts this much
#: towards choosing a container: it can still win when the page has nothing else.
HINTED_WEIGHT = 0.25
#: Weight of chrome characters against prose characters in the container score: a menu
#: of 200 link characters cancels about 100 characters of prose.
CHROME_WEIGHT = 0.5


#: The chosen container is the deepest element scoring at least this share of the best
#: score: a wrapper that adds only teasers and footers gains less than 15% over the article.
CLOSE_TO_BEST = 0.85
#: A hinted element (layout names such as "grid--adrail") keeps its lines when it holds
#: this many prose characters making up this share of its text: chrome is not prose.
PROSE_RICH_CHARS = 400
PROSE_RICH_SHARE = 0.7
#: ... and is at least this share of the article's prose (a donation letter or an author
#: bio is prose too, but a small part of the page's).
PROSE_RICH_PART = 0.25
PROSE_OVERRIDABLE = frozenset({"widget", "nav", "byline", "tags", "footer", "share"})


#: A block holding an image and at most this much text is the image's caption and credit.
CAPTION_MAX = 250
#: A group of 3+ lines whose text is more than this share links lists other articles
#: (article prose is rarely above 10% links; teaser grids are 40-90%).
GROUP_LINK_SHARE = 0.4
#: A nested <article> holding less than this share of the prose is another article.
NESTED_ARTICLE_SHARE = 0.5
_OTHER_ARTICLE = "another article inside the article"
_TEXT_BLOCKS = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "td",
                          "th", "pre", "dd", "dt"})


#: Sign-off lines of news articles ("Follow our coverage", "X contributed reporting",
#: newsletter and tip prompts), removed only from the end of the body.
_PROMO = re.compile(
    r"\b(?:sign up|subscribe|newsletters?|in your inbox|follow (?:us|him|her|them|our|\w+'s)"
    r"|full coverage|more coverage|contributed (?:reporting|to this)|have a tip|"
    r"may be reached at|can be reached at|listen (?:live|back)|download (?:the|our) app)\b",
    re.I)
#: Image credit lines ("© Reuters", "Photo: AP", "Main image credit: Getty").
_CREDIT = re.compile(r"^\s*(?:©|\(c\)\s|(?:\w+ )?(?:photo|image|picture|foto|фото|bild|crédit|"
                     r"credit)s?(?: credits?)?\s*:)", re.I)
#: A short line without a full stop right above a removed list (two lines or more) is
#: that list's label ("More on this topic", "You might also like").
MAX_LABEL = 60
_LIST_KINDS = frozenset({"related", "link-list", "share", "tags", "newsletter"})
#: At most this many sign-off lines are taken off the end of the body.
MAX_TAIL_PROMOS = 3


@dataclass(slots=True)
class Choice:
    """Which lines are body and why the others are not."""

    container: etree._Element | None
    body: list[Block]
    #: (block, kind, reason) for every rendered line left out
    removed: list[tuple[Block, str, str]]


def _words(text: str) -> int:
    """Word count; unspaced scripts (CJK, Thai) count one word per 3 characters."""
    n = text.count(" ") + 1 if text else 0
    # a long line with almost no spaces is unspaced script, not one long word
    return len(text) // 3 if n < 3 and len(text) > 30 else n


def choose(r: Rendered, title: str | None = None) -> Choice:
    """Pick the article container and sort its lines into body and removed."""
    text = r.text
    scores: dict[etree._Element, float] = {}
    hinted: dict[etree._Element, float] = {}
    prose: dict[etree._Element, float] = {}
    infos = []
    values = []
    for b in r.blocks:
        s = text[b.start : b.end]
        n = len(s)
        density = b.link_chars / n if n else 1.0
        words = _words(s)
        if density > LINK_DENSITY_MAX:
            value = -CHROME_WEIGHT * n
            good = 0.0
        elif words >= PROSE_WORDS and not b.heading:
            good = float(n - b.link_chars)
            value = good
        else:
            value = 0.0
            good = 0.0
        infos.append((s, density, words))
        values.append(value)
        if good:
            for el in b.path:
                prose[el] = prose.get(el, 0.0) + good
    # a hint on an element holding most of the page's prose ("<body class='has-sidebar'>")
    # says nothing about where the article is
    page_prose = max(prose.values(), default=0.0)
    for b, value in zip(r.blocks, values, strict=True):
        if value > 0:
            value *= _hint_weight(b, hinted, prose, page_prose)
        if value:
            for el in b.path:
                scores[el] = scores.get(el, 0.0) + value
    container = _pick(scores, r)
    if container is None:
        # no prose line anywhere (a page of short lines: a poem, a list, a recipe card):
        # every plain-text line counts, so the densest text region still wins
        for b, (s, density, _) in zip(r.blocks, infos, strict=True):
            if density <= LINK_DENSITY_MAX and not b.heading and s.strip():
                value = (len(s) - b.link_chars) * _hint_weight(b, hinted, prose, page_prose)
                for el in b.path:
                    scores[el] = scores.get(el, 0.0) + value
        container = _pick(scores, r)
    if container is not None:
        container = _main_article(container, r, title, prose)
    body: list[Block] = []
    removed: list[tuple[Block, str, str]] = []
    total_prose = prose.get(container, 0.0) if container is not None else 0.0
    kinds: dict[etree._Element, str | None] = {}
    norm_title = _norm(title) if title else None
    stats = _container_stats(r, container) if container is not None else {}
    for b, (s, density, words) in zip(r.blocks, infos, strict=True):
        if not s.strip():
            continue  # a line of no-break spaces
        if norm_title and len(s) < 2 * len(norm_title) + 10 and _norm(s) == norm_title:
            removed.append((b, "title-repeat", "the title"))
            continue
        if container is None or container not in b.path:
            removed.append((b, _outside_kind(b, kinds), "outside the article container"))
            continue
        kind = None
        for el in b.path:
            if el is container:
                break
            k = kinds.get(el, "?")
            if k == "?":
                k = hint_kind(el)
                # a hinted element holding most of the article's prose is its container
                if k and _prose_rich(el, k, prose, total_prose, r):
                    k = None
                k = k or _shape_kind(el, stats[el], prose.get(el, 0.0), total_prose)
                kinds[el] = k
            if k:
                kind = k
                break
        if kind == "article":
            removed.append((b, "related", _OTHER_ARTICLE))
        elif kind:
            removed.append((b, kind, "inside a block marked as " + kind))
        elif density > LINK_DENSITY_MAX and words < 40:
            removed.append((b, "link-list", "mostly link text"))
        else:
            body.append(b)
    if not body and any(reason == _OTHER_ARTICLE for _, _, reason in removed):
        # every line was in one of several articles: a list page, whose items are its text
        body = [b for b, _, reason in removed if reason == _OTHER_ARTICLE]
        removed = [x for x in removed if x[2] != _OTHER_ARTICLE]
    _trim(r, body, removed)
    return Choice(container, body, removed)


def _container_stats(r: Rendered, container: etree._Element) -> dict[etree._Element, list[int]]:
    """Element in the container -> [characters, link characters, lines] of its lines."""
    stats: dict[etree._Element, list[int]] = {}
    for b in r.blocks:
        if container in b.path:
            n = b.end - b.start
            for el in b.path:
                if el is container:
                    break
                st = stats.get(el)
                if st is None:
                    stats[el] = [n, b.link_chars, 1]
                else:
                    st[0] += n
                    st[1] += b.link_chars
                    st[2] += 1
    return stats


def _trim(r: Rendered, body: list[Block], removed: list[tuple[Block, str, str]]) -> None:
    """Headline lines before the first paragraph, sign-off prompts after the last, image
    credits, and the labels of removed lists."""
    text = r.text
    cut = []
    for b in body:
        if b.owner.tag != "h1":
            break
        cut.append((b, "title-repeat", "the headline above the body"))
    del body[: len(cut)]
    for _ in range(MAX_TAIL_PROMOS):
        if not body:
            break
        b = body[-1]
        s = text[b.start : b.end]
        if len(s) > 400 or not _PROMO.search(s):
            break
        cut.append((b, "promo", "a sign-off prompt after the article"))
        body.pop()
    order = {id(b): i for i, b in enumerate(r.blocks)}
    kind_at = {order[id(b)]: kind for b, kind, _ in removed}
    keep = []
    for b in body:
        s = text[b.start : b.end]
        if len(s) <= MAX_LABEL and _CREDIT.search(s):
            cut.append((b, "caption", "an image credit"))
        elif len(s) <= MAX_LABEL and len(s.split()) <= 6 and s[-1:] not in ".!?\"”" and \
                kind_at.get(order[id(b)] + 1) in _LIST_KINDS and \
                kind_at.get(order[id(b)] + 2) == kind_at[order[id(b)] + 1]:
            kind = kind_at[order[id(b)] + 1]
            cut.append((b, kind, "the label of the block below it"))
        else:
            keep.append(b)
    body[:] = keep
    if cut:
        removed.extend(cut)
        removed.sort(key=lambda x: order[id(x[0])])


def merge_removed(r: Rendered, choice: Choice) -> list[tuple[int, int, str, str]]:
    """Removed lines as blocks: neighbouring lines of one kind and reason joined, so a menu
    is one removed block, not twenty (lines left out silently, e.g. blank, break a run)."""
    order = {id(b): i for i, b in enumerate(r.blocks)}
    out: list[tuple[int, int, str, str]] = []
    last = -2
    for b, kind, reason in choice.removed:
        i = order[id(b)]
        if out and i == last + 1 and out[-1][2] == kind and out[-1][3] == reason:
            out[-1] = (out[-1][0], b.end, kind, reason)
        else:
            out.append((b.start, b.end, kind, reason))
        last = i
    return out


def _main_article(container: etree._Element, r: Rendered, title: str | None,
                  prose: dict[etree._Element, float]) -> etree._Element:
    """Among sibling <article> elements in the container, the one with the headline (when it
    holds prose: an <article> around the header alone leaves the body outside it)."""
    tops: list[etree._Element] = []
    seen: set[etree._Element] = set()
    for art in container.iter("article"):
        if art is not container and not any(a in seen for a in art.iterancestors("article")):
            tops.append(art)
            seen.add(art)
    if len(tops) < 2:
        return container
    with_h1 = [a for a in tops if a.find(".//h1") is not None]
    if len(with_h1) == 1:
        return with_h1[0] if prose.get(with_h1[0]) else container
    if title:
        key = _norm(title)
        for a in tops:
            span = r.spans.get(a)
            if span and key in _norm(r.text[span[0] : span[0] + 3 * len(title) + 200]):
                return a if prose.get(a) else container
    return container


def _shape_kind(el: etree._Element, st: list[int], el_prose: float,
                total_prose: float) -> str | None:
    """Kind told by an element's shape: a short block around an image is its caption, a
    link-heavy group of lines holding little of the prose is a list of other articles."""
    chars, links, lines = st
    if el.tag == "article" and el_prose < NESTED_ARTICLE_SHARE * total_prose:
        return "article"  # an article inside the article: a teaser or an embedded post
    if el.tag not in _TEXT_BLOCKS and chars <= CAPTION_MAX and el.find(".//img") is not None:
        return "caption"
    if lines >= 3 and links > GROUP_LINK_SHARE * chars and el_prose < 0.3 * total_prose:
        return "related"
    return None


def _pick(scores: dict[etree._Element, float], r: Rendered) -> etree._Element | None:
    """The deepest element scoring close to the best: wrappers add related teasers."""
    if not scores:
        return None
    best = max(scores.values())
    if best <= 0:
        return None
    floor = CLOSE_TO_BEST * best
    pick, depth = None, -1
    for el, sc in scores.items():
        if sc >= floor:
            d = _depth(el)
            if d > depth:
                pick, depth = el, d
    return pick


def _depth(el: etree._Element) -> int:
    return sum(1 for _ in el.iterancestors())


def _prose_rich(el: etree._Element, kind: str, prose: dict[etree._Element, float],
                total: float, r: Rendered) -> bool:
    """True when a hinted element is really part of the article (its prose says so)."""
    p = prose.get(el, 0.0)
    if p > 0.5 * total:
        return True
    if kind not in PROSE_OVERRIDABLE or p < PROSE_RICH_CHARS or p < PROSE_RICH_PART * total:
        return False
    span = r.spans.get(el)
    return span is not None and p >= PROSE_RICH_SHARE * (span[1] - span[0])


def _hint_weight(b: Block, hinted: dict[etree._Element, float],
                 prose: dict[etree._Element, float], page_prose: float) -> float:
    """How much a prose line counts towards a container: 0 in a comment section (readers'
    prose is never the article), HINTED_WEIGHT under another chrome hint (bylines and tags
    excepted, and hints on wrappers of almost all the page's prose ignored), else 1."""
    weight = 1.0
    for el in b.path:
        h = hinted.get(el)
        if h is None:
            k = hint_kind(el) if el.tag not in ("body", "html") else None
            if k == "comment":
                h = 0.0
            elif k is None or k in ("byline", "tags") or prose.get(el, 0.0) > 0.9 * page_prose:
                h = 1.0
            else:
                h = HINTED_WEIGHT
            hinted[el] = h
        if h < weight:
            weight = h
            if not weight:
                break
    return weight


def _outside_kind(b: Block, kinds: dict[etree._Element, str | None]) -> str:
    """Kind of a line outside the container: the innermost hint above it, else chrome."""
    for el in b.path:
        k = kinds.get(el, "?")
        if k == "?":
            k = hint_kind(el)
            kinds[el] = k
        if k:
            return k
    return "chrome"


_NORM = re.compile(r"\W+")


def _norm(s: str) -> str:
    return _NORM.sub(" ", s).strip().lower()
