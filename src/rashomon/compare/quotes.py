"""Quotes across outlets: who is quoted by whom, trimmed or altered words, moved speakers.

Direct quotes come from the enrichment when present, else from quotation marks in the
body with the speaker taken from the reporting clause around them ('..., said X').
Quotes of different articles are the same quote when their words largely coincide; the
group then says whether the words were kept, trimmed (one is a stretch of the other) or
altered, and whether the outlets give them to different speakers.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from typing import Any

from rashomon.compare.text import Sentence, article_ref, outlet_key
from rashomon.model import Article

_QUOTE = re.compile(r"[“\"]([^”\"“]{8,}?)[”\"]")
_SAY = (
    r"(?:said|says|added|adds|told|tells|stated|explained|insisted|warned|wrote|declared|announced)"
)
_NAME = r"[A-Z][\w.'’-]+(?:\s+(?:al-|bin\s|de\s|van\s)?[A-Z][\w.'’-]+)*"
#: '..., said union boss Mara Keln.' / '..., Keln said.' / 'Keln said: "..."'
_AFTER = re.compile(
    rf"^[,.]?\s*(?:{_SAY}\s+(?P<a>[^,.;]{{0,60}}?)(?=[,.;]|$)|(?P<b>[^,.;]{{0,60}}?)\s+{_SAY}\b)"
)
_QUOTED = re.compile(r"\bquot(?:ed|ing)\s+(?P<c>[^,.;]{2,60}?)\s+as\s+say(?:ing|s)")
_BEFORE = re.compile(rf"(?P<s>[^,.;“\"]{{0,60}}?)\s+{_SAY}(?:\s+\w+){{0,3}}\s*[:,]?\s*$")
#: words that make a capitalised name an organisation or outlet, not a person who speaks
_ORG = re.compile(
    r"\b(?:Press|News|Agency|Times|Daily|Post|Herald|Journal|Ministry|Union|Party|"
    r"Coalition|Association|Front|Army|Council|Committee|Authority|Court|Bank|Reuters|"
    r"Independent|Ledger|Patriot|Television|Radio|Foundation|Watch)\b"
)
_WORD = re.compile(r"[\w’'-]+")
#: share of the shorter quote's words that must recur in order in the longer one
SAME_QUOTE = 0.6
MIN_WORDS = 3
#: quotes shorter than this many words belong to a longer one only if wholly inside it
SHORT_QUOTE = 6


@dataclass(slots=True)
class Quote:
    """A direct quote in one article."""

    article: int
    text: str
    speaker: str | None
    sentence: str


def _speaker(words: str | None) -> str | None:
    """A speaker name from the words of a reporting clause: its names, else its words."""
    if not words:
        return None
    words = words.strip()
    names = re.findall(_NAME, words)
    names = [n for n in names if n.lower() not in {"the", "a", "an", "he", "she", "they", "it"}]
    if names:
        return names[-1]
    words = re.sub(r"^(?:the|a|an)\s+", "", words, flags=re.I)
    return (
        words
        if 0 < len(words.split()) <= 6 and words.lower() not in {"he", "she", "they", "it", "we"}
        else None
    )


def _antecedent(before: str) -> str | None:
    """The person a pronoun points back to: the first person named in the nearest
    earlier sentence that names one (the subject of 'X said ...'), if any."""
    for sent in reversed(re.split(r"(?<=[.!?])\s+", before.strip())):
        named = [n for n in re.findall(_NAME, sent) if len(n.split()) >= 2 and not _ORG.search(n)]
        if named:
            return named[0]
    return None


def _from_text(pos: int, sents: list[Sentence]) -> list[Quote]:
    """Quotes found in quotation marks, paragraph by paragraph (a quote may hold several
    sentences), with the speaker from the reporting clause around them."""
    paras: dict[int, list[Sentence]] = {}
    for s in sents:
        paras.setdefault(s.para, []).append(s)
    out = []
    for group in paras.values():
        text, starts = "", []
        for s in group:
            starts.append(len(text))
            text += s.text + " "
        for m in _QUOTE.finditer(text):
            q = m.group(1).strip(" ,.")
            if len(_WORD.findall(q)) < MIN_WORDS:
                continue
            after = _AFTER.match(text[m.end() :])
            before = _BEFORE.search(text[max(0, m.start() - 200) : m.start()])
            who = None
            if after:
                who = _speaker(after.group("a") or after.group("b"))
            if who is None and before:
                who = _speaker(before.group("s"))
            quoted = _QUOTED.search(text[m.end() : m.end() + 200])
            if who is None and quoted:
                who = _speaker(quoted.group("c"))
            if who is None or (len(who.split()) == 1 and who[:1].islower()):
                # 'he said' / 'the minister said': the person last named before the quote
                who = _antecedent(text[: m.start()]) or who
            k = max(i for i, st in enumerate(starts) if st <= m.start())
            out.append(Quote(pos, q, who, group[k].text))
    return out


def _span_text(x: Any) -> str | None:
    if isinstance(x, dict):
        return x.get("text")
    return x if isinstance(x, str) else None


def _from_enrichment(pos: int, article: Article) -> list[Quote] | None:
    enr = getattr(article, "enrichment", None)
    if not isinstance(enr, dict) or not enr.get("quotes"):
        return None
    names = {e.get("id"): e.get("name") for e in enr.get("entities") or []}
    out = []
    for q in enr["quotes"]:
        if q.get("kind") == "indirect":
            continue
        text = _span_text(q.get("content"))
        if not text:
            continue
        marked = [m.group(1) for m in _QUOTE.finditer(text)]
        if marked:  # only the words in quotation marks are the speaker's own
            text = " ... ".join(marked)
        elif q.get("kind") != "direct":
            continue
        if len(_WORD.findall(text)) < MIN_WORDS:
            continue
        who = q.get("speaker")
        who = names.get(who, who) if isinstance(who, str) else _span_text(q.get("source"))
        out.append(Quote(pos, text.strip(' “”",.'), who, text))
    return out


def article_quotes(pos: int, article: Article, sents: list[Sentence]) -> list[Quote]:
    """Direct quotes of one article (the enrichment's, else found here)."""
    found = _from_enrichment(pos, article)
    return found if found is not None else _from_text(pos, sents)


def _words(text: str) -> list[str]:
    return [w.lower().replace("’", "'") for w in _WORD.findall(text)]


def _compare(a: list[str], b: list[str]) -> tuple[float, str]:
    """How much of the shorter quote recurs in the longer, and the change between them."""
    if a == b:
        return 1.0, "same"
    if len(set(a) & set(b)) < SAME_QUOTE * min(len(set(a)), len(set(b))):
        return 0.0, "altered"  # too few shared words for the ordered comparison to pass
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    sm = difflib.SequenceMatcher(None, short, long_, autojunk=False)
    blocks = [m for m in sm.get_matching_blocks() if m.size]
    kept = sum(m.size for m in blocks)
    share = kept / max(1, len(short))
    if len(short) < SHORT_QUOTE and kept < len(short):
        return 0.0, "altered"  # a few words ('nobody asked us') match only whole
    if kept == len(short) and len(blocks) == 1:
        return share, "trimmed"  # one stretch of the longer quote: ends cut off
    return share, "altered"


def _same_speaker(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return True  # unknown speakers do not disagree
    la, lb = a.lower().split(), b.lower().split()
    return la[-1] == lb[-1] or bool(set(la) & set(lb) - {"the", "a", "of", "spokesman", "official"})


def compare_quotes(
    articles: list[Article], sentences: list[list[Sentence]]
) -> list[dict[str, Any]]:
    """Quote groups across the story's articles.

    Returns:
        One record per quote: ``{text, speakers, articles: [{..ref, speaker, text}],
        change: "same"|"trimmed"|"altered"|None, speaker_conflict: bool}``, quotes told
        by several outlets first.
    """
    quotes = [q for i, a in enumerate(articles) for q in article_quotes(i, a, sentences[i])]
    words = [_words(q.text) for q in quotes]
    groups: list[list[int]] = []
    changes: list[set[str]] = []
    for i in range(len(quotes)):
        for g, ch in zip(groups, changes, strict=True):
            best = max((_compare(words[i], words[j]) for j in g), key=lambda x: x[0])
            if best[0] >= SAME_QUOTE and all(quotes[j].article != quotes[i].article for j in g):
                g.append(i)
                ch.add(best[1])
                break
        else:
            groups.append([i])
            changes.append(set())
    out = []
    for g, ch in zip(groups, changes, strict=True):
        members = [quotes[k] for k in g]
        speakers = [q.speaker for q in members]
        known = [s for s in speakers if s]
        conflict = any(not _same_speaker(a, b) for i, a in enumerate(known) for b in known[i + 1 :])
        change = None
        if len(g) > 1:
            change = "altered" if "altered" in ch else "trimmed" if "trimmed" in ch else "same"
        longest = max(members, key=lambda q: len(q.text))
        out.append(
            {
                "text": longest.text,
                "speakers": sorted(set(known)),
                "articles": [
                    {**article_ref(articles[q.article]), "speaker": q.speaker, "text": q.text}
                    for q in members
                ],
                "outlets": sorted({outlet_key(articles[q.article]) for q in members}),
                "change": change,
                "speaker_conflict": conflict,
            }
        )
    out.sort(key=lambda r: (-len(r["outlets"]), not r["speaker_conflict"]))  # type: ignore[arg-type]
    return out
