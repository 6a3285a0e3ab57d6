"""Bytes -> text, refusing binary and undecodable input."""

from __future__ import annotations

import gzip
import re
import zlib

from rashomon.errors import UnusableInput

_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_\-]+)""", re.I)
# Control characters other than tab, newline, carriage return and form feed.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
#: Share of control characters above which decoded text is taken for binary data: real pages
#: carry at most a handful of stray ones, binary files tens of percent.
MAX_CONTROL_SHARE = 0.01


def gunzip(data: bytes, limit: int) -> bytes:
    """Decompress gzip data, refusing archives that expand past ``limit`` bytes."""
    try:
        d = zlib.decompressobj(16 + zlib.MAX_WBITS)
        out = d.decompress(data, limit + 1)
    except (zlib.error, gzip.BadGzipFile, EOFError) as exc:
        raise UnusableInput(f"corrupt gzip data ({exc})") from None
    if len(out) > limit:
        raise UnusableInput(f"over the size limit of {limit:,} bytes once decompressed")
    return out


def decode(data: bytes, *, html: bool = False) -> str:
    """Decode page bytes: UTF-8 (with or without BOM), UTF-16 with BOM, or an HTML page's
    declared charset. Raises UnusableInput for empty, binary or undecodable data."""
    if not data.strip():
        raise UnusableInput("empty")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = _try(data, "utf-16")
    elif b"\x00" in data[:4096]:
        raise UnusableInput("binary data (NUL bytes)")
    else:
        text = _try(data, "utf-8-sig")
        if text is None and html:
            m = _CHARSET.search(data[:4096])
            if m:
                text = _try(data, m.group(1).decode("ascii", "replace"))
        if text is None:
            text = _try(data, "cp1252") if _mostly_ascii(data) else None
    if text is None:
        raise UnusableInput("undecodable text (not UTF-8 and no usable charset)")
    if not text.strip():
        raise UnusableInput("empty")
    if len(_CONTROL.findall(text[:20000])) > MAX_CONTROL_SHARE * min(len(text), 20000):
        raise UnusableInput("binary data (control characters)")
    return text


def _try(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def _mostly_ascii(data: bytes) -> bool:
    # Legacy single-byte pages are overwhelmingly ASCII; 95% keeps random binary out.
    sample = data[:20000]
    return sum(b < 128 for b in sample) >= 0.95 * len(sample)
