"""Reader comments in a text dump: where the thread starts, authors, replies and spam.

A comment section shows either widget labels ('Notify of', '12 Comments', 'Reply',
'2 days ago') or, in bare dumps, a rhythm of short name lines each followed by prose. The
thread starts at the first such sign after the article; from there lines are labels,
author names or comment text, and comment text is grouped into comments.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from rashomon.extract.dates import MONTH_WORD, find_dates
from rashomon.extract.lines import (
    CHROME_WORDS,
    COMMENT_WORDS,
    OPENER_WORDS,
    RELATED_FIRST,
    RELATED_MARKER,
    Line,
    is_comment_marker,
    is_thread_opener,
    tokens,
)
from rashomon.extract.spam import spam_reason
from rashomon.model import Comment, Removed

_SENT_END = tuple('.!?,;:"”’»…')
# a name cut to its initial ('Beth K.'): the full stop closes no sentence
_INITIAL_END = re.compile(r"\s[A-Z]\.$")
_NAME_LINE = re.compile(r"^[\w@][\w .'’()@&|-]{0,44}$")
_EXTRA_AT_START = (
    r"^\(?view all\)?$|^top rated comments$"
    r"|^(?:quote|reply|report|like|dislike|share|edit|delete|permalink|flag)$"
    r"|^\d{1,2}:\d{2}\s*(?:[ap]m)?$|^\[\s*\d+\s+comments?\s*\]$|^cancel reply$"
    r"|^new (?:follow-up )?(?:comments|replies)(?: to my comments)?$"
    r"|^(?:oldest|newest|most (?:voted|liked|popular|recent))(?: first)?$"
)
_EXTRA_LABELS = re.compile(
    _EXTRA_AT_START + r"|\bplease comment\b|\bwould love your thoughts\b"
    r"|\blogged in to (?:post a )?(?:comment|reply)|\bbe the first to (?:comment|reply)\b"
    r"|\bjoin the (?:discussion|conversation)\b",
    re.IGNORECASE,
)
# ``_EXTRA_LABELS`` in two, as ``lines.COMMENT_MARKER`` (``_extra_label``)
_EXTRA_START = re.compile(_EXTRA_AT_START, re.IGNORECASE)
_EXTRA_SEARCH = re.compile(
    r"(?-i:[BJLPWbjlpw])(?<!\w.)(?:(?<=p)lease comment\b|(?<=w)ould love your thoughts\b"
    r"|(?<=l)ogged in to (?:post a )?(?:comment|reply)|(?<=b)e the first to (?:comment|reply)\b"
    r"|(?<=j)oin the (?:discussion|conversation)\b)",
    re.IGNORECASE,
)
# the heading blog engines put over a thread: '12 thoughts on "Title"', '3 responses to ...'
_COUNT_OPENER = re.compile(r"^\d+\s+(?:thoughts|responses|replies|comments)\s+(?:on|to)\s",
                           re.IGNORECASE)
_REPLY_TO = re.compile(r"^(?:@(?P<at>[\w.-]+)|(?:in )?reply to (?P<to>[\w .'-]{2,40}?)[:,]?)\b",
                       re.IGNORECASE)
# a commenter's name over their comment, as blog engines write it: 'Jo Roe says:'
_SAYS_AUTHOR = re.compile(r"^(?P<name>[\w@][\w.'’@-]*(?:\s[\w.'’@-]+){0,3}?)\s+(?:says|wrote):?$",
                          re.IGNORECASE)
# a commenter's name (one to four words) before the date of the comment on the same line
_DATED_AUTHOR = re.compile(
    r"^(?P<name>[\w@][\w.'’@-]*(?:\s[\w.'’@-]+){0,3}?)\s+(?:on\s+|[-–—|•]\s*)?"
    rf"(?=\d|{MONTH_WORD}\.?\s+\d)", re.IGNORECASE
)
# the comment form's small print (blog engines write it under every thread)
_FORM = re.compile(
    r"\b(?:save my name, email|remember my (?:details|name)|notify me (?:of|via|when|by)"
    r"|akismet|required fields are marked|email address will not be published)"
    # its fields: 'Name *', 'Email (required)', 'Website'
    r"|^(?:name|e-?mail|website|url|comment)\s*(?:\*|\(required\))?$",
    re.IGNORECASE,
)
# the site's footer under the thread: the thread is over
_COPYRIGHT = re.compile(r"©|\(c\) \d{4}|^copyright\b|\ball rights reserved\b", re.IGNORECASE)
# what a timestamp line holds besides its date: 'August 22, 2018 at 5:57 am', 'Posted on ...'
_TIMESTAMP_REST = re.compile(
    r"(?:\b(?:at|on|posted|updated|edited|said|says|wrote|am|pm|a\.m|p\.m|[ECMP][SD]?T|HST|GMT|UTC)\b|"
    rf"\b{MONTH_WORD}\b|[\d\W_])+",
    re.IGNORECASE,
)


def is_timestamp(text: str) -> bool:
    """A line that is a date (and time) alone, as a comment's header shows it ('August 22,
    2018 at 5:57 am', 'on May 2, 2024 at 9:12 am said:')."""
    return len(text) <= 60 and not _TIMESTAMP_REST.sub("", text) and bool(find_dates(text))


# a widget that says it holds no comment: it opens no thread
_NO_COMMENTS = re.compile(r"^(?:0|no)\s+(?:comments?|responses?|replies)\b", re.IGNORECASE)
# a widget that says the thread is over
_CLOSED = re.compile(r"^comments (?:are|now) closed\b", re.IGNORECASE)
# a link to the whole thread: under comments already shown, it ends what the page shows
_ALL_COMMENTS = re.compile(
    r"^\[?\s*(?:read|view|see|show|load)\s+(?:all|more)\s+(?:\d+\s+)?(?:comments|replies)\s*\]?$",
    re.IGNORECASE,
)
# headings of the lists a site puts under its threads ('Recent Posts', 'Popular Posts',
# 'Related'): the thread ends there (tested on lines whose first word is in _SECTION_FIRST).
# 'Previous post' and 'Next post' are left out: blogs put them between the article and its
# thread
_SECTION_AFTER = re.compile(
    RELATED_MARKER.pattern + r"|^(?:recent|latest|archives?)"
    r"(?:\s+(?:blog\s+)?(?:posts?|articles?|stories|entries|news))?$"
    r"|^about (?:me|us|the author)$",
    re.IGNORECASE,
)
_SECTION_FIRST = RELATED_FIRST | {"recent", "archive", "archives", "about"}
# labels of the links to the neighbouring posts that blogs put around their threads
_POST_NAV = frozenset(f"{a} {b}" for a in ("previous", "next", "older", "newer")
                      for b in ("post", "article", "story", "entry"))
# the mark a blog puts at the end of a post's excerpt ('... the number of players […]'): a
# list of other posts, not a reader's comment
_EXCERPT_END = ("[…]", "[...]", "[&hellip;]")
# ... and of a comment cut short in a 'Recent comments' widget ('Jo Roe: Well said, the…')
_CUT_END = ("…", "...")
# ... this many lines in a row (a reader may trail off once or twice)
CUT_LINES = 3
# how many lines after a possible start the comment rhythm must show itself in
LOOKAHEAD = 24
# name-then-comment pairs needed there to call a bare dump a thread
MIN_PAIRS = 3
# ... whose names have at most this many words on average (headlines have 4 to 14;
# commenters' names on real threads average under 3, though a handle may run to 5)
NAME_WORDS = 3.5
# lines in a row that are not comment text and end the thread (the site footer)
JUNK_RUN = 4


# every ``COMMENT_MARKER`` match holds one of these words, every ``_EXTRA_LABELS`` match one
# of ``_EXTRA_WORDS`` or is a time (a digit first, a colon): the patterns run only on lines
# that pass (they scan slowly)
_MARKER_WORDS = COMMENT_WORDS | {"point"}
_EXTRA_WORDS = frozenset(
    """please thoughts view top quote reply report like dislike share edit delete permalink
    flag comment comments logged cancel new oldest newest most thoughts responses replies
    discussion conversation""".split()
)
_OPENER_TEST = OPENER_WORDS.isdisjoint


def _extra_label(text: str) -> bool:
    """Whether ``_EXTRA_LABELS`` matches in ``text``."""
    return _EXTRA_START.match(text) is not None or _EXTRA_SEARCH.search(text) is not None


@lru_cache(maxsize=65536)
def is_label(text: str) -> bool:
    """A comment-widget label or timestamp line rather than anything a reader wrote."""
    # (``label_of`` reads no word of a line longer than 80 characters: a comment's text is
    # not tokenised)
    return label_of(text, tokens(text) if len(text) <= 80 else [])


def label_of(text: str, toks: list[str]) -> bool:
    """``is_label`` of a line whose tokens are known (not cached)."""
    digit_first = text[:1].isdigit()
    if digit_first and _COUNT_OPENER.match(text):
        return True
    if len(text) > 80:
        return False
    return bool(
        (not _MARKER_WORDS.isdisjoint(toks) and is_comment_marker(text))
        or ((digit_first and ":" in text or not _EXTRA_WORDS.isdisjoint(toks))
            and _extra_label(text))
    )


def is_name_line(ln: Line) -> bool:
    """A line that could be a commenter's name: 1-6 words, no sentence punctuation (a
    closing initial aside), not a heading ('Something to Consider', 'More in Politics')."""
    s = ln.text
    toks = ln.words
    return 1 <= len(toks) <= 6 and (not s.endswith(_SENT_END) or s.endswith(".") and
                                    _INITIAL_END.search(s) is not None) \
        and bool(_NAME_LINE.match(s)) and not s.isdigit() and CHROME_WORDS.isdisjoint(toks) \
        and not (s[:1].isupper() and not _HEADING_WORDS.isdisjoint(toks[1:-1])) \
        and not is_label(s) and not RELATED_MARKER.search(s)


# words inside a Title Case heading that no name holds (name particles such as 'de', 'van'
# or 'al' are not among them, nor the 'from' of 'Jen from Ohio')
_HEADING_WORDS = frozenset("to in for on with about into is are your our this".split())


def _is_prose(ln: Line) -> bool:
    return not is_label(ln.text) and not is_name_line(ln)


def _said(lines: list[Line], i: int) -> bool:
    """Whether the text under name line ``i`` reads like a comment: a sentence of 4+ words."""
    for j in range(i + 1, min(len(lines), i + 4)):
        if not is_label(lines[j].text):
            t = lines[j].text
            return len(lines[j].words) >= 4 and t.endswith((".", "!", "?", "…", ")", '"', "”"))
    return False


def author_lines(lines: list[Line], lo: int, hi: int) -> list[int]:
    """Indexes in [lo, hi) of name lines followed (past labels) by comment text."""
    return [i for i in range(lo, hi) if _is_author(lines, i)]


def _text_follows(lines: list[Line], i: int) -> bool:
    """Whether comment text follows line ``i``, past up to three label lines."""
    j = i + 1
    while j < len(lines) and is_label(lines[j].text) and j - i <= 3:
        j += 1
    return j < len(lines) and _is_prose(lines[j]) and _commentish(lines[j])


def _is_author(lines: list[Line], i: int) -> bool:
    """Whether line ``i`` is a name line followed (past labels) by comment text; a name the
    widget cut short ('mike...') counts over the time of the comment."""
    ln = lines[i]
    if not is_name_line(ln) and not (
            ln.text.endswith(_CUT_END) and i + 1 < len(lines)
            and (is_timestamp(lines[i + 1].text) or is_label(lines[i + 1].text))
            and is_name_line(replace(ln, text=ln.text.rstrip(".…")))):
        return False
    return _text_follows(lines, i)


def _dated_author(lines: list[Line], i: int) -> Line | None:
    """The name part of a commenter line that carries the comment's date ('Jo Roe May 2,
    2024 - 1:01 pm', 'Jo Roe on May 2, 2024 at 9:12 am said:') when comment text follows,
    as a line of its own; else None."""
    ln = lines[i]
    m = _DATED_AUTHOR.match(ln.text) if len(ln.text) <= 90 else None
    if m is None or not find_dates(ln.text[m.end("name"):]):
        return None
    if not _text_follows(lines, i):
        return None
    return _name_part(ln, m.end("name"))


def _name_part(ln: Line, length: int) -> Line:
    """The name that opens a commenter line (its first ``length`` characters), as a line
    of its own."""
    name = ln.text[:length]
    words = tokens(name)
    return replace(ln, text=name, end=ln.start + length, key=" ".join(words), words=words)


def _label_after(ln: Line, name: Line, reason: str) -> Removed:
    """What follows the name on a commenter line ('says:', 'on May 2, 2024 at 9:12 am')."""
    rest = ln.text[len(name.text) :].lstrip()
    return Removed(rest, "comment-label", ln.end - len(rest), ln.end, reason)


def thread_start(lines: list[Line], body: list[bool], after: int = 0,
                 prob: list[float] | None = None) -> int | None:
    """Index of the first line of the comment section, or ``None`` when there is none.

    Only positions after at least three body lines count, so a widget label in the site
    header does not swallow the article; and from ``after`` on (past a section that held
    no comment). ``prob``: the line model's body probabilities, when known.
    """
    n = len(lines)
    seen_body = 0
    begin = n
    for i in range(n):
        seen_body += body[i]
        if seen_body >= 3:
            begin = i
            break
    # candidates (cheap tests first): short lines with a word of a thread label, and lines
    # under a label or a line ending with ':' (every RELATED_MARKER match opens with a word
    # of RELATED_FIRST)
    for i in range(max(begin, after), n):
        ln, prev = lines[i], lines[i - 1]
        s = ln.text
        labelish = len(s) <= 60 and not _OPENER_TEST(ln.words)
        under_label = bool(prev.words) and prev.words[0] in RELATED_FIRST  # its key's first word
        if not (labelish or s[:1].isdigit() or prev.text.endswith(":") or under_label):
            continue
        if s[:1] in "0Nn" and _NO_COMMENTS.match(s) or ln.key == "comment":
            # '0 Comments' is an empty widget, whatever follows it; a bare 'Comment' is a
            # button (beside 'Share' and 'Tweet', under a teaser) or a form field
            continue
        if labelish and is_thread_opener(s) or s[:1].isdigit() and _COUNT_OPENER.match(s):
            # a label opens the thread when the widget goes on (another label) or comment
            # text follows within a few lines: a commenter's name over their text, or prose
            # that is no site prompt (menu entries or a newsletter line under 'Have your
            # say' are not a reader's)
            if _widget_follows(lines, i, prob):
                return i
        above = prev.text  # i >= 2: three body lines come first
        opens = (above.endswith(":") and len(above) < 60) or (
            under_label and RELATED_MARKER.search(above))
        if opens and is_name_line(ln):
            # bare dump: name, comment, name, comment ... right after a section label
            names = author_lines(lines, i, min(n, i + LOOKAHEAD))
            said = [j for j in names if _said(lines, j)]
            # (headlines over standfirsts, a list of other articles, have the rhythm too,
            # but run longer than people's names)
            if len(said) >= MIN_PAIRS and names[0] == i and sum(
                    len(lines[j].words) for j in said) <= NAME_WORDS * len(said):
                return i
    return None


#: a line the model gives this much is the article's, even under a 'Comments' label (of the
#: threads of the benchmark, seed and written pages, no first comment scored above 0.82)
SURE_BODY = 0.9


def _widget_follows(lines: list[Line], i: int, prob: list[float] | None) -> bool:
    """Whether a comment widget goes on under the label at line ``i``: another label, a
    commenter's name over their text, or, first under the label, prose that is no site
    prompt (menu entries or a newsletter line under 'Have your say' are not a reader's)
    and that the model is not sure is the article's (``SURE_BODY``: the article going on
    past a 'Comments' button). The same label again is a button shown twice."""
    from rashomon.extract.kinds import inline_kind  # (kinds reads this module's labels)

    first = True  # the first line under the label, past other labels
    for j in range(i + 1, min(len(lines), i + 8)):
        ln = lines[j]
        if is_label(ln.text):
            if ln.key != lines[i].key:
                return True
            continue
        if _is_author(lines, j) or first and _is_prose(ln) and _commentish(ln) and \
                (prob is None or prob[j] < SURE_BODY) and inline_kind(ln.text) is None:
            return True
        first = False
    return False


def _about_author(name: Line, text: Line) -> bool:
    """Whether ``text`` under the name line ``name`` is that person's bio ('Jo Roe is a
    nurse and writer ...'), as an author box shows it: a reader does not open a comment
    with their own name."""
    words = name.words
    return 0 < len(words) < len(text.words) and text.words[: len(words)] == words and \
        text.words[len(words)] in _BIO_VERBS


# what a bio says of the person it opens with
_BIO_VERBS = frozenset("is was has lives writes grew loves became".split())


def _addressed_replies(comments: list[Comment]) -> None:
    """Set the parent of a comment that addresses an earlier commenter by name ('Go for it,
    Bo!', '..., too, Mary Collette.'): the nearest of the ``REPLY_REACH`` comments above."""
    for k, c in enumerate(comments):
        if c.parent is not None or not c.author:
            continue
        own = c.author.split()[0]
        for j in range(k - 1, max(-1, k - 1 - REPLY_REACH), -1):
            name = (comments[j].author or "").split()
            if name and len(name[0]) >= 2 and name[0] != own and re.search(
                    rf"(?:^|[,;:!?.]\s|^@)@?{re.escape(name[0])}(?:\s[A-Z][\w'’-]+)?(?:[,;:.!?]|$)",
                    c.text):
                c.parent = j
                break


#: a reply that names its addressee answers one of this many comments above it
REPLY_REACH = 5


@dataclass(slots=True)
class Thread:
    """Comments of a page and the label lines around them."""

    comments: list[Comment]
    removed: list[Removed]
    start: int = 0  # index of the thread's first line
    end: int = 0  # index after its last line


def _commentish(ln: Line) -> bool:
    """Whether a line without an author line above could be a reader's text: a sentence or
    at least six words (menu items and buttons are neither)."""
    return len(ln.words) >= 6 or ln.text.endswith(_SENT_END)


def parse_thread(lines: list[Line], start: int, end: int | None = None,
                 page_text: str | None = None) -> Thread:
    """Split lines [start, end) into labels, authors and comments (grouped and threaded).

    The thread stops before a run of ``JUNK_RUN`` lines that are neither labels, names nor
    comment text (the site footer). ``page_text`` makes multi-paragraph comments exact
    slices of the page.
    """
    end = len(lines) if end is None else end
    comments: list[Comment] = []
    removed: list[Removed] = []
    cur: Comment | None = None
    by_author: dict[str, int] = {}
    pending_author: Line | None = None
    pending_author_index = start
    junk = 0
    grown: list[int] = []  # comments of more than one line (their first line is checked)
    post_link = False  # the line after a 'Previous post' label: another post's title
    skip_to = start  # lines before it are read already
    anonymous = True  # whether text with no author line above it may be a comment
    for i in range(start, end):
        if i < skip_to:
            continue
        ln = lines[i]
        if i > start and (ln.key.partition(" ")[0] in _SECTION_FIRST and
                          _SECTION_AFTER.match(ln.text) or pending_author is None and
                          _COPYRIGHT.search(ln.text)):
            # a list of other posts under the thread (also right under a 'Next post' link),
            # or the site's footer: the thread is over
            end = i
            break
        if post_link or ln.key in _POST_NAV:
            removed.append(Removed(ln.text, "related", ln.start, ln.end,
                                   "link to another post of the site"))
            post_link = ln.key in _POST_NAV
            cur = None
            continue
        closed = ln.text[:1] in "Cc" and _CLOSED.match(ln.text) is not None
        if closed or comments and _ALL_COMMENTS.match(ln.text):
            # 'Comments are closed.', or a link to the full thread under the comments shown
            removed.append(Removed(ln.text, "comment-label", ln.start, ln.end,
                                   "comment widget label"))
            end = i + 1
            break
        says = _SAYS_AUTHOR.match(ln.text) if ln.key.endswith(("says", "wrote")) else None
        if says is not None:
            # 'Jo Roe says:': the name, then a label
            pending_author, pending_author_index = _name_part(ln, says.end("name")), i
            removed.append(_label_after(ln, pending_author, "comment widget label"))
            cur = None
            junk = 0
            continue
        if is_label(ln.text) or _FORM.search(ln.text) or is_timestamp(ln.text):
            removed.append(Removed(ln.text, "comment-label", ln.start, ln.end,
                                   "comment widget label or timestamp"))
            cur = None  # a label (votes, 'Reply', a time) closes the comment above it
            anonymous = True
            continue
        if _is_author(lines, i):  # read as the thread goes: it may end long before ``end``
            pending_author, pending_author_index = ln, i
            cur = None
            junk = 0
            continue
        dated = _dated_author(lines, i)
        if dated is not None:
            # 'Jo Roe on May 2, 2024 at 9:12 am said:': the name, then a timestamp
            pending_author, pending_author_index = dated, i
            removed.append(_label_after(ln, dated, "comment timestamp"))
            cur = None
            junk = 0
            continue
        if pending_author is None and (not _commentish(ln) or not anonymous):
            junk += 1
            if junk >= JUNK_RUN:
                end = i - junk + 1
                del removed[len(removed) - (junk - 1):]
                break
            removed.append(Removed(ln.text, "chrome", ln.start, ln.end,
                                   "site chrome inside the comment section"))
            cur = None
            continue
        junk = 0
        if ln.text.endswith(_EXCERPT_END):
            # other posts' excerpts under the thread (a sidebar): the thread is over
            end = pending_author_index if pending_author is not None else i
            removed = [r for r in removed if r.start < lines[end].start]
            pending_author = None
            break
        cut = 0
        while i + cut < end and lines[i + cut].text.endswith(_CUT_END):
            cut += 1
        if cut >= CUT_LINES:
            # the site's latest comments on other articles, each cut short
            removed += [Removed(c.text, "related", c.start, c.end, "comment on another page")
                        for c in lines[i : i + cut]]
            # (after them, text with no author or label above it is the site's)
            skip_to, cur, pending_author, anonymous = i + cut, None, None, False
            continue
        if pending_author is not None and _about_author(pending_author, ln):
            removed += [Removed(a.text, "byline", a.start, a.end, "about the author")
                        for a in (pending_author, ln)]
            pending_author = None
            continue
        new = cur is None or pending_author is not None or ln.blank_before >= 2
        if not new and cur is not None and not cur.spam and spam_reason(ln.text):
            new = True  # spam pasted under a comment is its own post
        if not new and cur is not None:
            cur.text = page_text[cur.start : ln.end] if page_text is not None else \
                f"{cur.text}\n{ln.text}"
            cur.end = ln.end
            if not grown or grown[-1] != len(comments) - 1:  # ``cur`` is the last comment
                grown.append(len(comments) - 1)
            continue
        cur = Comment(ln.text, ln.start, ln.end, spam=spam_reason(ln.text) is not None)
        if pending_author is not None:
            a = pending_author
            cur.author, cur.author_start, cur.author_end = a.text, a.start, a.end
            pending_author = None
        m = _REPLY_TO.match(ln.text)
        if m:
            # '@First Last ...': the longest known author the text starts with
            rest = ln.text[m.start(1) if m.group("at") else m.start("to"):].lower()
            known = [a for a in by_author if rest.startswith(a)]
            if known:
                cur.parent = by_author[max(known, key=len)]
        comments.append(cur)
        if cur.author:
            by_author[cur.author.lower()] = len(comments) - 1
    if pending_author is not None and (not comments or comments[-1].author_start !=
                                       pending_author.start):
        removed.append(Removed(pending_author.text, "chrome", pending_author.start,
                               pending_author.end, "name line without a comment"))
    _addressed_replies(comments)
    # the whole text of a comment of several lines (a one-line one was checked above)
    for k in grown:
        comments[k].spam = comments[k].spam or spam_reason(comments[k].text) is not None
    return Thread(comments, removed, start, end)
