"""What one date expression names, resolved against the article's anchor (for ``dates``).

``ExpressionValues`` is the part of ``dates.DateContext`` that gives each expression its value
by its kind (``date_expressions.classify``): calendar dates, weekdays, numeric dates, "today",
"overnight", relative expressions and days of the month. It reads the context's
``published``, ``_explicit`` (the explicit full dates with their offsets), ``_order`` (the
page's numeric day/month order), ``doc``, ``reference()`` and ``_line_of()``.

What resolves against what, and why (an invented date is the worst error):

- Weekdays, "today", "overnight", "yesterday", "last month", "earlier this
  month" need the publication date. Without one, a weekday takes an explicit
  full date of the article only when that date falls on the named weekday
  (the text names the same day twice, as a caption "Sept. 14, 2023" beside
  "on Thursday"); a photo caption's other date (a file photo from 2013) never
  anchors them, and no explicit date does when the dateline gives a day and
  month that none of them fits ("dateline-without-year").
- A weekday counts back from the publication date (on or before it: "on
  Monday" in a Wednesday paper is two days before), forward in a future
  clause ("will meet on Monday"); "last Monday" is strictly before, "next
  Monday" strictly after.
- "overnight" is the night before the publication day, dated by its evening
  (as "Sunday night" is Sunday).
- A weekday next to a date ("on Tuesday (Mar. 7)", "Saturday 4/3/2023")
  checks it: they agree, or the weekday is NULL, and a year-less date that
  disagrees with its weekday is NULL too (its inferred year is wrong).
- A year-less date ("December 28", "in June") takes the publication year, the
  year before when that would put it after publication (past tense), the year
  after when its clause is future and it would fall before; without a
  publication date, the year of a full date in the same paragraph, else NULL.
- A weekday of another week ("Tuesday last week", "Thursday next week") is that weekday of
  the calendar week (Monday to Sunday) before or after the publication date's (``date_days``);
  "late last month" is last month.
- A day of the month alone ("on the 14th") is in the month of a date named in its sentence or
  the one before ("talks began on March 12 and ended on the 14th"); else the latest such day on
  or before publication (after it in a future clause); without either, NULL.
- Numeric dates: see ``dateparse`` (order from evidence only, else year precision).
- Narrative steps ("a day earlier", "the next day") count from the last event
  date told within a few sentences, never from a photo caption.
"""
from __future__ import annotations

from datetime import date, timedelta

from spacy.tokens import Span

from .date_days import day_of_month, weekday_of_week
from .date_expressions import FUTURE_SLACK, WEEKDAY_INDEX, WEEKDAY_MODIFIERS, WEEKDAYS, TIME_UNITS, _cardinal, _core, _words, \
    is_future, month_day
from .date_holidays import FROM_EASTER, holiday_in, holiday_value, orthodox_country
from .dateparse import PRECISION, iso_at, parse_expression, read_numeric
from .records import DateValue


def _flat(span: Span) -> list[str]:
    return [p for w in _words(span) for p in w.split("-") if p]


def _replace_year(d: date, year: int) -> date | None:
    try:
        return d.replace(year=year)
    except ValueError:                            # February 29
        return None


class ExpressionValues:
    """The value of one expression span of a kind (see the module docstring)."""

    def _value(self, span: Span, kind: str) -> DateValue | None:
        if kind == "weekday":
            return self._weekday(span)
        if kind in ("absolute", "calendar"):
            return self._calendar(span, kind)
        if kind == "numeric":
            return self._numeric(span)
        if kind == "today":
            return self._day_of_publication(span, 0)
        if kind == "overnight":
            return self._day_of_publication(span, 1, inferred="overnight")
        if kind == "relative":
            return self._relative(span)
        if kind == "monthday":
            return self._month_day(span)
        if kind == "holiday":
            name = holiday_in(span)
            return holiday_value(span, name, self.published, is_future(span.root),
                                 name in FROM_EASTER and orthodox_country(self.doc))
        return None                                # narrative and trip_day wait for the walk

    def _month_day(self, span: Span, month: str | None = None) -> DateValue:
        """"on the 14th": see ``date_days.day_of_month``."""
        flat = _flat(span)
        return day_of_month(span.text, month_day(flat), "this" in flat, self.published, is_future(span.root), month)

    def _weekday(self, span: Span) -> DateValue:
        raw, flat = span.text, _flat(span)
        named = {w for w in flat if w in WEEKDAYS}
        if len(named) == 1 and "week" in flat and self.published is not None:
            return weekday_of_week(raw, flat, WEEKDAY_INDEX[next(iter(named))], self.published)
        if len(named) != 1 or any(w not in WEEKDAYS and w not in WEEKDAY_MODIFIERS for w in flat):
            return self._calendar(span, "weekday")  # "Monday and Tuesday", "the following Monday"
        target = WEEKDAY_INDEX[named.pop()]
        if self.published is None:
            # The text names the same day twice: a full date that falls on this weekday.
            same = [(abs(off - span.start_char), iso) for off, iso in self._explicit
                    if date.fromisoformat(iso).weekday() == target]
            if not same:
                return DateValue(raw=raw)
            iso = min(same)[1]
            return DateValue(raw=raw, iso=iso, precision="day", reference=f"explicit:{iso}")
        pub = date.fromisoformat(self.published)
        if "next" in flat or "coming" in flat or is_future(span.root) and "last" not in flat:
            days = (target - pub.weekday()) % 7 or (7 if "next" in flat else 0)
            day = pub + timedelta(days=days)
        else:
            days = (pub.weekday() - target) % 7 or (7 if ("last" in flat or "past" in flat) else 0)
            day = pub - timedelta(days=days)
        return DateValue(raw=raw, iso=day.isoformat(), precision="day", reference="published")

    def _day_of_publication(self, span: Span, days_before: int, inferred: str | None = None) -> DateValue:
        if self.published is None:
            return DateValue(raw=span.text)
        day = date.fromisoformat(self.published) - timedelta(days=days_before)
        return DateValue(raw=span.text, iso=day.isoformat(), precision="day", reference="published", inferred=inferred)

    def _numeric(self, span: Span) -> DateValue:
        """"4/3/2023": the order from a weekday beside it or the page's other dates, else year precision."""
        near = self.doc[max(0, span.start - 3): min(len(self.doc), span.end + 3)]
        weekday = next((t.lower_ for t in near if t.lower_ in WEEKDAYS), None)
        read = read_numeric(span.text, weekday, self._order)
        if read is None:
            return DateValue(raw=span.text)
        iso, year = read
        if iso is None:
            return DateValue(raw=span.text, iso=f"{year}-01-01", precision="year", reference="absolute")
        return DateValue(raw=span.text, iso=iso, precision="day", reference="absolute")

    def _calendar(self, span: Span, kind: str) -> DateValue:
        raw = span.text
        words = _words(span)
        flat = _flat(span)
        ref = None
        if kind != "absolute":
            ref = self.reference(span) or (self._paragraph_reference(span) if kind == "calendar" else None)
            if ref is None:
                return DateValue(raw=raw)
        base = ref[0] if ref else None
        if kind == "weekday":
            # dateparser reads a weekday strictly before its base; the day
            # after the reference makes it "on or before the reference".
            base = (date.fromisoformat(base) + timedelta(days=1)).isoformat()
        parsed = parse_expression(raw, base)
        if parsed is None:
            core = _core(words)
            if core and core != words:
                parsed = parse_expression(" ".join(core), base)
        if parsed is None:
            return DateValue(raw=raw, reference=ref[1] if ref else None)
        iso, period = parsed
        precision = PRECISION.get(period)
        if precision is None:                     # a week is not a date
            return DateValue(raw=raw, reference=ref[1] if ref else None)
        if kind == "calendar":
            iso = self._year_for(iso, precision, ref[0], flat, is_future(span.root))
            if iso is None:
                return DateValue(raw=raw, reference=ref[1])
        return DateValue(raw=raw, iso=iso_at(iso, precision), precision=precision,
                         reference=ref[1] if ref else "absolute")

    def _paragraph_reference(self, span: Span) -> tuple[str, str] | None:
        """Without a publication date, a full date in the same paragraph gives a year-less date its year."""
        start, end = self._line_of(span.start_char)
        inside = [(abs(off - span.start_char), iso) for off, iso in self._explicit if start <= off < end]
        if not inside:
            return None
        iso = min(inside)[1]
        return iso, f"paragraph:{iso}"

    @staticmethod
    def _year_for(iso: str, precision: str, ref_iso: str, flat: list[str], future: bool) -> str | None:
        """The year of a year-less day or month: the reference's ("in April this
        year"), the one before or after when the text says so ("last year",
        "next year"); else the one that puts it on or before the reference
        (past tense; a few days after it still count, an announced plan), or
        after it when the clause is future."""
        d, ref = date.fromisoformat(iso), date.fromisoformat(ref_iso)
        if "year" in flat and ("last" in flat or "next" in flat or "this" in flat):
            year = ref.year - 1 if "last" in flat else ref.year + 1 if "next" in flat else ref.year
        else:
            year = ref.year
            candidate = _replace_year(d, year)
            if candidate is None:
                return None
            start = candidate if precision == "day" else candidate.replace(day=1)
            ref_start = ref if precision == "day" else ref.replace(day=1)
            if future and start < ref_start - (FUTURE_SLACK if precision == "day" else timedelta(0)):
                year += 1
            elif not future and start > ref_start + (FUTURE_SLACK if precision == "day" else timedelta(0)):
                year -= 1
        moved = _replace_year(d, year)
        return moved.isoformat() if moved else None

    def _relative(self, span: Span) -> DateValue:
        ref = self.reference(span)
        if ref is None:
            return DateValue(raw=span.text)
        flat = _flat(span)
        expr = "this month" if "this" in flat and "month" in flat else span.text
        if "month" in flat and flat[0] in ("early", "late", "mid", "end", "beginning", "middle"):
            expr = " ".join(w for w in flat if w not in ("early", "late", "mid", "end", "beginning", "middle", "of", "the"))
        parsed = parse_expression(expr, ref[0])
        if parsed is None and any(w in ("morning", "afternoon", "evening", "night") for w in flat):
            parsed = parse_expression(" ".join(w for w in flat if w in ("yesterday", "ago") or _cardinal(w) or w in TIME_UNITS), ref[0])
        precision = PRECISION.get(parsed[1]) if parsed else None
        if not parsed or precision is None:
            return DateValue(raw=span.text, reference=ref[1])
        return DateValue(raw=span.text, iso=iso_at(parsed[0], precision), precision=precision, reference=ref[1])
