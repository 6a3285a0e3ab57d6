"""Quotes: what was said, by whom, with which cue; direct, indirect or mixed.

A quote is an attribution relation (``relations``) whose cue is a verb of speech, or whose
content is in quotation marks. The speaker is the entity the source names, the speaker a
pronoun points back to, or the source's own words for unnamed speakers ('a senior rebel
commander'). A pronoun goes to the speaker of a report in its own or the previous sentence
when that speaker fits it ('The security source said ... He said ...'), else to the last
fitting actor mentioned before it.
"""

from __future__ import annotations

from typing import Any

from rashomon.enrich import cues
from rashomon.enrich.entities import Entity, speaker_of
from rashomon.enrich.nlp import Body, to_span
from rashomon.enrich.relations import Relation, text_of
from rashomon.enrich.tokens import source_range
from rashomon.model import Article


def is_quote(rel: Relation) -> bool:
    """Whether a relation reports speech."""
    return rel.lemma in cues.SPEECH or rel.kind != "indirect"


#: relative pronouns that stand for the noun before them: 'a commander, who said ...'.
RELATIVES = frozenset({"who", "that", "which", "whom"})
#: marks trimmed from the ends of a speaker's description: 'Jane Roe, the mayor,'.
EDGE_MARKS = " ,;:—–-"


def antecedent(tok: Any) -> Any | None:
    """The noun a relative pronoun stands for ('a commander, who said': 'commander')."""
    if tok.lower_ in RELATIVES and tok.head.dep_ == "relcl" and tok.head.head is not tok.head:
        return tok.head.head
    return None


def _description(noun: Any) -> str:
    """A noun phrase's words without its relative clauses: 'A senior rebel commander'."""
    clauses = {t.i for c in noun.children if c.dep_ == "relcl" for t in c.subtree}
    rng = source_range(noun, clauses)
    return _words(noun.doc, rng) if rng is not None else noun.text


def _words(doc: Any, rng: tuple[int, int]) -> str:
    """The text of a character range, without the commas or dashes round its ends."""
    return text_of(doc)[rng[0] : rng[1]].strip(EDGE_MARKS)


#: third-person pronouns that may stand for the speaker of the report just before, and
#: whether each stands for one person (True), a group (False) or either (None)
BACK_PRONOUNS = {"he": True, "she": True, "they": False, "it": None}
_PLURAL_TAGS = frozenset({"NNS", "NNPS"})


def _fits(pronoun: str, head: Any, found: str | None, ents: list[Entity]) -> bool:
    """Whether a pronoun may stand for a speaker (``found``, its source head ``head``)."""
    kind = next((e.kind for e in ents if e.id == found), None)
    one = BACK_PRONOUNS[pronoun]
    if kind == "person" or head.lower_ in ("he", "she"):
        return one is True
    if kind is not None or head.lower_ in ("they", "it"):
        return one is not True  # 'Reuters said ... It added', 'Turkey said ... They added'
    plural = head.tag_ in _PLURAL_TAGS
    return (one is False) == plural if one is not None else not plural


def speakers(rels: list[Relation], doc: Any, ents: list[Entity]) -> list[str | None]:
    """``speaker`` of every relation, pronouns read against the reports before them."""
    out: list[str | None] = [None] * len(rels)
    said: list[tuple[int, Any, str]] = []  # (sentence start, source head, speaker) in order
    for i in sorted(range(len(rels)), key=lambda k: rels[k].cue_token):
        rel = rels[i]
        found = None
        if rel.source_token is not None:
            head = doc[rel.source_token]
            if head.lower_ in BACK_PRONOUNS and antecedent(head) is None:
                found = _said_before(head, said, ents)
        out[i] = found if found is not None else speaker(rel, doc, ents)
        if out[i] is not None and rel.parent is None:
            said.append((doc[rel.cue_token].sent.start, doc[rel.source_token], out[i]))
    return out


def _said_before(pronoun: Any, said: list[tuple[int, Any, str]], ents: list[Entity]) -> str | None:
    """The latest speaker in the pronoun's sentence or the one before that fits it."""
    sent = pronoun.sent
    window = {sent.start, pronoun.doc[sent.start - 1].sent.start if sent.start else sent.start}
    for start, head, found in reversed(said):
        if start not in window or head.i >= pronoun.i:
            if start < min(window):
                break
            continue
        if _fits(pronoun.lower_, head, found, ents):
            return found
    return None


def speaker(rel: Relation, doc: Any, ents: list[Entity]) -> str | None:
    """Entity id of the relation's source, else the source's own words (a relative pronoun
    read as the noun it stands for, edge commas trimmed), else None."""
    if rel.source_token is None:
        return None
    head = doc[rel.source_token]
    noun = antecedent(head)
    if noun is not None:
        found = speaker_of(noun, ents)
        return found if found is not None else _description(noun)
    found = speaker_of(head, ents)
    if found is not None:
        return found
    for child in head.children:  # 'a spokesman for the NLF, Captain Naji Mustafa'
        if child.dep_ == "appos":
            found = speaker_of(child, ents)
            if found is not None and any(e.id == found and e.kind == "person" for e in ents):
                return found
    if rel.source is None:
        return None
    return _words(doc, rel.source) or None


def quotes_json(
    rels: list[Relation], who_said: list[str | None], article: Article, body: Body
) -> list[dict[str, Any]]:
    """JSON shape: ``{kind, source, speaker, cue, content, parts}``; ``who_said`` is the
    ``speakers`` of ``rels``."""
    out = []
    for rel, who in zip(rels, who_said, strict=True):
        if not is_quote(rel):
            continue
        parts = [to_span(article, body, s, e) for s, e in rel.content]
        out.append(
            {
                "kind": rel.kind,
                "source": to_span(article, body, *rel.source) if rel.source else None,
                "speaker": who,
                "cue": to_span(article, body, *rel.cue),
                "content": parts[0],
                "parts": parts,
            }
        )
    return out
