"""Holidays and clauses set a stated time apart, as event dates (own sentences)."""
from __future__ import annotations

import pytest

from load.casualties import extract
from load.dates import DateContext
from load.records import Article


def context(nlp, text, published):
    doc = nlp(text)
    article = Article(path="t.txt", sha256="", text=text, published=published, published_precision="day" if published else None)
    return doc, article, DateContext(doc, article)


def holiday(nlp, text, published):
    _, _, ctx = context(nlp, text, published)
    found = [e for e in ctx.expressions if e.kind == "holiday"]
    assert len(found) == 1, [(e.span.text, e.kind) for e in ctx.expressions]
    return found[0].value


@pytest.mark.parametrize("text, published, iso", [
    ("Two riders were killed in a crash on Christmas Day, police said.", "2023-12-27", "2023-12-25"),
    ("A fisherman drowned on New Year's Eve near the harbour.", "2024-01-02", "2023-12-31"),   # the year before
    ("Four swimmers drowned on Boxing Day at the beach.", "2024-12-27", "2024-12-26"),
    ("A guard was stabbed outside the chapel on Easter Sunday.", "2024-04-02", "2024-03-31"),  # Western Easter 2024
    ("The shop was looted on Good Friday, the owner said.", "2025-04-23", "2025-04-18"),
    ("The bridge will open on New Year’s Day, the mayor said.", "2024-12-20", "2025-01-01"),  # a future clause
    ("The market burned down on Christmas Day 2019.", "2024-05-02", "2019-12-25"),              # its own year
])
def test_a_holiday_is_the_day_it_falls_on_before_publication(nlp, text, published, iso):
    value = holiday(nlp, text, published)
    assert (value.iso, value.precision) == (iso, "day")


@pytest.mark.parametrize("text, published", [
    ("Eight people drowned in the river on Eid al-Fitr, rescuers said.", "2024-04-12"),      # the moon decides
    ("Three people were killed on Diwali when a stall caught fire.", "2024-11-04"),
    ("A bus crashed on Christmas Day, killing two.", None),                                # no publication date
    ("Two were killed on Good Friday in a shelling of Odesa, Ukraine.", "2024-05-08"),   # which Easter?
])
def test_a_holiday_the_text_does_not_pin_down_keeps_its_raw_text(nlp, text, published):
    value = holiday(nlp, text, published)
    assert value.iso is None and value.raw


def test_holiday_words_that_name_something_else_are_no_dates(nlp):
    _, _, ctx = context(nlp, "The Good Friday Agreement was signed in Belfast. Police guarded the Christmas market.",
                        "2024-12-10")
    assert not [e for e in ctx.expressions if e.kind == "holiday"]


def test_a_holiday_is_no_place_of_an_incident(nlp):
    doc, article, ctx = context(nlp, "Four teenagers drowned at Mile Beach in the Coastal Municipality on Boxing Day, "
                                     "the fire service said.", "2024-12-27")
    [incident] = extract(doc, article, ctx)
    assert "Boxing" not in (incident.place or "") and incident.date.iso == "2024-12-26"


def test_a_clause_a_day_after_another_dates_the_other_a_day_before(nlp):
    doc, article, ctx = context(nlp, "A reporter was shot dead in the hill town on Tuesday, a day after a soldier was "
                                     "killed in an attack on an army post.", "2024-09-18")
    dates = sorted(c.date.iso for i in extract(doc, article, ctx) for c in i.counts if c.kind == "killed")
    assert dates == ["2024-09-16", "2024-09-17"]


def test_a_gap_of_hours_leaves_the_other_clause_undated(nlp):
    doc, article, ctx = context(nlp, "A reporter was shot dead in the hill town on Tuesday, hours after a soldier was "
                                     "killed in an attack on an army post.", "2024-09-18")
    killed = {c.victims: c.date for i in extract(doc, article, ctx) for c in i.counts if c.kind == "killed"}
    assert killed.get("reporter").iso == "2024-09-17"
    assert killed.get("soldier") is None or killed["soldier"].iso is None
