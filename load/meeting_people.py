"""Who a phrase of a meeting sentence names: the article's people, found through the parse.

``People`` maps each token of the article to the person (``Person.key``) whose
mention covers it, role mentions included ("the army chief"). A noun phrase
names a person through its head, an apposition, or a name deeper inside a
post ("Chief of Staff of the Armed Forces Maj Gen X"); "A, B and C" through
its conjuncts. "He"/"his" stand for the person named in the subject of the
sentence's main clause before the pronoun ("the last meeting of the
president ... was in 2016, when he met X"), else for the person last named as
a subject (an apposition to a subject counts: "The commander, General X,
arrived"). "The latter"/"the former" stand for the last/the one before of the last two people
named before them (their sentence, else the one before). Groups ("the two sides", "the
delegations") name nobody.
"""
from __future__ import annotations

from spacy.tokens import Doc, Token

from .name_words import is_post_word
from .records import Person

PRONOUNS = {"he", "she", "him", "her", "his", "hers"}
GROUP_PRONOUNS = {"they", "them", "their"}
SUBJECT_DEPS = ("nsubj", "nsubjpass")
# Verbs of a reporting clause after a list of names: "..., spokesman X said / told reporters".
REPORTING_VERBS = {"say", "tell", "add", "state", "announce", "confirm", "note", "explain", "write", "report",
                   "tweet", "post", "disclose", "reveal", "brief", "recall"}
# "A sent B to meet C": the one sent meets C.
SENDING_VERBS = {"send", "dispatch", "depute", "delegate", "task", "direct", "instruct", "authorize", "authorise"}
# A delegation is met as a whole: its leader and members are one side of the meeting.
DELEGATION_NOUNS = {"delegation", "delegations", "entourage", "team"}


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
                if _is_subject(span.root) or any(t.dep_ in SUBJECT_DEPS for t in span):
                    self.subject_mentions.append((span.start, person.key))
        self.subject_mentions.sort()
        # where a name's style or rank begins -> where the name begins ("H.E. X", "Amb. Y")
        self.styled = {e._.prefix_start: e.start for e in doc.ents if e.label_ == "PERSON" and e._.prefix_start < e.start}

    def at(self, token: Token) -> list[int]:
        """People a noun phrase headed by ``token`` refers to (conjuncts excluded)."""
        if token.i in self.by_token:
            return [self.by_token[token.i]]
        if token.lower_ in PRONOUNS:
            found = self.pronoun(token)
            return [found] if found is not None else []
        if token.lower_ in ("latter", "former") and token.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "conj") \
                and any(c.lower_ == "the" for c in token.children):
            found = self.former_or_latter(token)
            return [found] if found is not None else []
        for child in token.children:
            if child.dep_ == "appos":
                found = self.phrase(child)      # "the presidents of X and Y, A and B"
                if found:
                    return found
        if not (is_post_word(token) or token.pos_ == "PROPN" or token.lower_ in DELEGATION_NOUNS):
            return []   # "the decision of President X", "a call from X": not X
        # "Chief of Staff of the Armed Forces Maj Gen X": the name sits deeper in the phrase.
        inside = {self.by_token[t.i] for t in token.subtree
                  if t.i in self.by_token and not _in_conjunct_or_clause(t, token)}
        if not inside and is_post_word(token) and token.i + 1 < len(self.doc) and token.i + 1 in self.by_token:
            return [self.by_token[token.i + 1]]   # "his counterpart [X]" when the parse hangs X elsewhere
        after = token.right_edge.i + 1
        while after < min(len(self.doc), token.i + 10) and after not in self.by_token and (
                self.doc[after].lower_ in ("of", "for", "to", "in", "the", "and") or self.doc[after].is_title):
            after += 1    # the post's scope, hung on the verb by the parser: "Envoy | for the Sahel"
        named = self.styled.get(after + 1, after + 1)    # "the President of X, H.E. [Y],"
        if not inside and is_post_word(token) and named < len(self.doc) and self.doc[after].text == "," \
                and named in self.by_token:
            return [self.by_token[named]]         # "the Special Envoy for the Sahel, [X]," hung elsewhere
        if not inside and is_post_word(token) and after > token.right_edge.i + 1 and after in self.by_token:
            return [self.by_token[after]]         # "Assistant Secretary | of State for African Affairs [X]"
        return sorted(inside) if len(inside) == 1 else []

    def phrase(self, token: Token) -> list[int]:
        """People of a phrase and its conjuncts ("A, B and C")."""
        keys: list[int] = []
        for head in [token, *conjuncts(token)]:
            if head.tag_ == "VBG" and head.dep_ == "conj":
                # "A and visiting French President B held talks": the parser makes "visiting" a verb
                head = next((c for c in head.children if c.dep_ in ("dobj", "obj")), head)
            for key in self.delegation(head) or self.at(head):
                if key not in keys:
                    keys.append(key)
        return keys

    def delegation(self, token: Token) -> list[int]:
        """Everyone named in "a delegation led by X and including Y": one side of a meeting."""
        if token.lower_ not in DELEGATION_NOUNS:
            return []
        found = list(dict.fromkeys(self.by_token[t.i] for t in token.subtree if t.i in self.by_token))
        after = token.right_edge.i + 1
        after += 1 if after < len(self.doc) and self.doc[after].text == "," else 0
        # "received a delegation of X, led by its chairman Y," / "a delegation from X led by Y", with "led"
        # hung on the verb or on X
        led = next((k for k in range(after, min(after + 5, token.sent.end)) if self.doc[k].lemma_ in ("lead", "head")
                    and self.doc[k].tag_ == "VBN"), None) if not found else None
        if led is not None and all(t.pos_ in ("ADP", "PROPN", "DET", "PUNCT", "ADJ") for t in self.doc[after:led]):
            found = list(dict.fromkeys(self.by_token[t.i] for t in self.doc[led].subtree if t.i in self.by_token))
        if not found and token.sent.end < len(self.doc):
            found = self._led_next(token)
        if not found:
            found = self._led_before(token)
        return found

    def _led_before(self, token: Token) -> list[int]:
        """ "... received a delegation led by X. The delegation also met Y": the leader of the delegation
        named up to four sentences before (the nearest one; one with the same modifier when this one has
        one: "The Bangladesh delegation also called on Y")."""
        if not any(c.lower_ in ("the", "this", "that") for c in token.children):
            return []
        marks = {c.lower_ for c in token.children if c.dep_ in ("compound", "amod", "nmod") and c.is_alpha}
        sent = token.sent
        for _ in range(4):
            if sent.start == 0:
                break
            sent = self.doc[sent.start - 1].sent
            for word in reversed(sent):
                if word.lower_ not in DELEGATION_NOUNS or (
                        marks and not marks & {c.lower_ for c in word.children if c.dep_ in ("compound", "amod", "nmod")}):
                    continue
                leader = self._leader(word)
                if leader:
                    return leader
        return []

    def _leader(self, word: Token) -> list[int]:
        """Who leads the delegation named by ``word``: "a delegation led by X", "The delegation was led by
        X", "X led the delegation"."""
        def named(tokens) -> list[int]:
            return list(dict.fromkeys(self.by_token[t.i] for t in tokens if t.i in self.by_token))
        head = word.head
        if word.dep_ == "nsubjpass" and head.lemma_ in ("lead", "head"):
            return named(t for a in head.children if a.dep_ == "agent" for t in a.subtree)
        if word.dep_ == "dobj" and head.lemma_ in ("lead", "head"):
            return named(t for s in head.children if s.dep_ == "nsubj" for t in s.subtree)
        for child in word.children:
            if child.lemma_ in ("lead", "head") and child.tag_ == "VBN":
                return named(child.subtree)
        after = word.right_edge.i + 1
        after += 1 if after < len(self.doc) and self.doc[after].text == "," else 0
        led = next((k for k in range(after, min(after + 5, word.sent.end)) if self.doc[k].lemma_ in ("lead", "head")
                    and self.doc[k].tag_ == "VBN"), None)
        return named(self.doc[led].subtree) if led is not None else []

    def _led_next(self, token: Token) -> list[int]:
        """ "X received a delegation from Y. The delegation was led by Z": the leader the next sentence names."""
        following = self.doc[token.sent.end].sent
        for word in following:
            if word.lower_ in DELEGATION_NOUNS and word.dep_ == "nsubjpass" and word.head.lemma_ == "lead" and any(
                    c.lower_ in ("the", "this") for c in word.children):
                return list(dict.fromkeys(self.by_token[t.i] for a in word.head.children if a.dep_ == "agent"
                                          for t in a.subtree if t.i in self.by_token))
        return []

    def listed_after(self, first: Token, closing: bool = False) -> list[int]:
        """People named from ``first`` to the end of its list.

        The small model often parses a long list of names-with-titles wrongly
        (a name as an apposition of the one before, a rank as a conjunct), so
        the list is read as a token region: it ends at the sentence end, a
        semicolon, a token that opens a new clause ("who", a verb heading a
        relative, adverbial or coordinated clause), or a preposition that
        hangs outside the list ("..., in the presence of C"); a semicolon before "the" or "and"
        separates the items of an official list ("A; the Minister of Y, B; and C"). A ``closing``
        list (the people an attendance or a presence names: "was attended by", "in the presence of")
        ends its clause: a preposition the parser hangs elsewhere ("the Director of Cabinet at the
        Presidency, B") stays inside it."""
        keys: list[int] = []
        top = first
        while top.head != top and top.head.i >= first.i and top.dep_ not in ("pobj", "dobj", "obj"):
            top = top.head
        doc = first.doc
        for token in doc[first.i: first.sent.end]:
            after_semicolon = doc[token.i - 1].text == ";" or (
                doc[token.i - 1].lower_ == "and" and token.i > first.i + 1 and doc[token.i - 2].text == ";")
            if token.i > first.i and after_semicolon and token.lower_ != "and":
                top = token       # the next item of "A; the Minister of Y, B; and C": its own phrase
                while top.head != top and top.head.i >= token.i and top.dep_ not in ("pobj", "dobj", "obj"):
                    top = top.head
            if token.i > first.i and _ends_list(token, top, closing):
                # "... met B, Presidential Office Secretary C said": C reports the meeting
                speaker = token.i - 2 if doc[token.i - 1].text == "," else token.i - 1
                key = self.by_token.get(speaker)
                if key is not None and token.lemma_.lower() in REPORTING_VERBS:
                    mention_start = speaker
                    while self.by_token.get(mention_start - 1) == key:
                        mention_start -= 1
                    if mention_start > first.i and self._first_at(key, first.i) == mention_start:
                        keys.remove(key)     # named only as the speaker
                break
            key = self.by_token.get(token.i)
            if key is not None and key not in keys:
                keys.append(key)
        return keys

    def _first_at(self, key: int, start: int) -> int:
        """Where person ``key`` is first named from token ``start`` on."""
        return next(i for i in range(start, len(self.doc)) if self.by_token.get(i) == key)

    def pronoun(self, token: Token) -> int | None:
        """The person "he"/"his" stands for."""
        found = self.main_subject_before(token)
        return found if found is not None else self.previous_subject(token)

    def main_subject_before(self, token: Token) -> int | None:
        """The one person named, before ``token``, in the subject of a clause above the
        pronoun's own ("the last meeting of X ... was in 2016, when he met Y": X)."""
        # not the pronoun's own clause: in "B paid a courtesy call on her", "her" is not B
        own_clause = next((a for a in token.ancestors if a.pos_ in ("VERB", "AUX")), token.head)
        for clause in own_clause.ancestors:
            if clause.pos_ not in ("VERB", "AUX"):
                continue
            found = {self.by_token[t.i] for child in clause.children if child.dep_ in SUBJECT_DEPS
                     for t in child.subtree if t.i < token.i and t.i in self.by_token}
            if found:
                return found.pop() if len(found) == 1 else None
        return None

    def former_or_latter(self, token: Token) -> int | None:
        """ "A and B spoke to reporters. The latter met C": B; "the former": A. Of the last two
        people named before ``token``, in its sentence or the one before."""
        start = token.sent.start
        if start > 0 and not any(i in self.by_token for i in range(start, token.i)):
            start = self.doc[start - 1].sent.start
        order: list[int] = []
        for i in range(start, token.i):
            key = self.by_token.get(i)
            if key is not None:
                if key in order:
                    order.remove(key)
                order.append(key)      # by last mention
        if len(order) < 2:
            return None
        return order[-1] if token.lower_ == "latter" else order[-2]

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


def _is_subject(root: Token) -> bool:
    """A subject, or an apposition to one ("The commander, General X, arrived")."""
    if root.dep_ in SUBJECT_DEPS:
        return True
    return root.dep_ == "appos" and root.head.dep_ in SUBJECT_DEPS


def _ends_list(token: Token, top: Token, closing: bool = False) -> bool:
    if token.text == ";" and token.i + 1 < len(token.doc) and token.doc[token.i + 1].lower_ in ("the", "and"):
        return False      # "A, Minister of X; the Minister of Y, B; and C"
    if token.text == ";" or token.tag_ in ("WP", "WP$", "WDT", "WRB"):
        return True
    if token.dep_ == "mark" or (token.dep_ == "cc" and token.lower_ in ("but", "yet", "whereas")):
        return True   # "A met B, while C met D": C is not on B's side
    if token.dep_ == "prep" and not _below(token, top) and not closing:
        return True   # "met A and B in the presence of C": C is not on B's side
    return token.pos_ in ("VERB", "AUX") and token.dep_ in ("relcl", "advcl", "ccomp", "xcomp", "conj", "ROOT", "acl")


def _below(token: Token, top: Token) -> bool:
    return top == token or top in token.ancestors


def conjuncts(token: Token) -> list[Token]:
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
        own_subjects = [c for c in current.children if c.dep_ in SUBJECT_DEPS]
        for child in own_subjects:
            if child.lower_ in GROUP_PRONOUNS:
                found = subjects_of_previous(child, people)
            elif child.tag_ in ("WP", "WDT") and current.dep_ == "relcl":
                antecedent = current.head              # "A and B, who met on Monday, ...": A and B
                while antecedent.dep_ == "conj" and antecedent.head != antecedent:
                    antecedent = antecedent.head
                found = people.phrase(antecedent)
            else:
                found = people.phrase(child)
            if found:
                return found + [k for k in companions(current, people) if k not in found]
        if own_subjects:
            return []  # "the two sides met": a subject that is not a person, not the clause above's
        if current.dep_ in ("xcomp", "advcl") and current.head.lemma_.lower() in SENDING_VERBS:
            # "A sent Foreign Minister B to meet C": B meets C
            sent = [k for c in current.head.children if c.dep_ in ("dobj", "obj") for k in people.phrase(c)]
            if sent:
                return sent
        if current.dep_ in ("xcomp", "advcl", "conj", "pcomp", "acl", "ccomp", "pobj", "prep"):
            current = current.head
        else:
            break
    if current.dep_ == "ROOT" and current.pos_ == "VERB":
        return _swallowed_subject(current, people)
    return []


def _swallowed_subject(verb: Token, people: People) -> list[int]:
    """A main verb the parser left without a subject ("In X, Greece, Prime Ministers A and B
    attended ...", the names read as conjuncts of the place): the people named before it,
    outside any clause of their own."""
    found: list[int] = []
    for token in verb.doc[verb.sent.start: verb.i]:
        key = people.by_token.get(token.i)
        if key is None or key in found:
            continue
        path = list(token.ancestors)
        if verb in path and not any(a.pos_ in ("VERB", "AUX") for a in path[: path.index(verb)]):
            found.append(key)
    return found


def companions(verb: Token, people: People) -> list[int]:
    """People who came along with the subject: "X, accompanied by Y, met Z", "along with Y"."""
    found: list[int] = []
    for child in verb.children:
        if child.dep_ in SUBJECT_DEPS:
            for deeper in child.subtree:
                if deeper.dep_ == "acl" and deeper.lemma_ == "accompany":
                    found.extend(_agents(deeper, people))
        if child.dep_ == "advcl" and child.lemma_ == "accompany":
            found.extend(_agents(child, people))
        if child.dep_ == "prep" and child.lower_ == "with" and child.i > 0 and \
                child.doc[child.i - 1].lower_ in ("along", "together"):
            found.extend(k for g in child.children if g.dep_ == "pobj" for k in people.phrase(g))
    return list(dict.fromkeys(found))


def _agents(verb: Token, people: People) -> list[int]:
    return [k for a in verb.children if a.dep_ == "agent" for g in a.children if g.dep_ == "pobj"
            for k in people.phrase(g)]


def coordinated_subject(verb: Token, people: People) -> list[int]:
    """ "Kenyan Energy Secretary A and Ethiopia's Minister of Water and Energy B met": the small
    model may hang A below B's title (nmod) instead of coordinating them. The people named in the
    subject's words, when an "and" joins them and no clause of their own holds them."""
    subject = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)
    if subject is None:
        return []
    region = verb.doc[subject.left_edge.i: subject.right_edge.i + 1]
    if not any(t.lower_ == "and" for t in region) or any(t.pos_ in ("VERB", "AUX") or t.tag_ in ("WP", "WDT")
                                                         for t in region):
        return []
    return list(dict.fromkeys(people.by_token[t.i] for t in region if t.i in people.by_token))


def subjects_of_previous(token: Token, people: People) -> list[int]:
    key = people.previous_subject(token)
    return [key] if key is not None else []


def governing_subjects(noun: Token, people: People) -> list[int]:
    """Subjects of the verb the noun's phrase hangs from ("A said in a meeting with B")."""
    current = noun
    for _ in range(5):
        current = current.head
        if current.pos_ in ("VERB", "AUX"):
            return subjects(current, people)
        if current == current.head:
            break
    return []
