"""Metadata read from the lines around the body: title, subtitle, outlet, authors, dateline,
publication date and language.

Everything here works on the non-blank ``Line``s of a page and the body mask found by the
line model; nothing is keyed to a particular site. Input hints on the ``Page`` win.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import repeat
from urllib.parse import urlparse

from rashomon.extract.dates import MONTH_WORD, find_dates, parse_anchor, relative_date
from rashomon.extract.lines import CHROME_WORDS, Line, norm_key, tokens
from rashomon.extract.places import is_place

# how far above the first body line the title may sit, in non-blank lines
TITLE_WINDOW = 40
# share of the document title's words a line must hold to be its headline written again
# with a word changed (one word of 6 to 12 differs)
NEAR_HEADLINE = 0.85
# a headline is shown this many times at most (document title, headline, a breadcrumb or
# share text); a line shown more often is a recurring label or name
MAX_TITLE_COPIES = 3
_SITE_SUFFIX = re.compile(r"^(?P<title>.{12,}?)\s+[|–—-]\s+(?P<site>[^|–—-]{2,40})$")
_BYLINE = re.compile(r"^(?:by|written by|words by|posted by|von|por|par)[:\s]\s*(?P<names>.+)$",
                     re.I)
_NAME = re.compile(r"^[A-Z][\w'’.-]+(?:\s+(?:[A-Z][\w'’.-]+|de|da|van|von|al|bin|el|la|le)){1,3}$")
_COPYRIGHT = re.compile(
    r"(?:©|\(c\)|copyright)\s*(?:(?:©|copyright)\s*)?"
    r"(?P<year>(?:19|20)\d{2}\s*(?:[-–]\s*(?:19|20)\d{2}\s*)?,?\s*)?(?:by\s+)?"
    # a name opens with a capital or a letter of a script without case ('ノート100YEN.com'),
    # or is a domain written in lower case ('harbour-news.com')
    r"(?P<name>(?-i:(?:[A-Z]|[^\W\d_a-zA-Z\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff])"
    r"[\w&'’-]*(?:\.[a-z]{2,4})?(?:\s+[A-Z][\w&'’-]*){0,4}"
    r"|(?-i:[a-z0-9][a-z0-9-]*\.[a-z]{2,6}(?:\.[a-z]{2})?)\b))", re.I
)
_RESERVED = re.compile(r"rights\s+reserved|all\s+rights", re.I)
# words that end a company's legal name, not the outlet's ('The Slate Group LLC' -> 'Slate')
_LEGAL_TAIL = re.compile(
    r"(?:[\s,]+(?:Inc|LLC|L\.L\.C|Ltd|Limited|Co|Corp|Corporation|Company|Group|Holdings|"
    r"Pty|GmbH|AG|SA|S\.A|plc|PLC|LP|Media|Interactive)\.?)+$"
)
# capitalised words that open a sentence, not a name ('As CNN's correspondent ...')
_NOT_NAME_START = frozenset({"as", "but", "and", "or", "so", "yet", "in", "on", "at", "for",
                             "if", "when", "while", "since", "after", "before", "meanwhile",
                             "according", "then", "also", "all", "copyright", "image",
                             "photo", "by", "from", "with", "via"})


def _outlet_name(name: str) -> str | None:
    """A name read off a notice or a byline, without sentence openers, a repeated
    'Copyright' or a legal tail; None when nothing is left."""
    words = name.split()
    while words and words[0].lower().strip(".,") in _NOT_NAME_START:
        words.pop(0)
    out = _LEGAL_TAIL.sub("", " ".join(words)).strip(" ,.")
    return out if out and out.lower() != "the" else None


_SUPPORT = re.compile(r"^(?i:support|donate to|subscribe to)\s+(?P<name>[A-Z][\w.'’-]*(?:\s+[A-Z]"
                      r"[\w.'’-]*){0,3})$")
# a newsroom's own words: 'The New Arab's Arabic-language service', 'the Courier's Rome
# bureau'. 'Service' alone is any company's ('Apple's streaming service'), so it needs a
# language or news word before it; 'team' and 'website' are anyone's
_NEWSROOM_WORDS = (
    r"(?:[\w-]+\s+){0,2}(?:correspondent|reporter|bureau|newsroom)\b"
    r"|(?:[\w-]+\s+)?(?:[\w-]+-language|[A-Z][a-z]+(?:ic|ian|ish|ese|i)|news|wire|world)"
    r"\s+service\b"
)
_POSSESSIVE_SERVICE = re.compile(
    r"(?P<name>(?:The\s+)?[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,3})['’]s\s+"
    rf"(?:{_NEWSROOM_WORDS})"
)
# the tail of every ``_POSSESSIVE_SERVICE`` match: found first (a scan from the quote is
# cheap), the full pattern then runs from ``_NAME_REACH`` characters before it (the name's
# five words at most)
_SERVICE_TAIL = re.compile(rf"['’]s\s+(?:{_NEWSROOM_WORDS})")
_NAME_REACH = 200
_SOURCE_OF = re.compile(r"\b(?:an?|the)\s+(?P<name>[\w.-]*[0-9A-Z][\w.-]*)\s+"
                        r"(?:source|correspondent|reporter)\b")
_BODY_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z .'-]{2,30}(?:,\s*[A-Z][\w.]{1,14}(?:\s[A-Z][\w.]*)?)?)"
    r"\s*(?:\([^)]{1,30}\))?\s*[—–-]{1,2}\s"
)
_AGENCY_DATELINE = re.compile(r"^(?P<place>[A-Z][\w .'-]{2,30}?)\s*\((?:Reuters|AP|AFP|CNN[^)]*)\)")
_LANG_WORDS = {
    "en": "the and of to in is that for it with was on are as be by this have from",
    "es": "el la de que y en los del se las por un para con una su al es lo como",
    "pt": "de que e o da do em os para com uma um no na por mais as dos se não",
    "fr": "le la de et les des en du un une est que pour dans qui pas sur au avec",
    "de": "der die und in den von zu das mit sich des auf für ist im dem nicht ein eine",
    "it": "di e il la che in per un del della è non una con sono le gli si da",
    "id": "yang dan di ini itu dengan untuk dari dalam tidak akan ke ada juga pada",
    "nl": "de het een van en in is op te dat die voor met zijn niet aan",
    "ru": "и в не на что с по как это он она но из у за от к же то для",
}
_LANG_SETS = {k: frozenset(v.split()) for k, v in _LANG_WORDS.items()}
# the words of every language: only they are counted (a third of a sample's tokens)
_LANG_ANY = frozenset().union(*_LANG_SETS.values())


@dataclass(slots=True)
class Meta:
    """Metadata of one page and the lines it was read from (indexes into the lines)."""

    title: str | None = None
    title_index: int | None = None
    title_repeats: list[int] = field(default_factory=list)
    subtitle: str | None = None
    subtitle_index: int | None = None
    outlet: str | None = None
    authors: list[str] = field(default_factory=list)
    byline_indexes: list[int] = field(default_factory=list)
    dateline: str | None = None
    dateline_indexes: list[int] = field(default_factory=list)
    published: str | None = None
    published_how: str | None = None
    date_indexes: list[int] = field(default_factory=list)
    language: str | None = None


def _strip_site(text: str, known: set[str] | None = None) -> tuple[str, str | None]:
    """Split 'Title - Site' when the site part is named elsewhere (``known`` keys)."""
    # the pattern backtracks over the whole line: first check what any match needs, 17
    # characters (12, a blank, a separator, a blank and 2), the line's last separator after
    # 13+ characters, then a blank, then at most 40 more
    if len(text) < 17:
        return text, None
    sep = max(text.rfind("|"), text.rfind("-"), text.rfind("–"), text.rfind("—"))
    if sep < 13 or not text[sep + 1 : sep + 2].isspace() or len(text[sep + 1 :].lstrip()) > 40:
        return text, None
    m = _SITE_SUFFIX.match(text)
    if not m:
        return text, None
    site = m.group("site").strip()
    if known is not None and norm_key(site) not in known:
        return text, None
    return m.group("title"), site


@dataclass(slots=True)
class _Keys:
    """Normalised line keys of a page, for spotting repeated titles cheaply."""

    keys: list[str]
    counts: Counter[str]
    known: set[str]
    stripped: dict[str, int]
    truncated: list[str]
    first: set[str]  # words of the page's first line (often the document title)
    slug: set[str]  # words of the URL path
    headline_again: int | None  # the line repeating the first line without its site suffix

    @classmethod
    def of(cls, lines: list[Line], url: str | None) -> _Keys:
        keys = [ln.key for ln in lines]
        counts = Counter(keys)
        known = set(keys)
        host = urlparse(url).hostname if url else None
        if host:
            known.update(norm_key(part) for part in host.split("."))
        stripped: dict[str, int] = {}
        for ln in lines[:60]:
            t, site = _strip_site(ln.text, known)
            if site:
                k = norm_key(t)
                stripped[k] = stripped.get(k, 0) + 1
        truncated = [k for k, ln in zip(keys, lines, strict=True)
                     if ln.text[-1:] in "…." and ln.text.endswith(("…", "...")) and len(k) > 15]
        first: set[str] = set()
        headline_again = None
        if lines:
            # the document title without its site part ('Headline | Section | Site')
            text = lines[0].text
            for _ in range(2):
                text = _strip_site(text, None)[0]
            head = norm_key(text)
            first = set(head.split())
            if head != keys[0] and counts.get(head):
                headline_again = keys.index(head)
            elif head != keys[0] and len(first) >= 5:
                # ... or nearly: the headline with a word changed ('Why you just can't ...')
                headline_again = next(
                    (i for i, ln in enumerate(lines[1:], 1) if 4 <= len(ln.words) <= 40
                     and _overlap(set(ln.words), first) >= NEAR_HEADLINE
                     and abs(len(set(ln.words)) - len(first)) <= 2), None)
        slug = set(re.findall(r"[a-z]+", urlparse(url).path.lower())) if url else set()
        return cls(keys, counts, known, stripped, truncated, first, slug, headline_again)

    def repeated(self, key: str) -> bool:
        """Whether the page shows ``key`` again (whole, with a site suffix, or cut short)."""
        return (self.counts.get(key, 0) > 1 or key in self.stripped
                or any(key.startswith(t) and key != t for t in self.truncated))


# words of buttons and link labels, never of a headline
_TITLE_CHROME = CHROME_WORDS | frozenset(
    "submit opens window external links here information download menu sections".split()
)


def _title_score(ln: Line, i: int, first_body: int, keys: _Keys) -> float:
    key = keys.keys[i]
    toks = ln.words
    nt = len(toks)
    if nt < 3 or nt > 40 or find_dates(ln.text):
        return -9.0
    s = 1.0 if 4 <= nt <= 25 else 0.0
    chrome = sum(map(_TITLE_CHROME.__contains__, toks)) / nt
    s -= 4.0 * chrome
    if ln.text.endswith(".") and ln.text.count(". ") >= 1:
        s -= 1.5
    if ln.text[:1].isupper() or ln.text[:1] in "\"“‘'":
        s += 0.5
    if _BYLINE.match(ln.text) or "|" in ln.text:
        s -= 2.0
    # the title is often written twice (page title, headline) or shortened with an ellipsis;
    # a line written over and over is a label or a name (an author's over each of their
    # teasers), not a headline
    if keys.repeated(key) and keys.counts.get(key, 0) <= MAX_TITLE_COPIES:
        s += 2.0
    # ... and close to the page's own title line or the URL's slug
    words = set(toks)
    s += 2.0 * max(_overlap(words, keys.first) if i else 0.0, _overlap(words, keys.slug))
    if i and i == keys.headline_again:
        s += 1.5  # the document title's headline written on its own line
    if i + 1 < len(keys.keys) and keys.keys[i + 1].startswith(_BYLINE_KEYS):
        s += 1.0  # a headline is signed underneath
    if i == 0:
        # the dump's first line is often the document title ('Headline - Site'), the
        # headline itself written again further down
        if _strip_site(ln.text, keys.known)[1]:
            s += 1.5
        if keys.headline_again is not None:
            s += 3.5
    else:
        s -= 0.04 * max(0, first_body - i - 1)
    return s


# how the article's first paragraph ends, and its words at least (a headline may ask a
# question, or exclaim, in as many words)
_PARAGRAPH_ENDS = (".", "”", '"')
PARAGRAPH_WORDS = 12


def _overlap(a: set[str], b: set[str]) -> float:
    """Share of the smaller word set found in the other (0 when either is tiny)."""
    if len(a) < 3 or len(b) < 3:
        return 0.0
    return len(a & b) / min(len(a), len(b))


def find_title(
    lines: list[Line], body: list[bool], hint: str | None, url: str | None = None
) -> tuple[int | None, str | None]:
    """Index and text of the title line (the hint's line when the page shows it)."""
    keys = _Keys.of(lines, url)
    if hint:
        hk = norm_key(hint)
        for i, k in enumerate(keys.keys):
            if k and (k == hk or norm_key(_strip_site(lines[i].text, keys.known)[0]) == hk):
                return i, hint
        return None, hint
    first_body = body.index(True) if True in body else len(lines)
    best, best_i = 0.0, None
    # the model may take a headline for the first body line: look at the first two too,
    # unless the first is a paragraph (a line under the article's prose is a subheading)
    opens = first_body < len(lines) and lines[first_body].text.endswith(_PARAGRAPH_ENDS) \
        and len(lines[first_body].words) >= PARAGRAPH_WORDS
    window = range(max(0, first_body - TITLE_WINDOW),
                   min(len(lines), first_body + (0 if opens else 2)))
    for i in ([0] if window.start > 0 else []) + list(window):
        if body[i] and lines[i].text.endswith((".", "!", ",", ";", ":", "”", '"')):
            continue
        sc = _title_score(lines[i], i, first_body, keys)
        if sc > best:
            best, best_i = sc, i
    if best_i is None:
        return None, None
    if best_i == 0 and keys.headline_again is not None:
        j = keys.headline_again
        return j, lines[j].text
    text, _ = _strip_site(lines[best_i].text, keys.known)
    key = norm_key(text)
    # the first time the page shows the title (a later copy is a repeat)
    for i in range(max(0, first_body - TITLE_WINDOW), best_i):
        if keys.keys[i] == key:
            return i, lines[i].text
    return best_i, text


def title_repeats(lines: list[Line], title_index: int | None, title: str | None) -> list[int]:
    """Other lines that repeat the title (whole, with a site suffix, or cut with '…')."""
    if not title:
        return []
    tk = norm_key(title)
    out = []
    for i, ln in enumerate(lines):
        k = ln.key
        # the title whole, or with a site suffix that cut off leaves the key's first words
        if k.startswith(tk):
            if (k == tk or norm_key(_strip_site(ln.text, None)[0]) == tk) and i != title_index:
                out.append(i)
        # ... or cut short (the last character tested first: most lines end otherwise)
        elif ln.text[-1:] in "…." and ln.text.endswith(("…", "...")) and len(k) > 15 and \
                tk.startswith(k) and i != title_index:
            out.append(i)
    return out


def find_outlet(lines: list[Line], body: list[bool], url: str | None,
                header: range) -> tuple[str | None, list[int]]:
    """The outlet the page names (title suffix, byline, support or copyright line), or the
    URL's host; with the indexes of the lines that named it."""
    suffix = None
    if lines:
        # the suffix counts when the page names the site on a line of its own, or writes
        # the headline again without it ('Headline - Site', then 'Headline'); the set of
        # keys is built only for a first line with a suffix
        head, suffix = _strip_site(lines[0].text, None)
        if suffix and len(suffix.split()) <= 5:
            keys = {ln.key for ln in lines[1:]}
            if norm_key(suffix) in keys or norm_key(head) in keys:
                return suffix, []
        else:
            suffix = None
    body_text = " ".join([ln.text for ln, b in zip(lines, body, strict=True) if b])
    # ... or when the article names it ('told WIRED')
    if suffix and re.search(rf"(?<!\w){re.escape(suffix)}(?!\w)", body_text):
        return suffix, []
    for i, ln in enumerate(lines):
        if body[i] or ln.text[0] not in "sSdDſ":  # _SUPPORT: support, donate, subscribe
            continue
        m = _SUPPORT.match(ln.text)
        if m:
            return m.group("name"), [i]
    # '<Outlet> <Place>' byline whose first word the body also uses as a source name
    for i in header:
        words = lines[i].text.split()
        if 2 <= len(words) <= 4 and is_place(" ".join(words[1:])) and not body[i]:
            name = words[0]
            if re.search(rf"\b{re.escape(name)}\b", body_text) or any(c.isdigit() for c in name):
                return name, [i]
    tail = _service_tail(body_text)
    m2 = _POSSESSIVE_SERVICE.search(body_text, max(0, tail - _NAME_REACH)) \
        if tail is not None else None
    name = _outlet_name(m2.group("name")) if m2 else None
    if name:
        return name, []
    last_body = last_body_line(body)
    bare: tuple[str, int] | None = None
    owned = False  # the site's notice names its owner, which says nothing of the outlet
    for i, (name, own) in _notices(lines, range(len(lines) - 1, last_body, -1)):
        if is_owner(name):  # (a bare '© Google' under a map is a credit)
            if own:
                owned = True
                break
            continue
        if own:
            return name, [i]
        bare = bare or (name, i)  # a photo credit, unless the page has no notice
    if suffix and _brand(suffix):
        return suffix, []
    if bare and not owned:
        # only a credit under the article: the site's notice may stand above it (in a
        # sidebar the dump writes first)
        for i, (name, own) in _notices(lines, range(last_body)):
            if own and not body[i] and not is_owner(name):
                return name, [i]
        return bare[0], [bare[1]]
    if url:
        host = urlparse(url).hostname or ""
        host = re.sub(r"^(?:www\d?|m|amp|edition)\.", "", host)
        if host:
            return host, []
    return None, []


# words of section and page labels that follow a headline as a site would ('Headline -
# Latest News', 'Headline | Opinion')
_SECTION_WORDS = CHROME_WORDS | frozenset(
    """news latest breaking opinion opinions analysis sport sports business politics world local
    national international entertainment lifestyle culture health science technology tech
    travel live page review reviews blog edition section report reports study poll sources
    source exclusive interview explainer update updates podcast watch listen editorial
    column letters obituary""".split()
)


def _brand(name: str) -> bool:
    """Whether a title suffix reads as a site's name: up to three words, one of them not
    a section label and written with a capital or a digit among letters ('9to5Mac', 'BBC
    News'; not 'Latest News' or 'Page 2')."""
    words = name.split()
    return len(words) <= 3 and any(
        w.lower() not in _SECTION_WORDS and any(c.isalpha() for c in w)
        and (w[0].isupper() or w[0].isdigit()) for w in words)


def last_body_line(body: list[bool]) -> int:
    """Index of the article's last line, -1 when it has none."""
    return len(body) - 1 - body[::-1].index(True) if True in body else -1


def _notices(lines: list[Line], rows: Iterable[int]) -> Iterator[tuple[int, tuple[str, bool]]]:
    """``notice_holder`` of each line of ``rows`` that holds a copyright notice."""
    for i in rows:
        text = lines[i].text
        # what every match holds, tested before the pattern scans the line
        if "©" not in text and "(c)" not in text.lower() and "copyright" not in lines[i].key:
            continue
        held = notice_holder(text)
        if held is not None:
            yield i, held


# companies that own many outlets (or host them) and hold their copyright: such a notice
# does not say which outlet the page is ('© 2019 Gannett' under a USA TODAY story)
_OWNERS = frozenset(name.strip() for name in """
    gannett|hearst|hearst newspapers|hearst communications|hearst magazines|condé nast|
    conde nast|nbcuniversal|nbc universal|comcast|microsoft|
    verizon media|oath|yahoo|aol|news corp|news corporation|fox corporation|tribune|
    tribune publishing|tribune media|mcclatchy|advance local|lee enterprises|gatehouse media|
    digital first media|medianews group|dotdash|dotdash meredith|meredith|iac|graham media group|
    sinclair|nexstar|tegna|gray television|scripps|cox media group|cable news network|
    turner broadcasting system|warnermedia|warner bros discovery|time warner|viacom|viacomcbs|
    paramount|cbs interactive|abc news internet ventures|disney|the walt disney company|
    axel springer|reach plc|dmg media|associated newspapers|future plc|future publishing|
    penske media|valnet|red ventures|ziff davis|bauer media|nine entertainment|fairfax media|
    schibsted|bonnier|mediahuis|rtl group|amazon|google|apple|meta platforms|wordpress|
    automattic|blogger|substack|medium""".split("|"))


def notice_holder(text: str) -> tuple[str, bool] | None:
    """The holder a copyright notice names, and whether the notice is the site's own: one
    with a year or 'rights reserved' is, a bare '© Name' is more often a photo credit."""
    m = _COPYRIGHT.search(text)
    name = _outlet_name(m.group("name")) if m else None
    if not name or name.lower().startswith("the author"):
        return None
    return name, bool(m.group("year") or _RESERVED.search(text))


def is_owner(name: str) -> bool:
    """Whether a notice's holder is a company that owns many outlets (``_OWNERS``)."""
    return " ".join(name.lower().replace(".", "").split()) in _OWNERS


def _service_tail(text: str) -> int | None:
    """Where the first ``_SERVICE_TAIL`` match in ``text`` starts: the pattern is tried at
    each "'s" and "’s" (``str.find`` runs through a body several times faster than the
    pattern's own scan for a quote)."""
    starts = []
    for quote in ("'s", "’s"):
        i = text.find(quote)
        while i >= 0:
            starts.append(i)
            i = text.find(quote, i + 1)
    return next((i for i in sorted(starts) if _SERVICE_TAIL.match(text, i)), None)


# 'by' inside a line, after a date, a time or a bar ('Mar 3, 2024 9:10 am PST by Jo Roe',
# 'October 9, 2018 | by Jo Roe'), or after a label ('Analysis by Jo Roe')
_INNER_BY = re.compile(r"(?:^(?:analysis|opinion|story|text|words|photos?)|[\d|•·:]|[ap]\.?m\.?"
                       r"|(?-i:[A-Z]{3}))\s+by:?\s+(?P<names>(?-i:[A-Z]).+)$", re.I)
# where a byline's names end: a bar, a date or a time, an 'Updated' label
_NAMES_END = re.compile(
    rf"\s*(?:[|•·—–]| - |\b(?:updated|published|posted|on)\b|\d|\b{MONTH_WORD}\.?\s+\d).*$",
    re.I
)
# words of a role or an outlet after a byline's names ('Jo Roe, CNN Business', 'Jo Roe, AP
# National Writer'): such a part is no second author
_ROLE_WORDS = frozenset(
    "business news press writer editor staff correspondent reporter contributor special "
    "associated today network media times post daily herald journal magazine online desk "
    "team agency service wire political national senior chief sports at large".split()
)

# words of place names ('New Hampshire', 'Fort Worth'): a line holding one is a dateline
# rather than an author's name
_PLACE_WORDS = frozenset(
    "new north south east west northern southern eastern western united city county state "
    "island islands province republic kingdom bay lake river mount port valley beach gulf "
    "coast sea saint st san santa fort".split()
)


def _byline_names(names: str) -> list[str]:
    """The person names of a byline's text: 'Jo Roe and Al Poe', 'Jo Roe, CNN Business'."""
    names = _NAMES_END.sub("", names)
    found: list[str] = []
    for k, part in enumerate(re.split(r",|\band\b|&", names)):
        part = part.strip(" ,.")
        words = part.lower().replace("-", " ").split()
        if not _NAME.match(part) or any(w in _ROLE_WORDS for w in words):
            if k == 0:
                return []
            break
        found.append(part)
    return found


# a one-word byline name, a handle or a first name ('By admin - 2018-09-16', 'Posted by Jo')
_HANDLE = re.compile(r"^[^\W\d_][\w'’.-]{1,30}$")
# wire services: 'By Reuters' names the outlet, not an author
_AGENCIES = frozenset(
    "reuters afp ap epa dpa upi pti ians ani ansa efe xinhua tass anadolu bloomberg kyodo "
    "yonhap interfax".split()
)
# a label line over the author's name
_AUTHOR_LABELS = frozenset({"by", "author", "authors", "written by", "posted by", "words by"})
# how the key of a byline opens: one of those labels that end in 'by', then the name
_BYLINE_KEYS = tuple(f"{label} " for label in sorted(_AUTHOR_LABELS) if label.endswith("by"))


def _handle(byline: str, names: str) -> list[str]:
    """The one-word name of an explicit byline: 'Posted by Jo', or 'By admin' with a date or
    a bar after the name (``names``: the byline's text after 'by'); not an agency or an
    acronym ('By Reuters', 'By AFP'), which names the outlet."""
    name = _NAMES_END.sub("", names).strip(" ,.")
    if not _HANDLE.match(name) or name.isupper() or name.lower() in _AGENCIES or \
            name.lower() in _ROLE_WORDS:
        return []
    dated = len(name) < len(names.strip(" ,."))  # something follows the name
    return [name] if dated or byline.lower().startswith(("posted by", "written by")) else []


def _names_over_date(ln: Line) -> list[str]:
    """Names of a bare byline over a date line: 'Jo Roe' alone, or followed by a role or an
    outlet ('Jo Roe, AP National Writer', 'Jo Roe and Al Poe USA TODAY')."""
    text = ln.text
    if _NAME.match(text):
        return [] if any(w in _ROLE_WORDS or w in _PLACE_WORDS for w in ln.words) else [text]
    if len(ln.words) > 12 or text.endswith((".", "!", "?", ":")):
        return []
    found = _byline_names(text)
    named = sum(len(n.split()) for n in found)
    # the words after the names must hold a role or an outlet word
    return found if found and any(w in _ROLE_WORDS for w in ln.words[named:]) else []


def find_authors(lines: list[Line], idxs: range | list[int]) -> tuple[list[str], list[int]]:
    """Authors from the first byline among ``idxs``: a 'By ...' line, or a short line with
    'by' after a date, a time or a label."""
    for i in idxs:
        text = lines[i].text
        m = _BYLINE.match(text)
        if not m and len(text) < 120 and " by" in text.lower():
            m = _INNER_BY.search(text)
        if m:
            found = _byline_names(m.group("names")) or _handle(text, m.group("names"))
            if found:
                return found, [i]
    # a name on a line of its own, over the date line ('Jo Roe' / 'Mar. 3, 2024 9:10 a.m.')
    # or under a bare 'By' or 'Author:'
    for i in idxs:
        text = lines[i].text
        if _BYLINE.match(text) or is_place(text):
            continue
        found = _names_over_date(lines[i])
        if found and i and lines[i - 1].key in _AUTHOR_LABELS and _NAME.match(text):
            return found, [i - 1, i]
        after = lines[i + 1].text if i + 1 < len(lines) else ""
        if found and (find_dates(after) or _PUBLISHED.match(after)):
            return found, [i]
    return [], []


# an author box's bio: 'Jo Roe is a staff writer at the Courier covering ...', 'Jo Roe is the
# Senior Editor of ...' (the role within six words of the verb), or 'Jo Roe covers ...'
_AUTHOR_BIO = re.compile(
    r"^(?!(?:The|A|An|This|That|Our|Their)\s)"
    r"(?P<name>[A-Z][\w'’.-]+(?:\s+(?:[A-Z][\w'’.-]+|de|da|van|von|al|bin|el|la|le)){1,3})\s+"
    # the role heads the phrase: its modifiers hold no preposition ('a partner of the writers')
    r"(?:(?:is|was|has been)\s+(?:a|an|the)\s+(?:(?!(?:of|at|for|in|on|with|to)\s)[\w,-]+\s+)"
    r"{0,4}?(?i:writer|editor|reporter|correspondent|journalist|columnist|contributor|producer"
    r"|blogger|critic)\b(?!['’])"
    r"|(?:covers|writes about|writes for|reports on)\s)"
)


def find_author_bio(lines: list[Line], rows: Iterable[int]) -> tuple[list[str], list[int]]:
    """The author an author box names ('Jo Roe is a staff writer at ...'), in ``rows``."""
    for i in rows:
        m = _AUTHOR_BIO.match(lines[i].text)
        if m and _byline_names(m.group("name")):
            return [m.group("name")], [i]
    return [], []


def find_dateline(
    lines: list[Line], body: list[bool], header: range
) -> tuple[str | None, list[int]]:
    """The place the story was filed from: a '<Outlet> <Place>' line or the body's opening."""
    for i in header:
        words = lines[i].text.split()
        if 2 <= len(words) <= 4 and not body[i]:
            for cut in (1, 2):
                place = " ".join(words[cut:]).strip(" ,;:")
                if cut < len(words) and is_place(place):
                    return place, [i]  # 'PTI, Washington,' -> 'Washington'
    first = next((ln for ln, b in zip(lines, body, strict=True) if b), None)
    if first is not None:
        m = _BODY_DATELINE.match(first.text) or _AGENCY_DATELINE.match(first.text)
        if m and not find_dates(m.group("place")):
            return m.group("place").strip(" ,"), []
    return None, []


_PUBLISHED = re.compile(
    r"(?:first\s+)?(?:published|posted|publicado|publicada|publié|publiée|veröffentlicht|"
    r"pubblicato)\b", re.I
)
_PUBLISHED_INITIALS = frozenset("fFpPvV")


def find_published(lines: list[Line], body: list[bool], title_index: int | None,
                   anchor: object = None) -> tuple[str | None, str | None, list[int]]:
    """Publication date: the first dated line after the title (a date above the title is
    site chrome unless it is the only one next to the title); relative dates only against
    ``anchor``."""
    first_body = body.index(True) if True in body else len(lines)
    t = title_index if title_index is not None else -1
    after: list[tuple[int, str]] = []
    before: list[tuple[int, str]] = []
    # header after the title, then the first body lines (a date written in the lead)
    for i in range(max(t + 1, 0), min(len(lines), first_body + 3)):
        if body[i] and len(lines[i].text) > 200:
            continue
        found = [f for f in find_dates(lines[i].text) if not f.updated]
        if found:
            after.append((i, found[0].iso))
    for i in range(max(0, t - 3), max(t, 0)):
        found = find_dates(lines[i].text)
        if found:
            before.append((i, found[0].iso))
    if after:
        i, iso = after[0]
        return iso, "page-date", [i]
    # a date labelled as the publication's, wherever the page puts it ('First published on
    # May 2, 2024' under the body)
    for i, ln in enumerate(lines):
        if not body[i] and ln.text[:1] in _PUBLISHED_INITIALS and _PUBLISHED.match(ln.text):
            found = [f for f in find_dates(ln.text) if not f.updated]
            if found:
                return found[0].iso, "page-date", [i]
    if before:
        i, iso = before[-1]
        return iso, "page-date", [i]
    anchor_date = parse_anchor(anchor)
    if anchor_date is not None:
        for i in range(max(t + 1, 0), min(len(lines), first_body + 2)):
            rel = relative_date(lines[i].text, anchor_date)
            if rel:
                return rel, "relative", [i]
    return None, None, []


# any character of the scripts ``detect_language`` tells by script alone
_SCRIPTS = re.compile(r"[\u0600-\u06ff\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af]")
# ... opens with one of these bytes in UTF-8 (0xD8-0xDB: U+0600-U+06FF, 0xE3-0xED:
# U+3000-U+DFFF); a sample without any is not searched (encoding it and deleting every other
# byte costs a fifth of the pattern's scan)
_SCRIPT_LEAD_BYTES = bytes([*range(0xD8, 0xDC), *range(0xE3, 0xEE)])
_NOT_SCRIPT_LEAD = bytes(b for b in range(256) if b not in _SCRIPT_LEAD_BYTES)


def detect_language(text: str, toks: list[str] | None = None) -> str | None:
    """ISO 639-1 code from the script or the most frequent function words (``toks``: the
    ``tokens`` of the text's first 4,000 characters, when known)."""
    sample = text[:4000]
    if not sample.strip():
        return None
    if sample.encode("utf-8", "surrogatepass").translate(
        None, _NOT_SCRIPT_LEAD
    ) and _SCRIPTS.search(sample):
        if re.search(r"[\u3040-\u30ff]", sample):
            return "ja"
        if re.search(r"[\uac00-\ud7af]", sample):
            return "ko"
        if len(re.findall(r"[\u4e00-\u9fff]", sample)) > 20:
            return "zh"
        if len(re.findall(r"[\u0600-\u06ff]", sample)) > 20:
            return "ar"
    toks = tokens(sample) if toks is None else toks
    counts = Counter(filter(_LANG_ANY.__contains__, toks))
    get = counts.get
    scores = {lang: sum(map(get, words, repeat(0))) for lang, words in _LANG_SETS.items()}
    lang, best = max(scores.items(), key=lambda kv: kv[1])
    # fewer than 5% function words: not enough evidence for any language
    return lang if best >= max(3, 0.05 * len(toks)) else None
