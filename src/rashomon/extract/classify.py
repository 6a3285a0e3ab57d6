"""The learned line classifier: two stacked gradient-boosted tree models in plain numpy.

Stage one scores each line from its features; stage two re-scores it from stage one's
scores around it and from where it sits relative to the page's main run of body lines (a
learned sequence smoothing: an HMM/Viterbi pass over the scores measured worse in
cross-validation). The trees are trained with scikit-learn (``scripts/train_line_model.py``)
and stored as JSON arrays, so inference needs numpy only and loads no pickle. All trees are
evaluated at once with leaf bitmasks (the QuickScorer scheme): every split of every tree is
tested on every line in one comparison, each split that sends a line right clears the bits
of the leaves left of it, and the leftmost leaf bit left standing is the exit leaf.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from rashomon.extract.lines import Pages, window_means

MODEL_PATH = Path(__file__).parent / "data" / "line_model.json"
# leaves a tree may have in the packed scorer (one bit each in a uint16; training uses 15)
_LEAF_BITS = 16
# index of the lowest set bit of every uint16 (the leftmost leaf still standing); one byte
# each, so that the table (64 KB) stays in the CPU cache
_v = np.arange(1 << _LEAF_BITS, dtype=np.int64)
_LOWEST_BIT = np.zeros(1 << _LEAF_BITS, dtype=np.uint8)
_LOWEST_BIT[1:] = np.log2(_v[1:] & -_v[1:]).astype(np.uint8)
del _v
# rows scored at once: the (splits, lines) arrays of a block stay in the CPU cache (per line,
# 800 rows took 0.65 us and 1,600 rows 2.9 us, as the arrays outgrew it)
_BLOCK = 512


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
    #: the splits of all trees, each tree padded to ``tree_splits`` with splits no line
    #: passes, split-major (the first split of every tree, then the second ...): feature,
    #: threshold rounded down to float32 (for float32 ``x``, ``x > t`` holds exactly when
    #: ``x > floor32(t)``) and the bits of the leaves left of the split (cleared when a line
    #: goes right)
    split_feature: np.ndarray = field(init=False, repr=False)
    split_threshold: np.ndarray = field(init=False, repr=False)
    split_clears: np.ndarray = field(init=False, repr=False)
    tree_splits: int = field(init=False, repr=False)
    #: the distinct (feature, threshold) tests of the splits (trees share about half of
    #: them: boosting bins each feature), and the test of each split
    test_feature: np.ndarray = field(init=False, repr=False)
    test_threshold: np.ndarray = field(init=False, repr=False)
    split_test: np.ndarray = field(init=False, repr=False)
    leaf_value: np.ndarray = field(init=False, repr=False)  # tree * 16 + leaf (left to right)
    tree_base: np.ndarray = field(init=False, repr=False)

    def __post_init__(self) -> None:
        values = np.zeros((len(self.roots), _LEAF_BITS))
        left, right = self.left.tolist(), self.right.tolist()

        def walk(node: int, leaves: list[int], splits: list[list]) -> tuple[int, int]:
            """Add the splits under ``node`` (feature, threshold, clears); its leaves' bit
            range [lo, hi)."""
            if left[node] == node:
                leaves.append(node)
                return len(leaves) - 1, len(leaves)
            split = [int(self.feature[node]), float(self.threshold[node]), 0]
            splits.append(split)
            lo, mid = walk(left[node], leaves, splits)
            _, hi = walk(right[node], leaves, splits)
            split[2] = ((1 << mid) - 1) ^ ((1 << lo) - 1)
            return lo, hi

        trees: list[list[list]] = []
        for t, root in enumerate(self.roots.tolist()):
            leaves: list[int] = []
            trees.append([])
            walk(root, leaves, trees[-1])
            if len(leaves) > _LEAF_BITS:
                raise ValueError(f"tree {t}: the packed scorer takes {_LEAF_BITS} leaves at most")
            values[t, : len(leaves)] = self.value[leaves]
        # every tree gets as many splits (at least one), padded with splits no line passes,
        # so that the trees' reductions run as one over a (trees, splits, lines) block
        self.tree_splits = max([1] + [len(splits) for splits in trees])
        padded = [(splits + [[0, math.inf, 0]] * (self.tree_splits - len(splits)))[k]
                  for k in range(self.tree_splits) for splits in trees]
        feats, thrs, clears = zip(*padded, strict=True) if padded else ((), (), ())
        thr = np.asarray(thrs, dtype=np.float64)
        t32 = thr.astype(np.float32)
        over = t32.astype(np.float64) > thr
        t32[over] = np.nextafter(t32[over], np.float32(-np.inf))
        self.split_feature = np.asarray(feats, dtype=np.intp)
        self.split_threshold = t32
        self.split_clears = np.asarray(clears, dtype=np.uint16)
        pair = (self.split_feature.astype(np.uint64) << np.uint64(32)) | t32.view(np.uint32)
        tests, self.split_test = np.unique(pair, return_inverse=True)
        self.test_feature = (tests >> np.uint64(32)).astype(np.intp)
        self.test_threshold = (tests & np.uint64(0xFFFFFFFF)).astype(np.uint32).view(np.float32)
        self.leaf_value = values.ravel()
        self.tree_base = np.arange(len(self.roots), dtype=np.intp) * _LEAF_BITS

    def decision(self, x: np.ndarray) -> np.ndarray:
        """Log-odds of body for each row of ``x`` (compared as float32, as features are)."""
        if len(x) > _BLOCK:
            return np.concatenate([self._decision(x[i : i + _BLOCK])
                                   for i in range(0, len(x), _BLOCK)])
        return self._decision(x)

    def _decision(self, x: np.ndarray) -> np.ndarray:
        if len(x) == 0:
            return np.zeros(0)
        # splits by lines: each split's test and each tree's reduction run over whole rows
        xt = np.ascontiguousarray(np.asarray(x, dtype=np.float32).T)
        tested = np.take(xt, self.test_feature, axis=0) > self.test_threshold[:, None]
        right = np.take(tested, self.split_test, axis=0)  # (faster than indexing with [])
        # the leaves cleared by each split, joined over each tree's splits (split-major: the
        # reduction runs over whole rows)
        cleared = np.bitwise_or.reduce(
            (right * self.split_clears[:, None]).reshape(self.tree_splits, len(self.roots),
                                                         len(x)), axis=0)
        leaf = np.take(_LOWEST_BIT, ~cleared) + self.tree_base[:, None]
        return self.init + self.rate * np.take(self.leaf_value, leaf).sum(axis=0)

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
    than a menu item, and every page counts the same however many lines it has (times its
    ``weight``, if it has one). Half the
    weight is spread evenly so that short lines still count (an even split measured best in
    cross-validation against 0 and 0.75 of it by words).
    """
    ntok = np.expm1(p["X"][:, 1]) + 1.0
    n = len(ntok)
    # 200: about the lines of a page, so that weights stay near 1 for min_samples_leaf;
    # a page's own "weight" (default 1) scales it against the others
    return 200.0 * p.get("weight", 1.0) * (0.5 * ntok / ntok.sum() + 0.5 / n)


def fit_trees(pages: list[dict[str, Any]], key: str = "X", trees: int = 50,
              weighted: bool = True) -> TreeModel:
    """Fit one boosted-tree model on the ``key`` matrices of pages (needs scikit-learn)."""
    x = np.concatenate([p[key] for p in pages])
    y = np.concatenate([p["y"] for p in pages])
    w = np.concatenate([line_weights(p) for p in pages]) if weighted else None
    model = pack_hgb(_hgb(x, y, trees, w))
    return model


#: a line is evidence for the main block above even odds, or, on a page whose best line is
#: below 0.5 / BLOCK_SHARE, above this share of that line's probability: a page where no line
#: reaches even odds otherwise gets its single likeliest line as the block, often a chrome
#: line, and the second stage then lifts the lines around it. 0.6 measured best of 0.45, 0.6
#: and 0.8 (held-out F1 over six cross-validation repetitions: +0.0007 with the shipped 50
#: trees a stage, and +0.0014, +0.0009, +0.0028 with 35, 65 and 80)
BLOCK_SHARE = 0.6


def main_block(prob: np.ndarray, weight: np.ndarray) -> tuple[int, int]:
    """First and last index of the run of lines with the largest weighted body evidence
    (see ``BLOCK_SHARE``)."""
    cut = min(0.5, BLOCK_SHARE * float(prob.max())) if len(prob) else 0.5
    score = ((prob - cut) * weight).tolist()
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


def stack_features(x: np.ndarray, prob: np.ndarray, seg: Pages | None = None) -> np.ndarray:
    """Second-stage features: the first stage's probabilities around each line and where
    the line sits relative to the main block of probable body lines (of its page: ``seg``
    tells the pages of rows laid end to end; default, one page)."""
    n = len(prob)
    seg = seg or Pages([n])
    p = prob.astype(np.float32)[:, None]
    cols = [p] + seg.shifts(p, (1, 2, 3, -1, -2, -3))
    cols.append(window_means(prob[:, None], (2, 5, 10, 25), seg))
    weight = np.log1p(np.expm1(x[:, 1]) + 1)
    bs, be = np.zeros(n, dtype=np.intp), np.zeros(n, dtype=np.intp)
    for a, k in zip(seg.starts.tolist(), seg.counts.tolist(), strict=True):
        bs[a : a + k], be[a : a + k] = main_block(prob[a : a + k], weight[a : a + k])
    idx = seg.pos
    inside = ((idx >= bs) & (idx <= be)).astype(np.float32)
    dist = np.where(idx < bs, bs - idx, np.where(idx > be, idx - be, 0))
    rel = (idx - bs) / np.maximum(be - bs + 1, 1)
    # share of the page's summed probability at or above each line
    c = seg.cumsum(prob)
    mass = c / np.maximum(seg.page_last(c), 1e-6)
    cols += [inside[:, None], np.log1p(dist)[:, None], rel[:, None], mass[:, None]]
    cols.append(x[:, _STACK_COLS])
    return np.concatenate(cols, axis=1).astype(np.float32)


@dataclass(slots=True)
class LineModel:
    """Two stacked tree models: line features, then the first stage's output in context."""

    stage1: TreeModel
    stage2: TreeModel

    def predict_proba(self, x: np.ndarray, seg: Pages | None = None) -> np.ndarray:
        """Probability of body for each line (rows of the ``line_features`` matrix, or of
        ``pages_features`` for the pages ``seg``)."""
        if len(x) == 0:
            return np.zeros(0)
        return self.stage2.predict_proba(stack_features(x, self.stage1.predict_proba(x), seg))


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
