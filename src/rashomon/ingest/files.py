"""Files and folders -> Page: text dumps, HTML, JSON, JSON Lines and WARC, recursively."""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from rashomon.errors import UnusableInput
from rashomon.ingest.decode import decode, gunzip
from rashomon.ingest.rows import page_from_row
from rashomon.ingest.warc import read_warc
from rashomon.model import Page

log = logging.getLogger(__name__)

SkipHandler = Callable[[str, str], None]

TEXT_SUFFIXES = (".txt",)
HTML_SUFFIXES = (".html", ".htm", ".html.gz", ".htm.gz")
JSONL_SUFFIXES = (".jsonl", ".jsonl.gz", ".ndjson")
JSON_SUFFIXES = (".json", ".json.gz")
WARC_SUFFIXES = (".warc", ".warc.gz")
TEXT_GZ_SUFFIXES = (".txt.gz",)
PARQUET_SUFFIXES = (".parquet",)
ALL_SUFFIXES = (TEXT_SUFFIXES + TEXT_GZ_SUFFIXES + HTML_SUFFIXES + JSONL_SUFFIXES
                + JSON_SUFFIXES + WARC_SUFFIXES + PARQUET_SUFFIXES)


def log_skip(source: str, reason: str) -> None:
    """Default skip handler: one log line."""
    log.warning("skipped: %s: %s", source, reason)


def iter_files(paths: Iterable[str | Path], on_skip: SkipHandler = log_skip) -> Iterator[Path]:
    """Expand files and folders (recursively, sorted) into the input files they hold.

    A missing path is reported; inside folders, files of unknown kinds and hidden files are
    passed over silently (a folder of pages often holds notes and images), while a file named
    explicitly must be of a known kind.
    """
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                rel = child.relative_to(path).parts
                if child.is_file() and not any(p.startswith(".") for p in rel) \
                        and _kind(child) is not None:
                    yield child
        elif path.is_file():
            if _kind(path) is None:
                on_skip(str(path), "unknown file kind (expected .txt, .html, .htm, .json, "
                                   ".jsonl, .warc, optionally .gz, or .parquet)")
            else:
                yield path
        else:
            on_skip(str(path), "no such file or folder")


def read_pages(paths: Iterable[str | Path], *, max_bytes: int = 20_000_000,
               on_skip: SkipHandler = log_skip) -> Iterator[Page]:
    """Yield a Page for every usable input; call ``on_skip(input, reason)`` for the rest."""
    for path in iter_files(paths, on_skip):
        try:
            yield from _read_file(path, max_bytes, on_skip)
        except UnusableInput as exc:
            on_skip(str(path), str(exc))
        except OSError as exc:
            on_skip(str(path), f"cannot read ({exc.strerror or exc})")


def _kind(path: Path) -> str | None:
    name = path.name.lower()
    for kind, suffixes in (("warc", WARC_SUFFIXES), ("jsonl", JSONL_SUFFIXES),
                           ("json", JSON_SUFFIXES), ("html", HTML_SUFFIXES),
                           ("parquet", PARQUET_SUFFIXES),
                           ("text", TEXT_SUFFIXES + TEXT_GZ_SUFFIXES)):
        if name.endswith(suffixes):
            return kind
    return None


def _stem(path: Path) -> str:
    name = path.name
    for suffix in sorted(ALL_SUFFIXES, key=len, reverse=True):
        if name.lower().endswith(suffix):
            return name[: -len(suffix)]
    return path.stem


def _read_bytes(path: Path, limit: int) -> bytes:
    if path.stat().st_size > limit and not path.name.lower().endswith(".gz"):
        raise UnusableInput(f"over the size limit of {limit:,} bytes")
    data = path.read_bytes()
    if path.name.lower().endswith(".gz"):
        data = gunzip(data, limit)
    return data


def _read_file(path: Path, limit: int, on_skip: SkipHandler) -> Iterator[Page]:
    kind = _kind(path)
    source, stem = str(path), _stem(path)
    if kind == "warc":
        yield from read_warc(path, limit, on_skip)
    elif kind == "jsonl":
        yield from _read_jsonl(path, limit, on_skip)
    elif kind == "parquet":
        from rashomon.ingest.parquet import read_parquet

        yield from read_parquet(path, limit, on_skip)
    elif kind == "json":
        data = _read_bytes(path, limit)
        try:
            doc = json.loads(decode(data))
        except json.JSONDecodeError as exc:
            raise UnusableInput(f"malformed JSON ({exc.msg} at line {exc.lineno})") from None
        rows = doc if isinstance(doc, list) else [doc]
        for i, row in enumerate(rows, 1):
            default = stem if len(rows) == 1 else f"{stem}-{i}"
            try:
                page = page_from_row(row, source, default, limit)
            except UnusableInput as exc:
                on_skip(f"{source}#{i}", str(exc))
                continue
            if len(rows) > 1:
                page.meta["where"] = f"{source}#{i}"
            yield page
    elif kind == "html":
        html = decode(_read_bytes(path, limit), html=True)
        yield Page(source=source, source_id=stem, html=html)
    else:
        text = decode(_read_bytes(path, limit))
        if "<html" in text[:2000].lower() and "</" in text:
            yield Page(source=source, source_id=stem, html=text)
        else:
            yield Page(source=source, source_id=stem, text=text.replace("\r\n", "\n"))


def _read_jsonl(path: Path, limit: int, on_skip: SkipHandler) -> Iterator[Page]:
    import gzip
    import io

    source, stem = str(path), _stem(path)
    raw = path.open("rb")
    fh: io.BufferedIOBase = gzip.open(raw) if path.name.lower().endswith(".gz") else raw  # type: ignore[assignment]
    with raw, fh:
        lineno = 0
        while True:
            try:
                line = fh.readline(limit + 1)
            except (OSError, EOFError) as exc:
                on_skip(f"{source}:{lineno + 1}", f"cannot read ({exc})")
                return
            if not line:
                return
            lineno += 1
            where = f"{source}:{lineno}"
            if len(line) > limit:
                on_skip(where, f"line over the size limit of {limit:,} bytes")
                while line and not line.endswith(b"\n"):  # drain the rest of the long line
                    line = fh.readline(limit + 1)
                continue
            if not line.strip():
                continue
            try:
                page = page_from_row(json.loads(line), source, f"{stem}-{lineno}", limit)
                page.meta["where"] = where
                yield page
            except (json.JSONDecodeError, UnicodeDecodeError) as exc:
                on_skip(where, f"malformed JSON line ({getattr(exc, 'msg', exc)})")
            except UnusableInput as exc:
                on_skip(where, str(exc))
