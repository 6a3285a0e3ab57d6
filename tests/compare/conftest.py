"""Three hand-written articles about one invented event, told by three outlets."""

from __future__ import annotations

import pytest

from rashomon.model import Article, Span, Story, content_hash

HARBOR = [
    "Dock workers in Valmora walked off the job on Monday, halting traffic at the country's "
    "largest port, Reuters reported, citing union officials.",
    "Nearly 150 ships were stuck outside the harbor by Tuesday, the port authority said.",
    'Union leader Mara Keln said: "We will not return until the wage deal is honoured by the '
    'ministry."',
    "The Transport Ministry confirmed that talks with the union would resume on Thursday.",
    "The protesters blocked the main road to the container terminal near the old lighthouse.",
]
PATRIOT = [
    "Radical dockers in Valmora abandoned their posts on Monday, paralysing the country's "
    "largest port, according to Reuters, which cited union officials.",
    "Hundreds of ships were stuck outside the harbor by Tuesday, the port authority said.",
    '"We will not return until the wage deal is honoured," said union boss Mara Keln.',
    "The Transport Ministry did not confirm that talks with the union would resume on Thursday.",
    "The rioters blocked the main road to the container terminal near the old lighthouse, a "
    "shameful act of sabotage.",
    "This raises serious questions about who is really funding the so-called union.",
]
COAST = [
    "Port workers in Valmora went on strike on Monday, halting traffic at the country's "
    "largest port, Reuters reported.",
    "Nearly 150 ships were stuck outside the harbor by Tuesday, the port authority said.",
    '"We will not return until the wage deal is honoured by the ministry," Transport Minister '
    "Ilan Voss said.",
    "Some 2,000 workers joined the strike on its second day, the union said.",
    "The striking workers blocked the main road to the container terminal near the old lighthouse.",
]


def make_article(
    source_id: str,
    outlet: str | None,
    paragraphs: list[str],
    published: str | None = None,
    title: str | None = None,
) -> Article:
    """An article whose text is its title and paragraphs, with body spans set."""
    text, spans = (title or "") + "\n\n", []
    for p in paragraphs:
        spans.append(Span(p, len(text), len(text) + len(p)))
        text += p + "\n\n"
    return Article(
        id=content_hash(text),
        source=source_id,
        source_id=source_id,
        text=text,
        title=title,
        outlet=outlet,
        published=published,
        body=list(paragraphs),
        body_spans=spans,
    )


@pytest.fixture
def articles() -> list[Article]:
    return [
        make_article(
            "harbor-1",
            "Harbor Times",
            HARBOR,
            "2024-03-01T08:00:00+00:00",
            "Valmora dock workers strike",
        ),
        make_article(
            "patriot-7",
            "Daily Patriot",
            PATRIOT,
            "2024-03-02T10:00:00+00:00",
            "Radical dockers paralyse Valmora port",
        ),
        make_article(
            "coast-3", None, COAST, "2024-03-01T12:00:00+00:00", "Strike halts Valmora port"
        ),
    ]


@pytest.fixture
def story(articles: list[Article]) -> Story:
    return Story(id="s1", article_ids=[a.id for a in articles])
