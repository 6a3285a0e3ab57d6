"""Cue frames: how each kind of cue takes its content and its source.

A cue is a reporting verb from ``cues`` (with its clausal, infinitive, object or
prepositional complement, or the clause it interrupts: 'the plan, he said, is dead'),
'according to', 'citing', a noun of speech ('his claim that ...'), a stance adjective
('was clear about ...'), 'In a poll, ...', or a colon ('Name: ...', see ``colons``).
``relation_at`` tries them on one token; ``complements`` finds what a cue verb reports.
"""

from __future__ import annotations

from typing import Any

from rashomon.enrich import cues
from rashomon.enrich.colons import colon_relation
from rashomon.enrich.complements import frame_of, without_according, without_trailing_aside
from rashomon.enrich.misparsed import agent_participle, headline_verb, modifier_verb
from rashomon.enrich.tokens import (
    SUBJECTS,
    VERBS,
    Relation,
    holds_views,
    ranges_of,
    source_range,
    subject_of,
)


def _according(tok: Any) -> Relation | None:
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    if nxt is None or nxt.lower_ != "to":
        return None
    pobj = next((c for c in nxt.children if c.dep_ == "pobj"), None)
    if pobj is None:
        return None
    src = source_range(pobj, set())
    head = tok.head
    while head.dep_ not in ("ROOT", "ccomp", "conj", "advcl", "relcl") and head.head is not head:
        head = head.head
    mine = {t.i for t in tok.subtree} | {tok.i, nxt.i}
    content = ranges_of([t for t in head.subtree if t.i not in mine])
    if not content:
        return None
    return Relation((tok.idx, nxt.idx + len(nxt.text)), content, src, "according to", tok.i, pobj.i)


def _verb_relation(tok: Any) -> Relation | None:
    lemma = tok.lemma_.lower()
    obj = None
    if lemma in cues.CITING:
        obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
        if obj is None:
            return None
    head = tok.head
    head_frame = (
        frame_of(head, head.lemma_.lower())
        if obj is not None
        and _can_be_cited(obj)
        and tok.dep_ in ("advcl", "xcomp", "acl")
        and head.pos_ in ("VERB", "AUX")
        else None
    )
    content = ranges_of(head_frame.tokens) if head_frame else []
    if content:  # 'X, citing Y, reported that ...': Y is the source, X the relay
        head_subj = subject_of(head)
        relay = (
            source_range(head_subj, {t.i for t in tok.subtree}) if head_subj is not None else None
        )
        return Relation(
            (tok.idx, tok.idx + len(tok.text)),
            content,
            source_range(obj, set()),  # type: ignore[union-attr]
            lemma,
            tok.i,
            obj.i,  # type: ignore[union-attr]
            relay=relay,
        )
    frame = frame_of(tok, lemma)
    if frame is None or not frame.tokens:
        return None
    toks = without_trailing_aside(without_according(frame.tokens))
    content_ids = {t.i for t in toks}
    subj = None if frame.subject_in_content else subject_of(tok)
    if subj is not None and subj.i in content_ids:  # '"..., it will," said Jane Roe'
        subj = next(
            (c for c in tok.children if c.dep_ in SUBJECTS and c.i not in content_ids), subj
        )
    if (
        frame.subject_in_content
        or subj is not None
        and subj.dep_ == "nsubjpass"
        and subj.head.i == tok.i
        or _bare_participle(tok, subj)
    ):
        # 'X is expected by analysts to ...', 'he was told by aides that ...', 'Asked
        # about X, she ...': the agent speaks; a passive subject is the addressee or the
        # topic, not the source
        agent = next((c for c in tok.children if c.dep_ == "agent"), None)
        subj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None
    source = None
    if subj is not None and subj.i not in content_ids:
        mine = {tok.i}
        if subj.is_ancestor(tok):  # 'the only senator to endorse him': not 'senator to'
            mine = {t.i for t in tok.subtree}
        source = source_range(subj, content_ids | mine)
    if source is None and lemma in cues.SPEECH:
        named = _name_before(tok, content_ids)
        if named:
            source, subj = ranges_of(named)[0], named[-1]
    cue_end = tok
    for child in tok.children:  # particles: 'pointed out', 'called for'
        if child.dep_ == "prt" and child.i == tok.i + 1:
            cue_end = child
    if frame.cue_extra is not None and frame.cue_extra.i <= tok.i + 3:
        cue_end = frame.cue_extra
    cue_start = tok
    for child in tok.children:  # auxiliaries and negation right before the verb: 'has said'
        if (
            child.dep_ in ("aux", "auxpass", "neg")
            and child.i < tok.i
            and child.i >= cue_start.i - 2
        ):
            cue_start = min(cue_start, child, key=lambda t: t.i)
    relay = None
    if lemma == "tell":
        for child in tok.children:
            if (
                child.dep_ in ("dobj", "dative")
                and child.i not in content_ids
                and cues.is_outlet(" ".join(t.text for t in child.subtree))
            ):
                relay = source_range(child, content_ids)
    return Relation(
        (cue_start.idx, cue_end.idx + len(cue_end.text)),
        ranges_of(toks),
        source,
        lemma,
        tok.i,
        subj.i if source else None,
        relay=relay,
    )


def _bare_participle(verb: Any, subj: Any | None) -> bool:
    """Whether a past participle with no subject or auxiliary of its own borrows its
    subject from the clause it modifies ('Asked about the vote, she ...')."""
    return (
        verb.tag_ == "VBN"
        and subj is not None
        and subj.head.i != verb.i
        and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)
    )


def _can_be_cited(obj: Any) -> bool:
    """Whether the object of 'citing' is a source (a person, group, outlet or document)
    rather than the evidence cited ('said prices rose, citing the drought')."""
    return holds_views(obj) or obj.lemma_.lower() in cues.SOURCE_DOCS or obj.pos_ == "PROPN"


#: longest speaker name read between a quote and its verb when the parse gives none.
MAX_NAME_BEFORE = 8


def _name_before(verb: Any, content_ids: set[int]) -> list[Any]:
    """'"...," Texas delegate Jane Roe, in a red hat, said': the words between a content
    and its speech verb, up to a comma, name the speaker when the parse found no subject."""
    before = [i for i in content_ids if i < verb.i]
    if not before:
        return []
    run: list[Any] = []
    for t in verb.doc[max(before) + 1 : verb.i]:
        if t.text == "," and run or t.pos_ in VERBS and not t.is_title:
            break
        if not (t.is_punct or t.is_space):
            run.append(t)
    if not run or len(run) > MAX_NAME_BEFORE or run[-1].pos_ not in ("PROPN", "NOUN", "PRON"):
        return []
    return run if ranges_of(run) else []


def _copula(verb: Any) -> Relation | None:
    """'His answer was that ...', 'The key question is whether ...'."""
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None or subj.lemma_.lower() not in cues.COPULA_NOUNS:
        return None
    comp = next((c for c in verb.children if c.dep_ in ("ccomp", "attr") and c.i > verb.i), None)
    if comp is None or (comp.dep_ == "attr" and comp.pos_ not in ("VERB", "AUX")):
        if comp is None or not any(t.dep_ == "mark" for t in comp.subtree):
            return None
    poss = next((c for c in subj.children if c.dep_ == "poss"), None)
    content = ranges_of(list(comp.subtree))
    src = source_range(poss, {t.i for t in comp.subtree}) if poss is not None else None
    start = subj.left_edge if poss is None else subj
    cue_start = min(start.i, subj.i) if poss is None else subj.i
    doc = verb.doc
    return Relation(
        (doc[cue_start].idx, verb.idx + len(verb.text)),
        content,
        src,
        subj.lemma_.lower(),
        verb.i,
        poss.i if src else None,
    )


#: nouns that make a fixed phrase after 'in' rather than name a claim.
IN_PHRASES = frozenset({"order", "response", "reply", "reference"})


def _noun(noun: Any) -> Relation | None:
    """'his claim that ...', 'Trump's criticism of Bush', 'a demand by Pelosi that ...'."""
    if noun.i > 0 and noun.doc[noun.i - 1].lower_ == "in" and noun.lower_ in IN_PHRASES:
        return None  # 'in order to ...', 'in response to the storm'
    content: list[Any] = []
    source = None
    cue_end = noun
    for child in noun.children:
        if (
            child.dep_ in ("acl", "ccomp")
            and child.i > noun.i
            and any(
                k.dep_ == "mark" and k.lower_ == "that" or k.dep_ == "aux" and k.lower_ == "to"
                for k in child.children
            )
        ):  # 'his claim that ...', 'her pledge to ...'
            content = list(child.subtree)
        elif child.dep_ == "prep" and child.i > noun.i and not content:
            if (
                child.lower_ in ("of", "for", "about", "on", "against", "to")
                and child.i == noun.i + 1
                # 'a statement to reporters': 'to' names the hearer of a speech act
                and not (child.lower_ == "to" and noun.lemma_.lower() in cues.ADDRESSED_NOUNS)
            ):
                content = [
                    t for c in child.children if c.dep_ in ("pobj", "pcomp") for t in c.subtree
                ]
                cue_end = child
            elif child.lower_ in ("by", "from"):
                source = next((c for c in child.children if c.dep_ == "pobj"), None)
        elif child.dep_ == "poss":
            source = child
    if not content:
        content = misattached_that(noun)
    if not content:
        return None
    if source is None and noun.dep_ in ("dobj", "attr") and noun.head.pos_ in VERBS:
        source = subject_of(noun.head)  # 'Trump made the claim that ...'
    elif source is None and noun.dep_ == "pobj" and noun.head.head.pos_ in VERBS:
        subj = subject_of(noun.head.head)  # 'she stood by her claim that ...'
        source = subj if subj is not None and holds_views(subj) else None
    return _noun_relation(noun, cue_end, content, source, {noun.i})


def misattached_that(noun: Any) -> list[Any]:
    """'pressing his attack that X is unfit' with the that-clause parsed as the verb's (or
    another noun's): the clause right after a cue noun is its content all the same. Not
    after 'in a statement that ...', where the clause is the verb's report."""
    doc = noun.doc
    if noun.i + 2 >= len(doc) or doc[noun.i + 1].lower_ != "that":
        return []
    mark = doc[noun.i + 1]
    if mark.dep_ not in ("mark", "advmod") or noun.dep_ == "pobj" and noun.head.lower_ == "in":
        return []
    clause = mark.head
    while clause.dep_ in ("aux", "auxpass") and clause.head.i != clause.i:
        clause = clause.head  # 'concern that he was ...' with 'that' hung on the auxiliary
    if clause.i <= mark.i or clause.head.i == noun.i or noun.is_ancestor(clause):
        return []
    return [t for t in clause.subtree if t.i >= mark.i]


def _noun_relation(
    noun: Any, cue_end: Any, content: list[Any], holder: Any | None, mine: set[int]
) -> Relation:
    """The relation of a cue noun (up to ``cue_end``) whose source is ``holder``."""
    ids = {t.i for t in content} | mine
    src = source_range(holder, ids) if holder is not None else None
    return Relation(
        (noun.idx, cue_end.idx + len(cue_end.text)),
        ranges_of(content),
        src,
        noun.lemma_.lower(),
        noun.i,
        holder.i if src else None,
    )


def _agent_noun(noun: Any) -> Relation | None:
    """'Roe is a critic of the plan', 'Roe, a supporter of the plan, ...': said of someone
    (the subject or the name it stands beside), the stance noun cues its 'of' phrase."""
    prep = next((c for c in noun.children if c.dep_ == "prep" and c.i == noun.i + 1), None)
    if prep is None or prep.lower_ not in ("of", "for"):
        return None
    content = [t for c in prep.children if c.dep_ == "pobj" for t in c.subtree]
    if noun.dep_ == "attr" and noun.head.pos_ in VERBS:
        holder = subject_of(noun.head)
    elif noun.dep_ == "appos":
        holder = noun.head
    else:
        return None  # 'supporters of the bill gathered': a group, not a claim about anyone
    if not content or holder is None:
        return None
    return _noun_relation(noun, prep, content, holder, {t.i for t in noun.subtree})


def _clausal(verb: Any) -> bool:
    """A verb outside the lexicon with a that/whether clause and a subject that can hold views."""
    ccomp = next((c for c in verb.children if c.dep_ == "ccomp"), None)
    if ccomp is None or ccomp.i < verb.i:
        return False
    if not any(c.dep_ == "mark" and c.lower_ in ("that", "whether", "if") for c in ccomp.children):
        return False
    subj = subject_of(verb)
    return subj is not None and holds_views(subj)


def _stance(adj: Any) -> Relation | None:
    """'X was clear about Y', 'X is confident that Y', 'X is ready to Y'."""
    verb = adj.head
    content: list[Any] = []
    cue_end = adj
    for child in adj.children:
        if child.dep_ in ("ccomp", "xcomp") and child.i > adj.i:
            content = list(child.subtree)
        elif child.dep_ == "prep" and child.lower_ in ("about", "of", "on", "with", "to", "that"):
            content = [t for c in child.children if c.dep_ in ("pobj", "pcomp") for t in c.subtree]
            cue_end = child
        if content:
            break
    if not content:
        return None
    subj = subject_of(verb)
    ids = {t.i for t in content}
    src = source_range(subj, ids | {verb.i}) if subj is not None else None
    start = min(verb.i, adj.i)
    return Relation(
        (verb.doc[start].idx, cue_end.idx + len(cue_end.text)),
        ranges_of(content),
        src,
        adj.lower_,
        adj.i,
        subj.i if src else None,
    )


def _in_document(prep: Any) -> Relation | None:
    """'In a statement, X said ...' is handled by the verb; 'In a poll, 71 percent ...' here."""
    pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if pobj is None or pobj.lemma_.lower() not in cues.SOURCE_DOCS:
        return None
    head = prep.head
    if head.pos_ not in ("VERB", "AUX") or head.lemma_.lower() in cues.ALL:
        return None
    if any(c.lemma_.lower() in cues.ALL for c in head.children if c.dep_ == "ccomp"):
        return None
    prep_ids = {t.i for t in prep.subtree}
    subj = subject_of(head)
    if subj is not None and holds_views(subj):
        # 'In an interview, the senator likened X to Y': the speaker, not the interview
        subj_ids = {t.i for t in subj.subtree}
        holder, cue = subj, head if head.lemma_ != "be" else pobj
        mine, not_source = prep_ids | subj_ids, prep_ids - subj_ids
    else:
        holder, cue, mine, not_source = pobj, prep, prep_ids, set()
    content = ranges_of([t for t in head.subtree if t.i not in mine])
    src = source_range(holder, not_source)
    if not content or src is None:
        return None
    return Relation((cue.idx, cue.idx + len(cue.text)), content, src, "in", cue.i, holder.i)


def relation_at(tok: Any) -> Relation | None:
    """The relation whose cue is ``tok``, if any."""
    if tok.i > 0 and tok.doc[tok.i - 1].text in ("<", "</"):
        return None  # the name of a markup tag left in the text: '<tweet author=...>'
    if tok.lower_ == "according":
        return _according(tok)
    if tok.pos_ in ("VERB", "AUX") and tok.lemma_.lower() in cues.ALL:
        if tok.dep_ in ("amod", "compound", "nmod"):  # a verb the parser hung on a noun
            rel = headline_verb(tok) or modifier_verb(tok)
            if rel is not None:
                return rel
        return _verb_relation(tok) or agent_participle(tok)
    if tok.lemma_ == "be" and tok.pos_ == "AUX":
        return _copula(tok)
    if tok.pos_ in ("NOUN", "PROPN"):
        rel = headline_verb(tok)
        if rel is not None:
            return rel
    if tok.pos_ == "NOUN" and tok.lemma_.lower() in cues.CUE_NOUNS:
        return _noun(tok)
    if tok.pos_ == "NOUN" and tok.lemma_.lower() in cues.AGENT_NOUNS:
        return _agent_noun(tok)
    if tok.pos_ == "VERB" and _clausal(tok):
        return _verb_relation(tok)
    if tok.text == ":":
        return colon_relation(tok)
    if tok.pos_ == "ADJ" and tok.dep_ == "acomp" and tok.lower_ in cues.STANCE_ADJ:
        return _stance(tok)
    if tok.lower_ == "in" and tok.dep_ == "prep":
        return _in_document(tok)
    return None
