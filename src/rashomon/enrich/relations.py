"""Attribution relations (source, cue, content) of a parsed document.

``frames.relation_at`` finds the relation each cue token opens; this module pairs
quotation marks so that a direct quote spanning several sentences is one content, lets
quoted sentences with no cue of their own continue the quote before them, takes a quote
after 'he said:' as its content, cuts a further report out of the content it is joined to
('said A, adding B'), keeps one attribution per content, and links relations nested in
another's content (the relay chain: 'Reuters reported that officials said ...'). Offsets
are into the spaCy document text.
"""

from __future__ import annotations

import re
from typing import Any

from rashomon.enrich import cues
from rashomon.enrich.frames import (
    MAX_NAME_BEFORE,
    NAME_POS,
    before_leaders,
    relation_at,
    says_what,
)
from rashomon.enrich.signed import signed_quote
from rashomon.enrich.tokens import (
    DASHES,
    QUOTE_CHARS,
    SHARES,
    Range,
    Relation,
    dateline_dash,
    doc_quote_regions,
    finite_tag,
    opens_with_that,
    quote_regions,
    ranges_of,
    sentence_of,
    text_of,
)

__all__ = ["Range", "Relation", "find_relations", "quote_regions", "ranges_of", "text_of"]

#: a quoted passage with no cue of its own continues the previous quote when it starts
#: within this many characters of the previous quote's end (about two short sentences).
CONTINUATION_GAP = 300


#: ... and when the unquoted text between them is short (a 'he said.' or a line break).
MAX_UNQUOTED_GAP = 80


def _overlaps(a: Range, b: Range) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _extend_with_quotes(rel: Relation, regions: list[Range]) -> None:
    """Grow the content to whole quoted passages it touches; set the kind."""
    lo, hi = rel.content[0][0], rel.content[-1][1]
    touched = [r for r in regions if _overlaps(r, (lo, hi)) and not _overlaps(r, rel.cue)]
    if not touched:
        return
    new: list[Range] = []
    for rng in rel.content:
        for reg in touched:
            if _overlaps(rng, reg):
                rng = (min(rng[0], reg[0]), max(rng[1], reg[1]))
        new.append(rng)
    new.sort()
    merged: list[Range] = []
    for rng in new:
        if merged and rng[0] <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], rng[1]))
        else:
            merged.append(rng)
    rel.content = merged
    inside = all(any(reg[0] <= r[0] and r[1] <= reg[1] for reg in touched) for r in merged)
    rel.kind = "direct" if inside else "mixed"


#: marks of a clause after a report that belongs to what was reported: 'would back him if
#: he won', 'pledged to stay until the vote' (a clause of cause or time may just as well
#: tell why or when it was said, so those are left out)
CONDITION_MARKS = frozenset({"if", "unless", "until"})


def _with_condition(rel: Relation, doc: Any) -> None:
    """Extend a verb's content over a condition or infinitive the parser hung on the verb
    right after it: 'would back Roe if she ran', 'defended her call to cut the toll'."""
    verb = doc[rel.cue_token]
    if verb.pos_ not in ("VERB", "AUX"):
        return
    end = rel.content[-1][1]
    for child in verb.children:
        first = child.left_edge
        if child.dep_ != "advcl" or first.idx < end:
            continue
        gap = text_of(doc)[end : first.idx]
        condition = first.dep_ == "mark" and first.lower_ in CONDITION_MARKS
        infinitive = first.lower_ == "to" and first.pos_ == "PART" and not gap.strip()
        if (condition and not gap.strip(" ,")) or infinitive:
            last = child.right_edge
            rel.content[-1] = (rel.content[-1][0], last.idx + len(last.text))
        return


def find_relations(doc: Any) -> list[Relation]:
    """Attribution relations of a parsed document, in text order."""
    text = text_of(doc)
    regions = doc_quote_regions(doc)
    rels: list[Relation] = []
    for tok in doc:
        rel = relation_at(tok)
        if rel is not None and rel.content:
            _clip_to_quote(rel, regions)
        if rel is not None and rel.content:
            _without_dateline(rel, doc)
        if rel is not None and rel.content:  # (a content that was the dateline is gone)
            _with_condition(rel, doc)
        if rel is not None and rel.content:
            _speaker_between(rel, regions, doc)
            _speaker_closing(rel, doc)
            _extend_with_quotes(rel, regions)
            rels.append(rel)
    _split_coordinated(rels, regions, doc)
    _participle_speakers(rels, doc)
    rels.extend(_closing_reports(doc, rels))
    rels.extend(_byline_quotes(doc, regions, text))
    rels.extend(_signed_quotes(doc, regions, rels))
    rels.sort(key=lambda rel: rel.cue_token)
    _colon_quotes(rels, regions, text)
    _continue_quotes(rels, regions, doc)
    _quote_before_speaker(rels, regions, text)
    _one_attribution_per_content(rels)
    _quotes_to_their_own_cue(rels, regions, text)
    _nest(rels)
    return rels


def _participle_speakers(rels: list[Relation], doc: Any) -> None:
    """A participle hung on a reporting verb with no subject of its own ('"...," said
    Skelly, explaining ...') speaks for that verb's speaker, also when the speaker was found
    by the words around the verb rather than by the parse."""
    by_cue = {rel.cue_token: rel for rel in rels}
    for rel in rels:
        verb = doc[rel.cue_token]
        if rel.source is not None or verb.tag_ != "VBG" or verb.dep_ not in ("advcl", "conj"):
            continue
        head = by_cue.get(verb.head.i)
        if head is not None and head.source is not None and not _inside(head.source, rel.content):
            rel.source, rel.source_token = head.source, head.source_token


#: words that join a further report to a clause: 'said X, arguing Y', 'said X and added Y'.
JOINERS = frozenset({",", ";", "and", "but", "while", "—", "–", "―", "--"})
#: marks of a clause that stands beside the one it hangs on: 'A say X, while B say Y'.
CONTRAST_MARKS = frozenset({"while", "whereas"})
#: marks that close a clause before a conjunction opens the next: 'A, and B', 'A — but B'
CLAUSE_BREAKS = frozenset({",", ";", "—", "–", "--"})
#: closing quote marks, stepped over back to the joiner: 'called it “a mess,” adding ...'.
CLOSERS = frozenset({'"', "'", "”", "’", "''"})


def _joined_start(tok: Any) -> int | None:
    """Index of the word that joins a further report to the clause it hangs on, or None:
    a participle after a comma ('..., citing Y'), a conjunct ('... and said Y'), a clause
    of contrast ('..., while others say Y'), a relative clause after a comma or dash ('a
    wall, which he said Y') or saying something of its noun ('the toll that they say will
    pay'), or a noun summing up the clause with its own report ('..., a claim the firm
    denied')."""
    own_subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children)
    left = tok.left_edge
    if tok.dep_ == "relcl" and tok.head.i < tok.i and _object_gap(tok):
        summary = _summary_start(tok.head)
        if summary is not None:
            return summary
    if tok.head.i > tok.i or tok.lemma_.lower() not in cues.SPEECH | cues.CITING:
        return None
    if tok.pos_ not in ("VERB", "AUX"):
        return None  # 'stated A and many questions about B': a noun is part of A
    if tok.dep_ == "relcl":
        # a restrictive relative ('the women who said ...') is part of the noun phrase
        comma = left.i > 0 and tok.doc[left.i - 1].text in CLAUSE_BREAKS
        if not comma and (_said_of_relative(tok) or _share_who_said(tok)):
            return left.i  # 'a result that she said beat the forecasts'
        return left.i - 1 if comma and own_subject and not _names(tok) else None
    if tok.dep_ not in ("advcl", "conj", "parataxis"):
        return None
    if left.lower_ in CONTRAST_MARKS and left.dep_ == "mark" and own_subject:
        return left.i
    i = left.i - 1
    while i > 0 and tok.doc[i].text in CLOSERS:
        i -= 1
    if i <= 0 or tok.doc[i].lower_ not in JOINERS:
        return None
    if opens_with_that(tok):
        return None  # 'reported that A and that B': a second complement of the same report
    if not (own_subject or tok.tag_ == "VBG" or tok.dep_ == "conj"):
        return None
    return i if i == left.i - 1 else left.i  # closing marks stay with the first content


#: marks of a clause that concedes something beside the one it hangs on: 'A, though B'
CONCESSIVE_MARKS = frozenset({"although", "though"})


def _clause_after_break(verb: Any) -> int | None:
    """Index of the mark before a second clause with its own subject joined after a break
    ('..., and those voters backed X'), conceded ('..., though he denied X'), made before
    or after it ('praised A before criticizing B'), with a speaker of its own ('..., with
    Roe noting B') or telling when a quote was said ('"A," when asked B'), whose own report
    is then no part of the first."""
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    prep = verb.head
    if verb.dep_ == "pcomp" and verb.tag_ == "VBG" and prep.lower_ in ("before", "after"):
        return prep.i if prep.i == verb.i - 1 else None
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    speech = verb.lemma_.lower() in cues.SPEECH | cues.CITING
    if verb.dep_ == "pcomp" and prep.lower_ == "with" and subject is not None and speech:
        # '..., with Roe noting X': a speaker and a report of their own
        return prep.i - 1 if prep.i > 0 and verb.doc[prep.i - 1].text in CLAUSE_BREAKS else None
    left = verb.left_edge
    if verb.dep_ == "advcl" and verb.tag_ == "VBN" and subject is None and left.i > 0:
        # '"We will see," when asked whether ...': after the quote closes, when it was said
        after_quote = verb.doc[left.i - 1].text in CLOSERS
        return left.i if after_quote and left.lower_ in ("when", "after", "if") else None
    if verb.dep_ == "advcl" and subject is not None and left.dep_ == "mark":
        return left.i if left.lower_ in CONCESSIVE_MARKS and left.i > verb.head.i else None
    if verb.dep_ != "conj":
        return None
    if subject is None or subject.left_edge.i != left.i:
        return None  # 'A, and that B', 'A, and why B': a further part of what was reported
    i = left.i - 1
    if i > 0 and verb.doc[i].pos_ == "CCONJ":
        i -= 1
    return i if i > verb.head.i and verb.doc[i].text in CLAUSE_BREAKS else None


#: how a noun that sums up the clause before it hangs on that clause ('A, a claim B denied')
SUMMARY_DEPS = frozenset({"appos", "npadvmod"})
#: marks that set such a noun off from the clause
SUMMARY_MARKS = frozenset({",", "—", "–", "--"})


def _object_gap(verb: Any) -> bool:
    """Whether a relative clause's noun is its verb's object: the verb has a subject of its
    own and no object but a relative word ('a claim that the firm denied')."""
    subject = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    objects = [c for c in verb.children if c.dep_ in ("dobj", "ccomp", "xcomp", "attr")]
    return (
        bool(subject)
        and all(c.tag_ not in ("WDT", "WP") and c.lower_ != "that" for c in subject)
        and all(c.tag_ in ("WDT", "WP") or c.lower_ == "that" for c in objects)
    )


def _said_of_relative(verb: Any) -> bool:
    """Whether a relative clause reports something of its noun through a clause whose
    subject is the relative word: 'a result that she said beat the forecasts'."""
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    clause = next((c for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i), None)
    left = verb.left_edge
    return (
        subject is not None
        and subject.i != left.i
        and clause is not None
        and (left.tag_ in ("WDT", "WP") or left.lower_ == "that")
        and clause.is_ancestor(left)
    )


def _share_who_said(verb: Any) -> bool:
    """Whether a relative clause tells what a share of people said: 'double the number who
    said the same', '41 percent who said they might still switch'."""
    noun = verb.head
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return (
        subject is not None
        and subject.i == verb.left_edge.i
        and subject.tag_ in ("WP", "WDT")
        and noun.lemma_.lower() in SHARES | {"number"}
    )


def _names(verb: Any) -> bool:
    """Whether a verb gives a name or an epithet ('X, which he called a cartel'): one that
    belongs to the clause its noun is in ('called for', 'called on' ask, and do not)."""
    return verb.lemma_.lower() in cues.NAMING and not any(
        c.dep_ == "prt" or c.dep_ == "prep" and c.lower_ in ("for", "on") for c in verb.children
    )


def _summary_start(noun: Any) -> int | None:
    """Index of the mark before a noun that sums up the clause before it and is the object
    of a report in its own relative clause: '..., a claim the firm denied'."""
    if noun.dep_ not in SUMMARY_DEPS or noun.pos_ != "NOUN":
        return None
    i = noun.left_edge.i - 1
    return i if i > 0 and noun.doc[i].text in SUMMARY_MARKS else None


def _split_coordinated(rels: list[Relation], regions: list[Range], doc: Any) -> None:
    """Cut a report joined to another's content out of it: in 'X said A, arguing B' and
    'X said A and added B', B is X's second claim, not part of A; in 'X said A, and Y
    backed B', B is Y's."""
    text = text_of(doc)
    for inner in rels:
        tok = doc[inner.cue_token]
        start = None if any(r[0] <= tok.idx < r[1] for r in regions) else _joined_start(tok)
        bare = start is not None and _bare_conjunct(tok)
        if start is None:
            start = _matrix_conjunct(tok, rels)
        clause = start is None and not any(r[0] <= tok.idx < r[1] for r in regions)
        if clause:
            start = _clause_after_break(tok)
        if start is None:
            continue
        lo = doc[start].idx
        hi = tok.right_edge.idx + len(tok.right_edge.text)
        for outer in rels:
            if outer is inner or not any(a <= tok.idx < b for a, b in outer.content):
                continue
            if bare and tok.head.i != outer.cue_token:
                continue  # 'would sit him down and tell him': one thing reported
            if clause and not _governs(doc[outer.cue_token], tok.head):
                continue  # 'According to X, A, and B': both clauses are X's
            if clause and tok.dep_ == "pcomp" and tok.head.head.i != outer.cue_token:
                continue  # 'urged him to rest before speaking': a time inside the report
            if tok.head.i != outer.cue_token and not any(
                a <= tok.head.idx < b for a, b in outer.content
            ):
                continue
            outer.content = _cut(outer.content, lo, hi, text)
            if (
                outer.source is not None
                and outer.lemma != "in"
                and not any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children)
                and not (clause and tok.tag_ == "VBN")  # 'when asked': asked by others
            ):  # 'In a speech, Roe smiled and said ...': the speech is no speaker
                inner.source, inner.source_token = outer.source, outer.source_token
    rels[:] = [rel for rel in rels if rel.content]


def _bare_conjunct(tok: Any) -> bool:
    """Whether ``tok`` is an infinitive joined to another with no subject nor tense of its
    own: it is more of what that verb's clause says ('would sit him down and tell him',
    'urged them to stay and to say so')."""
    return (
        tok.dep_ == "conj"
        and tok.tag_ == "VB"
        and tok.head.tag_ == "VB"
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children)
        and all(c.lower_ == "to" for c in tok.children if c.dep_ == "aux")  # not 'did not'
    )


def _governs(cue: Any, tok: Any) -> bool:
    """Whether ``tok`` is ``cue`` or hangs below it in the parse."""
    return tok.i == cue.i or any(a.i == cue.i for a in tok.ancestors)


def _matrix_conjunct(tok: Any, rels: list[Relation]) -> int | None:
    """Index of the word joining a second verb of the reporting clause that the parse hung
    on the reported one: in 'predicted that the harbour would reopen and praised X',
    'praised' has the tense of 'predicted', not of 'reopen', so it is the speaker's."""
    head = tok.head
    if tok.dep_ != "conj" or tok.tag_ not in ("VBD", "VBZ") or finite_tag(head) == tok.tag_:
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children):
        return None
    cues_ = {tok.doc[r.cue_token] for r in rels}
    if not any(c.tag_ == tok.tag_ and c.i < head.i and head in c.subtree for c in cues_):
        return None
    i = tok.left_edge.i - 1
    while i > head.i and tok.doc[i].lower_ not in JOINERS:
        i -= 1
    return i if i > head.i else None


def _cut(content: list[Range], lo: int, hi: int, text: str) -> list[Range]:
    """``content`` less the characters ``lo:hi``, pieces trimmed of joining words."""
    out: list[Range] = []
    for a, b in content:
        for s, e in ((a, min(b, lo)), (max(a, hi), b)):
            piece = text[s:e]
            stripped = re.sub(r"(?:[\s,;:]|\band\b|\bbut\b)+$", "", piece)
            e = s + len(stripped)
            s += len(stripped) - len(stripped.lstrip(" ,;:"))
            if e - s > 1 and any(ch.isalnum() for ch in text[s:e]):  # not a stray '."'
                out.append((s, e))
    return out


#: a quote signed on its line: '“...” ― Jane Roe' (a dash, then up to six capitalised words).
BYLINE = re.compile(
    r"[ \t\xa0]*(―|—|–|--)[ \t\xa0]*"
    r"([A-Z][\w.'’-]*(?:[ \t\xa0]+(?:[A-Z][\w.'’-]*|de|da|del|la|van|von)){0,5})"
    r"\.?[ \t\xa0]*(?:\n|$)"
)


def _byline_quotes(doc: Any, regions: list[Range], text: str) -> list[Relation]:
    """Quotes signed with a dash and a name after them, as in reader and vox-pop lists."""
    out = []
    for reg in regions:
        m = BYLINE.match(text, reg[1])
        if m is None:
            continue
        start, end = m.start(2), m.end(2) - m.group(2).endswith(".")  # 'Tom Ng.'
        name = doc.char_span(start, end, alignment_mode="expand")
        dash = doc.char_span(m.start(1), m.end(1), alignment_mode="expand")
        if name is None or dash is None or not any(t.pos_ == "PROPN" for t in name):
            continue
        out.append(
            Relation(m.span(1), [reg], (start, end), "―", dash[0].i, name[-1].i, kind="direct")
        )
    return out


def _signed_quotes(doc: Any, regions: list[Range], rels: list[Relation]) -> list[Relation]:
    """Quotes no cue took, signed by the clause after them ('"A," read one sign'); a listed
    cue there whose speaker the parse lost takes the clause's ('"Stop," shouts a voice')."""
    by_cue = {rel.cue_token: rel for rel in rels}
    out = []
    for reg in regions:
        span = doc.char_span(reg[0], reg[1], alignment_mode="expand")
        rel = signed_quote(doc, reg, span.end) if span is not None else None
        if rel is None:
            continue
        known = by_cue.get(rel.cue_token)
        if known is not None:
            if known.source is None and reg in known.content:
                known.source, known.source_token = rel.source, rel.source_token
            continue
        # a cue inside the quote is the speaker's words ('"Thank you," he mouthed')
        outer = [r for r in rels if not _inside(r.cue, [reg])]
        if not any(_overlaps(reg, c) for r in outer for c in r.content):
            out.append(rel)
    return out


#: the most words a dateline opening a sentence takes: 'RENO, Nev., March 3 (AP) —'
MAX_DATELINE_WORDS = 14
#: ... of them a place's name in capitals ('SALT LAKE CITY', 'PORT OF SPAIN')
MAX_PLACE_WORDS = 3


def _dateline(sent: Any) -> int:
    """Index of the dash closing a dateline that opens ``sent``, else -1."""
    dash = dateline_dash(sent[:MAX_DATELINE_WORDS])
    return dash if dash >= 0 else _place_dateline(sent)


def _place_dateline(sent: Any) -> int:
    """Index of the dash after a place in capitals that opens ``sent`` ('BOSTON —', 'ELM
    PARK, Calif. -'), with no agency after it, else -1."""
    words = [t for t in sent[:MAX_DATELINE_WORDS] if not t.is_space]
    i = 0
    while i < len(words) and words[i].is_upper and words[i].is_alpha and len(words[i]) > 1:
        i += 1
    if not 0 < i <= MAX_PLACE_WORDS:
        return -1  # a lead-in in capitals, not a place: 'KELL SAYS QUAY STILL UNSAFE -'
    if i + 1 < len(words) and words[i].text == "," and _state_abbreviation(words[i + 1]):
        i += 2
        if i < len(words) and words[i].text == ".":  # 'Calif' '.' split in two
            i += 1
    return words[i].i if i < len(words) and words[i].text in DASHES else -1


def _state_abbreviation(tok: Any) -> bool:
    """'Calif.', 'N.H.', 'Tex.': a short capitalised abbreviation."""
    return tok.text[:1].isupper() and len(tok.text) <= 6 and not tok.is_upper or "." in tok.text


def _without_dateline(rel: Relation, doc: Any) -> None:
    """'VELM, March 19 (NWP) - The bank held rates, as expected': the place and agency that
    open a report are the outlet's, not part of what anyone expected or said, nor anyone."""
    dash = _dateline(doc[rel.cue_token].sent)
    if dash < 0:
        return
    if rel.source is not None and rel.source[1] <= doc[dash].idx:
        rel.source, rel.source_token = None, None
    if rel.content[0][0] > doc[dash].idx:
        return
    nxt = dash + 1
    while nxt < len(doc) and doc[nxt].is_space:  # 'WASHINGTON --  A ...'
        nxt += 1
    after = doc[nxt].idx if nxt < len(doc) else doc[dash].idx + 1
    rel.content = [(max(a, after), b) for a, b in rel.content if b > after]


#: the most words of a speaker set between a quote and its verb, aside included:
#: '"...," Jane Roe, a farmer who grows wheat near the town, said' (about the longest
#: description a reporter puts there)
MAX_SPEAKER_WORDS = 25
#: tags of a verb with its own tense: a clause of its own, not a speaker's description
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
#: parts of speech a speaker's name or description opens with: 'Jane Roe', 'the mayor',
#: 'he' (and a participle used as an adjective: 'retired judge Jane Roe')
NAME_OPENERS = frozenset({"PROPN", "NOUN", "DET", "ADJ", "PRON"})


def _speaker_between(rel: Relation, regions: list[Range], doc: Any) -> None:
    """'"A," Jane Roe, wearing a cap, said': the parse may hang the name on the quote's own
    verb, so that the content runs on over the name and the cue has no subject. When the
    content opens with a quote that closes before the cue, the words between them (a name
    or a description first, no verb with a tense of its own) are the speaker, and the
    content stops at the quote's close."""
    if rel.source is not None and not any(a <= rel.source[0] < b for a, b in rel.content):
        return
    cue = doc[rel.cue_token]
    if cue.pos_ not in ("VERB", "AUX") or rel.lemma not in cues.SPEECH:
        return
    # the parse leaves the opening mark out of the content: 'A,' of '"A,"'
    reg = next((r for r in regions if r[0] <= rel.content[0][0] <= r[0] + 2), None)
    if reg is None or reg[1] >= rel.cue[0]:
        return
    between = doc.char_span(reg[1], rel.cue[0], alignment_mode="contract")
    zone = list(between) if between is not None else []
    while zone and (zone[0].is_punct or zone[0].is_space):
        zone.pop(0)
    while zone and (zone[-1].is_punct or zone[-1].is_space or zone[-1].head.i == cue.i):
        zone.pop()  # the comma before the cue, and its auxiliaries: '..., has said'
    if not zone or len(zone) > MAX_SPEAKER_WORDS:
        return
    if zone[0].pos_ not in NAME_OPENERS and not (zone[0].tag_ == "VBN" and zone[0].dep_ == "amod"):
        return
    if any(t.tag_ in FINITE_TAGS or t.is_sent_start for t in zone):
        return
    name = zone[0]
    for tok in zone:  # the head word of the first name: 'Jane Roe' of 'Jane Roe, a farmer'
        if tok.text == ",":
            break
        if tok.pos_ in ("PROPN", "NOUN", "PRON"):
            name = tok
    end = zone[-1].idx + len(zone[-1].text)
    if any(t.text == "," for t in zone) and doc[zone[-1].i + 1].text == ",":
        end += 1  # 'Jane Roe, a farmer,': an aside keeps its closing comma, as in source_range
    rel.source = (zone[0].idx, end)
    rel.source_token = name.i
    rel.content = [(a, min(b, reg[1])) for a, b in rel.content if a < reg[1]] + [
        (a, b) for a, b in rel.content if a >= rel.cue[1]
    ]


#: parts of speech of a speaker's name that closes a report, a short name's and a number
#: and 'and' joining two: 'two senior officials said', 'hospital and police officials said'
CLOSING_NAME_POS = NAME_POS | {"CCONJ", "NUM"}


def _closing_name(cue: Any) -> list[Any]:
    """The short name between the last comma before ``cue`` and the cue ('..., hospital and
    police officials said'), or []: nouns, names and their determiners only."""
    doc = cue.doc
    j = before_leaders(cue, -1)  # 'officials have said', 'officials later said'
    run: list[Any] = []
    while j >= 0 and doc[j].text != "," and len(run) <= MAX_NAME_BEFORE:
        run.insert(0, doc[j])
        j -= 1
    if j <= cue.sent.start or not run or len(run) > MAX_NAME_BEFORE:
        return []
    if run[-1].pos_ not in ("NOUN", "PROPN") or any(t.pos_ not in CLOSING_NAME_POS for t in run):
        return []
    return run


def _speaker_closing(rel: Relation, doc: Any) -> None:
    """'..., rose to 31, including nine officers, hospital and police officials said': the
    parse may take the name that closes a report for part of it (here, more of the people
    hurt), leaving the cue with no subject. A short name between the report's last comma
    and the cue is then the speaker, and leaves the content."""
    cue = doc[rel.cue_token]
    if rel.source is not None or rel.lemma not in cues.SPEECH:
        return
    if cue.tag_ not in ("VBD", "VBZ", "VBP") or rel.content[-1][1] > rel.cue[0]:
        return
    run = _closing_name(cue)
    if not run:
        return
    start, end = run[0].idx, run[-1].idx + len(run[-1].text)
    if not any(a <= start and end <= b for a, b in rel.content):
        return
    comma = doc[run[0].i - 1].idx
    rel.source, rel.source_token = (start, end), run[-1].i
    rel.content = [(a, min(b, comma)) for a, b in rel.content if a < comma]


def _said_when(tok: Any, cue: Any) -> bool:
    """Whether a word after a closing cue only says when or where it spoke: punctuation,
    a prepositional phrase ('on Sunday', 'in a statement') or a date ('Sunday')."""
    if tok.is_punct or tok.ent_type_ in ("DATE", "TIME"):
        return True
    while tok.head.i != cue.i and tok.head.i != tok.i:
        tok = tok.head
    return tok.dep_ == "prep"


def _closing_reports(doc: Any, rels: list[Relation]) -> list[Relation]:
    """'The fire spread to three barns, county officials said on Sunday.': a speech verb
    with nothing to report after it, closing its sentence after a comma and a short name,
    reports the sentence before them (the parse may have joined it to that sentence's
    verb as a conjunct)."""
    cues_at = {rel.cue_token for rel in rels}
    out = []
    for tok in doc:
        if tok.i in cues_at or tok.tag_ not in ("VBD", "VBZ", "VBP"):
            continue
        if tok.lemma_.lower() not in cues.SPEECH or tok.dep_ not in ("conj", "ROOT"):
            continue
        if any(not _said_when(t, tok) for t in tok.sent if t.i > tok.i and not t.is_space):
            continue  # 'said on Sunday.' only: 'said a lot', 'said enough' report something
        run = _closing_name(tok)
        if not run:
            continue
        dash = _dateline(tok.sent)
        first = doc[dash + 1] if dash >= 0 else tok.sent[0]
        comma = doc[run[0].i - 1]
        if not says_what([t for t in doc[first.i : comma.i] if not (t.is_punct or t.is_space)]):
            continue
        out.append(
            Relation(
                (tok.idx, tok.idx + len(tok.text)),
                [(first.idx, comma.idx)],
                (run[0].idx, run[-1].idx + len(run[-1].text)),
                tok.lemma_.lower(),
                tok.i,
                run[-1].i,
            )
        )
    return out


def _clip_to_quote(rel: Relation, regions: list[Range]) -> None:
    """A cue inside a quote reports within the speaker's words: its content ends with the
    quote ('"... I think we can get there," she said' leaves 'she said' out)."""
    reg = next((r for r in regions if r[0] <= rel.cue[0] and rel.cue[1] <= r[1]), None)
    if reg is None:
        return
    clipped = [(max(a, reg[0]), min(b, reg[1])) for a, b in rel.content]
    rel.content = [(a, b) for a, b in clipped if b - a > 1]
    if rel.source is not None and not (reg[0] <= rel.source[0] and rel.source[1] <= reg[1]):
        rel.source, rel.source_token = None, None


def _colon_quotes(rels: list[Relation], regions: list[Range], text: str) -> None:
    """'..., he observed:' followed by a quoted passage: the passage is the content."""
    starts = {r[0]: r for r in regions}
    for rel in rels:
        end = max(rel.content[-1][1], rel.cue[1])
        m = re.match(r"\s*:\s*", text[end : end + 8])
        if m and end + m.end() in starts:
            rel.content.append(starts[end + m.end()])
            rel.kind = "mixed" if rel.kind == "indirect" else rel.kind


def _continue_quotes(rels: list[Relation], regions: list[Range], doc: Any) -> None:
    """Attach quoted passages with no cue to the quote just before them; a cue inside the
    passage ('"They know that ..."') is the speaker's own words and does not count. A
    passage that opens the sentence after the cue's continues it whatever that sentence
    holds ('"A," she said, after he claimed X. "B."')."""
    text = text_of(doc)
    added: list[Range] = []
    # a cue inside a quote is the speaker's words: quotes do not continue it
    quoted_cues = {id(rel) for rel in rels if any(r[0] <= rel.cue[0] < r[1] for r in regions)}
    for reg in regions:
        inner = [rel for rel in rels if reg[0] <= rel.cue[0] and rel.cue[1] <= reg[1]]
        if any(rel.lemma == ":" and rel.source and rel.source[0] <= reg[0] + 2 for rel in inner):
            continue  # '"SMITH: ...': a transcript turn has its own speaker
        outer = [rel for rel in rels if all(rel is not r for r in inner)]
        used = [r for rel in outer for r in rel.content] + [rel.cue for rel in outer] + added
        # a quote inside a source describes the speaker: 'Roe, wearing a "No Tax" pin, said'
        used += [rel.source for rel in outer if rel.source]
        if any(_overlaps(reg, u) for u in used) or _signed_by_speech(reg, outer, text):
            continue
        before = [
            rel
            for rel in outer
            if id(rel) not in quoted_cues
            and (rel.kind != "indirect" or rel.lemma in cues.SPEECH)
            and rel.content[-1][1] <= reg[0]
            and max(rel.content[-1][1], rel.cue[1]) + CONTINUATION_GAP >= reg[0]
        ]
        if not before:
            continue
        prev = before[-1]
        sent = sentence_of(doc[prev.cue_token])
        if prev.kind == "indirect":  # '"A," he said, claiming X.': the quote is the said's
            prev = next(
                (
                    r
                    for r in before
                    if r.kind != "indirect" and sent.start <= r.cue_token < sent.end
                ),
                prev,
            )
        end = max(prev.content[-1][1], prev.cue[1])
        sent_end = sent.end_char
        next_sentence = end <= sent_end and _opens_next(text, sent_end, reg[0])
        if not next_sentence and (
            reg[0] - end > MAX_UNQUOTED_GAP
            or any(_overlaps((u[0], u[0] + 1), (end, reg[0])) for u in used if u != prev.source)
            or _inside_later_sentence(doc, reg, end)
        ):
            continue
        prev.content.append(reg)
        added.append(reg)


def _signed_by_speech(reg: Range, rels: list[Relation], text: str) -> bool:
    """Whether a speech cue or its speaker follows a quoted passage right after it ('"A,"
    Roe said of the plan'): the passage is that cue's, not more of the quote before."""
    for rel in rels:
        if rel.lemma not in cues.SPEECH:
            continue
        lead = min(rel.cue[0], rel.source[0]) if rel.source else rel.cue[0]
        if reg[1] <= lead and not text[reg[1] : lead].strip(" ,"):
            return True
    return False


def _quote_before_speaker(rels: list[Relation], regions: list[Range], text: str) -> None:
    """'"A," Harlan said, referring to X, "B."': a quote that ends just before the speaker
    and a speech cue is the cue's, also when the parse hung it elsewhere (a cue inside it,
    'you say that', is the speaker's own words and ends up nested)."""
    for rel in rels:
        if rel.lemma not in cues.SPEECH or any(r[0] <= rel.cue[0] < r[1] for r in regions):
            continue
        lead = min(rel.cue[0], rel.source[0]) if rel.source else rel.cue[0]
        reg = next((r for r in regions if r[1] <= lead and not text[r[1] : lead].strip(" ,")), None)
        if reg is None or any(_overlaps(reg, c) for c in rel.content):
            continue
        i = reg[0] - 1
        while i > 0 and text[i].isspace():
            i -= 1
        if i >= 0 and text[i].isalnum():
            continue  # 'told ABC's "This Week," Roe admitted': a title inside a phrase
        if any(
            other is not rel
            and not reg[0] <= other.cue[0] < reg[1]
            and any(_overlaps(reg, c) for c in other.content)
            for other in rels
        ):
            continue  # another report outside the quote already took it
        rel.content = sorted([*rel.content, reg])
        inside = all(any(r[0] <= a and b <= r[1] for r in regions) for a, b in rel.content)
        rel.kind = "direct" if inside else "mixed"


#: a content sharing at least this share of its characters with a larger one repeats it
SHARED_CONTENT = 0.9


def _inside(rng: Range, content: list[Range]) -> bool:
    return any(a <= rng[0] and rng[1] <= b for a, b in content)


def _one_attribution_per_content(rels: list[Relation]) -> None:
    """Give each content one attribution: two cues that took the same words ('"A," he
    said, adding ...'; 'Asked whether she is "fit to serve," 40 percent agreed') keep the
    one with the larger content; on a tie the one that names a relay ('The agency, citing a
    source, reported A' keeps the citing and its chain), then the cue nearer the content
    ('kept pressing his attack that ...': the noun's clause). A cue inside the other's content
    is a nested report, not a repeat: 'Reuters reported that officials said A' keeps both."""
    sizes = [sum(b - a for a, b in rel.content) for rel in rels]

    def gap(rel: Relation) -> int:
        lo, hi = rel.content[0][0], rel.content[-1][1]
        return max(lo - rel.cue[1], rel.cue[0] - hi, 0)

    order = sorted(
        range(len(rels)),
        key=lambda i: (-sizes[i], rels[i].relay is None, gap(rels[i]), rels[i].cue_token),
    )
    dropped: set[int] = set()
    for n, i in enumerate(order):
        if i in dropped:
            continue
        for k in order[n + 1 :]:
            if k in dropped or _inside(rels[k].cue, rels[i].content):
                continue
            if _inside(rels[i].cue, rels[k].content):
                continue
            pairs = ((r, q) for r in rels[i].content for q in rels[k].content)
            shared = sum(max(0, min(r[1], q[1]) - max(r[0], q[0])) for r, q in pairs)
            if shared >= SHARED_CONTENT * sizes[k]:
                dropped.add(k)
    rels[:] = [rel for i, rel in enumerate(rels) if i not in dropped]


def _quotes_to_their_own_cue(rels: list[Relation], regions: list[Range], text: str) -> None:
    """A quoted passage that ends one content and opens another whose cue follows it
    belongs to that cue: in 'In any case, she said, the plan failed. "It was doomed," she
    said.' (one sentence to a parser that missed the break) the second 'said' has it."""
    starts = {r[0]: r for r in regions}
    for rel in (r for r in rels if r.content):
        for other in (r for r in rels if r.content):
            reg = starts.get(other.content[0][0]) if other is not rel else None
            if reg is None or other.cue[0] < reg[1] or _inside(other.cue, rel.content):
                continue
            a, b = rel.content[-1]
            if not (a <= reg[0] < reg[1] <= b + 1 and b <= reg[1] + 1) or _inside(rel.cue, [reg]):
                continue
            before = text[a : reg[0]].rstrip()
            if not before.rstrip("\"'”’").endswith((".", "!", "?")):
                continue  # 'called it "fantastic," he said': a quote inside its sentence
            end = reg[0]
            while end > a and (text[end - 1].isspace() or text[end - 1] in ".,;:"):
                end -= 1
            if end > a:
                rel.content[-1] = (a, end)
            elif len(rel.content) > 1:
                rel.content.pop()
            break


def _inside_later_sentence(doc: Any, reg: Range, end: int) -> bool:
    """Whether a quoted passage sits inside a sentence that starts after ``end`` with words
    of its own: in '... to "A." She urged the board to "B."', B is part of what the new
    sentence says, not more of A."""
    tok = doc.char_span(reg[0], reg[1], alignment_mode="expand")
    if tok is None or not len(tok):
        return False
    sent = sentence_of(tok[0])
    return sent.start_char >= end and any(t.is_alpha for t in doc[sent.start : tok[0].i])


def _opens_next(text: str, sent_end: int, start: int) -> bool:
    """Whether a passage starting at ``start`` opens the sentence after the one ending at
    ``sent_end``; the parser often leaves an opening mark at the end of the sentence before
    ('... said Mr. Roe. ''The ...')."""
    if sent_end <= start:
        return not text[sent_end:start].strip()
    return not text[start:sent_end].strip(QUOTE_CHARS + "'‘’ \n\t")


def _nest(rels: list[Relation]) -> None:
    """Link each relation to the one whose content holds its cue; inherit the relay chain."""
    spans = [(min(a for a, _ in rel.content), max(b for _, b in rel.content)) for rel in rels]
    sizes = [sum(b - a for a, b in rel.content) for rel in rels]
    for i, rel in enumerate(rels):
        best = None
        lo, hi = rel.cue
        for j, other in enumerate(rels):
            if i == j or not spans[j][0] <= lo < spans[j][1]:
                continue
            if not any(r[0] <= lo and hi <= r[1] for r in other.content):
                continue
            if best is None or sizes[j] < sizes[best]:
                best = j
        rel.parent = best
    for rel in rels:
        chain, seen, cur = [], set(), rel.parent
        while cur is not None and cur not in seen:
            seen.add(cur)
            if rels[cur].source is not None:
                chain.append(rels[cur].source)
            cur = rels[cur].parent
        rel.via = chain[::-1] + ([rel.relay] if rel.relay else [])
