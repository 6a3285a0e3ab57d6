"""Counting over a whole page at once: character classes of its code points per line,
and literal character sequences.

``lines.base_features`` joins a page's lines with newlines and reads these counts for all
lines in a few numpy passes instead of a Python loop per line.
"""

from __future__ import annotations

import numpy as np

# Character classes, one bit each, in a table over the Basic Multilingual Plane (code points
# above it are looked up at 0xFFFF, which like them counts as a letter and nothing else).
# ``char_counts`` counts the classes below ``COUNTED`` per line.
(UPPER, LETTER, DIGIT, SPACE, CJKC, CAP, SP, COMMA, IDEO_STOP, SEP, BLANK, UDIGIT,
 DATE_SEP, ISDIGIT, ISUPPER, ISLOWER) = range(16)
COUNTED = 10


def _class_table() -> np.ndarray:
    c = np.arange(0x10000, dtype=np.int64)
    upper = ((c >= 65) & (c <= 90)) | ((c >= 0xC0) & (c <= 0xDE) & (c != 0xD7)) | (
        (c >= 0x410) & (c <= 0x42F))
    lower = ((c >= 97) & (c <= 122)) | ((c >= 0xDF) & (c <= 0xFF) & (c != 0xF7)) | (
        (c >= 0x430) & (c <= 0x44F))
    # every other code point outside the punctuation blocks counts as a letter
    other = (c >= 0x100) & ~((c >= 0x2000) & (c <= 0x2BFF)) & ~((c >= 0x3000) & (c <= 0x303F)) \
        & ~((c >= 0xFF00) & (c <= 0xFF20)) & ~((c >= 0x410) & (c <= 0x44F))
    classes = {
        UPPER: upper, LETTER: upper | lower | other, DIGIT: (c >= 48) & (c <= 57),
        SPACE: (c == 32) | (c == 9) | (c == 0xA0),
        CJKC: ((c >= 0x3040) & (c <= 0x30FF)) | ((c >= 0x3400) & (c <= 0x9FFF)) | (
            (c >= 0xAC00) & (c <= 0xD7AF)),
        # capitals that open a word (A-Z, À-Þ, А-Я)
        CAP: ((c >= 65) & (c <= 90)) | ((c >= 0xC0) & (c <= 0xDE)) | ((c >= 0x410) & (c <= 0x42F)),
        BLANK: np.array([chr(i).isspace() for i in range(0x10000)]),  # ``\s``
        COMMA: c == 44, IDEO_STOP: c == 0x3002, SP: c == 32,
        SEP: np.isin(c, [ord(ch) for ch in "|•·»›"]),
        UDIGIT: np.array([chr(i).isdecimal() for i in range(0x10000)]),  # ``\\d``
        DATE_SEP: np.isin(c, [ord(ch) for ch in "-/."]),
        # ``str.isdigit``, ``str.isupper`` and ``str.islower``
        ISDIGIT: np.array([chr(i).isdigit() for i in range(0x10000)]),
        ISUPPER: np.array([chr(i).isupper() for i in range(0x10000)]),
        ISLOWER: np.array([chr(i).islower() for i in range(0x10000)]),
    }
    table = np.zeros(0x10000, dtype=np.uint16)
    for bit, mask in classes.items():
        table |= (mask.astype(np.uint16) << bit)
    return table


TABLE = _class_table()
# the counted classes of a character (its class bits below ``COUNTED``) as counters of 16
# bits, four to a 64-bit word, so that one addition counts four classes; and as counters of
# a byte, for lines too long for 16 bits
_BITS = (np.arange(1 << COUNTED)[:, None] >> np.arange(12)) & 1
_PACKED = _BITS.astype(np.uint16).view(np.uint64)
_UNPACKED = _BITS[:, :COUNTED].astype(np.uint8)
_COUNTED_MASK = (1 << COUNTED) - 1


def is_blank(code: np.ndarray) -> np.ndarray:
    """Whether each code point is whitespace (``\\s``)."""
    return ((TABLE.take(code, mode="clip") >> BLANK) & 1).astype(bool)


def char_counts(cls: np.ndarray, starts: np.ndarray) -> np.ndarray:
    """Per line (rows) the count of each counted character class (columns ``UPPER`` ...
    below ``COUNTED``), one segment sum over the class bits ``cls`` (``TABLE`` entries) of
    the joined lines.

    A word-opening capital (``CAP``) counts only at a line start or after whitespace.
    """
    counted = cls & _COUNTED_MASK
    counted[1:] &= ~((((cls[:-1] >> BLANK) & 1) ^ 1) << CAP)
    longest = max(int(np.diff(starts).max(initial=0)), len(cls) - int(starts[-1]))
    if longest < 1 << 16:
        # no counter carries into the next, a segment being shorter than 2**16 characters
        wide = np.add.reduceat(_PACKED.take(counted, axis=0), starts, axis=0)
        return wide.view(np.uint16)[:, :COUNTED].astype(np.int32)
    return np.add.reduceat(_UNPACKED.take(counted, axis=0), starts, axis=0, dtype=np.int32)


def find_seq(code: np.ndarray, seq: str) -> np.ndarray:
    """Positions where the code points of ``seq`` occur in ``code``."""
    k = len(seq)
    if len(code) < k:
        return np.zeros(0, dtype=np.intp)
    hit = code[: len(code) - k + 1] == ord(seq[0])
    for j in range(1, k):
        hit &= code[j : len(code) - k + 1 + j] == ord(seq[j])
    return hit.nonzero()[0]


def lines_at(pos: np.ndarray, starts: np.ndarray, n: int) -> np.ndarray:
    """How many of the positions ``pos`` fall in each line."""
    return np.bincount(np.searchsorted(starts, pos, side="right") - 1, minlength=n)
