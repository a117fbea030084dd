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
