"""Casualty counts (killed, injured, abducted, released, arrested, missing)
grouped into incidents with their date, place, perpetrator and role.

One module per mechanism: ``counts`` reads the numbers of people (``numbers``) and what
happened to them (``verbs``: what a casualty word says happened); ``incidents`` groups them into incidents and tells reported
incidents from recalled ones, totals and statistics (``statistics``), and picks the date
expression that dates each; ``locations`` finds the finest place;
``perpetrators`` finds who did it (``state_actors``: "Israeli strikes") and ties claims to incidents. ``words``
holds the shared vocabulary. Everything is read off spaCy's parse of the one
Doc; dates are resolved by ``dates.DateContext``.
"""
from __future__ import annotations

from collections import Counter

from spacy.tokens import Doc, Span, Token

from ..countries import country_of
from ..dates import DateContext
from ..records import Article, DateValue, Incident
from . import locations, perpetrators
from .acronyms import acronyms, expand
from .counts import Found, _of_pobj, counts_in, read_count, to_int
from .docarrays import Sentences
from .incidents import PLACE_ONLY, Group, dates_a_report, event_date, group
from .perpetrators import RANK, Attribution
from .words import ADJ_KINDS, AUTHORITY_NOUNS

# Nouns for people held captive: "two of the hostages were freed" moved from abducted.
CAPTIVE_NOUNS = {"hostage", "captive", "abductee"}

__all__ = ["extract", "to_int", "read_count"]

# How far an attribution told between two sentences of an incident stands from it, beside one
# in its own sentences (0-) and a claim told apart (1000-).
BETWEEN = 500
# Acts of their own (each arrest, each release): undated, they are not dated by the incident.
LATER_ACTS = {"released", "arrested"}


def _headline_sentence(sents: list[Span], article: Article | None) -> int | None:
    if article is None or not article.title or not sents:
        return None
    return 0 if sents[0].text.strip() == article.title.strip() else None


def _body_start(doc: Doc, article: Article | None) -> int:
    """The first token after the headline the text opens with (0 when it does not)."""
    title = (article.title or "").strip() if article is not None else ""
    if not title or not doc.text.startswith(title):
        return 0
    span = doc.char_span(0, len(title), alignment_mode="expand")
    return span.end if span is not None else 0


def extract(doc: Doc, article: Article | None = None, date_context: DateContext | None = None) -> list[Incident]:
    """Casualty incidents of one article, in text order."""
    sentence_of = Sentences(doc)
    sents = sentence_of.spans(doc)
    headline = _headline_sentence(sents, article)
    found = counts_in(doc, sentence_of, _body_start(doc, article))
    if not found:
        return []
    ctx = date_context or DateContext(doc, article)
    skip = {headline} if headline is not None else set()
    # a headline restates the body's counts ("Gunmen kill 7 in ..."): not a second claim
    found = [f for f in found if f.count.sentence not in skip]
    if not found:
        return []
    groups = group(found, sents, ctx, skip)
    attributions = perpetrators.normalise(perpetrators.attributions(doc, sentence_of), doc)
    dateline = article.dateline if article is not None else None
    incidents = [_incident(g, sents, ctx, dateline) for g in groups]
    _dated_by_their_total(incidents)
    _perpetrators(groups, incidents, attributions, headline)
    return incidents


def _incident(g: Group, sents: list[Span], ctx: DateContext, dateline: str | None) -> Incident:
    """Date and place of a group's incident, and of each count where its own differ."""
    counts = [f.count for f in g.found]
    incident = Incident(counts=counts, sentences=sorted(g.sentences), role=g.role)
    primary = g.found[0].count.kind
    incident.date = _date_for(g, primary, ctx, sents)
    # a release or an arrest told first: the incident is that act (dated by its own words), and a
    # harm told without a date of its own happened when the first harm did ("130 pupils abducted on
    # March 7 have been released ... One teacher was killed during the attack")
    harm = next((f.count.kind for f in g.found if f.count.kind not in LATER_ACTS), primary)
    harm_date = incident.date if harm == primary else _date_for(g, harm, ctx, sents)
    incident.place = _place_for(g, primary, sents)
    if incident.place is None and dateline and any(locations.here(sents[s], dateline) for s in g.sentences):
        incident.place = dateline        # "KARVELA - ... in the city": the text puts it where it was filed
    for f in g.found:
        c = f.count
        own = event_date(ctx, c.sentence, f.verb)
        own = _finest(own, g, ctx) if own is not None else None
        if own is None and c.kind != primary:
            own = _date_for(g, c.kind, ctx, sents, kind_only=True)
        # a release or an arrest happens when the text says, not on the incident's day; "rescued 12
        # kidnapped victims on Thursday", "the bodies of the six abducted miners": the adjective tells
        # an earlier act, which the clause's date does not date (not "seven missing soldiers": a state)
        if f.verb.dep_ == "amod" and f.verb.i < f.noun.i and c.kind == "abducted" != primary:
            c.date = None
        else:
            c.date = own if own is not None else (None if c.kind in LATER_ACTS else harm_date)
        place = _place_for(g, c.kind, sents) if c.kind != primary else None
        # its own place only when it names another one, not the country the incident's place is in
        c.place = place if place and place != incident.place and not (
            incident.place and country_of(place) is not None) else None
    _supersede(g)
    _join_moved(g)
    return incident


def _dated_by_their_total(incidents: list[Incident]) -> None:
    """The incidents a dated total is made of, told after it without a date of their own ("eight
    were killed in two separate attacks on Monday. In the first attack, ... In a separate incident,
    ..."), happened that day."""
    total = None
    for incident in incidents:
        if incident.role == "total":
            total = incident if incident.date is not None and incident.date.iso else None
        elif incident.role != "reported":
            total = None
        elif total is not None and incident.date is None:
            incident.date = total.date
            for c in incident.counts:
                if c.date is None and c.kind not in LATER_ACTS:
                    c.date = total.date


def _sentences_for(g: Group, kind: str, kind_only: bool = False) -> list[int]:
    """The sentences that tell ``kind`` of this incident, count sentences first."""
    counted = [f.count.sentence for f in g.found if f.count.kind == kind]
    told = [s for s in sorted(g.sentences) if kind in g.kinds[s] and s not in counted]
    general = [] if kind_only else [s for s in sorted(g.sentences) if "*" in g.kinds[s]]
    return list(dict.fromkeys(counted + told + general))


def _date_for(g: Group, kind: str, ctx: DateContext, sents: list[Span], kind_only: bool = False) -> DateValue | None:
    for f in g.found:
        if f.count.kind == kind:
            value = event_date(ctx, f.count.sentence, f.verb)
            if value is not None:
                return _finest(value, g, ctx)
    counted = {f.count.sentence for f in g.found}
    for s in _sentences_for(g, kind, kind_only):
        if s in counted:
            continue
        value = event_date(ctx, s, sents[s].root)
        if value is not None:
            return _finest(value, g, ctx)
    return None


def _finest(value: DateValue, g: Group, ctx: DateContext) -> DateValue:
    """A month the incident is dated by, or the day its sentences give in that month: "the murder of
    a vendor in August 2021 ... was stabbed to death on August 14, 2021"."""
    if value.precision != "month" or not value.iso:
        return value
    later = {f.count.sentence for f in g.found if f.count.kind in LATER_ACTS}
    for s in sorted(set(g.sentences) - later):       # (not the day of an arrest that month)
        for e in ctx.in_sentence(s):
            day = e.value
            if day is not None and day.iso and day.precision == "day" and day.iso[:7] == value.iso[:7] \
                    and not dates_a_report(e.span):
                return day
    return value


def _place_for(g: Group, kind: str, sents: list[Span]) -> str | None:
    candidates = []
    place_only = [s for s in sorted(g.sentences) if PLACE_ONLY in g.kinds[s]]
    for rank, s in enumerate(_sentences_for(g, kind) + place_only):
        candidates += locations.in_sentence(sents[s], s, order_base=rank * 100_000)
    return locations.finest(candidates)


def _supersede(g: Group) -> None:
    """A toll that rose replaces the earlier figures of its kind, and the figures told after it as
    earlier ones ("Earlier, officials had reported 27 dead"); all are kept."""
    for i, f in enumerate(g.found):
        if not f.toll:
            continue
        for other in g.found[:i] + [h for h in g.found[i + 1:] if _told_as_earlier(h.verb)]:
            c = other.count
            if (c.kind, c.side) == (f.count.kind, f.count.side) and c.count != f.count.count:
                c.superseded = True


def _told_as_earlier(verb: Token) -> bool:
    """"Earlier, officials had reported 27 dead", "the toll was previously put at 30"."""
    for head in [verb, *verb.ancestors][:4]:
        if any(c.dep_ == "advmod" and c.lower_ in ("earlier", "previously", "initially") or
               c.dep_ == "aux" and c.lower_ == "had" for c in head.children):
            return True
    return False


def _moved_from(f: Found) -> str | None:
    """The kind a subset came from when it is now of another: "Three of the injured
    died" (injured), "two of the hostages were freed" (abducted)."""
    if not (f.count.start <= f.noun.idx < f.count.end):
        return None                               # "Three of the injured": the number is the noun
    pobj = _of_pobj(f.noun)
    if pobj is None or not any(d.dep_ == "det" and d.lower_ == "the" for d in pobj.children):
        return None
    was = ADJ_KINDS.get(pobj.lower_) or ("abducted" if pobj.lemma_.lower() in CAPTIVE_NOUNS else None)
    return was if was != f.count.kind else None


def _join_moved(g: Group) -> None:
    """People of an earlier count who are now of another kind ("killing five and injuring
    eight. Three of the injured died") are a stated count of their own (the gold keeps parts
    when no total is given) and a part of the incident's earlier claim of that kind, so the
    incident's toll adds them (5 + 3) instead of taking the larger."""
    for i, f in enumerate(g.found):
        if _moved_from(f) is None:
            continue
        c = f.count
        earlier = [e.count for e in g.found[:i] if (e.count.kind, e.count.side) == (c.kind, c.side)
                   and not e.count.superseded and e.count.sentence < c.sentence]
        if earlier:
            c.claim = earlier[-1].claim


def _perpetrators(groups: list[Group], incidents: list[Incident], found: list[Attribution],
                  headline: int | None) -> None:
    """Who did each incident: its own sentences' attributions, claims tied to it (and what
    the headline says), else the article's one group."""
    tied: dict[int, list[tuple[Attribution, int]]] = {i: [] for i in range(len(groups))}
    # arrests or releases alone: a claim or a blame beside them is about the attack ("Police arrested
    # three suspects. The minister blamed X for the attack")
    later_only = {i for i, g in enumerate(groups) if all(f.count.kind in LATER_ACTS for f in g.found)}
    for a in found:
        about_attack = a.how in ("claimed", "blamed")
        mine = [i for i, g in enumerate(groups) if not (about_attack and i in later_only)]
        own_sentences = {s for i in mine for s in groups[i].sentences}
        for i, g in enumerate(groups):
            if g.role == "statistic":
                continue
            if a.sentence in g.sentences and i in mine:
                tied[i].append((a, abs(a.sentence - min(f.count.sentence for f in g.found))))
            elif a.named and a.sentence not in own_sentences and min(g.sentences) < a.sentence < max(g.sentences):
                # a sentence between two of the incident's tells of it: "150 dead. JNIM jihadists attacked
                # residents ... More than 140 people were wounded"
                tied[i].append((a, BETWEEN + abs(a.sentence - min(g.sentences))))
        if a.sentence in own_sentences or (a.how == "stated" and a.sentence != headline):
            continue
        target = _claim_target(a, groups, incidents)
        if target is not None:
            tied[target].append((a, 1000 + abs(a.sentence - min(groups[target].sentences))))
    # the article's one group: among the attributions that are about its incidents (not "the
    # X group has carried out similar attacks")
    fallback = article_group([a for i in tied for a, _ in tied[i]])
    for i, (g, incident) in enumerate(zip(groups, incidents)):
        if g.role == "statistic":
            continue
        if any(f.count.side == "attackers" for f in g.found):
            # "Two terrorists were killed and a soldier injured in an encounter with security
            # forces": the forces fought the attackers; they did not wound their own soldier
            tied[i] = [(a, d) for a, d in tied[i] if not _state_force(a)]
        name, how = choose(tied[i])
        named = any(a.named and a.name == name for a, _ in tied[i])
        if not named and any(f.count.side == "victims" for f in g.found):
            # "Five New People's Army rebels were killed in a clash ... One soldier was wounded":
            # the group of the attackers who fell wounded the soldier
            group_name = _attackers_group(g, found)
            if group_name is not None:
                name, how, named = group_name, "stated", True
        if not named and fallback is not None and g.role != "recalled":
            name, how = fallback[0], "inferred"   # the article's one group; the text does not say
        incident.perpetrator, incident.attribution = name, how


def _attackers_group(g: Group, found: list[Attribution]) -> str | None:
    """The named group of an incident's attackers-side count ("five X Front militants were
    killed"), spelt as the article's attributions spell it ("ADF" -> its expanded name)."""
    for f in g.found:
        if f.count.side == "attackers" and f.noun.pos_ in ("NOUN", "PROPN"):
            got = perpetrators.who(f.noun)
            if got is not None and got[1]:
                names = [a.name for a in found if a.named and not a.name.isupper()]
                return expand(got[0], acronyms(f.noun.doc), names)
    return None


def _state_force(a: Attribution) -> bool:
    """A generic attribution to the state's own forces ("security forces", "the army")."""
    words = a.name.lower().split()
    return a.how == "stated" and not a.named and bool(words) and words[-1] in AUTHORITY_NOUNS | {"troops", "soldiers"}


def _claim_target(a: Attribution, groups: list[Group], incidents: list[Incident]) -> int | None:
    """The incident a claim, blame or suspicion told apart from the counts is about (an attack, not
    the arrests made after it: "Police arrested three suspects ... X blamed Y for the attack")."""
    live = [i for i, g in enumerate(groups) if g.role in ("reported", "total")]
    harms = [i for i in live if not all(f.count.kind in LATER_ACTS for f in groups[i].found)]
    live = harms or live
    if not live:
        return None
    event = a.event
    if event is not None:
        names = [c.text.lower() for c in event.children if c.dep_ in ("compound", "amod") and c.pos_ == "PROPN"]
        named_places = [n for n in names if n != a.name.lower() and not a.name.lower().startswith(n)]
        if named_places:             # "claimed responsibility for the Patu attack"
            for i, incident in enumerate(incidents):
                text = " ".join(filter(None, [incident.place, *(c.place for c in incident.counts)])).lower()
                if any(n in text for n in named_places):
                    return i
            return None
    first = live[0]
    if a.sentence < min(groups[first].sentences):
        return first                 # the headline or lead, before the counts
    before = [i for i in live if min(groups[i].sentences) < a.sentence]
    if before and (event is None or (event.tag_ == "NN" and any(
            c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in event.children))):
        return before[-1]            # "claimed responsibility for the shooting"
    return None


def choose(candidates: list[tuple[Attribution, int]]) -> tuple[str | None, str | None]:
    """The best (name, attribution) of (attribution, distance) pairs: named first,
    then by how it was attributed, then the nearest."""
    if not candidates:
        return None, None
    best, _ = min(candidates, key=lambda c: (not c[0].named, RANK[c[0].how], c[1]))
    return best.name, best.how


def article_group(found: list[Attribution]) -> tuple[str, str] | None:
    """The one group the article attributes attacks to (the most often named), with
    the strongest way it does so (its incidents without an attribution are "inferred")."""
    named = [a for a in found if a.named]
    if not named:
        return None
    counts = Counter(a.name for a in named)
    top = max(counts.values())
    leaders = [a.name for a in named if counts[a.name] == top]
    name = leaders[0]
    how = min((a.how for a in named if a.name == name), key=RANK.get)
    return name, how
