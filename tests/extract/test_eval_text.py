"""Quality gate of the text extractor on ../shared (skipped when absent).

The aeb-dev pages are also the line model's training pages, so the body floor here guards
against regressions only; cross-validated figures come from scripts/train_line_model.py.
The seed pages are not used for training.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest

from rashomon.extract.text import extract_text
from rashomon.model import Page

_TOKEN = re.compile(r"\w+")


def _f1(pairs: list[tuple[str, str]]) -> float:
    """The benchmark's body F1 (4-gram shingles, per-page normalised, averaged)."""
    ps, rs = [], []
    for gold, pred in pairs:
        sh = []
        for text in (gold, pred):
            t = _TOKEN.findall(text)
            sh.append(Counter(" ".join(t[i : i + 4]) for i in range(max(1, len(t) - 3))))
        tp = sum((sh[0] & sh[1]).values())
        fp, fn = sum((sh[1] - sh[0]).values()), sum((sh[0] - sh[1]).values())
        total = max(tp + fp + fn, 1)
        ps.append(tp / max(tp + fp, 1) if total else 0.0)
        rs.append(tp / max(tp + fn, 1) if total else 0.0)
    p, r = sum(ps) / len(ps), sum(rs) / len(rs)
    return 2 * p * r / (p + r)


@pytest.mark.eval
def test_aeb_dev_body_floor(shared: Path) -> None:
    base = shared / "eval" / "aeb-dev"
    pairs = []
    for row in map(json.loads, (base / "gold.jsonl").open()):
        text = (base / "pages" / f"{row['id']}.txt").read_text()
        art = extract_text(Page(source=row["id"], source_id=row["id"], text=text))
        pairs.append((row["body"], art.body_text if art else ""))
    assert _f1(pairs) >= 0.97


@pytest.mark.eval
def test_seed_lines_and_metadata(shared: Path) -> None:
    gold = json.loads((shared / "seeds" / "gold.json").read_text())["pages"]
    for name, g in gold.items():
        text = (shared / "seeds" / name).read_text()
        art = extract_text(Page(source=name, source_id=name, text=text))
        assert art is not None
        lines = text.split("\n")
        starts = [sum(len(x) + 1 for x in lines[:i]) for i in range(len(lines))]
        body = {s.start for s in art.body_spans}
        comment_lines = {n for n in g["comment_lines"]}
        for n in g["body_lines"]:
            assert starts[n - 1] + len(lines[n - 1]) - len(lines[n - 1].lstrip()) in body, \
                (name, n)
        for c in art.comments:
            n = next(i + 1 for i, s in enumerate(starts) if s <= c.start < s + len(lines[i]) + 1)
            assert n in comment_lines or n in g["spam_lines"], (name, n)
        assert [c.author_start is not None for c in art.comments].count(True) == \
            len(g["comment_author_lines"])
        assert art.outlet == g["outlet"] and art.published == g["published"]
        assert art.title == lines[g["title_line"] - 1].strip()
