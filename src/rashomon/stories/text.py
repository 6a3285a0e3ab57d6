"""Text views of an article used for clustering: content words, name proxies, shingles.

Everything here is deterministic and independent of the process (terms are hashed with
crc32, never with Python's salted ``hash``), so a re-run gives the same vectors.
"""

from __future__ import annotations

import re
import zlib
from collections import Counter
from datetime import date, datetime
from pathlib import Path

import numpy as np

from rashomon.model import Article

#: Hashed feature space: 2**20 buckets keep collisions rare for a news vocabulary
#: (a few hundred thousand distinct words) while the document-frequency table stays 4 MB.
HASH_BITS = 20
HASH_MASK = (1 << HASH_BITS) - 1

#: Characters of body text kept for similarity: the lead carries the event and the tail of
#: long pieces is background that links unrelated stories; 6,000 characters is ~1,000 words.
MAX_CHARS = 6000

_WORD = re.compile(r"\d+(?:[.,]\d+)+|[^\W_]+(?:['’\-][^\W_]+)*")
_CAP_SEQ = re.compile(
    r"(?<![\w’'])(?:[A-Z][\w’'\-.]*[a-z0-9][\w’'\-]*|[A-Z]{2,})"
    r"(?:\s+(?:(?:of|the|de|al|bin|van|von|la|del)\s+)?(?:[A-Z][\w’'\-]*[a-z0-9][\w’'\-]*|[A-Z]{2,}))*"
)
_SENT_START = re.compile(r"(?:^|[.!?:;\"“”]\s+|\n)$")

#: scikit-learn's English stop words (data/stopwords.txt, written by
#: scripts/export_stopwords.py) plus words of news reporting that name no event
_STOP = frozenset(
    line.strip()
    for line in (Path(__file__).parent / "data" / "stopwords.txt").read_text("utf-8").splitlines()
    if line.strip() and not line.startswith("#")
) | frozenset(
    """said says say told according also would could one two new year years
    mr mrs ms dr just like including many last first time week day people
    monday tuesday wednesday thursday friday saturday sunday today yesterday
    reuters ap associated press cnn image photo getty images video""".split()
)
#: Capitalised words that start sentences or titles without naming anyone.
_NOT_NAMES = frozenset(
    """the a an and but or in on at of for to from by with this that these those it its he she
    they we i you his her their our after before when while as if more most some all no not
    mr mrs ms dr president senator sen rep gov governor secretary minister chairman
    monday tuesday wednesday thursday friday saturday sunday january february march april
    may june july august september october november december""".split()
)

_term_cache: dict[str, int] = {}
#: lowercased word -> content-term bucket, or -1 for a stop word or number (cache)
_content_cache: dict[str, int] = {}
_CACHE_MAX = 500_000


def term_hash(term: str) -> int:
    """Stable bucket of a term in the hashed feature space."""
    h = _term_cache.get(term)
    if h is None:
        h = zlib.crc32(term.encode("utf-8")) & HASH_MASK
        if len(_term_cache) < _CACHE_MAX:
            _term_cache[term] = h
    return h


def _stem(word: str) -> str:
    """Very light plural folding: 'protests' -> 'protest', 'parties' -> 'party'."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def _content_bucket(tok: str) -> int:
    """Bucket of a lowercased token as a content word, -1 when it is not one."""
    tok = tok.replace("’", "'")
    if tok.endswith("'s"):
        tok = tok[:-2]
    if len(tok) < 2 or tok in _STOP or tok.isdigit() and len(tok) < 4:
        return -1
    return zlib.crc32(_stem(tok).encode("utf-8")) & HASH_MASK


def article_text(article: Article, max_chars: int = MAX_CHARS) -> str:
    """Title and body of an article, the body cut to ``max_chars``."""
    return article_parts(article, max_chars)[0]


#: Characters of body looked at in all (near-duplicate shingles): scraped pages can be
#: megabytes of junk; 200,000 characters is a very long feature (~35,000 words).
MAX_BODY_CHARS = 200_000


def article_parts(article: Article, max_chars: int = MAX_CHARS) -> tuple[str, str]:
    """(title and the first ``max_chars`` of the body, the rest of the body up to
    ``MAX_BODY_CHARS``)."""
    body = "\n".join(p for p in article.body if p) or article.text or ""
    lead = ((article.title or "") + "\n" + body[:max_chars]).strip()
    return lead, body[max_chars:MAX_BODY_CHARS]


def words(text: str) -> list[str]:
    """Lowercased word tokens of ``text``."""
    return _WORD.findall(text.lower())


class _Vocab:
    """Word -> small int, with per-word content bucket and shingle hash in numpy arrays.

    Only a cache: both values are functions of the word, so clearing it (past
    ``_VOCAB_MAX`` words) never changes a result.
    """

    def __init__(self) -> None:
        self.ids: dict[str, int] = {}
        self.bucket = np.zeros(1 << 16, dtype=np.int64)
        self.whash = np.zeros(1 << 16, dtype=np.uint64)

    def encode(self, toks: list[str]) -> np.ndarray:
        out = list(map(self.ids.get, toks))
        if None in out:
            if len(self.ids) > _VOCAB_MAX:
                self.__init__()  # type: ignore[misc]
            for i, tok in enumerate(toks):
                if out[i] is None:
                    j = self.ids.get(tok)
                    if j is None:
                        j = self._new(tok)
                    out[i] = j
        return np.array(out, dtype=np.int64)

    def _new(self, tok: str) -> int:
        j = len(self.ids)
        if j >= len(self.bucket):
            self.bucket = np.concatenate([self.bucket, np.zeros_like(self.bucket)])
            self.whash = np.concatenate([self.whash, np.zeros_like(self.whash)])
        self.ids[tok] = j
        self.bucket[j] = _content_bucket(tok)
        self.whash[j] = zlib.crc32(tok.encode("utf-8"))
        return j


_VOCAB_MAX = 2_000_000
_vocab = _Vocab()


def token_ids(toks: list[str]) -> np.ndarray:
    """Cache ids of ``words`` output, for ``content_counts`` and ``shingles``."""
    return _vocab.encode(toks)


def content_counts(ids: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(content-term buckets, their counts) of ``token_ids`` output, buckets sorted."""
    b = _vocab.bucket[ids]
    return np.unique(b[b >= 0], return_counts=True)


def content_terms(text: str | list[str]) -> Counter[int]:
    """Hashed content words of a text or of its ``words`` (stop words, short numbers out)."""
    toks = words(text) if isinstance(text, str) else text
    counts: Counter[int] = Counter()
    cache = _content_cache
    tally = Counter(toks)
    for tok, h in zip(tally, map(cache.get, tally), strict=True):
        if h is None:
            h = _content_bucket(tok)
            if len(cache) < _CACHE_MAX:
                cache[tok] = h
        if h >= 0:
            counts[h] += tally[tok]
    return counts


def name_terms(text: str) -> Counter[int]:
    """Hashed capitalised sequences: a cheap proxy for named people, places and bodies.

    A multi-word name also counts its last word ("Angela Merkel" -> "merkel") so a later
    bare surname matches. A sequence that starts a sentence may begin with an ordinary
    capitalised word ("Yesterday Angela Merkel"): it also counts without that word, and a
    lone sentence-initial word does not count.
    """
    counts: Counter[int] = Counter()
    for m in _CAP_SEQ.finditer(text):
        words = [w for w in m.group(0).split() if w.lower() not in _NOT_NAMES]
        if not words:
            continue
        initial = bool(_SENT_START.search(text[max(0, m.start() - 3) : m.start()]))
        if initial and len(words) == 1:
            continue
        variants = [words, words[1:]] if initial and len(words) > 2 else [words]
        for ws in variants:
            name = _norm_name(" ".join(ws))
            if len(name) >= 2:
                counts[term_hash("@" + name)] += 1
        if len(words) > 1:
            counts[term_hash("@" + _norm_name(words[-1]))] += 1
    return counts


def _norm_name(name: str) -> str:
    return name.lower().replace("’", "'").removesuffix("'s")


_MUL = np.array([0x9E3779B1, 0x85EBCA77, 0xC2B2AE3D, 0x27D4EB2F, 0x165667B1], dtype=np.uint64)


def shingles(text: str | list[str] | np.ndarray, k: int = 5) -> np.ndarray:
    """32-bit hashes of the ``k``-word shingles of a text, its ``words`` or ``token_ids``."""
    if isinstance(text, str):
        text = words(text)
    ids = text if isinstance(text, np.ndarray) else token_ids(text)
    if len(ids) == 0:
        return np.zeros(0, dtype=np.uint32)
    w = _vocab.whash[ids]
    k = min(k, len(w))
    n = len(w) - k + 1
    acc = np.zeros(n, dtype=np.uint64)
    for j in range(k):
        # position-dependent multipliers, then a 64-bit avalanche folded to 32 bits
        acc += w[j : j + n] * _MUL[j % len(_MUL)]
    acc ^= acc >> np.uint64(29)
    acc *= np.uint64(0xBF58476D1CE4E5B9)
    acc ^= acc >> np.uint64(32)
    return (acc & np.uint64(0xFFFFFFFF)).astype(np.uint32)


def day_number(published: str | None) -> int | None:
    """Days since 1970-01-01 of an ISO date or datetime; None when absent or unparsable."""
    if not published:
        return None
    s = published.strip()
    try:
        d = date.fromisoformat(s[:10])
    except ValueError:
        try:
            d = datetime.fromisoformat(s.replace("Z", "+00:00")).date()
        except ValueError:
            return None
    if not 1900 <= d.year <= 2200:
        return None
    return (d - date(1970, 1, 1)).days


def day_iso(day: int | None) -> str | None:
    """ISO date of a day number."""
    if day is None:
        return None
    return date.fromordinal(date(1970, 1, 1).toordinal() + day).isoformat()


_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august",
           "september", "october", "november", "december")
_MONTH = "(" + "|".join(m.capitalize() for m in _MONTHS) + ")"
# 'January 24', '24 January', 'May 25th': a day of a named month is an event date; a month
# alone ('since January', 'last September') is background and is not counted.
_MONTH_DAY = re.compile(rf"\b{_MONTH}\.? (\d{{1,2}})(?:st|nd|rd|th)?\b(?!,? \d{{4}})"
                        rf"|\b(\d{{1,2}})(?:st|nd|rd|th)? {_MONTH}\b(?! \d{{4}})")


def named_months(text: str) -> frozenset[int]:
    """Months of the day-and-month dates a text names without a year."""
    out = set()
    for m in _MONTH_DAY.finditer(text):
        name = m.group(1) or m.group(4)
        day = int(m.group(2) or m.group(3))
        if 1 <= day <= 31:
            out.add(_MONTHS.index(name.lower()) + 1)
    return frozenset(out)
