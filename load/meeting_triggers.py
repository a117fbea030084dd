"""The forms of English news that report people meeting, read from the dependency parse (verbs
and nouns here; presence, attendance and ceremonies in ``load.meeting_attendance``; the shared
words and helpers in ``load.meeting_words``).

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

from spacy.attrs import LOWER
from spacy.tokens import Token

from . import doc_cache
from .meeting_attendance import event_class, event_object, read_attendance
from .meeting_people import People, coordinated_subject, governing_subjects, subjects
from .meeting_words import (
    ATTEND_VERBS, CREDENTIAL_VERBS, EXCHANGED, Found, HELD_OBJECTS, INTENT_WORDS, JOIN_VERBS, MEETING_NOUNS,
    MULTILATERAL,
    MEETING_OR_WITH_VERBS, MEETING_VERBS, MODALS, PREVIEW_MODIFIERS, REMOTE_WORDS, TOGETHER_VERBS,
    UNDONE_WORDS, named_right_after, one_to_many, other_side, people_of, pobjs, urges)


def read_verb(token: Token, people: People) -> list[Found]:
    lemma = token.lemma_.lower()
    if lemma in CREDENTIAL_VERBS and token.pos_ == "VERB":
        return _credentials(token, people)
    if lemma not in MEETING_OR_WITH_VERBS or token.pos_ not in ("VERB", "AUX", "NOUN"):
        return []
    objects = [c for c in token.children if c.dep_ in ("dobj", "obj")]
    if lemma in ("hold", "pay", "have") and not any(c.lower_ in HELD_OBJECTS for c in objects):
        return []
    if lemma == "have" and any(c.lower_ == "call" and not any(g.lower_ == "courtesy" for g in c.children)
                               for c in objects):
        return []         # "had a call with B": by telephone
    if lemma == "exchange" and not any(c.lower_ in EXCHANGED for c in objects):
        return []
    if lemma == "pay" and not any(c.lower_ in ("call", "visit") for c in objects):
        return []
    if lemma == "call" and (not any(c.dep_ == "prep" and c.lower_ in ("on", "upon") for c in token.children)
                            or urges(token)):
        return []
    if lemma == "play" and not any(c.lower_ == "host" for c in objects):
        return []         # "played host to B", not "played a role with B"
    if lemma in ("discuss", "engage") and not any(c.dep_ == "prep" and c.lower_ == "with" for c in token.children):
        return []
    heads = other_side(token)
    if lemma == "visit" and not heads:
        return []
    side_a = subjects(token, people)
    if len(side_a) == 1:
        side_a = coordinated_subject(token, people) or side_a   # "A and Commission chief B met C", A hung as nmod
    others = people_of(heads, people, side_a)
    if not others and lemma in MEETING_VERBS and lemma != "visit" and token.pos_ == "VERB":
        others = [k for k in named_right_after(token, people) if k not in side_a]
    if others:
        if any(c.lower_ in MULTILATERAL for o in objects for c in o.children if c.dep_ in ("amod", "compound")):
            return [Found(list(dict.fromkeys(side_a + others)), token)]   # "held a trilateral meeting with B and C"
        return [Found(group, token) for group in one_to_many(side_a, others)]
    together = lemma in TOGETHER_VERBS or (lemma in ("hold", "have") and any(c.lower_ in MEETING_NOUNS for c in objects))
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
    others = people_of([g for c in verb.children if c.dep_ == "prep" and c.lower_ == "to" for g in pobjs(c)],
                        people, side_a)
    event = "ceremony" if any(event_class(g) == "ceremony" for c in verb.children if c.dep_ == "prep"
                              for g in pobjs(c)) else None
    return [Found(group, verb, event) for group in one_to_many(side_a, others)]


def read_noun(token: Token, people: People) -> list[Found]:
    if token.lower_ not in MEETING_NOUNS or token.pos_ not in ("NOUN", "PROPN"):
        return []
    if token.lower_ == "call" and not any(c.lower_ == "courtesy" for c in token.children):
        return []   # a call is a telephone call unless it is a courtesy call
    if token.dep_ in ("dobj", "obj") and token.head.lemma_ in ("hold", "pay", "have"):
        return []  # read from the verb
    between, with_heads, owner = [], [], []
    children = list(token.children)
    if token.dep_ == "nsubjpass" and token.head.lemma_ == "hold":
        # "Talks were held between A and B": the parser hangs "between" on the verb
        children += [c for c in token.head.children if c.dep_ == "prep" and c.lower_ in ("between", "with")]
    for child in children:
        if child.dep_ == "prep" and child.lower_ == "between":
            for pobj in pobjs(child):
                named = people.phrase(pobj)
                # "between A and his counterpart B": the parser may hang B elsewhere; read the list on.
                between.extend(k for k in named + (people.listed_after(pobj.left_edge) if named else [])
                               if k not in between)
        elif child.dep_ == "prep" and child.lower_ in ("with", "to"):
            with_heads.extend(pobjs(child))
        elif child.dep_ == "poss":
            owner = _owner(child, token, people)
        elif child.dep_ == "prep" and child.lower_ == "of" and not owner:
            owner = [k for pobj in pobjs(child) for k in people.phrase(pobj)]   # "the meeting of A with B"
    # "A's first meeting was with B": the "with" hangs off the copula.
    if not with_heads and token.dep_ in ("nsubj", "nsubjpass"):
        for child in token.head.children:
            if child.dep_ == "prep" and child.lower_ == "with":
                with_heads.extend(pobjs(child))
    if len(between) >= 2:
        return [Found(between, token)]
    others = people_of(with_heads, people, [])
    if others:
        side_a = owner or governing_subjects(token, people)
        others = [k for k in others if k not in side_a]
        if any(c.lower_ in MULTILATERAL for c in token.children if c.dep_ in ("amod", "compound")):
            return [Found(list(dict.fromkeys(side_a + others)), token)]   # "A's trilateral meeting with B and C"
        return [Found(group, token) for group in one_to_many(side_a, others)]
    if not with_heads and len(owner) >= 2:
        return [Found(owner, token)]     # "the meeting of A and B", "their meeting"
    holder = token.head.head if token.head.dep_ == "prep" else token.head     # "took part [in] the meeting"
    holder = holder.head if holder.lower_ in ("part", "present") and holder.dep_ in ("dobj", "acomp") else holder
    attended = holder.lemma_.lower() in ATTEND_VERBS | JOIN_VERBS and event_object(holder) == token
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
    if _attended(token):
        return []  # read from the verb of attending
    return read_verb(token, people) or read_noun(token, people) or read_attendance(token, people)


def _attended(noun: Token) -> bool:
    """ "C also took part in (attended) the talks with B": C's attendance of the talks told before, not talks of C."""
    if noun.pos_ not in ("NOUN", "PROPN") or not any(c.dep_ == "det" and c.lower_ in ("the", "this", "that")
                                                    for c in noun.children):
        return False
    return ((noun.dep_ == "pobj" and noun.head.head.lemma_ in ("take", "participate", "join"))
            or (noun.dep_ in ("dobj", "obj") and noun.head.lemma_.lower() in ATTEND_VERBS))   # "attended the meeting with B"

