"""Storylines: stories of one developing situation, linked by actors, places and subject.

Stories are taken in order of their first date and clustered online like articles are, with
the same average-link machinery, but each story stands for one item (its centroid), the
names weigh more than the wording (a situation keeps its actors while the events change),
and the time window is a year: a storyline continues when a new story shares its actors
and subject within a year of its latest story.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

import numpy as np

from rashomon.model import Storyline
from rashomon.stories import text as T
from rashomon.stories.cluster import Clusterer, Config, StoryState
from rashomon.stories.features import Features, Sparse, sketch

if TYPE_CHECKING:
    from rashomon.stories.index import StoryIndex

STEP_NAME = "rashomon.stories.storylines"
STEP_VERSION = "1"

#: Weights for linking stories. Stories of one situation share names (the same leaders,
#: places and bodies: names cosine ~0.3-0.6 between seed stories months apart) more than
#: vocabulary (content cosine ~0.15-0.3); unrelated stories of one beat share a few names
#: and little else. No day bonus or penalty inside the one-year window.
STORYLINE_CONFIG = Config(
    w_lex=4.0,
    w_names=4.0,
    w_emb=1.0,
    w_near=0.0,
    w_day=0.0,
    free_days=0,
    bias=-2.2,
    window_days=365,
    shortlist=16,
    merge_margin=1e9,
)


def _unit(v: Sparse) -> Sparse:
    n = math.sqrt(v.n2())
    return Sparse(v.k, v.v / n) if n > 0 else v


def story_features(st: StoryState) -> Features:
    """The centroid of a story as one item to cluster."""
    lex = _unit(st.lex)
    emb = None
    if st.emb is not None:
        n = float(np.linalg.norm(st.emb))
        emb = st.emb / n if n > 0 else st.emb
    return Features(
        id=st.id,
        day=st.first,
        outlet=None,
        title="",
        lex=lex,
        names=_unit(st.names),
        sketch=sketch(lex),
        emb=emb,
    )


#: names of a story used to find candidate storylines, and how many of the latest
#: storylines holding a name are looked at: bounds the work per story whatever the corpus
TOP_NAMES = 6
POSTINGS_SCAN = 40


class LineClusterer(Clusterer):
    """Clusters story centroids; candidates come from shared names, not a full scan."""

    def __init__(self, config: Config, emb_dim: int) -> None:
        super().__init__(config, emb_dim)
        self.postings: dict[int, list[int]] = {}
        self._pending: list[int] = []

    def candidates(self, f: Features, exclude: str | None = None) -> list[StoryState]:
        top = f.names.k[np.argsort(-f.names.v, kind="stable")[:TOP_NAMES]].tolist()
        self._pending = top
        rows: set[int] = set()
        for k in top:
            rows.update(self.postings.get(k, ())[-POSTINGS_SCAN:])
        if not rows:
            return []
        idx = np.array(sorted(rows), dtype=np.int64)
        idx = idx[self._alive[idx]]
        if f.day is not None:
            w = self.config.window_days
            first, last = self._first[idx], self._last[idx]
            with np.errstate(invalid="ignore"):
                keep = np.isnan(first) | ((first - w <= f.day) & (f.day <= last + w))
            idx = idx[keep]
        if len(idx) == 0:
            return []
        sims = self._dense[idx] @ self._dense_query(f)
        order = np.lexsort((idx, -sims))[: self.config.shortlist]
        return [self.stories[self.by_row[i]] for i in idx[order]]  # type: ignore[index]

    def assign(self, f: Features, new_id: str) -> tuple[str, list[str]]:
        sid, merged = super().assign(f, new_id)
        row = self.stories[sid].row
        for k in self._pending:
            lst = self.postings.setdefault(k, [])
            if not lst or lst[-1] != row:
                lst.append(row)
        return sid, merged


def link(index: StoryIndex, config: Config = STORYLINE_CONFIG) -> list[Storyline]:
    """Group the live stories of ``index`` into storylines (deterministic)."""
    cl = index.clusterer
    stories = sorted(cl.stories.values(), key=lambda s: (s.first is None, s.first or 0, s.id))
    lines = LineClusterer(config, emb_dim=cl.emb_dim)
    for st in stories:
        lines.assign(story_features(st), "l-" + st.id.removeprefix("s-"))
    out = []
    for lid in sorted(lines.stories):
        sids = list(lines.stories[lid].members)
        firsts = [cl.stories[s].first for s in sids if cl.stories[s].first is not None]
        lasts = [cl.stories[s].last for s in sids if cl.stories[s].last is not None]
        biggest = max(sids, key=lambda s: (len(cl.stories[s].members), s))
        out.append(
            Storyline(
                id=lid,
                story_ids=sids,
                title=index.story(biggest).title,
                first_published=T.day_iso(min(firsts)) if firsts else None,
                last_published=T.day_iso(max(lasts)) if lasts else None,
                steps={STEP_NAME: STEP_VERSION},
                meta={"size": len(sids)},
            )
        )
    return out
