"""Train the loaded-language / name-calling token tagger on PTC and write its weights.

Splits the PTC training articles by id: 60% train (id % 5 in 2, 3, 4), 20% to choose the
tagging threshold (id % 5 == 1), 20% held out for the reported figure (id % 5 == 0).
Span scores use the task's partial-overlap precision / recall (see propaganda_spans.py).
Writes src/rashomon/compare/data/loaded_tagger.npz (hashed weights, float16).

    python bench/train_loaded_model.py [--shared ../shared] [--out PATH] [--dry-run]
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections import defaultdict
from pathlib import Path

import numpy as np
from scipy import sparse
from sklearn.linear_model import LogisticRegression

from rashomon.compare import loaded_model as lm
from rashomon.compare.loaded import _WORDS, find_loaded

sys.path.insert(0, str(Path(__file__).parent))
from propaganda_spans import _merge, overlap_scores, prf  # noqa: E402

TECH = {"Loaded_Language": 1, "Name_Calling,Labeling": 2}


def load_ptc(root: Path) -> list[tuple[int, str, list[tuple[int, int, int]]]]:
    labels_dir = next(p for p in root.iterdir() if p.is_dir() and "labels" in p.name)
    gold: dict[str, list[tuple[int, int, int]]] = defaultdict(list)
    for f in labels_dir.glob("*.labels"):
        for line in f.read_text().splitlines():
            parts = line.split("\t")
            if len(parts) == 4 and parts[1] in TECH:
                gold[parts[0]].append((TECH[parts[1]], int(parts[2]), int(parts[3])))
    out = []
    for f in sorted((root / "train-articles").glob("article*.txt")):
        aid = re.sub(r"\D", "", f.stem)
        out.append((int(aid), f.read_text(encoding="utf-8"), gold.get(aid, [])))
    return out


def token_labels(toks: list[tuple[str, int, int]], spans: list[tuple[int, int, int]]) -> list[int]:
    out = []
    for _, s, e in toks:
        best, cover = 0, 0.0
        for k, a, b in spans:
            c = max(0, min(b, e) - max(a, s)) / max(1, e - s)
            if c > cover:
                best, cover = k, c
        out.append(best if cover >= 0.5 else 0)
    return out


def matrix(docs: list[tuple[int, str, list]]) -> tuple[sparse.csr_matrix, np.ndarray]:
    rows, cols, ys = [], [], []
    r = 0
    for _, text, spans in docs:
        toks = lm.tokens(text)
        feats = lm.features(toks, _WORDS, lm.quoted_mask(text, toks))
        for f, y in zip(feats, token_labels(toks, spans), strict=True):
            rows.extend([r] * len(f))
            cols.extend(f)
            ys.append(y)
            r += 1
    x = sparse.csr_matrix(
        (np.ones(len(rows), dtype=np.float32), (rows, cols)), shape=(r, lm.BUCKETS)
    )
    return x, np.array(ys)


def evaluate(docs: list, tagger: lm.LoadedTagger | None, use_lexicon: bool) -> dict[str, tuple]:
    groups = {
        "Loaded_Language": ({"loaded_language"}, {1}),
        "Name_Calling": ({"name_calling"}, {2}),
        "LL + NC": ({"loaded_language", "name_calling"}, {1, 2}),
    }
    sums = {k: [0.0, 0.0, 0, 0] for k in groups}
    for _, text, spans in docs:
        pred_spans = []
        if tagger is not None:
            pred_spans += tagger.spans(text, _WORDS)
        if use_lexicon:
            pred_spans += find_loaded(text)
        for name, (ours, theirs) in groups.items():
            pred = _merge([(s["start"], s["end"]) for s in pred_spans if s["kind"] in ours])
            gold = _merge([(a, b) for k, a, b in spans if k in theirs])
            for i, v in enumerate(overlap_scores(pred, gold)):
                sums[name][i] += v
    return {k: prf(*v) for k, v in sums.items()}


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", default=str(Path(__file__).resolve().parents[1] / ".." / "shared"))
    ap.add_argument("--out", default=str(lm.MODEL_PATH))
    ap.add_argument("--C", type=float, default=0.3)
    ap.add_argument("--dry-run", action="store_true")
    args = ap.parse_args()
    root = Path(args.shared) / "eval" / "ptc"
    if not root.exists():
        print("no PTC data at", root)
        return 1
    docs = load_ptc(root)
    train = [d for d in docs if d[0] % 5 >= 2]
    tune = [d for d in docs if d[0] % 5 == 1]
    test = [d for d in docs if d[0] % 5 == 0]
    t0 = time.perf_counter()
    x, y = matrix(train)
    print(f"train: {len(train)} articles, {x.shape[0]} tokens, {np.bincount(y).tolist()} O/LL/NC")
    clf = LogisticRegression(C=args.C, max_iter=300, class_weight={0: 1.0, 1: 4.0, 2: 4.0})
    clf.fit(x, y)
    print(f"fitted in {time.perf_counter() - t0:.0f} s")
    w = clf.coef_.T.copy()  # (BUCKETS, classes)
    w[lm._h("b")] += clf.intercept_
    tagger = lm.LoadedTagger.__new__(lm.LoadedTagger)
    tagger.weights = w.astype(np.float16).astype(np.float32)
    best = (0.0, 0.5)
    for th in (0.3, 0.4, 0.5, 0.6, 0.7, 0.8):
        tagger.threshold = th
        f1 = evaluate(tune, tagger, True)["LL + NC"][2]
        print(f"  threshold {th}: tune LL+NC F1 {f1:.3f}")
        best = max(best, (f1, th))
    tagger.threshold = best[1]
    print(f"held-out test ({len(test)} articles), threshold {best[1]}:")
    for label, tg, lex in (
        ("lexicon", None, True),
        ("tagger", tagger, False),
        ("tagger + lexicon", tagger, True),
    ):
        res = evaluate(test, tg, lex)
        print(
            f"  {label:<17} "
            + "  ".join(f"{k} P {p:.3f} R {r:.3f} F1 {f:.3f}" for k, (p, r, f) in res.items())
        )
    if not args.dry_run:
        out = Path(args.out)
        out.parent.mkdir(parents=True, exist_ok=True)
        np.savez_compressed(
            out,
            weights=w.astype(np.float16),
            threshold=np.float32(best[1]),
            classes=np.array(lm.CLASSES),
        )
        print("wrote", out, f"{out.stat().st_size / 1e6:.2f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
