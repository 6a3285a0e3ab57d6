"""Attributions: claims the article puts on someone else, with the chain of relays.

Every relation counts: 'according to X', 'X told Reuters', 'Reuters reported', 'citing
...', 'a source said', and beliefs or intents ('officials believe ...'). ``via`` lists the
sources the claim passed through, outermost first: in '7Dnews, citing Reuters, said
officials said ...', the officials' claim has ``via`` [7Dnews, Reuters].
"""

from __future__ import annotations

from typing import Any

from rashomon.enrich.nlp import Body, to_span
from rashomon.enrich.relations import Relation
from rashomon.model import Article


def attributions_json(
    rels: list[Relation], who_said: list[str | None], article: Article, body: Body
) -> list[dict[str, Any]]:
    """JSON shape: ``{source, speaker, cue, cue_lemma, content, parts, via, nested}``;
    ``who_said`` is the ``speakers`` of ``rels``."""
    out = []
    for rel, who in zip(rels, who_said, strict=True):
        parts = [to_span(article, body, s, e) for s, e in rel.content]
        out.append(
            {
                "source": to_span(article, body, *rel.source) if rel.source else None,
                "speaker": who,
                "cue": to_span(article, body, *rel.cue),
                "cue_lemma": rel.lemma,
                "content": parts[0],
                "parts": parts,
                "via": [to_span(article, body, s, e) for s, e in rel.via],
                "nested": rel.parent is not None,
            }
        )
    return out
