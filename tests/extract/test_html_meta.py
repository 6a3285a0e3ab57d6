"""Metadata from markup: JSON-LD, meta tags, and the document itself."""

from __future__ import annotations

from extract.html_pages import ARTICLE_PAGE, BARE_PAGE

from rashomon.extract.html_byline import clean_authors
from rashomon.extract.html_meta import extract_meta, iso_date
from rashomon.extract.html_render import parse


def test_jsonld_and_open_graph() -> None:
    root = parse(ARTICLE_PAGE)
    assert root is not None
    m = extract_meta(root)
    assert m.title == "Harbour bridge closed to cars"
    assert m.outlet == "Northern Gazette"
    assert m.authors == ["Jo Marsh"]
    assert m.published == "2020-03-03T09:30:00+01:00"
    assert m.language == "en"


def test_page_without_metadata() -> None:
    root = parse(BARE_PAGE)
    assert root is not None
    m = extract_meta(root)
    assert m.title == "Bridge closed"
    assert m.outlet == "Harbour Weekly"
    assert m.published is None  # <time> elements are read by the extractor, by position
    assert m.authors == []


def test_iso_date_rejects_placeholders_and_noise() -> None:
    assert iso_date("0001-01-01T00:00:00Z") is None
    assert iso_date("not a date at all") is None
    assert iso_date("2019-11-18T10:45:00Z") == "2019-11-18T10:45:00+00:00"
    assert iso_date("Tue, 19 Nov 2019 13:16:49 GMT") == "2019-11-19T13:16:49+00:00"


def test_authors_are_names_without_roles_dates_or_prompts() -> None:
    assert clean_authors(["By STEVE PEOPLES, AP National Political Writer"]) == ["STEVE PEOPLES"]
    assert clean_authors(["Analysis by Chris Cillizza, CNN Editor-at-large"]) == \
        ["Chris Cillizza"]
    assert clean_authors(["Lisa Kaczke and Trevor J. Mitchell"]) == \
        ["Lisa Kaczke", "Trevor J. Mitchell"]
    assert clean_authors(["Jo Marsh | Special to the Gazette", "Name (required)"]) == \
        ["Jo Marsh"]
    assert clean_authors(["JANE DOE NOVEMBER 20, 2019 10:43"]) == []


def test_site_name_h1_is_not_the_headline() -> None:
    root = parse("<html><head><title>Why rivers flood | River Blog</title>"
                 "<meta property='og:site_name' content='River Blog'></head><body>"
                 "<h1>River Blog</h1><h1>Why rivers flood</h1></body></html>")
    assert root is not None
    m = extract_meta(root)
    assert (m.title, m.outlet) == ("Why rivers flood", "River Blog")


def test_titles_from_h1_alone_or_nothing() -> None:
    for markup, title in [("<body><p>No title anywhere.</p></body>", None),
                          ("<body><h1>Only a heading</h1><p>Text.</p></body>", "Only a heading")]:
        root = parse(markup)
        assert root is not None
        assert extract_meta(root).title == title


def test_dates_of_reportage_articles_and_microdata() -> None:
    ld = ('<html><head><script type="application/ld+json">{"@type": "ReportageNewsArticle", '
          '"datePublished": "2021-04-02T08:00:00+00:00", "headline": "Dock strike ends"}'
          '</script></head><body><h1>Dock strike ends</h1></body></html>')
    root = parse(ld)
    assert root is not None and extract_meta(root).published == "2021-04-02T08:00:00+00:00"
    micro = ('<html><head><meta property="article:published" itemprop="datePublished '
             'dateCreated" content="2021-04-02T08:00:00.000Z"></head><body><h1>Dock strike '
             'ends</h1></body></html>')
    root = parse(micro)
    assert root is not None and extract_meta(root).published == "2021-04-02T08:00:00+00:00"


def test_newsroom_names_are_not_authors() -> None:
    assert clean_authors(["Jo Marsh, Harbour Business"]) == ["Jo Marsh"]
    assert clean_authors(["Harbour News"]) == []


def test_a_fact_check_keeps_its_writer_not_its_site_as_author() -> None:
    markup = ('<html><head><meta name="author" content="Dana Holt"><script type="application/'
              'ld+json">[{"@type": "WebPage", "name": "Fact check"}, {"@type": "ClaimReview", '
              '"datePublished": "2021-04-02T08:00:00+00:00", "author": {"@type": '
              '"Organization", "name": "Checkwell"}}]</script></head><body><h1>Did the dock '
              'close?</h1></body></html>')
    root = parse(markup)
    assert root is not None
    m = extract_meta(root)
    assert (m.authors, m.published) == (["Dana Holt"], "2021-04-02T08:00:00+00:00")
