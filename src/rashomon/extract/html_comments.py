"""Reader comments from the comment section of a page's DOM.

A comment section is an element whose class or id names comments (``#comments``,
``.comment-list``, ``#disqus_thread`` ...). Its entries are the elements inside it whose
class or id names a single comment; an entry nested in another is a reply to it. Each
entry's author comes from its author/name element, its text from its body element (or
from what is left once author, date and reply links are set aside). Offsets index the
rendered text.
"""

from __future__ import annotations

import re

from lxml import etree

from rashomon.extract.comments import is_timestamp
from rashomon.extract.html_render import Rendered
from rashomon.model import Comment

#: matched against lowercased class and id
_SECTION = re.compile(r"comment|disqus|discussion|respon[sd]|replies|\bfeedback\b")
#: class/id tokens of one comment: "comment", "comment-123", "li-comment-5", "reply" ...
_ENTRY = re.compile(r"^(?:[a-z]+[-_])?(?:comment|reply|review)(?:[-_]?(?:\d+|item|container|"
                    r"wrap|entry|single|parent|even|odd|thread|node))?$", re.I)
#: tokens of parts of a comment or of the section around them; they veto an entry
_NOT_ENTRY = re.compile(r"^(?:comments|comment-?(?:list|form|area|section|count|title|head|"
                        r"respond|meta|author|content|body|text|reply|date|time|actions|"
                        r"avatar|metadata|footer|nav|navigation|pagination|wrapper)|respond|"
                        r"reply-?(?:link|form|title)|children|replies)$", re.I)
_BODY = re.compile(r"comment-?(?:content|body|text|message)|(?:^|\s)(?:content|body|text|"
                   r"message|description)(?:$|\s)|post-?message", re.I)
_AUTHOR = re.compile(r"author|\bfn\b|user-?name|\buser\b|\bname\b|\bnick", re.I)
#: Promotion words of comment spam (dating, gambling, pills, quick money): generic, not
#: keyed to one site. Strong words flag spam with a link, a second strong word or a weak
#: one; weak words ("visit my blog") only with a link.
_SPAM_STRONG = re.compile(r"\b(?:dating|sexy?|hot (?:girls|singles)|escorts?|casino|viagra|"
                          r"cialis|payday|loans?|bitcoin|forex|earn \$?\d+|adult|replicas?|"
                          r"free (?:worldwide )?shipping|\d+% (?:off|discount)|essay writing|"
                          r"seo services|weight loss pills)\b", re.I)
_SPAM_WEAK = re.compile(r"\b(?:click here|visit (?:my|our)|check out my|"
                        r"(?:my|our) (?:site|website|blog|store|shop)|whatsapp|telegram|"
                        r"promo code|discount|buy|order now|best price|cheap)\b", re.I)
_URL = re.compile(r"https?://|www\.\w|\.com\b|\.ru\b", re.I)
#: A comment without an author must be at least this long (buttons are shorter).
MIN_ANONYMOUS = 25
#: At most this many comments are read from one page (a hostile page can hold millions).
MAX_COMMENTS = 500


def _names(el: etree._Element) -> str:
    return " ".join((el.get("class") or "", el.get("id") or "", el.get("itemprop") or ""))


def is_entry(el: etree._Element) -> bool:
    """True when the element's class/id tokens name one comment (not a part of one)."""
    tokens = _names(el).split()
    return any(_ENTRY.match(t) for t in tokens) and not any(_NOT_ENTRY.match(t) for t in tokens)


def _linkback(el: etree._Element) -> bool:
    """A pingback or trackback: another site's link to the article, which no reader wrote."""
    return not _LINKBACKS.isdisjoint((el.get("class") or "").lower().split())


_LINKBACKS = frozenset(("pingback", "trackback"))


def find_sections(root: etree._Element) -> list[etree._Element]:
    """Outermost elements whose class or id names a comment section."""
    out: list[etree._Element] = []
    for el in root.iter("div", "section", "ol", "ul", "aside", "footer", "article"):
        attrib = el.attrib
        if not attrib:
            continue
        names = f"{attrib.get('class', '')} {attrib.get('id', '')}".lower()
        if len(names) > 1 and _SECTION.search(names) and not any(
                s in el.iterancestors() for s in out[-3:]):
            out.append(el)
    return out


def extract_comments(r: Rendered, sections: list[etree._Element] | None = None) -> list[Comment]:
    """Comments of the page, in document order, with replies pointing at their parent."""
    if sections is None:
        sections = find_sections(r.root)
    comments: list[Comment] = []
    index: dict[etree._Element, int] = {}
    for section in sections:
        for el in section.iter("li", "article", "div", "section"):
            if len(comments) >= MAX_COMMENTS:
                return comments
            if el is section or not is_entry(el) or _linkback(el) or any(
                    map(_linkback, el.iterancestors())):
                continue
            c = _comment(el, r)
            if c is None:
                continue
            parent = next((index[a] for a in el.iterancestors() if a in index), None)
            c.parent = parent
            index[el] = len(comments)
            comments.append(c)
    return comments


def _comment(entry: etree._Element, r: Rendered) -> Comment | None:
    """One comment from its entry element, or None when it renders no text."""
    author_el = body_el = None
    bodies = []
    for el in entry.iterdescendants():
        if not isinstance(el.tag, str):
            continue
        names = _names(el)
        if len(names) < 3:
            continue
        if is_entry(el):
            break  # a nested reply: what follows belongs to it
        if author_el is None and _AUTHOR.search(names) and el in r.spans:
            author_el = el
        elif _BODY.search(names) and el in r.spans:
            bodies.append(el)
    # the innermost body that does not hold the author ("comment-body" often wraps it all)
    for el in reversed(bodies):
        if author_el is None or author_el not in el.iterdescendants():
            body_el = el
            break
    text = r.text
    author = None
    a_start = a_end = None
    if author_el is not None:
        author_el = _name_part(author_el, r)
        a_start, a_end = r.spans[author_el]
        author = text[a_start:a_end].strip() or None
        if author and len(author) > 80:
            author, a_start, a_end = None, None, None
    if body_el is not None:
        start, end = r.spans[body_el]
    else:
        span = r.spans.get(entry)
        if span is None:
            return None
        start, end = span
        # the entry's own lines: up to its first nested reply, after the author line
        for el in entry.iterdescendants():
            if isinstance(el.tag, str) and el in r.spans and is_entry(el):
                end = min(end, r.spans[el][0])
                break
        if a_end is not None and start <= a_end <= end:
            start = a_end
        while start < end and text[start].isspace():
            start += 1
        # the header's date after the name ('on May 2, 2024 at 9:12 am said:')
        eol = text.find("\n", start, end)
        if eol > start and is_timestamp(text[start:eol].strip()):
            start = eol
            while start < end and text[start].isspace():
                start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end <= start:
        return None
    body = text[start:end]
    if author is None and len(body) < MIN_ANONYMOUS:
        return None  # a "Reply" or "Add your comment" button, not a comment
    # a link in the comment, or on the commenter's name (spam signs with its shop's URL)
    linked = any((a.get("href") or "").startswith(("http", "//"))
                 for scope in (body_el if body_el is not None else entry, author_el)
                 if scope is not None for a in scope.iter("a"))
    return Comment(text=body, start=start, end=end, author=author,
                   spam=is_spam(body, linked),
                   author_start=a_start, author_end=a_end)


def _name_part(el: etree._Element, r: Rendered) -> etree._Element:
    """The name inside an author block that also shows a date or avatar."""
    for sub in el.iterdescendants("cite", "a", "b", "strong", "span"):
        names = _names(sub)
        if sub in r.spans and (sub.tag in ("cite", "b", "strong") or re.search(
                r"\bfn\b|name|nick|user", names, re.I) or sub.tag == "a" and not re.search(
                r"\d{4}|date|time|permalink", names + (sub.get("href") or ""), re.I)):
            return sub
    return el


def is_spam(text: str, linked: bool = False) -> bool:
    """Comment spam: strong promotion words with a link (in the text, or ``linked`` in the
    markup), a second strong word or a weak one; or weak words with a link in the text."""
    strong = {m.lower() for m in _SPAM_STRONG.findall(text)}
    weak = {m.lower() for m in _SPAM_WEAK.findall(text)}
    in_text = _URL.search(text) is not None
    if strong:
        return linked or in_text or len(strong) >= 2 or bool(weak)
    return bool(weak) and (in_text or linked and len(weak) >= 2)
