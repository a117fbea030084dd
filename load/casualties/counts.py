"""Casualty counts: a number of people and what happened to them, read off the parse.

A count is a number whose noun is people and that noun is the subject of a
passive casualty verb ("27 members were killed"), the object of an active one
("killing three policemen"), or carries a reduced relative ("13 others
injured"); one noun can carry two ("freed two crewmen kidnapped in June": two
released, two abducted). A singular person counts one ("a civilian driver",
"his wife", "another wounded", and "the mayor of X" named for the first time). Parts of a stated total in apposition ("two
people, a civilian and a soldier") are not counted again. Word numbers are
converted by text2num; "a dozen" is 12; "between 10 and 13" is a range.
Also: "claimed 45 lives" (killed), "were found/feared/reported dead" (a passive
verb of finding and its complement), "took away 40 women" (abducted; arrested
when the police take them), "eight drowned and 23 were missing" (each count its
own verb, however the parser joins them), "sustained injuries", "hacked to death",
"burnt alive", "a total of 14", "the bodies of 11 people". Not "Among the dead were two
children": a part of a toll told elsewhere.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy
from spacy.tokens import Doc, Span, Token

from ..records import CasualtyCount
from .docarrays import Sentences, candidates, columns, string_ids
from .numbers import NON_PEOPLE_ENTS, VAGUE, is_amount, number_spans, read_count, to_int  # noqa: F401 (to_int: API)
from .verbs import (NOUN_KINDS, by_authorities, intransitive, is_passive, kind_of, lives_taken, negated,
                    takes_away, with_complement)
from .words import (ADJ_KINDS, ATTACKER_NOUNS, BODY_NOUNS, COPULAS, NEEDS_PEOPLE, PEOPLE_NOUNS, RISE_VERBS,
                    SAY_VERBS, STATE_VERBS, TOLL_NOUNS)

# Singular nouns for many people: "a police" or "his family" is no count of one.
COLLECTIVE = {"police", "staff", "personnel", "security", "crew", "force", "family", "people", "other",
              "youth", "militia", "group", "army", "public", "population", "community"}
# Endings of nouns for kinds of person, for the ones PEOPLE_NOUNS does not list.
PERSON_ENDINGS = ("er", "or", "ist", "ian", "ant", "ent", "man", "men", "ee", "ier", "eer", "ar", "ic", "ite")
# Collective nouns that "a" makes one person: "a youth was shot dead" (Indian English).
ONE_OF_A_KIND = {"youth"}
# Determiners that make a singular person a count of one.
ONE_DETS = {"a", "an", "another", "one"}


@dataclass
class Found:
    """A count as found in the text, with the words the incident logic needs."""

    count: CasualtyCount
    verb: Token            # the casualty word: its date and clause are the count's
    noun: Token            # the people counted
    refers_back: bool      # "the two hostages", "Five of them", "10 others", "also killed"
    restates: bool         # "the two hostages", "the 10 killed": the same people told again
    toll: bool             # "the toll rose to 35": a later figure that supersedes earlier ones


# ---------------------------------------------------------------- the parse

def predicates(noun: Token) -> list[Token]:
    """The casualty words that say what happened to ``noun``'s people: a
    reduced relative on the noun ("crewmen kidnapped in June") and the verb
    the noun depends on ("freed two crewmen")."""
    if noun.lower_ in ADJ_KINDS and noun.pos_ == "ADJ":
        return [noun]                             # "five dead"
    own = _own_verb_before_conj(noun)
    if own is not None:
        return [own]                              # "eight migrants drowned and 23 were missing"
    state = _left_in_state(noun)
    if state is not None:
        return [state]                            # "left 14 people dead and nine others missing"
    # "13 others injured", "27 people killed in ...", "two people still missing": on the noun
    own = [c for c in noun.children if c.dep_ in ("acl", "amod", "relcl") and kind_of(c) and not negated(c)
           and not (c.dep_ == "amod" and c.i < noun.i and c.lower_ not in ADJ_KINDS) and not _agent_of_relative(c)]
    if own and noun.dep_ == "conj":
        return own                                # "287 people killed and 2,060 injured": not the first's word
    # the verb first: "freed two crewmen kidnapped in June" is above all a release
    head = _head_predicate(noun)
    return ([head] if head is not None else []) + [c for c in own if c != head]


def _agent_of_relative(verb: Token) -> bool:
    """"the two men who abducted a schoolboy": the noun is the relative clause's subject and the
    verb has an object, so the noun did it ("the man who died", "who was kidnapped" suffered it)."""
    return (verb.dep_ == "relcl"
            and any(c.dep_ == "nsubj" and c.tag_ in ("WP", "WDT") for c in verb.children)
            and any(c.dep_ == "dobj" for c in verb.children))


def _left_in_state(noun: Token) -> Token | None:
    """"left 14 people dead and nine others missing": each noun of "leave" (or the noun it is
    coordinated with) is in the state written right after it, however the parser hangs it."""
    first = noun
    while first.dep_ == "conj":
        first = first.head
    if first.dep_ != "dobj" or first.head.lemma_.lower() != "leave" or noun.i + 1 >= len(noun.doc):
        return None
    after = noun.doc[noun.i + 1]
    return after if after.lower_ in ADJ_KINDS and after.pos_ in ("ADJ", "VERB") and not negated(after) else None


def _own_verb_before_conj(noun: Token) -> Token | None:
    """"Eight migrants drowned and 23 were missing", parsed as the subject "migrants (drowned)
    and 23" of "were missing": the casualty verb hung on the first noun, before the "and" and
    its second count, is the first count's own clause; the main verb is the second count's."""
    if noun.dep_ not in ("nsubj", "nsubjpass"):
        return None
    # the second count is a bare number ("and 23 were"): "crewmen kidnapped in June and three
    # fishermen were released" are two nouns that share the release
    conj = next((c for c in noun.children if c.dep_ == "conj"), None)
    if conj is None or not conj.like_num:
        return None
    return next((c for c in noun.children if c.dep_ in ("acl", "relcl") and noun.i < c.i < conj.i
                 and c.tag_ in ("VBD", "VBN") and kind_of(c) and not negated(c)), None)


def _head_predicate(noun: Token) -> Token | None:
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ == "of" and head.head.lower_ in BODY_NOUNS \
            and head.head.dep_ in ("dobj", "nsubjpass") and kind_of(head.head.head) == "killed":
        return head.head.head                    # "found the bodies of 11 people"
    if noun.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() == "life" \
            and kind_of(head.head.head) and head.head.dep_ == "dobj":
        return head.head.head                    # "claimed the lives of 20 people"
    if noun.dep_ == "pobj" and head.lower_ == "of" and head.head.pos_ == "NOUN" \
            and head.head.lemma_.lower() in NOUN_KINDS and head.head.i < noun.i:
        return head.head                         # "for the killing of four people", "the murder of a vendor"
    if noun.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in ("total", "group") \
            and head.head.i < noun.i:
        return _head_predicate(head.head)        # "A total of 14 people were rescued"
    # "Between 10 and 12 soldiers were wounded": the noun sits inside a PP
    if noun.dep_ == "pobj" and head.lower_ in ("between", "to", "of") and head.head != head:
        if head.dep_ == "prep" and kind_of(head.head) and not negated(head.head) \
                and head.i < head.head.i and is_passive(head.head):
            return head.head                     # the PP stands where the passive subject would
        return _head_predicate(head) if head.dep_ != "ROOT" else None
    if noun.dep_ == "conj":                       # "three policemen and two civilians"
        first = head
        while first.dep_ == "conj":
            first = first.head
        if _own_verb_before_conj(first) is not None:
            return _head_predicate(first)         # "eight drowned and 23 were missing": 23 are missing
        if first.pos_ in ("NOUN", "PROPN", "NUM", "PRON"):
            found = predicates(first)
            return found[-1] if found else None
    if noun.dep_ == "nsubj" and head.pos_ == "AUX" and head.dep_ in ("auxpass", "aux") and kind_of(head.head) \
            and not negated(head.head):
        return head.head                         # a broken parse: "X were on Monday killed", X under "were"
    kind = kind_of(head)
    # "..., with more than 300 people feared dead / 20 others injured": a clause after "with"
    with_clause = noun.dep_ == "nsubj" and head.dep_ in ("pcomp", "advcl") and head.head.lower_ == "with"
    if with_clause and kind is not None and not negated(head):
        return head
    if kind is None or negated(head):
        # "27 people are dead", "five remain missing": a copula and an adjective
        if noun.dep_ == "nsubj" and (head.lemma_.lower() in COPULAS or with_clause and head.lemma_.lower() in STATE_VERBS) or (
                noun.dep_ == "nsubjpass" and head.lemma_.lower() in STATE_VERBS):   # "were found dead"
            for c in head.children:
                if (c.dep_ in ("acomp", "attr", "oprd") or c.dep_ == "advcl" and c.pos_ == "ADJ") \
                        and kind_of(c) and not negated(head):                        # "went missing"
                    return c
                if c.dep_ == "xcomp" and c.tag_ == "VBN" and noun.dep_ == "nsubjpass" and kind_of(c) and not negated(head):
                    return c                     # "25 people are feared drowned"
        # "left 27 dead": the adjective is a complement of the verb
        if noun.dep_ == "dobj":
            for c in head.children:
                if c.dep_ in ("oprd", "ccomp", "xcomp", "advcl") and c.lower_ in ADJ_KINDS:
                    return c
        return None
    if noun.dep_ == "nsubjpass":
        return head
    if noun.dep_ == "nsubj" and (intransitive(head) or head.pos_ == "ADJ" or is_passive(head) or (
            head.lower_ in ADJ_KINDS and head.tag_ != "VBD"   # "(were) still missing" parsed as a verb
            and (head.tag_ == "VBG" or any(c.dep_ == "aux" and c.lemma_ == "be" for c in head.children)))):
        return head
    if noun.dep_ == "dobj" and not intransitive(head):
        return head
    return None


def counted_noun(num: Span) -> Token:
    """The noun a number counts ("members" of "Twenty-seven IRGC members"),
    or the number itself when it stands alone ("Five of them were released")."""
    # the last number whose head lies outside the span ("Between 10 and 12 soldiers": 10 -> soldiers)
    numbers = [t for t in num if (t.like_num or t.lower_ in VAGUE or t.lower_ in ("dozen", "both"))
               and not (num.start <= t.head.i < num.end)]
    root = numbers[-1] if numbers else num.root
    if (root.dep_ in ("nummod", "compound", "quantmod", "amod", "nmod")
            or root.lower_ == "both" and root.dep_ == "det") and (
            root.head.pos_ in ("NOUN", "PROPN", "PRON") or root.head.lower_ in ADJ_KINDS):
        return root.head                          # "... left five dead": the adjective is the noun
    return root


def _in(tok: Token, span: Span) -> bool:
    return span.start <= tok.i < span.end


def is_people(noun: Token, num: Span) -> bool:
    if _in(noun, num):                            # "Five of them", "dozens"
        return True
    if noun.ent_type_ in NON_PEOPLE_ENTS:
        return False
    lemma = noun.lemma_.lower()
    return (lemma in PEOPLE_NOUNS or noun.lower_ in PEOPLE_NOUNS or lemma.endswith(PERSON_WORDS)
            or noun.pos_ in ("PROPN", "PRON") or noun.ent_type_ == "NORP"
            or any(c.ent_type_ == "NORP" for c in noun.children if c.dep_ in ("amod", "compound")))


# Compounds that end in a person: "schoolgirls", "tribesmen", "townspeople", "policewoman".
PERSON_WORDS = ("girl", "boy", "man", "men", "woman", "women", "people", "child", "children", "person",
                "worker", "soldier", "officer", "guard", "fighter")


def could_be_people(noun: Token, num: Span) -> bool:
    """Killing and wounding need people, or a noun that looks like a kind of person
    ("bystanders", "motorcyclists", "pedestrians"): "killed 300 cattle" is no casualty count."""
    if is_people(noun, num) or noun.lower_ in ADJ_KINDS or noun.tag_ == "NN" and noun.lemma_.lower() == "toll":
        return True
    if lives_taken(noun) or noun.lower_ in BODY_NOUNS:
        return True
    word = noun.lemma_.lower()
    return noun.pos_ != "NOUN" or word.endswith(PERSON_ENDINGS)


def victims(noun: Token, num: Span) -> str | None:
    """The people counted, without the number, articles or brackets: "IRGC members"."""
    if _in(noun, num) or noun.lower_ in ADJ_KINDS or lives_taken(noun) or noun.lower_ in BODY_NOUNS:
        return None
    words = [t for t in noun.subtree
             if t.i <= noun.i and not _in(t, num) and t.dep_ not in ("det", "punct", "advmod", "quantmod", "poss", "case")
             and (t == noun or t.head == noun or _in(t.head, num) or t.head.head == noun)]
    text = " ".join(t.text for t in words).strip()
    return None if not text or noun.lower_ in ("others", "other") else text


def _of_pobj(tok: Token) -> Token | None:
    prep = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    return next((p for p in prep.children if p.dep_ == "pobj"), None) if prep is not None else None


def side(noun: Token, num: Span, before: list[Found]) -> str:
    """victims, or attackers (militants killed in the clash, suspects captured):
    the perpetrator did nothing to the attackers. "others" are of the side of
    the count before them ("killed 10 fighters and wounded six others")."""
    who = noun
    if _in(noun, num):
        who = _of_pobj(noun) or noun              # "Five of them": them is whoever came before
    word = who.lemma_.lower()
    if word in ("other", "others", "another", "they", "them") or who.lower_ in ("others", "another"):
        same_sentence = [f for f in before if _same_sentence(f.noun, noun)]
        return same_sentence[-1].count.side if same_sentence else "victims"
    # (a plural the tagger calls a proper noun keeps its "s" in the lemma: "Naxals", "Cadres")
    return "attackers" if {word, who.lower_, who.lower_.removesuffix("s")} & ATTACKER_NOUNS else "victims"


def _same_sentence(a: Token, b: Token) -> bool:
    first, last = (a, b) if a.i < b.i else (b, a)
    return not any(t.is_sent_start for t in first.doc[first.i + 1: last.i + 1])


def _refers_back(noun: Token, num: Span, verb: Token) -> tuple[bool, bool]:
    """(continues an incident told before, restates its people): "Five of them",
    "two of the hostages", "10 others", "also/later killed"; "the two hostages",
    "the 10 killed"."""
    dets = [c for t in (noun, *num) for c in t.children if c.dep_ in ("det", "poss")]
    restates = any(d.lower_ in ("the", "these", "those") for d in dets) and not _in(noun, num) or (
        _in(noun, num) and any(d.lower_ in ("the", "these", "those") for d in dets))
    pobj = _of_pobj(noun)
    subset = pobj is not None and (pobj.pos_ == "PRON" or any(
        d.dep_ == "det" and d.lower_ in ("the", "these", "those") for d in pobj.children))
    others = noun.lower_ in ("others", "another") or any(
        c.lower_ in ("other", "more", "further", "additional") for c in noun.children if c.dep_ == "amod")
    also = any(c.lower_ in ("also", "later", "too", "subsequently", "eventually") for c in verb.children if c.dep_ == "advmod")
    if num.text.lower() == "both":
        return True, True                         # "Both passengers were arrested": the two told before
    return restates or subset or others or also, restates


def claimed_by(verb: Token) -> str | None:
    """Who gave the number: "..., police said" -> police; "an official told
    state television" -> state television; "according to X" -> X."""
    from .perpetrators import phrase, proper_name

    for anc in verb.ancestors:
        if anc.lemma_.lower() == "claim" and any(c.dep_ == "dobj" for c in anc.children):
            continue                              # "X claimed (responsibility for) the attack that killed 20"
        if anc.lemma_.lower() in SAY_VERBS:
            subj = next((c for c in anc.children if c.dep_ == "nsubj"), None)
            if subj is None and anc.dep_ in ("advcl", "xcomp", "conj"):
                # "a councilman gave a higher toll, saying 15 were killed": the speaker is the clause's
                subj = next((c for c in anc.head.children if c.dep_ == "nsubj"), None)
            if anc.lemma_.lower() == "tell":
                # "an official told state television": the outlet carries the
                # number, unless it is a named source telling "reporters"
                obj = next((c for c in anc.children if c.dep_ in ("dobj", "dative")), None)
                if obj is not None and obj.lemma_.lower() not in PEOPLE_NOUNS and obj.pos_ != "PRON" and not (
                        subj is not None and proper_name(subj)):
                    return phrase(obj)
            if subj is not None and subj.pos_ != "PRON":
                return phrase(subj)
    sent = verb.sent
    for tok in sent:
        if tok.lower_ == "according" and tok.i + 1 < sent.end and tok.nbor().lower_ == "to":
            pobj = next((c for c in tok.nbor().children if c.dep_ == "pobj"), None)
            if pobj is not None:
                return phrase(pobj)
    # "X said" with the casualty clause as its complement, in either order
    root = sent.root
    if root.lemma_.lower() in SAY_VERBS and root != verb and not (
            root.lemma_.lower() == "claim" and any(c.dep_ == "dobj" for c in root.children)):
        subj = next((c for c in root.children if c.dep_ == "nsubj"), None)
        if subj is not None and subj.pos_ != "PRON":
            return phrase(subj)
    return None


def toll_noun(verb: Token) -> Token | None:
    """The toll a verb says something of: "The death toll rose", "put the toll at 45"; and "The
    number of people confirmed dead ... rose to 12", parsed as "the number (was) confirmed", with
    "rose" a clause of it."""
    noun = next((c for c in verb.children if c.dep_ in ("nsubj", "dobj", "nsubjpass")
                 and c.lemma_.lower() in TOLL_NOUNS), None)
    if noun is None and verb.dep_ in ("advcl", "conj") \
            and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        noun = next((c for c in verb.head.children if c.dep_ == "nsubj" and c.lemma_.lower() in TOLL_NOUNS), None)
    return noun


def _toll_verb(noun: Token) -> Token | None:
    """"The death toll rose to 35" / "stands at 35" / "put the toll at 45": the verb of a toll."""
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ in ("to", "at") and head.dep_ == "prep":
        verb = head.head
        if toll_noun(verb) is not None:
            return verb
    return None


def _toll_kind(verb: Token) -> str | None:
    """What a toll counts: "the (death) toll", "the number of dead" are the killed; "the number of
    abducted students" the abducted; "the number of casualties" says no kind (None)."""
    noun = toll_noun(verb)
    if noun is None:
        return None
    of = [t for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for t in c.subtree]
    if noun.head != verb:       # "the number of people (confirmed dead)": the words the parser hung above it
        of += [c for c in noun.head.children if c.dep_ in ("oprd", "acomp", "xcomp")] + [noun.head]
    for tok in of:
        kind = kind_of(tok) or ADJ_KINDS.get(tok.lower_)
        if kind:
            return kind
    if of:
        return None       # "the number of casualties / students": not said what happened to them
    return "killed" if noun.lemma_.lower() == "toll" or any(
        c.lower_ in ("death", "dead") for c in noun.children) else None


def _is_toll_rise(verb: Token) -> bool:
    noun = toll_noun(verb)
    return verb.lemma_.lower() in RISE_VERBS and noun is not None and noun.dep_ == "nsubj"


def _in_apposition(noun: Token) -> bool:
    """"two people, a civilian and a soldier": the parts of a total already counted."""
    t = noun
    while t.dep_ == "conj":
        t = t.head
    return t.dep_ == "appos"


def _singular_people(doc: Doc, covered: set[int], arr: numpy.ndarray, body_start: int = 0) -> list[tuple[Span, Token]]:
    """Counts of one: "a civilian driver", "his wife", "an ADF fighter", "another wounded"."""
    out = []
    for i in sorted(set(candidates(arr, _PEOPLE_IDS, _PEOPLE_IDS, tag="NN")) | set(candidates(arr, _ANOTHER_ID))):
        t = doc[i]
        if t.i in covered:
            continue
        if t.lower_ == "another" and t.dep_ in ("det", "nsubj", "nsubjpass", "dobj") and kind_of(t.head) \
                and t.head.i > t.i:
            out.append((doc[t.i: t.i + 1], t))    # "one police officer dead and another wounded"
            continue
        if t.tag_ != "NN" or not (t.lemma_.lower() in PEOPLE_NOUNS or t.lower_ in PEOPLE_NOUNS):
            continue
        if t.lower_ in COLLECTIVE and not (t.lower_ in ONE_OF_A_KIND and any(
                c.dep_ == "det" and c.lower_ in ("a", "an") for c in t.children)):
            continue                              # "the police", "his family"; but "a youth" is one young man
        if any(c.dep_ == "nummod" for c in t.children):
            continue
        det = next((c for c in t.children if c.dep_ == "det" and (c.lower_ in ONE_DETS or c.lower_ == "the"
                                                                   and _first_mention(t, body_start))), None)
        # ("whose daughter was missing" describes someone in passing)
        poss = next((c for c in t.children if c.dep_ == "poss" and c.lower_ != "whose"), None)
        first = det if det is not None else poss
        if first is None:
            continue
        start = min(c.left_edge.i for c in (first,))
        out.append((doc[start: t.i + 1], t))
    return out


# Nouns that "the" makes someone told before, never a first mention: "the victim", "the deceased".
TOLD_BEFORE = {"victim", "casualty", "survivor", "deceased", "person", "individual", "other", "member", "occupant"}


def _first_mention(noun: Token, body_start: int = 0) -> bool:
    """"The mayor of X was shot dead", "The driver was arrested": a definite singular person the
    article names for the first time is one person (not "the victim", not "the soldier" after "a
    soldier was killed", not "the two"). The headline (the tokens before ``body_start``) does not
    count: "Mayor shot dead in X" above "The mayor of X was shot dead" tells the same news first."""
    lemma = noun.lemma_.lower()
    if lemma in TOLD_BEFORE or noun.tag_ != "NN" or noun.lower_ in COLLECTIVE:
        return False
    return not any(t.lemma_.lower() == lemma for t in noun.doc[body_start: noun.i])


_PEOPLE_IDS = string_ids(PEOPLE_NOUNS)
_ANOTHER_ID = string_ids(["another"])


def counts_in(doc: Doc, sentence_of: Sentences, body_start: int = 0) -> list[Found]:
    """Every casualty count of the article, in text order (``body_start``: the first token after
    the headline, when the text opens with it)."""
    out: list[Found] = []
    arr = columns(doc)
    spans = number_spans(doc, arr)
    covered = {t.i for s in spans for t in s} | {counted_noun(s).i for s in spans}
    anchors = [(s, counted_noun(s), False) for s in spans]
    anchors += [(s, noun, True) for s, noun in _singular_people(doc, covered, arr, body_start)]
    anchors.sort(key=lambda a: a[0].start)
    for num, noun, singular in anchors:
        if _in_apposition(noun) or not singular and is_amount(num):
            continue
        if singular and noun.lower_ == "another":
            verbs = [noun.head]
        else:
            verbs = predicates(noun)
        toll = False
        if not verbs:
            verb = _toll_verb(noun)
            if verb is None:
                continue
            verbs, toll = [verb], True
        for verb in verbs:
            kind = _toll_kind(verb) if toll else kind_of(verb)
            if kind is None or (kind in NEEDS_PEOPLE and not is_people(noun, num)) \
                    or (noun.ent_type_ in NON_PEOPLE_ENTS and not _in(noun, num)) \
                    or not (toll or could_be_people(noun, num)):
                continue
            if verb.lemma_.lower() == "rescue" and not _captivity_told(doc):
                continue                          # "rescued 45 people" from a flood: nobody was held
            if singular:
                count, low, high, qualifier = 1, None, None, None
            else:
                count, low, high, qualifier = read_count(num)
                if count is None and qualifier is None:
                    continue
            who = side(noun, num, out)
            if verb.lemma_.lower() in ("seize", "capture") or takes_away(verb) or with_complement(verb, "take", ("hostage", "captive")):
                kind = "arrested" if who == "attackers" or by_authorities(verb) else "abducted"
            back, restates = _refers_back(noun, num, verb)
            record = CasualtyCount(
                kind=kind, count=count, text=num.text, start=num.start_char, end=num.end_char,
                sentence=sentence_of(num[0]), low=low, high=high, qualifier=qualifier,
                victims=victims(noun, num) if not singular else _singular_victims(noun),
                claimed_by=claimed_by(verb), side=who, claim=verb.i)
            out.append(Found(record, verb, noun, back, restates, toll or _is_toll_rise(verb)))
    return out


# Beginnings of words that tell people were held: a rescue of them is a release.
CAPTIVITY_STEMS = ("kidnap", "abduct", "hostage", "captiv", "captor", "hijack", "ransom")


def _captivity_told(doc: Doc) -> bool:
    """Whether the article tells of people held (kidnapped, taken hostage): only then is a rescue a
    release; people rescued from a flood or a collapsed building were never held."""
    if "casualties_captivity" not in doc.user_data:
        doc.user_data["casualties_captivity"] = any(t.lower_.startswith(CAPTIVITY_STEMS) for t in doc)
    return doc.user_data["casualties_captivity"]


def _singular_victims(noun: Token) -> str | None:
    if noun.lower_ == "another":
        return None
    # "a 32-year-old man", "his wife", "the gunman's wife": the words after the determiner
    skip = {t.i for c in noun.children if c.dep_ in ("det", "poss") for t in c.subtree}
    words = [t for t in noun.subtree if t.i <= noun.i and t.i not in skip]
    return noun.doc[words[0].i: noun.i + 1].text if words else noun.text
