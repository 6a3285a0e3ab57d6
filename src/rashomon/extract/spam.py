"""Spam posted as comments: dating solicitations, money offers and link drops.

A comment is spam when it both solicits (sends the reader to the writer's profile, a link
or a contact) and speaks the language of dating or easy money; either sign alone is
common in honest comments.
"""

from __future__ import annotations

import re

_SOLICIT = re.compile(
    r"\b(?:(?:visit|see|check|come to|look at|view)\s+my\s+(?:profile|page|site|photos?|pics?)"
    r"|my\s+profile\b|click (?:here|the link|on my)|contact me\b|write (?:to )?me\b"
    r"|message me\b|text me\b|add me\b|find me (?:on|at)\b|link in my\b|join (?:me|now)\b"
    r"|sign up (?:here|now)|apply (?:here|now))",
    re.IGNORECASE,
)
_LURE = re.compile(
    r"\b(?:dating|date me|lonely|single (?:women|girls|ladies|men)|girls?|woman|ladies|sexy|"
    r"hot|kiss|love|romance|romantic|relationship|ideal man|real man|my man|boyfriend|"
    r"girlfriend|meet (?:me|singles)|earn(?:ed|ing)?\s+\$?\d|\$\d[\d,]*\s*(?:per|a|an|/)\s*"
    r"(?:hour|day|week|month)|work(?:ing)? from home|make money|income|per hour|casino|bitcoin|"
    r"investment opportunity|free gift|crypto)\b",
    re.IGNORECASE,
)
_URL = re.compile(r"https?://\S+|www\.\S+|\b\w+\.(?:com|net|xyz|club|info|ru)/\S*", re.I)
_FIRST_PERSON = re.compile(r"\b(?:I|I'm|I’m|me|my)\b")


def spam_reason(text: str) -> str | None:
    """Why ``text`` looks like spam, or ``None``."""
    solicit = _SOLICIT.search(text)
    lures = len(_LURE.findall(text))
    if solicit and lures >= 1:
        return f"solicitation ({solicit.group(0)!r}) with dating or money lure"
    # a link counts with two lures or a solicitation: look for one only then
    url = _URL.search(text) if lures >= 2 or solicit else None
    if url and lures >= 2:
        return "link with dating or money lure"
    if url and solicit:
        return "link with solicitation"
    # a long first-person personal ad: many lures, written about 'me'
    if lures >= 4 and len(_FIRST_PERSON.findall(text)) >= 4:
        return "first-person dating or money pitch"
    return None
