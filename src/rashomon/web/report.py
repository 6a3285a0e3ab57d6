"""``rashomon report``: one story as a single self-contained HTML file.

The stylesheet is inlined (and allowed by its hash in the file's own Content-Security-
Policy), there is no script, and no link leads to the server: the file can be mailed or
archived and opens offline exactly as written.
"""

from __future__ import annotations

from pathlib import Path

from rashomon.store.base import Store
from rashomon.web import context
from rashomon.web.render import NoLinks, render


def report_html(store: Store, story_id: str) -> str:
    """The story page as one standalone HTML document.

    Raises:
        NotFound: the store holds no such story.
    """
    data = context.story(store, story_id)
    return render("story.html", data, links=NoLinks(), standalone=True)


def write_report(store: Store, story_id: str, out: Path) -> None:
    """Write the standalone story page to ``out`` (UTF-8).

    Args:
        store: an open store.
        story_id: the story to write.
        out: the HTML file to (over)write; its folder is created if missing.
    """
    html = report_html(store, story_id)
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(html, encoding="utf-8")
