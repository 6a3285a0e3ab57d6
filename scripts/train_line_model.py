"""Train the text-dump line classifier and write it to src/rashomon/extract/data/.

Training lines come from ../shared/eval/aeb-dev: each page line is labelled body when most
of its 4-gram shingles occur in the gold body (short lines: when they equal a gold
paragraph). Pages are split into folds by page; the script prints cross-validated body F1
(the benchmark metric) before fitting the final model on every page.

    OMP_NUM_THREADS=1 python scripts/train_line_model.py [--folds 5] [--seeds 3] [--no-write]
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
from aeb_metric import f1_report  # noqa: E402

from rashomon.extract import classify  # noqa: E402
from rashomon.extract.lines import line_features, split_lines  # noqa: E402
from rashomon.extract.text import extract_text  # noqa: E402
from rashomon.model import Page  # noqa: E402

AEB = ROOT.parent / "shared" / "eval" / "aeb-dev"
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


def load() -> list[dict]:
    """Pages with lines, features and labels."""
    pages = []
    for row in map(json.loads, (AEB / "gold.jsonl").open()):
        text = (AEB / "pages" / f"{row['id']}.txt").read_text()
        lines, y = label_lines(text, row["body"])
        title = lines[0].text if lines else None
        pages.append(
            {"id": row["id"], "gold": row["body"], "text": text, "lines": lines, "y": y,
             "X": line_features(lines, title, text)}
        )
    return pages


def body_of(page: dict, keep: np.ndarray) -> str:
    return "\n".join(ln.text for ln, k in zip(page["lines"], keep, strict=True) if k)


def cross_validate(pages: list[dict], folds: int, seed: int = 0, trees: int = 50
                   ) -> dict[str, dict]:
    """Page-grouped k-fold: body F1 on held-out pages, of the line model alone and of the
    whole extractor (comments, title and inline-link handling on top)."""
    rng = np.random.default_rng(seed)
    order = rng.permutation(len(pages))
    pairs_model, pairs_full = [], []
    for k in range(folds):
        held = set(order[k::folds].tolist())
        model = classify.fit([p for i, p in enumerate(pages) if i not in held], trees=trees)
        for i in sorted(held):
            p = pages[i]
            prob = model.predict_proba(p["X"])
            pairs_model.append((p["gold"], body_of(p, prob >= 0.5)))
            page = Page(source=p["id"], source_id=p["id"], text=p["text"])
            art = extract_text(page, model)
            pairs_full.append((p["gold"], art.body_text if art else ""))
    return {"model": f1_report(pairs_model), "extractor": f1_report(pairs_full)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--seeds", type=int, default=1, help="CV repetitions")
    ap.add_argument("--trees", type=int, default=50, help="boosting rounds per stage")
    ap.add_argument("--no-write", action="store_true")
    args = ap.parse_args()
    pages = load()
    oracle = f1_report((p["gold"], body_of(p, p["y"].astype(bool))) for p in pages)
    print(f"pages {len(pages)} lines {sum(len(p['y']) for p in pages)} oracle {oracle}")
    for seed in range(args.seeds):
        cv = cross_validate(pages, args.folds, seed, args.trees)
        print(f"cv seed {seed}: line model {cv['model']}\n           extractor {cv['extractor']}")
    if not args.no_write:
        model = classify.fit(pages, trees=args.trees)
        out = classify.save(model)
        print(f"wrote {out}")


if __name__ == "__main__":
    main()
