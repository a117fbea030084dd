"""Publication dates in the forms of wire copy and scraped pages from many regions (own sentences)."""
from __future__ import annotations

import pytest

from load.reader import read_article

LEAD = "The port authority said two cranes had been damaged by the storm on Monday, and repairs would take weeks."
MORE = "Dockers said the night shift was sent home early.\n\nThe authority said shipping would resume by Friday."


def read_text(tmp_path, text: str, name: str = "page.txt"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return read_article(path)


@pytest.mark.parametrize("stamp", [
    "Published: August 5, 2024",
    "Published on: Monday, 5 August 2024",
    "Published 05/08/2024 14:32",
])
def test_a_stamp_below_the_lead_gives_the_date_and_does_not_end_the_article(tmp_path, stamp):
    article = read_text(tmp_path, f"Storm damages cranes at the port\n\nPORTVILLE: {LEAD}\n\n{stamp}\n\n{MORE}\n"
                                  "The tender for new cranes closed on 28/07/2024.\n")
    assert (article.published, article.published_source) == ("2024-08-05", "published-line")
    assert "shipping would resume" in article.text and stamp not in article.text


def test_a_published_in_line_after_the_article_still_ends_it(tmp_path):
    article = read_text(tmp_path, f"Storm damages cranes at the port\n\n{LEAD}\n\n{MORE}\n\n"
                                  "Published in Harbour Times, August 5th, 2024\n\nRead more: other stories today\n")
    assert article.published == "2024-08-05" and "Read more" not in article.text


def test_an_update_stamp_below_the_lead_is_not_the_publication_date(tmp_path):
    article = read_text(tmp_path, f"Storm damages cranes at the port\n\n{LEAD}\n\nUpdated: August 6, 2024\n\n{MORE}\n")
    assert article.published is None


@pytest.mark.parametrize("line, expected", [
    ("PORTVILLE, 6 August 2024 (AFP) -", "2024-08-06"),          # the dateline on a line of its own
    ("Portville, Tuesday 6 August 2024 (PAP)", "2024-08-06"),     # a place line with the agency after the date
])
def test_a_dateline_line_under_the_headline_with_its_agency(tmp_path, line, expected):
    article = read_text(tmp_path, f"Storm damages cranes at the port\n{line}\n\n{LEAD}\n\n{MORE}\n")
    assert article.published == expected


def test_a_dateline_with_its_date_in_brackets(tmp_path):
    article = read_text(tmp_path, f"Storm damages cranes at the port\n\nPORTVILLE, Eastland (Aug. 6, 2024) — {LEAD}\n\n{MORE}\n")
    assert (article.published, article.published_source, article.dateline) == ("2024-08-06", "dateline", "Portville")


def test_a_lower_case_month_in_an_agency_dateline_is_read_as_its_day(tmp_path):
    article = read_text(tmp_path, f"Storm damages cranes at the port\n\nPORTVILLE, 6 aug (EFE).- {LEAD}\n\n{MORE}\n")
    assert article.published is None                  # no year: never guessed
    assert (article.published_raw, article.published_source) == ("6 aug", "dateline-without-year")


@pytest.mark.parametrize("line", [
    "Portville - 6 August 2024 (PNA)",
    "Portville, 6 August 2024 (PNA Business) \u2013",
    "PORTVILLE, Eastland, 6 August 2024 (PNA)",
])
def test_a_dateline_line_with_its_agency_above_the_headline(tmp_path, line):
    article = read_text(tmp_path, f"{line}\n\nStorm damages cranes at the port\n\n{LEAD}\n\n{MORE}\n")
    assert (article.published, article.published_source, article.dateline) == ("2024-08-06", "dateline", "Portville")


def test_a_place_and_date_line_on_a_page_without_a_headline(tmp_path):
    article = read_text(tmp_path, f"PORT BULLETIN\nWindhoek, 16/08/2024\n\n{LEAD}\n\n{MORE}\n")
    assert (article.published, article.dateline) == ("2024-08-16", "Windhoek")


@pytest.mark.parametrize("head", [
    "Tuesday, 6 August 2024\nStorm damages cranes at the port",          # a site header's today-date
    "Windhoek, 16/08/2024\nStorm damages cranes at the port",            # no agency, above a headline
])
def test_a_date_line_above_the_headline_without_an_agency_is_no_publication_date(tmp_path, head):
    assert read_text(tmp_path, f"{head}\n\n{LEAD}\n\n{MORE}\n").published is None


def test_an_ambiguous_numeric_stamp_is_read_the_way_the_datelines_day_and_month_allow(tmp_path):
    text = f"PORTVILLE, 6 may (EFE).- {LEAD}\n\nPublished: 05/06/2024 14:32\n\n{MORE}\n"
    assert read_text(tmp_path, text).published == "2024-05-06"
    # the same stamp without a dateline to tell day from month: no date
    text = f"Storm damages cranes at the port\n\n{LEAD}\n\nPublished: 05/06/2024 14:32\n\n{MORE}\n"
    assert read_text(tmp_path, text).published is None
    # a dateline whose day and month are neither reading: no date either
    text = f"PORTVILLE, 7 may (EFE).- {LEAD}\n\nPublished: 05/06/2024 14:32\n\n{MORE}\n"
    assert read_text(tmp_path, text).published is None


@pytest.mark.parametrize("line, expected", [
    ("Published: Monday | August 5, 2024 | 12:08 AM", "2024-08-05"),   # the weekday in a segment of its own
    ("Harbour news agency, 05.08.2024 09:12", "2024-08-05"),           # a byline of lower-case words
])
def test_stamps_under_the_headline(tmp_path, line, expected):
    article = read_text(tmp_path, f"Storm damages cranes at the port\n{line}\n\n{LEAD}\n\n{MORE}\n")
    assert article.published == expected
