"""What a figure measures, as a short noun phrase read from the dependency parse.

``subject_of`` tries, in order:

1. pre-nominal: the noun phrase a measure modifies ("the 950km border" ->
   "border", "a $2.45-billion project" -> "project");
2. post-nominal with a measure adjective: "a pit around 9 ft deep" -> "pit";
2b. a bare noun after "in": "$15 billion in damage" -> "damage" (not "5 km in length");
3. apposition: "the pipeline's length, 900 km" -> "pipeline's length";
4. an "of" phrase: "3 million tonnes of ore" -> "ore"; "a budget of Rs 1.2
   trillion" -> "budget";
5. a compass bearing: "in X, 24 km southwest of Y" -> "X, southwest of Y";
6. a change "by" a figure: "cut the distance between A and B by 60 km" ->
   "cut in the distance between A and B"; "we are growing by 15%" -> "growth";
7. the clause: a noun on the way up ("a loan worth $2.3 billion" -> "loan"),
   the antecedent of a relative clause, else the subject of the verb ("The port
   is about 72 km from ..." -> "port"). When that subject is a person, an
   organisation, a place, a nationality or a pronoun, it is the one who spends,
   owns or grows, not what is measured: money paid, spent or invested is named
   by the verb ("expenditure on the projects", "investment in the plant"), a
   change by its noun ("growth"), and otherwise there is no subject;
7b. a rate held or set at a figure: "kept its key lending rate unchanged at 6.5
   per cent" -> the verb's object; money as the subject of a passive verb of giving
   ("Rs2.1tr has been allocated for defence") -> "allocation for defence"; a
   figure a change started from ("up from X", "compared with X") or a change after a
   comma ("a profit of N12.5bn, up 45 per cent") measures what the
   figure before it in the sentence measures;
8. ellipsis: "2.1 km of the line falls in A while 3.4 km is in B": a figure that
   is itself the subject, with no "of", measures what the figure before it in the
   sentence measures; so does "of which X had been spent".

Never the figure itself, another figure's words, or a unit or scale word ("km",
"crore"). At most ``MAX_SUBJECT_WORDS`` words.
"""
from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from . import currency as C
from . import units as U
from .figure_words import (AGENT_ENTITIES, AGENT_NOUNS, CHANGE_NOUNS, DESCRIBING_VERBS, DIMENSION_NOUNS, DIRECTIONS,
                           MEASURE_NOUNS, RATIO_BASES, STATE_VERBS, TIME_NOUNS, TRANSFER_NOUNS)

HYPHENS = {"-", "–", "—"}
NOUNS = {"NOUN", "PROPN"}
# Determiners and possessives before a pre-nominal measure ("the 950km border").
NP_OPENERS = {"DET", "PRON"}
MAX_SUBJECT_WORDS = 10


def _words(doc: Doc, start: int, end: int) -> int:
    return len(doc[start:end].text.split())


def _is_unit_word(text: str) -> bool:
    key = tuple(text.lower().split())
    return bool(key) and (key in U.UNIT_FORMS or key in C.currency_words() or text.lower() in C.prefixes()
                          or (len(key) == 1 and (key[0] in U.MONEY_SCALES or key[0] in U.MISPRINTED_SCALES)))


def _phrase(tok: Token, exclude) -> str | None:
    """The noun phrase headed by ``tok``: its compound/adjective modifiers, and an
    "of"/"between" phrase when the whole stays short; never a figure."""
    doc = tok.doc
    start = tok.i
    while start - 1 >= 0 and start - 1 not in exclude and not doc[start].is_sent_start:
        left = doc[start - 1]
        if left.text in HYPHENS and start - 2 >= 0 and start - 2 not in exclude \
                and doc[start - 2].pos_ in NOUNS | {"ADJ"} and not doc[start - 2].whitespace_:
            start -= 2      # "coal-fired plant" (not a dateline's "ABUJA - ")
        elif left.dep_ in ("compound", "amod", "nmod", "poss", "case"):
            start -= 1
        else:
            break
    while start < tok.i and (doc[start].text in HYPHENS or doc[start].dep_ == "case"):
        start += 1
    end = tok.i + 1
    stop = _np_end(tok)
    if not any(i in exclude for i in range(end, stop)) and _words(doc, start, stop) <= MAX_SUBJECT_WORDS:
        end = stop
    if _words(doc, start, end) > MAX_SUBJECT_WORDS:
        start, end = tok.i, tok.i + 1
    text = doc[start:_trim_end(doc, start, end)].text
    return None if _is_unit_word(text) else text


def _trim_end(doc: Doc, start: int, end: int) -> int:
    """Drop a dangling conjunction or punctuation ("border and" of "border and water sharing")."""
    while end - 1 > start and (doc[end - 1].pos_ in ("CCONJ", "PUNCT") or doc[end - 1].dep_ == "cc"):
        end -= 1
    return end


def _np_end(tok: Token, depth: int = 0) -> int:
    """Where the noun phrase of ``tok`` ends when it takes in an "of"/"between" phrase
    ("segment of the pipeline", "distance between X and Y") but no relative clause,
    apposition or anything after a comma."""
    end = tok.i + 1
    if depth > 3:
        return end
    for child in tok.rights:
        if child.i != end:
            break
        if child.dep_ == "prep" and child.lower_ in ("of", "between"):
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if not objects:
                break
            end = _np_end(objects[0], depth + 1)
        elif child.dep_ in ("cc", "conj") and tok.dep_ == "pobj":
            end = _np_end(child, depth + 1) if child.dep_ == "conj" else child.i + 1
        else:
            break
    return end


def _following_noun_phrase(doc: Doc, after: int, sent_end: int, figure_tokens: frozenset | set = frozenset()) -> str | None:
    """The noun phrase right after a pre-nominal measure: "Iran–Pakistan gas pipeline"
    in "The 2,775-kilometre Iran–Pakistan gas pipeline, known as ...". Read linearly
    because the parser often hangs such a measure on the wrong word of a long name."""
    j = after
    last_noun = None
    while j < sent_end and j - after < MAX_SUBJECT_WORDS and j not in figure_tokens:   # (not "cost Sh40")
        tok = doc[j]
        if tok.pos_ in NOUNS:
            last_noun = j
        elif not (tok.pos_ == "ADJ" or tok.text in HYPHENS
                  or (tok.tag_ in ("VBN", "VBG") and doc[j - 1].text in HYPHENS)):   # "coal-fired"
            break
        j += 1
    if last_noun is None:
        return None
    end = last_noun + 1
    head = doc[last_noun]
    stop = min(_np_end(head), sent_end)
    if _words(doc, after, stop) <= MAX_SUBJECT_WORDS:
        end = stop
    text = doc[after:_trim_end(doc, after, end)].text
    return None if _is_unit_word(text) else text


def _is_agent(tok: Token) -> bool:
    """A person, organisation, place, nationality or pronoun: who acts, not what is
    measured. Entity labels count on proper nouns only: the small model tags common
    nouns ("Households") as ORG now and then."""
    return (tok.pos_ == "PRON" or (tok.ent_type_ in AGENT_ENTITIES and tok.pos_ == "PROPN")
            or tok.lower_ in AGENT_NOUNS)


def _prep_phrase(heads: list[Token], exclude) -> str | None:
    """ "on the projects" of "incurred ₹X on the projects" (on the verb or on the figure)."""
    for head in heads:
        for child in head.rights:
            if child.dep_ == "prep" and child.lower_ in ("on", "for", "in", "to", "into"):
                objects = [c for c in child.children if c.dep_ == "pobj" and c.pos_ in NOUNS]
                if objects and objects[0].i not in exclude:
                    phrase = _phrase(objects[0], exclude)
                    if phrase:
                        det = [c.text for c in objects[0].lefts if c.dep_ == "det" and c.lower_ in ("the", "a", "an")]
                        return " ".join([child.text, *det[:1], phrase])
    return None


def transfer_noun(verb: Token) -> str | None:
    """The noun for money a verb moves: "spent" -> spending, "set aside" / "set apart" -> allocation."""
    lemma = verb.lemma_.lower()
    if lemma == "set" and any(c.dep_ in ("prt", "advmod") and c.lower_ in ("aside", "apart") for c in verb.children):
        return "allocation"
    return TRANSFER_NOUNS.get(lemma)


def _named_by_verb(verb: Token, anchor: Token, exclude) -> str | None:
    """What money moved by a verb measures: "expenditure on the projects", "investment"."""
    noun = transfer_noun(verb)
    if noun is None:
        return None
    prep = _prep_phrase([anchor, verb], exclude)
    return f"{noun} {prep}" if prep else noun


def _direction(doc: Doc, anchor: Token, start: int, exclude) -> str | None:
    """ "X, 24 km southwest of Y": the bearing of X from Y."""
    bearing = anchor.head
    if bearing.lower_ not in DIRECTIONS or anchor.dep_ not in ("npadvmod", "nmod", "advmod", "pobj", "compound"):
        return None
    places = [c for c in bearing.children if c.dep_ == "prep" and c.lower_ in ("of", "from")]
    objects = [o for p in places for o in p.children if o.dep_ == "pobj"]
    if not objects:
        return None
    where = f"{bearing.text} {places[0].text} {doc[objects[0].left_edge.i:objects[0].i + 1].text}"
    j = _skip_qualifier(doc, start)
    located = None
    if j >= 1 and doc[j].text == "," and doc[j - 1].pos_ in NOUNS:
        located = _phrase(doc[j - 1], exclude)
    elif bearing.head.pos_ in NOUNS and bearing.head.i not in exclude:
        located = _phrase(bearing.head, exclude)
    if located and len(located.split()) + len(where.split()) <= MAX_SUBJECT_WORDS:
        return f"{located}, {where}"
    return where if len(where.split()) <= MAX_SUBJECT_WORDS else None


def _measure_of(noun: Token, exclude) -> str | None:
    """The phrase of a noun that holds a figure ("a cost of $2.1 billion"); a bare
    measure noun says of what when the clause names it: "built at a cost of $2.1
    billion" -> "cost of the coal-fired plant"."""
    phrase = _phrase(noun, exclude)
    owned = any(c.dep_ == "prep" and c.lower_ == "of" and not any(o.i in exclude for o in c.children)
                for c in noun.rights)     # "the cost of the plant" already says of what
    if not phrase or noun.lower_ not in MEASURE_NOUNS or owned:
        return phrase
    head = noun
    for _ in range(4):
        if head.pos_ in ("VERB", "AUX") or head.head.i == head.i:
            break
        head = head.head
    # "X cleared / built the Y at a cost of Z": the cost is of what the verb acts on, its object
    objects = [c for c in head.children if c.dep_ == "dobj" and c.pos_ in NOUNS and c.i not in exclude
               and c != noun
               and not _is_agent(c) and c.lower_ not in TIME_NOUNS] if head.pos_ == "VERB" else []
    subjects = objects or ([c for c in _subjects(head) if not _is_agent(c) and c.i not in exclude
                            and c.lower_ not in TIME_NOUNS] if head.pos_ in ("VERB", "AUX") else [])
    if not subjects and head.dep_ == "acl" and head.head.pos_ in NOUNS and head.head.i not in exclude \
            and not _is_agent(head.head):
        subjects = [head.head]           # "the bridge, built at a cost of $3 billion"
    if subjects:
        owner = _phrase(subjects[0], exclude)
        if owner and len(phrase.split()) + len(owner.split()) + 2 <= MAX_SUBJECT_WORDS:
            the = "the " if any(c.dep_ == "det" and c.lower_ == "the" for c in subjects[0].lefts) else ""
            return f"{phrase} of {the}{owner}"
    return phrase


def _skip_qualifier(doc: Doc, start: int) -> int:
    """The token before a figure and its qualifier ("a pit [around] 9 ft deep")."""
    j = start - 1
    for n in (3, 2, 1):
        if j - n + 1 >= 0 and tuple(t.lower_ for t in doc[j - n + 1:j + 1]) in U.QUALIFIERS:
            return j - n
    return j


def _changed_by(anchor: Token, exclude) -> str | None:
    """A change: "increase GDP by 2.4 per cent" -> "increase in GDP"; "the index fell
    0.7%" -> "index" (whatever changed, a place or a company included: its change is
    what is measured); "we grow by 15%" -> "growth"."""
    if anchor.dep_ == "pobj" and anchor.head.lower_ in ("to", "from") and anchor.head.head.pos_ == "VERB" \
            and anchor.head.head.lemma_.lower() in CHANGE_NOUNS:
        # "raise the budget by 13% to Rs X": the level reached is the budget's
        verb = anchor.head.head
        objects = [c for c in verb.children if c.dep_ == "dobj" and c.pos_ in NOUNS and c.i not in exclude]
        subjects = [c for c in _subjects(verb) if c.pos_ != "PRON" and c.i not in exclude]
        chosen = objects or subjects
        return _phrase(chosen[0], exclude) if chosen else None
    if anchor.dep_ == "pobj" and anchor.head.lower_ == "by" and anchor.head.head.pos_ == "VERB":
        verb = anchor.head.head
    elif anchor.head.pos_ == "VERB" and anchor.dep_ in ("dobj", "npadvmod", "advmod") \
            and anchor.head.lemma_.lower() in CHANGE_NOUNS:
        verb = anchor.head
    else:
        return None
    noun = CHANGE_NOUNS.get(verb.lemma_.lower())
    objects = [c for c in verb.children if c.dep_ == "dobj" and c.pos_ in NOUNS and c.i not in exclude]
    if objects and objects[0].pos_ != "PRON":
        phrase = _phrase(objects[0], exclude)
        if phrase and noun and len(phrase.split()) + 2 <= MAX_SUBJECT_WORDS:
            return f"{noun} in {phrase}"
        return phrase
    subjects = _subjects(verb)
    if subjects and subjects[0].pos_ != "PRON" and subjects[0].i not in exclude:
        return _phrase(subjects[0], exclude)
    return noun


def _subjects(verb: Token) -> list[Token]:
    """The verb's subject, or that of the verb it completes ("the economy is expected
    to grow": the economy grows)."""
    for _ in range(3):
        found = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if found or verb.dep_ != "xcomp":
            return found
        verb = verb.head
    return []


def _clause_subject(anchor: Token, exclude, figure_tokens, known) -> str | None:
    """Climb to what the figure depends on: a noun on the way up, a relative clause's
    antecedent, else the verb's subject (or the verb's own noun when that is an agent).
    A conjunct ("a $750m bond and $2.9bn in loans") climbs from the first conjunct:
    the two stand side by side, neither measures the other."""
    while anchor.dep_ == "conj" and anchor.head.i != anchor.i and anchor.pos_ != "VERB":
        anchor = anchor.head
    # "buy a stake for $1.2 billion": the price of what is bought.
    if anchor.dep_ == "pobj" and anchor.head.lower_ == "for" and anchor.head.head.pos_ == "VERB":
        objects = [c for c in anchor.head.head.children
                   if c.dep_ == "dobj" and c.pos_ in NOUNS and not _is_agent(c)]
        if objects:
            return _phrase(objects[0], exclude)
    verb = anchor
    for _ in range(6):
        if verb.pos_ in ("VERB", "AUX") or verb.head.i == verb.i:
            break
        verb = verb.head
        if verb.pos_ in NOUNS and verb.i not in exclude:
            if verb.i in figure_tokens:
                return known.get(verb.i)
            return None if _is_agent(verb) else _phrase(verb, exclude)
    for _ in range(3):
        if verb.pos_ not in ("VERB", "AUX"):
            return None
        if verb.dep_ in ("relcl", "acl"):
            return _antecedent(verb, exclude, figure_tokens, known)
        # "X spent / invested / paid $Y": X is the payer whatever it is; the verb names the money.
        if anchor.head == verb and anchor.dep_ in ("dobj", "npadvmod") and transfer_noun(verb):
            return _named_by_verb(verb, anchor, exclude)
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects:
            subj = subjects[0]
            if subj.i in exclude:
                return None
            if _is_agent(subj) and (subj.pos_ == "PRON" or verb.lemma_.lower() not in DESCRIBING_VERBS):
                return _named_by_verb(verb, anchor, exclude) if anchor.head == verb else None
            if subj.i in figure_tokens:
                return known.get(subj.i)
            return _phrase(subj, exclude)
        if verb.dep_ in ("xcomp", "conj", "advcl", "ccomp") and verb.head.i != verb.i:
            verb = verb.head
            continue
        return None
    return None


def _compared_with(prep: Token) -> bool:
    """"(, up) from", "compared with/to", "against", "versus": a figure a change started from."""
    word, head = prep.lower_, prep.head.lower_
    return word == "from" and head in ("up", "down") or word in ("with", "to") and head == "compared" \
        or word in ("against", "versus", "vs")


def _held_at(anchor: Token, exclude) -> str | None:
    """"kept its key lending rate unchanged at 6.5 per cent", "raised the repo rate to 6.75%":
    the object of the verb the "at"/"to" hangs on is what the figure measures."""
    if anchor.dep_ != "pobj" or anchor.head.lower_ not in ("at", "to"):
        return None
    verb = anchor.head.head
    if verb.pos_ != "VERB" or transfer_noun(verb):
        return None
    objects = [c for c in verb.children if c.dep_ == "dobj" and c.pos_ in NOUNS and c.i not in exclude]
    return _phrase(objects[0], exclude) if objects and not _is_agent(objects[0]) else None


def _money_given(anchor: Token, exclude) -> str | None:
    """"Rs2.1tr has been allocated for defence": money as the subject of a passive verb of
    giving is named by the verb ("allocation for defence")."""
    verb = anchor.head
    if anchor.dep_ != "nsubjpass" or not transfer_noun(verb):
        return None
    return _named_by_verb(verb, anchor, exclude)


def _antecedent(verb: Token, exclude, figure_tokens, known) -> str | None:
    """What a relative clause ("..., which runs 900 km") is about. When it hangs on
    the object of an "of" ("its segment of the pipeline, which"), keep both nouns;
    when it hangs on another figure ("₹640 crore, of which ₹512 crore had been
    spent"), it measures part of what that figure measures."""
    noun = verb.head
    if noun.i in figure_tokens:
        return known.get(noun.i)
    if noun.pos_ not in NOUNS:
        return None
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.pos_ in NOUNS:
        noun = noun.head.head
    return None if _is_agent(noun) and noun.pos_ == "PROPN" else _phrase(noun, exclude)


def _previous_in_sentence(sentence: Span, start: int, known: dict) -> str | None:
    for i in range(start - 1, sentence.start - 1, -1):
        if known.get(i):
            return known[i]
    return None


# How a change is compared: "12% year-on-year", "5.1 percent y/y", "8% month on month".
PERIOD_COMPARISONS = {"y/y", "yoy", "y-o-y", "m/m", "mom", "q/q", "qoq", "y", "m", "q"}


def _period_comparison(doc: Doc, at: int, end: int) -> bool:
    """"year-on-year" / "y/y" right after a figure says what it is compared with, not what it measures."""
    word = doc[at].lower_
    if word in PERIOD_COMPARISONS:
        return True
    if word in ("y", "m", "q") and at + 1 < end and doc[at + 1].text == "/":
        return True                      # "y/y" as the tokenizer splits it
    following = [t.lower_ for t in doc[at + 1: min(end, at + 5)] if t.text not in HYPHENS]
    return word in ("year", "month", "quarter", "week", "day") and following[:2] in (["on", word], ["over", word])


def _anchor(doc: Doc, start: int, end: int) -> Token:
    """The token that ties the figure to the sentence. When the parser hangs several
    of its tokens outside ("Tk" and "crore" of "Tk 12,500 crore" both objects of the
    verb), the rightmost noun or number: English puts the head last."""
    outside = [t for t in doc[start:end] if not start <= t.head.i < end or t.head.i == t.i]
    nominal = [t for t in outside if t.pos_ in ("NOUN", "PROPN", "NUM")]
    return nominal[-1] if len(outside) > 1 and nominal else doc[start:end].root


def subject_of(doc: Doc, start: int, end: int, after: int, sentence: Span,
               figure_tokens: set[int], known: dict[int, str | None]) -> str | None:
    """The subject of the figure on tokens [start, end) (its bracketed conversion
    runs to ``after``). ``figure_tokens`` are every figure's tokens; ``known`` maps
    the tokens of figures already read to their subjects."""
    exclude = set(range(start, after)) | figure_tokens
    anchor = _anchor(doc, start, end)
    sent_end = sentence.end
    if after < sent_end and _period_comparison(doc, after, sent_end) and anchor.head.i >= after:
        # "rose 12% year on year", parsed with the figure under "year": the comparison stands for it
        comparison = doc[after]
        while comparison.head != comparison and after <= comparison.head.i < after + 5:
            comparison = comparison.head
        exclude |= {t.i for t in comparison.subtree}
        anchor = comparison
    nxt = doc[after] if after < sent_end else None
    before = doc[start - 1] if start > 0 else None
    # "₹640 crore, of which ₹512 crore had been spent": a part of what the figure before measures.
    if start >= 2 and doc[start - 2].lower_ == "of" and doc[start - 1].lower_ == "which":
        previous = _previous_in_sentence(sentence, start, known)
        if previous:
            return previous
    # Pre-nominal: "the 950km border", "its 700 km (435 mi) segment".
    # A common noun right after the figure starts what it measures even when the parser
    # makes the figure the verb's object ("Utility signs $2.6 bln turbine deal"), unless
    # it says when ("$3 million a year" has no noun there; "5% next year" an adjective).
    if nxt is not None and nxt.pos_ in NOUNS | {"ADJ"} and not _period_comparison(doc, after, sent_end) and (
            anchor.head.i >= after or (before is not None and before.pos_ in NP_OPENERS)
            or (nxt.pos_ == "NOUN" and nxt.lower_ not in TIME_NOUNS)):
        phrase = _following_noun_phrase(doc, after, sent_end, figure_tokens)
        if phrase:
            return phrase
    # Post-nominal: "a pit around 9 ft deep". Read linearly too: the parser often
    # hangs "9 ft deep" on the verb.
    last = doc[end - 1]
    if last.lower_ in U.MEASURE_ADJECTIVES:
        if last.dep_ == "amod" and last.head.pos_ in NOUNS and last.head.i not in exclude:
            return _phrase(last.head, exclude)
        j = _skip_qualifier(doc, start)
        if j >= 0 and doc[j].pos_ == "NOUN" and j not in exclude:
            return _phrase(doc[j], exclude)
    # "$15 billion in damage", "$2bn in loans": the bare noun after "in" says what the money is
    if nxt is not None and nxt.lower_ == "in":
        j = after + 1                    # "in (humanitarian) aid": adjectives and nouns, no determiner
        while j < min(sent_end, after + 5) and j not in exclude and doc[j].pos_ in ("ADJ", "NOUN") \
                and doc[j].ent_type_ == "":
            j += 1
        if j > after + 1 and doc[j - 1].pos_ == "NOUN" and doc[j - 1].lower_ not in TIME_NOUNS | DIMENSION_NOUNS:
            return doc[after + 1: j].text
    # "the pipeline's length, 900 km": an apposition names what it measures.
    if anchor.dep_ == "appos" and anchor.head.pos_ in NOUNS and anchor.head.i not in exclude \
            and not _is_agent(anchor.head):
        return _phrase(anchor.head, exclude)
    # "3 million tonnes of ore", "40 percent of the budget".
    # ("0.1% of GDP" is a ratio to GDP: what it measures is named elsewhere, "a primary surplus of")
    for child in anchor.rights:
        if child.dep_ == "prep" and child.lower_ == "of":
            objects = [c for c in child.children if c.dep_ == "pobj" and c.pos_ in NOUNS]
            if objects and objects[0].lower_ not in RATIO_BASES:
                return _phrase(objects[0], exclude)
    # "a budget of Rs 1.2 trillion", "an area of 5 square kilometres", "a range of up to 4km".
    if anchor.head.lower_ == "of" and anchor.head.head.pos_ in NOUNS and anchor.head.head.i not in exclude:
        return _measure_of(anchor.head.head, exclude)
    j = _skip_qualifier(doc, start)
    if j >= 1 and doc[j].lower_ == "of" and doc[j - 1].pos_ == "NOUN" and j - 1 not in exclude:
        return _measure_of(doc[j - 1], exclude)
    # "up from TSh44 trillion", "compared with 5.1% a year earlier", "(N12.5bn,) up 45 per cent":
    # what the figure before measured
    if anchor.dep_ == "pobj" and _compared_with(anchor.head) or (
            start >= 2 and doc[start - 1].lower_ in ("up", "down") and doc[start - 2].text == ","):
        previous = _previous_in_sentence(sentence, start, known)
        if previous:
            return previous
    found = _direction(doc, anchor, start, exclude) or _changed_by(anchor, exclude) or _held_at(anchor, exclude) \
        or _money_given(anchor, exclude) or _clause_subject(anchor, exclude, figure_tokens, known)
    if found is None and anchor.dep_ == "nsubj" and anchor.head.lemma_ in STATE_VERBS:
        found = _previous_in_sentence(sentence, start, known)
    return found
