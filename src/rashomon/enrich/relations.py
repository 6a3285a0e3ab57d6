"""Attribution relations (source, cue, content) found on the dependency parse.

A cue is a reporting verb from ``cues`` (or 'according to'); its content is the clausal
complement, the infinitive complement, the clause it interrupts ('the plan, he said, is
dead'), or what follows a colon; its source is the verb's subject. Quotation marks are
paired so that a direct quote spanning several sentences is one content, and quoted
sentences that follow a quote with no cue of their own continue it. Offsets are into the
spaCy document text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from rashomon.enrich import cues

OPEN_QUOTES = "“«„"
CLOSE_QUOTES = "”»"
QUOTE_CHARS = OPEN_QUOTES + CLOSE_QUOTES + '"'
#: punctuation trimmed from the edges of sources and contents (quotation marks are kept).
EDGE_PUNCT = set(",.;:-–—()[]") | {"--", "..."}
SUBJECTS = ("nsubj", "nsubjpass", "csubj")
#: a quoted passage with no cue of its own continues the previous quote when it starts
#: within this many characters of the previous quote's end (about two short sentences).
CONTINUATION_GAP = 300

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
    """Spans of quoted passages, marks included.

    An unclosed quote ends with its paragraph; a closing mark with no opening one closes a
    passage that began with its paragraph (a quote running over several paragraphs).
    """
    regions: list[Range] = []
    start: int | None = None
    straight = False
    para_start = 0
    for i, ch in enumerate(text):
        if ch == "\n" and text[i + 1 : i + 2] == "\n":
            if start is not None:
                regions.append((start, i))
                start = None
            para_start = i + 2
        elif ch in OPEN_QUOTES and start is None:
            start, straight = i, False
        elif ch in CLOSE_QUOTES and not straight:
            if start is None and i > para_start:
                start = para_start
            if start is not None:
                regions.append((start, i + 1))
                start = None
        elif ch == '"':
            if start is None:
                start, straight = i, True
            elif straight:
                regions.append((start, i + 1))
                start = None
    if start is not None:
        regions.append((start, len(text)))
    return [r for r in regions if r[1] - r[0] > 2]


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


def ranges_of(tokens: set[Any] | list[Any]) -> list[Range]:
    """Character ranges of runs of tokens, edge punctuation trimmed."""
    out = []
    for run in _runs(sorted(tokens, key=lambda t: t.i)):
        run = _trim(run)
        if run and any(t.is_alpha or t.like_num for t in run):
            out.append((run[0].idx, run[-1].idx + len(run[-1].text)))
    return out


def _subject(verb: Any, depth: int = 0) -> Any | None:
    for child in verb.children:
        if child.dep_ in SUBJECTS:
            return child
    if (
        depth < 3
        and verb.dep_ in ("xcomp", "conj", "advcl", "acl", "relcl")
        and verb.head is not verb
    ):
        if verb.dep_ == "relcl":
            return verb.head
        return _subject(verb.head, depth + 1)
    return None


def _source_range(subj: Any, exclude: set[int]) -> Range | None:
    toks = [t for t in subj.subtree if t.i not in exclude]
    runs = [r for r in _runs(toks) if any(t.i == subj.i for t in r)]
    rng = ranges_of(runs[0]) if runs else []
    return rng[0] if rng else None


def _content_tokens(verb: Any, lemma: str) -> list[Any]:
    """Tokens of the verb's content, or [] when it has none."""
    kids = list(verb.children)
    for child in kids:
        if child.dep_ == "ccomp":
            return list(child.subtree)
    if lemma in cues.TAKES_INFINITIVE:
        for child in kids:
            if child.dep_ == "xcomp" and child.i > verb.i:
                end = max(t.i for t in child.subtree)
                return [
                    t
                    for t in verb.doc[verb.i + 1 : end + 1]
                    if t.dep_ != "punct" or t.i > verb.i + 1
                ]
    if lemma not in cues.NEEDS_CLAUSE or lemma in ("add", "note", "continue", "state", "post"):
        inverted = verb.dep_ == "parataxis" or (
            verb.dep_ in ("ccomp", "advcl") and verb.i > verb.head.i
        )
        if inverted and verb.head is not verb:
            mine = {t.i for t in verb.subtree}
            return [t for t in verb.head.subtree if t.i not in mine]
        nxt = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
        if nxt is not None and nxt.text == ":":
            return [t for t in verb.sent if t.i > nxt.i]
        for child in kids:
            if child.dep_ in ("dobj", "attr", "oprd") and child.i > verb.i and _quoted(child):
                return list(child.subtree)
    return []


def _quoted(tok: Any) -> bool:
    sub = list(tok.subtree)
    return sub[0].text in QUOTE_CHARS or (
        sub[0].i > 0 and tok.doc[sub[0].i - 1].text in QUOTE_CHARS
    )


def _according(tok: Any) -> Relation | None:
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    if nxt is None or nxt.lower_ != "to":
        return None
    pobj = next((c for c in nxt.children if c.dep_ == "pobj"), None)
    if pobj is None:
        return None
    src = _source_range(pobj, set())
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
    if lemma in cues.CITING:
        obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
        if obj is None or tok.dep_ not in ("advcl", "xcomp", "conj", "acl"):
            return None
        head = tok.head
        content_toks = (
            _content_tokens(head, head.lemma_.lower()) if head.pos_ in ("VERB", "AUX") else []
        )
        content = ranges_of(content_toks)
        if not content:
            return None
        head_subj = _subject(head)
        relay = (
            _source_range(head_subj, {t.i for t in tok.subtree}) if head_subj is not None else None
        )
        return Relation(
            (tok.idx, tok.idx + len(tok.text)),
            content,
            _source_range(obj, set()),
            lemma,
            tok.i,
            obj.i,
            relay=relay,
        )
    toks = _content_tokens(tok, lemma)
    if not toks:
        return None
    content_ids = {t.i for t in toks}
    subj = _subject(tok)
    source = None
    if subj is not None and subj.i not in content_ids:
        source = _source_range(subj, content_ids | {tok.i})
    cue_end = tok
    for child in tok.children:  # particles: 'pointed out', 'called for'
        if child.dep_ == "prt" and child.i == tok.i + 1:
            cue_end = child
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
                relay = _source_range(child, content_ids)
    return Relation(
        (cue_start.idx, cue_end.idx + len(cue_end.text)),
        ranges_of(toks),
        source,
        lemma,
        tok.i,
        subj.i if source else None,
        relay=relay,
    )


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


def find_relations(doc: Any) -> list[Relation]:
    """Attribution relations of a parsed document, in text order."""
    regions = quote_regions(doc.text)
    rels: list[Relation] = []
    for tok in doc:
        rel = None
        if tok.lower_ == "according":
            rel = _according(tok)
        elif tok.pos_ in ("VERB", "AUX") and tok.lemma_.lower() in cues.ALL:
            rel = _verb_relation(tok)
        if rel is not None and rel.content:
            _extend_with_quotes(rel, regions)
            rels.append(rel)
    _continue_quotes(rels, regions, doc.text)
    _nest(rels)
    return rels


def _continue_quotes(rels: list[Relation], regions: list[Range], text: str) -> None:
    """Attach quoted passages with no cue to the quote just before them."""
    used = [r for rel in rels for r in rel.content] + [rel.cue for rel in rels]
    for reg in regions:
        if any(_overlaps(reg, u) for u in used):
            continue
        before = [
            rel
            for rel in rels
            if rel.kind != "indirect"
            and rel.content[-1][1] <= reg[0]
            and max(rel.content[-1][1], rel.cue[1]) + CONTINUATION_GAP >= reg[0]
        ]
        if not before:
            continue
        prev = before[-1]
        gap = text[max(prev.content[-1][1], prev.cue[1]) : reg[0]]
        if (
            any(ch.isalpha() for ch in gap.replace("said", "").replace("says", ""))
            and len(gap) > 60
        ):
            continue
        prev.content.append(reg)
        used.append(reg)


def _nest(rels: list[Relation]) -> None:
    """Link each relation to the one whose content holds its cue; inherit the relay chain."""
    for i, rel in enumerate(rels):
        best = None
        for j, other in enumerate(rels):
            if i == j or not any(r[0] <= rel.cue[0] and rel.cue[1] <= r[1] for r in other.content):
                continue
            if best is None or sum(b - a for a, b in other.content) < sum(
                b - a for a, b in rels[best].content
            ):
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
