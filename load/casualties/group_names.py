"""Names in a perpetrator phrase: the proper-name run of a noun phrase ("Jaish al-Adl" of "the
so-called Jaish al-Adl terrorist group"), with the particles of Arabic and French names; places,
nationalities, persons, and capitalised events, weapons or forces of nature are no names.
``perpetrators`` reads who did it with these.
"""
from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Doc, Token

from .. import places
from ..countries import country_of
from .docarrays import candidates, columns, string_ids
from .words import BLAME_VERBS, EVENT_NOUNS, GROUP_NOUNS, NAME_PARTICLES, PEOPLE_NOUNS, THING_WORDS, WEAPON_WORDS

# Words that describe a name rather than belong to it.
DESCRIPTORS = {"so", "called", "so-called", "suspected", "alleged", "notorious", "banned", "outlawed",
               "the", "a", "an", "group", "militants", "militant", "fighters", "fighter", "men", "gunmen",
               "terrorists", "terrorist", "rebels", "insurgents", "members", "militia", "jihadists"}
PLACE_ENTS = {"GPE", "LOC", "FAC"}


def phrase(tok: Token) -> str:
    """A noun phrase without its article, relative clauses or trailing PPs."""
    words = [t for t in tok.subtree if t.i <= tok.i and t.dep_ not in ("det",)]
    return "".join(t.text_with_ws for t in words).strip()


def is_nationality(tok: Token) -> bool:
    """"Pakistani", "Afghan", "Congolese": a country's name with a demonym ending."""
    # (the stem test only for the tagger's nationalities: "Armed" is no Armenian)
    return country_of(tok.text) is not None and (tok.ent_type_ == "NORP" or tok.pos_ == "ADJ") \
        or tok.ent_type_ == "NORP" and _demonym(tok.lower_)


@lru_cache(maxsize=4096)
def _demonym(word: str) -> bool:
    for country in _country_stems():
        n = 0
        while n < min(len(word), len(country)) and word[n] == country[n]:
            n += 1
        if n >= 4 and len(word) - n <= 5:
            return True
    return False


def _country_stems() -> list[str]:
    global _STEMS
    if _STEMS is None:
        _STEMS = sorted({n.split()[0].lower() for n in places._gazetteer().get_countries_by_names()})
    return _STEMS


_STEMS: list[str] | None = None


def _name_token(t: Token) -> bool:
    if t.ent_type_ in PLACE_ENTS or t.ent_type_ in ("DATE", "TIME", "CARDINAL", "ORDINAL"):
        return False
    if t.ent_type_ == "PERSON" and not (t.dep_ == "compound" and t.head.pos_ == "NOUN"):
        return False                          # a person; but "Kordan gunmen" names a group
    if is_nationality(t) or t.lower_ in WEAPON_WORDS:
        return False
    return t.pos_ == "PROPN" or (t.ent_type_ == "ORG" and t.is_title) or (t.is_upper and len(t) > 1 and t.is_alpha)


def proper_name(tok: Token) -> str | None:
    """The proper-name run inside a noun phrase: "Jaish al-Adl" of "the so-called
    Jaish al-Adl terrorist group based in X", "Abu Sayyaf" of "the (Abu Sayyaf) captors"."""
    left = [t for t in tok.subtree if t.i <= tok.i and (t == tok or t.head == tok or t.head.head == tok
                                                       or (t.head.head.head == tok and t.dep_ == "compound"))]
    runs: list[list[Token]] = []
    run: list[Token] = []
    for t in sorted(left, key=lambda t: t.i):
        if run and t.i != run[-1].i + 1:
            runs.append(run)
            run = []
        if _name_token(t) and t.lower_ not in DESCRIPTORS:
            run.append(t)
        elif run and _joins_a_name(t) and t.i + 1 <= tok.i and _name_token(t.doc[t.i + 1]):
            run.append(t)
        elif run:
            runs.append(run)
            run = []
    if run:
        runs.append(run)
    # a lone common noun capitalised ("Police said", "Troops killed") is no name
    runs = [r for r in runs if any(_name_token(t) for t in r) and not (
        len(r) == 1 and (r[0].lower_ in PEOPLE_NOUNS | GROUP_NOUNS or r[0].lemma_.lower() in PEOPLE_NOUNS | GROUP_NOUNS))
        and not all(_thing_word(t.lower_) for t in r)]
    if not runs:
        return None
    best = runs[-1]                          # the run nearest the head: "Norland - Tamar militants"
    return "".join(t.text_with_ws for t in best).strip() or None


_THINGS = EVENT_NOUNS | WEAPON_WORDS | THING_WORDS


def _thing_word(word: str) -> bool:
    """A capitalised event, weapon, vehicle or force of nature ("Tornado", "Airstrikes",
    "Floods" in a headline): no one's name, in the singular or the plural."""
    return word in _THINGS or word.endswith("s") and (word[:-1] in _THINGS or word.endswith("es") and word[:-2] in _THINGS)


def _joins_a_name(t: Token) -> bool:
    """"al" of "Jaish al-Adl", a hyphen written without spaces (" - " is a dash), the "'s"
    of "New People's Army"."""
    if t.text == "-":
        return not t.nbor(-1).whitespace_ and not t.whitespace_
    if t.tag_ == "POS":
        return True
    return t.lower_ in NAME_PARTICLES


def is_place_name(name: str, tok: Token) -> bool:
    """A country, a name the tagger calls a place, or one the article puts an event at ("the
    Barsalogho attack" of an article that tells of "the attack on Barsalogho")."""
    return places.is_country(name) or any(t.ent_type_ in PLACE_ENTS for t in tok.subtree if t.text in name.split()) \
        or name.lower() in places_told(tok.doc)


# Prepositions whose proper-noun object is where something happened: "an attack on X", "in X".
PLACE_PREPS = {"on", "in", "near", "at", "around", "outside"}
_PLACE_PREP_IDS = string_ids(PLACE_PREPS)


def places_told(doc: Doc) -> set[str]:
    """Proper names (lower-cased) the article uses as places: the object of "an attack / a raid on
    X", whatever the tagger calls it, and of "in / near / at X" when the tagger does not call it an
    organisation, a people or a person."""
    key = "casualties_places_told"
    if key not in doc.user_data:
        found = set()
        for i in candidates(columns(doc), _PLACE_PREP_IDS):
            prep = doc[i]
            if prep.dep_ != "prep":
                continue
            for obj in prep.children:
                if obj.dep_ != "pobj" or obj.pos_ != "PROPN":
                    continue
                if prep.lower_ == "on" and not (prep.head.lemma_.lower() in EVENT_NOUNS and prep.head.pos_ == "NOUN"
                                                and prep.head.head.lemma_.lower() not in BLAME_VERBS):
                    continue                      # "blamed the attack on X": who, not where
                if prep.lower_ != "on" and obj.ent_type_ in ("ORG", "NORP", "PERSON"):
                    continue
                start = obj.i
                while start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].head.i == obj.i:
                    start -= 1
                found.add(doc[start: obj.i + 1].text.lower())
        doc.user_data[key] = found
    return doc.user_data[key]
