"""Quotes and attributions against PolNeAR (brat Source / Cue / Content annotations).

Usage: python bench/polnear_quotes.py [--split dev|train] [--skip N] [--limit N] [--n-process N]

Each article's text is split into paragraphs on line breaks and enriched; every
attribution the enrichment reports is a predicted (source, cue, content) triple. PolNeAR
is univocal (a token belongs to at most one attribution), so attributions nested in the
content of another are left out of the comparison (``--keep-nested`` keeps them). Where
several annotators annotated one article, the first annotation file (by name) is gold.

Span matching, per role (content, source, cue) separately:
- overlap: a predicted and a gold span match when they share at least one non-space
  character; pairs are matched one-to-one, largest shared character count first;
  precision = matched / predicted, recall = matched / gold.
- exact: the same, but a match needs identical start and end (a discontinuous span is
  taken from its first to its last character), after trimming whitespace.
- chars: character-level F1 over the union of spans (how much of the text is covered).
- tokens: the overlap metric of BBC's citron (the issue's reference point: 0.83 F1 on PARC
  3.0 for all quote spans), predicted tokens that overlap gold tokens against all predicted
  and all gold tokens. Citron sums the overlap over every (predicted, gold) pair, so a
  source such as "he" shared by two attributions counts four times; here every token
  counts once (the union of spans), which removes that inflation. Tokens are runs of word
  characters or single other non-space characters, close to spaCy's. The row "all" pools
  content, source and cue, as citron's headline figure does. Unlike "overlap" it gives
  partial credit: a content cut in two still earns its tokens.

``--agreement`` keeps the articles that two or more annotators annotated and scores, beside
the system, each further annotator against the first with the same metrics: the human
agreement, the ceiling a system can be expected to reach on this data.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
import time
from collections import defaultdict
from pathlib import Path

from rashomon.enrich import enrich_many
from rashomon.model import Article, Span

Ranges = list[tuple[int, int]]
ROLES = ("content", "source", "cue")
_TOKEN = re.compile(r"\w+|[^\w\s]")


def polnear_dir() -> Path | None:
    path = Path(__file__).resolve().parents[1] / ".." / "shared" / "eval" / "polnear"
    return path if path.is_dir() else None


def read_ann(path: Path) -> list[dict[str, Ranges]]:
    """Gold relations of one brat file: role -> character ranges."""
    spans: dict[str, tuple[str, Ranges]] = {}
    rels = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            kind, _, locs = parts[1].partition(" ")
            ranges = [tuple(int(x) for x in loc.split()) for loc in locs.split(";")]
            spans[parts[0]] = (kind.lower(), ranges)  # type: ignore[assignment]
        elif line.startswith("E") and len(parts) >= 2:
            rel: dict[str, Ranges] = {}
            for arg in parts[1].split()[1:]:
                role, _, tid = arg.partition(":")
                role = re.sub(r"\d+$", "", role).lower()
                if role in ROLES and tid in spans:
                    rel[role] = spans[tid][1]
            if "content" in rel or "cue" in rel:
                rels.append(rel)
    return rels


def article_of(name: str, text: str, published: str | None) -> Article:
    body, spans = [], []
    for m in re.finditer(r"[^\n]+", text):
        stripped = m.group().strip()
        if stripped:
            start = m.start() + m.group().index(stripped)
            body.append(stripped)
            spans.append(Span(stripped, start, start + len(stripped)))
    return Article(
        id=name,
        source="polnear",
        source_id=name,
        text=text,
        body=body,
        body_spans=spans,
        published=published,
    )


def _trimmed(text: str, ranges: Ranges) -> Ranges:
    out = []
    for s, e in ranges:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
    return out


def _chars(text: str, ranges: Ranges) -> set[int]:
    return {i for s, e in ranges for i in range(s, e) if not text[i].isspace()}


def _tokens(text: str, ranges: Ranges) -> set[int]:
    """Start offsets of the tokens inside ``ranges`` (a token cut by a range edge counts)."""
    out = set()
    for s, e in ranges:
        while s > 0 and (text[s - 1].isalnum() or text[s - 1] == "_"):
            s -= 1  # back to the start of a word the range cuts
        out.update(m.start() for m in _TOKEN.finditer(text, s, e))
    return out


def score_doc(text: str, pred: list[Ranges], gold: list[Ranges], tally: dict[str, float]) -> None:
    """Add one document's matches for one role to ``tally``."""
    pred = [p for p in (_trimmed(text, r) for r in pred) if p]
    gold = [g for g in (_trimmed(text, r) for r in gold) if g]
    pc = [_chars(text, p) for p in pred]
    gc = [_chars(text, g) for g in gold]
    pairs = sorted(
        ((len(a & b), i, j) for i, a in enumerate(pc) for j, b in enumerate(gc) if a & b),
        reverse=True,
    )
    used_p, used_g = set(), set()
    for _, i, j in pairs:
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
    exact_p = {(p[0][0], p[-1][1]) for p in pred}
    exact_g = {(g[0][0], g[-1][1]) for g in gold}
    all_p, all_g = set().union(*pc) if pc else set(), set().union(*gc) if gc else set()
    tally["pred"] += len(pred)
    tally["gold"] += len(gold)
    tally["overlap"] += len(used_p)
    tally["exact"] += len(exact_p & exact_g)
    tally["exact_pred"] += len(exact_p)
    tally["exact_gold"] += len(exact_g)
    tally["char_tp"] += len(all_p & all_g)
    tally["char_pred"] += len(all_p)
    tally["char_gold"] += len(all_g)
    pt = set().union(*(_tokens(text, p) for p in pred))
    gt = set().union(*(_tokens(text, g) for g in gold))
    tally["token_tp"] += len(pt & gt)
    tally["token_pred"] += len(pt)
    tally["token_gold"] += len(gt)


def f1(tp: float, npred: float, ngold: float) -> tuple[float, float, float]:
    p = tp / npred if npred else 0.0
    r = tp / ngold if ngold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def print_table(tallies: dict[str, dict[str, float]]) -> None:
    """One row per role (and citron's pooled token row) of overlap, exact, chars, tokens."""
    print(
        f"{'role':8} {'gold':>6} {'pred':>6}  {'overlap P/R/F1':>22}  {'exact P/R/F1':>22}"
        f"  {'chars P/R/F1':>22}  {'tokens P/R/F1 (citron)':>22}"
    )
    fmt = lambda x: f"{x[0]:.3f}/{x[1]:.3f}/{x[2]:.3f}"  # noqa: E731
    for role in ROLES:
        t = tallies[role]
        ov = f1(t["overlap"], t["pred"], t["gold"])
        ex = f1(t["exact"], t["exact_pred"], t["exact_gold"])
        ch = f1(t["char_tp"], t["char_pred"], t["char_gold"])
        tk = f1(t["token_tp"], t["token_pred"], t["token_gold"])
        print(
            f"{role:8} {int(t['gold']):6d} {int(t['pred']):6d}  {fmt(ov):>22}  {fmt(ex):>22}"
            f"  {fmt(ch):>22}  {fmt(tk):>22}"
        )
    pooled = [sum(tallies[r][k] for r in ROLES) for k in ("token_tp", "token_pred", "token_gold")]
    tk = f1(*pooled)
    print(f"{'all':8} {'':6} {'':6}  {'':>22}  {'':>22}  {'':>22}  {fmt(tk):>22}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", default="dev", choices=["dev", "train"])
    ap.add_argument("--skip", type=int, default=0, help="leave out the first N articles")
    ap.add_argument("--limit", type=int, default=0, help="first N articles only (after --skip)")
    ap.add_argument("--n-process", type=int, default=1)
    ap.add_argument("--keep-nested", action="store_true")
    ap.add_argument("--show", type=int, default=0, help="print N missed gold contents")
    ap.add_argument(
        "--agreement",
        action="store_true",
        help="articles with several annotators only; score the annotators too",
    )
    args = ap.parse_args()
    root = polnear_dir()
    if root is None:
        print("PolNeAR not found beside the repository (../shared/eval/polnear): skipped")
        return 0
    dates = {}
    with open(root / "metadata.tsv", encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            dates[row["filename"]] = row["publication_date"]
    split = root / args.split
    annotators: dict[str, list[Path]] = defaultdict(list)
    for ann in sorted((split / "attributions").glob("*.ann")):
        annotators[ann.stem.rsplit("_", 1)[0]].append(ann)
    anns = {name: files[0] for name, files in annotators.items()}
    names = sorted(n for n in anns if (split / "text" / f"{n}.txt").exists())
    if args.agreement:
        names = [n for n in names if len(annotators[n]) > 1]
    names = names[args.skip :]
    if args.limit:
        names = names[: args.limit]
    texts = {n: (split / "text" / f"{n}.txt").read_text(encoding="utf-8") for n in names}
    arts = [article_of(n, texts[n], dates.get(n)) for n in names]
    words = sum(len(t.split()) for t in texts.values())
    from rashomon.enrich.nlp import body_of, load

    nlp = load()
    bodies = [body_of(a).text for a in arts]
    t0 = time.perf_counter()
    for _ in nlp.pipe(bodies, batch_size=32, n_process=args.n_process):
        pass
    peer = time.perf_counter() - t0
    t0 = time.perf_counter()
    done = list(enrich_many(arts, n_process=args.n_process))
    secs = time.perf_counter() - t0
    tallies: dict[str, dict[str, float]] = {r: defaultdict(float) for r in ROLES}
    humans: dict[str, dict[str, float]] = {r: defaultdict(float) for r in ROLES}
    shown = 0
    for art in done:
        gold = read_ann(anns[art.id])
        for other in annotators[art.id][1:] if args.agreement else []:
            rels = read_ann(other)
            for role in ROLES:
                pred = [r[role] for r in rels if role in r]
                score_doc(art.text, pred, [g[role] for g in gold if role in g], humans[role])
        atts = [a for a in art.enrichment["attributions"] if args.keep_nested or not a["nested"]]
        for role in ROLES:
            if role == "content":
                pred = [[(p["start"], p["end"]) for p in a["parts"]] for a in atts]
            else:
                pred = [[(a[role]["start"], a[role]["end"])] for a in atts if a[role]]
            score_doc(art.text, pred, [g[role] for g in gold if role in g], tallies[role])
        if args.show and shown < args.show:
            got = [_chars(art.text, [(p["start"], p["end"]) for p in a["parts"]]) for a in atts]
            for g in gold:
                if "content" in g and not any(c & _chars(art.text, g["content"]) for c in got):
                    cue = art.text[slice(*g["cue"][0])] if "cue" in g else "-"
                    print(
                        f"MISS [{cue}] {art.text[g['content'][0][0] : g['content'][-1][1]][:160]!r}"
                    )
                    shown += 1
    print(
        f"PolNeAR {args.split}: {len(done)} articles, {words} words, "
        f"{secs:.1f} s enrichment ({words / secs:.0f} words/s, n_process={args.n_process}); "
        f"spaCy alone on the same bodies {peer:.1f} s, so enrichment takes {secs / peer:.2f}x "
        "the parse"
    )
    print_table(tallies)
    if args.agreement:
        print("annotators after the first, scored against the first (human agreement):")
        print_table(humans)
    return 0


if __name__ == "__main__":
    sys.exit(main())
