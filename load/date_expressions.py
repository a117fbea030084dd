"""Finding date expressions in a Doc and telling what kind of date each is.

``find_expressions`` collects them: spaCy's DATE entities, weekday tokens
(and TIME entities holding one, "Sunday night"), and what the small model's
NER misses, matched on tokens: narrative day phrases ("later that day"),
numeric dates ("4/3/2023", "14.06.2023"), "overnight", "earlier today".
``classify`` says how each resolves (see ``dates.DateContext``):

| kind | examples | against |
| --- | --- | --- |
| absolute | "June 3, 2015", "in 2016" | nothing |
| numeric | "4/3/2023", "Saturday 4/3/2023" | the page's evidence of day/month order |
| calendar | "December 28", "in February", "mid-March" | the publication year (past unless the clause is future) |
| weekday | "on Monday", "Thursday night", "last Friday" | the publication date (on or before; after in a future clause) |
| today | "today", "earlier today", "tonight", "this morning" | the publication date |
| overnight | "overnight", "last night" | the night before the publication date |
| relative | "yesterday", "last month", "earlier this month", "three years ago" | the publication date |
| narrative | "a day earlier", "the next day", "hours later" | the story's last event date |
| trip_day | "the second day of his visit" | the start of the trip |
| monthday | "on the 14th", "the 3rd of this month" | a month named just before, else the publication date (on or before it) |
| holiday | "on Christmas Day", "on Good Friday", "on Eid" | the publication date, as a year-less date (``date_holidays``) |

Not event dates (None): durations ("two-day", "six months"), ages, "this
week", "this year", "recent", a year labelling a noun ("the 2018 elections"),
a four-digit time of day ("2115 GMT", "at 0530 hrs"). A day the NER leaves
before its month ("3rd October 2024") belongs to the date.
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import timedelta
from functools import lru_cache

from spacy.attrs import LOWER
from spacy.matcher import Matcher
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token
from text_to_num import alpha2digit, text2num

from . import doc_cache
from .date_holidays import holiday_in, holiday_spans
from .dateparse import NUMERIC_DATE, PRECISION, YEAR_FIRST, has_year, parse_expression
from .records import DateValue

_has_year = has_year

# Calendar vocabulary comes from the standard library, not from a hand list.
MONTHS = {m.lower() for m in calendar.month_name if m} | {m.lower() for m in calendar.month_abbr if m}
MONTHS |= {m + "." for m in MONTHS} | {"sept", "sept."}
WEEKDAYS = {d.lower() for d in calendar.day_name}

# Units of time: with a cardinal and no "ago/earlier/later" they make a
# duration ("two-day trip", "six months"), which is never an event date.
TIME_UNITS = {"day", "days", "week", "weeks", "month", "months", "year", "years",
              "hour", "hours", "decade", "decades", "fortnight"}
# Words that turn a duration into a point relative to some other date.
BACKWARD = {"ago", "earlier", "before", "previous", "previously", "prior", "eve"}
FORWARD = {"later", "after", "next", "following", "subsequent"}
SAME_DAY = {"same", "that"}
# Nouns whose "Nth day" counts from the start of a journey.
TRIP_NOUNS = {"visit", "trip", "tour", "stay", "journey", "mission"}
# Verbs that mark the start of a journey; their date is day one.
START_VERBS = {"commence", "begin", "start", "arrive", "land", "kick", "reach", "embark"}
# Words that make a year a year rather than an age or a label.
AGE_WORDS = {"old", "aged", "age"}
# Period modifiers that dateparser does not read; the period keeps its own precision.
PERIOD_MODIFIERS = {"early", "mid", "late", "end", "beginning", "start", "middle", "half"}

# How far after the reference a year-less date may fall and still keep the
# reference's year ("on November 24" in an article of November 22: a plan).
FUTURE_SLACK = timedelta(days=7)
# A narrative step ("a day earlier") counts from the last event date only
# when that date was told within this many sentences; further back, the story
# has likely moved on and the step would invent a date.
NARRATIVE_WINDOW = 4

# The night before the publication day, as "overnight" is.
LAST_NIGHT = (["last", "night"], ["late", "last", "night"])
# The publication day itself ("today", "earlier today", "tonight", "this morning").
TODAY_WORDS = {"today", "tonight"}
PARTS_OF_DAY = {"morning", "afternoon", "evening", "night", "midday", "noon", "midnight", "dawn"}
# Words a plain weekday expression may carry besides the weekday ("early on Monday", "last Friday night").
WEEKDAY_MODIFIERS = PARTS_OF_DAY | {"on", "this", "last", "past", "next", "coming", "early", "late", "the", "of", ",", "."}
# Verbs whose infinitive complement is still to come ("is expected to sign", "is due to arrive").
FUTURE_GOVERNORS = {"expect", "due", "schedule", "plan", "set", "slate", "intend", "going", "aim"}


WEEKDAY_INDEX = {d.lower(): i for i, d in enumerate(calendar.day_name)}
# Weekdays as spaCy stores a token's lower form, to find them off the Doc's array.
_WEEKDAY_IDS = {get_string_id(d) for d in WEEKDAYS}


def _words(span: Span) -> list[str]:
    return [t.lower_ for t in span]


def _is_calendar_word(w: str) -> bool:
    return w in MONTHS or w in WEEKDAYS or w.rstrip(",").isdigit() or w[:-2].isdigit() and w[-2:] in ("st", "nd", "rd", "th")


def _core(words: list[str]) -> list[str]:
    """The calendar part of an expression dateparser cannot read whole:
    "April" of "April this year", "February" of "mid-February", "2019" of "early 2019"."""
    parts = [p for w in words for p in w.split("-") if p]
    idx = [i for i, w in enumerate(parts) if _is_calendar_word(w) and (not w.isdigit() or len(w) in (1, 2, 4))]
    if not idx:
        return []
    return parts[idx[0]: idx[-1] + 1]


def _ordinal(word: str) -> int | None:
    """"second" -> 2, via text2num's alpha2digit (threshold 0 converts small ordinals too)."""
    converted = alpha2digit(word, "en", threshold=0)
    digits = "".join(c for c in converted if c.isdecimal())  # not "²": int() refuses it
    return int(digits) if digits and converted.endswith(("st", "nd", "rd", "th")) else None


def _cardinal(word: str) -> int | None:
    if word in ("a", "an", "one"):
        return 1
    if word.isdecimal():
        return int(word)
    try:
        return text2num(word, "en")
    except ValueError:
        return None


DAY_ORDINAL = re.compile(r"([1-9]|[12][0-9]|3[01])(st|nd|rd|th)")
MONTH_DAY_WORDS = {"the", "on", "of", "this", "month"}


def month_day(flat: list[str]) -> int | None:
    """The day of "the 14th", "on the 3rd", "the 21st of this month" (no month named: the
    month is the story's or the publication's); None for anything else."""
    days = [m for w in flat if (m := DAY_ORDINAL.fullmatch(w))]
    if len(days) != 1 or "the" not in flat or any(w not in MONTH_DAY_WORDS and not DAY_ORDINAL.fullmatch(w) for w in flat):
        return None
    if "month" in flat and "this" not in flat:
        return None                      # "the 3rd of the month": any month
    return int(days[0].group(1))


def _same_day(flat: list[str]) -> bool:
    """"earlier in the day", "later that day", "the same day", "hours later":
    the story's current day, not a step along it."""
    if any(w in ("hour", "hours", "minute", "minutes") for w in flat) and "day" not in flat:
        return True
    if "day" not in flat:
        return False
    i = flat.index("day")
    before = flat[i - 1] if i >= 1 else ""
    return before in ("that", "same") or (before == "the" and i >= 2 and flat[i - 2] == "in")


@dataclass
class DateExpr:
    """One date expression in the article and what it resolved to."""

    span: Span
    sentence: int
    kind: str                 # absolute | numeric | calendar | weekday | today | overnight | relative | narrative | trip_day
    value: DateValue | None   # None only while a trip_day waits for its trip's start
    starts_trip: bool = False # the date of a "commenced his trip" / "arrived in" clause

    @property
    def root(self) -> Token:
        return self.span.root


# Words after a four-digit number that make it a time of day ("2115 GMT", "0530 hrs").
CLOCK_WORDS = {"gmt", "utc", "hrs", "hours", "hr", "h", "z", "ist", "pst", "est", "edt", "cet", "cest", "eat",
               "wat", "cat", "msk", "pkt", "local", "bst", "ast", "jst", "kst", "sast"}


def _clock_time(span: Span) -> bool:
    """A bare four-digit number told as a time: a time zone or "hrs" after it, "at" before it."""
    if len(span) != 1 or not span[0].is_digit or len(span[0]) != 4:
        return False
    doc = span.doc
    after = doc[span.end].lower_ if span.end < len(doc) else ""
    before = doc[span.start - 1].lower_ if span.start > 0 else ""
    return after in CLOCK_WORDS or (before == "at" and int(span[0].text[:2]) < 24 and int(span[0].text[2:]) < 60)


def _is_a_title(span: Span) -> bool:
    """A capitalized "Today" right after a capitalized word inside a sentence names something."""
    first = span[0]
    if first.text != "Today" or first.i == span.sent.start:
        return False
    before = span.doc[first.i - 1]
    return before.text[:1].isupper() and before.is_alpha


DATELINE_ENDS = {"-", "--", "\u2014", "\u2013", ":", ".-"}


def _in_a_dateline(span: Span) -> bool:
    """The date of an agency dateline opening a sentence: "CITY, Sept 18 (Agency) -", "City, Aug 23:"."""
    doc, sent = span.doc, span.sent
    if not 2 <= span.start - sent.start <= 6 or doc[span.start - 1].text != "," or not doc[sent.start].is_title \
            and not doc[sent.start].is_upper:
        return False
    end = span.end
    if end < len(doc) and doc[end].text == "(":
        close = next((t.i for t in doc[end: min(len(doc), end + 7)] if t.text == ")"), None)
        end = close + 1 if close is not None else end
    return end < len(doc) and doc[end].text in DATELINE_ENDS


def classify(span: Span) -> str | None:
    """What kind of date expression a span is (the table in the module
    docstring); None when it is no event date (durations, ages, "this week",
    "recent", a year labelling a noun)."""
    words = _words(span)
    if any(NUMERIC_DATE.fullmatch(w) or YEAR_FIRST.fullmatch(w) for w in words):
        return "numeric"
    if _in_a_dateline(span):
        return None                      # "BOGOTA, Sept 18 (EFE) -": the day it was filed, not an event's
    if holiday_in(span):
        return "holiday"                 # "on Christmas Day", "on Good Friday" (``date_holidays``)
    flat = [p for w in words for p in w.split("-") if p]
    if flat == ["overnight"] or flat in LAST_NIGHT:
        return "overnight"               # "last night": the night before the publication day, as "overnight"
    has_month = any(w in MONTHS for w in flat)
    has_weekday = any(w in WEEKDAYS for w in flat)
    has_year = _has_year(flat)
    units = [w for w in flat if w in TIME_UNITS]
    if any(w in AGE_WORDS for w in flat):
        return None
    if not (has_month or has_weekday or has_year) and month_day(flat) is not None:
        return "monthday"                # "on the 14th", "the 3rd of this month"
    if units and not (has_month or has_weekday or has_year):
        # "the second day of his visit"
        root = span.root
        of_trip = any(c.lower_ == "of" and any(g.lemma_.lower() in TRIP_NOUNS for g in c.children)
                      for c in root.children)
        if of_trip and any(_ordinal(w) or w in ("last", "final") for w in flat):
            return "trip_day"
        if "this" in flat and units == ["month"] and not any(_cardinal(w) for w in flat if w != "this"):
            return "relative"            # "this month", "earlier this month": the publication's month
        if any(w in BACKWARD | FORWARD for w in flat) or "last" in flat:
            # "three years ago", "last month", "next week": against the reference date
            if "ago" in flat or (("last" in flat or "next" in flat) and "day" not in units):
                return "relative"
            # "a day earlier", "a week later", "the next day", "hours later":
            # against the story's last date
            return "narrative"
        if any(w in SAME_DAY for w in flat) and "day" in units and "this" not in flat:
            return "narrative"           # "later that day", "the same day"
        return None                      # "two-day", "six months", "this year", "the past week"
    if "yesterday" in flat:
        return "relative"
    if not (has_month or has_weekday or has_year):
        if _is_a_title(span):
            return None                  # "India Today", "Pakistan Today": a publication's name
        if any(w in TODAY_WORDS for w in flat) or ("this" in flat and any(w in PARTS_OF_DAY for w in flat)):
            return "today"               # "today", "earlier today", "tonight", "this morning"
        return None                      # "this week", "recent", "now"
    if has_year and not (has_month or has_weekday) and _clock_time(span):
        return None                      # "2115 GMT", "at 0530 hrs": a time of day, not a year
    if has_year and not (has_month or has_weekday):
        # A year that labels a noun ("the 2018 elections") is no event date.
        if span.root.dep_ in ("nummod", "compound", "amod", "nmod", "poss") and span.root.head.pos_ in ("NOUN", "PROPN") \
                and span.root.head.lower_ not in TIME_UNITS:
            return None
        return "absolute"
    if has_year:
        return "absolute"
    if has_weekday and not has_month:
        return "weekday"
    return "calendar"


# Narrative day phrases the small model's NER often misses ("Later that day"). A pattern's first
# token is an exact value, not a set or a regex: the Matcher tests those in Python on every token.
NARRATIVE_PATTERNS = [
    [{"LOWER": "earlier"}, {"LOWER": {"IN": ["that", "in"]}}, {"LOWER": "the", "OP": "?"}, {"LOWER": "day"}],
    [{"LOWER": "later"}, {"LOWER": {"IN": ["that", "in"]}}, {"LOWER": "the", "OP": "?"}, {"LOWER": "day"}],
    [{"LOWER": "the"}, {"LOWER": {"IN": ["next", "following", "previous", "same"]}}, {"LOWER": "day"}],
    [{"LOWER": "the"}, {"LOWER": "day"}, {"LOWER": {"IN": ["before", "after"]}}],
]


# Numeric dates the NER labels CARDINAL or misses ("14.06.2023", "4/3/2023", "2023-06-14"): one
# token each, found by a test of the word cached per distinct word (``doc_cache.tokens_where``):
# as a Matcher REGEX it ran in Python on every token.
NUMERIC_TOKEN = re.compile(r"^(?:\d{1,2}([./-])\d{1,2}\1\d{4}|\d{4}([./-])\d{1,2}\2\d{1,2})$")


def _numeric_date(text: str) -> bool:
    return bool(NUMERIC_TOKEN.search(text))


def _matchable(lower: str) -> bool:
    """A word every Matcher pattern below holds one of."""
    return lower in ("day", "overnight", "night") or lower in TODAY_WORDS


def _match_windows(doc: Doc) -> list[Span]:
    """Where the Matcher can match, merged where they overlap: three tokens before and one after
    each word every pattern holds ("earlier in the day" ends at its "day", "the day before" goes
    one past it). The Matcher makes a Token for every token it is given."""
    windows: list[list[int]] = []
    for i in doc_cache.tokens_where(doc, _matchable, LOWER):
        start, end = max(0, i - 3), min(len(doc), i + 2)
        if windows and start <= windows[-1][1]:
            windows[-1][1] = max(windows[-1][1], end)
        else:
            windows.append([start, end])
    return [doc[start:end] for start, end in windows]


@lru_cache(maxsize=4)
def _matcher(vocab) -> Matcher:
    matcher = Matcher(vocab)
    matcher.add("NARRATIVE_DAY", NARRATIVE_PATTERNS)
    matcher.add("OVERNIGHT", [[{"LOWER": "overnight"}]])
    matcher.add("LAST_NIGHT", [[{"LOWER": "last"}, {"LOWER": "night"}]])
    # "also met X earlier today": the model often leaves the publication day unlabelled
    matcher.add("TODAY", [[{"LOWER": word}] for word in sorted(TODAY_WORDS)]
                + [[{"LOWER": step}, {"LOWER": {"IN": sorted(TODAY_WORDS)}}] for step in ("earlier", "later")])
    return matcher


def _names_a_day_nearby(doc: Doc, i: int) -> bool:
    """A weekday or month within three tokens: "overnight on Saturday" is dated by "Saturday"."""
    return any(t.lower_ in WEEKDAYS or t.lower_ in MONTHS for t in doc[max(0, i - 3): i + 4])


def _with_its_day(ent: Span) -> Span:
    """"3rd October 2024" with the NER's entity "October 2024": the day before the month belongs to it."""
    if ent.start == 0 or ent[0].lower_ not in MONTHS:
        return ent
    before = ent.doc[ent.start - 1]
    day = DAY_ORDINAL.fullmatch(before.lower_) or (before.is_digit and len(before) <= 2 and 1 <= int(before.text) <= 31)
    return ent.doc[ent.start - 1: ent.end] if day and not before.ent_type_ == "DATE" else ent


def _with_holidays(doc: Doc, spans: list[Span]) -> list[Span]:
    """DATE entities and the holiday names the NER labelled otherwise or cut ("Easter Sunday" as a
    facility, "Sunday" alone): a name joins the entities it overlaps."""
    for holiday in holiday_spans(doc):
        touching = [s for s in spans if s.start < holiday.end and holiday.start < s.end]
        if any(s.start <= holiday.start and holiday.end <= s.end for s in touching):
            continue
        spans = [s for s in spans if s not in touching]
        spans.append(doc[min([holiday.start] + [s.start for s in touching]): max([holiday.end] + [s.end for s in touching])])
    return spans


def find_expressions(doc: Doc) -> list[Span]:
    """DATE entities, plus weekday tokens (and TIME entities holding one or
    naming the publication day), narrative day phrases, numeric dates and
    "overnight" the NER left out."""
    ents = doc_cache.entities(doc)
    spans = _with_holidays(doc, [_with_its_day(e) for e in ents if e.label_ == "DATE"])
    covered = {i for e in spans for i in range(e.start, e.end)}
    matches = []
    for window in _match_windows(doc):
        matches += [(doc.vocab.strings[match_id], window.start + start, window.start + end)
                    for match_id, start, end in _matcher(doc.vocab)(window)]
    # a numeric date is one token of digits, never part of a matched phrase: the order is free
    matches += [("NUMERIC_DATE", i, i + 1) for i in doc_cache.tokens_where(doc, _numeric_date)]
    for label, start, end in matches:
        if covered & set(range(start, end)):
            continue
        if label == "OVERNIGHT" and _names_a_day_nearby(doc, start):
            continue
        spans.append(doc[start:end])
        covered |= set(range(start, end))
    for e in ents:
        # "On the 3rd, a bomb ...": the small model labels the day ORDINAL; not "on the 3rd floor"
        if e.label_ == "ORDINAL" and e.start >= 2 and doc[e.start - 1].lower_ == "the" \
                and doc[e.start - 2].lower_ == "on" and e.root.dep_ != "amod" and not covered & set(range(e.start - 1, e.end)) \
                and (e.end == len(doc) or doc[e.end].pos_ not in ("NOUN", "PROPN", "ADJ", "NUM")):
            spans.append(doc[e.start - 1: e.end])
            covered |= set(range(e.start - 1, e.end))
    for e in ents:
        # TIME entities matter when they hold a weekday ("Thursday night"), name
        # the publication day ("earlier today", "tonight") or move along the
        # story ("earlier in the day", "hours later").
        # And when they hold a day of a month: "on the night of March 3".
        if e.label_ == "TIME" and not covered & set(range(e.start, e.end)) and (
                any(t.lower_ in WEEKDAYS for t in e) or classify(e) in ("narrative", "today")
                or any(t.lower_ in MONTHS for t in e) and any(t.like_num for t in e)):
            spans.append(e)
            covered |= set(range(e.start, e.end))
    for i, lower in enumerate(doc.to_array([LOWER]).tolist() if len(doc) else []):
        if lower in _WEEKDAY_IDS and i not in covered:
            spans.append(doc[i: i + 1])
    return sorted(spans, key=lambda s: s.start)


def explicit_full_dates(doc: Doc) -> list[tuple[str, str]]:
    """Full dates (day, month and year) the article states, as (ISO, raw), in
    text order without repeats: candidates for ``Article.explicit_dates``.
    The caller leaves out the publication date itself."""
    out: list[tuple[str, str]] = []
    for ent in doc_cache.entities(doc):
        if ent.label_ != "DATE":
            continue
        ent = _with_its_day(ent)
        words = [p for w in _words(ent) for p in w.replace(",", " ").split()]
        if not (_has_year(words) and any(w in MONTHS for w in words)):
            continue
        parsed = parse_expression(ent.text, None)
        if parsed and PRECISION.get(parsed[1]) == "day" and all((parsed[0], r) != o for r in [ent.text] for o in out):
            out.append((parsed[0], ent.text))
    return out




def clause_head(tok: Token) -> Token | None:
    """The verb whose clause a token sits in."""
    for t in [tok, *tok.ancestors]:
        if t.pos_ in ("VERB", "AUX") and t.dep_ not in ("amod",):
            return t
    return None


def is_future(tok: Token) -> bool:
    """Whether the clause a token sits in tells what is still to come: "will
    meet", "is expected to sign", "is due to arrive"."""
    head = clause_head(tok)
    if head is None:
        return False
    if any(c.dep_ == "aux" and c.lower_ in ("will", "shall", "'ll", "wo") for c in head.children):
        return True
    if head.lower_ in ("will", "shall"):
        return True
    if head.dep_ == "ROOT" and any(c.dep_ == "aux" and c.lower_ == "to" for c in head.children):
        return True                      # a headline's "Ministers to meet on Monday"
    governor = head.head if head.dep_ in ("xcomp", "ccomp") else None
    return bool(governor is not None and head.dep_ == "xcomp" and governor.lemma_.lower() in FUTURE_GOVERNORS
                and any(c.lower_ == "to" for c in head.children))
