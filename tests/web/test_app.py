from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from rashomon.store import SQLiteStore
from rashomon.views import story_detail
from rashomon.web.app import CSP
from rashomon.web.render import TEMPLATES

Built = tuple[Path, dict[str, Any]]

HOSTILE_RAW = ("<script>alert(1)</script>", "<img src=x onerror=alert(2)>", "</textarea>")


def _assert_escaped(html: str) -> None:
    for raw in HOSTILE_RAW:
        assert raw not in html
    # the only scripts a page may hold are none at all
    assert "<script" not in html.lower()
    assert "javascript:" not in html
    # the policy allows no inline style either: no tag may carry a style attribute
    assert not re.search(r"<[a-zA-Z][^>]*\sstyle=", html)


def _pages(built: Built) -> list[str]:
    arts = built[1]
    h, p = arts["harbor"].id, arts["patriot"].id
    return ["/", "/stories/s1", f"/articles/{p}", f"/articles/{h}", "/outlets/Daily%20Patriot",
            "/storylines/l1", "/search?q=valmora", f"/compare?a={h}&b={p}",
            "/search?q=%3Cscript%3E", f"/articles/{arts['lone'].id}", "/stories/s2",
            "/search?q=", "/actors", "/actors?kind=person", "/actors/person%3Amara-keln"]


def test_every_page_renders_and_escapes_hostile_text(client: Any, built: Built) -> None:
    for path in _pages(built):
        r = client.get(path)
        assert r.status_code == 200, path
        assert r.headers["content-type"].startswith("text/html")
        _assert_escaped(r.text)


def test_hostile_text_is_shown_to_the_reader_as_text(client: Any, built: Built) -> None:
    r = client.get(f"/articles/{built[1]['patriot'].id}")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in r.text
    assert "&lt;/textarea&gt;&lt;img src=x onerror=alert(2)&gt;" in r.text
    assert "&#34;quotes&#34; &amp; more" in r.text or "&quot;quotes&quot; &amp; more" in r.text


def test_security_headers_on_pages_json_and_errors(client: Any, built: Built) -> None:
    for path in ["/", "/stories/s1.json", "/stories/nope", "/static/style.css"]:
        r = client.get(path)
        assert r.headers["content-security-policy"] == CSP
        assert r.headers["x-content-type-options"] == "nosniff"
    assert "script-src 'self'" in CSP and "object-src 'none'" in CSP
    assert "unsafe-inline" not in CSP


def test_story_json_is_the_cli_view(client: Any, built: Built) -> None:
    r = client.get("/stories/s1.json")
    assert r.status_code == 200
    with SQLiteStore(built[0], readonly=True) as store:
        assert r.json() == story_detail(store, "s1")
    data = r.json()
    assert [f["id"] for f in data["facts"]] == ["f1", "f2", "f3"]
    assert data["storyline"]["id"] == "l1"


def test_story_page_shows_coverage_summary_labels_and_timeline(client: Any) -> None:
    html = client.get("/stories/s1").text
    table = html[html.index('class="coverage"'):html.index("</table>", html.index(
        'class="coverage"'))]
    # one row per fact, one cell per outlet: f2 omitted by Coast, contradicted by the others
    assert table.count("cell-reported") == 4
    assert table.count("cell-omitted") == 1
    assert table.count("cell-contradicted") == 2
    # a dot leads to the sentence in the article that tells the fact
    assert "#m-f1" in table
    assert "Dock workers in Valmora went on strike on Monday." in html
    assert 'class="cite"' in html
    assert "radical dockers" in html and "port workers" in html
    assert "<svg class=\"timeline\"" in html
    assert 'href="/storylines/l1"' in html
    assert "so-called union" in html


def test_article_page_marks_the_parts_of_the_page(client: Any, built: Built) -> None:
    patriot = built[1]["patriot"]
    html = client.get(f"/articles/{patriot.id}").text
    assert 'class="r-removed"' in html  # navigation left out
    assert 'class="r-spam"' in html  # the spam comment
    assert "r-body h-fact" in html  # a fact's evidence inside the body
    assert "h-loaded" in html and 'id="l-0"' in html
    assert 'href="/stories/s1"' in html
    assert 'href="/outlets/Daily%20Patriot"' in html


def test_article_json_twin_has_text_and_coverage(client: Any, built: Built) -> None:
    harbor = built[1]["harbor"]
    data = client.get(f"/articles/{harbor.id}.json").json()
    assert data["text"] == harbor.text
    assert data["story"] == "s1"
    assert [f["id"] for f in data["coverage"]["facts"]] == ["f1", "f2"]
    assert data["coverage"]["facts"][0]["evidence"]["start"] == harbor.body_spans[0].start


def test_article_shows_its_near_duplicate_copies(client: Any, built: Built) -> None:
    coast, harbor = built[1]["coast"], built[1]["harbor"]
    data = client.get(f"/articles/{coast.id}.json").json()
    assert data["syndication"]["copied_share"] == 0.62
    assert data["syndication"]["copies"][0]["article"] == harbor.id
    page = client.get(f"/articles/{coast.id}").text
    assert "Near-duplicate copies" in page and "62% of this text" in page
    assert client.get(f"/articles/{harbor.id}.json").json()["syndication"]["copies"] == []


def test_compare_aligns_paragraphs(client: Any, built: Built) -> None:
    h, p = built[1]["harbor"], built[1]["patriot"]
    data = client.get(f"/compare.json?a={h.id}&b={p.id}").json()
    paired = [r for r in data["rows"] if r["a"] and r["b"]]
    assert [(r["a_index"], r["b_index"]) for r in paired][:2] == [(0, 0), (1, 1)]
    assert any(piece["shared"] for piece in paired[1]["a"])
    assert client.get(f"/compare?a={h.id}&b=nope").status_code == 404


def test_outlet_and_storyline_pages(client: Any) -> None:
    data = client.get("/outlets/Daily%20Patriot.json").json()
    assert data["outlet"] == "Daily Patriot"
    assert data["labels"][0]["terms"] == {"radical dockers": 1, "<script>alert(1)</script>": 1}
    assert data["loaded"]["kinds"] == {"doubt": 1}
    assert data["stories"][0]["omitted"] == 0 and data["stories"][0]["told"] == 2
    assert data["habits"] == {"stories_compared": 1, "facts_told_share": 0.67,
                              "unique_share": 0.0, "omitted": 0, "loaded_per_article": 1.0,
                              "own_share": 0.25, "wires": {"Reuters": 1}}
    assert "of its text is its own" in client.get("/outlets/Daily%20Patriot").text
    odd = client.get("/outlets/Coast%20%26%20%22Wire%22.json")
    assert odd.status_code == 200 and odd.json()["stories"][0]["omitted"] == 1
    line = client.get("/storylines/l1.json").json()
    assert [s["id"] for s in line["stories"]] == ["s1", "s2"]
    html = client.get("/storylines/l1").text
    assert html.count('class="span-bar"') == 2 and 'href="/stories/s2"' in html


def test_home_filters_and_search(client: Any) -> None:
    data = client.get("/stories.json").json()
    assert [s["id"] for s in data["stories"]] == ["s1", "s2"]
    assert data["stories"][0]["compared"] == {"facts": 3, "contradictions": 1, "omissions": 1,
                                              "quotes": 1, "loaded": 1}
    assert data["stories"][1]["compared"] == {}
    by_outlet = client.get("/stories.json", params={"outlet": "Daily Patriot"}).json()
    assert [s["id"] for s in by_outlet["stories"]] == ["s1"]
    dated = client.get("/stories.json", params={"since": "2024-04-01"}).json()
    assert [s["id"] for s in dated["stories"]] == ["s2"]
    until = client.get("/stories.json", params={"until": "2024-03-01"}).json()
    assert [s["id"] for s in until["stories"]] == ["s1"]
    hits = client.get("/search.json", params={"q": "frost Castrel"}).json()["hits"]
    assert len(hits) == 1 and hits[0]["story_id"] == "s2"
    s, e = hits[0]["highlights"][0]
    assert hits[0]["snippet"][s:e].lower() in ("frost", "castrel")
    assert "\x02" not in hits[0]["snippet"]


@pytest.mark.parametrize("path", ["/stories/nope", "/articles/nope", "/outlets/Nobody",
                                  "/storylines/nope", "/no/such/page"])
def test_unknown_ids_give_a_404_page(client: Any, path: str) -> None:
    r = client.get(path)
    assert r.status_code == 404
    assert r.headers["content-type"].startswith("text/html")
    assert "Not found" in r.text and "Traceback" not in r.text


@pytest.mark.parametrize("path", ["/stories/nope.json", "/articles/nope.json",
                                  "/outlets/Nobody.json", "/storylines/nope.json"])
def test_unknown_ids_give_a_404_json(client: Any, path: str) -> None:
    r = client.get(path)
    assert r.status_code == 404
    assert r.json()["status"] == 404


def test_bad_parameters_give_a_400_page(client: Any) -> None:
    r = client.get("/?offset=-3")
    assert r.status_code == 400 and "<h1>" in r.text


def test_openapi_lists_the_json_twins(client: Any) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    for p in ["/stories.json", "/stories/{story_id}.json", "/articles/{article_id}.json",
              "/outlets/{name}.json", "/storylines/{storyline_id}.json", "/search.json",
              "/compare.json"]:
        assert p in paths


def test_templates_never_mark_page_text_safe() -> None:
    for path in TEMPLATES.glob("*.html"):
        text = path.read_text()
        assert not re.search(r"\|\s*safe\b", text), path.name
        assert "autoescape false" not in text, path.name


def test_story_page_shows_contradictions_quotes_and_sourcing(client: Any) -> None:
    html = client.get("/stories/s1").text
    section = html[html.index('id="contradictions"'):html.index('id="articles"')]
    assert "<mark>Nearly 150</mark>" in section and "<mark>Hundreds</mark>" in section
    quotes = html[html.index('id="quotes"'):]
    assert "trimmed" in quotes and "speakers differ" in quotes
    assert '<span class="term">Daily Patriot 1</span>' in quotes
    assert "&lt;script&gt;alert(1)&lt;/script&gt;:" in quotes  # a hostile speaker, escaped
    assert "dock workers ×2" in html
    sourcing = html[html.index('id="sourcing"'):]
    assert '<rect class="bar-own" x="0" y="0" width="25.0"' in sourcing
    assert "paraphrase" in sourcing and "Reuters" in sourcing


def test_story_page_lists_each_actor_once_with_its_spellings(client: Any) -> None:
    html = client.get("/stories/s1").text
    actors = html[html.index('id="actors"'):html.index('id="quotes"')]
    assert ('<th scope="row"><a href="/actors/person%3Amara-keln?story=s1">Mara Keln</a></th>'
            in actors)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in actors and HOSTILE_RAW[0] not in actors
    assert '<td class="num">2</td>' in actors  # Harbor Times writes the name as shown
    assert ('<td class="num">1 <span class="meta">&lt;script&gt;alert(1)&lt;/script&gt;</span>'
            in actors)  # Daily Patriot's own spelling, escaped
    assert client.get("/stories/s1.json").json()["actors"][0]["name"] == "Mara Keln"


def test_actor_pages_have_json_twins_and_link_back_to_their_stories(client: Any) -> None:
    listing = client.get("/actors.json").json()
    assert listing["count"] == 1 and listing["stories"] == 1
    assert listing["actors"][0] | {"names": None, "by_outlet": None} == {
        "id": "person:mara-keln", "name": "Mara Keln", "kind": "person", "mentions": 3,
        "names": None, "by_outlet": None, "outlets": {"Harbor Times": 2, "Daily Patriot": 1},
        "stories": ["s1"],
        "story_count": 1}
    assert client.get("/actors.json?kind=place").json()["actors"] == []
    assert client.get("/actors.json?kind=bogus").json()["filters"] == {"kind": None}
    page = client.get("/actors").text
    assert '<a href="/actors/person%3Amara-keln">Mara Keln</a>' in page
    one = client.get("/actors/person%3Amara-keln.json").json()
    assert one["stories"][0]["id"] == "s1" and one["stories"][0]["actor"] == "person:mara-keln"
    # the story page links with the story's own actor id; it leads to the same actor
    assert client.get("/actors/person%3Amara-keln.json?story=s1").json() == one
    html = client.get("/actors/person%3Amara-keln").text
    naming = html[html.index("How each outlet names it"):html.index("<h2>Stories")]
    assert "Mara Keln ×2" in naming and "&lt;script&gt;alert(1)&lt;/script&gt;" in naming
    assert '<a href="/stories/s1">Dock workers strike in Valmora</a>' in html
    assert '<a href="/outlets/Harbor%20Times" class="outlet">Harbor Times</a>' in html
    assert client.get("/actors/person%3Anobody").status_code == 404
    assert client.get("/actors/person%3Anobody.json").status_code == 404


def test_article_page_marks_own_facts_and_shared_passages(client: Any, built: Built) -> None:
    coast = client.get(f"/articles/{built[1]['coast'].id}").text
    assert "h-own" in coast and "1 fact only this outlet reports" in coast
    patriot = client.get(f"/articles/{built[1]['patriot'].id}").text
    assert "h-reused" in patriot and 'id="r-0"' in patriot
    harbor = client.get(f"/articles/{built[1]['harbor'].id}").text
    assert "h-quote" in harbor and "quote: Mara Keln" in harbor


def test_compare_lists_the_facts_both_report(client: Any, built: Built) -> None:
    h, p = built[1]["harbor"], built[1]["patriot"]
    data = client.get(f"/compare.json?a={h.id}&b={p.id}").json()
    assert [f["id"] for f in data["facts"]] == ["f1", "f2"]
    assert any(piece["shared"] for piece in data["facts"][1]["a"])
    html = client.get(f"/compare?a={h.id}&b={p.id}").text
    assert "Facts both report" in html and '<mark class="shared">' in html


def test_pages_answer_head_requests(client: Any) -> None:
    r = client.head("/stories/s1")
    assert r.status_code == 200 and r.headers["content-security-policy"] == CSP


def test_a_crash_gives_a_plain_500_page(built: Built) -> None:
    from fastapi.testclient import TestClient

    from rashomon.web import create_app

    class Broken(SQLiteStore):
        def counts(self) -> dict[str, int]:
            raise RuntimeError("secret detail /etc/passwd")

    store = Broken(built[0], readonly=True)
    with TestClient(create_app(store), raise_server_exceptions=False) as c:
        r = c.get("/")
        assert r.status_code == 500
        assert "secret detail" not in r.text and "Traceback" not in r.text
        assert c.get("/stories.json").json()["status"] == 500
    store.close()


def test_pages_survive_comparisons_of_unexpected_shapes(built: Built, tmp_path: Path) -> None:
    import shutil

    from fastapi.testclient import TestClient

    from rashomon.web import create_app

    db = tmp_path / "odd.db"
    shutil.copy(built[0], db)
    odd = {"facts": [{"id": None, "articles": "x", "evidence": [None, {"start": "a"}]}, "f",
                     {"id": "f2", "n_outlets": "many", "support": ["x"], "articles": [None]}],
           "omissions": [None, {"outlet": None, "facts": "nope"}],
           "contradictions": {"not": "a list"}, "quotes": [None, "x", {"articles": "y"}],
           "labels": [1, {"actor": None, "outlets": [None]}], "loaded": [{"start": "x"}, 3],
           "summary": [{"text": None, "sources": "a1"}, 7], "sourcing": [1, 2],
           "novel_key": {"deep": [{"a": {"b": {"c": {"d": [HOSTILE_RAW[0]]}}}}]}}
    with SQLiteStore(db) as store:
        store.set_comparison("s1", odd, {"odd": "1"})
    with TestClient(create_app(str(db))) as c:
        for path in ["/", "/stories/s1", f"/articles/{built[1]['patriot'].id}",
                     "/outlets/Daily%20Patriot", "/storylines/l1",
                     f"/compare?a={built[1]['harbor'].id}&b={built[1]['patriot'].id}"]:
            r = c.get(path)
            assert r.status_code == 200, path
            _assert_escaped(r.text)
        assert "Novel key" in c.get("/stories/s1").text


def test_a_storyline_lists_the_actors_that_run_through_its_stories(client: Any) -> None:
    data = client.get("/storylines/l1.json").json()
    assert data["actors"] == [{
        "id": "person:mara-keln", "name": "Mara Keln", "kind": "person", "stories": 1,
        "mentions": 3, "first_published": data["actors"][0]["first_published"],
        "last_published": data["actors"][0]["last_published"]}]
    assert data["actors"][0]["first_published"]  # the story's date
    html = client.get("/storylines/l1").text
    section = html[html.index('id="actors"'):html.index('class="storyline"')]
    assert '<a href="/actors/person%3Amara-keln">Mara Keln</a>' in section
    assert "1 / 2" in section
