"""A short neutral summary: the facts most outlets share, in their most neutral wording.

Extractive: every summary sentence is one evidence sentence of a shared fact, chosen among
the outlets' versions for the fewest loaded words (name calling weighs most), and cites
every article that reports the fact.
"""

from __future__ import annotations

import re
from typing import Any

from rashomon.compare.claims import Claim
from rashomon.compare.loaded import find_loaded
from rashomon.compare.text import Sentence, article_ref, content_stems
from rashomon.model import Article

#: sentences in the summary
MAX_SENTENCES = 5
#: a candidate sharing this share of its stems with a chosen sentence repeats it
REDUNDANT = 0.6
#: loaded-word weights when picking the most neutral version of a fact
_WEIGHT = {
    "name_calling": 3.0,
    "loaded_language": 2.0,
    "doubt": 2.0,
    "exaggeration": 1.0,
    "opinion": 1.0,
}
#: sentences longer than this many characters are penalised (one per 100 characters more)
LONG = 220


#: sentences that open with a quotation mark (or are shorter than MIN_WORDS words) cost
#: this much: a summary states facts in the reporter's voice, in whole sentences
QUOTE_COST = 4.0
MIN_WORDS = 6
QUOTED_LEAD = re.compile(r"^\s*[\"“‘']")
#: cost of an actor label that only one outlet uses where others share another term
MINORITY_LABEL = 1.5


def minority_terms(labels: dict[str, Any]) -> set[str]:
    """Actor labels used by one outlet only, for actors that other outlets name alike."""
    out = set()
    for per in labels.values():
        users: dict[str, set[str]] = {}
        for outlet, terms in per.items():
            for t in terms:
                users.setdefault(t["term"].lower(), set()).add(outlet)
        if any(len(u) >= 2 for u in users.values()):
            out |= {t for t, u in users.items() if len(u) == 1}
    return out


def neutrality_cost(text: str, minority: set[str] = frozenset()) -> float:  # type: ignore[assignment]
    """How far a sentence is from neutral wording (0 for plain reporting)."""
    cost = sum(
        _WEIGHT.get(s["kind"], 1.0) for s in find_loaded(text, model=False) if not s["in_quote"]
    )
    low = text.lower()
    if QUOTED_LEAD.match(text):
        cost += QUOTE_COST  # a speaker's words, not the reporting
    if len(text.split()) < MIN_WORDS:
        cost += QUOTE_COST
    cost += MINORITY_LABEL * sum(1 for t in minority if re.search(rf"\b{re.escape(t)}\b", low))
    return cost + max(0, len(text) - LONG) / 100


def summarize(
    facts: list[dict[str, Any]],
    articles: list[Article],
    sentences: list[list[Sentence]],
    labels: dict[str, Any] | None = None,
    contested: set[str] | None = None,
) -> list[dict[str, Any]]:
    """Summary sentences with their sources, in story order.

    Args:
        facts: the story's facts (claim facts carry ``_members``).
        articles: the story's articles.
        sentences: their sentences.
        labels: the actor label table (labels one outlet alone uses count as loaded).
        contested: ids of facts with a contradiction (flagged in the summary).

    Returns:
        ``[{"text", "article", "sources": [refs], "fact", "support", "contested"}]``.
    """
    minority = minority_terms(labels or {})
    cands = [f for f in facts if f.get("kind") == "claim" and f.get("_members")]
    shared = [f for f in cands if f["n_outlets"] >= 2]
    pool = shared if shared else cands
    # facts told by more outlets first; among them, those told earlier in the articles
    ranked = []
    for f in pool:
        costs = [
            (neutrality_cost(sentences[c.article][c.sentence].text, minority), c.article, k)
            for k, c in enumerate(f["_members"])
        ]
        cost, _, k = min(costs)
        # facts told by more outlets first; those only quotable as quotes or fragments
        # last; then those told earlier in the articles
        key = (-f["n_outlets"], cost >= QUOTE_COST, _position(f["_members"], sentences))
        ranked.append((key, f, f["_members"][k]))
    ranked.sort(key=lambda x: x[0])
    chosen: list[tuple[float, dict[str, Any]]] = []
    seen: list[set[str]] = []
    for _, f, best in ranked:
        if len(chosen) >= MAX_SENTENCES:
            break
        sent = sentences[best.article][best.sentence]
        stems = set(content_stems(sent.text))
        if any(len(stems & s) / max(1, len(stems)) >= REDUNDANT for s in seen):
            continue
        seen.append(stems)
        chosen.append(
            (
                _position(f["_members"], sentences),
                {
                    "text": sent.text,
                    "article": article_ref(articles[best.article]),
                    "sources": f["articles"],
                    "fact": f["id"],
                    "support": f["support"],
                    "contested": f["id"] in (contested or set()),
                },
            )
        )
    return [rec for _, rec in sorted(chosen, key=lambda x: x[0])]


def _position(members: list[Claim], sentences: list[list[Sentence]]) -> float:
    """Mean relative place of a fact's claims in their articles (0 = lead)."""
    return sum(c.sentence / max(1, len(sentences[c.article])) for c in members) / len(members)
