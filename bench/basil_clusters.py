"""BASIL story clustering: BCubed precision, recall and F1 against the gold event label.

Usage:
    python bench/basil_clusters.py            # the shipped configuration, all years + split
    python bench/basil_clusters.py --no-emb   # TF-IDF and names only
    python bench/basil_clusters.py --grid     # search weights on the dev years (2010-2014)
    python bench/basil_clusters.py --cut 150 --no-title [--undated]   # short excerpts

Reads ../shared/eval/basil/articles/<year>/*.json (gold label ``triplet-uuid``). Articles
are fed to StoryIndex.add in one call (it sorts them by date). Peers on the same data:
agglomerative clustering with the best threshold chosen on the answers, TF-IDF 0.934 and
MiniLM 0.949 BCubed F1.
"""

from __future__ import annotations

import argparse
import dataclasses
import itertools
import json
import sys
import time
from collections import defaultdict
from pathlib import Path

from rashomon.model import Article
from rashomon.stories.cluster import NO_EMBEDDINGS, Config
from rashomon.stories.index import StoryIndex

BASIL = Path(__file__).resolve().parents[1] / ".." / "shared" / "eval" / "basil" / "articles"
SEMEVAL = BASIL.parents[1] / "semeval22-en" / "train.jsonl"
DEV_YEARS = {"2010", "2011", "2012", "2013", "2014"}


def load_basil(root: Path = BASIL) -> list[tuple[Article, str, str]]:
    """(article, gold label, year) for every BASIL article."""
    out = []
    for f in sorted(root.glob("*/*.json")):
        d = json.loads(f.read_text())
        paras = [" ".join(p) if isinstance(p, list) else str(p) for p in d["body-paragraphs"]]
        art = Article(
            id=f.stem,
            source="basil",
            source_id=f.stem,
            text="",
            title=d.get("title"),
            outlet=(d.get("source") or "").lower(),
            published=d.get("date") or None,
            body=paras,
        )
        out.append((art, d["triplet-uuid"], f.parent.name))
    return out


def bcubed(pred: dict[str, str], gold: dict[str, str]) -> tuple[float, float, float]:
    """BCubed precision, recall and F1 of a clustering against gold labels."""
    by_pred, by_gold = defaultdict(set), defaultdict(set)
    for k in gold:
        by_pred[pred[k]].add(k)
        by_gold[gold[k]].add(k)
    p = r = 0.0
    for k in gold:
        c, g = by_pred[pred[k]], by_gold[gold[k]]
        inter = len(c & g)
        p += inter / len(c)
        r += inter / len(g)
    p, r = p / len(gold), r / len(gold)
    return p, r, 2 * p * r / (p + r) if p + r else 0.0


def cluster(items: list[tuple[Article, str, str]], config: Config | None, emb: bool) -> dict:
    """Article id -> story id."""
    idx = StoryIndex(config=config, use_embeddings=emb)
    idx.add([a for a, _, _ in items])
    return idx.assignments()


def evaluate(items, config, emb) -> dict[str, tuple[float, float, float]]:
    pred = cluster(items, config, emb)
    out = {}
    for name, keep in (("all", None), ("dev", True), ("test", False)):
        sub = {a.id: g for a, g, y in items if keep is None or (y in DEV_YEARS) == keep}
        out[name] = bcubed(pred, sub)
    return out


def semeval_check(path: Path = SEMEVAL) -> None:
    """How the article-to-story score orders the SemEval-2022 pairs (1 same event .. 4 not)."""
    from scipy.stats import spearmanr

    from rashomon.stories.cluster import Clusterer
    from rashomon.stories.embed import load_default
    from rashomon.stories.features import DocFreq, featurize

    rows = [json.loads(line) for line in path.read_text().splitlines() if line.strip()]
    arts = [
        Article(id=f"{i}-{k}", source="semeval", source_id="", text="", body=[r[f"text{k}"]])
        for i, r in enumerate(rows)
        for k in (1, 2)
    ]
    emb = load_default()
    vecs = emb.embed_articles(arts) if emb is not None else [None] * len(arts)
    df = DocFreq()
    for a in arts:  # document frequencies of the whole set first
        featurize(a, df)
    feats = [featurize(a, df, e) for a, e in zip(arts, vecs, strict=True)]
    cl = Clusterer(Config(), emb_dim=emb.dim if emb is not None else 0)
    scores, overall = [], []
    for i, r in enumerate(rows):
        st = cl._open(f"s{i}")
        cl._join(st, feats[2 * i + 1])
        scores.append(cl.score(feats[2 * i], st))
        overall.append(float(r["Overall"]))
    rho = spearmanr(scores, overall).statistic
    same = [s for s, o in zip(scores, overall, strict=True) if o <= 1.5]
    other = [s for s, o in zip(scores, overall, strict=True) if o >= 3.0]
    print(
        f"SemEval-2022 ({len(rows)} pairs): Spearman(score, Overall) {rho:.3f}; "
        f"joins {sum(s > 0 for s in same)}/{len(same)} same-event pairs (Overall <= 1.5), "
        f"{sum(s > 0 for s in other)}/{len(other)} unrelated pairs (Overall >= 3)"
    )


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--no-emb", action="store_true")
    ap.add_argument("--grid", action="store_true")
    ap.add_argument("--undated", action="store_true", help="drop every date")
    ap.add_argument("--cut", type=int, default=0, help="keep only N characters of body")
    ap.add_argument("--no-title", action="store_true", help="drop the headlines")
    args = ap.parse_args()
    if not BASIL.is_dir():
        print("BASIL not found at", BASIL)
        return 0
    items = load_basil()
    for a, _, _ in items:
        if args.undated:
            a.published = None
        if args.cut:  # a stand-in for a corpus of short excerpts
            a.body = [" ".join(a.body)[: args.cut]]
        if args.no_title:
            a.title = None
    emb = not args.no_emb
    if args.grid:
        base = Config() if emb else NO_EMBEDDINGS
        grid = {
            "w_lex": [4.0, 6.0, 8.0],
            "w_names": [0.0, 1.0, 2.0, 3.0],
            "bias": [-3.0, -2.5, -2.0, -1.5, -1.0],
            "w_emb": [base.w_emb] if not emb else [0, 2, 4],
        }
        dev = [it for it in items if it[2] in DEV_YEARS]
        res = []
        for vals in itertools.product(*grid.values()):
            cfg = dataclasses.replace(base, **dict(zip(grid, vals, strict=True)))
            f1 = bcubed(cluster(dev, cfg, emb), {a.id: g for a, g, _ in dev})[2]
            res.append((f1, vals))
        for f1, vals in sorted(res, reverse=True)[:15]:
            print(f"{f1:.4f}", dict(zip(grid, vals, strict=True)))
        return 0
    t = time.perf_counter()
    scores = evaluate(items, None if emb else NO_EMBEDDINGS, emb)
    dt = time.perf_counter() - t
    for name, (p, r, f1) in scores.items():
        print(f"BASIL {name:4s}  P {p:.4f}  R {r:.4f}  BCubed F1 {f1:.4f}")
    print(f"{len(items)} articles in {dt:.1f}s")
    print("peers (oracle threshold): TF-IDF 0.934, MiniLM 0.949")
    if SEMEVAL.is_file() and emb:
        semeval_check()
    return 0


if __name__ == "__main__":
    sys.exit(main())
