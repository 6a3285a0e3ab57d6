"""StoryIndex: the live clustering state, fed in batches and saved between runs.

``add`` places new articles in publication order (undated ones last, by content alone),
returns every story that is new or changed, records stories merged away, and links each
new story into a storyline. The state (document frequencies, story and storyline sums,
article records, near-duplicate signatures) is dumped to one ``bytes`` blob (an
uncompressed ``.npz``: numeric arrays plus one JSON header, no pickle) so the store can
keep it; ``load(dump())`` gives an index that goes on exactly like the original.
"""

from __future__ import annotations

import logging
import re
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np

from rashomon.model import Article, Story, Storyline
from rashomon.stories import text as T
from rashomon.stories.cluster import NO_EMBEDDINGS, Clusterer, Config, StoryState, cos
from rashomon.stories.features import DocFreq, featurize
from rashomon.stories.minhash import NearDuplicates
from rashomon.stories.storylines import STORYLINE_CONFIG, story_features, storylines_of

log = logging.getLogger(__name__)

STEP_NAME = "rashomon.stories.online"
STEP_VERSION = "1"


@dataclass(slots=True)
class ArticleRec:
    """What the index keeps about a placed article."""

    story: str
    day: int | None
    published: str | None
    outlet: str | None
    title: str


def story_id_for(article_id: str) -> str:
    """Id of a story founded by ``article_id``."""
    return "s-" + article_id[:12]


class StoryIndex:
    """Online clustering of articles into stories, plus storylines and syndication."""

    def __init__(self, config: Config | None = None, use_embeddings: bool = True) -> None:
        self.embedder = None
        if use_embeddings:
            from rashomon.stories.embed import load_default

            self.embedder = load_default()
        dim = self.embedder.dim if self.embedder is not None else 0
        if config is None:
            config = Config() if dim else NO_EMBEDDINGS
        self.config = config
        self.df = DocFreq()
        self.clusterer = Clusterer(config, emb_dim=dim)
        #: storylines are kept online too: each new story is linked when it is first seen
        self.lines = Clusterer(STORYLINE_CONFIG, emb_dim=dim)
        self.line_of: dict[str, str] = {}
        self.articles: dict[str, ArticleRec] = {}
        self.near = NearDuplicates()
        self._removed: list[str] = []
        self._merged_into: dict[str, str] = {}
        self._lines_changed: set[str] = set()
        #: segments of article records in the saved state, and the articles they hold
        self.saved_segments = 0
        self.saved_articles = 0
        #: seconds spent per phase of ``add`` since this object was made
        self.timings: Counter[str] = Counter()

    # -- the public interface ------------------------------------------------------------
    def add(self, articles: list[Article]) -> list[Story]:
        """Place new articles; return every story that is new or changed.

        Articles already in the index are skipped, so re-adding identical input changes
        nothing. Stories merged away by this call are listed by ``removed_story_ids()``
        (and ``merged_into()`` says where their articles went); the surviving story is
        among the returned ones.
        """
        self._removed = []
        self._merged_into = {}
        seen: set[str] = set()
        fresh = []
        for a in articles:
            if a.id in self.articles or a.id in seen:
                continue
            seen.add(a.id)
            fresh.append(a)
        fresh.sort(key=_order_key)
        clock = self.timings
        t = time.perf_counter()
        embs = self._embed(fresh)
        t = _lap(clock, "embed", t)
        touched: set[str] = set()
        merged: dict[str, str] = {}
        for a, e in zip(fresh, embs, strict=True):
            text, rest = T.article_parts(a)
            ids = T.token_ids(T.words(text))
            all_ids = np.concatenate([ids, T.token_ids(T.words(rest))]) if rest else ids
            t = _lap(clock, "tokens", t)
            self.near.add(a.id, all_ids)
            t = _lap(clock, "minhash", t)
            f = featurize(a, self.df, e, lead=(text, ids))
            t = _lap(clock, "features", t)
            sid, gone = self.clusterer.assign(f, self._new_story_id(a.id))
            t = _lap(clock, "cluster", t)
            self.articles[a.id] = ArticleRec(
                story=sid,
                day=f.day,
                published=a.published,
                outlet=a.outlet,
                title=f.title or _lead_sentence(a),
            )
            touched.add(sid)
            for g in gone:
                merged[g] = sid
        for g in list(merged):
            merged[g] = self.clusterer._resolve(g)
            touched.discard(g)
        if merged:
            for rec in self.articles.values():
                if rec.story in self.clusterer.merged:
                    rec.story = self.clusterer._resolve(rec.story)
        touched = {self.clusterer._resolve(s) for s in touched}
        self._link_new(touched)
        self._lines_changed = {self.line_of[s] for s in (*touched, *merged) if s in self.line_of}
        t = _lap(clock, "storylines", t)
        self._removed = sorted(merged)
        self._merged_into = dict(merged)
        return [self.story(s, copies=True) for s in sorted(touched)]

    def removed_story_ids(self) -> list[str]:
        """Stories merged into others by the last ``add``."""
        return list(self._removed)

    def merged_into(self) -> dict[str, str]:
        """Story merged away by the last ``add`` -> the live story that absorbed it."""
        return dict(self._merged_into)

    def assignments(self) -> dict[str, str]:
        """Article id -> story id, for every article placed."""
        return {aid: self.clusterer._resolve(r.story) for aid, r in self.articles.items()}

    def stories(self) -> list[Story]:
        """Every live story."""
        return [self.story(s) for s in sorted(self.clusterer.stories)]

    def story(self, sid: str, copies: bool = False) -> Story:
        """The record of one live story; with ``copies``, ``meta["copies"]`` maps each
        member that has near-duplicates to its ``syndication`` record."""
        st = self.clusterer.stories[sid]
        recs = {m: self.articles[m] for m in st.members if m in self.articles}
        members = sorted(st.members, key=lambda m: _rec_key(m, recs.get(m)))
        published = sorted(r.published for r in recs.values() if r.published)
        outlets = sorted({r.outlet for r in recs.values() if r.outlet})
        extra: dict[str, Any] = {}
        if copies:
            syn = {m: self.syndication(m) for m in members}
            extra["copies"] = {m: v for m, v in syn.items() if v["copies"]}
        return Story(
            id=sid,
            article_ids=members,
            title=self._headline(st, recs),
            first_published=published[0] if published else None,
            last_published=published[-1] if published else None,
            outlets=outlets,
            steps={STEP_NAME: STEP_VERSION},
            meta={"undated": st.first is None, "size": len(members), **extra},
        )

    def storylines(self, only: set[str] | None = None) -> list[Storyline]:
        """Storylines over all live stories (``Storyline.story_ids`` maps stories to them),
        or just the ones whose ids are in ``only``."""
        return storylines_of(self, only)

    def changed_storylines(self) -> set[str]:
        """Ids of the storylines the last ``add`` changed: those holding a new or changed
        story, and those that held a story merged away (they may now be empty)."""
        return set(self._lines_changed)

    def storyline_of(self, story_id: str) -> str | None:
        """Id of the storyline of a live story."""
        return self.line_of.get(story_id)

    def _link_new(self, story_ids: set[str]) -> None:
        """Link stories not yet in a storyline, oldest first."""
        cl = self.clusterer
        new = [cl.stories[s] for s in story_ids if s in cl.stories and s not in self.line_of]
        new.sort(key=lambda s: (s.first is None, s.first or 0, s.id))
        for st in new:
            lid, _ = self.lines.assign(story_features(st), "l-" + st.id.removeprefix("s-"))
            self.line_of[st.id] = lid

    def syndication(self, article_id: str) -> dict[str, Any]:
        """Near-duplicate copies of one article and the share of its text they hold.

        Returns ``{"copies": [{"article", "share", "jaccard", "earlier"}], "copied_share"}``:
        ``share`` is the part of this article's text found in the copy, ``earlier`` whether
        the copy was published no later than this article, and ``copied_share`` the part of
        this article's text found in earlier (or same-day) copies. Unknown ids give no copies.
        """
        rec = self.articles.get(article_id)
        if rec is None:
            return {"copies": [], "copied_share": 0.0}
        sid = self.clusterer._resolve(rec.story)
        mates = self.clusterer.stories[sid].members if sid in self.clusterer.stories else []
        copies = self.near.copies(article_id, mates)
        mine = _rec_key(article_id, rec)
        sources = []
        for c in copies:
            other = self.articles[c["article"]]  # type: ignore[index]
            earlier = rec.day is None or other.day is None or other.day <= rec.day
            if other.day is not None and rec.day is not None and other.day == rec.day:
                earlier = _rec_key(c["article"], other)[:3] <= mine[:3]  # type: ignore[arg-type]
            c["earlier"] = earlier
            if earlier:
                sources.append(c["article"])
        return {"copies": copies, "copied_share": self.near.copied_share(article_id, sources)}

    # -- helpers --------------------------------------------------------------------------
    def _new_story_id(self, article_id: str) -> str:
        cl = self.clusterer

        def taken(s: str) -> bool:
            return s in cl.stories or s in cl.merged

        sid = story_id_for(article_id)
        if taken(sid):
            sid = "s-" + article_id
            n = 1
            while taken(sid):
                sid, n = f"s-{article_id}-{n}", n + 1
        return sid

    def _embed(self, articles: list[Article]) -> list[np.ndarray | None]:
        if self.embedder is None or not articles:
            return [None] * len(articles)
        return list(self.embedder.embed_articles(articles))

    def _headline(self, st: StoryState, recs: dict[str, ArticleRec]) -> str | None:
        """The title closest to the story's centroid (ties: earliest article)."""
        best, best_s = None, -1.0
        for m in sorted(recs, key=lambda m: _rec_key(m, recs[m])):
            title = recs[m].title
            if not title:
                continue
            s = cos(self.df.weigh(T.content_terms(title)), st.lex)
            if s > best_s + 1e-12:
                best, best_s = title, s
        return best

    # -- persistence (layout in persist.py) ----------------------------------------------
    def dump(self) -> bytes:
        """The whole state as bytes (see ``load``)."""
        from rashomon.stories.persist import dump_index

        return dump_index(self)

    @classmethod
    def load(cls, blob: bytes | None, **kw: Any) -> StoryIndex:
        """An index from ``dump()`` output; ``None`` gives an empty index."""
        if blob is None:
            return cls(**kw)
        from rashomon.stories.persist import load_index

        return load_index(cls, blob, **kw)

    def dump_parts(self) -> dict[str, bytes]:
        """The named parts of the state that changed since it was loaded or last saved by
        this method: a store keeps them under their names and hands them to ``load_parts``."""
        from rashomon.stories.persist import dump_parts

        return dump_parts(self)

    @classmethod
    def load_parts(cls, get: Callable[[str], bytes | None], **kw: Any) -> StoryIndex:
        """An index from the parts ``dump_parts`` wrote (``get(name)``: a part or None)."""
        from rashomon.stories.persist import load_parts

        return load_parts(cls, get, **kw)


#: longest headline stand-in taken from the body of an article without a title
LEAD_CHARS = 120


def _lead_sentence(a: Article) -> str:
    """First sentence of the body, cut at a word near ``LEAD_CHARS``: a stand-in headline."""
    para = next((p.strip() for p in a.body if p.strip()), "")
    m = re.search(r"(?<=[.!?])\s", para)
    sent = para[: m.start()] if m else para
    if len(sent) > LEAD_CHARS:
        sent = sent[:LEAD_CHARS].rsplit(" ", 1)[0] + "…"
    return sent


def _lap(clock: Counter[str], phase: str, since: float) -> float:
    now = time.perf_counter()
    clock[phase] += now - since
    return now


def _order_key(a: Article) -> tuple:
    """Publication order; undated articles last, in id order."""
    day = T.day_number(a.published)
    if day is None:
        return (1, 0, "", a.id)
    return (0, day, a.published or "", a.id)


def _rec_key(aid: str, rec: ArticleRec | None) -> tuple:
    if rec is None or rec.day is None:
        return (1, 0, "", aid)
    return (0, rec.day, rec.published or "", aid)
