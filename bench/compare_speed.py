"""Speed of ``compare_story`` on real articles, against the enrichment of the same articles.

Takes the largest same-day, same-topic groups of ../shared/corpus/news-37k.jsonl.gz as
stand-in stories (they share a subject, not always one event: matching finds fewer facts
than in a real story, the work done per sentence is the same), builds articles from their
paragraphs and times the comparison cold (first call) and warm (median of 3). With
``--enrich`` the articles are enriched first and the enrichment time is printed as the
peer stage the comparison runs after.

    python bench/compare_speed.py [--sizes 10 20] [--enrich] [--rows 6000]
"""

from __future__ import annotations

import argparse
import gzip
import json
import statistics
import time
from collections import defaultdict
from pathlib import Path

from rashomon.model import Article, Span, Story, content_hash


def stories(path: Path, rows: int, size: int) -> list[list[dict]]:
    """Groups of ``size`` rows that share a day and a topic, largest first."""
    groups: dict[tuple[str, str], list[dict]] = defaultdict(list)
    with gzip.open(path, "rt") as f:
        for i, line in enumerate(f):
            if i >= rows:
                break
            d = json.loads(line)
            if d.get("text") and d.get("date"):
                groups[(d["topic"], d["date"])].append(d)
    big = sorted((g for g in groups.values() if len(g) >= size), key=len, reverse=True)
    return [g[:size] for g in big[:3]]


def to_article(row: dict) -> Article:
    text = row["text"]
    paras, spans, pos = [], [], 0
    for block in text.split("\n"):
        start = text.find(block, pos)
        pos = start + len(block)
        if block.strip():
            paras.append(block)
            spans.append(Span(block, start, start + len(block)))
    return Article(
        id=content_hash(text),
        source=row["id"],
        source_id=row["id"],
        text=text,
        outlet=row.get("source"),
        published=row.get("date"),
        title=row.get("title"),
        body=paras,
        body_spans=spans,
    )


def main() -> int:
    from rashomon.compare.story import compare_story

    ap = argparse.ArgumentParser()
    ap.add_argument(
        "--corpus",
        default=str(
            Path(__file__).resolve().parents[1] / ".." / "shared" / "corpus" / "news-37k.jsonl.gz"
        ),
    )
    ap.add_argument("--sizes", type=int, nargs="+", default=[10, 20])
    ap.add_argument("--rows", type=int, default=6000)
    ap.add_argument("--enrich", action="store_true")
    args = ap.parse_args()
    path = Path(args.corpus)
    if not path.exists():
        print("no corpus at", path)
        return 1
    for size in args.sizes:
        for rows in stories(path, args.rows, size):
            arts = [to_article(r) for r in rows]
            words = sum(len(a.body_text.split()) for a in arts)
            enrich_s = None
            if args.enrich:
                from rashomon.enrich import Enrich

                t = time.perf_counter()
                arts = list(Enrich().run(arts))
                enrich_s = time.perf_counter() - t
            story = Story(id="bench")
            t = time.perf_counter()
            out = compare_story(story, arts)
            cold = time.perf_counter() - t
            warm = []
            for _ in range(3):
                t = time.perf_counter()
                compare_story(story, arts)
                warm.append(time.perf_counter() - t)
            line = (
                f"{size} articles ({words} words, topic {rows[0]['topic']}): cold "
                f"{cold * 1000:.0f} ms, warm {statistics.median(warm) * 1000:.0f} ms; "
                f"{len(out['facts'])} facts, {sum(f['n_outlets'] > 1 for f in out['facts'])} shared"
            )
            if enrich_s is not None:
                line += f"; enrichment {enrich_s:.1f} s (compare/enrich = {cold / enrich_s:.3f})"
            print(line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
