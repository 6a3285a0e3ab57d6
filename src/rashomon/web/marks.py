"""The original page with its parts marked, built from offsets into ``Article.text``.

Regions say what a stretch of the page is (title, body, removed chrome, comment, spam);
highlights lie on top (facts, quotes, loaded wording). The text is cut at every boundary
into segments that each carry their classes and notes; the template escapes every segment,
so no piece of page text is ever markup.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from rashomon.web.sections import speaker_name

#: region kinds, strongest first: a spam comment inside a removed block shows as spam
REGION_ORDER = ("spam", "comment", "removed", "title", "body")

#: at most this many characters of a page are drawn (20 MB hostile pages stay cheap)
MAX_CHARS = 400_000


@dataclass(slots=True)
class Mark:
    """One marked stretch ``[start, end)`` of the page text."""

    start: int
    end: int
    kind: str
    note: str = ""
    anchor: str | None = None


@dataclass(slots=True)
class Segment:
    """A piece of page text with the region it belongs to and its highlights."""

    text: str
    region: str
    highlights: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    anchors: list[str] = field(default_factory=list)

    @property
    def classes(self) -> str:
        """CSS classes of the segment."""
        return " ".join([f"r-{self.region}", *(f"h-{h}" for h in self.highlights)])


def _span(obj: Any) -> tuple[int, int] | None:
    if not isinstance(obj, dict):
        return None
    s, e = obj.get("start"), obj.get("end")
    if isinstance(s, int) and isinstance(e, int) and 0 <= s < e:
        return s, e
    return None


def regions_of(article: dict[str, Any]) -> list[Mark]:
    """Title, body paragraphs, removed blocks and comments of an article as region marks."""
    out: list[Mark] = []
    ts = _span(article.get("title_span"))
    if ts:
        out.append(Mark(*ts, "title", "title"))
    for sp in article.get("body_spans") or []:
        se = _span(sp)
        if se:
            out.append(Mark(*se, "body", "article body"))
    for r in article.get("removed") or []:
        se = _span(r)
        if se:
            kind = str(r.get("kind") or "removed")
            reason = str(r.get("reason") or "")
            out.append(Mark(*se, "removed", f"left out: {kind}" + (f" ({reason})" if reason
                                                                    else "")))
    for c in article.get("comments") or []:
        se = _span(c)
        if se:
            spam = bool(c.get("spam"))
            who = c.get("author")
            note = ("spam comment" if spam else "reader comment") + (f" by {who}" if who else "")
            out.append(Mark(*se, "spam" if spam else "comment", note))
    return out


def segments(text: str, regions: list[Mark], highlights: list[Mark]) -> list[Segment]:
    """Cut ``text`` at every mark boundary; adjacent pieces with equal marks are merged.

    Marks out of range are clipped; text outside every region has region ``"page"``.
    """
    text = text[:MAX_CHARS]
    n = len(text)
    marks = [m for m in regions + highlights if m.start < n and m.end > m.start]
    cuts = sorted({0, n, *(min(m.start, n) for m in marks), *(min(m.end, n) for m in marks)})
    starts: dict[int, list[int]] = {}
    ends: dict[int, list[int]] = {}
    for i, m in enumerate(marks):
        starts.setdefault(m.start, []).append(i)
        ends.setdefault(min(m.end, n), []).append(i)
    active: set[int] = set()
    out: list[Segment] = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        active.difference_update(ends.get(a, ()))
        active.update(starts.get(a, ()))
        if a >= b:
            continue
        here = [marks[i] for i in sorted(active)]
        kinds = {m.kind for m in here}
        region = next((r for r in REGION_ORDER if r in kinds), "page")
        if region == "page" and not text[a:b].strip():
            region = "gap"  # line breaks between parts stay when a layer is hidden
        hl = sorted({m.kind for m in here if m.kind not in REGION_ORDER})
        notes = list(dict.fromkeys(m.note for m in here if m.note and (
            m.kind not in REGION_ORDER or m.kind == region)))
        anchors = [m.anchor for m in here if m.anchor and m.start == a]
        seg = Segment(text[a:b], region, hl, notes, anchors)
        prev = out[-1] if out else None
        if prev and not anchors and (prev.region, prev.highlights, prev.notes) == (
                seg.region, seg.highlights, seg.notes):
            prev.text += seg.text
        else:
            out.append(seg)
    return out


def highlights_of(article: dict[str, Any], coverage: dict[str, Any]) -> list[Mark]:
    """Fact evidence, quotes (from enrichment), shared passages and loaded spans."""
    text = article.get("text") or ""
    out: list[Mark] = []
    for f in coverage.get("facts") or []:
        se = _span(f.get("evidence"))
        if se is None:
            sentence = (f.get("evidence") or {}).get("sentence") or ""
            pos = text.find(sentence) if sentence else -1
            se = (pos, pos + len(sentence)) if pos >= 0 else None
        if se:
            # a fact only this outlet tells is its own reporting, not shared ground
            own = f.get("support") == "unique"
            note = "only this outlet reports this" if own else \
                f"fact {f.get('id')}: reported by {f.get('support')} outlets"
            out.append(Mark(*se, "own" if own else "fact", note, anchor=f"m-{f.get('id')}"))
    for i, q in enumerate((article.get("enrichment") or {}).get("quotes") or []):
        for part in q.get("parts") or [q.get("content")]:
            se = _span(part)
            if se:
                who = speaker_name(q, article.get("enrichment"))
                out.append(Mark(*se, "quote", f"quote: {who}",
                                anchor=f"q-{i}" if part is (q.get("parts") or [None])[0] else
                                None))
    for i, r in enumerate(coverage.get("reuse") or []):
        sentence = r.get("sentence") or ""
        pos = text.find(sentence) if sentence else -1
        if pos >= 0:
            src = r.get("source") if isinstance(r.get("source"), dict) else {}
            note = f"{r.get('kind') or 'shared'} of {src.get('outlet') or 'another article'}"
            out.append(Mark(pos, pos + len(sentence), "reused", note, anchor=f"r-{i}"))
    for i, s in enumerate(coverage.get("loaded") or []):
        se = _span(s)
        if se:
            out.append(Mark(*se, "loaded", f"loaded wording: {s.get('kind') or 'loaded'}",
                            anchor=f"l-{i}"))
    return out
