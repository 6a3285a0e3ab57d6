import numpy as np

from rashomon.compare import loaded_model as lm


def tiny_tagger(tmp_path, word, cls):
    """A tagger whose only knowledge is that ``word`` is of class ``cls``."""
    w = np.zeros((lm.BUCKETS, len(lm.CLASSES)), dtype=np.float16)
    w[lm._h("b"), 0] = 3.0
    w[lm._h("w=" + word), cls] = 8.0
    path = tmp_path / "t.npz"
    np.savez(path, weights=w, threshold=np.float32(0.5))
    return lm.LoadedTagger(path)


def test_tagged_tokens_become_spans(tmp_path):
    tagger = tiny_tagger(tmp_path, "vermin", 2)
    spans = tagger.spans("They called the strikers vermin, then left.", {})
    assert [(s["kind"], s["text"]) for s in spans] == [("name_calling", "vermin")]
    assert spans[0]["score"] > 0.9


def test_adjacent_tagged_tokens_merge(tmp_path):
    tagger = tiny_tagger(tmp_path, "awful", 1)
    (span,) = tagger.spans("An awful awful plan.", {})
    assert span["text"] == "awful awful" and span["kind"] == "loaded_language"


def test_features_are_stable_hashes():
    toks = lm.tokens("The regime fell.")
    a = lm.features(toks, {"regime": "name_calling"}, [False] * len(toks))
    b = lm.features(toks, {"regime": "name_calling"}, [False] * len(toks))
    assert a == b and all(0 <= f < lm.BUCKETS for row in a for f in row)
