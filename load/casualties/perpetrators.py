"""Who did it: responsibility as the article attributes it, and to which incident.

Every sentence (the headline too) is read for attributions: "X claimed
responsibility (for the attack)", "a statement from X claimed ...", "X
spokesman Y claimed ...", "X said its fighters ..." (claimed); "X was behind the attack", "blamed the
bombing on X", "blaming a militia called X" (blamed); "suspected X militants",
"a suspected X attack", "the attackers were believed to be members of X" (suspected); "X militants
ambushed ...", "killed by X", "a blast triggered by X", "an X attack", "clashes with X" (stated).

A name (``group_names``) is a run of proper nouns (or an organisation the model knows) in the
noun phrase, with the particles of Arabic and French names ("al-", "du");
places (and names the article puts an event at: "the X attack" beside "the attack on X"),
nationalities, persons, outlets and the people counted are never names; "members / remnants
of X" name X. An acronym becomes the name the article expands it to ("Allied
Democratic Forces (ADF)"), or the named group whose initials it is. A generic
noun ("gunmen", "a notorious militia", "the group") stands only when the
article names no group in a perpetrator's role; "a militia called X" is X, and
so is "a militia, X" or "the X cartel" whatever entity the tagger gives X (a
person, a place). A capitalised event, weapon, vehicle or force of nature
("Tornado kills 7") is no name.

An incident takes the attributions in its own sentences and the claims,
blames and suspicions told apart from it: in the headline or lead before it,
about an event the incident's place names ("the Patu attack" style), or about
"the attack" after it. Named groups beat generic nouns, then claimed > blamed >
suspected > stated. A reported incident whose text names nobody takes the one
group the article attributes attacks to.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from .acronyms import acronyms, expand
from .docarrays import Sentences, candidates, columns, string_ids
from .group_names import is_nationality, is_place_name, phrase, proper_name  # noqa: F401 (phrase: API)
from .state_actors import STATE_FORCE_NOUNS, state_actor
from .verbs import by_authorities, kind_of, negated
from .words import (ATTACK_VERBS, ATTACKER_NOUNS, BLAME_VERBS, CLAIM_NOUNS, EVENT_NOUNS, GROUP_NOUNS, MISHAP_NOUNS,
                    NAME_PARTICLES, NAMED_AFTER_NOUNS, PEOPLE_NOUNS, SAY_VERBS, SPOKES_NOUNS, SUSPECT_WORDS,
                    TAKE_AWAY_VERBS, TIED_WORDS, VERB_KINDS, WEAPON_WORDS)

RANK = {"claimed": 0, "blamed": 1, "suspected": 2, "stated": 3}
# Nouns for a part of a group, named after it: "members / remnants / elements of X".
MEMBER_NOUNS = {"member", "remnant", "element", "affiliate", "operative", "loyalist", "splinter"}
# Nouns for statements that carry a claim: "a statement from X claimed ...".
STATEMENT_NOUNS = {"statement", "video", "message", "communique", "post", "audio", "claim"}


@dataclass
class Attribution:
    name: str
    named: bool             # a group's name, not a generic noun
    how: str                # claimed | blamed | suspected | stated
    sentence: int
    event: Token | None     # the event it is about ("for the Patu attack"), when the text says


# ---------------------------------------------------------------- who a phrase names

def _called(tok: Token) -> Token | None:
    """"a militia called the Allied Democratic Forces", "known as X", an apposition."""
    for c in tok.children:
        if c.dep_ == "appos" and proper_name(c):
            return c
        if c.dep_ == "prep" and c.lower_ in ("of", "from") and (tok.lemma_.lower() in ATTACKER_NOUNS | GROUP_NOUNS
                                                                 or tok.lemma_.lower() in MEMBER_NOUNS):
            pobj = next((p for p in c.children if p.dep_ == "pobj"), None)
            if pobj is not None and proper_name(pobj):
                return pobj                   # "fighters of the X Army"
            if pobj is not None and tok.lemma_.lower() in MEMBER_NOUNS and pobj.lemma_.lower() in NAMED_AFTER_NOUNS:
                return pobj                   # "members of a gang known as X"
        if c.dep_ in ("acl", "amod") and c.lemma_.lower() in TIED_WORDS and tok.lemma_.lower() in ATTACKER_NOUNS:
            for p in _pobjs(c, ("to", "with"), ("prep",)):
                if proper_name(p) and not is_place_name(proper_name(p), p):
                    return p              # "insurgents linked to the X Liberation Front"
        if c.dep_ == "acl" and c.lemma_.lower() in ("call", "know", "name"):
            for d in c.subtree:
                if d != c and d.dep_ in ("oprd", "attr", "dobj", "pobj", "xcomp", "appos") and (
                        proper_name(d) or tok.lemma_.lower() in NAMED_AFTER_NOUNS and d.pos_ == "PROPN"):
                    return d
    return None


def who(tok: Token) -> tuple[str, bool] | None:
    """(name, is a group's name) for a perpetrator phrase, or None when it names
    nobody who could have done it (a place, a nationality, a weapon, an event)."""
    if _dateline(tok):
        # "ZAMBOANGA, Country - X militants have freed ...": the parse hangs the subject on the dateline
        subject = next((c for c in tok.children if c.dep_ == "appos" and c.nbor(-1).text != "("), None)
        return who(subject) if subject is not None and not _dateline(subject) else None
    if tok.pos_ == "PRON" or tok.like_num:
        return None
    if tok.ent_type_ == "PERSON" and tok.pos_ == "PROPN" or tok.lemma_.lower() in SPOKES_NOUNS | STATEMENT_NOUNS:
        spoke = _speaker(tok)              # "Taliban spokesman X", "a statement from X"
        if spoke is None and tok.ent_type_ == "PERSON" and _claims_responsibility(tok):
            # a group the model took for a person ("Al-Shabaab claimed responsibility"), or a lone
            # attacker: who did it, either way
            entity = next(e for e in tok.doc.ents if e.start <= tok.i < e.end)
            return entity.text, True
        if spoke is not None or tok.ent_type_ == "PERSON" or tok.lemma_.lower() in STATEMENT_NOUNS:
            return spoke
    if tok.lemma_.lower() in NAMED_AFTER_NOUNS:
        for c in tok.children:
            run = _capitalised_run(c) if c.dep_ == "appos" else None
            if run:                               # "a Dogon militia, Dan Na Ambassagou" (tagged a person)
                return run, True
    if tok.lemma_.lower() in MISHAP_NOUNS:
        return None                               # "City building fire kills 46": a fire is nobody
    called = _called(tok)
    if called is not None:
        got = who(called)
        if got is None and called.head.lower_ == "as" and called.head.head.lemma_.lower() == "know":
            run = _capitalised_run(called)    # "a gang known as the X": a name, whatever the tagger calls it
            return (run, True) if run else None
        return got
    state = state_actor(tok)
    if state is not None:                         # "Israeli strikes", "Kenyan police"
        return state, tok.lemma_.lower() not in STATE_FORCE_NOUNS
    name = proper_name(tok)
    if name and not is_place_name(name, tok) and not _dateline(tok):
        return name, True
    if tok.lemma_.lower() in NAMED_AFTER_NOUNS and not _dateline(tok):
        run = _capitalised_run(tok, before=True)
        if run:                                   # "the Santa Rosa de Lima cartel" (tagged a place)
            return f"{run} {tok.text}", True
    lemma = tok.lemma_.lower()
    if lemma in ATTACKER_NOUNS | GROUP_NOUNS or tok.lower_ in ATTACKER_NOUNS | GROUP_NOUNS \
            or (lemma in PEOPLE_NOUNS and lemma not in ("people", "person", "other")):
        if lemma in EVENT_NOUNS:
            return None
        if lemma not in ATTACKER_NOUNS | GROUP_NOUNS and any(c.dep_ == "nummod" for c in tok.children):
            return None                           # "12 civilians injured": the people counted
        words = [t for t in tok.subtree if t.i <= tok.i and t.dep_ != "det" and not is_nationality(t)
                 and t.lower_ not in WEAPON_WORDS]
        # (quotes a statement put around its word are no part of it: '"terrorists"')
        return "".join(t.text_with_ws for t in words).strip().strip("\"'“”‘’ ") or tok.text, False
    return None


def _capitalised_run(tok: Token, before: bool = False) -> str | None:
    """The proper nouns that make a name, whatever entity the tagger gave them: the compounds
    just before ``tok`` (``before``), or ``tok``'s own run ending at it."""
    words: list[Token] = []
    doc = tok.doc
    i = tok.i - 1 if before else tok.i
    while i >= 0 and (doc[i].pos_ == "PROPN" or words and doc[i].lower_ in NAME_PARTICLES
                      and i > 0 and doc[i - 1].pos_ == "PROPN") and (i == tok.i or tok.i >= doc[i].head.i > i):
        words.insert(0, doc[i])
        i -= 1
    if not words or (not before and words[-1] != tok) or all(is_nationality(t) for t in words):
        return None
    return " ".join(t.text for t in words).replace(" - ", "-")


def _claims_responsibility(tok: Token) -> bool:
    """The subject of "claimed / accepted responsibility"."""
    verb = tok.head
    return tok.dep_ == "nsubj" and verb.lemma_.lower() in ("claim", "accept", "admit") and any(
        c.dep_ == "dobj" and c.lemma_.lower() == "responsibility" for c in verb.children)


def _speaker(tok: Token) -> tuple[str, bool] | None:
    """"Taliban spokesman Qari X" -> Taliban; "a statement from the Islamic State group" -> Islamic State."""
    for c in tok.subtree:
        if c.lemma_.lower() in SPOKES_NOUNS and c != tok or c == tok and c.lemma_.lower() in SPOKES_NOUNS:
            name = proper_name(c)
            if name and not any(t.ent_type_ == "PERSON" for t in c.doc[c.i - len(name.split()): c.i]):
                return name, True
    if tok.lemma_.lower() in STATEMENT_NOUNS:
        for c in tok.children:
            if c.dep_ in ("prep", "agent") and c.lower_ in ("from", "by", "of"):
                pobj = next((p for p in c.children if p.dep_ == "pobj"), None)
                if pobj is not None:
                    return who(pobj)
            if c.dep_ == "poss":
                return who(c)
    return None


def _dateline(tok: Token) -> bool:
    """"JOS, Nigeria (AP) - Gunmen killed ...": the parse may make the dateline city the subject."""
    at_start = tok.is_sent_start or (tok.i > 0 and tok.nbor(-1).is_sent_start)
    return at_start and tok.is_upper and len(tok) > 1 and tok.i + 1 < len(tok.doc) \
        and tok.nbor().text in (",", "(", ":", "-")


# ---------------------------------------------------------------- attributions in the text

def _pobjs(tok: Token, preps: tuple[str, ...], deps=("prep", "agent")) -> list[Token]:
    out = []
    for c in tok.children:
        if c.dep_ in deps and c.lower_ in preps:
            for p in c.children:
                if p.dep_ == "pobj":
                    out.append(p)
                    out += [q for q in p.children if q.dep_ == "conj"]
    return out


def _event_of(tok: Token) -> Token | None:
    """The event a claim or blame is about: "responsibility for the attack"."""
    for t in tok.subtree:
        if t.lemma_.lower() in EVENT_NOUNS and t.pos_ == "NOUN" and not _in_relative_clause(t, tok):
            return t
    return None


# Modifiers of an event noun that make it other events than the one reported: "similar raids",
# "previous attacks", "such kidnappings".
OTHER_EVENT_WORDS = {"similar", "previous", "past", "earlier", "other", "such", "many", "several", "frequent",
                     "repeated", "recent"}


def _other_events(event: Token) -> bool:
    return any(c.dep_ in ("amod", "det") and c.lower_ in OTHER_EVENT_WORDS for c in event.children)


def _in_a_clause_of_time(subject: Token) -> bool:
    """The subject of a clause that says what came before or after: "a day after X fired rockets"
    tells another event than the one whose casualties are counted."""
    verb = subject.head
    if subject.dep_ != "nsubj":
        return False
    if any(c.dep_ == "mark" and c.lower_ in ("after", "before", "since") for c in verb.children):
        return True                      # (an advcl, or a conj where the parser loses the clause)
    return verb.dep_ == "pcomp" and verb.head.lower_ in ("after", "before", "since")


def _in_relative_clause(t: Token, top: Token) -> bool:
    """ "blamed the Taliban, who have stepped up attacks this year": what the relative clause says
    of the group is not the event blamed."""
    while t != top and t.head != t:
        if t.dep_ == "relcl":
            return True
        t = t.head
    return False


def _subject_of_misparse(verb: Token) -> Token:
    """The noun a verb hung as a reduced relative belongs to: its head, or up through the
    prepositions and reduced relatives of a subject ("militiamen armed with machetes")."""
    head = verb.head
    for a in [head, *head.ancestors][:6]:
        if a.dep_ in ("nsubj", "nsubjpass") and a.pos_ in ("NOUN", "PROPN"):
            return a if who(head) is None else head
        if a.dep_ not in ("pobj", "prep", "conj", "acl", "compound"):
            break
    return head


def _victims_are_attackers(verb: Token) -> bool:
    objs = [c for c in verb.children if c.dep_ == "dobj"]
    return bool(objs) and all(o.lemma_.lower() in ATTACKER_NOUNS or o.lower_ in ATTACKER_NOUNS for o in objs)


# The words an attribution hangs on (by lemma or lower form): only their tokens are read.
_CUE_IDS = string_ids({"claim"} | BLAME_VERBS | SUSPECT_WORDS | SAY_VERBS | EVENT_NOUNS | ATTACK_VERBS
                      | set(VERB_KINDS) | TAKE_AWAY_VERBS | {"seize", "capture", "clash", "shooting", "shootings", "behind"})


def attributions(doc: Doc, sentence_of: Sentences) -> list[Attribution]:
    """Every attribution of an attack in the article, in text order."""
    found: list[Attribution] = []

    def add(tok: Token, how: str, event: Token | None = None) -> None:
        if event is not None and _other_events(event):
            return                               # "blamed similar raids on armed gangs": not this one
        if how == "stated" and _in_a_clause_of_time(tok):
            return                               # "... killed three, a day after Hezbollah fired rockets"
        got = who(tok)
        if how == "stated" and any(t.lower_ in ("suspected", "alleged", "presumed") for t in tok.subtree if t.i < tok.i):
            how = "suspected"                    # "Suspected X herdsmen killed ...", however it is tagged
        if got:
            found.append(Attribution(got[0], got[1], how, sentence_of(tok), event))

    for i in candidates(columns(doc), _CUE_IDS, _CUE_IDS):
        tok = doc[i]
        lemma = tok.lemma_.lower()
        if tok.lower_ == "behind":
            if tok.dep_ == "prep" and tok.head.lemma_ == "be" and not negated(tok.head):
                # "X was behind the bombing": an accusation
                event = next((p for p in tok.children if p.dep_ == "pobj" and p.lemma_.lower() in EVENT_NOUNS), None)
                for c in tok.head.children if event is not None else ():
                    if c.dep_ == "nsubj":
                        add(c, "blamed", event)
            continue
        if tok.pos_ not in ("VERB", "NOUN", "ADJ", "AUX") or negated(tok):
            continue  # "No group has claimed responsibility", "did not claim"
        if lemma == "claim" and tok.pos_ == "VERB":
            responsibility = [c for c in tok.children if c.dep_ == "dobj" and c.lemma_.lower() in CLAIM_NOUNS]
            event = _event_of(responsibility[0]) if responsibility else _event_of(tok)
            # a headline's "X claims deadly shooting": the event itself is claimed
            responsibility += [c for c in tok.children if c.dep_ in ("dobj", "xcomp") and
                               (c.lower_ in EVENT_NOUNS or c.lemma_.lower() in EVENT_NOUNS)]
            for p in _pobjs(tok, ("by",), ("agent",)):
                add(p, "claimed", event or (tok.head if tok.head.lemma_.lower() in EVENT_NOUNS else None))
            if responsibility:
                for c in tok.children:
                    if c.dep_ == "nsubj":
                        add(c, "claimed", event)
        elif lemma in BLAME_VERBS and tok.pos_ == "VERB":
            ons = [p for c in tok.subtree if c.dep_ == "prep" and c.lower_ in ("on", "to") and c.head in (tok, *tok.children)
                   for p in c.children if p.dep_ == "pobj"]
            event = next((c for c in tok.children if c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in EVENT_NOUNS), None)
            if event is None and tok.dep_ == "acl" and tok.head.lemma_.lower() in EVENT_NOUNS:
                event = tok.head                   # "an attack blamed on X"
            for p in ons:
                add(p, "blamed", event)
            if not ons:
                for c in tok.children:
                    if c.dep_ == "dobj" and c.lemma_.lower() not in EVENT_NOUNS:
                        add(c, "blamed", _event_of(tok))
        elif lemma in SUSPECT_WORDS and tok.pos_ == "VERB" and _believed_to_be(tok) is not None:
            add(_believed_to_be(tok), "suspected")   # "the attackers were believed to be members of X"
        elif lemma in SUSPECT_WORDS and tok.dep_ == "amod" and tok.head.pos_ in ("NOUN", "PROPN"):
            head = tok.head                         # "suspected ADF militants", "a suspected ADF attack"
            if head.lemma_.lower() in EVENT_NOUNS:
                name = proper_name(head)
                if name and not is_place_name(name, head):
                    found.append(Attribution(name, True, "suspected", sentence_of(tok), head))
            else:
                add(head, "suspected")
        elif lemma in SAY_VERBS and tok.pos_ == "VERB":
            # "X said its fighters attacked ...": the group claims its own attack
            for c in tok.children:
                if c.dep_ == "ccomp" and (c.lemma_.lower() in ATTACK_VERBS or c.lemma_.lower() in VERB_KINDS):
                    subj = next((s for s in c.children if s.dep_ == "nsubj"), None)
                    if subj is not None and any(p.dep_ == "poss" and p.lower_ in ("its", "their") for p in subj.children):
                        for s in tok.children:
                            if s.dep_ == "nsubj":
                                add(s, "claimed", c)
        elif lemma in EVENT_NOUNS and tok.pos_ == "NOUN" and lemma not in MISHAP_NOUNS:
            # "a Taliban attack", "the group's attack", "an IED blast by Maoists", "clashes with the group"
            for c in tok.children:
                if c.dep_ in ("compound", "poss") and c.i < tok.i:
                    name = proper_name(tok)
                    if name and not is_place_name(name, tok) and not any(
                            a.name == name and a.sentence == sentence_of(tok) for a in found):
                        found.append(Attribution(name, True, "stated", sentence_of(tok), tok))
                        break
            state = state_actor(tok)
            if state is not None:                  # "killed in Israeli air strikes"
                found.append(Attribution(state, True, "stated", sentence_of(tok), tok))
            for p in _pobjs(tok, ("by", "with")):
                add(p, "stated", tok)
            for c in tok.children:
                if c.dep_ == "acl":                # "a blast triggered by X", "an attack carried out by X"
                    for p in _pobjs(c, ("by",), ("agent",)):
                        add(p, "stated", tok)
        if tok.pos_ == "VERB" and (lemma in ATTACK_VERBS or lemma in VERB_KINDS or lemma in ("seize", "capture", "clash")
                                   or lemma in TAKE_AWAY_VERBS and kind_of(tok) == "abducted" and not by_authorities(tok)):
            if lemma == "clash":
                for p in _pobjs(tok, ("with",)):
                    add(p, "stated")
                continue
            # "shelling by government forces": a gerund's "by" is its agent
            for p in _pobjs(tok, ("by",), ("agent", "prep") if tok.tag_ == "VBG" else ("agent",)):
                add(p, "stated")
            if lemma in ("die", "perish", "disappear", "succumb", "drown") or _victims_are_attackers(tok):
                continue
            if VERB_KINDS.get(lemma) in ("released", "arrested"):
                # "Abu X militants freed two hostages": the captors; "Police rescued 12": not them
                for c in tok.children:
                    if c.dep_ == "nsubj" and lemma not in ("rescue", "liberate") and not VERB_KINDS.get(lemma) == "arrested":
                        got = who(c)
                        if got and (got[1] or c.lemma_.lower() in ATTACKER_NOUNS) and c.lemma_.lower() not in PEOPLE_NOUNS - ATTACKER_NOUNS:
                            found.append(Attribution(got[0], got[1], "stated", sentence_of(c), None))
                continue
            for c in tok.children:
                if c.dep_ == "nsubj" and not _dateline(c):
                    add(c, "stated")
                elif c.dep_ == "ccomp" and c.i < tok.i and c.lemma_.lower() in TIED_WORDS:
                    for p in _pobjs(c, ("to", "with"), ("prep",)):
                        add(p, "stated")          # "Gunmen linked to X killed ..." parsed as a clause
            if tok.dep_ == "acl" and tok.tag_ in ("VBD", "VBN") and any(c.dep_ == "dobj" for c in tok.children):
                # "Bandits killed 30 villagers" parsed as "bandits (who were) killed"; "X militiamen armed
                # with machetes and guns killed 42" parsed as "guns (that) killed": the noun the phrase is of
                add(_subject_of_misparse(tok), "stated")
    return found


def _believed_to_be(verb: Token) -> Token | None:
    """X of "the attackers / gunmen were believed (suspected) to be X"."""
    subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    be = next((c for c in verb.children if c.dep_ == "xcomp" and c.lemma_ == "be"), None)
    if subject is None or be is None or not (
            subject.lemma_.lower() in ATTACKER_NOUNS or subject.lower_ in ATTACKER_NOUNS):
        return None
    return next((c for c in be.children if c.dep_ == "attr"), None)


# ---------------------------------------------------------------- names as the article spells them

def normalise(found: list[Attribution], doc: Doc) -> list[Attribution]:
    """Acronyms spelt out; generic phrases and doubles kept as they are."""
    acr = acronyms(doc)
    names = [a.name for a in found if a.named and not a.name.isupper()]
    for a in found:
        if a.named:
            a.name = expand(a.name, acr, names)
    return found

