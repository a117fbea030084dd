"""Where: the finest place an incident's sentences give.

Places are the proper names inside locative phrases ("in", "near", "at",
"on", "off", "between" ...) and the places an attack or a disaster hits
("attacked the village of X", "struck the X district"). Each name gets a level
from the place noun the text puts with it ("the village of X", "X district",
"X province", "Y province's X town"), else a country the offline gazetteer
knows, else a level between a district and a province (the gazetteer's cities
are not loaded here: resolution geocodes the place once it is chosen). The finest
name wins; the coarser names of the same sentence follow it ("Kisima, Rwenzori,
North Kivu"), countries only when nothing finer is given.

Not places: names that describe a thing ("a Russian Orthodox church", "a UN
convoy", "the Patu attack"), dates, nationalities, persons, and phrases that
place the perpetrator ("a group based in X"), the speaker ("officials in X
said") or the wounded's care ("taken to hospital in X"). The dateline is never read here: it says where the story was filed.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from .. import places
from ..countries import country_of
from ..date_holidays import in_holiday
from ..dates import MONTHS, WEEKDAYS
from .words import (BASE_VERBS, COUNTRY_LEVEL, EVENT_NOUNS, HAPPEN_VERBS, PEOPLE_NOUNS, PLACE_LEVELS,
                    PLACE_PREPS, SAY_VERBS, UNKNOWN_LEVEL)

# The verbs whose object is where it happened: "attacked the village of X".
OBJECT_VERBS = HAPPEN_VERBS | {"attack", "raid", "storm", "ambush", "hit", "strike", "flood", "bomb", "shell"}
SKIP_ENTS = {"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY", "EVENT"}
MAX_PARTS = 4


@dataclass
class Place:
    name: str
    level: float
    sentence: int
    order: int        # position in the text, to keep the text's order among equals


def _level_noun(tok: Token) -> Token | None:
    """The place noun a name goes with: its head ("X district", "Y province's"), or the
    noun whose "of" it completes ("the village of X")."""
    head = tok.head
    if tok.dep_ in ("compound", "poss", "nmod", "amod") and head.lemma_.lower() in PLACE_LEVELS:
        return head
    if tok.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in PLACE_LEVELS:
        return head.head
    for c in tok.children:                       # "X, a town in ...": an apposition
        if c.dep_ == "appos" and c.lemma_.lower() in PLACE_LEVELS:
            return c
    return None


def _is_country(name: str, tok: Token) -> bool:
    """A country by any of its names ("Democratic Republic of Congo", "DR Congo"), not a
    nationality word."""
    return places.is_country(name) or (tok.ent_type_ != "NORP" and country_of(name) is not None)


def _level(name: str, tok: Token) -> float:
    if _is_country(name, tok):
        return COUNTRY_LEVEL
    noun = _level_noun(tok)
    if noun is not None:
        # "Sulu's Simisa island", "Y province's X town": the possessor of a place noun that has its
        # own name contains that place; so does X in "the Y district of X" (Y is the district)
        container = tok.dep_ == "poss" or (tok.dep_ == "pobj" and any(
            c.dep_ in ("compound", "nmod", "amod") and c.pos_ == "PROPN" for c in noun.children))
        return PLACE_LEVELS[noun.lemma_.lower()] + (0.5 if container else 0)
    if places.is_country(name):
        return COUNTRY_LEVEL
    return UNKNOWN_LEVEL


def _describes_a_thing(tok: Token) -> bool:
    """"a Russian Orthodox church", "a UN convoy", "the Patu attack": a name that
    modifies a noun that is no place."""
    head = tok
    while head.dep_ in ("compound", "amod", "nmod", "poss") and head.head != head:
        head = head.head
    if head == tok:
        return False
    lemma = head.lemma_.lower()
    return lemma not in PLACE_LEVELS and (head.pos_ == "NOUN" or lemma in EVENT_NOUNS)


def _in_a_calendar_date(t: Token) -> bool:
    """A token of a DATE entity that holds a month, a weekday or a number ("mid-February")."""
    doc = t.doc
    start = t.i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    end = t.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return any(w.like_num or w.lower_ in MONTHS | WEEKDAYS for w in doc[start:end])


def _name_like(t: Token) -> bool:
    """A proper noun (the small model tags some place names DATE: "the district of X"),
    or a capitalised word naming a place noun the tagger took for an adjective ("X territory")."""
    if t.ent_type_ in SKIP_ENTS and (t.ent_type_ != "DATE" or t.like_num or t.lower_ in MONTHS | WEEKDAYS):
        return False
    if t.ent_type_ == "DATE" and _in_a_calendar_date(t) or in_holiday(t):
        return False                               # "mid" of "mid-February", "Boxing Day"
    if t.pos_ == "PROPN":
        return True
    # "X territory" with X taken for an adjective; "Kashmir's Shopian district" with Shopian taken
    # for a nationality (a real one, "the Afghan province of X", names a country, not the place)
    return t.is_title and not t.is_sent_start and t.dep_ in ("compound", "amod") \
        and t.head.lemma_.lower() in PLACE_LEVELS and (t.ent_type_ != "NORP" or country_of(t.text) is None)


def _units(tokens: list[Token]) -> list[tuple[str, Token]]:
    """Name units among tokens: entity spans and proper-noun runs; "A and B" stay one unit."""
    units: list[tuple[str, Token]] = []
    run: list[Token] = []
    tokset = {t.i for t in tokens}

    def close() -> None:
        while run and (run[-1].lower_ in ("and", "-", "of", "du", "de", "al")):
            run.pop()
        while run and run[0].i >= 2:               # "Port-au-Prince" whose "Port" the tagger calls a noun
            dash, word = run[0].doc[run[0].i - 1], run[0].doc[run[0].i - 2]
            if dash.text != "-" or dash.whitespace_ or word.whitespace_ or not (
                    word.is_title or word.lower_ in HYPHEN_PARTICLES):
                break
            run[:0] = [word, dash]
        if run:
            text = " ".join(t.text for t in run).replace(" - ", "-")
            root = max(run, key=lambda t: (t.head.i not in {r.i for r in run}, t.pos_ == "PROPN"))
            units.append((text, root))
        run.clear()

    for t in sorted(tokens, key=lambda t: t.i):
        good = _name_like(t)
        if good:
            if run and run[-1].i != t.i - 1:
                close()
            run.append(t)
        elif run and t.text == "-" and t.i + 1 in tokset:
            run.append(t)
        elif run and run[-1].text == "-" and not run[-1].whitespace_ and t.lower_ in HYPHEN_PARTICLES \
                and t.i + 1 < len(t.doc) and t.doc[t.i + 1].text == "-":
            run.append(t)                          # "Port-au-Prince", "Saint-Louis-du-Sud"
        elif run and t.lower_ == "and" and t.i + 1 in tokset and _name_like(t.doc[t.i + 1]):
            run.append(t)                          # "between the cities of A and B", "Sistan and Baluchestan"
        elif run and t.lower_ in ("of", "du", "de", "al") and t.ent_type_ and t.ent_type_ == run[-1].ent_type_:
            run.append(t)                          # "Democratic Republic of Congo", "Boucle du Mouhoun"
        else:
            close()
    close()
    return units


def _located(tok: Token) -> bool:
    """Named right after a locative preposition ("in X", "near X"): a place whatever the
    tagger calls it (it takes some towns for persons)."""
    return tok.dep_ == "pobj" and tok.head.lower_ in PLACE_PREPS


def _ok(name: str, tok: Token) -> bool:
    if tok.ent_type_ == "PERSON" and not (places.is_country(name) or _level_noun(tok) is not None or _located(tok)):
        return False
    if tok.ent_type_ == "NORP" and (_level_noun(tok) is None and not _located(tok) or country_of(name) is not None):
        return False                              # (a nationality: "the Ukrainian city of X")
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lemma_.lower() in PEOPLE_NOUNS:
        return False                              # "eight jawans of DRG": who they are, not where
    return not _describes_a_thing(tok)


def _aside(tok: Token, top: Token) -> bool:
    """Under a phrase that is not about the place: the agent ("an attack by the X Front"), the
    other side ("an encounter with X rebels"), the perpetrator's base ("gunmen based in X"),
    a relative clause ("the road on which ..."). The nearest preposition decides: "an
    encounter with rebels in X district" still places it in X."""
    for a in tok.ancestors:
        if a == top:
            return False
        if a.dep_ == "relcl" or _based(a):
            return True
        if a.dep_ in ("prep", "agent"):
            return a.dep_ == "agent" or a.lower_ in ("by", "with", "against") or _based(a.head)
    return False


def _based(tok: Token) -> bool:
    return tok.pos_ == "VERB" and tok.lemma_.lower() in BASE_VERBS


def _persons_other_event(prep: Token) -> bool:
    """ "The attack came a day after President X met Y in Kyiv": a place in a clause of time
    ("after", "before", "since", "until") whose subject is a person doing something else."""
    verb = next((a for a in prep.ancestors if a.pos_ in ("VERB", "AUX")), None)
    if verb is None or verb.lemma_.lower() in OBJECT_VERBS or verb.dep_ != "advcl":
        return False
    marked = any(c.dep_ == "mark" and c.lower_ in ("after", "before", "since", "until") for c in verb.children)
    return marked and any(c.dep_ == "nsubj" and c.ent_type_ == "PERSON" for c in verb.children)


def _speaker_side(prep: Token) -> bool:
    """A phrase on a verb of saying or on its subject: "officials in X said", "said in X"."""
    head = prep.head
    return head.lemma_.lower() in SAY_VERBS and head.pos_ == "VERB" or (
        head.dep_ in ("nsubj", "nsubjpass") and _says(head.head) and head.lemma_.lower() not in EVENT_NOUNS)


def _says(verb: Token) -> bool:
    """A verb of saying ("officials in X said"), not "claimed 45 lives" / "claimed the lives of"."""
    return verb.lemma_.lower() in SAY_VERBS and not any(c.lemma_.lower() == "life" for c in verb.children)


# Where the wounded were taken or treated, not where it happened: "taken to hospital in X",
# "airlifted to X", "treated at a clinic in Y".
CARE_WORDS = {"take", "rush", "admit", "treat", "evacuate", "airlift", "transfer", "fly", "move", "hospitalize",
              "hospitalise", "hospital", "clinic", "infirmary"}


def _care_side(prep: Token) -> bool:
    return prep.head.lemma_.lower() in CARE_WORDS or prep.head.lower_ in CARE_WORDS


def in_sentence(sent: Span, index: int, order_base: int = 0) -> list[Place]:
    """Every place name a sentence gives for what happens in it."""
    found: list[Place] = []
    seen: set[int] = set()
    for tok in sent:
        phrase: list[Token] = []
        if tok.dep_ == "prep" and tok.lower_ in PLACE_PREPS:
            if _based(tok.head) or _speaker_side(tok) or _persons_other_event(tok) or _care_side(tok):
                continue
            if any(a.dep_ == "prep" and a.lower_ in PLACE_PREPS for a in tok.ancestors):
                continue                          # nested in a bigger locative phrase
            phrase = [t for t in tok.subtree if t != tok]
        elif tok.dep_ == "dobj" and tok.head.lemma_.lower() in OBJECT_VERBS and (
                tok.lemma_.lower() in PLACE_LEVELS or tok.ent_type_ in ("GPE", "LOC", "FAC")):
            phrase = list(tok.subtree)
        if not phrase:
            continue
        phrase = [t for t in phrase if not _aside(t, tok) and t.i not in seen]
        seen |= {t.i for t in phrase}
        for name, root in _units(phrase):
            if _ok(name, root):
                found.append(Place(name, _level(name, root), index, order_base + root.i))
    return found


def here(sent: Span, dateline: str | None = None) -> bool:
    """"in the city", "in the capital", "here", "on the outskirts of the Somali capital" (the
    dateline being that country's capital): the place the dateline names, when the sentence
    names no other."""
    for tok in sent:
        if tok.dep_ == "prep" and tok.lower_ in ("in", "near", "outside", "on") and not _speaker_side(tok):
            pobj = next((c for c in tok.children if c.dep_ == "pobj"), None)
            if pobj is not None and pobj.lemma_.lower() in OUTSKIRTS:
                of = next((c for c in pobj.children if c.dep_ == "prep" and c.lower_ == "of"), None)
                pobj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
            if pobj is None or pobj.lemma_.lower() not in ("city", "town", "capital") or tok.lower_ == "on" and \
                    pobj.i == next((c.i for c in tok.children if c.dep_ == "pobj"), -1):
                continue
            nationality = [c for c in pobj.children if c.dep_ in ("amod", "compound") and country_of(c.text)]
            if nationality and not (dateline and places.capital_of(country_of(nationality[0].text)) == dateline):
                continue                           # "the Kenyan capital" is the dateline only when it is Nairobi
            if not any((c.pos_ == "PROPN" and c not in nationality) or c.dep_ == "prep" for c in pobj.children) and any(
                    c.dep_ == "det" and c.lower_ == "the" for c in pobj.children):
                return True
        if tok.lower_ == "here" and tok.dep_ == "advmod" and not _speaker_side(tok):
            return True
    return False


# Lower-case words inside hyphenated place names.
HYPHEN_PARTICLES = {"au", "aux", "en", "de", "la", "le", "les", "sur", "du", "des", "sous", "lès", "am", "an", "im"}
# Parts of a city: "on the outskirts of the capital", "in the centre of the city".
OUTSKIRTS = {"outskirts", "outskirt", "edge", "centre", "center", "heart", "suburbs", "periphery"}


def finest(candidates: list[Place]) -> str | None:
    """The finest place, then the coarser places of its sentence ("Dounkou, Toeni
    Commune, Boucle du Mouhoun"); a country only when nothing finer is given."""
    if not candidates:
        return None
    best = min(candidates, key=lambda p: (p.level, p.order))
    parts = [best]
    for p in sorted((p for p in candidates if p.sentence == best.sentence and p.level >= best.level),
                    key=lambda p: (p.level, p.order)):
        if p.level >= COUNTRY_LEVEL and best.level < COUNTRY_LEVEL:
            continue
        if all(p.name.lower() not in q.name.lower() and q.name.lower() not in p.name.lower() for q in parts):
            parts.append(p)
    return ", ".join(p.name for p in parts[:MAX_PARTS])
