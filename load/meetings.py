"""Meetings: who met whom, when and where, read from the dependency parse.

Triggers are verbs and nouns of meeting in English news:
- verbs: "met (with) B", "received/hosted B", "called on B", "spoke/talked with/to B",
  "held talks/a meeting/meetings with B", "A and B met";
- nouns: "a meeting/talks between A and B", "A's meeting with B",
  "his conversation with B", "A and B, in a meeting, agreed ...".
The people on each side are found through the parse (subjects, objects,
"with"/"between"/"on"/"to" phrases, conjunctions, appositions) and mapped to the
article's people by their mentions, role mentions included ("the army chief").
"He"/"his"/"their" stand for the clause's subject or the last person named as a
subject before. Groups ("the two sides", "the delegations") are not people,
so they give no meeting.

"A met B, C and D" gives one meeting per pair A-B, A-C, A-D; "a meeting
between A, B and C" and "A and B met" give one meeting of all of them.

Dates come from ``dates.DateContext`` (a date attached to the trigger, else in
its sentence); a meeting sentence with no date of its own takes the date of the
sentence just before when that sentence also reports talks ("holding talks on
Wednesday with officials. X met A and B ..."). The place is the city of an
"in/at" phrase attached to the trigger or its clause, or of "X, who is in CITY";
countries are not meeting places. The dateline is *not* used as a fallback: it
says where the story was filed, not where the meeting was.
"""
from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from .dates import DateContext
from .places import is_country
from .records import Article, DateValue, Meeting, Person

MEETING_VERBS = {"meet", "receive", "host", "visit"}          # take the other side as object
WITH_VERBS = {"meet", "speak", "talk", "confer", "hold", "call", "sit", "engage", "discuss"}
WITH_PREPS = {"with", "to", "on"}                           # "spoke to", "called on"
MEETING_NOUNS = {"meeting", "meetings", "talks", "talk", "conversation", "discussion", "discussions",
                 "call", "summit", "audience", "consultation", "consultations", "session"}
HELD_OBJECTS = MEETING_NOUNS
TOPIC_VERBS = {"discuss", "review", "deliberate", "exchange", "focus", "agree"}
PRONOUNS = {"he", "she", "him", "her", "his", "hers"}
GROUP_PRONOUNS = {"they", "them", "their"}
PLACE_LABELS = {"GPE", "LOC", "FAC"}


class People:
    """Which article person each token belongs to."""

    def __init__(self, doc: Doc, people: list[Person]):
        self.doc = doc
        self.by_token: dict[int, int] = {}
        self.subject_mentions: list[tuple[int, int]] = []   # (token index, person key) of subjects
        for person in people:
            for mention in person.mentions:
                span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
                if span is None:
                    continue
                for token in span:
                    self.by_token.setdefault(token.i, person.key)
                if span.root.dep_ in ("nsubj", "nsubjpass") or any(t.dep_ in ("nsubj", "nsubjpass") for t in span):
                    self.subject_mentions.append((span.start, person.key))
        self.subject_mentions.sort()

    def at(self, token: Token) -> list[int]:
        """People a noun phrase headed by ``token`` refers to (conjuncts excluded)."""
        if token.i in self.by_token:
            return [self.by_token[token.i]]
        lower = token.lower_
        if lower in PRONOUNS:
            previous = self.previous_subject(token)
            return [previous] if previous is not None else []
        for child in token.children:
            if child.dep_ == "appos":
                found = self.at(child)
                if found:
                    return found
        # "Chief of Staff of the Armed Forces Maj Gen X": the name sits deeper in the phrase.
        inside = {self.by_token[t.i] for t in token.subtree
                  if t.i in self.by_token and not _in_conjunct_or_clause(t, token)}
        return sorted(inside) if len(inside) == 1 else []

    def phrase(self, token: Token) -> list[int]:
        """People of a phrase and its conjuncts ("A, B and C")."""
        keys = []
        for head in [token, *_conjuncts(token)]:
            for key in self.at(head):
                if key not in keys:
                    keys.append(key)
        return keys

    def listed_after(self, first: Token) -> list[int]:
        """People named from ``first`` to the end of its list.

        The small model often parses a long list of names-with-titles wrongly
        (a name as an apposition of the one before, a rank as a conjunct), so
        the list is read as a token region: it ends at the sentence end, a
        semicolon, or a token that opens a new clause ("who", a verb heading
        a relative, adverbial or coordinated clause)."""
        keys: list[int] = []
        for token in first.doc[first.i: first.sent.end]:
            if token.i > first.i and _opens_clause(token):
                break
            key = self.by_token.get(token.i)
            if key is not None and key not in keys:
                keys.append(key)
        return keys

    def previous_subject(self, token: Token) -> int | None:
        """The person last named as a subject before ``token`` (within three sentences)."""
        window_start = token.sent.start
        for _ in range(3):
            if window_start == 0:
                break
            window_start = self.doc[window_start - 1].sent.start
        best = None
        for start, key in self.subject_mentions:
            if window_start <= start < token.i:
                best = key
        return best


def _opens_clause(token: Token) -> bool:
    if token.text == ";" or token.tag_ in ("WP", "WDT", "WRB"):
        return True
    return token.pos_ in ("VERB", "AUX") and token.dep_ in ("relcl", "advcl", "ccomp", "xcomp", "conj", "ROOT", "acl")


def _conjuncts(token: Token) -> list[Token]:
    return [t for t in token.conjuncts if t.i > token.i]


def _in_conjunct_or_clause(token: Token, head: Token) -> bool:
    """Whether ``token`` hangs below a conjunct, relative clause or preposition of ``head``'s
    own coordination (so "A, B and C" is not read as one person)."""
    for ancestor in [token, *token.ancestors]:
        if ancestor == head:
            return False
        if ancestor.dep_ in ("conj", "relcl", "acl") and ancestor.head == head:
            return True
    return False


def subjects(verb: Token, people: People) -> list[int]:
    """People doing the action of ``verb``, inherited through xcomp/advcl/conj/pcomp chains."""
    current = verb
    for _ in range(6):
        # Several subjects happen when a dateline is parsed into the sentence
        # ("BAGHDAD, March 14 (Reuters) - X met Y"): the first that names people wins.
        own_subjects = [c for c in current.children if c.dep_ in ("nsubj", "nsubjpass")]
        for child in own_subjects:
            found = subjects_of_previous(child, people) if child.lower_ in GROUP_PRONOUNS else people.phrase(child)
            if found:
                return found
        if own_subjects:
            return []  # "the two sides met": a subject that is not a person, not the clause above's
        if current.dep_ in ("xcomp", "advcl", "conj", "pcomp", "acl", "ccomp") or current.dep_ == "pobj":
            current = current.head
        elif current.dep_ == "prep":
            current = current.head
        else:
            break
    return []


def subjects_of_previous(token: Token, people: People) -> list[int]:
    key = people.previous_subject(token)
    return [key] if key is not None else []


def _other_side(trigger: Token, people: People) -> list[Token]:
    """Heads of the phrases naming whom the subject met."""
    heads = []
    for child in trigger.children:
        # The small model sometimes labels the object of "meeting X" npadvmod/attr/dative.
        if (child.dep_ in ("dobj", "obj", "npadvmod", "attr", "dative", "oprd") and child.i > trigger.i
                and trigger.lemma_ in MEETING_VERBS):
            heads.append(child)
        if child.dep_ == "prep" and child.lower_ in WITH_PREPS:
            heads.extend(g for g in child.children if g.dep_ == "pobj")
        if child.dep_ == "agent":
            heads.extend(g for g in child.children if g.dep_ == "pobj")
    # "held talks/a meeting with B": the "with" hangs off the noun.
    for child in trigger.children:
        if child.dep_ in ("dobj", "obj") and child.lower_ in HELD_OBJECTS:
            for prep in child.children:
                if prep.dep_ == "prep" and prep.lower_ in ("with", "between"):
                    heads.extend(g for g in prep.children if g.dep_ == "pobj")
    return heads


def _one_to_many(side_a: list[int], others: list[int]) -> list[list[int]]:
    meetings = []
    for other in others:
        pair = list(dict.fromkeys(side_a + [other]))
        if len(pair) >= 2:
            meetings.append(pair)
    return meetings


def read_verb(token: Token, people: People) -> list[list[int]]:
    lemma = token.lemma_.lower()
    if lemma not in MEETING_VERBS | WITH_VERBS or token.pos_ not in ("VERB", "AUX", "NOUN"):
        return []
    heads = _other_side(token, people)
    if lemma == "hold" and not any(c.dep_ in ("dobj", "obj") and c.lower_ in HELD_OBJECTS for c in token.children):
        return []
    if lemma == "call" and not any(c.dep_ == "prep" and c.lower_ == "on" for c in token.children):
        return []
    if lemma == "visit" and not heads:
        return []
    side_a = subjects(token, people)
    others = []
    for head in heads:
        named = people.phrase(head)
        # A list is read on only when it starts with a person ("visited Iran along with X" is no meeting with X).
        for key in named + (people.listed_after(head.left_edge) if named else []):
            if key not in others and key not in side_a:
                others.append(key)
    if others:
        return _one_to_many(side_a, others)
    if lemma == "meet" and len(side_a) >= 2:
        return [side_a]  # "A and B met"
    return []


def read_noun(token: Token, people: People) -> list[list[int]]:
    if token.lower_ not in MEETING_NOUNS or token.pos_ not in ("NOUN", "PROPN"):
        return []
    if token.dep_ in ("dobj", "obj") and token.head.lemma_ == "hold":
        return []  # read from the verb
    between, with_heads, owner = [], [], []
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ == "between":
            for pobj in (g for g in child.children if g.dep_ == "pobj"):
                between.extend(k for k in people.phrase(pobj) if k not in between)
        elif child.dep_ == "prep" and child.lower_ in ("with", "to"):
            with_heads.extend(g for g in child.children if g.dep_ == "pobj")
        elif child.dep_ == "poss":
            owner = _owner(child, token, people)
    # "Zarif's first meeting was with B": the "with" hangs off the copula.
    if not with_heads and token.dep_ in ("nsubj", "nsubjpass"):
        for child in token.head.children:
            if child.dep_ == "prep" and child.lower_ == "with":
                with_heads.extend(g for g in child.children if g.dep_ == "pobj")
    if len(between) >= 2:
        return [between]
    others = []
    for head in with_heads:
        named = people.phrase(head)
        others.extend(k for k in named + (people.listed_after(head.left_edge) if named else []) if k not in others)
    if others:
        side_a = owner or _governing_subjects(token, people)
        return _one_to_many(side_a, others)
    if not with_heads and not owner:
        # "A and B, in a meeting on Friday, agreed ...": the meeting is the clause subjects'.
        side = _governing_subjects(token, people)
        if len(side) >= 2:
            return [side]
    return []


def _owner(poss: Token, noun: Token, people: People) -> list[int]:
    """Whose meeting: "Zarif's meeting", "his meeting" (the clause's subject), "their meeting"."""
    if poss.lower_ in ("his", "her"):
        found = _governing_subjects(noun, people)
        return found[:1] if found else people.at(poss)
    if poss.lower_ == "their":
        return _governing_subjects(noun, people)
    return people.phrase(poss)


def _governing_subjects(noun: Token, people: People) -> list[int]:
    """Subjects of the verb the noun's phrase hangs from ("Rouhani said in a meeting with B")."""
    current = noun
    for _ in range(5):
        current = current.head
        if current.pos_ in ("VERB", "AUX"):
            return subjects(current, people)
        if current == current.head:
            break
    return []


def place_for(trigger: Token, participants: list[int], people: People) -> str | None:
    """The city an in/at phrase puts the meeting in, or None."""
    anchors = [trigger]
    current = trigger
    for _ in range(4):
        if current.dep_ in ("xcomp", "advcl", "pcomp", "pobj", "prep", "dobj") and current.head != current:
            current = current.head
            anchors.append(current)
        else:
            break
    for anchor in anchors:
        place = _place_under(anchor, depth=0)
        if place:
            return place
    # "a meeting with B in Tehran", "met A and B in Nairobi": the parse may hang "in CITY" off B.
    for token in trigger.subtree:
        if token.dep_ == "prep" and token.lower_ in ("in", "at") and not _in_relative_clause(token, trigger):
            place = _place_under(token.head, depth=2)
            if place:
                return place
    # "X, who is in CITY on an official visit, met ..."
    for token in trigger.sent:
        if token.dep_ == "relcl" and token.lemma_ == "be" and token.head.i in people.by_token:
            place = _place_under(token, depth=0)
            if place:
                return place
    return None


def _in_relative_clause(token: Token, top: Token) -> bool:
    """"X, who is in Egypt, ...": a place inside a relative or coordinated clause is not the meeting's."""
    for ancestor in [token, *token.ancestors]:
        if ancestor == top:
            return False
        if ancestor.dep_ in ("relcl", "acl", "advcl", "ccomp"):
            return True
        if ancestor.dep_ == "conj" and ancestor.pos_ in ("VERB", "AUX"):
            return True  # "met A and visited the HQ in Rawalpindi": another clause's place
    return False


def _place_under(token: Token, depth: int) -> str | None:
    if depth > 3:
        return None
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in ("in", "at"):
            for pobj in child.children:
                if pobj.dep_ != "pobj":
                    continue
                if pobj.ent_type_ in PLACE_LABELS and pobj.ent_type_ != "FAC":
                    entity = next((e for e in pobj.doc.ents if e.start <= pobj.i < e.end), None)
                    if entity is not None and not is_country(entity.text):
                        return entity.text
                deeper = _place_under(pobj, depth + 1)
                if deeper:
                    return deeper
    return None


def topics_for(trigger: Token) -> list[str]:
    """What the sentence says was discussed: objects of discuss/review/exchange views on ..."""
    found = []
    for token in trigger.sent:
        if token.lemma_.lower() not in TOPIC_VERBS or token.pos_ != "VERB":
            continue
        for child in token.children:
            target = None
            if child.dep_ in ("dobj", "obj") and child.lower_ not in ("views", "view"):
                target = child
            elif child.dep_ == "prep" and child.lower_ in ("on", "about"):
                target = next((g for g in child.children if g.dep_ == "pobj"), None)
            elif child.dep_ in ("dobj", "obj"):
                prep = next((g for g in child.children if g.dep_ == "prep" and g.lower_ == "on"), None)
                target = next((g for g in prep.children if g.dep_ == "pobj"), None) if prep else None
            if target is not None:
                for head in [target, *_conjuncts(target)]:
                    words = [t for t in head.subtree if not _in_conjunct_or_clause(t, head)]
                    text = head.doc[words[0].i: words[-1].i + 1].text if words else head.text
                    if len(text.split()) <= 8 and text.lower() not in found:
                        found.append(text)
    return found


def _talks_date(sentence: Span, context: DateContext) -> DateValue | None:
    """The date of talks reported in a sentence without named counterparts ("holding talks on Wednesday")."""
    for token in sentence:
        if token.lower_ in MEETING_NOUNS or token.lemma_ in ("meet",):
            value = context.date_for(token)
            if value is not None:
                return value
    return None


def extract(doc: Doc, article: Article, people: list[Person], context: DateContext) -> list[Meeting]:
    index = People(doc, people)
    sentences = list(doc.sents)
    sentence_of = {}
    for position, sentence in enumerate(sentences):
        for token in sentence:
            sentence_of[token.i] = position
    meetings: list[Meeting] = []
    seen = set()
    for token in doc:
        groups = read_verb(token, index) or read_noun(token, index)
        for participants in groups:
            if len(set(participants)) < 2:
                continue
            position = sentence_of[token.i]
            key = (position, frozenset(participants))
            if key in seen:
                continue
            seen.add(key)
            date = context.date_for(token)
            if date is None and position > 0:
                date = _talks_date(sentences[position - 1], context)
            meetings.append(Meeting(
                participants=list(dict.fromkeys(participants)), sentence=position,
                start=token.idx, end=token.idx + len(token.text), text=token.text,
                date=date, place=place_for(token, participants, index), topics=topics_for(token),
            ))
    return meetings
