"""Coverage comparison on the seed story S1 (pages 000, 001, 002) against gold.json.

Builds articles from the seed pages' gold body lines, runs ``compare_story`` and pairs
every gold fact with one found fact (one-to-one, greedy by score). A gold fact counts as
found when the paired fact's articles are exactly the gold pages; the score is the share
of the gold fact's content stems that occur in the fact's evidence claims (>= 0.3). The
pairing is printed so a reader can check it. Also checks the gold label table.

    python bench/seeds_compare.py [--shared ../shared] [--enrich] [--json]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from rashomon.compare.story import compare_story
from rashomon.compare.text import content_stems
from rashomon.model import Article, Span, Story, content_hash

MIN_SCORE = 0.3


def load_articles(shared: Path, story: str = "S1") -> list[Article]:
    """Articles of one gold story, built from the seed pages and their gold body lines."""
    gold = json.loads((shared / "seeds" / "gold.json").read_text())
    arts = []
    for name, page in sorted(gold["pages"].items()):
        if page.get("story") != story:
            continue
        text = (shared / "seeds" / name).read_text()
        lines = text.split("\n")
        offs = [0]
        for ln in lines:
            offs.append(offs[-1] + len(ln) + 1)
        body = [lines[i - 1] for i in page["body_lines"]]
        spans = [
            Span(lines[i - 1], offs[i - 1], offs[i - 1] + len(lines[i - 1]))
            for i in page["body_lines"]
        ]
        t = page.get("title_line")
        arts.append(
            Article(
                id=content_hash(text),
                source=name,
                source_id=name[:3],
                text=text,
                title=lines[t - 1] if t else None,
                outlet=page.get("outlet"),
                published=page.get("published"),
                body=body,
                body_spans=spans,
            )
        )
    return arts


def score(gold_text: str, fact: dict) -> float:
    """Share of the gold fact's stems found in the fact's evidence claims."""
    g = set(content_stems(gold_text))
    e = set()
    for ev in fact["evidence"]:
        e |= set(content_stems(ev.get("claim") or ev["sentence"]))
    return len(g & e) / max(1, len(g))


def pair_greedily(cands: list[tuple[float, int, int]]) -> dict[int, tuple[float, int]]:
    """One-to-one gold -> produced fact pairs from ``(score, gold, fact)`` candidates, best
    score first, keeping pairs scoring at least ``MIN_SCORE``."""
    pair: dict[int, tuple[float, int]] = {}
    used: set[int] = set()
    for s, gi, fi in sorted(cands, reverse=True):
        if s >= MIN_SCORE and gi not in pair and fi not in used:
            pair[gi] = (s, fi)
            used.add(fi)
    return pair


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", default=str(Path(__file__).resolve().parents[1] / ".." / "shared"))
    ap.add_argument("--enrich", action="store_true", help="run the enrichment step first")
    ap.add_argument("--json", action="store_true", help="print the whole comparison")
    ap.add_argument("-v", action="store_true", help="print every fact")
    args = ap.parse_args()
    shared = Path(args.shared)
    if not (shared / "seeds" / "gold.json").exists():
        print("no seeds at", shared)
        return 1
    gold = json.loads((shared / "seeds" / "gold.json").read_text())
    arts = load_articles(shared)
    if args.enrich:
        from rashomon.enrich import Enrich  # type: ignore[attr-defined]

        arts = list(Enrich().run(arts))
    story = Story(id="S1", article_ids=[a.id for a in arts])
    t0 = time.perf_counter()
    out = compare_story(story, arts)
    dt = time.perf_counter() - t0
    t0 = time.perf_counter()
    compare_story(story, arts)
    warm = time.perf_counter() - t0
    if args.json:
        print(json.dumps(out, indent=1, ensure_ascii=False))
    sid = {a.id: a.source_id for a in arts}
    facts = out["facts"]
    if args.v:
        for f in facts:
            pages = sorted(sid[a["id"]] for a in f["articles"])
            print(f"  {f['id']:>4} {f['kind']:<11} {f['support']:<6} {pages} {f['text'][:110]}")
    cands = []
    for gi, g in enumerate(gold["story_S1_facts"]):
        for fi, f in enumerate(facts):
            pages = sorted(sid[a["id"]] for a in f["articles"])
            if pages == sorted(g["pages"]):
                cands.append((score(g["fact"], f), gi, fi))
    pair = pair_greedily(cands)
    for gi, g in enumerate(gold["story_S1_facts"]):
        print(f"gold {gi + 1:>2} {g['pages']}: {g['fact']}")
        if gi in pair:
            s, fi = pair[gi]
            f = facts[fi]
            print(f"   = {f['id']} ({s:.2f}, {f['kind']}, {f['support']}): {f['text'][:140]}")
        else:
            print("   MISSING")
    found = len(pair)
    print(
        f"\nfacts found with exactly the gold pages: {found}/{len(gold['story_S1_facts'])}"
        f"  (facts produced: {len(facts)})"
    )
    labels_ok = check_labels(gold.get("story_S1_labels", {}), out.get("labels", {}), sid, arts)
    print(
        f"compare_story: {dt * 1000:.0f} ms cold (loads the embedder and tagger), "
        f"{warm * 1000:.0f} ms warm for {len(arts)} articles"
    )
    return 0 if found >= 13 and labels_ok else 2


def check_labels(gold: dict, labels: dict, sid: dict, arts: list[Article]) -> bool:
    """Print the label table and check the gold's must-have terms.

    Each gold actor is paired with the found actor row that holds most of its gold terms;
    'militants' (002) and 'rebels' (001) must then sit in the armed-opposition row and
    'Turkish regime' (000) in the Turkish-state row.
    """
    outlet_of = {a.source_id: (a.outlet or a.source_id) for a in arts}
    for actor, per in labels.items():
        print(
            f"label {actor}: "
            + "; ".join(f"{o}: {', '.join(t['term'] for t in ts)}" for o, ts in per.items())
        )

    def terms(row: dict, page: str) -> set[str]:
        return {t["term"].lower() for t in row.get(outlet_of[page], [])}

    rows = {}
    for actor, pages in gold.items():
        best = max(
            labels.items(),
            default=(None, {}),
            key=lambda kv: sum(
                len(terms(kv[1], p) & {t.lower() for t in ts}) for p, ts in pages.items()
            ),
        )
        rows[actor] = best
        print(f"gold actor '{actor}' -> found actor '{best[0]}'")
    must = [
        ("armed opposition", "002", "militants"),
        ("armed opposition", "001", "rebels"),
        ("Turkish state", "000", "Turkish regime"),
    ]
    ok = True
    for actor, page, term in must:
        row = rows.get(actor, (None, {}))[1]
        has = term.lower() in terms(row, page)
        print(f"label check {page} '{term}' in the {actor} row: {'ok' if has else 'MISSING'}")
        ok &= has
    return ok


if __name__ == "__main__":
    sys.exit(main())
