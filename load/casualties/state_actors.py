"""States as perpetrators: the nationality that modifies a military attack or a state force.

"Israeli strikes killed nine", "Russian shelling", "a US drone strike", "Turkish air
strikes", "a Russian guided bomb" (the country: the nationality adjective is the attacker, and a country named as
a modifier stays as written); "Saudi-led coalition air strikes" (the coalition, as
written); "Kenyan police shot dead two protesters", "Israeli forces killed ..." (the force
with its nationality, a generic phrase). The country comes from ``countries`` (general
English demonyms), never from a list of conflicts.

Only nouns of military force are read ("strike", "shelling", "raid", "missile", "army"):
"a Pakistani bus crash" or "Nigerian floods" name no one, and a place before the noun
("Gaza strikes") is where the strikes fell, not who struck, so only nationality words and
country names are taken.
"""
from __future__ import annotations

from spacy.tokens import Token

from ..countries import country_of

# Means of a state's military attack: their nationality modifier is the attacker.
STATE_ATTACK_NOUNS = {"strike", "airstrike", "shelling", "bombardment", "raid", "bombing", "offensive",
                      "fire", "gunfire", "missile", "rocket", "drone", "artillery", "barrage", "operation",
                      "attack", "incursion", "airstrikes", "strikes", "shell", "bomb"}
# What makes a bomb one dropped from the air, a state's: "a Russian guided bomb", "glide bombs".
DROPPED = {"guided", "glide", "gliding", "aerial", "air", "cluster", "barrel", "precision", "laser", "-"}
# A state's armed or police force: kept with its nationality ("Kenyan police").
STATE_FORCE_NOUNS = {"force", "forces", "army", "troop", "troops", "military", "police", "navy",
                     "soldier", "soldiers", "policeman", "policemen", "jet", "jets", "warplane", "warplanes"}
_MODIFIER_DEPS = ("amod", "compound", "nmod", "npadvmod")


def _modifiers(tok: Token) -> list[Token]:
    """Words before ``tok`` that modify it, down compound chains ("US drone strike",
    "Turkish air strikes")."""
    out: list[Token] = []
    stack = [tok]
    while stack:
        head = stack.pop()
        for c in head.children:
            if c.i < tok.i and c.dep_ in _MODIFIER_DEPS:
                out.append(c)
                stack.append(c)
    return sorted(out, key=lambda t: t.i)


def _nationality(t: Token) -> str | None:
    """The country a capitalised nationality or country word names ("Israeli" -> Israel)."""
    if not (t.text[:1].isupper() or t.text in ("U.S.", "U.K.")) or t.ent_type_ not in ("NORP", "GPE", ""):
        return None
    country = country_of(t.text)
    if country is None:
        return None
    return t.text if country.lower() == t.lower_ or t.ent_type_ == "GPE" and t.pos_ == "PROPN" else country


def _led_coalition(mods: list[Token]) -> str | None:
    """"Saudi-led coalition": the coalition as written."""
    for t in mods:
        if t.lower_ == "coalition":
            led = next((m for m in mods if m.i < t.i and m.lower_ == "led"), None)
            if led is not None and led.i >= 2 and _nationality(t.doc[led.i - 2]):
                return t.doc[led.i - 2: t.i + 1].text
    return None


def state_actor(tok: Token) -> str | None:
    """The state (or its force) a military noun names as the attacker, or None."""
    lemma, lower = tok.lemma_.lower(), tok.lower_
    attack = lemma in STATE_ATTACK_NOUNS or lower in STATE_ATTACK_NOUNS
    force = lemma in STATE_FORCE_NOUNS or lower in STATE_FORCE_NOUNS
    if tok.pos_ not in ("NOUN", "PROPN") or not (attack or force):
        return None
    mods = _modifiers(tok)
    coalition = _led_coalition(mods)
    if coalition:
        return coalition
    nations = [(t, n) for t in mods if (n := _nationality(t)) is not None]
    if len(nations) != 1:
        return None                               # none, or "joint US-Iraqi raids": not one state
    t, country = nations[0]
    if lemma == "bomb" and (t.ent_type_ == "GPE" or any(m.lower_ not in DROPPED for m in mods if m.i > t.i)):
        return None                               # "Syria car bomb", "a roadside bomb": not a state's
    if attack:
        return country
    # "Kenyan police", "Israeli security forces": the force with its nationality as written
    return tok.doc[t.i: tok.i + 1].text
