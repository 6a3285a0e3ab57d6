"""Train the text-dump line classifier and write it to src/rashomon/extract/data/.

Training lines come from ../shared/eval/aeb-dev: each page line is labelled body when most
of its 4-gram shingles occur in the gold body (short lines: when they equal a gold
paragraph). Pages are split into folds by page; the script prints cross-validated body F1
(the benchmark metric) before fitting the final model on every page. With ``--written``,
the pages written for the project in data/line_pages/ (see its README) join every training
fold and the final fit, never an evaluation fold: cross-validation scores aeb-dev pages
only. They are off by default: they did not raise cross-validated F1 beyond noise (5 folds,
mean of 3 seeds: 0.9351 at weight 0.25 against 0.9335 without; 10 folds: 0.931 against
0.945), so the shipped model is trained without them.

    OMP_NUM_THREADS=1 python scripts/train_line_model.py [--folds 5] [--seeds 3] [--no-write]
        [--written [--extra-weight 0.25]] [--worst 15]

``--worst N`` lists the N held-out pages of lowest extractor F1 (precision and recall
averaged over the CV repetitions), to study where the model fails.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
from aeb_metric import f1_report, page_scores  # noqa: E402

from rashomon.extract import classify  # noqa: E402
from rashomon.extract.lines import line_features, split_lines  # noqa: E402
from rashomon.extract.text import extract_text  # noqa: E402
from rashomon.model import Page  # noqa: E402

AEB = ROOT.parent / "shared" / "eval" / "aeb-dev"
EXTRA = ROOT / "data" / "line_pages"
_TOKEN = re.compile(r"\w+")


def label_lines(page_text: str, gold: str) -> tuple[list, np.ndarray]:
    """Non-blank lines of a page and 1/0 body labels derived from the gold body."""
    gt = _TOKEN.findall(gold.lower())
    grams = {" ".join(gt[i : i + 4]) for i in range(len(gt) - 3)}
    paras = {" ".join(_TOKEN.findall(p.lower())) for p in gold.split("\n") if p.strip()}
    lines = split_lines(page_text)
    y = np.zeros(len(lines), dtype=np.int8)
    for i, ln in enumerate(lines):
        t = _TOKEN.findall(ln.text.lower())
        if len(t) >= 4:
            sh = [" ".join(t[j : j + 4]) for j in range(len(t) - 3)]
            y[i] = sum(s in grams for s in sh) / len(sh) >= 0.5
        elif t:
            y[i] = " ".join(t) in paras
    return lines, y


def label_in_order(page_text: str, gold: str) -> tuple[list, np.ndarray]:
    """Lines and labels of a page whose gold paragraphs are its body lines verbatim and in
    order (the written pages): a short menu item that repeats a body heading stays chrome."""
    paras = [" ".join(_TOKEN.findall(p.lower())) for p in gold.split("\n") if p.strip()]
    lines = split_lines(page_text)
    y = np.zeros(len(lines), dtype=np.int8)
    k = 0
    for i, ln in enumerate(lines):
        if k < len(paras) and " ".join(_TOKEN.findall(ln.text.lower())) == paras[k]:
            y[i] = 1
            k += 1
    if k < len(paras):
        raise ValueError(f"gold paragraph {k} not found in order: {paras[k][:60]!r}")
    return lines, y


def labelled_page(page_id: str, text: str, gold: str, ordered: bool = False) -> dict:
    """A page with its lines, features and labels."""
    lines, y = (label_in_order if ordered else label_lines)(text, gold)
    title = lines[0].text if lines else None
    return {"id": page_id, "gold": gold, "text": text, "lines": lines, "y": y,
            "X": line_features(lines, title, text)}


def load() -> list[dict]:
    """The aeb-dev pages with lines, features and labels."""
    return [labelled_page(row["id"], (AEB / "pages" / f"{row['id']}.txt").read_text(),
                          row["body"])
            for row in map(json.loads, (AEB / "gold.jsonl").open())]


def load_extra(folder: Path = EXTRA) -> list[dict]:
    """The written training pages: each <name>.txt beside its gold body <name>.body.txt."""
    return [labelled_page(p.stem, p.read_text(), p.with_suffix(".body.txt").read_text(), True)
            for p in sorted(folder.glob("*.txt")) if not p.name.endswith(".body.txt")]


def body_of(page: dict, keep: np.ndarray) -> str:
    return "\n".join(ln.text for ln, k in zip(page["lines"], keep, strict=True) if k)


def cross_validate(pages: list[dict], folds: int, seed: int = 0, trees: int = 50,
                   extra: list[dict] | None = None) -> dict[str, dict]:
    """Page-grouped k-fold: body F1 on held-out pages, of the line model alone and of the
    whole extractor (comments, title and inline-link handling on top). ``extra`` pages
    join every training fold and are never scored."""
    rng = np.random.default_rng(seed)
    order = rng.permutation(len(pages))
    pairs_model, pairs_full = [], []
    for k in range(folds):
        held = set(order[k::folds].tolist())
        train = [p for i, p in enumerate(pages) if i not in held] + (extra or [])
        model = classify.fit(train, trees=trees)
        for i in sorted(held):
            p = pages[i]
            prob = model.predict_proba(p["X"])
            pairs_model.append((p["gold"], body_of(p, prob >= 0.5)))
            page = Page(source=p["id"], source_id=p["id"], text=p["text"])
            art = extract_text(page, model)
            pairs_full.append((p["gold"], art.body_text if art else ""))
    scored = [i for k in range(folds) for i in sorted(order[k::folds].tolist())]
    return {"model": f1_report(pairs_model), "extractor": f1_report(pairs_full),
            "pages": {pages[i]["id"]: pair for i, pair in zip(scored, pairs_full, strict=True)}}


def print_worst(per_page: dict[str, list[tuple[str, str]]], top: int) -> None:
    """The ``top`` pages of lowest extractor F1, P and R averaged over CV repetitions."""
    rows = []
    for pid, pairs in per_page.items():
        ps, rs = [], []
        for tp, fp, fn in (page_scores(g, b) for g, b in pairs):
            ps.append(tp / (tp + fp) if tp + fp else 0.0)
            rs.append(tp / (tp + fn) if tp + fn else 0.0)
        p, r = sum(ps) / len(ps), sum(rs) / len(rs)
        rows.append((2 * p * r / (p + r) if p + r else 0.0, p, r, pid))
    for f, p, r, pid in sorted(rows)[:top]:
        print(f"  {pid[:16]}  f1 {f:.3f}  p {p:.3f}  r {r:.3f}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--seeds", type=int, default=1, help="CV repetitions")
    ap.add_argument("--trees", type=int, default=50, help="boosting rounds per stage")
    ap.add_argument("--no-write", action="store_true")
    ap.add_argument("--worst", type=int, default=0,
                    help="print the N held-out pages of lowest extractor F1")
    ap.add_argument("--written", action="store_true",
                    help="add the written pages of data/line_pages to every training set")
    # 0.25: measured best of 1, 0.5 and 0.25 (at 1 they cost precision on plain news pages)
    ap.add_argument("--extra-weight", type=float, default=0.25,
                    help="training weight of a written page relative to an aeb-dev page")
    args = ap.parse_args()
    pages = load()
    extra = load_extra() if args.written else []
    for p in extra:
        p["weight"] = args.extra_weight
    oracle = f1_report((p["gold"], body_of(p, p["y"].astype(bool))) for p in pages)
    print(f"pages {len(pages)} lines {sum(len(p['y']) for p in pages)} oracle {oracle}")
    print(f"written pages {len(extra)} lines {sum(len(p['y']) for p in extra)} "
          f"body lines {sum(int(p['y'].sum()) for p in extra)}")
    per_page: dict[str, list[tuple[str, str]]] = {}
    f1s = []
    for seed in range(args.seeds):
        cv = cross_validate(pages, args.folds, seed, args.trees, extra)
        print(f"cv seed {seed}: line model {cv['model']}\n           extractor {cv['extractor']}")
        f1s.append(cv["extractor"]["f1"])
        for pid, pair in cv["pages"].items():
            per_page.setdefault(pid, []).append(pair)
    print(f"extractor f1, mean of {args.seeds} CV repetitions: {np.mean(f1s):.4f}")
    if args.worst:
        print_worst(per_page, args.worst)
    if not args.no_write:
        model = classify.fit(pages + extra, trees=args.trees)
        out = classify.save(model)
        print(f"wrote {out}")


if __name__ == "__main__":
    main()
