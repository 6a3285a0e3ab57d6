"""Dates on a page: absolute ones need a year; relative ones need an anchor."""

from __future__ import annotations

from datetime import date

from rashomon.extract.dates import find_dates, parse_anchor, relative_date


def isos(text: str) -> list[str]:
    return [f.iso for f in find_dates(text)]


def test_day_month_year_with_time_and_zone() -> None:
    assert isos("Mon, 3 June 2024 14:05 GMT") == ["2024-06-03T14:05:00+00:00"]


def test_month_day_year_with_pm_and_updated_label() -> None:
    found = find_dates("Posted: March 4, 2023 at 9:15 pm | Updated: March 5, 2023 at 8:00 am")
    assert [f.iso for f in found] == ["2023-03-04T21:15:00", "2023-03-05T08:00:00"]
    assert [f.updated for f in found] == [False, True]


def test_zone_abbreviations() -> None:
    assert isos("Nov. 19, 2019 10:16 p.m. EST") == ["2019-11-19T22:16:00-05:00"]
    assert isos("3 June 2024 14:05 IST") == ["2024-06-03T14:05:00"]


def test_plain_dates() -> None:
    assert isos("11 October, 2021") == ["2021-10-11"]
    assert isos("Friday 1st April 2022") == ["2022-04-01"]
    assert isos("2020-07-09T06:30:00Z") == ["2020-07-09T06:30:00+00:00"]


def test_month_names_of_other_languages() -> None:
    assert isos("Текст: Анна Рыбина · 7 ноября 2021") == ["2021-11-07"]
    assert isos("12 de março de 2020") == ["2020-03-12"]
    assert isos("Pubblicato il 3 maggio 2022, 18:40") == ["2022-05-03T18:40:00"]
    assert isos("4 тома 2020") == []  # not a month


def test_no_year_or_ambiguous_order_gives_nothing() -> None:
    assert isos("The vote is on October 12") == []
    assert isos("04/05/2021") == []
    assert isos("31/05/2021") == ["2021-05-31"]


def test_relative_dates_need_an_anchor() -> None:
    anchor = date(2024, 6, 5)  # a Wednesday
    assert relative_date("3 days ago", anchor) == "2024-06-02"
    assert relative_date("published yesterday", anchor) == "2024-06-04"
    assert relative_date("the talks ended on Monday", anchor) == "2024-06-03"
    assert relative_date("no date here", anchor) is None


def test_parse_anchor() -> None:
    assert parse_anchor("2024-06-05T10:00:00") == date(2024, 6, 5)
    assert parse_anchor(None) is None


def test_numeric_dates_month_first_when_unambiguous() -> None:
    assert isos("Posted 10/23/2022") == ["2022-10-23"]
    assert isos("10.23.2022 08:40 AM") == ["2022-10-23T08:40:00"]
    assert isos("Updated: 23.10.2022 / 17:05") == ["2022-10-23T17:05:00"]


def test_two_digit_year_only_before_a_time() -> None:
    assert isos("10/23/22 4:10 PM") == ["2022-10-23T16:10:00"]
    assert isos("mix 1/2/19 cups") == []
    assert isos("scores of 10/23/22 in the final") == []


def test_us_zones_without_standard_or_daylight_follow_the_date() -> None:
    assert isos("Mar. 3, 2024 7:04 pm ET") == ["2024-03-03T19:04:00-05:00"]
    assert isos("July 4, 2021 9:00 am PT") == ["2021-07-04T09:00:00-07:00"]
    assert isos("March 10, 2024 1:30 am ET") == ["2024-03-10T01:30:00-05:00"]  # DST at 2 a.m.
    assert isos("March 10, 2024 3:30 am ET") == ["2024-03-10T03:30:00-04:00"]
    assert isos("June 3, 2005 10:00 am CT") == ["2005-06-03T10:00:00-05:00"]  # the old rule
    assert isos("3 June 2024 14:05 HST") == ["2024-06-03T14:05:00-10:00"]
    assert isos("3 mars 2024 10:30 et puis") == ["2024-03-03T10:30:00"]  # French 'and'
