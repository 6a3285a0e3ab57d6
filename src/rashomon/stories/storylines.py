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


def link(index: StoryIndex, config: Config = STORYLINE_CONFIG) -> list[Storyline]:
    """Group the live stories of ``index`` into storylines (deterministic)."""
    cl = index.clusterer
    stories = sorted(cl.stories.values(), key=lambda s: (s.first is None, s.first or 0, s.id))
    emb_dim = cl.emb_dim
    lines = Clusterer(config, emb_dim=emb_dim)
    for st in stories:
        lines.assign(story_features(st), "l-" + st.id.removeprefix("s-"))
    members: dict[str, list[str]] = {}
    for lid, line in lines.stories.items():
        members[lid] = list(line.members)
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
