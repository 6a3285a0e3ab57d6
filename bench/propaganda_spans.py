"""The loaded-wording detector against three annotated corpora in ../shared/eval.

- PTC (SemEval-2020 Task 11 training articles): span precision / recall / F1 with the
  task's partial-overlap scoring (each predicted span earns |pred & gold| / |pred| for
  precision, each gold span |pred & gold| / |gold| for recall), for Loaded_Language,
  Name_Calling,Labeling, both together (kind-agnostic between the two) and all the kinds
  we emit against all techniques.
- BABE: word-level P/R/F1 of the words inside our spans against the annotators' biased
  words, and sentence-level P/R/F1 for 'any span' against the Biased label.
- BASIL: the same span scoring against the lexical-bias phrases (located in the article
  text by their words, as the annotations' offsets are sentence-relative).

    python bench/propaganda_spans.py [--shared ../shared] [--limit N]
"""

from __future__ import annotations

import argparse
import ast
import csv
import json
import re
import sys
import time
from collections import defaultdict
from pathlib import Path

from rashomon.compare.loaded import STORY_MIN_SCORE, find_loaded

PTC_KINDS = {
    "loaded_language": "Loaded_Language",
    "name_calling": "Name_Calling,Labeling",
    "doubt": "Doubt",
    "exaggeration": "Exaggeration,Minimisation",
}


def overlap_scores(
    pred: list[tuple[int, int]], gold: list[tuple[int, int]]
) -> tuple[float, float, int, int]:
    """Summed partial-overlap credit of predicted and gold spans, and their counts."""

    def inter(a: tuple[int, int], b: tuple[int, int]) -> int:
        return max(0, min(a[1], b[1]) - max(a[0], b[0]))

    p = sum(min(1.0, sum(inter(s, t) for t in gold) / max(1, s[1] - s[0])) for s in pred)
    r = sum(min(1.0, sum(inter(s, t) for s in pred) / max(1, t[1] - t[0])) for t in gold)
    return p, r, len(pred), len(gold)


def prf(p_sum: float, r_sum: float, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = p_sum / n_pred if n_pred else 0.0
    r = r_sum / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for a, b in sorted(set(spans)):
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(b, out[-1][1]))
        else:
            out.append((a, b))
    return out


def run_ptc(
    root: Path, limit: int | None, heldout: bool, model: bool, min_score: float | None = None
) -> None:
    labels_dir = next((p for p in root.iterdir() if p.is_dir() and "labels" in p.name), None)
    arts = sorted((root / "train-articles").glob("article*.txt"))[:limit]
    if heldout:  # the fifth of the articles the tagger never saw (see train_loaded_model.py)
        arts = [f for f in arts if int(re.sub(r"\D", "", f.stem)) % 5 == 0]
    gold: dict[str, list[tuple[str, int, int]]] = defaultdict(list)
    for f in labels_dir.glob("*.labels") if labels_dir else []:
        for line in f.read_text().splitlines():
            parts = line.split("\t")
            if len(parts) == 4:
                gold[parts[0]].append((parts[1], int(parts[2]), int(parts[3])))
    groups = {
        "Loaded_Language": ({"loaded_language"}, {"Loaded_Language"}),
        "Name_Calling,Labeling": ({"name_calling"}, {"Name_Calling,Labeling"}),
        "LL + NC": (
            {"loaded_language", "name_calling"},
            {"Loaded_Language", "Name_Calling,Labeling"},
        ),
        "all kinds vs all techniques": (set(PTC_KINDS) | {"opinion"}, None),
    }
    sums = {k: [0.0, 0.0, 0, 0] for k in groups}
    t0 = time.perf_counter()
    chars = 0
    for f in arts:
        aid = re.sub(r"\D", "", f.stem)
        text = f.read_text(encoding="utf-8")
        chars += len(text)
        spans = find_loaded(text, model=model, min_score=min_score)
        for name, (ours, theirs) in groups.items():
            pred = _merge([(s["start"], s["end"]) for s in spans if s["kind"] in ours])
            g = _merge([(a, b) for t, a, b in gold.get(aid, []) if theirs is None or t in theirs])
            for i, v in enumerate(overlap_scores(pred, g)):
                sums[name][i] += v
    dt = time.perf_counter() - t0
    which = "held-out fifth" if heldout else "all, incl. the tagger's training articles"
    how = "lexicon + tagger" if model else "lexicon only"
    if model and min_score is not None:
        how += f" (tagger score >= {min_score}, as shown in stories)"
    print(f"PTC {which} ({len(arts)} articles), {how}, {chars / dt / 1e6:.2f} M chars/s:")
    for name, s in sums.items():
        p, r, f1 = prf(*s)
        print(f"  {name:<30} P {p:.3f}  R {r:.3f}  F1 {f1:.3f}  (pred {s[2]}, gold {s[3]})")


def _words(text: str) -> set[str]:
    return {w.lower() for w in re.findall(r"[\w'-]+", text)}


def run_babe(path: Path, limit: int | None, model: bool = True) -> None:
    tp = fp = fn = 0
    stp = sfp = sfn = 0
    n = 0
    with path.open(encoding="utf-8-sig") as f:
        for row in csv.DictReader(f, delimiter=";"):
            if limit and n >= limit:
                break
            n += 1
            try:
                gold = {w.lower() for w in ast.literal_eval(row["biased_words"] or "[]")}
            except (ValueError, SyntaxError):
                gold = set()
            spans = [s for s in find_loaded(row["text"], model=model) if not s.get("scare_quote")]
            pred: set[str] = set()
            for s in spans:
                pred |= _words(s["text"])
            tp += len(pred & gold)
            fp += len(pred - gold)
            fn += len(gold - pred)
            biased = row["label_bias"] == "Biased"
            hit = bool(spans)
            stp += hit and biased
            sfp += hit and not biased
            sfn += biased and not hit
    p, r, f1 = prf(tp, tp, tp + fp, tp + fn)
    sp, sr, sf = prf(stp, stp, stp + sfp, stp + sfn)
    print(
        f"BABE ({n} sentences, {'lexicon + tagger' if model else 'lexicon only'}): "
        f"biased words P {p:.3f} R {r:.3f} F1 {f1:.3f}; "
        f"biased sentences P {sp:.3f} R {sr:.3f} F1 {sf:.3f}"
    )


def run_basil(root: Path, limit: int | None, model: bool = True) -> None:
    sums = [0.0, 0.0, 0, 0]
    files = sorted((root / "annotations").glob("*/*_ann.json"))[:limit]
    for ann_path in files:
        art_path = root / "articles" / ann_path.parent.name / ann_path.name.replace("_ann", "")
        if not art_path.exists():
            continue
        art = json.loads(art_path.read_text())
        paras = art.get("body-paragraphs")
        if isinstance(paras, str):
            paras = ast.literal_eval(paras)
        text = "\n\n".join(" ".join(p) if isinstance(p, list) else str(p) for p in paras or [])
        ann = json.loads(ann_path.read_text())
        gold = []
        for a in ann.get("phrase-level-annotations", []):
            if a.get("bias") != "lex":
                continue
            i = text.find(a["txt"].strip('“”"'))
            if i >= 0:
                gold.append((i, i + len(a["txt"].strip('“”"'))))
        found = find_loaded(text, model=model)
        pred = _merge([(s["start"], s["end"]) for s in found if not s["in_quote"]])
        for i, v in enumerate(overlap_scores(pred, _merge(gold))):
            sums[i] += v
    p, r, f1 = prf(*sums)
    print(
        f"BASIL ({len(files)} articles, {'lexicon + tagger' if model else 'lexicon only'}): "
        f"lexical-bias spans P {p:.3f} R {r:.3f} F1 {f1:.3f} "
        f"(pred {sums[2]}, gold {sums[3]})"
    )


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", default=str(Path(__file__).resolve().parents[1] / ".." / "shared"))
    ap.add_argument("--limit", type=int, default=None)
    args = ap.parse_args()
    ev = Path(args.shared) / "eval"
    if not ev.exists():
        print("no eval data at", ev)
        return 1
    if (ev / "ptc").exists():
        for heldout, model, floor in (
            (True, False, None),
            (True, True, None),
            (True, True, STORY_MIN_SCORE),
            (False, True, None),
        ):
            run_ptc(ev / "ptc", args.limit, heldout, model, floor)
    for model in (False, True):
        if (ev / "babe" / "final_labels_SG2.csv").exists():
            run_babe(ev / "babe" / "final_labels_SG2.csv", args.limit, model)
        if (ev / "basil").exists():
            run_basil(ev / "basil", args.limit, model)
    return 0


if __name__ == "__main__":
    sys.exit(main())
