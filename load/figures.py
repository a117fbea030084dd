"""Figures: measured quantities with a unit, as news writes them.

``extract(doc, article) -> list[Figure]`` finds distances, areas, money,
power, energy, voltage, speed, gas and oil volumes and flows, masses and
percentages, e.g. "The 2,775-kilometre ... pipeline", "900 kilometers (559
miles)", "the 950km border", "$7.5 billion", "USD4.2 billion", "Rs20bn", "₹640
crore", "€2,5 bn", "two hundred and forty million dollars", "half a tonne",
"1,000 MW", "4 billion cu m/year", "300 kph", "30 to 35 per cent".

How it works
------------
1. Candidates: a spaCy ``Matcher`` built from the unit and currency tables
   (``load.units``, ``load.currency``) proposes token spans "number [scale] [-]
   unit", "currency number [scale]", "number [scale] [nationality] currency-word",
   ranges "number to|-|and number unit", and single glued tokens ("950km",
   "Rs20bn", "USD4.2"; a regex on that one token's text splits it). The longest
   non-overlapping spans win.
2. Reading (``load.figure_reading``): each span is read left to right into an
   absolute value (7.5e9 for "$7.5 billion") and a unit; a span with no unit or currency ("10 million",
   "2019", "15 soldiers", "six months", "10 facts") is dropped, which is what
   keeps years, durations, ordinals, ages, phone numbers and head counts out:
   none of them is followed by a unit from the tables. Non-finite values and
   values above ``units.MAX_VALUE`` are skipped.
3. Currency: a sign that names one currency decides it ("₹", "Tk", "USD");
   one that names several ("Rs", "¥", "dinars") is resolved from the article's
   own evidence by ``load.currency.resolve``; when that is not evident the surface
   currency stays the unit ("Rs") and ``note`` says so.
4. A range ("30 to 35 per cent", "$1-2 billion", "between 3 and 5 km") is two
   figures, its ends, marked ``range_part`` "low" and "high"; the low end takes
   the high end's unit and scale. So is "30 per cent to 35 per cent".
5. A figure directly followed by a bracketed figure of the same dimension
   ("900 kilometers (559 miles)") is one figure; the bracket goes to ``also_*``.
6. A headline figure repeated in the body, or rounded ("4 million tonnes" over "4.2
   million tonnes", "$59.9b" over "TT$59.9 billion"), is one figure: the body's (its
   sentence says what it measures); so is a figure in a sentence printed twice.
7. Subject: see ``load.figure_subjects``.

Values and units: ``value``/``unit`` are what the article wrote (absolute
number, normalized unit); ``canonical_value``/``canonical_unit`` convert to
one unit per dimension (km, km2, t, MW, MWh, bcm, mmcfd, bpd, km/h, kV, %). Money
stays in its own currency: no exchange rates (they need a rate source and a date,
and would put numbers in the database that the article never stated). A qualifier
("about", "nearly", "over", "more than", "up to", ...) always sets
``approximate``: none of them states the exact value.

Measured choice (``benchmarks/figures_choice.py``; the five seeds, whose gold
holds five figures, plus 17 news-style sentences written for the benchmark,
one unit pattern each; cost per article on top of the spaCy pipeline itself,
which takes 130-200 ms per article with en_core_web_sm on a shared machine)::

    method                              ms/article  P     R     F1    subject  patterns
    quantulum3, every quantity          35-55       0.07  1.00  0.12  -        12/17
    quantulum3, with a unit, not time   35-47       1.00  1.00  1.00  -        12/17
    spaCy QUANTITY/MONEY/PERCENT ents   0.05        1.00  1.00  1.00  -        10/17
    this module (Matcher + parse)       1.5         1.00  1.00  1.00  5/5      17/17

quantulum3 also takes 2-3 s on its first call (it loads its unit tables and
classifier), reads every "two", "2018" and "Twenty-seven" as a dimensionless
quantity and "two-day" as a time (71 false figures on the seeds before
filtering), misreads "bcm", "mmcfd" and "€15m" ("bit centimetre", "euro
metre") and misses "Rs45bn" and "Rs 2.4 trillion": a quarter of the parse's
cost for fewer units read. spaCy's entities are free but the small model misses
units it has not learned: "660 MW" (CARDINAL + ORG), "4.5 bcm", "300 mmcfd",
"Rs45bn", "€15m" (MONEY "15"), and cuts "barrels per day" to "barrels".
Since then (issue 13) the tables grew (every gazetteer currency, more units,
ranges, word numbers) and the Matcher runs only on windows around numbers that
have a unit word near them: ~2.3 ms of CPU per dev article against ~1.2 ms before,
about 4% of the parse.
Decision: the Matcher over tokens with our own unit table, ~1% of the parse
(one ``Matcher`` pattern per form length, not per spelling: per spelling it
cost ~11 ms per article), reading every unit in the table and giving the
parse-based subject. Entities are not needed as candidates: every entity the
model found on the seeds and the benchmark sentences the Matcher finds too.
"""
from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from functools import lru_cache

from spacy.attrs import LIKE_NUM, LOWER, SHAPE
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from . import currency as C
from . import doc_cache
from . import units as U
from .figure_reading import HYPHENS, NATIONALITY_TAGS, RANGE_JOINERS, Quantity, read
from .figure_subjects import subject_of
from .records import Article, Figure

# --- candidates ----------------------------------------------------------------


def _by_length(forms) -> list[list[dict]]:
    """Token specs for a set of multi-token forms, one pattern per form length.

    The Matcher tries every pattern at every token, so a pattern per spelling
    (hundreds) costs ~11 ms per article; one per length ~1.5 ms. The
    merged patterns also accept mixes of spellings ("square miles per day"):
    ``_read`` checks the real table and reads only a true form."""
    by_len: dict[int, list[set[str]]] = {}
    for form in forms:
        slots = by_len.setdefault(len(form), [set() for _ in form])
        for slot, word in zip(slots, form):
            slot.add(word)
        slots[-1].add(form[-1] + ".")   # "250 km/h." keeps the full stop on "h."
    return [[{"LOWER": {"IN": sorted(slot)}} for slot in slots] for _, slots in sorted(by_len.items())]


def _with_dots(words) -> list[str]:
    """"m" and "m." (a scale that ends the sentence keeps its full stop)."""
    return sorted({w for word in words for w in (word, word + ".")})


@lru_cache(maxsize=8)
def _matcher(vocab: Vocab) -> Matcher:
    """Patterns generated from the unit and currency tables; cached per vocab (one per model).

    The Matcher evaluates every pattern at every token it is given, so there are few
    patterns (one per form length, not per spelling) and the rarer shapes are read
    around a match instead: a number in words ends the span and ``_read`` takes in
    the words before it ("two hundred and forty | million dollars"), as it takes
    in "a"/"half a" before a scale ("a | million dollars") and the low end of a
    range before the span ("30 to | 35 per cent")."""
    # LIKE_NUM ("2,775", "7.5", "seven") is a lexeme attribute and cheap; a REGEX
    # spec costs a Python call per token per pattern, so the regex for glued
    # tokens ("950km", "Rs20bn", "7.5bn") only starts a few patterns and otherwise
    # only runs after a currency prefix has matched.
    num = {"LIKE_NUM": True}
    glued = {"TEXT": {"REGEX": "(?i)" + U.GLUED.pattern}}
    scale = {"LOWER": {"IN": _with_dots([*U.SCALES, "m"])}, "OP": "?"}  # "1.5 m tonnes"
    money_scale_word = {"LOWER": {"IN": _with_dots([*U.MONEY_SCALES, *U.MISPRINTED_SCALES])}}
    money_scale = {**money_scale_word, "OP": "?"}
    hyphen = {"ORTH": {"IN": sorted(HYPHENS)}, "OP": "?"}
    joiner = {"LOWER": {"IN": sorted(RANGE_JOINERS)}}
    title = {"IS_TITLE": True, "POS": {"IN": sorted(NATIONALITY_TAGS)}, "OP": "?"}
    measure_adj = [hyphen, {"LOWER": {"IN": sorted(U.MEASURE_ADJECTIVES)}, "OP": "?"}]  # "40-km-long"
    fraction = [{"LOWER": {"IN": sorted(U.FRACTIONS)}}, {"LOWER": {"IN": ["a", "an"]}}, scale]  # "half a"
    prefix = {"LOWER": {"IN": sorted(C.prefixes())}}
    patterns = [[glued], [glued, money_scale_word]]  # glued alone or "USD4.2 billion"
    for form in _by_length(U.UNIT_FORMS):
        patterns.append([num, scale, scale, hyphen, *form, *measure_adj])
        if len(form) <= 3:
            patterns.append([glued, *form])  # "1.5m tonnes", "2bn barrels"
        if len(form) <= 2:
            patterns.append([*fraction, *form])  # "half a tonne"
    currency_forms = [*C.currency_words(), *((code.lower(),) for code in C.iso_codes())]
    for form in _by_length(currency_forms):
        patterns.append([num, scale, scale, title, title, *form])   # "10 million Kenyan shillings"
        if len(form) == 1:
            patterns.append([num, scale, scale, {"ORTH": "["}, *form, {"ORTH": "]"}])  # "9 billion [dollars]"
            patterns.append([num, {"ORTH": {"IN": sorted(HYPHENS)}}, money_scale_word,
                             {"ORTH": {"IN": sorted(HYPHENS)}}, *form])                # "a 200-million-yuan grant"
    us_prefix = [{"LOWER": {"IN": ["us", "u.s."]}}, {"ORTH": "$"}]
    for number in (num, glued):
        patterns.append([prefix, number, hyphen, money_scale, money_scale])   # "Rs 1.5 lakh crore"
        patterns.append([prefix, {"ORTH": "."}, number, hyphen, money_scale, money_scale])  # "Rs. 3,860 billion" as split
        patterns.append([*us_prefix, number, hyphen, money_scale])
        patterns.append([prefix, number, joiner, {**prefix, "OP": "?"}, num, hyphen, money_scale])  # "$3-4 bn"
    matcher = Matcher(vocab)
    matcher.add("QUANTITY", patterns)
    return matcher


def _quantities(doc: Doc) -> list[Quantity]:
    """The longest candidates that read as figures, without overlaps. A longer span
    that does not read ("RMB 80 million and 12 billion yuan" is no range) gives way
    to the shorter ones inside it."""
    matcher = _matcher(doc.vocab)
    spans = sorted((span for window in _windows(doc) for span in matcher(window, as_spans=True)),
                   key=lambda s: (s.start - s.end, s.start))
    taken: set[int] = set()
    found = []
    for span in spans:
        if any(i in taken for i in range(span.start, span.end)):
            continue
        q = read(span)
        if q is None or not _sane(q.value) or (q.low is not None and not _sane(q.low)):
            continue
        if _million_not_metres(doc, q):
            continue
        if any(i in taken for i in range(q.start, span.start)):
            continue
        taken.update(range(q.start, q.end))
        found.append(q)
    return sorted(found, key=lambda q: q.start)


# Every pattern holds a number (digits, a number word, "half") and a unit, currency or
# scale word within a few tokens of it ("US $", "half a" before; "billion cubic metres
# per year" after). The Matcher runs only on windows around numbers that have such a
# word near them: most of an article has no figure in it, and matching every token
# against every pattern cost several times as much.
WINDOW_BEFORE, WINDOW_AFTER = 4, 12


def _windows(doc: Doc) -> list[Span]:
    """Token windows around the numbers that have a unit, currency or scale word near
    them, or that carry one glued on ("950km", "Rs20bn"), ending just after the last
    such word. This runs on every token of every article: lexeme hashes only."""
    strings = doc.vocab.strings
    triggers, fractions = _trigger_hashes(), _fraction_hashes()
    rows = doc.to_array([LOWER, LIKE_NUM, SHAPE]).tolist()
    near = [i for i, row in enumerate(rows) if row[0] in triggers]
    n = len(rows)
    windows: list[list[int]] = []
    for i, (lower, like_num, shape) in enumerate(rows):
        kind = _shape_kind(strings[shape])
        if not (like_num or kind or lower in fractions):
            continue
        start = max(0, i - WINDOW_BEFORE)
        k = bisect_left(near, i + WINDOW_AFTER) - 1       # the last unit word in reach
        if k >= 0 and near[k] >= start:
            end = min(n, max(near[k], i) + 3)              # "-long", "]" after the unit
        elif kind == 2:
            end = min(n, i + 3)                            # "950km", "USD4.2 billion"
        else:
            continue    # a bare number with no unit, currency or scale near it: a year, a count
        if windows and start <= windows[-1][1]:
            windows[-1][1] = max(end, windows[-1][1])
        else:
            windows.append([start, end])
    return [doc[start:end] for start, end in windows]


@lru_cache(maxsize=4096)
def _shape_kind(shape: str) -> int:
    """0: no digit ("Xxxxx"); 1: digits as numbers are written ("dd,ddd", "d.d");
    2: digits glued to letters or a sign ("dddxx" for "950km", "Xxdd" for "Rs20", "$d")."""
    if "d" not in shape:
        return 0
    return 1 if set(shape) <= {"d", ",", "."} else 2


@lru_cache(maxsize=1)
def _trigger_hashes():
    """Hashes of the lower-cased words that make a number a figure: units, currencies, scales."""
    from spacy.strings import hash_string
    words = {w for table in (U.UNIT_FORMS, C.currency_words()) for form in table for w in form}
    words |= {*U.SCALES, *U.MONEY_SCALES, *U.MISPRINTED_SCALES, *C.prefixes(), *U.FRACTIONS, "$", "us"}
    words |= {w + "." for w in list(words)}
    return frozenset(hash_string(w) for w in words)


@lru_cache(maxsize=1)
def _fraction_hashes():
    from spacy.strings import hash_string
    return frozenset(hash_string(w) for w in U.FRACTIONS)


def _sane(value: float) -> bool:
    return math.isfinite(value) and 0 <= value <= U.MAX_VALUE


def _million_not_metres(doc: Doc, q: Quantity) -> bool:
    """"3m people", "2 m refugees": a short "m" before a plural noun is "million",
    and a million people is a count, not a figure."""
    last = doc[q.end - 1]
    return (q.unit is not None and q.unit.key == "m" and last.lower_.endswith("m")
            and not last.lower_.endswith("metre")
            and q.end < len(doc) and doc[q.end].tag_ in ("NNS", "NNPS"))


# --- qualifiers, brackets, repeats -------------------------------------------------

def _qualifier(doc: Doc, start: int) -> str | None:
    for n in (3, 2, 1):
        if start - n < 0:
            continue
        key = tuple(t.lower_ for t in doc[start - n:start])
        if key in U.QUALIFIERS:
            return U.QUALIFIERS[key]
    return None


def _dimension(q: Quantity) -> str:
    return q.unit.dimension if q.unit else "money"


def _bracketed(doc: Doc, main: Quantity, other: Quantity) -> bool:
    """``other`` is a conversion of ``main`` written in brackets right after it."""
    return (other.start == main.end + 1 and doc[main.end].text == "("
            and other.end < len(doc) and doc[other.end].text == ")"
            and _dimension(other) == _dimension(main) and main.low is None and other.low is None)


def _is_heading(sentence: Span) -> bool:
    """A headline or caption line: no sentence-final punctuation."""
    words = [t for t in sentence if not t.is_space]
    return bool(words) and words[-1].text not in (".", "!", "?", '"', "”", "'", "’", ")", "…")


WRITTEN_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")


def _rounds_to(value: float, rounded: Figure) -> bool:
    """A headline's round figure for the body's exact one: "4 million tonnes" for "4.2 million
    tonnes", "$85 billion" for "$85.3 billion" (within half the headline's last written digit)."""
    written = WRITTEN_NUMBER.search(rounded.text)
    if not written or not rounded.value:
        return False
    digits = written.group(0).replace(",", "")
    number = float(digits)
    if number == 0:
        return False
    last_digit = 10 ** -len(digits.split(".")[1]) if "." in digits else 1
    return abs(value - rounded.value) <= 0.5 * last_digit * rounded.value / number


# A dollar sign with its country's letters: "TT$", "SI$", "US$", "NZ$".
LETTERED_DOLLAR = re.compile(r"^[A-Za-z.]{1,4}\$")


def _a_dollar_of_the_body(heading: Figure, body: Figure) -> bool:
    """A headline's bare "$" for the dollar the body names: "$59.9b budget" over "a TT$59.9 billion
    budget" (headlines drop the country's letters)."""
    return heading.text.lstrip().startswith("$") and bool(LETTERED_DOLLAR.match(body.text.lstrip()))


def _drop_repeats(figures: list[Figure], sentences: list[Span]) -> list[Figure]:
    """One figure for a headline figure that the body repeats, and for a figure in a
    sentence printed twice (a headline repeated over the body)."""
    keep = []
    for f in figures:
        heading = _is_heading(sentences[f.sentence])
        same = [g for g in figures if g is not f and g.range_part == f.range_part
                and (g.unit == f.unit or heading and _a_dollar_of_the_body(f, g))
                and (math.isclose(g.value, f.value) or heading and _rounds_to(g.value, f))]
        if any(not _is_heading(sentences[g.sentence]) for g in same) and heading:
            continue   # the body states it too
        if any(g.sentence < f.sentence and sentences[g.sentence].text.strip() == sentences[f.sentence].text.strip()
               for g in same):
            continue   # the same sentence again
        keep.append(f)
    return keep


# --- public ----------------------------------------------------------------------------

def extract(doc: Doc, article: Article | None = None) -> list[Figure]:
    """Every figure with a unit in ``doc`` (parsed from ``article.text``), in text order."""
    quantities = _quantities(doc)
    sentences = doc_cache.sentences(doc)
    sent_starts = doc_cache.sentence_starts(doc)
    votes = None
    if any(q.money and (not q.money.code or q.needs_country) for q in quantities):
        votes = C.evidence(doc, article)
        quantities = [q for q in quantities if not q.needs_country or C.country_evident(q.money, votes)]
    figure_tokens = {i for q in quantities for i in range(q.start, q.end)}
    figures: list[Figure] = []
    subjects: dict[int, str | None] = {}      # token index -> subject of the figure there
    k = 0
    while k < len(quantities):
        q = quantities[k]
        also = None
        if k + 1 < len(quantities) and _bracketed(doc, q, quantities[k + 1]):
            also = quantities[k + 1]
            k += 1
        k += 1
        sentence = bisect_right(sent_starts, q.start) - 1
        sent = sentences[sentence]
        after = also.end + 1 if also else q.end
        unit, note = _unit(q, votes)
        also_unit = _unit(also, votes)[0] if also else None
        subject = subject_of(doc, q.start, q.end, after, sent, figure_tokens, subjects)
        for i in range(q.start, after):
            subjects[i] = subject
        qualifier = _qualifier(doc, q.start)
        ends = [("low", q.low, q.start, q.low_end), ("high", q.value, q.low_end + 1, q.end)] \
            if q.low is not None else [(None, q.value, q.start, q.end)]
        for part, value, start, end in ends:
            span = doc[start:end]
            text, end_char = span.text, span.end_char
            if len(span) > 1 and text.endswith(".") and span[-1].lower_ != ".":
                text, end_char = text[:-1], end_char - 1     # "$750m." ends a sentence
            figures.append(Figure(
                value=value,
                unit=unit.key,
                canonical_value=value * unit.factor,
                canonical_unit=unit.canonical,
                dimension=unit.dimension,
                text=text,
                start=span.start_char,
                end=end_char,
                sentence=sentence,
                subject=subject,
                approximate=qualifier is not None,
                qualifier=qualifier,
                also_value=also.value if also else None,
                also_unit=also_unit.key if also_unit else None,
                also_text=doc[also.start:also.end].text if also else None,
                note=note,
                range_part=part,
            ))
    _pair_ranges(doc, quantities, figures)
    return _drop_repeats(figures, sentences)


def _unit(q: Quantity, votes) -> tuple[U.Unit, str | None]:
    if q.unit:
        return q.unit, q.note
    key, note = C.resolve(q.money, q.nationality, votes)
    notes = "; ".join(n for n in (q.note, note) if n) or None
    return U.Unit(key, "money", key, 1.0), notes


def _pair_ranges(doc: Doc, quantities: list[Quantity], figures: list[Figure]) -> None:
    """"30 per cent to 35 per cent": two figures written whole on both sides of "to"
    are the ends of one range."""
    by_start = {f.start: f for f in figures}
    for a, b in zip(quantities, quantities[1:]):
        if (b.start == a.end + 1 and doc[a.end].lower_ in ("to", "-", "–") and a.low is None and b.low is None
                and _dimension(a) == _dimension(b) and a.value < b.value):
            fa, fb = by_start.get(doc[a.start].idx), by_start.get(doc[b.start].idx)
            if fa and fb and fa.unit == fb.unit:
                fa.range_part, fb.range_part = "low", "high"
                # "40 per cent to 45 per cent of the value": what follows the high end names both.
                fa.subject = fb.subject = fb.subject or fa.subject
