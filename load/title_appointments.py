"""Titles stated by an appointment or a departure: the post after "as" on a verb of taking or
leaving office.

- "The president appointed (economist) X as the new finance minister", "X was named (as)
  interior minister", "X was sworn in as president", "named X interior minister";
- "X resigned as finance minister", "the government sacked X as police chief": the post is
  X's, with status ``former``;
- "X, who heads Sudan's Sovereign Council," / "X, who chairs the Foreign Affairs Committee,": a
  relative clause of heading a named body (capitalised) gives "Head of the Sovereign Council"
  (country Sudan), "Chair of the Foreign Affairs Committee" (``headed_title``).

Read from the words around the name, not the parse: the small model often parses these
sentences wrong ("appointed" read as an adjective of the next noun). The chain after "as" is
read like any other title chain (``title_reading.title_from_chain``): its country, organisation and
status words; "new"/"next" stay out of the post, and it ends before a date ("on Saturday").
"""
from __future__ import annotations

from spacy.tokens import Span, Token

from .countries import country_at
from .posts import normalize_post
from .records import Title
from .title_words import CONNECTORS, POSSESSIVE, chain_token_ok, is_head

TAKE_VERBS = {"appoint", "name", "elect", "nominate", "swear", "make", "install", "promote", "designate",
              "choose", "select", "confirm", "reappoint", "re-elect", "reelect", "instal", "tap"}
LEAVE_VERBS = {"resign", "quit", "retire", "sack", "dismiss", "remove", "fire", "oust", "replace", "depose"}
# Words before the post that belong to no post: "as the new finance minister".
_SKIPPED = {"the", "a", "an", "its", "their", "his", "her", "new", "next", "first"}


_PASSIVE = {"was", "is", "were", "are", "be", "been", "has", "have", "had", "being", "formally", "officially",
            "also", "later", "then", "unanimously"}
_DATE_WORDS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "last", "this", "next",
               "earlier", "yesterday", "today"}


def _lemma(tok: Token) -> str:
    return tok.lemma_.lower()


def _verb_before(name: Span) -> Token | None:
    """ "appointed X", "appointed economist X", "sacked X": the office verb just before the name."""
    doc = name.doc
    k = name.start - 1
    if k >= 0 and doc[k].is_lower and doc[k].pos_ == "NOUN":
        k -= 1      # a descriptor: "appointed economist X"
    if k >= 0 and doc[k].tag_ in ("VBD", "VBN", "VBZ", "VBP", "VB", "VBG") and (
            _lemma(doc[k]) in TAKE_VERBS or _lemma(doc[k]) in LEAVE_VERBS):
        return doc[k]
    return None


def _verb_after(name: Span) -> tuple[Token | None, int]:
    """ "X was (formally) appointed", "X was sworn in", "X resigned", "X stepped down": the office
    verb after the name, and where its "as" may stand."""
    doc, end = name.doc, name.sent.end
    k = name.end
    while k < end and doc[k].lower_ in _PASSIVE:
        k += 1
    if k >= end or doc[k].tag_ not in ("VBD", "VBN", "VBZ", "VBP", "VB", "VBG"):
        return None, k
    verb = doc[k]
    lemma = _lemma(verb)
    particle = doc[k + 1].lower_ if k + 1 < end else ""
    passive = k > name.end
    if lemma in LEAVE_VERBS or (lemma == "step" and particle == "down") or (passive and lemma in TAKE_VERBS):
        k += 1
        while k < end and doc[k].lower_ in ("in", "down", "up", "out", "off"):
            k += 1      # "sworn in", "stepped down"
        return verb, k
    return None, k


def _post_after(doc, start: int, end: int) -> Span | None:
    """The chain of title words from ``start``, up to ``end`` (the sentence's end)."""
    i = start
    while i < end and doc[i].lower_ in _SKIPPED:
        i += 1
    j = i
    while j < end:
        tok = doc[j]
        if tok.ent_type_ in ("DATE", "TIME") or tok.lower_ in _DATE_WORDS or (
                tok.lower_ in ("on", "in", "at", "after", "since") and j + 1 < end
                and (doc[j + 1].lower_ in _DATE_WORDS or doc[j + 1].ent_type_ in ("DATE", "TIME")
                     or doc[j + 1].like_num)):
            break
        lower_modifier = (tok.is_lower and tok.is_alpha and tok.pos_ in ("NOUN", "ADJ", "PROPN")
                          and tok.dep_ in ("compound", "amod") and j < tok.head.i < end)
        if not (chain_token_ok(tok) or lower_modifier or is_head(tok)):
            break
        j += 1
    while j > i and doc[j - 1].lower_ in CONNECTORS:
        j -= 1
    chain = doc[i:j]
    if not len(chain) or not any(is_head(t) for t in chain):
        return None
    return chain


def appointment_chain(name: Span) -> tuple[Span | None, bool]:
    """The title chain an appointment or a departure gives the person named by ``name``, and
    whether it is a departure (the post is then held no more)."""
    doc, end = name.doc, name.sent.end
    verb = _verb_before(name)
    at = name.end
    if verb is None:
        verb, at = _verb_after(name)
    if verb is None:
        return None, False
    leaving = _lemma(verb) in LEAVE_VERBS or _lemma(verb) == "step"
    if at < end and doc[at].lower_ == "as":
        return _post_after(doc, at + 1, end), leaving
    if not leaving and _lemma(verb) in ("name", "elect", "appoint", "make"):
        return _post_after(doc, at, end), False     # "named X interior minister", "X was named minister"
    return None, False


# Verbs of heading a body, in the present: the post they make ("who chairs the X" = Chair of the X).
HEAD_VERBS = {"head": "Head", "chair": "Chair", "lead": "Leader", "direct": "Director", "command": "Commander"}


def headed_title(name: Span, sentence: int) -> Title | None:
    """ "X, who heads Sudan's Sovereign Council,", "X, who also chairs the Foreign Affairs Committee,":
    the post of heading a named (capitalised) body; not "who leads the party" nor "who headed ..."."""
    doc, end = name.doc, name.sent.end
    k = name.end
    if not (k + 2 < end and doc[k].text == "," and doc[k + 1].lower_ == "who"):
        return None
    k += 2
    while k < end and doc[k].lower_ in ("also", "currently", "now"):
        k += 1
    if k >= end or doc[k].tag_ != "VBZ" or _lemma(doc[k]) not in HEAD_VERBS:
        return None
    verb = doc[k]
    j = k + 1
    country = None
    if j < end and doc[j].lower_ == "the":
        j += 1
    if j + 1 < end and country_at(doc[j]) and doc[j + 1].text in POSSESSIVE:
        country, j = country_at(doc[j]), j + 2       # "Sudan's Sovereign Council"
    body_start = j
    while j < end and (doc[j].is_title or doc[j].is_upper or (doc[j].lower_ in ("of", "for", "and", "on")
                                                              and j + 1 < end and doc[j + 1].is_title)):
        j += 1
    if j == body_start or (j < end and doc[j].text not in (",", ".", ";", ")", "—", "–")):
        return None          # "who leads the ruling party", "who heads the Sovereign Council's team"
    body = doc[body_start:j].text
    post = f"{HEAD_VERBS[_lemma(verb)]} of the {body}"
    return Title(post=post, start=verb.idx, end=doc[j - 1].idx + len(doc[j - 1]), text=doc[verb.i:j].text,
                 sentence=sentence, country=country, organisation=body, normalized_post=normalize_post(post))


def copular_chain(name: Span) -> Span | None:
    """ "X, who is also Deputy Prime Minister,", "X, who is currently Kenya's ambassador to Japan.":
    the post a relative clause says the person holds (not "who is expected to ...", "who is in X")."""
    doc, end = name.doc, name.sent.end
    k = name.end
    if not (k + 3 < end and doc[k].text == "," and doc[k + 1].lower_ == "who" and doc[k + 2].lower_ == "is"):
        return None
    j = k + 3
    while j < end and doc[j].lower_ in ("also", "currently", "now"):
        j += 1
    start = j
    while j < end and (chain_token_ok(doc[j]) or doc[j].is_lower and doc[j].pos_ in ("NOUN", "ADJ")):
        j += 1
    if j == start or (j < end and doc[j].text not in (",", ".", ";")):
        return None
    chain = doc[start:j]
    return chain if any(is_head(t) for t in chain) and chain[0].lower_ not in ("a", "an") else None
