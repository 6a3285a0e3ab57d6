"""Contradictions inside a fact: different figures, dates, places or polarity.

Two outlets that tell one claim with figures that cannot both hold ('nearly 150 ships' /
'hundreds of ships') contradict each other, unless the later article came out well after
the earlier one: then the figure was most likely updated as the story developed.
"""

from __future__ import annotations

import difflib
import re
from datetime import datetime
from itertools import combinations
from typing import Any

from rashomon.compare.claims import Claim
from rashomon.compare.figures import Figure, enrichment_figure, find_dates, find_figures, negation
from rashomon.compare.text import Sentence, article_ref, outlet_key, published_at
from rashomon.model import Article

#: stem cosine two claims need before a negation in one of them is a contradiction: the
#: same proposition worded alike ('confirmed that talks resume' / 'did not confirm ...'),
#: not two related claims of one fact group
POLARITY_SIM = 0.4
#: hours between two articles beyond which a changed figure reads as an update: wire
#: copy of one event is rewritten within the hour, tolls are revised over half a day
UPDATE_HOURS = 3.0
_PLACE_PREP = frozenset("in at near from to outside inside across".split())
_TOKEN = re.compile(r"[\w’'-]+")


def _when(article: Article) -> datetime | None:
    return published_at(article)


def _status(a: Article, b: Article) -> tuple[str, str]:
    """'update' or 'conflict' for two disagreeing articles, and why."""
    ta, tb = _when(a), _when(b)
    if ta is None or tb is None:
        return "conflict", "publication order unknown"
    try:
        gap = abs((tb - ta).total_seconds()) / 3600
    except TypeError:  # one aware, one naive
        return "conflict", "publication order unknown"
    later = a if ta > tb else b
    if outlet_key(a) == outlet_key(b) and ta != tb:
        return "update", f"{outlet_key(later)} revised its own report {gap:.0f} h later"
    if gap >= UPDATE_HOURS:
        return "update", f"{outlet_key(later)} published {gap:.0f} h later"
    return "conflict", f"published {gap:.1f} h apart"


class Figures:
    """Figures of claims: the enrichment's when it found some in the sentence, else ours."""

    def __init__(self, articles: list[Article], sentences: list[list[Sentence]]) -> None:
        self.articles = articles
        self.sentences = sentences

    def of(self, c: Claim) -> list[Figure]:
        sent = self.sentences[c.article][c.sentence]
        enr = getattr(self.articles[c.article], "enrichment", None) or {}
        figs = []
        if sent.start is not None and isinstance(enr, dict):
            lo, hi = sent.start + c.start, sent.start + c.end
            for f in enr.get("figures") or []:
                span = f.get("span") or {}
                if isinstance(span, dict) and lo <= span.get("start", -1) < hi:
                    fig = enrichment_figure(f)
                    if fig is not None:
                        figs.append(fig)
        return figs or find_figures(c.text)


def _places(a: str, b: str) -> tuple[str, str] | None:
    """Two different capitalised names in the same 'in X' slot of two claims."""
    ta, tb = _TOKEN.findall(a), _TOKEN.findall(b)
    sm = difflib.SequenceMatcher(
        None, [t.lower() for t in ta], [t.lower() for t in tb], autojunk=False
    )
    for op, i1, i2, j1, j2 in sm.get_opcodes():
        if op != "replace" or i1 == 0 or j1 == 0 or i2 - i1 > 3 or j2 - j1 > 3:
            continue
        if ta[i1 - 1].lower() not in _PLACE_PREP:
            continue
        pa, pb = ta[i1:i2], tb[j1:j2]
        if all(w[:1].isupper() for w in pa + pb):
            return " ".join(pa), " ".join(pb)
    return None


class _Collector:
    """The contradiction records of one fact, by (kind, key)."""

    def __init__(
        self, fact: dict[str, Any], articles: list[Article], sentences: list[list[Sentence]]
    ) -> None:
        self.fact, self.articles, self.sentences = fact, articles, sentences
        self.found: dict[tuple[str, str], dict[str, Any]] = {}

    def add(self, kind: str, key: str, ca: Claim, va: str, cb: Claim, vb: str) -> None:
        """Record that claims ``ca`` and ``cb`` disagree (values ``va``, ``vb``)."""
        status, note = _status(self.articles[ca.article], self.articles[cb.article])
        rec = self.found.setdefault(
            (kind, key),
            {
                "fact": self.fact["id"],
                "text": self.fact["text"],
                "kind": kind,
                "status": status,
                "note": note,
                "values": [],
            },
        )
        if status == "conflict":  # one same-time disagreement makes the whole a conflict
            rec["status"], rec["note"] = status, note
        for c, v in ((ca, va), (cb, vb)):
            art = self.articles[c.article]
            if not any(x["article"]["id"] == art.id for x in rec["values"]):
                rec["values"].append(
                    {
                        "article": article_ref(art),
                        "published": art.published,
                        "text": v,
                        "sentence": self.sentences[c.article][c.sentence].text,
                    }
                )


def _with_frames(c: Claim) -> str:
    return " ".join([*c.frames, c.text])


def find_contradictions(
    facts: list[dict[str, Any]],
    articles: list[Article],
    sentences: list[list[Sentence]],
    sims: dict[tuple[int, int], float] | None = None,
) -> list[dict[str, Any]]:
    """Contradictions within the claim facts (each needs ``_members``).

    ``sims`` maps (id(claim_a), id(claim_b)) to their stem cosine: a negation in one of
    two claims only counts when they are worded alike.
    """
    sims = sims or {}
    figs = Figures(articles, sentences)
    out: list[dict[str, Any]] = []
    for fact in facts:
        members: list[Claim] = fact.get("_members") or []
        if fact.get("kind") != "claim" or len(members) < 2:
            continue
        col = _Collector(fact, articles, sentences)
        add = col.add

        per = {id(c): figs.of(c) for c in members}
        for ca, cb in combinations(members, 2):
            for fa in per[id(ca)]:
                for fb in per[id(cb)]:
                    if fa.counts and fa.counts == fb.counts and not fa.overlaps(fb):
                        add("figure", fa.counts, ca, fa.text, cb, fb.text)
            da, db = find_dates(ca.text), find_dates(cb.text)
            for k in sorted(da.keys() & db.keys()):
                if da[k][0] != db[k][0]:
                    add("date", k, ca, da[k][1], cb, db[k][1])
            pl = _places(ca.text, cb.text)
            if pl:
                add("place", "place", ca, pl[0], cb, pl[1])
            na, nb = negation(_with_frames(ca)), negation(_with_frames(cb))
            if bool(na) != bool(nb) and sims.get((id(ca), id(cb)), 1.0) >= POLARITY_SIM:
                add("polarity", "polarity", ca, na or "affirmed", cb, nb or "affirmed")
        for rec in col.found.values():
            rec["values"].sort(key=lambda v: v["published"] or "")
            out.append(rec)
    return out
