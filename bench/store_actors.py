"""Speed of joining story actors across the store (``rashomon actors``, the /actors pages).

Without ``--db`` it times ``actors.resolve`` on made-up stores of 1,000 to 20,000 stories,
25 actors each (half people, some named by surname only, organisations, places; names
are random letters, so only the structure is realistic). With ``--db`` it times a real
store: reading every compared story's actors, resolving them, and a second call that the
per-store cache answers.

    python bench/store_actors.py [--stories 1000 5000 20000] [--db FILE|URL]
"""

from __future__ import annotations

import argparse
import random
import string
import time
from typing import Any

from rashomon.actors import resolve, store_actors


def _word(rng: random.Random, low: int, high: int) -> str:
    return "".join(rng.choice(string.ascii_lowercase) for _ in range(rng.randint(low, high)))


def made_up(n_stories: int, seed: int = 0) -> list[dict[str, Any]]:
    """``actor_lists`` rows of a made-up store."""
    rng = random.Random(seed)
    people = [f"{_word(rng, 3, 7).title()} {_word(rng, 4, 9).title()}" for _ in range(8000)]
    orgs = [
        " ".join(_word(rng, 4, 9).title() for _ in range(rng.randint(1, 4))) for _ in range(5000)
    ]
    rows = []
    for s in range(n_stories):
        actors = []
        for _ in range(25):
            r = rng.random()
            if r < 0.5:  # people: a few are named far more often than the rest
                name = rng.choice(people[:500] if rng.random() < 0.5 else people)
                kind = "person"
                spellings = [(name, 2), (name.split()[-1], 3)]
                if rng.random() < 0.1:
                    spellings = [(name.split()[-1], 2)]  # a story that gives the surname only
            elif r < 0.85:
                name, kind = rng.choice(orgs), rng.choice(["org", "group"])
                spellings = [(name, 2)]
            else:
                name, kind = rng.choice(orgs[:500]), "place"
                spellings = [(name, 3)]
            actors.append(
                {
                    "id": f"{kind}:{name}",
                    "name": name,
                    "kind": kind,
                    "mentions": sum(c for _, c in spellings),
                    "names": [{"text": t, "count": c} for t, c in spellings],
                    "outlets": {"A": 2, "B": 1},
                }
            )
        rows.append(
            {
                "id": f"s{s:06d}",
                "title": "t",
                "first_published": "2025-01-01",
                "last_published": None,
                "actors": actors,
            }
        )
    return rows


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--stories", type=int, nargs="*", default=[1000, 5000, 20000])
    ap.add_argument("--db", default=None, help="time a real store instead")
    args = ap.parse_args()
    if args.db:
        from rashomon.store import open_store

        with open_store(args.db, readonly=True) as store:
            t0 = time.perf_counter()
            rows = store.actor_lists()
            read = time.perf_counter() - t0
            t0 = time.perf_counter()
            found = resolve(rows)
            joined = time.perf_counter() - t0
            t0 = time.perf_counter()
            store_actors(store)
            first = time.perf_counter() - t0
            t0 = time.perf_counter()
            store_actors(store)
            cached = time.perf_counter() - t0
        members = sum(len(r["actors"]) for r in rows)
        print(
            f"{args.db}: {len(rows)} compared stories, {members} story actors -> "
            f"{len(found)} actors; read {read:.2f} s, resolve {joined:.2f} s; "
            f"store_actors {first:.2f} s, again (cached) {cached * 1000:.1f} ms"
        )
        return 0
    for n in args.stories:
        rows = made_up(n)
        t0 = time.perf_counter()
        found = resolve(rows)
        secs = time.perf_counter() - t0
        members = n * 25
        print(
            f"{n:6d} stories, {members:7d} story actors -> {len(found):6d} actors: "
            f"{secs:5.1f} s ({members / secs:,.0f} story actors/s)"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
