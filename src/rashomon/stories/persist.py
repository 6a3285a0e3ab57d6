"""Saving and loading a StoryIndex in parts, so that a small batch writes little.

The state is split into named parts, each an uncompressed ``.npz`` (flat numeric arrays
plus one JSON header; no pickle, loading never executes anything):

- ``head``: format, document frequencies, posting lists, merges, storyline links, and how
  many blocks and segments there are. Rewritten by every save.
- ``st.NNNNN`` / ``ln.NNNNN``: the running sums of the stories (storylines) whose rows fall
  in one block of ``BLOCK_ROWS`` rows. Rewritten only when one of those rows changed: an
  incremental add touches the stories of a few days, not the whole history.
- ``seg.NNNNNN`` / ``nd.NNNNNN``: article records and near-duplicate signatures, appended
  once per save (past ``MAX_SEGMENTS`` folded into one); the near-duplicate parts are read
  when the index is first asked for copies (every ``add`` asks, for the stories it changes).

``dump()`` packs every part into one blob (for callers that keep a single value);
``dump_parts()`` returns just the parts that changed since the last load or dump.
"""

from __future__ import annotations

import io
import json
from collections import Counter
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import numpy as np

from rashomon.errors import StoreError
from rashomon.stories.cluster import Clusterer, StoryState
from rashomon.stories.features import Sparse
from rashomon.stories.minhash import NearDuplicates, Saved
from rashomon.stories.postings import Postings

if TYPE_CHECKING:
    from rashomon.stories.index import StoryIndex

#: layout version; a state of another version is refused rather than misread
FORMAT = 8
HEAD = "head"
#: rows per block (~0.2 MB of story sums): a batch of 100 articles spread over eight years
#: of the news corpus touches ~100 old stories, so it rewrites ~100 blocks (~20 MB) where
#: blocks of 512 rows meant 34 of 39 (51 MB); the head and whole state are 16 / 160 MB
BLOCK_ROWS = 64
#: appended segments of article records before they are folded into one
MAX_SEGMENTS = 16


def _npz(header: Any, arrays: dict[str, np.ndarray]) -> bytes:
    arrays = dict(arrays)
    arrays["header"] = np.frombuffer(json.dumps(header).encode("utf-8"), dtype=np.uint8)
    buf = io.BytesIO()
    np.savez(buf, **arrays)
    return buf.getvalue()


def _unnpz(blob: bytes, what: str) -> tuple[Any, dict[str, np.ndarray]]:
    try:
        z = np.load(io.BytesIO(blob), allow_pickle=False)
        arrays = {k: z[k] for k in z.files}
        header = json.loads(arrays.pop("header").tobytes().decode("utf-8"))
    except (ValueError, OSError, KeyError, EOFError) as exc:
        raise StoreError(f"story index {what} is unreadable: {exc}") from exc
    return header, arrays


def _flat(vecs: list[Sparse]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    lens = np.fromiter((len(v) for v in vecs), dtype=np.int64, count=len(vecs))
    if not vecs:
        return lens, np.zeros(0, np.int32), np.zeros(0, np.float32)
    keys = np.concatenate([v.k for v in vecs]).astype(np.int32)
    return lens, keys, np.concatenate([v.v for v in vecs]).astype(np.float32)


def _unflat(lens: np.ndarray, keys: np.ndarray, vals: np.ndarray) -> list[Sparse]:
    """Sparse vectors as views into two flat arrays (vectors are never changed in place)."""
    keys = keys.astype(np.int64)
    ends = np.cumsum(lens).tolist()
    starts = [0, *ends][: len(ends)]
    return [Sparse(keys[s:e], vals[s:e]) for s, e in zip(starts, ends, strict=True)]


# -- clusterers -----------------------------------------------------------------------------
def _block(cl: Clusterer, b: int) -> bytes:
    """The live stories of rows ``[b * BLOCK_ROWS, (b + 1) * BLOCK_ROWS)``."""
    rows = cl.by_row[b * BLOCK_ROWS : (b + 1) * BLOCK_ROWS]
    stories = [cl.stories[s] for s in rows if s in cl.stories]
    header = [[st.id, st.members, st.first, st.last, dict(st.outlets)] for st in stories]
    arrays: dict[str, np.ndarray] = {"row": np.array([st.row for st in stories], np.int32)}
    for name in ("lex", "names"):
        lens, keys, vals = _flat([getattr(st, name) for st in stories])
        arrays[name + "_len"], arrays[name + "_key"], arrays[name + "_val"] = lens, keys, vals
    if cl.emb_dim:
        emb = np.zeros((len(stories), cl.emb_dim), dtype=np.float32)
        for i, st in enumerate(stories):
            if st.emb is not None:
                emb[i] = st.emb
        arrays["emb"] = emb
        arrays["emb_set"] = np.array([st.emb is not None for st in stories], dtype=bool)
    return _npz(header, arrays)


def _unblock(cl: Clusterer, blob: bytes) -> list[StoryState]:
    header, a = _unnpz(blob, "block")
    lex = _unflat(a["lex_len"], a["lex_key"], a["lex_val"])
    names = _unflat(a["names_len"], a["names_key"], a["names_val"])
    emb = a["emb"] if cl.emb_dim else None
    out = []
    for i, (row, (sid, members, first, last, outlets)) in enumerate(
        zip(a["row"].tolist(), header, strict=True)
    ):
        vec = emb[i] if emb is not None and a["emb_set"][i] else None
        out.append(StoryState(sid, row, members, lex[i], names[i], vec, first, last,
                              Counter(outlets)))
    return out


def _dump_clusterer(cl: Clusterer, prefix: str, full: bool,
                    parts: dict[str, bytes]) -> tuple[dict[str, Any], dict[str, np.ndarray]]:
    """Head entries and arrays of a clusterer; its changed blocks go into ``parts``."""
    n_blocks = -(-len(cl.by_row) // BLOCK_ROWS)
    blocks = range(n_blocks) if full else sorted({r // BLOCK_ROWS for r in cl.dirty})
    for b in blocks:
        parts[f"{prefix}.{b:05d}"] = _block(cl, b)
    if not full:
        cl.dirty.clear()
    header = {"rows": cl.by_row, "merged": cl.merged, "blocks": n_blocks}
    arrays: dict[str, np.ndarray] = {}
    for name, postings in (("post", cl.postings), ("pund", cl.postings_undated)):
        arrays[f"{prefix}_{name}_key"], arrays[f"{prefix}_{name}_len"], \
            arrays[f"{prefix}_{name}_row"] = postings.arrays()
    return header, arrays


def _load_clusterer(cl: Clusterer, prefix: str, header: dict[str, Any],
                    arrays: dict[str, np.ndarray], get: Callable[[str], bytes | None]) -> None:
    stories: list[StoryState] = []
    for b in range(header["blocks"]):
        blob = get(f"{prefix}.{b:05d}")
        if blob is None:
            raise StoreError(f"story index part {prefix}.{b:05d} is missing")
        stories += _unblock(cl, blob)
    cl.restore(header["rows"], stories)
    cl.merged = dict(header["merged"])
    cl.postings = Postings(*(arrays[f"{prefix}_post_{k}"] for k in ("key", "len", "row")))
    cl.postings_undated = Postings(*(arrays[f"{prefix}_pund_{k}"] for k in ("key", "len", "row")))


# -- article records and near-duplicates ----------------------------------------------------
def _segment(index: StoryIndex, start: int) -> bytes:
    """Article records from the ``start``-th article on."""
    recs = list(index.articles.items())[start:]
    return _npz([[aid, r.story, r.day, r.published, r.outlet, r.title] for aid, r in recs], {})


def _load_segment(index: StoryIndex, blob: bytes) -> None:
    from rashomon.stories.index import ArticleRec

    header, _ = _unnpz(blob, "segment")
    for aid, story, day, published, outlet, title in header:
        index.articles[aid] = ArticleRec(story, day, published, outlet, title)


def _near(ids: list[str], arrays: dict[str, np.ndarray]) -> bytes:
    return _npz(ids, arrays)


def _saved_near(get: Callable[[str], bytes | None], segments: int) -> Saved:
    """Reader of the near-duplicate parts, called only if the index is queried for them."""

    def read() -> list[tuple[list[str], dict[str, np.ndarray]]]:
        out = []
        for i in range(segments):
            blob = get(f"nd.{i:06d}")
            if blob is None:
                raise StoreError(f"story index part nd.{i:06d} is missing")
            out.append(_unnpz(blob, "near-duplicates"))
        return out

    return read


# -- the whole index ------------------------------------------------------------------------
def dump_parts(index: StoryIndex, full: bool = False) -> dict[str, bytes]:
    """Parts changed since the index was loaded or its parts last dumped (then they count
    as saved); with ``full``, every part, and nothing counts as saved."""
    parts: dict[str, bytes] = {}
    story_header, arrays = _dump_clusterer(index.clusterer, "st", full, parts)
    line_header, line_arrays = _dump_clusterer(index.lines, "ln", full, parts)
    arrays.update(line_arrays)
    segments, saved = index.saved_segments, index.saved_articles
    if full or segments >= MAX_SEGMENTS:
        parts["seg.000000"] = _segment(index, 0)
        parts["nd.000000"] = _near(*index.near.everything())
        segments = 1
    elif len(index.articles) > saved or segments == 0:
        parts[f"seg.{segments:06d}"] = _segment(index, saved)
        parts[f"nd.{segments:06d}"] = _near(*index.near.unsaved())
        segments += 1
    if not full:  # a full dump is a copy: what the store holds has not changed
        index.saved_segments, index.saved_articles = segments, len(index.articles)
        index.near.mark_saved()
    nz = np.flatnonzero(index.df.df).astype(np.int32)
    arrays["df_idx"], arrays["df_val"] = nz, index.df.df[nz]
    header: dict[str, Any] = {
        "format": FORMAT,
        "emb_dim": index.clusterer.emb_dim,
        "n_docs": index.df.n_docs,
        "stories": story_header,
        "lines": line_header,
        "line_of": index.line_of,
        "segments": segments,
    }
    parts[HEAD] = _npz(header, arrays)
    return parts


def load_parts(cls: type[StoryIndex], get: Callable[[str], bytes | None],
               **kw: Any) -> StoryIndex:
    """Rebuild an index from its parts (``get(name)`` returns a part or None)."""
    head = get(HEAD)
    if head is None:
        raise StoreError("story index head is missing")
    header, arrays = _unnpz(head, "head")
    if not isinstance(header, dict) or header.get("format") != FORMAT:
        got = header.get("format") if isinstance(header, dict) else None
        raise StoreError(f"story index has format {got}, need {FORMAT}")
    index = cls(**kw)
    if header["emb_dim"] != index.clusterer.emb_dim:
        raise StoreError("story index was made with another embedding model")
    index.df.df[arrays["df_idx"]] = arrays["df_val"]
    index.df.n_docs = header["n_docs"]
    for i in range(header["segments"]):
        blob = get(f"seg.{i:06d}")
        if blob is None:
            raise StoreError(f"story index part seg.{i:06d} is missing")
        _load_segment(index, blob)
    _load_clusterer(index.clusterer, "st", header["stories"], arrays, get)
    _load_clusterer(index.lines, "ln", header["lines"], arrays, get)
    index.line_of = dict(header["line_of"])
    index.saved_segments, index.saved_articles = header["segments"], len(index.articles)
    index.near = NearDuplicates(_saved_near(get, header["segments"]), len(index.articles))
    cl = index.clusterer
    for rec in index.articles.values():  # segments keep the story an article first joined
        if rec.story in cl.merged:
            rec.story = cl._resolve(rec.story)
    return index


def dump_index(index: StoryIndex) -> bytes:
    """Every part of ``index`` packed into one blob."""
    parts = dump_parts(index, full=True)
    return _npz(sorted(parts), {name: np.frombuffer(b, dtype=np.uint8)
                                for name, b in parts.items()})


def load_index(cls: type[StoryIndex], blob: bytes, **kw: Any) -> StoryIndex:
    """Rebuild an index from ``dump_index`` output."""
    names, arrays = _unnpz(blob, "blob")
    if not isinstance(names, list):
        raise StoreError("story index blob is unreadable: no part list")
    return load_parts(cls, lambda name: arrays[name].tobytes() if name in arrays else None,
                      **kw)
