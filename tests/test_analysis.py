"""Crash safety: a run killed at any point is finished by running it again."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from pagekit import HARBOUR, ORCHARD, text_page

from rashomon.analysis import SkipKnown, WriteArticles, analysis_pipeline
from rashomon.extract import Extract
from rashomon.ingest import read_pages
from rashomon.runners import run_local
from rashomon.store import SQLiteStore
from rashomon.views import list_stories


def _corpus(folder: Path, n: int) -> None:
    folder.mkdir()
    for i in range(n):
        paras = HARBOUR if i % 2 else ORCHARD
        body = [f"{p} Report number {i} adds detail {i * 7}." for p in paras]
        (folder / f"p{i:03d}.txt").write_text(text_page(f"Report {i}", body))


def _state(db: Path) -> list[dict]:
    with SQLiteStore(db, readonly=True) as store:
        return list_stories(store, limit=1000)


def test_interrupted_run_is_finished_by_rerun(tmp_path: Path) -> None:
    _corpus(tmp_path / "c", 12)
    clean = tmp_path / "clean.db"
    with SQLiteStore(clean) as store:
        run_local(analysis_pipeline(store, enrich=False, compare=False),
                  read_pages([tmp_path / "c"]))
    broken = tmp_path / "broken.db"

    def explode_after(n: int):
        seen = 0
        for page in read_pages([tmp_path / "c"]):
            seen += 1
            if seen > n:
                raise KeyboardInterrupt
            yield page

    with SQLiteStore(broken) as store:
        steps = analysis_pipeline(store, enrich=False, compare=False)
        for step in steps:
            if isinstance(step, SkipKnown | Extract | WriteArticles):
                step.batch = 2
        with pytest.raises(KeyboardInterrupt):
            run_local(steps, explode_after(7))
        assert store.counts()["articles"] == 6  # three whole batches, nothing half-written
        assert store.counts()["stories"] == 0
    with SQLiteStore(broken) as store:
        run_local(analysis_pipeline(store, enrich=False, compare=False),
                  read_pages([tmp_path / "c"]))
    assert _state(broken) == _state(clean)


@pytest.mark.slow
def test_killed_process_leaves_a_consistent_store(tmp_path: Path) -> None:
    _corpus(tmp_path / "c", 150)
    db = tmp_path / "k.db"
    cmd = [sys.executable, "-m", "rashomon.cli", "analyze", "--no-enrich", "--no-compare",
           "--db", str(db), str(tmp_path / "c")]
    env = {**os.environ, "RASHOMON_WRITE_BATCH": "5"}
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 60
    while time.time() < deadline and proc.poll() is None:
        if db.exists():
            try:
                with SQLiteStore(db, readonly=True) as s:
                    if s.counts()["articles"] >= 10:
                        break
            except Exception:
                pass
        time.sleep(0.05)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    check = SQLiteStore(db)
    assert check.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    check.close()
    done = subprocess.run(cmd + ["--json"], env=env, capture_output=True, text=True, check=True)
    summary = json.loads(done.stdout)
    assert summary["articles"] == 150
    stories = _state(db)
    assert sum(len(s["articles"]) for s in stories) == 150


def test_deferred_comparisons_are_done_on_demand_and_by_catch_up(pages_dir: Path,
                                                                  tmp_path: Path) -> None:
    from rashomon.analysis import catch_up
    from rashomon.settings import Settings
    from rashomon.views import story_detail

    db = tmp_path / "d.db"
    settings = Settings.load(compare_max_stories=0, enrich_max_articles=0)
    with SQLiteStore(db) as store:
        run_local(analysis_pipeline(store, settings), read_pages([pages_dir]))
        shared = [s for s in store.list_stories() if len(s.article_ids) >= 2]
        assert shared and all(not s.comparison for s in shared)
        detail = story_detail(store, shared[0].id)
        assert detail["comparison_status"] == "computed on demand" and detail["facts"]
        counts = catch_up(store, Settings.load(enrich_min_outlets=2))
        assert counts["compared"] == len(shared) and counts["enriched"] >= 2
        again = store.get_story(shared[0].id)
        assert again is not None and again.comparison["facts"]
        assert story_detail(store, shared[0].id)["comparison_status"] == "stored"
        assert catch_up(store) == {"enriched": 0, "compared": 0}


def test_unreadable_story_index_is_rebuilt_from_the_stored_articles(pages_dir: Path,
                                                                    tmp_path: Path) -> None:
    db = tmp_path / "r.db"
    files = sorted(pages_dir.iterdir())
    with SQLiteStore(db) as store:
        run_local(analysis_pipeline(store, enrich=False, compare=False), read_pages(files[:2]))
        before = _state(db)
        store.save_stories([], [], ("stories.index", "old@0", b"not an index"))
        run_local(analysis_pipeline(store, enrich=False, compare=False), read_pages(files))
    after = _state(db)
    assert sum(len(s["articles"]) for s in after) == 3
    assert {a["id"] for s in before for a in s["articles"]} < \
        {a["id"] for s in after for a in s["articles"]}


def test_deep_stages_stop_at_their_time_budget(pages_dir: Path, tmp_path: Path) -> None:
    from rashomon.analysis import DeepClock
    from rashomon.settings import Settings

    clock = DeepClock(floor=0.0, cap=0.0)
    assert clock.left() <= 0
    assert DeepClock(floor=5.0, cap=10.0).left() > 4
    settings = Settings.load(deep_min_seconds=0.0, deep_max_seconds=0.0)
    with SQLiteStore(tmp_path / "t.db") as store:
        stats = run_local(analysis_pipeline(store, settings), read_pages([pages_dir]))
        shared = [s for s in store.list_stories() if len(s.article_ids) >= 2]
        assert shared and all(not s.comparison for s in shared)
        assert stats["rashomon.compare.stories.deferred"] == len(shared)
        assert all(a.enrichment is None for a in store.get_articles(shared[0].article_ids))


def test_enrichment_stops_between_batches_when_the_clock_runs_out(
        pages_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from rashomon import analysis
    from rashomon.analysis import DeepClock, enrich_story

    with SQLiteStore(tmp_path / "e.db") as store:
        run_local(analysis_pipeline(store, enrich=False, compare=False),
                  read_pages([pages_dir]))
        story = max(store.list_stories(), key=lambda s: len(s.article_ids))
        assert len(story.article_ids) >= 2
        monkeypatch.setattr(analysis, "ENRICH_BATCH", 1)
        spent = DeepClock(floor=0.0, cap=0.0)
        assert enrich_story(store, story, clock=spent) == 1  # one batch, then the clock
        assert enrich_story(store, story) == len(story.article_ids) - 1
        assert enrich_story(store, story) == 0


def test_two_runs_never_interleave_their_story_index(pages_dir: Path, tmp_path: Path) -> None:
    from rashomon.analysis import _part_name
    from rashomon.stories.index import StoryIndex

    files = sorted(pages_dir.iterdir())
    db = tmp_path / "race.db"
    with SQLiteStore(db) as store:
        run_local(analysis_pipeline(store, enrich=False, compare=False), read_pages(files[:1]))
    with SQLiteStore(db) as a, SQLiteStore(db) as b:
        save, raced = a.save_stories, []

        def other_run_saves_first(*args: object, **kw: object) -> None:
            if not raced:  # run A has read the index; run B saves its own batch first
                raced.append(True)
                run_local(analysis_pipeline(b, enrich=False, compare=False),
                          read_pages(files[1:2]))
            save(*args, **kw)  # type: ignore[arg-type]

        a.save_stories = other_run_saves_first  # type: ignore[method-assign]
        run_local(analysis_pipeline(a, enrich=False, compare=False), read_pages(files[2:]))
    assert raced
    with SQLiteStore(db) as store:
        index = StoryIndex.load_parts(
            lambda n: (store.get_state(_part_name(n)) or (None, None))[1])
        stored = {aid: s.id for s in store.list_stories(limit=100) for aid in s.article_ids}
        assert len(stored) == len(files) == len(index.assignments())
        assert index.assignments() == stored
