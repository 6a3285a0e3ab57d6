"""WARC files -> Page, through warcio."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

from rashomon.errors import UnusableInput
from rashomon.ingest.decode import decode
from rashomon.model import Page

_HTML_TYPES = ("text/html", "application/xhtml")


def read_warc(path: Path, limit: int, on_skip: Callable[[str, str], None]) -> Iterator[Page]:
    """Yield one Page per HTML response record; other records are passed over silently."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    n = 0
    with path.open("rb") as fh:
        try:
            for record in ArchiveIterator(fh):
                if record.rec_type != "response" or record.http_headers is None:
                    continue
                ctype = record.http_headers.get_header("Content-Type") or ""
                if not ctype.startswith(_HTML_TYPES):
                    continue
                n += 1
                url = record.rec_headers.get_header("WARC-Target-URI")
                where = f"{path}#{n}"
                data = record.content_stream().read(limit + 1)
                if len(data) > limit:
                    on_skip(where, f"over the size limit of {limit:,} bytes")
                    continue
                try:
                    html = decode(data, html=True)
                except UnusableInput as exc:
                    on_skip(where, str(exc))
                    continue
                date = record.rec_headers.get_header("WARC-Date")
                yield Page(source=str(path), source_id=f"{_stem(path)}-{n}", html=html, url=url,
                           meta={"warc_date": date, "warc_record": n, "fetched": date})
        except ArchiveLoadFailed as exc:
            raise UnusableInput(f"not a readable WARC file ({exc})") from None
    if n == 0:
        raise UnusableInput("no HTML responses in this WARC file")


def _stem(path: Path) -> str:
    name = path.name
    for suffix in (".warc.gz", ".warc"):
        if name.endswith(suffix):
            return name[: -len(suffix)]
    return path.stem
