"""Static sentence embeddings: a model2vec table distilled from all-MiniLM-L6-v2.

A text's vector is the mean of its tokens' rows, L2-normalised. Only numpy and tokenizers
are needed (no torch; the ``.safetensors`` table is read with numpy); the same text always
gets the same vector, whatever it is batched with. The table and its licence are in
``data/minilm-static``.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

import numpy as np

from rashomon.model import Article

log = logging.getLogger(__name__)

MODEL_DIR = Path(__file__).parent / "data" / "minilm-static"
NAME = "rashomon.embed.minilm-static.v1"

#: Characters of an article embedded: the headline and lead say what happened; mean
#: pooling over a long tail of background blurs that (1,200 characters is ~250 tokens).
EMBED_CHARS = 1200
#: Token cap per text, as in the source model.
MAX_TOKENS = 512
#: Chunks tokenised at once (bounds the tokenizer's memory), and the most chunk -> ids
#: entries cached (~100 MB at most; the cache never changes a vector)
CHUNK = 1024
CACHE_MAX = 400_000


_DTYPES = {
    "F16": np.float16,
    "F32": np.float32,
    "F64": np.float64,
    "I32": np.int32,
    "I64": np.int64,
    "U8": np.uint8,
    "I8": np.int8,
}


def read_safetensors(path: Path) -> dict[str, np.ndarray]:
    """Tensors of a ``.safetensors`` file (8-byte little-endian header size, JSON header,
    raw little-endian data), read with numpy alone."""
    raw = path.read_bytes()
    size = int.from_bytes(raw[:8], "little")
    header = json.loads(raw[8 : 8 + size])
    out = {}
    for name, info in header.items():
        if name == "__metadata__":
            continue
        start, end = info["data_offsets"]
        dtype = np.dtype(_DTYPES[info["dtype"]]).newbyteorder("<")
        data = np.frombuffer(
            raw, dtype=dtype, count=(end - start) // dtype.itemsize, offset=8 + size + start
        )
        out[name] = data.reshape(info["shape"])
    return out


class StaticEmbedder:
    """Mean-pooled static token embeddings."""

    name = NAME

    def __init__(self, path: Path = MODEL_DIR) -> None:
        from tokenizers import Tokenizer

        self.table = read_safetensors(path / "model.safetensors")["embeddings"].astype(np.float32)
        self.dim = int(self.table.shape[1])
        self.tokenizer = Tokenizer.from_file(str(path / "tokenizer.json"))
        self.tokenizer.no_padding()
        self.tokenizer.enable_truncation(MAX_TOKENS)
        config = json.loads((path / "config.json").read_text())
        self.normalize = bool(config.get("normalize", True))
        self.unk = self.tokenizer.token_to_id("[UNK]")
        self._chunks: dict[str, list[int]] = {}

    def embed(self, texts: list[str]) -> np.ndarray:
        """Unit vectors of ``texts`` (zero vectors for texts without known tokens).

        The tokenizer splits on whitespace before anything else, so each whitespace-
        separated chunk is tokenised once and its token ids cached: the same ids as
        tokenising whole texts, several times faster on a news stream.
        """
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        cache = self._chunks
        for i, text in enumerate(texts):
            chunks = text.split()
            miss = sorted({c for c in chunks if c not in cache})
            for start in range(0, len(miss), CHUNK):
                part = miss[start : start + CHUNK]
                encs = self.tokenizer.encode_batch(part, add_special_tokens=False)
                for chunk, enc in zip(part, encs, strict=True):
                    cache[chunk] = [t for t in enc.ids if t != self.unk]
            ids = [t for c in chunks for t in cache[c]][:MAX_TOKENS]
            if ids:
                out[i] = self.table[ids].mean(axis=0)
            if len(cache) > CACHE_MAX:
                cache.clear()
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        np.divide(out, norms, out=out, where=norms > 0)
        return out

    def embed_articles(self, articles: Iterable[Article]) -> np.ndarray:
        """Unit vectors of articles: headline and the start of the body."""
        texts = []
        for a in articles:
            body = "\n".join(p for p in a.body if p) or a.text or ""
            texts.append(((a.title or "") + "\n" + body[:EMBED_CHARS]).strip())
        return self.embed(texts)


@lru_cache(maxsize=1)
def load_default() -> StaticEmbedder | None:
    """The shipped embedder, or None (logged) when its files are missing or unreadable."""
    try:
        return StaticEmbedder()
    except (OSError, KeyError, ValueError, ImportError) as exc:
        log.warning("story embeddings unavailable, clustering on TF-IDF and names: %s", exc)
        return None
