"""Title words: the tokens a title chain is made of, and the tests that say whether a token
may stand inside one ("Pakistan's Chief of Army Staff", "communication minister", "Minister of
Electricity and Renewable Energy", "Road Transport and Bridges Minister").

Each test looks at one token in its place in the Doc (its neighbours, tag, dependency and
entity type); ``titles`` grows chains with them and ``title_reading`` splits a chain into its
parts.
"""
from __future__ import annotations

from spacy.tokens import Doc, Token

from .countries import country_at
from .name_words import is_post_word
from .posts import STATUS_WORDS, post_head

CONNECTORS = {"of", "the", "at", "for", "and", "on", "to"}
POSSESSIVE = {"'s", "’s"}     # a bare apostrophe is more often a closing quote
CLAUSE_END = {",", ".", ";", ":", ")", "(", "!", "?", "\"", "”", "—", "–"}
# Prepositions that give a post its scope ("commander for the region", "chief in <province>").
SCOPE = {"for", "in", "of", "at"}
DASHES = {"—", "–", "-"}
PRONOUNS = {"his", "her", "their"}
# Verbs of headlines written in title case, which the tagger may read as nouns ("X Hosts Apple CEO Y").
HEADLINE_VERBS = {"meets", "hosts", "receives", "welcomes", "greets", "visits", "holds", "calls", "says", "urges",
                  "thanks", "backs", "slams", "vows", "warns", "asks", "tells", "discusses", "signs", "opens",
                  "inaugurates", "launches", "appoints", "names", "sacks", "joins", "confers", "congratulates",
                  "honours", "honors", "praises", "seeks", "pledges", "assures", "briefs", "hails", "lauds"}


def is_head(tok: Token) -> bool:
    """A post's head word, singular or plural ("Minister", "Ministers")."""
    if post_head(tok.text) is not None:
        return True
    # "Co-ordinator", "Vice-Chairman": the tokenizer splits a hyphenated post
    doc = tok.doc
    return (tok.i >= 2 and doc[tok.i - 1].text == "-" and not doc[tok.i - 1].whitespace_
            and not doc[tok.i - 2].whitespace_ and post_head(doc[tok.i - 2].text + "-" + tok.text) is not None)


def chain_token_ok(tok: Token) -> bool:
    """Whether a token can stand inside a title chain such as "Pakistan's Chief of Army Staff"."""
    if tok.is_space or tok.ent_type_ in ("PERSON", "DATE", "TIME", "CARDINAL", "MONEY"):
        return False
    if tok.text in (",", ";", ":", "(", ")"):
        return False      # a comma the model put inside a place ("to [the Kingdom,] X") ends the chain
    low = tok.lower_
    if low == "and" or low in HEADLINE_VERBS:
        return False      # "Gen Bajwa and Foreign Minister Zarif": coordination ends a title; so does a
        # headline's verb ("X Hosts Apple CEO Y")
    if is_post_word(tok) or is_head(tok) or low in STATUS_WORDS or low in CONNECTORS or low in POSSESSIVE:
        return True
    if country_at(tok) or tok.ent_type_ in ("NORP", "GPE", "ORG"):
        return True
    if tok.text == "-" and not tok.whitespace_:
        return True
    return (tok.is_title or tok.is_upper) and tok.pos_ in ("PROPN", "NOUN", "ADJ")


def lower_modifier(tok: Token, limit: int) -> bool:
    """A lower-case word that modifies a later word of the post: "communication minister",
    "range inspector", "the agency's chief" (the parse says what it modifies)."""
    if not (tok.is_lower and tok.is_alpha):
        return False
    if tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].text in POSSESSIVE:
        return tok.pos_ == "NOUN" and tok.i > 0 and tok.doc[tok.i - 1].lower_ == "the"
    # a compound whatever its tag ("search rescue agency spokesman": "search" tagged a verb)
    return (tok.dep_ == "compound" or (tok.dep_ in ("amod", "nmod") and tok.pos_ in ("NOUN", "ADJ", "PROPN"))) \
        and tok.i < tok.head.i < limit


def scope_word(doc: Doc, k: int, start: int) -> bool:
    """A word of a post's scope, read from the right: "for the *region*", "of *police*",
    "in East *Java*": a preposition after a post word comes before it."""
    tok = doc[k]
    if not (tok.is_alpha and tok.pos_ in ("NOUN", "PROPN", "ADJ")) or tok.ent_type_ in ("PERSON", "DATE", "TIME"):
        return False      # "the president in May, X": a date is no scope
    m = k - 1
    while m > start and k - m <= 3 and (doc[m].lower_ == "the" or doc[m].pos_ in ("NOUN", "PROPN", "ADJ")) \
            and doc[m].lower_ not in SCOPE:
        m -= 1
    return m > start and doc[m].lower_ in SCOPE and (is_head(doc[m - 1]) or is_post_word(doc[m - 1]))


def scope_preposition(doc: Doc, k: int, start: int) -> bool:
    """ "commander *for* the region", "chief *in* <province>": a preposition right after a post."""
    if not (doc[k].lower_ in ("for", "in") and k > start):
        return False
    # "Leader of (the) Opposition in the Assembly X": after a post's own "of" phrase too
    if is_head(doc[k - 1]) or (k - 3 >= start and doc[k - 1].is_title and doc[k - 2].lower_ == "of"
                               and is_head(doc[k - 3])):
        return True
    return (k - 4 >= start and doc[k - 1].is_title and doc[k - 2].lower_ == "the" and doc[k - 3].lower_ == "of"
            and is_head(doc[k - 4]))


def inner_and(doc: Doc, k: int, start: int, commas: bool = False) -> bool:
    """ "Minister of Electricity *and* Renewable Energy", "Vice President for Western *and* Central
    Africa", "Special Adviser to the President on Media *and* Publicity": "and" inside a post's
    "of", "for" or "on" phrase."""
    if doc[k].lower_ != "and":
        return False
    if k + 1 < len(doc) and doc[k + 1].is_title and post_head(doc[k + 1].text) is not None:
        return False  # "General Secretary of the Party and President X": a second post
    j = k - 1
    while j > start and (doc[j].is_title or (commas and doc[j].text == "," and doc[j + 1].is_title)
                         or (doc[j].lower_ == "the" and doc[j - 1].lower_ in ("of", "for", "on"))) \
            and doc[j].ent_type_ != "PERSON":
        j -= 1        # "for Political, Legal and Security Affairs X" (with ``commas``), "of the National X and Y"
    return j < k - 1 and j > start and doc[j].lower_ in ("of", "for", "on") and is_post_word(doc[j - 1])


def inner_comma(doc: Doc, k: int, start: int, end: int) -> bool:
    """ "Coordinating Minister for Political, Legal and Security Affairs X": a comma between the
    capitalised portfolios of a post's "of"/"for" phrase, before the name."""
    if doc[k].text != "," or k + 1 >= end or not doc[k + 1].is_title:
        return False
    j = k - 1
    while j > start and doc[j].is_title and doc[j].ent_type_ != "PERSON":
        j -= 1
    return j < k - 1 and j > start and doc[j].lower_ in ("of", "for") and is_post_word(doc[j - 1]) and \
        any(t.lower_ == "and" for t in doc[k + 1:end])


def posts_and(doc: Doc, k: int, start: int, end: int) -> bool:
    """ "Crown Prince *and* Prime Minister X", "Deputy Prime Minister *and* Foreign Minister X", "General
    Secretary of the Party *and* President X": two posts of one person, both capitalised, before the name."""
    if not (doc[k].lower_ == "and" and start < k < end - 1 and doc[k + 1].is_title
            and (is_post_word(doc[k + 1]) or is_head(doc[k + 1]))):
        return False
    if is_head(doc[k - 1]) and doc[k - 1].is_title:
        return True
    # "General Secretary of the Communist Party of China *and* President X": a post's "of" phrase first
    j = k - 1
    while j > start and k - j <= 8 and (doc[j].is_title or doc[j].lower_ in ("of", "the", "for")
                                        or doc[j].text in POSSESSIVE):
        if doc[j].lower_ in ("of", "for") and doc[j - 1].is_title and is_head(doc[j - 1]):
            return post_head(doc[k + 1].text) is not None
        j -= 1
    return False


def portfolios_comma(doc: Doc, k: int, start: int, end: int) -> bool:
    """ "Trade*,* Industry and Competition Minister X": a comma between capitalised portfolio words
    whose list ends in "and" before the post's head."""
    if doc[k].text != "," or not start < k < end - 3 or not (doc[k - 1].is_title and doc[k - 1].is_alpha):
        return False
    if is_head(doc[k - 1]) or country_at(doc[k - 1]) or doc[k - 1].ent_type_ in ("PERSON", "GPE", "NORP"):
        return False
    j = k + 1
    while j < end - 2 and j - k <= 4 and doc[j].is_title and doc[j].is_alpha and not is_head(doc[j]):
        j += 1
    return j > k + 1 and doc[j].lower_ == "and" and portfolios_and(doc, j, start, end)


def portfolios_and(doc: Doc, k: int, start: int, end: int) -> bool:
    """ "Road Transport *and* Bridges Minister X", "Information *and* Broadcasting Minister X": "and"
    between two capitalised portfolio words before the post's head (never between two names or
    two countries: "Gen X and Foreign Minister Y")."""
    if doc[k].lower_ != "and" or not start < k < end - 2:
        return False

    def portfolio_word(tok: Token) -> bool:
        return (tok.is_title and tok.is_alpha and not is_head(tok) and not country_at(tok)
                and tok.ent_type_ not in ("PERSON", "GPE", "NORP"))   # a region may be a portfolio ("Asia and Pacific")

    before = doc[k - 1]
    if not portfolio_word(before) or (k >= 2 and doc[k - 2].text == "-" and not doc[k - 2].whitespace_):
        return False          # "at Aiwan-e-Sadr and Prime Minister X": the end of a hyphenated name
    if doc[k + 1].lower_ in ("prime", "deputy", "vice", "acting", "chief", "first"):
        return False          # "... and Prime Minister X", "... and Deputy Governor Y": a post of its own
    j = k + 1
    while j < end - 1 and j - k <= 3 and portfolio_word(doc[j]):
        j += 1
    # ("its Asia and Pacific Department director X": a lower-case head after capitalised portfolios)
    return j > k + 1 and is_head(doc[j]) and (doc[j].is_title or doc[j].is_lower and doc[j - 1].is_title)
