"""The model's ``attribute_ruler``, applied with token arrays: the same output, a fraction of the time.

en_core_web_sm's attribute ruler maps each token's tag to a part of speech and morphology and
corrects some words ("the", "has", "n't"): 179 one-token patterns, most of them with an ``IN``
test. spaCy's Matcher runs every pattern on every token, and an ``IN`` or ``NOT_IN`` test is a
Python call each time, so the ruler took 0.7 s of the bare model's 5.4 s on 60 short articles
(more than the parser's 0.69 s). This stand-in reads the same ruler's patterns and attributes
and applies them with numpy over the Doc's arrays: each pattern becomes a mask of the tokens
it sets, a longer one ("gon na") by shifting its tokens' masks.

Exactly the ruler's semantics are kept: every pattern is tested against the Doc as it was
before the ruler ran, and patterns are applied in the ruler's order, so a later pattern wins
(spaCy sorts matches by pattern number). ``from_ruler`` returns None for a ruler with a
pattern it does not read (an operator such as ``OP``, an extension attribute, a test other
than equality, ``IN``, ``NOT_IN`` or ``REGEX``): such a model keeps its own ruler. ``tests/test_attribute_arrays.py``
compares both on real articles, token by token.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

import numpy
from spacy.attrs import DEP, IDS, LEMMA, MORPH, POS, TAG
from spacy.language import Language
from spacy.strings import get_string_id
from spacy.tokens import Doc

# What a one-token pattern may test, and what a pattern may set.
TESTED = ("TAG", "LOWER", "DEP", "NORM", "ORTH", "IS_SPACE", "IS_PUNCT", "IS_ALPHA", "IS_DIGIT", "LIKE_NUM")
WRITTEN = (POS, MORPH, LEMMA, TAG, DEP)
_STRING_VALUED = {"TAG", "LOWER", "DEP", "NORM", "ORTH"}


@dataclass
class _Test:
    """One token attribute's condition: ``values`` are the hashes (or 0/1 flags) it accepts, or
    refuses when ``negated``; ``regex`` is tested on the attribute's text instead."""
    column: str
    values: tuple = ()
    negated: bool = False
    regex: re.Pattern | None = None


def _read_test(vocab, key: str, condition) -> _Test | None:
    if key not in TESTED:
        return None
    string_valued = key in _STRING_VALUED
    if isinstance(condition, bool) and not string_valued:
        return _Test(key, (int(condition),))
    if isinstance(condition, str) and string_valued:
        return _Test(key, (get_string_id(condition),))
    if not (isinstance(condition, dict) and len(condition) == 1 and string_valued):
        return None
    (operator, value), = condition.items()
    if operator in ("IN", "NOT_IN") and all(isinstance(v, str) for v in value):
        return _Test(key, tuple(get_string_id(v) for v in value), negated=operator == "NOT_IN")
    if operator == "REGEX" and isinstance(value, str):
        return _Test(key, regex=re.compile(value))
    return None


@dataclass
class _Rule:
    """One pattern of the ruler: its alternatives, each a list of tokens, each token a list of
    tests; ``index`` picks the token of a match whose attributes are set."""
    number: int
    attrs: dict
    index: int
    alternatives: list


class ArrayAttributeRuler:
    """Applies an ``AttributeRuler``'s patterns with arrays. Build it with ``from_ruler``."""

    def __init__(self, vocab, rules: list[_Rule]):
        self.vocab = vocab
        self.rules = rules
        self.columns = sorted({t.column for r in rules for alt in r.alternatives for token in alt for t in token})
        self.written = [a for a in WRITTEN if any(a in r.attrs for r in rules)]
        # Per alternative, the tests that need one of their values in the Doc.
        self._required = {id(alt): [t for token in alt for t in token if not t.negated and t.regex is None]
                          for r in rules for alt in r.alternatives}
        self._searched: dict = {}   # (regex, string hash) -> hit, across Docs

    @classmethod
    def from_ruler(cls, ruler) -> "ArrayAttributeRuler | None":
        vocab = ruler.vocab
        rules: list[_Rule] = []
        for number, entry in enumerate(ruler.patterns):
            attrs = ruler.attrs[number]
            index = ruler.indices[number]
            if not attrs or any(a not in WRITTEN for a in attrs):
                return None
            alternatives = []
            for pattern in entry["patterns"]:
                if not pattern or not -len(pattern) <= index < len(pattern):
                    return None
                tokens = [[_read_test(vocab, key, condition) for key, condition in token.items()]
                          for token in pattern]
                if any(None in tests for tests in tokens):
                    return None   # an operator ("OP"), an extension, a test not read here
                alternatives.append(tokens)
            rules.append(_Rule(number, attrs, index, alternatives))
        return cls(vocab, rules)

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        tested = {c: doc.to_array(IDS[c]) for c in self.columns}
        # Most patterns name a word or tag the Doc does not have: those are skipped without a pass.
        present = {c: set(numpy.unique(values).tolist()) for c, values in tested.items()}
        texts: dict = {}   # a tested column's distinct values, for REGEX tests
        written = doc.to_array(self.written)
        if written.ndim == 1:
            written = written.reshape(-1, 1)
        column_of = {a: i for i, a in enumerate(self.written)}
        for rule in self.rules:
            # Every test reads ``tested``, the Doc before any change, as the ruler's Matcher does.
            where = numpy.zeros(len(doc), dtype=bool)
            for tokens in rule.alternatives:
                if any(present[t.column].isdisjoint(t.values) for t in self._required[id(tokens)]):
                    continue
                starts = len(doc) - len(tokens) + 1
                if starts <= 0:
                    continue
                matched = numpy.ones(starts, dtype=bool)
                for offset, tests in enumerate(tokens):
                    matched &= self._matches(doc, tests, tested, texts)[offset:offset + starts]
                where[numpy.flatnonzero(matched) + rule.index % len(tokens)] = True
            if where.any():
                for attr, value in rule.attrs.items():
                    written[where, column_of[attr]] = value
        doc.from_array(self.written, written)
        return doc

    def _matches(self, doc, tests: list[_Test], tested, texts) -> numpy.ndarray:
        mask = numpy.ones(len(doc), dtype=bool)
        for test in tests:
            column = tested[test.column]
            if test.regex is not None:
                if test.column not in texts:
                    texts[test.column] = numpy.unique(column, return_inverse=True)
                distinct, where = texts[test.column]
                hits = numpy.array([self._search(test.regex, v) for v in distinct.tolist()], dtype=bool)[where]
            elif len(test.values) == 1:
                hits = column == test.values[0]
            else:
                hits = numpy.isin(column, test.values)
            mask &= ~hits if test.negated else hits
        return mask

    def _search(self, regex: re.Pattern, value: int) -> bool:
        key = (regex.pattern, value)
        hit = self._searched.get(key)
        if hit is None:
            if len(self._searched) > 200_000:
                self._searched.clear()
            hit = self._searched[key] = bool(regex.search(self.vocab.strings[value]))
        return hit


@Language.factory("array_attribute_ruler")
def make_array_attribute_ruler(nlp: Language, name: str):
    return ArrayAttributeRuler.from_ruler(nlp.get_pipe("attribute_ruler"))


def replace_attribute_ruler(nlp: Language) -> bool:
    """Put the array version in the place (and under the name) of the model's ``attribute_ruler``,
    when the model has one and all its patterns can be read; True when it did."""
    if "attribute_ruler" not in nlp.pipe_names or ArrayAttributeRuler.from_ruler(nlp.get_pipe("attribute_ruler")) is None:
        return False
    nlp.add_pipe("array_attribute_ruler", name="attribute_ruler_arrays", after="attribute_ruler")
    nlp.remove_pipe("attribute_ruler")
    nlp.rename_pipe("attribute_ruler_arrays", "attribute_ruler")
    return True
