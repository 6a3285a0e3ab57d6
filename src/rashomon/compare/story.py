"""Coverage comparison of one story: the entry point of the compare stage."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from typing import Any

import numpy as np

from rashomon.compare.actors import story_actors
from rashomon.compare.claims import (
    Claim,
    idf_weights,
    match_claims,
    sentence_claims,
    similarity_matrix,
)
from rashomon.compare.contradictions import find_contradictions
from rashomon.compare.facts import FactBuilder, omissions
from rashomon.compare.framing import actor_labels
from rashomon.compare.loaded import article_loaded
from rashomon.compare.quotes import compare_quotes
from rashomon.compare.sourcing import compare_sourcing
from rashomon.compare.summary import summarize
from rashomon.compare.text import Sentence, article_sentences, joined_pairs, outlet_key
from rashomon.model import Article, Story
from rashomon.pipeline import Step, register

log = logging.getLogger(__name__)

#: match claims with the stories stage's static sentence embeddings when it ships them
USE_EMBEDDINGS = True
KEYS = tuple("facts omissions contradictions quotes sourcing labels loaded summary actors".split())


class Analysis:
    """The shared intermediate state: sentences, claims, matched groups and facts."""

    def __init__(self, articles: list[Article]) -> None:
        self.articles = articles
        self.sentences: list[list[Sentence]] = [
            article_sentences(a, i) for i, a in enumerate(articles)
        ]
        self.claims: list[Claim] = [
            c for sents in self.sentences for s in sents for c in sentence_claims(s)
        ]
        self.content = [c for c in self.claims if c.kind == "content"]
        vocab = {t for c in self.content for t in c.stems}
        for c in self.content:
            c.stems += joined_pairs(c.text, vocab)
        self.idf = idf_weights(self.content)
        self.sim = similarity_matrix(self.content, self.idf)
        self.emb = claim_embedding_sim(self.content)
        self.groups = match_claims(self.content, self.sim, self.emb)
        fb = FactBuilder(articles, self.sentences, self.content, self.idf)
        for g in sorted(self.groups, key=lambda g: (-len(g), g[0])):
            members = [self.content[k] for k in g]
            fb.add("claim", members, _fact_text(members))
            if len(members) > 1:
                fb.details(members)
                fb.attribution(members)
        self.facts = fb.facts

    def pair_sims(self) -> dict[tuple[int, int], float]:
        """Stem cosine of every two claims in one group, keyed by the claims' ids."""
        out = {}
        for g in self.groups:
            for i in g:
                for j in g:
                    out[(id(self.content[i]), id(self.content[j]))] = float(self.sim[i, j])
        return out

    def _cross_outlet_pairs(self) -> Iterator[tuple[Claim, Claim]]:
        """Claims of different outlets matched as one claim, in group order."""
        for g in self.groups:
            for i, a in enumerate(g):
                for b in g[i + 1 :]:
                    ca, cb = self.content[a], self.content[b]
                    if outlet_key(self.articles[ca.article]) != outlet_key(
                        self.articles[cb.article]
                    ):
                        yield ca, cb

    def matched_claim_pairs(self) -> list[tuple[str, str]]:
        """Claim text pairs of different outlets matched as one claim."""
        return [(ca.text, cb.text) for ca, cb in self._cross_outlet_pairs()]

    def matched_sentence_pairs(self) -> list[tuple[str, str]]:
        """Sentence pairs of different outlets that hold a matched claim."""
        return [
            (
                self.sentences[ca.article][ca.sentence].text,
                self.sentences[cb.article][cb.sentence].text,
            )
            for ca, cb in self._cross_outlet_pairs()
        ]


def claim_embedding_sim(claims: list[Claim]) -> np.ndarray | None:
    """Embedding cosine between claims, or None when no embedder is installed."""
    if not USE_EMBEDDINGS or not claims:
        return None
    try:
        from rashomon.stories.embed import load_default
    except ImportError:
        return None
    emb = load_default()
    if emb is None:
        return None
    v = emb.embed([c.text for c in claims])
    return v @ v.T


def _fact_text(members: list[Claim]) -> str:
    """The wording of a fact: its shortest full claim (fewest extra details)."""
    return min(members, key=lambda c: (len(c.stems), c.article)).text


def compare_story(story: Story, articles: list[Article]) -> dict[str, Any]:
    """Compare how the articles of one story cover it.

    Args:
        story: the story record (only used for logging; the articles are the input).
        articles: the story's articles, enriched or not.

    Returns:
        A JSON-ready dict with the keys facts, omissions, contradictions, quotes, sourcing,
        labels, loaded, summary and actors (the enriched articles' entities resolved across
        them, see ``actors.story_actors``).
    """
    arts = [a for a in articles if a.body]
    out: dict[str, Any] = {k: [] for k in KEYS}
    out["labels"], out["sourcing"] = {}, {}
    if not arts:
        log.info("story %s: no article with a body, nothing to compare", story.id)
        return out
    an = Analysis(arts)
    out["facts"] = [{k: v for k, v in f.items() if not k.startswith("_")} for f in an.facts]
    out["omissions"] = omissions(an.facts, arts)
    out["contradictions"] = find_contradictions(an.facts, arts, an.sentences, an.pair_sims())
    out["quotes"] = compare_quotes(arts, an.sentences)
    out["sourcing"] = compare_sourcing(arts, an.sentences, an.content, an.sim)
    out["loaded"] = [x for i, a in enumerate(arts) for x in article_loaded(a, an.sentences[i])]
    out["labels"] = actor_labels(
        [(outlet_key(a), a.body_text) for a in arts],
        an.matched_sentence_pairs(),
        an.matched_claim_pairs(),
    )
    out["actors"] = story_actors(arts)
    out["summary"] = summarize(
        an.facts, arts, an.sentences, out["labels"], {c["fact"] for c in out["contradictions"]}
    )
    return out


@register
class Compare(Step):
    """(Story, articles) pairs -> Story with ``comparison`` filled."""

    name = "rashomon.compare"
    version = "3"

    def run(self, items: Iterable[Any]) -> Iterator[Story]:
        for story, articles in items:
            try:
                story.comparison = compare_story(story, list(articles))
                story.steps[self.name] = self.version
                self.stats["compared"] += 1
            except Exception as exc:  # one bad story is a counter, not an aborted run
                log.warning("skipped: story %s: %s", story.id, exc)
                self.stats["failed"] += 1
            yield story
