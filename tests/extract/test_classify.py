"""The packed tree model must agree with scikit-learn, and smoothing must follow evidence."""

from __future__ import annotations

import numpy as np

from rashomon.extract import classify


def test_packed_trees_match_sklearn() -> None:
    from sklearn.ensemble import HistGradientBoostingClassifier

    rng = np.random.default_rng(0)
    x = rng.normal(size=(400, 5)).astype(np.float32)
    y = ((x[:, 0] + x[:, 1] * x[:, 2]) > 0).astype(int)
    gb = HistGradientBoostingClassifier(max_iter=20, max_leaf_nodes=7, random_state=0).fit(x, y)
    packed = classify.pack_hgb(gb)
    assert np.allclose(packed.predict_proba(x), gb.predict_proba(x)[:, 1], atol=1e-6)
    again = classify.TreeModel.from_json(packed.to_json())
    assert np.allclose(again.predict_proba(x), gb.predict_proba(x)[:, 1], atol=1e-6)


def test_main_block_is_the_heaviest_run() -> None:
    prob = np.array([0.9, 0.1, 0.1, 0.8, 0.9, 0.4, 0.95, 0.1])
    weight = np.ones_like(prob)
    assert classify.main_block(prob, weight) == (3, 6)


def test_an_unsure_page_has_a_main_block_of_its_likeliest_run() -> None:
    # no line reaches even odds: the block is the run above 0.6 of the best line (0.21),
    # not the best line alone
    prob = np.array([0.1, 0.3, 0.35, 0.05, 0.2, 0.34])
    assert classify.main_block(prob, np.ones_like(prob)) == (1, 2)
    assert classify.main_block(prob, np.array([1, 1, 1, 9, 1, 9.0])) == (5, 5)


def test_shipped_model_loads_and_scores() -> None:
    model = classify.load()
    from rashomon.extract.lines import line_features, split_lines

    lines = split_lines("Home\n\nThe council voted on Tuesday to close the bridge for repairs "
                        "after engineers found cracks in two of the piers.\n\nShare")
    prob = model.predict_proba(line_features(lines))
    assert prob.shape == (3,)
    assert ((prob >= 0) & (prob <= 1)).all()


def _walk(model: classify.TreeModel, x: np.ndarray) -> np.ndarray:
    """Reference scorer: follow each tree from its root, one line at a time."""
    out = []
    for row in x.astype(np.float64):
        total = 0.0
        for node in model.roots.tolist():
            while model.left[node] != node:
                go_right = row[model.feature[node]] > model.threshold[node]
                node = int(model.right[node] if go_right else model.left[node])
            total += model.value[node]
        out.append(model.init + model.rate * total)
    return np.asarray(out)


def test_leaf_bitmask_scorer_matches_a_tree_walk() -> None:
    # tree 0: one split; tree 1: a single leaf; tree 2: splits on both sides, the left
    # threshold not a float32 value and one line exactly on it (goes left)
    inf = np.inf
    model = classify.TreeModel(
        feature=np.array([0, 0, 0, 0, 1, 0, 0, 2, 0, 0]),
        threshold=np.array([0.5, inf, inf, inf, 0.1, inf, inf, -1.0, inf, inf]),
        left=np.array([1, 1, 2, 3, 5, 5, 6, 8, 8, 9]),
        right=np.array([2, 1, 2, 3, 7, 5, 6, 9, 8, 9]),
        value=np.array([0, -1.0, 1.0, 0.25, 0, 2.0, 0, 0, -3.0, 5.0]),
        roots=np.array([0, 3, 4]), depth=3, init=0.1, rate=0.5,
    )
    x = np.array([[0.0, 0.0, 0.0], [1.0, 0.1, -2.0], [1.0, 0.2, -2.0], [0.5, 0.2, 0.0],
                  [np.float32(0.1), 1.0, -1.0]], dtype=np.float32)
    assert np.array_equal(model.decision(x), _walk(model, x))
    assert np.array_equal(model.decision(x[:0]), np.zeros(0))


def test_page_weight_scales_line_weights() -> None:
    # column 1 holds log1p of a line's token count; a page of three lines of 4, 9 and 1 tokens
    x = np.zeros((3, 2), dtype=np.float32)
    x[:, 1] = np.log1p([3, 8, 0])
    plain = classify.line_weights({"X": x})
    half = classify.line_weights({"X": x, "weight": 0.5})
    assert np.allclose(half, plain * 0.5)
    assert plain[1] > plain[0] > plain[2]


def test_pages_scored_together_score_as_alone(monkeypatch) -> None:
    from rashomon.extract.lines import Pages, line_features, pages_features, split_lines

    model = classify.load()
    texts = ["Home\nNews\nThe council voted on Tuesday to close the bridge for repairs after "
             "engineers found cracks.\nShare", "",
             "Menu\nA second page opens.\nIts only paragraph says that the bridge will stay "
             "closed until the spring, the mayor said.\nComments"] * 20
    pages = [split_lines(t) for t in texts]
    alone = np.concatenate([model.predict_proba(line_features(p)) for p in pages])
    # blocks of 7 rows: a page's lines are scored across block edges
    monkeypatch.setattr(classify, "_BLOCK", 7)
    together = model.predict_proba(pages_features(pages, [None] * len(pages)),
                                   Pages(list(map(len, pages))))
    assert np.allclose(together, alone, atol=1e-9)
    # the pages differ line by line: a shift across a page edge would show
    assert len(set(np.round(alone, 6))) > 3
