"""Names found by their place beside other names (for the people layer, ``load.entities``): full
names listed with a person that the model labelled ORG or nothing ("the presidents of A and B, X
and [Y]", "attended by A's [X], B's [Y] and C's Z"), a name the model read into a state's full name
("President of [the People's Republic of China X Y]"), and names that are products or works by what
stands around them ("Combat Kings 11", a price, quotes, a list that holds one); a name with a
quoted nickname inside it ('Joko "Jokowi" Widodo': the person's name is read without it).

``is_organisation`` is the people layer's test of an organisation's shape, passed in.
"""
from __future__ import annotations

from spacy.tokens import Doc, Span

from . import doc_cache
from .name_words import (
    POSSESSIVE, PRODUCT_ENDS, end_of_name, is_post_word, name_adjective, name_like, name_word, product_name)
from .posts import post_head


def not_products(doc: Doc, people: list[Span]) -> list[Span]:
    """Names that are not products: by their last word ("Nintendo Switch Lite") or what stands
    around them (``product_name``), the same name elsewhere in the article, and a name listed with
    a product ("A, B 11, C and D")."""
    # (a name's last word stands for it in the parse: cheaper than Span.root)
    products = [p for p in people if (len(p) > 1 and p[-1].lower_ in PRODUCT_ENDS)
                or product_name(doc, p.start, p.end)]
    lists = {_list_head(p[-1]) for p in products}
    named = {p.text for p in products}      # "Tempo Move for $400" ... "With Tempo Move, the company ..."
    kept = [p for p in people if p.text not in named and (not lists or _list_head(p[-1]) not in lists)]
    # the items the model did not call people: "Grid 2019", "NBA 2K20" in the same list
    listed = [p for p in kept if p[-1].dep_ in ("conj", "appos") or any(c.dep_ in ("conj", "appos")
                                                                        for c in p[-1].children)]
    if listed:
        sentences, index = doc_cache.sentences(doc), doc_cache.sentence_index(doc)
        for n in {index[p.start] for p in listed}:
            # (not a quoted nickname right after a name: "Pushpa Kamal Dahal 'Prachanda'")
            lists.update(_list_head(t) for t in sentences[n][:-1] if t.is_title and product_name(doc, t.i, t.i + 1)
                         and not (t.i >= 2 and name_like(doc[t.i - 2])))
    return [p for p in kept if not lists or _list_head(p[-1]) not in lists]


def names_after_countries(doc: Doc, ents: tuple[Span, ...], countries, is_organisation) -> list[Span]:
    """ "President of [the People's Republic of China Xi Jinping]": a name the model read into
    the place before it, after a post's "of COUNTRY"."""
    found = []
    for ent in ents:
        if ent.label_ != "GPE" or ent.start < 2:
            continue
        hit = countries.get(ent.start) or (countries.get(ent.start + 1) if ent[0].lower_ == "the" else None)
        if hit is None or not (ent.start < hit[1] <= ent.end - 2):
            continue
        before = doc[ent.start - 1]
        if not (before.lower_ == "of" and is_post_word(doc[ent.start - 2])):
            continue
        run = doc[hit[1]:ent.end]
        if all(name_like(t) and t.pos_ == "PROPN" for t in run) and ent.end - hit[1] <= 4:
            found.append(Span(doc, hit[1], ent.end, label="PERSON"))
    return [s for s in found if not is_organisation(doc, s)]


def listed_full_names(doc: Doc, people: list[Span], prefixes, countries, is_organisation) -> list[Span]:
    """Full names listed with a person that the model labelled ORG or nothing: "the prime ministers
    of A and B, [X Y] and Z", "Z and [X Y] held talks", "attended by A's [X Y], B's [V W] and C's
    Z". Each run of two to four name words must stand alone between the list's commas and "and"
    (not a longer proper noun); one the model called an organisation only after a plural post
    ("Z and [Standard Chartered]" stays)."""
    taken = {i for p in people for i in range(p.start, p.end)}
    prefix_tokens = {i for e, (s, _, _) in prefixes.items() for i in range(s, e)}
    found: list[Span] = []
    strong: set[int] = set()     # names after a country's possessive ("Chile's X"): a person whatever the label

    def free_name(i: int) -> bool:
        return (name_like(doc[i]) and doc[i].pos_ == "PROPN" and i not in taken and i not in prefix_tokens
                and doc[i].ent_type_ in ("", "ORG", "FAC", "PERSON"))

    def after_country(k: int) -> int:      # "and [Colombia's] X": where the name starts
        hit = countries.get(k)
        return hit[1] + 1 if hit and hit[0] == k and hit[1] < len(doc) and doc[hit[1]].text in POSSESSIVE else k

    def before_country(k: int) -> int:     # "[Chile's] X and ...": where the item starts
        hit = countries.get(k - 2) if k >= 2 and doc[k - 1].text in POSSESSIVE else None
        return hit[0] if hit else k

    for person in people:
        # to the right: "Z and [X Y]", "Z, [A's] [X Y] and ..."
        end = person.end
        for _ in range(5):
            k = end
            while k < len(doc) and k - end < 2 and doc[k].text in (",", "and"):
                k += 1
            if k == end:
                break
            start = after_country(k)
            j = start
            while j < len(doc) and j - start < 4 and free_name(j):
                j += 1
            closed = j >= len(doc) or not (name_word(doc[j]) or doc[j].text in POSSESSIVE)
            listed = doc[k - 1].lower_ == "and" or start > k or (j < len(doc) and doc[j].lower_ == "and")
            if not (j - start >= 2 and closed and listed):
                break
            found.append(Span(doc, start, j, label="PERSON"))
            if start > k:
                strong.add(start)
            end = j
        # to the left: "[X Y] and Z", "[A's X Y], [B's] Z"
        begin = before_country(person.start)
        for _ in range(5):
            k = begin
            while k > 0 and begin - k < 2 and doc[k - 1].text in (",", "and"):
                k -= 1
            if k == begin or k < 2:
                break
            j = k
            while j > 0 and k - j < 4 and free_name(j - 1):
                j -= 1
            start = before_country(j)
            closed = not (j > 0 and start == j and (name_word(doc[j - 1]) or is_post_word(doc[j - 1])
                                                    or doc[j - 1].text in POSSESSIVE))
            listed = any(t.lower_ == "and" for t in doc[k:begin]) or start < j
            if not (k - j >= 2 and closed and listed):
                break
            found.append(Span(doc, j, k, label="PERSON"))
            if start < j:
                strong.add(j)
            begin = start
    return [s for s in found if not is_organisation(doc, s) and not name_adjective(doc, s.start, s.end)
            and (all(t.ent_type_ == "" for t in s) or s.start in strong or _plural_post_before(doc, s.start))]


def _plural_post_before(doc: Doc, start: int) -> bool:
    """A plural post ("ministers", "Presidents") earlier in the sentence of token ``start``."""
    for tok in doc[doc[start].sent.start:start]:
        head = post_head(tok.text)
        if head is not None and head != tok.lower_:
            return True
    return False


def _list_head(tok) -> int:
    """The first item of the enumeration a token is in (the parse's chain of "conj" and, in
    lists after a colon, "appos")."""
    while tok.dep_ in ("conj", "appos") and tok.head.i != tok.i:
        tok = tok.head
    return tok.i


# A post word that after a name is more often the next name's rank ("..., X General Y").
_RANK_LIKE = {"general"}


def not_jurisdictions(doc: Doc, people: list[Span]) -> list[Span]:
    """Names that are not the jurisdiction of the post after them: "[Tamil Nadu] Chief Minister X",
    "[Tanah Datar] district chief Y" (the model calls the place a person)."""
    starts = {p.start for p in people}
    kept = []
    for person in people:
        k = person.end
        if k < len(doc) and is_post_word(doc[k]) and doc[k].lower_ not in _RANK_LIKE:
            j = k
            while j < len(doc) and j - k < 4 and is_post_word(doc[j]):
                j += 1
            if j in starts and any(post_head(t.text) for t in doc[k:j]):
                continue
        kept.append(person)
    return kept


_OPENING_QUOTES = {'"', "“"}
_CLOSING_QUOTES = {'"', "”"}


def _opening_quote(text: str) -> bool:
    return text in _OPENING_QUOTES


def nicknamed_names(doc: Doc) -> list[Span]:
    """ 'President Joko "Jokowi" Widodo', 'Ferdinand "Bongbong" Marcos': a given name, a quoted
    nickname of one or two words, and the surname, which the model reads as two names or none."""
    found = []
    for i in doc_cache.tokens_where(doc, _opening_quote):
        if i < 1 or i + 3 >= len(doc) or not name_like(doc[i - 1]):
            continue
        close = next((k for k in (i + 2, i + 3) if k < len(doc) and doc[k].text in _CLOSING_QUOTES), None)
        if close is None or close + 1 >= len(doc) or not all(name_word(t) for t in doc[i + 1:close]):
            continue
        end = end_of_name(doc, close + 1)
        if end == close + 1:
            continue
        start = i - 1
        while start > 0 and i - start < 3 and name_like(doc[start - 1]) and doc[start - 1].pos_ == "PROPN":
            start -= 1
        found.append(Span(doc, start, end, label="PERSON"))
    return found


def without_nickname(text: str) -> str:
    """ 'Joko "Jokowi" Widodo' -> 'Joko Widodo'."""
    out, depth = [], False
    for word in text.split():
        if word[:1] in _OPENING_QUOTES and not depth:
            depth = not (len(word) > 1 and word[-1:] in _CLOSING_QUOTES)
            continue
        if depth:
            depth = word[-1:] not in _CLOSING_QUOTES
            continue
        out.append(word)
    return " ".join(out)
