"""The Ray runner: same articles and stories as the local runner, resume, skips, extras.

The tests that start Ray share one local session of 2 CPUs (starting Ray takes ~10 s) and
skip when Ray is not installed.
"""

from __future__ import annotations

import json
import os
import sys
import uuid
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from click.testing import CliRunner
from pagekit import HARBOUR, ORCHARD, text_page

from rashomon.analysis import SkipKnown, WriteArticles, analysis_pipeline
from rashomon.cli import cli
from rashomon.errors import EngineError, MissingDependency
from rashomon.extract import Extract
from rashomon.model import Page
from rashomon.pipeline import MapStep, Step
from rashomon.runners import run_local
from rashomon.runners.ray import _connect, _in_order, run_ray, split_pipeline
from rashomon.store import SQLiteStore
from rashomon.store.base import Store


def _pages() -> list[Page]:
    """Two pages of one story, an unrelated one, an empty one and a duplicate."""
    ledger = text_page("Velmora dockworkers strike over shifts", HARBOUR)
    return [
        Page("ledger.txt", "ledger", text=ledger),
        Page("courier.txt", "courier", text=text_page(
            "Port of Velmora halted as dockers walk out", HARBOUR[1:] + HARBOUR[:1],
            outlet="Harbour Courier", comments=True)),
        Page("empty.txt", "empty", text="  \n "),
        Page("frost.txt", "frost", text=text_page(
            "Frost hits Castrel apple growers", ORCHARD, date="Thu, 6 Mar 2025 08:00 GMT")),
        Page("ledger-copy.txt", "ledger-copy", text=ledger),
        Page("frost.html", "frost-html", html="<html><body><h1>Frost hits Castrel</h1>"
             + "".join(f"<p>{p}</p>" for p in ORCHARD) + "</body></html>"),
    ]


def _pipeline(store: Store, skips: list[tuple[str, str]]) -> list[Step]:
    """The analysis steps up to clustering stories (no enrichment, no comparison)."""
    return analysis_pipeline(store, enrich=False, compare=False,
                             on_skip=lambda where, why: skips.append((where, why)))


def _stories(store: Store) -> list[list[str]]:
    """Each story as its sorted article ids, sorted."""
    return sorted(sorted(s.article_ids) for s in store.list_stories())


def _counts(stats: dict[str, Any]) -> dict[str, Any]:
    """Counters without timings and the Ray runner's own figures."""
    return {k: v for k, v in stats.items()
            if not k.endswith(".seconds") and not k.startswith("ray.")}


class _Holder(MapStep):
    name = "test.holder"

    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store


class _Fragile(MapStep):
    """Fails on pages whose text mentions frost (a bug in a worker step)."""

    name = "test.fragile"

    def process(self, item: Any) -> Any:
        if "Frost" in (item.text or item.html or ""):
            raise ValueError("cannot parse")
        return item


class _Boom(Step):
    """Passes records on and fails at the ``at``-th one, like a crash in the middle of a run."""

    name = "test.boom"

    def __init__(self, at: int) -> None:
        super().__init__()
        self.at = at

    def run(self, items: Iterable[Any]) -> Iterator[Any]:
        for n, item in enumerate(items, 1):
            if n == self.at:
                raise RuntimeError("worker lost")
            yield item


# --- without Ray --------------------------------------------------------------------
def test_split_keeps_store_bound_steps_on_the_driver() -> None:
    store = SQLiteStore(":memory:")
    skip, extract, holder = SkipKnown(store), Extract(), _Holder(store)
    write, extract2 = WriteArticles(store), Extract()
    head, remote, tail = split_pipeline([skip, extract, extract2, holder, write])
    assert (head, remote, tail) == ([skip], [extract, extract2], [holder, write])
    assert split_pipeline([skip, write]) == ([skip, write], [], [])


def test_a_writer_to_a_shared_store_moves_to_the_workers_ahead_of_observers() -> None:
    class SharedStore(SQLiteStore):
        shared = True

    store = SharedStore(":memory:")
    steps = analysis_pipeline(store, on_article=lambda _a: None)
    skip, extract, tap, write, cluster = steps[:5]
    assert (tap.name, write.name) == ("rashomon.tap", "rashomon.store.write_articles")
    head, remote, tail = split_pipeline(steps)
    assert head == [skip] and remote == [extract, write] and tail[:2] == [tap, cluster]
    # a step that may drop records between them keeps the writer on the driver
    assert split_pipeline([skip, extract, _Boom(9), write])[1] == [extract]
    # and so does a store only one process may write
    local = analysis_pipeline(SQLiteStore(":memory:"))
    assert split_pipeline(local)[1] == [local[1]]


def test_results_are_put_back_in_input_order() -> None:
    arrived = [(12, ["c"]), (10, ["a"]), (13, []), (11, ["b", "b2"]), (14, ["e"])]
    assert list(_in_order(arrived, 10)) == ["a", "b", "b2", "c", "e"]


def test_missing_ray_names_the_pip_command(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "ray", None)
    with pytest.raises(MissingDependency, match=r"pip install 'rashomon\[ray\]'"):
        run_ray([Extract()], [])


def test_an_unreachable_cluster_is_one_clear_error() -> None:
    class Unreachable:
        def is_initialized(self) -> bool:
            return False

        def init(self, **kw: Any) -> None:
            raise ConnectionError(f"Failed to connect to Ray cluster at {kw['address']}\nmore")

    with pytest.raises(EngineError, match=r"cannot join the Ray cluster at 10\.0\.0\.9:6379: "
                                          r"Failed to connect .*--address auto"):
        _connect(Unreachable(), "10.0.0.9:6379", None)


# --- on a local Ray -----------------------------------------------------------------
@pytest.fixture(scope="module")
def ray_session() -> Iterator[Any]:
    ray = pytest.importorskip("ray")
    pytest.importorskip("ray.data")
    pytest.importorskip("pyarrow")
    started = not ray.is_initialized()
    if started:
        # Ray's memory monitor kills workers when *other* processes fill the machine's
        # memory, then retries forever: on a shared test machine that is a hang, not a test
        os.environ.setdefault("RAY_memory_monitor_refresh_ms", "0")
        ray.init(num_cpus=2, include_dashboard=False, logging_level="WARNING")
    yield ray
    if started:
        ray.shutdown()


@pytest.mark.ray
def test_ray_engine_stores_the_same_articles_and_stories_as_local(ray_session: Any) -> None:
    local_store, ray_store = SQLiteStore(":memory:"), SQLiteStore(":memory:")
    local_skips: list[tuple[str, str]] = []
    ray_skips: list[tuple[str, str]] = []
    local = run_local(_pipeline(local_store, local_skips), _pages())
    # windows of 2 pages and batches of 1: several datasets, results re-ordered
    remote = run_ray(_pipeline(ray_store, ray_skips), _pages(), window=2, batch_size=1)
    assert _counts(remote) == _counts(local)
    assert remote["rashomon.store.write_articles.added"] == 4
    assert remote["rashomon.store.skip_known.already_stored"] == 1
    assert remote["rashomon.extract.seconds"] > 0
    assert ray_skips == local_skips == [("empty.txt", "no article text found")]
    ids = [a.id for a in local_store.get_articles(local_store.known_ids(
        p.id for p in _pages()))]
    assert sorted(ray_store.known_ids(ids)) == sorted(ids)
    for a, b in zip(local_store.get_articles(ids), ray_store.get_articles(ids), strict=True):
        assert a.to_dict(raw=True) == b.to_dict(raw=True)
    assert _stories(ray_store) == _stories(local_store) and _stories(ray_store)
    assert list(ray_store.unassigned_articles()) == []


@pytest.mark.ray
def test_a_rerun_after_a_crash_does_not_redo_stored_pages(ray_session: Any) -> None:
    store = SQLiteStore(":memory:")
    pages = _pages()
    crashing = [SkipKnown(store), Extract(), WriteArticles(store, batch=1), _Boom(at=3)]
    with pytest.raises(RuntimeError, match="worker lost"):
        run_ray(crashing, pages, window=2, batch_size=1)
    assert store.counts()["articles"] == 3  # written and committed before the crash
    skips: list[tuple[str, str]] = []
    stats = run_ray(_pipeline(store, skips), pages, window=2, batch_size=1)
    assert stats["rashomon.store.skip_known.already_stored"] == 4  # 3 stored + 1 duplicate
    assert stats["rashomon.extract.out"] == 1
    assert stats["rashomon.store.write_articles.added"] == 1
    assert store.counts()["articles"] == 4
    again = run_ray(_pipeline(store, skips), pages)
    assert again["rashomon.extract.out"] == 0 and again["rashomon.store.write_articles.added"] == 0


@pytest.mark.ray
def test_cli_analyze_on_ray_stores_what_local_stores(ray_session: Any,
                                                     pages_dir: Path, tmp_path: Path) -> None:
    summaries, stories = [], []
    for engine in ("local", "ray"):
        db = str(tmp_path / f"{engine}.db")
        result = CliRunner().invoke(cli, ["analyze", "--db", db, "--json", "--no-enrich",
                                          "--no-compare", "--engine", engine, str(pages_dir)])
        assert result.exit_code == 0, result.stderr
        summary = json.loads(result.stdout)
        summaries.append({k: v for k, v in summary.items() if isinstance(v, int)})
        result = CliRunner().invoke(cli, ["stories", "--db", db, "--json"])
        stories.append(sorted(sorted(a["source_id"] for a in s["articles"])
                              for s in json.loads(result.stdout)))
    assert summaries[0] == summaries[1] and summaries[1]["added"] == 3
    assert stories[0] == stories[1] and stories[1]


@pytest.mark.ray
def test_worker_failures_and_drops_are_counted_and_reported(ray_session: Any) -> None:
    ray_session.cloudpickle.register_pickle_by_value(sys.modules[__name__])
    store = SQLiteStore(":memory:")
    skips: list[tuple[str, str]] = []
    steps = [_Fragile(), Extract(), WriteArticles(store)]  # Extract without its own on_skip
    stats = run_ray(steps, _pages(), on_skip=lambda w, r: skips.append((w, r)), batch_size=2)
    assert stats["test.fragile.failed"] == 2 and stats["test.fragile.out"] == 4
    assert stats["rashomon.extract.empty"] == 1
    assert stats["rashomon.store.write_articles.added"] == 2
    assert sorted(skips) == [("empty.txt", "no article text found"),
                             ("frost.html", "test.fragile failed (ValueError: cannot parse)"),
                             ("frost.txt", "test.fragile failed (ValueError: cannot parse)")]


@pytest.fixture
def pg_url() -> Iterator[str]:
    """A fresh schema on the test PostgreSQL server (see tests/store/test_postgres.py)."""
    psycopg = pytest.importorskip("psycopg")
    server = os.environ.get("RASHOMON_TEST_PG",
                            "postgresql://rashomon:rashomon@127.0.0.1:5432/rashomon_test")
    schema = f"rashomon_ray_{uuid.uuid4().hex[:12]}"
    try:
        with psycopg.connect(server, autocommit=True, connect_timeout=3) as conn:
            conn.execute(f"CREATE SCHEMA {schema}")
    except psycopg.Error:
        pytest.skip("no PostgreSQL server for the tests")
    sep = "&" if "?" in server else "?"
    try:
        yield f"{server}{sep}options={quote(f'-csearch_path={schema}')}"
    finally:
        with psycopg.connect(server, autocommit=True) as conn:
            conn.execute(f"DROP SCHEMA {schema} CASCADE")


@pytest.mark.ray
@pytest.mark.postgres
def test_workers_write_to_postgres_and_the_stories_are_the_local_ones(
        ray_session: Any, pg_url: str) -> None:
    from rashomon.store.postgres import PostgresStore

    local_store, pg_store = SQLiteStore(":memory:"), PostgresStore(pg_url)
    ticks: list[str] = []
    local = run_local(_pipeline(local_store, []), _pages())
    steps = analysis_pipeline(pg_store, enrich=False, compare=False,
                              on_article=lambda a: ticks.append(a.id))
    assert [s.name for s in split_pipeline(steps)[1]] == ["rashomon.extract",
                                                         "rashomon.store.write_articles"]
    remote = run_ray(steps, _pages(), batch_size=2)
    assert _counts(remote) == _counts(local)  # the tap has no counters of its own
    assert len(ticks) == 4 and pg_store.counts()["articles"] == 4
    ids = sorted(local_store.known_ids(ticks))
    for a, b in zip(local_store.get_articles(ids), pg_store.get_articles(ids), strict=True):
        assert a.to_dict(raw=True) == b.to_dict(raw=True)
    assert _stories(pg_store) == _stories(local_store) and _stories(pg_store)
    pg_store.close()
