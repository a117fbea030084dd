"""Date expressions resolved against the article's own reference date.

One module that meetings, figures and casualties share. spaCy finds the
expressions (DATE entities, weekday tokens); dateparser reads them, always
with ``RELATIVE_BASE`` set to a date the article itself gives (its
publication date, else a full date it states), never today. An expression
the article does not pin down keeps its ``raw`` text with ``iso`` None.

``DateContext(doc, article)`` walks the article once, in sentence order,
resolving every expression and remembering the last event date so that
narrative expressions ("a day earlier", "the next day", "on the second day of
his visit") resolve against the story's own timeline rather than publication.
Extractors then ask ``date_for(span_or_token_or_sentence, anchor_token)``.
"""
from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache

from dateparser.date import DateDataParser
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span, Token
from text_to_num import alpha2digit, text2num

from .records import Article, DateValue

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

PRECISION = {"day": "day", "time": "day", "part_of_day": "day", "month": "month", "year": "year"}


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


def _iso_at(iso: str, precision: str) -> str:
    """The ISO date of the start of the period (dateparser invents the day of a month)."""
    if precision == "month":
        return iso[:8] + "01"
    if precision == "year":
        return iso[:5] + "01-01"
    return iso


def _has_year(words: list[str]) -> bool:
    return any(w.isdecimal() and len(w) == 4 and 1000 <= int(w) <= 2999 for w in words)


def parse_published(raw: str) -> tuple[str, str] | None:
    """A stated publication date ("November 22, 2019", "November 20th, 2019",
    "2019-11-22", "22 Nov 2019") as (ISO, precision), or None.

    A publication date must carry its year: without one there is nothing to
    anchor it to, and dateparser would borrow the current year. Impossible
    dates ("February 30, 2019") are rejected by dateparser itself."""
    if not raw or not raw.strip():
        return None
    words = raw.replace(",", " ").replace("-", " ").replace("/", " ").split()
    if not _has_year(words):
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
    return _iso_at(iso, precision), precision


# ---------------------------------------------------------------- expressions

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
    kind: str                 # absolute | calendar | weekday | relative | narrative | trip_day
    value: DateValue | None   # None only while a trip_day waits for its trip's start
    starts_trip: bool = False # the date of a "commenced his trip" / "arrived in" clause

    @property
    def root(self) -> Token:
        return self.span.root


def classify(span: Span) -> str | None:
    """What kind of date expression a span is; None when it is no event date
    (durations, ages, "today", "this week", "recent", a year labelling a noun)."""
    words = _words(span)
    flat = [p for w in words for p in w.split("-") if p]
    has_month = any(w in MONTHS for w in flat)
    has_weekday = any(w in WEEKDAYS for w in flat)
    has_year = _has_year(flat)
    units = [w for w in flat if w in TIME_UNITS]
    if any(w in AGE_WORDS for w in flat):
        return None
    if units and not (has_month or has_weekday or has_year):
        # "the second day of his visit"
        root = span.root
        of_trip = any(c.lower_ == "of" and any(g.lemma_.lower() in TRIP_NOUNS for g in c.children)
                      for c in root.children)
        if of_trip and any(_ordinal(w) or w in ("last", "final") for w in flat):
            return "trip_day"
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
        return None                      # "today", "this week", "recent", "now"
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


# Narrative day phrases the small model's NER often misses ("Later that day").
NARRATIVE_PATTERNS = [
    [{"LOWER": {"IN": ["earlier", "later"]}}, {"LOWER": {"IN": ["that", "in"]}}, {"LOWER": "the", "OP": "?"}, {"LOWER": "day"}],
    [{"LOWER": "the"}, {"LOWER": {"IN": ["next", "following", "previous", "same"]}}, {"LOWER": "day"}],
    [{"LOWER": "the"}, {"LOWER": "day"}, {"LOWER": {"IN": ["before", "after"]}}],
]


@lru_cache(maxsize=4)
def _narrative_matcher(vocab) -> Matcher:
    matcher = Matcher(vocab)
    matcher.add("NARRATIVE_DAY", NARRATIVE_PATTERNS)
    return matcher


def find_expressions(doc: Doc) -> list[Span]:
    """DATE entities, plus weekday tokens (and TIME entities holding one) and
    narrative day phrases the NER left out."""
    spans = [e for e in doc.ents if e.label_ == "DATE"]
    covered = {t.i for e in spans for t in e}
    for _, start, end in _narrative_matcher(doc.vocab)(doc):
        if not covered & set(range(start, end)):
            spans.append(doc[start:end])
            covered |= set(range(start, end))
    for e in doc.ents:
        # TIME entities matter when they hold a weekday ("Thursday night") or
        # move along the story ("earlier in the day", "hours later").
        if e.label_ == "TIME" and not covered & {t.i for t in e} and (
                any(t.lower_ in WEEKDAYS for t in e) or classify(e) == "narrative"):
            spans.append(e)
            covered |= {t.i for t in e}
    for t in doc:
        if t.lower_ in WEEKDAYS and t.i not in covered:
            spans.append(doc[t.i: t.i + 1])
    return sorted(spans, key=lambda s: s.start)


def explicit_full_dates(doc: Doc) -> list[tuple[str, str]]:
    """Full dates (day, month and year) the article states, as (ISO, raw), in
    text order without repeats: candidates for ``Article.explicit_dates``.
    The caller leaves out the publication date itself."""
    out: list[tuple[str, str]] = []
    for ent in doc.ents:
        if ent.label_ != "DATE":
            continue
        words = [p for w in _words(ent) for p in w.replace(",", " ").split()]
        if not (_has_year(words) and any(w in MONTHS for w in words)):
            continue
        parsed = parse_expression(ent.text, None)
        if parsed and PRECISION.get(parsed[1]) == "day" and all((parsed[0], r) != o for r in [ent.text] for o in out):
            out.append((parsed[0], ent.text))
    return out


# ---------------------------------------------------------------- resolution

def _shift(iso: str, words: list[str], backward: bool) -> str | None:
    """Move a day along the story's timeline: "a day earlier", "two days later"."""
    n = 1
    for w in words:
        v = _cardinal(w)
        if v is not None:
            n = v
            break
    unit = next((w for w in words if w in TIME_UNITS), "day")
    unit = unit if unit.endswith("s") else unit + "s"
    expr = f"{n} {unit} ago" if backward else f"in {n} {unit}"
    parsed = parse_expression(expr, iso)
    return parsed[0] if parsed else None


class DateContext:
    """Every date expression of one article, resolved in sentence order.

    ``reference`` is the article's own anchor: its publication date, else the
    explicit full date nearest the expression. Narrative expressions resolve
    against the last day-precision event date before them; "the Nth day of
    his visit" against the start of that visit, wherever the article states it.
    """

    def __init__(self, doc: Doc, article: Article | None = None):
        self.doc = doc
        self.article = article
        self.sentences = list(doc.sents)
        self._sent_of = {}
        for i, s in enumerate(self.sentences):
            for t in s:
                self._sent_of[t.i] = i
        self._explicit = self._locate_explicit()
        self.expressions: list[DateExpr] = []
        self.trip_start: DateValue | None = None
        self._walk()

    # -- references

    def _locate_explicit(self) -> list[tuple[int, str]]:
        """(character offset, ISO) of each explicit full date the reader found."""
        if not self.article:
            return []
        out = []
        for iso, raw in self.article.explicit_dates or []:
            at = self.doc.text.find(raw) if raw else -1
            out.append((at if at >= 0 else len(self.doc.text), iso))
        return out

    def reference(self, span: Span | None = None) -> tuple[str, str] | None:
        """(ISO, label) to resolve a relative or year-less expression against."""
        a = self.article
        if a and a.published and (a.published_precision in (None, "day")):
            return a.published[:10], "published"
        if self._explicit:
            at = span.start_char if span is not None else 0
            off, iso = min(self._explicit, key=lambda e: abs(e[0] - at))
            return iso, f"explicit:{iso}"
        return None

    # -- one expression

    def _calendar(self, span: Span, kind: str) -> DateValue:
        raw = span.text
        words = _words(span)
        flat = [p for w in words for p in w.split("-") if p]
        if kind == "absolute":
            ref = None
            base = None
        else:
            ref = self.reference(span)
            if ref is None:
                return DateValue(raw=raw)
            base = ref[0]
            if "last" in flat and "year" in flat and kind == "calendar":
                # "in April last year": the year before the reference's
                base = f"{int(base[:4]) - 1}-12-31"
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
        if kind == "calendar" and precision == "day" and ref:
            iso = self._year_for(iso, ref[0])
        return DateValue(raw=raw, iso=_iso_at(iso, precision), precision=precision,
                         reference=ref[1] if ref else "absolute")

    @staticmethod
    def _year_for(iso: str, ref_iso: str) -> str:
        """A year-less day takes the year that puts it on or before the
        reference, allowing a few days after it (an announced plan)."""
        d, ref = date.fromisoformat(iso), date.fromisoformat(ref_iso)
        try:
            same = d.replace(year=ref.year)
        except ValueError:                        # February 29
            return iso
        if same <= ref + FUTURE_SLACK:
            return same.isoformat()
        return same.replace(year=ref.year - 1).isoformat() if not (same.month == 2 and same.day == 29) else iso

    def _relative(self, span: Span) -> DateValue:
        ref = self.reference(span)
        if ref is None:
            return DateValue(raw=span.text)
        parsed = parse_expression(span.text, ref[0])
        precision = PRECISION.get(parsed[1]) if parsed else None
        if not parsed or precision is None:
            return DateValue(raw=span.text, reference=ref[1])
        return DateValue(raw=span.text, iso=_iso_at(parsed[0], precision), precision=precision, reference=ref[1])

    def _narrative(self, span: Span, anchor: DateValue | None) -> DateValue:
        if anchor is None or anchor.iso is None:
            return DateValue(raw=span.text)
        flat = [p for w in _words(span) for p in w.split("-") if p]
        if _same_day(flat):                        # "earlier in the day", "later that day", "hours later"
            iso = anchor.iso
        elif any(w in BACKWARD for w in flat):
            iso = _shift(anchor.iso, flat, backward=True)
        elif any(w in FORWARD for w in flat):
            iso = _shift(anchor.iso, flat, backward=False)
        else:
            iso = anchor.iso
        if iso is None:
            return DateValue(raw=span.text)
        return DateValue(raw=span.text, iso=iso, precision="day", reference=anchor.reference,
                         inferred=f"narrative:{anchor.iso}")

    def _trip_day(self, span: Span) -> DateValue:
        start = self._trip_start_for(span)
        if start is None:
            return DateValue(raw=span.text)
        flat = [p for w in _words(span) for p in w.split("-") if p]
        n = next((v for v in map(_ordinal, flat) if v), None)
        if n is None:                              # "the last day": needs the trip's length
            length = self._trip_length(span)
            if length is None:
                return DateValue(raw=span.text)
            n = length
        iso = (date.fromisoformat(start.iso) + timedelta(days=n - 1)).isoformat()
        return DateValue(raw=span.text, iso=iso, precision="day", reference=start.reference,
                         inferred=f"trip-start:{start.iso}")

    def _trip_length(self, span: Span) -> int | None:
        """The N of an "N-day trip/visit" the article states."""
        for e in self.doc.ents:
            if e.label_ == "DATE" and e.root.head.lemma_.lower() in TRIP_NOUNS:
                flat = [p for w in _words(e) for p in w.split("-") if p]
                if "day" in flat:
                    n = next((v for v in map(_cardinal, flat) if v), None)
                    if n:
                        return n
        return None

    def _trip_start_for(self, span: Span | None) -> DateValue | None:
        """The start of the journey an expression counts from: the last stated before it, else the first."""
        starts = [e for e in self.expressions if e.starts_trip and e.value and e.value.iso]
        if not starts:
            return None
        before = [e for e in starts if span is not None and e.span.start < span.start]
        return (before[-1] if before else starts[0]).value

    # -- the walk

    def _walk(self) -> None:
        anchor: DateValue | None = None
        anchor_sentence = -NARRATIVE_WINDOW - 1
        pending = []
        for span in find_expressions(self.doc):
            kind = classify(span)
            if kind is None:
                continue
            if kind in ("absolute", "calendar", "weekday"):
                value = self._calendar(span, kind)
            elif kind == "relative":
                value = self._relative(span)
            elif kind == "narrative":
                near = self._sent_of.get(span.start, 0) - anchor_sentence <= NARRATIVE_WINDOW
                value = self._narrative(span, anchor if near else None)
            else:
                value = None
            expr = DateExpr(span, self._sent_of.get(span.start, 0), kind, value, self._starts_trip(span))
            self.expressions.append(expr)
            if kind == "trip_day":
                pending.append(expr)
                continue
            if value and value.precision == "day" and self._in_clause(span):
                anchor, anchor_sentence = value, expr.sentence
        for expr in pending:
            expr.value = self._trip_day(expr.span)
        self.trip_start = self._trip_start_for(None)

    @staticmethod
    def _in_clause(span: Span) -> bool:
        """Only dates in sentences with a verb move the timeline (not site headers)."""
        return any(t.pos_ == "VERB" for t in span.sent)

    @staticmethod
    def _starts_trip(span: Span) -> bool:
        verb = _clause_head(span.root)
        if verb is None or verb.lemma_.lower() not in START_VERBS:
            return False
        return verb.lemma_.lower() in ("arrive", "land") or any(
            t.lemma_.lower() in TRIP_NOUNS for t in verb.subtree)

    # -- lookups

    def resolve(self, span: Span) -> DateValue | None:
        """The value of a date expression span found in this article."""
        for e in self.expressions:
            if e.span.start <= span.start and span.end <= e.span.end or span.start <= e.span.start < span.end:
                return e.value
        return None

    def in_sentence(self, index: int) -> list[DateExpr]:
        return [e for e in self.expressions if e.sentence == index]

    def date_for(self, target: int | Span | Token, anchor_token: Token | None = None) -> DateValue | None:
        """The date governing an event, or None when its sentence gives none.

        ``target`` is the event's sentence index, span or token;
        ``anchor_token`` the event's verb or noun (defaults to the span's
        root). A date attached to the anchor in the parse wins, then one in
        the anchor's clause, then the sentence's nearest date."""
        if isinstance(target, int):
            index, anchor = target, anchor_token
        else:
            first = target if isinstance(target, Token) else target[0] if len(target) else None
            if first is None:
                return None
            index = self._sent_of.get(first.i, 0)
            anchor = anchor_token or (target if isinstance(target, Token) else target.root)
        candidates = self.in_sentence(index)
        if not candidates:
            return None
        if anchor is None:
            return candidates[0].value
        return min(candidates, key=lambda e: (_attachment(e.span, anchor), abs(e.span.root.i - anchor.i))).value


def _clause_head(tok: Token) -> Token | None:
    """The verb whose clause a token sits in."""
    for t in [tok, *tok.ancestors]:
        if t.pos_ in ("VERB", "AUX") and t.dep_ not in ("amod",):
            return t
    return None


def _attachment(span: Span, anchor: Token) -> int:
    """0: the date hangs off the anchor; 1: off the anchor's clause (or a
    clause above it); 2: elsewhere in the sentence."""
    root = span.root
    if anchor in root.ancestors or anchor.i in range(span.start, span.end):
        return 0
    head = _clause_head(root)
    if head is not None and (head == anchor or head in anchor.ancestors or head == _clause_head(anchor)):
        return 1
    return 2
