"""Line segmentation and line features."""

from __future__ import annotations

import re

import numpy as np

from rashomon.extract.lines import base_features, line_features, split_lines

PAGE = (
    "Menu\n\n  Title of the story  \n\n\n"
    "The council met on Monday and voted to close the bridge.\nShare\n"
)


def test_split_lines_offsets_and_blanks() -> None:
    lines = split_lines(PAGE)
    assert [ln.text for ln in lines] == [
        "Menu", "Title of the story",
        "The council met on Monday and voted to close the bridge.", "Share",
    ]
    for ln in lines:
        assert PAGE[ln.start : ln.end] == ln.text
    assert [ln.lineno for ln in lines] == [1, 3, 6, 7]
    assert [ln.blank_before for ln in lines] == [0, 1, 2, 0]
    assert lines[0].blank_after == 1


def test_split_lines_empty() -> None:
    assert split_lines("") == []
    assert split_lines("\n \n") == []


def test_prose_line_has_stopwords_and_sentence_end() -> None:
    f = base_features(split_lines(PAGE))
    prose, chrome = f[2], f[3]
    assert prose[2] > 0.2 and prose[3] == 1.0
    assert chrome[2] == 0.0 and chrome[10] > 0


def test_line_features_shape_is_stable() -> None:
    a = line_features(split_lines(PAGE))
    b = line_features(split_lines("one line only."))
    assert a.shape[1] == b.shape[1]
    assert np.isfinite(a).all()


def test_features_do_not_depend_on_pages_seen_before() -> None:
    from rashomon.extract import lines as lines_mod

    page = ("Bridge closed after cracks found\n\nBy Jane Roe | 3 min read\n\nThe council voted "
            "on Tuesday to close the bridge, and engineers said on Jan 5 the repairs take weeks."
            "\n\nShare this article\n\n© 2024 Example News -- all rights reserved")
    lines = split_lines(page)
    cold = line_features(lines)
    line_features(split_lines("Another page\nwith other words, closed and found again."))
    assert np.array_equal(line_features(lines), cold)
    # stopword share of the prose line: the, on, to, the, and, said, on, the ... (per token)
    toks = lines[2].key.split()
    assert cold[2, 2] == np.float32(sum(t in lines_mod.STOPWORDS for t in toks) / len(toks))
    assert cold[4, 27] == 1.0 and cold[3, 27] == 0.0  # the copyright sign
    assert cold[1, 12] == 1.0  # 'By ...' line
    # 'Jan 5' is a date, and so is a month word in a line with a number
    assert cold[2, 13] == 1.0 and cold[0, 13] == 0.0


def test_title_similarity_counts_distinct_words() -> None:
    lines = split_lines("Bridge closed\nthe bridge bridge is closed now\nnothing alike here")
    f = base_features(lines, "Bridge closed today")
    # {bridge, closed} shared of {the, bridge, is, closed, now} and {bridge, closed, today}
    assert f[1, 15] == np.float32(2 / 6)
    assert f[2, 15] == 0.0
    assert f[0, 15] == np.float32(2 / 3)


def test_norm_key_is_the_lower_cased_tokens() -> None:
    from rashomon.extract.lines import _TOKEN, key_words, norm_key, tokens

    # ASCII lines take a byte table, the others the token pattern: the same keys
    for text in ["Hello, World_2! x-ray -- 12:30 (AP)", "  Tabs\tand|pipes  ", "",
                 "Café “quoted” — naïve, 日本語 text", "ΣΊΣΥΦΟΣ and İstanbul"]:
        assert norm_key(text) == " ".join(tokens(text))
        assert key_words(text) == (norm_key(text), tokens(text))
        assert tokens(text) == _TOKEN.findall(text.lower())
    assert norm_key("Hello, World_2!") == "hello world_2"


def test_date_searches_find_the_lines_the_date_pattern_finds() -> None:
    from rashomon.extract.lines import _DATE, _date, _date_word, norm_key

    lines = ["Posted Jan 5, 2021", "Filed on 3rd March", "Chapter 9", "Updated 2024-01-02",
             "Serial A2024-01-02", "Closed 12/03/24 at noon", "Edited 45 mins ago",
             "Sept. 9 was cold", "Jan.5", "4_5 days ago", "x1 Jan 5", "December 31",
             "Sep 5", "Report 12 hours later", "SEPT. 30 and", "ſep 5", "xjan 5", "_Jan 5",
             "(june 1", "Ja n 5", "maY\t3rd", "in Oct,\u00a012", "décembre 5", "mayor 12",
             "DEC 2024"]
    for text in lines:
        assert (_date(text) is not None) == (_DATE.search(text) is not None), text
    assert [_date(t) is not None for t in lines[:3]] == [True, True, False]
    assert _date_word(norm_key("Posted Dec 5")) and _date_word(norm_key("two days ago"))
    assert not _date_word(norm_key("a good agora")) and not _date_word(norm_key("5 Jo"))


def test_split_lines_keeps_each_lines_words() -> None:
    lines = split_lines("Hello, World!\n\n  Don’t stop — 3 times  \n")
    assert [ln.words for ln in lines] == [["hello", "world"], ["don", "t", "stop", "3", "times"]]
    assert all(ln.words == ln.key.split() for ln in lines)


def test_split_lines_keys_as_line_by_line() -> None:
    from rashomon.extract.lines import key_words

    # the page-wide key table agrees with key_words line by line: ASCII pages, a page of
    # other scripts, and the characters it leaves to ``str.lower`` (final sigma, 'İ', above
    # the Basic Multilingual Plane)
    pages = ["Plain ASCII page\n\n  with_words, and 12:30 (AP)\n",
             "Café “quoted” — naïve\nМосква́ 日本語 text\n\u00a0ÅNGSTRÖM\tK\u212a",
             "ΣΊΣΥΦΟΣ and", "İstanbul", "math \U0001d400\U0001d41b c\nend\U0001f600."]
    for page in pages:
        lines = split_lines(page)
        assert [(ln.key, ln.words) for ln in lines] == [key_words(ln.text) for ln in lines]


def test_urlish_lines_as_the_pattern() -> None:
    from rashomon.extract.lines import _URLISH

    texts = ["see https://example.org/a", "www.example.org", "example.com", "example.company",
             "mail me@home", "a @ sign", "#tag here", "# heading", "http:/x", "no link",
             "end.com_x", "café.com"]
    f = base_features(split_lines("\n".join(texts)))
    assert f[:, 11].tolist() == [float(_URLISH.search(t) is not None) for t in texts]
    assert f[:, 11].tolist() == [1, 1, 1, 0, 1, 0, 1, 0, 0, 0, 0, 1]


def test_comment_marker_in_two_halves() -> None:
    from rashomon.extract.lines import COMMENT_MARKER, is_comment_marker

    texts = ["12 Comments", "Comments (3):", "Leave a Reply", "Notify of", "Newest | Oldest",
             "Most Voted", "Reply · Share", "posted 3 hours ago", "an hour ago today",
             "Jo Bo says:", "she wrote:", "4 votes", "Inline Feedbacks", "Sort by best",
             "12 likes", "the reply came late", "Log in to comment", "nothing here",
             "Show more comments", "rating: 4"]
    found = [is_comment_marker(t) for t in texts]
    assert found == [COMMENT_MARKER.search(t) is not None for t in texts]
    assert found.count(False) == 2 and not found[15] and not found[17]
    # the second half from its first characters: the same matches as the plain pattern
    from rashomon.extract.lines import _MARKER_ANYWHERE, _MARKER_SEARCH

    plain = re.compile(_MARKER_ANYWHERE, re.IGNORECASE)
    for text in texts + ["٣ days ago", "x3 days ago", "ſays:", "İnline feedbacks", "Ian says:",
                         "_an hour ago", "the newest, then oldest", "10  Minutes ago!"]:
        m = plain.search(text)
        assert (m and m.span()) == (_MARKER_SEARCH.search(text) and
                                    _MARKER_SEARCH.search(text).span()), text



def test_thread_opener_in_two_halves() -> None:
    from rashomon.extract.lines import THREAD_OPENER, is_thread_opener

    texts = ["[ 12 Comments ]", "Leave a Comment", "LEAVE A REPLY now", "Newest first, then voted",
             "newest stories, oldest", "sort: newest", "Add a comment", "What do you think?",
             "the newest oldest", "xleave a reply", "Log in to reply", "nothing to see",
             "Notify of new replies", "ſhow more comments", "Newest", "a newest-oldest list"]
    found = [is_thread_opener(t) for t in texts]
    assert found == [THREAD_OPENER.search(t) is not None for t in texts]
    assert found.count(False) == 4 and not found[9] and not found[11]


def _written_pages() -> list[str]:
    """The pages written for the line model's held-out check (data/line_pages)."""
    from pathlib import Path

    folder = Path(__file__).resolve().parents[2] / "data" / "line_pages"
    return [p.read_text() for p in sorted(folder.glob("*.txt"))
            if not p.name.endswith(".body.txt")]


def test_features_of_many_pages_are_each_pages_own() -> None:
    from rashomon.extract.lines import pages_features

    texts = _written_pages()[:12]
    # an empty page, a one-line page and pages with and without a title among them: no
    # window, shift, running sum or page-wide count may reach across a page's edge
    texts[3:3] = ["", "A single line with a colon:", ""]
    pages = [split_lines(t) for t in texts]
    titles = [None if i % 3 else t.split("\n", 1)[0] for i, t in enumerate(texts)]
    alone = np.concatenate([line_features(p, t) for p, t in zip(pages, titles, strict=True)])
    together = pages_features(pages, titles)
    assert together.shape == alone.shape and len(alone) > 500
    assert np.array_equal(together, alone)
    assert pages_features([], []).shape == (0, alone.shape[1])
