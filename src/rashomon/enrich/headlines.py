"""Headline case: title-case paragraphs sentence-cased for the parser.

The English small model reads 'Senator Rips Budget As A Giveaway' as a run of proper nouns
and finds no verb, so a headline's report goes unseen. Before parsing, the common words of
a title-case paragraph are lower-cased: function words, words the article's own text writes
in lower case at least as often as capitalised mid-sentence, and words it never uses (a
headline's verbs). Names stay as they are: a word the text only writes capitalised keeps
its capital, also with a possessive ending ('Roe’s'). Every change keeps the text's length,
so offsets are the same in both texts; the parser sees the sentence-cased copy, everything
else the original (``tokens.text_of``).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

#: words a title-case paragraph needs (after its first) of 4 letters or more, all capitalised
MIN_TITLE_WORDS = 3
_WORD = re.compile(r"[^\W\d_](?:[\w'’]*\w)?")  # 'Post-Debate' is two words
#: marks after which a capital opens a sentence (it tells nothing about the word's case)
_OPENERS = ".!?:;\"“‘'(—–-\n"
#: function words lower-cased in a title-case paragraph whatever the text shows
FUNCTION_WORDS = frozenset(
    """a an the and but or nor for so yet of to in on at by with from into onto over under
    after before about against as than that this these those is are was were be been being
    has have had do does did will would can could may might must should shall not no his her
    its their our your my he she it they we you him them us up out off down if when while
    where who whom whose which what why how all any some more most just also now then""".split()
) | frozenset(  # negated helpers ('Won’t Renounce'), with either apostrophe
    w.replace("'", q)
    for w in """isn't aren't wasn't weren't don't doesn't didn't won't wouldn't can't couldn't
    shouldn't hasn't haven't hadn't""".split()
    for q in "'’"
)


def _key(word: str) -> str:
    """A word as the case counts know it: lower-cased, without a possessive ending, so
    'Roe’s' counts as the name 'Roe'."""
    low = word.lower()
    return low[:-2] if low.endswith(("’s", "'s")) else low


def _capitalised(words: list[str]) -> bool:
    """Whether every word of 4+ letters after the first opens with a capital (acronyms
    aside), and there are enough of them."""
    long = [w for w in words[1:] if len(w) >= 4 and not _acronym(w)]
    return len(long) >= MIN_TITLE_WORDS and all(w[0].isupper() for w in long)


def _acronym(word: str) -> bool:
    return len(word) > 1 and word.isupper()


def _case_counts(
    text: str, spans: list[tuple[int, int]]
) -> tuple[Counter[str], Counter[str], set[str]]:
    """How often each word (lower-cased) is written in lower case, and capitalised where no
    sentence starts, in the paragraphs ``spans`` (start, length) of ``text``; and every
    word seen."""
    lower: Counter[str] = Counter()
    upper: Counter[str] = Counter()
    seen: set[str] = set()
    for m in (m for s, n in spans for m in _WORD.finditer(text, s, s + n)):
        w = m.group()
        seen.add(_key(w))
        if w[0].islower():
            lower[_key(w)] += 1
            continue
        i = m.start() - 1
        while i >= 0 and text[i] == " ":
            i -= 1
        if i >= 0 and text[i] not in _OPENERS and not _acronym(w):
            upper[_key(w)] += 1
    return lower, upper, seen


def sentence_cased(text: str, paragraphs: Iterable[tuple[int, int]]) -> str:
    """``text`` with the common words of its title-case ``paragraphs`` (start, length)
    lower-cased, the same length; ``text`` itself when none is in title case.

    A paragraph is in title case when its longer words all open with a capital and it
    capitalises function words ('To', 'After') or two words the text writes in lower case;
    so 'Barack Obama met Vladimir Putin in Geneva.' is not. In one, a word is lower-cased
    when it is a function word, when the text writes it in lower case at least as often as
    capitalised mid-sentence, or when the text never uses it (names in a headline come back
    in the article; the verbs of a headline often do not).
    """
    spans = list(paragraphs)
    todo = [(s, n) for s, n in spans if _capitalised(_WORD.findall(text[s : s + n]))]
    if not todo:
        return text
    lower, upper, seen = _case_counts(text, [p for p in spans if p not in todo])

    def common(low: str) -> bool:
        return low in FUNCTION_WORDS or 0 < lower[low] >= upper[low]

    out = list(text)
    for start, length in todo:
        words = list(_WORD.finditer(text, start, start + length))[1:]  # the first opens it
        caps = [m for m in words if m.group()[0].isupper() and not _acronym(m.group())]
        if not (
            any(m.group().lower() in FUNCTION_WORDS for m in caps)
            or sum(common(_key(m.group())) for m in caps) >= 2
        ):
            continue
        for m in caps:
            low = m.group().lower()
            if len(low) != len(m.group()) or len(low) == 1 and low not in FUNCTION_WORDS:
                continue  # the 'S' of 'U.S.' is no word
            if common(_key(low)) or _key(low) not in seen:
                out[m.start() : m.end()] = low
    return "".join(out)
