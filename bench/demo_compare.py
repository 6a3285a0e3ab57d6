"""Coverage comparison on the project's demo corpus against examples/demo-expected.json.

The demo pages are fiction written for the project, with hand-curated answers; the
comparison was not tuned on them, so this is a held-out check. Pages go through the
project's own ingest and extraction (outlet and date taken from the answers), are grouped
by their answer story, and each story with two or more articles is compared.

- facts: a gold fact is found when one fact has exactly the gold pages and its evidence
  claims hold >= 30% of the gold fact's stems (one-to-one, greedy by score), as in
  seeds_compare.py; 'near' also accepts a fact whose pages differ by one.
- figures: a gold quantity whose value texts differ is found when a figure contradiction
  holds two of its value texts; the status (update / conflict) and the gold note are
  printed (some gold quantities differ only in wording: '38 ships' / 'nearly 40 ships').
- quotes: a gold quote is found when one quote group holds at least two of its pages;
  the group's change and speaker flags are printed next to the gold feature.
- labels: the share of gold (outlet, term) pairs present in the found actor row that
  holds most of the gold actor's terms.
- syndication: a gold (original, copy) pair is found when the copy has reuse from the
  original.

    python bench/demo_compare.py [-v]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from seeds_compare import pair_greedily, score  # noqa: E402

from rashomon.compare.story import compare_story  # noqa: E402
from rashomon.extract import extract  # noqa: E402
from rashomon.ingest.files import read_pages  # noqa: E402
from rashomon.model import Article, Story  # noqa: E402

ROOT = Path(__file__).resolve().parents[1] / "examples"


def load() -> tuple[dict, dict[str, list[Article]]]:
    gold = json.loads((ROOT / "demo-expected.json").read_text())
    pages = {p["source_id"]: p for p in gold["pages"]}
    stories: dict[str, list[Article]] = defaultdict(list)
    for page in read_pages([ROOT / "demo"]):
        info = pages.get(page.source_id)
        if info is None:
            continue
        art = extract(page)
        if art is None:
            print("not extracted:", page.source_id)
            continue
        art.outlet, art.published = info["outlet"], info["published"]
        stories[info["story"]].append(art)
    return gold, stories


def match_facts(gold_facts: list[dict], facts: list[dict], sid: dict[str, str], slack: int) -> dict:
    cands = []
    for gi, g in enumerate(gold_facts):
        want = set(g["source_ids"])
        for fi, f in enumerate(facts):
            got = {sid[a["id"]] for a in f["articles"]}
            if len(got ^ want) <= slack:
                cands.append((score(g["fact"], f), gi, fi))
    return pair_greedily(cands)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("-v", action="store_true", help="print the pairing of every gold fact")
    args = ap.parse_args()
    gold, stories = load()
    outs, sids = {}, {}
    for story, arts in stories.items():
        if len(arts) >= 2:
            outs[story] = compare_story(Story(id=story), arts)
            sids[story] = {a.id: a.source_id for a in arts}
    total = found = near = 0
    for story, gfacts in gold["facts"].items():
        out, sid = outs.get(story), sids.get(story, {})
        if out is None:
            continue
        exact = match_facts(gfacts, out["facts"], sid, 0)
        loose = match_facts(gfacts, out["facts"], sid, 1)
        total += len(gfacts)
        found += len(exact)
        near += len(loose)
        print(
            f"facts {story}: {len(exact)}/{len(gfacts)} exact pages, {len(loose)} within one page"
        )
        if args.v:
            for gi, g in enumerate(gfacts):
                hit = exact.get(gi) or loose.get(gi)
                mark = "=" if gi in exact else "~" if gi in loose else "x"
                text = out["facts"][hit[1]]["text"][:90] if hit else ""
                print(f"   {mark} {g['fact'][:80]} ({len(g['source_ids'])} pages) | {text}")
    print(f"facts: {found}/{total} with exactly the gold pages, {near}/{total} within one page")

    fig_total = fig_found = 0
    for f in gold["figures"]:
        out = outs.get(f["story"])
        texts = {v["text"].lower() for v in f["values"]}
        if out is None or len(texts) < 2:
            continue
        fig_total += 1

        def same(a: str, b: str) -> bool:
            return a.lower() in b.lower() or b.lower() in a.lower()

        hits = [
            c
            for c in out["contradictions"]
            if c["kind"] == "figure"
            and sum(any(same(v["text"], t) for t in texts) for v in c["values"]) >= 2
        ]
        fig_found += bool(hits)
        status = ", ".join(sorted({c["status"] for c in hits})) or "-"
        print(
            f"figure {f['story']} / {f['quantity']}: {'found' if hits else 'missed'} ({status})"
            f"; gold note: {f.get('note') or '-'}"
        )
    print(
        f"figures: {fig_found}/{fig_total} gold quantities with differing texts reported as "
        "contradictions (some differ only in wording or measure: see the notes)"
    )

    q_total = q_found = 0
    for q in gold["quotes"]:
        out = outs.get(q["story"])
        if out is None:
            continue
        q_total += 1
        pages = {v["source_id"] for v in q["variants"]}
        best = max(
            out["quotes"],
            default=None,
            key=lambda g: len(pages & {a["source_id"] for a in g["articles"]}),
        )
        hit = best is not None and len(pages & {a["source_id"] for a in best["articles"]}) >= 2
        q_found += hit
        flags = (
            f"change={best['change']}, speaker_conflict={best['speaker_conflict']}" if hit else ""
        )
        print(f"quote {q['speaker']} ({q['feature']}): {'found' if hit else 'missed'} {flags}")
    print(f"quotes: {q_found}/{q_total} found across outlets")

    def norm(term: str) -> str:  # 'the government' and 'government' name it alike
        return re.sub(r"^(?:the|a|an)\s+", "", term.lower().replace("’", "'"))

    for actor, per in gold["labels"].items():
        pairs = {(o, norm(t)) for o, ts in per.items() for t in ts}
        best_n, best_row = 0, None
        for out in outs.values():
            for name, row in out["labels"].items():
                n = sum((o, norm(t["term"])) in pairs for o, ts in row.items() for t in ts)
                if n > best_n:
                    best_n, best_row = n, name
        print(
            f"labels '{actor}': {best_n}/{len(pairs)} gold (outlet, term) pairs in row '{best_row}'"
        )

    syn_found = 0
    for s in gold["syndication"]:
        copies = [(st, o) for st, o in outs.items() if s["copy"] in sids[st].values()]
        hit = any(
            r["source"]["source_id"] == s["original"] and sids[st].get(r["article"]) == s["copy"]
            for st, o in copies
            for r in o["sourcing"]["reuse"]
        )
        syn_found += hit
        verdict = "found" if hit else "missed"
        print(f"syndication {s['original']} -> {s['copy']} ({s['kind']}): {verdict}")
    print(f"syndication: {syn_found}/{len(gold['syndication'])}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
