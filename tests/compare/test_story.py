from rashomon.compare.story import KEYS, Compare, compare_story
from rashomon.model import Story


def outlets(fact):
    return sorted(a["outlet"] for a in fact["articles"])


def test_all_keys_present(story, articles):
    out = compare_story(story, articles)
    assert set(KEYS) <= set(out)


def test_shared_claim_is_one_fact_told_by_all(story, articles):
    facts = compare_story(story, articles)["facts"]
    ships = [f for f in facts if "ships were stuck" in f["text"]]
    assert len(ships) == 1
    assert ships[0]["support"] == "all"
    assert outlets(ships[0]) == ["Daily Patriot", "Harbor Times", "coast-3"]
    assert {e["article"] for e in ships[0]["evidence"]} == {a.id for a in articles}


def test_fact_of_two_of_three_is_most_and_an_omission(story, articles):
    out = compare_story(story, articles)
    talks = [f for f in out["facts"] if "talks with the union" in f["text"]]
    assert talks and talks[0]["support"] == "most"
    assert outlets(talks[0]) == ["Daily Patriot", "Harbor Times"]
    coast = [o for o in out["omissions"] if o["outlet"] == "coast-3"]
    assert coast and talks[0]["id"] in {f["fact"] for f in coast[0]["facts"]}


def test_unique_fact_and_wire_attribution(story, articles):
    facts = compare_story(story, articles)["facts"]
    uniq = [f for f in facts if "2,000 workers" in f["text"]]
    assert uniq and uniq[0]["support"] == "unique"
    wire = [f for f in facts if f["kind"] == "attribution"]
    assert wire and "Reuters" in wire[0]["text"] and wire[0]["support"] == "all"


def test_without_bodies_gives_empty_comparison(articles):
    for a in articles:
        a.body = []
    out = compare_story(Story(id="x"), articles)
    assert out["facts"] == [] and out["summary"] == []


def test_step_fills_story(story, articles):
    step = Compare()
    (done,) = list(step.run([(story, articles)]))
    assert done.comparison["facts"] and done.steps["rashomon.compare"] == Compare.version


def test_rewordings_match_with_sentence_embeddings(story, articles):
    import pytest

    from rashomon.stories.embed import load_default

    if load_default() is None:
        pytest.skip("no sentence embedder installed")
    facts = compare_story(story, articles)["facts"]
    walked = next(f for f in facts if f["text"].startswith(("Dock workers", "Port workers")))
    assert outlets(walked) == ["Harbor Times", "coast-3"]


def test_hostile_and_degenerate_articles_do_not_break_the_comparison():
    import time

    from .conftest import make_article

    words = " ".join(f"word{i % 97}, said" if i % 50 == 0 else f"w{i % 211}" for i in range(6000))
    arts = [
        make_article("a", None, [words]),
        make_article("b", None, ['"' * 40, "“unclosed quote " * 30, "🙂 ⚠️ \u200b\u202e", "."]),
        make_article("c", "Same", ["The bridge reopened on Monday after repairs, officials said."]),
        make_article("d", "Same", ["The bridge reopened on Monday after repairs, officials said."]),
    ]
    t = time.perf_counter()
    out = compare_story(Story(id="x"), arts)
    assert time.perf_counter() - t < 10
    bridge = next(f for f in out["facts"] if "bridge" in f["text"])
    assert bridge["support"] == "unique"  # two articles of one outlet are one outlet
    assert len(bridge["evidence"]) == 2


def test_single_article_story():
    from .conftest import make_article

    a = make_article(
        "a",
        "Solo",
        [
            "The bridge reopened on Monday after repairs, officials said.",
            "Traffic resumed within the hour, police said.",
        ],
    )
    out = compare_story(Story(id="x"), [a])
    assert {f["support"] for f in out["facts"]} == {"all"}
    assert out["omissions"] == [] and out["contradictions"] == []
    assert out["summary"]


_DEMO_COMPARISON = """
import json, sys
from pathlib import Path
from rashomon.compare.story import compare_story
from rashomon.extract import extract
from rashomon.ingest.files import read_pages
from rashomon.model import Story
demo = Path(sys.argv[1])
expected = json.loads((demo.parent / "demo-expected.json").read_text())
pages = {p["source_id"]: p for p in expected["pages"]}
arts = []
for page in read_pages([demo]):
    info = pages.get(page.source_id)
    if info and info["story"] == "blockade-begins":
        art = extract(page)
        art.outlet, art.published = info["outlet"], info["published"]
        arts.append(art)
print(json.dumps(compare_story(Story(id="s"), arts), sort_keys=True, default=str))
"""


def test_a_comparison_does_not_depend_on_string_hashing() -> None:
    import os
    import subprocess
    import sys
    from pathlib import Path

    demo = Path(__file__).resolve().parents[2] / "examples" / "demo"
    outs = []
    for seed in ("1", "2"):  # seeds under which a set-ordered sum once gave 121 vs 120 facts
        env = {**os.environ, "PYTHONHASHSEED": seed, "OMP_NUM_THREADS": "1"}
        done = subprocess.run([sys.executable, "-c", _DEMO_COMPARISON, str(demo)], env=env,
                              capture_output=True, text=True, check=True)
        outs.append(done.stdout)
    assert outs[0] == outs[1] and '"facts"' in outs[0]
