"""Figures: measured quantities with a unit, as news writes them.

``extract(doc, article) -> list[Figure]`` finds distances, areas, money,
power, gas and oil volumes and flows, masses and percentages, e.g.
"The 2,775-kilometre ... pipeline", "900 kilometers (559 miles)", "the 950km
border", "about 72 km", "$7.5 billion", "Rs20bn", "1,000 MW", "40%".

How it works
------------
1. Candidates: a spaCy ``Matcher`` built from the unit table (``load.units``)
   proposes token spans "number [scale] [-] unit", "currency number [scale]",
   "number [scale] currency-word" and single glued tokens ("950km", "Rs20bn",
   "2.5GW"; a regex on that one token's text splits it). The longest
   non-overlapping spans win.
2. Reading: each span is read left to right into an absolute value (7.5e9 for
   "$7.5 billion") and a normalized unit; a span with no unit or currency
   ("10 million", "2019", "15 soldiers", "six months") is dropped, which is
   what keeps years, durations, ordinals, phone numbers and head counts out:
   none of them is followed by a unit from the table. Non-finite values and
   values above ``units.MAX_VALUE`` are skipped.
3. A figure directly followed by a bracketed figure of the same dimension
   ("900 kilometers (559 miles)") is one figure; the bracket goes to
   ``also_*``.
4. Subject, from the dependency parse (see ``_subject``): the noun phrase a
   pre-nominal measure modifies ("the 950km border" -> "border"), the noun an
   "of" phrase attaches it to ("a budget of Rs 1.2 trillion" -> "budget", "3
   million tonnes of ore" -> "ore"), else the subject of the governing verb
   ("The port is about 72 km from ..." -> "port"), with a relative pronoun
   resolved to its antecedent ("segment of the pipeline, which runs 900 km").

Values and units: ``value``/``unit`` are what the article wrote (absolute
number, normalized unit); ``canonical_value``/``canonical_unit`` convert to
one unit per dimension (km, km2, t, MW, MWh, bcm, mmcfd, bpd, %). Money stays
in its own currency: no exchange rates (they need a rate source and a date, and
would put numbers in the database that the article never stated). A qualifier
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
Decision: the Matcher over tokens with our own unit table, ~1% of the parse
(one ``Matcher`` pattern per form length, not per spelling: per spelling it
cost ~11 ms per article), reading every unit in the table and giving the
parse-based subject. Entities are not needed as candidates: every entity the
model found on the seeds and the benchmark sentences the Matcher finds too.
"""
from __future__ import annotations

import math
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

from spacy.matcher import Matcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans
from spacy.vocab import Vocab

from . import units as U
from .records import Article, Figure

HYPHENS = {"-", "–", "—"}
NOUNS = {"NOUN", "PROPN"}
# Determiners and possessives before a pre-nominal measure ("the 950km border").
NP_OPENERS = {"DET", "PRON"}
MAX_SUBJECT_WORDS = 10


@dataclass
class _Quantity:
    value: float
    unit: U.Unit
    start: int          # token indices into the doc, end exclusive
    end: int


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
    return [[{"LOWER": {"IN": sorted(slot)}} for slot in slots] for _, slots in sorted(by_len.items())]


@lru_cache(maxsize=8)
def _matcher(vocab: Vocab) -> Matcher:
    """Patterns generated from the unit table; cached per vocab (one per model)."""
    # LIKE_NUM ("2,775", "7.5", "seven") is a lexeme attribute and cheap; a REGEX
    # spec costs a Python call per token per pattern, so the regex for glued
    # tokens ("950km", "Rs20bn", "$", "7.5bn") only starts one pattern and
    # otherwise only runs after a currency prefix has matched.
    num = {"LIKE_NUM": True}
    glued = {"TEXT": {"REGEX": "(?i)" + U.GLUED.pattern}}
    scale = {"LOWER": {"IN": [*U.SCALES, "m"]}, "OP": "?"}  # "1.5 m tonnes"
    money_scale = {"LOWER": {"IN": list(U.MONEY_SCALES)}, "OP": "?"}
    hyphen = {"ORTH": {"IN": sorted(HYPHENS)}, "OP": "?"}
    measure_adj = [hyphen, {"LOWER": {"IN": sorted(U.MEASURE_ADJECTIVES)}}]
    patterns = [[glued]]  # glued tokens alone; plain numbers among them are dropped when read
    for form in _by_length(U.UNIT_FORMS):
        patterns.append([glued, *form])  # "1.5m tonnes", "2bn barrels"
        patterns.append([num, scale, scale, hyphen, *form])
        patterns.append([num, scale, scale, hyphen, *form, *measure_adj])
    for form in _by_length(U.CURRENCY_WORDS):
        patterns.append([num, scale, scale, *form])
    for form in _by_length(U.CURRENCY_PREFIXES):
        patterns.append([*form, num, money_scale])
        patterns.append([*form, glued, money_scale])
    matcher = Matcher(vocab)
    matcher.add("QUANTITY", patterns)
    return matcher


def _quantities(doc: Doc) -> list[_Quantity]:
    spans = filter_spans(_matcher(doc.vocab)(doc, as_spans=True))
    found = []
    for span in sorted(spans, key=lambda s: s.start):
        q = _read(span)
        if q is None or not (math.isfinite(q.value) and 0 <= q.value <= U.MAX_VALUE):
            continue
        if _million_not_metres(doc, q):
            continue
        found.append(q)
    return found


def _million_not_metres(doc: Doc, q: _Quantity) -> bool:
    """"3m people", "2 m refugees": a short "m" before a plural noun is "million",
    and a million people is a count, not a figure."""
    last = doc[q.end - 1]
    return (q.unit.key == "m" and last.lower_.endswith("m") and not last.lower_.endswith("metre")
            and q.end < len(doc) and doc[q.end].tag_ in ("NNS", "NNPS"))


# --- reading a span --------------------------------------------------------------

def _match_form(tokens: list[Token], i: int, table: dict) -> tuple[object, int] | tuple[None, int]:
    """The longest entry of ``table`` (keyed by lower-cased token tuples) starting at i."""
    for n in range(min(U.LONGEST_FORM, len(tokens) - i), 0, -1):
        key = tuple(t.lower_ for t in tokens[i:i + n])
        if key in table:
            return table[key], n
    return None, 0


def _number(token: Token) -> tuple[float, str | None, str | None] | None:
    """(number, currency code, suffix) of one token: "2,775", "seven", "Rs20bn"."""
    if token.lower_ in U.WORD_NUMBERS:
        return float(U.WORD_NUMBERS[token.lower_]), None, None
    m = U.GLUED.match(token.text)
    if not m:
        return None
    currency = U.CURRENCY_PREFIXES.get((m["cur"].lower(),)) if m["cur"] else None
    return float(m["num"].replace(",", "")), currency, m["suf"]


def _read(span: Span) -> _Quantity | None:
    """Read a candidate span into a value and unit, or None when it has no unit."""
    tokens = list(span)
    currency, n = _match_form(tokens, 0, U.CURRENCY_PREFIXES)
    i = n
    if i >= len(tokens):
        return None
    parsed = _number(tokens[i])
    if parsed is None:
        return None
    value, glued_currency, suffix = parsed
    currency = currency or glued_currency
    unit = None
    if suffix:
        low = suffix.lower()
        if currency and low in U.MONEY_SCALES:
            value *= U.MONEY_SCALES[low]
        elif not currency and low in U.SCALES:
            value *= U.SCALES[low]
        elif not currency and low in U.MONEY_SCALES and i + 1 < len(tokens) and (
                _match_form(tokens, i + 1, U.UNIT_FORMS)[0] or _match_form(tokens, i + 1, U.CURRENCY_WORDS)[0]):
            value *= U.MONEY_SCALES[low]  # "1.5m tonnes": a unit follows, so "m" is million
        elif not currency and U.unit_for_suffix(low):
            unit = U.unit_for_suffix(low)
        else:
            return None  # "3pm", "2nd", "Rs20xyz"
    i += 1
    scales = U.MONEY_SCALES if currency else U.SCALES
    while i < len(tokens) and unit is None:
        tok = tokens[i]
        if (tok.lower_ in U.MONEY_SCALES and tok.lower_ not in U.SCALES
                and i + 1 < len(tokens) and _match_form(tokens, i + 1, U.UNIT_FORMS)[0]):
            value *= U.MONEY_SCALES[tok.lower_]  # "1.5 m tonnes": "m" before a unit is million
            i += 1
            continue
        if not currency:
            # A unit spelled with a scale word ("billion cubic metres") beats the scale.
            unit, n = _match_form(tokens, i, U.UNIT_FORMS)
            if unit is None:
                currency, n = _match_form(tokens, i, U.CURRENCY_WORDS)
            if unit or currency:
                i += n
                break
        if tok.lower_ in scales:
            value *= scales[tok.lower_]
        elif tok.text not in HYPHENS:  # "2,775-kilometre"
            break
        i += 1
    end = i
    # "-long" in "a 40-km-long road" belongs to the measure, not to its subject.
    if unit:
        j = i + 1 if i < len(tokens) and tokens[i].text in HYPHENS else i
        if j < len(tokens) and tokens[j].lower_ in U.MEASURE_ADJECTIVES:
            end = j + 1
    if currency:
        unit = U.CURRENCY_UNITS[currency]
    if unit is None:
        return None
    return _Quantity(value, unit, span.start, span.start + end)


# --- qualifiers, brackets ----------------------------------------------------------

def _qualifier(doc: Doc, start: int) -> str | None:
    for n in (3, 2, 1):
        if start - n < 0:
            continue
        key = tuple(t.lower_ for t in doc[start - n:start])
        if key in U.QUALIFIERS:
            return U.QUALIFIERS[key]
    return None


def _bracketed(doc: Doc, main: _Quantity, other: _Quantity) -> bool:
    """``other`` is a conversion of ``main`` written in brackets right after it."""
    return (other.start == main.end + 1 and doc[main.end].text == "("
            and other.end < len(doc) and doc[other.end].text == ")"
            and other.unit.dimension == main.unit.dimension)


# --- subject -------------------------------------------------------------------------

def _words(doc: Doc, start: int, end: int) -> int:
    return len(doc[start:end].text.split())


def _phrase(tok: Token, exclude: range) -> str | None:
    """The noun phrase headed by ``tok``: its compound/adjective modifiers, and an
    "of"/"between" phrase when the whole stays short; never the figure itself."""
    doc = tok.doc
    start = tok.i
    while start - 1 >= 0 and start - 1 not in exclude:
        left = doc[start - 1]
        if left.dep_ in ("compound", "amod", "nmod") or (left.text in HYPHENS and start - 2 >= 0
                                                          and doc[start - 2].pos_ in NOUNS):
            start -= 1
        else:
            break
    while start < tok.i and doc[start].text in HYPHENS:
        start += 1
    end = tok.i + 1
    stop = _np_end(tok)
    if not any(i in exclude for i in range(end, stop)) and _words(doc, start, stop) <= MAX_SUBJECT_WORDS:
        end = stop
    if _words(doc, start, end) > MAX_SUBJECT_WORDS:
        start, end = tok.i, tok.i + 1
    return doc[start:_trim_end(doc, start, end)].text


def _trim_end(doc: Doc, start: int, end: int) -> int:
    """Drop a dangling conjunction or punctuation ("border and" of "border and water sharing")."""
    while end - 1 > start and (doc[end - 1].pos_ in ("CCONJ", "PUNCT") or doc[end - 1].dep_ == "cc"):
        end -= 1
    return end


def _np_end(tok: Token, depth: int = 0) -> int:
    """Where the noun phrase of ``tok`` ends when it takes in an "of"/"between" phrase
    ("segment of the pipeline", "distance between X and Y") but no relative clause,
    apposition or anything after a comma."""
    end = tok.i + 1
    if depth > 3:
        return end
    for child in tok.rights:
        if child.i != end:
            break
        if child.dep_ == "prep" and child.lower_ in ("of", "between"):
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if not objects:
                break
            end = _np_end(objects[0], depth + 1)
        elif child.dep_ in ("cc", "conj") and tok.dep_ == "pobj":
            end = _np_end(child, depth + 1) if child.dep_ == "conj" else child.i + 1
        else:
            break
    return end


def _following_noun_phrase(doc: Doc, after: int, sent_end: int) -> str | None:
    """The noun phrase right after a pre-nominal measure: "Iran–Pakistan gas pipeline"
    in "The 2,775-kilometre Iran–Pakistan gas pipeline, known as ...". Read linearly
    because the parser often hangs such a measure on the wrong word of a long name."""
    j = after
    last_noun = None
    while j < sent_end and j - after < MAX_SUBJECT_WORDS:
        tok = doc[j]
        if tok.pos_ in NOUNS:
            last_noun = j
        elif not (tok.pos_ == "ADJ" or tok.text in HYPHENS):
            break
        j += 1
    if last_noun is None:
        return None
    end = last_noun + 1
    head = doc[last_noun]
    stop = min(_np_end(head), sent_end)
    if _words(doc, after, stop) <= MAX_SUBJECT_WORDS:
        end = stop
    return doc[after:_trim_end(doc, after, end)].text


def _antecedent(verb: Token, exclude: range) -> str | None:
    """What a relative clause ("..., which runs 900 km") is about. When it hangs on
    the object of an "of" ("its segment of the pipeline, which"), keep both nouns."""
    noun = verb.head
    if noun.pos_ not in NOUNS:
        return None
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.pos_ in NOUNS:
        noun = noun.head.head
    return _phrase(noun, exclude)


def _subject(doc: Doc, q: _Quantity, after: int, sent_end: int) -> str | None:
    exclude = range(q.start, after)
    anchor = doc[q.start:q.end].root
    nxt = doc[after] if after < sent_end else None
    before = doc[q.start - 1] if q.start > 0 else None
    # Pre-nominal: "the 950km border", "its 700 km (435 mi) segment".
    if nxt is not None and nxt.pos_ in NOUNS | {"ADJ"} and (
            anchor.head.i >= after or (before is not None and before.pos_ in NP_OPENERS)):
        phrase = _following_noun_phrase(doc, after, sent_end)
        if phrase:
            return phrase
    # "the pipeline's length, 900 km": an apposition names what it measures.
    if anchor.dep_ == "appos" and anchor.head.pos_ in NOUNS:
        return _phrase(anchor.head, exclude)
    # "3 million tonnes of ore", "40 percent of the budget".
    for child in anchor.rights:
        if child.dep_ == "prep" and child.lower_ == "of":
            objects = [c for c in child.children if c.dep_ == "pobj" and c.pos_ in NOUNS]
            if objects:
                return _phrase(objects[0], exclude)
    # "a budget of Rs 1.2 trillion", "an area of 5 square kilometres".
    if anchor.head.lower_ == "of" and anchor.head.head.pos_ in NOUNS:
        return _phrase(anchor.head.head, exclude)
    # Otherwise climb to what the figure depends on: a noun on the way ("a loan
    # worth $2.3 billion") is what it measures; else the subject of the verb.
    verb = anchor
    for _ in range(6):
        if verb.pos_ in ("VERB", "AUX") or verb.head.i == verb.i:
            break
        verb = verb.head
        if verb.pos_ in NOUNS and verb.i not in exclude:
            return _phrase(verb, exclude)
    for _ in range(3):
        if verb.pos_ not in ("VERB", "AUX"):
            return None
        if verb.dep_ in ("relcl", "acl"):
            return _antecedent(verb, exclude)
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects:
            subj = subjects[0]
            return None if subj.pos_ == "PRON" else _phrase(subj, exclude)
        if verb.dep_ in ("xcomp", "conj", "advcl", "ccomp") and verb.head.i != verb.i:
            verb = verb.head
            continue
        return None
    return None


# --- public ----------------------------------------------------------------------------

def extract(doc: Doc, article: Article | None = None) -> list[Figure]:
    """Every figure with a unit in ``doc`` (parsed from ``article.text``), in text order."""
    quantities = _quantities(doc)
    sent_starts = [s.start for s in doc.sents]
    sent_ends = [s.end for s in doc.sents]
    figures = []
    k = 0
    while k < len(quantities):
        q = quantities[k]
        also = None
        if k + 1 < len(quantities) and _bracketed(doc, q, quantities[k + 1]):
            also = quantities[k + 1]
            k += 1
        k += 1
        sentence = bisect_right(sent_starts, q.start) - 1
        after = also.end + 1 if also else q.end
        span = doc[q.start:q.end]
        qualifier = _qualifier(doc, q.start)
        figures.append(Figure(
            value=q.value,
            unit=q.unit.key,
            canonical_value=q.value * q.unit.factor,
            canonical_unit=q.unit.canonical,
            dimension=q.unit.dimension,
            text=span.text,
            start=span.start_char,
            end=span.end_char,
            sentence=sentence,
            subject=_subject(doc, q, after, sent_ends[sentence]),
            approximate=qualifier is not None,
            qualifier=qualifier,
            also_value=also.value if also else None,
            also_unit=also.unit.key if also else None,
            also_text=doc[also.start:also.end].text if also else None,
        ))
    return figures
