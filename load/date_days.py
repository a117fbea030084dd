"""Days that a date expression names by their place in a week or a month (for ``dates``).

- ``day_of_month``: "on the 14th" is in a month the story just named ("began on March 12
  and ended on the 14th"), else the latest such day on or before publication (the next one
  in a future clause); "the 21st of this month" in the publication's month.
- ``weekday_of_week``: "Tuesday last week", "Friday of next week", "Monday this week" are
  that weekday of the calendar week (Monday to Sunday) before, after or of the publication
  date's; ``join_weekdays_of_a_week`` reads "Thursday" + "next week" told as two expressions.

Without what they count from (no publication date, no month named), they keep their raw
text and no date: a day the text does not pin down is never guessed.
"""
from __future__ import annotations

from datetime import date, timedelta

from spacy.tokens import Doc

from .date_expressions import MONTHS, WEEKDAY_INDEX, WEEKDAYS, DateExpr, _words
from .records import DateValue

# Words a weekday of another week may carry: "on Tuesday of last week", "late Friday last week".
WEEK_WORDS = {"last", "past", "previous", "next", "this", "week", "of", "on", "the", ",", "early", "late",
              "morning", "afternoon", "evening", "night"}


def _flat(words: list[str]) -> list[str]:
    return [p for w in words for p in w.split("-") if p]


def day_in(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:                            # the 31st of a 30-day month
        return None


def day_of_month(raw: str, day: int, this_month: bool, published: str | None, future: bool,
                 month: str | None = None) -> DateValue:
    """"on the 14th": in ``month`` ("YYYY-MM") when the story just named one, else against the
    publication date."""
    if month is not None:
        moved = day_in(int(month[:4]), int(month[5:7]), day)
        if moved is None:
            return DateValue(raw=raw)
        return DateValue(raw=raw, iso=moved.isoformat(), precision="day", reference="absolute",
                         inferred=f"month:{month}")
    if published is None:
        return DateValue(raw=raw)
    pub = date.fromisoformat(published)
    step = 1 if future else -1
    year, mon = pub.year, pub.month
    for _ in range(3):                         # (a 31st skips the months without one)
        d = day_in(year, mon, day)
        if d is not None and (d >= pub if step > 0 else d <= pub) and (not this_month or mon == pub.month):
            return DateValue(raw=raw, iso=d.isoformat(), precision="day", reference="published")
        mon += step
        year, mon = (year + 1, 1) if mon == 13 else (year - 1, 12) if mon == 0 else (year, mon)
    if this_month:                             # "the 21st of this month" in a clause that does not fit it
        return DateValue(raw=raw, iso=pub.replace(day=1).isoformat(), precision="month", reference="published")
    return DateValue(raw=raw, reference="published")


def weekday_of_week(raw: str, flat: list[str], target: int, published: str) -> DateValue:
    """That weekday of the calendar week before ("last week"), after ("next week") or of ("this
    week") the publication date's."""
    shift = -7 if ("last" in flat or "past" in flat or "previous" in flat) else 7 if "next" in flat else 0 \
        if "this" in flat else None
    if shift is None or set(flat) - WEEKDAYS - WEEK_WORDS:
        return DateValue(raw=raw, reference="published")
    pub = date.fromisoformat(published)
    day = pub - timedelta(days=pub.weekday()) + timedelta(days=shift + target)
    return DateValue(raw=raw, iso=day.isoformat(), precision="day", reference="published")


def join_weekdays_of_a_week(expressions: list[DateExpr], doc: Doc, published: str | None) -> None:
    """"Thursday next week" told as two expressions ("Thursday", "next week"): the weekday of that week."""
    if published is None:
        return
    for expr, other in zip(expressions, expressions[1:]):
        if expr.kind != "weekday" or other.span.start - expr.span.end > 1:
            continue
        between = [t.lower_ for t in doc[expr.span.end: other.span.start]]
        flat = _flat(_words(other.span))
        if between in ([], ["of"]) and "week" in flat and len(flat) <= 3:
            named = [w for w in _flat(_words(expr.span)) if w in WEEKDAYS]
            if len(named) == 1:
                expr.value = weekday_of_week(f"{expr.span.text} {other.span.text}", flat + named,
                                             WEEKDAY_INDEX[named[0]], published)


def month_named_before(expressions: list[DateExpr], n: int) -> str | None:
    """"YYYY-MM" of the latest date naming a month in the same or the previous sentence as
    expression ``n`` ("began on March 12 and ended on the 14th")."""
    expr = expressions[n]
    for other in reversed(expressions[:n]):
        if expr.sentence - other.sentence > 1:
            return None
        value = other.value
        if other.kind in ("calendar", "absolute") and value and value.iso and value.precision in ("day", "month") \
                and any(w in MONTHS for w in _flat(_words(other.span))):
            return value.iso[:7]
    return None
