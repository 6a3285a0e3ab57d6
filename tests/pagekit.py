"""Hand-written page text for tests, in the shapes real scraped pages take."""

from __future__ import annotations

HARBOUR = [
    "Dockworkers in the port city of Velmora walked off the job on Monday, halting the "
    "loading of grain ships for the third time this month, union leaders said.",
    "The strike began after the port authority announced that night shifts would be cut by "
    "half, a decision the union called reckless and the authority called unavoidable.",
    "About 40 vessels were waiting at anchor outside the breakwater by the afternoon, "
    "according to harbour pilots who spoke on condition of anonymity.",
    "The transport minister, Ilse Marrow, told reporters the government would not negotiate "
    "while the cranes stood still, and urged both sides to return to talks.",
]
ORCHARD = [
    "A late frost damaged apple orchards across the northern valleys of Castrel overnight, "
    "growers said on Thursday, warning that prices could rise before the harvest.",
    "The growers' cooperative estimated that a third of the blossom was lost in the worst "
    "hit districts, where temperatures fell to minus four degrees before dawn.",
    "Agricultural officials said they would survey the damage next week before deciding "
    "whether emergency support for small farms was needed this season.",
]


def text_page(title: str, paragraphs: list[str], *, outlet: str = "The Velmora Ledger",
              date: str = "Mon, 3 Mar 2025 10:15 GMT", comments: bool = False) -> str:
    """An innerText-shaped page: chrome, title, byline, date, body, related list, footer."""
    lines = ["Home", "World", "Business", "Subscribe", "", title, "", f"By Ana Perel, {outlet}",
             date, ""]
    for p in paragraphs:
        lines += [p, ""]
    lines += ["You might also like", "", "Markets close higher on energy stocks", ""]
    if comments:
        lines += ["12 Comments", "", "Tomas B", "", "The union has a point, the night shift "
                  "cuts were announced without any warning at all.", ""]
    lines += [f"© 2025 {outlet}. All rights reserved."]
    return "\n".join(lines)
