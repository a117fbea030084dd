"""Reading one date expression: dateparser (cached), numeric dates, publication stamps.

The layer under ``dates`` (which finds expressions in a Doc and resolves them
against the article's own anchor) and ``article_meta`` (which finds the
publication date on the page). Nothing here knows about spaCy.

Numeric dates ("4/3/2023", "14.06.2023") are read here, not by dateparser,
because their order is a question of evidence (``numeric_reading``):
- a part above 12 tells the order by itself ("14.06.2023", "10/15/2025");
- otherwise a weekday named with it ("on Saturday 4/3/2023": only one
  reading falls on a Saturday), else the order of the page's other numeric
  dates (an outlet writes all its dates one way), else the dotted form's
  convention (day first: "02.06.2023"; US month-first dates use slashes);
- otherwise the date is ambiguous: the year alone is certain, and callers
  keep year precision (or no publication date), never a guessed day.
"""
from __future__ import annotations

import calendar
import re
from datetime import date, datetime
from functools import lru_cache

from dateparser.date import DateDataParser

PRECISION = {"day": "day", "time": "day", "part_of_day": "day", "month": "month", "year": "year"}
WEEKDAY_INDEX = {d.lower(): i for i, d in enumerate(calendar.day_name)}

# day/month/year or month/day/year with one separator; year first is ISO-like and never ambiguous.
NUMERIC_DATE = re.compile(r"(?<![\d./-])(?P<a>\d{1,2})(?P<sep>[./-])(?P<b>\d{1,2})(?P=sep)(?P<year>\d{4})(?![\d/-]|\.\d)")
_NUMERIC_DATE_SHAPE = re.compile(r"[./-]\d{1,2}[./-]\d{4}")   # a quick test before NUMERIC_DATE
YEAR_FIRST = re.compile(r"(?<![\d./-])(?P<year>\d{4})(?P<sep>[./-])(?P<a>\d{1,2})(?P=sep)(?P<b>\d{1,2})(?![\d/-]|\.\d)")


# ---------------------------------------------------------------- dateparser

@lru_cache(maxsize=64)
def _parser(base_iso: str | None, require_year: bool = False) -> DateDataParser:
    settings = {"PREFER_DATES_FROM": "past", "RETURN_TIME_AS_PERIOD": True}
    if base_iso:
        settings["RELATIVE_BASE"] = datetime.fromisoformat(base_iso)
    if require_year:
        settings["REQUIRE_PARTS"] = ["year"]
    return DateDataParser(languages=["en"], settings=settings)


@lru_cache(maxsize=8192)
def parse_expression(expr: str, base_iso: str | None) -> tuple[str, str] | None:
    """dateparser's reading of one expression: (ISO date, period) or None.

    Cached on (expression, base). ``period`` is dateparser's precision
    (day, week, month, year, time, part_of_day)."""
    data = _parser(base_iso).get_date_data(expr)
    if data is None or data.date_obj is None:
        return None
    return data.date_obj.date().isoformat(), data.period or "day"


def iso_at(iso: str, precision: str) -> str:
    """The ISO date of the start of the period (dateparser invents the day of a month)."""
    if precision == "month":
        return iso[:8] + "01"
    if precision == "year":
        return iso[:5] + "01-01"
    return iso


def has_year(words: list[str]) -> bool:
    return any(w.isdecimal() and len(w) == 4 and 1000 <= int(w) <= 2999 for w in words)


# ---------------------------------------------------------------- numeric dates

def _real(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def numeric_order(texts) -> str | None:
    """"DMY" or "MDY" when the unambiguous numeric dates in ``texts`` agree on
    one order (a part above 12 tells it), else None."""
    seen = set()
    for text in texts:
        if not text or not _NUMERIC_DATE_SHAPE.search(text):
            continue      # NUMERIC_DATE's lookbehind makes it try every position of the text
        for m in NUMERIC_DATE.finditer(text):
            a, b = int(m["a"]), int(m["b"])
            if a > 12 >= b:
                seen.add("DMY")
            elif b > 12 >= a:
                seen.add("MDY")
    return seen.pop() if len(seen) == 1 else None


def numeric_reading(a: int, b: int, year: int, sep: str, weekday: str | None = None,
                    order: str | None = None) -> date | None:
    """The one date "a<sep>b<sep>year" can be on the evidence, or None when
    the evidence does not decide between day-first and month-first (or
    neither reading is a real date). See the module docstring for the order
    of evidence."""
    readings = {"DMY": _real(year, b, a), "MDY": _real(year, a, b)}
    real = {k: v for k, v in readings.items() if v is not None}
    if not real:
        return None
    if len(set(real.values())) == 1:
        return next(iter(real.values()))
    if weekday is not None:
        named = [v for v in real.values() if v.weekday() == WEEKDAY_INDEX[weekday.lower()]]
        return named[0] if len(named) == 1 else None  # the weekday contradicts both: no date
    if order in real:
        return real[order]
    if sep == ".":
        return real.get("DMY")
    return None


def read_numeric(text: str, weekday: str | None = None, order: str | None = None) -> tuple[str | None, str] | None:
    """The first numeric date in ``text`` as (ISO or None, year): None when
    there is none; ISO None when its day and month cannot be told apart."""
    m = YEAR_FIRST.search(text)
    if m:
        d = _real(int(m["year"]), int(m["a"]), int(m["b"]))
        return (d.isoformat() if d else None), m["year"]
    m = NUMERIC_DATE.search(text)
    if not m:
        return None
    d = numeric_reading(int(m["a"]), int(m["b"]), int(m["year"]), m["sep"], weekday, order)
    return (d.isoformat() if d else None), m["year"]


# ---------------------------------------------------------------- publication dates

@lru_cache(maxsize=4096)
def parse_published(raw: str, order: str | None = None) -> tuple[str, str] | None:
    """A stated publication date ("November 22, 2019", "November 20th, 2019",
    "2019-11-22", "22 Nov 2019", "14.06.2023") as (ISO, precision), or None.

    A publication date must carry its year: without one there is nothing to
    anchor it to, and dateparser would borrow the current year. Impossible
    dates ("February 30, 2019") are rejected by dateparser itself; a numeric
    date whose day and month cannot be told apart (``order`` is the page's
    evidence) is no publication date. Cached on (raw, order)."""
    if not raw or not raw.strip():
        return None
    weekday = next((w for w in re.findall(r"[A-Za-z]+", raw) if w.lower() in WEEKDAY_INDEX), None)
    numeric = read_numeric(raw, weekday, order)
    if numeric is not None:
        return (numeric[0], "day") if numeric[0] else None
    words = raw.replace(",", " ").replace("-", " ").replace("/", " ").split()
    if not has_year(words):
        return None
    data = _parser(None, require_year=True).get_date_data(raw.strip())
    if data is None or data.date_obj is None:
        return None
    precision = PRECISION.get(data.period or "day")
    if precision is None:
        return None
    iso = data.date_obj.date().isoformat()
    if iso[:4] not in words:          # dateparser read some other number as the year
        return None
    return iso_at(iso, precision), precision
