"""Metadata read from page text (title, outlet, published date) against the page's HTML.

The benchmark pages of ../shared/eval/aeb-dev come as a text dump and as HTML. The HTML
carries what the text extractor has to infer: ``<title>``, Open Graph and JSON-LD fields.
trafilatura's metadata reader (``extract_metadata``) on the HTML is the reference here, a
silver one: its site name is sometimes a hosting service ('Hosted') and its date the
HTML's time zone, so the figures are agreement, not accuracy. The text extractor sees the
dump alone (no URL, as for a pasted page).

    python bench/extract_meta.py [--show]

- title: the same words (case and punctuation aside), or one title holds the other (a
  'Title | Site' suffix, a kicker);
- outlet: one name holds the other ('Vox' / 'Vox Media'), or the URL's host names it
  ('nj.com'). ``null`` is counted apart: a page that does not name its outlet should give
  null, a wrong name is worse than none;
- published: the same day; a day apart is counted apart (a UTC time in the HTML against
  the page's local date), as are null and wrong;
- authors: one of ours is one of the HTML's (its author field often holds a site or a
  role too: 'Jo Roe; CNN Business'). Names where the HTML has none are counted apart.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
from datetime import date
from pathlib import Path
from urllib.parse import urlparse

from rashomon.extract.text import extract_text
from rashomon.model import Page

EVAL = Path(__file__).resolve().parents[1] / ".." / "shared" / "eval" / "aeb-dev"
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
    label = host_label(url)
    squeezed = norm(ours).replace(" ", "")
    return holds(ours, site) or (bool(label) and bool(squeezed) and
                                  (label in squeezed or squeezed in label.replace("-", "")))


def day_gap(ours: str | None, ref: str | None) -> int | None:
    if not ours or not ref:
        return None
    try:
        return abs((date.fromisoformat(ours[:10]) - date.fromisoformat(ref[:10])).days)
    except ValueError:
        return None


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--show", action="store_true", help="print every disagreement")
    args = ap.parse_args()
    if not (EVAL / "gold.jsonl").exists():
        print("aeb-dev not found beside the repository (../shared/eval/aeb-dev): skipped")
        return 0
    import trafilatura

    tally = {k: 0 for k in ("pages", "title", "outlet", "outlet_ref", "outlet_null",
                            "date_ref", "date_same", "date_1", "date_null", "date_wrong",
                            "date_unref", "authors_ref", "authors", "authors_none",
                            "authors_unref")}
    with open(EVAL / "gold.jsonl", encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh]
    for row in rows:
        pid, url = row["id"], row.get("url")
        html = gzip.decompress((EVAL / "html" / f"{pid}.html.gz").read_bytes())
        ref = trafilatura.extract_metadata(html.decode("utf-8", errors="replace"),
                                           default_url=url)
        text = (EVAL / "pages" / f"{pid}.txt").read_text(encoding="utf-8")
        art = extract_text(Page(source=pid, source_id=pid, text=text))
        tally["pages"] += 1
        title_ok = holds(art.title, ref.title if ref else None)
        tally["title"] += title_ok
        site = ref.sitename if ref else None
        out_ok = outlet_ok(art.outlet, site, url)
        if site or url:
            tally["outlet_ref"] += 1
            tally["outlet"] += out_ok
            tally["outlet_null"] += art.outlet is None
        ref_date = ref.date if ref else None
        gap = day_gap(art.published, ref_date)
        if ref_date:
            tally["date_ref"] += 1
            key = ("date_null" if art.published is None else "date_same" if gap == 0
                   else "date_1" if gap == 1 else "date_wrong")
            tally[key] += 1
        elif art.published:
            tally["date_unref"] += 1
        ref_authors = {norm(a) for a in (ref.author or "").split(";") if a.strip()} if ref \
            else set()
        ours = {norm(a) for a in art.authors}
        if ref_authors:
            tally["authors_ref"] += 1
            tally["authors"] += bool(ours & ref_authors)
            tally["authors_none"] += not ours
        elif ours:
            tally["authors_unref"] += 1
        if args.show and not (title_ok and (out_ok or art.outlet is None) and gap in (0, None)):
            print(f"{pid[:8]} title {art.title!r:.60} | ref {ref.title if ref else None!r:.60}")
            print(f"         outlet {art.outlet!r} | ref {site!r} {url}")
            print(f"         published {art.published} | ref {ref_date}")
            print(f"         authors {art.authors} | ref {ref.author if ref else None!r}")
    t = tally
    n = t["pages"]
    print(f"aeb-dev text pages: {n}")
    print(f"title   agrees {t['title']}/{n} ({t['title'] / n:.3f})")
    wrong = t["outlet_ref"] - t["outlet"] - t["outlet_null"]
    print(f"outlet  agrees {t['outlet']}/{t['outlet_ref']} ({t['outlet'] / t['outlet_ref']:.3f}); "
          f"null {t['outlet_null']}, other name {wrong}")
    r = t["date_ref"]
    print(f"date    same day {t['date_same']}/{r} ({t['date_same'] / r:.3f}), a day apart "
          f"{t['date_1']}, null {t['date_null']}, other {t['date_wrong']}; a date where the "
          f"HTML has none: {t['date_unref']}")
    a = t["authors_ref"]
    print(f"authors agree {t['authors']}/{a} ({t['authors'] / a:.3f}); none "
          f"{t['authors_none']}, others {a - t['authors'] - t['authors_none']}; names where "
          f"the HTML has none: {t['authors_unref']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
