"""Engines: articles/s per core of the local engine and of Ray with 1 and 2 workers.

Runs the first N articles of ../shared/corpus/news-37k.jsonl.gz through the per-article part
of ``analyze`` (skip stored -> extract -> write to a fresh SQLite store) with each engine,
then once through clustering on the local engine (the driver-side part that does not
scale out). Prints throughput per core, the ratio to the local engine measured in the same
run, the bytes moved between driver and workers, the workers' peak memory, and the figures
docs/scaling.md projects from.

    python bench/scale_engines.py --n 2000 [--pg postgresql://USER:PASS@HOST/DB]
    python bench/scale_engines.py --same [--pg URL]    # same stories on seeds and BASIL
"""

from __future__ import annotations

import argparse
import gzip
import os
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from rashomon.analysis import SkipKnown, WriteArticles, analysis_pipeline
from rashomon.extract import Extract
from rashomon.ingest import read_pages
from rashomon.model import Page
from rashomon.runners import run_local
from rashomon.store import SQLiteStore, Store

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "news-37k.jsonl.gz"


def _subset(out: Path, n: int) -> None:
    with gzip.open(CORPUS, "rt") as src, out.open("w") as dst:
        for i, line in enumerate(src):
            if i >= n:
                break
            dst.write(line)


def _per_article(store: Store) -> list:
    return [SkipKnown(store), Extract(on_skip=lambda *_: None), WriteArticles(store)]


def _run(engine: str, pages: list[Page], tmp: Path, workers: int,
         store: Store | None = None) -> tuple[float, float, Counter]:
    """(wall seconds, CPU seconds of the driver and workers, stats) of one engine."""
    store = store or SQLiteStore(tmp / f"{engine}-{workers}.db")
    t0, cpu0 = time.perf_counter(), time.process_time()
    if engine == "local":
        stats = run_local(_per_article(store), pages)
    else:
        from rashomon.runners.ray import run_ray

        stats = run_ray(_per_article(store), pages, workers=workers)
    wall, cpu = time.perf_counter() - t0, time.process_time() - cpu0
    store.close()
    stats["driver.cpu_seconds"] = cpu  # type: ignore[assignment]
    return wall, cpu + stats.get("ray.worker_cpu_seconds", 0.0), stats


def _rss_mb() -> int:
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--n", type=int, default=2000, help="articles from the corpus")
    ap.add_argument("--no-ray", action="store_true", help="measure the local engine only")
    ap.add_argument("--cluster", type=int, default=500,
                    help="articles to cluster on the driver (0: skip)")
    ap.add_argument("--pg", metavar="URL", default=None,
                    help="also write to this PostgreSQL server (a fresh schema, dropped "
                         "after): local engine vs Ray workers writing")
    ap.add_argument("--same", action="store_true",
                    help="only check that both engines build the same stories on the seeds "
                         "and on BASIL")
    args = ap.parse_args()
    if args.same:
        _same(args.pg)
        return
    if not CORPUS.exists():
        sys.exit(f"corpus not found: {CORPUS}")
    with tempfile.TemporaryDirectory() as tmpdir:
        tmp = Path(tmpdir)
        _subset(tmp / "subset.jsonl", args.n)
        t0 = time.perf_counter()
        pages = list(read_pages([tmp / "subset.jsonl"]))
        read_s = time.perf_counter() - t0
        n = len(pages)
        mb_in = sum(len((p.text or "") + (p.html or "")) for p in pages) / 1e6
        print(f"{n} articles ({mb_in:.1f} M characters), read in {read_s:.1f} s "
              f"({n / read_s:.0f}/s on the driver); {os.cpu_count()} cores, "
              f"load average {os.getloadavg()[0]:.1f}")
        print("art/s/core: wall-clock rate / cores used; art/CPU-s: articles per CPU-second "
              "of driver + workers (robust to other load on the machine)")
        print(f"{'engine':16s} {'wall s':>7s} {'art/s':>7s} {'art/s/core':>10s} "
              f"{'vs local':>8s} {'art/CPU-s':>9s} {'CPU-h/M':>8s}")
        _run("local-warm", pages[:4], tmp, 1)  # imports and models, as a long run pays once
        wall, cpu, stats = _run("local", pages, tmp, 1)
        local_rate = n / wall
        print(f"{'local (1 core)':16s} {wall:7.1f} {local_rate:7.1f} {local_rate:10.1f} "
              f"{1.0:8.2f} {n / cpu:9.1f} {1e6 * cpu / n / 3600:8.1f}")
        ext = stats["rashomon.extract.seconds"]
        write = stats["rashomon.store.write_articles.seconds"]
        print(f"  local: {stats['rashomon.extract.out']} articles; extract {ext:.1f} s, write "
              f"{write:.1f} s, driver peak RSS {_rss_mb()} MB")
        if not args.no_ray:
            _ray(pages, tmp, local_rate, args.pg)
        if args.cluster:
            _cluster(pages[: args.cluster], tmp)
        _html()


def _ray(pages: list[Page], tmp: Path, local_rate: float, pg: str | None) -> None:
    import ray

    n = len(pages)
    t0 = time.perf_counter()
    ray.init(num_cpus=2, include_dashboard=False, logging_level="WARNING")
    print(f"  Ray start-up: {time.perf_counter() - t0:.1f} s (not counted below)")
    try:
        # a first tiny run starts the worker processes, as a long run would once
        _run("warm", pages[:4], tmp, 2)
        for workers in (1, 2):
            wall, cpu, stats = _run("ray", pages, tmp, workers)
            rate = n / wall
            print(f"{f'ray ({workers} worker)':16s} {wall:7.1f} {rate:7.1f} "
                  f"{rate / workers:10.1f} {rate / local_rate:8.2f} {n / cpu:9.1f} "
                  f"{1e6 * cpu / n / 3600:8.1f}")
            print(f"  ray {workers}: {stats['rashomon.extract.out']} articles; extract "
                  f"{stats['rashomon.extract.seconds']:.1f} s "
                  f"({stats['ray.worker_cpu_seconds']:.1f} CPU-s) on workers, "
                  f"driver waits {stats['ray.wait.seconds']:.1f} s, write "
                  f"{stats['rashomon.store.write_articles.seconds']:.1f} s; to workers "
                  f"{stats['ray.bytes_to_workers'] / n / 1e3:.1f} KB/article, back "
                  f"{stats['ray.bytes_from_workers'] / n / 1e3:.1f} KB/article; worker peak "
                  f"RSS {stats['ray.worker_max_rss_mb']} MB; driver "
                  f"{1e3 * stats['driver.cpu_seconds'] / n:.2f} CPU-ms/article")
        if pg:
            _postgres(pages, tmp, pg)
    finally:
        ray.shutdown()


def _postgres(pages: list[Page], tmp: Path, url: str) -> None:
    """Local engine (the driver writes) against Ray with 2 workers writing themselves."""
    n = len(pages)
    for engine, workers in (("local", 1), ("ray", 2)):
        with _store("postgres", url) as store:
            wall, cpu, stats = _run(engine, pages, tmp, workers, store)
        who = "workers write" if engine == "ray" else "driver writes"
        print(f"PostgreSQL, {engine} ({who}): {wall:.1f} s, {n / wall:.1f} articles/s, "
              f"driver {1e3 * stats['driver.cpu_seconds'] / n:.2f} CPU-ms/article, all "
              f"{1e3 * cpu / n:.2f} CPU-ms/article, added "
              f"{stats['rashomon.store.write_articles.added']}")


def _basil_pages() -> list[Page]:
    """BASIL articles as text pages (title, date line, paragraphs), with their outlet."""
    import json

    pages = []
    for f in sorted((CORPUS.parents[1] / "eval" / "basil" / "articles").glob("*/*.json")):
        d = json.loads(f.read_text())
        paras = [" ".join(p) if isinstance(p, list) else str(p)
                 for p in d.get("body-paragraphs", [])]
        text = "\n\n".join([str(d.get("title") or ""), str(d.get("date") or ""), *paras])
        pages.append(Page(str(f), f.stem, text=text, outlet=d.get("source"),
                          published=d.get("date"), title=d.get("title")))
    return pages


def _same(pg: str | None) -> None:
    """Stories of the local and the Ray engine (and Ray writing to PostgreSQL from its
    workers, with ``pg``) on the seeds and on BASIL, compared."""
    import ray

    from rashomon.runners.ray import run_ray

    seeds = sorted((CORPUS.parents[1] / "seeds").glob("*.txt"))
    sets = {"seeds": list(read_pages(seeds)), "basil": _basil_pages()}
    engines = ["local", "ray"] + (["ray+postgres"] if pg else [])
    ray.init(num_cpus=2, include_dashboard=False, logging_level="WARNING")
    try:
        for name, pages in sets.items():
            stories = []
            for engine in engines:
                with _store(engine, pg) as store:
                    steps = analysis_pipeline(store, enrich=False, compare=False,
                                              on_skip=lambda *_: None)
                    if engine == "local":
                        run_local(steps, pages)
                    else:
                        run_ray(steps, pages)
                    stories.append(sorted(sorted(s.article_ids)
                                          for s in store.list_stories(limit=10**6)))
            verdict = "identical" if all(x == stories[0] for x in stories) else "DIFFERENT"
            counts = ", ".join(f"{len(x)} {e}" for e, x in zip(engines, stories, strict=True))
            print(f"{name}: {len(pages)} pages; stories: {counts}: {verdict}")
    finally:
        ray.shutdown()


@contextmanager
def _store(engine: str, pg: str | None) -> Iterator[Store]:
    """A fresh in-memory SQLite store, or a fresh schema on ``pg`` dropped afterwards."""
    if not engine.endswith("postgres") or pg is None:
        store: Store = SQLiteStore(":memory:")
        yield store
        store.close()
        return
    import uuid
    from urllib.parse import quote

    import psycopg

    from rashomon.store.postgres import PostgresStore

    schema = f"bench_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(pg, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
    try:
        sep = "&" if "?" in pg else "?"
        store = PostgresStore(f"{pg}{sep}options={quote(f'-csearch_path={schema}')}")
        yield store
        store.close()
    finally:
        with psycopg.connect(pg, autocommit=True) as conn:
            conn.execute(f"DROP SCHEMA {schema} CASCADE")


def _html() -> None:
    """CPU per page of extraction on HTML (the corpus is text dumps; crawls are HTML)."""
    folder = CORPUS.parents[1] / "eval" / "aeb-dev" / "html"
    files = sorted(folder.glob("*.html*"))
    if not files:
        return
    pages = list(read_pages(files))
    step = Extract(on_skip=lambda *_: None)
    step.process(pages[0])  # imports
    cpu0 = time.process_time()
    out = sum(step.process(p) is not None for p in pages)
    cpu = time.process_time() - cpu0
    size = sum(len(p.html or "") for p in pages) / len(pages) / 1e3
    print(f"HTML extraction ({len(pages)} pages of eval/aeb-dev, {size:.0f} K characters "
          f"each): {1e3 * cpu / len(pages):.1f} CPU-ms/page, {out} articles")


def _cluster(pages: list[Page], tmp: Path) -> None:
    """Driver-side clustering of the same articles (local engine, no enrich/compare)."""
    store = SQLiteStore(tmp / "cluster.db")
    steps = analysis_pipeline(store, enrich=False, compare=False, on_skip=lambda *_: None)
    try:
        cpu0 = time.process_time()
        stats = run_local(steps, pages)
        cpu = time.process_time() - cpu0
    except Exception as exc:  # the clustering code may be mid-change; report, do not fail
        print(f"clustering: not measured ({type(exc).__name__}: {exc})")
        return
    secs = stats.get("rashomon.stories.cluster.seconds", 0.0)
    print(f"clustering {len(pages)} articles on the driver: {secs:.1f} s wall "
          f"({1e3 * secs / max(len(pages), 1):.1f} ms/article at this size; whole run "
          f"{1e3 * cpu / max(len(pages), 1):.1f} CPU-ms/article), "
          f"{store.counts()['stories']} stories; store {os.path.getsize(store.path) / 1e6:.0f} "
          f"MB ({os.path.getsize(store.path) / len(pages) / 1e3:.1f} KB/article)")
    store.close()


if __name__ == "__main__":
    main()
