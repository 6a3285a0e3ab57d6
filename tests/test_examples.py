"""The bundled demo corpus is well formed and its expected answers match its pages."""

from __future__ import annotations

import gzip
import importlib.util
import json
import re
from datetime import date
from pathlib import Path
from typing import Any

import lxml.html
import pytest

DEMO = Path(__file__).resolve().parents[1] / "examples" / "demo"
#: The answers sit beside the corpus folder, so that analyzing the folder reads only pages.
EXPECTED = DEMO.parent / "demo-expected.json"
SHARED = Path(__file__).resolve().parents[1] / ".." / "shared"
#: Files in the corpus folder that are not pages.
NOT_PAGES = {"README.md"}
#: A run of this many words shared with a real page would mean copied text, not shared names.
SHINGLE_WORDS = 8


@pytest.fixture(scope="module")
def expected() -> dict[str, Any]:
    return json.loads(EXPECTED.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def pages(expected: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {p["source_id"]: p for p in expected["pages"]}


def _raw(path: Path) -> bytes:
    data = path.read_bytes()
    return gzip.decompress(data) if path.name.endswith(".gz") else data


def _feed_rows() -> list[dict[str, Any]]:
    lines = (DEMO / "feed.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().lower()


def _visible_text(page: dict[str, Any]) -> str:
    """What a reader sees on the page, whitespace-normalised and lower-cased."""
    if page["format"] == "jsonl":
        row = _feed_rows()[page["row"] - 1]
        return _norm(row["title"] + "\n" + row["text"])
    raw = _raw(DEMO / page["file"])
    if page["format"] == "html":
        return _norm(lxml.html.fromstring(raw).text_content())
    return _norm(raw.decode("utf-8"))


def test_every_file_is_referenced_and_every_reference_exists(
    pages: dict[str, dict[str, Any]],
) -> None:
    referenced = {p["file"] for p in pages.values()}
    on_disk = {f.name for f in DEMO.iterdir() if f.is_file()} - NOT_PAGES
    assert referenced == on_disk
    for name in on_disk:
        assert (DEMO / name).stat().st_size > 0, name


def test_source_ids_follow_the_file_or_row_id(expected: dict[str, Any]) -> None:
    ids = [p["source_id"] for p in expected["pages"]]
    assert len(ids) == len(set(ids))
    for p in expected["pages"]:
        if p["format"] != "jsonl":
            assert p["source_id"] == p["file"].split(".", 1)[0]


def test_text_pages_decode_and_are_long_enough(pages: dict[str, dict[str, Any]]) -> None:
    for sid, p in pages.items():
        words = _visible_text(p).split()
        # Wire copy runs to ~200 words; every other page carries a 300+ word article.
        assert len(words) >= 180, (sid, len(words))


def test_feed_rows_parse_and_match_expected(pages: dict[str, dict[str, Any]]) -> None:
    rows = _feed_rows()
    assert 2 <= len(rows) <= 3
    for n, row in enumerate(rows, start=1):
        assert set(row) == {"id", "url", "outlet", "published", "title", "text"}
        page = pages[row["id"]]
        assert page["row"] == n
        assert row["outlet"] == page["outlet"]
        assert row["title"] == page["title"]
        assert row["published"][:10] == page["published"]


def test_html_pages_parse_with_metadata(pages: dict[str, dict[str, Any]]) -> None:
    html_pages = [p for p in pages.values() if p["format"] == "html"]
    assert len(html_pages) >= 5
    assert any(p["file"].endswith(".html.gz") for p in html_pages)
    for p in html_pages:
        doc = lxml.html.fromstring(_raw(DEMO / p["file"]))
        meta = {m.get("property") or m.get("name"): m.get("content") for m in doc.iter("meta")}
        assert meta["og:site_name"] == p["outlet"], p["file"]
        assert meta["og:title"] == p["title"], p["file"]
        assert meta["article:published_time"][:10] == p["published"], p["file"]
        assert meta.get("author"), p["file"]
        assert doc.xpath("//article//p") and doc.xpath("//footer"), p["file"]


def test_text_pages_show_title_and_outlet(pages: dict[str, dict[str, Any]]) -> None:
    for p in pages.values():
        if p["format"] != "text":
            continue
        lines = (DEMO / p["file"]).read_text(encoding="utf-8").splitlines()
        assert p["title"] in lines, p["file"]
        assert p["outlet"].lower() in _visible_text(p), p["file"]


def test_published_dates_are_iso_or_null(expected: dict[str, Any]) -> None:
    nulls = 0
    for p in expected["pages"]:
        if p["published"] is None:
            nulls += 1
        else:
            date.fromisoformat(p["published"])
    assert nulls >= 2  # one page dated only by weekday, one with no date at all


def test_stories_storylines_and_outlets_are_consistent(expected: dict[str, Any]) -> None:
    stories, storylines = expected["stories"], expected["storylines"]
    for p in expected["pages"]:
        assert p["outlet"] in expected["outlets"]
        assert stories[p["story"]]["storyline"] == p["storyline"]
    assert {s["storyline"] for s in stories.values()} == set(storylines)
    outlets = {p["outlet"] for p in expected["pages"]}
    assert len(outlets) >= 5


def test_facts_cite_pages_of_their_story(
    expected: dict[str, Any], pages: dict[str, dict[str, Any]]
) -> None:
    for story, facts in expected["facts"].items():
        members = {sid for sid, p in pages.items() if p["story"] == story}
        shared = [f for f in facts if set(f["source_ids"]) == members]
        single = [f for f in facts if len(f["source_ids"]) == 1]
        assert shared and single, story
        for f in facts:
            cited = (
                set(f["source_ids"]) | set(f.get("omitted_by", [])) | set(f.get("disputed_by", []))
            )
            assert cited <= members, f["fact"]


def test_quotes_figures_and_attributions_occur_verbatim(
    expected: dict[str, Any], pages: dict[str, dict[str, Any]]
) -> None:
    snippets: list[tuple[str, str]] = []
    for q in expected["quotes"]:
        snippets += [(v["source_id"], v["text"]) for v in q["variants"]]
    for fig in expected["figures"]:
        snippets += [(v["source_id"], v["text"]) for v in fig["values"]]
    for s in expected["syndication"]:
        snippets += [(s["copy"], a) for a in s.get("attributions", [])]
    snippets += [(o["source_id"], o["text"]) for o in expected["opinion_in_reporting"]]
    for sid, text in snippets:
        assert _norm(text) in _visible_text(pages[sid]), (sid, text)


def test_labels_occur_in_their_outlets_pages(
    expected: dict[str, Any], pages: dict[str, dict[str, Any]]
) -> None:
    for actor, by_outlet in expected["labels"].items():
        for outlet, labels in by_outlet.items():
            text = " ".join(_visible_text(p) for p in pages.values() if p["outlet"] == outlet)
            for label in labels:
                assert _norm(label) in text, (actor, outlet, label)


def test_syndicated_copy_repeats_the_wire_paragraphs(
    expected: dict[str, Any], pages: dict[str, dict[str, Any]]
) -> None:
    for s in expected["syndication"]:
        if s["kind"] != "near-verbatim":
            continue

        def paragraphs(sid: str) -> set[str]:
            text = (DEMO / pages[sid]["file"]).read_text(encoding="utf-8")
            return {_norm(b) for b in text.split("\n\n") if len(b.split()) >= 12}

        assert len(paragraphs(s["original"]) & paragraphs(s["copy"])) >= 5


def test_comment_counts_match_the_pages(pages: dict[str, dict[str, Any]]) -> None:
    for p in pages.values():
        authors = p.get("comment_authors", [])
        assert len(authors) == p["comments"] >= p["spam_comments"], p["source_id"]
        text = _visible_text(p)
        for author in authors:
            if author is not None:
                assert _norm(author) in text, (p["source_id"], author)


def test_no_text_copied_from_the_sample_pages() -> None:
    seeds = SHARED / "seeds"
    if not seeds.is_dir():
        pytest.skip("shared sample pages not present")

    def shingles(text: str) -> set[tuple[str, ...]]:
        words = re.findall(r"\w+", text.lower())
        return {tuple(words[i : i + SHINGLE_WORDS]) for i in range(len(words) - SHINGLE_WORDS + 1)}

    real: set[tuple[str, ...]] = set()
    for f in seeds.glob("*.txt"):
        real |= shingles(f.read_text(encoding="utf-8", errors="replace"))
    for f in [*DEMO.iterdir(), EXPECTED]:
        ours = shingles(_raw(f).decode("utf-8"))
        assert not ours & real, f.name


def test_the_folder_ingests_without_skips(pages: dict[str, dict[str, Any]]) -> None:
    files = pytest.importorskip("rashomon.ingest.files")
    skipped: list[tuple[str, str]] = []
    read = list(files.read_pages([DEMO], on_skip=lambda src, why: skipped.append((src, why))))
    assert skipped == []
    assert sorted(p.source_id for p in read) == sorted(pages)


def test_line_gold_partitions_each_text_page(pages: dict[str, dict[str, Any]]) -> None:
    kinds = ("body_lines", "comment_lines", "comment_author_lines", "spam_lines")
    kinds += ("boilerplate_lines", "either_lines")
    text_pages = [p for p in pages.values() if p["format"] == "text"]
    assert text_pages and all("lines" in p for p in text_pages)
    for p in text_pages:
        gold = p["lines"]
        lines = (DEMO / p["file"]).read_text(encoding="utf-8").splitlines()
        assert lines[gold["title_line"] - 1] == p["title"]
        marked = [gold["title_line"]] + ([gold["subtitle_line"]] if "subtitle_line" in gold else [])
        for kind in kinds:
            marked += gold.get(kind, [])
        non_empty = [n for n, t in enumerate(lines, start=1) if t.strip()]
        assert sorted(marked) == non_empty, p["source_id"]
        assert len(gold["body_lines"]) >= 5, p["source_id"]
        authors = [lines[n - 1] for n in gold["comment_author_lines"]]
        assert authors == [a for a in p.get("comment_authors", []) if a], p["source_id"]
        assert len(gold["comment_lines"]) + len(gold["spam_lines"]) == p["comments"]
        assert len(gold["spam_lines"]) == p["spam_comments"], p["source_id"]


def test_relative_dates_name_the_right_weekday(pages: dict[str, dict[str, Any]]) -> None:
    relative = [p for p in pages.values() if "relative_date" in p]
    assert relative
    for p in relative:
        rel = p["relative_date"]
        weekday = date.fromisoformat(rel["date"]).strftime("%A").lower()
        assert rel["text"].lower() == f"on {weekday}", p["source_id"]
        assert _norm(rel["text"]) in _visible_text(p)
        if rel["anchor"]:
            assert _norm(rel["anchor"]) in _visible_text(p)


def test_answers_file_is_the_scripts_output(expected: dict[str, Any]) -> None:
    spec = importlib.util.spec_from_file_location("demo_expected", DEMO.parent / "demo_expected.py")
    assert spec and spec.loader
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    assert json.loads(json.dumps(script.build())) == expected
