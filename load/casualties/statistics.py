"""Running totals over a period, which are statistics, not incidents: "since November 2019", "last
year", "so far this year", "in 2019" with no single event, a war's toll, a toll "in this year's
floods", and a count over many events ("287 killed in 2,044 road accidents over the holiday",
"died in 71 crashes"). ``incidents`` keeps them apart: statistics never merge with incidents.
"""
from __future__ import annotations

from spacy.tokens import Token

from ..date_expressions import MONTHS
from .counts import Found
from .numbers import to_int
from .words import EVENT_NOUNS, PERIOD_WORDS, TOLL_NOUNS

# Causes whose tolls are running totals: "the war has killed more than 10,000".
CONFLICT_NOUNS = {"war", "conflict", "insurgency", "unrest", "crisis", "campaign", "epidemic", "pandemic"}
# More events than one story tells: "in 71 crashes" is a season's count, "in two attacks" a total.
MANY_EVENTS = 10


def is_statistic(f: Found) -> bool:
    """A running total over a period: "since November 2019", "last year", "so far
    this year", "in 2019" with no single event, a war's toll, or a count over many events."""
    sent = f.verb.sent
    if f.toll and _toll_of_a_period(f.verb):
        return True                  # "taking the toll in this year's floods to 56"
    if _over_many_events(sent):
        return True                  # "Ninety people died and 312 were injured in 71 crashes"
    singular_event = any(t.lemma_.lower() in EVENT_NOUNS and t.tag_ == "NN" for t in sent)
    for t in sent:
        if t.lower_ == "since" and any(d.ent_type_ == "DATE" and not any(w.lower_.endswith("day") for w in d.subtree)
                                       for d in t.subtree if d != t):
            return True
        if t.lower_ == "since" and t.dep_ == "mark" and since_a_war_or_a_date(t.head):
            return True              # "have been killed since the war began (on Oct. 7, 2023)"
        if t.ent_type_ == "DATE" and t.ent_iob_ == "B":
            end = t.i + 1
            while end < sent.end and t.doc[end].ent_iob_ == "I":
                end += 1
            ent = t.doc[t.i:end]
            words = {w.lower_ for w in ent}
            text = ent.text.lower()
            if "old" in words or "-old" in text:
                continue                 # an age: "three-year-old"
            if _a_prison_term(ent):
                continue                 # "sentenced to 28 years": a term, not a period of counting
            # (a term the parser hangs elsewhere: "... in May last year to three years in prison")
            periods = [w for w in ent if w.lower_ in PERIOD_WORDS and not (w.dep_ == "pobj" and w.head.lower_ == "to")]
            if len(words & MONTHS) == 1 and not any(c.dep_ == "nummod" for w in periods for c in w.children):
                continue                 # a month: "in May last year" is when (not "the 12 months to May")
            period = (bool(periods) and "ago" not in words) or "so far" in text or (
                len(ent) == 1 and t.like_num and len(t.text) == 4)
            if period and not singular_event:
                return True
    subject = next((c for c in f.verb.children if c.dep_ == "nsubj"), None)
    return subject is not None and subject.lemma_.lower() in CONFLICT_NOUNS


def _over_many_events(sent) -> bool:
    """A plural event noun counted in the sentence at ``MANY_EVENTS`` or more ("in 2,044 road
    accidents", "in 71 crashes"): the people counted beside it are a season's or a country's."""
    for t in sent:
        if t.tag_ == "NNS" and t.lemma_.lower() in EVENT_NOUNS:
            number = next((c for c in t.children if c.dep_ == "nummod"), None)
            if number is not None and (to_int([number.text]) or 0) >= MANY_EVENTS:
                return True
    return False


# Verbs whose "to / for N years" is a prison term.
SENTENCING_VERBS = {"sentence", "jail", "imprison", "condemn", "serve", "punish"}


def _a_prison_term(ent) -> bool:
    root = ent.root
    return root.dep_ == "pobj" and root.head.lower_ in ("to", "for") \
        and root.head.head.lemma_.lower() in SENTENCING_VERBS


SEASON_WORDS = {"year", "years", "season", "monsoon", "months", "month", "winter", "summer"}


def _toll_of_a_period(verb: Token) -> bool:
    """A toll whose noun is of a period ("the toll in this year's floods", "this monsoon's toll"):
    a running total, not the incident's."""
    if not any(c.lemma_.lower() in TOLL_NOUNS for c in verb.children):
        return False
    # the toll's own words, or the verb's "in / from / during" phrase the parser hangs them on
    phrases = [c for c in verb.children if c.lemma_.lower() in TOLL_NOUNS
               or c.dep_ == "prep" and c.lower_ in ("in", "from", "during", "for")]
    return any(d.lower_ in SEASON_WORDS and (d.ent_type_ == "DATE" or d.lower_ in ("season", "monsoon"))
               for p in phrases for d in p.subtree)


def since_a_war_or_a_date(clause: Token) -> bool:
    """The clause of "since": a war or a campaign that began, or a date that is no day of the week."""
    if any(c.dep_ in ("nsubj", "nsubjpass") and c.lemma_.lower() in CONFLICT_NOUNS for c in clause.children):
        return True
    dates = [d for d in clause.subtree if d.ent_type_ == "DATE"]
    return bool(dates) and not any(d.lower_.endswith("day") for d in dates)
