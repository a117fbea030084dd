"""The people layer: corrects en_core_web_sm's PERSON entities after "ner".

The small model makes the same mistakes in every news article: it glues ranks
onto names ("Maj Gen Mohammad Baqeri"), cuts names short ("Shah Mehmood" +
"Qureshi"), tags a surname it has seen as a full name as GPE or ORG the next
time ("Qureshi", "Zarif"), misses names that follow a rank ("Maj Gen Asif
Ghafoor"), and calls groups, platforms and boilerplate people ("Jaish al-Adl",
"Twitter", "RELATED ARTICLES"). It also cuts hyphenated given names short
("Kim Yeon" for a "Kim Yeon-chul"), labels a full name ORG while it labels the
surname a person, and takes countries ("Burkina Faso"), companies and institutions
for people. This component rewrites ``doc.ents`` so that PERSON spans cover exactly
the name, records the rank, honorific and royal or religious title that stood before
each name (``span._.rank``, ``span._.honorific``, ``span._.royal``,
``span._.prefix_start``), and the countries the text names (``doc._.countries``,
from ``load.countries``). It knows ranks, honorifics, post words and nationalities,
never particular people.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

import numpy
from spacy.attrs import IS_TITLE, LOWER
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from . import doc_cache
from .countries import CountryMatcher, countries_in, countries_table, country_at, is_country_word
from .names import HONORIFICS, NAME_PARTICLES, RANKS, ROYAL_TITLES, plain
from .posts import POST_DEPARTMENTS, POST_MODIFIERS, POST_SUFFIXES, post_head

# --- lexicons shared with load.people and load.titles -----------------------------------------------------

# Words that make a capitalised name an organisation, not a person.
ORG_WORDS = {
    "group", "groups", "organisation", "organization", "outfit", "militia", "faction",
    "network", "movement", "brigade", "brigades", "front", "party", "council", "army", "corps",
    "ministry", "department", "agency", "committee", "commission", "headquarters", "assembly",
    "parliament", "senate", "university", "institute", "company", "corporation", "bank",
    "forces", "force", "guard", "guards", "police", "court", "office", "secretariat",
    "association", "union", "league", "federation", "foundation", "news", "agency", "tv",
    "television", "radio", "times", "post", "tribune", "daily", "province", "district",
    "port", "airport", "pipeline", "project", "presidency", "government", "cabinet", "administration",
    "ltd", "limited", "inc", "plc", "holdings", "industries", "laboratories", "house", "democrats",
    "republicans",
}
# Last words that make a capitalised pair an institution, not a name ("White House").
_INSTITUTION_ENDS = {"house", "council", "ministry", "department", "agency", "committee", "commission",
                     "assembly", "parliament", "senate", "university", "institute", "company", "corporation",
                     "government", "presidency", "cabinet", "administration", "party", "democrats", "republicans",
                     # newspapers and journals ("the Miami Herald", "BMJ Case Reports")
                     "herald", "gazette", "journal", "chronicle", "courant", "monthly", "weekly", "bulletin",
                     "courier", "observer", "inquirer", "dispatch", "reports", "review", "magazine", "digest",
                     # companies ("Dick Clark Productions") and places ("1909 Jolinda Drive", "Davis Cup")
                     "productions", "studios", "records", "pictures", "films", "airlines", "airways", "motors",
                     "securities", "technologies", "systems", "street", "road", "avenue", "drive", "boulevard",
                     "highway", "hospital", "airport", "stadium", "palace", "cup",
                     # works named after people ("the Rahman Tunnel", "the Sharif Expressway")
                     "tunnel", "expressway", "motorway", "flyover", "barrage", "canal", "museum", "mosque",
                     "cathedral", "mausoleum", "memorial", "terminal", "interchange"}
# Last words of product names that review and deal pages put in title case ("Nintendo Switch", "Xbox
# Live", "Night Mode", "Premiere Edition"): a person's name never ends in them.
_PRODUCT_ENDS = {"edition", "mode", "offer", "drop", "monitoring", "switch", "lite", "live", "jar", "bundle",
                 "console", "deals", "sale", "series", "collection", "version", "pro", "plus", "ultra", "mini"}
# Facilities named after a person: "Walter Reed hospital", "the Jinnah stadium".
FACILITY_NOUNS = {"hospital", "airport", "stadium", "university", "college", "school", "bridge", "station",
                  "palace", "museum", "mosque", "church", "temple", "hotel", "prison", "road", "street",
                  "highway", "dam", "camp", "centre", "center", "hall", "institute", "square", "terminal",
                  "port", "complex", "tower", "building", "expressway", "airbase", "auditorium", "tunnel",
                  "motorway", "flyover", "barrage", "canal", "mausoleum", "memorial", "cathedral"}
# Prepositions before a city's name ("a report in the Argus Leader of Sioux Falls").
_PLACE_PREPOSITIONS = {"in", "of", "from", "near", "at", "to", "outside"}
# Words that end a company's or institution's name ("... Engineering Company").
COMPANY_WORDS = {"company", "corporation", "corp", "ltd", "limited", "inc", "plc", "group", "holdings",
                 "industries", "laboratories", "bank", "institute", "university", "foundation",
                 "association", "agency", "authority"}
# Head nouns after a name that show the name labels a group ("Jaish al-Adl terrorist group").
ORG_HEAD_NOUNS = {"group", "organisation", "organization", "outfit", "militia", "faction",
                  "network", "movement", "brigade", "brigades", "front", "insurgents",
                  "militants", "rebels", "fighters", "party"}
PLATFORMS = {"twitter", "facebook", "instagram", "youtube", "whatsapp", "telegram", "tiktok",
             "linkedin", "snapchat", "weibo", "wechat", "reddit", "google", "wikipedia"}

# --- Span extensions ---------------------------------------------------------------------


@dataclass(frozen=True)
class NamePrefix:
    """What stood before a name: "Maj Gen" (rank), "Seyed" (honorific), where it began."""

    start: int                 # token index where the rank/honorific begins (= name start if none)
    rank: str | None = None
    honorific: str | None = None
    royal: str | None = None   # a royal or religious title that stands before the name ("King", "Pope")


def name_prefix(span: Span) -> NamePrefix:
    """What stood before a PERSON span (``span._.rank``, ``.honorific``, ``.royal`` and
    ``.prefix_start`` in one look-up: a reader of all four saves three)."""
    table = doc_cache.memo(span.doc, _name_prefixes)   # a Doc extension costs an object per look-up
    found = table.get((span.start, span.end)) if table else None
    return found if found is not None else NamePrefix(span.start)


def _name_prefixes(doc: Doc) -> dict | None:
    return doc._.name_prefixes


if not Doc.has_extension("name_prefixes"):
    Doc.set_extension("name_prefixes", default=None)   # {(start, end): NamePrefix}
if not Span.has_extension("rank"):
    Span.set_extension("rank", getter=lambda span: name_prefix(span).rank)
    Span.set_extension("honorific", getter=lambda span: name_prefix(span).honorific)
    Span.set_extension("prefix_start", getter=lambda span: name_prefix(span).start)
    Span.set_extension("royal", getter=lambda span: name_prefix(span).royal)


# --- token tests ------------------------------------------------------------------------

# Posts whose second word looks like a rank or honorific: "Secretary General", "Chief Justice".
_POST_PAIRS = {
    "general": {"secretary", "director", "attorney", "inspector", "solicitor", "surgeon", "consul",
                "auditor", "accountant", "governor", "postmaster", "adjutant", "quartermaster",
                "paymaster", "advocate", "registrar"},
    "justice": {"chief"},
    "mufti": {"grand"},           # "Grand Mufti" is a post; "Mufti X" an honorific
    "imam": {"grand"},
}
POSSESSIVE = {"'s", "’s", "'", "’"}
# Second halves of hyphenated adjectives made from a name ("Modi-style", "Putin-era").
# Of those, the ones that make a description, not a reference to the person ("Ibrahim-style reforms").
_DESCRIPTIVE_SUFFIXES = {"style", "era", "type", "like", "esque"}
_HYPHEN_SUFFIXES = {"led", "based", "born", "backed", "owned", "run", "style", "era", "type", "like",
                    "linked", "allied", "aligned", "affiliated", "inspired", "controlled", "esque"}
_NOT_NAME_ENTS = {"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "QUANTITY", "PERCENT"}


# "O'Connell", "D'Souza", "N'Golo": a capitalised name with an apostrophe (the tokenizer keeps it whole).
_APOSTROPHE_NAME = re.compile(r"^[A-Z][a-z]?['’][A-Z][a-z]+$|^[A-Z][a-z]{1,3}['’][a-z]{2,}$")   # also "Ma'ruf", "Sa'id"
# "P.", "M.K.", "W.": initials written with full stops ("Jonathan P. Blair", "M.K. Stalin").
_DOTTED_INITIALS = re.compile(r"^(?:[A-Z]\.){1,3}$")
# Generational suffixes after a surname: not part of the name a reader searches for.
NAME_SUFFIXES = {"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"}


# "McAllister", "MacArthur", "DeSantis", "LeBlanc", "DiMaggio": a surname prefix glued to a capital.
_PREFIXED_NAME = re.compile(r"^(?:Mc|Mac|De|Di|Du|Da|Le|La|Van|Von)[A-Z][a-z]{2,}$")


def name_word(token: Token) -> bool:
    """A capitalised word, apostrophe and prefixed names included ("O'Connell", "McAllister")."""
    return (token.is_title and token.is_alpha) or bool(_APOSTROPHE_NAME.match(token.text)
                                                       or _PREFIXED_NAME.match(token.text))


def _name_word_text(text: str) -> bool:
    """``name_word`` of a token with this text (spaCy's is_title and is_alpha are str.istitle, str.isalpha)."""
    return (text.istitle() and text.isalpha()) or bool(_APOSTROPHE_NAME.match(text) or _PREFIXED_NAME.match(text))


def dotted_initials(token: Token) -> bool:
    return bool(_DOTTED_INITIALS.match(token.text))


def is_post_word(token: Token) -> bool:
    return token.lower_ in POST_MODIFIERS or post_head(token.text) is not None


def _name_like(token: Token) -> bool:
    """A capitalised word that can be part of a personal name."""
    low = token.lower_
    return (
        name_word(token)
        and not token.is_stop
        and token.ent_type_ not in _NOT_NAME_ENTS
        and not is_post_word(token)
        and low not in ORG_WORDS
        and not is_country_word(low)
        and low not in PLATFORMS
    )


def _initials(token: Token) -> bool:
    """ "HD", "JP", "P": initials written before a name in South Asian and other news."""
    return (token.is_upper and token.is_alpha and len(token) <= 2 and token.text not in ("A", "I")
            and not is_country_word(token.text) and token.ent_type_ not in _NOT_NAME_ENTS)


def _name_end(doc: Doc, i: int, limit: int = 5, stops: frozenset[int] | set[int] = frozenset()) -> int:
    """End of the run of name words starting at token i ("Asif Ghafoor", "Ayman al-Zawahiri");
    the run stops before a token in ``stops`` (where an honorific or rank begins another name)."""
    j = i
    while j < len(doc) and j - i < limit and (j == i or j not in stops):
        tok = doc[j]
        if _name_like(tok) or ((_initials(tok) if j == i else False) or dotted_initials(tok)) and \
                j + 1 < len(doc) and (_name_like(doc[j + 1]) or dotted_initials(doc[j + 1])):
            j += 1
        elif _hyphen_part(doc, j) and j > i:
            j += 2
        elif tok.lower_ in NAME_PARTICLES and j > i and j + 1 < len(doc) and _joins_name(doc, j):
            j += 1
        elif tok.text == "-" and j > i and not doc[j - 1].whitespace_ and j + 1 < len(doc) and _name_like(doc[j + 1]):
            j += 1
        else:
            break
    return j


_DASHES = {"-", "–", "—"}
ROYAL_WORDS = {w for phrase in ROYAL_TITLES for w in phrase.split()}
# Party labels that news writes before a politician's name ("Republican X", "Labour MP X").
PARTY_WORDS = {"republican", "democrat", "democratic", "conservative", "labour", "liberal", "tory",
               "socialist", "communist", "independent", "green", "progressive"}


def _affiliation(token: Token) -> bool:
    """A word that says which country or party a name belongs to, not part of the name:
    "North Korea" in "for North Korea X", "Republican" in "Republican X"."""
    return country_at(token) is not None or token.ent_type_ == "NORP" or token.lower_ in PARTY_WORDS


def _function_word_surname(doc: Doc, i: int) -> bool:
    """ "General Secretary Do Quang Vinh", "Vice Premier He Lifeng": a short capitalised function
    word inside a sentence, right after a post, is a surname (Vietnamese, Chinese)."""
    tok = doc[i]
    return (tok.is_title and tok.is_alpha and tok.is_stop and len(tok) <= 3 and not tok.is_sent_start
            and i > 0 and is_post_word(doc[i - 1]) and i + 1 < len(doc) and _name_like(doc[i + 1]))


def _pronoun_surname(doc: Doc, i: int) -> bool:
    """ "He Jianxiong, the former ...", "Vice Premier Liu He said": the Chinese surname He, spelled
    like the pronoun. The pronoun is never followed by a name the model calls a person, and it is
    lower case inside a sentence, so a capitalised "He" glued to a name is part of that name."""
    if doc[i].text != "He":
        return False
    if doc[i].is_sent_start:
        return i + 1 < len(doc) and doc[i + 1].ent_type_ == "PERSON" and _name_like(doc[i + 1])
    return i > 0 and _name_like(doc[i - 1]) and doc[i - 1].ent_type_ == "PERSON" and (
        i + 1 >= len(doc) or not _name_like(doc[i + 1]))


def _name_adjective(doc: Doc, start: int, end: int) -> bool:
    """ "Ibrahim-style", "Putin-era": the span ends in, or is followed by, a hyphenated adjective
    made from the name; the phrase describes something else."""
    if end - start >= 3 and doc[end - 2].text == "-" and doc[end - 1].lower_ in _DESCRIPTIVE_SUFFIXES:
        return True
    return (end + 1 < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_
            and not doc[end].whitespace_ and doc[end + 1].lower_ in _DESCRIPTIVE_SUFFIXES)


def _hyphen_part(doc: Doc, j: int) -> bool:
    """A hyphen glued between two name parts: "Young-moo", "Jae-in" (the second part is often
    lower case and may even be a function word)."""
    if not (j + 1 < len(doc) and doc[j].text == "-" and not doc[j].whitespace_ and j > 0
            and not doc[j - 1].whitespace_ and doc[j + 1].is_alpha and doc[j - 1].is_alpha):
        return False
    after = doc[j + 1]
    if after.is_title:
        return not is_post_word(after) and not is_country_word(after.text)
    # "Widodo-led", "Lahore-based", "Modi-style": a compound adjective, not the name
    return after.tag_ not in ("VBN", "VBD", "VBG", "JJ") and after.lower_ not in _HYPHEN_SUFFIXES


def _joins_name(doc: Doc, j: int) -> bool:
    """A particle belongs to the name when a name word follows ("al-Zawahiri", "bin Salman")."""
    k = j + 1
    if doc[k].text == "-" and k + 1 < len(doc):
        k += 1
    if doc[k].lower_ in NAME_PARTICLES and doc[k].lower_ != doc[j].lower_ and k + 1 < len(doc):
        k += 1        # "von der Leyen", "van der Berg", "de la Cruz"
    return _name_like(doc[k])


# --- the component ------------------------------------------------------------------------


def _phrase_variants(phrase: str) -> list[str]:
    """ "maj gen" -> "maj gen", "maj. gen.", "Maj Gen", ... as the tokenizer sees them."""
    words = phrase.split()
    variants = [""]
    for w in words:
        variants = [f"{v} {form}".strip() for v in variants for form in (w, w + ".")]
    return variants + [v.title() for v in variants] + [v.replace(" ", "-") for v in variants if " " in v]


class PeopleLayer:
    """Rewrites PERSON entities; see the module docstring."""

    def __init__(self, nlp: Language):
        self.countries = CountryMatcher(nlp.vocab, nlp.make_doc)
        self.prefixes = PhraseMatcher(nlp.vocab, attr="LOWER")
        for label, phrases in (("RANK", RANKS), ("HONORIFIC", HONORIFICS), ("ROYAL", ROYAL_TITLES)):
            docs = [nlp.make_doc(v) for p in phrases for v in _phrase_variants(p)]
            self.prefixes.add(label, docs)

    def __call__(self, doc: Doc) -> Doc:
        doc._.countries = countries = self.countries(doc)
        doc_cache.forget(doc, countries_table)
        prefixes = self._prefix_spans(doc)
        people: list[Span] = []
        orgs: list[Span] = []
        ents = doc.ents    # the model's; spaCy makes them anew on each access
        for ent in ents:
            if ent.label_ != "PERSON":
                continue
            span = self._clean_person(doc, ent, prefixes)
            if span is None:
                continue
            if _is_country(span, countries):
                continue          # "Burkina Faso", "Congo": a place the model took for a name
            if _is_city(doc, span):
                orgs.append(Span(doc, span.start, span.end, label="GPE"))   # "of Sioux Falls"
            elif self._is_organisation(doc, span):
                orgs.append(Span(doc, span.start, span.end, label="ORG"))
            else:
                people.append(span)
        people.extend(p for p in self._after_prefixes(doc, prefixes) if not self._is_organisation(doc, p))
        people.extend(_described_names(doc))
        # the model's own ORG spans that are organisations by their shape ("Walter Reed hospital")
        org_texts = {plain(o.text) for o in orgs} | {plain(e.text) for e in ents
                                                      if e.label_ in ("ORG", "FAC") and self._is_organisation(doc, e)}
        people = [p for p in filter_spans(people) if plain(p.text) not in org_texts]
        people.extend(self._mislabelled_full_names(doc, ents, people))
        people = filter_spans(people)
        people.extend(self._known_name_words(doc, people, orgs))
        people = [p for p in filter_spans(people) if not (len(p) > 1 and p[-1].lower_ in _PRODUCT_ENDS)]
        doc._.name_prefixes = {(p.start, p.end): self._prefix_before(doc, p.start, prefixes) for p in people}
        doc_cache.forget(doc, _name_prefixes)
        doc.ents = self._merge(doc, ents, people, orgs)
        return doc

    # Ranks and honorifics: token index where each prefix phrase ends -> (start, label, text).
    def _prefix_spans(self, doc: Doc) -> dict[int, tuple[int, str, str]]:
        found: dict[int, tuple[int, str, str]] = {}
        matches = [Span(doc, s, e, label=m) for m, s, e in self.prefixes(doc)]
        for span in filter_spans(matches):           # longest reading: "Maj Gen", not "Gen"
            first = span[0]
            if not (first.is_title or first.is_upper):   # "the general said" is not a rank
                continue
            before = span.start - 2 if span.start > 1 and doc[span.start - 1].text == "-" else span.start - 1
            if before >= 0 and doc[before].lower_ in _POST_PAIRS.get(plain(span.text), ()):
                continue          # "Director-General Analysis": no rank, no name
            found[span.end] = (span.start, span.label_, span.text)
            end = span.end
            if (span.label_ in ("RANK", "HONORIFIC") and end + 2 < len(doc) and doc[end].text == "("
                    and doc[end + 1].lower_.rstrip(".") in ("retd", "retired", "r") and doc[end + 2].text == ")"):
                found[end + 3] = (span.start, span.label_, span.text)   # "Gen. (retd) X", "Justice (retd) Y"
        # "Dr. Sultan Ahmed X", "Sheikh Sultan bin X": a royal word after an honorific is a given name.
        for end, (start, label, _) in list(found.items()):
            if label == "ROYAL" and start in found and found[start][1] in ("HONORIFIC", "RANK", "ROYAL"):
                del found[end]     # (also after a rank or a royal title: "General Amir X", "Prince Sultan bin X")
        return found

    def _prefix_before(self, doc: Doc, start: int, prefixes) -> NamePrefix:
        """Walk back over the ranks and honorifics chained before a name ("Major General Seyed")."""
        found = {"RANK": None, "HONORIFIC": None, "ROYAL": None}
        i = start
        while i in prefixes:
            begin, label, text = prefixes[i]
            if found[label] is not None:
                break
            found[label] = text
            i = begin
        return NamePrefix(i, found["RANK"], found["HONORIFIC"], found["ROYAL"])

    def _clean_person(self, doc: Doc, ent: Span, prefixes) -> Span | None:
        """The name inside a model PERSON span: prefixes and possessives off, cut names completed."""
        if "\n" in ent.text or _name_adjective(doc, ent.start, ent.end):
            return None                                  # "Anwar Ibrahim-style reforms"
        start, end = ent.start, ent.end
        for k in range(start + 1, end):
            if doc[k].text in _DASHES and (doc[k].whitespace_ or doc[k - 1].whitespace_):
                end = k                                  # "X - project manager ...", "X - and I ..."
                break
        while end > start and (doc[end - 1].text in POSSESSIVE or doc[end - 1].is_punct
                               or doc[end - 1].lower_ in NAME_SUFFIXES):
            end -= 1                                     # "X's", "Lloyd J. Austin III", "X Jr."
        # token index inside a rank or honorific -> where that prefix ends
        prefix_end_at = {i: e for e, (s, _, _) in prefixes.items() for i in range(s, e)}
        while start < end:
            if start in prefix_end_at and prefix_end_at[start] <= end:
                start = prefix_end_at[start]
            elif ((is_post_word(doc[start]) and not (start in prefixes and doc[start].lower_ in ROYAL_WORDS))
                  or (doc[start].is_stop and not _pronoun_surname(doc, start)) or doc[start].is_punct
                  or doc[start].lower_ in ORG_WORDS   # "Spokesman for the [Presidency X]"
                  or _affiliation(doc[start])         # "[Republican] X", "[North Korea] X"
                  or _scope_city(doc, start, end)):   # "IGP [Islamabad] X Y"
                start += 1
            else:
                break
        if start >= end:
            return None
        if start > 0 and doc[start - 1].text == "#":     # a hashtag
            return None
        while (start > 0 and start not in prefixes and not doc[start].is_sent_start
               and (_name_like(doc[start - 1]) and doc[start - 1].pos_ == "PROPN" and not _affiliation(doc[start - 1])
                    and not _scope_city(doc, start - 1, end)
                    or _function_word_surname(doc, start - 1) or _pronoun_surname(doc, start - 1)
                    or (start - 1 in prefixes and doc[start - 1].lower_ in ROYAL_WORDS and doc[start - 1].is_title))):
            start -= 1                                   # "Muhammad" + model's "Javad Zarif"; "Secretary Do" + "Quang Vinh"
        if start - 1 in prefixes and prefixes[start - 1][1] == "HONORIFIC" and doc[start - 1].lower_ in ROYAL_WORDS:
            start -= 1                                   # "Dr." + "Sultan" + "Ahmed X": a given name
        start = _after_portfolios(doc, start, end)      # "Minister of Petroleum and [Mineral Resources] X Y"
        prefix_starts = {s for s, _, _ in prefixes.values()}
        if end < len(doc) and doc[end].lower_ in NAME_PARTICLES and doc[end - 1].lower_ in NAME_PARTICLES \
                and _joins_name(doc, end - 1):
            end += 1                                     # the model's "Ursula von" + "der Leyen"
        if (end < len(doc) and (_name_like(doc[end]) or _hyphen_part(doc, end)) and not doc[end].is_sent_start
                and end not in prefix_starts):     # "[Diwan] Sheikh Ahmad X": the honorific opens another name
            end = max(end, _name_end(doc, end - 1, stops=prefix_starts) if _hyphen_part(doc, end)
                      else _name_end(doc, end, stops=prefix_starts))
        if end < len(doc) and _pronoun_surname(doc, end) and not doc[end].is_sent_start:
            end += 1                                     # "Liu" + "He"
        # A mention stays inside its sentence (records point to one sentence).
        sent_start = doc[end - 1].sent.start
        start = max(start, sent_start)
        span = Span(doc, start, end, label="PERSON")
        for k, t in enumerate(span):
            if name_word(t) or t.lower_ in NAME_PARTICLES or (t.text == "-" and not t.whitespace_):
                continue
            if k > 0 and span[k - 1].text == "-" and t.is_alpha:
                continue                                 # "Young-moo"
            if k == 0 and len(span) > 1 and _initials(t):
                continue                                 # "RK Singh"
            if k < len(span) - 1 and dotted_initials(t):
                continue                                 # "Jonathan P. Blair", "M.K. Stalin"
            if k == 0 and (_function_word_surname(doc, t.i) or _pronoun_surname(doc, t.i)):
                continue                                 # "Do Quang Vinh"
            return None                                  # boilerplate ("RELATED ARTICLES"), odd tokens
        return span

    @staticmethod
    def _is_organisation(doc: Doc, span: Span) -> bool:
        """Platforms, names followed by a group noun ("Jaish al-Adl terrorist group"), and
        capitalised words inside a company's name ("Major Bridge Engineering Company"); the agency
        in brackets after a dateline's date ("Havana, Sep 20 (Prensa Latina)")."""
        if (len(span) == 1 and span[0].lower_ in PLATFORMS) or span[-1].lower_ in _INSTITUTION_ENDS:
            return True
        if len(span) > 1 and span[-1].lower_ in _PRODUCT_ENDS:
            return True     # products on review and shopping pages ("Nintendo Switch Lite", "Premiere Edition")
        if (span.start >= 2 and doc[span.start - 1].text == "(" and span.end < len(doc) and doc[span.end].text == ")"
                and (doc[span.start - 2].ent_type_ == "DATE" or doc[span.start - 2].like_num)):
            return True
        if (span.start > 0 and doc[span.start - 1].lower_ == "at" and span.end + 1 < len(doc)
                and doc[span.end].lower_ == "in" and doc[span.end + 1].ent_type_ in ("GPE", "LOC")):
            return True     # a venue: "received X at Qasr Al Watan in Abu Dhabi"
        if _venue_of_event(doc, span):
            return True     # "the meeting, held at Qasr Al Watan, ..."
        if span.end < len(doc) and doc[span.end].is_title and doc[span.end].lower_ in COMPANY_WORDS:
            return True
        j = span.end
        while j < len(doc) and j - span.end < 3:
            tok = doc[j]
            if tok.lower_ in ORG_HEAD_NOUNS or tok.lower_ in FACILITY_NOUNS:
                return True
            if not (tok.is_lower and tok.pos_ in ("ADJ", "NOUN")):
                return False
            j += 1
        return False

    def _after_prefixes(self, doc: Doc, prefixes) -> list[Span]:
        """Names the model missed after a rank or honorific ("Maj Gen Asif Ghafoor"), or a
        full name after a post (``_stands_before_name``)."""
        spans = []
        starts = {s for s, _, _ in prefixes.values()}
        in_prefix = {i for e, (s, _, _) in prefixes.items() for i in range(s, e)}
        for end in prefixes:
            if end < len(doc) and end not in starts:   # "Major General Seyed ...": the name comes later
                name_end = _name_end(doc, end)
                if name_end > end:
                    spans.append(Span(doc, end, name_end, label="PERSON"))
        for i in _before_name_candidates(doc):
            tok = doc[i]
            if _stands_before_name(doc, tok) and tok.i not in in_prefix and tok.i + 1 not in in_prefix \
                    and doc[tok.i + 1].lower_ not in _COMPASS:
                # (a name does not start with a region's second word: "Minister for the Middle [East] X")
                # "Minister for Water [Resources] Syed Ali Shah": the run stops where an honorific begins
                name_end = _name_end(doc, tok.i + 1, stops=starts)
                first = tok.i + 1
                while first < name_end and _scope_city(doc, first, name_end):   # "DIG Operations Quetta X Y"
                    first += 1
                    if first in starts:
                        break        # "IGP Sindh Dr X": the honorific's own reading finds the name
                    name_end = max(name_end, _name_end(doc, first, stops=starts))
                while first < name_end - 2 and (doc[first].lower_ in _PORTFOLIO_PLURALS or doc[first].tag_ == "NNPS"):
                    first += 1       # "Minister of Petroleum and Mineral [Resources] X Y": the portfolio's end
                if name_end - first >= 2 and first not in starts:
                    spans.append(Span(doc, first, name_end, label="PERSON"))
            elif tok.text == "," and tok.i > 0 and tok.i + 1 not in in_prefix and _post_phrase_ends_at(doc, tok.i - 1):
                # "the Ambassador of Brazil to Malaysia, Ricardo Alves Pereira, ..."
                name_end = _name_end(doc, tok.i + 1, stops=starts)
                if name_end - (tok.i + 1) >= 2 and (name_end >= len(doc) or doc[name_end].text in (",", ")", ".")):
                    spans.append(Span(doc, tok.i + 1, name_end, label="PERSON"))
        return spans

    @staticmethod
    def _mislabelled_full_names(doc: Doc, ents: tuple[Span, ...], people: list[Span]) -> list[Span]:
        """A full name the model labelled ORG where it labelled the surname alone a person
        ("Marta Okafor" ORG, "Okafor" PERSON): a run of name words ending in that surname.
        Places are left alone: the model also calls a city a person, and "New <city>" is none."""
        surnames = {p[-1].lower_ for p in people}
        return [Span(doc, ent.start, ent.end, label="PERSON") for ent in ents
                if ent.label_ == "ORG" and 2 <= len(ent) <= 4 and not PeopleLayer._is_organisation(doc, ent)
                and ent[-1].lower_ in surnames and _name_like(ent[0])
                and all(_name_like(t) or t.lower_ in NAME_PARTICLES for t in ent)]

    @staticmethod
    def _known_name_words(doc: Doc, people: list[Span], orgs: list[Span]) -> list[Span]:
        """Words of full names seen in this article are that person elsewhere, whatever the
        model called them ("Qureshi" as GPE, "Imran" as ORG)."""
        known = {t.lower_ for p in people if len(p) > 1 for t in p if name_word(t) and t.lower_ not in NAME_PARTICLES}
        taken = {i for s in people + orgs for i in range(s.start, s.end)}
        spans = []
        resume = 0
        known_ids = {get_string_id(word) for word in known}   # as the Doc's LOWER array holds them
        for i, lower in enumerate(doc.to_array(LOWER).tolist() if known else ()):
            if lower not in known_ids or i < resume or i in taken or not doc[i].is_title:
                continue
            if doc[i].is_stop and (doc[i].is_sent_start or doc[i].pos_ == "PRON"):
                continue          # "He said ...": the pronoun, not the surname of a "Liu He"
            j = i
            while j < len(doc) and j not in taken and doc[j].is_title and doc[j].lower_ in known:
                j += 1
            # Standalone only: part of a longer proper noun ("Khan Research Laboratories") is not a name.
            before_ok = i == 0 or not _name_like(doc[i - 1])
            after_ok = j >= len(doc) or not (_name_like(doc[j]) or doc[j].lower_ in ORG_WORDS)
            if before_ok and after_ok:
                spans.append(Span(doc, i, j, label="PERSON"))
            resume = j
        return spans

    @staticmethod
    def _merge(doc: Doc, ents: tuple[Span, ...], people: list[Span], orgs: list[Span]) -> list[Span]:
        """People and organisations replace the model's PERSON spans; other entities stay,
        trimmed where a name now covers part of them ("National Security Council Mr Shamkhani")."""
        covered = {i for s in people + orgs for i in range(s.start, s.end)}
        kept: list[Span] = []
        for ent in ents:
            if ent.label_ == "PERSON":
                continue
            free = [i for i in range(ent.start, ent.end) if i not in covered]
            if len(free) == len(ent):
                kept.append(ent)
            elif free:
                run = _longest_run(free)
                while run and (doc[run[-1]].lower_.rstrip(".") in HONORIFICS + RANKS or doc[run[-1]].is_punct):
                    run.pop()
                if run:
                    kept.append(Span(doc, run[0], run[-1] + 1, label=ent.label_))
        return filter_spans(people + orgs + kept)


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


def _described_names(doc: Doc) -> list[Span]:
    """Names the model missed before a description of a person: "X Y, an Abu Sayyaf militant
    who ...", "X Y, a 43-year-old farmer, said ...", and before a post held ("X Y, the Kenyan
    foreign minister, met ...", "X Y, Ghana's energy minister, said ..."): the model often
    misses the name that follows an agency dateline ("CITY - X Y, the ...")."""
    spans = []
    resume = 0     # a name's run is not read again from inside
    for i in doc_cache.tokens_where(doc, _name_word_text):   # only a name word can start a name
        if i < resume or i >= len(doc) - 3:
            continue
        if not (_name_like(doc[i]) and doc[i].ent_type_ in ("", "PERSON", "ORG")) or (i and _name_like(doc[i - 1])):
            continue
        end = _name_end(doc, i)
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


_COMPASS = {"east", "west", "north", "south", "central", "eastern", "western", "northern", "southern"}


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


def _before_name_candidates(doc: Doc) -> list[int]:
    """The tokens (but the last) that ``_stands_before_name`` may accept, and the commas that
    ``_post_phrase_ends_at`` may accept before: a post's head, "late", a country, the word after
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


def _stands_before_name(doc: Doc, tok: Token) -> bool:
    """Whether a full name may follow this token: the end of a post ("Ambassador X",
    "Prime Ministers X and Y", "army spokesperson X", "Ambassador to Pakistan X",
    "inspector general of police X") or "the late X"."""
    low = tok.lower_
    if low in POST_SUFFIXES:
        return _post_suffix(doc, tok.i) and (doc[tok.i - 2].is_title or doc[tok.i - 2].is_upper)
    if tok.text == ")":
        # "Additional Chief Secretary (Home) X", "Inspector General of Police (Bastar range) X"
        opening = bracket_after_post(doc, tok.i, tok.sent.start)
        return opening is not None and doc[opening - 1].text != ")" and _stands_before_name(doc, doc[opening - 1])
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
        return first >= 2 and doc[first - 1].lower_ in ("to", "of", "for") and post_head(doc[first - 2].text) is not None
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
    "Inspector General of Police (Bastar range)", "Director General of Police (DGP)"; not a
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
    return None


def _post_phrase_ends_at(doc: Doc, i: int) -> bool:
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


def _venue_of_event(doc: Doc, span: Span) -> bool:
    """ "held at Qasr Al Watan", "a ceremony at Rashtrapati Bhavan", "received X at Y": the object
    of an "at" that tells where an event took place ("at X's house" is the person's)."""
    if span.start == 0 or doc[span.start - 1].lower_ != "at" or (
            span.end < len(doc) and doc[span.end].text in POSSESSIVE):
        return False
    at = doc[span.start - 1]
    return span.root.head == at and at.head.lemma_.lower() in _EVENT_HEADS


def _is_city(doc: Doc, span: Span) -> bool:
    """A city the model took for a name, after a preposition of place: "in Sioux Falls", "of San
    Pedro"; a one-word city only right after "in"/"near" ("met at the palace in Dakar"): one-word
    cities are also surnames ("a letter to Jackson")."""
    if span.start == 0 or doc[span.start - 1].lower_ not in _PLACE_PREPOSITIONS:
        return False
    if len(span) == 1 and doc[span.start - 1].lower_ not in ("in", "near", "outside") and not (
            span.start >= 2 and doc[span.start - 1].lower_ == "of"
            and doc[span.start - 2].lower_ in ("city", "town", "village", "capital", "port", "district")):
        return False        # "the Amazon city of Leticia" is a place
    from .places import geocode

    return geocode(span.text) is not None


# Plural portfolio words that end a post's scope ("Road Transport and Highways", "Mineral Resources").
_PORTFOLIO_PLURALS = {"affairs", "resources", "highways", "works", "mines", "communications", "fisheries",
                      "services", "relations", "railways", "waterways", "ports", "forests", "minerals",
                      "industries", "sports", "roads", "lands", "finances", "statistics", "investments"}


def _after_portfolios(doc: Doc, start: int, end: int) -> int:
    """Where the name begins in a span the model starts inside a post's portfolios: "Minister of
    Petroleum and [Mineral Resources Karim Badawi]", "Minister for Road Transport and [Highways
    Nitin Gadkari]": after the last plural portfolio word, when two name words remain."""
    if end - start < 3 or start == 0 or doc[start - 1].lower_ not in ("and", "of", "for") or \
            not any(post_head(t.text) for t in doc[max(0, start - 8):start]):
        return start
    last = max((k for k in range(start, end - 2)
                if doc[k].lower_ in _PORTFOLIO_PLURALS or doc[k].tag_ == "NNPS"), default=None)
    return last + 1 if last is not None else start


def _scope_city(doc: Doc, start: int, end: int) -> bool:
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
    if max(end, _name_end(doc, start)) - start < 3:
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


def _is_country(span: Span, countries: dict[int, tuple[int, int, str]]) -> bool:
    """Whether the span is exactly a country's name (possessive aside)."""
    hit = countries.get(span.start)
    return hit is not None and hit[0] == span.start and hit[1] >= span.end


def _longest_run(indices: list[int]) -> list[int]:
    runs: list[list[int]] = []
    for i in indices:
        if runs and runs[-1][-1] == i - 1:
            runs[-1].append(i)
        else:
            runs.append([i])
    return max(runs, key=len)


@Language.factory("newsfacts_people")
def make_people_layer(nlp: Language, name: str) -> PeopleLayer:
    return PeopleLayer(nlp)


def add_to(nlp: Language) -> None:
    """Add newsfacts' entity corrections after the model's NER."""
    if "newsfacts_people" not in nlp.pipe_names:
        nlp.add_pipe("newsfacts_people", after="ner")
