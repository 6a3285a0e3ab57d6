"""Metadata read from page text (title, outlet, published date) against the page's HTML.

The benchmark pages of ../shared/eval/aeb-dev come as a text dump and as HTML. The HTML
carries what the text extractor has to infer: ``<title>``, Open Graph and JSON-LD fields.
trafilatura's metadata reader (``extract_metadata``) on the HTML is the reference here, a
silver one: its site name is sometimes a hosting service ('Hosted') and its date the
HTML's time zone, so the figures are agreement, not accuracy. Both extractors are scored:
the text extractor on the dump, the HTML extractor on the markup, neither given the URL
(as for a pasted page).

    python bench/extract_meta.py [--show text|html]

- title: the same words (case and punctuation aside), or one title holds the other (a
  'Title | Site' suffix, a kicker);
- outlet: one name holds the other ('Vox' / 'Vox Media'), or the URL's host names it
  ('nj.com'). ``null`` is counted apart: a page that does not name its outlet should give
  null, a wrong name is worse than none;
- published: the same day; a day apart is counted apart (a UTC time in the HTML against
  the page's local date), as are null and wrong;
- authors: one of ours is one of the HTML's (its author field often holds a site or a
  role too: 'Jo Roe; CNN Business'). Names where the HTML has none are counted apart;
- subtitle: how many pages get one, and how many of those match the page's description
  (most descriptions are not shown on the page, so this counts precision only);
- comments: how many were found on how many pages. There is no reference: read the pages
  with --show (when this script was written, four of the pages where comments were found
  held a reader thread; comments on the others were site chrome taken for one).
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from rashomon.extract.html import extract_html
from rashomon.extract.text import extract_text
from rashomon.model import Article, Page

EVAL = Path(__file__).resolve().parents[1] / ".." / "shared" / "eval" / "aeb-dev"
# share of the description's words a subtitle must hold to count as it (decks are often cut
# or reworded in the description)
SUBTITLE_SHARE = 0.7
_NON_WORD = re.compile(r"\W+")


def norm(text: str | None) -> str:
    return _NON_WORD.sub(" ", (text or "").lower()).strip()


def holds(a: str | None, b: str | None) -> bool:
    """Whether one normalised name holds the other as whole words."""
    x, y = f" {norm(a)} ", f" {norm(b)} "
    return bool(x.strip() and y.strip()) and (x in y or y in x)


def host_label(url: str | None) -> str:
    """'https://www.nj.com/x' -> 'nj'."""
    host = urlparse(url or "").hostname or ""
    parts = re.sub(r"^(?:www\d?|m|amp|edition)\.", "", host).split(".")
    return parts[-2] if len(parts) >= 2 else host


def outlet_ok(ours: str | None, site: str | None, url: str | None) -> bool:
    label = host_label(url).replace("-", "")
    squeezed = norm(ours).replace(" ", "")
    return holds(ours, site) or (bool(label) and bool(squeezed) and
                                  (label in squeezed or squeezed in label))


def day_gap(ours: str | None, ref: str | None) -> int | None:
    if not ours or not ref:
        return None
    try:
        return abs((date.fromisoformat(ours[:10]) - date.fromisoformat(ref[:10])).days)
    except ValueError:
        return None


def tally_page(t: Counter[str], art: Article | None, ref: Any, url: str | None,
               show: str | None) -> None:
    """Add one page's agreements to ``t``; print the disagreements when ``show`` names it."""
    title = art.title if art else None
    outlet = art.outlet if art else None
    published = art.published if art else None
    authors = art.authors if art else []
    t["pages"] += 1
    title_ok = holds(title, ref.title if ref else None)
    t["title"] += title_ok
    site = ref.sitename if ref else None
    out_ok = outlet_ok(outlet, site, url)
    t["outlet_ref"] += 1
    t["outlet"] += out_ok
    t["outlet_null"] += outlet is None
    ref_date = ref.date if ref else None
    gap = day_gap(published, ref_date)
    if ref_date:
        t["date_ref"] += 1
        t[("date_null" if published is None else "date_same" if gap == 0
           else "date_1" if gap == 1 else "date_wrong")] += 1
    elif published:
        t["date_unref"] += 1
    ref_authors = {norm(a) for a in (ref.author or "").split(";") if a.strip()} if ref else set()
    ours = {norm(a) for a in authors}
    authors_ok = bool(ours & ref_authors) or not (ours or ref_authors)
    if ref_authors:
        t["authors_ref"] += 1
        t["authors"] += bool(ours & ref_authors)
        t["authors_none"] += not ours
    elif ours:
        t["authors_unref"] += 1
    subtitle = art.subtitle if art else None
    desc = ref.description if ref else None
    if subtitle:
        t["subtitle"] += 1
        words = set(norm(desc).split())
        t["subtitle_ok"] += holds(subtitle, desc) or bool(words) and \
            len(set(norm(subtitle).split()) & words) >= SUBTITLE_SHARE * len(words)
    t["comment_pages"] += bool(art and art.comments)
    t["comments"] += len(art.comments) if art else 0
    if show and not (title_ok and (out_ok or outlet is None) and gap in (0, None) and authors_ok):
        print(f"{show} title {title!r:.60} | ref {ref.title if ref else None!r:.60}")
        print(f"         outlet {outlet!r} | ref {site!r} {url}")
        print(f"         published {published} | ref {ref_date}")
        print(f"         authors {authors} | ref {ref.author if ref else None!r}")
    if show and art and art.comments:
        print(f"{show} comments {[(c.author, c.text[:40]) for c in art.comments[:5]]}")


def report(name: str, t: Counter[str]) -> None:
    n, r, a = t["pages"], max(t["date_ref"], 1), max(t["authors_ref"], 1)
    wrong = t["outlet_ref"] - t["outlet"] - t["outlet_null"]
    print(f"{name}: {n} pages")
    print(f"  title   agrees {t['title']}/{n} ({t['title'] / n:.3f})")
    print(f"  outlet  agrees {t['outlet']}/{n} ({t['outlet'] / n:.3f}); null "
          f"{t['outlet_null']}, another name {wrong}")
    print(f"  date    same day {t['date_same']}/{t['date_ref']} ({t['date_same'] / r:.3f}), a day "
          f"apart {t['date_1']}, null {t['date_null']}, other {t['date_wrong']}; a date where "
          f"the reference has none: {t['date_unref']}")
    print(f"  authors agree {t['authors']}/{t['authors_ref']} ({t['authors'] / a:.3f}); none "
          f"{t['authors_none']}, others {t['authors_ref'] - t['authors'] - t['authors_none']}; "
          f"names where the reference has none: {t['authors_unref']}")
    print(f"  subtitle on {t['subtitle']} pages, {t['subtitle_ok']} of them the page's "
          "description")
    print(f"  comments {t['comments']} on {t['comment_pages']} pages (no reference: read them "
          "with --show)")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--show", choices=["text", "html"], help="print the disagreements")
    args = ap.parse_args()
    if not (EVAL / "gold.jsonl").exists():
        print("aeb-dev not found beside the repository (../shared/eval/aeb-dev): skipped")
        return 0
    import trafilatura

    tallies: dict[str, Counter[str]] = {"text": Counter(), "html": Counter()}
    with open(EVAL / "gold.jsonl", encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh]
    for row in rows:
        pid, url = row["id"], row.get("url")
        html = gzip.decompress((EVAL / "html" / f"{pid}.html.gz").read_bytes()).decode(
            "utf-8", errors="replace")
        ref = trafilatura.extract_metadata(html, default_url=url)
        text = (EVAL / "pages" / f"{pid}.txt").read_text(encoding="utf-8")
        arts = {"text": extract_text(Page(source=pid, source_id=pid, text=text)),
                "html": extract_html(Page(source=pid, source_id=pid, html=html))}
        for kind, art in arts.items():
            tally_page(tallies[kind], art, ref, url, pid[:8] if args.show == kind else None)
    report("text dumps (no URL)", tallies["text"])
    report("HTML (no URL)", tallies["html"])
    return 0


if __name__ == "__main__":
    sys.exit(main())
