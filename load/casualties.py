"""Casualty counts (killed, injured, abducted, released, arrested, missing)
grouped into incidents.

A count is a number whose noun is people and that noun is the subject of a
passive casualty verb ("27 members were killed"), the object of an active one
("killing three policemen"), or carries a reduced relative ("13 others
injured"). Everything is read off spaCy's dependency parse; word numbers are
converted by text2num. Counts in one sentence form one incident; a sentence
that points back ("Five of them were later released", "... in the attack")
joins the incident before it, which lends its date, place and perpetrator.
"""
from __future__ import annotations

from spacy.tokens import Doc, Span, Token
from text_to_num import text2num

from .dates import TIME_UNITS, DateContext, classify
from .records import Article, CasualtyCount, Incident

# Casualty verbs by kind (lemmas, as spaCy's lemmatizer gives them).
VERB_KINDS = {
    "kill": "killed", "die": "killed", "martyr": "killed", "slay": "killed", "perish": "killed",
    "massacre": "killed", "assassinate": "killed", "behead": "killed", "gun": "killed",
    "injure": "injured", "wound": "injured", "hurt": "injured", "maim": "injured",
    "abduct": "abducted", "kidnap": "abducted",
    "release": "released", "free": "released", "rescue": "released",
    "arrest": "arrested", "detain": "arrested", "apprehend": "arrested", "nab": "arrested",
    "disappear": "missing",
}
# Predicative adjectives: "27 people are dead", "left 10 injured", "five remain missing".
ADJ_KINDS = {"dead": "killed", "killed": "killed", "injured": "injured", "wounded": "injured",
             "hurt": "injured", "missing": "missing", "kidnapped": "abducted", "abducted": "abducted"}
# Verbs that do not hurt anyone when intransitive: "died" and "disappeared" take subjects.
INTRANSITIVE = {"die", "perish", "disappear"}
# Kinds whose verb is also used of things ("released a statement"): the noun must be people.
NEEDS_PEOPLE = {"released", "missing"}

# Nouns that are people or groups of people (kinds of person, as with ranks).
PEOPLE_NOUNS = {
    "people", "person", "persons", "individual", "other", "civilian", "soldier", "troop", "trooper",
    "policeman", "policemen", "police", "officer", "guard", "member", "militant", "fighter", "rebel",
    "insurgent", "terrorist", "gunman", "gunmen", "attacker", "worker", "employee", "staff", "child",
    "children", "woman", "women", "man", "men", "student", "passenger", "pilgrim", "tourist",
    "suspect", "hostage", "captive", "prisoner", "personnel", "force", "commando", "volunteer",
    "villager", "resident", "citizen", "national", "engineer", "journalist", "reporter", "official",
    "diplomat", "crew", "sailor", "fisherman", "fishermen", "farmer", "miner", "protester",
    "demonstrator", "worshipper", "mourner", "doctor", "nurse", "teacher", "child", "boy", "girl",
    "infant", "baby", "migrant", "refugee", "smuggler", "paramilitary", "cadet", "recruit",
    "bodyguard", "driver", "security", "serviceman", "servicemen", "militiaman", "militiamen",
}
# Quantities that are not people even after a casualty verb.
NON_PEOPLE_ENTS = {"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "ORDINAL"}
# Vague counts with no number of their own: "dozens were arrested".
VAGUE = {"dozens", "scores", "hundreds", "thousands", "several", "tens"}
# Magnitude words dateparser and text2num leave to us: "two dozen".
DOZEN = 12

# Verbs of reporting: their subject (or, for "tell", the outlet told) gave the number.
SAY_VERBS = {"say", "tell", "report", "confirm", "announce", "state", "add", "quote", "claim"}
# Prepositions that introduce where an incident happened.
PLACE_PREPS = {"in", "near", "between", "at", "outside", "inside", "across", "along"}
# Participles that place the perpetrator, not the incident ("a group based in X").
BASE_VERBS = {"base", "headquarter", "locate", "operate"}
# Nouns for the incident itself, which a later sentence refers back to ("in the attack").
# Verbs whose subject carried out the attack ("militants ambushed a convoy").
ATTACK_VERBS = {"attack", "ambush", "target", "storm", "raid", "bomb", "shoot", "fire", "carry", "open"}
ATTACK_NOUNS = {"attack", "blast", "bombing", "explosion", "ambush", "raid", "assault", "incident",
                "clash", "clashes", "shooting", "abduction", "kidnapping", "strike", "bomb"}


# ---------------------------------------------------------------- numbers

MAX_COUNT = 10**10  # more people than live on Earth: a misread, not a count


def to_int(words: list[str]) -> int | None:
    """A count from its words: digits, word numbers via text2num, "a dozen"."""
    words = [w.lower().replace(",", "") for w in words if w not in ("-",)]
    if not words:
        return None
    multiplier = 1
    if words[-1] in ("dozen",):
        multiplier, words = DOZEN, words[:-1] or ["one"]
    if words[0] in ("a", "an"):
        words = ["one"] + words[1:]
    text = " ".join(words).replace(" - ", "-")
    if text.isdecimal():  # not isdigit: int() refuses "²"
        value = int(text) * multiplier
    else:
        try:
            value = text2num(text, "en") * multiplier
        except ValueError:
            return None
    # see MAX_COUNT; also keeps counts inside SQLite's INTEGER
    return value if 0 <= value <= MAX_COUNT else None


def number_spans(doc: Doc) -> list[Span]:
    """Cardinal numbers (NER's CARDINAL, else number-like tokens) and vague counts."""
    spans, covered = [], set()
    for e in doc.ents:
        # the small model sometimes calls a bare range a DATE ("Between 10 and 12")
        misread = (e.label_ == "DATE" and classify(e) is None and any(t.like_num for t in e)
                   and not any(t.lower_ in TIME_UNITS or "-" in t.text for t in e))
        if e.label_ == "CARDINAL" or misread:
            spans.append(e)
            covered |= set(range(e.start, e.end))
    for t in doc:
        if t.i in covered or (t.ent_type_ and t.ent_type_ in NON_PEOPLE_ENTS):
            continue
        if t.like_num and t.pos_ == "NUM" or t.lower_ in VAGUE:
            spans.append(doc[t.i: t.i + 1])
    return sorted(spans, key=lambda s: s.start)


def read_count(span: Span) -> tuple[int | None, int | None, int | None, str | None]:
    """(count, low, high, qualifier) of a count span such as "At least 10",
    "Between 10 and 12", "10 to 12", "Twenty-seven", "dozens"."""
    nums, groups, current, qualifier = [], [], [], []
    for t in span:
        if t.like_num or t.lower_ in ("dozen", "-") and current or (t.lower_ in ("a", "an") and not current):
            current.append(t.text)
        else:
            if current:
                groups.append(current)
                current = []
            if not groups and t.lower_ not in ("the",):
                qualifier.append(t.lower_)
    if current:
        groups.append(current)
    for g in groups:
        v = to_int(g)
        if v is not None:
            nums.append(v)
    # Modifiers the NER left outside the entity: "at least", "more than", "nearly".
    root = span.root
    outside = [c for c in root.children if c.dep_ in ("advmod", "quantmod") and c.i < span.start]
    for c in outside:
        qualifier = [w.lower_ for w in c.subtree] + qualifier
    qual = " ".join(w for w in qualifier if w not in ("between",)) or None
    if span.text.lower() in VAGUE or (not nums and span.root.lower_ in VAGUE):
        return None, None, None, span.text.lower()
    if not nums:
        return None, None, None, None
    if len(nums) >= 2:                       # a range: report its low end as the count
        low, high = min(nums[:2]), max(nums[:2])
        return low, low, high, qual
    return nums[0], None, None, qual


# ---------------------------------------------------------------- the parse

def _kind_of(tok: Token) -> str | None:
    if tok.pos_ in ("VERB", "AUX") or tok.tag_ in ("VBN", "VBD", "VBG"):
        kind = VERB_KINDS.get(tok.lemma_.lower())
        if kind:
            return kind
    return ADJ_KINDS.get(tok.lower_) if tok.pos_ in ("ADJ", "VERB") else None


def _negated(tok: Token) -> bool:
    """"were not injured", "No group has claimed", "Neither guard was hurt"."""
    return any(c.dep_ == "neg" for c in tok.children) or any(
        c.dep_ in ("nsubj", "nsubjpass") and any(d.dep_ == "det" and d.lower_ in ("no", "neither") for d in c.children)
        for c in tok.children)


def _is_passive(verb: Token) -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children) or verb.tag_ == "VBN"


def predicate(noun: Token) -> Token | None:
    """The casualty word that says what happened to ``noun``'s people."""
    if noun.lower_ in ADJ_KINDS and noun.pos_ == "ADJ":
        return noun                               # "five dead"
    # "13 others injured", "27 people killed in ...": a reduced relative on the noun
    for c in noun.children:
        if c.dep_ in ("acl", "amod", "relcl") and _kind_of(c) and not _negated(c):
            return c
    head = noun.head
    # "Between 10 and 12 soldiers were wounded": the noun sits inside a PP
    if noun.dep_ == "pobj" and head.lower_ in ("between", "to", "of") and head.head != head:
        if head.dep_ == "prep" and _kind_of(head.head) and not _negated(head.head) \
                and head.i < head.head.i and _is_passive(head.head):
            return head.head                     # the PP stands where the passive subject would
        return predicate(head) if head.dep_ != "ROOT" else None
    if noun.dep_ == "conj":                       # "three policemen and two civilians"
        first = head
        while first.dep_ == "conj":
            first = first.head
        if first.pos_ in ("NOUN", "PROPN", "NUM", "PRON"):
            return predicate(first)
    kind = _kind_of(head)
    if kind is None or _negated(head):
        # "27 people are dead", "five remain missing": a copula and an adjective
        if noun.dep_ == "nsubj" and head.lemma_ in ("be", "remain", "lie"):
            for c in head.children:
                if c.dep_ in ("acomp", "attr", "oprd") and _kind_of(c):
                    return c
        # "left 27 dead": the adjective is a complement of the verb
        if noun.dep_ == "dobj":
            for c in head.children:
                if c.dep_ in ("oprd", "ccomp", "xcomp", "advcl") and c.lower_ in ADJ_KINDS:
                    return c
        return None
    if noun.dep_ == "nsubjpass":
        return head
    if noun.dep_ == "nsubj" and (head.lemma_.lower() in INTRANSITIVE or head.pos_ == "ADJ" or _is_passive(head)):
        return head
    if noun.dep_ == "dobj" and head.lemma_.lower() not in INTRANSITIVE:
        return head
    return None


def _counted_noun(num: Span) -> Token:
    """The noun a number counts ("members" of "Twenty-seven IRGC members"),
    or the number itself when it stands alone ("Five of them were released")."""
    # the last number whose head lies outside the span ("Between 10 and 12 soldiers": 10 -> soldiers)
    numbers = [t for t in num if (t.like_num or t.lower_ in VAGUE) and not (num.start <= t.head.i < num.end)]
    root = numbers[-1] if numbers else num.root
    if root.dep_ in ("nummod", "compound", "quantmod", "amod", "nmod") and (
            root.head.pos_ in ("NOUN", "PROPN", "PRON") or root.head.lower_ in ADJ_KINDS):
        return root.head                          # "... left five dead": the adjective is the noun
    return root


def _is_people(noun: Token, num: Span) -> bool:
    if noun.i in range(num.start, num.end):       # "Five of them", "dozens"
        return True
    if noun.ent_type_ in NON_PEOPLE_ENTS:
        return False
    return (noun.lemma_.lower() in PEOPLE_NOUNS or noun.lower_ in PEOPLE_NOUNS
            or noun.pos_ in ("PROPN", "PRON") or noun.ent_type_ == "NORP")


def _victims(noun: Token, num: Span) -> str | None:
    """The people counted, without the number, articles or brackets: "IRGC members"."""
    if noun.i in range(num.start, num.end) or noun.lower_ in ADJ_KINDS:
        return None
    words = [t for t in noun.subtree
             if t.i <= noun.i and t.i not in range(num.start, num.end) and t.dep_ not in ("det", "punct", "advmod", "quantmod")
             and (t == noun or t.head == noun or t.head.i in range(num.start, num.end) or t.head.head == noun)]
    text = " ".join(t.text for t in words).strip()
    return None if not text or noun.lower_ in ("others", "other") else text


def _proper_name(tok: Token) -> str | None:
    """The proper-name run inside a noun phrase: "Jaish al-Adl" of "the so-called
    Jaish al-Adl terrorist group based in X"."""
    left = [t for t in tok.subtree if t.i <= tok.i and (t.head == tok or t.head.head == tok)]
    run: list[Token] = []
    for t in left + ([tok] if tok not in left else []):
        if t.pos_ == "PROPN" or (run and t.text == "-" ):
            run.append(t)
        elif run:
            break
    if not run:
        return None
    return "".join(t.text_with_ws for t in run).strip().rstrip("-").strip()


def _phrase(tok: Token) -> str:
    """A noun phrase without its article, relative clauses or trailing PPs."""
    words = [t for t in tok.subtree if t.i <= tok.i and t.dep_ not in ("det",)]
    return "".join(t.text_with_ws for t in words).strip()


def perpetrator(sents: list[Span], verbs: list[Token]) -> tuple[str | None, str | None]:
    """(who, attribution): "claimed by X" -> claimed, "blamed on X" -> blamed,
    "abducted by X" / "X killed" -> stated. A proper name beats "terrorists"."""
    found: list[tuple[int, str, bool, str]] = []   # (rank, name, is a proper name, attribution)
    for tok in (t for sent in sents for t in sent):
        lemma = tok.lemma_.lower()
        if _negated(tok):
            continue  # "No group has claimed responsibility", "did not claim"
        if lemma == "claim":
            for c in tok.children:
                if c.dep_ == "agent":
                    found += [(0, *_who(p), "claimed") for p in c.children if p.dep_ == "pobj"]
                if c.dep_ == "nsubj" and any(d.lower_ == "responsibility" for d in tok.subtree):
                    found.append((0, *_who(c), "claimed"))
        elif lemma == "blame":
            # "blamed the bombing on X" (the PP may hang off the object) / "blamed X for"
            ons = [c for c in tok.subtree if c.dep_ == "prep" and c.lower_ == "on"]
            for c in ons:
                found += [(1, *_who(p), "blamed") for p in c.children if p.dep_ == "pobj"]
            if not ons:
                found += [(1, *_who(c), "blamed") for c in tok.children
                          if c.dep_ == "dobj" and c.lemma_.lower() not in ATTACK_NOUNS]
        elif tok in verbs or lemma in ATTACK_VERBS:
            for c in tok.children:
                if c.dep_ == "agent":
                    found += [(2, *_who(p), "stated") for p in c.children if p.dep_ == "pobj"]
                elif c.dep_ == "nsubj" and tok.pos_ == "VERB" and lemma not in INTRANSITIVE \
                        and c.pos_ not in ("PRON", "NUM") and not c.like_num and not _dateline_word(c):
                    found.append((3, *_who(c), "stated"))
    if not found:
        return None, None
    # a proper name first, then by how the text attributes it
    found.sort(key=lambda f: (not f[2], f[0]))
    _, name, _, attribution = found[0]
    return name, attribution


def _dateline_word(tok: Token) -> bool:
    """"JOS, Nigeria (AP) - Gunmen killed ...": the parse may make the dateline city the subject."""
    return tok.i == tok.sent.start and tok.is_upper and len(tok) > 1 and tok.i + 1 < len(tok.doc) \
        and tok.nbor().text in (",", "(", ":", "-")


def _who(tok: Token) -> tuple[str, bool]:
    name = _proper_name(tok)
    return (name, True) if name else (_phrase(tok), False)


def _passive_subject(tok: Token) -> bool:
    return any(c.dep_ == "nsubjpass" for c in tok.children)


def claimed_by(verb: Token) -> str | None:
    """Who gave the number: "..., police said" -> police; "an official told
    state television" -> state television; "according to X" -> X."""
    for anc in verb.ancestors:
        if anc.lemma_.lower() in SAY_VERBS:
            subj = next((c for c in anc.children if c.dep_ == "nsubj"), None)
            if anc.lemma_.lower() == "tell":
                # "an official told state television": the outlet carries the
                # number, unless it is a named source telling "reporters"
                obj = next((c for c in anc.children if c.dep_ in ("dobj", "dative")), None)
                if obj is not None and obj.lemma_.lower() not in PEOPLE_NOUNS and not (
                        subj is not None and _proper_name(subj)):
                    return _phrase(obj)
            if subj is not None and subj.pos_ != "PRON":
                return _phrase(subj)
    sent = verb.sent
    for tok in sent:
        if tok.lower_ == "according" and tok.i + 1 < sent.end and tok.nbor().lower_ == "to":
            pobj = next((c for c in tok.nbor().children if c.dep_ == "pobj"), None)
            if pobj is not None:
                return _phrase(pobj)
    # "X said" with the casualty clause as its complement, in either order
    root = sent.root
    if root.lemma_.lower() in SAY_VERBS and root != verb:
        subj = next((c for c in root.children if c.dep_ == "nsubj"), None)
        if subj is not None and subj.pos_ != "PRON":
            return _phrase(subj)
    return None


def place(sents: list[Span]) -> str | None:
    """The most specific place the incident's sentences give: the proper names
    of a locative phrase ("between the cities of A and B in the province of C"
    -> "A and B, C"). Phrases that place the perpetrator ("based in X") are not
    the incident's place."""
    best, best_names = None, 0
    for sent in sents:
        for prep in sent:
            if prep.dep_ != "prep" or prep.lower_ not in PLACE_PREPS:
                continue
            if prep.head.lemma_.lower() in BASE_VERBS:
                continue
            if any(a.dep_ == "prep" and a.lower_ in PLACE_PREPS for a in prep.ancestors):
                continue                          # nested in a bigger locative phrase
            names = _names_in(prep)
            if len(names) > best_names:
                best, best_names = ", ".join(names), len(names)
    return best


def _names_in(prep: Token) -> list[str]:
    """Proper-name runs in a PP, joining "A and B"; dates and nationalities are skipped."""
    tokens = [t for t in prep.subtree if t != prep and not (t.dep_ == "prep" and t.head.lemma_.lower() in BASE_VERBS)]
    names, run = [], []
    for t in tokens:
        # (NORP is not skipped: the small model tags some province names NORP;
        # nationality adjectives are ADJ, not PROPN, and drop out anyway)
        is_name = t.pos_ == "PROPN" and t.ent_type_ not in ("DATE", "TIME", "CARDINAL")
        if is_name:
            run.append(t.text)
        elif t.lower_ == "and" and run:
            run.append("and")
        elif t.text == "-" and run:
            run.append("-")
        else:
            if run:
                while run and run[-1] in ("and", "-"):
                    run.pop()
                names.append(" ".join(run).replace(" - ", "-"))
            run = []
    if run:
        while run and run[-1] in ("and", "-"):
            run.pop()
        names.append(" ".join(run).replace(" - ", "-"))
    return [n for n in names if n]


def _refers_back(noun: Token, verb: Token) -> bool:
    """"Five of them", "two of the hostages", or "later" on the verb: the count
    continues the previous incident."""
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ == "of":
            pobj = next((p for p in c.children if p.dep_ == "pobj"), None)
            if pobj is not None and (pobj.pos_ == "PRON" or any(d.dep_ == "det" and d.lower_ in ("the", "these", "those") for d in pobj.children)):
                return True
    return False


def _mentions_earlier_attack(sent: Span) -> bool:
    """"... in the attack": a definite reference to an incident told before."""
    return any(t.lemma_.lower() in ATTACK_NOUNS and any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in t.children)
               for t in sent)


def _describes_attack(sent: Span) -> bool:
    return any(t.lemma_.lower() in ATTACK_NOUNS for t in sent)


# ---------------------------------------------------------------- extraction

def counts_in(doc: Doc) -> list[tuple[CasualtyCount, Token, Token]]:
    """Every casualty count with its predicate and counted noun."""
    sent_index = {s.start: i for i, s in enumerate(doc.sents)}
    out = []
    for num in number_spans(doc):
        noun = _counted_noun(num)
        verb = predicate(noun)
        kind = _kind_of(verb) if verb is not None else None
        if verb is None:
            verb = _toll_verb(noun)
            kind = "killed" if verb is not None else None
        if verb is None:
            continue
        if kind is None or (kind in NEEDS_PEOPLE and not _is_people(noun, num)) or not _is_people_or_unknown(noun, num):
            continue
        count, low, high, qualifier = read_count(num)
        if count is None and qualifier is None:
            continue
        sent = num.sent
        out.append((CasualtyCount(
            kind=kind, count=count, text=num.text, start=num.start_char, end=num.end_char,
            sentence=sent_index[sent.start], low=low, high=high, qualifier=qualifier,
            victims=_victims(noun, num), claimed_by=claimed_by(verb)), verb, noun))
    return out


def _toll_verb(noun: Token) -> Token | None:
    """"The death toll rose to 35" / "stands at 35": the verb whose subject is a toll."""
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ in ("to", "at") and head.dep_ == "prep":
        verb = head.head
        if any(c.dep_ == "nsubj" and c.lemma_.lower() == "toll" for c in verb.children):
            return verb
    return None


def _is_people_or_unknown(noun: Token, num: Span) -> bool:
    """Killing, wounding, abducting and arresting happen to people; only rule
    out nouns that are plainly measures ("three days", "$5 million")."""
    return noun.ent_type_ not in NON_PEOPLE_ENTS or noun.i in range(num.start, num.end)


def _headline_sentence(sents: list[Span], article: Article | None) -> int | None:
    if article is None or not article.title or not sents:
        return None
    return 0 if sents[0].text.strip() == article.title.strip() else None


def extract(doc: Doc, article: Article | None = None, date_context: DateContext | None = None) -> list[Incident]:
    """Casualty incidents of one article, in text order."""
    ctx = date_context or DateContext(doc, article)
    sents = list(doc.sents)
    incidents: list[Incident] = []
    by_sentence: dict[int, Incident] = {}
    verbs: dict[int, list[Token]] = {}
    headline = _headline_sentence(sents, article)
    for count, verb, noun in counts_in(doc):
        i = count.sentence
        if i == headline:
            continue  # a headline restates the body's counts ("Gunmen kill 7 in ..."): not a second claim
        count.date = ctx.date_for(i, anchor_token=verb)
        verbs.setdefault(id(count), []).append(verb)
        if i in by_sentence:
            incident = by_sentence[i]
        elif incidents and _refers_back(noun, verb):
            incident = incidents[-1]
            incident.sentences.append(i)
        else:
            incident = Incident(counts=[], sentences=[i])
            # "... killed in the attack": the attack was told in the sentence before
            if i > 0 and _mentions_earlier_attack(sents[i]) and _describes_attack(sents[i - 1]) \
                    and (i - 1) not in by_sentence:
                incident.sentences.insert(0, i - 1)
            incidents.append(incident)
        by_sentence[i] = incident
        incident.counts.append(count)
    for incident in incidents:
        # "The attack was claimed by X." right after the counts tells who did it
        nxt = max(incident.sentences) + 1
        if nxt < len(sents) and nxt not in by_sentence and _mentions_earlier_attack(sents[nxt]):
            incident.sentences.append(nxt)
        _complete(incident, sents, ctx, doc)
    return incidents


def _complete(incident: Incident, sents: list[Span], ctx: DateContext, doc: Doc) -> None:
    """Date, place and perpetrator of an incident from its own sentences; the
    first sentence is the one that tells the incident."""
    own = [c.sentence for c in incident.counts]
    # the sentences that tell the incident itself, not a later release
    core = sorted({s for s in incident.sentences if s not in own} | {own[0]})
    count_verbs = []
    for c in incident.counts:
        tok = doc.char_span(c.start, c.end, alignment_mode="expand")
        if tok is not None:
            v = predicate(_counted_noun(tok))
            if v is not None:
                count_verbs.append(v)
    # date: the first count's own date, else the sentence that tells the incident
    incident.date = incident.counts[0].date
    if incident.date is None:
        for s in core:
            value = ctx.date_for(s, anchor_token=sents[s].root)
            if value is not None:
                incident.date = value
                break
    # later counts keep a date only when it differs from the incident's
    for c in incident.counts:
        if c.date is not None and incident.date is not None and c.date.iso == incident.date.iso:
            c.date = None
    incident.counts[0].date = None if incident.date is not None else incident.counts[0].date
    incident.place = place([sents[s] for s in core])
    incident.perpetrator, incident.attribution = perpetrator([sents[s] for s in incident.sentences], count_verbs)
