"""Names that credit the article's makers, not people it reports on: "Photo: X", "(Photo by
X/Reuters)", "Additional reporting by X", "REUTERS/X", "X contributed to this report", and the
byline ("By X" at the start of a line, or the article's author). ``people`` leaves them out.
"""
from __future__ import annotations

from bisect import bisect_left

import numpy
from spacy.attrs import LEMMA
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span

from . import doc_cache
from .entities import name_prefix
from .records import Article


# Words that credit the journalist, photographer or editor of a piece ("Photo: X", "Reporting by X").
_CREDIT_WORDS = {"photo", "photos", "photograph", "photographs", "picture", "pictures", "image", "images",
                 "credit", "credits", "courtesy", "reporting", "editing", "writing", "compiled", "translated",
                 "translation", "illustration", "graphic", "graphics", "video", "file", "caption"}


def credited(doc: Doc, span: Span) -> bool:
    """ "Photo: X", "(Photo by X/Reuters)", "Additional reporting by X; Editing by Y", "REUTERS/X":
    the name credits the piece's maker. The credit word is capitalised or opens its sentence,
    so "a video by Minister X" in running text is not a credit."""
    i = name_prefix(span).start - 1
    steps = 0
    while i >= 0 and steps < 3 and (doc[i].lower_ in ("by", ":", "/", "|", "-", "(") or doc[i].is_space):
        i, steps = i - 1, steps + 1
    if i >= 0 and doc[i].lower_ in _CREDIT_WORDS and steps:
        word = doc[i]
        opens = word.is_sent_start or (i > 0 and (doc[i - 1].text in (";", "(", "|") or doc[i - 1].lower_ == "additional"))
        if word.is_title or word.is_upper or opens:
            return True
    if span.start >= 2 and doc[span.start - 1].text == "/" and doc[span.start - 2].is_upper:
        return True
    # "Associated Press writer X in Manila contributed to this report." / "... contributed."
    starts = doc_cache.sentence_starts(doc)
    k = bisect_left(starts, span.end)
    sent_end = starts[k] if k < len(starts) else len(doc)     # span.sent's end
    verb = next((doc[i] for i in doc_cache.memo(doc, _contribute_verbs) if span.end <= i < sent_end), None)
    if verb is None:
        return False
    after = [t for t in verb.subtree if t.i > verb.i and not t.is_punct]
    return not after or any(t.lower_ in ("report", "reporting", "story") for t in after)


def _contribute_verbs(doc: Doc) -> list[int]:
    """The tokens whose lemma is "contribute" (most articles have none)."""
    return numpy.flatnonzero(doc.to_array(LEMMA) == get_string_id("contribute")).tolist()


def _by(text: str) -> bool:
    return text in ("By", "BY", "by")


def byline_names(doc: Doc, article: Article | None) -> list[str]:
    """The journalist: the article's author, or a "By X" at the start of a line."""
    names = [article.author] if article is not None and article.author else []
    for i in doc_cache.tokens_where(doc, _by):
        if i == 0 or "\n" in doc[i - 1].text_with_ws:
            tok = doc[i]
            j = tok.i + 1
            while j < len(doc) and doc[j].is_title and doc[j].is_alpha and doc[j].ent_type_ != "DATE":
                j += 1
            if j > tok.i + 1:
                names.append(doc[tok.i + 1:j].text)
    return names
