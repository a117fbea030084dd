"""Presence, attendance and ceremonies (for ``load.meeting_triggers``): "A and B attended the
inauguration", "the meeting was attended by A and B", "A and B signed the agreement", "X chaired
a meeting attended by A and B", "X was accompanied by A and B", "in the presence of C"; the event
noun is kept so that an article's reports of one ceremony become one meeting."""
from __future__ import annotations

from functools import lru_cache

import numpy
from spacy.attrs import LEMMA, LOWER
from spacy.strings import hash_string
from spacy.tokens import Doc, Token

from .meeting_people import People, coordinated_subject, subjects
from .meeting_words import (
    AGREEMENT_NOUNS, ATTEND_VERBS, CEREMONY_VERBS, CHAIR_VERBS, COMPANY_VERBS, EVENT_NOUNS, Found, JOIN_VERBS,
    MEETING_NOUNS, PRESENCE, TRIGGER_LEMMAS, pobjs)


# --- presence, attendance and ceremonies -------------------------------------------------------

def presences(doc: Doc) -> dict[int, Token]:
    """The "in the presence of" phrases of an article, by the clause (verb index) they belong to."""
    found = {}
    presence = hash_string("presence")
    for i, lower in enumerate(doc.to_array(LOWER).tolist()):
        if lower == presence and doc[i].head.lower_ in ("in", "under"):
            found[clause_of(doc[i]).i] = doc[i]
    return found


def candidates(doc: Doc) -> list[int]:
    """Indices of the tokens a reader may start from: read from the Doc's arrays, since building
    a Token for every word of every article costs more than all the readers."""
    rows = doc.to_array([LOWER, LEMMA])   # tested in numpy: no Python object per token
    hit = (_member(rows[:, 0], _hashes(frozenset(MEETING_NOUNS)))
           | _member(rows[:, 1], _hashes(frozenset(TRIGGER_LEMMAS))))
    return numpy.flatnonzero(hit).tolist()


def _member(values: numpy.ndarray, ids: numpy.ndarray) -> numpy.ndarray:
    """``numpy.isin`` for a sorted ``ids``, without its set-up cost on every article."""
    at = numpy.minimum(numpy.searchsorted(ids, values), len(ids) - 1)
    return ids[at] == values


@lru_cache(maxsize=8)
def _hashes(words: frozenset[str]) -> numpy.ndarray:
    return numpy.array(sorted(hash_string(w) for w in words), dtype="uint64")


def present_people(presence: Token, people: People) -> list[int]:
    """The people "in the presence of A, B and C" names."""
    found: list[int] = []
    for prep in presence.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for pobj in pobjs(prep):
                found.extend(k for k in people.phrase(pobj) + people.listed_after(pobj.left_edge, closing=True)
                             if k not in found)
    return found


def clause_of(token: Token) -> Token:
    """The verb heading the clause a token stands in (the token itself when it is one)."""
    for candidate in [token, *token.ancestors]:
        if candidate.pos_ in ("VERB", "AUX") and candidate.dep_ != "amod":
            return candidate
    return token.sent.root


def event_class(noun: Token | None) -> str | None:
    if noun is None:
        return None
    kind = EVENT_NOUNS.get(noun.lower_)
    if kind is None and noun.lower_ in ("event", "function", "occasion"):
        return "ceremony"
    return kind


def event_object(verb: Token) -> Token | None:
    """The event a verb of attending names: "attended the ceremony", "took part in the signing"."""
    for child in verb.children:
        if child.dep_ in ("dobj", "obj", "attr") and event_class(child):
            return child
        if child.dep_ == "prep" and (child.lower_ in ("in", "at", "during") or child.lower_ == "on" and sits_in(verb)):
            for pobj in pobjs(child):
                if event_class(pobj):
                    return pobj
        if child.dep_ in ("acomp", "dobj") and child.lower_ in ("present", "part"):
            found = event_object(child)
            if found is not None:
                return found
    return None


def sits_in(verb: Token) -> bool:
    """ "sat in on the meeting": attended it."""
    return verb.lemma_.lower() == "sit" and any(c.dep_ == "prt" and c.lower_ == "in" for c in verb.children)


def _passive_agents(verb: Token, people: People, closing: bool = True) -> list[int]:
    """Who an attendance names: "attended by A, the Director of X at Y, B, and C" (a ``closing`` list)."""
    found: list[int] = []
    for child in verb.children:
        if child.dep_ == "agent":
            for pobj in pobjs(child):
                for key in people.phrase(pobj) + people.listed_after(pobj.left_edge, closing=closing):
                    if key not in found:
                        found.append(key)
    return found


def _side_subject(verb: Token) -> bool:
    """ "The Iranian side", "the visiting delegation": a side of a meeting as the clause's subject."""
    return any(c.dep_ == "nsubj" and c.lower_ in ("side", "delegation") and any(d.lower_ == "the" for d in c.children)
               for c in verb.children)


def _those_at(verb: Token) -> Token | None:
    """The event of a subject such as "those at the meeting", "participants in the talks"."""
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass") and child.lower_ in ("those", "participants", "attendees", "others"):
            for prep in child.children:
                if prep.dep_ == "prep" and prep.lower_ in ("at", "in"):
                    event = next((g for g in pobjs(prep) if event_class(g)), None)
                    if event is not None:
                        return event
    return None


def _event_subject(verb: Token) -> Token | None:
    """The event a passive or copular clause is about: "The ceremony was attended by ..."."""
    if verb.dep_ == "acl" and event_class(verb.head):
        return verb.head       # "the ceremony, attended by A and B"
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass") and event_class(child):
            return child
    return None


def read_attendance(token: Token, people: People) -> list[Found]:
    """People at one event: attending it, present at it, performing its ceremony together."""
    lemma = token.lemma_.lower()
    if token.pos_ not in ("VERB", "AUX"):
        return []
    if lemma in COMPANY_VERBS:
        found = _accompanied(token, people)
        if found or lemma not in JOIN_VERBS:
            return found
    if lemma in ATTEND_VERBS or lemma in JOIN_VERBS or sits_in(token):
        agents = _passive_agents(token, people)
        event = _event_subject(token)
        if agents and event is not None:
            return [Found(agents, token, event_class(event))]       # "was attended by A and B"
        event = event_object(token)
        if event is not None:
            # "A and B attended the signing with C and D": C and D were there too
            side = list(dict.fromkeys(_attending_subjects(token, people) + [
                k for c in [*token.children, *event.subtree] if c.dep_ == "prep" and c.lower_ == "with"
                and c.head in (token, event, *event.subtree)
                for g in pobjs(c) for k in people.phrase(g) + people.listed_after(g.left_edge)]))
            if side:
                return [Found(side, token, event_class(event))]
        if also_attended(token):
            side = _attending_subjects(token, people)
            if side:
                return [Found(side, token, PRESENCE)]                # "A and B also attended."
        return []
    if lemma == "include" and _side_subject(token):
        # "The Iranian side included A and B": one side of the meeting just told (``meetings`` joins them)
        side = [k for c in token.children if c.dep_ in ("dobj", "obj")
                for k in people.phrase(c) + people.listed_after(c.left_edge, closing=True)]
        return [Found(list(dict.fromkeys(side)), token, PRESENCE)] if side else []
    if lemma == "include":
        event = _those_at(token)      # "Those at the meeting included A, B and C"
        side = [k for c in token.children if c.dep_ in ("dobj", "obj")
                for k in people.phrase(c) + people.listed_after(c.left_edge)] if event is not None else []
        return [Found(list(dict.fromkeys(side)), token, event_class(event))] if side else []
    if lemma in CHAIR_VERBS or lemma == "host":     # "X hosted a summit attended by A and B" (no guest named)
        return _chaired(token, people)
    if lemma in CEREMONY_VERBS:
        objects = [c for c in token.children if c.dep_ in ("dobj", "obj")]
        passive_subject = [c for c in token.children if c.dep_ == "nsubjpass"]
        if lemma == "sign" and not any(o.lower_ in AGREEMENT_NOUNS for o in objects + passive_subject):
            return []
        side = _passive_agents(token, people) if passive_subject else subjects(token, people)
        if len(side) < 2 and not passive_subject:
            side = coordinated_subject(token, people) or side    # "A and X's Trade Minister B signed ..."
        with_people = [k for c in token.children if c.dep_ == "prep" and c.lower_ == "with"
                       for g in pobjs(c) for k in people.phrase(g)]
        side = list(dict.fromkeys(side + with_people))
        if len(side) >= 2:
            return [Found(side, token, "ceremony")]
    return []


def _chaired(verb: Token, people: People) -> list[Found]:
    """ "X chaired a meeting ...", "presided over the meeting", "the meeting, chaired by X,": the chair
    is at the meeting; alone, no meeting (``meetings`` keeps groups of two or more), but the
    people said to attend it ("A and B attended the meeting") join the chair."""
    event = _event_subject(verb) if verb.dep_ == "acl" or any(c.dep_ == "agent" for c in verb.children) else None
    if event is not None:
        chair = _passive_agents(verb, people)
        meeting_at = event
    else:
        meeting_at = next((c for c in verb.children if c.dep_ in ("dobj", "obj") and event_class(c) == "meeting"),
                          None) or next((g for c in verb.children if c.dep_ == "prep" and c.lower_ == "over"
                                         for g in pobjs(c) if event_class(g) == "meeting"), None)
        chair = subjects(verb, people) if meeting_at is not None else []
    if not chair or event_class(meeting_at) != "meeting":
        return []
    attending = [k for k in _attendance_of(meeting_at, people) if k not in chair]
    return [Found(chair + attending, verb, "meeting")]


def _accompanied(verb: Token, people: People) -> list[Found]:
    """ "X was accompanied (flanked, joined, supported) by A and B" in a clause of its own: A and B
    were at X's meeting just reported (``meetings`` joins them to it, or drops them); "The two
    leaders were joined by A and B" at the meeting of the two; "A and B accompanied X (at the
    signing)" as "X was accompanied by A and B". "X, accompanied by A, met B" is read with the
    meeting (``companions``)."""
    if verb.dep_ not in ("ROOT", "conj"):
        return []
    if any(c.dep_ == "auxpass" for c in verb.children):
        side = [k for c in verb.children if c.dep_ == "nsubjpass" for k in people.phrase(c)]
        # (not a closing list: "was accompanied by the Director at X, B" on a trip is no sure presence)
        agents = [k for k in _passive_agents(verb, people, closing=False) if k not in side]
        if not side and agents and plural_subject(verb):
            return [Found(agents, verb, PRESENCE)]
    elif verb.lemma_.lower() == "accompany":
        agents = subjects(verb, people)
        side = [k for c in verb.children if c.dep_ in ("dobj", "obj") for k in people.phrase(c) if k not in agents]
    else:
        return []
    return [Found(side + agents, verb, PRESENCE)] if side and agents else []


def accompanies(group: Found, last: Found) -> bool:
    """Whether an accompaniment ("X was accompanied by A") is of someone at ``last``, or a presence
    at what "the leaders" did ("The leaders signed ... in the presence of A")."""
    if group.trigger.lemma_.lower() in COMPANY_VERBS and not plural_subject(group.trigger):
        return group.participants[0] in last.participants
    if group.trigger.lemma_.lower() == "include" and _side_subject(group.trigger):
        return True       # "The Iranian side included A and B"
    return group.event == PRESENCE and plural_subject(group.trigger)


def plural_subject(verb: Token) -> bool:
    """ "The leaders", "the two presidents", "both ministers": a plural subject naming nobody."""
    return verb.pos_ in ("VERB", "AUX") and any(
        c.dep_ in ("nsubj", "nsubjpass") and c.tag_ == "NNS" and c.pos_ == "NOUN" for c in verb.children)


def _attendance_of(event: Token, people: People) -> list[int]:
    """ "a meeting attended by A and B": the people of an attendance hung on the event noun."""
    return [k for c in event.children if c.dep_ == "acl" and c.lemma_.lower() in ATTEND_VERBS
            for k in _passive_agents(c, people)]


def _attending_subjects(verb: Token, people: People) -> list[int]:
    """The clause's subjects; a coordination the parser broke ("Minister A and Special Assistant
    Dr B were also present") read from the subject's words."""
    side = subjects(verb, people)
    if not side and verb.lemma_ == "be":
        # "Also present at the meeting was Foreign Minister X": the subject after the verb
        side = [k for c in verb.children if c.dep_ in ("attr", "nsubj") and c.i > verb.i for k in people.phrase(c)]
    return list(dict.fromkeys(side + coordinated_subject(verb, people)))


def also_attended(verb: Token) -> bool:
    """ "A and B also attended", "A and B were (also) present": at what was just reported, with no
    event named (``meetings`` joins them to the meeting just reported, or drops them)."""
    lemma = verb.lemma_.lower()
    present = [c for c in verb.children if c.dep_ == "acomp" and c.lower_ == "present"]
    # "A and B were in attendance"
    present += [c for c in verb.children if c.dep_ == "prep" and c.lower_ == "in" and lemma == "be"
                and [g.lower_ for g in c.children] == ["attendance"]]
    # "A and B were among those present"
    present += [c for c in verb.children if c.dep_ == "prep" and c.lower_ == "among" and lemma == "be"
                and any(g.lower_ in ("present", "attendance", "attendees", "participants") for g in c.subtree)]
    if not (lemma in ATTEND_VERBS or (lemma == "be" and present)):
        return False
    return (not any(c.dep_ in ("dobj", "obj", "prep") and c not in present
                    for c in [*verb.children, *(g for p in present for g in p.children
                                                if g.lower_ not in ("attendance", "present"))])
            and (bool(present) or any(c.dep_ == "advmod" and c.lower_ == "also" for c in verb.children)))


def refers_back(trigger: Token) -> bool:
    """An attendance of the event just reported: "The meeting was attended by ...", "were present
    at the talks", "also attended" (not "attended a dinner" nor "attended the summit in X")."""
    if also_attended(trigger):
        return True
    event = _event_subject(trigger) or event_object(trigger) or _those_at(trigger)
    if event is None:
        return False
    return any(c.dep_ in ("det", "poss") and c.lower_ in ("the", "this", "that", "their") for c in event.children) \
        and not any(c.dep_ in ("prep", "compound", "amod") and c.lower_ not in MEETING_FORMATS for c in event.children)


# Words for the form of the meeting just told ("took part in the expanded session"), not another event.
MEETING_FORMATS = {"expanded", "bilateral", "closed-door", "restricted", "delegation-level", "one-on-one",
                   "plenary", "official", "formal", "working", "tete-a-tete", "wider", "enlarged", "subsequent"}


def definite_event(trigger: Token) -> bool:
    """ "took part in the talks with B": an attendance of an event told before ("the", "this")."""
    event = _event_subject(trigger) or event_object(trigger)
    return event is not None and any(c.dep_ in ("det", "poss") and c.lower_ in ("the", "this", "that", "their")
                                     for c in event.children)


def read_presence(clause: Token, presence: Token, people: People) -> list[Found]:
    """A clause with "in the presence of A and B" and no meeting verb of its own: the people
    present and the clause's people (its subjects, or its event) met."""
    present = present_people(presence, people)
    if not present:
        return []
    side = subjects(clause, people) if clause.pos_ in ("VERB", "AUX") else []
    if not side and plural_subject(clause):
        return [Found(present, clause, PRESENCE)]   # "The leaders signed ... in the presence of A and B"
    group = list(dict.fromkeys(side + present))
    event = _event_subject(clause) or event_object(clause)
    if len(group) >= 2 or event is not None:
        return [Found(group, clause, event_class(event) or "ceremony")]
    return []


