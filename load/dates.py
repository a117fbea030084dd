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

How each kind of expression resolves: ``date_values`` (what one expression names) and
``date_narrative`` (days counted along the story: "a day earlier", "the second day of his visit").
"""
from __future__ import annotations

from datetime import date

from spacy.tokens import Doc, Span, Token

from . import doc_cache
from .cleaning import Line
from .date_days import join_weekdays_of_a_week, month_named_before
from .date_expressions import (  # noqa: F401 (API: casualties and meetings import from here)
    BACKWARD, FORWARD, FUTURE_SLACK, MONTHS, NARRATIVE_WINDOW, START_VERBS, TIME_UNITS, TRIP_NOUNS,
    WEEKDAY_INDEX, WEEKDAY_MODIFIERS, WEEKDAYS, DateExpr, _cardinal, _core, _ordinal, _same_day, _words,
    classify, clause_head, explicit_full_dates, find_expressions, is_future, month_day,
)
from .date_narrative import StoryDays, across_a_gap
from .date_values import ExpressionValues, _flat
from .dateparse import PRECISION, has_year, iso_at, numeric_order, parse_expression, parse_published, read_numeric  # noqa: F401 (API)
from .records import Article, DateValue

_clause_head = clause_head


class DateContext(ExpressionValues, StoryDays):
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
        return _at_least(across_a_gap(best.value, best.span.root, anchor), precision)


FINENESS = {"day": 3, "month": 2, "year": 1}


def _at_least(value: DateValue | None, precision: str | None) -> DateValue | None:
    """The value, or its raw text alone when it is coarser than ``precision``."""
    if value is None or precision is None or value.iso is None or FINENESS[value.precision] >= FINENESS[precision]:
        return value
    return DateValue(raw=value.raw, reference=value.reference)





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
