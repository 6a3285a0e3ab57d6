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

from rashomon.analysis import analysis_pipeline
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
        steps[0].batch = steps[2].batch = 2  # type: ignore[attr-defined]
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
