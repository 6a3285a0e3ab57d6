"""Quality gate on the five real seed pages (skips when ../shared is absent)."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from rashomon.cli import cli


def test_seed_pages_form_the_gold_stories_and_one_storyline(shared: Path,
                                                           tmp_path: Path) -> None:
    gold = json.loads((shared / "seeds" / "gold.json").read_text())["pages"]
    db = str(tmp_path / "seeds.db")
    pages = sorted(str(p) for p in (shared / "seeds").glob("*.txt"))
    run = CliRunner().invoke(cli, ["analyze", "--db", db, "--no-enrich", "--no-compare", *pages])
    assert run.exit_code == 0, run.stderr
    stories = json.loads(CliRunner().invoke(cli, ["stories", "--db", db, "--json"]).stdout)
    got = {frozenset(a["source_id"] + ".txt" for a in s["articles"]) for s in stories}
    by_story: dict[str, set[str]] = {}
    for name, page in gold.items():
        by_story.setdefault(page["story"], set()).add(name)
    assert got == {frozenset(v) for v in by_story.values()}
    assert len({s["storyline"] for s in stories}) == 1
    again = CliRunner().invoke(cli, ["analyze", "--db", db, "--json", *pages])
    assert json.loads(again.stdout)["added"] == 0
    assert json.loads(CliRunner().invoke(cli, ["stories", "--db", db, "--json"]).stdout) == stories
