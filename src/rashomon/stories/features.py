"""Per-article vectors for clustering: TF-IDF over content words and names, plus embeddings.

The vocabulary is incremental: terms are hashed (``text.term_hash``) and document
frequencies are counted as articles arrive, so no corpus pass is needed before the first
article is placed and the state is one fixed-size array.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field

import numpy as np

from rashomon.model import Article
from rashomon.stories import text as T

#: Dimensions of the count-sketch of the lexical vector used only to shortlist candidate
#: stories before exact scoring (the sketch's dot product estimates the cosine, std ~1/16).
SKETCH_DIM = 256
#: Terms kept per article vector: the heaviest 150 carry most of the cosine mass of a
#: 1,000-word article; on BASIL 150 scores as well as 300 dated and better undated (the
#: light tail is mostly background words shared across events), and stories stay small.
MAX_TERMS = 150

_SKETCH_SALT = 0x9E3779B1


@dataclass(slots=True)
class Sparse:
    """A sparse vector: sorted int64 keys and their float32 values."""

    k: np.ndarray
    v: np.ndarray

    @classmethod
    def empty(cls) -> Sparse:
        """The zero vector."""
        return cls(np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32))

    def __len__(self) -> int:
        return len(self.k)

    def n2(self) -> float:
        """Squared norm."""
        return float(self.v @ self.v)

    def plus(self, other: Sparse, max_terms: int | None = None) -> Sparse:
        """Sum of two vectors, keeping the ``max_terms`` heaviest entries."""
        if not len(other):
            return self
        if not len(self):
            return other
        k = np.concatenate([self.k, other.k])
        uk, inv = np.unique(k, return_inverse=True)
        uv = np.bincount(inv, weights=np.concatenate([self.v, other.v]))
        if max_terms is not None and len(uk) > max_terms:
            top = np.sort(np.argpartition(-np.abs(uv), max_terms)[:max_terms])
            uk, uv = uk[top], uv[top]
        return Sparse(uk, uv.astype(np.float32))


@dataclass(slots=True)
class Features:
    """What clustering knows about one article."""

    id: str
    day: int | None
    outlet: str | None
    title: str
    lex: Sparse
    names: Sparse
    sketch: np.ndarray
    emb: np.ndarray | None = None
    entity_names: list[str] = field(default_factory=list)
    #: months (1-12) of the event dates an undated text names ('on January 24')
    months: frozenset[int] = frozenset()


def dot(a: Sparse, b: Sparse) -> float:
    """Dot product of two sparse vectors."""
    if not len(a) or not len(b):
        return 0.0
    pos = np.searchsorted(b.k, a.k)
    pos[pos >= len(b.k)] = 0
    hit = b.k[pos] == a.k
    return float(a.v[hit] @ b.v[pos[hit]])


def sketch(vec: Sparse) -> np.ndarray:
    """Count-sketch of a sparse vector into ``SKETCH_DIM`` dense dimensions."""
    if not len(vec):
        return np.zeros(SKETCH_DIM, dtype=np.float32)
    return sketch_cells(vec.k, vec.v, np.zeros(len(vec), dtype=np.int64), 1)[0].astype(np.float32)


def sketch_cells(keys: np.ndarray, vals: np.ndarray, row: np.ndarray, n: int) -> np.ndarray:
    """Float64 count-sketches of ``n`` sparse vectors laid flat (``row`` says whose entry)."""
    mixed = (keys.astype(np.int64) * _SKETCH_SALT) & 0xFFFFFFFF
    sign = np.where((mixed >> 31) & 1, -1.0, 1.0)
    cell = row * SKETCH_DIM + (mixed >> 8) % SKETCH_DIM
    out = np.bincount(cell, weights=sign * vals, minlength=n * SKETCH_DIM)
    return out.reshape(n, SKETCH_DIM)


class DocFreq:
    """Running document frequencies over the hashed vocabulary."""

    def __init__(self, df: np.ndarray | None = None, n_docs: int = 0) -> None:
        self.df = df if df is not None else np.zeros(1 << T.HASH_BITS, dtype=np.int32)
        self.n_docs = n_docs

    def add(self, *term_sets: Counter[int] | np.ndarray) -> None:
        """Count one document holding the union of ``term_sets`` (Counters or key arrays)."""
        parts = [
            t if isinstance(t, np.ndarray) else np.fromiter(t, dtype=np.int64, count=len(t))
            for t in term_sets
        ]
        keys = np.unique(np.concatenate(parts)) if parts else np.zeros(0, dtype=np.int64)
        self.df[keys] += 1
        self.n_docs += 1

    def weigh(
        self, counts: Counter[int] | tuple[np.ndarray, np.ndarray], max_terms: int = MAX_TERMS
    ) -> Sparse:
        """Unit TF-IDF vector: sublinear tf times smoothed idf, the heaviest terms kept.

        ``counts`` is a Counter of term buckets or a (buckets, counts) pair of arrays.
        """
        if isinstance(counts, tuple):
            keys, tf = counts[0].astype(np.int64), counts[1].astype(np.float64)
        else:
            keys = np.fromiter(counts.keys(), dtype=np.int64, count=len(counts))
            tf = np.fromiter(counts.values(), dtype=np.float64, count=len(counts))
        if not len(keys):
            return Sparse.empty()
        idf = np.log((self.n_docs + 1) / (self.df[keys] + 1.0)) + 1.0
        w = (1.0 + np.log(tf)) * idf
        if len(w) > max_terms:
            top = np.argpartition(-w, max_terms)[:max_terms]
            keys, w = keys[top], w[top]
        norm = math.sqrt(float(w @ w)) or 1.0
        order = np.argsort(keys)
        return Sparse(keys[order], (w[order] / norm).astype(np.float32))


def featurize(
    article: Article,
    df: DocFreq,
    emb: np.ndarray | None = None,
    lead: tuple[str, np.ndarray] | None = None,
) -> Features:
    """Vectors of one article; counts it in ``df`` first so its own terms are known.

    ``lead`` is the article's ``text.article_text`` and the ``text.token_ids`` of its
    words, if already made.
    """
    if lead is None:
        text = T.article_text(article)
        ids = T.token_ids(T.words(text))
    else:
        text, ids = lead
    words = T.content_counts(ids)
    names = T.name_terms(text)
    extra = _enrichment_names(article)
    for n in extra:
        names[T.term_hash("@" + n.lower())] += 1
    df.add(words[0], names)
    lex = df.weigh(words)
    return Features(
        id=article.id,
        day=T.day_number(article.published),
        outlet=article.outlet,
        title=(article.title or "").strip(),
        lex=lex,
        names=df.weigh(names, max_terms=100),
        sketch=sketch(lex),
        emb=emb,
        entity_names=extra,
        months=T.named_months(text) if not article.published else frozenset(),
    )


#: spaCy labels that name actors, places and bodies (dates, numbers and the like do not).
_NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "LAW"})


def _enrichment_names(article: Article) -> list[str]:
    """Entity texts from the enrichment stage, when it has run."""
    ents = (article.enrichment or {}).get("entities") or []
    out = []
    for e in ents:
        if isinstance(e, dict):
            label, name = e.get("label"), e.get("text")
        else:
            continue
        if isinstance(name, str) and (label is None or label in _NAME_LABELS):
            name = name.strip()
            if 1 < len(name) < 80:
                out.append(name)
    return out
