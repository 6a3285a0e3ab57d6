"""Pieces of the parse shared by the attribution rules: relations, spans and subjects.

Offsets are into the spaCy document text.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from rashomon.enrich import cues

OPEN_QUOTES = "“«„"


CLOSE_QUOTES = "”»"


QUOTE_CHARS = OPEN_QUOTES + CLOSE_QUOTES + '"'


#: tokens that open or close a quotation
QUOTE_MARKS = frozenset(QUOTE_CHARS) | {"``", "''"}


#: punctuation trimmed from the edges of sources and contents (quotation marks are kept).
EDGE_PUNCT = set(",.;:-–—()[]") | {"--", "..."}


SUBJECTS = ("nsubj", "nsubjpass", "csubj")
#: tags of relative pronouns: 'which', 'that', 'who'
WH_SUBJECTS = frozenset({"WDT", "WP"})
#: entity types of a time, never a speaker
_WHEN = frozenset({"DATE", "TIME"})


VERBS = ("VERB", "AUX")


#: words for a share of people, which the parser can leave without a subject relation.
SHARES = frozenset(
    "half third quarter fifth majority minority most many few plurality percent".split()
)


Range = tuple[int, int]


@dataclass(slots=True)
class Relation:
    """One attribution: who (source), the cue, and what was attributed (content)."""

    cue: Range
    content: list[Range]
    source: Range | None
    lemma: str
    cue_token: int
    source_token: int | None = None
    kind: str = "indirect"
    #: ranges of outer sources this claim was relayed through, outermost first
    via: list[Range] = field(default_factory=list)
    #: index of the relation whose content holds this one's cue
    parent: int | None = None
    #: who passed the claim on, named in the same clause ('told Reuters', 'X, citing Y')
    relay: Range | None = None


def quote_regions(text: str) -> list[Range]:
    """Spans of quoted passages (see ``_quote_regions``); '' and `` count as quote marks."""
    regions = _quote_regions(text.replace("``", '"\x00').replace("''", '"\x00'))
    # a passage closed by '' ends after both of its characters
    return [(s, e + 1) if text[e - 1 : e + 1] == "''" else (s, e) for s, e in regions]


def _quote_regions(text: str) -> list[Range]:
    """Spans of quoted passages, marks included.

    An unclosed quote ends with its paragraph; a closing mark with no opening one closes a
    passage that began with its paragraph (a quote running over several paragraphs). Mixed
    marks ('“...," he said', '"...,” he said') close each other, while a curly pair inside
    a quote ('"Written “at this time,” it ..."') is a quote within the quote.
    """
    regions: list[Range] = []
    start: int | None = None
    inner = False
    para_start = 0
    for i, ch in enumerate(text):
        if ch == "\n" and text[i + 1 : i + 2] == "\n":
            if start is not None:
                regions.append((start, i))
                start = None
            para_start = i + 2
        elif ch in OPEN_QUOTES:
            if start is None:
                start, inner = i, False
            else:
                inner = True
        elif ch in CLOSE_QUOTES and inner:
            inner = False
        elif ch in CLOSE_QUOTES or ch == '"' and start is not None:
            if start is None and i > para_start:
                start = para_start
            if start is not None:
                regions.append((start, i + 1))
                start = None
        elif ch == '"':
            start, inner = i, False
    if start is not None:
        regions.append((start, len(text)))
    return [r for r in regions if r[1] - r[0] > 2]


def doc_quote_regions(doc: Any) -> list[Range]:
    """``quote_regions`` of the document text, computed once per document."""
    regions = doc.user_data.get("rashomon_quotes")
    if regions is None:
        regions = doc.user_data["rashomon_quotes"] = quote_regions(text_of(doc))
    return regions


def text_of(doc: Any) -> str:
    """``doc.text``, built once per document (spaCy joins every token on each access)."""
    text = doc.user_data.get("rashomon_text")
    if text is None:
        text = doc.user_data["rashomon_text"] = doc.text
    return text


def to_paragraph_end(tok: Any) -> list[Any]:
    """The tokens after ``tok`` up to the next line break."""
    out = []
    for t in tok.doc[tok.i + 1 :]:
        if t.is_space and "\n" in t.text:
            break
        out.append(t)
    return out


def name_as_verb(tok: Any) -> bool:
    """A capitalised word inside a sentence that the tagger read as a bare verb, which
    headlines and their terse style make of a name ('Roe slams Trump/VBP over ...')."""
    return (
        tok.tag_ in ("VB", "VBP")
        and tok.text.istitle()
        and not tok.is_stop
        and not tok.is_sent_start
    )


def sentence_of(tok: Any) -> Any:
    """The sentence holding ``tok``; boundaries are computed once per document
    (``Token.sent`` walks every sentence on each call)."""
    doc = tok.doc
    bounds = doc.user_data.get("rashomon_sent_bounds")
    if bounds is None:
        bounds = [0] * len(doc)
        ends = [0] * len(doc)
        for sent in doc.sents:
            for i in range(sent.start, sent.end):
                bounds[i], ends[i] = sent.start, sent.end
        bounds = doc.user_data["rashomon_sent_bounds"] = (bounds, ends)
    return doc[bounds[0][tok.i] : bounds[1][tok.i]]


def _runs(tokens: list[Any]) -> list[list[Any]]:
    """Split tokens sorted by index into runs of consecutive indices."""
    runs: list[list[Any]] = []
    for tok in tokens:
        if runs and tok.i == runs[-1][-1].i + 1:
            runs[-1].append(tok)
        else:
            runs.append([tok])
    return runs


def _trim(run: list[Any]) -> list[Any]:
    while run and (run[0].is_space or run[0].text in EDGE_PUNCT):
        run = run[1:]
    while run and (run[-1].is_space or run[-1].text in EDGE_PUNCT):
        if run[-1].text == ")" and any(t.text == "(" for t in run):
            break
        run = run[:-1]
    return run


def _has_letter(text: str) -> bool:
    """Whether a token holds a letter ('O'Neill' and 'Al-Assad' are not ``is_alpha``)."""
    return any(ch.isalpha() for ch in text)


def ranges_of(tokens: set[Any] | list[Any]) -> list[Range]:
    """Character ranges of runs of tokens, edge punctuation trimmed."""
    out = []
    for run in _runs(sorted(tokens, key=lambda t: t.i)):
        run = _trim(run)
        if run and any(t.is_alpha or t.like_num or _has_letter(t.text) for t in run):
            out.append((run[0].idx, run[-1].idx + len(run[-1].text)))
    return out


def subject_of(verb: Any, depth: int = 0) -> Any | None:
    subjects = [c for c in verb.children if c.dep_ in SUBJECTS]
    if subjects:  # a date read as a second subject is no speaker ('On May 18, rebels said')
        named = [c for c in subjects if c.ent_type_ not in _WHEN] or subjects
        # 'the agency, which he argued seeks X': the relative pronoun is the subject of
        # the clause reported; the nearer subject speaks
        subj = next((c for c in named[1:] if named[0].tag_ in WH_SUBJECTS), named[0])
        return _maker_of(subj, verb, depth) or subj
    named = _name_read_as_modal(verb)
    if named is not None:
        return named
    # 'Its spokesman, reading from a statement, declared ...': the parse may hang the
    # subject on the participle set off before the verb
    for child in verb.lefts:
        if child.dep_ == "advcl" and child.tag_ in ("VBG", "VBN"):
            subj = next((c for c in child.children if c.dep_ == "nsubj" and c.i < child.i), None)
            if subj is not None:
                return subj
    listed = _listed_before(verb)
    if listed is not None:
        return listed  # 'Roe praised X, denounced Y and said Z' read as two clauses
    if (
        depth < 3
        and (
            verb.dep_ in ("xcomp", "conj", "advcl", "acl", "relcl")
            # 'sources privy to the talks say X' with 'say' hung loose on 'privy'
            or verb.dep_ == "dep"
            and verb.lemma_.lower() in cues.SPEECH | cues.EVIDENCE
            and verb.head.lemma_ != "be"
        )
        and verb.head is not verb
    ):
        if verb.dep_ == "acl" and _made_object(verb):
            owner = next((c for c in verb.head.children if c.dep_ == "poss"), None)
            if owner is not None:
                return owner  # 'revised her statement explaining ...'
            clause = verb.head.head
            speaker = subject_of(clause, depth + 1) if clause.pos_ in VERBS else None
            if speaker is not None and _may_speak(speaker):
                return speaker  # 'the firm ran ads attacking ...', 'she issued a statement saying'
        if verb.dep_ == "acl" and _mute_holder(verb):
            clause = next((t for t in verb.head.ancestors if t.pos_ in VERBS), None)
            speaker = subject_of(clause, depth + 1) if clause is not None else None
            if speaker is not None and (_person(speaker) or holds_views(speaker)):
                return speaker  # 'she spoke into a microphone, telling ...', 'the union
                # issued a response saying ...'
        obj = _controller(verb)
        if obj is not None:
            return obj  # 'led some to question X', 'left voters wondering X'
        if infinitive_on(verb) and (
            verb.head.pos_ in ("NOUN", "PRON")
            and not holds_views(verb.head)
            and verb.head.dep_ in ("dobj", "pobj")
            or verb.head.dep_ == "attr"
        ):
            # 'mounted a campaign to condemn X', 'took pains to say X', 'was the first to
            # say X': the one who mounts, takes or is first condemns or says, not the campaign
            # (also when the parse reads the infinitive as a relative clause: 'had reason to
            # know X')
            clause = next((t for t in verb.head.ancestors if t.pos_ in VERBS), None)
            if clause is not None:
                return subject_of(clause, depth + 1)
        matrix = _matrix_of(verb)
        if matrix is not None:  # 'Roe says he'd wait and tells the crowd ...': Roe tells
            return subject_of(matrix, depth + 1)
        if verb.dep_ == "relcl" or verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN"):
            return verb.head  # 'the poll, which shows ...', 'a poll showing ...'
        return subject_of(verb.head, depth + 1)
    for child in verb.lefts:  # 'About 4 in 10 say ...', 'Less than a third agreed ...'
        if child.dep_ in ("nummod", "npadvmod", "advmod") and (
            child.like_num or child.lemma_.lower() in SHARES
        ):
            return child
    head = verb.head
    if depth < 3 and verb.dep_ == "pcomp" and head.dep_ == "prep":
        owner = head.head
        if owner.pos_ in VERBS:
            return subject_of(owner, depth + 1)  # 'responded by saying ...'
        if owner.pos_ == "NOUN":  # 'her strategy of attacking him', 'made no apology for ...'
            poss = next((c for c in owner.children if c.dep_ == "poss"), None)
            if poss is not None:
                return poss
            if owner.dep_ in ("dobj", "attr") and owner.head.pos_ in VERBS:
                return subject_of(owner.head, depth + 1)
            outer = owner.head.head if owner.dep_ == "pobj" else None
            if outer is not None and outer.pos_ in VERBS and owner.head.i < owner.i:
                return subject_of(outer, depth + 1)  # 'in addition to stating X, Roe ...'
        if owner.pos_ in ("ADJ", "ADV") and owner.head.pos_ in VERBS:
            return subject_of(owner.head, depth + 1)  # 'stopped short of endorsing ...'
    if depth < 3 and verb.dep_ == "acomp" and head.i != verb.i:
        return subject_of(head, depth + 1)  # 'was likely to say ...', 'was careful not to'
    return None


def _matrix_of(verb: Any) -> Any | None:
    """The reporting verb a conjunct belongs with when the parse joined it to the clause
    reported: the nearest verb above in its tense, when the verb it hangs on is in another."""
    if verb.dep_ != "conj" or verb.tag_ not in ("VBD", "VBZ"):
        return None
    if finite_tag(verb.head) == verb.tag_:
        return None
    return next(
        (a for a in verb.head.ancestors if a.pos_ in VERBS and finite_tag(a) == verb.tag_), None
    )


def finite_tag(verb: Any) -> str:
    """The tag of the word that carries a verb's tense: its first auxiliary, or itself."""
    aux = next((c for c in verb.children if c.dep_ in ("aux", "auxpass") and c.i < verb.i), None)
    return (aux or verb).tag_


def _name_read_as_modal(verb: Any) -> Any | None:
    """A capitalised 'Will' or 'May' tagged as a modal right before a verb in the '-s' or
    past form, which no modal can take: a name, the verb's subject ('Will argues ...')."""
    if verb.tag_ not in ("VBZ", "VBD") or verb.i == 0:
        return None
    prev = verb.doc[verb.i - 1]
    if prev.tag_ == "MD" and prev.text in ("Will", "May") and prev.head.i == verb.i:
        if prev.i > 0 and not prev.is_sent_start:
            return prev
    return None


def _mute_holder(participle: Any) -> bool:
    """Whether a participle hangs on a thing that neither speaks nor records ('a microphone
    telling', 'notes trumpeting') or on a text its maker speaks through ('gave a speech
    attacking X'; not data: 'released a poll showing X'), so that the clause's subject may
    be the one who reports."""
    head = participle.head
    return (
        participle.tag_ == "VBG"
        and head.pos_ == "NOUN"
        and head.dep_ in ("dobj", "pobj")
        and not holds_views(head)
        and not (head.lemma_.lower() in cues.SOURCE_DOCS and participle.lemma_ in cues.EVIDENCE)
        and not head.ent_type_
    )


#: verbs of causing whose object does what their complement says: 'led voters to say'
CAUSES = frozenset({"lead", "leave", "prompt", "force", "drive", "cause", "spur", "compel"})


#: tags of a verb in the past or present tense
FINITE = ("VBD", "VBZ", "VBP")


def _listed_before(verb: Any) -> Any | None:
    """The subject of the clause before a comma that the parse hung on a subjectless
    finite verb: in 'Roe praised X, denounced Y', the first verb of the list taken as the
    second's complement. Its subject is the subject of the whole list."""
    if verb.dep_ != "ROOT" or verb.tag_ not in FINITE or verb.i == 0:
        return None
    clause = next((c for c in verb.children if c.dep_ == "ccomp" and c.i < verb.i), None)
    if clause is None or clause.tag_ not in FINITE:
        return None
    between = verb.doc[clause.right_edge.i + 1 : verb.i]
    if not any(t.text == "," for t in between) or any(not t.is_punct for t in between):
        return None
    first = clause.left_edge.i
    if any(t.text in QUOTE_MARKS for t in verb.doc[max(first - 1, 0) : first + 1]):
        return None  # '"We won," added Roe': a quotation, not a list
    return next((c for c in clause.children if c.dep_ == "nsubj"), None)


def _controller(verb: Any) -> Any | None:
    """The object of a verb of causing that an infinitive or participle complements: the
    one who acts ('led voters to say', 'forced Roe to concede', 'left many wondering'),
    not the cause."""
    if verb.dep_ != "xcomp" or verb.head.lemma_.lower() not in CAUSES:
        return None
    return next((c for c in verb.head.children if c.dep_ == "dobj" and c.i < verb.i), None)


def main_verb_as_participle(verb: Any) -> bool:
    """'A county poll found last week that ...' parsed as a poll 'found last week', 'Roe, a
    county clerk, called the plan "a mess"' as a Roe 'called the plan': a participle hung
    on the noun that heads the sentence, with a clause of its own or, after the comma that
    closes an aside, an object, is the sentence's past-tense verb, and that noun its
    subject."""
    head = verb.head
    if verb.dep_ != "acl" or head.dep_ != "ROOT" or head.pos_ not in ("NOUN", "PROPN"):
        return False
    after = [c.dep_ for c in verb.children if c.i > verb.i]
    if "ccomp" in after:
        return True
    comma = verb.i > 0 and verb.doc[verb.i - 1].text == ","
    return comma and head.i < verb.i and ("dobj" in after or "oprd" in after)


def infinitive_on(verb: Any) -> bool:
    """Whether ``verb`` is an infinitive hung on a noun: 'a campaign to condemn X', 'the
    first senator to endorse X'."""
    return verb.dep_ in ("acl", "relcl") and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in verb.children
    )


def _maker_of(relative: Any, verb: Any, depth: int) -> Any | None:
    """The one who made, ran or sent the thing a relative 'that' or 'which' stands for:
    in 'the group ran ads that attack X', the group attacks."""
    thing = verb.head
    if relative.tag_ != "WDT" or relative.dep_ != "nsubj" or verb.dep_ != "relcl" or depth >= 3:
        return None
    if thing.pos_ != "NOUN" or thing.dep_ != "dobj" or holds_views(thing) or thing.ent_type_:
        return None
    maker = subject_of(thing.head, depth + 1)
    return maker if maker is not None and _may_speak(maker) else None


def _may_speak(subj: Any) -> bool:
    """Whether a subject can be the one behind what it made or sent: a name, a group or a
    noun of people ('supporters launched petitions'), not 'it' or a relative pronoun."""
    return holds_views(subj) or subj.pos_ in ("PROPN", "NOUN") and subj.ent_type_ not in _WHEN


def _made_object(participle: Any) -> bool:
    """Whether an -ing participle hangs on a verb's object that is no speaker: what the
    verb's subject made, sent or ran ('ran ads attacking X', 'put out a statement saying X');
    the ``_mute_holder`` test, on an object only."""
    return participle.head.dep_ == "dobj" and _mute_holder(participle)


def _person(tok: Any) -> bool:
    """Whether ``tok`` names a person: a PERSON entity or 'he', 'she', 'I'."""
    return tok.ent_type_ == "PERSON" or tok.lower_ in ("he", "she", "i")


def opens_with_that(clause: Any) -> bool:
    """Whether a clause's head has the mark 'that' ('... and that B')."""
    return any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children)


def holds_views(subj: Any) -> bool:
    """Whether a subject can hold views: a person, a group, a pronoun for people."""
    return (
        subj.ent_type_ in ("PERSON", "ORG", "NORP", "GPE")
        or subj.lower_ in ("he", "she", "they", "i", "we", "who")
        or subj.lemma_.lower() in cues.SOURCE_NOUNS
    )


def source_range(subj: Any, exclude: set[int]) -> Range | None:
    """The source phrase headed by ``subj``, less ``exclude``, less relative clauses that
    make claims of their own ('the journalist, who is promoting his book, ...') and less
    participles set off after it ('Roe, speaking to reporters, ...')."""
    own = {
        t.i
        for c in subj.children
        if c.dep_ == "relcl" and c.lemma_.lower() in cues.ALL or _aside_participle(c)
        for t in c.subtree
    }
    toks = [t for t in subj.subtree if t.i not in exclude and t.i not in own]
    dash = _dateline_end(subj)
    if dash >= 0:  # 'PARIS (AP) — The minister said': the parse may head the subject
        toks = [t for t in toks if t.i > dash]  # with the place
        ids = {t.i for t in toks}
        if subj.i < dash and toks:
            subj = next((t for t in toks if t.head.i not in ids), subj)
        elif subj.i < dash:  # the words after the dash hang elsewhere: take their phrase
            subj = _phrase_at(subj.doc[dash + 1]) if dash + 1 < len(subj.doc) else subj
            toks = [t for t in subj.subtree if t.i not in exclude and t.i > dash]
    runs = [r for r in _runs(toks) if any(t.i == subj.i for t in r)]
    rng = ranges_of(_whole_name(runs[0], exclude)) if runs else []
    return _with_closing_comma(subj.doc, rng[0]) if rng else None


def _aside_participle(clause: Any) -> bool:
    """Whether a clause hung on a name is a participle set off by a comma after it: 'said
    Jane Roe, asked about the vote' (she was asked; the clause is no part of her name)."""
    first = clause.left_edge.i
    return (
        clause.dep_ == "acl"
        and clause.i > clause.head.i
        and first > 0
        and clause.doc[first - 1].text == ","
        and clause.tag_ in ("VBN", "VBD", "VBG")
    )


def _whole_name(run: list[Any], exclude: set[int]) -> list[Any]:
    """``run`` carried on to the end of the name its last word opens or continues, or over
    a name right after it: the parse may hang the rest of 'Bashar al-Assad', or all of
    'leader Khalifa al-Mahdi' but 'leader', on the verb."""
    doc, last = run[-1].doc, run[-1]
    end = last.i + 1
    if last.ent_iob_ == "O" and end < len(doc) and doc[end].ent_type_ == "PERSON":
        name = doc[end].ent_iob_ == "B" and next(e for e in doc.ents if e.start == end)
        if name and all(
            t.head.i in range(name.start, name.end) or t.head.i == last.head.i for t in name
        ):
            end = name.end
    elif last.ent_iob_ != "O":
        while end < len(doc) and doc[end].ent_iob_ == "I":
            end += 1
    return list(run) + [t for t in doc[last.i + 1 : end] if t.i not in exclude]


#: dashes that end a dateline: 'RENO, Nev. (AP) — ...'.
DASHES = frozenset({"—", "–", "-", "--"})


def _dateline_end(subj: Any) -> int:
    """Index of the dash closing a dateline before ``subj`` ('PARIS (AP) — The minister
    said ...'): the dateline names the place and the agency, not the speaker; else -1."""
    return dateline_dash(subj.subtree)


def dateline_dash(tokens: Iterable[Any]) -> int:
    """Index of the first of ``tokens`` that is the dash closing a dateline ('PARIS (AP) —',
    'VELM, March 19 (NWP) -'), else -1."""
    for t in tokens:
        doc = t.doc
        if t.text in DASHES and t.i > 1 and doc[t.i - 1].text == ")":
            opening = next(
                (k for k in range(t.i - 2, max(t.i - 6, -1), -1) if doc[k].text == "("), -1
            )
            inside = doc[opening + 1 : t.i - 1] if opening >= 0 else []
            # an agency is one to three capitalised words or numbers: '(AP)', '(UPI)'
            if inside and all(w.pos_ == "PROPN" or w.is_upper or w.like_num for w in inside):
                return t.i
    return -1


def _phrase_at(tok: Any) -> Any:
    """The head of the noun phrase that starts at ``tok``."""
    while tok.head.i != tok.i and tok.head.left_edge.i == tok.left_edge.i:
        if tok.head.pos_ in VERBS or tok.head.i < tok.i:
            break
        tok = tok.head
    return tok


def _with_closing_comma(doc: Any, rng: Range) -> Range:
    """A source ending in an aside set off by commas keeps the comma that closes it:
    'Jane Roe, the mayor,' (the aside is part of the phrase; a bare 'Jane Roe' is not
    followed by its comma)."""
    span = doc.char_span(*rng, alignment_mode="expand")
    if span is None or span.end >= len(doc) or doc[span.end].text != ",":
        return rng
    if not any(t.text == "," for t in span):
        return rng
    comma = doc[span.end]
    return (rng[0], comma.idx + 1)
