"""What a meeting was about (for ``load.meetings``): the objects of the verbs of discussing in the
meeting's sentence ("discussed trade and border security", "exchanged views on the region"), as
clean noun phrases without their clauses, quotes and loose ends."""
from __future__ import annotations

from bisect import bisect_left

import numpy
from spacy.attrs import LEMMA
from spacy.tokens import Doc, Span, Token

from . import doc_cache
from .meeting_people import conjuncts

TOPIC_VERBS = {"discuss", "review", "deliberate", "exchange", "focus", "agree", "tackle"}
GENERIC_TOPICS = {"ways", "way", "issues", "matters", "things", "topics", "views", "view", "measures", "it",
                  "them", "this", "that", "the need", "need"}


def _in_span(positions: list[int], span: Span) -> list[int]:
    """The token indexes (sorted) that fall inside ``span``."""
    return positions[bisect_left(positions, span.start):bisect_left(positions, span.end)]


def _topic_verbs(doc: Doc) -> list[int]:
    """The tokens whose lemma is a verb of discussing (each distinct lemma looked up once)."""
    lemmas, where = numpy.unique(doc.to_array(LEMMA), return_inverse=True)
    strings = doc.vocab.strings
    hits = numpy.array([strings[lemma].lower() in TOPIC_VERBS for lemma in lemmas.tolist()], dtype=bool)
    return numpy.flatnonzero(hits[where]).tolist()


def topics_for(trigger: Token) -> list[str]:
    """What the sentence says was discussed: objects of discuss/review/exchange views on ..."""
    found = []
    doc = trigger.doc
    for i in _in_span(doc_cache.memo(doc, _topic_verbs), trigger.sent):
        token = doc[i]
        if token.pos_ != "VERB":
            continue
        for child in token.children:
            target = None
            if child.dep_ in ("dobj", "obj") and child.lower_ not in ("views", "view"):
                target = child
            elif child.dep_ == "prep" and child.lower_ in ("on", "about"):
                target = next((g for g in child.children if g.dep_ == "pobj"), None)
            elif child.dep_ in ("dobj", "obj"):
                prep = next((g for g in child.children if g.dep_ == "prep" and g.lower_ == "on"), None)
                target = next((g for g in prep.children if g.dep_ == "pobj"), None) if prep else None
            if target is None or (target.i > 0 and _joined(target.doc[target.i - 1], target)):
                continue    # the second piece of a hyphenated word the parser split ("counter - terrorism")
            for head in [target, *_topic_conjuncts(target)]:
                text = _topic_text(head)
                if text and len(text.split()) <= 8 and text.lower() not in GENERIC_TOPICS \
                        and text.lower() not in (f.lower() for f in found):
                    found.append(text)
    return found


def _joined(left: Token, right: Token) -> bool:
    """Two tokens of one written word ("counter" "-" "terrorism")."""
    return not left.whitespace_ and (left.text in "-/" or right.text in "-/")


def _topic_conjuncts(head: Token) -> list[Token]:
    """Conjuncts that are topics of their own ("trade and border security"), not the pieces of
    one hyphenated word the parser split ("counter-terrorism")."""
    return [c for c in conjuncts(head) if not _joined(c.doc[c.i - 1], c)]


def _topic_text(head: Token) -> str:
    """The noun phrase of ``head`` without its own conjuncts, clauses, quotes and loose ends."""
    own_conjuncts = set(_topic_conjuncts(head))
    words = []
    for token in head.subtree:
        cut = False
        for ancestor in [token, *token.ancestors]:
            if ancestor == head:
                break
            if ancestor in own_conjuncts or ancestor.dep_ in ("relcl", "acl", "cc", "appos") and ancestor.head == head:
                cut = True
                break
        if not cut:
            words.append(token)
    if not words:
        return ""
    doc = head.doc
    first, last = words[0].i, words[-1].i
    while first > 0 and _joined(doc[first - 1], doc[first]):
        first -= 1
    while last + 1 < len(doc) and _joined(doc[last], doc[last + 1]):
        last += 1
    span = doc[first: last + 1]
    tokens = [t for t in span if t.text not in ('"', "“", "”", "'", "‘", "’")]
    while tokens and (tokens[-1].is_punct or tokens[-1].dep_ == "cc" or tokens[-1].pos_ in ("CCONJ", "ADP", "DET")):
        tokens.pop()
    while tokens and (tokens[0].is_punct or tokens[0].pos_ in ("CCONJ", "DET") and tokens[0].lower_ in ("and", "or")):
        tokens.pop(0)
    return "".join(t.text_with_ws for t in tokens).strip()
