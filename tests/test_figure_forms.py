"""Figures in forms the rules met late (own sentences)."""
from __future__ import annotations

import pytest

from load import figures
from load.records import Article


def read(nlp, text):
    doc = nlp(text)
    return [(f.value, f.unit) for f in figures.extract(doc, Article(path="t.txt", sha256="", text=text))]


@pytest.mark.parametrize("text, expected", [
    ("Zambia's grain agency raised the price of a bag of maize to K300, farmers in Zambia said.", [(300.0, "ZMW")]),
    ("The agriculture office in Manila set a cap of P45 per kilo for rice sold in the Philippines.", [(45.0, "PHP")]),
    ("Botswana will raise the old age pension to P1,200 a month, the minister in Gaborone said.", [(1200.0, "BWP")]),
])
def test_a_one_letter_currency_sign_without_a_scale_in_a_report_on_its_country(nlp, text, expected):
    assert read(nlp, text) == expected


@pytest.mark.parametrize("text", [
    "In Britain, a worker who loses a job receives a P45 from the employer.",     # no country of the sign
    "Hospitals in Nigeria asked for more N95 masks for their staff in Lagos.",    # a noun follows: a name
])
def test_a_one_letter_sign_elsewhere_is_no_money(nlp, text):
    assert read(nlp, text) == []


@pytest.mark.parametrize("text, expected", [
    ("The minister presented a TT$59.9 billion budget for the fiscal year.", [(59.9e9, "TTD")]),
    ("The court ordered him to pay Bds$25,000 in compensation.", [(25000.0, "BBD")]),
    ("Log exports earned SI$2.1 billion last year, the central bank said.", [(2.1e9, "SBD")]),
    ("Police said the drugs had a street value of about F$2 billion.", [(2e9, "FJD")]),
    ("Chrome ore exports earned R25.6 billion in 2023.", [(25.6e9, "ZAR")]),
])
def test_the_dollars_and_signs_of_the_caribbean_the_pacific_and_southern_africa(nlp, text, expected):
    assert read(nlp, text) == expected


@pytest.mark.parametrize("text", [
    "The truck overturned on the R21 near the airport.",                   # a road, not rand
    "He was the R2 of the team in the final.",
])
def test_an_r_without_a_scale_word_is_no_rand(nlp, text):
    assert read(nlp, text) == []


def test_a_currency_word_after_a_scale_word(nlp):
    assert read(nlp, "The tenders were worth 1.2 billion leks, prosecutors said.") == [(1.2e9, "ALL")]


def test_a_headlines_bare_dollar_is_the_dollar_the_body_names(nlp):
    text = ("Minister presents $59.9 billion budget\n\n"
            "The finance minister on Monday presented a TT$59.9 billion budget for the fiscal year.")
    assert read(nlp, text) == [(59.9e9, "TTD")]
