"""Titles: the posts a named person holds, read from the words around the name.

A title is a *chain* of title words next to a name, split into post, country,
organisation and status (``read_chain``), the way Wikidata models "position held".
The chains of English news that ``chains_for_name`` reads:

* before the name: "Pakistan's Chief of Army Staff General X", "Director-General
  Analysis at ISI Maj Gen X", "communication minister X", "<district> range inspector
  general of police X", "Minister of Electricity and Renewable Energy X";
* a description, a comma, then the name: "the army chief, General X,", "the agency's
  chief in <region>, X", "his Pakistani counterpart, X";
* after the name, after a comma, a bracket or a dash: "X, secretary of the Supreme
  National Security Council,", "X, the chief official for the <region> area in ...",
  "X (Iran's foreign minister)";
* a plural post shared by coordinated names: "Prime Ministers X and Y".

A country in the chain ("Iran's", "Iranian", "of Pakistan", "in Saudi Arabia") is the
post's country, never part of the post; "former", "acting", "then" are its status; a
scope after the post ("for the region", "in <province>") stays in the post. "Counterpart"
alone is not a post: the caller gives the other person's post instead.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from . import doc_cache
from .countries import country_at
from .entities import name_prefix
from .name_words import ORG_WORDS, PARTY_WORDS, is_post_word
from .post_names import bracket_after_post
from .posts import DESCRIPTION_HEADS, POST_ABBREVIATIONS, POST_HEADS, STATUS_WORDS, normalize_post, post_head
from .records import Article, DateValue, Person, Title

CONNECTORS = {"of", "the", "at", "for", "and", "on", "to"}
POSSESSIVE = {"'s", "’s"}     # a bare apostrophe is more often a closing quote
CLAUSE_END = {",", ".", ";", ":", ")", "(", "!", "?", "\"", "”", "—", "–"}
# Prepositions that give a post its scope ("commander for the region", "chief in <province>").
_SCOPE = {"for", "in", "of", "at"}
_DASHES = {"—", "–", "-"}
# "Majority Leader", "Opposition leader": posts of a house, not descriptions ("a party leader").
_HOUSE_LEADERS = {"majority", "minority", "opposition"}
# Forms of state in a country's official name ("the Republic of Kenya", "the Kingdom of Bahrain").
_STATE_FORMS = {"republic", "kingdom", "federation", "sultanate", "emirate", "emirates", "state", "states",
                "commonwealth", "principality", "union"}
_PRONOUNS = {"his", "her", "their"}


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


# --- token tests ---------------------------------------------------------------------------


def is_head(tok: Token) -> bool:
    """A post's head word, singular or plural ("Minister", "Ministers")."""
    if post_head(tok.text) is not None:
        return True
    # "Co-ordinator", "Vice-Chairman": the tokenizer splits a hyphenated post
    doc = tok.doc
    return (tok.i >= 2 and doc[tok.i - 1].text == "-" and not doc[tok.i - 1].whitespace_
            and not doc[tok.i - 2].whitespace_ and post_head(doc[tok.i - 2].text + "-" + tok.text) is not None)


def _chain_token_ok(tok: Token) -> bool:
    """Whether a token can stand inside a title chain such as "Pakistan's Chief of Army Staff"."""
    if tok.is_space or tok.ent_type_ in ("PERSON", "DATE", "TIME", "CARDINAL", "MONEY"):
        return False
    if tok.text in (",", ";", ":", "(", ")"):
        return False      # a comma the model put inside a place ("to [the Kingdom,] X") ends the chain
    low = tok.lower_
    if low == "and":
        return False      # "Gen Bajwa and Foreign Minister Zarif": coordination ends a title
    if is_post_word(tok) or is_head(tok) or low in STATUS_WORDS or low in CONNECTORS or low in POSSESSIVE:
        return True
    if country_at(tok) or tok.ent_type_ in ("NORP", "GPE", "ORG"):
        return True
    if tok.text == "-" and not tok.whitespace_:
        return True
    return (tok.is_title or tok.is_upper) and tok.pos_ in ("PROPN", "NOUN", "ADJ")


def _lower_modifier(tok: Token, limit: int) -> bool:
    """A lower-case word that modifies a later word of the post: "communication minister",
    "range inspector", "the agency's chief" (the parse says what it modifies)."""
    if not (tok.is_lower and tok.is_alpha):
        return False
    if tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].text in POSSESSIVE:
        return tok.pos_ == "NOUN" and tok.i > 0 and tok.doc[tok.i - 1].lower_ == "the"
    # a compound whatever its tag ("search rescue agency spokesman": "search" tagged a verb)
    return (tok.dep_ == "compound" or (tok.dep_ in ("amod", "nmod") and tok.pos_ in ("NOUN", "ADJ", "PROPN"))) \
        and tok.i < tok.head.i < limit


def _scope_word(doc: Doc, k: int, start: int) -> bool:
    """A word of a post's scope, read from the right: "for the *region*", "of *police*",
    "in East *Java*": a preposition after a post word comes before it."""
    tok = doc[k]
    if not (tok.is_alpha and tok.pos_ in ("NOUN", "PROPN", "ADJ")) or tok.ent_type_ in ("PERSON", "DATE", "TIME"):
        return False      # "the president in May, X": a date is no scope
    m = k - 1
    while m > start and k - m <= 3 and (doc[m].lower_ == "the" or doc[m].pos_ in ("NOUN", "PROPN", "ADJ")) \
            and doc[m].lower_ not in _SCOPE:
        m -= 1
    return m > start and doc[m].lower_ in _SCOPE and (is_head(doc[m - 1]) or is_post_word(doc[m - 1]))


def _scope_preposition(doc: Doc, k: int, start: int) -> bool:
    """ "commander *for* the region", "chief *in* <province>": a preposition right after a post."""
    if not (doc[k].lower_ in ("for", "in") and k > start):
        return False
    # "Leader of Opposition in the Assembly X": after a post's own "of" phrase too
    return is_head(doc[k - 1]) or (k - 3 >= start and doc[k - 1].is_title and doc[k - 2].lower_ == "of"
                                   and is_head(doc[k - 3]))


def _inner_and(doc: Doc, k: int, start: int, commas: bool = False) -> bool:
    """ "Minister of Electricity *and* Renewable Energy", "Vice President for Western *and* Central
    Africa": "and" inside a post's "of" or "for" phrase."""
    if doc[k].lower_ != "and":
        return False
    j = k - 1
    while j > start and (doc[j].is_title or (commas and doc[j].text == "," and doc[j + 1].is_title)) \
            and doc[j].ent_type_ != "PERSON":
        j -= 1        # "for Political, Legal and Security Affairs X" (with ``commas``)
    return j < k - 1 and j > start and doc[j].lower_ in ("of", "for") and is_post_word(doc[j - 1])


def _inner_comma(doc: Doc, k: int, start: int, end: int) -> bool:
    """ "Coordinating Minister for Political, Legal and Security Affairs X": a comma between the
    capitalised portfolios of a post's "of"/"for" phrase, before the name."""
    if doc[k].text != "," or k + 1 >= end or not doc[k + 1].is_title:
        return False
    j = k - 1
    while j > start and doc[j].is_title and doc[j].ent_type_ != "PERSON":
        j -= 1
    return j < k - 1 and j > start and doc[j].lower_ in ("of", "for") and is_post_word(doc[j - 1]) and \
        any(t.lower_ == "and" for t in doc[k + 1:end])


def _posts_and(doc: Doc, k: int, start: int, end: int) -> bool:
    """ "Crown Prince *and* Prime Minister X", "Deputy Prime Minister *and* Foreign Minister X": two
    posts of one person, both capitalised, before the name."""
    return (doc[k].lower_ == "and" and start < k < end - 1 and is_head(doc[k - 1]) and doc[k - 1].is_title
            and doc[k + 1].is_title and (is_post_word(doc[k + 1]) or is_head(doc[k + 1])))


def _portfolios_and(doc: Doc, k: int, start: int, end: int) -> bool:
    """ "Road Transport *and* Bridges Minister X", "Information *and* Broadcasting Minister X": "and"
    between two capitalised portfolio words before the post's head (never between two names or
    two countries: "Gen X and Foreign Minister Y")."""
    if doc[k].lower_ != "and" or not start < k < end - 2:
        return False

    def portfolio_word(tok: Token) -> bool:
        return (tok.is_title and tok.is_alpha and not is_head(tok) and not country_at(tok)
                and tok.ent_type_ not in ("PERSON", "GPE", "NORP"))   # a region may be a portfolio ("Asia and Pacific")

    if not portfolio_word(doc[k - 1]):
        return False
    j = k + 1
    while j < end - 1 and j - k <= 3 and portfolio_word(doc[j]):
        j += 1
    # ("its Asia and Pacific Department director X": a lower-case head after capitalised portfolios)
    return j > k + 1 and is_head(doc[j]) and (doc[j].is_title or doc[j].is_lower and doc[j - 1].is_title)


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
        if not (_chain_token_ok(tok) or _lower_modifier(tok, limit) or _scope_word(doc, k, sent_start)
                or _scope_preposition(doc, k, sent_start) or _inner_and(doc, k, sent_start, commas)
                or (commas and _inner_comma(doc, k, sent_start, end))
                or _posts_and(doc, k, sent_start, end) or _portfolios_and(doc, k, sent_start, end)):
            break
        i = k
    while i < end and (doc[i].lower_ in CONNECTORS or doc[i].text in POSSESSIVE or doc[i].text == "-"):
        i += 1
    if i < end and doc[end - 1].lower_ in CONNECTORS | _SCOPE:
        return None           # "representatives of [X's family]": the name is the object, not the holder
    return doc[i:end] if i < end else None


def left_apposition(doc: Doc, name: Span, sent: Span) -> Span | None:
    """ "Pakistan's army chief, General X, ..." / "his Pakistani counterpart, X": a definite
    description, a comma, then the name closing the apposition (or standing where the
    description began a clause: "..., the Minister of Defense of China, X spoke")."""
    p = name_prefix(name).start
    if p - 3 >= sent.start and doc[p - 1].is_title and post_head(doc[p - 1].text) is not None \
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
    if before in _PRONOUNS and any(t.lower_ == "counterpart" for t in chain):
        return doc[chain.start - 1:chain.end]
    # "the army chief, X", "his oil minister, X", "led by its vice president for Africa, X"
    determiner = before == "the" or before in _PRONOUNS or before == "its"
    # a post that opens the sentence is definite too: "Minister of Foreign Affairs, X, held talks"
    definite = determiner or any(t.text in POSSESSIVE for t in chain) or chain.start == sent.start
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
    if not (opener.text in (",", "(") or (opener.text in _DASHES and opener.whitespace_)):
        return None
    i = j = start + 1
    if j < sent_end and doc[j].lower_ in ("and", "or"):
        return None           # "X, and Minister for Trade Y": the next person of a list
    indefinite = j < sent_end and doc[j].lower_ in ("a", "an")
    if j < sent_end and (doc[j].lower_ in ("the", *_PRONOUNS) or indefinite):
        j += 1
        i = j if indefinite else i
    scopes = 0
    while j < sent_end and j not in person_starts:
        tok = doc[j]
        if tok.lower_ in _SCOPE:
            if not any(is_head(t) for t in doc[i:j]):
                break
            scopes += 1
            # "... for the Kasese area | in Western Region", but "... Bank of New York"
            # ("of"/"for" a capitalised name goes on: "Secretary-General of the Supreme Council for National Security")
            if scopes > 1 and not _country_phrase_at(doc, j + 1, sent_end) and not (
                    tok.lower_ in ("of", "for") and j + 1 < sent_end and doc[j + 1].is_title):
                break
        elif tok.lower_ == "and":
            # "X, Iraq's deputy prime minister and foreign minister,": two posts
            if not (j + 1 < sent_end and (is_post_word(doc[j + 1]) or (scopes and doc[j + 1].is_title))):
                break
        elif not (_chain_token_ok(tok) or (scopes and tok.is_alpha and tok.pos_ in ("NOUN", "PROPN", "ADJ")
                                           and tok.ent_type_ not in ("DATE", "TIME"))
                  or (tok.is_lower and tok.pos_ in ("NOUN", "ADJ") and tok.dep_ in ("compound", "amod")
                      and j < tok.head.i < sent_end)):
            break
        j += 1
    while j > i and j - 1 in person_starts:    # ran into the next person's rank ("..., Army Commander Major General X")
        j -= 1
    while j > i and doc[j - 1].lower_ in CONNECTORS | _SCOPE:
        j -= 1
    chain = doc[i:j]
    if not len(chain) or not any(is_head(t) for t in chain):
        return None
    if indefinite and (chain[-1].lower_ not in ("spokesman", "spokeswoman", "spokesperson")
                       or j + 1 < sent_end and doc[j].text == "," and j + 1 in person_starts):
        return None           # "X, a former minister,": a description; "X, a ministry spokesman,": the post
        # (but "X, a U.N. spokesman, Y, said": Y's)
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
    if chain[0].lower_ in _PRONOUNS and not any(t.lower_ == "counterpart" for t in chain):
        return None
    return chain


def _country_phrase_at(doc: Doc, k: int, end: int) -> bool:
    if k < end and doc[k].lower_ == "the":
        k += 1
    return k < end and country_at(doc[k]) is not None


def split_on_and(chain: Span) -> list[Span]:
    """ "deputy prime minister and foreign minister" -> two posts; the country before the
    first ("Iraq's") is kept with the first, and read for the second by the caller's country.
    An "and" inside an "of" phrase ("Minister of Electricity and Renewable Energy") stays."""
    doc = chain.doc
    cuts = [t.i for t in chain if t.lower_ == "and" and not _inner_and(doc, t.i, chain.start, True)
            and not _portfolios_and(doc, t.i, chain.start - 1, chain.end)]
    if not cuts:
        return [chain]
    bounds = [chain.start] + [c + 1 for c in cuts]
    ends = cuts + [chain.end]
    return [doc[b:e] for b, e in zip(bounds, ends) if e > b]


def plural_chain_before(doc: Doc, name: Span, sent: Span, ends_at: dict[int, Span]) -> Span | None:
    """ "Prime Ministers X and Y": the plural post before a coordination of names, for Y
    (``ends_at`` maps a token index just after a name to that name's span)."""
    i = name_prefix(name).start
    stepped = False
    while i > sent.start and doc[i - 1].text in (",", "and"):
        i -= 1
        while i > sent.start and doc[i - 1].text in (",", "and"):
            i -= 1
        other = ends_at.get(i)
        if other is None:
            return None
        i, stepped = name_prefix(other).start, True
    if not stepped:
        return None
    chain = left_chain(doc, i, sent.start)
    heads = [t for t in chain if is_head(t)] if chain is not None else []
    return chain if heads and _plural_head(heads[0].text) else None


# --- reading a chain -----------------------------------------------------------------------


@dataclass
class TitleParts:
    post_tokens: list[Token] = field(default_factory=list)
    country: str | None = None
    organisation: str | None = None
    status: str | None = None


def read_chain(chain: Span) -> TitleParts:
    """Split a title chain into post, country, organisation and status."""
    parts = TitleParts()
    tokens = list(chain)
    # "Director General of Police (DGP)": an acronym in brackets restates the post
    tokens = [t for k, t in enumerate(tokens) if not _bracketed_acronym(tokens, k)]
    # "... at ISI": the organisation the post belongs to, not part of the post.
    at = next((k for k, t in enumerate(tokens) if t.lower_ == "at" and k > 0), None)
    if at is not None:
        parts.organisation = _text(tokens[at + 1:]).removeprefix("the ").strip() or None
        tokens = tokens[:at]
    # "... of Pakistan", "... in Saudi Arabia": the country, not part of the post. "Envoy for North
    # Korea", "Ambassador to Pakistan": the country the post deals with, part of the post, not its holder's.
    scope_tokens: set[int] = set()
    for k, tok in enumerate(tokens):
        rest = [t for t in tokens[k + 1:] if t.lower_ != "the"]
        if k > 0 and tok.lower_ in _SCOPE | {"to"} and rest and all(country_at(t) or t.text in POSSESSIVE for t in rest):
            if tok.lower_ in ("for", "to"):
                scope_tokens = {t.i for t in tokens[k + 1:]}
            else:
                parts.country = country_at(rest[0])
                tokens = tokens[:k]
                # "President of the Republic of Kenya": the state's form is part of the country's name
                # ("the Islamic Republic of Iran" too; not "Minister of State of Qatar")
                if len(tokens) > 3 and tokens[-1].lower_ in _STATE_FORMS:
                    the = next((m for m in range(len(tokens) - 2, max(0, len(tokens) - 5), -1)
                                if tokens[m].lower_ == "the"), None)
                    if the is not None and the > 1 and tokens[the - 1].lower_ == "of" and all(
                            t.is_title for t in tokens[the + 1:]):
                        tokens = tokens[:the - 1]
            break
    kept: list[Token] = []
    for k, tok in enumerate(tokens):
        low = tok.lower_
        nxt = tokens[k + 1] if k + 1 < len(tokens) else None
        country = country_at(tok) if tok.i not in scope_tokens else None
        if country and ((nxt is not None and nxt.text == "-") or (k and tokens[k - 1].text == "-")):
            continue          # "Hungarian-American": two countries, neither is the post's
        if tok.text == "-" and k and nxt is not None and country_at(tokens[k - 1]) and country_at(nxt):
            continue          # and the hyphen between them ("the Japan-Bangladesh Friendship League")
        if country:
            parts.country = parts.country or country
            if kept and kept[-1].lower_ in ("of", "from") and (nxt is None or country_at(nxt) is None):
                kept.pop()    # "Ambassador [of Chile] to Malaysia"
            continue
        if low in POSSESSIVE and kept and k + 1 < len(tokens) and kept[-1].i == tok.i - 1 \
                and kept[-1].is_title and tokens[k + 1].is_title and kept[-1].lower_ not in CONNECTORS \
                and kept[-1].ent_type_ != "GPE" and not (is_post_word(tokens[k + 1]) or is_head(tokens[k + 1])):
            kept.append(tok)  # a name's own possessive: "commander of the People's Liberation Army"
            continue
        if low in POSSESSIVE or low in _PRONOUNS or tok.text == "new":
            continue          # "Jordan's new ambassador": the post itself ("New York" keeps its capital)
        if low in PARTY_WORDS and nxt is not None and is_head(nxt) and tok.is_title:
            continue          # "Labour MP", "Republican Senator": the party, like a nationality, is no part of the post
        if low in STATUS_WORDS and not (nxt is not None and nxt.text == "-" and low != "ex"):
            parts.status = parts.status or STATUS_WORDS[low]
            continue
        if low == "-" and kept and kept[-1].lower_ == "ex":
            kept.pop()
            parts.status = parts.status or "former"
            continue
        kept.append(tok)
    while kept and (kept[0].lower_ in CONNECTORS or kept[0].text == "-"):
        kept.pop(0)
    while kept and (kept[-1].lower_ in CONNECTORS | _SCOPE or kept[-1].text == "-"):
        kept.pop()
    parts.post_tokens = kept
    if parts.organisation is None:
        parts.organisation = _organisation_in(kept)
    return parts


def _bracketed_acronym(tokens: list[Token], k: int) -> bool:
    """Whether token k is part of a bracketed acronym: "(", "DGP", ")"."""
    for first in (k - 2, k - 1, k):
        if 0 <= first and first + 2 < len(tokens) and tokens[first].text == "(" and tokens[first + 2].text == ")" \
                and tokens[first + 1].is_upper and tokens[first + 1].is_alpha:
            return True
    return False


def _organisation_in(tokens: list[Token]) -> str | None:
    """A named organisation inside the post: an ORG entity or an acronym ("ISI chief")."""
    org = [t for t in tokens if t.ent_type_ == "ORG" and t.lower_ not in CONNECTORS
           and not (t.lower_ in ORG_WORDS and len(tokens) <= 3)]
    if any(is_head(t) for t in org):
        org = []              # the model called the post itself an organisation ("National Co-ordinator")
    if org:
        # the longest unbroken run: "Science [and] Technology Minister" names no organisation,
        # "the Army['s] 64th Infantry Battalion" names the battalion
        runs: list[list[Token]] = []
        for t in org:
            if runs and runs[-1][-1].i == t.i - 1:
                runs[-1].append(t)
            else:
                runs.append([t])
        org = max(reversed(runs), key=len)
        text = _text(org)
        return text if len(org) > 1 or org[0].is_upper else None
    acronym = next((t for t in tokens if t.is_upper and len(t) >= 2 and t.is_alpha
                    and t.lower_ not in POST_HEADS), None)
    return acronym.text if acronym is not None else None


def _text(tokens: list[Token]) -> str:
    return "".join(t.text_with_ws for t in tokens).strip()


def post_text(tokens: list[Token]) -> str:
    """ "foreign minister" -> "Foreign Minister", "Prime Ministers" -> "Prime Minister" (the
    first head only: "Chairman of the Joint Chiefs"); connectors stay lower case, acronyms
    as written."""
    out = []
    main = next((t.i for t in tokens if is_head(t)), None)
    for k, tok in enumerate(tokens):
        word = _singular(tok.text) if tok.i == main else tok.text
        if (tok.lower_ in CONNECTORS or tok.lower_ in _SCOPE) and k > 0:
            word = tok.lower_
        elif not tok.is_upper and word != "-" and not (
                k >= 2 and tokens[k - 1].text == "-" and tokens[k - 1].i == tok.i - 1 and tokens[k - 2].is_title):
            word = word[:1].upper() + word[1:]        # "vice-premier" -> "Vice-Premier"; "Co-ordinator" as written
        glued = k + 1 < len(tokens) and tokens[k + 1].i == tok.i + 1 and not tok.whitespace_
        out.append(word + ("" if glued else " "))    # "agency's chief": the dropped "'s" leaves a space
    return "".join(out).strip()


def _plural_head(word: str) -> bool:
    head = post_head(word)
    return head is not None and head != word.lower() and word.lower() not in POST_ABBREVIATIONS


def _singular(word: str) -> str:
    """ "Ministers" -> "Minister", "Secretaries" -> "Secretary", "Gov." -> "Governor"; other words as written."""
    if word.lower() in POST_ABBREVIATIONS:
        return POST_ABBREVIATIONS[word.lower()].title()
    head = post_head(word)
    if head is None or head == word.lower():
        return word
    if word.lower().endswith("ies") and head.endswith("y"):
        return word[:-3] + ("Y" if word.isupper() else "y")
    return word[: len(head)]


def title_from_chain(chain: Span, sentence: int, rank: str | None) -> tuple[Title | None, str | None]:
    """The title a chain states, and the country it names (which may come without a post)."""
    parts = read_chain(chain)
    heads = [t for t in parts.post_tokens if is_head(t)]
    if not heads:
        return None, parts.country
    post = post_text(parts.post_tokens)
    words = {t.lower_ for t in parts.post_tokens}
    # A description with a scope ("top commander for the region") names a post.
    scoped = bool(words & _SCOPE)
    title = Title(
        post=post, start=chain.start_char, end=chain.end_char, text=chain.text,
        sentence=sentence, country=parts.country,
        organisation=parts.organisation, rank=rank, status=parts.status,
        is_description=not scoped and (bool(words & DESCRIPTION_HEADS) or "top" in words)
        and not words & _HOUSE_LEADERS,
        normalized_post=normalize_post(post),
    )
    return title, parts.country


def royal_title(span: Span, sentence: int) -> Title | None:
    """ "King Abdullah", "Pope Francis": the royal or religious title standing before the name."""
    prefix = name_prefix(span)
    royal = prefix.royal
    if not royal:
        return None
    doc = span.doc
    start = prefix.start
    words = royal.split()
    begin = next((i for i in range(start, span.start) if doc[i].lower_ == words[0].lower()), start)
    post = " ".join(w[:1].upper() + w[1:].lower() for w in words)
    return Title(post=post, start=doc[begin].idx, end=doc[begin + len(words) - 1].idx + len(doc[begin + len(words) - 1]),
                 text=doc[begin:begin + len(words)].text, sentence=sentence, normalized_post=normalize_post(post))


# --- as of when -----------------------------------------------------------------------------


def date_titles(people: list[Person], context, article: Article | None) -> None:
    """Set each title's as-of date: the date its sentence gives (the one the parse attaches
    nearest to the title), else the publication date. A "former" post is stated as of
    publication; a "then" post holds only at the sentence's date (else no date).
    ``context`` is the article's ``dates.DateContext``."""
    published = None
    if article is not None and article.published:
        published = DateValue(raw=article.published_raw or article.published, iso=article.published,
                              precision=article.published_precision or "day", reference="published")
    doc = context.doc
    for person in people:
        for title in person.titles:
            stated = None
            if title.status != "former":
                span = doc.char_span(title.start, title.end, alignment_mode="expand")
                value = context.date_for(span, own_clause=True) if span is not None and len(span) else None
                stated = value if value is not None and value.iso else None
            if stated is not None and published is not None and stated.iso > published.iso:
                stated = None     # "X is stepping down in May 2020": a forecast, not when the post was held
            if stated is not None:
                title.as_of, title.as_of_source = stated, "sentence"
            elif title.status != "then" and published is not None:
                title.as_of, title.as_of_source = published, "published"
