"""What is an incident: counts grouped by what they refer to, and what kind of thing each group is.

A sentence's counts join an incident told before when they restate it (the
same kind and number of the same side: "killing 12 soldiers" ... "12 soldiers
were killed"), refer back to it ("Five of them", "10 others", "in the attack",
"also", "the two hostages"), or add nothing of their own (no place, date or
event: "Seven are missing"); never when they open a new one ("a second
attack", "in a separate incident") or give another date. A sentence without
counts joins an incident when it tells the same event: the one just before
the incident's first count ("X ambushed a convoy in Y."), one that refers to
"the attack" / "the flooding" later on, or one that repeats a kind of harm
the incident has ("the militants released A and B near Y").

Each incident is one of: ``reported`` (what the article reports), ``recalled``
(an earlier incident told for context: dated more than a week before the
article's reference date, or in the past perfect), ``total`` (a count over
several incidents: "13 died in attacks on two villages"), ``statistic`` (a
running total over a period: "since 2019", "last year", "so far", a war's
toll, a count over many events: ``statistics``). Statistics never merge with incidents.

Dates: the date expression attached to the count's verb or its clause, never
one that dates the report ("police said on Monday", "posted Monday") or a
toll ("rose to 21 on Wednesday"), nor a "since" period; else the date of a
sentence that tells the same event ("the flooding began on Monday evening").
Resolution itself is ``dates.DateContext``'s.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from spacy.tokens import Span, Token

from ..date_narrative import across_a_gap
from ..dates import DateContext
from ..records import DateValue
from . import locations
from .counts import Found, toll_noun
from .verbs import NOUN_KINDS, kind_of, negated
from .statistics import is_statistic, since_a_war_or_a_date
from .words import (ATTACK_VERBS, ATTACKER_NOUNS, COUNTABLE_EVENTS, EVENT_NOUNS, NEW_EVENT_WORDS, PEOPLE_NOUNS,
                    RISE_VERBS, SAY_VERBS, TOLL_NOUNS)

RECALL_DAYS = 7
# Nouns that say nothing about who the people were: "12 people" may restate "12 soldiers".
GENERIC_PEOPLE = {"people", "person", "other", "others", "individual", "victim", "casualty"}


@dataclass
class Group:
    found: list[Found]
    role: str
    sentences: list[int] = field(default_factory=list)     # every sentence that tells it
    kinds: dict[int, set[str]] = field(default_factory=dict)  # sentence -> kinds it tells ("*": all)
    date: DateValue | None = None                          # the date its first sentence gives

    def tell(self, sentence: int, kinds: set[str]) -> None:
        if sentence not in self.kinds:
            self.sentences.append(sentence)
            self.kinds[sentence] = set()
        self.kinds[sentence] |= kinds


# ---------------------------------------------------------------- dates of events

def _clause_verb(tok: Token) -> Token | None:
    for a in (tok, *tok.ancestors):
        if a.pos_ in ("VERB", "AUX") and a.dep_ != "amod":
            return a
    return None


def dates_a_report(span: Span) -> bool:
    """"police said on Monday", "posted Monday", "rose to 21 on Wednesday", "since 2019"."""
    root = span.root
    if any(a.lower_ == "since" for a in (root, *root.ancestors) if a.dep_ == "prep") or root.head.lower_ == "since":
        return True
    if any(c.dep_ == "mark" and c.lower_ == "since" and since_a_war_or_a_date(a)
           for a in root.ancestors if a.pos_ in ("VERB", "AUX") for c in a.children):
        return True                  # "since the war began on Oct. 7, 2023": the start of a period
    verb = _clause_verb(root)
    if verb is None:
        return False
    verb = _reported_clause_around(span, verb) or verb
    if any(a.lemma_.lower() in EVENT_NOUNS and a.pos_ == "NOUN" for a in root.ancestors if a.i != verb.i
           and verb in a.ancestors):
        return False                 # "the toll from Saturday's bombing rose": the bombing's date
    lemma = verb.lemma_.lower()
    if lemma in SAY_VERBS and not any(c.lemma_.lower() == "life" for c in verb.children):
        return True                  # (but "claimed the lives of 20 people on Monday" dates the deaths)
    noun = toll_noun(verb)
    if noun is not None and noun.i < span.start and span.end <= verb.i:
        return False                 # "the toll from an earthquake that struck X on Tuesday rose": the quake's
    return lemma in RISE_VERBS | {"stand"} and noun is not None and noun.dep_ == "nsubj"


def _reported_clause_around(span: Span, verb: Token) -> Token | None:
    """"Three rebels were killed in a clash in A, B, on Thursday, the army said": a date the parser
    hangs on the verb of saying that follows it stands inside the reported clause, which begins
    before it; the clause's verb is the one it dates."""
    if verb.lemma_.lower() not in SAY_VERBS or span.end > verb.i:
        return None
    return next((c for c in verb.children
                 if c.dep_ == "ccomp" and c.i < span.start and c.left_edge.i < span.start), None)


def _dates_another_event(span: Span, anchor: Token) -> bool:
    """"arrested four suspects in connection with the killing of a farmer on Sunday night": a date
    on another event's noun dates that event, not the arrest or the release told of it."""
    if kind_of(anchor) not in ("arrested", "released"):
        return False
    for a in span.root.ancestors:
        if a == anchor:
            return False
        if a.pos_ == "NOUN" and (a.lemma_.lower() in EVENT_NOUNS or a.lemma_.lower() in NOUN_KINDS):
            return True
    return False


def _dates_other_people(span: Span, anchor: Token) -> bool:
    """"freed two crewmen kidnapped six months ago": the date of the reduced relative
    is the kidnapping's, not the release's."""
    verb = _clause_verb(span.root)
    if verb is None or verb == anchor:
        return False
    if verb.dep_ in ("acl", "relcl") and kind_of(verb) is not None and not (
            verb.head.lemma_.lower() in TOLL_NOUNS | {"people", "person"} and _is_toll(anchor)) and not (
            verb.head.dep_ == "conj" and verb.head.head == anchor):
        # (but "the number of people killed in Sunday's blast rose to 31", and "Two were killed and
        # three others injured ... on Sunday": the parser hangs the second count on the first verb)
        return True
    # "Governor X, who met elders on Saturday, condemned the attack": what a person did, not the attack
    return (verb.dep_ == "relcl" and anchor not in verb.subtree
            and any(c.lower_ in ("who", "whom") for c in verb.children))


def _is_toll(verb: Token) -> bool:
    """"The death toll / the number of people killed ... rose to 31"."""
    noun = toll_noun(verb)
    return verb.lemma_.lower() in RISE_VERBS | {"stand"} and noun is not None and noun.dep_ in ("nsubj", "nsubjpass")


def _attachment(span: Span, anchor: Token) -> float:
    """0: the date hangs off the anchor; 1: off its clause; 1.5: off a clause above it ("a court on
    Tuesday sentenced the father of a teenager who shot dead nine pupils in May last year": May
    dates the shooting); 2: elsewhere."""
    root = span.root
    if anchor in root.ancestors:
        return 0
    head = _clause_verb(root)
    if head is not None and (head == anchor or head == _clause_verb(anchor)):
        return 1
    if head is not None and head in anchor.ancestors:
        return 1.5
    return 2


def event_date(ctx: DateContext, sentence: int, anchor: Token) -> DateValue | None:
    """The date expression of a sentence that dates the event ``anchor`` tells."""
    candidates = [e for e in ctx.in_sentence(sentence) if e.value is not None and not dates_a_report(e.span)
                  and not _dates_other_people(e.span, anchor) and not _dates_another_event(e.span, anchor)
                  and not _bound_of_an_end(e.span)]
    if not candidates:
        return None
    best = min(candidates, key=lambda e: (_end_of_span(e.span), _attachment(e.span, anchor),
                                          abs(e.span.root.i - anchor.i)))
    return across_a_gap(best.value, best.span.root, anchor)   # "..., a day after a soldier was killed"


# Prepositions and verbs of a span's end or its continuation: "continued into Wednesday",
# "lasted until Friday", "clashes went on Thursday" tell when it was still going, not when it was.
END_PREPS = {"into", "until", "till", "through", "throughout"}
GO_ON_VERBS = {"continue", "last", "persist", "drag", "resume", "rage", "extend", "spill"}


def _bound_of_an_end(span: Span) -> bool:
    """"(the fighting,) which lasted until Monday morning", "recovered 30 bodies by Thursday
    morning": when it stopped or a deadline, never its date."""
    root = span.root
    if root.dep_ in ("compound", "nmod"):
        root = root.head                 # "by Thursday morning": the weekday names the morning
    return root.dep_ == "pobj" and root.head.lower_ in ("until", "till", "by")


def _end_of_span(span: Span) -> bool:
    """A date of when an event was still going or ended, a worse date for it than one of
    when it began ("erupted on Tuesday night and continued into Wednesday": Tuesday)."""
    root = span.root
    if root.dep_ == "pobj" and (root.head.lower_ in END_PREPS or root.head.lower_ == "to" and any(
            c.lower_ == "from" for c in root.head.head.children)):
        return True
    verb = _clause_verb(root)
    return verb is not None and verb.lemma_.lower() in GO_ON_VERBS


def _same_date(a: DateValue | None, b: DateValue | None) -> bool:
    if a is None or b is None:
        return True
    if a.iso and b.iso:
        return a.iso == b.iso or (a.precision != b.precision and (a.iso.startswith(b.iso[:7]) or b.iso.startswith(a.iso[:7])))
    return a.raw.strip().lower() == b.raw.strip().lower()


def _period_end(value: DateValue) -> date | None:
    if not value.iso:
        return None
    start = date.fromisoformat(value.iso[:10])
    if value.precision == "year":
        return date(start.year, 12, 31)
    if value.precision == "month":
        nxt = date(start.year + (start.month == 12), start.month % 12 + 1, 1)
        return nxt - timedelta(days=1)
    return start


# ---------------------------------------------------------------- kinds of sentences

def is_total(f: Found) -> bool:
    """Several incidents counted together: "died in attacks", "two attacks killed 13"."""
    verb = f.verb
    nouns = [c for c in verb.children if c.dep_ in ("nsubj",)]
    nouns += [p for c in verb.children if c.dep_ == "prep" and c.lower_ in ("in", "during")
              for p in c.children if p.dep_ == "pobj"]
    return any(n.lemma_.lower() in COUNTABLE_EVENTS and n.tag_ == "NNS" for n in nouns)


def opens_new_event(sent: Span) -> bool:
    """"a second attack", "In a separate incident", "another blast", "Elsewhere, ..."."""
    for t in sent:
        if t.lower_ in ("elsewhere", "separately", "meanwhile") and t.dep_ == "advmod":
            return True
        if t.lemma_.lower() in EVENT_NOUNS and t.pos_ == "NOUN":
            if any(c.lower_ in NEW_EVENT_WORDS for c in t.children if c.dep_ in ("amod", "det")):
                return True
    return False


# The kind a sentence is told with when it gives the incident's place and nothing else.
PLACE_ONLY = "@place"
# "the deaths", "the casualties": the people counted just before.
TOLL_REFERENCES = {"deaths", "casualties", "fatalities", "dead"}
# "the ensuing gunfight", "the subsequent exchange of fire": what came of the event just told.
ENSUING = {"ensuing", "subsequent", "resulting", "resultant", "following"}


def definite_event(sent: Span) -> Token | None:
    """"in the attack", "The flooding began ...": a definite event told before (not one
    the sentence denies: "is not linked to the attack in X")."""
    for t in sent:
        if t.lower_ in TOLL_REFERENCES and any(c.dep_ == "det" and c.lower_ == "the" for c in t.children):
            return t                 # "Most of the deaths were in X province"
        if t.pos_ == "NOUN" and t.tag_ == "NN" and any(c.dep_ == "amod" and c.lower_ in ENSUING for c in t.children) \
                and any(c.dep_ == "det" and c.lower_ == "the" for c in t.children):
            return t                 # "In the ensuing exchange of fire": whatever the noun, what followed it
        if t.lemma_.lower() in EVENT_NOUNS and t.pos_ == "NOUN" and t.tag_ == "NN" and not any(
                negated(a) for a in t.ancestors if a.pos_ in ("VERB", "AUX")):
            dets = [c.lower_ for c in t.children if c.dep_ == "det"]
            if dets and dets[0] in ("the", "this", "that") and not any(
                    c.lower_ in NEW_EVENT_WORDS or c.pos_ == "PROPN" for c in t.children if c.dep_ in ("amod", "compound")):
                return t
    return None


def describes_event(sent: Span) -> bool:
    """An event told in a sentence without counts: an event noun or an attack verb with its subject."""
    return any(t.lemma_.lower() in EVENT_NOUNS and t.pos_ == "NOUN" for t in sent) or any(
        t.lemma_.lower() in ATTACK_VERBS and t.pos_ == "VERB" and any(c.dep_ == "nsubj" for c in t.children)
        and any(c.dep_ == "dobj" for c in t.children) for t in sent)


def _kinds_told(sent: Span) -> set[str]:
    """Kinds of harm a sentence without counts tells: "the militants released A and B"."""
    return {k for t in sent if t.pos_ == "VERB" and not negated(t) and (k := kind_of(t))}


def _bare(sent: Span, index: int, ctx: DateContext) -> bool:
    """No place, no date and no event of its own: "Seven are missing," it said."""
    own_dates = [e for e in ctx.in_sentence(index) if not dates_a_report(e.span)]
    return not own_dates and not locations.in_sentence(sent, index) and not any(
        t.lemma_.lower() in EVENT_NOUNS and t.pos_ == "NOUN" for t in sent)


def _follows_up(found: list[Found], sent: Span, index: int, ctx: DateContext) -> bool:
    """Arrests or releases with no place of their own after an incident: "Police arrested
    three suspects on Monday night" belongs to the attack told before."""
    return all(f.count.kind in ("arrested", "released") for f in found) and not locations.in_sentence(sent, index)


def _same_count(a: Found, b: Found) -> bool:
    """The same kind and number of the same people: "12 soldiers" told again ("the two
    hostages" may name them anew; "two farmers" after "two soldiers" are others)."""
    x, y = a.count, b.count
    if not (x.kind == y.kind and x.side == y.side and x.count is not None and x.count == y.count
            and (x.count >= 2 or a.restates)):
        return False
    if a.restates:
        return True
    who = {f.noun.lemma_.lower() for f in (a, b) if f.count.victims and f.noun.lemma_.lower() not in GENERIC_PEOPLE}
    return len(who) <= 1


# ---------------------------------------------------------------- grouping

def group(found: list[Found], sents: list[Span], ctx: DateContext, skip: set[int]) -> list[Group]:
    """Counts into incidents, sentences without counts joined to the incidents they tell."""
    groups: list[Group] = []
    places: dict[int, set[str]] = {}

    def named(s: int) -> set[str]:
        if s not in places:
            places[s] = {p.name.lower() for p in locations.in_sentence(sents[s], s)}
        return places[s]

    by_sentence: dict[int, list[Found]] = {}
    for f in found:
        by_sentence.setdefault(f.count.sentence, []).append(f)
    for i in sorted(by_sentence):
        sent = sents[i]
        stats = [f for f in by_sentence[i] if is_statistic(f)]
        rest = [f for f in by_sentence[i] if f not in stats]
        if stats:
            g = Group(stats, "statistic")
            g.tell(i, {f.count.kind for f in stats})
            groups.append(g)
        if not rest:
            continue
        own_date = next((d for f in rest if (d := event_date(ctx, i, f.verb)) is not None), None)
        live = [g for g in groups if g.role != "statistic"]
        target = None
        if live and not opens_new_event(sent) and not any(_earlier_event(f.verb) for f in rest):
            # told again, unless somewhere else ("two soldiers in A" ... "two soldiers in B")
            same = [g for g in reversed(live) if any(_same_count(f, h) for f in rest for h in g.found)
                    and _same_date(g.date, own_date) and (rest[0].restates or not named(i) or not (
                        g_places := set().union(*(named(s) for s in g.sentences))) or named(i) & g_places)]
            if same:
                target = same[0]
            elif rest[0].refers_back:      # (a later count's "others" points inside its own sentence)
                target = live[-1]            # "Five of them were later freed on March 8": its own date is fine
            elif _bare(sent, i, ctx) and _same_date(live[-1].date, own_date):
                target = live[-1]            # "Seven are missing," it said.
            elif definite_event(sent) is not None or _follows_up(rest, sent, i, ctx):
                # "... in the attack", "Police arrested three suspects": the latest incident
                # reported (one recalled for context is not what "the attack" means)
                reported = [g for g in live if g.role in ("reported", "total")] or live
                if _same_date(reported[-1].date, own_date):
                    target = reported[-1]
        if target is None:
            target = Group([], _role(rest, own_date, ctx, first=not live), date=own_date)
            groups.append(target)
        elif target.date is None:
            target.date = own_date
        target.found += rest
        target.tell(i, {f.count.kind for f in rest})
    _join_sentences(groups, sents, ctx, set(by_sentence) - skip, skip)
    return groups


def _role(found: list[Found], own_date: DateValue | None, ctx: DateContext, first: bool) -> str:
    if any(is_total(f) for f in found):
        return "total"
    if first and not all(f.verb.dep_ == "relcl" for f in found):
        return "reported"              # (a relative clause, "the rebels, who killed 131 in May", is dated below)
    if any(any(c.dep_ == "aux" and c.lower_ == "had" for c in f.verb.children) for f in found):
        return "recalled"              # "had been killed": told as the past of the story
    if any(_earlier_event(f.verb) for f in found):
        return "recalled"              # "The attack came two weeks after the group killed 21 ..."
    if own_date is not None and own_date.iso:
        end = _period_end(own_date)
        ref = ctx.reference()
        if ref is not None and ref[1] == "published" and end is not None:
            if end < date.fromisoformat(ref[0][:10]) - timedelta(days=RECALL_DAYS):
                return "recalled"
        elif own_date.reference == "absolute":
            return "recalled"          # a full date with its year in an undated story of other days
    return "reported"


def _earlier_event(verb: Token) -> bool:
    """A count told as what an event came after: "the attack came (two weeks) after X killed 21",
    "the bombing follows / happened days after ..."."""
    # the count's own verb or a clause or phrase above it: "came a day after militants ambushed a
    # patrol, killing a soldier", "came hours after a drone attack that left one dead"
    for node in (verb, *verb.ancestors):
        head = node.head
        marked = (node.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in ("after", "since") for c in node.children)
                  or node.dep_ == "prep" and node.lower_ in ("after", "since"))
        if marked and (head.lemma_.lower() in ("come", "follow", "happen", "occur") or head.lemma_.lower() == "take"
                       and any(c.dep_ == "dobj" and c.lower_ == "place" for c in head.children)) \
                and any(c.dep_ == "nsubj" and c.lemma_.lower() in EVENT_NOUNS for c in head.children):
            return True
        if node.dep_ == "ROOT" or node.dep_ in ("ccomp",) and node.lemma_.lower() in ("come", "follow", "happen", "occur"):
            return False
    return False


# Vehicles, which a later sentence may call "the vehicle".
VEHICLE_NOUNS = {"bus", "truck", "lorry", "car", "van", "minibus", "coach", "jeep", "tanker", "train", "boat",
                 "ferry", "vessel", "ship", "plane", "aircraft", "helicopter", "motorcycle", "tractor", "trailer"}
# Verbs of an accident or a blast told of the thing it happened to: "the bus crashed in X".
MISHAP_VERBS = {"crash", "plunge", "overturn", "collide", "derail", "capsize", "sink", "collapse", "explode",
                "skid", "fall", "catch", "burn"}


def _goes_on_about(sent: Span, counted: Span) -> bool:
    """The sentence right after a count that goes on about the same thing: "A bus plunged into a
    gorge, killing 23. The bus was travelling to X when it crashed in Y district." (its subject is
    "it" or a noun of the counted sentence, its verb a mishap)."""
    if opens_new_event(sent):
        return False
    nouns = {t.lemma_.lower() for t in counted if t.pos_ == "NOUN"}
    if nouns & VEHICLE_NOUNS:
        nouns |= {"vehicle"}                # "A bus plunged ... The vehicle fell ..."
    for verb in sent:
        lemma = verb.lemma_.lower()
        if verb.pos_ != "VERB" or lemma not in MISHAP_VERBS | ATTACK_VERBS | ARRIVE_VERBS or negated(verb):
            continue
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None or not (subject.lower_ == "it" or subject.pos_ == "NOUN" and any(
                c.dep_ == "det" and c.lower_ in ("the", "its") for c in subject.children)):
            continue
        word = subject.lemma_.lower()
        # the thing of the mishap ("The bus was travelling ... when it crashed"), or the attackers
        # going on with the attack ("The gunmen raided the village of X on Saturday")
        if lemma in MISHAP_VERBS and (subject.lower_ == "it" or word in nouns) \
                or lemma not in MISHAP_VERBS and (word in ATTACKER_NOUNS or word in nouns and word in PEOPLE_NOUNS):
            return True
    return False


def _dates_the_deaths(deaths: Token, expressions) -> bool:
    """A date on the verb whose subject is "the deaths": "Most of the deaths occurred ... on Saturday"."""
    subject = deaths
    while subject.dep_ in ("pobj", "prep") and subject.head != subject:
        subject = subject.head           # "Most of the deaths occurred"
    return subject.dep_ == "nsubj" and any(e.value is not None and _clause_verb(e.span.root) == subject.head
                                          for e in expressions)


# Verbs of attackers coming to the place of their attack: "the gunmen arrived on motorcycles".
ARRIVE_VERBS = {"arrive", "come", "invade", "enter", "descend", "swoop", "besiege", "surround"}


def _join_sentences(groups: list[Group], sents: list[Span], ctx: DateContext, with_counts: set[int],
                    headline: set[int]) -> None:
    taken = set(with_counts)
    live = [g for g in groups if g.role != "statistic"]
    # the sentence just before a count, when it tells an event; a fragment just after
    # one ("- two in A, one each in B and C")
    for g in live:
        for s in sorted({f.count.sentence for f in g.found}):
            before, after = s - 1, s + 1
            # (not when the count opens a new event, "In a separate incident, ...", nor when the
            # sentence before refers to an incident told earlier: "The attack was blamed on X.")
            if before >= 0 and before not in taken and describes_event(sents[before]) \
                    and not opens_new_event(sents[before]) and not opens_new_event(sents[s]) \
                    and not (definite_event(sents[before]) is not None and any(min(h.sentences) < before for h in live)):
                g.tell(before, {"*"})
                taken.add(before)
            if after < len(sents) and after not in taken and not any(t.pos_ in ("VERB", "AUX") for t in sents[after]) \
                    and any(t.pos_ == "PROPN" for t in sents[after]):
                g.tell(after, set(g.kinds[s]))
                taken.add(after)
            elif after < len(sents) and after not in taken and _goes_on_about(sents[after], sents[s]):
                g.tell(after, {"*"})
                taken.add(after)
    for i, sent in enumerate(sents):
        if i in taken or i in headline:
            continue
        earlier = [g for g in live if min(g.sentences) < i]
        if not earlier:
            continue
        # "the flooding began on Monday", "The incident took place near X": the latest
        # incident reported (an event recalled for context is not what "the attack" means)
        event = definite_event(sent)
        if event is not None and not opens_new_event(sent):
            reported = [g for g in earlier if g.role in ("reported", "total")] or earlier
            # "Most of the deaths were in X, where a landslide ... late Saturday": where, not when; but
            # "Most of the deaths occurred in X on Saturday": the date of the deaths' own verb
            where_only = event.lower_ in TOLL_REFERENCES and not _dates_the_deaths(event, ctx.in_sentence(i))
            reported[-1].tell(i, {PLACE_ONLY} if where_only else {"*"})
            continue
        # "the militants released A and B near X": a kind of harm the incident has, close after it
        kinds = _kinds_told(sent)
        last = earlier[-1]
        if kinds and kinds <= {f.count.kind for f in last.found} and i - max(last.sentences) <= 2:
            last.tell(i, kinds)
