"""Titles: the posts a named person holds, read from the words around the name.

A title is a *chain* of title words next to a name, read by ``title_reading`` into
post, country, organisation and status (``read_chain``), the way Wikidata models "position held".
The chains of English news that ``chains_for_name`` reads:

* before the name: "Pakistan's Chief of Army Staff General X", "Director-General
  Analysis at ISI Maj Gen X", "communication minister X", "<district> range inspector
  general of police X", "Minister of Electricity and Renewable Energy X";
* a description, a comma, then the name: "the army chief, General X,", "the agency's
  chief in <region>, X", "his Pakistani counterpart, X";
* after the name, after a comma, a bracket or a dash: "X, secretary of the Supreme
  National Security Council,", "X, the chief official for the <region> area in ...",
  "X (Iran's foreign minister)";
* a plural post shared by coordinated names: "Prime Ministers X and Y", "the defence
  ministers of A and B, X and Y" (each its own country, in the order listed).

A country in the chain ("Iran's", "Iranian", "of Pakistan", "in Saudi Arabia") is the
post's country, never part of the post; "former", "acting", "then" are its status; a
scope after the post ("for the region", "in <province>") stays in the post. "Counterpart"
alone is not a post: the caller gives the other person's post instead.

Modules: ``title_words`` (which tokens a chain is made of), this one (where the chains stand
around a name), ``title_reading`` (what a chain says), ``title_appointments`` ("was appointed
finance minister").
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span

from . import doc_cache
from .countries import countries_in, country_at
from .entities import name_prefix
from .name_words import is_post_word
from .post_names import bracket_after_post
from .posts import post_head
from .title_reading import plural_head
from .title_words import (
    CLAUSE_END, CONNECTORS, DASHES, POSSESSIVE, PRONOUNS, SCOPE, chain_token_ok, inner_and, inner_comma,
    is_head, lower_modifier, portfolios_and, portfolios_comma, posts_and, scope_preposition, scope_word,
)


class Sentences:
    """Sentence index (position in ``list(doc.sents)``) of each token."""

    def __init__(self, doc: Doc):
        self.sents = doc_cache.sentences(doc)
        self._index = doc_cache.sentence_index(doc)
        self._prose: dict[int, bool] = {}

    def of(self, token_i: int) -> int:
        return self._index[token_i]

    def span(self, token_i: int) -> Span:
        return self.sents[self._index[token_i]]

    def is_prose(self, token_i: int) -> bool:
        """A sentence of running text, not a menu item or sidebar headline ("Sanaullah's remarks")."""
        n = self._index[token_i]
        if n not in self._prose:   # asked for every mention of a name
            sent = self.sents[n]
            words = [t for t in sent if t.is_alpha]
            last = next((t for t in reversed(sent) if not t.is_space), None)
            self._prose[n] = len(words) >= 8 or (last is not None and last.text in {".", "!", "?", "”", "\""})
        return self._prose[n]


# --- chains --------------------------------------------------------------------------------


def left_chain(doc: Doc, end: int, sent_start: int, limit: int | None = None) -> Span | None:
    """The run of title words ending just before token ``end`` ("Iranian Foreign Minister");
    ``limit`` is where the name ends (lower-case words may modify words up to it)."""
    limit = end + 1 if limit is None else limit
    # "Minister for Political, Legal and Security Affairs X": commas inside the portfolios, but not
    # in "Minister of Foreign Affairs, African Cooperation and ..., X" (the first portfolio is the post)
    commas = end < len(doc) and doc[end].text != ","
    i = end
    while i > sent_start:
        k = i - 1
        tok = doc[k]
        if tok.text == ")":
            opening = bracket_after_post(doc, k, sent_start)
            if opening is None:
                break
            i = opening       # "Inspector General of Police (Bastar range) X": the bracket is the post's scope
            continue
        if not (chain_token_ok(tok) or lower_modifier(tok, limit) or scope_word(doc, k, sent_start)
                or scope_preposition(doc, k, sent_start) or inner_and(doc, k, sent_start, commas)
                or (commas and inner_comma(doc, k, sent_start, end))
                or posts_and(doc, k, sent_start, end) or portfolios_and(doc, k, sent_start, end)
                or portfolios_comma(doc, k, sent_start, end)):
            break
        i = k
    while i < end and (doc[i].lower_ in CONNECTORS or doc[i].text in POSSESSIVE or doc[i].text == "-"):
        i += 1
    if i + 2 < end and i == sent_start and doc[i].is_upper and len(doc[i]) > 2 and doc[i + 1].text in DASHES \
            and doc[i].ent_type_ in ("GPE", "LOC", ""):
        i += 2        # "ABUJA—President X": a dateline glued to the post
    if i < end and doc[end - 1].lower_ in CONNECTORS | SCOPE:
        return None           # "representatives of [X's family]": the name is the object, not the holder
    return doc[i:end] if i < end else None


def holder_post(chain: Span) -> Span:
    """ "Spokesperson for UN Secretary-General X", "Adviser to President X": the name after a post
    "for"/"to" another post, with no article between, holds the second (X is the Secretary-General);
    "Special Assistant to the President X" is the assistant. A portfolio ("Minister for Foreign
    Affairs X") has no post of its own."""
    for k, tok in enumerate(chain[:-1]):
        rest = chain[k + 1:]
        if tok.lower_ in ("for", "to") and k > 0 and is_head(chain[k - 1]) and is_head(rest[-1]) \
                and all(t.is_title or t.is_upper or t.text == "-" for t in rest):
            return rest
    return chain


def left_apposition(doc: Doc, name: Span, sent: Span) -> Span | None:
    """ "Pakistan's army chief, General X, ..." / "his Pakistani counterpart, X": a definite
    description, a comma, then the name closing the apposition (or standing where the
    description began a clause: "..., the Minister of Defense of China, X spoke")."""
    p = name_prefix(name).start
    if sent.start < p - 1 < name.start and doc[p - 1].lower_ == "the":
        p -= 1        # "the Prime Minister of X, the Hon. Y": the article of the name's style
    if p - 3 >= sent.start and (doc[p - 1].is_title or doc[p - 1].is_upper) and post_head(doc[p - 1].text) is not None \
            and doc[p - 2].text == ",":
        p -= 1        # "the Minister of Foreign Affairs, Ambassador X,": a post's style before the name
    if p - 2 < sent.start or doc[p - 1].text != ",":
        return None
    chain = left_chain(doc, p - 1, sent.start)
    if chain is None or not any(is_head(t) for t in chain):
        chain = _listed_portfolios(doc, p - 1, sent.start)
        if chain is None:
            return None
    before = doc[chain.start - 1].lower_ if chain.start > sent.start else ""
    k0 = chain.start - 1
    while k0 > sent.start and doc[k0].is_lower and doc[k0].pos_ in ("ADJ", "ADV", "VERB") and chain.start - k0 <= 3:
        k0 -= 1           # "the newly appointed Ambassador of X, Y"
    if k0 < chain.start - 1 and doc[k0].lower_ == "the":
        before = "the"
    if before in PRONOUNS and any(t.lower_ == "counterpart" for t in chain):
        return doc[chain.start - 1:chain.end]
    # "the army chief, X", "his oil minister, X", "led by its vice president for Africa, X"
    # ("received a delegation led by Deputy Foreign Minister for the Caribbean, X")
    determiner = before == "the" or before in PRONOUNS or before == "its" or before == "by"
    # a post that opens the sentence is definite too: "Minister of Foreign Affairs, X, held talks"
    # ("with Mauritanian Minister of Foreign Affairs, Cooperation and ..., X": a nationality before the post)
    definite = determiner or any(t.text in POSSESSIVE for t in chain) or chain.start == sent.start \
        or country_at(chain[0]) is not None
    # "a U.N. spokesman, X, told reporters": a spokesman is named for the post he speaks in
    definite = definite or (before in ("a", "an") and chain[-1].lower_ in ("spokesman", "spokeswoman", "spokesperson"))
    closed = name.end >= sent.end or doc[name.end].text in CLAUSE_END
    k = (k0 - 1 if before == "the" and k0 < chain.start - 1 else chain.start - (2 if determiner else 1))
    opens = k < sent.start or doc[k].text in (",", ":", ";")
    return chain if definite and (closed or opens) else None


def _listed_portfolios(doc: Doc, comma: int, sent_start: int) -> Span | None:
    """ "Minister of Foreign Affairs, African Cooperation and Moroccan Expatriates, X": a post
    whose portfolio is a list (capitalised words, commas, "and"). The post is read up to the
    first comma: the portfolio news names it by."""
    k = comma - 1
    while k > sent_start and comma - k <= 14:
        tok = doc[k]
        if tok.lower_ in ("of", "for") and is_head(doc[k - 1]):
            first = next((t.i for t in doc[k + 1:comma] if t.text == ","), comma)
            chain = left_chain(doc, k, sent_start)
            start = chain.start if chain is not None else k - 1
            return doc[start:first] if first > k + 1 else None
        if not (tok.is_title or tok.lower_ in ("and", "the", ",", "&")):
            return None
        k -= 1
    return None


def right_apposition(doc: Doc, start: int, sent_end: int, person_starts: set[int]) -> Span | None:
    """ "X, Iran's foreign minister," / "X, secretary of the Supreme National Security Council."
    / "X, the minister of energy in Saudi Arabia during ..." / "X (Iran's foreign minister)"."""
    if start >= sent_end:
        return None
    opener = doc[start]
    if not (opener.text in (",", "(") or (opener.text in DASHES and opener.whitespace_)):
        return None
    i = j = start + 1
    if j < sent_end and doc[j].lower_ in ("and", "or"):
        return None           # "X, and Minister for Trade Y": the next person of a list
    indefinite = j < sent_end and doc[j].lower_ in ("a", "an")
    if j < sent_end and (doc[j].lower_ in ("the", *PRONOUNS) or indefinite):
        j += 1
        i = j if indefinite else i
    after_membership = _post_after_membership(doc, j, sent_end)
    if after_membership is not None:
        i = j = after_membership
        indefinite = False
    scopes = 0
    while j < sent_end and j not in person_starts:
        tok = doc[j]
        if tok.lower_ in SCOPE:
            if not any(is_head(t) for t in doc[i:j]):
                break
            scopes += 1
            # "... for the Kasese area | in Western Region", but "... Bank of New York"
            # ("of"/"for" a capitalised name goes on: "Secretary-General of the Supreme Council for National Security")
            if scopes > 1 and not _country_phrase_at(doc, j + 1, sent_end) and not (
                    tok.lower_ in ("of", "for") and j + 1 < sent_end and doc[j + 1].is_title) and not (
                    tok.lower_ == "of" and j + 2 < sent_end and doc[j + 1].lower_ == "the" and doc[j + 2].is_title):
                break     # ("... of the Standing Committee of the National People's Congress" goes on)
        elif tok.lower_ == "and":
            # "X, Iraq's deputy prime minister and foreign minister,": two posts
            if not (j + 1 < sent_end and (is_post_word(doc[j + 1]) or (scopes and doc[j + 1].is_title))):
                break
        elif not (chain_token_ok(tok) or (scopes and tok.is_alpha and tok.pos_ in ("NOUN", "PROPN", "ADJ")
                                           and tok.ent_type_ not in ("DATE", "TIME"))
                  or (tok.is_lower and tok.pos_ in ("NOUN", "ADJ") and tok.dep_ in ("compound", "amod", "poss")
                      and j < tok.head.i < sent_end)):
            break
        j += 1
    while j > i and j - 1 in person_starts:    # ran into the next person's rank ("..., Army Commander Major General X")
        j -= 1
    while j > i and doc[j - 1].lower_ in CONNECTORS | SCOPE:
        j -= 1
    chain = doc[i:j]
    if not len(chain) or not any(is_head(t) for t in chain):
        return None
    spokes = next((t for t in chain if is_head(t)), chain[-1]).lower_ in ("spokesman", "spokeswoman", "spokesperson")
    if indefinite and (not spokes or j + 1 < sent_end and doc[j].text == "," and j + 1 in person_starts):
        return None           # "X, a former minister,": a description; "X, a ministry spokesman,", "X, a
        # spokesperson for the agency,": the post (but "X, a U.N. spokesman, Y, said": Y's)
    # An apposition closes the clause: "X, the army chief, said"; in "X, the army chief vowed"
    # the description is the subject of a new clause, not X's title.
    if j < sent_end:
        nxt = doc[j]
        closes = nxt.text in CLAUSE_END or nxt.lower_ in ("who", "which") or nxt.pos_ == "ADP"
        if j in person_starts or not closes:
            return None
        if nxt.text == "(":     # "A, Inspector General of Police (Bastar range) B and C": B's post
            close = next((k for k in range(j + 2, min(sent_end, j + 5)) if doc[k].text == ")"), None)
            if close is not None and close + 1 in person_starts and bracket_after_post(doc, close, i) == j:
                return None
    if chain[0].lower_ in PRONOUNS and not any(t.lower_ == "counterpart" for t in chain):
        return None
    return chain


def _post_after_membership(doc: Doc, j: int, sent_end: int) -> int | None:
    """ "X, (a) member of the Political Bureau of the ... Central Committee and director of the Office
    of ...": where the post after a party membership begins (the membership is a description)."""
    if not (j + 2 < sent_end and doc[j].lower_ == "member" and doc[j + 1].lower_ == "of"):
        return None
    k = j + 2
    while k + 1 < sent_end and k - j < 25 and doc[k].text not in CLAUSE_END:
        if doc[k].lower_ == "and" and (is_head(doc[k + 1]) or is_post_word(doc[k + 1])):
            return k + 1
        k += 1
    return None


def _country_phrase_at(doc: Doc, k: int, end: int) -> bool:
    if k < end and doc[k].lower_ == "the":
        k += 1
    return k < end and country_at(doc[k]) is not None


def split_on_and(chain: Span) -> list[Span]:
    """ "deputy prime minister and foreign minister" -> two posts; the country before the
    first ("Iraq's") is kept with the first, and read for the second by the caller's country.
    An "and" inside an "of" phrase ("Minister of Electricity and Renewable Energy") stays."""
    doc = chain.doc
    cuts = [t.i for t in chain if t.lower_ == "and" and (_second_post(chain, t.i) or (
        not inner_and(doc, t.i, chain.start, True) and not portfolios_and(doc, t.i, chain.start - 1, chain.end)))]
    if not cuts:
        return [chain]
    bounds = [chain.start] + [c + 1 for c in cuts]
    ends = cuts + [chain.end]
    return [doc[b:e] for b, e in zip(bounds, ends) if e > b]


# Posts that news writes before a second post of the same person with a dash or a comma.
_STACKED_FIRST = ("deputy prime minister", "vice prime minister", "deputy premier", "vice premier")


def stacked_post(doc: Doc, chain: Span, sent_start: int) -> Span | None:
    """ "Deputy Prime Minister – Minister of Foreign Affairs X", "Deputy Prime Minister, Minister of Economy
    and Finance X": the post before a dash (or, for a deputy prime minister, a comma) before the post
    before the name is the same person's first post."""
    k = chain.start - 1
    if k <= sent_start or doc[k].text not in (",", "-", "–", "—") or not is_head(doc[k - 1]):
        return None
    before = left_chain(doc, k, sent_start)
    if before is None or (doc[k].text == "," and not before.text.lower().endswith(_STACKED_FIRST)):
        return None
    return before


def _second_post(chain: Span, k: int) -> bool:
    """ "Deputy Ruler of Abu Dhabi *and* National Security Advisor": a whole post after an "and" inside
    the first post's scope (its own head, no scope of its own before it), not a portfolio ("Minister
    of Trade and Industry")."""
    doc = chain.doc
    first_head = next((t.i for t in doc[chain.start:k] if is_head(t)), None)
    if not doc[k + 1].is_title or first_head is None or not any(
            t.lower_ in ("of", "for") for t in doc[first_head + 1:k]):
        return False
    for t in doc[k + 1:chain.end]:
        if is_head(t) and t.is_title:
            return True
        if t.lower_ in ("of", "for", "and") or not t.is_title:
            return False
    return False


def coordinated_names(span: Span, sent: Span, ends_at: dict[int, Span], starts_at: dict[int, Span]) -> list[Span]:
    """The names listed with ``span`` ("A, B and C"), in order; ``[span]`` when it stands alone.
    ``ends_at`` maps the token just after a name to its span, ``starts_at`` where a name
    (with its rank) begins."""
    doc = span.doc
    names = [span]
    i = name_prefix(span).start
    while True:
        k = i
        while k > sent.start and doc[k - 1].text in (",", "and"):
            k -= 1
        other = ends_at.get(k) if k < i else None
        if other is None or other.start < sent.start:
            break
        names.insert(0, other)
        i = name_prefix(other).start
    j = span.end
    while True:
        k = j
        while k < sent.end and doc[k].text in (",", "and"):
            k += 1
        other = starts_at.get(k) if k > j else None
        if other is None or other.end > sent.end:
            break
        names.append(other)
        j = other.end
    return names


@dataclass(frozen=True)
class SharedPost:
    """A plural post a list of names shares, and the country it gives one of them."""

    chain: Span             # the post as read ("defence ministers of Turkey and Syria"), not split on "and"
    start: int              # where the post begins with the nationalities listed before it
    country: str | None     # None when the post names no country, or one per name in no order


def shared_plural_post(span: Span, sent: Span, ends_at: dict[int, Span], starts_at: dict[int, Span],
                       person_starts: set[int]) -> SharedPost | None:
    """ "Prime Ministers A and B", "the defence ministers of Turkey and Syria, A and B",
    "Turkish and Syrian defence ministers A and B", "A and B, the foreign ministers of Kenya and
    Uganda,": a plural post before (or in apposition after) a list of names is each one's post.
    The countries it names pair with the names in order when there are as many (news lists them
    in the same order); one country is everyone's; otherwise no one's."""
    names = coordinated_names(span, sent, ends_at, starts_at)
    if len(names) < 2:
        return None
    doc = span.doc
    first = name_prefix(names[0]).start
    end = first - 1 if first - 1 > sent.start and doc[first - 1].text == "," else first
    k = end
    while k - 1 > sent.start and (doc[k - 1].text in (",", "and") or country_at(doc[k - 1])):
        k -= 1        # "the interior ministers of Ghana, Togo and Benin, A, B and C"
    if k < end and doc[k - 1].lower_ == "of" and country_at(doc[end - 1]):
        chain = left_chain(doc, k - 1, sent.start)
    else:
        chain = left_chain(doc, end, sent.start)
        if chain is None:
            chain = right_apposition(doc, names[-1].end, sent.end, person_starts)
            end = chain.end if chain is not None else end
    heads = [t for t in chain if is_head(t)] if chain is not None else []
    if not heads or not plural_head(heads[0].text):
        return None
    start = chain.start
    # "Turkish and Syrian defence ministers", "the Kenyan, Ugandan and Tanzanian ministers"
    while start - 2 >= sent.start and doc[start - 1].text in ((",", "and") if start < chain.start else ("and",)) \
            and country_at(doc[start - 2]):   # (not "In <town>, Greece, Prime Ministers A and B")
        start -= 2
        while start > sent.start and country_at(doc[start - 1]) == country_at(doc[start]):
            start -= 1        # "South Korean"
    table = countries_in(doc)
    countries: list[str] = []
    last_end = -1
    for tok in doc[start:max(end, chain.end)]:
        hit = table.get(tok.i)
        if hit is not None and hit[0] >= last_end:
            countries.append(hit[2])
            last_end = hit[1]
    if len(set(countries)) == 1:
        country = countries[0]
    elif len(countries) == len(names):
        country = countries[names.index(span)]
    else:
        country = None
    return SharedPost(chain, start, country)


# Words that end the name of a post's territory ("Governor X of Borno State").
_TERRITORY_ENDS = {"state", "province", "region", "county", "district", "division", "territory", "governorate",
                   "prefecture", "emirate", "municipality", "city"}


def scope_after_name(doc: Doc, name: Span, sent_end: int) -> tuple[str, str | None] | None:
    """ "Governor X of Borno State", "Chief Minister X of Punjab", "Prime Minister X of India": the
    territory (or the country) a post before the name is of, written after the name; returns the
    scope's text and the country it names, if it names one. Only a whole phrase up to a clause's
    end: not "X of the ruling party"."""
    k = name.end
    if k + 1 >= sent_end or doc[k].lower_ != "of":
        return None
    j = k + 1 + (doc[k + 1].lower_ == "the")
    start = j
    while j < sent_end and j - start < 4 and (doc[j].is_title or doc[j].is_upper) and doc[j].is_alpha:
        j += 1
    if j == start or (j < sent_end and doc[j].text not in CLAUSE_END and doc[j].lower_ not in ("and", "on", "in")
                      and doc[j].pos_ not in ("VERB", "AUX")):
        return None
    phrase = doc[start:j]
    country = country_at(phrase[0])
    if country and all(country_at(t) == country for t in phrase):
        return phrase.text, country
    if phrase[-1].lower_ in _TERRITORY_ENDS or all(t.ent_type_ in ("GPE", "LOC") for t in phrase):
        return phrase.text, None
    return None
