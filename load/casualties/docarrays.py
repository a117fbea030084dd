"""The Doc read through its arrays: sentence numbers, candidate tokens and entities.

Making a Token or Span object for every token of every article costs more than the
casualty logic itself, so the extractors first pick the few tokens worth a look off
``Doc.to_array`` columns, by the hashes spaCy stores words as.
"""
from __future__ import annotations

from bisect import bisect_right

import numpy
from spacy.attrs import ENT_IOB, ENT_TYPE, IS_ALPHA, IS_UPPER, LEMMA, LIKE_NUM, LOWER, ORTH, SENT_START, TAG
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token


class Sentences:
    """The number of the sentence a token is in (its position in ``doc.sents``), read off the
    Doc's sentence starts without walking ``doc.sents``."""

    def __init__(self, doc: Doc):
        flags = doc.to_array([SENT_START]).tolist()
        self.starts = [0] + [i for i, flag in enumerate(flags) if flag == 1 and i > 0]

    def __call__(self, token: Token) -> int:
        return bisect_right(self.starts, token.i) - 1

    def spans(self, doc: Doc) -> list[Span]:
        """The sentences, as ``list(doc.sents)`` gives them."""
        return [doc[a:b] for a, b in zip(self.starts, self.starts[1:] + [len(doc)])]


def string_ids(words) -> numpy.ndarray:
    """Hashes of words as spaCy stores them (sorted), to pick candidate tokens off the Doc's
    arrays: making a Token object for every token of every article costs more than the rest."""
    return numpy.array(sorted({get_string_id(w) for w in words}), dtype="uint64")


def columns(doc: Doc) -> numpy.ndarray:
    """(lower, lemma, tag, like_num) of every token."""
    return doc.to_array([LOWER, LEMMA, TAG, LIKE_NUM])


def _member(values: numpy.ndarray, ids: numpy.ndarray) -> numpy.ndarray:
    at = numpy.minimum(numpy.searchsorted(ids, values), len(ids) - 1)
    return ids[at] == values


def candidates(arr: numpy.ndarray, lowers: numpy.ndarray, lemmas: numpy.ndarray | None = None,
               tag: str | None = None, like_num: bool = False) -> list[int]:
    """Indexes of the tokens (rows of ``columns(doc)``) whose lower form is in ``lowers`` or
    lemma in ``lemmas`` (with the tag ``tag``, if given), or that look like numbers."""
    hit = _member(arr[:, 0], lowers)
    if lemmas is not None:
        hit |= _member(arr[:, 1], lemmas)
    if tag is not None:
        hit &= arr[:, 2] == get_string_id(tag)
    if like_num:
        hit |= arr[:, 3] == 1
    return numpy.flatnonzero(hit).tolist()


def entity_spans(doc: Doc, labels: tuple[str, ...]) -> list[Span]:
    """The entities with these labels, read off the Doc's arrays (``doc.ents`` makes a
    Span for every entity of the article)."""
    arr = doc.to_array([ENT_IOB, ENT_TYPE])
    wanted = numpy.array(sorted(get_string_id(label) for label in labels), dtype="uint64")
    iob, types = arr[:, 0].tolist(), arr[:, 1].tolist()
    out = []
    for start in numpy.flatnonzero((arr[:, 0] == 3) & _member(arr[:, 1], wanted)).tolist():
        end = start + 1
        while end < len(iob) and iob[end] == 1:
            end += 1
        out.append(Span(doc, start, end, label=types[start]))
    return out


def bracketed_capitals(doc: Doc) -> list[int]:
    """Indexes of upper-case words right after "(": "(ADF)"."""
    arr = doc.to_array([IS_UPPER, IS_ALPHA, ORTH])
    if len(arr) < 2:
        return []
    after_bracket = numpy.concatenate(([False], arr[:-1, 2] == get_string_id("(")))
    return numpy.flatnonzero((arr[:, 0] == 1) & (arr[:, 1] == 1) & after_bracket).tolist()
