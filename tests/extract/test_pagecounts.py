"""Bulk counting over a page: character classes per line and literal sequences."""

from __future__ import annotations

import numpy as np

from rashomon.extract.pagecounts import (
    CAP,
    DIGIT,
    LETTER,
    TABLE,
    UPPER,
    char_counts,
    find_seq,
    lines_at,
)


def _codes(text: str) -> np.ndarray:
    return np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)


def test_char_counts_per_line() -> None:
    text = "Ab Cd 12\nxY zé\u00a0Éa"
    code = _codes(text)
    starts = np.array([0, 9])
    cc = char_counts(TABLE[np.minimum(code, 0xFFFF)], starts)
    assert cc[0, UPPER] == 2 and cc[0, LETTER] == 4 and cc[0, DIGIT] == 2
    # word-opening capitals: after a blank (also a no-break space) or at a line start
    assert cc[0, CAP] == 2 and cc[1, CAP] == 1 and cc[1, UPPER] == 2


def test_find_seq_and_lines_at() -> None:
    text = "a. b. c\nno stop\n. d"
    pos = find_seq(_codes(text), ". ")
    assert pos.tolist() == [1, 4, 16]
    assert lines_at(pos, np.array([0, 8, 16]), 3).tolist() == [2, 0, 1]
    assert find_seq(_codes("ab"), "abc").size == 0


def test_char_counts_of_long_lines() -> None:
    # counts near and past the 16-bit counters of the packed sum stay exact
    for size in (60_000, 70_000):
        text = "a" * size + "\nB c"
        cc = char_counts(TABLE[np.minimum(_codes(text), 0xFFFF)], np.array([0, size + 1]))
        assert cc[:, LETTER].tolist() == [size, 2] and cc[:, UPPER].tolist() == [0, 1]
