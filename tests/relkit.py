"""Attribution relations of a sentence as plain text triples, for enrichment tests."""

from __future__ import annotations

from typing import Any

from rashomon.enrich.relations import find_relations


def triples(nlp: Any, text: str, *, outer: bool = False) -> list[tuple]:
    """(cue, source or None, content pieces) of every relation in ``text``; ``outer``
    leaves out relations nested in another's content."""
    doc = nlp(text)
    return [
        (
            doc.text[slice(*r.cue)],
            doc.text[slice(*r.source)] if r.source else None,
            [doc.text[slice(*c)] for c in r.content],
        )
        for r in find_relations(doc)
        if not (outer and r.parent is not None)
    ]


def rels(nlp: Any, text: str) -> list[tuple]:
    """(cue, content pieces) of every relation in ``text``."""
    return [(cue, content) for cue, _, content in triples(nlp, text)]


def sources(nlp: Any, text: str) -> dict[str, str | None]:
    """Each relation's cue with its source (or None)."""
    return {cue: source for cue, source, _ in triples(nlp, text)}
