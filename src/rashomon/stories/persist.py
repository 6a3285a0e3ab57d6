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
from rashomon.stories.features import Sparse

if TYPE_CHECKING:
    from rashomon.stories.index import StoryIndex

FORMAT = 1


def _flat(vecs: list[Sparse]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    lens = np.array([len(v) for v in vecs], dtype=np.int64)
    keys = np.concatenate([v.k for v in vecs]).astype(np.int32) if vecs else np.zeros(0, np.int32)
    vals = np.concatenate([v.v for v in vecs]).astype(np.float32) if vecs else np.zeros(0)
    return lens, keys, vals.astype(np.float32)


def _unflat(lens: np.ndarray, keys: np.ndarray, vals: np.ndarray) -> list[Sparse]:
    out = []
    ends = np.cumsum(lens)
    starts = ends - lens
    for s, e in zip(starts.tolist(), ends.tolist(), strict=True):
        out.append(Sparse(keys[s:e].astype(np.int64), vals[s:e].copy()))
    return out


def dump_index(index: StoryIndex) -> bytes:
    """Serialise ``index``."""
    cl = index.clusterer
    stories = [cl.stories[s] for s in cl.by_row if s is not None and s in cl.stories]
    nz = np.flatnonzero(index.df.df).astype(np.int32)
    header: dict[str, Any] = {
        "format": FORMAT,
        "emb_dim": cl.emb_dim,
        "n_docs": index.df.n_docs,
        "articles": [
            [aid, r.story, r.day, r.published, r.outlet, r.title]
            for aid, r in index.articles.items()
        ],
        "stories": [[st.id, st.members, st.first, st.last, dict(st.outlets)] for st in stories],
        "merged": cl.merged,
        "near_ids": index.near.ids,
    }
    arrays: dict[str, np.ndarray] = {"df_idx": nz, "df_val": index.df.df[nz]}
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
    cl = index.clusterer
    if header["emb_dim"] != cl.emb_dim:
        raise StoreError("story index blob was made with another embedding model")
    index.df.df[arrays["df_idx"]] = arrays["df_val"]
    index.df.n_docs = header["n_docs"]
    for aid, story, day, published, outlet, title in header["articles"]:
        index.articles[aid] = ArticleRec(story, day, published, outlet, title)
    lex = _unflat(arrays["lex_len"], arrays["lex_key"], arrays["lex_val"])
    names = _unflat(arrays["names_len"], arrays["names_key"], arrays["names_val"])
    for i, (sid, members, first, last, outlets) in enumerate(header["stories"]):
        st = cl._open(sid)
        st.members, st.first, st.last = list(members), first, last
        st.outlets = Counter(outlets)
        st.lex, st.names = lex[i], names[i]
        if cl.emb_dim and arrays["emb_set"][i]:
            st.emb = arrays["emb"][i].copy()
        cl._refresh_row(st)
    cl.merged = dict(header["merged"])
    index.load_syndication_state(arrays, header["near_ids"])
    return index
