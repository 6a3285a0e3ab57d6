from __future__ import annotations

from rashomon.web.marks import MAX_CHARS, Mark, highlights_of, regions_of, segments


def test_segments_cut_at_every_boundary_and_keep_the_text() -> None:
    text = "Nav\n\nTitle\n\nBody one. Body two.\n\nspam!"
    regions = [Mark(0, 3, "removed", "left out: chrome"), Mark(5, 10, "title"),
               Mark(12, 31, "body"), Mark(33, 38, "spam", "spam comment")]
    hl = [Mark(22, 31, "fact", "fact f1", anchor="m-f1")]
    segs = segments(text, regions, hl)
    assert "".join(s.text for s in segs) == text
    kinds = [(s.text, s.region, s.highlights) for s in segs]
    assert ("Nav", "removed", []) in kinds
    assert ("\n\n", "gap", []) in kinds  # line breaks outside every part stay visible
    assert ("Body two.", "body", ["fact"]) in kinds
    assert ("spam!", "spam", []) in kinds
    fact = next(s for s in segs if s.highlights)
    assert fact.anchors == ["m-f1"] and fact.classes == "r-body h-fact"


def test_segments_clip_bad_offsets_and_huge_pages() -> None:
    segs = segments("short", [Mark(2, 99, "body"), Mark(7, 9, "body"), Mark(4, 1, "body")], [])
    assert "".join(s.text for s in segs) == "short"
    big = "x" * (MAX_CHARS + 10)
    assert sum(len(s.text) for s in segments(big, [], [])) == MAX_CHARS


def test_regions_and_highlights_from_an_article_context() -> None:
    article = {
        "text": "Home\n\nIt rained. So-called experts agreed.",
        "title_span": None,
        "body_spans": [{"text": "It rained. So-called experts agreed.", "start": 6, "end": 42}],
        "removed": [{"text": "Home", "kind": "chrome", "start": 0, "end": 4, "reason": "nav"}],
        "comments": [{"text": "x", "start": "bad", "end": None}],
        "enrichment": None,
    }
    assert [(m.kind, m.start) for m in regions_of(article)] == [("body", 6), ("removed", 0)]
    cov = {"facts": [{"id": "f1", "support": "all",
                      "evidence": {"sentence": "It rained.", "article": "a"}},
                     {"id": "f2", "support": "unique", "evidence": None}],
           "loaded": [{"start": 17, "end": 26, "kind": "doubt"}],
           "reuse": [{"sentence": "So-called experts agreed.", "source": {"outlet": "Wire"}}]}
    marks = {(m.kind, m.start, m.end) for m in highlights_of(article, cov)}
    assert marks == {("fact", 6, 16), ("loaded", 17, 26), ("reused", 17, 42)}
