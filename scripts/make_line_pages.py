"""Assemble the hand-written training pages of data/line_pages/ from their parts.

Each body in data/line_pages/parts/bodies/ is wrapped in the chrome of one site skin from
parts/skins.txt (menus, bylines, share lines, in-body ad and teaser lines, related lists,
comment widgets, footers) the way a browser's innerText dump lays a news page out. The page
goes to data/line_pages/<name>.txt and its gold body to <name>.body.txt. Output is
deterministic (seeded per body name), so re-running rewrites the same files.

    python scripts/make_line_pages.py
"""

from __future__ import annotations

import random
import re
import zlib
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PAGES = ROOT / "data" / "line_pages"
PARTS = PAGES / "parts"

AUTHORS = ["Nora Pell", "James Okoro", "Lucia Ferrante", "Tom Aldridge", "Priya Raman",
           "Hannah Voss", "Marcus Leung", "Elif Demir", "Sam Whitlock", "Ines Carvalho",
           "Daniel Brandt", "Aisha Bello", "Claire Mercier", "Owen Price", "Rosa Jiménez"]
COMMENTERS = ["Beth K.", "runner_dad", "Molly", "GreenThumb88", "Ollie", "Jen from Ohio"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


@dataclass
class Skin:
    """The chrome of one site: named sections of lines and a blank-line style."""

    name: str
    site: str = ""
    blanks: int = 1
    lang: str = "en"
    blog: bool = False  # a blog layout, with archive and category columns
    sections: dict[str, list[str]] = field(default_factory=dict)


@dataclass
class Body:
    """A hand-written article: title, dek, and lines marked body or in-body chrome."""

    name: str
    title: str = ""
    skin: str = ""
    section: str = "News"
    dek: list[str] = field(default_factory=list)
    lines: list[tuple[str, bool]] = field(default_factory=list)  # (text, is_body); "" = gap


def read_skins(path: Path) -> dict[str, Skin]:
    """Parse skins.txt."""
    skins: dict[str, Skin] = {}
    cur: Skin | None = None
    sec = ""
    for raw in path.read_text().splitlines():
        s = raw.strip()
        if s.startswith("#") or not s:
            continue
        if s.startswith("=== "):
            cur = skins.setdefault(s[4:], Skin(s[4:]))
            sec = ""
        elif cur is None:
            continue
        elif s.startswith("[") and s.endswith("]"):
            sec = s[1:-1]
            cur.sections[sec] = []
        elif not sec and s.startswith("site:"):
            cur.site = s[5:].strip()
        elif not sec and s.startswith("blanks:"):
            cur.blanks = int(s[7:])
        elif not sec and s.startswith("blog:"):
            cur.blog = s[5:].strip() == "yes"
        elif not sec and s.startswith("lang:"):
            cur.lang = s[5:].strip()
        else:
            cur.sections[sec].append(s)
    return skins


def read_pools(path: Path) -> dict[str, list[str]]:
    """Parse chrome.txt: named pools of lines."""
    pools: dict[str, list[str]] = {}
    name = ""
    for raw in path.read_text().splitlines():
        s = raw.strip()
        if not s or s.startswith("#"):
            continue
        if s.startswith("[") and s.endswith("]"):
            name = s[1:-1]
            pools[name] = []
        elif name:
            pools[name].append(s)
    return pools


# headers of sidebar lists of other articles, by language
LIST_HEADERS = {
    "en": ["Latest", "Most read", "Trending now", "Top stories", "Editor's picks", "Popular",
           "Latest news", "Don't miss"],
    "de": ["Meistgelesen", "Neueste Artikel", "Top-Themen"],
    "es": ["Lo último", "Lo más visto", "Te recomendamos"],
    "fr": ["Les plus lus", "À la une", "Dernières actualités"],
}


def article_list(rng: random.Random, lang: str, heads: list[str], pools: dict[str, list[str]],
                 k: int, date: str) -> list[str]:
    """A list of other articles: headlines alone, or each with a byline and date, with a
    teaser sentence, or numbered (the shapes of sidebars and related boxes)."""
    # teaser sentences under headlines are kept rare: a headline-like line followed by prose
    # is also the shape of an inline link inside an article body
    style = rng.choice(["plain"] * 4 + ["byline"] * 2 + ["numbered", "teaser"])
    if lang != "en" and style in ("byline", "teaser"):
        style = "plain"
    out: list[str] = []
    for i, h in enumerate(rng.sample(heads, min(k, len(heads))), start=1):
        if style == "numbered":
            out += [str(i), h]
        elif style == "byline":
            out += [h, rng.choice(pools["byname"]), date]
        elif style == "teaser":
            out += [h, rng.choice(pools["teasers"])]
        else:
            out.append(h)
    return out


CATEGORIES = ["Recipes", "Travel", "Garden", "Family", "Fitness", "Money", "Reviews", "Diary",
              "Books", "Uncategorized", "Tech", "Home", "Health", "Photography"]


def blog_sidebar(rng: random.Random, heads: list[str], year: int) -> list[str]:
    """A blog's side column: recent posts, recent comments, archive months and categories
    with post counts, a tag cloud (lists of short lines that are not the article)."""
    out = ["Recent Posts", *rng.sample(heads, rng.randint(4, 7)), None]
    if rng.random() < 0.5:
        out += ["Recent Comments"] + [f"{rng.choice(COMMENTERS)} on {h}"
                                      for h in rng.sample(heads, rng.randint(2, 5))] + [None]
    out.append(rng.choice(["Archives", "Blog Archive", "Archive"]))
    fmt = rng.choice(["{m} {y}", "{m} {y} ({n})", "► {m} ({n})"])
    for k in range(rng.randint(6, 24)):
        out.append(fmt.format(m=MONTHS[11 - k % 12], y=year - k // 12, n=rng.randint(1, 40)))
    out += [None, "Categories"]
    counts = rng.random() < 0.6
    for c in rng.sample(CATEGORIES, rng.randint(5, 12)):
        out.append(f"{c} ({rng.randint(1, 120)})" if counts else c)
    if rng.random() < 0.5:
        out += [None, "Tags", " ".join(w.lower() for w in rng.sample(CATEGORIES, 8))]
    return out + [None]


def comment_thread(rng: random.Random, pools: dict[str, list[str]], date: str) -> list[str]:
    """A few reader comments: name, time, text, reply button."""
    out: list[str] = []
    for text in rng.sample(pools["comments"], rng.randint(2, 6)):
        out += [rng.choice(COMMENTERS), f"{date} at {rng.randint(1, 12)}:{rng.randint(0, 59):02d}"
                f" {rng.choice(['am', 'pm'])}", text, "Reply"]
        if rng.random() < 0.5:
            out.append(f"{rng.randint(0, 30)} likes")
    return out


def read_body(path: Path) -> Body:
    """Parse one body file: '# title', '@skin', '@section', '> dek', '~ chrome', text."""
    b = Body(path.stem)
    for raw in path.read_text().splitlines():
        s = raw.rstrip()
        if s.startswith("# ") and not b.title:
            b.title = s[2:]
        elif s.startswith("@skin "):
            b.skin = s[6:]
        elif s.startswith("@section "):
            b.section = s[9:]
        elif s.startswith("> "):
            b.dek.append(s[2:])
        elif s.startswith("~ "):
            b.lines.append((s[2:], False))
        elif not s.strip():
            b.lines.append(("", False))
        else:
            b.lines.append((s.strip(), True))
    return b


def fill(line: str, rng: random.Random, ctx: dict[str, str], heads: list[str]) -> str:
    """Replace the placeholders of a chrome line."""
    def sub(m: re.Match[str]) -> str:
        k = m.group(1)
        if k == "headline":
            return rng.choice(heads)
        if k == "n":
            return str(rng.randint(2, 48))
        if k == "commenter":
            return rng.choice(COMMENTERS)
        return ctx.get(k, m.group(0))
    return re.sub(r"\{(\w+)\}", sub, line)


BODY = "\x01"  # marks a body line for the layout


def is_item(text: str) -> bool:
    """A list-item-like line: a few words without a closing full stop."""
    return len(text.split()) <= 8 and not text.rstrip().endswith(".")


def page_for(body: Body, skin: Skin, heads: list[str], pools: dict[str, list[str]]
             ) -> tuple[str, str]:
    """The page text and gold body of one body in one skin."""
    rng = random.Random(zlib.crc32(body.name.encode()))
    year = rng.choice([2019, 2021, 2023, 2024, 2025])
    ctx = {
        "title": body.title, "site": skin.site, "section": body.section, "year": str(year),
        "author": rng.choice(AUTHORS), "author2": rng.choice(AUTHORS),
        "date": f"{rng.choice(MONTHS)} {rng.randint(1, 28)}, {year}",
        "weekday": rng.choice(WEEKDAYS), "time": f"{rng.randint(1, 12)}:{rng.randint(0, 59):02d}",
    }
    lang = skin.lang
    if lang != "en":
        heads = pools[f"headlines_{lang}"]
    others = [h for h in heads if h != body.title]
    sec = skin.sections
    mega = pools["megamenu" if lang == "en" else f"megamenu_{lang}"]

    def mega_slice(lo: int, hi: int) -> list[str]:
        k = min(rng.randint(lo, hi), len(mega))
        start = rng.randint(0, len(mega) - k)
        return mega[start : start + k]

    def sidebar() -> list[str]:
        return [rng.choice(LIST_HEADERS[lang])] + article_list(
            rng, lang, others, pools, rng.randint(5, 14), ctx["date"]) + [None]

    def chrome(name: str) -> list[str]:
        return [y for x in sec.get(name, []) for y in fill(x, rng, ctx, others).split(" // ")]

    def related(k: int) -> list[str]:
        return rng.sample(others, k)

    out: list[str | None] = []  # None: a paragraph gap
    sep = " | " if rng.random() < 0.6 else " - "
    out += [body.title + sep + skin.site, None]
    out += chrome("top") + [None]
    # real pages often carry the menu twice (desktop and mobile) and a site map up top
    if rng.random() < 0.35:
        out += chrome("top")[1:] + [None]
    if rng.random() < 0.35:
        out += mega_slice(15, 45) + [None]
    side_first = rng.random() < 0.25
    if side_first:
        out += sidebar()
    out += chrome("before")
    out += [body.title] + body.dek + chrome("byline") + [None]
    # in-body chrome from the skin (" // " joins the lines of one widget): after every
    # 120-300 body words, on about two pages in three
    inbody = sec.get("inbody", [])
    every = rng.randint(120, 300) if inbody and rng.random() < 0.67 else 0
    words = 0
    # a related-articles box inside the body on about one page in three
    box_at = rng.randint(2, 6) if sec.get("related") and rng.random() < 0.33 else -1
    gold: list[str] = []
    para = 0
    for text, is_body in body.lines:
        if not text:
            out.append(None)
            continue
        out.append(BODY + text if is_body else text)
        if is_body:
            gold.append(text)
            para += 1
            words += len(text.split())
            if every and words >= every:
                widget = fill(rng.choice(inbody), rng, ctx, others).split(" // ")
                out += [None, *widget, None]
                words = 0
            if para == box_at:
                out += [None, sec["related"][0]] + related(rng.randint(2, 4)) + [None]
    out.append(None)
    out += chrome("after") + [None]
    if rng.random() < 0.8 and sec.get("related"):
        out += [sec["related"][0]] + article_list(rng, lang, others, pools,
                                                  rng.randint(3, 8), ctx["date"]) + [None]
    if rng.random() < 0.6 and sec.get("comments"):
        out += chrome("comments") + [None]
        if lang == "en" and rng.random() < 0.6:
            out += comment_thread(rng, pools, ctx["date"]) + [None]
    if not side_first and rng.random() < 0.7:
        out += sidebar()
    if lang == "en" and rng.random() < (0.9 if skin.blog else 0.15):
        out += blog_sidebar(rng, others, year)
    if rng.random() < 0.5:
        out += mega_slice(25, 70) + [None]
    out += chrome("footer")
    return layout(out, skin.blanks, rng), "\n\n".join(gold)


def layout(items: list[str | None], blanks: int, rng: random.Random) -> str:
    """Join lines as an innerText dump. Body lines (marked ``BODY``) are paragraphs and list
    items, laid out with a blank line before them (on a few pages list items sit on adjacent
    lines); runs of chrome between paragraph gaps (None) are menus and lists, laid out on
    adjacent lines or spaced by single blank lines (``blanks``: 0 for a site that packs its
    chrome tight, 1 for one that often spaces it). A dump never holds two blank lines in a
    row."""
    # shares measured on real dumps: about 60% of chrome lines follow another line directly,
    # about 12% of body lines do
    p_tight = 0.8 if blanks == 0 else 0.5
    tight_items = rng.random() < 0.2
    text: list[str] = []
    prev = ""  # "body", "chrome" or "" after a gap
    run_tight = rng.random() < p_tight
    for it in items:
        if it is None:
            prev = ""
            run_tight = rng.random() < p_tight
            continue
        is_body = it.startswith(BODY)
        it = it.removeprefix(BODY)
        if is_body:
            tight = tight_items and prev == "body" and is_item(it) and is_item(text[-1])
        else:
            tight = prev == "chrome" and run_tight
        if text and not tight:
            text.append("")
        # innerText sometimes leaves a trailing space
        text.append(it + (" " if rng.random() < 0.03 else ""))
        prev = "body" if is_body else "chrome"
    return "\n".join(text).strip("\n") + "\n"


def main() -> None:
    skins = read_skins(PARTS / "skins.txt")
    heads = [h.strip() for h in (PARTS / "headlines.txt").read_text().splitlines() if h.strip()]
    pools = read_pools(PARTS / "chrome.txt")
    n = 0
    for path in sorted((PARTS / "bodies").glob("*.txt")):
        body = read_body(path)
        skin = skins[body.skin]
        text, gold = page_for(body, skin, heads, pools)
        (PAGES / f"{body.name}.txt").write_text(text)
        (PAGES / f"{body.name}.body.txt").write_text(gold + "\n")
        n += 1
    print(f"wrote {n} pages to {PAGES}")


if __name__ == "__main__":
    main()
