# ruff: noqa: E501  (answers are prose: long strings read better unwrapped)
"""Write ``demo-expected.json``: the hand-curated answers for the demo corpus.

The answers live here as data; line numbers of the text pages are derived from the pages, so
after editing a page run ``python examples/demo_expected.py`` and then
``pytest tests/test_examples.py``.
"""

import json
from pathlib import Path
from typing import Any

DEMO = Path(__file__).resolve().parent / "demo"

NWP, KD, ONB, VI, NL, OP = (
    "Northwind Press",
    "Kessary Daily",
    "ONB News",
    "Velm Independent",
    "The Northern Ledger",
    "The Orsenian Patriot",
)


def page(
    sid: str,
    file: str,
    outlet: str,
    title: str,
    published: str | None,
    story: str,
    fmt: str,
    note: str | None = None,
    row: int | None = None,
    comments: int = 0,
    spam: int = 0,
    authors: list[str | None] | None = None,
) -> dict[str, Any]:
    """One page's answers; ``authors`` lists commenters in order (None for an unsigned one)."""
    d: dict[str, Any] = {"source_id": sid, "file": file}
    if row is not None:
        d["row"] = row
    d.update(
        {
            "format": fmt,
            "outlet": outlet,
            "title": title,
            "published": published,
            "story": story,
            "storyline": STORIES[story]["storyline"],
            "comments": comments,
            "spam_comments": spam,
        }
    )
    if authors:
        d["comment_authors"] = authors
    if note:
        d["notes"] = note
    return d


STORIES = {
    "blockade-begins": {
        "storyline": "kessary-port-dispute",
        "date": "2025-03-04",
        "summary": "Truck drivers of the Open Road coalition blockade the port of Kessary against a 60-crown transit levy",
    },
    "gate-clashes": {
        "storyline": "kessary-port-dispute",
        "date": "2025-03-13",
        "summary": "Riot police clear Gate 3 of the blockade; injuries and arrests; driver Radek Vasko dies the next day",
    },
    "levy-suspended": {
        "storyline": "kessary-port-dispute",
        "date": "2025-03-27",
        "summary": "After talks in Velm the government suspends the levy for 90 days and sends the Meridian Gate contract to parliament's audit committee",
    },
    "port-reopens": {
        "storyline": "kessary-port-dispute",
        "date": "2025-04-07",
        "summary": "Kessary port back to normal operations, working through a backlog of ships; cost of the dispute",
    },
    "lake-boat": {
        "storyline": "lake-mirren-find",
        "date": "2025-03-20",
        "summary": "Archaeologists find a Bronze Age plank boat in Lake Mirren",
    },
    "rate-decision": {
        "storyline": "national-bank-rates",
        "date": "2025-03-19",
        "summary": "The National Bank of Orsenia holds its key rate at 3.75%",
    },
}
STORYLINES = {
    "kessary-port-dispute": "The Kessary port blockade over the transit levy and the Meridian Gate concession, pages of 4 March - 8 April 2025",
    "lake-mirren-find": "A Bronze Age boat in Lake Mirren (unrelated to the port dispute)",
    "national-bank-rates": "Monetary policy of the National Bank of Orsenia (unrelated; one wire sentence mentions the port)",
}

PAGES = [
    page(
        "s1-nwp-blockade",
        "s1-nwp-blockade.txt",
        NWP,
        "Truck drivers blockade Orsenia's main port over new transit levy",
        "2025-03-04",
        "blockade-begins",
        "text",
        "wire copy; the dateline 'KESSARY, Orsenia, March 4 (NWP)' gives month and day, the year only appears in the copyright line",
    ),
    page(
        "s1-kessary-daily-blockade",
        "s1-kessary-daily-blockade.txt",
        KD,
        "Truck drivers blockade Kessary port over new transit levy",
        "2025-03-05",
        "blockade-begins",
        "text",
        "syndicated: the body is the Northwind Press copy nearly verbatim plus one local paragraph; the first line is a stale site-header date (2025-02-12), the real date is on the byline line; title repeated; image caption; 'Most read' list",
    ),
    page(
        "s1-onb-blockade",
        "s1-onb-blockade.txt",
        ONB,
        "Unlawful blockade disrupts Kessary port; government urges hauliers to return to work",
        "2025-03-04",
        "blockade-begins",
        "text",
        "state-aligned; attributes the spokesman's quote to Interior Minister Mira Solenko; 'a few dozen trucks'; only outlet to report delayed insulin shipments and fuel stocks; omits the levy amount and the dockers' solidarity",
    ),
    page(
        "s1-velm-independent-blockade",
        "s1-velm-independent-blockade.txt",
        VI,
        "Hundreds of trucks shut Kessary port as drivers defy Halvard's levy",
        None,
        "blockade-begins",
        "text",
        "opposition; donation widget on top; no publication date: dated only by 'on Tuesday, three days after ... 1 March' (the event is 2025-03-04, no year given); 'hundreds of trucks'; trims Lisowa's quote to its second sentence",
    ),
    page(
        "s1-northern-ledger-blockade",
        "s1-northern-ledger-blockade.html",
        NL,
        "Orsenian hauliers choke country's busiest port in levy revolt",
        "2025-03-05",
        "blockade-begins",
        "html",
        "foreign broadsheet; paraphrases the wire with attribution ('according to Northwind Press', 'told Northwind Press'); trims Lisowa's quote to its first sentence; a comment quotes the article",
        comments=3,
        authors=["harbourwatcher", "T_Ramsey", "Ingrid of Aldmoor"],
    ),
    page(
        "s1-orsenian-patriot-blockade",
        "s1-orsenian-patriot-blockade.txt",
        OP,
        "Who is really paying for the Kessary blockade?",
        None,
        "blockade-begins",
        "text",
        "partisan blog; no date anywhere on the page; comment thread without widget labels, commenter-name lines followed by 'Reply'; replies start with '@Name'; one comment quotes the article; dating spam posted as a comment with no author line",
        comments=9,
        spam=1,
        authors=[
            "Marek from Tamsin",
            "Lidia V.",
            "Marek from Tamsin",
            "Old Sailor",
            "PatriotMum77",
            "Karel Dostan",
            "Aurel Stan",
            None,
            "Vlado K.",
        ],
    ),
    page(
        "s2-nwp-clashes",
        "s2-nwp-clashes.txt",
        NWP,
        "Police clear part of Kessary port blockade, at least 14 hurt",
        "2025-03-13",
        "gate-clashes",
        "text",
        "wire copy, first version: at least 14 injured",
    ),
    page(
        "s2-nwp-clashes-update",
        "s2-nwp-clashes-update.txt",
        NWP,
        "UPDATE 2-Driver dies after Kessary port clashes; injured rise to 31",
        "2025-03-14",
        "gate-clashes",
        "text",
        "wire update: the injured figure rises from 14 to 31 (an update, not a contradiction); reports the driver's death",
    ),
    page(
        "s2-onb-clashes",
        "s2-onb-clashes.txt",
        ONB,
        "Order restored at Kessary port; seven officers injured by rioters",
        "2025-03-13",
        "gate-clashes",
        "text",
        "state-aligned; says no tear gas was used (contradicted by Northwind Press, Velm Independent and the Northern Ledger); 'rioters'",
    ),
    page(
        "s2-velm-independent-clashes",
        "s2-velm-independent-clashes.txt",
        VI,
        '"They came in the dark": driver dies after regime\'s riot police storm Kessary blockade',
        "2025-03-14",
        "gate-clashes",
        "text",
        "opposition; 'more than 60' injured per Open Road medics vs 22 civilians per the hospital; comment widget labels ('Notify of', 'Inline Feedbacks', 'View all comments', 'Sort by', 'Most Voted'); vote counts after 'Reply'; money spam posted as a comment",
        comments=6,
        spam=1,
        authors=["Hanna Rolf", "Piotr Lesk", "Anonymous", "Drago_M", "Hanna Rolf", None],
    ),
    page(
        "s2-northern-ledger-clashes",
        "s2-northern-ledger-clashes.html.gz",
        NL,
        "Riot police break Kessary port blockade in dawn raid",
        "2025-03-13",
        "gate-clashes",
        "html",
        "gzipped HTML (source_id drops both extensions); cookie banner; opinion wording inside reporting ('heavy-handed operation'); cites Northwind Press for the arrests",
        comments=2,
        authors=["Ferris_W", "northsea_trader"],
    ),
    page(
        "s2-orsenian-patriot-clashes",
        "s2-orsenian-patriot-clashes.html",
        OP,
        "The harbour is free again. Now for the people who paid for the chaos",
        "2025-03-14",
        "gate-clashes",
        "html",
        "WordPress markup with threaded comments; says the driver died of a heart attack (conflicts with the hospital's 'head injuries'); 'dozens' of officers hurt; a comment quotes the article; replica-watch spam comment",
        comments=5,
        spam=1,
        authors=[
            "Marek from Tamsin",
            "Lidia V.",
            "Karel Dostan",
            "PatriotMum77",
            "Luxury Replica Watches",
        ],
    ),
    page(
        "nwp-2025-03-27-levy-suspended",
        "feed.jsonl",
        NWP,
        "Orsenia suspends port levy for 90 days after deal with hauliers",
        "2025-03-27",
        "levy-suspended",
        "jsonl",
        "JSON Lines row 2; trims Morvik's quote to its first sentence",
        row=2,
    ),
    page(
        "s3-onb-levy-suspended",
        "s3-onb-levy-suspended.html",
        ONB,
        "Government and hauliers reach agreement; transit levy paused for 90 days",
        "2025-03-27",
        "levy-suspended",
        "html",
        "state-aligned; Morvik's quote in full; omits the audit committee and the driver's death",
    ),
    page(
        "s3-velm-independent-levy",
        "s3-velm-independent-levy.txt",
        VI,
        "Regime backs down on port levy after 24 days of resistance",
        "2025-03-28",
        "levy-suspended",
        "text",
        "opposition; only outlet reporting that charges against most of the 42 detained are expected to be dropped",
    ),
    page(
        "s3-northern-ledger-levy",
        "s3-northern-ledger-levy.txt",
        NL,
        "Orsenia suspends port levy in climbdown after weeks of protest",
        "2025-03-28",
        "levy-suspended",
        "text",
        "innerText of a broadsheet page: standfirst, '4 min read', caption, topics, share buttons, related and 'Most viewed' lists (one links the unrelated lake-boat story); Morvik's quote trimmed to a fragment",
    ),
    page(
        "nwp-2025-04-07-port-reopens",
        "feed.jsonl",
        NWP,
        "Kessary port starts clearing backlog of 38 ships after blockade ends",
        "2025-04-07",
        "port-reopens",
        "jsonl",
        "JSON Lines row 3; port losses 210 million crowns",
        row=3,
    ),
    page(
        "s4-kessary-daily-port-reopens",
        "s4-kessary-daily-port-reopens.txt",
        KD,
        "Cranes work day and night as port tackles backlog",
        "2025-04-07",
        "port-reopens",
        "text",
        "local paper; 'nearly 40 ships', losses 'more than 200 million crowns'; section label 'Harbour' between the title and its repeat; reuses the wire's Sall quote",
    ),
    page(
        "s4-onb-port-reopens",
        "s4-onb-port-reopens.txt",
        ONB,
        "Kessary port back at full capacity; blockade cost economy over 300 million crowns",
        "2025-04-08",
        "port-reopens",
        "text",
        "state-aligned; losses 'more than 300 million crowns' citing the Chamber of Commerce (a different measure from the port authority's 210 million); the event is dated 'on Monday' (2025-04-07)",
    ),
    page(
        "u1-northern-ledger-lake-boat",
        "u1-northern-ledger-lake-boat.html",
        NL,
        "Scientists find Bronze Age boat in Orsenian lake",
        "2025-03-21",
        "lake-boat",
        "html",
        "unrelated story; 'about 3,200 years old'",
        comments=2,
        authors=["deepwater_dave", "Martha Quill"],
    ),
    page(
        "u1-onb-lake-boat",
        "u1-onb-lake-boat.txt",
        ONB,
        "Ancient boat in Lake Mirren reveals Orsenia's seafaring roots",
        "2025-03-20",
        "lake-boat",
        "text",
        "unrelated story; 'more than 3,000 years old'; nationalist framing by the culture minister",
    ),
    page(
        "nwp-2025-03-19-rates",
        "feed.jsonl",
        NWP,
        "Orsenia's central bank holds key rate at 3.75%, signals patience on cuts",
        "2025-03-19",
        "rate-decision",
        "jsonl",
        "JSON Lines row 1; one sentence mentions disruption at Kessary (a weak link that must not merge it into the port storyline)",
        row=1,
    ),
    page(
        "u2-velm-independent-rates",
        "u2-velm-independent-rates.txt",
        VI,
        "Mortgage holders left waiting as National Bank keeps rate at 3.75%",
        "2025-03-19",
        "rate-decision",
        "text",
        "unrelated story; trims the governor's quote",
    ),
]

S1 = [
    "s1-nwp-blockade",
    "s1-kessary-daily-blockade",
    "s1-onb-blockade",
    "s1-velm-independent-blockade",
    "s1-northern-ledger-blockade",
    "s1-orsenian-patriot-blockade",
]
NWP1, KD1, ONB1, VI1, NL1, OP1 = S1
S2 = [
    "s2-nwp-clashes",
    "s2-nwp-clashes-update",
    "s2-onb-clashes",
    "s2-velm-independent-clashes",
    "s2-northern-ledger-clashes",
    "s2-orsenian-patriot-clashes",
]
NWP2, NWP2U, ONB2, VI2, NL2, OP2 = S2
NWP3, ONB3, VI3, NL3 = (
    "nwp-2025-03-27-levy-suspended",
    "s3-onb-levy-suspended",
    "s3-velm-independent-levy",
    "s3-northern-ledger-levy",
)


def fact(text: str, ids: list[str], **kw: Any) -> dict[str, Any]:
    """A fact with the pages that carry it (``omitted_by``, ``disputed_by``, ``notes`` optional)."""
    d: dict[str, Any] = {"fact": text, "source_ids": ids}
    d.update(kw)
    return d


FACTS = {
    "blockade-begins": [
        fact("Truck drivers blocked the roads into the port of Kessary on Tuesday 4 March", S1),
        fact("The protest is against the new transit levy on trucks entering the port", S1),
        fact("The protest was organised by the Open Road coalition", S1),
        fact("Container traffic at the port was halted", [NWP1, KD1, ONB1, VI1, NL1, OP1]),
        fact("The levy took effect on 1 March", [NWP1, KD1, ONB1, VI1, NL1]),
        fact("Police were deployed but did not intervene", [NWP1, KD1, ONB1, VI1, NL1]),
        fact(
            "The levy is 60 crowns per truck entering the port",
            [NWP1, KD1, VI1, NL1, OP1],
            omitted_by=[ONB1],
        ),
        fact("Ana Lisowa chairs Open Road", [NWP1, KD1, VI1, NL1, OP1]),
        fact(
            "The Kessary Dockers' Union backed the drivers with a solidarity stoppage",
            [NWP1, KD1, VI1, NL1, OP1],
            omitted_by=[ONB1],
        ),
        fact(
            "The levy pays for road repairs, according to the government",
            [NWP1, KD1, ONB1, NL1, OP1],
        ),
        fact("Ships were left waiting at anchor outside the harbour", [NWP1, KD1, VI1, NL1]),
        fact("Government spokesman Petr Ansel called the blockade illegal", [NWP1, KD1, VI1, NL1]),
        fact("The levy was introduced or approved in January", [NWP1, KD1, ONB1, VI1]),
        fact(
            "In January the government signed a 49-year concession for the container terminal with Meridian Gate Holdings",
            [NWP1, KD1, VI1, NL1],
        ),
        fact("Kessary handles about a third of Orsenia's foreign trade", [NWP1, KD1, NL1]),
        fact("The terms of the Meridian Gate concession have not been published", [VI1, NL1]),
        fact(
            "Deliveries of medicines (insulin) were held up on a ship outside the harbour",
            [ONB1, OP1],
            disputed_by=[VI1],
        ),
        fact("Fuel stocks at the Kessary depot would last about nine days", [ONB1]),
        fact("The Association of Orsenian Carriers (Bruno Kehl) supports the levy", [ONB1]),
        fact("Prime Minister Halvard will chair the economic council on Wednesday", [ONB1]),
        fact("Driver Jonas Ferrant, 51, says the levy hurts his income", [VI1]),
        fact(
            "Civic Renewal leader Katrin Adler called for the levy's suspension and the contract's publication",
            [VI1],
        ),
        fact("More trucks are coming from Harrow Cross and Tamsin", [VI1]),
        fact("Analyst Lukas Berend says the levy became a referendum on the port sale", [NL1]),
        fact(
            "Some shipping lines are considering diverting cargo to ports across the border", [NL1]
        ),
        fact(
            "Open Road received money from the Open Harbours Foundation, a group registered abroad (unverified claim)",
            [OP1],
        ),
        fact("City bus routes 4 and 11 skip the harbour stops", [KD1]),
    ],
    "gate-clashes": [
        fact(
            "Police cleared the northern gate (Gate 3) of the blockade at dawn on Thursday 13 March",
            S2,
        ),
        fact(
            "About 60 trucks still block the western approach to the port",
            [NWP2, NWP2U, ONB2, VI2, NL2, OP2],
        ),
        fact("Police used water cannon", [NWP2, ONB2, VI2, NL2]),
        fact("Police used tear gas", [NWP2, VI2, NL2], disputed_by=[ONB2]),
        fact(
            "42 people were arrested",
            [NWP2, NWP2U, ONB2, NL2, VI2],
            notes="the Velm Independent says 'at least 40'",
        ),
        fact("Interior Minister Solenko said the port was open again", [NWP2, ONB2, VI2, NL2]),
        fact("The Kessary Dockers' Union stayed off work in protest", [NWP2, NWP2U, VI2, NL2]),
        fact("The drivers had ignored a court order to clear the road", [NWP2, ONB2, NL2]),
        fact("Driver Radek Vasko, 58, died in hospital on Friday", [NWP2U, VI2, OP2]),
        fact(
            "The cause of Vasko's death is disputed (baton blows vs a fall vs a heart attack)",
            [NWP2U, VI2, OP2],
        ),
        fact(
            "Authorities are examining payments to organisers from a foundation registered abroad",
            [ONB2, OP2],
            disputed_by=[VI2],
        ),
        fact("Civil Liberties Watch Orsenia called for an independent inquiry", [NWP2U, VI2]),
        fact("Prime Minister Halvard thanked the police on social media", [ONB2]),
        fact("Opposition leader Katrin Adler called on Solenko to resign", [VI2]),
        fact("Western diplomats expressed concern about the use of force", [NL2]),
        fact(
            "A freight forwarders' association puts the cost to exporters above 100 million crowns",
            [NL2],
        ),
    ],
    "levy-suspended": [
        fact("The government suspended the transit levy for 90 days", [NWP3, ONB3, VI3, NL3]),
        fact("The deal followed two days of talks in Velm", [NWP3, ONB3, VI3, NL3]),
        fact("Transport Minister Lena Morvik announced the agreement", [NWP3, ONB3, VI3, NL3]),
        fact("Open Road will clear its remaining blockade by Saturday", [NWP3, ONB3, VI3, NL3]),
        fact("A commission will review port charges during the pause", [NWP3, ONB3, VI3, NL3]),
        fact("The pause starts on 1 April", [NWP3, ONB3, VI3]),
        fact(
            "Parliament's audit committee will examine the Meridian Gate contract in closed session",
            [NWP3, VI3, NL3],
            omitted_by=[ONB3],
        ),
        fact("The dockers will return to normal shifts on Monday", [NWP3, VI3, NL3]),
        fact("Radek Vasko's death remains unexplained", [VI3, NL3], omitted_by=[ONB3]),
        fact("The Association of Orsenian Carriers took part in the talks", [NWP3, ONB3]),
        fact("Ana Lisowa: the deal was paid for by Radek Vasko", [NWP3, VI3]),
        fact(
            "Road repairs continue from the existing budget; the ring road repair starts in May",
            [ONB3],
        ),
        fact("Prime Minister Halvard welcomed the outcome", [ONB3]),
        fact("The Interior Ministry is still examining the financing of the blockade", [ONB3]),
        fact(
            "Prosecutors will review the charges against the 42 detained; most are expected to be dropped",
            [VI3],
        ),
        fact("A poll puts Halvard's party at 29%, its lowest since he took office", [NL3]),
    ],
}


def var(sid: str, text: str, speaker: str) -> dict[str, str]:
    """How one page renders a quote, and whom it names as the speaker."""
    return {"source_id": sid, "text": text, "attributed_to": speaker}


LISOWA_Q = (
    "We will stay on this road until the levy is gone, and not one hour less. "
    "Nobody in Velm asked the people who actually move the goods."
)
LEVY_Q = (
    "The levy pays for the roads these same trucks wear out. Blocking a national port is not "
    "a protest, it is a crime against every family that depends on it."
)
QUOTES = [
    {
        "story": "blockade-begins",
        "speaker": "Ana Lisowa",
        "text": LISOWA_Q,
        "feature": "the same quote trimmed differently",
        "variants": [
            var(NWP1, LISOWA_Q.rstrip("."), "Ana Lisowa"),
            var(KD1, LISOWA_Q.rstrip("."), "Ana Lisowa"),
            var(NL1, "We will stay on this road until the levy is gone", "Ana Lisowa"),
            var(VI1, "Nobody in Velm asked the people who actually move the goods", "Ana Lisowa"),
        ],
    },
    {
        "story": "blockade-begins",
        "speaker": "Petr Ansel",
        "text": LEVY_Q,
        "feature": "one quote attributed to different speakers",
        "variants": [
            var(NWP1, LEVY_Q.rstrip("."), "Petr Ansel"),
            var(KD1, LEVY_Q.rstrip("."), "Petr Ansel"),
            var(ONB1, LEVY_Q.rstrip("."), "Mira Solenko"),
        ],
    },
    {
        "story": "gate-clashes",
        "speaker": "Mira Solenko",
        "text": "The port belongs to the whole country, and from today it is open. Our officers acted with restraint and within the law, and they were met with violence.",
        "feature": "the same quote trimmed differently",
        "variants": [
            var(
                NWP2,
                "The port belongs to the whole country, and from today it is open",
                "Mira Solenko",
            ),
            var(
                ONB2,
                "The port belongs to the whole country, and from today it is open",
                "Mira Solenko",
            ),
            var(
                ONB2,
                "Our officers acted with restraint and within the law, and they were met with violence.",
                "Mira Solenko",
            ),
            var(NWP2, "with restraint and within the law", "Mira Solenko"),
        ],
    },
    {
        "story": "levy-suspended",
        "speaker": "Lena Morvik",
        "text": "Dialogue has always been our preferred path. We have listened, and we have found a solution that keeps the port open and the roads repaired.",
        "feature": "the same quote trimmed differently",
        "variants": [
            var(
                "s3-onb-levy-suspended",
                "Dialogue has always been our preferred path. We have listened, and we have found a solution that keeps the port open and the roads repaired",
                "Lena Morvik",
            ),
            var(
                "nwp-2025-03-27-levy-suspended",
                "Dialogue has always been our preferred path,",
                "Lena Morvik",
            ),
            var(
                "s3-northern-ledger-levy",
                "found a solution that keeps the port open",
                "Lena Morvik",
            ),
        ],
    },
    {
        "story": "rate-decision",
        "speaker": "Jakob Lind",
        "text": "The direction is right, but we are not there yet. We would rather keep rates where they are a little longer than cut too early and have to reverse course.",
        "feature": "the same quote trimmed differently",
        "variants": [
            var(
                "nwp-2025-03-19-rates",
                "We would rather keep rates where they are a little longer than cut too early and have to reverse course.",
                "Jakob Lind",
            ),
            var(
                "u2-velm-independent-rates",
                "We would rather keep rates where they are a little longer than cut too early,",
                "Jakob Lind",
            ),
        ],
    },
]


def val(sid: str, text: str, value: int | None, kind: str) -> dict[str, Any]:
    """One page's figure: its words, its number (None when vague) and how precise it is."""
    return {"source_id": sid, "text": text, "value": value, "kind": kind}


FIGURES = [
    {
        "story": "blockade-begins",
        "quantity": "trucks blocking the port",
        "values": [
            val(NWP1, "Nearly 150 trucks", 150, "approximate"),
            val(KD1, "Nearly 150 trucks", 150, "approximate"),
            val(NL1, "Nearly 150 trucks", 150, "approximate"),
            val(VI1, "Hundreds of trucks", None, "vague-high"),
            val(ONB1, "A few dozen trucks", None, "vague-low"),
        ],
        "note": "a real disagreement between outlets on the same day",
    },
    {
        "story": "blockade-begins",
        "quantity": "ships waiting at anchor",
        "values": [
            val(NWP1, "Eleven ships", 11, "exact"),
            val(KD1, "Eleven ships", 11, "exact"),
            val(NL1, "eleven vessels", 11, "exact"),
            val(VI1, "more than a dozen ships", 12, "lower-bound"),
        ],
    },
    {
        "story": "gate-clashes",
        "quantity": "people injured",
        "values": [
            val(NWP2, "injuring at least 14 people", 14, "lower-bound"),
            val(NWP2U, "rose to 31", 31, "exact"),
            val(NL2, "At least 20 people were treated in hospital", 20, "lower-bound"),
            val(VI2, "More than 60 protesters were injured", 60, "lower-bound"),
            val(VI2, "22 civilians", 22, "exact"),
            val(ONB2, "Seven police officers were injured", 7, "exact"),
            val(OP2, "Dozens of them were hurt", None, "vague-high"),
        ],
        "note": "14 -> 31 in the Northwind Press update is the same count growing over time; ONB's 7 officers, the Patriot's 'dozens' of officers and the Velm Independent's 60+ protesters are conflicting claims",
    },
    {
        "story": "gate-clashes",
        "quantity": "people arrested",
        "values": [
            val(NWP2, "42 people had been arrested", 42, "exact"),
            val(NL2, "42 people had been arrested", 42, "exact"),
            val(ONB2, "Forty-two rioters were detained", 42, "exact"),
            val(VI2, "At least 40 people were detained", 40, "lower-bound"),
        ],
    },
    {
        "story": None,
        "storyline": "kessary-port-dispute",
        "quantity": "cost of the blockade to exporters (crowns)",
        "values": [
            val(NL2, "more than 100 million crowns", 100_000_000, "lower-bound"),
            val(
                "s3-northern-ledger-levy", "at least 150 million crowns", 150_000_000, "lower-bound"
            ),
        ],
        "note": "the same estimate growing between 13 and 28 March, across two stories: an update, not a conflict",
    },
    {
        "story": "port-reopens",
        "quantity": "ships waiting to unload",
        "values": [
            val("nwp-2025-04-07-port-reopens", "38 ships", 38, "exact"),
            val("s4-kessary-daily-port-reopens", "Nearly 40 ships", 40, "approximate"),
        ],
    },
    {
        "story": "port-reopens",
        "quantity": "cost of the dispute (crowns)",
        "values": [
            val("nwp-2025-04-07-port-reopens", "210 million crowns", 210_000_000, "exact"),
            val(
                "s4-kessary-daily-port-reopens",
                "more than 200 million crowns",
                200_000_000,
                "lower-bound",
            ),
            val("s4-onb-port-reopens", "more than 300 million crowns", 300_000_000, "lower-bound"),
        ],
        "note": "different measures from different sources: the port authority's own losses vs the Chamber of Commerce's cost to the economy",
    },
    {
        "story": "lake-boat",
        "quantity": "age of the boat (years)",
        "values": [
            val("u1-northern-ledger-lake-boat", "about 3,200 years old", 3200, "approximate"),
            val("u1-onb-lake-boat", "more than 3,000 years old", 3000, "lower-bound"),
        ],
    },
]

SYNDICATION = [
    {
        "original": NWP1,
        "copy": KD1,
        "kind": "near-verbatim",
        "note": "the Kessary Daily runs the wire body word for word except one phrase, credited 'Staff and NWP', and adds a local paragraph",
    },
    {
        "original": NWP1,
        "copy": NL1,
        "kind": "paraphrase-with-attribution",
        "attributions": ["according to Northwind Press", "told Northwind Press"],
    },
    {
        "original": NWP2,
        "copy": NL2,
        "kind": "paraphrase-with-attribution",
        "attributions": ["Police told Northwind Press"],
    },
    {
        "original": "nwp-2025-03-27-levy-suspended",
        "copy": "s3-northern-ledger-levy",
        "kind": "paraphrase-with-attribution",
        "attributions": ["told Northwind Press"],
    },
]

LABELS = {
    "the protesting drivers": {
        NWP: ["truck drivers", "drivers", "protesters"],
        KD: ["truck drivers", "drivers", "protesters"],
        ONB: ["blockaders", "rioters", "a small group of people"],
        VI: ["drivers", "working people", "protesters"],
        NL: ["truck drivers", "hauliers", "demonstrators"],
        OP: ["foreign-backed agitators", "agitators", "saboteurs", "blockaders"],
    },
    "the government": {
        NWP: ["Prime Minister Dorian Halvard's government", "Orsenia's government"],
        KD: ["Prime Minister Dorian Halvard's government"],
        ONB: ["the government", "the Cabinet"],
        VI: ["the regime", "the Halvard regime"],
        NL: ["the government", "Orsenia's government"],
        OP: ["the government"],
    },
    "the police": {
        NWP: ["riot police", "police"],
        ONB: ["law enforcement officers", "officers"],
        VI: ["riot police", "regime's riot police"],
        NL: ["riot police"],
        OP: ["the police", "officers"],
    },
    "the independent press": {
        OP: ["the foreign-funded media"],
        VI: ["independent journalism"],
    },
    "the state broadcaster": {
        VI: ["the state broadcaster", "the regime's broadcaster"],
        NL: ["the state broadcaster ONB"],
    },
}
OPINION = [
    {"source_id": VI1, "text": "The regime's response was predictable."},
    {"source_id": NL2, "text": "The heavy-handed operation"},
    {
        "source_id": NL1,
        "text": "Halvard has misjudged",
        "note": "inside a quote from an analyst: opinion by a source, not by the outlet",
    },
    {"source_id": ONB1, "text": "The irresponsible action of a few dozen drivers"},
    {"source_id": ONB1, "text": "a group calling itself Open Road"},
    {"source_id": "s3-velm-independent-levy", "text": "the Halvard regime has given way"},
]

OUTLETS = {
    NWP: {"kind": "wire agency", "slant": "neutral, terse"},
    KD: {"kind": "regional daily (Kessary)", "slant": "local, runs wire copy"},
    ONB: {"kind": "state broadcaster", "slant": "pro-government"},
    VI: {"kind": "opposition news site", "slant": "anti-government, reader-funded"},
    NL: {"kind": "foreign broadsheet", "slant": "liberal, outside view"},
    OP: {
        "kind": "partisan blog with comments",
        "slant": "nationalist, pro-government, conspiratorial",
    },
}


#: Line-level answers for the text pages, in the shape of the project's line gold: 1-based
#: line numbers; every non-empty line is in exactly one list.
LINE_SPECS = {
    "s1-nwp-blockade": dict(
        body=("KESSARY, Orsenia, March 4", "Police were deployed"), either=["(Reporting by"]
    ),
    "s1-kessary-daily-blockade": dict(body=("Nearly 150 trucks", "Traffic on the coast road")),
    "s1-onb-blockade": dict(body=("A few dozen trucks", "Prime Minister Dorian Halvard is due")),
    "s1-velm-independent-blockade": dict(
        body=("Hundreds of trucks closed", "Open Road says the drivers"), not_body=["Read more:"]
    ),
    "s1-orsenian-patriot-blockade": dict(
        body=("Let us begin", "The government must restore order"),
        comments=("Marek from Tamsin", "The port was fine for forty years"),
        spam=["Hot singles"],
    ),
    "s2-nwp-clashes": dict(
        body=("KESSARY, Orsenia, March 13", "The protest began on March 4"),
        either=["(Reporting by"],
    ),
    "s2-nwp-clashes-update": dict(
        body=("KESSARY, Orsenia, March 14", "The Kessary Dockers' Union kept"),
        either=["(Reporting by"],
    ),
    "s2-onb-clashes": dict(
        body=("Law enforcement officers restored", "The government's offer of talks")
    ),
    "s2-velm-independent-clashes": dict(
        body=("Radek Vasko had driven", "Vasko's funeral will be held"),
        comments=("Hanna Rolf", "EARN 5,000"),
        spam=["EARN 5,000"],
    ),
    "s3-velm-independent-levy": dict(
        body=("Twenty-four days after", "In Kessary, drivers on the western approach")
    ),
    "s3-northern-ledger-levy": dict(
        body=("Orsenia's government has suspended", "For Halvard, the retreat"),
        subtitle="Government agrees 90-day pause",
    ),
    "s4-kessary-daily-port-reopens": dict(
        body=("Nearly 40 ships were still", "City buses on routes 4 and 11")
    ),
    "s4-onb-port-reopens": dict(
        body=("The port of Kessary returned", "The minister did not comment")
    ),
    "u1-onb-lake-boat": dict(
        body=("Archaeologists from the University", "Residents of Tarn Ossa hope")
    ),
    "u2-velm-independent-rates": dict(
        body=("The National Bank of Orsenia left", "The average variable mortgage rate")
    ),
}
#: Lines inside a comment thread that belong to the widget, not to any comment.
WIDGET = {"Reply", "Load more comments"}


def line_gold(p: dict[str, Any]) -> dict[str, Any]:
    """Line-level answers of one text page, from the markers in ``LINE_SPECS``."""
    lines = (DEMO / p["file"]).read_text(encoding="utf-8").splitlines()
    spec = LINE_SPECS[p["source_id"]]

    def n_of(prefix: str, start: int = 0) -> int:
        return next(i for i in range(start, len(lines)) if lines[i].startswith(prefix))

    out = {"title_line": lines.index(p["title"]) + 1}
    if "subtitle" in spec:
        out["subtitle_line"] = n_of(spec["subtitle"]) + 1
    b0 = n_of(spec["body"][0])
    b1 = n_of(spec["body"][1], b0)
    body, either, bp, com, auth, spam = [], [], [], [], [], []
    for i in range(b0, b1 + 1):
        if not lines[i].strip():
            continue
        if any(lines[i].startswith(x) for x in spec.get("not_body", [])):
            bp.append(i + 1)
        else:
            body.append(i + 1)
    for pre in spec.get("either", []):
        either.append(n_of(pre, b1) + 1)
    if "comments" in spec:
        c0 = n_of(spec["comments"][0], b1)
        c1 = n_of(spec["comments"][1], c0)
        names = {a for a in p.get("comment_authors", []) if a}
        for i in range(c0, c1 + 1):
            t = lines[i].strip()
            if not t:
                continue
            if t in names:
                auth.append(i + 1)
            elif any(t.startswith(x) for x in spec.get("spam", [])):
                spam.append(i + 1)
            elif t in WIDGET or t.isdigit():
                bp.append(i + 1)
            else:
                com.append(i + 1)
    taken = set(body + either + com + auth + spam + bp) | {
        out["title_line"],
        out.get("subtitle_line"),
    }
    bp += [i + 1 for i, t in enumerate(lines) if t.strip() and i + 1 not in taken]
    out.update(
        body_lines=body,
        comment_lines=com,
        comment_author_lines=auth,
        spam_lines=spam,
        boilerplate_lines=sorted(bp),
    )
    if either:
        out["either_lines"] = either
    return out


#: Pages without a publication date but with a weekday a reader can place: the event's date.
RELATIVE = {
    "s1-velm-independent-blockade": {
        "text": "on Tuesday",
        "anchor": "came into force on 1 March",
        "date": "2025-03-04",
    },
    "s1-orsenian-patriot-blockade": {
        "text": "On Tuesday",
        "anchor": None,
        "date": "2025-03-04",
        "note": "no anchor on the page: only the story's other pages place it",
    },
    "s4-onb-port-reopens": {"text": "on Monday", "anchor": "08.04.2025", "date": "2025-04-07"},
}
ABOUT = (
    "Expected answers for the Rashomon demo corpus (all fiction). source_id is the file name "
    "without its extensions, or the row's id for feed.jsonl. published is the date a reader can "
    "find on the page (null when the page gives none). Facts, quotes, figures and labels list the "
    "source_ids that carry them; every quote variant, figure text and label occurs verbatim "
    "(case-insensitively) in the pages named. relative_date: the weekday by which an undated page "
    "places its event. lines (text pages only): 1-based line numbers in the project's line-gold "
    "shape; every non-empty line is in exactly one list."
)


def build() -> dict[str, Any]:
    """All answers, with the line answers derived from the pages as they are now."""
    for p in PAGES:
        if p["format"] == "text":
            p["lines"] = line_gold(p)
        if p["source_id"] in RELATIVE:
            p["relative_date"] = RELATIVE[p["source_id"]]
    out = {
        "about": ABOUT,
        "outlets": OUTLETS,
        "storylines": STORYLINES,
        "stories": STORIES,
        "pages": PAGES,
        "facts": FACTS,
        "quotes": QUOTES,
        "figures": FIGURES,
        "syndication": SYNDICATION,
        "labels": LABELS,
        "opinion_in_reporting": OPINION,
    }
    return out


def main() -> None:
    """Write ``demo-expected.json`` beside the corpus folder."""
    target = DEMO.parent / "demo-expected.json"
    answers = build()
    target.write_text(json.dumps(answers, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{len(answers['pages'])} pages -> {target}")


if __name__ == "__main__":
    main()
