"""Sentences -> claims, and claims of different articles matched into groups.

A claim is a clause of a sentence: the attribution frame ('X told Reuters', 'according to
X') is cut off as its own claim, and the remaining content is split at clause boundaries
(semicolons, ', saying ...', ', triggering ...', ', but ...'). Claims of different articles
are matched by IDF-weighted cosine over stems, with at most one claim per article in a
group, so that paraphrases of one claim end up as one fact.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field

import numpy as np
from scipy import sparse

from rashomon.compare.text import Sentence, content_stems, stem_tokens

#: reporting verbs that make a clause an attribution frame
SAY = (
    r"said|says|say|told|tells|tell|added|adds|reported|reports|revealed|reveals|stated|states|"
    r"announced|announces|claimed|claims|confirmed|confirms|insisted|noted|explained|warned|"
    r"wrote|writes|quoted|quoting|cited|citing|alleged|acknowledged|admitted|disclosed|"
    r"according to|as saying|spoke to|speaking to"
)
_SAY = rf"\b(?:{SAY})\b"
#: ', X said.' / ', Reuters reported on Saturday, citing officials.' at the end
_TRAIL = re.compile(
    rf",\s*(?P<frame>[^,;\"“”]{{2,120}}?{_SAY}[^,;\"“”]{{0,80}}?"
    rf"(?:,\s*(?:citing|quoting|according to)[^,;]{{0,120}})?)\s*[.!?]?\s*$",
    re.I,
)
#: 'According to X, ...' / 'Quoting X, ...' at the start
_LEAD_PREP = re.compile(
    r"^(?P<frame>(?:according to|quoting|citing|as reported by)\s[^,]{2,120}),\s*", re.I
)
#: 'X told Reuters that ...' / 'Reuters cited a source who stated that ...' at the start
_LEAD_THAT = re.compile(
    rf"^(?P<frame>[^\"“”]{{2,160}}?{_SAY}(?:\s+[\w’'-]+){{0,5}}?)\s+that\s+", re.I
)
#: ', Reuters said, ' in the middle
_MID = re.compile(rf",\s*(?P<frame>[^,]{{2,60}}?{_SAY}[^,]{{0,30}}),\s*", re.I)
#: clause boundaries inside the content of a claim
_CLAUSE = re.compile(
    r";\s+|,\s+(?=(?:but|while|whereas|although|though)\s)"
    r"|,\s+(?=(?!including|according|following|during|bring|something|nothing)\w{3,}ing\s)",
    re.I,
)
#: a clause needs this many content stems to stand alone (shorter pieces stay joined)
MIN_CLAUSE_STEMS = 4


@dataclass(slots=True)
class Claim:
    """A clause of one sentence: content, or the attribution frame of the sentence."""

    article: int
    sentence: int
    kind: str  # "content" | "attribution"
    text: str
    start: int  # offset inside the sentence text
    end: int
    stems: list[str] = field(default_factory=list)
    #: the attribution frames of the sentence (for content claims)
    frames: list[str] = field(default_factory=list)
    #: stems seen only capitalised here (names say who or where, not what happened)
    names: set[str] = field(default_factory=set)
    #: stems of the frames (who is credited), a weaker matching signal than the content
    frame_stems: list[str] = field(default_factory=list)


def _frames(text: str) -> tuple[list[tuple[int, int]], tuple[int, int]]:
    """Attribution frame spans of a sentence and the (start, end) of its content."""
    frames: list[tuple[int, int]] = []
    start, end = 0, len(text)
    m = _LEAD_PREP.match(text)
    if m:
        frames.append(m.span("frame"))
        start = m.end()
    m = _LEAD_THAT.match(text, start)
    if m and len(content_stems(text[m.end() :])) >= 3:
        frames.append(m.span("frame"))
        start = m.end()
    m = _TRAIL.search(text, start)
    if m and len(content_stems(text[start : m.start()])) >= 3:
        frames.append(m.span("frame"))
        end = m.start()
    return frames, (start, end)


def sentence_claims(sent: Sentence) -> list[Claim]:
    """Split one sentence into its attribution frames and content clauses."""
    text = sent.text
    frames, (cs, ce) = _frames(text)
    mid = _MID.search(text, cs, ce)
    cuts: list[tuple[int, int]] = []
    if mid and len(content_stems(text[cs : mid.start()])) >= 2:
        frames.append(mid.span("frame"))
        cuts.append(mid.span("frame"))
    frame_texts = [text[a:b].strip(" \"“”") for a, b in frames]
    claims = [
        Claim(sent.article, sent.index, "attribution", f, a, b, content_stems(f))
        for (a, b), f in zip(frames, frame_texts, strict=True)
    ]
    pieces: list[tuple[int, int]] = []
    pos = cs
    for m in _CLAUSE.finditer(text, cs, ce):
        if any(a <= m.start() < b for a, b in cuts):
            continue
        pieces.append((pos, m.start()))
        pos = m.end()
    pieces.append((pos, ce))
    # merge pieces too small to be a claim into their neighbour
    merged: list[tuple[int, int]] = []
    for a, b in pieces:
        if merged and (
            len(content_stems(text[a:b])) < MIN_CLAUSE_STEMS
            or len(content_stems(text[merged[-1][0] : merged[-1][1]])) < MIN_CLAUSE_STEMS
        ):
            merged[-1] = (merged[-1][0], b)
        else:
            merged.append((a, b))
    for a, b in merged:
        frag = text[a:b]
        lead = len(frag) - len(frag.lstrip(" ,;"))
        frag = frag.strip(" ,;")
        for fa, fb in cuts:
            if a <= fa and fb <= b:
                frag = (text[a + lead : fa] + text[fb:b]).strip(" ,;")
        frag = re.sub(r"\s*,(?:\s*,)+", ",", frag)  # the comma on each side of a cut frame
        toks = stem_tokens(frag)
        if toks:
            lower = {t for t, cap, _, _ in toks if not cap}
            claims.append(
                Claim(
                    sent.article,
                    sent.index,
                    "content",
                    frag,
                    a + lead,
                    a + lead + len(frag),
                    [t for t, _, _, _ in toks],
                    frame_texts,
                    {t for t, _, _, _ in toks} - lower,
                    [t for f in frame_texts for t in content_stems(f)],
                )
            )
    return claims


def idf_weights(claims: list[Claim]) -> dict[str, float]:
    """Inverse claim frequency of every stem (content and frame) in the story."""
    df: Counter[str] = Counter()
    for c in claims:
        df.update(set(c.stems) | set(c.frame_stems))
    n = len(claims) or 1
    # in stem order, not set order: vector columns, and so float sums, must not depend on
    # the process's string hashing
    return {s: math.log(1 + n / k) for s, k in sorted(df.items())}


#: weight of a frame stem against a content stem: who is credited helps tell two similar
#: claims apart but must not match two claims on its own ('told Reuters' is everywhere)
FRAME_WEIGHT = 0.5


def claim_vectors(claims: list[Claim], idf: dict[str, float]) -> sparse.csr_matrix:
    """Unit-length, IDF-weighted binary stem vectors (frame stems at ``FRAME_WEIGHT``)."""
    vocab = {s: i for i, s in enumerate(idf)}
    rows, cols, vals = [], [], []
    for i, c in enumerate(claims):
        weights = {s: FRAME_WEIGHT * idf[s] for s in c.frame_stems}
        weights.update({s: idf[s] for s in c.stems})
        for s, w in weights.items():
            rows.append(i)
            cols.append(vocab[s])
            vals.append(math.sqrt(w))  # square-root weights: shared common words still count
    x = sparse.csr_matrix((vals, (rows, cols)), shape=(len(claims), len(vocab)), dtype=np.float32)
    norms = np.sqrt(np.asarray(x.multiply(x).sum(axis=1)).ravel())
    return sparse.diags(1 / np.maximum(norms, 1e-9)) @ x


#: weight of the containment score (shared weight over the shorter claim's weight) next
#: to the cosine: a short claim told inside a long sentence is still the same claim. 0.75
#: raised shared facts between same-event article pairs (SemEval-2022 Task 8) from 1.28 to
#: 1.61 a pair with unrelated pairs at 0.06 -> 0.07; 0.9 let unrelated pairs reach 0.09
CONTAIN_WEIGHT = 0.75


def similarity_matrix(claims: list[Claim], idf: dict[str, float]) -> np.ndarray:
    """Cosine between all claims' stem vectors (dense, claims x claims).

    With ``CONTAIN_WEIGHT`` the score is the larger of the cosine and the weighted
    containment of the shorter claim in the longer.
    """
    x = claim_vectors(claims, idf)
    cos = np.asarray((x @ x.T).todense(), dtype=np.float32)
    if not CONTAIN_WEIGHT:
        return cos
    # squared norms before normalisation: rebuild from the unit vectors' weights
    raw = _raw_norms(claims, idf)
    dot = cos * np.outer(raw, raw)
    shorter = np.minimum.outer(raw**2, raw**2)
    contain = dot / np.maximum(shorter, 1e-9)
    return np.maximum(cos, CONTAIN_WEIGHT * contain).astype(np.float32)


def _raw_norms(claims: list[Claim], idf: dict[str, float]) -> np.ndarray:
    out = np.zeros(len(claims), dtype=np.float32)
    for i, c in enumerate(claims):
        weights = {s: FRAME_WEIGHT * idf[s] for s in c.frame_stems}
        weights.update({s: idf[s] for s in c.stems})
        out[i] = math.sqrt(sum(weights.values()))  # sqrt weights, so squared norm = sum
    return out


#: cosine above which two claims of different articles are taken as one claim; set on
#: hand-made paraphrase pairs: rewordings of one news sentence score 0.35-0.8, sentences
#: that only share the story's actors score below 0.25
MATCH = 0.3
#: a group also needs this mean cosine between all its members (stops chaining)
GROUP_MEAN = 0.22
#: and this many shared stems that are not names (what happened, not only who or where),
#: unless the cosine alone is high
MIN_SHARED = 2
HIGH = 0.6
#: long claims that share many content words match at a lower cosine: four shared
#: non-name stems are rarely a coincidence even when each claim adds its own details
MANY_SHARED, MATCH_MANY = 4, 0.22


#: with sentence embeddings: a pair whose embedding cosine is this high matches at a low
#: stem cosine if it shares one non-name stem ('dock workers walked off the job' / 'port
#: workers went on strike'); static MiniLM vectors of rewordings score 0.75-0.85, claims
#: that only share a topic and its actors up to ~0.72
EMB_MATCH, EMB_LEX = 0.78, 0.1


def _can_pair(a: Claim, b: Claim, sim: float, emb: float = 0.0) -> bool:
    if a.article == b.article:
        return False
    shared = len((set(a.stems) & set(b.stems)) - a.names - b.names)
    if emb >= EMB_MATCH and sim >= EMB_LEX and shared >= 1:
        return True
    if sim < min(MATCH, MATCH_MANY):
        return False
    if sim >= HIGH:
        return True
    return (sim >= MATCH and shared >= MIN_SHARED) or shared >= MANY_SHARED


def match_claims(
    claims: list[Claim], sim: np.ndarray, emb: np.ndarray | None = None
) -> list[list[int]]:
    """Groups of claim indices, at most one claim per article in a group.

    Greedy: the most similar pair of claims from different articles is joined first; two
    groups merge only if they hold no claim of the same article and their mean cosine is
    at least ``GROUP_MEAN``. ``emb`` (claim-by-claim embedding cosine) lets close
    rewordings with few shared words match.
    """
    if emb is not None:
        rescue = (emb >= EMB_MATCH) & (sim >= EMB_LEX)
        sim = np.where(rescue, np.maximum(sim, MATCH), sim)
    else:
        emb = np.zeros_like(sim)
    n = len(claims)
    group = list(range(n))
    members: dict[int, list[int]] = {i: [i] for i in range(n)}
    arts = np.array([c.article for c in claims])
    cand = np.triu(sim >= min(MATCH, MATCH_MANY), k=1) & (arts[:, None] != arts[None, :])
    pairs = [
        (float(sim[i, j]), int(i), int(j))
        for i, j in zip(*np.nonzero(cand), strict=True)
        if _can_pair(claims[i], claims[j], float(sim[i, j]), float(emb[i, j]))
    ]
    pairs.sort(reverse=True)
    for _, i, j in pairs:
        gi, gj = group[i], group[j]
        if gi == gj:
            continue
        a, b = members[gi], members[gj]
        if {claims[k].article for k in a} & {claims[k].article for k in b}:
            continue
        if float(sim[np.ix_(a, b)].mean()) < GROUP_MEAN:
            continue
        members[gi] = a + b
        for k in b:
            group[k] = gi
        del members[gj]
    return [
        sorted(m, key=lambda k: (claims[k].article, claims[k].sentence)) for m in members.values()
    ]
