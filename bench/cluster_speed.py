"""Clustering speed on the news corpus: articles/s of StoryIndex.add, and where time goes.

Usage:
    python bench/cluster_speed.py [N]     # default 5,000 articles of news-37k

Reads ../shared/corpus/news-37k.jsonl.gz (id, source, url, date, title, text). The text is
split into paragraphs on blank lines or newlines. Also times dump/load of the blob and the
addition of 100 more articles to the loaded index, and the storylines over the result.
"""

from __future__ import annotations

import gzip
import json
import resource
import sys
import time
from pathlib import Path

from sklearn.feature_extraction.text import TfidfVectorizer

from rashomon.model import Article
from rashomon.stories.index import StoryIndex

CORPUS = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpus" / "news-37k.jsonl.gz"


def load(n: int, path: Path = CORPUS) -> list[Article]:
    """The first ``n`` articles of the corpus as Article records."""
    out = []
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            d = json.loads(line)
            paras = [p.strip() for p in d.get("text", "").split("\n") if p.strip()]
            out.append(
                Article(
                    id=d["id"],
                    source="news-37k",
                    source_id=d["id"],
                    text="",
                    title=d.get("title"),
                    outlet=d.get("source"),
                    published=d.get("date") or None,
                    body=paras,
                )
            )
            if len(out) >= n:
                break
    return out


def main() -> int:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 5000
    if not CORPUS.is_file():
        print("corpus not found at", CORPUS)
        return 0
    arts = load(n + 100)
    base, more = arts[:n], arts[n:]
    # peer in the same run: scikit-learn's TF-IDF vectoriser alone (no clustering) on the
    # same title + body texts; the machine is shared, so CPU seconds are compared
    texts = [(a.title or "") + "\n" + "\n".join(a.body) for a in base]
    c = time.process_time()
    TfidfVectorizer(stop_words="english", sublinear_tf=True).fit_transform(texts)
    peer_cpu = time.process_time() - c
    index = StoryIndex()
    t, c = time.perf_counter(), time.process_time()
    index.add(base)
    dt, cpu = time.perf_counter() - t, time.process_time() - c
    sizes = sorted((len(s.article_ids) for s in index.stories()), reverse=True)
    print(
        f"add {n} articles: {dt:.1f}s wall, {cpu:.1f}s CPU = {n / cpu:.0f} articles/CPU-s; "
        f"{len(sizes)} stories, largest {sizes[:5]}, singletons {sum(s == 1 for s in sizes)}"
    )
    print(
        f"peer TfidfVectorizer.fit_transform alone: {peer_cpu:.1f}s CPU = "
        f"{n / peer_cpu:.0f} articles/CPU-s; ratio StoryIndex.add / peer = {cpu / peer_cpu:.2f}"
    )
    for st in sorted(index.stories(), key=lambda s: -len(s.article_ids))[:3]:
        print(
            f"  largest: {len(st.article_ids)} articles, {len(st.outlets)} outlets, "
            f"{st.first_published} .. {st.last_published}: {st.title}"
        )
    total = sum(index.timings.values())
    print(
        "where the time goes: "
        + ", ".join(f"{k} {v:.1f}s ({v / total:.0%})" for k, v in index.timings.most_common())
    )
    t = time.perf_counter()
    blob = index.dump()
    t1 = time.perf_counter()
    again = StoryIndex.load(blob)
    t2 = time.perf_counter()
    again.add(more)
    blob2 = again.dump()
    t3 = time.perf_counter()
    print(
        f"dump {len(blob) / 1e6:.1f} MB in {t1 - t:.2f}s, load {t2 - t1:.2f}s; "
        f"100 more + dump: {t3 - t2:.2f}s ({len(blob2) / 1e6:.1f} MB)"
    )
    t = time.perf_counter()
    lines = again.storylines()
    multi = sum(1 for s in lines if len(s.story_ids) > 1)
    big = sorted((len(s.story_ids) for s in lines), reverse=True)[:5]
    print(
        f"storylines: {len(lines)} ({multi} with 2+ stories, largest {big}) "
        f"in {time.perf_counter() - t:.1f}s"
    )
    t = time.perf_counter()
    syn = [again.syndication(a.id) for a in base[:1000]]
    copied = sum(1 for s in syn if s["copies"])
    print(f"syndication of 1000 articles: {time.perf_counter() - t:.2f}s, {copied} with copies")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS {peak:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
