"""Comment spam: solicitation plus lure, not either alone."""

from __future__ import annotations

from rashomon.extract.spam import spam_reason


def test_dating_ad_is_spam() -> None:
    text = (
        "Hello! I am a kind and romantic woman looking for a real man who loves travel. "
        "I want to feel love again. Visit my profile to see my photos."
    )
    assert spam_reason(text) is not None


def test_money_link_is_spam() -> None:
    text = "I earn $95 per hour working from home, see www.example-jobs.xyz/start for details"
    assert spam_reason(text) is not None


def test_honest_comments_are_not_spam() -> None:
    assert spam_reason("I love this country and my family lives there. Stop the war.") is None
    assert spam_reason("Check my earlier comment: the minister said the opposite.") is None
    assert spam_reason("The source is www.un.org/report, read it before commenting.") is None


def test_patterns_find_what_the_plain_patterns_find() -> None:
    import re

    from rashomon.extract.spam import _LURE, _SOLICIT

    solicit = re.compile(
        r"\b(?:(?:visit|see|check|come to|look at|view)\s+my\s+(?:profile|page|site|photos?|"
        r"pics?)|my\s+profile\b|click (?:here|the link|on my)|contact me\b|write (?:to )?me\b"
        r"|message me\b|text me\b|add me\b|find me (?:on|at)\b|link in my\b|join (?:me|now)\b"
        r"|sign up (?:here|now)|apply (?:here|now))",
        re.IGNORECASE,
    )
    lure = re.compile(
        r"\b(?:dating|date me|lonely|single (?:women|girls|ladies|men)|girls?|woman|ladies|sexy|"
        r"hot|kiss|love|romance|romantic|relationship|ideal man|real man|my man|boyfriend|"
        r"girlfriend|meet (?:me|singles)|earn(?:ed|ing)?\s+\$?\d|\$\d[\d,]*\s*(?:per|a|an|/)\s*"
        r"(?:hour|day|week|month)|work(?:ing)? from home|make money|income|per hour|casino|"
        r"bitcoin|investment opportunity|free gift|crypto)\b",
        re.IGNORECASE,
    )
    texts = [
        "Look at my pics, ROMANTIC girls and a girlfriend",
        "x$5 per hour, $5 per hour",
        "join nowhere; join me",
        "ſee my site ınCOME \u212aiss",
        "photo shoot hotel lovely",
        "Earned 50 a day: apply here, then click the link",
        "İncome from home",
    ]
    for text in texts:
        m, n = solicit.search(text), _SOLICIT.search(text)
        assert (m and (m.span(), m.group(0))) == (n and (n.span(), n.group(0))), text
        assert lure.findall(text) == _LURE.findall(text), text
    assert _LURE.findall(texts[1]) == ["$5 per hour", "per hour"]  # (no \b before the 2nd "$")
