from __future__ import annotations

from io import BytesIO
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from rashomon.ingest import read_pages


def _warc(path: Path) -> None:
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for i, (ctype, body) in enumerate([
            ("text/html; charset=utf-8", b"<html><body><p>Page one</p></body></html>"),
            ("image/png", b"\x89PNG"),
            ("text/html", b"<html><body><p>Page two</p></body></html>"),
        ]):
            headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
            record = writer.create_warc_record(f"https://news.example/{i}", "response",
                                               payload=BytesIO(body), http_headers=headers)
            writer.write_record(record)


def test_warc_html_responses_become_pages(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    _warc(path)
    skipped: list[tuple[str, str]] = []
    pages = list(read_pages([path], on_skip=lambda s, r: skipped.append((s, r))))
    assert [p.url for p in pages] == ["https://news.example/0", "https://news.example/2"]
    assert [p.source_id for p in pages] == ["crawl-1", "crawl-2"]
    assert skipped == []


def test_corrupt_warc_is_skipped(tmp_path: Path) -> None:
    path = tmp_path / "bad.warc"
    path.write_bytes(b"this is not a warc file\r\n\r\n")
    skipped: list[tuple[str, str]] = []
    assert list(read_pages([path], on_skip=lambda s, r: skipped.append((s, r)))) == []
    assert skipped and skipped[0][0] == str(path)
