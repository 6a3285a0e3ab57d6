"""Comment spam: solicitation plus lure, not either alone."""

from __future__ import annotations

from rashomon.extract.spam import spam_reason


def test_dating_ad_is_spam() -> None:
    text = ("Hello! I am a kind and romantic woman looking for a real man who loves travel. "
            "I want to feel love again. Visit my profile to see my photos.")
    assert spam_reason(text) is not None


def test_money_link_is_spam() -> None:
    text = "I earn $95 per hour working from home, see www.example-jobs.xyz/start for details"
    assert spam_reason(text) is not None


def test_honest_comments_are_not_spam() -> None:
    assert spam_reason("I love this country and my family lives there. Stop the war.") is None
    assert spam_reason("Check my earlier comment: the minister said the opposite.") is None
    assert spam_reason("The source is www.un.org/report, read it before commenting.") is None
