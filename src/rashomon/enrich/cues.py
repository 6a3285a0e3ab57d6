"""Lexicon of attribution cues: reporting verbs, verbs of belief and intent, source phrases.

Lemmas, not word forms: the spaCy lemmatizer normalises 'said', 'says', 'saying'.
"""

from __future__ import annotations

#: verbs of speech: their relations are quotes, with a speaker.
SPEECH = frozenset(
    """say tell add state claim assert insist argue explain note remark declare announce
    repeat reiterate respond reply answer ask warn admit acknowledge concede confirm deny
    comment testify recall write tweet post report reveal disclose predict promise pledge vow
    threaten accuse allege contend maintain observe stress emphasize emphasise caution complain
    boast brag joke quip muse shout yell scream whisper mutter exclaim urge demand propose
    recommend advise conclude mention hint imply estimate forecast counter retort protest
    lament charge tout question wonder speculate concur continue agree disagree inform
    assure brief announce suggest describe characterize call""".split()
)
#: verbs of belief, perception, intent and evidence: attributions without a speech act.
THOUGHT = frozenset(
    """believe think feel know hope fear expect want worry doubt consider assume suspect
    realize realise understand plan intend show find indicate signal see learn figure guess
    seem appear reckon anticipate prefer wish seek need refuse decline hear
    read""".split()
)
#: verbs that only count with a clausal complement ('see that ...', not 'see the film').
NEEDS_CLAUSE = frozenset(
    """know see find show learn figure hear read feel understand realize realise consider
    describe characterize call continue seem appear question agree disagree add state note
    post report answer ask decline refuse need seek wish prefer""".split()
)
#: verbs whose infinitive complement is the content ('vowed to repeal ...').
TAKES_INFINITIVE = frozenset(
    """promise pledge vow threaten want plan intend expect hope seek refuse decline urge
    ask tell call demand propose wish prefer need agree decide appear seem""".split()
)
#: 'citing X': X is the source of the clause the participle hangs on.
CITING = frozenset({"cite", "quote"})
#: nouns naming an anonymous or institutional source ('a source said').
SOURCE_NOUNS = frozenset(
    """source sources official officials spokesman spokeswoman spokesperson aide aides
    adviser advisers advisor advisors person people insider insiders""".split()
)
#: news outlets named as sources ('told Reuters', 'citing AFP').
OUTLET_WORDS = frozenset(
    """reuters afp ap bbc cnn nbc cbs abc fox msnbc bloomberg xinhua tass ria sana anadolu
    aljazeera al-jazeera politico axios""".split()
)
OUTLET_SUFFIXES = (
    "news",
    "times",
    "post",
    "journal",
    "agency",
    "press",
    "tribune",
    "herald",
    "gazette",
    "telegraph",
    "guardian",
    "daily",
    "tv",
    "radio",
    "network",
    "observer",
    "monitor",
    "review",
    "magazine",
)

ALL = SPEECH | THOUGHT | CITING


def is_outlet(name: str) -> bool:
    """Whether an organisation name looks like a news outlet."""
    low = name.lower().removeprefix("the ").strip()
    words = low.replace("'s", "").split()
    if not words:
        return False
    return (
        low.replace(" ", "") in OUTLET_WORDS
        or words[0] in OUTLET_WORDS
        or words[-1] in OUTLET_SUFFIXES
    )
