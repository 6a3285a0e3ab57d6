"""The learned line classifier: two stacked gradient-boosted tree models in plain numpy.

Stage one scores each line from its features; stage two re-scores it from stage one's
scores around it and from where it sits relative to the page's main run of body lines (a
learned sequence smoothing: an HMM/Viterbi pass over the scores measured worse in
cross-validation). The trees are trained with scikit-learn (``scripts/train_line_model.py``)
and stored as JSON arrays, so inference needs numpy only and loads no pickle. All trees are
walked at once: one gather per tree level over an (lines x trees) matrix of node ids.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from rashomon.extract.lines import shift, window_mean

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
    #: children side by side (the next node is ``child[2 * node + went_right]``), int32
    child: np.ndarray = field(init=False, repr=False)
    feature32: np.ndarray = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self.child = np.stack([self.left, self.right], axis=1).ravel().astype(np.int32)
        self.feature32 = self.feature.astype(np.int32)

    def decision(self, x: np.ndarray) -> np.ndarray:
        """Log-odds of body for each row of ``x``."""
        n = len(x)
        if n == 0:
            return np.zeros(0)
        child, feature = self.child, self.feature32
        xf = np.ascontiguousarray(x, dtype=np.float64).ravel()
        node = np.broadcast_to(self.roots.astype(np.int32), (n, len(self.roots))).copy()
        row = (np.arange(n, dtype=np.int32) * x.shape[1])[:, None]
        for _ in range(self.depth):
            right = xf[row + feature[node]] > self.threshold[node]
            node = child[2 * node + right]
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
        )


def pack_hgb(gb: Any) -> TreeModel:
    """Pack a fitted ``HistGradientBoostingClassifier`` (binary) into a ``TreeModel``."""
    feats, thrs, lefts, rights, vals, roots = [], [], [], [], [], []
    off = 0
    depth = 1
    for (pred,) in gb._predictors:
        nodes = pred.nodes
        leaf = nodes["is_leaf"].astype(bool)
        ids = np.arange(len(nodes)) + off
        roots.append(off)
        feats.append(np.where(leaf, 0, nodes["feature_idx"]))
        thrs.append(np.where(leaf, np.inf, nodes["num_threshold"]))
        lefts.append(np.where(leaf, ids, nodes["left"] + off))
        rights.append(np.where(leaf, ids, nodes["right"] + off))
        vals.append(np.where(leaf, nodes["value"], 0.0))
        depth = max(depth, int(nodes["depth"].max()))
        off += len(nodes)
    return TreeModel(
        feature=np.concatenate(feats).astype(np.intp),
        threshold=np.concatenate(thrs).astype(np.float64),
        left=np.concatenate(lefts).astype(np.intp),
        right=np.concatenate(rights).astype(np.intp),
        value=np.concatenate(vals).astype(np.float64), roots=np.asarray(roots, dtype=np.intp),
        depth=depth, init=float(np.ravel(gb._baseline_prediction)[0]), rate=1.0,
    )


def _hgb(x: np.ndarray, y: np.ndarray, trees: int, weight: np.ndarray | None) -> Any:
    from sklearn.ensemble import HistGradientBoostingClassifier

    # 15-leaf trees, 40 lines a leaf at least: small enough not to learn single pages
    return HistGradientBoostingClassifier(
        max_iter=trees, learning_rate=0.1, max_leaf_nodes=15, max_depth=6,
        min_samples_leaf=40, l2_regularization=1.0, random_state=0,
    ).fit(x, y, sample_weight=weight)


def line_weights(p: dict[str, Any]) -> np.ndarray:
    """Training weight of each line of a page: its share of the page's words.

    The benchmark scores word n-grams averaged over pages, so a long paragraph matters more
    than a menu item, and every page counts the same however many lines it has. Half the
    weight is spread evenly so that short lines still count (an even split measured best in
    cross-validation against 0 and 0.75 of it by words).
    """
    ntok = np.expm1(p["X"][:, 1]) + 1.0
    n = len(ntok)
    # 200: about the lines of a page, so that weights stay near 1 for min_samples_leaf
    return 200.0 * (0.5 * ntok / ntok.sum() + 0.5 / n)


def fit_trees(pages: list[dict[str, Any]], key: str = "X", trees: int = 50,
              weighted: bool = True) -> TreeModel:
    """Fit one boosted-tree model on the ``key`` matrices of pages (needs scikit-learn)."""
    x = np.concatenate([p[key] for p in pages])
    y = np.concatenate([p["y"] for p in pages])
    w = np.concatenate([line_weights(p) for p in pages]) if weighted else None
    model = pack_hgb(_hgb(x, y, trees, w))
    return model


def main_block(prob: np.ndarray, weight: np.ndarray) -> tuple[int, int]:
    """First and last index of the run of lines with the largest weighted body evidence."""
    score = ((prob - 0.5) * weight).tolist()
    best, cur, start, bs, be = -1e9, 0.0, 0, 0, 0
    for i, v in enumerate(score):
        if cur <= 0:
            cur, start = v, i
        else:
            cur += v
        if cur > best:
            best, bs, be = cur, start, i
    return bs, be


# line-feature columns the second stage sees again beside the first stage's output
_STACK_COLS = [0, 1, 2, 3, 4, 5, 6, 10, 14, 15, 16, 17, 25, 28, 29, 30]


def stack_features(x: np.ndarray, prob: np.ndarray) -> np.ndarray:
    """Second-stage features: the first stage's probabilities around each line and where
    the line sits relative to the main block of probable body lines."""
    n = len(prob)
    p = prob.astype(np.float32)[:, None]
    cols = [p] + [shift(p, k) for k in (1, 2, 3, -1, -2, -3)]
    cols += [window_mean(prob, k)[:, None] for k in (2, 5, 10, 25)]
    bs, be = main_block(prob, np.log1p(np.expm1(x[:, 1]) + 1))
    idx = np.arange(n)
    inside = ((idx >= bs) & (idx <= be)).astype(np.float32)
    dist = np.where(idx < bs, bs - idx, np.where(idx > be, idx - be, 0))
    rel = (idx - bs) / max(be - bs + 1, 1)
    c = np.cumsum(prob)
    mass = c / max(float(c[-1]), 1e-6) if n else c
    cols += [inside[:, None], np.log1p(dist)[:, None], rel[:, None], mass[:, None]]
    cols.append(x[:, _STACK_COLS])
    return np.concatenate(cols, axis=1).astype(np.float32)


@dataclass(slots=True)
class LineModel:
    """Two stacked tree models: line features, then the first stage's output in context."""

    stage1: TreeModel
    stage2: TreeModel

    def predict_proba(self, x: np.ndarray) -> np.ndarray:
        """Probability of body for each line (rows of the ``line_features`` matrix)."""
        if len(x) == 0:
            return np.zeros(0)
        return self.stage2.predict_proba(stack_features(x, self.stage1.predict_proba(x)))


def fit(pages: list[dict[str, Any]], inner_folds: int = 3, trees: int = 50) -> LineModel:
    """Fit both stages; the second on out-of-fold first-stage outputs (needs scikit-learn)."""
    oof: dict[int, np.ndarray] = {}
    for k in range(inner_folds):
        train = [p for i, p in enumerate(pages) if i % inner_folds != k]
        m = fit_trees(train, trees=trees)
        for i in range(k, len(pages), inner_folds):
            oof[i] = m.predict_proba(pages[i]["X"])
    stacked = [{"X2": stack_features(p["X"], oof[i]), "X": p["X"], "y": p["y"]}
               for i, p in enumerate(pages)]
    return LineModel(fit_trees(pages, trees=trees), fit_trees(stacked, "X2", trees=trees))


def save(model: LineModel, path: Path = MODEL_PATH) -> Path:
    """Write the model as JSON."""
    path.parent.mkdir(parents=True, exist_ok=True)
    data = {"stage1": model.stage1.to_json(), "stage2": model.stage2.to_json()}
    path.write_text(json.dumps(data, separators=(",", ":")))
    return path


@lru_cache(maxsize=1)
def load(path: Path = MODEL_PATH) -> LineModel:
    """The packed model shipped with the package (cached)."""
    data = json.loads(path.read_text())
    return LineModel(TreeModel.from_json(data["stage1"]), TreeModel.from_json(data["stage2"]))
