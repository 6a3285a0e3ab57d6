"""How often claim matching finds shared facts between articles that share an event or not.

A precision proxy on data nobody tuned on: SemEval-2022 Task 8 article pairs carry an
'Overall' similarity score (1 = same event ... 4 = unrelated). Each pair is compared as a
two-article story; for same-event pairs we want shared facts, for unrelated pairs any
shared fact is a false match. Texts are truncated in the data set, so counts are low.

    python bench/compare_pairs.py [--shared ../shared]
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
from pathlib import Path

from rashomon.compare.story import compare_story
from rashomon.model import Article, Span, Story, content_hash

#: the data set's bands: <= 1.5 same event, >= 3.5 unrelated
SAME, UNRELATED = 1.5, 3.5


def article(text: str, key: str) -> Article:
    # the texts come without paragraph breaks: cut them into ~3-sentence paragraphs
    sents = re.split(r"(?<=[.!?])\s+(?=[A-Z\"“])", text.strip())
    paras = [" ".join(sents[i : i + 3]) for i in range(0, len(sents), 3)]
    body_text, spans = "", []
    for p in paras:
        spans.append(Span(p, len(body_text), len(body_text) + len(p)))
        body_text += p + "\n\n"
    return Article(
        id=content_hash(key + text),
        source=key,
        source_id=key,
        text=body_text,
        outlet=key,
        body=paras,
        body_spans=spans,
    )


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", default=str(Path(__file__).resolve().parents[1] / ".." / "shared"))
    args = ap.parse_args()
    path = Path(args.shared) / "eval" / "semeval22-en" / "train.jsonl"
    if not path.exists():
        print("no data at", path)
        return 1
    bands: dict[str, list[tuple[int, int]]] = {"same event": [], "middle": [], "unrelated": []}
    for line in path.read_text().splitlines():
        row = json.loads(line)
        score = float(row["Overall"])
        band = "same event" if score <= SAME else "unrelated" if score >= UNRELATED else "middle"
        a, b = article(row["text1"] or "", "a"), article(row["text2"] or "", "b")
        out = compare_story(Story(id=row["pair_id"]), [a, b])
        shared = sum(1 for f in out["facts"] if f["kind"] == "claim" and f["n_outlets"] == 2)
        claims = sum(1 for f in out["facts"] if f["kind"] == "claim")
        bands[band].append((shared, claims))
    for band, rows in bands.items():
        if not rows:
            continue
        with_shared = sum(1 for s, _ in rows if s) / len(rows)
        print(
            f"{band:<11} {len(rows):>3} pairs: shared facts per pair mean "
            f"{statistics.mean(s for s, _ in rows):.2f}, pairs with any shared fact "
            f"{with_shared:.0%}, claim facts per pair {statistics.mean(c for _, c in rows):.1f}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
