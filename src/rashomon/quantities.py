"""The words of quantities and calendar dates that enrichment and comparison both read.

``enrich.figures`` parses the numbers spaCy finds; ``compare.figures`` finds figures by
pattern in a claim's text (for articles without enrichment) and turns both into value
intervals. They read the same number words, vague plurals and month names from here, so a
figure gets the same value whichever way it was found.
"""

from __future__ import annotations

#: number words up to twenty, the tens, and 'dozen'
NUMBER_WORDS: dict[str, int] = {
    w: i
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen "
        "fourteen fifteen sixteen seventeen eighteen nineteen twenty".split()
    )
}
NUMBER_WORDS.update(
    {"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
     "ninety": 90, "dozen": 12}
)
#: scale words spelled out ('3.6 million')
SCALE_WORDS: dict[str, float] = {
    "hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
}
#: vague plurals as ranges, a reader's reading rather than a definition: 'dozens' is at
#: least two dozen and fewer than a hundred, 'hundreds' at least two hundred
VAGUE_PLURALS: dict[str, tuple[float, float]] = {
    "tens": (20.0, 99.0),
    "dozens": (24.0, 99.0),
    "scores": (40.0, 99.0),
    "hundreds": (200.0, 999.0),
    "thousands": (2e3, 9999.0),
    "millions": (2e6, 9.99e8),
    "billions": (2e9, 9.99e11),
}
#: vague plurals of scale words: 'tens of thousands' is at least twenty thousand and fewer
#: than a hundred thousand
VAGUE_COMPOUNDS: dict[str, tuple[float, float]] = {
    "tens of thousands": (2e4, 99999.0),
    "hundreds of thousands": (2e5, 999999.0),
    "tens of millions": (2e7, 9.99e7),
    "hundreds of millions": (2e8, 9.99e8),
}
#: how far a qualified figure may stretch: 'nearly 150' is 135-150, 'about 150' 135-165,
#: 'more than 150' anything above it (up to ten times: a writer rounding down further would
#: have named the larger figure)
QUALIFIER_RANGES: dict[str, tuple[float, float]] = {
    "nearly": (0.9, 1.0),
    "almost": (0.9, 1.0),
    "close to": (0.9, 1.0),
    "just under": (0.9, 1.0),
    "about": (0.9, 1.1),
    "around": (0.9, 1.1),
    "some": (0.9, 1.1),
    "roughly": (0.9, 1.1),
    "approximately": (0.9, 1.1),
    "circa": (0.9, 1.1),
    "an estimated": (0.85, 1.15),
    "estimated": (0.85, 1.15),
    "more than": (1.0, 10.0),
    "over": (1.0, 10.0),
    "just over": (1.0, 1.1),
    "at least": (1.0, 10.0),
    "upwards of": (1.0, 10.0),
    "in excess of": (1.0, 10.0),
    "up to": (0.0, 1.0),
    "at most": (0.0, 1.0),
    "as many as": (0.5, 1.0),
    "less than": (0.0, 1.0),
    "fewer than": (0.0, 1.0),
    "under": (0.0, 1.0),
}
MONTH_NAMES: tuple[str, ...] = tuple(
    "january february march april may june july august september october november "
    "december".split()
)
WEEKDAY_NAMES: tuple[str, ...] = tuple(
    "monday tuesday wednesday thursday friday saturday sunday".split()
)
