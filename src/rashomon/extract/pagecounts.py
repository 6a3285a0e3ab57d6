"""Counting over a whole page at once: character classes of its code points per line,
and literal character sequences.

``lines.base_features`` joins a page's lines with newlines and reads these counts for all
lines in a few numpy passes instead of a Python loop per line.
"""

from __future__ import annotations

import numpy as np

# Character classes, one bit each, in a table over the Basic Multilingual Plane (code points
# above it are looked up at 0xFFFF, which like them counts as a letter and nothing else).
(UPPER, LETTER, DIGIT, SPACE, CJKC, CAP, BLANK, COMMA, IDEO_STOP, SEP, SP, UDIGIT,
 DATE_SEP, ISDIGIT, ISUPPER, ISLOWER) = range(16)


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


def is_blank(code: np.ndarray) -> np.ndarray:
    """Whether each code point is whitespace (``\\s``)."""
    return ((TABLE[np.minimum(code, 0xFFFF)] >> BLANK) & 1).astype(bool)


def _pack_table() -> np.ndarray:
    """For every ``TABLE`` value, its 16 class bits as four 16-bit fields in each of four
    words (class ``4 * w + j`` in bits ``16 * j`` of word ``w``)."""
    v = np.arange(0x10000, dtype=np.uint64)
    out = np.zeros((0x10000, 4), dtype=np.uint64)
    for b in range(16):
        out[:, b // 4] |= ((v >> np.uint64(b)) & np.uint64(1)) << np.uint64(16 * (b % 4))
    return out


_PACKED = _pack_table()
# a field holds a line's count of one class: lines up to this long (the segment summed for
# a line also holds its newline) are counted through the packed fields
_FIELD_MAX = 0xFFFF
_FIELD_SHIFTS = (np.arange(16, dtype=np.uint64) % 4) * np.uint64(16)


def char_counts(cls: np.ndarray, starts: np.ndarray) -> np.ndarray:
    """Per line (rows) the count of each character class (columns ``UPPER`` ...), one
    segment sum over the class bits ``cls`` (``TABLE`` entries) of the joined lines.

    The 16 class bits of a character are four words of four 16-bit fields (``_PACKED``),
    so one running sum of four words counts every class; a line longer than a field holds
    is counted bit by bit. A word-opening capital (``CAP``) counts only at a line start or
    after whitespace.
    """
    cls = cls.copy()
    cls[1:] &= ~(((~cls[:-1] >> BLANK) & 1) << CAP)
    ends = np.append(starts[1:], len(cls))
    if len(cls) == 0 or int((ends - starts).max()) > _FIELD_MAX:
        bits = np.unpackbits(cls.view(np.uint8).reshape(-1, 2), axis=1, bitorder="little")
        return np.add.reduceat(bits, starts, axis=0, dtype=np.int32)
    run = np.zeros((len(cls) + 1, 4), dtype=np.uint64)
    np.cumsum(_PACKED[cls], axis=0, out=run[1:])
    # the difference of running sums is the line's own packed sum: no field carries over
    seg = run[ends] - run[starts]
    return ((seg[:, np.arange(16) // 4] >> _FIELD_SHIFTS) & np.uint64(0xFFFF)).astype(np.int32)


def find_seqs(code: np.ndarray, seqs: tuple[str, ...]) -> np.ndarray:
    """Positions where the code points of any of ``seqs`` occur in ``code`` (sequence after
    sequence); one pass over the page per distinct first character, then only its few
    positions."""
    out = [np.zeros(0, dtype=np.intp)]
    firsts: dict[str, np.ndarray] = {}
    for seq in seqs:
        k = len(seq)
        if seq[0] not in firsts:
            firsts[seq[0]] = (code == ord(seq[0])).nonzero()[0]
        pos = firsts[seq[0]]
        pos = pos[pos < len(code) - k + 1]
        for j in range(1, k):
            pos = pos[code[pos + j] == ord(seq[j])]
        out.append(pos)
    return np.concatenate(out)


def lines_at(pos: np.ndarray, starts: np.ndarray, n: int) -> np.ndarray:
    """How many of the positions ``pos`` fall in each line."""
    return np.bincount(np.searchsorted(starts, pos, side="right") - 1, minlength=n)
