"""Kinds of removed lines."""

from __future__ import annotations

from rashomon.extract.kinds import inline_kind, removed_kind


def test_inline_kinds() -> None:
    assert inline_kind("4 min read") == "widget"
    assert inline_kind("Protesters gather outside parliament [AFP]") == "caption"
    assert inline_kind("Read more: Minister resigns over budget row") == "related"
    assert inline_kind("Follow us on Facebook and Twitter to stay connected") == "share"
    assert inline_kind("The minister said the budget would pass next week.") is None
    assert inline_kind("By HARBOUR NEWS STAFF") == "byline"
    assert inline_kind("By then the talks were over") is None
    assert inline_kind("2 of 9 Dockers gather at the gate on Monday") == "caption"
    assert inline_kind("Stay informed. Sign up for our morning briefing.") == "newsletter"
    assert inline_kind("The briefing said the union would sign up new members.") is None


def test_removed_kinds() -> None:
    assert removed_kind("© 2024 Example Media. All rights reserved.", after_body=True)[0] == \
        "footer"
    assert removed_kind("Sign up for our daily newsletter", after_body=False)[0] == "newsletter"
    assert removed_kind("You might also like", after_body=True)[0] == "related"
    assert removed_kind("12 Comments", after_body=True)[0] == "comment-label"
    assert removed_kind("By Jane Doe", after_body=False)[0] == "byline"
    assert removed_kind("Monday 3 June 2024", after_body=False)[0] == "date"
    assert removed_kind("World", after_body=False)[0] == "chrome"
