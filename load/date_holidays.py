"""Holidays as event dates: "on Christmas Day", "on New Year's Eve", "on Good Friday" (for ``dates``).

- A holiday on a fixed day of the calendar (Christmas Eve and Day, Boxing Day, New Year's Eve
  and Day, Valentine's Day, Halloween, International Women's Day, May Day) and the days that
  Easter fixes (Good Friday, Easter Sunday and Monday, Palm Sunday, Ash Wednesday, Pentecost:
  ``dateutil.easter``, an exact computation; "Orthodox Easter" by the Orthodox one) is dated like a
  year-less date: the year written with it ("Christmas Day 2022"), else the latest such day on or
  before the publication date (a few days after it still count, an announced plan), the next one
  in a future clause; "last Christmas" is strictly before, "next Easter" strictly after. Without a
  publication date and without a year, NULL.
- Plain "Easter" in an article that names a country of the Orthodox tradition is NULL in a year when
  the two Easters fall on different days: which one the text means is not evident.
- Feasts whose day depends on the moon's sighting, a lunar calendar or a country (Eid, Diwali,
  Lunar New Year, Ramadan, Thanksgiving, Independence Day, Orthodox Christmas) are found, so that
  no other date of the sentence is taken for them, and keep only their raw text: never guessed.

Names are matched on tokens in title case ("Christmas Day", not "christmas day" in a slogan); a
bare "Christmas" or "Easter" only after "on" ("on Christmas", not "Christmas market"); a name
followed by another capitalised word names something else ("Good Friday Agreement").
"""
from __future__ import annotations

from datetime import date, timedelta

from dateutil.easter import EASTER_ORTHODOX, EASTER_WESTERN, easter
from spacy.attrs import LOWER
from spacy.tokens import Doc, Span

from . import doc_cache
from .records import DateValue

# (month, day) of holidays on a fixed day of the calendar.
FIXED: dict[tuple[str, ...], tuple[int, int]] = {
    ("christmas", "day"): (12, 25), ("christmas", "eve"): (12, 24), ("christmas",): (12, 25),
    ("boxing", "day"): (12, 26),
    ("new", "year", "'s", "day"): (1, 1), ("new", "years", "day"): (1, 1), ("new", "year", "day"): (1, 1),
    ("new", "year", "'s", "eve"): (12, 31), ("new", "years", "eve"): (12, 31), ("new", "year", "eve"): (12, 31),
    ("valentine", "'s", "day"): (2, 14), ("valentines", "day"): (2, 14),
    ("halloween",): (10, 31),
    ("international", "women", "'s", "day"): (3, 8),
    ("may", "day"): (5, 1),
}
# Days from Easter Sunday.
FROM_EASTER: dict[tuple[str, ...], int] = {
    ("easter",): 0, ("easter", "sunday"): 0, ("easter", "day"): 0, ("easter", "monday"): 1,
    ("holy", "saturday"): -1, ("good", "friday"): -2, ("maundy", "thursday"): -3, ("holy", "thursday"): -3,
    ("palm", "sunday"): -7, ("ash", "wednesday"): -46, ("pentecost",): 49, ("whit", "sunday"): 49,
}
# Holidays whose day no rule here computes: kept with their raw text only.
UNDATED: set[tuple[str, ...]] = {
    ("eid",), ("eid", "al", "-", "fitr"), ("eid", "al", "-", "adha"), ("eid", "ul", "-", "fitr"), ("eid", "ul", "-", "adha"),
    ("eid", "al", "fitr"), ("eid", "al", "adha"), ("eid", "ul", "fitr"), ("eid", "ul", "adha"), ("eid", "-", "ul", "-", "fitr"),
    ("eid", "-", "ul", "-", "adha"), ("eid", "-", "ul", "-", "azha"),
    ("diwali",), ("deepavali",), ("holi",), ("ramadan",), ("lunar", "new", "year"), ("chinese", "new", "year"),
    ("nowruz",), ("thanksgiving",), ("thanksgiving", "day"), ("hanukkah",), ("passover",), ("yom", "kippur"),
    ("rosh", "hashanah"), ("vesak",), ("dashain",), ("durga", "puja"), ("independence", "day"), ("labour", "day"),
    ("labor", "day"), ("mother", "'s", "day"), ("father", "'s", "day"), ("ashura",), ("orthodox", "christmas"),
}
# Names that are holidays only right after "on": "on Christmas" (not "Christmas market").
AFTER_ON_ONLY = {("christmas",), ("easter",), ("eid",), ("holi",), ("halloween",), ("thanksgiving",)}
NAMES = set(FIXED) | set(FROM_EASTER) | UNDATED
FIRST_WORDS = {name[0] for name in NAMES}
WORDS = {w for name in NAMES for w in name}
LONGEST = max(len(name) for name in NAMES)
# Countries where Easter is the Orthodox (or Coptic) Easter for many of those who keep it (ISO codes).
ORTHODOX_COUNTRIES = {"RU", "UA", "BY", "MD", "RO", "BG", "RS", "ME", "MK", "GR", "CY", "GE", "AM", "ET", "ER", "EG"}
# How far after the publication date a holiday told in the past tense may fall (an announced plan).
SLACK = timedelta(days=7)


def _lower(token) -> str:
    return token.lower_.replace("\u2019", "'")


def _name_at(doc: Doc, i: int) -> tuple[tuple[str, ...], int] | None:
    """The longest holiday name starting at token ``i``, and its end."""
    for n in range(min(LONGEST, len(doc) - i), 0, -1):
        words = tuple(_lower(t) for t in doc[i:i + n])
        if words not in NAMES:
            continue
        if not all(t.is_title or not t.is_alpha or _lower(t) in ("'s", "al", "ul") for t in doc[i:i + n]):
            return None                           # "christmas day" in lower case is no name
        if words in AFTER_ON_ONLY and not (i > 0 and doc[i - 1].lower_ == "on"):
            return None
        after = doc[i + n] if i + n < len(doc) else None
        if after is not None and after.is_title and after.is_alpha and after.i != after.sent.start \
                and after.ent_type_ != "DATE" and after.lower_ not in ("night", "morning", "evening", "afternoon"):
            return None                           # "Good Friday Agreement", "Christmas Island"
        return words, i + n
    return None


def _first_word(lower: str) -> bool:
    return lower in FIRST_WORDS


def holiday_spans(doc: Doc) -> list[Span]:
    """Every holiday name in the Doc (as a Span), whatever the NER made of it."""
    out = []
    for i in doc_cache.tokens_where(doc, _first_word, LOWER):
        if out and i < out[-1].end:
            continue
        found = _name_at(doc, i)
        if found:
            out.append(doc[i:found[1]])
    return out


def holiday_in(span: Span) -> tuple[str, ...] | None:
    """The holiday a date expression names, if it names one."""
    doc = span.doc
    for i in range(span.start, span.end):
        if _lower(doc[i]) in FIRST_WORDS:
            found = _name_at(doc, i)
            if found and found[1] <= span.end:
                return found[0]
    return None


def in_holiday(tok) -> bool:
    """Whether a token is part of a holiday name ("Boxing" of "Boxing Day"): no place, no person."""
    if _lower(tok) not in WORDS:
        return False
    doc = tok.doc
    for i in range(max(0, tok.i - LONGEST + 1), tok.i + 1):
        if _lower(doc[i]) in FIRST_WORDS:
            found = _name_at(doc, i)
            if found and found[1] > tok.i:
                return True
    return False


def _on(name: tuple[str, ...], year: int, orthodox: bool) -> date | None:
    if name in FIXED:
        month, day = FIXED[name]
        return date(year, month, day)
    if name in FROM_EASTER:
        return easter(year, EASTER_ORTHODOX if orthodox else EASTER_WESTERN) + timedelta(days=FROM_EASTER[name])
    return None


def holiday_value(span: Span, name: tuple[str, ...], published: str | None, future: bool,
                  orthodox_country: bool) -> DateValue:
    """The day a holiday expression names (module docstring), or its raw text alone."""
    raw = span.text
    words = [_lower(t) for t in span]
    orthodox = any(_lower(t) == "orthodox" for t in span.doc[max(0, span.start - 1): span.end])
    years = [int(w) for w in words if w.isdigit() and len(w) == 4]
    if name not in FIXED and name not in FROM_EASTER:
        return DateValue(raw=raw)
    if years:
        day = _on(name, years[0], orthodox)
        if day is None or (name in FROM_EASTER and not orthodox and orthodox_country and day != _on(name, years[0], True)):
            return DateValue(raw=raw)
        return DateValue(raw=raw, iso=day.isoformat(), precision="day", reference="absolute")
    if published is None:
        return DateValue(raw=raw)
    pub = date.fromisoformat(published)
    candidates = [(y, d) for y in (pub.year - 1, pub.year, pub.year + 1) if (d := _on(name, y, orthodox)) is not None]
    if "last" in words:
        fits = [(y, d) for y, d in candidates if d < pub][-1:]
    elif "next" in words or "coming" in words:
        fits = [(y, d) for y, d in candidates if d > pub][:1]
    elif future:
        fits = [(y, d) for y, d in candidates if d >= pub - SLACK][:1]
    else:
        fits = [(y, d) for y, d in candidates if d <= pub + SLACK][-1:]
    if not fits:
        return DateValue(raw=raw, reference="published")
    year, day = fits[0]
    if name in FROM_EASTER and not orthodox and orthodox_country and day != _on(name, year, True):
        return DateValue(raw=raw, reference="published")
    return DateValue(raw=raw, iso=day.isoformat(), precision="day", reference="published")


def orthodox_country(doc: Doc) -> bool:
    """Whether the article names a country of the Orthodox tradition (a place or nationality entity)."""
    from .currency import country_iso

    return any(e.label_ in ("GPE", "NORP") and country_iso(e.text.removeprefix("the ").removesuffix("'s")) in ORTHODOX_COUNTRIES
               for e in doc_cache.entities(doc))
