"""Near-duplicates: signatures, verified shares, syndicated copies through StoryIndex."""

from __future__ import annotations

import dataclasses

import numpy as np

from rashomon.model import Article
from rashomon.stories.index import StoryIndex
from rashomon.stories.minhash import NearDuplicates, overlap, shingle_sample

WIRE = (
    "The central bank of Norland raised its main interest rate by half a point on Thursday, "
    "the third increase this year, saying that inflation in food and energy prices had not "
    "slowed as quickly as its economists expected in the spring. Governor Ilse Baumann told "
    "reporters that the bank was ready to act again in September if wages kept rising faster "
    "than productivity, and that mortgage holders should expect higher payments for a while. "
) * 3


def test_identical_texts_share_everything() -> None:
    a, b = shingle_sample(WIRE), shingle_sample(WIRE)
    assert np.array_equal(a[0], b[0])
    assert overlap(a[1], a[2], b[1], b[2]) == (1.0, 1.0, 1.0)


def test_containment_of_a_wire_story_in_a_longer_piece() -> None:
    own = " ".join(f"Local reaction number {i} came from shop owners in Lindau." for i in range(60))
    nd = NearDuplicates()
    nd.add("wire", WIRE)
    nd.add("local", WIRE + own)
    nd.add("other", own)
    found = {c["article"]: c for c in nd.copies("wire", also=["local", "other"])}
    assert set(found) == {"local"}
    assert found["local"]["share"] > 0.9 and found["local"]["jaccard"] < 0.6
    assert nd.copied_share("local", ["wire"]) < 0.6


def test_syndication_reports_earlier_copies(articles: list[Article]) -> None:
    base = articles[0]
    copy = dataclasses.replace(
        base,
        id="copy00dddddddddddddd",
        outlet="reprint",
        published="2031-03-02",
        body=base.body + ["Reporting by our own staff in the Brenn valley."],
    )
    index = StoryIndex()
    index.add(articles + [copy])
    syn = index.syndication(copy.id)
    assert [c["article"] for c in syn["copies"]] == [base.id]
    assert syn["copies"][0]["earlier"] is True
    assert syn["copied_share"] > 0.7
    assert index.syndication(base.id)["copied_share"] == 0.0
    assert index.syndication(articles[5].id)["copies"] == []
    again = StoryIndex.load(index.dump())
    assert again.syndication(copy.id) == syn
