"""What the extractors read off a finished Doc more than once, computed once per Doc.

spaCy rebuilds ``doc.text`` (joining every token's text), ``doc.sents`` and ``doc.ents``
(a Span per sentence or entity) on every access, making a Token object per token on the
way, and each extractor asks for them, some once per sentence or per candidate. Once
the pipeline is done a Doc no longer changes, so the values are kept in its
``user_data``. For finished Docs only (the pipeline's own components change
``doc.ents`` and the sentences), but the text, which no component changes.
"""
from __future__ import annotations

import numpy
from spacy.attrs import LOWER, ORTH, SENT_START
from spacy.tokens import Doc, Span

_KEY = "newsfacts.doc_cache"


def _cache(doc: Doc) -> dict:
    cache = doc.user_data.get(_KEY)
    if cache is None:
        cache = doc.user_data[_KEY] = {}
    return cache


def text(doc: Doc) -> str:
    """``doc.text``."""
    cache = _cache(doc)
    if "text" not in cache:
        cache["text"] = doc.text
    return cache["text"]


def sentence_starts(doc: Doc) -> list[int]:
    """The first token of each sentence, in ``doc.sents`` order (read off the Doc's array)."""
    cache = _cache(doc)
    if "starts" not in cache:
        flags = doc.to_array([SENT_START]).tolist() if len(doc) else []
        cache["starts"] = [i for i, flag in enumerate(flags) if flag == 1 or i == 0]
    return cache["starts"]


def sentences(doc: Doc) -> list[Span]:
    """``list(doc.sents)``."""
    cache = _cache(doc)
    if "sents" not in cache:
        starts = sentence_starts(doc)
        cache["sents"] = [doc[a:b] for a, b in zip(starts, starts[1:] + [len(doc)])]
    return cache["sents"]


def sentence_index(doc: Doc) -> list[int]:
    """The position in ``doc.sents`` of the sentence of each token."""
    cache = _cache(doc)
    if "index" not in cache:
        starts = sentence_starts(doc)
        index = []
        for n, (a, b) in enumerate(zip(starts, starts[1:] + [len(doc)])):
            index.extend([n] * (b - a))
        cache["index"] = index
    return cache["index"]


def entities(doc: Doc) -> tuple[Span, ...]:
    """``doc.ents``."""
    cache = _cache(doc)
    if "ents" not in cache:
        cache["ents"] = doc.ents
    return cache["ents"]


def memo(doc: Doc, compute):
    """``compute(doc)``, computed once per Doc (``compute`` should be a module-level function)."""
    cache = _cache(doc)
    if compute not in cache:
        cache[compute] = compute(doc)
    return cache[compute]


# A test of a word's text alone -> {string hash: result}, filled as words are met (the vocabulary
# of a corpus is small next to its tokens, so each test runs once per distinct word).
_word_tests: dict = {}


def tokens_where(doc: Doc, test, attr: int = ORTH) -> list[int]:
    """Indexes of the tokens whose text (or ``attr``: ``LOWER``) passes ``test``, a function of
    that string alone: candidates picked off the Doc's array without making a Token object per
    word. ``test`` should be a module-level function (it keys the caches). The list is shared:
    callers do not change it."""
    cache = _cache(doc)
    if (test, attr) not in cache:    # ORTH and LOWER never change: once per Doc
        known = _word_tests.setdefault((test, attr), {})
        strings = doc.vocab.strings
        words, where = _distinct(doc, attr)
        hits = [known.get(key) for key in words]
        for k, hit in enumerate(hits):
            if hit is None:          # a word not seen before
                hits[k] = known[words[k]] = bool(test(strings[words[k]]))
        cache[(test, attr)] = numpy.flatnonzero(numpy.array(hits, dtype=bool)[where]).tolist()
    return cache[(test, attr)]


def _distinct(doc: Doc, attr: int) -> tuple[list[int], numpy.ndarray]:
    """The distinct words of the Doc (hashes of ``attr``: ORTH or LOWER, which no component
    changes) and each token's place among them: a test is looked up once per distinct word."""
    if attr not in (ORTH, LOWER):
        raise ValueError("tokens_where reads ORTH or LOWER")
    cache = _cache(doc)
    if ("distinct", attr) not in cache:
        values, where = numpy.unique(doc.to_array(attr), return_inverse=True)
        cache[("distinct", attr)] = (values.tolist(), where)
    return cache[("distinct", attr)]
