"""Meetings: who met whom, when and where, read from the dependency parse.

The forms read are listed in ``meeting_triggers`` (verbs, nouns, presence,
attendance and ceremonies, and what is not a meeting: previews and calls by
phone or video); who the people are in ``meeting_people``; the place in
``meeting_places``. This module puts a meeting together:

- participants: "A met B, C and D" gives one meeting per pair A-B, A-C, A-D; "a meeting
  between A, B and C", "A and B met", a delegation and "in the presence of C" give one
  meeting of all of them; an article's reports of one ceremony ("A and B attended the
  inauguration. C also took part in the ceremony") are one meeting of everyone at it.
- date: from ``dates.DateContext``, a date of the meeting's own clause: "met B on Friday",
  "the meeting, held on Friday". Not a date of a clause the meeting is reported in ("X
  has met B, his office said Saturday") nor of another clause of the sentence ("trade
  will reach $12 bn at the end of 2023, X said at a meeting with B"). Without one: the
  date of talks the sentence before reports ("holding talks on Wednesday with officials.
  X met A and B"), then of the next sentence about it ("During the talks, which took
  place on Friday, ..."), then of the event it was on the sidelines of. A month or a year
  is kept on the report; the meeting's own date is a day (``resolve``).
- place: ``meeting_places.place_for``, else the next sentence about the meeting ("The two
  leaders held talks in Lima"), else where the event it was on the sidelines/margins of
  was held ("... on the margins of a meeting of defence ministers. The meeting was held on
  Friday in Lima").
- topics: what the sentence says was discussed (``meeting_topics``).

"The next sentence about it" is one of the three after the meeting that names its
participants, or speaks of "the talks"/"the meeting"/"the two leaders", before any
sentence reporting another meeting.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable

from spacy.attrs import LOWER
from spacy.tokens import Doc, Span, Token

from . import doc_cache
from .dates import DateContext
from .meeting_attendance import (
    accompanies, candidates, clause_of, definite_event, plural_subject, presences, present_people, read_presence,
    refers_back)
from .meeting_people import People
from .meeting_places import clause_place, escort_clause, place_for
from .meeting_topics import TOPIC_VERBS, topics_for
from .meeting_triggers import is_remote, not_held, reads
from .meeting_words import other_side, people_of
from .meeting_words import (
    CEREMONY_VERBS, CHAIR_VERBS, COMPANY_VERBS, EVENT_CLASSES, EVENT_NOUNS, Found, MEETING_NOUNS, PRESENCE, TOGETHER_VERBS)
from .records import Article, DateValue, Meeting, Person

# A reported clause's date is when it was said, not when the meeting was.
REPORTING_DEPS = ("ccomp", "parataxis")
GROUP_WORDS = {"two", "both", "sides", "leaders", "ministers", "presidents", "officials", "delegations",
               "they", "counterparts", "pair"}
TALK_VERBS = TOPIC_VERBS | {"meet", "hold", "talk", "confer", "sign", "sit", "speak"}
HELD_VERBS = {"hold", "take", "convene", "open", "begin", "be", "occur", "happen", "conclude", "end"}
SIDELINE_WORDS = {"sidelines", "sideline", "margins", "margin", "fringes", "fringe"}
NEXT_SENTENCES = 3
ATTENDANCE_WINDOW = 4
PAIR_WINDOW = 2         # "the two" stands for a pair named in one of the two sentences before   # "the meeting was attended by ..." refers to a meeting up to 4 sentences before
EVENT_WINDOW = 8
SPAN_PREPS = {"since", "until", "till", "before", "after", "by", "from", "through", "throughout", "between"}


def extract(doc: Doc, article: Article, people: list[Person], context: DateContext) -> list[Meeting]:
    index = People(doc, people)
    sentences = doc_cache.sentences(doc)
    starts = doc_cache.sentence_starts(doc)

    def sentence_of(i: int) -> int:
        return bisect_right(starts, i) - 1

    found = _read_all(doc, index, sentence_of)
    reported: dict[int, list[set[int]]] = {}
    for group in found:
        if len(set(group.participants)) >= 2:
            reported.setdefault(sentence_of(group.trigger.i), []).append(set(group.participants))
    meetings: list[Meeting] = []
    seen = set()
    for group in found:
        participants = list(dict.fromkeys(group.participants))
        if len(participants) < 2:
            continue
        token = group.trigger
        position = sentence_of(token.i)
        key = (position, frozenset(participants))
        if key in seen:
            continue
        seen.add(key)
        date = next((d for t in group.triggers for d in [own_date(t, context, sentence_of)] if d), None)
        if date is None and position > 0 and not reported.get(position - 1):
            date = _talks_date(sentences[position - 1], context, group.event)
        place = next((p for t in group.triggers for p in [place_for(t, index.by_token)] if p), None)
        if date is None or place is None:
            for reference in _sentences_about(sentences, position, set(participants), reported, index):
                if reference.lower_ in MEETING_NOUNS or reference.lemma_.lower() in TALK_VERBS:
                    date = date or own_date(reference, context, sentence_of)   # the talks' date, not any act's
                place = place or _reference_place(reference)
        sideline = _sidelines_event(token)
        if sideline is not None and (date is None or place is None):
            held = _event_held(sideline, sentences, position)
            if held is not None:
                date = date or own_date(held, context, sentence_of)
                place = place or clause_place(held)
        meetings.append(Meeting(
            participants=participants, sentence=position,
            start=token.idx, end=token.idx + len(token.text), text=token.text,
            date=date, place=place, topics=topics_for(token),
        ))
    return meetings


# --- participants ----------------------------------------------------------------------------

def _read_all(doc: Doc, index: People, sentence_of: Callable[[int], int]) -> list[Found]:
    """Every group the article reports meeting, an article's attendances of one event merged."""
    found: list[Found] = []
    presence_at = presences(doc)
    triggered: set[int] = set()
    for i in candidates(doc):
        token = doc[i]
        read = reads(token, index)
        groups = [g for g in read if not not_held(g.trigger) and not is_remote(g.trigger)]
        if not read and _pair_subject(token) and not not_held(token) and not is_remote(token):
            # "The two former leaders later held talks with C": the pair and whom they met
            others = people_of(other_side(token), index, [])
            pair = _pair_named_before(token, index)      # "A and B agreed ... The two leaders met in X"
            pair = pair or _pair_met_before(token, found, sentence_of, bool(others))   # "A met B ... The two last met in X"
            groups = [Found(list(dict.fromkeys(pair + others)), token)] if pair else []
        if not groups:
            continue
        clause = clause_of(token)
        triggered.add(clause.i)
        present = present_people(presence_at[clause.i], index) if clause.i in presence_at else []
        if present and not groups[0].event:
            # "A conferred with B in the presence of C": one meeting of all of them.
            everyone = [k for g in groups for k in g.participants] + present
            groups = [Found(list(dict.fromkeys(everyone)), token)]
        found.extend(groups)
    for clause, presence in presence_at.items():
        if clause not in triggered:
            found.extend(g for g in read_presence(doc[clause], presence, index) if not not_held(g.trigger))
    merged = _merge_events(_join_attendances(found, sentence_of), sentence_of)
    return [g for g in merged if len(set(g.participants)) >= 2]     # a chair alone met no one


def _pair_subject(verb: Token) -> bool:
    """ "The two leaders met in X", "Both presidents met ...": a meeting verb whose subject is a
    pair named nowhere in it."""
    held = verb.lemma_.lower() in ("hold", "have") and any(
        c.dep_ in ("dobj", "obj") and c.lower_ in MEETING_NOUNS for c in verb.children)
    if not (verb.lemma_.lower() in TOGETHER_VERBS or held) or verb.pos_ != "VERB":
        return False
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None:
        return False
    words = {t.lower_ for t in subject.subtree}
    if subject.lower_ in ("they", "pair") and _recalled(verb):
        return True       # "They last met in X", "The pair previously met in 2022"
    return bool(words & {"two", "both"}) and not words & {"countries", "nations", "sides", "delegations", "teams"}


def _recalled(verb: Token) -> bool:
    """ "last met", "had previously met", "first met": an earlier meeting than the one reported."""
    return any(c.lower_ in RECALL_WORDS and c.dep_ == "advmod" for c in verb.children)


def _pair_met_before(verb: Token, found: list[Found], sentence_of: Callable[[int], int],
                     with_others: bool = False) -> list[int]:
    """ "A held talks with B in X on Tuesday. The two leaders last met in March in Y": the pair of the
    meeting reported last, one or two sentences before, when the verb recalls an earlier meeting (without
    "last"/"previously", the sentence says more of the same meeting: see ``_sentences_about``)."""
    if not (_recalled(verb) or with_others) or not found:
        return []      # (with others met: "The two leaders then held talks with C", a meeting of three)
    last = found[-1]
    pair = list(dict.fromkeys(last.participants))
    distance = sentence_of(verb.i) - sentence_of(last.trigger.i)
    return pair if len(pair) == 2 and 0 < distance <= PAIR_WINDOW else []


def _pair_named_before(verb: Token, index: People) -> list[int]:
    """The two people the sentence before (or the one before it) names as the coordinated
    subject of its main clause ("President A and Prime Minister B agreed Thursday ..."); a pair
    only told together, not one named in a call or a preview with another."""
    doc = verb.doc
    sentence = verb.sent
    for _ in range(PAIR_WINDOW):
        if sentence.start == 0:
            break
        sentence = doc[sentence.start - 1].sent
        for subject in (t for t in sentence if t.dep_ in ("nsubj", "nsubjpass")):
            named = index.phrase(subject)
            if len(named) == 2 and any(c.lower_ == "and" for c in subject.children):
                return named
        if index.by_token.keys() & set(range(sentence.start, sentence.end)):
            return []        # the sentence names people otherwise: "the two" is not sure
    return []


def _join_attendances(found: list[Found], sentence_of: Callable[[int], int]) -> list[Found]:
    """ "X received Y ... The meeting was attended by A and B", "C and D were also present": the
    people at the meeting just reported (up to ``ATTENDANCE_WINDOW`` sentences before, no other meeting between) take part in it; they
    are not a meeting of their own."""
    joined: list[Found] = []
    last: Found | None = None
    latest: Found | None = None     # the last group of any event ("A accompanied X at the signing")
    for group in sorted(found, key=lambda g: g.trigger.i):
        if group.event is None:
            joined.append(group)
            last = latest = group
            continue
        target = latest if group.event == PRESENCE and latest is not None else last
        # "C also took part in the talks with B", after "A held talks with B" (another meeting between)
        # (not "Earlier, A and B co-chaired the session": chairs hold a meeting of their own)
        shared = next((g for g in reversed(joined) if group.event == "meeting" and g.event in (None, "meeting")
                       and group.trigger.lemma_.lower() not in CHAIR_VERBS and definite_event(group.trigger)
                       and 0 <= sentence_of(group.trigger.i) - sentence_of(g.trigger.i) <= ATTENDANCE_WINDOW
                       and set(group.participants) & set(g.participants)), None)
        if (target is not None and group.event in ("meeting", "meal", PRESENCE)
                and 0 <= sentence_of(group.trigger.i) - sentence_of(target.trigger.i) <= ATTENDANCE_WINDOW
                and (refers_back(group.trigger) or accompanies(group, target))) or shared is not None:
            last = shared or target
            last.participants.extend(k for k in group.participants if k not in last.participants)
            last.also.append(group.trigger)
            continue
        if group.event == PRESENCE and not (len(group.participants) >= 2 and plural_subject(group.trigger)
                                            and group.trigger.lemma_.lower() not in COMPANY_VERBS):
            continue      # "A and B were also present" at a meeting not read: not a meeting of A and B
        if group.event == PRESENCE:
            group.event = "ceremony"   # "Officials signed five deals in the presence of A and B"
        joined.append(group)
        latest = group
        if group.event == "meeting":
            last = group  # "X chaired a meeting ... A and B attended. C was also present."
    return joined


def _merge_events(found: list[Found], sentence_of: Callable[[int], int]) -> list[Found]:
    """One meeting per event in an article: "A and B attended the inauguration ... C also took
    part in the ceremony" is one meeting of A, B and C (reported at the first mention). Reports of
    one kind of event more than ``EVENT_WINDOW`` sentences apart are taken for two events."""
    merged: list[Found] = []
    last_of: dict[str, Found] = {}
    for group in sorted(found, key=lambda g: g.trigger.i):
        if group.event is None:
            merged.append(group)
            continue
        last = last_of.get(group.event)
        if last is None or sentence_of(group.trigger.i) - sentence_of(last.triggers[-1].i) > EVENT_WINDOW:
            last = Found(list(group.participants), group.trigger, group.event)
            last_of[group.event] = last
            merged.append(last)
        else:
            last.participants.extend(k for k in group.participants if k not in last.participants)
            last.also.append(group.trigger)
    return merged


# --- dates -----------------------------------------------------------------------------------

def own_date(token: Token, context: DateContext, sentence_of: Callable[[int], int]) -> DateValue | None:
    """The date of the clause ``token`` stands in, when its sentence gives one there."""
    candidates = []
    for expression in context.in_sentence(sentence_of(token.i)):
        if expression.span.root.head.lower_ in SPAN_PREPS or expression.span[0].lower_ in SPAN_PREPS:
            continue    # "had met him twice since January": a bound of a period, not the day they met
        distance = _date_distance(expression.span, token)
        if distance is not None and expression.value is not None:
            candidates.append((distance, abs(expression.span.root.i - token.i), expression.value))
    return min(candidates, key=lambda c: c[:2])[2] if candidates else None


def _date_distance(span: Span, token: Token) -> int | None:
    """0: the date hangs below the token; 1: off a clause the token belongs to; None: elsewhere
    (another clause, or the clause that reports the token's: "X met B, his office said Saturday")."""
    root = span.root
    if token in root.ancestors or span.start <= token.i < span.end:
        return 0 if not _crosses_clause(root, token) else None
    path_up = [token, *token.ancestors]
    for steps, ancestor in enumerate(path_up[1:], start=1):
        if ancestor in root.ancestors or ancestor == root:
            between = path_up[:steps]
            if any(t.dep_ in REPORTING_DEPS for t in between):
                return None
            return None if _crosses_clause(root, ancestor) else 1
    return None


def _crosses_clause(low: Token, top: Token) -> bool:
    for ancestor in [low, *low.ancestors]:
        if ancestor == top:
            return False
        if ancestor.dep_ in ("ccomp", "relcl", "acl", "advcl", "parataxis", "xcomp", "conj") and ancestor.pos_ in ("VERB", "AUX") \
                and not (ancestor.head == top and escort_clause(ancestor)):
            if ancestor.head != top or ancestor.dep_ not in ("relcl", "acl") \
                    or top.lower_ not in MEETING_NOUNS | set(EVENT_NOUNS):
                # "the talks, which took place on Friday", "the meeting, held on Friday": the meeting
                # noun's own clause; "discussed the deal signed in 2020": another event's
                return True
    return False


def _talks_date(sentence: Span, context: DateContext, event: str | None) -> DateValue | None:
    """The date of talks reported in a sentence without named counterparts ("holding talks on
    Wednesday"), or of the event an attendance was at ("signed the deal on Tuesday in a
    ceremony. The ceremony was held in the presence of A and B")."""
    words = MEETING_NOUNS | (EVENT_CLASSES.get(event, set()) if event else set())
    verbs = {"meet"} | (CEREMONY_VERBS if event == "ceremony" else set())
    for token in sentence:
        if token.lower_ in words or token.lemma_ in verbs:
            value = context.date_for(token)
            if value is not None:
                return value
    return None


# --- the sentences after -------------------------------------------------------------------

def _sentences_about(sentences: list[Span], position: int, participants: set[int],
                     reported: dict[int, list[set[int]]], index: People) -> list[Token]:
    """The tokens that refer to the meeting in the next sentences about it (a meeting noun, or
    the verb of a clause whose subject is its participants or "the two leaders")."""
    references = []
    for later in range(position + 1, min(position + 1 + NEXT_SENTENCES, len(sentences))):
        if any(other != participants for other in reported.get(later, [])):
            break           # the story has moved on to another meeting
        reference = _reference_in(sentences[later], participants, index)
        if reference is not None and not not_held(reference) and not _recalls_another(reference):
            references.append(reference)      # not "The two will meet again on Monday", "The meeting was last held in X"
    return references


def _reference_in(sentence: Span, participants: set[int], index: People) -> Token | None:
    named = {index.by_token[i] for i in range(sentence.start, sentence.end) if i in index.by_token}
    if named - participants:
        return None         # other people: another story
    doc = sentence.doc
    for i in _in_span(doc_cache.tokens_where(doc, _meeting_word, LOWER), sentence):
        token = doc[i]
        if any(c.lower_ in ("the", "this", "that", "their", "today", "'s") for c in token.children):
            return token
    root = sentence.root
    subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None:
        return None
    subject_words = {t.lower_ for t in subject.subtree}
    names_all = participants <= {index.by_token[t.i] for t in subject.subtree if t.i in index.by_token}
    if names_all or (subject_words & GROUP_WORDS and subject.lower_ not in ("countries", "nations")):
        return root
    return None


RECALL_WORDS = {"last", "previous", "previously", "earlier", "before", "first", "once"}


def _recalls_another(reference: Token) -> bool:
    """ "The meeting was last held in New Delhi in 2022", "their previous meeting": an earlier
    meeting of the same kind, not the one just reported."""
    words = [reference, *reference.children]
    if reference.pos_ in ("NOUN", "PROPN"):
        words += [*reference.head.children]
    return any(t.lower_ in RECALL_WORDS and t.dep_ in ("advmod", "amod") for t in words)


def _reference_place(reference: Token) -> str | None:
    """The place the next sentence about a meeting gives: "The two leaders held talks in X",
    "During the talks, which took place in X, ...", "A and B were in X"."""
    if reference.pos_ in ("NOUN", "PROPN"):
        for child in reference.children:
            if child.dep_ == "relcl":
                place = clause_place(child)
                if place:
                    return place
        place = place_for(reference, {})
        if place:
            return place
        reference = clause_of(reference)
    return place_for(reference, {})


def _meeting_word(lower: str) -> bool:
    return lower in ("meeting", "talks", "summit")


def _sideline_word(lower: str) -> bool:
    return lower in SIDELINE_WORDS


def _in_span(positions: list[int], span: Span) -> list[int]:
    """The token indexes (sorted) that fall inside ``span``."""
    return positions[bisect_left(positions, span.start):bisect_left(positions, span.end)]


def _sidelines_event(trigger: Token) -> Token | None:
    """The event of "on the sidelines/margins of EVENT" in the meeting's clause."""
    doc = trigger.doc
    for i in _in_span(doc_cache.tokens_where(doc, _sideline_word, LOWER), trigger.sent):
        token = doc[i]
        if token.head.lower_ in ("on", "at") and clause_of(token) in (trigger, clause_of(trigger)):
            for prep in token.children:
                if prep.dep_ == "prep" and prep.lower_ == "of":
                    return next((p for p in prep.children if p.dep_ == "pobj"), None)
    return None


def _event_held(event: Token, sentences: list[Span], position: int) -> Token | None:
    """The verb of "<the event> was held ... in CITY", in the event's phrase or a later sentence."""
    if clause_place(event) or any(c.dep_ == "prep" for c in event.children if clause_place(c.head)):
        return event
    words = _content_words(event)
    for later in sentences[position + 1:]:
        for token in later:
            if token.lemma_ != event.lemma_ or token.dep_ not in ("nsubj", "nsubjpass"):
                continue
            own = _content_words(token)
            if words and own and not words & own:
                continue    # another event of the same kind
            verb = token.head
            if verb.lemma_.lower() in HELD_VERBS or verb.lemma_.lower() in ("take",):
                return verb
    return None


def _content_words(token: Token) -> set[str]:
    return {t.lemma_.lower() for t in token.subtree
            if t.pos_ in ("PROPN", "NOUN", "ADJ") and not t.is_stop and t != token and t.ent_type_ != "DATE"}
