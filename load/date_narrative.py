"""Days counted along the story rather than named (for ``dates``).

``StoryDays`` is the part of ``dates.DateContext`` that reads narrative steps ("a day earlier",
"the next day", "hours later": from the last event date told within a few sentences, never from
a photo caption) and the days of a journey ("the second day of his visit": from the date its
start is told, "arrived in ...", "began his tour"). It reads the context's ``expressions`` and ``doc``.

``across_a_gap``: a clause set a stated time from another ("X was shot dead on Tuesday, a day after
a soldier was killed", "two days before the vote, gunmen ..."): a date of one side dates the other
side shifted by the gap (days and weeks); a gap of hours or months leaves the other side undated.
"""
from __future__ import annotations

from datetime import date, timedelta

from spacy.tokens import Span, Token

from . import doc_cache
from .date_expressions import BACKWARD, FORWARD, START_VERBS, TIME_UNITS, TRIP_NOUNS, _cardinal, _ordinal, _same_day, \
    _words, clause_head
from .dateparse import parse_expression
from .records import DateValue


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


# Units a gap clause may shift a day by; other units ("hours after", "months before") leave it undated.
GAP_DAYS = {"day", "days", "week", "weeks", "fortnight"}


def gap_clause(tok: Token) -> tuple[Token, list[str], bool] | None:
    """The clause ``tok`` sits in when it is told at a distance from the sentence's other clause:
    "(a day) after a soldier was killed" -> (killed, ["a", "day"], True: it happened before)."""
    for t in [tok, *tok.ancestors]:
        if t.dep_ != "advcl":
            continue
        mark = next((c for c in t.children if c.dep_ == "mark" and c.lower_ in ("after", "before")), None)
        gap = next((c for c in t.children if c.dep_ == "npadvmod" and c.lower_ in TIME_UNITS), None)
        if mark is not None and gap is not None:
            return t, [w.lower_ for w in gap.subtree], mark.lower_ == "after"
    return None


def across_a_gap(value: DateValue | None, date_root: Token, anchor: Token) -> DateValue | None:
    """The date of ``anchor``'s event when ``value`` (a date at ``date_root``) is told on the other
    side of a gap clause (module docstring); ``value`` itself when no gap lies between them."""
    if value is None:
        return None
    here, there = gap_clause(anchor), gap_clause(date_root)
    if (here and there and here[0] == there[0]) or not (here or there):
        return value                              # the same side
    clause, words, before = here or there
    backward = before if here else not before     # the anchor's event is before the date's, or after it
    if value.iso is None or value.precision != "day" or not set(words) & GAP_DAYS:
        return DateValue(raw=value.raw, reference=value.reference)
    iso = _shift(value.iso, words, backward)
    if iso is None:
        return DateValue(raw=value.raw, reference=value.reference)
    return DateValue(raw=value.raw, iso=iso, precision="day", reference=value.reference, inferred=f"narrative:{value.iso}")


class StoryDays:
    """Narrative steps and trip days (see the module docstring)."""

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

    @staticmethod
    def _starts_trip(span: Span) -> bool:
        verb = clause_head(span.root)
        if verb is None or verb.lemma_.lower() not in START_VERBS:
            return False
        return verb.lemma_.lower() in ("arrive", "land") or any(
            t.lemma_.lower() in TRIP_NOUNS for t in verb.subtree)
