from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from rashomon.ingest import read_pages

pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")


def _read(path: Path) -> tuple[list, list[tuple[str, str]]]:
    skipped: list[tuple[str, str]] = []
    pages = list(read_pages([path], on_skip=lambda s, r: skipped.append((s, r))))
    return pages, skipped


def test_parquet_rows_become_pages_with_hints_and_row_numbers(tmp_path: Path) -> None:
    table = pa.table({
        "id": ["w1", None, None],
        "text": ["Dockers walk out in Velmora.", None, None],
        "html": [None, None, "<p>Frost in Castrel</p>"],
        "source": ["Wire", "Wire", None],
        "date": [dt.datetime(2025, 3, 3, 10, 15), None, dt.datetime(2025, 3, 6)],
        "authors": [["Ana Perel"], None, []],
    })
    path = tmp_path / "crawl.parquet"
    pq.write_table(table, path, row_group_size=2)  # rows span two record batches
    pages, skipped = _read(path)
    assert [p.source_id for p in pages] == ["w1", "crawl-3"]
    assert pages[0].text == "Dockers walk out in Velmora." and pages[0].outlet == "Wire"
    assert pages[0].published == "2025-03-03T10:15:00"
    assert pages[0].meta["authors"] == ["Ana Perel"]
    assert pages[1].html == "<p>Frost in Castrel</p>" and pages[1].meta["where"].endswith("#3")
    assert skipped == [(f"{path}#2", "row has no 'text' or 'html'")]


def test_a_broken_parquet_file_is_skipped_with_a_reason(tmp_path: Path) -> None:
    path = tmp_path / "broken.parquet"
    path.write_bytes(b"PAR1 this is not parquet at all")
    pages, skipped = _read(path)
    assert pages == [] and skipped == [(str(path), skipped[0][1])]
    assert "not a readable Parquet file" in skipped[0][1]
