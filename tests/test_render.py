"""Terminal rendering of a story."""

from __future__ import annotations

from rich.console import Console

from rashomon.render import print_story


def test_an_outlet_with_two_articles_is_cited_once() -> None:
    story = {"id": "s-1", "title": "Ferry fares rise", "articles": [], "facts": [
        {"support": "all", "text": "Fares rise by a tenth.",
         "articles": [{"outlet": "Harbour Herald"}, {"outlet": "Bay Wire"},
                      {"outlet": "Harbour Herald"}]}],
        "summary": [{"text": "Fares rise by a tenth.",
                     "sources": [{"outlet": "Bay Wire"}, {"outlet": "Bay Wire"},
                                 {"outlet": "[bold]Harbour Herald"}]}]}
    console = Console(record=True, width=200)
    print_story(story, console)
    out = console.export_text()
    assert out.count("Bay Wire") == 2 and out.count("Harbour Herald") == 2
    assert "(Bay Wire, [bold]Harbour Herald)" in out  # escaped, in citing order
