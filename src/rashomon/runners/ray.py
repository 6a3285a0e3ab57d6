"""The Ray runner: the per-record steps on a Ray cluster, the store-bound ones on the driver.

The step list is cut in three: the steps before the first pure ``MapStep`` (skipping pages
already stored), the run of pure ``MapStep``s (extraction: the costly part), and the rest
(writing, clustering, enrichment and comparison, which read and write the store). The middle
part runs on Ray Data in windows of pages: each window is a dataset mapped in batches by a
sized pool of tasks; the steps are unpickled once per worker process and kept there (Ray
reuses task processes across batches and windows), so models load once per worker. Results
come back in input order and flow through the remaining steps exactly as in the local
runner, so both engines store the same articles and build the same stories. With a store
that takes many writers (PostgreSQL) the article writer runs on the workers too.

Resuming: articles are committed batch by batch as they come back, and the store-bound skip
step runs before the Ray stage, so a rerun after a failure sends only pages not yet stored
to the workers.
"""

from __future__ import annotations

import copy
import hashlib
import heapq
import logging
import pickle
import time
import warnings
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from itertools import islice
from typing import Any

from rashomon.errors import EngineError, require
from rashomon.pipeline import MapStep, Step
from rashomon.runners.local import timed as _timed
from rashomon.store.base import Store

log = logging.getLogger(__name__)
# Ray Data warns when a window is smaller than the pool; small windows are expected here.
warnings.filterwarnings("ignore", message=r".*only received \d+ input", category=UserWarning)

SkipHandler = Callable[[str, str], None]
_INPUT, _RAY = object(), object()  # timing keys of the input and of the Ray stage

#: Pages per dataset: large enough that a window's start and tail (~0.1-1 s once workers
#: are warm) are a small part of its work, small enough to bound driver and object-store
#: memory: two windows are held at once (one running, the next read), and a scraped HTML
#: page is ~100-200 KB, so 2 x 20,000 pages is 4-8 GB at worst (text dumps: ~0.3 GB).
WINDOW = 20_000
#: Pages per batch: 32 x 5-7 ms of extraction = ~0.2 s of work per call, enough to hide the
#: per-batch overhead, small enough to keep the workers evenly busy.
BATCH = 32


#: Steps that write the records they are given to the store and pass every one on, batch by
#: batch. With a store many processes may write (``store.shared``: PostgreSQL) they run on
#: the workers, so writing scales with them instead of queuing on the driver.
BATCH_WRITERS = frozenset({"rashomon.store.write_articles"})
#: Steps that only look at records (progress): a batch writer may move ahead of them.
OBSERVERS = frozenset({"rashomon.tap"})


def split_pipeline(pipeline: list[Step]) -> tuple[list[Step], list[Step], list[Step]]:
    """Cut a step list into (driver steps before, worker steps, driver steps after).

    The worker steps are the first run of consecutive ``MapStep``s that hold no store,
    followed by the article writer when its store can be written from many processes (the
    observers between them stay on the driver and see the records once written).
    """
    start = next((i for i, s in enumerate(pipeline) if _portable(s)), len(pipeline))
    end = start
    while end < len(pipeline) and _portable(pipeline[end]):
        end += 1
    head, remote, tail = pipeline[:start], pipeline[start:end], pipeline[end:]
    if remote:
        after = next((i for i, s in enumerate(tail) if s.name not in OBSERVERS), None)
        if after is not None and _shared_writer(tail[after]):
            remote = [*remote, tail[after]]
            tail = tail[:after] + tail[after + 1:]
    return head, remote, tail


def _shared_writer(step: Step) -> bool:
    store = getattr(step, "store", None)
    return step.name in BATCH_WRITERS and bool(getattr(store, "shared", False))


def _portable(step: Step) -> bool:
    """A per-record step that can run away from the driver (no store, no open handle)."""
    if not isinstance(step, MapStep):
        return False
    return not any(isinstance(v, Store) for v in _attrs(step).values())


def _attrs(step: Step) -> dict[str, Any]:
    names = getattr(step, "__dict__", None)
    if names is not None:
        return dict(names)
    return {n: getattr(step, n) for cls in type(step).__mro__
            for n in getattr(cls, "__slots__", ()) if hasattr(step, n)}


def run_ray(pipeline: list[Step], pages: Iterable[Any], *, address: str | None = None,
            on_skip: SkipHandler | None = None, num_cpus: int | None = None,
            workers: int | None = None, window: int = WINDOW,
            batch_size: int = BATCH) -> Counter[str]:
    """Run ``pages`` through ``pipeline`` with the per-record steps on Ray.

    Args:
        pipeline: the same step list the local runner takes.
        pages: the input records, read on the driver.
        address: a Ray cluster to join (``ray start --head`` prints it); ``None`` starts
            Ray in this process (or reuses the one already started).
        on_skip: called as ``on_skip(input, reason)`` for records the workers dropped with a
            reason, when the step itself has no ``on_skip`` of its own.
        num_cpus: CPUs for a local Ray (default: all).
        workers: worker tasks at once, one CPU each (default: the cluster's CPUs).
        window: pages per Ray dataset (see ``WINDOW``).
        batch_size: pages per worker call.

    Returns:
        The steps' merged counters, as ``run_local`` returns them (``<step>.seconds`` of the
        worker steps is summed over workers).

    Worker steps travel pickled: a step that holds a model should load it on first use
    (then it loads once per worker process), not in ``__init__``.
    """
    ray: Any = require("ray", "ray")
    require("ray.data", "ray")
    require("pyarrow", "ray")
    head, remote, tail = split_pipeline(pipeline)
    # inclusive seconds of each driver stage (input, head steps, Ray stage, tail steps);
    # a stage's own time is its inclusive time less the stage before it
    stages: list[Any] = [_INPUT, *head, *([_RAY] if remote else []), *tail]
    spent: dict[int, float] = defaultdict(float)
    runner: Counter[str] = Counter()  # ray.windows, ray.bytes_*, ray.worker_*
    started = False
    try:
        stream: Iterable[Any] = _timed(pages, spent, id(stages[0]))
        for step in head:
            stream = _timed(step.run(stream), spent, id(step))
        if remote:
            started = _connect(ray, address, num_cpus)
            n_workers = workers or max(1, int(ray.cluster_resources().get("CPU", 1)))
            stream = _timed(_remote_stream(ray, remote, stream, n_workers, window, batch_size,
                                           on_skip, spent, runner), spent, id(_RAY))
        for step in tail:
            stream = _timed(step.run(stream), spent, id(step))
        for _ in stream:
            pass
        for step in pipeline:
            step.close()
    finally:
        if started:
            ray.shutdown()
    stats: Counter[str] = Counter(runner)
    for step in pipeline:
        for key, value in step.stats.items():
            stats[f"{step.name}.{key}"] += value
    seconds = {id(s): spent[id(s)] for s in remote}  # measured on the workers, summed
    for before, stage in zip(stages, stages[1:], strict=False):
        seconds[id(stage)] = spent[id(stage)] - spent[id(before)]
    stats["input.seconds"] = round(spent[id(stages[0])], 3)  # type: ignore[assignment]
    if remote:
        stats["ray.wait.seconds"] = round(seconds[id(_RAY)], 3)  # type: ignore[assignment]
    for step in pipeline:
        stats[f"{step.name}.seconds"] = round(max(seconds.get(id(step), 0.0), 0.0), 3)  # type: ignore[assignment]
    return stats


def _connect(ray: Any, address: str | None, num_cpus: int | None) -> bool:
    """Join or start Ray; returns whether this call started it (and so must stop it)."""
    if ray.is_initialized():
        return False
    # Ray's start-up notices would mix with the run's own report lines on stderr; its
    # errors still show, and failures are raised
    try:
        if address:
            ray.init(address=address, logging_level=logging.ERROR)
        else:
            ray.init(num_cpus=num_cpus, include_dashboard=False, logging_level=logging.ERROR)
    except (ConnectionError, RuntimeError, ValueError) as exc:
        where = f"the Ray cluster at {address}" if address else "a local Ray"
        raise EngineError(f"cannot join {where}: {str(exc).strip().splitlines()[0]} "
                          "(on the head node, 'ray status' shows whether it is up; "
                          "--address auto finds a cluster started on this machine)") from None
    return True


def _remote_stream(ray: Any, steps: list[Step], pages: Iterable[Any], workers: int,
                   window: int, batch_size: int, on_skip: SkipHandler | None,
                   spent: dict[int, float], runner: Counter[str]) -> Iterator[Any]:
    """Map ``pages`` through ``steps`` on Ray, window by window, yielding in input order."""
    from ray.data import DataContext

    ctx = DataContext.get_current()
    bars, ctx.enable_progress_bars = ctx.enable_progress_bars, False  # the CLI shows its own
    data_log = logging.getLogger("ray.data")
    level = data_log.level
    data_log.setLevel(logging.ERROR)  # "progress bars disabled" and other notices
    # cloudpickle ships steps defined in a script or notebook (``__main__``) by value
    blob = ray.cloudpickle.dumps([_portable_copy(s) for s in steps])
    per_record = sum(isinstance(s, MapStep) for s in steps)
    digest = hashlib.sha256(blob).hexdigest()[:16]
    it, seq = iter(pages), 0

    def read() -> list[bytes]:
        return [pickle.dumps(p) for p in islice(it, window)]

    # the next window is read (input, skip step, pickling) while this one runs on Ray
    reader = ThreadPoolExecutor(1, thread_name_prefix="rashomon-ray-read")
    upcoming = reader.submit(read)
    try:
        while True:
            items = upcoming.result()
            if not items:
                return
            upcoming = reader.submit(read)
            rows = [{"seq": seq + i, "item": raw} for i, raw in enumerate(items)]
            start, seq = seq, seq + len(rows)
            runner["ray.windows"] += 1
            runner["ray.bytes_to_workers"] += sum(map(len, items))
            blocks = max(1, min(len(rows) // batch_size, workers * 4))
            ds = ray.data.from_items(rows, override_num_blocks=blocks).map_batches(
                _map_batch, fn_args=(blob, digest, per_record), batch_size=batch_size,
                batch_format="pyarrow", num_cpus=1, **_pool(workers))
            del rows, items
            # batches come back as they finish; the heap restores the input order
            yield from _in_order(_results(ds, steps, on_skip, spent, runner), start)
    finally:
        reader.shutdown(wait=True, cancel_futures=True)
        ctx.enable_progress_bars = bars
        data_log.setLevel(level)


def _pool(workers: int) -> dict[str, Any]:
    """At most ``workers`` tasks at once, in the spelling of the installed Ray."""
    try:
        from ray.data import TaskPoolStrategy

        return {"compute": TaskPoolStrategy(size=workers)}
    except (ImportError, TypeError):  # Ray before 2.4x: no sized task pool yet
        return {"concurrency": workers}


def _portable_copy(step: Step) -> Step:
    """A copy to ship: fresh counters, no driver callbacks."""
    clone = copy.copy(step)
    clone.stats = Counter()
    if hasattr(clone, "on_skip"):
        clone.on_skip = None
    return clone


def _results(ds: Any, steps: list[Step], on_skip: SkipHandler | None,
             spent: dict[int, float], runner: Counter[str]) -> Iterator[tuple[int, list[Any]]]:
    """(seq, outputs) per input row; merges the workers' counters, skips and timings."""
    for table in ds.iter_batches(batch_format="pyarrow", batch_size=None):
        report = table.column("report").to_pylist()
        for raw in report:
            if not raw:
                continue
            stats, skips, seconds, rss_mb, cpu = pickle.loads(raw)
            runner["ray.worker_cpu_seconds"] += cpu  # type: ignore[assignment]
            runner["ray.worker_max_rss_mb"] = max(runner["ray.worker_max_rss_mb"], rss_mb)
            for step, counter, secs in zip(steps, stats, seconds, strict=True):
                step.stats.update(counter)
                spent[id(step)] += secs
            for index, where, reason in skips:
                handler = getattr(steps[index], "on_skip", None) or on_skip
                if handler is not None:
                    handler(where, reason)
                else:
                    log.warning("skipped: %s: %s", where, reason)
        for seq, out in zip(table.column("seq").to_pylist(), table.column("out").to_pylist(),
                            strict=True):
            runner["ray.bytes_from_workers"] += len(out)
            yield seq, pickle.loads(out)


def _in_order(results: Iterable[tuple[int, list[Any]]], expected: int) -> Iterator[Any]:
    """Yield outputs by ascending ``seq`` (from ``expected`` on, every seq once) whatever
    order the rows arrive in."""
    heap: list[tuple[int, int, list[Any]]] = []
    for n, (seq, out) in enumerate(results):
        heapq.heappush(heap, (seq, n, out))
        while heap and heap[0][0] == expected:
            yield from heapq.heappop(heap)[2]
            expected += 1
    while heap:
        yield from heapq.heappop(heap)[2]


#: Worker steps unpickled in this worker process, by digest of their pickle: Ray reuses
#: task worker processes across batches and windows, so models load once per process.
_WORKER_STEPS: dict[str, list[Step]] = {}


def _map_batch(batch: Any, blob: bytes, digest: str, per_record: int) -> Any:
    """Run one batch of pickled records through the worker steps (runs on a Ray worker):
    the first ``per_record`` steps record by record, the rest (batch writers) over the
    batch's results at once."""
    import pyarrow as pa

    seqs = batch.column("seq").to_pylist()
    if not seqs:
        return pa.table({"seq": pa.array([], pa.int64()), "out": pa.array([], pa.binary()),
                         "report": pa.array([], pa.binary())})
    steps = _WORKER_STEPS.get(digest)
    if steps is None:
        _forget_steps()  # a new pipeline: drop the previous one's models and connections
        steps = _WORKER_STEPS[digest] = pickle.loads(blob)
    skips: list[tuple[int, str, str]] = []
    for index, step in enumerate(steps):
        step.stats.clear()
        if hasattr(step, "on_skip"):
            step.on_skip = _collector(skips, index)  # type: ignore[attr-defined]
    cpu0 = time.process_time()
    seconds = [0.0] * len(steps)
    results: list[list[Any]] = []
    for raw in batch.column("item").to_pylist():
        records = [pickle.loads(raw)]
        for i, step in enumerate(steps[:per_record]):
            t0 = time.perf_counter()
            try:
                records = [r for rec in records for r in step.run([rec])]
            except Exception as exc:  # one bad record is a counter, never a failed run
                log.debug("%s failed", step.name, exc_info=True)
                step.stats["failed"] += 1
                skips.append((i, _where(records), f"{step.name} failed "
                                                  f"({type(exc).__name__}: {exc})"))
                records = []
            seconds[i] += time.perf_counter() - t0
            if not records:
                break
        results.append(records)
    for i, step in enumerate(steps[per_record:], per_record):
        t0 = time.perf_counter()
        flat = [r for records in results for r in records]
        written = list(step.run(flat))  # a store error fails the task, as it fails a run
        if len(written) != len(flat):
            raise RuntimeError(f"{step.name} must pass on every record it is given")
        done = iter(written)
        results = [[next(done) for _ in records] for records in results]
        seconds[i] += time.perf_counter() - t0
    outs = [pickle.dumps(records) for records in results]
    stats = [Counter(s.stats) for s in steps]
    cpu = time.process_time() - cpu0
    report = [pickle.dumps((stats, skips, seconds, _peak_rss_mb(), cpu))] + [b""] * (len(seqs) - 1)
    return pa.table({"seq": pa.array(seqs, pa.int64()), "out": pa.array(outs, pa.binary()),
                     "report": pa.array(report, pa.binary())})


def _forget_steps() -> None:
    for steps in _WORKER_STEPS.values():
        for step in steps:
            step.close()
            store = getattr(step, "store", None)
            if isinstance(store, Store):
                store.close()
    _WORKER_STEPS.clear()


def _where(records: list[Any]) -> str:
    """Where a record came from, as skip reports name it (``file:line`` for JSON Lines)."""
    if not records:
        return "?"
    meta = getattr(records[0], "meta", None)
    where = meta.get("where") if isinstance(meta, dict) else None
    return str(where or getattr(records[0], "source", "?"))


def _peak_rss_mb() -> int:
    """Peak resident memory of this process in MB (0 where the OS does not tell)."""
    try:
        import resource
    except ImportError:  # Windows
        return 0
    return int(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024)  # Linux: KB


def _collector(skips: list[tuple[int, str, str]], index: int) -> SkipHandler:
    return lambda where, reason: skips.append((index, where, reason))
