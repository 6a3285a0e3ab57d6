"""A learned token tagger for loaded language and name calling (optional, numpy only).

A multinomial logistic regression over hashed token features (the word, its suffix, its
neighbours, its lexicon kind) tags each token O, loaded_language or name_calling; runs of
tagged tokens become spans. Hashing keeps the shipped weights free of any training text.
The weights are trained by ``bench/train_loaded_model.py`` and stored in
``data/loaded_tagger.npz``; without that file the lexicon alone is used.
"""

from __future__ import annotations

import logging
import re
import zlib
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

log = logging.getLogger(__name__)

MODEL_PATH = Path(__file__).parent / "data" / "loaded_tagger.npz"
NAME = "rashomon.loaded-tagger.v1"
#: hashed feature space: 2^17 buckets keep the file under a megabyte (float16 weights)
BUCKETS = 1 << 17
CLASSES = ("O", "loaded_language", "name_calling")
_TOKEN = re.compile(r"[A-Za-z][\w’'-]*|\d[\d,.]*|[^\w\s]")


def tokens(text: str) -> list[tuple[str, int, int]]:
    """Word and punctuation tokens with offsets."""
    return [(m.group(0), m.start(), m.end()) for m in _TOKEN.finditer(text)]


@lru_cache(maxsize=262144)
def _h(feature: str) -> int:
    return zlib.crc32(feature.encode("utf-8")) % BUCKETS


@lru_cache(maxsize=65536)
def _shape(w: str) -> str:
    if w[:1].isupper():
        return "Xx" if not w.isupper() else "XX"
    return "d" if w[:1].isdigit() else "x"


@lru_cache(maxsize=131072)
def _word(w: str, shape: str, lex: str) -> tuple[int, ...]:
    return (
        _h("w=" + w),
        _h("s3=" + w[-3:]),
        _h("s4=" + w[-4:]),
        _h("p3=" + w[:3]),
        _h("sh=" + shape),
        _h("lex=" + lex),
    )


@lru_cache(maxsize=131072)
def _context(w: str, lex: str) -> tuple[int, int, int, int]:
    """Hashes of a word seen as the previous / next token: pw, nw, plex, nlex."""
    return _h("pw=" + w), _h("nw=" + w), _h("plex=" + lex), _h("nlex=" + lex)


@lru_cache(maxsize=262144)
def _pair(a: str, b: str) -> tuple[int, int]:
    """Hashes of a word pair as (previous|word, word|next) bigram features."""
    return _h("pb=" + a + "|" + b), _h("nb=" + a + "|" + b)


def features(
    toks: list[tuple[str, int, int]], lexicon: dict[str, str], quoted: list[bool]
) -> list[list[int]]:
    """Hashed feature ids of every token (14 per token)."""
    low = [t[0].lower() for t in toks]
    lex = [lexicon.get(w, "-") for w in low]
    n = len(toks)
    bias, q_true, q_false = _h("b"), _h("q=True"), _h("q=False")
    start, end = _context("<s>", "-"), _context("</s>", "-")
    out = []
    for i, w in enumerate(low):
        prev = _context(low[i - 1], lex[i - 1]) if i else start
        nxt = _context(low[i + 1], lex[i + 1]) if i + 1 < n else end
        pb = _pair(low[i - 1] if i else "<s>", w)[0]
        nb = _pair(w, low[i + 1] if i + 1 < n else "</s>")[1]
        out.append(
            [
                bias,
                *_word(w, _shape(toks[i][0]), lex[i]),
                prev[0],
                nxt[1],
                pb,
                nb,
                q_true if quoted[i] else q_false,
                prev[2],
                nxt[3],
            ]
        )
    return out


def quoted_mask(text: str, toks: list[tuple[str, int, int]]) -> list[bool]:
    """Whether each token sits inside quotation marks."""
    spans = [(m.start(), m.end()) for m in re.finditer(r"[“\"][^”\"“]{1,400}[”\"]", text)]
    out, k = [], 0
    for _, s, _ in toks:  # tokens and quotes both come in text order
        while k < len(spans) and spans[k][1] <= s:
            k += 1
        out.append(k < len(spans) and spans[k][0] < s < spans[k][1])
    return out


class LoadedTagger:
    """Tags loaded-language and name-calling tokens with the shipped weights."""

    name = NAME

    def __init__(self, path: Path = MODEL_PATH) -> None:
        data = np.load(path)
        self.weights = data["weights"].astype(np.float32)  # (BUCKETS, classes)
        self.threshold = float(data["threshold"]) if "threshold" in data else 0.5

    def spans(self, text: str, lexicon: dict[str, str]) -> list[dict[str, Any]]:
        """Tagged spans of ``text`` as ``{kind, text, start, end, score}``."""
        toks = tokens(text)
        if not toks:
            return []
        feats = np.array(features(toks, lexicon, quoted_mask(text, toks)), dtype=np.int64)
        scores = self.weights[feats].sum(axis=1)
        scores -= scores.max(axis=1, keepdims=True)
        prob = np.exp(scores)
        prob /= prob.sum(axis=1, keepdims=True)
        tagged = (1 - prob[:, 0]) >= self.threshold
        out: list[dict[str, Any]] = []
        for i, on in enumerate(tagged):
            if not on or not toks[i][0][:1].isalnum():
                continue
            kind = CLASSES[1 + int(np.argmax(prob[i, 1:]))]
            s, e = toks[i][1], toks[i][2]
            if out and out[-1]["kind"] == kind and s - out[-1]["end"] <= 1:
                out[-1]["end"] = e
                out[-1]["score"] = max(out[-1]["score"], float(1 - prob[i, 0]))
            else:
                out.append({"kind": kind, "start": s, "end": e, "score": float(1 - prob[i, 0])})
        for sp in out:
            sp["text"] = text[sp["start"] : sp["end"]]
        return out


@lru_cache(maxsize=1)
def load_default() -> LoadedTagger | None:
    """The shipped tagger, or None when its weights are missing."""
    try:
        return LoadedTagger()
    except (OSError, KeyError, ValueError) as exc:
        log.info("loaded-word tagger unavailable, lexicon only: %s", exc)
        return None
