"""A small hand-built store for the web tests: one story told by three outlets (one of them
hostile), a second story, a storyline, and a comparison in the shapes the compare stage
writes."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from rashomon.model import Article, Comment, Removed, Span, Story, Storyline, content_hash
from rashomon.store import SQLiteStore

HOSTILE = "<script>alert(1)</script>"
NAV = "Home | World | Sport"


def make_article(source_id: str, outlet: str, title: str, paragraphs: list[str],
                 published: str, comments: list[tuple[str, bool]] = (),
                 url: str | None = None) -> Article:
    """An article whose page text is navigation, title, paragraphs and comments, with every
    part's offsets set."""
    text = NAV + "\n\n"
    removed = [Removed(NAV, "chrome", 0, len(NAV), "navigation")]
    title_span = Span(title, len(text), len(text) + len(title))
    text += title + "\n\n"
    spans = []
    for p in paragraphs:
        spans.append(Span(p, len(text), len(text) + len(p)))
        text += p + "\n\n"
    coms = []
    for body, spam in comments:
        coms.append(Comment(body, len(text), len(text) + len(body), author="reader", spam=spam))
        text += body + "\n\n"
    return Article(id=content_hash(text), source=f"{source_id}.txt", source_id=source_id,
                   text=text, title=title, outlet=outlet, published=published,
                   body=list(paragraphs), body_spans=spans, title_span=title_span,
                   comments=coms, removed=removed, url=url)


def _evidence(a: Article, sentence: str) -> dict[str, Any]:
    start = a.text.index(sentence)
    return {"article": a.id, "sentence": sentence, "start": start, "end": start + len(sentence)}


def _ref(a: Article) -> dict[str, str]:
    return {"id": a.id, "source_id": a.source_id, "outlet": a.outlet or a.source_id}


def build_store(path: Path) -> dict[str, Any]:
    """Write the test store to ``path``; returns its ids and articles."""
    harbor = make_article(
        "harbor-1", "Harbor Times", "Dock workers strike in Valmora",
        ["Dock workers in Valmora walked off the job on Monday, halting the port.",
         "Nearly 150 ships were stuck outside the harbor by Tuesday, the port authority said.",
         'Union leader Mara Keln said: "We will not return until the deal is honoured."'],
        "2024-03-01T08:00:00+00:00", comments=[("Good for them.", False)],
        url="https://harbor.example/strike")
    patriot = make_article(
        "patriot-7", "Daily Patriot", f"{HOSTILE} Radical dockers paralyse Valmora",
        ["Radical dockers in Valmora abandoned their posts on Monday, paralysing the port.",
         "Hundreds of ships were stuck outside the harbor by Tuesday, the port authority said.",
         'A reader wrote </textarea><img src=x onerror=alert(2)> and "quotes" & more.',
         "This raises serious questions about who funds the so-called union."],
        "2024-03-02T10:00:00+00:00",
        comments=[("BUY CHEAP WATCHES <a href=http://spam.example>here</a>", True)],
        url="javascript:alert(3)")
    coast = make_article(
        "coast-3", 'Coast & "Wire"', "Strike halts Valmora port",
        ["Port workers in Valmora went on strike on Monday, halting the port.",
         "Some 2,000 workers joined the strike on its second day, the union said."],
        "2024-03-01T12:00:00+00:00")
    lone = make_article("frost-1", "Harbor Times", "Frost hits Castrel apple growers",
                        ["A late frost hit the apple growers of Castrel on Thursday."],
                        "2024-04-04T08:00:00+00:00")
    arts = [harbor, patriot, coast]
    q = harbor.text.index("We will not return")
    harbor.enrichment = {"quotes": [{
        "kind": "direct", "speaker": "Mara Keln", "source": None, "cue": None,
        "content": {"text": "We will not return until the deal is honoured.", "start": q,
                    "end": q + 47},
        "parts": [{"text": "We will not return until the deal is honoured.", "start": q,
                   "end": q + 47}]}],
        "entities": [{"id": "e1", "name": "Mara Keln", "kind": "person", "mentions": []}]}
    loaded_text = "so-called union"
    ls = patriot.text.index(loaded_text)
    comparison = {
        "facts": [
            {"id": "f1", "kind": "claim", "text": "Dock workers in Valmora went on strike on "
             "Monday.", "articles": [_ref(a) for a in arts], "support": "all", "n_outlets": 3,
             "evidence": [_evidence(harbor, harbor.body[0]), _evidence(patriot, patriot.body[0]),
                          _evidence(coast, coast.body[0])]},
            {"id": "f2", "kind": "claim", "text": "Ships were stuck outside the harbor.",
             "articles": [_ref(harbor), _ref(patriot)], "support": "most", "n_outlets": 2,
             "evidence": [_evidence(harbor, harbor.body[1]),
                          _evidence(patriot, patriot.body[1])]},
            {"id": "f3", "kind": "detail", "text": f"Some 2,000 workers joined {HOSTILE}.",
             "articles": [_ref(coast)], "support": "unique", "n_outlets": 1,
             "evidence": [_evidence(coast, coast.body[1])]},
        ],
        "omissions": [{"outlet": 'Coast & "Wire"', "facts": [
            {"fact": "f2", "text": "Ships were stuck outside the harbor.",
             "told_by": ["Daily Patriot", "Harbor Times"]}]}],
        "contradictions": [{"fact": "f2", "kind": "figure", "status": "conflict",
                            "text": "Ships were stuck outside the harbor.",
                            "values": [{"article": _ref(harbor), "published": harbor.published,
                                        "text": "Nearly 150", "sentence": harbor.body[1]},
                                       {"article": _ref(patriot), "published": None,
                                        "text": "Hundreds", "sentence": patriot.body[1]}]}],
        "quotes": [{"text": "We will not return until the deal is honoured.",
                    "speakers": ["Mara Keln", HOSTILE],
                    "articles": [_ref(harbor) | {"speaker": "Mara Keln",
                                                 "text": "We will not return until the deal "
                                                         "is honoured."},
                                 _ref(patriot) | {"speaker": HOSTILE,
                                                  "text": "We will not return"}],
                    "outlets": ["Harbor Times", "Daily Patriot"], "change": "trimmed",
                    "speaker_conflict": True}],
        "labels": {"dock workers": {"Harbor Times": [{"term": "dock workers", "count": 2}],
                                    "Daily Patriot": ["radical dockers", HOSTILE],
                                    'Coast & "Wire"': ["port workers"]}},
        "actors": [{"id": "person:mara-keln", "name": "Mara Keln", "kind": "person",
                    "mentions": 3, "names": [{"text": "Mara Keln", "count": 2},
                                             {"text": HOSTILE, "count": 1}],
                    "outlets": {"Harbor Times": 2, "Daily Patriot": 1},
                    "by_outlet": {"Harbor Times": [{"text": "Mara Keln", "count": 2}],
                                  "Daily Patriot": [{"text": HOSTILE, "count": 1}]},
                    "articles": [harbor.id, patriot.id], "entities": ["h:e1", "p:e4"]}],
        "loaded": [{"article": patriot.id, "text": loaded_text, "kind": "doubt",
                    "start": ls, "end": ls + len(loaded_text)}],
        "summary": [{"text": "Dock workers in Valmora went on strike on Monday.",
                     "articles": [harbor.id, coast.id]}],
        "sourcing": {
            "articles": [{**_ref(patriot), "wires": {"Reuters": 1}, "reused_share": 0.5,
                          "wire_share": 0.25, "own_share": 0.25,
                          "reused_from": {"Harbor Times": 1}}],
            "reuse": [{"article": patriot.id, "sentence": patriot.body[1], "paragraph": 1,
                       "kind": "paraphrase", "score": 0.8, "source": _ref(harbor),
                       "source_sentence": harbor.body[1], "direction": "from"}],
            "cites": []},
    }
    store = SQLiteStore(path)
    store.add_articles([*arts, lone])
    story = Story(id="s1", article_ids=[a.id for a in arts], title="Dock workers strike in "
                  "Valmora", first_published=harbor.published, last_published=patriot.published,
                  outlets=[a.outlet or "" for a in arts],
                  meta={"copies": {coast.id: {"copies": [{"article": harbor.id, "share": 0.62,
                                                          "jaccard": 0.5, "earlier": True}],
                                              "copied_share": 0.62}}})
    frost = Story(id="s2", article_ids=[lone.id], title=lone.title,
                  first_published=lone.published, last_published=lone.published,
                  outlets=["Harbor Times"])
    store.save_stories([story, frost], [])
    store.set_comparison("s1", comparison, {"rashomon.compare": "test"})
    store.save_storylines([Storyline(id="l1", story_ids=["s1", "s2"], title="Valmora unrest",
                                     first_published=harbor.published,
                                     last_published=lone.published)])
    store.close()
    return {"harbor": harbor, "patriot": patriot, "coast": coast, "lone": lone}


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any]]:
    """The test store's path and its articles."""
    path = tmp_path_factory.mktemp("web") / "web.db"
    return path, build_store(path)


@pytest.fixture(scope="session")
def client(built: tuple[Path, dict[str, Any]]) -> Any:
    """A test client over the test store (read-only, as ``rashomon serve`` opens it)."""
    from fastapi.testclient import TestClient

    from rashomon.web import create_app

    with TestClient(create_app(str(built[0]))) as c:
        yield c
