"""What the meeting readers (``load.meeting_triggers``, ``load.meeting_attendance``) share: the
words of meeting, attending, previews and remote talk, the ``Found`` group of participants, and
the parse helpers that find the other side of a meeting verb."""
from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from .meeting_people import People

MEETING_VERBS = {"meet", "receive", "host", "visit", "welcome", "greet"}   # take the other side as object
WITH_VERBS = {"meet", "speak", "talk", "confer", "hold", "call", "sit", "engage", "discuss", "pay", "interact", "play",
              "have", "exchange"}   # "had talks with B", "exchanged views with B"
EXCHANGED = {"views", "ideas", "greetings", "pleasantries", "notes"}
WITH_PREPS = {"with", "to"}                                 # "spoke to"; "on" only for "called on"
MEETING_NOUNS = {"meeting", "meetings", "talks", "talk", "conversation", "discussion", "discussions",
                 "summit", "audience", "consultation", "consultations", "session", "encounter",
                 "face-to-face", "tete-a-tete", "call"}
HELD_OBJECTS = MEETING_NOUNS | {"visit", "lunch", "dinner", "breakfast", "luncheon",   # "held a working lunch with B"
                                "host",                                                  # "played host to B"
                                "tete"}                 # "had a tete-a-tete with B" (the tokenizer splits it)
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
INCLUDE_VERBS = {"include"}                                   # "Those at the meeting included A and B"
JOIN_VERBS = {"participate", "take", "join", "be"}          # "took part in", "was present at"
CEREMONY_VERBS = {"inaugurate", "unveil", "sign"}
CHAIR_VERBS = {"chair", "preside", "convene", "co-chair"}       # "X chaired a meeting ... attended by A and B"
# "X was accompanied / flanked / joined by A and B", "X was supported by A" (after a meeting)
COMPANY_VERBS = {"accompany", "flank", "join", "support"}
AGREEMENT_NOUNS = {"agreement", "agreements", "accord", "accords", "deal", "deals", "memorandum",
                   "memoranda", "mou", "mous", "treaty", "contract", "contracts", "declaration", "pact",
                   "protocol", "communique", "statement", "charter", "convention", "document", "documents",
                   "arrangement", "arrangements"}
# "held a trilateral meeting with B and C": one meeting of all, not one per person named.
MULTILATERAL = {"trilateral", "tripartite", "quadrilateral", "quadripartite", "three-way", "four-way",
                "multilateral"}
CREDENTIAL_VERBS = {"present", "hand", "submit"}
MESSAGE_NOUNS = {"message", "letter", "invitation"}        # "received a message from X, delivered by Y"
CARRY_VERBS = {"deliver", "convey", "carry", "hand", "bring"}           # "presented his credentials to B"
TRIGGER_LEMMAS = (MEETING_VERBS | WITH_VERBS | ATTEND_VERBS | JOIN_VERBS | CEREMONY_VERBS | CREDENTIAL_VERBS
                  | CHAIR_VERBS | COMPANY_VERBS | INCLUDE_VERBS)
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


def one_to_many(side_a: list[int], others: list[int]) -> list[list[int]]:
    meetings = []
    for other in others:
        pair = list(dict.fromkeys(side_a + [other]))
        if len(pair) >= 2:
            meetings.append(pair)
    return meetings


def pobjs(prep: Token) -> list[Token]:
    return [g for g in prep.children if g.dep_ == "pobj"]


def other_side(trigger: Token) -> list[Token]:
    """Heads of the phrases naming whom the subject met."""
    heads = []
    for child in trigger.children:
        # The small model sometimes labels the object of "meeting X" npadvmod/attr/dative.
        if (child.dep_ in ("dobj", "obj", "npadvmod", "attr", "dative", "oprd") and child.i > trigger.i
                and trigger.lemma_ in MEETING_VERBS and child.ent_type_ not in ("DATE", "TIME")):
            heads.append(child)
        if child.dep_ == "prep" and (child.lower_ in WITH_PREPS and trigger.lemma_ != "visit"
                                     or child.lower_ == "on" and trigger.lemma_ == "call"):
            heads.extend(pobjs(child))   # not "visited the site with B": they went together
        if child.dep_ == "prep" and child.lower_ == "upon" and trigger.lemma_ == "call":
            heads.extend(pobjs(child))   # "called upon B"
        if child.dep_ == "agent" or (child.dep_ == "conj" and child.lower_ == "by"
                                     and any(c.dep_ == "agent" for c in trigger.children)):
            heads.extend(pobjs(child))     # "was received by A, and by B"
        # "received on Sunday Italian Prime Minister B": the parser takes B into the date's phrase.
        if (child.dep_ == "prep" and child.lower_ == "on" and trigger.lemma_ in MEETING_VERBS
                and any(t.ent_type_ == "DATE" for t in child.subtree)):
            heads.extend(p for p in pobjs(child) if p.ent_type_ not in ("DATE", "TIME"))
        # "called on Prime Minister B": the parser makes B the verb's object and leaves "on" empty.
        if (child.dep_ in ("dobj", "obj") and child.i > trigger.i and trigger.lemma_ == "call"
                and any(c.dep_ == "prep" and c.lower_ == "on" and not pobjs(c) for c in trigger.children)):
            heads.append(child)
    # "received a message from X, delivered by Y": the envoy who delivered it was received
    if trigger.lemma_ == "receive" and any(c.dep_ in ("dobj", "obj") and c.lower_ in MESSAGE_NOUNS
                                           for c in trigger.children):
        heads.extend(g for t in trigger.subtree if t.dep_ == "acl" and t.tag_ == "VBN" and t.lemma_ in CARRY_VERBS
                     for a in t.children if a.dep_ == "agent" for g in pobjs(a))
    # "met A at the palace and B at his office": the parser coordinates B with the first place
    if trigger.lemma_ in MEETING_VERBS and heads:
        heads.extend(c for prep in trigger.children if prep.dep_ == "prep" and prep.lower_ in ("at", "in")
                     for g in pobjs(prep) for c in g.conjuncts if c.pos_ == "PROPN" and c.i > g.i)
    # "held talks/a meeting with B", "paid a courtesy call on B": the preposition hangs off the noun.
    for child in trigger.children:
        if child.dep_ in ("dobj", "obj") and (child.lower_ in HELD_OBJECTS
                                              or trigger.lemma_ == "exchange" and child.lower_ in EXCHANGED):
            for prep in child.children:
                if prep.dep_ == "prep" and prep.lower_ in ("with", "between", "on", "to"):
                    heads.extend(pobjs(prep))
                # "received a courtesy call / a visit from B" ("received a call from B" is by telephone)
                if (prep.dep_ == "prep" and prep.lower_ == "from" and trigger.lemma_ in ("receive", "welcome")
                        and (child.lower_ == "visit" or child.lower_ == "call"
                             and any(c.lower_ == "courtesy" for c in child.children))):
                    heads.extend(pobjs(prep))
        # "hosted a dinner for B", "a reception in honour of B"
        if trigger.lemma_ == "host" and child.dep_ in ("dobj", "obj") and child.lower_ in EVENT_NOUNS:
            for prep in [*child.children, *trigger.children]:
                if prep.dep_ == "prep" and prep.lower_ == "for":
                    heads.extend(pobjs(prep))
                for honour in pobjs(prep) if prep.dep_ == "prep" and prep.lower_ == "in" else []:
                    if honour.lower_ in ("honour", "honor"):
                        heads.extend(g for p in honour.children if p.lower_ == "of" for g in pobjs(p))
                        # "in honour of visiting President B": the parser makes "visiting" a verb
                        heads.extend(o for p in honour.children if p.lower_ == "of" for v in p.children
                                     if v.dep_ == "pcomp" and v.tag_ == "VBG" for o in v.children
                                     if o.dep_ in ("dobj", "obj"))
    return heads


def named_right_after(verb: Token, people: People) -> list[int]:
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


def people_of(heads: list[Token], people: People, exclude: list[int]) -> list[int]:
    others: list[int] = []
    for head in heads:
        named = people.phrase(head)
        # A list is read on only when it starts with a person ("visited Iran along with X" is no meeting with X).
        for key in named + (people.listed_after(head.left_edge) if named else []):
            if key not in others and key not in exclude:
                others.append(key)
    return others


def urges(call: Token) -> bool:
    """ "called on B to resign": an appeal, not a visit."""
    for token in call.subtree:
        if token.dep_ in ("xcomp", "ccomp") and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children):
            return True
    return False


