"""The text-dump extractor on hand-written pages."""

from __future__ import annotations

import numpy as np

from rashomon.extract.text import extract_text
from rashomon.model import Page

PARAS = [
    "The city council voted on Tuesday to close the old river bridge for repairs, after "
    "engineers found cracks in two of its supporting piers during a routine inspection.",
    "The closure will last at least six months, the council said in a statement, and "
    "traffic will be diverted through the northern ring road while the work is done.",
    "Residents who spoke at the meeting said they were worried about longer commutes, but "
    "most agreed that the safety of the bridge had to come first for the whole town.",
    "The mayor said that the repairs would be paid for from the reserve fund and that no "
    "new tax would be needed, a claim that the opposition said it would examine closely.",
]
CHROME_TOP = ["Home", "News", "Sport", "Weather", "Sign in", "Subscribe"]
CHROME_END = ["Share this article", "Facebook", "Twitter", "Related stories",
              "Privacy policy", "Terms of use", "© 2024 Example Media"]


def make_page() -> str:
    top = "\n".join(CHROME_TOP)
    body = "\n\n".join(PARAS)
    return f"{top}\n\nCouncil closes river bridge for repairs\n\n{body}\n\n" + "\n".join(CHROME_END)


def test_body_is_the_paragraphs_with_exact_offsets() -> None:
    text = make_page()
    art = extract_text(Page(source="t", source_id="t", text=text))
    assert art is not None
    assert art.body == PARAS
    for span in art.body_spans:
        assert text[span.start : span.end] == span.text
    assert art.text == text
    assert art.id == Page(source="t", source_id="t", text=text).id


def test_chrome_is_removed_with_offsets() -> None:
    text = make_page()
    art = extract_text(Page(source="t", source_id="t", text=text))
    assert art is not None
    for r in art.removed:
        assert text[r.start : r.end] == r.text
    for line in ("Subscribe", "Privacy policy", "Share this article"):
        pos = text.index(line)
        assert any(r.start <= pos < r.end for r in art.removed), line
    kinds = {r.kind for r in art.removed}
    assert "footer" in kinds and "chrome" in kinds


def test_parts_do_not_overlap() -> None:
    text = make_page()
    art = extract_text(Page(source="t", source_id="t", text=text))
    assert art is not None
    spans = [(s.start, s.end) for s in art.body_spans] + [(r.start, r.end) for r in art.removed]
    if art.title_span:
        spans.append((art.title_span.start, art.title_span.end))
    spans.sort()
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:], strict=False))


def test_empty_page_gives_none() -> None:
    assert extract_text(Page(source="t", source_id="t", text="  \n\n")) is None


def test_hints_take_precedence() -> None:
    page = Page(source="t", source_id="t", text=make_page(), url="https://example.org/a",
                outlet="Example", published="2024-03-01", title="Given title")
    art = extract_text(page)
    assert art is not None
    assert (art.title, art.outlet, art.published, art.url) == (
        "Given title", "Example", "2024-03-01", "https://example.org/a")
    assert art.published_how == "input"


NEWS_PAGE = "\n".join([
    "Support Harbourwire", "",
    "Dockers strike over night shifts at the northern port", "",
    "Dockers strike over night shifts at the northern port",
    "Workers walked out on Monday after talks on night-shift pay broke down, halting cargo "
    "at the country's second port.",
    "4 min read",
    "Mon, 3 June 2024 14:05 GMT",
    "Cranes stand idle at the northern port [AFP]",
    "Dock workers at the northern port walked off the job on Monday morning after talks over "
    "night-shift pay collapsed late on Sunday, union officials said.", "",
    "The strike has halted the loading of container ships and left dozens of trucks queuing "
    "outside the gates, according to a port spokesman who asked not to be named.", "",
    "The union says night shifts have doubled in two years while pay has stayed the same, "
    "and that several workers have been injured during poorly lit operations.", "",
    "Read more: Port expansion plan faces fresh delays", "",
    "The port authority said it was ready to return to talks but would not accept what it "
    "called an unaffordable demand for a forty percent rise in night pay.", "",
    "Both sides are due to meet again on Thursday with a government mediator present.", "",
    "More on this topic:", "",
    "Rosa Vidal", "",
    "Good for them, night work without proper light is dangerous for everyone.", "", "",
    "They will settle by Friday, they always do.", "",
    "Karim Haddad", "",
    "Another strike, another week of empty shelves for the rest of us.", "",
    "Ilse Brandt", "",
    "The mediator should publish the offers so that people can judge for themselves.", "",
    "Lonely girl here, I want a real man who can give me love and care. Visit my profile!", "",
    "Would love your thoughts, please comment.x",
])


def test_full_page_parts() -> None:
    art = extract_text(Page(source="n", source_id="n", text=NEWS_PAGE))
    assert art is not None
    assert art.title == "Dockers strike over night shifts at the northern port"
    assert art.title_span is not None and art.title_span.start == NEWS_PAGE.index(art.title)
    assert art.subtitle is not None and art.subtitle.startswith("Workers walked out")
    assert art.published == "2024-06-03T14:05:00+00:00" and art.published_how == "page-date"
    assert art.outlet == "Harbourwire"
    assert art.language == "en"
    assert len(art.body) == 5 and art.body[0].startswith("Dock workers")
    assert not any("Read more" in b for b in art.body)
    kinds = {r.kind for r in art.removed}
    assert {"title-repeat", "caption", "related", "widget", "comment-label"} <= kinds
    authors = [c.author for c in art.comments]
    assert authors[:2] == ["Rosa Vidal", None] and "Karim Haddad" in authors
    assert [c.spam for c in art.comments].count(True) == 1
    for c in art.comments:
        assert NEWS_PAGE[c.start : c.end] == c.text
        if c.author:
            assert NEWS_PAGE[c.author_start : c.author_end] == c.author


def test_a_heading_that_ends_the_body_is_dropped(monkeypatch) -> None:
    from rashomon.extract import text as text_mod

    page = (f"Council closes river bridge\n\n{PARAS[0]}\n\nWhat happens next\n\n{PARAS[1]}\n\n"
            f"{PARAS[2]}\n\nLocal politics\n\nPrivacy policy")
    # the model keeps everything but the footer: the trailing section tag must still go
    monkeypatch.setattr(text_mod, "body_probabilities",
                        lambda lines, *a, **k: [0.9] * (len(lines) - 1) + [0.1])
    art = extract_text(Page(source="t", source_id="t", text=page))
    assert art is not None
    assert "What happens next" in art.body  # a subheading with text after it stays
    assert "Local politics" not in art.body and art.body[-1] == PARAS[2]


def test_language_sample_is_cut_with_its_tokens() -> None:
    from rashomon.extract.lines import split_lines, tokens
    from rashomon.extract.text import _body_head

    lines = split_lines("Menu\nThe bridge closed, said Jane.\nShare\nIt reopens on Monday.")
    body = [False, True, False, True]
    text, toks = _body_head(lines, body, 38)
    # the second body line is cut inside 'reopens': its tokens are those of what is left
    assert text == "The bridge closed, said Jane. It reope"
    assert toks == tokens(text) == ["the", "bridge", "closed", "said", "jane", "it", "reope"]
    assert _body_head(lines, body, 1000) == (
        "The bridge closed, said Jane. It reopens on Monday.",
        ["the", "bridge", "closed", "said", "jane", "it", "reopens", "on", "monday"])


def test_a_teaser_cut_off_before_a_read_more_link_is_related(monkeypatch) -> None:
    from rashomon.extract import text as text_mod

    teaser = ("Engineers at the harbour found rust on the old crane last month, and the port "
              "authority said on Friday that it would close the quay for at least a week while "
              "the repairs,...")
    page = (f"Council closes river bridge\n\n{PARAS[0]}\n\n{PARAS[1]}\n\n{PARAS[2]}\n\n"
            f"{teaser}\nRead More\n\nPrivacy policy")
    # the model keeps the teaser: the cut-off sentence before 'Read More' must still go
    monkeypatch.setattr(text_mod, "body_probabilities",
                        lambda lines, *a, **k: [0.9] * (len(lines) - 2) + [0.1, 0.1])
    art = extract_text(Page(source="t", source_id="t", text=page))
    assert art is not None
    assert teaser not in art.body and art.body[-1] == PARAS[2]
    assert any(r.kind == "related" and r.text == teaser for r in art.removed)


def test_a_page_where_no_line_reaches_even_odds_keeps_its_likeliest_lines(monkeypatch) -> None:
    from rashomon.extract import text as text_mod

    page = f"Council closes river bridge\n\n{PARAS[0]}\n\n{PARAS[1]}\n\nPrivacy policy"
    monkeypatch.setattr(text_mod, "body_probabilities",
                        lambda lines, *a, **k: [0.02, 0.3, 0.2, 0.01])
    art = extract_text(Page(source="t", source_id="t", text=page))
    assert art is not None
    assert art.body == [PARAS[0], PARAS[1]]


def test_standfirst_far_above_the_body_is_the_subtitle() -> None:
    from rashomon.extract.lines import split_lines
    from rashomon.extract.text import _find_subtitle

    share = [f"Share this on site {k}" for k in range(12)]
    body = "The port authority said on Friday that two ships had been held at anchor overnight."
    lines = split_lines("\n".join(
        ["Ships held at anchor", "A customs find at dawn kept two ships outside the harbour "
         "for a night and a day.", "By Ana Ruiz", *share, body, body, body]))
    mask = [ln.text == body for ln in lines]
    assert _find_subtitle(lines, mask, 0) == 1
    lines = split_lines("\n".join(["Ships held at anchor", "Ships and crews stuck outside the "
                                   "harbour of Valletta", *share, body, body]))
    assert _find_subtitle(lines, [ln.text == body for ln in lines], 0) is None


def test_the_comment_thread_ends_the_article_unless_more_of_it_follows() -> None:
    para = ("The regional assembly approved the new water budget on Thursday after a long "
            "debate, and farmers said the drought had hurt them more than the city knew.")
    teaser = ("A guide to every setting of the new camera, with the ones most people never "
              "change and why the defaults are a sound place to start for most of us.")
    text = "\n\n".join(["Water budget passes after long debate", para, para.replace(
        "Thursday", "Friday"), para.replace("Thursday", "Monday"), "12 Comments", "Lee Park",
        "Good summary of the debate, thanks.", "[ Read All Comments ]", "Guides", teaser,
        teaser.replace("camera", "phone")])

    class Prose:
        """A line model that calls every line of 12 words or more article text."""

        def predict_proba(self, x: np.ndarray) -> np.ndarray:
            return np.where(np.expm1(x[:, 1]) + 1.0 >= 12, 0.9, 0.1)

    page = Page(source="t", source_id="t", text=text)
    art = extract_text(page, Prose())  # type: ignore[arg-type]
    assert art is not None and [c.author for c in art.comments] == ["Lee Park"]
    assert "guide to every setting" not in art.body_text and "water budget" in art.body_text
    # a comment widget inside the article, with more of the article after it than before
    more = [para.replace("Thursday", day) for day in ("Tuesday", "Sunday", "Saturday")]
    text = "\n\n".join(["Water budget passes after long debate", para, para.replace(
        "Thursday", "Friday"), para.replace("Thursday", "Monday"), "12 Comments", "Lee Park",
        "Good summary of the debate, thanks.", "[ Read All Comments ]", *more, *more])
    art = extract_text(Page(source="t", source_id="t", text=text), Prose())  # type: ignore[arg-type]
    assert art is not None and "Saturday" in art.body_text


def test_the_thread_is_found_past_a_section_that_holds_no_comment() -> None:
    # a count over the links to other posts, then the site's latest comments on other
    # articles (each cut short), then the article's own thread
    sidebar = ["Recent Comments", "Mara Vell: Nobody told the parents about the new bus ti…",
               "Oskar: The same thing happened at the east entrance last ye…",
               "Mara Vell: Thanks for the update, I had no idea the depot cl…"]
    text = make_page().replace("Share this article", "\n".join([
        "4 Comments", "Previous post", "Next post", "Recent Posts",
        "Library extends its weekend hours", *sidebar[:1], "Comments", *sidebar[1:],
        "2 Responses", "lou_walks says:", "June 3, 2024 at 8:15 pm",
        "The northern ring road is already jammed at eight in the morning.", "Reply"]))
    art = extract_text(Page(source="t", source_id="t", text=text))
    assert art is not None
    assert [(c.author, c.text) for c in art.comments] == [
        ("lou_walks", "The northern ring road is already jammed at eight in the morning.")]
    assert "supporting piers" in art.body_text and "Mara" not in art.body_text


def test_an_author_box_under_the_article_names_its_author() -> None:
    box = "Ines Carvalho is a senior transport writer at the Courier."
    text = make_page().replace("Related stories", box)
    art = extract_text(Page(source="t", source_id="t", text=text))
    assert art is not None and art.authors == ["Ines Carvalho"]
    assert [r.reason for r in art.removed if r.text == box] == ["about the author"]
    # ... a writer a reader names in the comments is not the author
    thread = "\n".join(["2 Comments", "Ravi", "", "Dana Holt is a travel writer who warned "
                         "about this bridge years ago.", "Pia", "",
                         "The detour adds half an hour each way."])
    text = make_page().replace("Related stories", thread)
    art = extract_text(Page(source="t", source_id="t", text=text))
    assert art is not None and art.authors == [] and len(art.comments) == 2


def test_pages_extracted_together_are_extracted_as_alone() -> None:
    from rashomon.extract.site import SiteChrome
    from rashomon.extract.text import extract_texts

    site = SiteChrome(min_pages=2)
    pages = []
    for i in range(5):
        text = make_page().replace("Tuesday", ["Monday", "Friday", "Sunday"][i % 3])
        pages.append(Page(source=f"p{i}", source_id=f"p{i}", text=text,
                          url=f"https://example.org/news/{i}"))
        site.add(pages[-1])
    pages.insert(2, Page(source="blank", source_id="blank", text="\n  \n"))
    got = list(extract_texts(pages, site=site, batch=4))
    assert [page for page, _ in got] == pages
    assert got[2][1] is None
    for page, art in got:
        alone = extract_text(page, site_chrome=site.keys(page))
        assert (art and art.to_dict()) == (alone and alone.to_dict())
    assert any(r.reason == "repeated on other pages of the site"
               for r in got[0][1].removed)


def test_a_page_that_breaks_a_batch_is_reported_alone(monkeypatch) -> None:
    from rashomon.extract import Extract, text

    def boom(pages, *args, **kw):
        raise ValueError("hostile")
        yield

    pages = [Page(source=f"p{i}", source_id=f"p{i}", text=make_page()) for i in range(3)]
    pages.append(Page(source="blank", source_id="blank", text=""))
    skipped = []
    step = Extract(on_skip=lambda where, why: skipped.append((where, why)))
    together = [a.to_dict() for a in step.run(pages)]
    monkeypatch.setattr(text, "extract_texts", boom)
    alone = [a.to_dict() for a in Extract().run(pages)]
    assert len(together) == 3 and together == alone
    assert skipped == [("blank", "no article text found")]
