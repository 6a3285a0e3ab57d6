from __future__ import annotations

import gzip
import json
from pathlib import Path

from rashomon.ingest import read_pages


def _read(paths: list[Path | str], **kw: object) -> tuple[list, list[tuple[str, str]]]:
    skipped: list[tuple[str, str]] = []
    pages = list(read_pages(paths, on_skip=lambda s, r: skipped.append((s, r)), **kw))
    return pages, skipped


def test_folder_is_read_recursively_in_order(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "a.txt").write_text("First page\n\nSome words here.")
    (tmp_path / "b" / "c.html").write_text("<html><body><p>Hi there</p></body></html>")
    (tmp_path / "b" / "notes.md").write_text("not a page")
    (tmp_path / ".hidden.txt").write_text("hidden")
    pages, skipped = _read([tmp_path])
    assert [p.source_id for p in pages] == ["a", "c"]
    assert pages[0].text and pages[0].html is None
    assert pages[1].html and pages[1].text is None
    assert skipped == []


def test_jsonl_rows_keep_ids_hints_and_row_numbers(tmp_path: Path) -> None:
    rows = [{"id": "r1", "text": "Body one", "url": "https://example.org/a", "source": "Wire"},
            {"text": "Body two", "published": "2025-03-01", "title": "Two"},
            {"html": "<p>three</p>"}]
    path = tmp_path / "feed.jsonl.gz"
    with gzip.open(path, "wt") as fh:
        fh.write("\n".join(json.dumps(r) for r in rows) + "\n{not json\n\n")
    pages, skipped = _read([path])
    assert [p.source_id for p in pages] == ["r1", "feed-2", "feed-3"]
    assert pages[0].outlet == "Wire" and pages[0].url == "https://example.org/a"
    assert pages[1].published == "2025-03-01" and pages[1].title == "Two"
    assert pages[2].html == "<p>three</p>"
    assert len(skipped) == 1 and skipped[0][0].endswith(":4")
    assert "malformed JSON" in skipped[0][1]


def test_json_list_and_single_object(tmp_path: Path) -> None:
    (tmp_path / "one.json").write_text(json.dumps({"text": "Alone"}))
    (tmp_path / "many.json").write_text(json.dumps([{"text": "A"}, {"nope": 1}, {"text": "C"}]))
    pages, skipped = _read([tmp_path / "one.json", tmp_path / "many.json"])
    assert [p.source_id for p in pages] == ["one", "many-1", "many-3"]
    assert skipped == [(str(tmp_path / "many.json") + "#2", "row has no 'text' or 'html'")]


def test_bad_inputs_are_reported_and_the_run_goes_on(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("   \n")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02PNG\x00" * 50)
    (tmp_path / "latin.txt").write_bytes(b"\xff\xfe\x00")  # BOM then nonsense
    (tmp_path / "bad.json").write_text("{oops")
    (tmp_path / "big.txt").write_text("word " * 400)
    (tmp_path / "good.txt").write_text("A real page\n\nWith a paragraph.")
    (tmp_path / "broken.html.gz").write_bytes(b"not gzip at all")
    pages, skipped = _read([tmp_path, tmp_path / "missing.txt"], max_bytes=1000)
    assert [p.source_id for p in pages] == ["good"]
    reasons = {Path(s).name: r for s, r in skipped}
    assert reasons["empty.txt"] == "empty"
    assert "binary" in reasons["binary.txt"]
    assert "malformed JSON" in reasons["bad.json"]
    assert "size limit" in reasons["big.txt"]
    assert "gzip" in reasons["broken.html.gz"]
    assert reasons["missing.txt"] == "no such file or folder"
    assert "latin.txt" in reasons


def test_explicit_file_of_unknown_kind_is_reported(tmp_path: Path) -> None:
    (tmp_path / "page.pdf").write_bytes(b"%PDF-1.4")
    pages, skipped = _read([tmp_path / "page.pdf"])
    assert pages == [] and "unknown file kind" in skipped[0][1]


def test_legacy_charset_is_decoded(tmp_path: Path) -> None:
    (tmp_path / "old.html").write_bytes(
        b'<html><head><meta charset="iso-8859-1"></head><body><p>Caf\xe9 ouvert</p></body></html>')
    pages, skipped = _read([tmp_path])
    assert skipped == [] and "Café" in (pages[0].html or "")


def test_content_hash_is_stable_and_content_based(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Same page")
    (tmp_path / "b.txt").write_text("Same page")
    pages, _ = _read([tmp_path])
    assert pages[0].id == pages[1].id and len(pages[0].id) == 20


def test_fetch_time_is_kept_as_the_anchor_for_relative_dates(tmp_path: Path) -> None:
    (tmp_path / "rows.jsonl").write_text(json.dumps({"text": "x", "crawled_at": "2025-03-08"}))
    pages, _ = _read([tmp_path])
    assert pages[0].meta["fetched"] == "2025-03-08"
