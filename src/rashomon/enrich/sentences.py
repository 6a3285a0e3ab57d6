"""Sentences of the article body, as spans of the page text."""

from __future__ import annotations

from typing import Any

from rashomon.enrich.nlp import Body, to_span
from rashomon.model import Article


def sentences(doc: Any, article: Article, body: Body) -> list[dict[str, Any]]:
    """Every non-blank sentence of ``doc`` as ``{text, start, end}`` in ``article.text``."""
    out = []
    for sent in doc.sents:
        toks = [t for t in sent if not t.is_space]
        if not toks:
            continue
        out.append(to_span(article, body, toks[0].idx, toks[-1].idx + len(toks[-1].text)))
    return out
