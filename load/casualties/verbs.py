"""What a casualty word says happened: the verb, its particle or complement, or an adjective.

``kind_of(token)`` is killed, injured, abducted, released, arrested or missing for a verb
("killed", "martyred"), a verb and the words that complete it ("shot dead", "hacked to
death", "burnt alive", "claimed 45 lives", "took away", "taken hostage", "set free",
"regained their freedom", "taken into custody", "rounded up", "sustained injuries", "found
the bodies of"), a noun of harm with its "of" ("the killing of four people"), or an adjective
("dead", "missing", "unaccounted"); None otherwise
("sentenced to death", "eliminated 3 candidates"). ``counts`` reads the numbers of people
these words say something about.
"""
from __future__ import annotations

from spacy.tokens import Token

from .words import (ADJ_KINDS, ATTACKER_NOUNS, AUTHORITY_NOUNS, BODY_NOUNS, FIND_VERBS, HARM_NOUNS, INTRANSITIVE,
                    SEIZE_VERBS, SUFFER_VERBS, TAKE_AWAY_VERBS, VERB_KINDS)

# "sentenced to death" is a sentence, not a killing.
SENTENCE_VERBS = {"sentence", "condemn", "doom", "scare", "bore", "frighten", "love", "tickle"}
# Nouns of a harm done, whose "of" names the people it was done to: "the killing of four people",
# "the murder of a vendor", "the deaths of 12 miners", "the abduction of 20 pupils" (not "the release
# / arrest of": those are as often demanded as done).
NOUN_KINDS = {"killing": "killed", "murder": "killed", "assassination": "killed", "massacre": "killed",
              "death": "killed", "abduction": "abducted", "kidnapping": "abducted"}
# Verbs whose object "lives" are people killed: "lost their lives", "claimed 45 lives", "took 14 lives".
LIFE_VERBS = {"lose", "claim", "take", "cost"}


def kind_of(tok: Token) -> str | None:
    if tok.pos_ in ("VERB", "AUX") or tok.tag_ in ("VBN", "VBD", "VBG"):
        kind = VERB_KINDS.get(tok.lemma_.lower())
        if kind:
            return kind
        if tok.lemma_.lower() in SEIZE_VERBS or takes_away(tok) or with_complement(tok, "take", ("hostage", "captive")):
            return "abducted"          # or arrested: decided by who was taken (see counts_in)
        if with_complement(tok, "set", ("free",)) or _regains_freedom(tok):
            return "released"          # "were set free", "regained their freedom"
        if with_complement(tok, "take", ("custody",)) or (tok.lemma_.lower() == "round" and any(
                c.dep_ == "prt" and c.lower_ == "up" for c in tok.children)):
            return "arrested"          # "took 7 suspects into custody", "rounded up 30 suspects"
        if tok.lemma_.lower() == "shoot" and any(c.lower_ == "dead" for c in tok.children):
            return "killed"            # "shot dead three people"
        if tok.lemma_.lower() in FIND_VERBS and any(
                c.dep_ in ("dobj", "nsubjpass") and c.lower_ in BODY_NOUNS for c in tok.children):
            return "killed"            # "found the bodies of 11 people", "23 bodies were recovered"
        if tok.lemma_.lower() == "eliminate" and any(
                c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in ATTACKER_NOUNS for c in tok.children):
            return "killed"            # "eliminated 20 terrorists" (not "eliminated 3 candidates")
        if _suffers_harm(tok):
            return "injured"           # "four persons sustained serious injuries"
        if tok.lemma_.lower() not in SENTENCE_VERBS and any(
                c.dep_ == "prep" and c.lower_ == "to" and any(p.lower_ == "death" for p in c.children)
                for c in tok.children) or (tok.lemma_.lower() == "burn" and any(c.lower_ == "alive" for c in tok.children)):
            return "killed"            # "hacked / burnt / crushed to death", "burnt alive"
        if tok.lemma_.lower() in LIFE_VERBS and any(c.lemma_.lower() == "life" for c in tok.children):
            return "killed"            # "15 people lost their lives", "claimed the lives of 20 people", "claimed 45 lives"
        if _embraces_martyrdom(tok) or _sent_to_hell(tok):
            return "killed"            # South Asian official idiom: "embraced martyrdom", "were sent to hell"
    if tok.pos_ == "NOUN" and tok.lemma_.lower() in NOUN_KINDS and any(
            c.dep_ == "prep" and c.lower_ == "of" for c in tok.children):
        return NOUN_KINDS[tok.lemma_.lower()]   # "for the killing of 11 civilians", "the abduction of 20 pupils"
    return ADJ_KINDS.get(tok.lower_) if tok.pos_ in ("ADJ", "VERB") else None


def with_complement(tok: Token, lemma: str, words: tuple[str, ...]) -> bool:
    """"took 12 people hostage", "were set free", "taken into custody": a verb and the word that
    says what became of its object, however the parser hangs it."""
    if tok.lemma_.lower() != lemma:
        return False
    return any(c.lower_ in words and c.dep_ in ("oprd", "advcl", "acomp", "xcomp", "dobj", "attr", "npadvmod")
               or c.dep_ == "prep" and c.lower_ in ("into", "in") and any(p.lower_ in words for p in c.children)
               for c in tok.children)


def _regains_freedom(tok: Token) -> bool:
    return tok.lemma_.lower() in ("regain", "gain", "win") and any(
        c.dep_ == "dobj" and c.lower_ == "freedom" for c in tok.children)


def _suffers_harm(tok: Token) -> bool:
    return tok.lemma_.lower() in SUFFER_VERBS and any(
        c.dep_ == "dobj" and c.lemma_.lower() in HARM_NOUNS for c in tok.children)


def takes_away(tok: Token) -> bool:
    """"took away 40 women", "carried off 12 villagers"."""
    # (a bare particle: "was carrying 110 migrants ..., about 130 km away" is a distance)
    return tok.lemma_.lower() in TAKE_AWAY_VERBS and any(
        c.dep_ in ("prt", "advmod") and c.lower_ in ("away", "off") and not any(c.children) for c in tok.children)


def by_authorities(verb: Token) -> bool:
    """"Police took away 12 protesters": an arrest, not an abduction."""
    return any(c.dep_ == "nsubj" and (c.lemma_.lower() in AUTHORITY_NOUNS or c.lower_ in AUTHORITY_NOUNS)
               for c in verb.children)


def negated(tok: Token) -> bool:
    """"were not injured", "No group has claimed", "Neither guard was hurt"."""
    return any(c.dep_ == "neg" for c in tok.children) or any(
        c.dep_ in ("nsubj", "nsubjpass") and any(d.dep_ == "det" and d.lower_ in ("no", "neither") for d in c.children)
        for c in tok.children)


def is_passive(verb: Token) -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children) or verb.tag_ == "VBN"


def intransitive(verb: Token) -> bool:
    """A verb whose subject is the one harmed: "died", "lost their lives", "sustained injuries",
    "embraced martyrdom"."""
    return verb.lemma_.lower() in INTRANSITIVE or verb.lower_ in INTRANSITIVE or verb.lemma_.lower() == "lose" \
        or _suffers_harm(verb) or _regains_freedom(verb) or _embraces_martyrdom(verb)


def _embraces_martyrdom(verb: Token) -> bool:
    return verb.lemma_.lower() in ("embrace", "attain", "achieve", "receive") and any(
        c.dep_ == "dobj" and c.lower_ == "martyrdom" for c in verb.children)


def _sent_to_hell(verb: Token) -> bool:
    """"three terrorists were sent to hell": the passive of an official idiom for killing attackers."""
    return verb.lemma_.lower() == "send" and any(
        c.dep_ == "prep" and c.lower_ == "to" and any(p.lower_ == "hell" for p in c.children) for c in verb.children)


def lives_taken(noun: Token) -> bool:
    """"claimed 45 lives", "took 14 lives": the lives are the people killed."""
    return noun.lemma_.lower() == "life" and noun.dep_ == "dobj" and noun.head.lemma_.lower() in LIFE_VERBS
