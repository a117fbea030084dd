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
