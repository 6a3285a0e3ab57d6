from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from rashomon.cli import cli


def _run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_extract_json_has_the_contract_keys(pages_dir: Path) -> None:
    code, out, err = _run("extract", "--json", str(pages_dir))
    assert code == 0, err
    rows = [json.loads(line) for line in out.splitlines()]
    assert len(rows) == 3
    keys = {"source", "source_id", "title", "subtitle", "outlet", "authors", "published",
            "language", "body", "comments", "removed"}
    for row in rows:
        assert keys <= set(row)
        assert isinstance(row["body"], list) and row["body"]
        assert all({"author", "text", "spam"} <= set(c) for c in row["comments"])
        assert all({"text", "kind"} <= set(r) for r in row["removed"])
    assert {r["source_id"] for r in rows} == {"ledger-strike", "courier-strike", "frost"}


def test_extract_enrich_adds_the_enrichment_keys_with_spans_into_the_page(
        pages_dir: Path) -> None:
    code, out, err = _run("extract", "--json", "--enrich", "--raw", str(pages_dir))
    assert code == 0, err
    for row in map(json.loads, out.splitlines()):
        assert {"sentences", "entities", "quotes", "attributions", "figures"} <= set(row)
        text = row["text"]
        spans = [m for e in row["entities"] for m in e["mentions"]] + row["sentences"]
        assert spans and all(text[s["start"] : s["end"]] == s["text"] for s in spans)
        assert all({"id", "name", "kind", "mentions"} <= set(e) for e in row["entities"])


def test_bad_input_gives_one_line_each_and_exit_3(pages_dir: Path, tmp_path: Path) -> None:
    (pages_dir / "empty.txt").write_text("")
    code, out, err = _run("extract", "--json", str(pages_dir), str(tmp_path / "nope.html"))
    assert code == 3
    assert len(out.splitlines()) == 3
    lines = err.strip().splitlines()
    assert len(lines) == 2 and all(line.startswith("skipped: ") for line in lines)
    assert any("empty.txt: empty" in line for line in lines)
    assert any("nope.html: no such file or folder" in line for line in lines)


def test_analyze_twice_changes_nothing(pages_dir: Path, tmp_path: Path) -> None:
    db = str(tmp_path / "r.db")
    code, out, err = _run("analyze", "--db", db, "--json", str(pages_dir))
    assert code == 0, err
    first = json.loads(out)
    assert first["added"] == 3 and first["articles"] == 3 and first["stories"] >= 1
    code, out, _ = _run("stories", "--db", db, "--json")
    stories_before = json.loads(out)
    code, out, err = _run("analyze", "--db", db, "--json", str(pages_dir))
    again = json.loads(out)
    assert code == 0 and again["added"] == 0 and again["already_stored"] == 3
    code, out, _ = _run("stories", "--db", db, "--json")
    assert json.loads(out) == stories_before
    ids = {a["source_id"] for s in stories_before for a in s["articles"]}
    assert ids == {"ledger-strike", "courier-strike", "frost"}
    for s in stories_before:
        assert {"id", "title", "storyline", "first_published", "last_published", "outlets",
                "articles"} <= set(s)


def test_story_json_and_unknown_ids(pages_dir: Path, tmp_path: Path) -> None:
    db = str(tmp_path / "r.db")
    _run("analyze", "--db", db, str(pages_dir))
    _, out, _ = _run("stories", "--db", db, "--json")
    sid = json.loads(out)[0]["id"]
    code, out, err = _run("story", sid, "--db", db, "--json")
    assert code == 0, err
    data = json.loads(out)
    for key in ("facts", "omissions", "contradictions", "quotes", "sourcing", "labels",
                "loaded", "summary", "articles"):
        assert key in data
    code, out, err = _run("story", "no-such-story", "--db", db)
    assert code == 2 and err.strip() == "error: no story 'no-such-story'"
    code, _, err = _run("story", "x", "--db", str(tmp_path / "missing.db"))
    assert code == 4 and err.startswith("error: no store")


def test_human_outputs_render(pages_dir: Path, tmp_path: Path) -> None:
    db = str(tmp_path / "r.db")
    code, out, _ = _run("analyze", "--db", db, str(pages_dir))
    assert code == 0 and "articles added: 3" in out
    code, out, _ = _run("stories", "--db", db)
    assert code == 0 and "Stories" in out
    _, js, _ = _run("stories", "--db", db, "--json")
    code, out, _ = _run("story", json.loads(js)[0]["id"], "--db", db)
    assert code == 0 and "Articles" in out
    code, out, _ = _run("search", "frost apple", "--db", db, "--json")
    assert code == 0 and [h["source_id"] for h in json.loads(out)] == ["frost"]
    code, out, _ = _run("storylines", "--db", db, "--json")
    assert code == 0 and isinstance(json.loads(out), list)


def test_actors_are_listed_and_shown_across_stories(pages_dir: Path, tmp_path: Path) -> None:
    db = str(tmp_path / "r.db")
    _run("analyze", "--db", db, str(pages_dir))
    code, out, err = _run("actors", "--db", db, "--json")
    assert code == 0, err
    data = json.loads(out)
    assert data["stories"] == 1 and data["count"] == len(data["actors"]) > 0
    first = data["actors"][0]
    assert first["story_count"] == 1 and first["names"] and first["outlets"]
    code, out, err = _run("actor", first["id"], "--db", db, "--json")
    assert code == 0, err
    assert json.loads(out)["name"] == first["name"]
    code, out, _ = _run("actors", "--db", db, "--kind", "place")
    assert code == 0 and "Actors" in out
    code, out, _ = _run("actor", first["id"], "--db", db)
    assert code == 0 and f"{first['name']} ({first['kind']})" in out
    outlet, used = next(iter(first["by_outlet"].items()))
    assert "how each outlet names it:" in out
    assert f"  {outlet}: {used[0]['text']} ({used[0]['count']})" in out
    code, _, err = _run("actor", "person:nobody", "--db", db)
    assert code == 2 and err.strip() == "error: no actor 'person:nobody'"
