"""Enrichment speed on real articles, against a bare spaCy parse of the same bodies.

Usage: python bench/enrich_speed.py [--limit N] [--n-process N] [--batch-size N]

Reads the first N articles of ../shared/corpus/news-37k.jsonl.gz (paragraphs split on line
breaks, or sentences of ~5 when a text has none), then times (1) ``nlp.pipe`` alone, the
peer, and (2) ``enrich_many`` (parse plus sentences, entities, quotes, attributions,
figures), and prints words/s and the ratio. A second enrichment pass through a warm cache
shows what re-runs cost.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import time
from pathlib import Path

from rashomon.enrich import enrich_many
from rashomon.enrich.nlp import body_of, load
from rashomon.model import Article, Span


def corpus_path() -> Path | None:
    path = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpus" / "news-37k.jsonl.gz"
    return path if path.exists() else None


def article_of(row: dict) -> Article:
    text = row["text"]
    body, spans = [], []
    pieces = list(re.finditer(r"[^\n]+", text))
    if len(pieces) <= 1:  # one block: cut it after every fifth sentence end
        pieces = list(re.finditer(r"(?:[^.!?]+[.!?]+\s*){1,5}|[^.!?]+$", text))
    for m in pieces:
        stripped = m.group().strip()
        if stripped:
            start = m.start() + m.group().index(stripped)
            body.append(stripped)
            spans.append(Span(stripped, start, start + len(stripped)))
    return Article(
        id=row["id"],
        source="corpus",
        source_id=row["id"],
        text=text,
        body=body,
        body_spans=spans,
        published=row.get("date"),
        outlet=row.get("source"),
    )


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=200)
    ap.add_argument("--n-process", type=int, default=1)
    ap.add_argument("--batch-size", type=int, default=32)
    args = ap.parse_args()
    path = corpus_path()
    if path is None:
        print("corpus not found beside the repository (../shared/corpus): skipped")
        return 0
    rows = []
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            rows.append(json.loads(line))
            if len(rows) >= args.limit:
                break
    arts = [article_of(r) for r in rows]
    words = sum(len(a.body_text.split()) for a in arts)
    nlp = load()
    list(nlp.pipe(["Warm up the pipeline once."]))
    t0 = time.perf_counter()
    for _ in nlp.pipe(
        (body_of(a).text for a in arts), batch_size=args.batch_size, n_process=args.n_process
    ):
        pass
    peer = time.perf_counter() - t0
    cache: dict = {}
    t0 = time.perf_counter()
    done = list(
        enrich_many(arts, n_process=args.n_process, batch_size=args.batch_size, cache=cache)
    )
    secs = time.perf_counter() - t0
    for a in arts:
        a.enrichment = None
    t0 = time.perf_counter()
    list(enrich_many(arts, nlp=nlp, cache=cache))
    cached = time.perf_counter() - t0
    counts = {k: sum(len(a.enrichment[k]) for a in done) for k in done[0].enrichment}
    print(f"{len(arts)} articles, {words} body words, n_process={args.n_process}")
    print(f"spaCy parse alone (peer): {peer:.1f} s, {words / peer:.0f} words/s")
    print(
        f"enrich_many:              {secs:.1f} s, {words / secs:.0f} words/s "
        f"({secs / peer:.2f}x the parse)"
    )
    print(f"enrich_many, warm cache:  {cached:.2f} s ({cached / secs:.3f}x)")
    print("found:", ", ".join(f"{k} {v}" for k, v in counts.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
