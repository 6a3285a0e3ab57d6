"""Saving and loading a StoryIndex: one uncompressed ``.npz`` blob, no pickle.

Numeric state (document frequencies, story sums, embeddings, near-duplicate signatures)
goes in flat arrays; the rest (article records, story members, merges) in one JSON header.
Loading never executes anything from the blob.
"""

from __future__ import annotations

import io
import json
from collections import Counter
from typing import TYPE_CHECKING, Any

import numpy as np

from rashomon.errors import StoreError
from rashomon.stories.cluster import Clusterer, StoryState
from rashomon.stories.features import Sparse
from rashomon.stories.postings import Postings

if TYPE_CHECKING:
    from rashomon.stories.index import StoryIndex

#: blob layout version; a blob of another version is refused rather than misread
FORMAT = 5


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


def dump_clusterer(cl: Clusterer, prefix: str) -> tuple[dict[str, Any], dict[str, np.ndarray]]:
    """Header entries and arrays of a clusterer's state, names under ``prefix``.

    Rows are kept as they are (stories merged away keep their row, so postings need no
    rewriting); dense rows are not saved but recomputed from the sums on load.
    """
    stories = [cl.stories[s] for s in cl.by_row if s in cl.stories]
    header: dict[str, Any] = {
        "rows": cl.by_row,
        "stories": [[st.id, st.members, st.first, st.last, dict(st.outlets)] for st in stories],
        "merged": cl.merged,
    }
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
    for name, postings in (("post", cl.postings), ("pund", cl.postings_undated)):
        arrays[name + "_key"], arrays[name + "_len"], arrays[name + "_row"] = postings.arrays()
    return header, {prefix + k: v for k, v in arrays.items()}


def load_clusterer(
    cl: Clusterer, prefix: str, header: dict[str, Any], arrays: dict[str, np.ndarray]
) -> None:
    """Fill an empty clusterer from ``dump_clusterer`` output."""
    a = {k[len(prefix) :]: v for k, v in arrays.items() if k.startswith(prefix)}
    lex = _unflat(a["lex_len"], a["lex_key"], a["lex_val"])
    names = _unflat(a["names_len"], a["names_key"], a["names_val"])
    emb = a["emb"] if cl.emb_dim else None
    stories = []
    for i, (row, (sid, members, first, last, outlets)) in enumerate(
        zip(a["row"].tolist(), header["stories"], strict=True)
    ):
        vec = emb[i] if emb is not None and a["emb_set"][i] else None
        stories.append(StoryState(sid, row, members, lex[i], names[i], vec, first, last,
                                  Counter(outlets)))
    cl.restore(header["rows"], stories)
    cl.merged = dict(header["merged"])
    cl.postings = Postings(a["post_key"], a["post_len"], a["post_row"])
    cl.postings_undated = Postings(a["pund_key"], a["pund_len"], a["pund_row"])


def dump_index(index: StoryIndex) -> bytes:
    """Serialise ``index``."""
    nz = np.flatnonzero(index.df.df).astype(np.int32)
    story_header, arrays = dump_clusterer(index.clusterer, "st_")
    line_header, line_arrays = dump_clusterer(index.lines, "ln_")
    arrays.update(line_arrays)
    header: dict[str, Any] = {
        "format": FORMAT,
        "emb_dim": index.clusterer.emb_dim,
        "n_docs": index.df.n_docs,
        "articles": [
            [aid, r.story, r.day, r.published, r.outlet, r.title]
            for aid, r in index.articles.items()
        ],
        "stories": story_header,
        "lines": line_header,
        "line_of": index.line_of,
        "near_ids": index.near.ids,
    }
    arrays["df_idx"], arrays["df_val"] = nz, index.df.df[nz]
    arrays.update(index.syndication_state())
    arrays["header"] = np.frombuffer(json.dumps(header).encode("utf-8"), dtype=np.uint8)
    buf = io.BytesIO()
    np.savez(buf, **arrays)
    return buf.getvalue()


def load_index(cls: type[StoryIndex], blob: bytes, **kw: Any) -> StoryIndex:
    """Rebuild an index from ``dump_index`` output."""
    from rashomon.stories.index import ArticleRec

    try:
        z = np.load(io.BytesIO(blob), allow_pickle=False)
        arrays = {k: z[k] for k in z.files}
        header = json.loads(arrays.pop("header").tobytes().decode("utf-8"))
    except (ValueError, OSError, KeyError) as exc:
        raise StoreError(f"story index blob is unreadable: {exc}") from exc
    if header.get("format") != FORMAT:
        raise StoreError(f"story index blob has format {header.get('format')}, need {FORMAT}")
    index = cls(**kw)
    if header["emb_dim"] != index.clusterer.emb_dim:
        raise StoreError("story index blob was made with another embedding model")
    index.df.df[arrays["df_idx"]] = arrays["df_val"]
    index.df.n_docs = header["n_docs"]
    for aid, story, day, published, outlet, title in header["articles"]:
        index.articles[aid] = ArticleRec(story, day, published, outlet, title)
    load_clusterer(index.clusterer, "st_", header["stories"], arrays)
    load_clusterer(index.lines, "ln_", header["lines"], arrays)
    index.line_of = dict(header["line_of"])
    index.load_syndication_state(arrays, header["near_ids"])
    return index
