"""The learned line classifier: gradient-boosted trees in plain numpy, then HMM smoothing.

The trees are trained with scikit-learn (``scripts/train_line_model.py``) and stored as
JSON arrays, so inference needs numpy only and loads no pickle. All trees are walked at
once: one gather per tree level over an (lines x trees) matrix of node ids.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

MODEL_PATH = Path(__file__).parent / "data" / "line_model.json"


@dataclass(slots=True)
class TreeModel:
    """A packed tree ensemble: node arrays of every tree laid end to end."""

    feature: np.ndarray  # int, split feature per node (0 at leaves)
    threshold: np.ndarray  # float, go left when x <= threshold (+inf at leaves)
    left: np.ndarray  # int, global id of the left child (self at leaves)
    right: np.ndarray  # int, global id of the right child (self at leaves)
    value: np.ndarray  # float, leaf value (0 inside)
    roots: np.ndarray  # int, global id of each tree's root
    depth: int
    init: float  # log-odds before the first tree
    rate: float  # learning rate
    #: log transition matrix of the 2-state (boilerplate, body) chain, for smoothing
    transition: np.ndarray
    prior: float  # share of body lines in training

    def decision(self, x: np.ndarray) -> np.ndarray:
        """Log-odds of body for each row of ``x``."""
        n = len(x)
        if n == 0:
            return np.zeros(0)
        node = np.broadcast_to(self.roots, (n, len(self.roots))).copy()
        rows = np.arange(n)[:, None]
        for _ in range(self.depth):
            go_left = x[rows, self.feature[node]] <= self.threshold[node]
            node = np.where(go_left, self.left[node], self.right[node])
        return self.init + self.rate * self.value[node].sum(axis=1)

    def predict_proba(self, x: np.ndarray) -> np.ndarray:
        """Probability of body for each row of ``x``."""
        return 1.0 / (1.0 + np.exp(-self.decision(x)))

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": "gbdt", "feature": self.feature.tolist(),
            "threshold": [t if math.isfinite(t) else 1e30 for t in self.threshold.tolist()],
            "left": self.left.tolist(), "right": self.right.tolist(),
            "value": [round(v, 6) for v in self.value.tolist()], "roots": self.roots.tolist(),
            "depth": self.depth, "init": self.init, "rate": self.rate,
            "transition": self.transition.tolist(), "prior": self.prior,
        }

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> TreeModel:
        return cls(
            feature=np.asarray(d["feature"], dtype=np.intp),
            threshold=np.asarray(d["threshold"], dtype=np.float64),
            left=np.asarray(d["left"], dtype=np.intp),
            right=np.asarray(d["right"], dtype=np.intp),
            value=np.asarray(d["value"], dtype=np.float64),
            roots=np.asarray(d["roots"], dtype=np.intp),
            depth=int(d["depth"]), init=float(d["init"]), rate=float(d["rate"]),
            transition=np.asarray(d["transition"], dtype=np.float64),
            prior=float(d["prior"]),
        )


def smooth(prob: np.ndarray, transition: np.ndarray, prior: float = 0.3) -> np.ndarray:
    """Viterbi path of the 2-state chain with the classifier's scaled likelihoods."""
    n = len(prob)
    if n == 0:
        return np.zeros(0, dtype=bool)
    p = np.clip(prob, 1e-4, 1 - 1e-4)
    # posterior / prior = likelihood up to a constant (hybrid HMM emission)
    emit = np.stack([np.log(1 - p) - math.log(1 - prior), np.log(p) - math.log(prior)], 1)
    t = transition
    score = emit[0] + np.log([1 - prior, prior])
    back = np.zeros((n, 2), dtype=np.int8)
    s0, s1 = float(score[0]), float(score[1])
    t00, t01, t10, t11 = float(t[0, 0]), float(t[0, 1]), float(t[1, 0]), float(t[1, 1])
    e = emit.tolist()
    for i in range(1, n):
        a, b = s0 + t00, s1 + t10
        c, d = s0 + t01, s1 + t11
        back[i, 0] = 0 if a >= b else 1
        back[i, 1] = 0 if c >= d else 1
        s0 = (a if a >= b else b) + e[i][0]
        s1 = (c if c >= d else d) + e[i][1]
    path = np.zeros(n, dtype=bool)
    state = 1 if s1 > s0 else 0
    for i in range(n - 1, -1, -1):
        path[i] = state == 1
        state = int(back[i, state])
    return path


def _transition(pages: list[dict[str, Any]]) -> tuple[np.ndarray, float]:
    """Log transition matrix and body share counted over the training label sequences."""
    counts = np.ones((2, 2))  # add-one smoothing
    body = total = 0
    for p in pages:
        y = p["y"].astype(int)
        body += int(y.sum())
        total += len(y)
        for a, b in zip(y[:-1], y[1:], strict=True):
            counts[a, b] += 1
    return np.log(counts / counts.sum(1, keepdims=True)), body / max(total, 1)


def fit(
    pages: list[dict[str, Any]], *, trees: int = 150, depth: int = 4, rate: float = 0.1
) -> TreeModel:
    """Fit boosted trees on pages of (``X``, ``y``) and pack them (needs scikit-learn)."""
    from sklearn.ensemble import GradientBoostingClassifier

    x = np.concatenate([p["X"] for p in pages])
    y = np.concatenate([p["y"] for p in pages])
    gb = GradientBoostingClassifier(
        n_estimators=trees, max_depth=depth, learning_rate=rate, subsample=0.8,
        random_state=0,
    ).fit(x, y)
    feats, thrs, lefts, rights, vals, roots = [], [], [], [], [], []
    off = 0
    for est in gb.estimators_[:, 0]:
        tr = est.tree_
        leaf = tr.children_left == -1
        ids = np.arange(tr.node_count) + off
        roots.append(off)
        feats.append(np.where(leaf, 0, tr.feature))
        thrs.append(np.where(leaf, np.inf, tr.threshold))
        lefts.append(np.where(leaf, ids, tr.children_left + off))
        rights.append(np.where(leaf, ids, tr.children_right + off))
        vals.append(np.where(leaf, tr.value[:, 0, 0], 0.0))
        off += tr.node_count
    prior = float(np.mean(y))
    transition, prior = _transition(pages)
    init = float(gb._raw_predict_init(x[:1])[0, 0])
    return TreeModel(
        feature=np.concatenate(feats).astype(np.intp),
        threshold=np.concatenate(thrs).astype(np.float64),
        left=np.concatenate(lefts).astype(np.intp),
        right=np.concatenate(rights).astype(np.intp),
        value=np.concatenate(vals), roots=np.asarray(roots, dtype=np.intp), depth=depth,
        init=init, rate=rate, transition=transition, prior=prior,
    )


def save(model: TreeModel, path: Path = MODEL_PATH) -> Path:
    """Write the model as JSON."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(model.to_json(), separators=(",", ":")))
    return path


@lru_cache(maxsize=1)
def load(path: Path = MODEL_PATH) -> TreeModel:
    """The packed model shipped with the package (cached)."""
    return TreeModel.from_json(json.loads(path.read_text()))
