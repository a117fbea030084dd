"""The forms of English news that report people meeting, read from the dependency parse.

Each reader takes a token and returns ``Found`` groups of participants:
- verbs: "A met (with) B", "received/hosted/welcomed B", "was welcomed by B", "visited B"
  (not "visited the site with B"), "presented his credentials to B", "hosted a dinner for B",
  "called on B" (not "called on B to resign"), "spoke/talked/conferred with B",
  "held talks/a meeting/several meetings with B", "paid a courtesy call on B",
  "A and B met/held talks/conferred";
- nouns: "a meeting/talks between A and B", "A's meeting with B", "the meeting of A
  with B", "his conversation with B", "A and B, in a meeting, agreed ...";
- presence: "A conferred with B in the presence of C" is one meeting of A, B and C;
  "the ceremony was held in the presence of A and B" is a meeting of A and B;
- attendance and ceremonies: "A and B attended the inauguration", "C also took part in
  the ceremony", "the meeting was attended by A and B", "A and B signed the agreement",
  "A inaugurated the bridge with B": the event (its noun) is kept so that an
  article's reports of one ceremony become one meeting of everyone at it;
- chairs and company: "X chaired a meeting attended by A and B" (the chair meets those who
  attend), "X was accompanied by A and B", "A and B were (also) present / in attendance" and
  "The leaders signed ... in the presence of A" (``PRESENCE``: they join the meeting just
  reported, see ``meetings``).

"A met B, C and D" gives one meeting per pair (A-B, A-C, A-D), as the gold counts
them; a delegation, "A, accompanied by B, met C" and a presence give one meeting
of all. A preview ("will meet", "is to meet", "is expected to hold talks", "an
upcoming meeting", a headline's "X to meet Y"), a meeting refused, denied or called
off ("did not meet", "refused to meet", "the talks were cancelled") and a remote
conversation ("by phone", "a video conference") are not meetings.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

import numpy
from spacy.attrs import LEMMA, LOWER
from spacy.strings import hash_string
from spacy.tokens import Doc, Token

from . import doc_cache
from .meeting_people import People, coordinated_subject, governing_subjects, subjects

MEETING_VERBS = {"meet", "receive", "host", "visit", "welcome", "greet"}   # take the other side as object
WITH_VERBS = {"meet", "speak", "talk", "confer", "hold", "call", "sit", "engage", "discuss", "pay", "interact", "play"}
WITH_PREPS = {"with", "to"}                                 # "spoke to"; "on" only for "called on"
MEETING_NOUNS = {"meeting", "meetings", "talks", "talk", "conversation", "discussion", "discussions",
                 "summit", "audience", "consultation", "consultations", "session", "encounter",
                 "face-to-face", "tete-a-tete", "call"}
HELD_OBJECTS = MEETING_NOUNS | {"visit", "lunch", "dinner", "breakfast", "luncheon",   # "held a working lunch with B"
                                "host"}                                                  # "played host to B"
MEETING_OR_WITH_VERBS = MEETING_VERBS | WITH_VERBS
TOGETHER_VERBS = {"meet", "confer", "talk"}                 # "A and B met"
# Events where the people present meet each other.
EVENT_CLASSES = {
    "ceremony": {"ceremony", "inauguration", "opening", "signing", "launch", "unveiling", "celebration",
                 "commemoration", "funeral", "parade", "ribbon-cutting", "groundbreaking"},
    "meeting": {"meeting", "meetings", "talks", "summit", "session", "audience"},
    "meal": {"dinner", "lunch", "luncheon", "banquet", "breakfast", "reception"},
}
EVENT_NOUNS = {noun: kind for kind, nouns in EVENT_CLASSES.items() for noun in nouns}
ATTEND_VERBS = {"attend", "witness", "grace"}                 # "A attended the ceremony"
JOIN_VERBS = {"participate", "take", "join", "be"}          # "took part in", "was present at"
CEREMONY_VERBS = {"inaugurate", "unveil", "sign"}
CHAIR_VERBS = {"chair", "preside", "convene", "co-chair"}       # "X chaired a meeting ... attended by A and B"
COMPANY_VERBS = {"accompany"}                                    # "X was accompanied by A and B" (after a meeting)
AGREEMENT_NOUNS = {"agreement", "agreements", "accord", "accords", "deal", "deals", "memorandum",
                   "memoranda", "mou", "mous", "treaty", "contract", "contracts", "declaration", "pact",
                   "protocol", "communique", "statement", "charter", "convention", "document", "documents"}
CREDENTIAL_VERBS = {"present", "hand", "submit"}           # "presented his credentials to B"
TRIGGER_LEMMAS = (MEETING_VERBS | WITH_VERBS | ATTEND_VERBS | JOIN_VERBS | CEREMONY_VERBS | CREDENTIAL_VERBS
                  | CHAIR_VERBS | COMPANY_VERBS)
# "will meet", "could meet", "would meet": not (yet) a meeting.
MODALS = {"will", "shall", "'ll", "wo", "would", "may", "might", "could", "should", "must", "can", "ca"}
# "is to meet", "plans to meet", "is expected to hold talks", "agreed to meet again".
INTENT_WORDS = {"be", "expect", "plan", "schedule", "set", "hope", "hop", "want", "wish", "intend", "seek", "aim",
                "try", "propose", "prepare", "agree", "decide", "arrange", "invite", "ask", "request",
                "urge", "offer", "look", "need", "like", "due", "likely", "ready", "going", "able", "call",
                "demand", "await"}   # ("hop": the small model's lemma of "hoped")
# "refused to meet", "the meeting was cancelled": not held.
UNDONE_WORDS = {"refuse", "decline", "fail", "cancel", "postpone", "avoid", "reject", "deny", "delay", "scrap",
                "suspend", "shun", "snub", "boycott", "skip", "reschedule", "unable", "call"}
PREVIEW_MODIFIERS = {"upcoming", "planned", "scheduled", "expected", "proposed", "forthcoming", "next",
                     "future", "possible", "potential", "anticipated", "likely", "prospective", "impending"}
REMOTE_WORDS = {"phone", "telephone", "telephonic", "video", "videoconference", "video-conference",
                "teleconference", "virtual", "virtually", "online", "videolink", "zoom", "phone-call"}


# The event of "A and B were (also) present": the meeting just reported, if any.
PRESENCE = "presence"


@dataclass
class Found:
    """One group of people the text says met (or, with ``event``, were at one event)."""

    participants: list[int]
    trigger: Token
    event: str | None = None        # the event class of an attendance ("ceremony"), merged per article
    also: list[Token] = field(default_factory=list)   # the event's other reports in the article

    @property
    def triggers(self) -> list[Token]:
        return [self.trigger, *self.also]


def _one_to_many(side_a: list[int], others: list[int]) -> list[list[int]]:
    meetings = []
    for other in others:
        pair = list(dict.fromkeys(side_a + [other]))
        if len(pair) >= 2:
            meetings.append(pair)
    return meetings


def _pobjs(prep: Token) -> list[Token]:
    return [g for g in prep.children if g.dep_ == "pobj"]


def _other_side(trigger: Token) -> list[Token]:
    """Heads of the phrases naming whom the subject met."""
    heads = []
    for child in trigger.children:
        # The small model sometimes labels the object of "meeting X" npadvmod/attr/dative.
        if (child.dep_ in ("dobj", "obj", "npadvmod", "attr", "dative", "oprd") and child.i > trigger.i
                and trigger.lemma_ in MEETING_VERBS and child.ent_type_ not in ("DATE", "TIME")):
            heads.append(child)
        if child.dep_ == "prep" and (child.lower_ in WITH_PREPS and trigger.lemma_ != "visit"
                                     or child.lower_ == "on" and trigger.lemma_ == "call"):
            heads.extend(_pobjs(child))   # not "visited the site with B": they went together
        if child.dep_ == "prep" and child.lower_ == "upon" and trigger.lemma_ == "call":
            heads.extend(_pobjs(child))   # "called upon B"
        if child.dep_ == "agent":
            heads.extend(_pobjs(child))
        # "received on Sunday Italian Prime Minister B": the parser takes B into the date's phrase.
        if (child.dep_ == "prep" and child.lower_ == "on" and trigger.lemma_ in MEETING_VERBS
                and any(t.ent_type_ == "DATE" for t in child.subtree)):
            heads.extend(p for p in _pobjs(child) if p.ent_type_ not in ("DATE", "TIME"))
        # "called on Prime Minister B": the parser makes B the verb's object and leaves "on" empty.
        if (child.dep_ in ("dobj", "obj") and child.i > trigger.i and trigger.lemma_ == "call"
                and any(c.dep_ == "prep" and c.lower_ == "on" and not _pobjs(c) for c in trigger.children)):
            heads.append(child)
    # "held talks/a meeting with B", "paid a courtesy call on B": the preposition hangs off the noun.
    for child in trigger.children:
        if child.dep_ in ("dobj", "obj") and child.lower_ in HELD_OBJECTS:
            for prep in child.children:
                if prep.dep_ == "prep" and prep.lower_ in ("with", "between", "on", "to"):
                    heads.extend(_pobjs(prep))
                # "received a courtesy call / a visit from B" ("received a call from B" is by telephone)
                if (prep.dep_ == "prep" and prep.lower_ == "from" and trigger.lemma_ in ("receive", "welcome")
                        and (child.lower_ == "visit" or child.lower_ == "call"
                             and any(c.lower_ == "courtesy" for c in child.children))):
                    heads.extend(_pobjs(prep))
        # "hosted a dinner for B", "a reception in honour of B"
        if trigger.lemma_ == "host" and child.dep_ in ("dobj", "obj") and child.lower_ in EVENT_NOUNS:
            for prep in [*child.children, *trigger.children]:
                if prep.dep_ == "prep" and prep.lower_ == "for":
                    heads.extend(_pobjs(prep))
                for honour in _pobjs(prep) if prep.dep_ == "prep" and prep.lower_ == "in" else []:
                    if honour.lower_ in ("honour", "honor"):
                        heads.extend(g for p in honour.children if p.lower_ == "of" for g in _pobjs(p))
    return heads


def _named_right_after(verb: Token, people: People) -> list[int]:
    """ "received Timor-Leste Foreign Minister B dos Santos ...": when the parse loses the object, the
    person named right after the verb, behind nothing but a title's capitalised words."""
    doc = verb.doc
    for j in range(verb.i + 1, min(len(doc), verb.i + 10)):
        if j in people.by_token:
            key, end = people.by_token[j], j
            while end < len(doc) and people.by_token.get(end) == key:
                end += 1
            if end < len(doc) and doc[end].text in ("'s", "’s"):
                return []   # "received B's message": B's message was received, not B
            return [key]
        if not (doc[j].is_title or doc[j].is_upper or doc[j].text == "-"):
            return []
    return []


def _people_of(heads: list[Token], people: People, exclude: list[int]) -> list[int]:
    others: list[int] = []
    for head in heads:
        named = people.phrase(head)
        # A list is read on only when it starts with a person ("visited Iran along with X" is no meeting with X).
        for key in named + (people.listed_after(head.left_edge) if named else []):
            if key not in others and key not in exclude:
                others.append(key)
    return others


def _urges(call: Token) -> bool:
    """ "called on B to resign": an appeal, not a visit."""
    for token in call.subtree:
        if token.dep_ in ("xcomp", "ccomp") and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children):
            return True
    return False


def read_verb(token: Token, people: People) -> list[Found]:
    lemma = token.lemma_.lower()
    if lemma in CREDENTIAL_VERBS and token.pos_ == "VERB":
        return _credentials(token, people)
    if lemma not in MEETING_OR_WITH_VERBS or token.pos_ not in ("VERB", "AUX", "NOUN"):
        return []
    objects = [c for c in token.children if c.dep_ in ("dobj", "obj")]
    if lemma in ("hold", "pay") and not any(c.lower_ in HELD_OBJECTS for c in objects):
        return []
    if lemma == "pay" and not any(c.lower_ in ("call", "visit") for c in objects):
        return []
    if lemma == "call" and (not any(c.dep_ == "prep" and c.lower_ in ("on", "upon") for c in token.children)
                            or _urges(token)):
        return []
    if lemma == "play" and not any(c.lower_ == "host" for c in objects):
        return []         # "played host to B", not "played a role with B"
    if lemma in ("discuss", "engage") and not any(c.dep_ == "prep" and c.lower_ == "with" for c in token.children):
        return []
    heads = _other_side(token)
    if lemma == "visit" and not heads:
        return []
    side_a = subjects(token, people)
    if len(side_a) == 1:
        side_a = coordinated_subject(token, people) or side_a   # "A and Commission chief B met C", A hung as nmod
    others = _people_of(heads, people, side_a)
    if not others and lemma in MEETING_VERBS and lemma != "visit" and token.pos_ == "VERB":
        others = [k for k in _named_right_after(token, people) if k not in side_a]
    if others:
        return [Found(group, token) for group in _one_to_many(side_a, others)]
    together = lemma in TOGETHER_VERBS or (lemma == "hold" and any(c.lower_ in MEETING_NOUNS for c in objects))
    if together and not heads and len(side_a) < 2:
        side_a = coordinated_subject(token, people) or side_a
    if together and len(side_a) >= 2 and not heads:
        return [Found(side_a, token)]  # "A and B met", "A and B held talks"
    return []


def _credentials(verb: Token, people: People) -> list[Found]:
    """ "The ambassador presented his credentials to President B (at a ceremony)"."""
    if not any(c.dep_ in ("dobj", "obj") and c.lemma_.lower() in ("credential", "credentials", "letter")
               for c in verb.children):
        return []
    side_a = subjects(verb, people)
    others = _people_of([g for c in verb.children if c.dep_ == "prep" and c.lower_ == "to" for g in _pobjs(c)],
                        people, side_a)
    event = "ceremony" if any(event_class(g) == "ceremony" for c in verb.children if c.dep_ == "prep"
                              for g in _pobjs(c)) else None
    return [Found(group, verb, event) for group in _one_to_many(side_a, others)]


def read_noun(token: Token, people: People) -> list[Found]:
    if token.lower_ not in MEETING_NOUNS or token.pos_ not in ("NOUN", "PROPN"):
        return []
    if token.lower_ == "call" and not any(c.lower_ == "courtesy" for c in token.children):
        return []   # a call is a telephone call unless it is a courtesy call
    if token.dep_ in ("dobj", "obj") and token.head.lemma_ in ("hold", "pay"):
        return []  # read from the verb
    between, with_heads, owner = [], [], []
    children = list(token.children)
    if token.dep_ == "nsubjpass" and token.head.lemma_ == "hold":
        # "Talks were held between A and B": the parser hangs "between" on the verb
        children += [c for c in token.head.children if c.dep_ == "prep" and c.lower_ in ("between", "with")]
    for child in children:
        if child.dep_ == "prep" and child.lower_ == "between":
            for pobj in _pobjs(child):
                named = people.phrase(pobj)
                # "between A and his counterpart B": the parser may hang B elsewhere; read the list on.
                between.extend(k for k in named + (people.listed_after(pobj.left_edge) if named else [])
                               if k not in between)
        elif child.dep_ == "prep" and child.lower_ in ("with", "to"):
            with_heads.extend(_pobjs(child))
        elif child.dep_ == "poss":
            owner = _owner(child, token, people)
        elif child.dep_ == "prep" and child.lower_ == "of" and not owner:
            owner = [k for pobj in _pobjs(child) for k in people.phrase(pobj)]   # "the meeting of A with B"
    # "A's first meeting was with B": the "with" hangs off the copula.
    if not with_heads and token.dep_ in ("nsubj", "nsubjpass"):
        for child in token.head.children:
            if child.dep_ == "prep" and child.lower_ == "with":
                with_heads.extend(_pobjs(child))
    if len(between) >= 2:
        return [Found(between, token)]
    others = _people_of(with_heads, people, [])
    if others:
        side_a = owner or governing_subjects(token, people)
        return [Found(group, token) for group in _one_to_many(side_a, [k for k in others if k not in side_a])]
    if not with_heads and len(owner) >= 2:
        return [Found(owner, token)]     # "the meeting of A and B", "their meeting"
    holder = token.head.head if token.head.dep_ == "prep" else token.head     # "took part [in] the meeting"
    holder = holder.head if holder.lower_ in ("part", "present") and holder.dep_ in ("dobj", "acomp") else holder
    attended = holder.lemma_.lower() in ATTEND_VERBS | JOIN_VERBS and _event_object(holder) == token
    if not with_heads and not owner and not attended and not (
            token.head.lower_ in ("at", "during")
            and (token.head.head.lemma_ == "be" or token.head.head.lower_ == "present")):
        # "A and B, in a meeting on Friday, agreed ...": the meeting is the clause subjects'
        # ("A and B were at the meeting", "A and B attended the meeting" are attendances, read by
        # ``read_attendance``).
        verb = next((a for a in token.ancestors if a.pos_ in ("VERB", "AUX")), None)
        if verb is not None and verb.lemma_.lower() in MEETING_VERBS and read_verb(verb, people):
            return []     # "A and B met C ... for the first summit in four years": the verb's meeting
        side = governing_subjects(token, people)
        if len(side) < 2:
            # "A and Chief of Army Staff General B discussed ... during a meeting": B hung below the title
            verb = next((a for a in token.ancestors if a.pos_ in ("VERB", "AUX")), None)
            side = coordinated_subject(verb, people) if verb is not None else side
        if len(side) >= 2:
            return [Found(side, token)]
    return []


def _owner(poss: Token, noun: Token, people: People) -> list[int]:
    """Whose meeting: "A's meeting", "his meeting" (the clause's subject), "their meeting"."""
    if poss.lower_ in ("his", "her"):
        found = governing_subjects(noun, people)
        return found[:1] if found else people.at(poss)
    if poss.lower_ == "their":
        return governing_subjects(noun, people)
    return people.phrase(poss)


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
            for pobj in _pobjs(prep):
                found.extend(k for k in people.phrase(pobj) + people.listed_after(pobj.left_edge) if k not in found)
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


def _event_object(verb: Token) -> Token | None:
    """The event a verb of attending names: "attended the ceremony", "took part in the signing"."""
    for child in verb.children:
        if child.dep_ in ("dobj", "obj", "attr") and event_class(child):
            return child
        if child.dep_ == "prep" and child.lower_ in ("in", "at", "during"):
            for pobj in _pobjs(child):
                if event_class(pobj):
                    return pobj
        if child.dep_ in ("acomp", "dobj") and child.lower_ in ("present", "part"):
            found = _event_object(child)
            if found is not None:
                return found
    return None


def _passive_agents(verb: Token, people: People) -> list[int]:
    found: list[int] = []
    for child in verb.children:
        if child.dep_ == "agent":
            for pobj in _pobjs(child):
                for key in people.phrase(pobj) + people.listed_after(pobj.left_edge):
                    if key not in found:
                        found.append(key)
    return found


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
    if lemma in ATTEND_VERBS or lemma in JOIN_VERBS:
        agents = _passive_agents(token, people)
        event = _event_subject(token)
        if agents and event is not None:
            return [Found(agents, token, event_class(event))]       # "was attended by A and B"
        event = _event_object(token)
        if event is not None:
            # "A and B attended the signing with C and D": C and D were there too
            side = list(dict.fromkeys(_attending_subjects(token, people) + [
                k for c in [*token.children, *event.subtree] if c.dep_ == "prep" and c.lower_ == "with"
                and c.head in (token, event, *event.subtree)
                for g in _pobjs(c) for k in people.phrase(g) + people.listed_after(g.left_edge)]))
            if side:
                return [Found(side, token, event_class(event))]
        if also_attended(token):
            side = _attending_subjects(token, people)
            if side:
                return [Found(side, token, PRESENCE)]                # "A and B also attended."
        return []
    if lemma in CHAIR_VERBS:
        return _chaired(token, people)
    if lemma in COMPANY_VERBS:
        return _accompanied(token, people)
    if lemma in CEREMONY_VERBS:
        objects = [c for c in token.children if c.dep_ in ("dobj", "obj")]
        passive_subject = [c for c in token.children if c.dep_ == "nsubjpass"]
        if lemma == "sign" and not any(o.lower_ in AGREEMENT_NOUNS for o in objects + passive_subject):
            return []
        side = _passive_agents(token, people) if passive_subject else subjects(token, people)
        with_people = [k for c in token.children if c.dep_ == "prep" and c.lower_ == "with"
                       for g in _pobjs(c) for k in people.phrase(g)]
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
                                         for g in _pobjs(c) if event_class(g) == "meeting"), None)
        chair = subjects(verb, people) if meeting_at is not None else []
    if not chair or event_class(meeting_at) != "meeting":
        return []
    attending = [k for k in _attendance_of(meeting_at, people) if k not in chair]
    return [Found(chair + attending, verb, "meeting")]


def _accompanied(verb: Token, people: People) -> list[Found]:
    """ "X was accompanied by A and B" in a clause of its own: A and B were at X's meeting just
    reported (``meetings`` joins them to it, or drops them); "X, accompanied by A, met B" is read
    with the meeting (``companions``)."""
    if verb.dep_ not in ("ROOT", "conj") or not any(c.dep_ == "auxpass" for c in verb.children):
        return []
    side = [k for c in verb.children if c.dep_ == "nsubjpass" for k in people.phrase(c)]
    agents = [k for k in _passive_agents(verb, people) if k not in side]
    return [Found(side + agents, verb, PRESENCE)] if side and agents else []


def accompanies(group: Found, last: Found) -> bool:
    """Whether an accompaniment ("X was accompanied by A") is of someone at ``last``, or a presence
    at what "the leaders" did ("The leaders signed ... in the presence of A")."""
    if group.trigger.lemma_.lower() in COMPANY_VERBS:
        return group.participants[0] in last.participants
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
    if not (lemma in ATTEND_VERBS or (lemma == "be" and present)):
        return False
    return (not any(c.dep_ in ("dobj", "obj", "prep") and c not in present
                    for c in [*verb.children, *(g for p in present for g in p.children if g.lower_ != "attendance")])
            and (bool(present) or any(c.dep_ == "advmod" and c.lower_ == "also" for c in verb.children)))


def refers_back(trigger: Token) -> bool:
    """An attendance of the event just reported: "The meeting was attended by ...", "were present
    at the talks", "also attended" (not "attended a dinner" nor "attended the summit in X")."""
    if also_attended(trigger):
        return True
    event = _event_subject(trigger) or _event_object(trigger)
    if event is None:
        return False
    return any(c.dep_ in ("det", "poss") and c.lower_ in ("the", "this", "that", "their") for c in event.children) \
        and not any(c.dep_ in ("prep", "compound", "amod") for c in event.children)


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
    event = _event_subject(clause) or _event_object(clause)
    if len(group) >= 2 or event is not None:
        return [Found(group, clause, event_class(event) or "ceremony")]
    return []


# --- what is not a meeting --------------------------------------------------------------------

def not_held(trigger: Token) -> bool:
    """A meeting announced, planned, hoped for, refused, denied or called off rather than held."""
    if trigger.pos_ in ("NOUN", "PROPN"):
        if any(c.lower_ in PREVIEW_MODIFIERS for c in trigger.children if c.dep_ in ("amod", "compound")):
            return True
        if trigger.head.lower_ == "of" and trigger.head.head.lower_ == "ahead":
            return True    # "ahead of his meeting with X"
        if any(c.dep_ in ("relcl", "acl") and c.lemma_.lower() in UNDONE_WORDS for c in trigger.children):
            return True    # "a meeting that was cancelled"
        verb = trigger.head
        while verb.pos_ not in ("VERB", "AUX") and verb.head != verb:
            verb = verb.head
        if verb.pos_ not in ("VERB", "AUX"):
            return False
        if trigger.dep_ in ("dobj", "obj", "nsubjpass") and verb.lemma_.lower() in (INTENT_WORDS | UNDONE_WORDS) - {"be"}:
            return True    # "requested a meeting with X", "the meeting was cancelled"
        # "A and B agreed to restore ties during their summit": what was agreed at a meeting was agreed there
        agreed_at = trigger.head.lower_ in ("during", "at")
        return _not_done(verb, AGREEMENT_VERBS if agreed_at else frozenset())
    return _not_done(trigger)


# Intent words that report what a meeting achieved ("agreed to ... during their talks"), not a plan.
AGREEMENT_VERBS = frozenset({"agree", "decide", "pledge", "vow", "promise", "resolve"})


def _not_done(verb: Token, achieved: frozenset[str] = frozenset()) -> bool:
    current = verb
    for _ in range(4):
        auxes = [c for c in current.children if c.dep_ in ("aux", "auxpass")]
        if any(a.lower_ in MODALS for a in auxes) or any(c.dep_ == "neg" for c in current.children):
            return True    # "will meet", "did not meet", "has never met"
        infinitive = any(a.lower_ == "to" for a in auxes)
        if not infinitive:
            return False
        head = current.head
        if head == current:
            return True    # a headline's "X to meet Y"
        if head.lemma_.lower() in achieved and not any(
                c.dep_ in ("aux", "auxpass") and c.lower_ in MODALS or c.dep_ == "neg" for c in head.children):
            return False   # "agreed to restore ties during their summit"
        if head.lemma_.lower() in INTENT_WORDS | UNDONE_WORDS:
            return True    # "is to meet", "plans to meet", "refused to meet"
        current = head     # "travelled to X to meet Y": as the travelling was
    return False


def is_remote(trigger: Token) -> bool:
    """ "spoke by phone with X", "in a video conference": not a meeting in person."""
    if not doc_cache.tokens_where(trigger.doc, _remote_word, LOWER):
        return False     # most articles name no phone or video: no subtree to walk
    scope = list(trigger.subtree)
    if trigger.pos_ in ("NOUN", "PROPN"):
        scope += [t for t in trigger.head.subtree if t.dep_ == "pobj" or t.head.dep_ == "pobj"]
    return any(t.lower_ in REMOTE_WORDS for t in scope)


def _remote_word(lower: str) -> bool:
    return lower in REMOTE_WORDS


def reads(token: Token, people: People) -> list[Found]:
    return read_verb(token, people) or read_noun(token, people) or read_attendance(token, people)
