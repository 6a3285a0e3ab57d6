"""Scale: N articles of the news-37k corpus through ``rashomon analyze``, then 100 more.

Reports wall time, articles/s, peak memory (RSS of the analyze process) and where the time
goes (per-step seconds from the local runner).

    python bench/scale_analyze.py --n 5000            # target: <= 80 s
    python bench/scale_analyze.py --n 37554           # target: <= 600 s, <= 4 GB
"""

from __future__ import annotations

import argparse
import gzip
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "news-37k.jsonl.gz"


def _subset(out: Path, start: int, n: int) -> int:
    count = 0
    with gzip.open(CORPUS, "rt") as src, out.open("w") as dst:
        for i, line in enumerate(src):
            if i < start:
                continue
            if count >= n:
                break
            dst.write(line)
            count += 1
    return count


def _analyze(db: Path, path: Path, extra: list[str]) -> tuple[float, dict, int]:
    t0 = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "rashomon.cli", "analyze", "--json", "--db",
                           str(db), *extra, str(path)], capture_output=True, text=True)
    wall = time.perf_counter() - t0
    if proc.returncode not in (0, 3):
        sys.exit(f"analyze failed ({proc.returncode}): {proc.stderr[-2000:]}")
    peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return wall, json.loads(proc.stdout), peak_kb


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--n", type=int, default=5000)
    ap.add_argument("--more", type=int, default=100)
    ap.add_argument("--no-enrich", action="store_true")
    args = ap.parse_args()
    if not CORPUS.exists():
        sys.exit(f"corpus not found: {CORPUS}")
    extra = ["--no-enrich"] if args.no_enrich else []
    with tempfile.TemporaryDirectory() as tmp:
        base, more, db = Path(tmp) / "base.jsonl", Path(tmp) / "more.jsonl", Path(tmp) / "s.db"
        total = sum(1 for _ in gzip.open(CORPUS, "rt"))
        n = _subset(base, 0, min(args.n, total - args.more))  # the last ones are the "more"
        m = _subset(more, total - args.more, args.more)
        wall, summary, peak_kb = _analyze(db, base, extra)
        print(f"analyze {n} articles: {wall:.1f} s, {n / wall:.0f} articles/s, "
              f"peak RSS {peak_kb / 1024:.0f} MB")
        print(f"  stories {summary['stories']}, storylines {summary['storylines']}, "
              f"skipped {summary['skipped']}")
        _steps(summary, wall)
        wall2, summary2, _ = _analyze(db, more, extra)
        print(f"add {m} more to the store: {wall2:.1f} s "
              f"(added {summary2['added']}, stories now {summary2['stories']})")
        _steps(summary2, wall2)


def _steps(summary: dict, wall: float) -> None:
    steps = {k[:-8]: v for k, v in summary["stats"].items() if k.endswith(".seconds")}
    for name, secs in sorted(steps.items(), key=lambda kv: -kv[1]):
        print(f"  {name:34s} {secs:8.1f} s  {100 * secs / wall:5.1f}%")
    print(f"  {'start-up, imports, state load/save':34s} {wall - sum(steps.values()):8.1f} s")
    written = summary["stats"].get("rashomon.stories.cluster.state_bytes_written")
    if written is not None:
        print(f"  story index state written: {written / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
