from __future__ import annotations

from rashomon.web.present import fmt_date, safe_url, span_timeline, timeline

ARTS = [{"id": "a1", "source_id": "s1", "outlet": "Ledger", "published": "2024-03-01T08:00:00"},
        {"id": "a2", "source_id": "s2", "outlet": None, "published": None},
        {"id": "a3", "source_id": "s3", "outlet": "Ledger", "published": "2024-03-02"}]


def test_only_http_links_survive() -> None:
    assert safe_url("https://x.example/a?b=1") == "https://x.example/a?b=1"
    for bad in ("javascript:alert(1)", "data:text/html,x", "//evil.example", "http:///x",
                None, 3, " JaVaScRiPt:alert(1)"):
        assert safe_url(bad) is None


def test_dates_read_iso_and_keep_unparseable_text() -> None:
    assert fmt_date("2024-03-01T08:05:00+00:00", time=True) == "1 Mar 2024, 08:05"
    assert fmt_date("2024-03-01") == "1 Mar 2024"
    assert fmt_date("last Tuesday") == "last Tuesday"
    assert fmt_date(None) == ""


def test_timeline_places_dated_articles_in_lanes() -> None:
    t = timeline(ARTS)
    assert t is not None and t["undated"] == 1
    assert [lane["name"] for lane in t["lanes"]] == ["Ledger"]
    xs = sorted(d["x"] for d in t["dots"])
    assert xs[0] < xs[-1] <= t["width"]
    assert timeline([{"id": "x", "published": None}]) is None


def test_storyline_bars_span_first_to_last_article() -> None:
    stories = [{"id": "s1", "first_published": "2024-03-01", "last_published": "2024-03-05"},
               {"id": "s2", "first_published": "2024-03-10", "last_published": None},
               {"id": "s3", "first_published": None, "last_published": None}]
    t = span_timeline(stories)
    assert t is not None and t["undated"] == 1
    long, dot = t["bars"]
    assert long["w"] > 0 and dot["w"] == 0 and dot["x"] > long["x"] + long["w"]
    assert span_timeline([stories[2]]) is None
