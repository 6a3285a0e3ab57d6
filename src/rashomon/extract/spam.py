"""Spam posted as comments: dating solicitations, money offers and link drops.

A comment is spam when it both solicits (sends the reader to the writer's profile, a link
or a contact) and speaks the language of dating or easy money; either sign alone is
common in honest comments.
"""

from __future__ import annotations

import re

# Solicitations and lures: '\b(?:visit|see|check|come to|look at|view)\s+my\s+(?:profile|page|
# site|photos?|pics?)|my\s+profile\b|click (?:here|the link|on my)|contact me\b|write (?:to )?
# me\b|message me\b|text me\b|add me\b|find me (?:on|at)\b|link in my\b|join (?:me|now)\b|sign
# up (?:here|now)|apply (?:here|now))' and '\b(?:dating|date me|lonely|single (?:women|girls|
# ladies|men)|girls?|woman|ladies|sexy|hot|kiss|love|romance|romantic|relationship|ideal man|
# real man|my man|boyfriend|girlfriend|meet (?:me|singles)|earn(?:ed|ing)?\s+\$?\d|\$\d[\d,]*
# \s*(?:per|a|an|/)\s*(?:hour|day|week|month)|work(?:ing)? from home|make money|income|per hour|
# casino|bitcoin|investment opportunity|free gift|crypto)\b', ignoring case. Written here as
# ``lines._DATE_MONTH_FIRST`` is, for the same matches three times faster: each opens with a
# class of the characters its matches open with (what ignore-case first letters match: 'ſ'
# for 's', the Kelvin sign for 'k', 'ı' and 'İ' for 'i'), ``(?<!\w.)`` after it being the
# ``\b`` before a letter (``(?<=\w\$)`` the one before '$'), and a look-behind at it picks the
# words that open with it, in the order above.
_MY = r"\s+my\s+(?:profile|page|site|photos?|pics?)"
_SOLICIT = re.compile(
    rf"(?-i:[VSCLMWTAFJvsclmwtafj\u017f])(?<!\w.)(?:(?<=v)(?:isit|iew){_MY}"
    rf"|(?<=s)(?:ee{_MY}|ign up (?:here|now))"
    rf"|(?<=c)(?:heck{_MY}|ome to{_MY}|lick (?:here|the link|on my)|ontact me\b)"
    rf"|(?<=l)(?:ook at{_MY}|ink in my\b)"
    r"|(?<=m)(?:y\s+profile\b|essage me\b)|(?<=w)rite (?:to )?me\b|(?<=t)ext me\b"
    r"|(?<=a)(?:dd me\b|pply (?:here|now))|(?<=f)ind me (?:on|at)\b|(?<=j)oin (?:me|now)\b)",
    re.IGNORECASE,
)
_LURE = re.compile(
    r"(?-i:[DLSGWHKRIMBEPCFdlsgwhkrimbepcf\u017f\u212a\u0131\u0130$])(?:(?<!\w.)(?:"
    r"(?<=d)(?:ating|ate me)|(?<=l)(?:onely|adies|ove)"
    r"|(?<=s)(?:ingle (?:women|girls|ladies|men)|exy)|(?<=g)(?:irls?|irlfriend)"
    r"|(?<=w)(?:oman|ork(?:ing)? from home)|(?<=h)ot|(?<=k)iss"
    r"|(?<=r)(?:omance|omantic|elationship|eal man)"
    r"|(?<=i)(?:deal man|ncome|nvestment opportunity)|(?<=m)(?:y man|eet (?:me|singles)|ake money)"
    r"|(?<=b)(?:oyfriend|itcoin)|(?<=e)arn(?:ed|ing)?\s+\$?\d|(?<=p)er hour"
    r"|(?<=c)(?:asino|rypto)|(?<=f)ree gift)"
    r"|(?<=\w\$)\d[\d,]*\s*(?:per|a|an|/)\s*(?:hour|day|week|month))\b",
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
