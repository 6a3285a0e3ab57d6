"""Facts: groups of matched claims with their articles, evidence and support; omissions.

Besides one fact per claim group, two kinds of derived facts are made from a group:
- a *detail* fact when some members share content the others lack (two outlets add that
  the supplies retook a town; one outlet alone gives a casualty figure);
- an *attribution* fact when several members credit the same wire or news agency
  ('Reuters reported, citing opposition officials').
"""

from __future__ import annotations

import re
from itertools import combinations
from typing import Any

from rashomon.compare.claims import Claim
from rashomon.compare.sourcing import WIRES
from rashomon.compare.text import Sentence, article_ref, content_stems, outlet_key
from rashomon.model import Article

#: summed IDF of the stems only a subset of a group shares before they count as a detail
#: of their own: about three stems that occur in one claim of the story in ten
DETAIL_WEIGHT = 6.0
DETAIL_MIN_STEMS = 3
#: a wire, or an unnamed 'news agency', credited in a frame makes the attribution a fact
_AGENCY = re.compile(rf"({WIRES.pattern}|\bnews agency\b|\bwire service\b)")


def support_level(n_outlets: int, total: int) -> str:
    """'all', 'most', 'some' or 'unique' for a fact told by ``n_outlets`` of ``total``."""
    if n_outlets <= 1:
        return "unique" if total > 1 else "all"
    if n_outlets >= total:
        return "all"
    if n_outlets * 2 > total:
        return "most"
    return "some"


def _clause_with(text: str, stems: set[str]) -> str:
    """The comma-separated stretch of ``text`` that holds the given stems."""
    parts = re.split(r"(?<=,)\s+|\s+(?=and\s)", text)
    hit = [i for i, p in enumerate(parts) if set(content_stems(p)) & stems]
    if not hit:
        return text
    return " ".join(parts[hit[0] : hit[-1] + 1]).strip(" ,")


class FactBuilder:
    """Turns matched claim groups into fact records."""

    def __init__(
        self,
        articles: list[Article],
        sentences: list[list[Sentence]],
        claims: list[Claim],
        idf: dict[str, float],
    ) -> None:
        self.articles = articles
        self.sentences = sentences
        self.claims = claims
        self.idf = idf
        self.total = len({outlet_key(a) for a in articles})
        self.facts: list[dict[str, Any]] = []
        self._credited: set[tuple[str, int, int]] = set()

    def _evidence(self, c: Claim, text: str | None = None) -> dict[str, Any]:
        sent = self.sentences[c.article][c.sentence]
        return {
            "article": self.articles[c.article].id,
            "sentence": sent.text,
            "claim": text or c.text,
            "start": sent.start,
            "end": sent.end,
        }

    def add(
        self, kind: str, members: list[Claim], text: str, texts: list[str] | None = None
    ) -> dict[str, Any]:
        """Record one fact told by the articles of ``members``."""
        idx = sorted({c.article for c in members})
        tx: list[str | None] = list(texts) if texts else [None] * len(members)
        outlets = {outlet_key(self.articles[i]) for i in idx}
        fact = {
            "id": f"f{len(self.facts) + 1}",
            "kind": kind,
            "text": text,
            "articles": [article_ref(self.articles[i]) for i in idx],
            "evidence": [self._evidence(c, t) for c, t in zip(members, tx, strict=True)],
            "support": support_level(len(outlets), self.total),
            "n_outlets": len(outlets),
            "_members": members,
        }
        self.facts.append(fact)
        return fact

    def details(self, members: list[Claim]) -> None:
        """Detail facts: content shared by a subset of the group and absent from the rest."""
        sets = [set(c.stems) for c in members]
        k = len(members)
        sizes = range(k - 1, 0, -1) if k <= 5 else (2, 1)
        taken: set[str] = set()
        for size in sizes:
            for sub in combinations(range(k), size):
                rest = [sets[i] for i in range(k) if i not in sub]
                shared = set.intersection(*(sets[i] for i in sub)) - set().union(*rest) - taken
                weight = sum(self.idf.get(s, 0.0) for s in sorted(shared))  # stable sum
                if weight < DETAIL_WEIGHT or len(shared) < DETAIL_MIN_STEMS:
                    continue
                if size == 1 and not any(s[0].isdigit() for s in shared):
                    continue  # one outlet's own wording is not a detail unless it has a figure
                taken |= shared
                subs = [members[i] for i in sub]
                texts = [_clause_with(c.text, shared) for c in subs]
                self.add("detail", subs, texts[0], texts)

    def attribution(self, members: list[Claim]) -> None:
        """An attribution fact when two or more members credit the same agency."""
        credited: dict[str, list[tuple[Claim, str]]] = {}
        for c in members:
            for frame in c.frames:
                for m in _AGENCY.finditer(frame):
                    credited.setdefault(m.group(1).lower(), []).append((c, frame))
        sent_text = {c.article: self.sentences[c.article][c.sentence].text for c in members}
        for c in members:
            for m in _AGENCY.finditer(sent_text[c.article]):
                if not any(x is c for x, _ in credited.get(m.group(1).lower(), [])):
                    credited.setdefault(m.group(1).lower(), []).append((c, m.group(1)))
        for _wire, got in credited.items():
            uniq = list({id(c): (c, f) for c, f in got}.values())
            where = {(_wire, c.article, c.sentence) for c, _ in uniq}
            if where <= self._credited:
                continue  # the same sentences' credit is already a fact (clauses of one sentence)
            self._credited |= where
            if len({c.article for c, _ in uniq}) >= 2:
                frames = [f for _, f in uniq]
                best = max(frames, key=lambda f: len(content_stems(f)))
                self.add("attribution", [c for c, _ in uniq], best, frames)
                return


def omissions(facts: list[dict[str, Any]], articles: list[Article]) -> list[dict[str, Any]]:
    """Per outlet, the facts that most of the other outlets report and it leaves out."""
    outlets = sorted({outlet_key(a) for a in articles})
    out = []
    for o in outlets:
        others = len(outlets) - 1
        missing = []
        for f in facts:
            told = {a["outlet"] for a in f["articles"]}
            if o in told or len(told) < 2:
                continue
            if len(told) * 2 > others:
                missing.append({"fact": f["id"], "text": f["text"], "told_by": sorted(told)})
        if missing:
            out.append({"outlet": o, "facts": missing})
    return out
