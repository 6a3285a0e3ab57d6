"""Storylines: stories of one developing situation, linked by actors, places and subject.

Each new story is linked once, when an ``add`` first produces it (oldest first), by the
same average-link machinery as articles, with each story standing for one item (its
centroid). Names weigh as much as wording (a situation keeps its actors while the events
change), candidates come only from shared heavy names and terms (no scan), and the window
is a year: a storyline goes on when a new story shares its actors and subject within a
year of its latest story.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

import numpy as np

from rashomon.model import Storyline
from rashomon.stories import text as T
from rashomon.stories.cluster import Config, StoryState
from rashomon.stories.features import Features, Sparse, sketch

if TYPE_CHECKING:
    from rashomon.stories.index import StoryIndex

STEP_NAME = "rashomon.stories.storylines"
STEP_VERSION = "1"

#: Weights for linking stories, set by hand: between the seed stories (one situation,
#: eight months apart) names cosine is ~0.25-0.4, content cosine ~0.12-0.22 and embedding
#: cosine ~0.75-0.85, so names weigh as much as content and the bias asks for about that
#: much; on the news corpus the largest storylines read as one situation each (a summit
#: process, an investigation, a primary season). No day bonus or penalty inside the
#: one-year window. Stories of one
#: situation months apart may share only a few of their heaviest names (the actors shift),
#: so candidates are looked up under 16 names and 16 terms of each story.
STORYLINE_CONFIG = Config(
    w_lex=4.0,
    w_names=4.0,
    w_emb=1.0,
    w_near=0.0,
    w_day=0.0,
    free_days=0,
    bias=-2.2,
    window_days=365,
    shortlist=6,
    merge=False,
    scan_window=False,
    posting_keys=16,
    drift_free=100_000,
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


def storylines_of(index: StoryIndex, only: set[str] | None = None) -> list[Storyline]:
    """The storylines of the live stories of ``index``, from its online links (only those
    with ids in ``only`` when given)."""
    cl = index.clusterer
    members: dict[str, list[str]] = {}
    for sid in cl.stories:
        lid = index.line_of.get(sid) or "l-" + sid.removeprefix("s-")
        if only is None or lid in only:
            members.setdefault(lid, []).append(sid)
    for sids in members.values():
        sids.sort(key=lambda s: (cl.stories[s].first is None, cl.stories[s].first or 0, s))
    out = []
    for lid in sorted(members):
        sids = members[lid]
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
