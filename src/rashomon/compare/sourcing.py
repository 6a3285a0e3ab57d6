"""Sourcing: wire attributions, who cites whom, and passage-level reuse between articles.

Reuse is found per sentence. A sentence *copies* another article when most of its word
4-grams occur in one sentence there; it *paraphrases* it when one of its claims is a close
rewording (stem cosine) of a claim there. The other article is the source when it was
published earlier; with unknown dates the passage is only reported as shared.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from datetime import datetime
from typing import Any

import numpy as np

from rashomon.compare.claims import Claim
from rashomon.compare.text import Sentence, article_ref, outlet_key, published_at
from rashomon.model import Article

#: wire services and state news agencies
WIRES = re.compile(
    r"\b(Reuters|Associated Press|AP|AFP|Agence France[- ]Presse|Bloomberg|dpa|ANSA|EFE|"
    r"Xinhua|TASS|RIA Novosti|Sputnik|Anadolu(?: Agency)?|SANA|IRNA|Interfax|Kyodo|Yonhap|"
    r"PTI|UPI|ANI|Tasnim|Fars|Yonhap|Ukrinform|KCNA|Press Trust of India)\b"
)
_CANON = {
    "associated press": "AP",
    "agence france presse": "AFP",
    "agence france-presse": "AFP",
    "anadolu agency": "Anadolu",
    "press trust of india": "PTI",
}
#: share of a sentence's word 4-grams found in one sentence of another article for a copy
COPY = 0.5
#: claim cosine for a close paraphrase (same claim *and* mostly the same words; plain
#: matching of one fact starts at 0.3)
PARAPHRASE = 0.55
SHINGLE = 4
_W = re.compile(r"\w+")


def wire_name(name: str) -> str:
    """Canonical name of a wire service ('Associated Press' -> 'AP')."""
    return _CANON.get(name.lower(), name)


def _when(article: Article) -> datetime | None:
    return published_at(article)


def _shingles(text: str) -> set[tuple[str, ...]]:
    w = [x.lower() for x in _W.findall(text)]
    return {tuple(w[i : i + SHINGLE]) for i in range(len(w) - SHINGLE + 1)}


def _direction(a: Article, b: Article) -> str:
    """'from' if ``b`` is earlier than ``a``, 'to' if later, 'shared' if unknown."""
    ta, tb = _when(a), _when(b)
    if ta is None or tb is None or ta == tb:
        return "shared"
    return "from" if tb < ta else "to"


def compare_sourcing(
    articles: list[Article], sentences: list[list[Sentence]], claims: list[Claim], sim: np.ndarray
) -> dict[str, Any]:
    """Wire credits, citations between the story's outlets, and text reuse.

    Args:
        articles: the story's articles.
        sentences: their sentences (as split for the comparison).
        claims: the content claims, rows of ``sim``.
        sim: claim-by-claim cosine.

    Returns:
        ``{"articles": [per-article wires, cites, reused/own share, passages],
        "cites": [{"from", "to"}], "reuse": [passage records]}``.
    """
    flat = [s for sents in sentences for s in sents]
    index: dict[tuple[str, ...], set[int]] = defaultdict(set)
    sh = [_shingles(s.text) for s in flat]
    for k, shs in enumerate(sh):
        for g in shs:
            index[g].add(k)
    lookup = {(x.article, x.index): x for x in flat}
    by_sent: dict[tuple[int, int], list[int]] = defaultdict(list)
    for ci, c in enumerate(claims):
        by_sent[(c.article, c.sentence)].append(ci)
    outlets = {outlet_key(a) for a in articles}
    cited = [
        cited_sources(a, [c for c in claims if c.article == i]) for i, a in enumerate(articles)
    ]
    reuse: list[dict[str, Any]] = []
    per_article = []
    cites: set[tuple[str, str]] = set()
    for ai, art in enumerate(articles):
        wires: Counter[str] = Counter(wire_name(m.group(1)) for m in WIRES.finditer(art.body_text))
        for o in outlets - {outlet_key(art)}:
            if len(o) > 3 and re.search(rf"\b{re.escape(o)}\b", art.body_text):
                cites.add((outlet_key(art), o))
        total, reused, wire_chars = 0, 0, 0
        passages: list[dict[str, Any]] = []
        for s in sentences[ai]:
            total += len(s.text)
            best = _best_source(ai, s, flat, lookup, index, by_sent, claims, sim)
            if WIRES.search(s.text):
                wire_chars += len(s.text)
            if best is None:
                continue
            kind, bj, score, src = best
            direction = _direction(art, articles[bj])
            if direction == "to":
                continue  # the other article came later: it reused this one
            reused += len(s.text)
            rec = {
                "article": art.id,
                "sentence": s.text,
                "paragraph": s.para,
                "kind": kind,
                "score": round(score, 2),
                "source": article_ref(articles[bj]),
                "source_sentence": src.text,
                "direction": direction,
            }
            passages.append(rec)
            reuse.append(rec)
        per_article.append(
            {
                **article_ref(art),
                "wires": dict(wires.most_common()),
                "reused_share": round(reused / total, 3) if total else 0.0,
                "wire_share": round(wire_chars / total, 3) if total else 0.0,
                "own_share": round(1 - reused / total, 3) if total else 0.0,
                "reused_from": dict(Counter(p["source"]["outlet"] for p in passages)),
                "sources": [
                    {"source": k, "count": n} for k, n in cited[ai].most_common(MAX_SOURCES)
                ],
            }
        )
    by_source: dict[str, set[str]] = defaultdict(set)
    for ai, credited in enumerate(cited):
        for name in credited:
            by_source[name.lower()].add(outlet_key(articles[ai]))
    return {
        "articles": per_article,
        "cites": [{"from": a, "to": b} for a, b in sorted(cites)],
        "cited_by": {k: sorted(v) for k, v in sorted(by_source.items()) if len(v) > 1},
        "reuse": reuse,
    }


#: named sources listed per article
MAX_SOURCES = 12
_SAY_SPLIT = re.compile(
    r"\b(?:said|says|told|tells|added|reported|reports|revealed|stated|announced|claimed|"
    r"confirmed|insisted|noted|explained|warned|wrote|quoted|cited|spoke|as saying)\b",
    re.I,
)
_LEAD = re.compile(r"^(?:according to|quoting|citing|as reported by)\s+", re.I)
_DET = re.compile(r"^(?:the|a|an|one|two|three|several|some)\s+", re.I)


def frame_source(frame: str) -> str | None:
    """Who a frame credits: 'senior officials told Reuters' -> 'senior officials'."""
    f = frame.strip(" ,.")
    lead = _LEAD.match(f)
    if lead:
        src = f[lead.end() :]
    else:
        m = _SAY_SPLIT.search(f)
        src = f[: m.start()] if m and m.start() > 0 else (f[m.end() :] if m else f)
    src = re.split(
        r",|\bwho\b|\bthat\b|\bon (?:monday|tuesday|wednesday|thursday|friday|"
        r"saturday|sunday)\b",
        src,
        flags=re.I,
    )[0].strip(" ,.")
    src = _DET.sub("", src)
    if not re.search(r"[A-Za-z]{2}", src) or len(src.split()) > 8:
        return None
    if src.lower() in {"he", "she", "they", "it", "we", "i"}:
        return None
    wire = WIRES.search(src)
    return wire_name(wire.group(1)) if wire else src


def cited_sources(article: Article, claims: list[Claim]) -> Counter[str]:
    """Sources an article credits: the enrichment's attributions, else the claims' frames."""
    enr = getattr(article, "enrichment", None)
    out: Counter[str] = Counter()
    if isinstance(enr, dict) and enr.get("attributions"):
        names = {e.get("id"): e.get("name") for e in enr.get("entities") or []}
        for a in enr["attributions"]:
            who = a.get("speaker")
            name = names.get(who) if isinstance(who, str) else None
            src = a.get("source")
            text = name or (src.get("text") if isinstance(src, dict) else None)
            if text and text.lower() not in {"he", "she", "they", "it", "we", "i"}:
                out[_DET.sub("", text.strip())] += 1
        return out
    seen = set()
    for c in claims:
        for f in c.frames:
            if (c.sentence, f) in seen:
                continue
            seen.add((c.sentence, f))
            src = frame_source(f)
            if src:
                out[src] += 1
    return out


def _best_source(
    ai: int,
    s: Sentence,
    flat: list[Sentence],
    lookup: dict[tuple[int, int], Sentence],
    index: dict[tuple[str, ...], set[int]],
    by_sent: dict[tuple[int, int], list[int]],
    claims: list[Claim],
    sim: np.ndarray,
) -> tuple[str, int, float, Sentence] | None:
    """The other article's sentence this one copies or closely paraphrases, if any."""
    mine = _shingles(s.text)
    best: tuple[str, int, float, Sentence] | None = None
    if mine:
        hits: Counter[int] = Counter()
        for g in mine:
            for k in index.get(g, ()):
                if flat[k].article != ai:
                    hits[k] += 1
        if hits:
            k, n = hits.most_common(1)[0]
            share = n / len(mine)
            if share >= COPY:
                best = ("copy", flat[k].article, share, flat[k])
    if best is None:
        for ci in by_sent.get((ai, s.index), []):
            row = sim[ci]
            for cj in np.argsort(-row)[:5]:
                c = claims[int(cj)]
                if c.article != ai and row[cj] >= PARAPHRASE:
                    score = float(row[cj])
                    if best is None or score > best[2]:
                        best = ("paraphrase", c.article, score, lookup[(c.article, c.sentence)])
                    break
    return best
