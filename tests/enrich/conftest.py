"""Shared helpers for enrichment tests: hand-written articles."""

from __future__ import annotations

import pytest

from rashomon.model import Article, Comment, Span


def build_article(
    paras: list[str],
    *,
    comment: str | None = None,
    published: str = "2019-12-24",
    art_id: str = "a1",
    header: str = "Site menu | Login",
) -> Article:
    """An article whose body paragraphs sit in a page text between chrome and comments."""
    text = header + "\n\n" + "\n\n".join(paras)
    comments = []
    if comment:
        start = len(text) + 2
        text += "\n\n" + comment
        comments.append(Comment(comment, start, start + len(comment)))
    spans, cursor = [], 0
    for para in paras:
        i = text.index(para, cursor)
        spans.append(Span(para, i, i + len(para)))
        cursor = i + len(para)
    return Article(
        id=art_id,
        source="test",
        source_id=art_id,
        text=text,
        body=list(paras),
        body_spans=spans,
        comments=comments,
        published=published,
    )


@pytest.fixture(scope="session")
def nlp():
    from rashomon.enrich.nlp import load

    return load()


@pytest.fixture(scope="session")
def make_article():
    """The article builder, as a fixture."""
    return build_article
