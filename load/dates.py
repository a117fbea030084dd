"""Date expressions resolved against the article's own anchor: the resolving API.

One module that people, meetings, figures and casualties share.
``date_expressions`` finds the expressions (DATE entities, weekday tokens,
numeric dates, "overnight", ...) and tells their kind; ``dateparse`` reads
them (dateparser, cached per expression and base). Every relative expression
is resolved against the publication date the reader found, never today or
the file's time; an expression the article does not pin down keeps its
``raw`` text with ``iso`` None.

API (stable; other modules call it):

- ``DateContext(doc, article)`` walks the article once, in text order.
- ``ctx.date_for(target, anchor_token=None) -> DateValue | None``: the date
  governing an event. ``target`` is the event's sentence index, span or
  token; ``anchor_token`` its verb or noun. A date attached to the anchor in
  the parse wins, then one in the anchor's clause, then the sentence's
  nearest date; a date in a clause of the other tense (a forecast "will reach ... by
  the end of the year" beside a past event) is never taken from another clause.
- ``ctx.resolve(span) -> DateValue | None``: the value of one expression span.
- ``ctx.in_sentence(i) -> list[DateExpr]``, ``ctx.expressions``: every
  expression with its ``kind`` (see ``date_expressions``) and value.
- ``ctx.reference(span=None) -> (ISO, "published") | None``: the anchor of
  weekdays and relative expressions (the publication date at day precision).
- ``ctx.trip_start``: the start of the journey "the Nth day of his visit" counts from.
- ``DateValue`` (records): ``raw`` always; ``iso`` (start of the period),
  ``precision`` (day, month, year), ``reference`` ("published",
  "explicit:<ISO>", "absolute", "paragraph:<ISO>"), ``inferred`` (how, when
  not read directly: "narrative:<ISO>", "trip-start:<ISO>", "overnight").

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

from spacy.tokens import Doc, Span, Token

from . import doc_cache
from .cleaning import Line
from .date_expressions import (  # noqa: F401 (API: casualties and meetings import from here)
    BACKWARD, FORWARD, FUTURE_SLACK, MONTHS, NARRATIVE_WINDOW, START_VERBS, TIME_UNITS, TRIP_NOUNS,
    WEEKDAY_INDEX, WEEKDAY_MODIFIERS, WEEKDAYS, DateExpr, _cardinal, _core, _ordinal, _same_day, _words,
    classify, clause_head, explicit_full_dates, find_expressions, is_future, month_day,
)
from .date_days import day_of_month, join_weekdays_of_a_week, month_named_before, weekday_of_week
from .dateparse import PRECISION, has_year, iso_at, numeric_order, parse_expression, parse_published, read_numeric  # noqa: F401 (API)
from .records import Article, DateValue

_clause_head = clause_head


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


def _flat(span: Span) -> list[str]:
    return [p for w in _words(span) for p in w.split("-") if p]


class DateContext:
    """Every date expression of one article, resolved (see the module docstring)."""

    def __init__(self, doc: Doc, article: Article | None = None):
        self.doc = doc
        self.article = article
        self._text = doc_cache.text(doc)
        self.sentences = doc_cache.sentences(doc)
        self._sent_of = doc_cache.sentence_index(doc)   # token index -> sentence
        a = article
        self.published = a.published[:10] if a and a.published and a.published_precision in (None, "day") else None
        # A dateline's day and month without a year ("BEIJING, Aug. 17 (Xinhua)"): no full date the
        # page states fell in its week (the reader would have taken its year), so none is the article's time.
        undated_dateline = bool(a and a.published is None and a.published_source == "dateline-without-year")
        self._explicit = [] if undated_dateline else self._locate_explicit()
        self._order = numeric_order([self._text, a.published_raw if a else None])
        self._captions: dict[int, bool] = {}
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
            at = self._text.find(raw) if raw else -1
            out.append((at if at >= 0 else len(self._text), iso))
        return out

    def reference(self, span: Span | None = None) -> tuple[str, str] | None:
        """(ISO, label) of the publication date that weekdays and relative
        expressions resolve against, or None (explicit dates are used only by
        the narrower rules of the module docstring)."""
        return (self.published, "published") if self.published else None

    def _line_of(self, char: int) -> tuple[int, int]:
        text = self._text
        start = text.rfind("\n", 0, char) + 1
        end = text.find("\n", char)
        return start, (len(text) if end < 0 else end)

    def is_caption(self, sentence: int) -> bool:
        """Whether a sentence belongs to a photo caption (its line ends in a photo credit)."""
        if sentence not in self._captions:
            start, end = self._line_of(self.sentences[sentence].start_char)
            self._captions[sentence] = Line(self._text[start:end], 0).is_caption()
        return self._captions[sentence]

    # -- one expression

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
        for e in doc_cache.entities(self.doc):
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
        for span in find_expressions(self.doc):
            kind = classify(span)
            if kind is None:
                continue
            self.expressions.append(DateExpr(span, self._sent_of[span.start], kind,
                                             self._value(span, kind), self._starts_trip(span)))
        for n, expr in enumerate(self.expressions):
            if expr.kind == "monthday":          # "began on March 12 and ended on the 14th"
                month = month_named_before(self.expressions, n)
                if month is not None:
                    expr.value = self._month_day(expr.span, month)
        self._check_weekdays()
        join_weekdays_of_a_week(self.expressions, self.doc, self.published)
        anchor: DateValue | None = None
        anchor_sentence = -NARRATIVE_WINDOW - 1
        pending = []
        for expr in self.expressions:
            if expr.kind == "narrative":
                near = expr.sentence - anchor_sentence <= NARRATIVE_WINDOW
                expr.value = self._narrative(expr.span, anchor if near else None)
            elif expr.kind == "trip_day":
                pending.append(expr)
                continue
            value = expr.value
            if value and value.precision == "day" and self._in_clause(expr.span) and not self.is_caption(expr.sentence):
                anchor, anchor_sentence = value, expr.sentence
        for expr in pending:
            expr.value = self._trip_day(expr.span)
        self.trip_start = self._trip_start_for(None)

    def _check_weekdays(self) -> None:
        """A weekday beside a date, or inside it, must agree with it (module docstring)."""
        for i, expr in enumerate(self.expressions):
            value = expr.value
            if expr.kind in ("calendar", "absolute") and value and value.precision == "day":
                named = [WEEKDAY_INDEX[w] for w in _flat(expr.span) if w in WEEKDAYS]
                if named and date.fromisoformat(value.iso).weekday() != named[0] and expr.kind == "calendar":
                    expr.value = DateValue(raw=value.raw)
            if expr.kind != "weekday":
                continue
            for other in self.expressions[max(0, i - 1): i + 2]:
                if other is expr or other.kind not in ("calendar", "absolute", "numeric", "monthday") \
                        or not self._beside(expr.span, other.span):
                    continue
                stated = other.value
                if not (stated and stated.iso and stated.precision == "day"):
                    continue
                if date.fromisoformat(stated.iso).weekday() == WEEKDAY_INDEX[next(w for w in _flat(expr.span) if w in WEEKDAYS)]:
                    expr.value = DateValue(raw=expr.span.text, iso=stated.iso, precision="day", reference=stated.reference)
                else:
                    expr.value = DateValue(raw=expr.span.text)
                    if other.kind in ("calendar", "monthday"):
                        other.value = DateValue(raw=stated.raw)

    def _beside(self, a: Span, b: Span) -> bool:
        """Two spans with only punctuation between them: "Tuesday (Mar. 7)", "Mar. 7, Tuesday"."""
        first, second = (a, b) if a.start < b.start else (b, a)
        return first.end <= second.start and all(t.is_punct for t in self.doc[first.end: second.start]) \
            and second.start - first.end <= 2

    @staticmethod
    def _in_clause(span: Span) -> bool:
        """Only dates in sentences with a verb move the timeline (not site headers)."""
        return any(t.pos_ == "VERB" for t in span.sent)

    @staticmethod
    def _starts_trip(span: Span) -> bool:
        verb = clause_head(span.root)
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

    def date_for(self, target: int | Span | Token, anchor_token: Token | None = None,
                 precision: str | None = None, own_clause: bool = False) -> DateValue | None:
        """The date governing an event, or None when its sentence gives none.

        ``target`` is the event's sentence index, span or token;
        ``anchor_token`` the event's verb or noun (defaults to the span's
        root). A date attached to the anchor in the parse wins, then one in
        the anchor's clause, then the sentence's nearest date; a date in a
        clause of the other tense is taken only when it hangs off the anchor.
        ``precision="day"`` (or "month") asks for a date at least that fine:
        a coarser winner comes back with ``iso`` None and its raw text (a
        meeting "last month" is not dated by the month). ``own_clause`` takes
        only a date of the anchor's clause or a clause above it, not one of
        another clause ("... beat Governor X in a state Trump won in 2016")."""
        if isinstance(target, int):
            index, anchor = target, anchor_token
        else:
            first = target if isinstance(target, Token) else target[0] if len(target) else None
            if first is None:
                return None
            index = self._sent_of[first.i]
            anchor = anchor_token or (target if isinstance(target, Token) else target.root)
        candidates = self.in_sentence(index)
        if not candidates:
            return None
        if anchor is None:
            return _at_least(candidates[0].value, precision)
        # A forecast beside a past event (or the reverse) dates only its own clause.
        tense = is_future(anchor)
        candidates = [e for e in candidates if _attachment(e.span, anchor) < 2 or is_future(e.span.root) == tense]
        if own_clause:
            candidates = [e for e in candidates if _attachment(e.span, anchor) < 2]
        if not candidates:
            return None
        best = min(candidates, key=lambda e: (_attachment(e.span, anchor), abs(e.span.root.i - anchor.i)))
        return _at_least(best.value, precision)


FINENESS = {"day": 3, "month": 2, "year": 1}


def _at_least(value: DateValue | None, precision: str | None) -> DateValue | None:
    """The value, or its raw text alone when it is coarser than ``precision``."""
    if value is None or precision is None or value.iso is None or FINENESS[value.precision] >= FINENESS[precision]:
        return value
    return DateValue(raw=value.raw, reference=value.reference)


def _replace_year(d: date, year: int) -> date | None:
    try:
        return d.replace(year=year)
    except ValueError:                            # February 29
        return None


def _attachment(span: Span, anchor: Token) -> int:
    """0: the date hangs off the anchor; 1: off the anchor's clause (or a
    clause above it); 2: elsewhere in the sentence."""
    root = span.root
    if anchor in root.ancestors or anchor.i in range(span.start, span.end):
        return 0
    head = clause_head(root)
    if head is not None and (head == anchor or head in anchor.ancestors or head == clause_head(anchor)):
        return 1
    return 2
