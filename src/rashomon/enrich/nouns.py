"""Noun cues: a noun of speech or thought with what it reports ('his claim that X', 'her
call for X', 'the criticism from Y'), a copula that gives a noun's content ('The key question
is whether X'), and an agent noun ('critics of X'). ``frames.relation_at`` tries them after
the verb frames; each finds the noun's holder where the phrase or the clause names one.
"""

from __future__ import annotations

from typing import Any

from rashomon.enrich import cues
from rashomon.enrich.tokens import (
    VERBS,
    Relation,
    holds_views,
    ranges_of,
    source_range,
    subject_of,
)


def copula_relation(verb: Any) -> Relation | None:
    """'His answer was that ...', 'The key question is whether ...'."""
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None or subj.lemma_.lower() not in cues.COPULA_NOUNS:
        return None
    comp = next((c for c in verb.children if c.dep_ in ("ccomp", "attr") and c.i > verb.i), None)
    if comp is None or (comp.dep_ == "attr" and comp.pos_ not in ("VERB", "AUX")):
        if comp is None or not any(t.dep_ == "mark" for t in comp.subtree):
            return None
    poss = next((c for c in subj.children if c.dep_ == "poss"), None)
    holder = poss if poss is not None else _named_in_phrase(subj)
    content = ranges_of(list(comp.subtree))
    src = source_range(holder, {t.i for t in comp.subtree}) if holder is not None else None
    start = subj.left_edge if poss is None else subj
    cue_start = min(start.i, subj.i) if poss is None else subj.i
    doc = verb.doc
    return Relation(
        (doc[cue_start].idx, verb.idx + len(verb.text)),
        content,
        src,
        subj.lemma_.lower(),
        verb.i,
        holder.i if src else None,
    )


#: prepositions after a noun of speech or thought that name whose it is: 'the concern
#: among pilots', 'the view within the party'
HOLDER_PREPS = frozenset({"among", "within"})


def _named_in_phrase(noun: Any) -> Any | None:
    """Who holds a noun of speech or thought, named inside its own phrase: 'the question
    posed by X', 'the promise she made', 'the concern among pilots'."""
    for child in noun.children:
        if child.dep_ == "acl" and child.tag_ == "VBN":  # 'the question posed by X'
            agent = next((c for c in child.children if c.dep_ == "agent"), None)
            if agent is not None:
                return next((c for c in agent.children if c.dep_ == "pobj"), None)
        if child.dep_ == "relcl":  # 'the promise she has made'
            subj = next((c for c in child.children if c.dep_ == "nsubj"), None)
            if subj is not None and subj.tag_ not in ("WDT", "WP"):
                return subj
        if child.dep_ == "prep" and child.lower_ in HOLDER_PREPS:
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    return None


#: nouns that make a fixed phrase after 'in' rather than name a claim ('in charge of').
IN_PHRASES = frozenset({"order", "response", "reply", "reference", "charge"})


#: prepositions that lead the topic of a cue noun ('criticism of', 'support for', 'a
#: dispute over').
NOUN_TOPIC_PREPS = frozenset({"of", "for", "about", "on", "against", "to", "over"})


#: verbs whose subject meets someone else's words: 'she fielded questions about ...', 'the
#: plan faced complaints that ...' (the asker or the complainer is not named).
MET_WITH = frozenset("field face entertain answer receive beg attract prompt invite dodge".split())


#: nouns of backing that someone gives and another wins: 'won the endorsement of X'.
GIVEN_NOUNS = frozenset(
    {"support", "endorsement", "approval", "criticism", "praise", "condemnation", "rebuke"}
)
#: ... those that count with nobody named as giver: 'the plan drew criticism'.
GIVEN_UNNAMED = frozenset({"criticism", "praise", "condemnation", "rebuke", "support"})


#: verbs of winning or holding backing: 'X won / has / picked up the support of Y'.
RECEIVING_VERBS = frozenset(
    """win get receive secure earn gain have land snag pick garner enjoy sew clinch draw
    attract face incur""".split()
)


#: prepositions that name who gives a received thing: 'the support of / from / among X'
GIVERS = frozenset({"of", "from", "among"})


def _received(noun: Any) -> Relation | None:
    """'Roe won the endorsement of the union': the union endorses (the source) and Roe,
    who received it, is what the endorsement is about (the content)."""
    if noun.lemma_.lower() not in GIVEN_NOUNS or noun.dep_ != "dobj":
        return None
    verb = noun.head
    if verb.lemma_.lower() not in RECEIVING_VERBS:
        return None
    prep = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ in GIVERS), None)
    if prep is None:  # 'received support from X' with 'from' hung on the verb
        prep = next(
            (c for c in verb.children if c.dep_ == "prep" and c.i > noun.i and c.lower_ == "from"),
            None,
        )
    giver = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep else None
    receiver = subject_of(verb)
    if receiver is None or receiver.i > verb.i:
        return None
    if any(c.dep_ == "prep" and c.lower_ in ("for", "over", "about", "on") for c in noun.children):
        return None  # 'drew criticism for the delay': the delay is what is criticised
    if giver is None and noun.lemma_.lower() not in GIVEN_UNNAMED:
        return None  # 'has support' alone says too little
    content = [t for t in receiver.subtree if t.i < verb.i]
    return _noun_relation(
        noun,
        prep if giver is not None else noun,
        content,
        giver,
        {t.i for t in content} | {noun.i},
    )


#: cue nouns that also name a sum of money: 'a $5 charge'
PRICED_NOUNS = frozenset({"charge"})
CURRENCY = frozenset("$€£¥")


def _priced(noun: Any) -> bool:
    """Whether a number or a sum of money stands before the noun: 'a 60-crown charge'."""
    before = [t for left in noun.lefts for t in left.subtree]
    return any(t.like_num or t.ent_type_ == "MONEY" or t.text in CURRENCY for t in before)


def noun_relation(noun: Any) -> Relation | None:
    """'his claim that ...', 'Trump's criticism of Bush', 'a demand by Pelosi that ...'."""
    if noun.i > 0 and noun.doc[noun.i - 1].lower_ == "in" and noun.lower_ in IN_PHRASES:
        return None  # 'in order to ...', 'in response to the storm'
    if noun.lemma_.lower() in PRICED_NOUNS and _priced(noun):
        return None  # 'a 60-crown charge on every lorry' is a fee, not an accusation
    received = _received(noun)
    if received is not None:
        return received
    content: list[Any] = []
    source = None
    cue_end = noun
    topic_at = noun.i + 1  # where the topic's preposition stands: after the noun or its giver
    for child in noun.children:
        if (
            child.dep_ in ("acl", "ccomp", "relcl")
            and child.i > noun.i
            # 'a statement to read' is a relative; 'a claim that ...' misread as one is not
            and any(
                (k.dep_, k.lower_) == ("mark", "that")
                or (k.dep_, k.lower_) == ("aux", "to")
                and child.dep_ != "relcl"
                for k in child.children
            )
        ):  # 'his claim that ...', 'her pledge to ...'
            content = list(child.subtree)
        elif child.dep_ == "prep" and child.i > noun.i and not content:
            if (
                child.lower_ in cues.NOUN_PREPS.get(noun.lemma_.lower(), NOUN_TOPIC_PREPS)
                and child.i == topic_at
                # 'support shifted from Roe to Kell': 'to' after the giver names a taker
                and not (child.lower_ == "to" and topic_at > noun.i + 1)
                # 'a statement to reporters': 'to' names the hearer of a speech act
                and not (child.lower_ == "to" and noun.lemma_.lower() in cues.ADDRESSED_NOUNS)
            ):
                content = [
                    t for c in child.children if c.dep_ in ("pobj", "pcomp") for t in c.subtree
                ]
                cue_end = child if child.i == noun.i + 1 else noun
            elif child.lower_ in ("by", "from"):
                source = next((c for c in child.children if c.dep_ == "pobj"), None)
                topic_at = child.right_edge.i + 1  # 'criticism from Roe about the toll'
        elif child.dep_ == "poss":
            source = child
    if not content:
        content = misattached_that(noun)
    if not content:
        content, cue_end = _topic_on_verb(noun)
    if not content:
        return None
    return _held(noun, cue_end, content, source)


def about_relation(noun: Any) -> Relation | None:
    """'a word about Roe', 'details about the deal': any noun with an 'about' phrase right
    after it cues that phrase, since 'about' names what is said or thought."""
    prep = _about_of(noun)
    if prep is None or not noun.is_alpha:
        return None  # 'what it’s about' with the clitic read as a noun
    if noun.lemma_.lower() in cues.LIGHT_NOUNS and noun.head.lemma_.lower() in cues.LIGHT_VERBS:
        return None  # 'sounded a note about X': the light verb's frame reports it
    content = [t for c in prep.children if c.dep_ in ("pobj", "pcomp") for t in c.subtree]
    if not content:
        return None
    source = next((c for c in noun.children if c.dep_ == "poss"), None)
    return _held(noun, prep, content, source)


def _about_of(noun: Any) -> Any | None:
    """The 'about' right after a noun, hung on the noun or, when the noun is the object of
    a verb that is no cue, on that verb ('kept mum about the timing')."""
    doc = noun.doc
    prep = doc[noun.i + 1] if noun.i + 1 < len(doc) else None
    if prep is not None and prep.lower_ == "about" and prep.dep_ == "prep" and prep.head == noun:
        return prep
    verb = noun.head
    if noun.dep_ != "dobj" or verb.pos_ not in VERBS or verb.lemma_.lower() in cues.ALL:
        return None
    prep = next((c for c in verb.children if c.i == noun.right_edge.i + 1), None)
    return prep if prep is not None and prep.lower_ == "about" and prep.dep_ == "prep" else None


def _held(noun: Any, cue_end: Any, content: list[Any], source: Any | None) -> Relation | None:
    """The relation of a cue noun (up to ``cue_end``) with its content, its holder the
    ``source`` the phrase names or else the subject of the verb the noun serves."""
    if (
        source is None
        and noun.dep_ in ("dobj", "attr")
        and noun.head.pos_ in VERBS
        and noun.head.lemma_.lower() not in MET_WITH
    ):
        source = subject_of(noun.head)  # 'Trump made the claim that ...'
    elif source is None and noun.dep_ == "pobj":
        verb = noun.head.head
        while verb.pos_ in ("ADV", "ADJ") and verb.head.i != verb.i:
            verb = verb.head  # 'moved away from a claim that ...'
        if verb.pos_ in VERBS:
            subj = subject_of(verb)  # 'she stood by her claim that ...'
            acting = noun.head.lower_ == "in" and subj is not None and subj.pos_ != "PRON"
            source = subj if subj is not None and (holds_views(subj) or acting) else None
    if source is None and cue_end is not noun and cue_end.lower_ == "on":
        return None  # 'a new focus on the port', 'attacks on the convoy': nobody's stance
    if source is None and noun.lemma_.lower() in ACTS_NEEDING_MAKER:
        return None  # 'the decision to shut the ferry', 'a push to limit X': nobody's stance
    if source is not None and source.tag_ == "PRP$":
        source = _named_owner(noun, source)
    return _noun_relation(noun, cue_end, content, source, {noun.i})


#: prepositions of a cue noun's topic that the parser may hang on the noun's verb instead
VERB_HUNG_TOPIC_PREPS = frozenset({"about", "on"})


def _topic_on_verb(noun: Any) -> tuple[list[Any], Any]:
    """'kept the focus on his record', 'drew no conclusions about the fire': the topic
    right after a cue noun that is a verb's object, with its preposition hung on the verb;
    (the topic's words, the preposition), or ([], the noun)."""
    verb = noun.head
    if noun.dep_ != "dobj" or verb.pos_ not in VERBS:
        return [], noun
    prep = next((c for c in verb.children if c.i == noun.right_edge.i + 1), None)
    if prep is None or prep.dep_ != "prep" or prep.lower_ not in VERB_HUNG_TOPIC_PREPS:
        return [], noun
    topic = [t for c in prep.children if c.dep_ in ("pobj", "pcomp") for t in c.subtree]
    if any(t.lower_ == "behalf" for t in topic[:1]):
        return [], noun  # 'filed the suit on behalf of X'
    return topic, prep


#: cue nouns of an act rather than a view: with nobody named as its maker they attribute
#: nothing
ACTS_NEEDING_MAKER = frozenset({"decision", "push"})


def _named_owner(noun: Any, pronoun: Any) -> Any:
    """The subject of the verb that governs a cue noun, when the noun's possessive
    pronoun stands for it: in 'Roe renewed her call for X' the call is Roe's."""
    verb = noun.head if noun.dep_ in ("dobj", "attr") else noun.head.head
    while verb.pos_ in ("ADV", "ADJ") and verb.head.i != verb.i:
        verb = verb.head  # 'was unsparing in their criticism of X'
    if noun.dep_ not in ("dobj", "attr", "pobj") or verb.pos_ not in VERBS:
        return pronoun
    subj = subject_of(verb)
    if subj is None or subj.i > noun.i or not _agrees(pronoun, subj):
        return pronoun
    return subj


#: subjects no possessive pronoun stands for
NOT_OWNERS = frozenset({"it", "this", "that", "which", "what", "nothing", "all", "i", "we", "you"})


def _agrees(pronoun: Any, subj: Any) -> bool:
    """Whether a possessive pronoun can stand for a subject: 'his' or 'her' for one
    person ('Roe', 'the mayor', 'she'), 'their' for a group or several."""
    if subj.lower_ in NOT_OWNERS or subj.pos_ not in ("PROPN", "NOUN", "PRON"):
        return False
    if subj.pos_ == "NOUN" and any(c.dep_ in ("poss", "prep") for c in subj.children):
        return False  # 'Roe's popularity', 'part of the pitch': a thing of someone's
    plural = (
        subj.tag_ in ("NNS", "NNPS")
        or subj.lower_ == "they"
        or any(c.dep_ == "conj" for c in subj.children)
    )
    if pronoun.lower_ in ("his", "her"):
        return not plural
    if pronoun.lower_ == "their":
        return plural or subj.ent_type_ in ("ORG", "NORP")
    return False


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


def agent_noun_relation(noun: Any) -> Relation | None:
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
