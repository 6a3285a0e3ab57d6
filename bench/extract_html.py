"""Benchmark the HTML extractor against trafilatura on ../shared/eval/aeb-dev/html.

Quality is the article-extraction benchmark's body F1 (bench/aeb_metric.py); speed is pages/s
on one core (the process is pinned to one CPU when the OS allows it), measured for both
extractors in the same run so the ratio holds on a busy machine.

    python bench/extract_html.py [--peer default|fast|both|none] [--limit N] [--worst K]
    python bench/extract_html.py --innertext 30 [--chromium /usr/bin/chromium]

``default`` is ``trafilatura.extract`` as shipped (with its fallback extractors); ``fast``
skips the fallbacks; speed ratios are ours over each peer's pages/s. ``--innertext N``
instead compares the rendered text of N pages with Chromium's ``document.body.innerText``
(JavaScript off, no network; needs the ``web-test`` extra): mean similarity of the two
sequences of non-blank lines, lowercased (CSS ``text-transform`` is not rendered).
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from aeb_metric import f1_report, page_scores  # noqa: E402

from rashomon.extract.html import extract_html  # noqa: E402
from rashomon.model import Page  # noqa: E402

EVAL = Path(__file__).resolve().parents[1] / ".." / "shared" / "eval" / "aeb-dev"


def load(limit: int | None) -> list[tuple[str, str, str, str]]:
    """(id, url, html, gold body) of the benchmark pages."""
    gold = {}
    with open(EVAL / "gold.jsonl", encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            gold[row["id"]] = row
    pages = []
    for path in sorted((EVAL / "html").glob("*.html.gz")):
        pid = path.name.split(".")[0]
        if pid not in gold:
            continue
        raw = gzip.decompress(path.read_bytes())
        html = raw.decode("utf-8", errors="replace")
        pages.append((pid, gold[pid]["url"], html, gold[pid]["body"]))
    return pages[:limit] if limit else pages


def run_ours(pages: list[tuple[str, str, str, str]]) -> tuple[list[str], float]:
    """Bodies from our extractor and the seconds it took."""
    out = []
    t0 = time.process_time()
    for pid, url, html, _ in pages:
        art = extract_html(Page(source=pid, source_id=pid, html=html, url=url))
        out.append("\n\n".join(art.body) if art else "")
    return out, time.process_time() - t0


def run_trafilatura(pages: list[tuple[str, str, str, str]], mode: str) -> tuple[list[str], float]:
    """Bodies from trafilatura (``default`` settings or ``fast``) and the seconds it took."""
    import trafilatura

    out = []
    t0 = time.process_time()
    for _, url, html, _ in pages:
        text = trafilatura.extract(html, url=url, include_comments=False, fast=mode == "fast")
        out.append(text or "")
    return out, time.process_time() - t0


def innertext_similarity(pages: list[tuple[str, str, str, str]], chromium: str | None) -> None:
    """Print, per page and on average, how close our text is to Chromium's innerText."""
    import difflib
    import re

    from playwright.sync_api import sync_playwright

    from rashomon.extract.html_render import parse, render

    def lines(text: str) -> list[str]:
        return [re.sub(r"\s+", " ", ln).strip().lower() for ln in text.split("\n") if ln.strip()]

    ratios = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
        ctx = browser.new_context(java_script_enabled=False)
        ctx.route("**/*", lambda route: route.abort())
        tab = ctx.new_page()
        for pid, _, html, _ in pages:
            tab.set_content(html, wait_until="domcontentloaded", timeout=20_000)
            tab.evaluate("document.querySelectorAll('noscript').forEach(e => e.remove())")
            theirs = lines(tab.evaluate("document.body ? document.body.innerText : ''"))
            root = parse(html)
            ours = lines(render(root).text) if root is not None else []
            ratio = difflib.SequenceMatcher(None, theirs, ours, autojunk=False).ratio()
            ratios.append(ratio)
            print(f"  {ratio:.3f}  {pid[:16]}")
        browser.close()
    print(f"innerText line similarity {sum(ratios) / len(ratios):.3f} over {len(ratios)} pages")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--peer", default="both", choices=["default", "fast", "both", "none"])
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--worst", type=int, default=0, help="list the K worst pages of ours")
    ap.add_argument("--innertext", type=int, default=0, help="compare N pages with Chromium")
    ap.add_argument("--chromium", default=None, help="Chromium executable for --innertext")
    args = ap.parse_args()
    if not (EVAL / "gold.jsonl").exists():
        print(f"no benchmark data at {EVAL}")
        return
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    pages = load(args.limit)
    if args.innertext:
        innertext_similarity(pages[: args.innertext], args.chromium)
        return
    golds = [p[3] for p in pages]
    # warm-up: imports and lazy tables are not part of the per-page cost
    run_ours(pages[:2])
    ours, t_ours = run_ours(pages)
    rep = f1_report(zip(golds, ours, strict=True))
    print(f"rashomon     F1 {rep['f1']:.3f}  P {rep['precision']:.3f}  R {rep['recall']:.3f}  "
          f"{len(pages) / t_ours:6.1f} pages/s")
    modes = {"both": ["default", "fast"], "none": []}.get(args.peer, [args.peer])
    for mode in modes:
        run_trafilatura(pages[:2], mode)
        peer, t_peer = run_trafilatura(pages, mode)
        prep = f1_report(zip(golds, peer, strict=True))
        print(f"trafilatura  F1 {prep['f1']:.3f}  P {prep['precision']:.3f}  "
              f"R {prep['recall']:.3f}  {len(pages) / t_peer:6.1f} pages/s  ({mode}); "
              f"rashomon is {t_peer / t_ours:.2f}x faster")
    if args.worst:
        scored = []
        for (pid, *_), gold, pred in zip(pages, golds, ours, strict=True):
            tp, fp, fn = page_scores(gold, pred)
            p = tp / (tp + fp) if tp + fp else 0.0
            r = tp / (tp + fn) if tp + fn else 0.0
            scored.append((2 * p * r / (p + r) if p + r else 0.0, p, r, pid))
        for f, p, r, pid in sorted(scored)[: args.worst]:
            print(f"  {f:.3f}  P {p:.3f}  R {r:.3f}  {pid[:16]}")


if __name__ == "__main__":
    main()
