"""Why a line is not part of the article: the kind of each removed line, with a reason.

Kinds: title-repeat, caption, related, share, newsletter, widget, byline, dateline, date,
comment-label, footer, chrome. Besides naming removed lines, ``inline_kind`` finds lines
the line model kept that still are not article text (captions, '... min read', inline
links to other articles such as 'Read more: ...', bylines beside a date, the rules of a
comment section, legal small print, a line with only the page's date and time).
"""

from __future__ import annotations

import re
from functools import lru_cache

from rashomon.extract.comments import label_of
from rashomon.extract.dates import find_dates
from rashomon.extract.lines import RELATED_FIRST, RELATED_MARKER, tokens

_CAPTION = re.compile(
    r"\[(?:getty|afp|reuters|ap|epa|photo|file|image|courtesy|twitter|screenshot)[^\]]{0,40}\]$"
    r"|^(?:photo|image|picture|credit|illustrative image|illustration|file photo|pictured)\b"
    r"|\((?:photo|image|credit|pictured|file)[^)]{0,60}\)$"
    r"|(?:getty images|shutterstock|/ ?afp|/ ?reuters|ap photo|photo:|image:)[^.]{0,40}$"
    # a credit in brackets: '[NASA via AP]', '[Jane Roe/Reuters]'
    r"|\[[^\]\[]{1,30}(?: via |/)[^\]\[]{1,30}\]$"
    # the agencies' opening: 'This satellite image shows ...', 'In this May 2 photo, ...'
    r"|^(?:in )?this (?:[\w,.'’-]+ ){0,6}?(?:photo|image|picture|illustration)s?"
    r"(?:,| .{0,80}?\b(?:shows?|taken|released|provided)\b)",
    re.IGNORECASE,
)
# a ``_CAPTION`` match not at the start of a line ends the line (before a final newline, as
# ``$`` allows) and spans 70 characters at most ('(' 'pictured', 60 more, ')'): it is
# searched in the line's last 71 characters only
_CAPTION_REACH = 71
# ... there, ``_CAPTION``'s alternatives that need not open the line (the others match at its
# start only, where ``_CAPTION.match`` tries them), opening with a class of their first
# characters (not case-folded, so that the search skips ahead to them; 'ſ' is an ignore-case
# 's', 'ı' and 'İ' an 'i') and a look-behind at it for the alternatives it opens
_CAPTION_END = re.compile(
    r"(?-i:[\[(/GSAPIgsapiſıİ])(?:(?<=\[)(?:(?:getty|afp|reuters|ap|epa|photo|file|image|courtesy"
    r"|twitter|screenshot)[^\]]{0,40}\]$|[^\]\[]{1,30}(?: via |/)[^\]\[]{1,30}\]$)"
    r"|(?<=\()(?:photo|image|credit|pictured|file)[^)]{0,60}\)$"
    r"|(?:(?<=g)etty images|(?<=s)hutterstock|(?<=/) ?(?:afp|reuters)|(?<=a)p photo|(?<=p)hoto:"
    r"|(?<=i)mage:)[^.]{0,40}$)",
    re.IGNORECASE,
)
_INLINE_LINK = re.compile(
    r"^(?:read more|read also|also read|see also|related|recommended|watch|listen|more|comment"
    r"|opinion|analysis|explainer|in pictures|video|don'?t miss|must read|click here|related"
    r" article|related story|read next|see more|also on \w+)\s*[:>»|]\s*\S",
    re.IGNORECASE,
)
_GALLERY = re.compile(r"^\d{1,3}\s+of\s+\d{1,3}\s+\S")
# 'X contributed reporting from Y.', 'A, B and C contributed to this report.', 'Additional
# reporting by X': who else reported the story (a credit, not its text)
_CONTRIBUTED = re.compile(
    r"\bcontributed (?:additional )?(?:reporting\b|to this (?:report|story|article)\b)"
    r"|^(?:additional )?reporting by\b",
    re.IGNORECASE,
)
_CREDIT_WORDS = frozenset(("contributed", "reporting"))
# an author named beside the date: 'By Jo Bo | May 2, 2024 at 9:10 AM', 'May 2, 2024 by Jo Bo'
_DATED_BYLINE = re.compile(r"\b[Bb]y\s+(?:[A-Z][\w.'’-]*\s*){1,4}(?:$|[|•·–—-])")
# a photo credit closing a caption: '(Jane Roe/The Courier via AP)', '(AP Photo/Jo Bo)'
_CREDIT_END = re.compile(r"\((?:[A-Z][\w.'’-]*\s?){1,4}/\s?[^()/]{2,60}\)$")
# agency captions run long (60 words and more); one closed by a credit is a caption up to
# this many words
MAX_CREDITED_CAPTION = 120
# words of a newsletter prompt that names the newsletter ('Enjoyed this piece? Sign up
# for The Harbour Brief and find the next one in your inbox each morning.')
MAX_NEWSLETTER_PROMPT = 35
# the legal small print and the author's contact line of a page footer
_LEGAL = re.compile(
    r"\bmay not be (?:reproduced|republished|redistributed|copied)(?:,| or\b| in whole| without)"
    r"|\bregistered trademarks? of\b|\bwithout (?:the )?(?:prior|express) written"
    r" (?:permission|consent)\b|\b(?:can|may) be reached at \S+@\S+",
    re.IGNORECASE,
)
_LEGAL_WORDS = frozenset(
    "reproduced republished redistributed copied trademark trademarks written reached".split()
)
# a photo agency closing a caption: 'Jane Roe / AFP', 'Getty Images', 'AP Photo/Jo Bo'
_AGENCY_END = re.compile(
    r"(?:/ ?(?:afp|reuters|ap|epa|anadolu|xinhua|getty images)|getty images|shutterstock)\s*$",
    re.IGNORECASE,
)
# last words of the captions ``_AGENCY_END`` finds
_AGENCY_LAST = frozenset("afp reuters ap epa anadolu xinhua images shutterstock".split())
# legal notices run to a few sentences
MAX_LEGAL_NOTICE = 80
# words of a line that only dates the page: 'Nov. 18, 2019 7:04 pm ET', 'Updated 9:10 AM'
_DATE_WORDS = frozenset(
    """jan feb mar apr may jun jul aug sep sept oct nov dec january february march april june
    july august september october november december mon tue wed thu fri sat sun monday
    tuesday wednesday thursday friday saturday sunday am pm a m p et est edt pt pst pdt ct
    cst cdt mt gmt utc bst cet hst at updated published posted on last""".split()
)
_CLOCK = re.compile(r"\b\d{1,2}:\d{2}\b")
_MONTH_STARTS = frozenset(w[:3].capitalize() for w in _DATE_WORDS if len(w) >= 3) | frozenset(
    ("Upd", "Pub", "Pos", "Las"))


def _only_date(text: str, toks: list[str]) -> bool:
    """Whether a short line holds nothing but the page's date and time and their labels. A
    time alone ('4:14 p.m.') opens an entry of a live blog and dates alone ('29 May 2018 |
    3 June 2019') may be a fact of the article, so both a year and a time are needed."""
    return (
        any(len(t) == 4 and t[:2] in ("19", "20") and t.isdecimal() for t in toks)
        and _CLOCK.search(text) is not None
        and all(t.isdecimal() or t in _DATE_WORDS for t in toks)
    )


# the rules of a comment section: 'please be respectful of other commenters'
_COMMENT_RULES = re.compile(
    r"\b(?:please|kindly)\b[^.]{0,40}\b(?:respectful|civil|courteous|on[- ]topic)\b"
    r"|\bcomment(?:ing)? (?:policy|guidelines|rules)\b|\bcommunity (?:guidelines|standards)\b",
    re.IGNORECASE,
)
# how ``_BYLINE`` matches open
_BY_CASES = frozenset(("by", "By", "bY", "BY"))
# 'By Jane Doe', 'BY STAFF REPORTER', 'By A. Name and B. Name | Agency': names only
_BYLINE = re.compile(r"^(?i:by):?\s+(?:[A-Z][\w.'’-]*|and|&|,|\||[A-Z]+)(?:\s+(?:[A-Z][\w.'’-]*|"
                     r"and|&|,|\||of|the|[A-Z]+))*$")
_PROMPT = re.compile(r"(?:^|[.!]\s+)(?:sign up|subscribe|stay up to date|get (?:our|the)|join)\b",
                     re.I)
_READ_TIME = re.compile(r"^\d+\s*(?:-|\s)?min(?:ute)?s?\.?\s+(?:read|watch|listen)\b", re.I)
_SHARE = re.compile(r"\b(?:share|tweet|facebook|twitter|whatsapp|pinterest|linkedin|email"
                    r"|print|copy link|telegram|reddit|sharing is caring)\b", re.I)
_NEWSLETTER = re.compile(r"\b(?:newsletter|subscribe|sign up|inbox|alerts?)\b", re.I)
_FOOTER = re.compile(r"©|\bcopyright\b|all rights reserved|privacy policy|terms of (?:use|service)"
                     r"|cookie", re.I)
_WIDGET = re.compile(r"^(?:support|donate)\b|^[\d.,\s]*[$€£]\s*$|^[$€£][\d.,\s]*$|\bdonat", re.I)
_FOLLOW = re.compile(r"^follow (?:us|me)\b|stay connected|\bfollow\b.*\bon\b", re.I)


# Words (or lower-case substrings) every match of a pattern holds: the unanchored patterns
# scan slowly, so they run only on lines that hold one. The letters of a caption hint are
# word characters, so they occur in the lower-cased line exactly where they occur in its key
# (its lower-cased words joined by blanks, a fifth of the cost of lower-casing the line).
_CAPTION_HINTS = ("[", "(", "/", "getty", "shutterstock", "photo", "image", "picture",
                  "credit", "illustra", "file")
_SHARE_WORDS = frozenset("""share tweet facebook twitter whatsapp pinterest linkedin email print
    copy telegram reddit sharing""".split())
_FOLLOW_WORDS = frozenset(("follow", "connected"))
_NEWSLETTER_WORDS = frozenset("newsletter subscribe sign inbox alert alerts".split())
_FOOTER_WORDS = frozenset("copyright rights privacy terms".split())


def _caption(text: str, key: str) -> bool:
    """Whether ``_CAPTION`` matches in ``text`` (``key``: its ``norm_key``, or the text
    lower-cased)."""
    # the characters and words of _CAPTION_HINTS, tested one by one (cheaper than a loop)
    return (
        "[" in text
        or "(" in text
        or "/" in text
        or "getty" in key
        or "shutterstock" in key
        or "photo" in key
        or "image" in key
        or "picture" in key
        or "credit" in key
        or "illustra" in key
        or "file" in key
    ) and (
        _CAPTION.match(text) or _CAPTION_END.search(text, max(0, len(text) - _CAPTION_REACH))
    ) is not None


def _share(text: str, hits: set[str]) -> bool:
    """A share or follow prompt (``hits``: the line's words of ``_KIND_WORDS``)."""
    if not _FOLLOW_WORDS.isdisjoint(hits) and _FOLLOW.search(text):
        return True
    return not _SHARE_WORDS.isdisjoint(hits) and not text.endswith(".") and \
        _SHARE.search(text) is not None


def _related_first(text: str, toks: list[str]) -> bool:
    """Whether ``RELATED_MARKER`` may match ``text`` (its tokens ``toks``): the first word is
    one its matches open with, or the line opens with a character outside ASCII, which the
    pattern's ignore-case matching may take for a letter of that word ('ſ' for 's', 'İ'
    for 'i'; the longest such word, 'recommended', and the boundary after it span 12)."""
    return bool(toks) and toks[0] in RELATED_FIRST or not text[:12].isascii()


@lru_cache(maxsize=65536)
def inline_kind(text: str) -> str | None:
    """Kind of a kept line that is still not article text, or ``None`` when it is."""
    return inline_kind_of(text, tokens(text))


def inline_kind_of(text: str, toks: list[str], hits: set[str] | None = None) -> str | None:
    """``inline_kind`` of a line whose tokens (``tokens(text)``, or its key split) are known,
    and ``hits``, its words of ``_KIND_WORDS`` when known; not cached, for lines seen once
    such as body paragraphs. Each anchored pattern runs only on lines that open as its
    matches do."""
    digit_first = text[:1].isdecimal()  # ``\\d``
    if digit_first and _READ_TIME.match(text):
        return "widget"
    n = len(toks)
    if n <= MAX_CREDITED_CAPTION and (
        text.endswith(")")
        and _CREDIT_END.search(text)
        or n
        and toks[-1] in _AGENCY_LAST
        and _AGENCY_END.search(text[-40:])
    ):
        return "caption"
    # (one scan rules out both words on most lines)
    if (
        "omment" in text
        and ("comment" in text or "Comment" in text)
        and _COMMENT_RULES.search(text)
    ):
        return "comment-label"
    if n > MAX_LEGAL_NOTICE:  # longer than any line the tests below take
        return None
    if hits is None:
        hits = _KIND_WORDS.intersection(toks)
    if not _LEGAL_WORDS.isdisjoint(hits) and _LEGAL.search(text):
        return "footer"
    if n <= 10 and (digit_first or text[:3] in _MONTH_STARTS) and _only_date(text, toks):
        return "date"
    if len(text) > 400:  # far beyond the 40 words of the longest caption kept below
        return None
    if n > 40:
        return None
    if _caption(text, " ".join(toks)) or digit_first and _GALLERY.match(text):
        return "caption"
    if n <= 10 and text[:2] in _BY_CASES and _BYLINE.match(text) and not text.endswith("."):
        return "byline"
    # a contributors' credit closing a wire or newspaper story (40 words at most, as cut
    # above: a wire story crediting seven reporters takes about 22)
    if not _CREDIT_WORDS.isdisjoint(hits) and _CONTRIBUTED.search(text):
        return "byline"
    if (
        n <= 20
        and "by" in hits
        and not text.endswith(".")
        and _DATED_BYLINE.search(text)
        and find_dates(text)
    ):
        return "byline"
    # a prompt naming the newsletter or the inbox may run to two sentences
    if (
        n <= MAX_NEWSLETTER_PROMPT
        and not _NEWSLETTER_WORDS.isdisjoint(hits)
        and (n <= 15 or "newsletter" in hits or "inbox" in hits)
        and _NEWSLETTER.search(text)
        and _PROMPT.search(text)
    ):
        return "newsletter"
    # every _INLINE_LINK match holds one of ':>»|' (four scans for a character cost a third
    # of one pattern scan for the four)
    if (
        n <= 25
        and (":" in text or ">" in text or "|" in text or "»" in text)
        and _INLINE_LINK.match(text)
        and not text.rstrip().endswith(".")
    ):
        return "related"
    if n <= 6 and toks and toks[0] in RELATED_FIRST and RELATED_MARKER.search(text):
        return "related"
    if n <= 12 and _share(text, hits):
        return "share"
    return None


# Every specific kind needs one of these words or characters; a line without any is plain
# chrome or footer (a set test is much cheaper than the patterns below).
_TRIGGER_WORDS = frozenset(
    """getty afp reuters ap epa photo photos image images picture pictures credit credits
    illustrative illustration pictured courtesy screenshot file shutterstock twitter read see
    watch listen related recommended more comment comments opinion analysis explainer video
    miss must click also min mins minute minutes share shares tweet facebook whatsapp
    pinterest linkedin email print copy link telegram reddit follow connected copyright
    rights reserved privacy terms cookie cookies newsletter newsletters subscribe
    subscription subscribers sign inbox alert alerts support donate donation donations
    donating by ago reply replies report like likes notify newest voted rating vote votes
    says wrote log discussion sort popular trending next further latest sponsored picks
    stories case web feedback feedbacks view please thoughts quote edit delete permalink flag
    response responses reaction reactions leave dislike top don dont in also""".split()
)
_TRIGGER_CHARS = re.compile(r"[©$€£\d:\[(@]")
# every word the tests of a kind look for: a line's words among them are looked up once,
# and each test reads that handful instead of all the line's words
_KIND_WORDS = (_TRIGGER_WORDS | _LEGAL_WORDS | _CREDIT_WORDS | _NEWSLETTER_WORDS | _SHARE_WORDS
               | _FOLLOW_WORDS | _FOOTER_WORDS | {"by"})


def plain_kind(words: list[str], text: str, after_body: bool) -> tuple[str, str] | None:
    """``removed_kind`` of a line with none of the words or characters of a specific kind
    (``words``: its ``norm_key`` split), else ``None``; cheaper than ``removed_kind``."""
    if _TRIGGER_WORDS.isdisjoint(words) and not _TRIGGER_CHARS.search(text):
        return ("footer", "after the article") if after_body else \
            ("chrome", "site navigation or header")
    return None


#: the reason given for each kind ``inline_kind_of`` finds
INLINE_REASONS = {
    "widget": "reading-time or widget line",
    "caption": "image caption",
    "byline": "author line",
    "newsletter": "newsletter prompt",
    "related": "link to another article or list label",
    "share": "share or follow prompt",
    "comment-label": "rules of the comment section",
    "footer": "legal notice or the author's contact line",
    "date": "date line",
}


@lru_cache(maxsize=65536)
def removed_kind(text: str, *, after_body: bool, key: str | None = None) -> tuple[str, str]:
    """Kind and reason for a line left out of the article (``key``: its ``norm_key``, when
    known)."""
    toks = tokens(text) if key is None else key.split()
    hits = _KIND_WORDS.intersection(toks)
    if _TRIGGER_WORDS.isdisjoint(hits) and not _TRIGGER_CHARS.search(text):
        return ("footer", "after the article") if after_body else \
            ("chrome", "site navigation or header")
    low = text.lower()
    n = len(toks)
    kind = inline_kind_of(text, toks, hits)
    if kind:
        return kind, INLINE_REASONS[kind]
    if label_of(text, toks):
        return "comment-label", "comment widget label"
    if n <= 10 and _related_first(text, toks) and RELATED_MARKER.search(text):
        return "related", "label of a list of other articles"
    if ("©" in text or "cookie" in low or not _FOOTER_WORDS.isdisjoint(hits)) and \
            _FOOTER.search(text):
        return "footer", "copyright or legal line"
    if n <= 25 and not _NEWSLETTER_WORDS.isdisjoint(hits) and _NEWSLETTER.search(text):
        return "newsletter", "newsletter or subscription prompt"
    if n <= 6 and ("support" in low or "donat" in low or "$" in low or "€" in low or "£" in low) \
            and _WIDGET.search(text):
        return "widget", "donation or widget line"
    if low.startswith(("by ", "by:")) and n <= 12:
        return "byline", "author line"
    if n <= 12 and find_dates(text):
        return "date", "date line"
    if after_body:
        return "footer", "after the article"
    return "chrome", "site navigation or header"
