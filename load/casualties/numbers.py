"""Numbers of people as news writes them: digits, word numbers (text2num), "a dozen", "both" (two
told before), "between 10 and 12" (a range), vague counts ("dozens"); not sums of money ("released Sh2.4
billion") and not dates. ``counts`` decides what happened to the people a number counts.
"""
from __future__ import annotations

import numpy
from spacy.tokens import Doc, Span
from text_to_num import text2num

from ..dates import TIME_UNITS, classify
from .docarrays import candidates, columns, entity_spans, string_ids

# Quantities that are not people even after a casualty verb.
NON_PEOPLE_ENTS = {"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "ORDINAL"}
# Vague counts with no number of their own: "dozens were arrested".
VAGUE = {"dozens", "scores", "hundreds", "thousands", "several", "tens"}
# Magnitude words dateparser and text2num leave to us: "two dozen".
DOZEN = 12
MAX_COUNT = 10**10  # more people than live on Earth: a misread, not a count


def to_int(words: list[str]) -> int | None:
    """A count from its words: digits, word numbers via text2num, "a dozen"."""
    words = [w.lower().replace(",", "") for w in words if w not in ("-",)]
    if not words:
        return None
    if words == ["both"]:
        return 2                 # "Both passengers were arrested"
    multiplier = 1
    if words[-1] in ("dozen",):
        multiplier, words = DOZEN, words[:-1] or ["one"]
    if words[0] in ("a", "an"):
        words = ["one"] + words[1:]
    text = " ".join(words).replace(" - ", "-")
    if text.isdecimal():  # not isdigit: int() refuses "²"
        value = int(text) * multiplier
    else:
        try:
            value = text2num(text, "en") * multiplier
        except ValueError:
            return None
    # see MAX_COUNT; also keeps counts inside SQLite's INTEGER
    return value if 0 <= value <= MAX_COUNT else None


def number_spans(doc: Doc, arr: numpy.ndarray | None = None) -> list[Span]:
    """Cardinal numbers (NER's CARDINAL, else number-like tokens) and vague counts."""
    spans, covered = [], set()
    for e in entity_spans(doc, ("CARDINAL", "DATE")):
        # the small model sometimes calls a bare range a DATE ("Between 10 and 12")
        misread = e.label_ == "DATE" and (classify(e) is None and any(t.like_num for t in e) and not any(
            t.lower_ in TIME_UNITS or "-" in t.text for t in e) or _word_number_of_a_noun(e))
        if e.label_ == "CARDINAL" or misread:
            if e[0].lower_ == "dozen" and e.start > 0 and doc[e.start - 1].lower_ in ("a", "an"):
                e = doc[e.start - 1: e.end]      # "A dozen soldiers": the NER leaves the article out
            spans.append(e)
            covered |= set(range(e.start, e.end))
    for i in candidates(columns(doc) if arr is None else arr, _VAGUE_IDS, like_num=True):
        t = doc[i]
        if t.i in covered or (t.ent_type_ and t.ent_type_ in NON_PEOPLE_ENTS):
            continue
        # (a word number opening a sentence may be tagged a proper noun: "Eighteen inmates were killed")
        if t.like_num and (t.pos_ == "NUM" or t.dep_ == "nummod") or t.lower_ in VAGUE \
                or (t.lower_ == "dozen" and t.i > 0 and t.nbor(-1).lower_ == "a") \
                or t.lower_ == "both" and t.dep_ in ("det", "predet", "nsubj", "nsubjpass", "dobj"):
            spans.append(doc[t.i - (t.lower_ == "dozen"): t.i + 1])
    return sorted(spans, key=lambda s: s.start)


_VAGUE_IDS = string_ids(VAGUE | {"dozen", "both"})


def _word_number_of_a_noun(e: Span) -> bool:
    """"Eighteen inmates were killed": a word number the model tagged a DATE, counting a noun."""
    return all(t.like_num and t.is_alpha for t in e) and e.root.dep_ == "nummod" and e.root.head.pos_ == "NOUN" \
        and e.root.head.lower_ not in TIME_UNITS


def is_amount(num: Span) -> bool:
    """A sum of money, not people: "released Sh2.4 billion", a number glued to a currency."""
    doc = num.doc
    near = [*num, *num.root.children] + ([doc[num.start - 1]] if num.start > 0 else [])
    return any(t.ent_type_ == "MONEY" or t.text in CURRENCY_SIGNS or (
        not t.like_num and any(ch.isdigit() for ch in t.text) and any(ch.isalpha() for ch in t.text)) for t in near)


CURRENCY_SIGNS = {"$", "€", "£", "₹", "¥", "₦", "₵", "৳"}


def read_count(span: Span) -> tuple[int | None, int | None, int | None, str | None]:
    """(count, low, high, qualifier) of a count span such as "At least 10",
    "Between 10 and 12", "10 to 12", "Twenty-seven", "no fewer than 19", "dozens"."""
    nums, groups, current, qualifier = [], [], [], []
    for t in span:
        if t.like_num or t.lower_ in ("dozen", "both") or t.lower_ == "-" and current \
                or (t.lower_ in ("a", "an") and not current):
            current.append(t.text)
        else:
            if current:
                groups.append(current)
                current = []
            if not groups and t.lower_ not in ("the",):
                qualifier.append(t.lower_)
    if current:
        groups.append(current)
    for g in groups:
        v = to_int(g)
        if v is not None:
            nums.append(v)
    # Modifiers the NER left outside the entity: "at least", "more than", "nearly".
    root = span.root
    outside = [c for c in root.children if c.dep_ in ("advmod", "quantmod") and c.i < span.start]
    for c in outside:
        qualifier = [w.lower_ for w in c.subtree] + qualifier
    qual = " ".join(w for w in qualifier if w not in ("between",)) or None
    if span.text.lower() in VAGUE or (not nums and span.root.lower_ in VAGUE):
        return None, None, None, span.text.lower()
    if not nums:
        return None, None, None, None
    if len(nums) >= 2 and any(t.lower_ in ("to", "and", "-", "or") for t in span):   # a range: its low end is the count
        low, high = min(nums[:2]), max(nums[:2])
        return low, low, high, qual
    return nums[0], None, None, qual
