"""Quotes signed by the clause after them, whatever its verb.

'"Go home," read one banner.' and '"Thank you," he mouthed.' attribute the quote through a
verb no cue list holds: the frame itself says so. A quoted passage whose last word is
followed by a comma, '?' or '!' inside the closing mark, then by a short clause of a
speaker and a finite verb in either order, with nothing after the verb but an adverb, a
preposition or the end of the sentence, is that speaker's quote with that verb as its cue.
"""

from __future__ import annotations

from typing import Any

from rashomon.enrich.tokens import CLOSE_QUOTES, Range, Relation, text_of

#: marks that end a quoted passage handed to the clause after it
HANDOFF = frozenset(",?!")
#: finite verb tags (past, present third person, present other); a verb before its
#: speaker may also be tagged as a base form ('"A," read one sign': the parser reads an
#: imperative), so the inverted order takes VB too
FINITE = frozenset({"VBD", "VBZ", "VBP"})
INVERTED = FINITE | {"VB"}
#: words of a speaker phrase ('one banner', 'the tall man', 'Donald Hartley of Ohio')
SPEAKER_POS = frozenset({"DET", "ADJ", "NUM", "PROPN", "NOUN", "PRON"})
#: a speaker phrase is short: a name with a title or a determiner, adjective and noun
MAX_SPEAKER = 5
#: what may follow the verb of the signing clause: its end, an adverb ('said softly') or a
#: prepositional phrase ('mouthed to the crowd'); an object would make it a clause of its own
AFTER_VERB_POS = frozenset({"PUNCT", "ADV", "ADP", "PART"})
#: dependents that give the verb a complement of its own (the quote's own clause, often
#: parsed as the verb's ccomp, and the speaker, parsed as an object after 'read', aside)
OWN_OBJECTS = frozenset({"dobj", "ccomp", "xcomp", "attr", "acomp", "dative"})
#: entity types that are no speaker ('"A," opened Friday')
NOT_SPEAKERS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"})


def _hands_off(text: str, reg: Range) -> bool:
    """Whether the passage ends with a comma, '?' or '!' inside its closing mark."""
    inner = text[reg[0] : reg[1]].rstrip().rstrip(CLOSE_QUOTES + "\"'")
    return bool(inner) and inner[-1] in HANDOFF


def _phrase_end(doc: Any, start: int, limit: int) -> int:
    """End of the run of speaker words from token ``start`` on (at most ``MAX_SPEAKER``)."""
    end = start
    while end < limit and end - start < MAX_SPEAKER and doc[end].pos_ in SPEAKER_POS:
        end += 1
    return end


def _speaker(doc: Any, start: int, end: int, verb: Any) -> Any | None:
    """The head of the speaker phrase ``doc[start:end]`` when it hangs on ``verb``."""
    if end == start:
        return None
    head = doc[start:end].root
    if head.head.i != verb.i or head.pos_ not in {"PROPN", "NOUN", "PRON"}:
        return None
    if head.ent_type_ in NOT_SPEAKERS or head.like_num:
        return None
    return head


def _ends_clause(doc: Any, i: int) -> bool:
    return i >= len(doc) or doc[i].pos_ in AFTER_VERB_POS or doc[i].is_sent_start


def signed_quote(doc: Any, reg: Range, first: int) -> Relation | None:
    """The relation of the clause signing the quote ``reg``, whose next token is ``first``."""
    if first >= len(doc) or not _hands_off(text_of(doc), reg):
        return None
    tok = doc[first]
    if tok.tag_ in INVERTED and tok.pos_ in {"VERB", "AUX"}:  # '"A," read one banner.'
        verb = tok
        source = (first + 1, _phrase_end(doc, first + 1, len(doc)))
    else:  # '"A," he mouthed.'
        source = (first, _phrase_end(doc, first, len(doc)))
        if source[1] >= len(doc) or doc[source[1]].tag_ not in FINITE:
            return None
        verb = doc[source[1]]
        if verb.pos_ != "VERB":
            return None
    speaker = _speaker(doc, *source, verb)
    after = source[1] if verb.i < source[0] else verb.i + 1
    if speaker is None or not _ends_clause(doc, after):
        return None
    for child in verb.children:  # an object of its own: '"A?" I had prepared a statement'
        inside = reg[0] <= child.idx < reg[1]
        if child.dep_ in OWN_OBJECTS and not inside and child.i != speaker.i:
            return None
    src_start, src_end = doc[source[0]].idx, doc[source[1] - 1].idx + len(doc[source[1] - 1])
    return Relation(
        (verb.idx, verb.idx + len(verb)),
        [reg],
        (src_start, src_end),
        verb.lemma_.lower(),
        verb.i,
        speaker.i,
        kind="direct",
    )
