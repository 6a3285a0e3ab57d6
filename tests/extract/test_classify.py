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


def test_shipped_model_loads_and_scores() -> None:
    model = classify.load()
    from rashomon.extract.lines import line_features, split_lines

    lines = split_lines("Home\n\nThe council voted on Tuesday to close the bridge for repairs "
                        "after engineers found cracks in two of the piers.\n\nShare")
    prob = model.predict_proba(line_features(lines))
    assert prob.shape == (3,)
    assert ((prob >= 0) & (prob <= 1)).all()
