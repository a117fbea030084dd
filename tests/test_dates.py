"""Date expressions resolved against the article's own reference (load.dates)."""
from __future__ import annotations

import pytest

from load.dates import DateContext, classify, explicit_full_dates, parse_published
from load.records import Article


def context(nlp, text, published=None, explicit=()):
    doc = nlp(text)
    article = Article(path="t.txt", sha256="", text=text, published=published,
                      published_precision="day" if published else None, explicit_dates=list(explicit))
    return doc, DateContext(doc, article)


def value_of(ctx, raw):
    hits = [e.value for e in ctx.expressions if e.span.text == raw]
    assert hits, [e.span.text for e in ctx.expressions]
    return hits[0]


# ---------------------------------------------------------------- parse_published

@pytest.mark.parametrize("raw, expected", [
    ("November 22, 2019", ("2019-11-22", "day")),
    ("November 20th, 2019", ("2019-11-20", "day")),
    ("2019-11-22", ("2019-11-22", "day")),
    ("22 Nov 2019", ("2019-11-22", "day")),
    ("March 2021", ("2021-03-01", "month")),
])
def test_parse_published_reads_byline_dates(raw, expected):
    assert parse_published(raw) == expected


@pytest.mark.parametrize("raw", ["February 30, 2019", "February 30", "November 22", "yesterday", "", "two days ago"])
def test_parse_published_rejects_impossible_or_yearless_dates(raw):
    assert parse_published(raw) is None


# ---------------------------------------------------------------- weekdays

def test_weekday_is_on_or_before_the_publication_date(nlp):
    # 2021-03-10 is a Wednesday
    _, ctx = context(nlp, "The minister met the ambassador in Rome on Monday.", "2021-03-10")
    v = value_of(ctx, "Monday")
    assert (v.iso, v.precision, v.reference) == ("2021-03-08", "day", "published")


def test_weekday_equal_to_reference_is_that_day(nlp):
    _, ctx = context(nlp, "The two leaders held talks in Ankara on Wednesday.", "2021-03-10")
    assert value_of(ctx, "Wednesday").iso == "2021-03-10"


def test_weekday_with_part_of_day(nlp):
    _, ctx = context(nlp, "The envoy arrived in Doha on Thursday night to meet officials.", "2021-03-10")
    assert ctx.expressions[0].value.iso == "2021-03-04"


def test_weekday_resolves_against_explicit_date_when_no_publication(nlp):
    text = ("The foreign minister held talks with his counterpart on Wednesday.\n"
            "The ministers meet in Ankara on March 10, 2021. (Photo by AFP)")
    _, ctx = context(nlp, text, explicit=[("2021-03-10", "March 10, 2021")])
    v = value_of(ctx, "Wednesday")
    assert (v.iso, v.reference) == ("2021-03-10", "explicit:2021-03-10")


def test_no_reference_gives_null_with_raw_kept(nlp):
    _, ctx = context(nlp, "The minister arrived in Rome on Friday for talks.")
    v = value_of(ctx, "Friday")
    assert v.iso is None and v.raw == "Friday"


# ---------------------------------------------------------------- calendar dates

def test_full_date_is_absolute(nlp):
    _, ctx = context(nlp, "The treaty was signed in Vienna on June 3, 2015.")
    v = value_of(ctx, "June 3, 2015")
    assert (v.iso, v.precision, v.reference) == ("2015-06-03", "day", "absolute")


def test_yearless_date_takes_the_year_on_or_before_reference(nlp):
    _, ctx = context(nlp, "Protesters were detained on December 28. Talks resumed on March 2.", "2021-03-10")
    assert value_of(ctx, "December 28").iso == "2020-12-28"
    assert value_of(ctx, "March 2").iso == "2021-03-02"


def test_yearless_date_a_few_days_ahead_keeps_the_year(nlp):
    _, ctx = context(nlp, "The delegation is due to arrive on March 14.", "2021-03-10")
    assert value_of(ctx, "March 14").iso == "2021-03-14"


def test_month_only_has_month_precision_and_first_day(nlp):
    _, ctx = context(nlp, "In February, a convoy was attacked near the border.", "2019-11-22")
    v = value_of(ctx, "February")
    assert (v.iso, v.precision) == ("2019-02-01", "month")


def test_month_this_year(nlp):
    _, ctx = context(nlp, "The prime minister visited Oman in April this year with his ministers.", "2019-11-20")
    v = ctx.expressions[0].value
    assert (v.iso, v.precision) == ("2019-04-01", "month")


def test_year_only_has_year_precision(nlp):
    _, ctx = context(nlp, "The port was completed in 2016 after years of delays.", "2019-11-20")
    v = ctx.expressions[0].value
    assert (v.iso, v.precision) == ("2016-01-01", "year")


# ---------------------------------------------------------------- not event dates

@pytest.mark.parametrize("text", [
    "The minister was on a two-day visit to the capital.",
    "This was his second visit in six months.",
    "The 52-year-old general took office last year.",
    "The rally came after he won the 2018 elections.",
])
def test_durations_ages_and_labels_are_not_event_dates(nlp, text):
    doc, ctx = context(nlp, text, "2021-03-10")
    values = [e for e in ctx.expressions if e.value and e.value.precision == "day"]
    assert values == []
    assert all(e.span.text not in ("two-day", "six months", "2018", "the 2018") for e in ctx.expressions)


def test_classify_two_day_is_none(nlp):
    doc = nlp("He was on a two-day trip.")
    span = next(e for e in doc.ents if e.label_ == "DATE")
    assert classify(span) is None


# ---------------------------------------------------------------- narrative

NARRATIVE = ("ISLAMABAD: The army chief and Turkish leaders agreed on closer cooperation on Tuesday. "
             "The general was on a two-day trip to Turkey. "
             "He had commenced his trip a day earlier by meeting the chief of general staff. "
             "On the second day of his visit, the army chief met the president.")


def test_a_day_earlier_counts_from_the_story_date(nlp):
    _, ctx = context(nlp, NARRATIVE, "2019-11-20")          # a Wednesday
    assert value_of(ctx, "Tuesday").iso == "2019-11-19"
    v = value_of(ctx, "a day earlier")
    assert (v.iso, v.inferred) == ("2019-11-18", "narrative:2019-11-19")


def test_second_day_of_visit_counts_from_trip_start(nlp):
    _, ctx = context(nlp, NARRATIVE, "2019-11-20")
    assert ctx.trip_start.iso == "2019-11-18"
    assert value_of(ctx, "the second day").iso == "2019-11-19"


def test_date_for_prefers_the_date_attached_to_the_event_verb(nlp):
    doc, ctx = context(nlp, NARRATIVE, "2019-11-20")
    met = next(t for t in doc if t.text == "met")
    assert ctx.date_for(met).iso == "2019-11-19"
    meeting = next(t for t in doc if t.text == "meeting")
    assert ctx.date_for(meeting).iso == "2019-11-18"


def test_earlier_in_the_day_is_the_same_day(nlp):
    text = ("The minister met the prime minister on Wednesday. "
            "Earlier in the day, he met his counterpart at the foreign ministry.")
    _, ctx = context(nlp, text, "2021-03-12")
    assert [e.value.iso for e in ctx.expressions] == ["2021-03-10", "2021-03-10"]


def test_narrative_without_a_story_date_is_null(nlp):
    _, ctx = context(nlp, "A day later, police arrested two suspects.", "2021-03-12")
    v = ctx.expressions[0].value
    assert v.iso is None and v.raw == "A day later"


def test_date_for_sentence_without_date_is_none(nlp):
    doc, ctx = context(nlp, "The ministers met on Monday. They discussed trade.", "2021-03-10")
    assert ctx.date_for(1) is None
    assert ctx.date_for(0).iso == "2021-03-08"


def test_explicit_full_dates_from_entities(nlp):
    doc = nlp("Ministers meet in Islamabad on November 11, 2020. Talks continue in March.")
    assert explicit_full_dates(doc) == [("2020-11-11", "November 11, 2020")]


# ---------------------------------------------------------------- the publication day and its neighbours

@pytest.mark.parametrize("text, raw", [
    ("Eight men have been arrested today on suspicion of smuggling.", "today"),
    ("Earlier today, the minister met the ambassador at the palace.", "Earlier today"),
    ("The governor said this morning that the road had reopened.", "this morning"),
])
def test_today_is_the_publication_day(nlp, text, raw):
    _, ctx = context(nlp, text, "2021-03-10")
    v = value_of(ctx, raw)
    assert (v.iso, v.precision, v.reference) == ("2021-03-10", "day", "published")


def test_today_without_a_publication_date_is_null_with_raw_kept(nlp):
    _, ctx = context(nlp, "Eight men have been arrested today on suspicion of smuggling.",
                     explicit=[("2019-05-10", "May 10, 2019")])
    v = value_of(ctx, "today")
    assert v.iso is None and v.raw == "today"


def test_overnight_is_the_night_before_publication(nlp):
    _, ctx = context(nlp, "Gunmen attacked the village overnight, killing nine people, police said.", "2021-03-10")
    v = value_of(ctx, "overnight")
    assert (v.iso, v.precision, v.inferred) == ("2021-03-09", "day", "overnight")


def test_overnight_beside_a_weekday_is_dated_by_the_weekday(nlp):
    _, ctx = context(nlp, "Gunmen attacked the village overnight on Saturday, police said.", "2021-03-10")
    assert [e.span.text for e in ctx.expressions] == ["Saturday"]
    assert value_of(ctx, "Saturday").iso == "2021-03-06"


@pytest.mark.parametrize("text, raw, iso", [
    ("Gunmen killed five people on Sunday night in the market town.", "Sunday night", "2021-03-07"),
    ("The flooding began on Monday evening after heavy rains.", "Monday", "2021-03-08"),
    ("The minister held talks during the two-day visit that began Thursday.", "Thursday", "2021-03-04"),
])
def test_weekday_forms(nlp, text, raw, iso):
    _, ctx = context(nlp, text, "2021-03-10")          # a Wednesday
    assert value_of(ctx, raw).iso == iso
    assert all(e.span.text != "two-day" or e.value is None or e.value.iso is None for e in ctx.expressions)


def test_last_weekday_is_strictly_before_and_future_weekday_after(nlp):
    _, ctx = context(nlp, "The army chief met the envoy last Wednesday. The ministers will meet on Monday in Geneva.",
                     "2021-03-10")                      # a Wednesday
    assert value_of(ctx, "last Wednesday").iso == "2021-03-03"
    assert value_of(ctx, "Monday").iso == "2021-03-15"


def test_a_headline_infinitive_is_future(nlp):
    _, ctx = context(nlp, "Ministers to meet in Geneva on Monday", "2021-03-10")
    assert value_of(ctx, "Monday").iso == "2021-03-15"


def test_last_month_and_earlier_this_month_have_month_precision(nlp):
    _, ctx = context(nlp, "The president met the envoy last month in the capital. "
                          "Earlier this month, he visited the port.", "2021-03-10")
    assert (value_of(ctx, "last month").iso, value_of(ctx, "last month").precision) == ("2021-02-01", "month")
    assert (value_of(ctx, "Earlier this month").iso, value_of(ctx, "Earlier this month").precision) == ("2021-03-01", "month")


def test_month_without_year_is_past_unless_the_clause_is_future(nlp):
    _, ctx = context(nlp, "The bridge will open in February, the minister said. The work started in June.", "2021-03-10")
    assert value_of(ctx, "February").iso == "2022-02-01"
    assert value_of(ctx, "June").iso == "2020-06-01"


# ---------------------------------------------------------------- a weekday beside a date checks it

def test_weekday_beside_a_date_that_agrees(nlp):
    _, ctx = context(nlp, "Three soldiers were killed on Tuesday (Mar. 7) in clashes in the hills.", "2023-03-09")
    assert value_of(ctx, "Tuesday").iso == value_of(ctx, "Mar. 7").iso == "2023-03-07"


def test_weekday_beside_a_date_that_disagrees_gives_null(nlp):
    _, ctx = context(nlp, "Three soldiers were killed on Monday (Mar. 7) in clashes in the hills.", "2023-03-09")
    assert value_of(ctx, "Monday").iso is None and value_of(ctx, "Mar. 7").iso is None


def test_yearless_date_without_publication_is_null(nlp):
    _, ctx = context(nlp, "The army said on Monday (Nov 14) that the two hostages were freed.")
    assert value_of(ctx, "Nov 14").iso is None and value_of(ctx, "Monday").iso is None


def test_yearless_date_takes_the_year_of_a_full_date_in_its_paragraph(nlp):
    text = ("The talks began on December 28 and ended on January 3, 2021 in the capital.\n"
            "Officials said the next round would start on March 2.")
    _, ctx = context(nlp, text, explicit=[("2021-01-03", "January 3, 2021")])
    assert value_of(ctx, "December 28").iso == "2020-12-28"
    assert value_of(ctx, "March 2").iso is None       # another paragraph: the year is not evident


# ---------------------------------------------------------------- numeric dates

def test_a_weekday_in_the_phrase_decides_a_numeric_date(nlp):
    _, ctx = context(nlp, "The president conferred on Saturday 4/3/2023 with the visiting defence secretary.", "2023-03-06")
    v = ctx.expressions[0].value
    assert (v.iso, v.precision) == ("2023-03-04", "day")   # 3 April 2023 was a Monday


def test_an_ambiguous_numeric_date_keeps_only_its_year(nlp):
    _, ctx = context(nlp, "The president conferred on 4/3/2023 with the visiting defence secretary.", "2023-03-06")
    v = value_of(ctx, "4/3/2023")
    assert (v.iso, v.precision, v.raw) == ("2023-01-01", "year", "4/3/2023")


def test_the_pages_other_numeric_dates_decide_the_order(nlp):
    _, ctx = context(nlp, "The president conferred on 4/3/2023 with the defence secretary. "
                          "The next round of talks is set for 25/3/2023.", "2023-03-06")
    assert value_of(ctx, "4/3/2023").iso == "2023-03-04"


def test_a_numeric_date_the_ner_misses_is_found(nlp):
    _, ctx = context(nlp, "Police recorded 14.06.2023 as the day of the raid on the warehouse.", "2023-06-20")
    assert value_of(ctx, "14.06.2023").iso == "2023-06-14"


# ---------------------------------------------------------------- captions never anchor the article's dates

OLD_CAPTION = ("The president addresses students in the old capital, Friday, May 10, 2019. (AP Photo/Jane Roe)\n"
               "The president on Thursday met the visiting army chief at the palace.\n"
               "A day later, the army chief flew home.")


def test_a_caption_date_on_another_weekday_does_not_date_the_article(nlp):
    _, ctx = context(nlp, OLD_CAPTION, explicit=[("2019-05-10", "Friday, May 10, 2019")])
    assert value_of(ctx, "Thursday").iso is None
    assert value_of(ctx, "A day later").iso is None   # the caption is no narrative anchor either


def test_no_explicit_date_anchors_an_article_whose_dateline_has_no_year(nlp):
    text = ("The president addresses students in the old capital, Thursday, May 9, 2019. (AP Photo/Jane Roe)\n"
            "PORTVILLE, Sept. 14 (AFP) - The president on Thursday met the visiting army chief at the palace.")
    doc = nlp(text)
    article = Article(path="t.txt", sha256="", text=text, published_raw="Sept. 14", published_source="dateline-without-year",
                      explicit_dates=[("2019-05-09", "Thursday, May 9, 2019")])
    ctx = DateContext(doc, article)
    body = [e.value for e in ctx.expressions if e.sentence > 0 and e.span.text == "Thursday"]
    assert body and body[0].iso is None


def test_a_caption_date_on_the_named_weekday_dates_it(nlp):
    text = ("The president meets the visiting army chief at the palace, Sept. 14, 2023.\n"
            "The president on Thursday met the visiting army chief at the palace.")
    _, ctx = context(nlp, text, explicit=[("2023-09-14", "Sept. 14, 2023")])
    v = value_of(ctx, "Thursday")
    assert (v.iso, v.reference) == ("2023-09-14", "explicit:2023-09-14")


# ---------------------------------------------------------------- date_for

def test_a_forecast_in_another_clause_does_not_date_a_past_event(nlp):
    doc, ctx = context(nlp, "Exports will reach $4 billion by the end of 2026, the president said at a meeting "
                            "with his counterpart.", "2025-05-20")
    meeting = next(t for t in doc if t.lower_ == "meeting")
    assert ctx.date_for(meeting) is None


def test_date_for_can_ask_for_day_precision(nlp):
    doc, ctx = context(nlp, "The president met the envoy last month in the capital.", "2021-03-10")
    met = next(t for t in doc if t.lower_ == "met")
    assert ctx.date_for(met).precision == "month"
    coarse = ctx.date_for(met, precision="day")
    assert coarse.iso is None and coarse.raw == "last month"


def test_a_publication_named_today_is_no_date(nlp):
    _, ctx = context(nlp, "The minister told Oman Today that the talks went well.", "2021-03-10")
    assert [e.value for e in ctx.expressions if e.span.text == "Today"] == []
    _, ctx = context(nlp, "Today, the minister met the envoy in the capital.", "2021-03-10")
    assert value_of(ctx, "Today").iso == "2021-03-10"


# ---------------------------------------------------------------- a day of the month alone

@pytest.mark.parametrize("text, expected", [
    ("On the 3rd, a roadside bomb wounded five police officers.", ("the 3rd", "2024-10-03")),
    ("The army said on the 14th that the post had been overrun.", ("the 14th", "2024-09-14")),   # after the 12th: last month
    ("The runoff will be held on the 28th.", ("the 28th", "2024-10-28")),
    ("Talks opened on March 2 and ended on the 4th.", ("the 4th", "2024-03-04")),                # the month just named
])
def test_a_day_of_the_month_alone_takes_the_named_month_or_the_publications(nlp, text, expected):
    _, ctx = context(nlp, text, "2024-10-12")
    assert value_of(ctx, expected[0]).iso == expected[1]


@pytest.mark.parametrize("text", ["The office is on the 3rd floor of the tower.", "It was his 3rd visit to the region.",
                                  "She finished 3rd in the race."])
def test_an_ordinal_that_is_no_day_is_no_date(nlp, text):
    _, ctx = context(nlp, text, "2024-10-12")
    assert ctx.expressions == []


def test_a_day_of_the_month_alone_without_a_publication_date_stays_raw(nlp):
    _, ctx = context(nlp, "On the 3rd, a roadside bomb wounded five police officers.")
    assert (value_of(ctx, "the 3rd").iso, value_of(ctx, "the 3rd").raw) == (None, "the 3rd")


# ---------------------------------------------------------------- a weekday of another week

@pytest.mark.parametrize("text, raw, expected", [
    ("The crash happened on Tuesday last week.", "Tuesday last week", "2024-10-08"),      # 2024-10-16 is a Wednesday
    ("The crash happened on Friday of last week.", "Friday of last week", "2024-10-11"),
    ("Talks will be held on Thursday next week.", "Thursday", "2024-10-24"),
    ("The market reopened on Monday this week.", "Monday this week", "2024-10-14"),
])
def test_a_weekday_of_last_or_next_week_is_in_that_calendar_week(nlp, text, raw, expected):
    _, ctx = context(nlp, text, "2024-10-16")
    assert value_of(ctx, raw).iso == expected


@pytest.mark.parametrize("text, raw", [("The bodies were found late last month.", "late last month"),
                                       ("The floods began in early last month.", "early last month")])
def test_early_or_late_last_month_is_last_month(nlp, text, raw):
    _, ctx = context(nlp, text, "2024-10-16")
    v = value_of(ctx, raw)
    assert (v.iso, v.precision) == ("2024-09-01", "month")


def test_a_numeric_dateline_in_capitals_is_no_date_of_the_first_sentence(nlp):
    # 10/05/2024 cannot be told apart (10 May or 5 October): the dateline gives no publication date,
    # and it must not date the meeting of the first sentence either
    text = ("ISLAMABAD, 10/05/2024: Prime Minister Jan Roe met the visiting vice premier in the capital on Thursday, "
            "and the two sides signed agreements.")
    doc, ctx = context(nlp, text)
    met = next(t for t in doc if t.text == "met")
    value = ctx.date_for(met, met)
    assert value is None or value.iso is None


@pytest.mark.parametrize("text", ["The quake struck at 3:15 am (2115 GMT Sunday).", "The blast happened at 0530 hrs on Monday.",
                                  "The attack came at 1930 on Monday."])
def test_a_four_digit_time_of_day_is_no_year(nlp, text):
    _, ctx = context(nlp, text, "2024-10-16")
    assert [e.value.iso for e in ctx.expressions if e.value and e.value.precision == "year"] == []


def test_a_day_before_a_month_and_year_belongs_to_the_date(nlp):
    _, ctx = context(nlp, "The attack occurred on 3rd October 2024.", "2024-10-16")
    v = value_of(ctx, "3rd October 2024")
    assert (v.iso, v.precision) == ("2024-10-03", "day")


@pytest.mark.parametrize("text, expected", [
    ("The attack happened on Tuesday, the 8th.", "2024-10-08"),     # 2024-10-08 is a Tuesday
    ("The attack happened on Monday, the 8th.", None),              # they disagree: neither is pinned
])
def test_a_weekday_beside_a_day_of_the_month_must_agree_with_it(nlp, text, expected):
    _, ctx = context(nlp, text, "2024-10-16")
    assert [e.value.iso for e in ctx.expressions] == [expected, expected]


def test_last_night_is_the_night_before_publication_and_nothing_without_it(nlp):
    _, ctx = context(nlp, "Gunmen killed five people in the market late last night, police said.", "2021-03-10")
    v = value_of(ctx, "last night")
    assert (v.iso, v.precision, v.inferred) == ("2021-03-09", "day", "overnight")
    _, ctx = context(nlp, "Gunmen killed five people in the market late last night, police said.")
    assert value_of(ctx, "last night").iso is None


def test_the_night_of_a_day_of_a_month_is_that_day(nlp):
    _, ctx = context(nlp, "Gunmen killed five people on the night of March 3, police said.", "2021-03-10")
    assert value_of(ctx, "the night of March 3").iso == "2021-03-03"
