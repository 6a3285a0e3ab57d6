"""Complements of cue verbs: which words of the parse are the content of a verb's report.

``frame_of`` tries the verb's clause ('said that ...'), an infinitive ('vowed to ...'), an
object ('praised the deal'), a preposition ('talked about'), a light verb's noun ('took aim
at'), the noun a relative clause hangs on ('the things he said'), the clause a cue
interrupts ('the plan, he said, is dead') and quotes next to a bare speech verb.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from rashomon.enrich import cues
from rashomon.enrich.figures import NUMBER_LABELS
from rashomon.enrich.nouns import noun_relation
from rashomon.enrich.tokens import (
    QUOTE_CHARS,
    doc_quote_regions,
    holds_views,
    main_verb_as_participle,
    opens_with_that,
    sentence_of,
    text_of,
    to_paragraph_end,
)

#: objects that say no content was given: 'he said nothing', 'she revealed little'.
EMPTY_OBJECTS = frozenset({"nothing", "anything", "none", "little", "much"})


#: dependents of a verb that are what it says when they open with a quotation mark.
QUOTED_DEPS = ("dobj", "attr", "oprd", "xcomp")


@dataclass(slots=True)
class Frame:
    """How a cue verb takes its content."""

    tokens: list[Any]
    #: a preposition that belongs to the cue ('talked about', 'called for')
    cue_extra: Any | None = None
    #: the subject is part of the content ('Trump seems to ...', 'X is expected to ...')
    subject_in_content: bool = False


def _right_deps(verb: Any, deps: tuple[str, ...]) -> list[Any]:
    out: list[Any] = []
    for child in verb.children:
        if child.i > verb.i and child.dep_ in deps:
            out.extend(child.subtree)
    return out


#: verbs that are cues only with their particle ('played down', not 'played')
PARTICLE_ONLY = frozenset(cues.PHRASAL_OBJECT) - (
    cues.SPEECH | cues.THOUGHT | cues.TAKES_OBJECT | frozenset(cues.TAKES_PREP) | cues.PUT_IT
)


def _second_complement(verb: Any, clause: Any, kids: list[Any]) -> Any | None:
    """A clause opened by 'that' that the parser made a conjunct of the cue verb, after its
    first complement: 'He said A, but that B' ('that' marks a clause the verb reports); or a
    second complement with no subject, the predicate of the first one's subject that the
    parser split off: 'said the plan, worth 1.4 billion, would go on'."""
    if clause.i < verb.i:
        return None
    return next(
        (
            c
            for c in kids
            if c.i > clause.i
            and (
                c.dep_ == "conj"
                and opens_with_that(c)
                or c.dep_ == "ccomp"
                and not any(k.dep_ in ("nsubj", "nsubjpass", "expl") for k in c.children)
                and any(k.dep_ in ("aux", "auxpass") for k in c.children)
            )
        ),
        None,
    )


def _phrasal_object(verb: Any, lemma: str, kids: list[Any]) -> Frame | None:
    """'shrugged off the charge': the object; an empty frame when the particle is missing."""
    particles = cues.PHRASAL_OBJECT.get(lemma)
    if not particles:
        return None
    # the parser often takes the particle for an adverb: 'walked back' (advmod)
    prt = next((c for c in kids if c.dep_ in ("prt", "advmod") and c.lower_ in particles), None)
    obj = next((c for c in kids if c.dep_ == "dobj" and c.i > verb.i), None)
    if prt is not None and obj is not None and not _empty(obj):
        return Frame(list(obj.subtree), cue_extra=prt if prt.i > verb.i else None)
    return Frame([]) if lemma in PARTICLE_ONLY else None


def phrasal_preps(verb: Any) -> set[str]:
    """The prepositions that lead the content of ``verb`` with its particle ('spoke out
    against', 'weighed in on'): its phrasal verb's own entry in ``cues.TAKES_PREP``."""
    lemma = verb.lemma_.lower()
    out: set[str] = set()
    # the parser often takes the particle for an adverb right after the verb: 'pushed
    # back/advmod on X'
    for prt in verb.children:
        if prt.dep_ == "prt" or prt.dep_ == "advmod" and prt.i == verb.i + 1:
            out |= cues.TAKES_PREP.get(f"{lemma} {prt.lower_}", set())
    return out


def _misread_title(clause: Any) -> bool:
    """Whether a complement after a verb addressed to someone is no infinitive for the hearer
    ('told CNN to wait') but a participle or a title's word the parse took for one: '"A,"
    she told CNN in an interview taped Monday', '... told CBS' Face the Nation'."""
    return clause.dep_ == "xcomp" and not any(
        c.dep_ == "aux" and c.lower_ == "to" for c in clause.children
    )


def _speaking(clause: Any) -> bool:
    """Whether a participle after a speech verb tells how it was said ('said answering a
    question', 'said speaking to reporters'): a report of its own, not the verb's content."""
    return clause.tag_ == "VBG" and clause.lemma_.lower() in cues.SPEECH


def frame_of(verb: Any, lemma: str) -> Frame | None:
    """The content of a cue verb, or None when it has none."""
    kids = list(verb.children)
    if lemma in cues.NAMING and verb.dep_ == "acl" and verb.tag_ == "VBN":
        if not main_verb_as_participle(verb):
            return None  # 'a group called X' names the group, nobody reports anything
    if lemma in cues.PUT_IT:
        return _put_it(verb, kids)
    if lemma == "add" and _adds_to(verb, kids):
        return None  # 'won Ohio, adding to her lead': 'add to' is to increase, not to say
    standing = _poll_has(verb, lemma, kids) or _held_to_account(verb, lemma, kids)
    if standing:  # 'the poll has Garza leading Roe', 'held Roe responsible for X'
        return Frame(standing)
    if lemma == "make" and any(c.lower_ == "clear" for c in verb.subtree if c.i < verb.i + 4):
        pass  # 'made clear that ...', 'made it clear that ...'
    elif lemma in cues.LIGHT_VERBS and (
        lemma not in cues.RAISING or any(c.dep_ == "dobj" and c.i > verb.i for c in kids)
    ):  # 'sounded a note of caution'; 'sounded tired' is how one came across
        return _light_verb(verb, kids)
    if lemma in cues.BACKING_VERBS:
        backing = _backing(verb, kids)
        if backing is not None:
            return backing
    phrasal = _phrasal_object(verb, lemma, kids)
    if phrasal is not None:
        return phrasal if phrasal.tokens else None
    pro = _pro_form(verb, kids)
    if pro:  # 'said so', 'said no', 'said the same': the pro-form of the clause, also when the
        return Frame(pro)  # parse hung the clause before it on the verb ('A, after B said so')
    ccomps = [
        c
        for c in kids
        if c.dep_ == "ccomp"
        and not _closed_by_colon(c, verb)
        and not (c.i > verb.i and _adverbial(c))  # a fronted one may open 'When A, B'
    ]
    own = ("xcomp",) if lemma in cues.ADDRESSEE else ("dobj", "xcomp")  # 'A, he told CNN'
    regions = doc_quote_regions(verb.doc)
    if any(
        c.dep_ in own
        and c.i > verb.i
        and not _in_quote(c, regions)
        and not _speaking(c)
        and not (lemma in cues.ADDRESSEE and _misread_title(c))
        for c in kids
    ):
        # 'A, so the ferryman continued to pay': the verb's own complement follows it, so the
        # clause before is not what it reports
        ccomps = [c for c in ccomps if c.i > verb.i]
    if ccomps:  # a clause after the verb before one misparsed ahead of it, unless that
        # one is a quote fronted before it ('"A," she said on the show "B."')
        fronted = [c for c in ccomps if c.i < verb.i and _in_quote(c, regions)]
        if fronted and len(ccomps) > 1:
            return Frame(list(fronted[-1].subtree))
        clause = max(ccomps, key=lambda c: c.i > verb.i)
        second = _second_complement(verb, clause, kids)
        if second is not None:  # 'said A, but that B': both clauses are what was said
            return Frame(list(verb.doc[clause.left_edge.i : second.right_edge.i + 1]))
        return Frame(list(clause.subtree))
    compared = _compared(verb, lemma, kids)
    if compared:
        return Frame(compared)
    question = embedded_question(verb, lemma, kids)
    if question:
        return Frame(question)
    if as_clause(verb, lemma, kids):
        mine = {t.i for t in verb.subtree}  # 'As Reuters reported, ...'
        # a conjunction opening the sentence ('And, as Reuters reported, ...') joins it
        # to the one before: not part of what was reported
        return Frame(
            [
                t
                for t in verb.head.subtree
                if t.i not in mine and not (t.dep_ == "cc" and t.i < verb.i and t.head == verb.head)
            ]
        )
    subj = next((c for c in kids if c.dep_ in ("nsubj", "nsubjpass")), None)
    xcomp = next((c for c in kids if c.dep_ in ("xcomp", "oprd") and c.i > verb.i), None)
    as_ = next((c for c in kids if c.dep_ == "prep" and c.lower_ == "as" and c.i > verb.i), None)
    if lemma in cues.SEE_AS and subj is not None and subj.dep_ == "nsubjpass" and as_ is not None:
        # 'Cruz is seen as the favourite', 'what is known as the NeverTrump movement'
        return Frame(list(subj.subtree) + list(as_.subtree), subject_in_content=True)
    if lemma in cues.SEE_AS and verb.dep_ == "acl" and verb.tag_ == "VBN" and as_ is not None:
        # 'the act, known as the Justice Act', 'a group described as radical'
        return Frame([t for c in as_.children if c.dep_ == "pobj" for t in c.subtree], as_)
    if lemma in cues.RAISING and lemma != "look" and subj is not None and xcomp is not None:
        # ('looks to cut taxes' is an aim, as 'seeks to': the subject is its holder)
        if _reports(xcomp):  # 'Roe seemed to hint that X': Roe hints
            return Frame(list(xcomp.subtree))
        return Frame(list(subj.subtree) + list(xcomp.subtree), subject_in_content=True)
    if lemma in cues.RAISING and subj is not None and subj.dep_ == "nsubj":
        # 'the board appeared paralyzed', 'this seems like a sound plan': how it looks
        pred = next(
            (
                c
                for c in kids
                if c.i > verb.i
                and (c.dep_ in ("acomp", "attr") or c.dep_ == "prep" and c.lower_ == "like")
            ),
            None,
        )
        if pred is not None:
            return Frame(list(subj.subtree) + list(pred.subtree), subject_in_content=True)
    if subj is not None and subj.dep_ == "nsubjpass" and xcomp is not None:
        if lemma in cues.PERCEIVED_SPEAKING and _reports(xcomp):
            return Frame(list(xcomp.subtree))  # 'Roe was heard telling X that Y': Roe tells
        return Frame(list(subj.subtree) + list(xcomp.subtree), subject_in_content=True)
    if lemma == "continue" and xcomp is not None and not _continues_a_report(subj, xcomp):
        return None  # 'the lead continues to grow', 'she continues to trail': aspect
    if lemma in cues.TAKES_INFINITIVE and xcomp is None:
        xcomp = next(  # 'looked/advcl to cut taxes': the infinitive right after the verb
            (
                c
                for c in kids
                if c.dep_ == "advcl"
                and c.left_edge.i == verb.i + 1
                and c.left_edge.lower_ == "to"
                and c.left_edge.dep_ == "aux"
            ),
            None,
        )
    if lemma in cues.TAKES_INFINITIVE and xcomp is not None:
        end = max(t.i for t in xcomp.subtree)
        return Frame([t for t in verb.doc[verb.i + 1 : end + 1]])
    if lemma in cues.ACCUSE_WITH and (
        not any(c.dep_ == "prep" and c.lower_ == "with" for c in kids)
        or any(c.dep_ == "nsubjpass" for c in kids)  # 'was charged with': a court record
    ):
        return None
    small = _small_clause(verb, lemma, kids) or _that_is_what(verb, kids)
    if small:
        return Frame(small)
    quote = _quote_after_comma(verb, kids, lemma)
    if quote:
        return Frame(_quoted_before(verb) + quote)
    if lemma in cues.TAKES_OBJECT:
        objs = [c for c in kids if c.dep_ in ("dobj", "dative") and c.i > verb.i]
        if not objs and main_verb_as_participle(verb):  # 'Roe, 44, called/acl X/oprd ...'
            objs = [c for c in kids if c.dep_ == "oprd" and c.i > verb.i]
        if lemma in cues.ADDRESSEE:  # 'told reporters', 'asked him': the hearer is no content
            objs = [c for c in objs if c.dep_ == "dobj" and not _hearer(c)]
        obj = objs[0] if objs else None
        told = _told_to(verb, kids, obj) if lemma in cues.ADDRESSEE and obj is not None else None
        if told is not None:  # 'convinced the court to throw out the rules': the court hears
            return Frame(list(told.subtree))
        if obj is not None and (_empty(obj) or obj.ent_type_ in ("DATE", "TIME")):
            obj = None  # 'said nothing', 'said Tuesday'
        if obj is not None and _announces_next(obj):
            return Frame(_next_paragraph(verb))
        if obj is not None and lemma in ISSUING and _bare_document(verb, obj):
            return None  # 'the town released a statement': what it says comes elsewhere
        if obj is not None:
            deps = ("dobj", "prep", "oprd", "xcomp", "acomp", "ccomp")
            return Frame(_right_deps(verb, deps if lemma in cues.ADDRESSEE else deps + ("dative",)))
        gerund = next((c for c in kids if c.dep_ == "xcomp" and c.tag_ == "VBG"), None)
        if gerund is not None and gerund.i > verb.i:  # 'supported pitching a bigger tent'
            return Frame(list(gerund.subtree))
        if subj is not None and subj.dep_ == "nsubjpass" and not (
            lemma in cues.ADDRESSEE and _hearer(subj)
        ):  # 'when he was asked': the hearer is no content
            # 'the nominee was endorsed by the paper', 'a curfew was announced': the
            # subject is what was said or judged, the agent (if any) said it; with the
            # reason it was judged for ('was criticized for the delays')
            reason = [t for c in kids if _reason(c, verb) for t in c.subtree]
            return Frame(list(subj.subtree) + reason, subject_in_content=True)
    if lemma in cues.SEE_AS:  # 'saw the vote as a test', 'a state which he sees as home'
        obj = next(
            (c for c in kids if c.dep_ == "dobj" and (c.i > verb.i or c.tag_ in WH_TAGS)), None
        )
        as_ = next(
            (c for c in kids if c.dep_ == "prep" and c.lower_ == "as" and c.i > verb.i), None
        )
        if obj is not None and as_ is not None:
            return Frame(list(obj.subtree) + list(as_.subtree))
    if lemma in cues.SPEECH or lemma in cues.TAKES_OBJECT:
        relative = _relative_head(verb, kids)
        if relative:
            return Frame(relative)
    preps = set(cues.TAKES_PREP.get(lemma, ())) | phrasal_preps(verb)
    if preps:
        for child in kids + _hearer_preps(verb, lemma, kids) + _hung_on_phrase(verb, kids, preps):
            if child.dep_ == "prep" and child.lower_ in preps and child.i > verb.i:
                pobj = [t for c in child.children if c.dep_ in ("pobj", "pcomp") for t in c.subtree]
                if pobj:
                    if lemma in cues.ASK_OF:
                        pobj += _infinitive_after(child, kids)
                    return Frame(pobj, cue_extra=child)
                relative = _relative_head(verb, kids) if not list(child.children) else []
                if relative:  # 'the judge she referred to': the stranded preposition's noun
                    return Frame(relative, cue_extra=child)
        for child in kids:  # 'called for the strikes to stop': the preposition marks a clause
            mark = next((m for m in child.children if m.dep_ == "mark"), None)
            if (
                child.dep_ in ("advcl", "ccomp")
                and mark is not None
                and mark.lower_ in preps
                and mark.i == verb.i + 1 + sum(1 for t in kids if t.dep_ == "prt")
            ):
                return Frame([t for t in child.subtree if t.i != mark.i], cue_extra=mark)
    inverted = verb.dep_ == "parataxis" or (
        verb.dep_ in ("ccomp", "advcl", "conj")
        and verb.i > verb.head.i
        and verb.doc[verb.left_edge.i - 1].text == ","
        and not any(c.dep_ in ("dobj", "xcomp", "ccomp") for c in kids)
        # '..., saying at one point, "..."': a participle goes on to what it says
        and verb.tag_ != "VBG"
        # a conjunct is inverted only with a subject of its own: '..., said the CEO'
        and (verb.dep_ != "conj" or any(c.dep_ == "nsubj" for c in kids))
        # '..., after 40 percent said so': a clause of its own, with its own content
        and not any(c.dep_ == "mark" for c in kids)
        and not _pro_form(verb, kids)
        # '..., would continue without delay': a modal verb goes on with a clause of its own
        and not any(c.dep_ == "aux" and c.tag_ == "MD" for c in kids)
    )
    if inverted and (lemma in cues.SPEECH or lemma in cues.THOUGHT and verb.dep_ != "advcl"):
        mine = {t.i for t in verb.subtree}
        return Frame([t for t in verb.head.subtree if t.i not in mine])
    if lemma not in cues.NEEDS_CLAUSE or lemma in cues.SPEECH | cues.QUOTE_READERS:
        nxt = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
        if nxt is not None and nxt.text == ":":
            after = [t for t in sentence_of(verb) if t.i > nxt.i]
            return Frame(after if any(t.is_alpha for t in after) else _next_paragraph(verb))
        for child in kids:
            # a quoted imperative is parsed as an xcomp: 'chanted "Open the gates!"'
            if child.dep_ in QUOTED_DEPS and child.i > verb.i and _quoted(child):
                return Frame(list(child.subtree))
    if lemma in cues.SPEECH or lemma in cues.THOUGHT:
        clause = adjunct_clause(verb, kids)
        if clause:
            return Frame(clause)
    if lemma == "find" and _finder(kids):
        found = [c for c in kids if c.i > verb.i and c.dep_ in ("dobj", "oprd", "acomp")]
        if any(c.dep_ == "dobj" for c in found):  # 'the study found 31 cases of fraud'
            return Frame([t for c in found for t in c.subtree])
    if lemma in cues.SPEECH:
        quoted = _quoted_nearby(verb)
        if quoted:
            return Frame(quoted)
        for child in kids:  # 'said using the server was improper' (a clause parsed as xcomp)
            if child.dep_ == "xcomp" and child.i > verb.i and not _speaking(child):
                return Frame(list(child.subtree))
            if (
                child.dep_ == "advcl"
                and child.i > verb.i
                and child.left_edge.tag_ in WH_TAGS
                and not any(c.dep_ == "dobj" for c in kids)  # 'what she said when she quit'
            ):
                return Frame(list(child.subtree))  # 'have not said when they would vote'
    return None


#: who can find a fact rather than a thing: 'the study found 31 cases' reports, 'police found
#: a body' does not
FINDERS = frozenset(
    """study report survey poll analysis review audit investigation inquiry probe research
    researcher author judge court panel jury commission committee census data scientist
    economist analyst auditor investigator examiner inspector regulator watchdog""".split()
)


#: what someone is held to blame as: 'held the board responsible for the delay' (not legal
#: liability: 'could hold the firm liable for the cleanup')
BLAMED = frozenset({"responsible", "accountable"})


def _held_to_account(verb: Any, lemma: str, kids: list[Any]) -> list[Any]:
    """'voters held the board responsible for the delay': whom is blamed, for what."""
    if lemma != "hold":
        return []
    pred = next((c for c in kids if c.dep_ in ("oprd", "ccomp") and c.lower_ in BLAMED), None)
    obj = next((c for c in kids if c.dep_ == "dobj" and c.i > verb.i), None)
    if pred is not None and pred.i > verb.i:
        return sorted({*pred.subtree, *(obj.subtree if obj is not None else [])}, key=lambda t: t.i)
    if obj is not None and any(c.dep_ == "amod" and c.lower_ in BLAMED for c in obj.rights):
        return list(obj.subtree)  # 'held the board/dobj responsible/amod for X'
    return []


def _small_clause(verb: Any, lemma: str, kids: list[Any]) -> list[Any]:
    """'judged the plan a failure', 'found him credible': a verb that needs a clause takes an
    object with its predicate as one ('the plan [is] a failure')."""
    if lemma not in cues.NEEDS_CLAUSE:
        return []
    obj = next((c for c in kids if c.dep_ == "dobj" and c.i > verb.i), None)
    pred = next((c for c in kids if c.dep_ == "oprd" and obj is not None and c.i > obj.i), None)
    if obj is None or pred is None:
        return []
    return [*obj.subtree, *pred.subtree]


def _that_is_what(verb: Any, kids: list[Any]) -> list[Any]:
    """'That is what the mayor said', 'that's what we hope': 'what' stands for what was said,
    which 'that' points back at."""
    what = next((c for c in kids if c.dep_ == "dobj" and c.lower_ == "what"), None)
    if what is None or what.i > verb.i or what.i != verb.left_edge.i:
        return []
    if any(c.dep_ in ("dobj", "ccomp", "xcomp") and c.i > verb.i for c in kids):
        return []
    preps = cues.TAKES_PREP.get(verb.lemma_.lower(), set()) | {"as"}
    if any(c.dep_ == "prep" and c.lower_ in preps for c in kids):
        return []  # 'what he sees as a threat', 'what they think of him': the phrase says it
    head = verb.head
    pointer = next((c for c in head.children if c.dep_ == "nsubj" and c.i < head.i), None)
    if verb.dep_ != "ccomp" or head.lemma_ != "be" or pointer is None:
        return []
    return [what] if pointer.lower_ in ("that", "this") else []


def _finder(kids: list[Any]) -> bool:
    subj = next((c for c in kids if c.dep_ == "nsubj"), None)
    return subj is not None and subj.lemma_.lower() in FINDERS


def _adds_to(verb: Any, kids: list[Any]) -> bool:
    """Whether 'add' has a 'to' phrase naming a thing and no clause: 'adding to his lead',
    'adds a number to the mix'; not 'added to reporters that ...' (a hearer)."""
    if any(c.dep_ == "ccomp" for c in kids):
        return False
    for child in kids:
        if child.dep_ == "prep" and child.lower_ == "to" and child.i > verb.i:
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            return pobj is not None and not _hearer(pobj)
    return False


#: verbs of expecting, whose 'than' clause weighs what came against what was expected
EXPECTING = frozenset(
    """expect predict forecast anticipate project estimate imagine think believe suggest
    hope fear suspect assume guess""".split()
)


def _compared(verb: Any, lemma: str, kids: list[Any]) -> list[Any]:
    """'more votes than her aides expected', 'came sooner than anyone had predicted': a verb of
    expecting in a 'than' clause, with a subject and no complement of its own, weighs the
    compared word, which is the content, with 'than'."""
    if lemma not in EXPECTING or verb.dep_ != "advcl":
        return []
    than = next((c for c in kids if c.dep_ == "mark" and c.lower_ == "than"), None)
    if than is None or any(c.dep_ in ("dobj", "ccomp", "xcomp") for c in kids):
        return []
    if not any(c.dep_ == "nsubj" for c in kids):
        return []  # 'sooner than expected': nobody's expectation
    head = verb.head
    mine = {t.i for t in verb.subtree}
    words = [t for t in head.subtree if t.i not in mine and t.i < verb.i]
    return [*words, than] if head.pos_ in ("ADJ", "ADV", "NOUN") else [than]


#: verbs whose 'if'/'whether' clause is an embedded question, which the parser often
#: attaches as a condition: 'asked workers if they would vote', 'Asked if he ...'.
ASKING = frozenset({"ask", "wonder", "question", "inquire", "enquire", "query"})


def embedded_question(verb: Any, lemma: str, kids: list[Any]) -> list[Any]:
    """An embedded question the parser did not make a clausal complement: a wh-infinitive
    ('learned how to cope') or the 'if'/'whether' clause of a verb of asking, parsed as an
    adverbial clause ('asked him if he would run')."""
    for child in kids:  # 'learned how to ...', 'knows when to ...': a wh-infinitive
        first = child.left_edge
        if child.dep_ not in ("xcomp", "advcl") or first.i <= verb.i or first.tag_ not in WH_TAGS:
            continue
        if any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children):
            return list(child.subtree)
    if lemma not in ASKING:
        return []
    for child in kids:
        if child.dep_ != "advcl" or child.i < verb.i:
            continue
        first = child.left_edge
        if first.dep_ == "mark" and first.lower_ in ("if", "whether") and first.head.i == child.i:
            return list(child.subtree)
    return []


#: verbs of learning and pointing out that report the main clause from an 'as' clause
#: ('as we learned in May, ...', 'as the mayor pointed out, ...'), besides speech verbs;
#: not 'know': 'as you know' is a filler, not a report.
AS_REPORTS = frozenset({"learn", "see", "find", "show", "point", "expect"})


def as_clause(verb: Any, lemma: str, kids: list[Any]) -> bool:
    """Whether ``verb`` reports the clause it hangs on from an 'as' clause with no
    complement of its own ('As Reuters reported, ...'); not 'as if', nor 'as she spoke to X'."""
    if verb.dep_ != "advcl" or not (lemma in cues.SPEECH or lemma in AS_REPORTS):
        return False
    marks = [c.lower_ for c in kids if c.dep_ == "mark"]
    if marks != ["as"] or any(c.dep_ in ("ccomp", "dobj", "xcomp") for c in kids):
        return False
    preps = cues.TAKES_PREP.get(lemma, frozenset())
    if any(c.dep_ == "prep" and c.lower_ in preps and c.i > verb.i for c in kids):
        return False  # 'as he called for calm': a report of its own, 'as' tells when
    return lemma != "point" or any(c.dep_ == "prt" and c.lower_ == "out" for c in kids)


#: words between a verb and the noun of its adjunct that a misattached clause hangs on
#: ('said on Friday during a news conference that ...': 'during a news conference').
MAX_ADJUNCT = 8


def _infinitive_after(prep: Any, kids: list[Any]) -> list[Any]:
    """An infinitive the parser hung on the verb right after the object of its preposition:
    in 'called on the mayor to resign' the mayor resigning is what was called for. Not
    after an amount or a possessed noun ('called for $2 million to ...', 'for her exit')."""
    obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if obj is None or obj.ent_type_ in NUMBER_LABELS or any(c.dep_ == "poss" for c in obj.children):
        return []
    for child in kids:
        left = child.left_edge
        if (
            child.dep_ in ("advcl", "xcomp")
            and left.i == prep.right_edge.i + 1
            and left.lower_ == "to"
        ):
            return list(child.subtree)
    return []


def adjunct_clause(verb: Any, kids: list[Any]) -> list[Any]:
    """A that-clause the parser hung on a noun of the verb's adjunct instead of on the verb:
    in 'she said at a news conference that ...' the clause is what she said, not a kind of
    conference. Not when the noun is one of speech ('rejected the claim that ...')."""
    if any(c.dep_ in ("ccomp", "xcomp", "dobj") for c in kids):
        return []
    for child in kids:
        if child.i < verb.i or child.dep_ not in ("prep", "npadvmod"):
            continue
        for tok in child.subtree:
            if tok.dep_ not in ("acl", "relcl") or tok.i > verb.i + MAX_ADJUNCT * 2:
                continue
            # 'that' as a mark, or as the relative adverb the parser makes of it after a
            # noun of time ('said for the first time that ...'): the verb has no other content
            mark = next(
                (m for m in tok.children if m.dep_ in ("mark", "advmod") and m.lower_ == "that"),
                None,
            )
            noun = tok.head
            if mark is None or noun.i - verb.i > MAX_ADJUNCT or mark.i != noun.i + 1:
                continue
            if noun.lemma_.lower() in cues.COPULA_NOUNS - cues.SOURCE_DOCS:
                continue
            return list(tok.subtree)
    return []


#: words that stand for a whole clause right after a speech verb ('said so', 'said no').
PRO_CLAUSES = frozenset({"so", "yes", "no"})


def _pro_form(verb: Any, kids: list[Any]) -> list[Any]:
    """The words right after a speech verb that stand for a clause: 'so', 'yes', 'no', 'the
    same' ('a third said the same'); after a verb of thought, 'so' ('I think so')."""
    nxt = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
    if nxt is None:
        return []
    if verb.lemma_.lower() in cues.THOUGHT and nxt.lower_ == "so" and nxt.head.i == verb.i:
        return [nxt]  # 'I think so', 'we hope so'
    if verb.lemma_.lower() not in cues.SPEECH:
        return []
    if nxt.lower_ in PRO_CLAUSES and any(c.i == nxt.i for c in kids):
        return [nxt]
    same = verb.doc[verb.i + 2] if verb.i + 2 < len(verb.doc) else None
    if nxt.lower_ == "the" and same is not None and same.lower_ == "same" and same.head.i == verb.i:
        return [nxt, same]
    return []


#: tags of wh-words that open an embedded question ('when', 'how', 'what', 'whether').
WH_TAGS = frozenset({"WRB", "WP", "WDT"})


def _empty(obj: Any) -> bool:
    """Whether an object says no content was given ('said nothing'); 'said little about
    the plan' still names what was (not) said."""
    return obj.lower_ in EMPTY_OBJECTS and not any(c.dep_ == "prep" for c in obj.children)


def _put_it(verb: Any, kids: list[Any]) -> Frame | None:
    """'as the mayor put it, ...' and 'she put it this way: ...': the clause or the words
    after the colon; 'the poll put her support at 40 percent': the estimate; 'put' with
    anything else reports nothing."""
    obj = next((c for c in kids if c.dep_ == "dobj" and c.i > verb.i), None)
    at = next((c for c in kids if c.dep_ == "prep" and c.lower_ == "at"), None)
    if obj is not None and obj.lower_ != "it" and at is not None and _a_figure(at):
        return Frame([*obj.subtree, *at.subtree])  # 'Forbes put his worth at $45 billion'
    if not any(c.dep_ == "dobj" and c.lower_ == "it" for c in kids):
        return None
    if verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" for c in kids):
        mine = {t.i for t in verb.subtree}
        return Frame([t for t in verb.head.subtree if t.i not in mine])
    sent = sentence_of(verb)
    colon = next((t for t in sent if t.i > verb.i and t.text == ":"), None)
    return Frame([t for t in sent if t.i > colon.i]) if colon is not None else None


#: counts that put candidates somewhere: 'the poll has Roe at 40 percent'
TALLIES = frozenset({"poll", "survey", "average", "count", "tally", "model", "forecast"})


def _poll_has(verb: Any, lemma: str, kids: list[Any]) -> list[Any]:
    """'The poll has Garza leading Roe', 'a survey had him at 4 percent', 'the count gives
    her 1,280 delegates': a poll's 'have' or 'give' reports where someone stands."""
    subj = next((c for c in kids if c.dep_ == "nsubj" and c.i < verb.i), None)
    if verb.dep_ == "acl" and verb.head.i < verb.i:
        subj = verb.head  # 'with a poll giving Roe a lead'
    if lemma not in ("have", "give") or subj is None or subj.lemma_.lower() not in TALLIES:
        return []
    if lemma == "give":  # 'the poll gave Roe a 10-point lead': whom and what
        given = [c for c in kids if c.dep_ in ("dative", "dobj") and c.i > verb.i]
        return [t for c in given for t in c.subtree] if len(given) == 2 else []
    doing = next((c for c in kids if c.dep_ in ("ccomp", "xcomp") and c.tag_ == "VBG"), None)
    if doing is not None and doing.i > verb.i:
        return list(doing.subtree)
    obj = next((c for c in kids if c.dep_ == "dobj" and c.i > verb.i), None)
    at = next((c for c in kids if c.dep_ == "prep" and c.lower_ == "at"), None)
    if obj is not None and at is not None and _a_figure(at):
        return [*obj.subtree, *at.subtree]
    return []


def _a_figure(prep: Any) -> bool:
    """Whether a phrase names a number or an amount: 'at $45 billion', 'at 5 percent'."""
    return any(t.like_num or t.ent_type_ in NUMBER_LABELS for t in prep.subtree if t.i > prep.i)


def without_according(toks: list[Any]) -> list[Any]:
    """Drop 'according to X' from a content: it names the source of the whole clause
    ('voters view her unfavorably, according to a poll'), so the clause is the poll's."""
    cut = {
        t.i for tok in toks if tok.lower_ == "according" and tok.dep_ == "prep" for t in tok.subtree
    }
    return [t for t in toks if t.i not in cut] if cut else toks


def without_trailing_aside(toks: list[Any]) -> list[Any]:
    """Drop a non-restrictive relative clause that ends the content and describes a name
    ('..., who ...'): the writer's aside, not part of what was attributed. One about a thing
    ('the levy, which she says hurts farmers') is mostly the speaker's own point, and stays."""
    if not toks:
        return toks
    ids = {t.i for t in toks}
    last = max(ids)
    doc = toks[0].doc
    for tok in toks:
        if tok.dep_ != "relcl" or tok.head.i not in ids:
            continue
        if tok.head.pos_ != "PROPN" and not tok.head.ent_type_:
            continue
        sub = list(tok.subtree)
        if sub[-1].i >= last - 1 and sub[0].i > 0 and doc[sub[0].i - 1].text == ",":
            cut = {t.i for t in sub} | {sub[0].i - 1}
            return [t for t in toks if t.i not in cut]
    return toks


def _light_verb(verb: Any, kids: list[Any]) -> Frame | None:
    """'took aim at X', 'has concerns about X', 'made the case that X': the noun carries
    the stance, its preposition or clause the content."""
    obj = next((c for c in kids if c.dep_ == "dobj" and c.i > verb.i), None)
    if obj is None or obj.lemma_.lower() not in cues.LIGHT_NOUNS:
        return _said_object(verb, obj)
    after = [c for c in kids if c.i > obj.i]  # the parser hangs 'at X' on either word
    later = sorted([*obj.children, *after], key=lambda c: c.i)
    clause = any(c.dep_ in ("acl", "ccomp") for c in later)
    for child in later:
        if child.dep_ == "prep" and child.lower_ == "to" and clause:
            continue  # 'made the case to voters that ...': 'to' names the hearer
        if child.dep_ == "prep" and child.lower_ in cues.LIGHT_PREPS and child.i > obj.i:
            pobj = [t for c in child.children if c.dep_ in ("pobj", "pcomp") for t in c.subtree]
            if pobj:
                return Frame(pobj, cue_extra=child)
        if child.dep_ in ("acl", "ccomp") and child.i > obj.i:
            return Frame(list(child.subtree))
    ccomp = next((c for c in kids if c.dep_ == "ccomp" and c.i > obj.i), None)
    return Frame(list(ccomp.subtree)) if ccomp is not None else _said_object(verb, obj)


def _said_object(verb: Any, obj: Any | None) -> Frame | None:
    """'made similar comments', 'gave a vague answer': the noun of what was said, when it
    names no content of its own, is the content of the verb that made or gave it."""
    if obj is None or verb.lemma_.lower() not in cues.SAYING_VERBS:
        return None
    if verb.lemma_.lower() == "make" and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in verb.children
    ):
        return None  # 'told a joke to make a remark': how a purpose was served, not a report
    if obj.lemma_.lower() not in cues.SAID_NOUNS or noun_relation(obj) is not None:
        return None
    if _points_back(obj):
        return None
    return Frame(list(obj.subtree))


def _points_back(noun: Any) -> bool:
    """Whether a noun points back at words reported before ('made his remarks', 'made the
    comments'): a possessive, or 'the' with nothing else to tell the noun apart."""
    kids = list(noun.children)
    if any(c.dep_ == "poss" for c in kids):
        return True
    return len(kids) == 1 and kids[0].lower_ == "the"


def _backing(verb: Any, kids: list[Any]) -> Frame | None:
    """'threw her support behind Roe', 'cast doubt on the tally': what the thing thrown or
    cast goes to is the content, the verb, the noun and its preposition the cue."""
    obj = next((c for c in kids if c.dep_ == "dobj" and c.i > verb.i), None)
    if obj is None or obj.lemma_.lower() not in cues.BACKING_NOUNS:
        return None
    for child in sorted([*obj.children, *kids], key=lambda c: c.i):
        if child.dep_ == "prep" and child.i > obj.i and child.lower_ in cues.BACKING_PREPS:
            pobj = [t for c in child.children if c.dep_ == "pobj" for t in c.subtree]
            return Frame(pobj, cue_extra=child) if pobj else None
    return None


def _told_to(verb: Any, kids: list[Any], obj: Any) -> Any | None:
    """The 'to' clause after the object of a verb addressed to someone ('urged the board to
    wait', 'convinced a court to act'): what the hearer is told to do."""
    return next(
        (
            c
            for c in kids
            if c.dep_ in ("xcomp", "advcl", "ccomp")
            and c.i > obj.i
            and c.left_edge.lower_ == "to"
            and c.left_edge.dep_ == "aux"
        ),
        None,
    )


#: prepositions that give what someone was praised or faulted for: 'criticized over X'
REASON_PREPS = frozenset({"for", "over"})


def _reason(child: Any, verb: Any) -> bool:
    return child.dep_ == "prep" and child.lower_ in REASON_PREPS and child.i > verb.i


def _continues_a_report(subj: Any | None, xcomp: Any) -> bool:
    """Whether 'continue' goes on with a report or stance of someone who can hold one:
    'she continued to insist that X' does, 'she continues to trail in the polls' only
    says that something goes on."""
    return subj is not None and holds_views(subj) and xcomp.lemma_.lower() in cues.ALL


def _reports(verb: Any) -> bool:
    """Whether a verb in the active voice reports something it takes as a complement."""
    kids = list(verb.children)
    return (
        verb.lemma_.lower() in cues.SPEECH
        and not any(c.dep_ == "auxpass" for c in kids)
        and any(c.dep_ in ("ccomp", "dobj", "xcomp") for c in kids)
    )


def _hearer_preps(verb: Any, lemma: str, kids: list[Any]) -> list[Any]:
    """Phrases the parse hung on the hearer of a verb that addresses one: in 'reminded the
    board of the flood' the flood is what the board was reminded of."""
    if lemma not in cues.ADDRESSEE or lemma == "tell":
        return []  # 'told a meeting of leaders': the phrase is the hearer's own
    return [p for h in kids if h.dep_ == "dobj" and _hearer(h) for p in h.children]


def _hung_on_phrase(verb: Any, kids: list[Any], preps: set[str]) -> list[Any]:
    """A preposition of the verb's own that the parse hung on the noun of an earlier phrase
    of the verb or on its adjective: in 'talked to voters about taxes' or 'spoke at length
    about taxes' taxes are what was talked about, in 'pleaded guilty to fraud' what was
    admitted ('of' is left out: 'spoke to the head of the union')."""
    hosts = [n for p in kids if p.dep_ == "prep" and p.i > verb.i for n in p.children]
    hosts = [n for n in hosts if n.dep_ == "pobj"]
    hosts += [a for a in kids if a.dep_ == "acomp" and a.i > verb.i]
    return [
        q
        for n in hosts
        for q in n.children
        if q.dep_ == "prep" and q.lower_ in preps and q.lower_ != "of"
    ]


def _hearer(tok: Any) -> bool:
    """Whether an object names a hearer (a pronoun, a name, people) rather than a message."""
    return (
        tok.pos_ in ("PRON", "PROPN")
        or tok.ent_type_ in ("PERSON", "ORG", "NORP", "GPE")
        or tok.lemma_.lower() in cues.SOURCE_NOUNS | cues.HEARER_NOUNS
    )


def _relative_head(verb: Any, kids: list[Any]) -> list[Any]:
    """'the things he said about X', 'the claims that he made': the noun is the content."""
    if verb.dep_ != "relcl" or any(c.dep_ in ("ccomp", "xcomp") for c in kids):
        return []
    subj = next((c for c in kids if c.dep_ == "nsubj"), None)
    if subj is None or subj.tag_ in ("WP", "WDT") or subj.lower_ == "that":
        return []
    obj = next((c for c in kids if c.dep_ == "dobj"), None)
    if obj is not None and not (obj.i < verb.i and obj.tag_ in ("WP", "WDT", "IN")):
        return []
    if obj is None:  # 'the defeat that she fears' with 'that' read as a mark
        obj = next((c for c in kids if c.dep_ == "mark" and c.lower_ == "that"), None)
    if obj is not None and (obj.tag_ in ("WP", "WDT") or obj.lower_ == "that"):
        return [obj]  # 'the deal, which she opposed': the pronoun stands for the noun
    mine = {t.i for t in verb.subtree}
    return [t for t in verb.head.subtree if t.i not in mine]


#: words between a verb and the comma before its quote: 'chanted loudly at the mayor, "..."'
BEFORE_QUOTE = frozenset({"advmod", "prep", "prt", "npadvmod"})


def _quote_after_comma(verb: Any, kids: list[Any], lemma: str) -> list[Any]:
    """'The fans chanted, "Fix the roads."': a quote that opens after the verb, its adverbs and
    phrases, and a comma is what the verb reports, whatever the parse made of its words
    (not after the verb's own preposition: 'speaking of X, "..."' reports X)."""
    doc = verb.doc
    after = [c for c in kids if c.i > verb.i and c.dep_ in BEFORE_QUOTE]
    if any(c.lower_ in cues.TAKES_PREP.get(lemma, ()) for c in after):
        return []
    end = max([verb.i] + [t.i for c in after for t in c.subtree])
    if end + 2 >= len(doc) or doc[end + 1].text != ",":
        return []
    start = doc[end + 2]
    reg = next((r for r in doc_quote_regions(doc) if r[0] == start.idx), None)
    if reg is None:
        return []
    return [t for t in doc[start.i :] if t.idx < reg[1]]


def _quoted_before(verb: Any) -> list[Any]:
    """Quoted words of the verb's sentence before it ('"A," she said, "B."')."""
    regions = doc_quote_regions(verb.doc)
    return [
        t for t in sentence_of(verb) if t.i < verb.i and any(r[0] <= t.idx < r[1] for r in regions)
    ]


#: verbs of putting out a document: with only the document as object they say that it came
#: out, not what it says ('released a statement', 'signed the letter')
ISSUING = frozenset({"release", "issue", "unveil", "publish", "post", "write", "sign", "present"})
#: nouns of written documents put out to state a position
DOCUMENTS = frozenset(
    "statement letter memo release ad brochure document transcript paper column".split()
)
#: dependents of a document's noun that give what it says or is about
DOCUMENT_TOPICS = frozenset({"prep", "acl", "relcl", "appos", "ccomp"})


def _bare_document(verb: Any, obj: Any) -> bool:
    """Whether an object names a document and nothing of what it says, nor does a phrase
    after it but for a time: 'released a statement on Friday'; not 'a statement in
    opposition to the deal', 'a memo titled X', 'a letter to the board about X'."""
    if obj.lemma_.lower() not in DOCUMENTS:
        return False
    after = [c for c in verb.children if c.i > obj.i and c.dep_ in DOCUMENT_TOPICS]
    return not any(c.dep_ in DOCUMENT_TOPICS for c in obj.children) and all(
        _when(c) for c in after
    )


def _when(phrase: Any) -> bool:
    """Whether a phrase only says when: 'on Friday', 'last week'."""
    return all(t.ent_type_ in ("DATE", "TIME") for t in phrase.subtree if t.i != phrase.i)


def _announces_next(obj: Any) -> bool:
    """'tweeted the following:' closing its paragraph: the object stands for the next one."""
    doc = obj.doc
    i = obj.i + 1
    while i < len(doc) and doc[i].head.i == obj.i and doc[i].text != ":":
        i += 1  # 'the following statement'
    if i >= len(doc) or doc[i].text != ":" or "following" not in [t.lower_ for t in obj.subtree]:
        return False
    return i + 1 == len(doc) or "\n" in doc[i + 1].text


def _next_paragraph(verb: Any) -> list[Any]:
    """The paragraph after a verb's own ('She said:' closing a paragraph, then the words she
    said): a passage set off this way is a block quote, quoted whole, not a sentence of it."""
    doc = verb.doc
    i = sentence_of(verb).end
    while i < len(doc) and doc[i].is_space:
        i += 1
    return [doc[i], *to_paragraph_end(doc[i])] if i < len(doc) else []


def _quoted_nearby(verb: Any) -> list[Any]:
    """Quoted tokens of a speech verb's sentence ('"A," Bond said, "B."'), else the sentence
    before it when that one is all quote ('"Open the gates!" the mayor said on the radio.')."""
    doc = verb.doc
    regions = doc_quote_regions(doc)
    sent = sentence_of(verb)
    lo, hi = sent[0].idx, sent[-1].idx + len(sent[-1])
    regs = [r for r in regions if r[0] < hi and lo < r[1] and not r[0] <= verb.idx < r[1]]
    quoted = [t for t in sent if any(r[0] <= t.idx < r[1] for r in regs)]
    if any(t.is_alpha for t in quoted):  # not just the opening mark of the next quote,
        return quoted  # which the sentence splitter can leave at this one's end
    i = sent.start - 1
    while i >= 0 and doc[i].is_space:
        i -= 1
    if i < 0 or any(r[0] <= lo < r[1] for r in regions):
        return []
    if "\n" in text_of(doc)[doc[i].idx + len(doc[i]) : lo]:
        return []  # a quote that closes a paragraph is not reported by the next one
    if any(c.dep_ in ("dobj", "ccomp", "xcomp") for c in verb.children):
        return []
    prev = sentence_of(doc[i])
    words = [t for t in prev if not (t.is_space or t.is_punct)]
    if words and any(r[0] <= words[0].idx and words[-1].idx < r[1] for r in regions):
        return list(prev)
    return []


#: marks after which a clause is done: what follows explains it, does not report it
CLAUSE_CLOSERS = frozenset({":", ";"})


def _closed_by_colon(clause: Any, verb: Any) -> bool:
    """Whether a clause the parse hung on a later verb ends with a colon or semicolon
    before that verb's own clause: in 'The board faces a bind: its chair backed X.' the
    second clause explains the first and reports nothing of it."""
    if clause.i > verb.i:
        return False
    doc = verb.doc
    return any(doc[i].text in CLAUSE_CLOSERS for i in range(clause.right_edge.i + 1, verb.i))


#: words that open a clause of time, cause or concession: such a clause tells when or why
#: something was said ('said before he died'), not what
ADVERBIAL_MARKS = frozenset(
    "before after when while until till since because although though once unless".split()
)


def _adverbial(clause: Any) -> bool:
    """Whether the parse made a complement of a clause of time, cause or concession (one
    that opens with such a word)."""
    first = clause.left_edge
    return first.dep_ == "mark" and first.lower_ in ADVERBIAL_MARKS and first.head == clause


def _in_quote(clause: Any, regions: list[tuple[int, int]]) -> bool:
    """Whether a clause lies inside one quoted passage."""
    lo, hi = clause.left_edge.idx, clause.right_edge.idx
    return any(r[0] <= lo and hi < r[1] for r in regions)


def _quoted(tok: Any) -> bool:
    sub = list(tok.subtree)
    return sub[0].text in QUOTE_CHARS or (
        sub[0].i > 0 and tok.doc[sub[0].i - 1].text in QUOTE_CHARS
    )
