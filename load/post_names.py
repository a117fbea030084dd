"""Names told by a post or a description (for the people layer, ``load.entities``): where a post's
phrase ends and a name may follow ("Inspector General of Police (Bastar range) X", "Minister of
Energy X", "the governor-designate, X,"), names before a description of a person ("X Y, a
43-year-old farmer"), a post's scope that is a place or a department ("DIG Operations Lahore X
Y"), and spans that are a venue, a city or a country rather than a person."""
from __future__ import annotations

from bisect import bisect_left

import numpy
from spacy.attrs import IS_TITLE, LOWER
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token

from . import doc_cache
from .countries import countries_in, country_at
from .name_words import PLACE_PREPOSITIONS, POSSESSIVE, end_of_name, is_post_word, name_like, name_word_text
from .posts import POST_DEPARTMENTS, POST_MODIFIERS, POST_SUFFIXES, post_head


# Nouns for people that an indefinite description of a person ends in ("X, a local farmer, ...").
PERSON_NOUNS = {
    "militant", "fighter", "member", "resident", "farmer", "student", "teacher", "journalist", "reporter",
    "photographer", "activist", "lawyer", "doctor", "nurse", "soldier", "policeman", "policewoman",
    "businessman", "businesswoman", "driver", "worker", "survivor", "witness", "victim", "mother", "father",
    "son", "daughter", "wife", "husband", "brother", "sister", "man", "woman", "boy", "girl", "villager",
    "analyst", "economist", "professor", "researcher", "scientist", "expert", "author", "writer", "singer",
    "actor", "actress", "player", "coach", "priest", "cleric", "imam", "monk", "pilot", "suspect", "gunman",
    "prisoner", "hostage", "migrant", "refugee", "citizen", "veteran", "politician", "founder", "owner",
    "trader", "shopkeeper", "fisherman", "engineer", "official", "leader", "commander", "spokesman",
    "spokeswoman", "spokesperson", "candidate", "lawmaker", "mayor", "governor", "minister",
}


def described_names(doc: Doc) -> list[Span]:
    """Names the model missed before a description of a person: "X Y, an Abu Sayyaf militant
    who ...", "X Y, a 43-year-old farmer, said ...", and before a post held ("X Y, the Kenyan
    foreign minister, met ...", "X Y, Ghana's energy minister, said ..."): the model often
    misses the name that follows an agency dateline ("CITY - X Y, the ...")."""
    spans = []
    resume = 0     # a name's run is not read again from inside
    for i in doc_cache.tokens_where(doc, name_word_text):   # only a name word can start a name
        if i < resume or i >= len(doc) - 3:
            continue
        if not (name_like(doc[i]) and doc[i].ent_type_ in ("", "PERSON", "ORG")) or (i and name_like(doc[i - 1])):
            continue
        end = end_of_name(doc, i)
        # (the model may call the name an organisation: "Hamish Falconer" ORG; its words are name words)
        if end - i >= 2 and all(t.ent_type_ in ("", "ORG") for t in doc[i:end]) and end + 2 < len(doc) \
                and doc[end].text == ",":
            opening = doc[end + 1]
            definite = opening.lower_ == "the" or (end + 3 < len(doc) and doc[end + 2].text in ("'s", "’s")
                                                   and opening.is_title)
            if opening.lower_ in ("a", "an") or definite:
                k = end + 2
                while k < min(len(doc), end + 9) and doc[k].text not in (",", ".", ";") \
                        and doc[k].lower_ not in ("who", "whose"):
                    k += 1
                last = doc[k - 1]
                # a name the model called an organisation needs a post with its scope after it
                scoped = definite and doc[k].text in (",", ".") and _scoped_post(doc, end + 2, k)
                if k < len(doc) and (scoped or not any(t.ent_type_ == "ORG" for t in doc[i:end]) and (
                        (last.lower_ in PERSON_NOUNS and last.pos_ == "NOUN")
                        or (definite and doc[k].text == "," and post_head(last.text) and not last.text.endswith("s")))):
                    spans.append(Span(doc, i, end, label="PERSON"))
        resume = max(end, i + 1)
    return spans


COMPASS = {"east", "west", "north", "south", "central", "eastern", "western", "northern", "southern"}


def _scoped_post(doc: Doc, start: int, end: int) -> bool:
    """ "the Minister for the Middle East", "the Secretary of State for Wales": a capitalised post's head
    and its scope (a description of a post, not of something else)."""
    return any(doc[m].is_title and post_head(doc[m].text) == doc[m].lower_ and doc[m + 1].lower_ in ("for", "of", "to")
               for m in range(start, end - 2))


def _post_head_word(text: str) -> bool:
    return post_head(text) is not None or text.lower() in POST_SUFFIXES


def _post_suffix(doc: Doc, i: int) -> bool:
    """ "President-elect", "governor-designate": a suffix glued to a post's head."""
    return (doc[i].lower_ in POST_SUFFIXES and i >= 2 and doc[i - 1].text == "-" and not doc[i - 1].whitespace_
            and not doc[i - 2].whitespace_ and post_head(doc[i - 2].text) is not None)


def _late(lower: str) -> bool:
    return lower == "late"


def _of_or_for(lower: str) -> bool:
    return lower in ("of", "for", "in")


def before_name_candidates(doc: Doc) -> list[int]:
    """The tokens (but the last) that ``stands_before_name`` may accept, and the commas that
    ``post_phrase_ends_at`` may accept before: a post's head, "late", a country, the word after
    a post word's "of"/"for" and the capitalised words (or "and") up to four after it ("Minister
    of Energy X"), a comma after a post's head, a capitalised word or a country with a post's
    head at most 14 words back. Picked off the Doc's arrays: a Token and a test for every word of
    every article cost more."""
    heads = doc_cache.tokens_where(doc, _post_head_word)
    countries = countries_in(doc)
    found = set(heads) | set(doc_cache.tokens_where(doc, _late, LOWER)) | set(countries)
    title_or_and = doc.to_array(IS_TITLE).astype(bool) | (doc.to_array(LOWER) == get_string_id("and"))
    post_words = set(doc_cache.tokens_where(doc, _post_word_text))
    of_or_for = doc_cache.tokens_where(doc, _of_or_for, LOWER)
    scope_words = title_or_and.copy()     # what a post's scope is made of: "of State for African Affairs"
    scope_words[of_or_for] = True
    scope_words[doc_cache.tokens_where(doc, _comma)] = True
    scope_words[doc.to_array(LOWER) == get_string_id("the")] = True
    for k in of_or_for:
        if k - 1 not in post_words:
            continue          # both readings need a post word before "of"/"for"
        found.add(k + 1)
        i = k + 1
        while i < k + 9 and i + 1 < len(doc) and scope_words[i] and scope_words[i + 1]:
            found.add(i + 1)
            i += 1
    after = set(heads) | set(countries) | set(numpy.flatnonzero(title_or_and).tolist())
    found.update(i for i in doc_cache.tokens_where(doc, _comma)
                 if i - 1 in after and _any_between(heads, i - 14, i - 1))
    # a bracket closing right after a post's scope or acronym ("Secretary (Home) X")
    found.update(i for i in doc_cache.tokens_where(doc, _closing_bracket) if _any_between(heads, i - 8, i - 2))
    return sorted(i for i in found if i < len(doc) - 1)


def _any_between(positions: list[int], low: int, high: int) -> bool:
    """Whether a sorted list holds a value from ``low`` to ``high``."""
    k = bisect_left(positions, low)
    return k < len(positions) and positions[k] <= high


def _post_word_text(text: str) -> bool:
    """``is_post_word`` of a token with this text."""
    return text.lower() in POST_MODIFIERS or post_head(text) is not None


def _comma(text: str) -> bool:
    return text == ","


def _closing_bracket(text: str) -> bool:
    return text == ")"


def stands_before_name(doc: Doc, tok: Token) -> bool:
    """Whether a full name may follow this token: the end of a post ("Ambassador X",
    "Prime Ministers X and Y", "army spokesperson X", "Ambassador to Pakistan X",
    "inspector general of police X") or "the late X"."""
    low = tok.lower_
    if low in POST_SUFFIXES:
        return _post_suffix(doc, tok.i) and (doc[tok.i - 2].is_title or doc[tok.i - 2].is_upper)
    if tok.text == ")":
        # "Additional Chief Secretary (Home) X", "Inspector General of Police (Bastar range) X"
        opening = bracket_after_post(doc, tok.i, tok.sent.start)
        return opening is not None and doc[opening - 1].text != ")" and stands_before_name(doc, doc[opening - 1])
    if post_head(tok.text):    # "Ambassador X", "DIG X", "army spokesperson X"
        return tok.is_title or (tok.is_upper and len(tok) > 1) or (tok.is_lower and tok.pos_ == "NOUN")
    if low == "late":
        return tok.i > 0 and doc[tok.i - 1].lower_ == "the"
    if tok.i < 2:
        return False
    country = countries_in(doc).get(tok.i)
    if country is not None:
        if country[1] > tok.i + 1:
            return False      # inside a country's name: "Envoy for [North] Korea X"
        first = country[0]    # "Ambassador to Saudi Arabia X", "Special Representative for North Korea X"
        if first < 2 or doc[first - 1].lower_ not in ("to", "of", "for"):
            return False
        # "Minister of Foreign Affairs of the Republic of Kazakhstan X": the country ends the post's scope
        k = first - 2
        while k >= max(0, first - 12) and doc[k].ent_type_ != "PERSON":
            if post_head(doc[k].text) is not None:
                return True
            if not (doc[k].is_title or doc[k].lower_ in ("of", "for", "to", "the", "and")):
                return False
            k -= 1
        return False
    if tok.is_lower:
        return tok.pos_ == "NOUN" and doc[tok.i - 1].lower_ == "of" and is_post_word(doc[tok.i - 2])
    # "Minister of Energy X", "Secretary of State X", "Minister for Foreign Affairs X"; a longer scope:
    # "Assistant Secretary of State for African Affairs X", "Minister for Political, Legal and Security Affairs X"
    k = tok.i
    while k > max(0, tok.i - 10) and doc[k].ent_type_ != "PERSON":
        if doc[k].lower_ in ("of", "for", "in") and k < tok.i:
            if post_head(doc[k - 1].text) is not None or doc[k - 1].lower_ == "opposition":
                return True   # ("Ambassador in Dhaka X", "Leader of Opposition in the Assembly X")
        elif not (doc[k].is_title or doc[k].lower_ in ("and", "the") or (doc[k].text == "," and k + 1 < tok.i)):
            return False
        k -= 1
    return False


_NOT_SCOPES = {"left", "right", "centre", "center", "l", "r", "c", "pictured", "file", "photo", "retd", "retired"}


def bracket_after_post(doc: Doc, close: int, sent_start: int) -> int | None:
    """Where the bracket closing at ``close`` opens, when it holds a post's scope or acronym right
    after the post: "Additional Chief Secretary (Home)", "Deputy Governor (Operations)",
    "Inspector General of Police (Bastar range)", "Director General of Police (DGP)", "Chief of Army
    Staff (COAS)"; not a
    caption's "(left)" nor a name's own brackets."""
    for opening in range(close - 2, max(sent_start, close - 5), -1):
        if doc[opening].text == "(":
            break
    else:
        return None
    inner = doc[opening + 1:close]
    if not all(t.is_alpha and t.ent_type_ not in ("PERSON", "DATE", "TIME") for t in inner) or \
            any(t.lower_ in _NOT_SCOPES for t in inner) or not (inner[0].is_title or inner[0].is_upper):
        return None
    before = doc[opening - 1] if opening - 1 >= sent_start else None
    if before is None or before.whitespace_ == "":
        return None
    if post_head(before.text) is not None or (before.is_title and before.is_alpha and opening - 2 >= sent_start
                                              and doc[opening - 2].lower_ in ("of", "for")):
        return opening
    # "Inspector General of Police (X range)", "Chief of Army Staff (COAS)", "the Secretary to the Government
    # of the Federation (SGF)": after the post's own phrase
    j = opening - 1
    while j >= sent_start and opening - j <= 8 and ((doc[j].is_title and doc[j].is_alpha)
                                                   or doc[j].lower_ in ("of", "for", "to", "the")):
        if post_head(doc[j].text) is not None and doc[j].is_title:
            return opening
        j -= 1
    return None


def post_phrase_ends_at(doc: Doc, i: int) -> bool:
    """Whether a post's phrase ends at token i: "Ambassador", "Ambassador of Brazil to Malaysia",
    "Governor of the Central Bank", "Minister of Energy, Mines and Petroleum" (capitalised words,
    countries, of/to/for, commas and "and" back to a post)."""
    tok = doc[i]
    if tok.is_lower and tok.pos_ == "NOUN" and post_head(tok.text) is not None:
        return True           # "his Ghanaian counterpart, X,", "the minister, X,"
    if _post_suffix(doc, i):
        return True           # "the governor-designate, X,"
    if not (tok.is_title or country_at(tok)):
        return False
    for k in range(i, max(-1, i - 14), -1):
        t = doc[k]
        if t.is_title and post_head(t.text) is not None:
            return True
        if t.is_lower and post_head(t.text) is not None and k > 0 and (
                doc[k - 1].lower_ in ("the", "its", "his", "her", "their") or doc[k - 1].text in POSSESSIVE):
            return True       # "the chair of the Foreign Affairs Committee, X,"
        # "Minister of Foreign Affairs, African Cooperation and Overseas Nationals, X"
        if not (country_at(t) or t.lower_ in ("of", "to", "for", "the", "and", ",", "&") or (t.is_title and t.is_alpha)):
            return False
    return False


# Verbs and nouns of events whose "at X" is where they happened, never a person.
_EVENT_HEADS = {"hold", "host", "receive", "meet", "welcome", "sign", "open", "inaugurate", "unveil", "happen",
                "occur", "gather", "meeting", "talk", "talks", "ceremony", "summit", "reception", "event",
                "conference", "banquet", "dinner", "lunch", "function", "session", "forum", "rally", "celebration"}


def venue_of_event(doc: Doc, span: Span) -> bool:
    """ "held at Qasr Al Watan", "a ceremony at Rashtrapati Bhavan", "received X at Y": the object
    of an "at" that tells where an event took place ("at X's house" is the person's)."""
    if span.start == 0 or doc[span.start - 1].lower_ != "at" or (
            span.end < len(doc) and doc[span.end].text in POSSESSIVE):
        return False
    at = doc[span.start - 1]
    return span.root.head == at and at.head.lemma_.lower() in _EVENT_HEADS


def is_city(doc: Doc, span: Span) -> bool:
    """A city the model took for a name, after a preposition of place: "in Sioux Falls", "of San
    Pedro"; a one-word city only right after "in"/"near" ("met at the palace in Dakar"): one-word
    cities are also surnames ("a letter to Jackson")."""
    if span.start == 0 or doc[span.start - 1].lower_ not in PLACE_PREPOSITIONS:
        return False
    if len(span) == 1 and doc[span.start - 1].lower_ not in ("in", "near", "outside") and not (
            span.start >= 2 and doc[span.start - 1].lower_ == "of"
            and doc[span.start - 2].lower_ in ("city", "town", "village", "capital", "port", "district")):
        return False        # "the Amazon city of Leticia" is a place
    from .places import geocode

    return geocode(span.text) is not None


# Plural portfolio words that end a post's scope ("Road Transport and Highways", "Mineral Resources").
PORTFOLIO_PLURALS = {"affairs", "resources", "highways", "works", "mines", "communications", "fisheries",
                      "services", "relations", "railways", "waterways", "ports", "forests", "minerals",
                      "industries", "sports", "roads", "lands", "finances", "statistics", "investments",
                      "expatriates", "nationals", "abroad", "diaspora"}     # "... and Expatriates X", "Chadians Abroad"


def after_portfolios(doc: Doc, start: int, end: int) -> int:
    """Where the name begins in a span the model starts inside a post's portfolios: "Minister of
    Petroleum and [Mineral Resources Karim Badawi]", "Minister for Road Transport and [Highways
    Nitin Gadkari]": after the last plural portfolio word, when two name words remain."""
    if end - start < 3 or start == 0 or doc[start - 1].lower_ not in ("and", "of", "for") or \
            not any(post_head(t.text) for t in doc[max(0, start - 8):start]):
        return start
    last = max((k for k in range(start, end - 2)
                if doc[k].lower_ in PORTFOLIO_PLURALS or doc[k].tag_ == "NNPS"), default=None)
    return last + 1 if last is not None else start


def scope_city(doc: Doc, start: int, end: int) -> bool:
    """ "Inspector General of Police (IGP) Islamabad Ali Nasir Rizvi", "DIG Operations Lahore X Y",
    "Chief Minister Punjab X Y Z": a department or place right after a post (or its bracket) and
    before a name of two words or more is the post's scope. A place needs evidence, since the
    gazetteer knows given names too ("Arun", "Ali"): the article names it elsewhere as a place (a
    dateline, "in Lahore"), or writes it after posts before three different names ("IG Punjab X",
    "DIG Operations Punjab Y", "Chief Minister Punjab Z": a given name goes with one surname, and two
    people with one given name are common)."""
    if start == 0:
        return False
    before = doc[start - 1]
    word = doc[start]
    after_post = word.is_title and before.lower_ in ("of", "in") and start >= 2 and post_head(doc[start - 2].text)
    if not (after_post or word.is_title and (before.text == ")" or before.lower_ in POST_DEPARTMENTS
                                             or (before.is_upper or before.is_title) and is_post_word(before))):
        return False      # (the cheap tests first: this runs for every name the model finds)
    if max(end, end_of_name(doc, start)) - start < 3:
        return False
    if after_post:
        from .places import geocode     # "Mayor of Lima X Y", "Governor of Kano X Y": the post's city

        inside_place = start + 1 < len(doc) and doc[start + 1].ent_iob_ == "I" and doc[start + 1].ent_type_ in ("GPE", "LOC")
        return geocode(word.text) is not None and word.ent_type_ in ("", "GPE", "PERSON") and not inside_place
    if word.lower_ in POST_DEPARTMENTS:
        return True
    same = [k for k in numpy.flatnonzero(doc.to_array(LOWER) == word.lower).tolist() if k != start]
    if any(_whole_place(doc, k) or (doc[k].is_upper and len(doc[k]) > 2) for k in same):
        from .places import geocode

        return geocode(word.text) is not None
    after_posts = {doc[k + 1].lower_ for k in same if 0 < k < len(doc) - 1 and _post_or_department(doc[k - 1])}
    return len(after_posts - {doc[start + 1].lower_}) >= 2


def _whole_place(doc: Doc, k: int) -> bool:
    """A place entity of this one word ("in Lahore"; not the "Sri" of "Sri Lanka")."""
    return doc[k].ent_type_ in ("GPE", "LOC") and doc[k].ent_iob_ == "B" and (
        k + 1 >= len(doc) or doc[k + 1].ent_iob_ != "I")


def _post_or_department(token: Token) -> bool:
    return is_post_word(token) or token.lower_ in POST_DEPARTMENTS or token.text == ")"


def is_country(span: Span, countries: dict[int, tuple[int, int, str]]) -> bool:
    """Whether the span is exactly a country's name (possessive aside)."""
    hit = countries.get(span.start)
    return hit is not None and hit[0] == span.start and hit[1] >= span.end


def longest_run(indices: list[int]) -> list[int]:
    runs: list[list[int]] = []
    for i in indices:
        if runs and runs[-1][-1] == i - 1:
            runs[-1].append(i)
        else:
            runs.append([i])
    return max(runs, key=len)


