"""Loaded or opinion wording inside reporting, as spans with a kind.

A small general lexicon (written for this project, not learnt from any story) with five
kinds, named after the propaganda techniques of news-analysis research:
- ``loaded_language``: words with strong emotional charge ('shameful', 'slaughter');
- ``name_calling``: labels that brand an actor ('regime', 'thugs', 'puppet');
- ``doubt``: wording that casts suspicion ('raises serious questions', 'so-called');
- ``exaggeration``: inflating or absolute terms ('unprecedented', 'utterly');
- ``opinion``: the writer's stance marked as obvious ('clearly', 'of course').
Words inside direct quotes are the speaker's, not the outlet's: their spans carry
``in_quote``.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import Any

from rashomon.compare.loaded_model import load_default as load_tagger
from rashomon.compare.text import Sentence, article_ref

_STEMS = {
    "loaded_language": """shameful disgrace disgraceful outrage outrageous appalling atrocious
        atrocity atrocities horrific horrifying horrible horrendous terrible brutal brutality
        barbaric
        barbarism savage savagery vicious evil wicked sinister heinous despicable vile monstrous
        nefarious ruthless reckless callous cruel cowardly pathetic ridiculous absurd insane
        idiotic stupid disastrous catastrophic shocking slaughter slaughtered massacre massacred
        butcher butchered butchery onslaught rampage plunder plundered looted blatant blatantly
        flagrant egregious draconian hysterical hysteria fanatical fanatics notorious infamous
        corrupt rotten sham farce hoax lies lying propaganda brainwashed brainwashing bizarre
        scandal scandalous chaos chaotic nightmare debacle fiasco meltdown tirade rant screed
        slammed slams blasted lashed ripped bashed smear smeared hateful vicious venomous
        sickening disgusting despicable deplorable treacherous treachery betrayal betrayed
        invaders invasion horde hordes swarm
        ravaged terrorised annihilate annihilated
        bloodthirsty bloody cynical cynically shameless shamelessly arrogant arrogance
        ludicrous preposterous laughable disgraced evil-doers oppression oppressive tyranny
        persecution genocide lawless illegitimate""",
    "name_calling": """regime regimes thug thugs puppet puppets mercenary mercenaries terrorist
        terrorists dictator dictators tyrant tyrants despot despots warmonger warmongers cronies
        lackey lackeys stooge stooges traitor traitors snowflake snowflakes leftist leftists
        globalist globalists elites fascist fascists nazi nazis racist racists bigot bigots
        extremist extremists zealot zealots lunatic lunatics moron morons clown clowns idiot
        idiots hack hacks shill shills apologist apologists propagandist propagandists
        jihadist jihadists radicals henchmen gangsters bandits junta cabal
        usurper usurpers collaborators""",
    "doubt": """so-called alleged allegedly purported purportedly supposedly dubious
        questionable dubiously self-proclaimed self-styled""",
    "exaggeration": """unprecedented massive enormous colossal staggering countless endless
        utterly completely totally absolutely all-out relentless catastrophe
        apocalyptic epic""",
    "opinion": """clearly obviously undoubtedly undeniably evidently certainly surely
        admittedly unfortunately sadly thankfully regrettably shockingly
        ironically""",
}
_PHRASES = {
    "doubt": [
        r"raises? (?:serious |many |more |troubling )?questions?",
        r"real motives?",
        r"it remains (?:unclear|to be seen)",
        r"what is really",
        r"is really",
        r"(?:so|self)[- ]called",
        r"questions remain",
        r"far from clear",
    ],
    "name_calling": [
        r"war machine",
        r"death cult",
        r"fake news",
        r"deep state",
        r"mainstream media",
        r"(?:far|radical|hard)[- ](?:left|right)",
        r"illegal aliens",
        r"terror(?:ist)? (?:group|organi[sz]ation)s?",
        r"[A-Z][\w-]+['’]s regime",
        r"[A-Z][\w-]+ regime",
    ],
    "loaded_language": [
        r"witch[- ]hunt",
        r"lash(?:ed|es)? out",
        r"war on",
        r"flood of",
        r"wave of",
    ],
    "exaggeration": [
        r"never before",
        r"the (?:worst|biggest|largest) (?:ever|in history)",
        r"every single",
        r"once in a generation",
    ],
    "opinion": [r"of course", r"needless to say", r"it is (?:clear|obvious) that"],
}
#: a phrase wins over a single word it contains; kinds listed first win ties
_KIND_ORDER = ("name_calling", "doubt", "loaded_language", "exaggeration", "opinion")


def _build() -> re.Pattern[str]:
    alts: list[str] = []
    for kind in _KIND_ORDER:
        for p in _PHRASES.get(kind, []):
            alts.append(f"(?P<{kind}_p{len(alts)}>{p})")
    return re.compile(r"(?<![\w-])(?:" + "|".join(alts) + r")(?![\w-])", re.I)


#: single words by lower-cased form -> kind (first kind in ``_KIND_ORDER`` wins)
_WORDS: dict[str, str] = {}
for _kind in reversed(_KIND_ORDER):
    _WORDS.update({w: _kind for w in _STEMS[_kind].split()})
_TOKEN = re.compile(r"[\w’'-]+")


_PATTERN = _build()
_QUOTED = re.compile(r"[“\"]([^”\"“]{1,400})[”\"]")
_REPORTED = re.compile(
    r"\b(?:said|says|say|told|tells|warned|called|calls|described|describes|dubbed|termed|"
    r"wrote|added|stated|declared|vowed|promised|quoted|according to)\b(?!.*[.;]\s)|"
    r"^[,\s]*(?:said|says|added|wrote)\b",
    re.I,
)
#: tagger probability a span needs to be shown in a story: on held-out PTC articles 0.8
#: gives precision 0.54 at recall 0.07 (the training threshold 0.5: 0.28 at 0.20); news
#: readers see these spans, so precision first
STORY_MIN_SCORE = 0.8
#: a quoted stretch of at most this many words with no speaker is a scare quote (doubt)
SCARE_WORDS = 3


def _inside(quotes: list[tuple[int, int, str]], pos: int) -> bool:
    """Is ``pos`` inside one of the (sorted, disjoint) quote spans?"""
    k = bisect_right(quotes, (pos, 1 << 62, ""))
    return k > 0 and quotes[k - 1][0] < pos < quotes[k - 1][1]


def find_loaded(
    text: str, model: bool = True, min_score: float | None = None
) -> list[dict[str, Any]]:
    """Loaded spans of a text as ``{kind, text, start, end, in_quote, source}``.

    ``model``: add the learned tagger's loaded-language and name-calling spans (when its
    weights are installed) where the lexicon found nothing; ``min_score``: the tagger's
    probability a span needs (default: the threshold chosen when it was trained).
    """
    quotes = [(m.start(), m.end(), m.group(1)) for m in _QUOTED.finditer(text)]
    out: list[dict[str, Any]] = []
    matches: list[tuple[str, re.Match[str]]] = []
    taken: list[tuple[int, int]] = []
    for m in _PATTERN.finditer(text):
        group = next(k for k, v in m.groupdict().items() if v is not None)
        matches.append((group.rsplit("_", 1)[0], m))
        taken.append(m.span())
    for m in _TOKEN.finditer(text):
        word_kind = _WORDS.get(m.group(0).lower())
        if word_kind and not any(a <= m.start() < b for a, b in taken):
            matches.append((word_kind, m))
    for kind, m in matches:
        if kind == "name_calling" and m.group(0)[:1].isupper() and " " not in m.group(0):
            continue  # a capitalised name ('Terrorist Act'), not a label
        if m.group(0).lower().startswith("so") and re.match(r"\s+[A-Z]{2,}", text[m.end() :]):
            continue  # 'so-called TOW missiles' introduces a technical name
        inq = _inside(quotes, m.start())
        out.append(
            {
                "kind": kind,
                "text": m.group(0),
                "start": m.start(),
                "end": m.end(),
                "in_quote": inq,
                "source": "lexicon",
            }
        )
    for a, b, q in quotes:
        words = q.split()
        if _REPORTED.search(text[max(0, a - 200) : a]) or _REPORTED.match(text[b : b + 40]):
            continue  # a speaker's words quoted, not a distancing quote
        if 0 < len(words) <= SCARE_WORDS and not re.search(r"[.!?,]$", q):
            out.append(
                {
                    "kind": "doubt",
                    "text": text[a:b],
                    "start": a,
                    "end": b,
                    "in_quote": False,
                    "scare_quote": True,
                    "source": "lexicon",
                }
            )
    tagger = load_tagger() if model else None
    out_sorted = sorted(out, key=lambda x: x["start"])
    starts = [x["start"] for x in out_sorted]
    if tagger is not None:
        for sp in tagger.spans(text, _WORDS):
            if min_score is not None and sp["score"] < min_score:
                continue
            k = bisect_right(starts, sp["start"])
            near = out_sorted[max(0, k - 2) : k + 2]
            if any(x["start"] < sp["end"] and sp["start"] < x["end"] for x in near):
                continue
            sp["in_quote"] = _inside(quotes, sp["start"])
            sp["source"] = "model"
            sp["score"] = round(sp["score"], 3)
            out.append(sp)
    out.sort(key=lambda s: s["start"])
    return out


def article_loaded(article: Any, sentences: list[Sentence]) -> list[dict[str, Any]]:
    """Loaded spans of one article, with offsets into ``article.text`` where known.

    The article's sentences are scanned as one text (one tagger call per article, and
    quotes that run over several sentences are seen whole), then each span is given back
    to its sentence.
    """
    out: list[dict[str, Any]] = []
    if not sentences:
        return out
    ref = article_ref(article)
    joined, starts = "", []
    for s in sentences:
        starts.append(len(joined))
        joined += s.text + "\n"
    for span in find_loaded(joined, min_score=STORY_MIN_SCORE):
        k = bisect_right(starts, span["start"]) - 1
        s = sentences[k]
        a, b = span["start"] - starts[k], min(span["end"] - starts[k], len(s.text))
        rec = {
            "article": ref["id"],
            "outlet": ref["outlet"],
            **span,
            "text": s.text[a:b],
            "sentence": s.text,
        }
        if s.start is not None:
            rec["start"], rec["end"] = s.start + a, s.start + b
        else:
            rec["start"] = rec["end"] = None
        out.append(rec)
    return out
