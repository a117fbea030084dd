"""Where a meeting took place: the city of an "in/at" phrase about it, from the parse.

- "met B in Nairobi", "a meeting with B in Lima", "In Geneva, A and B attended ...": an
  in/at phrase of the meeting's clause, the trigger or its participants' phrase (not one
  inside a relative or another coordinated clause: "met A and visited the HQ in X").
- "at the Grand Hall of the Nation in Quito", "at the presidential palace in Quito", "at the
  Hilton in Addis Ababa": the city the venue is in (a city in a nested in/near phrase first); a
  named venue with no city gives nothing, nor does a word of its name ("the Padma bridge",
  "Mar-a-Lago") unless the gazetteer knows it as a city ("the Kampala Serena Hotel": Kampala).
- "in the capital Nairobi" gives Nairobi; "in the capital", "in the Kenyan capital",
  "in the capital of Kenya" give the capital of the country named (the gazetteer
  knows capitals; a bare "the capital" takes the country named last before it, in its
  sentence or the two before).
- "X, who is in CITY on a visit, met ...".
Countries are not meeting places. The dateline is never used: it says where the story
was filed, not where the meeting was. The next sentence about the meeting and the
event a meeting was on the sidelines of are read by ``meetings`` with ``clause_place``.
"""
from __future__ import annotations

from spacy.tokens import Token

from . import doc_cache, places
from .countries import country_of

CITY_LABELS = {"GPE", "LOC"}
PLACE_PREPS = {"in", "at", "inside"}
CLAUSE_DEPS = ("relcl", "acl", "advcl", "ccomp", "parataxis")


def escort_clause(token: Token) -> bool:
    """ "received a delegation, led by X, at the headquarters in Y on Wednesday": the parser hangs the
    meeting's place and date on a participle of who led or accompanied a side; it is no other event."""
    return token.dep_ == "advcl" and token.tag_ == "VBN" and token.lemma_ in ("lead", "head", "accompany")


def place_for(trigger: Token, by_token: dict[int, int]) -> str | None:
    """The city an in/at phrase puts the meeting of ``trigger`` in, or None."""
    anchors = [trigger, *(c for c in trigger.children if escort_clause(c))]
    if trigger.dep_ in ("nsubj", "nsubjpass") and trigger.head.lemma_ in ("take", "hold", "happen", "occur", "be"):
        anchors.append(trigger.head)     # "The meeting between A and B took place in Seoul"
    current = trigger
    for _ in range(4):
        if current.dep_ in ("xcomp", "advcl", "pcomp", "pobj", "prep", "dobj", "conj") and current.head != current:
            current = current.head
            anchors.append(current)
        else:
            break
    for anchor in anchors:
        place = clause_place(anchor)
        if place:
            return place
    # "a meeting with B in Lima", "met A and B in Nairobi": the parse may hang "in CITY" off B.
    for token in trigger.subtree:
        if token.dep_ == "prep" and token.lower_ in PLACE_PREPS and not _in_other_clause(token, trigger) \
                and not _in_topic(token, trigger):
            place = phrase_place(token)
            if place:
                return place
    # "X, who is in CITY on an official visit, met ..."
    for token in trigger.sent:
        if token.dep_ == "relcl" and token.lemma_ == "be" and token.head.i in by_token:
            place = clause_place(token)
            if place:
                return place
    return None


# Verbs whose object is what was talked about: "discussed the situation in Gaza" places no meeting there.
DISCUSS_VERBS = {"discuss", "review", "tackle", "examine", "assess", "deliberate", "explore"}


def _in_topic(token: Token, top: Token) -> bool:
    """Whether ``token`` stands in the object of a verb of discussing, below ``top``."""
    for ancestor in token.ancestors:
        if ancestor == top:
            return False
        if ancestor.dep_ in ("dobj", "obj") and ancestor.head.lemma_.lower() in DISCUSS_VERBS:
            return True
    return False


def clause_place(head: Token) -> str | None:
    """The city of an in/at phrase that hangs directly off ``head``."""
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ in PLACE_PREPS:
            place = phrase_place(child)
            if place:
                return place
    return None


def phrase_place(prep: Token) -> str | None:
    """The city named inside an in/at phrase (its relative clauses aside), or a capital."""
    for pobj in prep.children:
        if pobj.dep_ != "pobj" or pobj.lower_ == "presence":
            continue    # "in the presence of the Saudi minister" names people, not a place
        if pobj.lemma_.lower() == "capital":
            found = _capital(pobj)
            if found:
                return found
        found_cities: list[tuple[Token, str]] = []
        for token in pobj.subtree:
            if _in_other_clause(token, pobj):
                continue
            if token.lemma_.lower() == "capital" and token != pobj:
                found = _capital(token)
                if found:
                    return found
            city = city_at(token)
            if city and not _part_of_venue_name(token, city):
                found_cities.append((token, city))
        # "at the Hilton in Addis Ababa", "at the bridge site near X": the town the venue is in
        located = [city for token, city in found_cities if _located_in(token, pobj)]
        if found_cities:
            return located[0] if located else found_cities[0][1]
    return None


def _located_in(token: Token, top: Token) -> bool:
    """Whether ``token`` stands in an in/near phrase inside the phrase headed by ``top``."""
    return any(a.dep_ == "prep" and a.lower_ in ("in", "near", "outside") for a in token.ancestors
               if a.i != top.i and top.is_ancestor(a))


def _part_of_venue_name(token: Token, city: str) -> bool:
    """ "Mar-a-Lago", "the Padma bridge", "the Kazungula border post": a word of a venue's name, not
    where the venue is; a known city that names a venue is its town ("the Kampala Serena Hotel",
    "the Mombasa port")."""
    doc = token.doc
    if (token.i > 0 and doc[token.i - 1].text == "-" and not doc[token.i - 1].whitespace_) or (
            token.i + 1 < len(doc) and doc[token.i + 1].text == "-" and not token.whitespace_):
        return True
    if token.dep_ not in ("compound", "amod", "nmod") or token.head.pos_ != "NOUN" or token.head.i < token.i:
        return False
    found = places.locate(city)
    return not (found and found.get("kind") == "city")


def city_at(token: Token) -> str | None:
    """The city entity ``token`` belongs to, when it is a city (not a country)."""
    doc = token.doc
    if token.i + 2 < len(doc) and doc[token.i + 1].lower_ == "of" and doc[token.i + 2].is_title and token.is_title:
        # "in Port of Spain": the whole name, never its first word
        name = doc[token.i: token.i + 3].text
        found = places.locate(name) if token.dep_ == "pobj" and token.head.lower_ in PLACE_PREPS else None
        if found and found.get("kind") == "city":
            return name
    if token.ent_type_ == "" and _unlabelled_city(token) or _city_after_venue(token) or _city_of(token):
        return token.text
    if token.ent_type_ not in CITY_LABELS:
        return _city_inside_venue(token)
    entity = next((e for e in doc_cache.entities(token.doc) if e.start <= token.i < e.end), None)
    if entity is None:
        return None
    # the model's entity may take in the line break or full stop after the city ("Abuja\n\n", "Abuja.")
    text = entity.text.strip().rstrip(".,;:").rstrip()
    name = text[4:] if text.lower().startswith("the ") else text
    for ending in ("'s", "’s"):
        name = name[: -len(ending)] if name.endswith(ending) else name
    if entity.label_ == "LOC" or places.is_country(name) or country_of(name):
        return None     # "the Middle East", "the Gulf": regions; countries are not meeting places
    return name


def _unlabelled_city(token: Token) -> bool:
    """ "met B in Accra": a one-word proper noun right after in/at that the small model left
    without a label, and that the gazetteer knows as a city (not a country)."""
    if token.dep_ != "pobj" or token.head.lower_ not in PLACE_PREPS or token.pos_ != "PROPN" or not token.is_title:
        return False
    doc = token.doc
    if token.i + 1 < len(doc) and doc[token.i + 1].pos_ == "PROPN" or token.i > 0 and doc[token.i - 1].pos_ == "PROPN":
        return False    # part of a longer name the model did not label: a venue, a company
    found = places.locate(token.text)
    return bool(found) and found.get("kind") == "city" and not places.is_country(token.text)


def _city_of(token: Token) -> bool:
    """ "in the Amazon city of Belém", "the port city of X": the gazetteer's city after "city of",
    whatever the model calls it."""
    if not (token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.lemma_.lower() in ("city", "town")
            and token.is_title):
        return False
    found = places.locate(token.text)
    return bool(found) and found.get("kind") == "city" and not places.is_country(token.text)


def _city_after_venue(token: Token) -> bool:
    """ "at the Presidential Villa, Abuja": a one-word city set after a venue by a comma, which the
    model may label a person or nothing."""
    head = token.head
    if token.dep_ != "appos" or token.ent_type_ not in ("", "PERSON") or head.ent_type_ not in ("FAC", "ORG"):
        return False
    if head.dep_ != "pobj" or head.head.lower_ not in PLACE_PREPS or not token.is_title:
        return False
    if any(t.pos_ == "PROPN" and t.dep_ == "compound" for t in token.lefts):
        return False    # a longer name
    found = places.locate(token.text)
    return bool(found) and found.get("kind") == "city" and not places.is_country(token.text)


def _city_inside_venue(token: Token) -> str | None:
    """ "the Grand Hall of the Nation in Quito" read as one venue name: its "in CITY" part (the
    last words of the venue's name, after "in")."""
    if token.dep_ != "pobj" or token.head.lower_ != "in" or token.pos_ != "PROPN" or not token.is_title:
        return None
    if token.ent_type_ not in ("FAC", "ORG") or token.i + 1 < len(token.doc) and token.doc[token.i + 1].ent_iob_ == "I":
        return None
    words = [t for t in token.lefts if t.dep_ == "compound" and t.pos_ == "PROPN"] + [token]
    name = token.doc[words[0].i: token.i + 1].text
    return None if places.is_country(name) or country_of(name) else name


def _capital(capital: Token) -> str | None:
    """The city "the capital" stands for in its phrase."""
    for child in capital.children:
        if child.dep_ in ("appos", "compound", "npadvmod") and child.i > capital.i:
            city = city_at(child)
            if city:
                return city      # "the capital Nairobi", "the capital, Nairobi"
    country = None
    for child in capital.children:
        if child.dep_ in ("amod", "compound", "poss", "nmod") and child.i < capital.i:
            country = _country_named(child) or country    # "the Kenyan capital", "Kenya's capital"
        if child.dep_ == "prep" and child.lower_ == "of":
            country = next((_country_named(p) for p in child.children if p.dep_ == "pobj"), None) or country
    if country is None and not any(c.dep_ in ("amod", "compound", "poss", "prep") for c in capital.children):
        country = _country_before(capital)
    return places.capital_of(country) if country else None


def _country_named(token: Token) -> str | None:
    entity = next((e for e in doc_cache.entities(token.doc) if e.start <= token.i < e.end), None)
    text = entity.text if entity is not None else token.text
    if places.is_country(text):
        return text
    return country_of(text) or country_of(token.text)


def _country_before(token: Token) -> str | None:
    """The country named last before a bare "the capital" (its sentence and the two before)."""
    start = token.sent.start
    for _ in range(2):
        if start > 0:
            start = token.doc[start - 1].sent.start
    countries = [e.text for e in doc_cache.entities(token.doc)
                 if e.label_ == "GPE" and start <= e.start < token.i and places.is_country(e.text)]
    return countries[-1] if countries else None


def _in_other_clause(token: Token, top: Token) -> bool:
    """"X, who is in Egypt, ...": a place inside a relative or coordinated clause is not the meeting's."""
    for ancestor in [token, *token.ancestors]:
        if ancestor == top:
            return False
        if ancestor.dep_ in CLAUSE_DEPS:
            return True
        if ancestor.dep_ == "conj" and ancestor.pos_ in ("VERB", "AUX"):
            return True  # "met A and visited the HQ in Quito": another clause's place
    return False
