"""Cue frames: how each kind of cue takes its content and its source.

A cue is a reporting verb from ``cues`` (with its clausal, infinitive, object or
prepositional complement, or the clause it interrupts: 'the plan, he said, is dead'),
'according to', 'citing', a noun of speech ('his claim that ...'), a stance adjective
('was clear about ...'), 'In a poll, ...', or a colon ('Name: ...', see ``colons``).
``relation_at`` tries them on one token; ``complements`` finds what a cue verb reports,
``nouns`` reads the noun cues.
"""

from __future__ import annotations

from typing import Any

from rashomon.enrich import cues
from rashomon.enrich.colons import colon_relation
from rashomon.enrich.complements import (
    frame_of,
    phrasal_preps,
    without_according,
    without_trailing_aside,
)
from rashomon.enrich.misparsed import (
    STANCE_PREPS,
    agent_participle,
    clause_noun,
    headline_verb,
    hung_on_name,
    joined_verb,
    modifier_verb,
    name_on,
    participle_modifier,
    trailing_report,
    verbless_stance,
)
from rashomon.enrich.nouns import (
    about_relation,
    agent_noun_relation,
    copula_relation,
    noun_relation,
)
from rashomon.enrich.tokens import (
    DASHES,
    QUOTE_CHARS,
    SUBJECTS,
    VERBS,
    Relation,
    holds_views,
    infinitive_on,
    main_verb_as_participle,
    opens_with_that,
    ranges_of,
    sentence_of,
    source_range,
    subject_of,
    text_of,
)


def _according(tok: Any) -> Relation | None:
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    if nxt is None or nxt.lower_ != "to":
        return None
    pobj = next((c for c in nxt.children if c.dep_ == "pobj"), None)
    if pobj is None:
        return None
    if tok.head.i == tok.i:  # 'According to X, the move reeks ...' misparsed: X swallows it
        return _according_root(tok, pobj)
    src = source_range(pobj, set())
    head = tok.head
    while head.dep_ not in ("ROOT", "ccomp", "conj", "advcl", "relcl") and head.head is not head:
        head = head.head
    mine = {t.i for t in tok.subtree} | {tok.i, nxt.i}
    content = ranges_of([t for t in head.subtree if t.i not in mine])
    if content and content[0][0] > pobj.idx and _closes_clause(tok, content[0][0]):
        content = ranges_of([t for t in sentence_of(tok) if t.i < tok.i - 1])
    if not content:
        return None
    return Relation((tok.idx, nxt.idx + len(nxt.text)), content, src, "according to", tok.i, pobj.i)


def _closes_clause(according: Any, content_start: int) -> bool:
    """Whether 'according to X' follows a comma inside its sentence and no comma closes it
    before the words after it: '..., according to an email kept secret' names the source of
    the clause before it, whatever the parse hung it on (often a verb of the words that
    describe X); '..., according to Roe, the plan failed' is an aside."""
    doc = according.doc
    i = according.i
    if i - 1 <= sentence_of(according).start or doc[i - 1].text != ",":
        return False
    return "," not in text_of(doc)[according.idx : content_start]


def _according_root(tok: Any, pobj: Any) -> Relation | None:
    """'According to X, Y' parsed with 'according' as the root and Y hung inside X: Y is
    the words after the first comma past X's head word."""
    sent = sentence_of(tok)
    comma = next((t for t in sent if t.i > pobj.i and t.text == ","), None)
    if comma is None or tok.i != sent.start:
        return None
    content = [t for t in sent if t.i > comma.i]
    while content and (content[-1].is_punct or content[-1].is_space):
        content.pop()
    if sum(t.is_alpha for t in content) < 2:
        return None
    src = source_range(pobj, {t.i for t in sent if t.i >= comma.i})
    nxt = tok.doc[tok.i + 1]
    return Relation(
        (tok.idx, nxt.idx + len(nxt.text)), ranges_of(content), src, "according to", tok.i, pobj.i
    )


#: adverbs that pass a clause on as hearsay from no one named: 'The firm is reportedly ...'
HEARSAY_ADVERBS = frozenset({"reportedly"})
#: complements (of the ``CLAUSAL`` kinds) of the adverb's verb that make a report or
#: stance of their own
HEARSAY_BLOCKERS = cues.ALL | cues.STANCE_ADJ
CLAUSAL = frozenset({"acomp", "xcomp", "ccomp", "attr"})


def _hearsay(tok: Any) -> Relation | None:
    """'The board has reportedly hired a pilot': the clause of the verb the adverb hangs on
    is the content, with no source."""
    head = tok.head
    if tok.dep_ != "advmod" or head.pos_ not in ("VERB", "AUX"):
        return None
    if head.lemma_.lower() in cues.ALL:
        return None  # 'Roe reportedly said ...': the verb reports it, with its speaker
    while head.dep_ not in ("ROOT", "ccomp", "conj", "advcl", "relcl") and head.head is not head:
        head = head.head
    if any(c.lemma_.lower() in HEARSAY_BLOCKERS for c in head.children if c.dep_ in CLAUSAL):
        return None  # 'has reportedly been critical of X': the stance has its own holder
    words = [head]
    for child in head.children:
        opener = child.i < head.i and child.dep_ not in ("nsubj", "nsubjpass", "aux", "auxpass")
        if child.i != tok.i and child.dep_ not in ("advcl", "punct") and not opener:
            words.extend(child.subtree)
    content = ranges_of(words)
    if not content:
        return None
    return Relation((tok.idx, tok.idx + len(tok.text)), content, None, tok.lower_, tok.i)


#: pronouns that, said, concede the point before: 'That said, ...', 'Having said this, ...'
CONCEDED = frozenset({"that", "this"})


def _concession(tok: Any) -> bool:
    """'That said, the plan failed', 'Having said that, ...': 'said' in a phrase that opens
    its sentence and concedes the point before; nobody is reported. So with 'All told,
    ...' (in all)."""
    doc = tok.doc
    before = [
        t.lower_ for t in doc[sentence_of(tok).start : tok.i] if t.is_alpha and t.dep_ != "cc"
    ]
    after = [t.text.lower() for t in doc[tok.i + 1 : tok.i + 3]]
    if tok.lower_ == "told" and before == ["all"]:
        return after[:1] == [","]
    if tok.lemma_.lower() != "say":
        return False
    if len(before) == 1 and before[0] in CONCEDED:
        return after[:1] == [","]
    return before == ["having"] and len(after) == 2 and after[0] in CONCEDED and after[1] == ","


#: verbs whose 'it' subject can be a placeholder for the clause they take
PLACEHOLDER_HEADS = frozenset({"be", "seem", "appear", "remain"})


def _expletive(subj: Any) -> bool:
    """Whether ``subj`` is an 'it' that stands for a clause, not for anyone: 'it is hard to
    imagine', 'it seems that', 'it remains to be seen', 'it is believed that'."""
    if subj.lower_ != "it":
        return False
    if subj.dep_ == "expl":
        return True
    head = subj.head
    if head.pos_ == "ADJ":  # 'makes it hard to see X' read with 'it' as the subject of 'hard'
        return any(c.dep_ in ("xcomp", "advcl", "ccomp") and c.i > head.i for c in head.children)
    if subj.dep_ == "nsubjpass" or any(c.dep_ == "auxpass" for c in head.children):
        # 'it is believed that X', 'it was reported that X'
        return any(c.dep_ == "ccomp" and opens_with_that(c) for c in head.children)
    if head.lemma_.lower() not in PLACEHOLDER_HEADS:
        return False
    preds = [c for c in head.children if c.dep_ in ("acomp", "attr")]
    clauses = [c for t in (head, *preds) for c in t.children if c.dep_ in ("xcomp", "ccomp")]
    clauses += [c for t in preds for c in t.children if infinitive_on(c)]  # 'it is time to'
    return bool(clauses) and (head.lemma_.lower() != "be" or bool(preds))


def _demonstrative(subj: Any) -> bool:
    """Whether ``subj`` is a bare 'that' or 'this', which points at a thing or at what was
    just said ('That is not to say X'), not at anyone."""
    return subj.lower_ in ("that", "this") and subj.tag_ == "DT" and not list(subj.children)


def _asks_the_reader(verb: Any) -> bool:
    """'Do you back the plan?' opening a paragraph: the writer puts a question to the
    reader (the auxiliary before 'you'), which reports nobody's view."""
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None or subj.lower_ != "you":
        return False
    aux = next((c for c in verb.children if c.dep_ == "aux" and c.i < subj.i), None)
    if aux is None:
        return False
    sent = sentence_of(verb)
    words = [t for t in sent if not t.is_space]
    doc = verb.doc
    opens = sent.start == 0 or "\n" in doc[sent.start - 1].text or "\n" in sent[0].text
    # the auxiliary or a wh-word comes first: not a labelled turn ('Q: Do you ...?')
    first = words[0].i == aux.i or words[0].tag_ in ("WP", "WRB", "WDT")
    return opens and first and words[-1].text == "?"


#: words whose infinitive is only a leave or a chance to report, not a report: 'was not
#: authorized to discuss X', 'had a chance to back Roe', 'an opportunity to show X'
LEAVE_WORDS = frozenset({"authorize", "opportunity", "chance"})


def _only_allowed(verb: Any) -> bool:
    """Whether ``verb`` is an infinitive that someone was allowed or had a chance to say
    or do ('not cleared to talk about the levy'): whether they did is not said."""
    return verb.head.lemma_.lower() in LEAVE_WORDS and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in verb.children
    )


def _verb_relation(tok: Any) -> Relation | None:
    lemma = tok.lemma_.lower()
    if _concession(tok) or _asks_the_reader(tok) or _only_allowed(tok):
        return None
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
        and lemma not in BELIEF_PASSIVES | cues.PERCEIVED_SPEAKING
        and not _has_read_as_is(tok)
        or _bare_participle(tok, subj)
        or subj is None
        and tok.tag_ == "VBN"
    ):
        # 'X is expected by analysts to ...', 'he was told by aides that ...', 'Asked
        # about X, she ...', 'As reported by the Ledger, ...': the agent speaks; a passive
        # subject is the addressee or the topic, not the source
        agent = next((c for c in tok.children if c.dep_ == "agent"), None)
        subj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None
    source = None
    beside = _speaker_beside(tok, subj, content_ids) if not frame.subject_in_content else []
    if beside:
        source, subj = ranges_of(beside)[0], beside[-1]
    after = _speaker_after(tok, subj, content_ids) if not frame.subject_in_content else None
    if after is not None and not beside:
        subj = after
    if source is None and subj is not None and subj.i not in content_ids:
        mine = {tok.i}
        if subj.is_ancestor(tok):  # 'the only senator to endorse him': not 'senator to'
            mine = {t.i for t in tok.subtree}
        source = source_range(subj, content_ids | mine)
    if source is None and lemma in cues.SPEECH:
        named = _name_before(tok, content_ids)
        if named:
            source, subj = ranges_of(named)[0], named[-1]
    if source is None and subj is None and not frame.subject_in_content:
        subj = _phrase_before(tok, content_ids)
        aside: set[int] = set()
        if subj is None:
            subj, aside = _name_before_aside(tok, content_ids)
        source = source_range(subj, content_ids | aside | {tok.i}) if subj is not None else None
    if source is None and subj is None and _holderless_object(tok, lemma):
        return None  # 'See the results below', 'knowing the numbers helps': nobody's view
    if subj is not None and (_expletive(subj) or _demonstrative(subj)):
        source = None  # 'it is hard to imagine X', 'it seems that X': the writer's, unnamed
    poll = _poll_of(tok) if subj is None or subj.ent_type_ not in ("ORG", "PERSON") else None
    if poll is not None and poll.i not in content_ids:
        source, subj = source_range(poll, content_ids), poll
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
            and (subj is None or child.i != subj.i)  # "Will argues": a name read as a modal
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


#: documents whose respondents speak through them: 'In a poll, 71 percent said ...'
POLLS = frozenset({"poll", "survey"})


def _poll_of(verb: Any) -> Any | None:
    """The poll named by an 'in' phrase of ``verb``: 'In a May poll, 60 percent said X',
    'Roe leads in the latest survey': the poll reports, not its respondents or leader (a
    named pollster or person who 'found' or 'said' something in it keeps the report)."""
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ == "in":
            obj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if obj is not None and obj.lemma_.lower() in POLLS:
                return obj
    return None


def _has_read_as_is(verb: Any) -> bool:
    """Whether a contracted 'has' ('she's said the same thing') was read as a passive
    'is': the participle still takes an object or a clause, so it is active."""
    aux = next((c for c in verb.children if c.dep_ == "auxpass"), None)
    return (
        aux is not None
        and aux.lower_ in ("'s", "’s")
        and any(c.dep_ in ("dobj", "ccomp") and c.i > verb.i for c in verb.children)
    )


def _holderless_object(verb: Any, lemma: str) -> bool:
    """Whether a verb of perception or thought takes a plain object with nobody to
    perceive or think it: an imperative, a gerund, a headline. Verbs of evidence are
    not such ('showing a lead': the figures show it)."""
    if lemma not in cues.THOUGHT or lemma in cues.SPEECH or lemma in cues.EVIDENCE:
        return False
    kids = [c.dep_ for c in verb.children if c.i > verb.i]
    return "dobj" in kids and not any(d in kids for d in ("ccomp", "xcomp", "oprd"))


#: marks that set a speaker's name off from the words before it: '"...," Roe said'.
SPEAKER_FENCES = frozenset({",", "''", "``"}) | set(QUOTE_CHARS)


#: parts of speech of the words of a short name: 'Jane Roe', 'the mayor', 'he', 'Roe's aide'.
NAME_POS = frozenset({"PROPN", "PRON", "NOUN", "DET", "ADJ", "PART"})


#: words that stand between a subject and its verb: 'Roe has said', 'Roe later said'.
VERB_LEADERS = frozenset({"aux", "neg", "advmod"})


def before_leaders(verb: Any, stop: int) -> int:
    """Index of the word before ``verb`` and its leading auxiliaries, negation and adverbs,
    going back no further than ``stop``."""
    doc = verb.doc
    j = verb.i - 1
    while j > stop and doc[j].head.i == verb.i and doc[j].dep_ in VERB_LEADERS:
        j -= 1
    return j


def _speaker_beside(verb: Any, subj: Any | None, content_ids: set[int]) -> list[Any]:
    """'"A," Jane Roe said, "B."' and 'The plan, she said, is dead': a short name between
    a comma or quote mark and the verb is the speaker, even where the parse took a
    subject further left ('B' or 'The plan')."""
    if subj is None or subj.i > verb.i:
        return []
    doc = verb.doc
    j = before_leaders(verb, subj.i)
    run: list[Any] = []
    while j > subj.i and doc[j].text not in SPEAKER_FENCES and not doc[j].is_space:
        run.insert(0, doc[j])
        j -= 1
    if j <= subj.i or doc[j].text not in SPEAKER_FENCES or not run:
        return []
    if len(run) > MAX_NAME_BEFORE or run[-1].pos_ not in ("PROPN", "PRON", "NOUN"):
        return []
    mine = {t.i for t in subj.subtree}
    if any(t.pos_ not in NAME_POS or t.i in content_ids or t.i in mine for t in run):
        return []
    if all(t.ent_type_ in ("DATE", "TIME") for t in run):
        return []  # 'Roe, who ..., last year proposed': when, not who
    return run


def _speaker_after(verb: Any, subj: Any | None, content_ids: set[int]) -> Any | None:
    """'"A," said Jane Roe' and 'The plan, said a county official, is dead': after a comma
    or quote mark, the name right after the verb speaks, whatever role the parse gave it."""
    doc = verb.doc
    if verb.i == 0 or verb.i + 1 >= len(doc) or doc[verb.i - 1].text not in SPEAKER_FENCES:
        return None
    if subj is not None and subj.i > verb.i:
        return None  # the parse found the inverted subject itself
    if (
        doc[verb.i - 1].text == ","
        and subj is not None
        and subj.i not in content_ids
        and holds_views(subj)
    ):
        return None  # 'Roe, the mayor, told CNN': the comma closes the subject
    name = next((c for c in verb.children if c.left_edge.i == verb.i + 1), None)
    if name is None or name.dep_ in ("ccomp", "xcomp", "advcl"):
        # '"A," said Jane Roe, half joking': Roe taken as its subject; '"A," said Jane
        # Roe, "B."': Roe taken as the subject of B
        name = _name_run(verb)
    if name is None or name.i in content_ids or name.dep_ in ("ccomp", "xcomp", "prep"):
        return None
    if name.i == verb.i + 1 and name.is_title and _closed(name):
        pass  # '"A," said Skelly, ...': a surname the tagger did not know
    elif not (name.pos_ == "PROPN" or name.pos_ == "NOUN" and holds_views(name)):
        return None
    if name.ent_type_ in ("DATE", "TIME"):
        return None  # 'Roe said Sunday'
    lemma = verb.lemma_.lower()
    if lemma not in cues.SPEECH or verb.tag_ not in ("VBD", "VBZ", "VBP"):
        return None  # 'Roe, citing a poll, endorsed Smith': the object is the content
    if lemma in cues.ADDRESSEE and doc[verb.i - 1].text == ",":
        return None  # '"...," Roe, 58, told Reuters': the hearer
    return name


def _closed(tok: Any) -> bool:
    """Whether a comma or a full stop follows ``tok``."""
    nxt = tok.i + 1
    return nxt < len(tok.doc) and tok.doc[nxt].text in (",", ".")


def _name_run(verb: Any) -> Any | None:
    """The last word of a name or short noun phrase right after ``verb`` that a comma or
    the sentence's end closes ('said Jane Roe, smiling', 'said the clerk, smiling')."""
    doc = verb.doc
    j = verb.i + 1
    if j < len(doc) and doc[j].pos_ == "DET":
        j += 1
    while j < len(doc) and (doc[j].pos_ in ("PROPN", "NOUN", "ADJ") or doc[j].dep_ == "amod"):
        j += 1  # 'said retired surgeon Jane Roe, smiling'
    if j == verb.i + 1 or (j < len(doc) and doc[j].text not in (",", ".")):
        return None
    last = doc[j - 1]
    return last if last.pos_ == "PROPN" or last.pos_ == "NOUN" and holds_views(last) else None


NOMINALS = ("PROPN", "NOUN", "PRON")


#: roles of a noun phrase governed by a word before it.
OBJECTS = frozenset({"dobj", "pobj", "attr", "dative", "oprd", "npadvmod"})


def _enclosing_phrase(tok: Any, limit: int) -> Any:
    """The widest noun phrase before ``limit`` that ends with ``tok``: 'aides' gives 'Roe
    and her aides', 'Ohio' gives 'a lawyer in Ohio', 'Sunday' gives 'figures released on
    Sunday'. An aside after a fronted phrase stays out ('In a call on Monday, Jane Roe':
    the parse may hang the name on 'call')."""
    best = tok
    while tok.head.i < limit and tok.head.i != tok.i:
        head = tok.head
        if tok.dep_ in ("appos", "conj") and (
            head.dep_ in ("pobj", "npadvmod") or head.ent_type_ in ("DATE", "TIME")
        ):
            break
        if head.pos_ in VERBS and head.dep_ not in ("acl", "relcl"):
            break
        tok = head
        if tok.pos_ in NOMINALS:
            best = tok
    return best


def _phrase_before(verb: Any, content_ids: set[int]) -> Any | None:
    """'Jane Roe, the mayor, said ...' parsed with no subject for 'said' (the name hung
    on an earlier clause): the noun phrase that ends right before a finite verb."""
    finite = (
        verb.tag_ in ("VBD", "VBZ", "VBP")
        # a past tense tagged as a participle heads its sentence with no auxiliary
        or verb.tag_ == "VBN"
        and verb.dep_ == "ROOT"
        or any(c.dep_ in ("aux", "auxpass") and c.i < verb.i for c in verb.children)
    )
    if not finite or verb.dep_ in ("relcl", "acl", "conj", "xcomp", "advcl", "pcomp"):
        return None
    if any(c.dep_ in SUBJECTS or c.dep_ == "auxpass" for c in verb.children):
        return None  # a passive: its subject is not the speaker
    doc = verb.doc
    j = before_leaders(verb, -1)
    if j >= 0 and doc[j].ent_type_ in ("DATE", "TIME"):
        j = _phrase_start(doc[j]) - 1  # 'Roe, who ..., last year proposed': when, not who
    comma = j
    if j >= 0 and doc[j].text == ",":
        j -= 1
    end = j
    if j >= 0 and doc[j].like_num and doc[j].dep_ == "appos" and doc[j].head.i < j:
        j = doc[j].head.i  # 'Jane Roe, 44, said': the name before the age
    if j < 0 or j in content_ids or doc[j].pos_ not in ("PROPN", "NOUN", "PRON"):
        return None
    tok = _enclosing_phrase(doc[j], verb.i)
    if tok.right_edge.i not in (j, end, comma) or tok.i in content_ids:
        return None
    left = tok.left_edge.i
    fenced = left == sentence_of(tok).start or doc[left - 1].text in SPEAKER_FENCES | DASHES
    if tok.dep_ in OBJECTS and not fenced:
        return None  # 'X offered him a job, then says ...': the object of an earlier verb
    return tok


#: openers of an aside between a subject and its verb: 'Roe, without naming him, said'
ASIDE_OPENERS = frozenset({"ADP", "ADV"})


def _name_before_aside(verb: Any, content_ids: set[int]) -> tuple[Any | None, set[int]]:
    """'Roe, without naming him, accused X' and 'Roe - in a swipe at X - declared' parsed
    with no subject for the verb: the name before the aside set off by commas or dashes
    speaks. Returns the name and the aside's token ids."""
    doc = verb.doc
    start = sentence_of(verb).start
    j = before_leaders(verb, start)
    if verb.dep_ != "ROOT" or j <= start or doc[j].text not in {","} | DASHES:
        return None, set()
    k = j - 1
    while k > start and doc[k].text != doc[j].text:
        k -= 1
    opener = doc[k + 1]
    if k <= start or k + 1 == j or not (opener.pos_ in ASIDE_OPENERS or opener.tag_ == "VBN"):
        return None, set()
    name = doc[k - 1]
    if name.i in content_ids or not (name.pos_ == "PROPN" or holds_views(name)):
        return None, set()
    return name, set(range(k, j + 1))


def _phrase_start(tok: Any) -> int:
    """Index of the first word of the entity ``tok`` is part of ('last year')."""
    i = tok.i
    while i > 0 and tok.doc[i].ent_iob_ == "I":
        i -= 1
    return i


def _bare_participle(verb: Any, subj: Any | None) -> bool:
    """Whether a past participle with no subject or auxiliary of its own borrows its
    subject from the clause it modifies ('Asked about the vote, she ...')."""
    return (
        verb.tag_ == "VBN"
        and subj is not None
        and subj.head.i != verb.i
        and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)
        and not main_verb_as_participle(verb)
    )


def _can_be_cited(obj: Any) -> bool:
    """Whether the object of 'citing' is a source (a person, group, outlet or document)
    rather than the evidence cited ('said prices rose, citing the drought')."""
    lemma = obj.lemma_.lower()
    if lemma in ACTS_WITH_OF and any(c.dep_ == "prep" and c.lower_ == "of" for c in obj.children):
        return False  # 'citing the release of prisoners' cites an act, not a press release
    return holds_views(obj) or lemma in cues.SOURCE_DOCS or obj.pos_ == "PROPN"


#: documents whose name with 'of' is an act instead: 'the release of the hostages'.
ACTS_WITH_OF = frozenset({"release"})


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


def _clausal(verb: Any) -> bool:
    """A verb outside the lexicon with a that/whether clause and a subject that can hold views."""
    ccomp = next((c for c in verb.children if c.dep_ == "ccomp"), None)
    if ccomp is None or ccomp.i < verb.i:
        return False
    if not any(c.dep_ == "mark" and c.lower_ in ("that", "whether", "if") for c in ccomp.children):
        return False
    subj = subject_of(verb)
    return subj is not None and holds_views(subj)


#: stance prepositions that may instead tell where or how a stance was shown
WHERE_PREPS = frozenset({"in", "at"})


def _stance(adj: Any) -> Relation | None:
    """'X was clear about Y', 'X is confident that Y', 'X is ready to Y'."""
    verb = adj.head
    content: list[Any] = []
    cue_end = adj
    clause = any(c.dep_ in ("ccomp", "xcomp") and c.i > adj.i for c in adj.children)
    for child in adj.children:
        if child.dep_ in ("ccomp", "xcomp") and child.i > adj.i:
            content = list(child.subtree)
        elif child.dep_ == "prep" and child.lower_ in STANCE_PREPS | {"that", "by"}:
            if clause and child.lower_ in WHERE_PREPS:
                continue  # 'confident in his reply that X': the clause is the stance
            content = [t for c in child.children if c.dep_ in ("pobj", "pcomp") for t in c.subtree]
            cue_end = child
        if content:
            break
    if not content:
        return None
    subj = _stance_holder(adj)
    if subj is not None and _expletive(subj):
        subj = None  # 'it is early to be hopeful about X'
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


#: how a stance adjective hangs on its verb: 'is wary of X', 'left him wary of X', 'made
#: me wary of X'
STANCE_DEPS = frozenset({"acomp", "oprd", "ccomp"})


def _stance_holder(adj: Any) -> Any | None:
    """Who holds a stance adjective: the subject of its small clause ('made me proud to
    X'), the object it is said of ('left the dockers wary of X') or its verb's subject."""
    own = next((c for c in adj.children if c.dep_ == "nsubj" and c.i < adj.i), None)
    if own is not None:
        return own
    if adj.dep_ == "oprd":
        obj = next((c for c in adj.head.children if c.dep_ == "dobj" and c.i < adj.i), None)
        if obj is not None:
            return obj
    return subject_of(adj.head)


#: how an adjective that says something of its subject hangs: 'is upbeat', 'upbeat and
#: vocal', 'left him upbeat', 'upbeat, he said'
PREDICATIVE = frozenset({"acomp", "conj", "oprd", "advcl"})


def _about_after(adj: Any) -> bool:
    """Whether an 'about' phrase of the adjective's own follows it: any adjective with
    one tells a stance on it ('upbeat about X', 'cagey about X')."""
    nxt = adj.doc[adj.i + 1] if adj.i + 1 < len(adj.doc) else None
    return nxt is not None and nxt.lower_ == "about" and nxt.dep_ == "prep" and nxt.head.i == adj.i


def _may_intend(noun: Any) -> bool:
    """Whether a noun can name who intends something: a person or group, a name, or a plural
    ('leaders willing to listen'; not 'a plan ready to go')."""
    return holds_views(noun) or noun.pos_ == "PROPN" or noun.tag_ == "NNS"


#: adjectives of will whose infinitive after a noun is the noun's intent
WILLING = frozenset({"willing", "eager", "keen", "reluctant", "unwilling", "determined"})
#: adverbs that compare a stance with another's
COMPARATIVES = frozenset({"more", "less", "most", "least"})


def _stance_after_noun(adj: Any) -> Relation | None:
    """'state officials angry about the mandates', 'Republicans, wary of the plan, ...': a
    stance adjective after the noun it describes holds the noun's stance towards what its
    preposition leads; an adjective of will after people ('pilots willing to fly at
    night'), their intent to do what its infinitive says."""
    noun = adj.head
    if adj.dep_ != "amod" or adj.lower_ not in cues.STANCE_ADJ | WILLING or noun.i > adj.i:
        return None
    if noun.pos_ not in ("NOUN", "PROPN", "PRON"):
        return None
    if any(c.dep_ == "advmod" and c.lower_ in COMPARATIVES for c in adj.children):
        return None  # 'someone more interested in details': a kind of person, not a stance
    prep = next((c for c in adj.children if c.dep_ == "prep" and c.i > adj.i), None)
    clause = next((c for c in adj.children if c.dep_ == "xcomp" and c.i > adj.i), None)
    if prep is not None and prep.lower_ in STANCE_PREPS:
        what = [t for c in prep.children if c.dep_ in ("pobj", "pcomp") for t in c.subtree]
        end = prep
    elif clause is not None and adj.lower_ in WILLING and _may_intend(noun):
        what, end = list(clause.subtree), adj  # 'a mayor willing to settle'
    else:
        return None
    content = ranges_of(what)
    source = source_range(noun, {t.i for t in adj.subtree})
    if not content or source is None:
        return None
    cue = (adj.idx, end.idx + len(end.text))
    return Relation(cue, content, source, adj.lower_, adj.i, noun.i)


#: prepositions that lead what moved someone: 'angered by', 'impressed with', 'alarmed at'
MOVED_BY = frozenset({"by", "with", "at", "over", "about"})


def _moved_by(verb: Any) -> Relation | None:
    """'the dockers were angered by the levy', 'she is impressed with the plan': the passive
    subject of a verb of feeling feels it, towards what moved it."""
    subj = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if subj is not None and not any(c.dep_ == "auxpass" for c in verb.children):
        return None
    if subj is None and verb.dep_ == "advcl" and verb.i < verb.head.i:
        subj = subject_of(verb)  # 'Angered by the vote, the mayor ...': the mayor feels it
    if subj is None:
        return None
    prep = next(
        (c for c in verb.children if c.dep_ in ("agent", "prep") and c.lower_ in MOVED_BY), None
    )
    if prep is None:
        return None
    what = [t for c in prep.children if c.dep_ in ("pobj", "pcomp") for t in c.subtree]
    content = ranges_of(what)
    source = source_range(subj, {t.i for t in what} | {verb.i})
    if not content or source is None:
        return None
    leaders = [c.i for c in verb.lefts if c.dep_ in ("auxpass", "neg", "advmod")]
    start = min([verb.i, *leaders])
    return Relation(
        (verb.doc[start].idx, prep.idx + len(prep.text)),
        content,
        source,
        verb.lemma_.lower(),
        verb.i,
        subj.i,
    )


def _moves(verb: Any) -> Relation | None:
    """'The remark angered some analysts': the object of an active verb of feeling feels it,
    towards its subject."""
    if any(c.dep_ == "auxpass" for c in verb.children):
        return None
    subj = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), None)
    obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i), None)
    if subj is None or obj is None or verb.dep_ == "relcl":
        return None  # 'a move that angered many': the relative stands for no words of its own
    if subj.pos_ == "PRON" and not _demonstrative(subj):
        return None  # 'he upset Bush', 'It will surprise you': no words that moved anyone
    content = ranges_of(list(subj.subtree))
    source = source_range(obj, {verb.i})
    if not content or source is None:
        return None
    cue = (verb.idx, verb.idx + len(verb.text))
    return Relation(cue, content, source, verb.lemma_.lower(), verb.i, obj.i)


#: participles of a divided view: 'voters are split on X'
SPLIT = frozenset({"split", "divided"})


def _split_on(verb: Any) -> Relation | None:
    """'Voters are evenly split on whether X', 'the council was divided over the tolls': the
    subject's divided view of what 'on' or 'over' leads."""
    subj = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    prep = next(
        (c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("on", "over", "about")),
        None,
    )
    if subj is None or prep is None or not any(c.dep_ == "auxpass" for c in verb.children):
        return None
    if prep.i > verb.i + 1 or any(c.dep_ == "agent" for c in verb.children):
        return None  # 'split anew by an uproar on the floor': split by something, not on it
    what = [t for c in prep.children if c.dep_ in ("pobj", "pcomp") for t in c.subtree]
    content = ranges_of(what)
    source = source_range(subj, {t.i for t in what} | {verb.i})
    if not content or source is None:
        return None
    cue = (verb.idx, prep.idx + len(prep.text))
    return Relation(cue, content, source, verb.lower_, verb.i, subj.i)


def _in_document(prep: Any) -> Relation | None:
    """'In a statement, X said ...' is handled by the verb; 'In a poll, 71 percent ...' here."""
    pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if pobj is None or pobj.lemma_.lower() not in cues.SOURCE_DOCS:
        return None
    head = prep.head
    if head.pos_ not in ("VERB", "AUX") or head.lemma_.lower() in cues.ALL:
        return None
    if head.dep_ in ("relcl", "acl", "xcomp"):
        return None  # 'Roe, who leads in the polls', 'gifts too small to be listed in a
        # filing': where something stands or is found, not what the document says
    if any(c.lemma_.lower() in cues.ALL for c in head.children if c.dep_ == "ccomp"):
        return None
    if any(c.lower_ == "according" for c in head.children):
        return None  # 'X leads in the polls, according to Y': the clause is Y's
    prep_ids = {t.i for t in prep.subtree}
    subj = subject_of(head)
    if subj is not None and holds_views(subj):
        # 'In an interview, the senator likened X to Y': the speaker, not the interview
        subj_ids = {t.i for t in subj.subtree}
        holder, cue = subj, head if head.lemma_ != "be" else pobj
        mine, not_source = prep_ids | subj_ids | {cue.i}, prep_ids - subj_ids
    else:
        holder, cue, mine, not_source = pobj, prep, prep_ids, set()
    content = ranges_of([t for t in head.subtree if t.i not in mine])
    src = source_range(holder, not_source)
    if not content or src is None:
        return None
    return Relation((cue.idx, cue.idx + len(cue.text)), content, src, "in", cue.i, holder.i)


#: nouns of 'in favor of X': a stance for X
FAVOR_NOUNS = frozenset({"favor", "favour"})


def _in_favor(prep: Any) -> Relation | None:
    """'voted in favor of the new pier', 'is in favor of a curfew': the stance of the verb's
    subject towards what follows 'of' (after 'be', a subject that can hold views)."""
    noun = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if noun is None or noun.lower_ not in FAVOR_NOUNS:
        return None
    of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    if of is None:
        return None
    what = [t for c in of.children if c.dep_ in ("pobj", "pcomp") for t in c.subtree]
    verb = prep.head
    subj = subject_of(verb) if verb.pos_ in VERBS else None
    if not what or subj is None or _expletive(subj) or _demonstrative(subj):
        return None
    if verb.lemma_ == "be" and not (holds_views(subj) or subj.pos_ == "PROPN"):
        return None  # 'the odds are in favor of X': no one's stance
    content = ranges_of(what)
    source = source_range(subj, {t.i for t in what} | {prep.i, noun.i})
    if not content or source is None:
        return None
    start = verb if verb.lemma_ != "be" else prep
    return Relation(
        (min(start.idx, prep.idx), of.idx + len(of.text)),
        content,
        source,
        "in favor of",
        prep.i,
        subj.i,
    )


def _being_against(prep: Any) -> Relation | None:
    """'Republicans are against the tax', 'I'm not against anybody': the stance of the
    subject of 'be', when it can hold one, against what follows."""
    verb = prep.head
    if verb.lemma_ != "be" or prep.i < verb.i:
        return None
    subj = subject_of(verb)
    what = [t for c in prep.children if c.dep_ in ("pobj", "pcomp") for t in c.subtree]
    if subj is None or not what or not (holds_views(subj) or subj.pos_ == "PROPN"):
        return None
    content = ranges_of(what)
    source = source_range(subj, {t.i for t in what} | {prep.i})
    if not content or source is None:
        return None
    return Relation(
        (verb.idx, prep.idx + len(prep.text)), content, source, "against", prep.i, subj.i
    )


def relation_at(tok: Any) -> Relation | None:
    """The relation whose cue is ``tok``, if any; none whose content only names a time
    ('will campaign on Friday', 'a decision on Monday': the date is when, not what)."""
    rel = _cue_relation(tok)
    if rel is None or _only_time(tok.doc, rel.content):
        return None
    if rel.source is None:
        name = _named_after_opening_verb(tok)
        if name:
            rel.source, rel.source_token = ranges_of(name)[0], name[-1].i
    return rel


def _named_after_opening_verb(verb: Any) -> list[Any]:
    """'Said Ellis: "..."', 'Added the mayor, "..."': a speech verb opening its sentence,
    then a name closed by a colon or a comma; the name speaks, whatever the parse made of
    the verb (often a modifier of the name)."""
    if verb.lemma_.lower() not in cues.SPEECH or verb.i != verb.sent.start:
        return []
    doc, end = verb.doc, verb.i + 1
    while end < len(doc) and end - verb.i <= MAX_NAME_AFTER and doc[end].text not in (":", ","):
        end += 1
    name = list(doc[verb.i + 1 : end])
    if end >= len(doc) or doc[end].text not in (":", ",") or not name:
        return []
    if not any(t.pos_ == "PROPN" or t.pos_ == "NOUN" and holds_views(t) for t in name):
        return []
    return name


#: words of a name between an opening speech verb and its colon: 'Said the county clerk:'
MAX_NAME_AFTER = 5


def _fronted_fragment(verb: Any) -> Relation | None:
    """'People like Harlan, he said.' and 'Not a chance, the minister said.': a speech verb
    that closes its sentence after its subject and a comma reports what comes before the
    comma, even when the parse made no clause of it."""
    if verb.lemma_.lower() not in cues.SPEECH or verb.dep_ != "ROOT":
        return None
    sent = verb.sent
    tail = [t for t in sent[verb.i + 1 - sent.start :] if not t.is_space]
    # only a full stop after it: 'In a statement, the minister said:' opens what follows
    if any(not t.is_punct for t in tail) or not any(t.text in ".!?" for t in tail):
        return None
    # the subject nearest the verb: the parser may take the fragment for a second one
    subj = max(
        (c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i),
        key=lambda c: c.i,
        default=None,
    )
    if subj is None or any(c.dep_ in ("dobj", "ccomp", "xcomp") for c in verb.children):
        return None
    left = subj.left_edge.i
    if left - 1 <= sent.start or verb.doc[left - 1].text != ",":
        return None
    words = [t for t in verb.doc[sent.start : left - 1] if not t.is_space]
    if not says_what([t for t in words if not t.is_punct]):
        return None  # 'On Monday, he said.': when, not what
    return Relation(
        (verb.idx, verb.idx + len(verb.text)),
        ranges_of(words),
        source_range(subj, set()),
        verb.lemma_.lower(),
        verb.i,
        subj.i,
    )


def says_what(words: list[Any]) -> bool:
    """Whether the words before a closing speech verb are what was said, not where or when
    ('On Monday, he said.', 'In Velm on Monday, the minister said.')."""
    return (
        len(words) >= 2
        and words[0].pos_ not in ("ADP", "SCONJ")
        and not all(t.ent_type_ in ("DATE", "TIME") for t in words)
    )


def _only_time(doc: Any, content: list[tuple[int, int]]) -> bool:
    """Whether every word of a content is part of a date or time expression."""
    words = [
        t
        for s, e in content
        for t in doc.char_span(s, e, alignment_mode="expand") or []
        if not (t.is_punct or t.is_space)
    ]
    return bool(words) and all(t.ent_type_ in ("DATE", "TIME") for t in words)


#: verbs whose passive subject ends up holding the view: 'she is assured of a win'
BELIEF_PASSIVES = frozenset({"assure", "reassure", "convince", "persuade"})


def _cue_relation(tok: Any) -> Relation | None:
    """The relation ``tok`` opens by its kind of cue, before any check of its content."""
    if tok.i > 0 and tok.doc[tok.i - 1].text in ("<", "</"):
        return None  # the name of a markup tag left in the text: '<tweet author=...>'
    if tok.lower_ == "according":
        return _according(tok)
    if tok.lower_ in HEARSAY_ADVERBS:
        return _hearsay(tok)
    if hung_on_name(tok):  # 'Lobby blasts/aux Roe/VBP': a headline verb read as a helper
        rel = headline_verb(tok)
        if rel is not None:
            return rel
    if tok.pos_ in ("VERB", "AUX") and (tok.lemma_.lower() in cues.ALL or phrasal_preps(tok)):
        if tok.dep_ in ("amod", "compound", "nmod"):  # a verb the parser hung on a noun
            rel = headline_verb(tok) or modifier_verb(tok) or participle_modifier(tok)
            if rel is not None:
                return rel
        return _verb_relation(tok) or agent_participle(tok) or _fronted_fragment(tok)
    if tok.lemma_ == "be" and tok.pos_ == "AUX":
        return copula_relation(tok)
    if tok.pos_ in ("NOUN", "PROPN"):
        rel = headline_verb(tok) or clause_noun(tok) or joined_verb(tok) or trailing_report(tok)
        if rel is not None:
            return rel
    if tok.pos_ == "NOUN" and tok.lemma_.lower() in cues.CUE_NOUNS | cues.CLAUSE_NOUNS:
        return noun_relation(tok)
    if tok.pos_ == "NOUN" and tok.lemma_.lower() in cues.AGENT_NOUNS:
        return agent_noun_relation(tok)
    if tok.pos_ == "NOUN":
        return about_relation(tok)
    if tok.pos_ == "VERB" and tok.lemma_.lower() in cues.EMOTIONS:
        rel = _moved_by(tok) if tok.tag_ == "VBN" else None
        rel = rel or _moves(tok)
        if rel is not None:
            return rel
    if tok.tag_ == "VBN" and tok.lower_ in SPLIT:
        rel = _split_on(tok)
        if rel is not None:
            return rel
    if tok.pos_ == "VERB" and _clausal(tok):
        return _verb_relation(tok)
    if tok.text == ":":
        return colon_relation(tok)
    if tok.pos_ == "ADJ" and tok.dep_ in STANCE_DEPS and tok.lower_ in cues.STANCE_ADJ:
        return _stance(tok)
    if tok.pos_ == "ADJ" and tok.dep_ in PREDICATIVE and _about_after(tok):
        return _stance(tok)  # 'was upbeat about X', 'lukewarm about X'
    if tok.pos_ == "ADJ" and tok.dep_ in ("amod", "ROOT"):
        return verbless_stance(tok) or _stance_after_noun(tok)
    if tok.lower_ == "in" and tok.dep_ == "prep":
        return _in_favor(tok) or _in_document(tok)
    if tok.lower_ == "against" and tok.dep_ == "prep":
        return _being_against(tok)
    if tok.lower_ == "on" and tok.dep_ == "prep":
        return name_on(tok)
    return None
