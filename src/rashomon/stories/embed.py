"""Static sentence embeddings: a model2vec table distilled from all-MiniLM-L6-v2.

A text's vector is the mean of its tokens' rows, L2-normalised. Only numpy, safetensors
and tokenizers are needed (no torch); the same text always gets the same vector, whatever
it is batched with. The table and its licence are in ``data/minilm-static``.
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
#: Texts tokenised at once: the tokenizer's encodings (ids, offsets, masks) of a whole
#: corpus would take gigabytes; vectors do not depend on the chunking.
CHUNK = 256


class StaticEmbedder:
    """Mean-pooled static token embeddings."""

    name = NAME

    def __init__(self, path: Path = MODEL_DIR) -> None:
        from safetensors.numpy import load_file
        from tokenizers import Tokenizer

        self.table = load_file(str(path / "model.safetensors"))["embeddings"].astype(np.float32)
        self.dim = int(self.table.shape[1])
        self.tokenizer = Tokenizer.from_file(str(path / "tokenizer.json"))
        self.tokenizer.no_padding()
        self.tokenizer.enable_truncation(MAX_TOKENS)
        config = json.loads((path / "config.json").read_text())
        self.normalize = bool(config.get("normalize", True))
        self.unk = self.tokenizer.token_to_id("[UNK]")

    def embed(self, texts: list[str]) -> np.ndarray:
        """Unit vectors of ``texts`` (zero vectors for texts without known tokens)."""
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for start in range(0, len(texts), CHUNK):
            chunk = texts[start : start + CHUNK]
            encs = self.tokenizer.encode_batch(chunk, add_special_tokens=False)
            for i, enc in enumerate(encs, start):
                ids = [t for t in enc.ids if t != self.unk]
                if ids:
                    out[i] = self.table[ids].mean(axis=0)
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
