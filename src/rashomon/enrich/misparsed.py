"""Fallbacks for cue verbs the parser got wrong, read from the shape of the words.

Headlines drop articles and capitalise every word, so the small model often tags their verb
as a noun and makes the whole line one noun phrase: in 'Mayor Roe Praises New Budget' or
'City council backs the plan', 'Praises' and 'backs' come out as NNPS/NNS with no verb in
the sentence. ``headline_verb`` takes such a word back as the cue when it is a verb of the
lexicon in the third person ('-s'), the words before it are a bare name or noun phrase
opening the line, and the words after it start what it reports.

``modifier_verb`` does the same for a past-tense verb parsed as an adjective of its object
('Roe condemned/amod Smith's calls'), ``participle_modifier`` an -ing participle parsed so
('PACs supporting/amod candidates'), and ``agent_participle`` reads a stance verb's passive
participle after a noun ('the plan, opposed by Mayor Roe, ...'), which has no subject of
its own to be the source. ``joined_verb`` reads a second '-s' verb joined to the first and
tagged as a plural noun ('Roe visits Ohio and praises/NNS Smith'), and ``verbless_stance`` a
headline's stance adjective whose 'is' was left out ('Farmers wary of tariff plan'); ``name_on``
a headline of a person's name and 'on' ('Roe on why the mill must close'); ``trailing_report``
a reporting verb read as a noun at a headline's end ('..., Roe hints/NNS').
"""

from __future__ import annotations

from typing import Any

from rashomon.enrich import cues
from rashomon.enrich.tokens import (
    VERBS,
    Relation,
    holds_views,
    name_as_verb,
    ranges_of,
    sentence_of,
    source_range,
    subject_of,
)

#: verbs a misread noun can stand for; light verbs ('takes', 'makes') and raising verbs
#: read as a noun far more often than as a report.
HEADLINE_VERBS = cues.ALL - cues.LIGHT_VERBS - cues.RAISING - cues.PUT_IT
#: parts of speech of the name or noun phrase before a headline verb.
NOUN_PHRASE = frozenset({"PROPN", "NOUN", "PRON", "ADJ", "DET", "NUM", "PART"})
#: punctuation after which a headline's subject can start ('Vote: Party backs ...').
OPENERS = frozenset({":", "—", "–", "-", "--", ",", "‘", "'", '"', "“"})
#: parts of speech that can open what a headline verb reports ('Backs the Plan').
CONTENT_START = frozenset({"DET", "PROPN", "NOUN", "PRON", "ADJ", "NUM", "ADV"})
#: what may open it besides: a that-clause, an infinitive, a quote, an aside ('(Some)').
CONTENT_WORDS = frozenset({"that", "to", "‘", "'", '"', "“", "("})


def third_person_lemma(tok: Any) -> str | None:
    """The lexicon verb whose '-s' form ``tok`` is ('Praises' -> 'praise'), if any."""
    low = tok.lower_
    if len(low) < 4 or not low.endswith("s") or low.endswith("ss"):
        return None
    stems = [low[:-1], low[:-2]] + ([low[:-3] + "y"] if low.endswith("ies") else [])
    return next((s for s in stems if s in HEADLINE_VERBS), None)


def _subject_run(tok: Any, sent: Any) -> list[Any]:
    """The noun phrase right before ``tok`` when it opens the sentence or follows an opener."""
    run: list[Any] = []
    i = tok.i - 1
    while i >= sent.start and tok.doc[i].pos_ in NOUN_PHRASE and not tok.doc[i].is_space:
        run.append(tok.doc[i])
        i -= 1
    if not run or i >= sent.start and tok.doc[i].text not in OPENERS and not tok.doc[i].is_space:
        return []
    run.reverse()
    nominal = run[-1].pos_ in ("PROPN", "NOUN", "PRON") or run[-1].ent_type_ == "NORP"
    if not nominal or run[-1].tag_ == "POS":  # 'Conservative/JJ faults ...' names a person
        return []
    return run


def _verb_shape(tok: Any) -> str | None:
    """The lexicon verb a headline word stands for when the parser did not read it as the
    sentence's verb: a noun in '-s' form ('Praises'), a bare form after a plural noun
    ('Experts Doubt'), or a '-s' verb hung on a noun ('Compares/VBZ' as a compound)."""
    if tok.pos_ in ("NOUN", "PROPN"):
        if tok.tag_ in ("NNS", "NNPS", "NNP"):
            lemma = third_person_lemma(tok)
            if lemma is not None:
                return lemma
        prev = tok.doc[tok.i - 1] if tok.i > 0 else None
        plural = prev is not None and prev.tag_ in ("NNS", "NNPS") and prev.lower_.endswith("s")
        if plural and tok.tag_ in ("NN", "NNP") and tok.lower_ in HEADLINE_VERBS:
            return tok.lower_
        return None
    if tok.pos_ in VERBS and tok.tag_ == "VBZ" and hung_on_name(tok):
        lemma = tok.lemma_.lower()  # an auxiliary keeps its '-s': 'blasts/aux'
        return lemma if lemma in HEADLINE_VERBS else third_person_lemma(tok)
    if tok.pos_ == "VERB" and tok.dep_ in ("compound", "amod", "nmod"):
        lemma = tok.lemma_.lower()
        prev = tok.doc[tok.i - 1] if tok.i > 0 else None
        plural = prev is not None and prev.tag_ in ("NNS", "NNPS")
        finite = tok.tag_ == "VBZ" or tok.tag_ == "VBP" and plural
        return lemma if finite and lemma in HEADLINE_VERBS else None
    return None


def _content(tok: Any, lemma: str, sent: Any) -> tuple[list[Any], Any]:
    """What a headline verb reports (up to ';', the sentence end, a clause of its own or a
    second headline verb: 'Roe Backs Plan And Praises Aide') and the cue's last word."""
    doc = tok.doc
    first = tok.i + 1
    if first >= sent.end:
        return [], tok
    nxt = doc[first]
    cue_end = tok
    if nxt.lower_ in cues.TAKES_PREP.get(lemma, ()):
        cue_end, first = nxt, first + 1  # 'Sides With X': the preposition is the cue's
    elif nxt.pos_ not in CONTENT_START and nxt.lower_ not in CONTENT_WORDS:
        if not name_as_verb(nxt):
            return [], tok
    out = []
    for t in doc[first : sent.end]:
        if t.text == ";" or t.is_space and "\n" in t.text:
            break
        after = doc[t.i + 1] if t.i + 1 < sent.end else None
        if t.lower_ in JOINERS and after is not None and _verb_shape(after) is not None:
            break
        if out and out[0].lower_ not in CONTENT_WORDS and t.dep_ == "mark" and t.head.i > t.i:
            break  # 'backs the plan as she tours ...': a clause of its own
        out.append(t)
    return out, cue_end


#: words that join a second headline verb to the first: 'Backs Plan, Praises Aide'.
JOINERS = frozenset({"and", ","})


def _shared_subject(tok: Any, sent: Any) -> list[Any]:
    """The subject of the first of two joined headline verbs, for the second."""
    prev = tok.doc[tok.i - 1] if tok.i > sent.start else None
    if prev is None or prev.lower_ not in JOINERS:
        return []
    for t in sent:
        if t.i >= prev.i:
            break
        if _verb_shape(t) is not None:
            run = _subject_run(t, sent)
            if run:
                return run
    return []


def hung_on_name(tok: Any) -> bool:
    """'Mayor slams/NNS Roe/VBP', 'Lobby blasts/VBZ/aux Roe/VBP': the parser made the
    headline verb the subject or auxiliary of the name after it, read as the verb."""
    head = tok.head
    return head.i == tok.i + 1 and tok.dep_ in ("nsubj", "aux") and name_as_verb(head)


def headline_verb(tok: Any) -> Relation | None:
    """'Mayor Roe Praises New Budget': a lexicon verb that the parser read as a noun (or
    hung on one), in a sentence with no verb at its root, opening after a bare noun phrase."""
    lemma = _verb_shape(tok)
    if lemma is None:
        return None
    sent = sentence_of(tok)
    if sent.root.pos_ in VERBS and not hung_on_name(tok):
        return None
    run = _subject_run(tok, sent) or _shared_subject(tok, sent)
    if not run:
        return None
    content, cue_end = _content(tok, lemma, sent)
    ranges = ranges_of(content)
    source = ranges_of(run)
    if not ranges or not source:
        return None
    return Relation(
        (tok.idx, cue_end.idx + len(cue_end.text)), ranges, source[0], lemma, tok.i, run[-1].i
    )


def joined_verb(tok: Any) -> Relation | None:
    """'Roe visits Ohio and praises/NNS Smith': a second '-s' verb of the lexicon joined to a
    present-tense verb, read as a plural noun; its source is the first verb's subject."""
    first = tok.head
    if tok.dep_ != "conj" or tok.tag_ not in ("NNS", "NNPS") or first.tag_ != "VBZ":
        return None
    if first.i >= tok.i or tok.doc[tok.i - 1].lower_ not in JOINERS:
        return None
    lemma = third_person_lemma(tok)
    subj = subject_of(first)
    if lemma is None or subj is None:
        return None
    content, cue_end = _content(tok, lemma, sentence_of(tok))
    ranges = ranges_of(content)
    source = source_range(subj, {t.i for t in first.subtree if t.i > first.i})
    if not ranges or source is None:
        return None
    cue = (tok.idx, cue_end.idx + len(cue_end.text))
    return Relation(cue, ranges, source, lemma, tok.i, subj.i)


#: prepositions that open what a stance adjective is about ('wary of X', 'confident in X',
#: 'angry at X').
STANCE_PREPS = frozenset({"about", "of", "on", "with", "to", "over", "in", "at"})


def _stance_holder(adj: Any) -> list[Any]:
    """Who holds a stance adjective in a verbless line: the noun it follows as the line's
    head ('Farmers wary of ...') or its subject ('Roe/nsubj optimistic/ROOT ...')."""
    head = adj.head
    if adj.dep_ == "amod" and head.i < adj.i and head.dep_ == "ROOT":
        if head.pos_ in ("NOUN", "PROPN") or name_as_verb(head) or head.tag_ == "VB":
            mine = {t.i for t in adj.subtree}
            return [t for t in head.subtree if t.i < adj.i and t.i not in mine]
    if adj.dep_ == "ROOT" and not any(c.dep_ in ("cop", "aux") for c in adj.children):
        subj = next((c for c in adj.children if c.dep_ == "nsubj" and c.i < adj.i), None)
        return list(subj.subtree) if subj is not None else []
    if adj.dep_ == "amod" and head.i < adj.i and head.pos_ in ("NOUN", "PROPN"):
        mine = {t.i for t in adj.subtree}  # 'Republicans, concerned about X, ...'
        return [t for t in head.subtree if t.i < adj.i and t.i not in mine]
    return []


def verbless_stance(adj: Any) -> Relation | None:
    """'Farmers wary of new tariffs', 'Roe confident the dam will hold': a headline's stance
    adjective with its 'is' left out; the noun phrase before it holds the stance."""
    if adj.lower_ not in cues.STANCE_ADJ:
        return None
    holder = _stance_holder(adj)
    if not holder or holder[-1].pos_ not in ("NOUN", "PROPN", "PRON", "VERB"):
        return None
    content: list[Any] = []
    cue_end = adj
    # inside a sentence, 'a prospect sure to X' and 'data critical to X' tell likelihood
    # and importance, not a stance
    aside = adj.head.dep_ != "ROOT"
    for child in adj.rights:
        if aside and (child.dep_ == "xcomp" or child.lower_ == "to"):
            break
        if child.dep_ in ("ccomp", "xcomp"):
            content = list(child.subtree)
        elif child.dep_ == "prep" and child.lower_ in STANCE_PREPS:
            content = [t for c in child.children if c.dep_ in ("pobj", "pcomp") for t in c.subtree]
            cue_end = child
        if content:
            break
    ranges, source = ranges_of(content), ranges_of(holder)
    if not ranges or len(source) != 1:
        return None
    start = min([adj.i] + [c.i for c in adj.children if c.dep_ == "neg"])  # 'not sure'
    cue = (adj.doc[start].idx, cue_end.idx + len(cue_end.text))
    return Relation(cue, ranges, source[0], adj.lower_, adj.i, holder[-1].i)


def name_on(prep: Any) -> Relation | None:
    """'Roe on why the mill must close': a headline of a name and 'on' with no verb, what the
    named one says on the topic."""
    name = prep.head
    sent = sentence_of(prep)
    if prep.lower_ != "on" or name.dep_ != "ROOT" or name.pos_ != "PROPN":
        return None
    if prep.i != name.i + 1 or name.ent_type_ != "PERSON":
        return None
    before = prep.doc[sent.start : prep.i]
    if any(t.ent_type_ != "PERSON" and not t.text.endswith(".") for t in before):
        return None  # 'Follow Jo Roe on Twitter', 'Speaking on Fox', but 'Dr. Roe on ...'
    if sent.start > 0 and not prep.doc[sent.start - 1].is_space:
        return None  # the name opens its line, as a headline's does
    topic = [t for c in prep.children if c.dep_ in ("pobj", "pcomp") for t in c.subtree]
    source = ranges_of(list(prep.doc[sent.start : prep.i]))
    if not topic or len(source) != 1:
        return None
    cue = (prep.idx, prep.idx + len(prep.text))
    return Relation(cue, ranges_of(topic), source[0], "on", prep.i, name.i)


def trailing_report(tok: Any) -> Relation | None:
    """'The pit will close by June, mine owner hints/NNS.' and '..., records show/NN.': a
    speech or thought verb of the lexicon read as a noun at a sentence's end, after a comma
    and its subject; what comes before the comma is reported."""
    lemma = third_person_lemma(tok) if tok.tag_ in ("NNS", "NNPS") else None
    prev = tok.doc[tok.i - 1] if tok.i > 0 else None
    if lemma is None and tok.tag_ == "NN" and prev is not None and prev.tag_ == "NNS":
        lemma = tok.lower_  # '..., records show/NN.': the bare verb after a plural subject
    if lemma not in cues.SPEECH | cues.THOUGHT:
        return None
    sent = sentence_of(tok)
    if any(not (t.is_punct or t.is_space) for t in tok.doc[tok.i + 1 : sent.end]):
        return None
    run = _subject_run(tok, sent)
    evidence = lemma in cues.EVIDENCE  # records and polls show without holding views
    if not run or not (holds_views(run[-1]) or run[-1].pos_ == "PROPN" or evidence):
        return None
    comma = run[0].i - 1
    if comma <= sent.start or tok.doc[comma].text != ",":
        return None
    content, source = ranges_of(list(tok.doc[sent.start : comma])), ranges_of(run)
    if not content or not source:
        return None
    cue = (tok.idx, tok.idx + len(tok.text))
    return Relation(cue, content, source[0], lemma, tok.i, run[-1].i)


def clause_noun(tok: Any) -> Relation | None:
    """'Roe claims that he won' or 'files from the audit show he won', with the verb tagged
    as a noun that the parser still gave the clause it reports: the clause is the content,
    the noun phrase right before the verb the source."""
    lemma = _verb_shape(tok) or tok.lower_
    if lemma not in cues.SPEECH | cues.THOUGHT | cues.EVIDENCE:
        return None
    clause = next((c for c in tok.children if c.dep_ == "ccomp" and c.i > tok.i), None)
    if clause is None:
        return None
    sent = sentence_of(tok)
    run: list[Any] = []
    for t in reversed(tok.doc[sent.start : tok.i]):
        if t.pos_ not in NOUN_PHRASE or t.is_space:
            break
        run.insert(0, t)
    if not run or run[-1].pos_ not in ("PROPN", "NOUN", "PRON") or run[-1].tag_ == "POS":
        return None
    source = ranges_of(run)
    cue = (tok.idx, tok.idx + len(tok.text))
    return Relation(cue, ranges_of(list(clause.subtree)), source[0], lemma, tok.i, run[-1].i)


#: pronouns that can be the subject of a finite verb.
SUBJECT_PRONOUNS = frozenset({"he", "she", "they", "we", "i", "it", "you"})


def _name_before(tok: Any, sent: Any) -> list[Any]:
    """The name or pronoun right before ``tok`` that the parser did not make its subject:
    'Roe' in 'Roe praised ...', or 'Roe, the mayor,' when a comma closes an apposition."""
    doc = tok.doc
    prev = doc[tok.i - 1] if tok.i > sent.start else None
    if prev is None:
        return []
    if prev.pos_ == "PRON":
        return [prev] if prev.lower_ in SUBJECT_PRONOUNS else []
    if prev.pos_ == "PROPN":
        run = [prev]
        i = prev.i - 1
        while i >= sent.start and doc[i].pos_ == "PROPN":
            run.insert(0, doc[i])
            i -= 1
        before = doc[i] if i >= sent.start else None
        opens = before is None or before.text in OPENERS or before.pos_ in ("ADV", "CCONJ")
        return run if opens else []
    if prev.text == "," and sent.root.pos_ == "PROPN" and sent.root.i < tok.i:
        run = [t for t in sent if t.i < prev.i]
        return run if run and run[0].i == sent.root.left_edge.i and run[0].pos_ == "PROPN" else []
    return []


def _object_phrase(tok: Any, sent: Any) -> list[Any]:
    """The noun phrase after ``tok`` up to the noun it was hung on, with that noun's 'of'
    phrase or clause, and no further than a comma."""
    head = tok.head
    while head.dep_ in ("poss", "compound", "amod") and head.head.i > head.i:
        head = head.head  # 'condemned Smith's calls': the calls, not Smith
    if head.i <= tok.i or head.i >= sent.end:
        return []
    if head.dep_ in ("nsubj", "nsubjpass") and head.head.i > head.i:
        # 'He implied voters were tired': the noun is the subject of the reported clause
        return [t for t in head.head.subtree if t.i > tok.i]
    out = list(tok.doc[tok.i + 1 : head.i + 1])
    for child in head.rights:
        if child.dep_ in ("prep", "acl", "relcl") and child.lower_ != "for":
            out.extend(child.subtree)
        else:
            break
    cut = next((t.i for t in out if t.text in (",", ";", "—")), None)
    return [t for t in out if cut is None or t.i < cut]


def modifier_verb(tok: Any) -> Relation | None:
    """'Roe praised the budget' with 'praised' parsed as an adjective of 'budget' and 'Roe'
    left without a verb: a lexicon verb in the past tense, right after a name or pronoun,
    takes the noun phrase it was hung on as its content and the name as its source."""
    if tok.pos_ != "VERB" or tok.dep_ != "amod" or tok.tag_ not in ("VBD", "VBN"):
        return None
    lemma = tok.lemma_.lower()
    if lemma not in HEADLINE_VERBS or lemma in cues.NEEDS_CLAUSE:
        return None
    sent = sentence_of(tok)
    name = _name_before(tok, sent)
    if not name:
        return None
    content = ranges_of(_object_phrase(tok, sent))
    source = ranges_of(name)
    if not content or not source:
        return None
    cue = (tok.idx, tok.idx + len(tok.text))
    return Relation(cue, content, source[0], lemma, tok.i, name[-1].i)


#: verbs whose passive participle after a noun mostly just says who made or handed out a
#: thing ('a report released by the agency', 'rebels backed by Ankara'): no stance.
NEUTRAL_PARTICIPLES = frozenset(
    """release issue publish offer request see back fund sponsor report hold write post
    present list send show conduct sign name call quote cite share broadcast email
    text tweet retweet order lay single attribute address voice express adopt accept
    recognize recognise nominate""".split()
)


#: punctuation that closes off an earlier phrase before the noun a participle hangs on.
BREAKS = frozenset({"(", ")", ";", "—", "–"})


def agent_participle(tok: Any) -> Relation | None:
    """'The levy, opposed by county farmers, died': a stance verb's passive participle
    hung on a noun, with a 'by' agent, puts the stance on the agent about the noun."""
    if tok.tag_ != "VBN" or tok.dep_ != "acl" or tok.head.i >= tok.i:
        return None
    lemma = tok.lemma_.lower()
    if lemma not in cues.TAKES_OBJECT or lemma in NEUTRAL_PARTICIPLES:
        return None
    agent = next((c for c in tok.children if c.dep_ == "agent"), None)
    holder = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None
    if holder is None or not (holds_views(holder) or holder.pos_ == "PROPN"):
        return None
    start = tok.head.left_edge.i
    for t in tok.doc[start : tok.i]:
        if t.text in BREAKS:  # 'some (favored by X) for A and some (favored by Y)'
            start = t.i + 1
    content = ranges_of(list(tok.doc[start : tok.i]))
    source = source_range(holder, set())
    if not content or source is None:
        return None
    cue = (tok.idx, tok.idx + len(tok.text))
    return Relation(cue, content[-1:], source, lemma, tok.i, holder.i)


#: parts of speech of the last word of a holder run before a misread participle
HOLDER_ENDS = frozenset({"NOUN", "PROPN", "PRON", "NUM"})


def participle_modifier(tok: Any) -> Relation | None:
    """'super PACs supporting/amod presidential candidates': a stance verb's -ing participle
    parsed as an adjective of its object, with the words that hold the stance parsed as the
    object's modifiers before it: they are the source, the object the content."""
    if tok.pos_ != "VERB" or tok.dep_ != "amod" or tok.tag_ != "VBG":
        return None
    lemma = tok.lemma_.lower()
    head = tok.head
    if lemma not in cues.TAKES_OBJECT or lemma in cues.NEEDS_CLAUSE or head.i <= tok.i:
        return None
    run = sorted(
        (t for c in head.children if c.i < tok.i for t in c.subtree), key=lambda t: t.i
    )
    if not run or run[-1].i != tok.i - 1:
        return None
    if run[-1].pos_ not in HOLDER_ENDS and run[-1].lower_ not in ("those", "these"):
        return None
    if run[-1].tag_ == "PRP$" or all(t.like_num for t in run):
        return None  # 'his belittling/amod remarks', '17 adoring/amod grandchildren'
    if run[-1].i - run[0].i + 1 != len(run):
        return None  # the holder's words run up to the participle without a gap
    sent = sentence_of(tok)
    content, source = ranges_of(_object_phrase(tok, sent)), ranges_of(run)
    if not content or len(source) != 1:
        return None
    cue = (tok.idx, tok.idx + len(tok.text))
    return Relation(cue, content, source[0], lemma, tok.i, run[-1].i)
