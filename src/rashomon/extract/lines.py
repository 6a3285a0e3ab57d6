"""Line segmentation of a text dump, with offsets and the features the line model reads.

A browser innerText dump keeps one block element per line; the article is a run of long,
prose-like lines among short chrome lines. ``split_lines`` cuts the page into non-blank
lines with offsets into the raw text; ``line_features`` turns them into a numeric matrix
(one row per line) for the classifier in ``classify``.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import chain, repeat
from operator import attrgetter

import numpy as np

from rashomon.extract.pagecounts import (
    CAP,
    CJKC,
    COMMA,
    DATE_SEP,
    DIGIT,
    IDEO_STOP,
    ISDIGIT,
    ISLOWER,
    ISUPPER,
    LETTER,
    SEP,
    SP,
    SPACE,
    TABLE,
    UDIGIT,
    UPPER,
    char_counts,
    find_seq,
    is_blank,
    lines_at,
)

_TOKEN = re.compile(r"\w+", re.UNICODE)
# ASCII bytes to the characters of a key: ``\\w`` ones lower-cased, every other a blank
_ASCII_KEY = bytes(ord(chr(c).lower()) if chr(c).isalnum() or c == 95 else 32
                   for c in range(128)) + bytes(range(128, 256))
# ... and newlines kept, for a whole page
_ASCII_KEY_LINES = _ASCII_KEY[:10] + b"\n" + _ASCII_KEY[11:]
# a code point the page-wide key table cannot map on its own
_NO_KEY = 0xFFFFFFFF


def _key_table() -> np.ndarray:
    """Code point (of the Basic Multilingual Plane) to the character it is in a key: lower-
    cased when ``\\w``, a blank otherwise, a newline kept; ``_NO_KEY`` where ``str.lower``
    gives several characters or reads the context (final sigma), and at 0xFFFF, where the
    code points above the plane are looked up."""
    table = np.full(0x10000, 32, dtype=np.uint32)
    for c in range(0x10000):
        low = chr(c).lower()
        if len(low) != 1 or c in (0x3A3, 0xFFFF):
            table[c] = _NO_KEY
        elif low.isalnum() or low == "_":
            table[c] = ord(low)
    table[10] = 10
    return table


_KEY_CHAR = _key_table()
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")
_URLISH = re.compile(r"https?://|www\.|\.com\b|@\w|#\w")
# a date or a time ago (the definition; features search it as ``_date``)
_DATE = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b"
    r"|\b\d{1,2}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*"
    r"|\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b"
    r"|\b\d+\s+(?:min|mins|minutes|hours?|days?)\s+ago\b",
    re.IGNORECASE,
)
# ``_DATE`` as two searches that find a match on the same lines, in a quarter of the time:
# each opens with a class of characters that is not case-folded, so that the search skips
# ahead to them (an ignore-case letter, or ``\b``, is tried at every character). The month
# names open with one of 'JFMASOND', in either case or as the long s 'ſ' (the characters
# that ignore-case 'j', 'f' ... 's' match); ``(?<!\w.)`` after it is the ``\b`` before it, and
# a look-behind at it tells the month. The alternatives that open with a digit are searched
# from digits, ``(?<!\w\d)`` being the ``\b`` before that digit.
_DATE_MONTH_FIRST = re.compile(
    r"(?-i:[JFMASONDjfmasondſ])(?<!\w.)"
    r"(?:(?<=j)(?:an|un|ul)|(?<=f)eb|(?<=m)(?:ar|ay)|(?<=a)(?:pr|ug)|(?<=s)ep|(?<=o)ct"
    r"|(?<=n)ov|(?<=d)ec)[a-z]*\.?\s+\d{1,2}\b",
    re.IGNORECASE,
)
_DATE_DIGIT_FIRST = re.compile(
    r"\d(?<!\w\d)(?:\d?(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
    r"[a-z]*|\d{3}-\d{2}-\d{2}\b|\d?[/.]\d{1,2}[/.]\d{2,4}\b"
    r"|\d*\s+(?:min|mins|minutes|hours?|days?)\s+ago\b)",
    re.IGNORECASE,
)
_SENT_END = tuple('.!?"”’»)。！？…')

# Function words of the languages most often met in news pages; their share in a line is
# the strongest single sign of running prose (chrome lines are nouns and verbs alone).
STOPWORDS = frozenset(
    """a about after all also an and any are as at be been but by can could did do does
    for from had has have he her his how i if in into is it its just more most my no not
    of on one or our out she so some than that the their them then there these they this
    to up was we were what when which who will with would you your
    el la los las de del que y en un una por con para es al lo se su sus como más pero
    le les des du et est une pour pas qui dans sur au avec ce il elle sont ont
    der die das und ist nicht den dem ein eine zu mit sich auf für von auch es
    il di che non per una sono gli della alla anche come
    o os as do da dos das em um uma não com mais ao pelo pela
    dan yang di ke dari ini itu untuk dengan tidak akan ada juga
    и в не на что с по как это он она но из у за от к же то для так все""".split()
)

# Words of site chrome: sharing, sign-up, navigation, legal and widget lines.
CHROME_WORDS = frozenset(
    """share shares tweet facebook twitter pinterest linkedin whatsapp reddit tumblr email
    print subscribe subscription newsletter newsletters sign login log register account
    cookie cookies privacy terms policy copyright reserved advertisement advertising ad
    ads sponsored related recommended popular trending read more comments comment reply
    replies follow click menu home search download app loading video photo photos image
    images gallery credit getty shutterstock contact about careers feedback notify
    inline feedbacks newest oldest voted view next previous tags tagged topics
    support donate posted updated published min""".split()
)

# Labels of comment sections and of the lines around each comment: the alternatives that
# open at the line start, and the others.
_MARKER_AT_START = (
    r"^(?:\d+\s+)?(?:comments?|responses?|replies|reactions?)(?:\s*\(\d+\))?:?$"
    r"|^notify of\b|^(?:reply|report|like|share|flag)(?:\s*[|·•]\s*\w+)*$|^rating:"
    r"|^(?:log|sign) in to (?:comment|reply)|^view all comments|^join the discussion"
    r"|^add a comment|^(?:show|load) more comments|^sort by\b|^\d+\s+(?:likes?|points?)$"
)
_AGO_UNITS = r"(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?)"
_MARKER_ANYWHERE = (
    r"\bleave a (?:reply|comment)|\bnewest\b.*\boldest\b|\bmost voted\b"
    rf"|\b(?:\d+|an?)\s+{_AGO_UNITS}\s+ago\b|\bsays:$|\bwrote:$|\bvotes?$|inline feedbacks"
)
COMMENT_MARKER = re.compile(f"{_MARKER_AT_START}|{_MARKER_ANYWHERE}", re.IGNORECASE)
# ``COMMENT_MARKER`` in two (``is_comment_marker``): the first half tried at the line start
# only, the second searched as ``_DATE_MONTH_FIRST`` is, from a class of the characters its
# matches open with (a digit, or what ignore-case 'l', 'n', 'm', 'a', 's', 'w', 'v' and 'i'
# match), ``(?<!\w.)`` being the ``\b`` before it: the same matches, found three times faster
_MARKER_START = re.compile(_MARKER_AT_START, re.IGNORECASE)
_MARKER_SEARCH = re.compile(
    r"(?-i:[\dLNMASWVIlnmaswviſıİ])(?:(?<!\w.)(?:(?<=l)eave a (?:reply|comment)"
    r"|(?<=n)ewest\b.*\boldest\b|(?<=m)ost voted\b|(?<=\d)\d*\s+" + _AGO_UNITS + r"\s+ago\b"
    r"|(?<=a)n?\s+" + _AGO_UNITS + r"\s+ago\b|(?<=s)ays:$|(?<=w)rote:$|(?<=v)otes?$)"
    r"|(?<=i)nline feedbacks)",
    re.IGNORECASE,
)
# Labels that open a comment section (``COMMENT_MARKER`` also matches lines inside one).
_OPENER_AT_START = (
    r"^\[?\s*(?:\d+\s+)?(?:comments?|responses?|reactions?)(?:\s*\(\d+\))?:?\s*\]?$"
    r"|^notify of\b|^view all comments|^join the discussion|^add a comment|^top rated comments"
    r"|^(?:log|sign) in to (?:comment|reply)|^(?:show|load) (?:more )?comments"
    r"|^(?:what do you think|have your say|post a comment|write a comment)"
)
THREAD_OPENER = re.compile(
    _OPENER_AT_START + r"|\bleave a (?:reply|comment)|\bnewest\b.*\b(?:oldest|voted)\b",
    re.IGNORECASE,
)
# ``THREAD_OPENER`` in two as ``COMMENT_MARKER`` (``is_thread_opener``)
_OPENER_START = re.compile(_OPENER_AT_START, re.IGNORECASE)
_OPENER_SEARCH = re.compile(
    r"(?-i:[LNln])(?<!\w.)(?:(?<=l)eave a (?:reply|comment)|(?<=n)ewest\b.*\b(?:oldest|voted)\b)",
    re.IGNORECASE,
)
# Labels that open lists of other articles or site sections.
RELATED_MARKER = re.compile(
    r"^(?:related|more on this|more from|more stories|you (?:might|may) (?:also )?like"
    r"|recommended|most (?:popular|read|viewed)|trending|read (?:more|next|also)|also read"
    r"|see also|further reading|latest (?:news|stories)|sponsored|popular|editor'?s picks"
    r"|top stories|what to read next|don'?t miss|around the web|in case you missed)\b",
    re.IGNORECASE,
)
# every COMMENT_MARKER match contains one of these words (a cheap test before the regex)
COMMENT_WORDS = frozenset(
    """comment comments response responses replies reply reaction reactions leave notify
    newest voted report like share flag ago says wrote rating vote votes log sign view inline
    feedbacks join discussion add show load sort likes points""".split()
)
# every THREAD_OPENER match contains one of these words
OPENER_WORDS = frozenset(
    """comment comments response responses reaction reactions leave notify newest view join
    add top log sign show load what have post write""".split()
)
_NAMEISH = re.compile(r"^[\w@][\w .'’()@-]{0,40}$")

N_BASE = 34


@dataclass(slots=True)
class Line:
    """One non-blank line of the page: ``raw[start:end] == text`` (stripped)."""

    text: str
    start: int
    end: int
    lineno: int  # 1-based line number in the page
    blank_before: int
    blank_after: int = 0
    key: str = ""  # ``norm_key(text)``: lower-cased tokens joined by spaces (set by split_lines)
    #: ``key.split()`` (the ``tokens`` of ``text``), split once here for the many stages that
    #: read a line's words
    words: list[str] = field(default_factory=list, repr=False)


def split_lines(text: str) -> list[Line]:
    """Non-blank lines of ``text`` with offsets, line numbers and blank-line counts."""
    out: list[Line] = []
    pos = 0
    blanks = 0
    for n, (raw, keyed) in enumerate(zip(text.split("\n"), _keyed_lines(text), strict=True),
                                    start=1):
        s = raw.strip()
        if s:
            start = pos if s is raw else pos + raw.find(s)
            if out:
                out[-1].blank_after = blanks
            words = keyed.split()
            out.append(Line(s, start, start + len(s), n, blanks, 0, " ".join(words), words))
            blanks = 0
        else:
            blanks += 1
        pos += len(raw) + 1
    if out:
        out[-1].blank_after = blanks
    return out


def _keyed_lines(text: str) -> list[str]:
    """The lines of ``text`` (cut at newlines, not stripped) with each character as keys
    have it (``\\w`` lower-cased, others blank): a key is a line's words joined by blanks.

    One table lookup over the page's code points, where a line at a time would lower-case
    and tokenise each line with a pattern (four times slower).
    """
    if text.isascii():
        return text.encode().translate(_ASCII_KEY_LINES).decode().split("\n")
    code = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    keyed = _KEY_CHAR.take(code, mode="clip")  # (above the BMP: at 0xFFFF)
    if (keyed == _NO_KEY).any():  # rare: a page with such a character goes line by line
        return [key_words(raw)[0] for raw in text.split("\n")]
    return keyed.tobytes().decode("utf-32-le").split("\n")


def norm_key(text: str) -> str:
    """Lower-cased token string used to spot repeated lines."""
    return key_words(text)[0]


def key_words(text: str) -> tuple[str, list[str]]:
    """``norm_key(text)`` and its words (the ``tokens`` of ``text``), tokenised once."""
    words = tokens(text)
    return " ".join(words), words


def tokens(text: str) -> list[str]:
    """Lower-cased ``\\w+`` tokens."""
    if text.isascii():  # most lines: a byte table does what the pattern does, faster
        return text.encode().translate(_ASCII_KEY).decode().split()
    return _TOKEN.findall(text.lower())


def is_comment_marker(text: str) -> bool:
    """Whether ``COMMENT_MARKER`` matches in ``text``."""
    return _MARKER_START.match(text) is not None or _MARKER_SEARCH.search(text) is not None


def is_thread_opener(text: str) -> bool:
    """Whether ``THREAD_OPENER`` matches in ``text``."""
    return _OPENER_START.match(text) is not None or _OPENER_SEARCH.search(text) is not None


def _hits(test: Callable[[str], object], texts: list[str], where: np.ndarray) -> list[int]:
    """Indexes of the lines ``where`` marks whose text passes ``test`` (a pattern's match or
    search, or a predicate)."""
    return [i for i in where.nonzero()[0].tolist() if test(texts[i])]


def _date_word(key: str) -> re.Match[str] | None:
    """``_DATE_WORD`` in a key: a word opening with a month, or 'ago'."""
    return _DATE_WORD.search(" " + key)


def _date(text: str) -> re.Match[str] | None:
    """A match of ``_DATE`` (the same lines match) in ``text``."""
    return _DATE_MONTH_FIRST.search(text) or _DATE_DIGIT_FIRST.search(text)


# ``_URLISH`` as literals and whether a word character (``\\w``) must follow (``None``:
# either): ``str.find`` runs through a page several times faster than the pattern, which
# is tried at every 'h', 'w' and '.'
_URLISH_PARTS = (
    ("http://", None),
    ("https://", None),
    ("www.", None),
    (".com", False),
    ("@", True),
    ("#", True),
)


def _urlish(joined: str, starts: np.ndarray) -> np.ndarray:
    """1.0 for the lines (joined by newlines, opening at ``starts``) in which ``_URLISH``
    matches."""
    hit = np.zeros(len(starts), dtype=np.float32)
    pos = []
    for part, word_after in _URLISH_PARTS:
        i = joined.find(part)
        while i >= 0:
            after = joined[i + len(part) : i + len(part) + 1]
            if word_after is None or (after.isalnum() or after == "_") == word_after:
                pos.append(i)
            i = joined.find(part, i + 1)
    if pos:
        hit[np.searchsorted(starts, np.asarray(pos), side="right") - 1] = 1.0
    return hit


# first words of ``RELATED_MARKER`` matches
RELATED_FIRST = frozenset("""related more you recommended most trending read also see further
    latest sponsored popular editor editors top what don dont around in""".split())
# bit of each word list in ``_WORD_BITS`` (one dict lookup per token gives them all); a
# page adds ``_TITLEW`` for the words of its title
_STOP, _CHROME, _COMMENTW, _OPENERW, _RELATEDW, _TITLEW = 1, 2, 4, 8, 16, 32
# the bits counted per line: every list but the related-label openers
_BIT_SHIFTS = np.array([0, 1, 2, 3, 5])
_WORD_BITS: dict[str, int] = {}
for _bit, _words in ((_STOP, STOPWORDS), (_CHROME, CHROME_WORDS), (_COMMENTW, COMMENT_WORDS),
                     (_OPENERW, OPENER_WORDS), (_RELATEDW, RELATED_FIRST)):
    for _w in _words:
        _WORD_BITS[_w] = _WORD_BITS.get(_w, 0) | _bit
# ... each as the character of that code point: the bits of a batch's tokens are read as the
# bytes of one string (joining characters costs less than making an integer of each)
_WORD_CHARS = {w: chr(b) for w, b in _WORD_BITS.items()}
# every ``_DATE`` match holds a word opening with a month, the word 'ago' or digits
# joined by '-', '/' or '.' (lines without any are not searched); this finds the words
# in a line's key searched with a blank before it (a pattern opening with a blank skips ahead
# to blanks: three times faster than trying '^' or ' ' at every character)
_DATE_WORD = re.compile(r" (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|ago(?: |$))")
# classes of a line's first and last characters, one bit each: sentence end, list-item
# opener, opening quote or bracket, first letter of 'by', 'von', 'por' (code points above
# the table are none of these)
_ENDS, _BULLETS, _QUOTES, _BYS = 1, 2, 4, 8
_EDGE_TABLE = np.zeros(0x10000, dtype=np.uint8)
for _bit, _chars in ((_ENDS, _SENT_END), (_BULLETS, "-–—*•·"), (_QUOTES, "\"“‘'("),
                     (_BYS, "bBvVpP")):
    _EDGE_TABLE[[ord(c) for c in _chars]] |= _bit
_BY = re.compile(r"^(?:by[ :]|von |por )", re.IGNORECASE)
# fields of ``Line`` read for every line of a page (a C-level getter per field)
_TEXT, _KEY, _WORDS, _LINENO = (attrgetter("text"), attrgetter("key"), attrgetter("words"),
                                 attrgetter("lineno"))


def _token_stats(words: list[list[str]], title_toks: list[set[str]], bounds: np.ndarray
                 ) -> tuple[np.ndarray, ...]:
    """Per line (``words``: the words of each; pages ``bounds[k]:bounds[k + 1]`` of them, with
    the title words ``title_toks[k]``): tokens, stopwords, chrome words, comment words, opener
    words, whether the first word opens a related-list label, and the Jaccard similarity of
    the line's token set to its page's title words; one dict lookup per token gives its word
    lists."""
    n = len(words)
    ntok = np.fromiter(map(len, words), dtype=np.int64, count=n)
    zeros = np.zeros(n, dtype=np.float64)
    hi = np.cumsum(ntok)
    m = int(hi[-1]) if n else 0
    if not m:
        return (zeros,) * 5 + (np.zeros(n, dtype=bool), zeros)
    lo = hi - ntok
    # each page's tokens looked up with its title's words added
    line_bounds = bounds.tolist()
    lookups = []
    for k, toks in enumerate(title_toks):
        word_chars = _WORD_CHARS
        if toks:
            word_chars = dict(_WORD_CHARS)
            for w in toks:
                word_chars[w] = chr(_WORD_BITS.get(w, 0) | _TITLEW)
        page_words = chain.from_iterable(words[line_bounds[k] : line_bounds[k + 1]])
        lookups.append(map(word_chars.get, page_words, repeat("\0")))
    codes = "".join(chain.from_iterable(lookups)).encode("latin-1")
    bits = np.frombuffer(codes, dtype=np.uint8).astype(np.int64)
    # one row per word list and the title (bits 0-3 and 5), summed over each line (rows of
    # tokens, not columns: the running sum then reads contiguous memory, twice as fast)
    cs = np.zeros((5, m + 1), dtype=np.int64)
    np.cumsum((bits >> _BIT_SHIFTS[:, None]) & 1, axis=1, out=cs[:, 1:])
    per_line = cs[:, hi] - cs[:, lo]
    out = [ntok.astype(np.float64)] + [per_line[k].astype(np.float64) for k in range(4)]
    related_first = (ntok > 0) & (bits[np.minimum(lo, m - 1)] & _RELATEDW > 0)
    jac = zeros
    rows = per_line[4].nonzero()[0]
    if len(rows):
        # a line without a title word has Jaccard 0: only lines with one need their
        # distinct words
        row_words = list(map(words.__getitem__, rows.tolist()))
        page_of = (np.searchsorted(bounds, rows, side="right") - 1).tolist()
        titles = [title_toks[k] for k in page_of]
        # each set is dropped once counted (kept, thousands of sets would wake the garbage
        # collector several times a batch)
        size = np.fromiter(map(len, map(set, row_words)), dtype=np.float64, count=len(rows))
        inter = np.fromiter(map(len, map(set.intersection, titles, row_words)),
                            dtype=np.float64, count=len(rows))
        title_size = np.fromiter(map(len, titles), dtype=np.float64, count=len(rows))
        jac = zeros.copy()
        jac[rows] = inter / (size + title_size - inter)
    return tuple(out) + (related_first, jac)


class Pages:
    """Where the lines of several pages, laid end to end, belong: ``bounds[k]`` is the row
    of page ``k``'s first line (``bounds[-1]``: all rows); per row, its page ``page``, the
    row of that page's first line ``first``, its index in the page ``pos`` and its page's
    line count ``size``."""

    __slots__ = ("bounds", "counts", "first", "lasts", "page", "pos", "size", "starts")

    def __init__(self, sizes: list[int]) -> None:
        counts = np.asarray(sizes, dtype=np.intp)
        self.bounds = np.concatenate([[0], np.cumsum(counts)]).astype(np.intp)
        # the first and last rows of each non-empty page, and its lines
        self.starts, self.counts = self.bounds[:-1][counts > 0], counts[counts > 0]
        self.lasts = self.starts + self.counts - 1
        self.page = np.repeat(np.arange(len(counts)), counts)
        self.first = self.bounds[self.page]
        self.pos = np.arange(int(self.bounds[-1])) - self.first
        self.size = counts[self.page]

    def shifts(self, a: np.ndarray, ks: tuple[int, ...], fill: float = 0.0
               ) -> list[np.ndarray]:
        """``shifts`` within each page: rows moved from another page read ``fill``."""
        out = shifts(a, ks, fill)
        if len(self.starts) <= 1:  # one page: ``shifts`` pads it with ``fill`` already
            return out
        for j, k in enumerate(ks):
            bad = (self.pos < k) | (self.pos - k >= self.size)
            out[j] = np.where(bad.reshape((-1,) + (1,) * (a.ndim - 1)), fill, out[j])
        return out

    def cumsum(self, x: np.ndarray) -> np.ndarray:
        """Running sum of ``x`` down each page (in the type of ``x``)."""
        c = np.cumsum(x)
        if len(self.starts) <= 1:
            return c
        return c - np.concatenate([np.zeros(1, dtype=c.dtype), c])[self.first]

    def cumsum_before(self, x: np.ndarray) -> np.ndarray:
        """Sum of ``x`` over the rows above each row in its page."""
        return self.cumsum(x) - x

    def page_last(self, x: np.ndarray) -> np.ndarray:
        """The value of ``x`` at the last row of each row's page."""
        return np.repeat(x[self.lasts], self.counts)

    def per_page(self, x: np.ndarray, ufunc: np.ufunc = np.add) -> np.ndarray:
        """``ufunc`` reduced over each non-empty page's rows, read back at every row."""
        return np.repeat(ufunc.reduceat(x, self.starts), self.counts) if len(x) else x


def base_features(lines: list[Line], title: str | None = None, text: str | None = None
                  ) -> np.ndarray:
    """Per-line features of each line on its own (see the column comments). ``text`` is
    unused and kept for callers that pass the page."""
    return _base_features(lines, Pages([len(lines)]), [title])


def _title_words(lines: list[Line], title: str | None) -> set[str]:
    """The words of a page's title: of ``title`` when known, else of its first line."""
    return set(tokens(title)) if title else set(lines[0].words) if lines else set()


def _base_features(lines: list[Line], seg: Pages, titles: list[str | None]) -> np.ndarray:
    """``base_features`` of the lines of several pages laid end to end (``seg``).

    The stripped lines are joined with newlines so that character classes and the
    line-anchored patterns are computed in one pass over the pages, and word lists are
    looked up in one pass over their tokens.
    """
    n = len(lines)
    if n == 0:
        return np.zeros((0, N_BASE), dtype=np.float32)
    bounds = seg.bounds.tolist()
    texts = list(map(_TEXT, lines))
    joined = "\n".join(texts)
    size = np.fromiter(map(len, texts), dtype=np.int64, count=n)
    ends = np.cumsum(size + 1) - 1
    starts = ends - size
    code = np.frombuffer(joined.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    cls = TABLE.take(code, mode="clip")  # code points above the table at 0xFFFF
    cc = char_counts(cls, starts).astype(np.float64)
    upper, letters, digits = cc[:, UPPER], cc[:, LETTER], cc[:, DIGIT]
    spaces, ncjk, capwords = cc[:, SPACE], cc[:, CJKC], cc[:, CAP]
    # the segment of each line but the last holds its newline: not a letter nor ``SPACE``
    nc = size.astype(np.float64)
    keys = list(map(_KEY, lines))
    # how often each line's key occurs on its page
    repeats: list[int] = []
    for a, b in zip(bounds, bounds[1:], strict=False):
        counts = Counter(keys[a:b])
        repeats += map(counts.__getitem__, keys[a:b])
    title_toks = [_title_words(lines[a:b], t)
                  for a, b, t in zip(bounds, bounds[1:], titles, strict=False)]
    nt, stop, chrome, cwords, owords, related_first, jac = _token_stats(
        list(map(_WORDS, lines)), title_toks, seg.bounds)

    nw = cc[:, SP] + 1.0
    commas, ideo_stops = cc[:, COMMA], cc[:, IDEO_STOP]
    # '|', bullets and guillemets, or a slash between blanks (the blank before it decides
    # the line, as a search over the joined lines would)
    seps = cc[:, SEP] > 0
    # a digit, '-', '/' or '.', a digit (the numeric dates of ``_DATE``)
    sep = ((cls[1:-1] >> DATE_SEP) & 1).nonzero()[0]  # of a separator, less one
    dig_sep = sep[(cls[sep] >> UDIGIT) & (cls[sep + 2] >> UDIGIT) & 1 > 0]
    dated = np.zeros(n, dtype=bool)
    dated[np.searchsorted(starts, dig_sep, side="right") - 1] = True
    slash = (code[1:-1] == 47).nonzero()[0] + 1
    if len(slash):
        both = (is_blank(code[slash - 1])) & (is_blank(code[slash + 1]))
        seps[np.searchsorted(starts, slash[both] - 1, side="right") - 1] = True
    last = code[ends - 1]
    first = code[starts]
    last_edge = _EDGE_TABLE.take(last, mode="clip")
    first_edge = _EDGE_TABLE.take(first, mode="clip")
    ends_sent = (last_edge & _ENDS > 0).astype(np.float64)
    colon = (last == 58).astype(np.float64)
    first_cls = cls[starts]
    astral = (code[starts] > 0xFFFF).nonzero()[0]
    is_digit = ((first_cls >> ISDIGIT) & 1).astype(bool)
    is_upper = ((first_cls >> ISUPPER) & 1).astype(bool)
    is_lower = ((first_cls >> ISLOWER) & 1).astype(bool)
    for i in astral:  # outside the class table
        c = lines[i].text[0]
        is_digit[i], is_upper[i], is_lower[i] = c.isdigit(), c.isupper(), c.islower()
    bullet = (first_edge & _BULLETS > 0) | is_digit
    capfirst = (first_edge & _QUOTES > 0) | is_upper
    kind = np.where(is_digit, 1.0, np.where(is_upper, 2.0, np.where(is_lower, 3.0, 4.0)))
    dashed = np.concatenate([find_seq(code, sq) for sq in (" -- ", " – ", " — ")])
    shape = kind * 2 + (lines_at(dashed, starts, n) > 0)
    marks = lines_at(find_seq(code, ". "), starts, n).astype(np.float64)
    safe_nt = np.maximum(nt, 1)
    short = nt <= 12
    f = np.zeros((n, N_BASE), dtype=np.float32)
    f[:, 0] = np.log1p(nc)
    f[:, 1] = np.log1p(nt)
    f[:, 2] = np.where(nt > 0, stop / safe_nt, 0.0)
    f[:, 3] = ends_sent
    f[:, 4] = colon
    f[:, 5] = np.where(letters > 0, upper / np.maximum(letters, 1), 0.0)
    f[:, 6] = capwords / nw
    f[:, 7] = digits / nc
    f[:, 8] = (nc - letters - digits - spaces) / nc
    f[:, 9] = (commas + marks) / (nt + 1)
    f[:, 10] = np.minimum(chrome, 4) / 4.0
    f[:, 11] = _urlish(joined, starts)
    f[_hits(_BY.match, texts, first_edge & _BYS > 0), 12] = 1.0
    dated[_hits(_date_word, keys, (digits > 0) & ~dated)] = True
    f[_hits(_date, texts, (digits > 0) & dated), 13] = 1.0
    f[:, 14] = np.log(np.asarray(repeats, dtype=np.float64))
    f[:, 15] = jac
    # blank lines around each line: the gaps between line numbers, and at a page's first
    # and last lines the blanks counted there
    lineno = np.fromiter(map(_LINENO, lines), np.float64, n)
    before = np.empty(n)
    before[1:] = lineno[1:] - lineno[:-1] - 1.0
    after = np.empty(n)
    after[:-1] = before[1:]
    first_rows, last_rows = seg.starts.tolist(), seg.lasts.tolist()
    before[first_rows] = [lines[i].blank_before for i in first_rows]
    after[last_rows] = [lines[i].blank_after for i in last_rows]
    f[:, 16] = np.minimum(before, 2)
    f[:, 17] = np.minimum(after, 2)
    f[:, 18] = seg.pos / seg.size
    f[:, 19] = seg.cumsum_before(nt) / np.maximum(seg.per_page(nt), 1.0)
    f[:, 20] = letters / nw
    f[:, 21] = ncjk / nc
    f[:, 22] = np.log1p(ideo_stops + marks + ends_sent)
    f[:, 23] = seps
    f[:, 24] = bullet
    f[:, 25] = np.where(nt > 0, chrome / safe_nt, 0.0)
    f[:, 26] = capfirst | (ncjk > 0)
    copy = np.concatenate([(code == 0xA9).nonzero()[0], find_seq(code, "(c)"),
                           find_seq(code, "(C)")])
    f[:, 27] = lines_at(copy, starts, n) > 0
    # 28: a label that opens a comment section; 33: any comment-widget line (weaker)
    f[_hits(is_comment_marker, texts, short & (cwords > 0)), 33] = 1.0
    f[_hits(is_thread_opener, texts, short & (owords > 0)), 28] = 1.0
    f[_hits(RELATED_MARKER.match, texts, short & related_first), 29] = 1.0
    # a commenter-name-like line: 1-5 words, no sentence punctuation
    # (``_NAMEISH`` matches 41 characters at most)
    f[_hits(_NAMEISH.match, texts, (nt >= 1) & (nt <= 5) & (ends_sent == 0) & (size <= 41)),
      30] = 1.0
    f[1:, 31] = colon[:-1]  # the line above ends with a colon
    f[first_rows, 31] = 0.0
    f[:, 32] = shape
    # CJK lines have few \w+ tokens: count characters instead so prose still looks long.
    cjk_rows = f[:, 21] > 0.3
    if cjk_rows.any():
        f[cjk_rows, 1] = np.log1p(nc[cjk_rows] / 2.0)
        f[cjk_rows, 2] = 0.3
    return f


def window_means(x: np.ndarray, ks: tuple[int, ...], seg: Pages | None = None) -> np.ndarray:
    """Mean of every column of ``x`` (rows by columns) over a window of rows, column ``j``
    over ``2 * ks[j] + 1`` rows (truncated at the ends, or at the edges of each page of
    ``seg``), from one running sum; a single column is read with every window."""
    n = len(x)
    c = np.zeros((n + 1, x.shape[1]), dtype=np.float64)
    np.cumsum(x, axis=0, dtype=np.float64, out=c[1:])
    idx = np.arange(n)[:, None]
    k = np.asarray(ks)
    if seg is None or len(seg.starts) <= 1:
        lo = np.maximum(idx - k, 0)
        hi = np.minimum(idx + k + 1, n)
    else:
        first = seg.first[:, None]
        lo = np.maximum(idx - k, first)
        hi = np.minimum(idx + k + 1, first + seg.size[:, None])
    cols = np.arange(x.shape[1])
    return ((c[hi, cols] - c[lo, cols]) / (hi - lo)).astype(np.float32)


def shifts(a: np.ndarray, ks: tuple[int, ...], fill: float = 0.0) -> list[np.ndarray]:
    """Rows of ``a`` moved down by each ``k`` of ``ks`` (up for a negative ``k``), padded
    with ``fill``: views into one padded copy of ``a``."""
    m = max(abs(k) for k in ks)
    pad = np.full((len(a) + 2 * m,) + a.shape[1:], fill, dtype=a.dtype)
    pad[m : m + len(a)] = a
    return [pad[m - k : m - k + len(a)] for k in ks]


# Base columns copied from neighbours: length, tokens, stopwords, sentence end, chrome share.
_NEIGHBOUR_COLS = [0, 1, 2, 3, 25]
# ... from the lines 1, 2 and 3 above and below (3 measured better in cross-validation)
_NEIGHBOUR_SHIFTS = (1, 2, -1, -2, 3, -3)
N_CTX = 18


def line_features(lines: list[Line], title: str | None = None, text: str | None = None
                  ) -> np.ndarray:
    """Feature matrix: base features, neighbours' features and page-level context."""
    return pages_features([lines], [title])


def pages_features(pages: list[list[Line]], titles: list[str | None]) -> np.ndarray:
    """``line_features`` of several pages at once: the rows of each page in turn, as each
    page alone gives them (up to float rounding in sums of fractions), computed in one pass
    over them all (the per-call cost of the array operations is paid once, not per page)."""
    lines = list(chain.from_iterable(pages))
    seg = Pages(list(map(len, pages)))
    base = _base_features(lines, seg, titles)
    n = len(lines)
    if n == 0:
        return np.zeros((0, N_BASE + len(_NEIGHBOUR_SHIFTS) * len(_NEIGHBOUR_COLS) + N_CTX),
                        dtype=np.float32)
    nb = base[:, _NEIGHBOUR_COLS]
    parts = [base] + seg.shifts(nb, _NEIGHBOUR_SHIFTS)
    # A "prose" line: 10+ tokens with a stopword share typical of running text (>= 0.2),
    # or a long CJK line.
    prose = (((base[:, 1] >= math.log1p(10)) & (base[:, 2] >= 0.2)) | (base[:, 0] > 4.5) & (
        base[:, 21] > 0.3
    )).astype(np.float32)
    ntok = np.expm1(base[:, 1])
    size = seg.size
    idx = seg.pos  # a line's index in its page
    start = seg.first  # the row of its page's first line
    prose_idx = prose.nonzero()[0]
    # per page: nearest prose line (within the page) above and below each line, first and
    # last prose lines, and the token-weighted centre of the prose lines, where the article
    # most likely sits (pages without prose: every line as far as the page is long, the
    # centre mid-page)
    has_prose = seg.per_page(prose, np.maximum) > 0
    dist = size.astype(np.float32)
    first, last = np.full(n, n), np.full(n, -1)
    centre = size / 2
    if len(prose_idx):
        rows = np.arange(n)
        pos = np.searchsorted(prose_idx, rows)
        left = prose_idx[np.clip(pos - 1, 0, len(prose_idx) - 1)]
        right = prose_idx[np.clip(pos, 0, len(prose_idx) - 1)]
        # a neighbour on another page stands in for the one on this side (the other side
        # then holds the page's nearest)
        left = np.where(seg.page[left] == seg.page, left, right)
        right = np.where(seg.page[right] == seg.page, right, left)
        near = np.minimum(np.abs(rows - left), np.abs(right - rows)).astype(np.float32)
        dist = np.where(has_prose, near, dist)
        first_row = prose_idx[np.clip(np.searchsorted(prose_idx, start), 0, len(prose_idx) - 1)]
        last_row = prose_idx[np.clip(np.searchsorted(prose_idx, start + size) - 1, 0,
                                     len(prose_idx) - 1)]
        first = np.where(has_prose, first_row - start, first)
        last = np.where(has_prose, last_row - start, last)
        w = np.where(prose > 0, ntok, 0.0)
        centre = np.where(has_prose, seg.per_page(idx * w) / np.maximum(seg.per_page(w), 1e-30),
                          centre)
    ctx = np.zeros((n, N_CTX), dtype=np.float32)
    # windowed shares: of prose lines (2, 6 and 15 lines each side), chrome words, comment
    # labels, name-like lines and lines under a colon
    means = window_means(np.stack([prose, prose, prose, base[:, 10], base[:, 33], base[:, 30],
                                   base[:, 31]], axis=1), (2, 6, 15, 3, 5, 5, 10), seg)
    ctx[:, :3] = means[:, :3]
    ctx[:, 3] = np.log1p(dist)
    ctx[:, 4] = (idx >= first) & (idx <= last)
    ctx[:, 5] = base[:, 0] / np.maximum(seg.per_page(base[:, 0], np.maximum), 1.0)
    ctx[:, 6] = np.abs(idx - centre) / size
    ctx[:, 7] = seg.per_page(prose) / size
    ctx[:, 8] = np.log1p(size)
    ctx[:, 9] = means[:, 3]
    # comment and related-list labels above a line: prose after them is rarely the article
    ctx[:, 10] = np.log1p(seg.cumsum_before(base[:, 28]))
    ctx[:, 11] = np.log1p(seg.cumsum_before(base[:, 29]))
    ctx[:, 12:14] = means[:, 4:6]
    shape = base[:, 32]
    ctx[:, 14] = sum(nb_shape == shape for nb_shape in seg.shifts(shape, (1, 2, -1, -2), -1.0))
    ctx[:, 15] = means[:, 6]
    # where the headline recurs (dumps often start with the page title): chrome sits above it
    again = ((base[:, 15] >= 0.6) & (idx > 0)).nonzero()[0]
    tp = np.zeros(n, dtype=np.intp)
    if len(again):
        hit = again[np.clip(np.searchsorted(again, start), 0, len(again) - 1)]
        tp = np.where(seg.page[hit] == seg.page, hit - start, 0)
    ctx[:, 16] = np.sign(idx - tp)
    ctx[:, 17] = (idx - tp) / size
    return np.concatenate(parts + [ctx], axis=1)
