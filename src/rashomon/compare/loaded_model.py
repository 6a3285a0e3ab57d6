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


def _shape(w: str) -> str:
    if w[:1].isupper():
        return "Xx" if not w.isupper() else "XX"
    return "d" if w[:1].isdigit() else "x"


def features(
    toks: list[tuple[str, int, int]], lexicon: dict[str, str], quoted: list[bool]
) -> list[list[int]]:
    """Hashed feature ids of every token."""
    low = [t[0].lower() for t in toks]
    out = []
    n = len(toks)
    for i, w in enumerate(low):
        prev = low[i - 1] if i else "<s>"
        nxt = low[i + 1] if i + 1 < n else "</s>"
        feats = [
            "b",
            "w=" + w,
            "s3=" + w[-3:],
            "s4=" + w[-4:],
            "p3=" + w[:3],
            "sh=" + _shape(toks[i][0]),
            "pw=" + prev,
            "nw=" + nxt,
            "pb=" + prev + "|" + w,
            "nb=" + w + "|" + nxt,
            "lex=" + lexicon.get(w, "-"),
            "q=" + str(quoted[i]),
            "plex=" + lexicon.get(prev, "-"),
            "nlex=" + lexicon.get(nxt, "-"),
        ]
        out.append([_h(f) for f in feats])
    return out


def quoted_mask(text: str, toks: list[tuple[str, int, int]]) -> list[bool]:
    """Whether each token sits inside quotation marks."""
    spans = [(m.start(), m.end()) for m in re.finditer(r"[“\"][^”\"“]{1,400}[”\"]", text)]
    return [any(a < s < b for a, b in spans) for _, s, _ in toks]


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
