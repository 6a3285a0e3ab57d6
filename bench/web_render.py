"""Web page render times on a generated store: a story of 20 articles from 10 outlets.

Each page is fetched through FastAPI's test client (routing, store reads, template, headers)
and timed over several runs; the JSON twin of the same page is the peer measured alongside,
so the ratio shows what the HTML costs over the data alone. Target: every page < 300 ms.

    python bench/web_render.py [--articles 20] [--runs 15]
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient

from rashomon.model import Article, Comment, Removed, Span, Story, Storyline, content_hash
from rashomon.store import SQLiteStore
from rashomon.web import create_app

WORDS = ("port workers strike harbor ministry union talks ships cargo officials police "
         "protest city government minister said reported blockade road terminal wage deal "
         "vessels customs night morning crowd statement spokesman agency figures").split()
LOADED = ["so-called", "regime", "radical", "shameful", "thugs", "alleged"]


def _sentence(rng: random.Random) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(12, 24))]
    return " ".join(words).capitalize() + "."


def _article(i: int, rng: random.Random, shared: list[str]) -> Article:
    outlet = f"Outlet {i % 10}"
    text = "Home | News | World | Sport | Opinion\n\n"
    removed = [Removed(text.strip(), "chrome", 0, len(text.strip()), "navigation")]
    title = f"Strike at the port, day {i}"
    title_span = Span(title, len(text), len(text) + len(title))
    text += title + "\n\n"
    body, spans = [], []
    for p in range(18):  # ~18 paragraphs of 2-3 sentences: a 700-900 word article
        sents = [rng.choice(shared) if rng.random() < 0.5 else _sentence(rng)
                 for _ in range(rng.randint(2, 3))]
        para = " ".join(sents)
        if p % 6 == 0:
            para += f" This {rng.choice(LOADED)} move was condemned."
        spans.append(Span(para, len(text), len(text) + len(para)))
        body.append(para)
        text += para + "\n\n"
    comments = []
    for c in range(12):
        ctext = _sentence(rng)
        comments.append(Comment(ctext, len(text), len(text) + len(ctext), author=f"r{c}",
                                spam=c % 5 == 0))
        text += ctext + "\n\n"
    return Article(id=content_hash(text + str(i)), source=f"g{i}.txt", source_id=f"g{i}",
                   text=text, title=title, outlet=outlet,
                   published=f"2024-03-{1 + i // 4:02d}T{(i * 5) % 24:02d}:00:00+00:00",
                   body=body, body_spans=spans, title_span=title_span, comments=comments,
                   removed=removed, url=f"https://outlet{i % 10}.example/{i}")


def _comparison(arts: list[Article], rng: random.Random) -> dict[str, Any]:
    facts, loaded = [], []
    for k in range(150):
        told = rng.sample(arts, rng.randint(1, len(arts)))
        ev = []
        for a in told:
            sp = rng.choice(a.body_spans)
            ev.append({"article": a.id, "sentence": sp.text[:120], "start": sp.start,
                       "end": sp.start + min(120, len(sp.text))})
        n = len({a.outlet for a in told})
        facts.append({"id": f"f{k + 1}", "kind": "claim", "text": _sentence(rng),
                      "articles": [{"id": a.id, "source_id": a.source_id, "outlet": a.outlet}
                                   for a in told], "evidence": ev, "n_outlets": n,
                      "support": "all" if n == 10 else "most" if n > 5 else
                      "unique" if n == 1 else "some"})
    for a in arts:
        for word in LOADED:
            pos = a.text.find(word)
            if pos >= 0:
                loaded.append({"article": a.id, "text": word, "kind": "loaded language",
                               "start": pos, "end": pos + len(word)})
    outlets = sorted({a.outlet or "" for a in arts})
    return {
        "facts": facts,
        "omissions": [{"outlet": o, "facts": [{"fact": f["id"], "text": f["text"],
                                               "told_by": ["x"]} for f in facts[:20]]}
                      for o in outlets],
        "labels": {f"actor {j}": {o: [rng.choice(WORDS)] for o in outlets} for j in range(12)},
        "loaded": loaded,
        "quotes": [{"speaker": f"Speaker {j}", "text": _sentence(rng),
                    "articles": [{"id": a.id, "outlet": a.outlet}
                                 for a in rng.sample(arts, 3)]} for j in range(25)],
        "summary": [{"text": f["text"], "articles": [a["id"] for a in f["articles"][:4]]}
                    for f in facts[:6]],
        "contradictions": [
            {"fact": f["id"], "kind": "figure", "status": "conflict", "text": f["text"],
             "values": [{"article": a, "text": "some", "sentence": _sentence(rng)}
                        for a in f["articles"][:3]]} for f in facts[:10]],
        "sourcing": {
            "articles": [{"id": a.id, "source_id": a.source_id, "outlet": a.outlet,
                          "wires": {}, "reused_share": 0.3, "wire_share": 0.1,
                          "own_share": 0.6, "reused_from": {"Outlet 1": 1}} for a in arts],
            "reuse": [{"article": a.id, "sentence": a.body_spans[1].text[:100],
                       "kind": "paraphrase", "score": 0.7,
                       "source": {"id": arts[0].id, "outlet": arts[0].outlet},
                       "source_sentence": arts[0].body[2][:100], "direction": "from"}
                      for a in arts[1:]] * 2,
            "cites": []},
    }


def build(path: Path, n: int) -> tuple[str, list[str]]:
    """Write the generated store; returns the story id and its article ids."""
    rng = random.Random(7)
    shared = [_sentence(rng) for _ in range(40)]
    arts = [_article(i, rng, shared) for i in range(n)]
    store = SQLiteStore(path)
    store.add_articles(arts)
    stories = [Story(id="big", article_ids=[a.id for a in arts], title="The port strike",
                     first_published=arts[0].published, last_published=arts[-1].published,
                     outlets=sorted({a.outlet or "" for a in arts}))]
    store.save_stories(stories, [])
    store.set_comparison("big", _comparison(arts, rng), {"bench": "1"})
    store.save_storylines([Storyline(id="line", story_ids=["big"], title="Port unrest")])
    store.close()
    return "big", [a.id for a in arts]


def timed(client: TestClient, url: str, runs: int) -> float:
    """Median milliseconds of ``runs`` GETs (after one warm-up)."""
    assert client.get(url).status_code == 200, url
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        client.get(url)
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=20)
    ap.add_argument("--runs", type=int, default=15)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        story, ids = build(Path(tmp) / "bench.db", args.articles)
        client = TestClient(create_app(str(Path(tmp) / "bench.db")))
        pages = [("home", "/", "/stories.json"),
                 ("story", f"/stories/{story}", f"/stories/{story}.json"),
                 ("article", f"/articles/{ids[0]}", f"/articles/{ids[0]}.json"),
                 ("compare", f"/compare?a={ids[0]}&b={ids[1]}",
                  f"/compare.json?a={ids[0]}&b={ids[1]}"),
                 ("outlet", "/outlets/Outlet%201", "/outlets/Outlet%201.json"),
                 ("storyline", "/storylines/line", "/storylines/line.json"),
                 ("search", "/search?q=strike+harbor", "/search.json?q=strike+harbor")]
        print(f"story of {args.articles} articles, 150 facts; median of {args.runs} runs")
        print(f"{'page':<10} {'html ms':>8} {'json ms':>8} {'html/json':>9}  {'< 300 ms':>8}")
        worst = 0.0
        for name, html_url, json_url in pages:
            h = timed(client, html_url, args.runs)
            j = timed(client, json_url, args.runs)
            worst = max(worst, h)
            print(f"{name:<10} {h:8.1f} {j:8.1f} {h / j:9.2f}  {'yes' if h < 300 else 'NO':>8}")
        print(f"slowest page: {worst:.1f} ms")


if __name__ == "__main__":
    main()
