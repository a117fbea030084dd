"""Doc (and its Article) -> fact records: the extractors in the order they depend on each other.

Each kind of fact has its own module: people and titles (``people``), meetings
(``meetings``), figures (``figures``), casualties (``casualties``); dates are
resolved by ``dates`` for all of them.
"""
from __future__ import annotations

from spacy.tokens import Doc

from . import casualties, dates, doc_cache, figures, meetings, people, title_reading
from .records import Article, ArticleFacts


def sentence_offsets(doc: Doc) -> list[tuple[int, int, str]]:
    """(start, end, text) of each sentence in doc order, surrounding whitespace trimmed.

    Extractors refer to sentences by their position in ``doc.sents``; this list
    keeps exactly those positions.
    """
    result = []
    whole = doc_cache.text(doc)
    for sent in doc_cache.sentences(doc):
        text = whole[sent.start_char:sent.end_char]    # sent.text, without a Token per word
        lead = len(text) - len(text.lstrip())
        stripped = text.strip()
        start = sent.start_char + lead
        result.append((start, start + len(stripped), stripped))
    return result


def extract_facts(doc: Doc, article: Article) -> ArticleFacts:
    if not article.explicit_dates:
        article.explicit_dates = dates.explicit_full_dates(doc)
    found_people = people.extract(doc, article)
    date_context = dates.DateContext(doc, article)
    title_reading.date_titles(found_people, date_context, article)
    return ArticleFacts(
        people=found_people,
        meetings=meetings.extract(doc, article, found_people, date_context),
        figures=figures.extract(doc, article),
        incidents=casualties.extract(doc, article, date_context),
    )
