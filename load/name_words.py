"""Words around a name: the lexicons and token tests that the people layer (``load.entities``),
``load.post_names``, ``load.people`` and ``load.titles`` share: organisations, institutions and
products that are not people, the words a name is made of, and where a name ends."""
from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from .countries import country_at, is_country_word
from .names import NAME_PARTICLES, ROYAL_TITLES
from .posts import POST_MODIFIERS, post_head


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
INSTITUTION_ENDS = {"house", "council", "ministry", "department", "agency", "committee", "commission",
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
                     "cathedral", "mausoleum", "memorial", "terminal", "interchange",
                     # territories ("Kano State", "Punjab Province", "Upper East Region")
                     "state", "province", "region", "county", "district", "governorate", "prefecture"}
# Last words of product names that review and deal pages put in title case ("Nintendo Switch", "Xbox
# Live", "Night Mode", "Premiere Edition"): a person's name never ends in them.
PRODUCT_ENDS = {"edition", "mode", "offer", "drop", "monitoring", "switch", "lite", "live", "jar", "bundle",
                 "console", "deals", "sale", "series", "collection", "version", "pro", "plus", "ultra", "mini"}
# Facilities named after a person: "Walter Reed hospital", "the Jinnah stadium".
FACILITY_NOUNS = {"hospital", "airport", "stadium", "university", "college", "school", "bridge", "station",
                  "palace", "museum", "mosque", "church", "temple", "hotel", "prison", "road", "street",
                  "highway", "dam", "camp", "centre", "center", "hall", "institute", "square", "terminal",
                  "port", "complex", "tower", "building", "expressway", "airbase", "auditorium", "tunnel",
                  "motorway", "flyover", "barrage", "canal", "mausoleum", "memorial", "cathedral"}
# Prepositions before a city's name ("a report in the Argus Leader of Sioux Falls").
PLACE_PREPOSITIONS = {"in", "of", "from", "near", "at", "to", "outside"}
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


# --- token tests ------------------------------------------------------------------------

# Posts whose second word looks like a rank or honorific: "Secretary General", "Chief Justice".
POST_PAIRS = {
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
_APOSTROPHE_NAME = re.compile(r"^[A-Z][a-z]?['’][A-Z][a-z]+$|^[A-Z][a-z]{1,7}['’][a-z]{2,}$")   # also "Ma'ruf", "Wetang'ula"
# "P.", "M.K.", "W.": initials written with full stops ("Jonathan P. Blair", "M.K. Stalin").
_DOTTED_INITIALS = re.compile(r"^(?:[A-Z]\.){1,3}$")
# Generational suffixes after a surname: not part of the name a reader searches for.
NAME_SUFFIXES = {"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"}


# "McAllister", "MacArthur", "DeSantis", "LeBlanc", "DiMaggio": a surname prefix glued to a capital;
# "AbdulRahman", "AbdulRazaq", "AbuBakar": an Arabic name's first part written joined (West African news).
_PREFIXED_NAME = re.compile(r"^(?:Mc|Mac|De|Di|Du|Da|Le|La|Van|Von|Abdul|Abdel|Abd|Abu)[A-Z][a-z]{2,}$")


def name_word(token: Token) -> bool:
    """A capitalised word, apostrophe and prefixed names included ("O'Connell", "McAllister")."""
    return (token.is_title and token.is_alpha) or bool(_APOSTROPHE_NAME.match(token.text)
                                                       or _PREFIXED_NAME.match(token.text))


def name_word_text(text: str) -> bool:
    """``name_word`` of a token with this text (spaCy's is_title and is_alpha are str.istitle, str.isalpha)."""
    return (text.istitle() and text.isalpha()) or bool(_APOSTROPHE_NAME.match(text) or _PREFIXED_NAME.match(text))


def dotted_initials(token: Token) -> bool:
    return bool(_DOTTED_INITIALS.match(token.text))


def is_post_word(token: Token) -> bool:
    return token.lower_ in POST_MODIFIERS or post_head(token.text) is not None


# Nouns that end a post's scope and never a name ("Minister of Foreign and European Affairs of the Slovak
# [Republic] X", "Deputy Speaker of the [Sejm] X"): states' forms, parliaments by their own names, styles.
SCOPE_NOUNS = {"republic", "kingdom", "emirates", "federation", "confederation", "principality", "sultanate",
               "commonwealth", "sejm", "seimas", "saeima", "riigikogu", "knesset", "duma", "rada", "majlis",
               "bundestag", "bundesrat", "storting", "folketing", "althing", "riksdag", "eduskunta", "oireachtas",
               "dail", "sabor", "skupstina", "majesty", "highness", "excellency",
               "holiness", "presidium", "politburo", "secretariat"}
# Endings of abstract nouns that name a portfolio or a scope ("for European [Integration] X", "Planning,
# Development and Special [Initiatives] X"), never a personal name; with a least length, so that
# "Clement" or "Davies" stay names.
_SCOPE_ENDINGS = (("ation", 7), ("ition", 7), ("ution", 7), ("ction", 7), ("ssion", 7), ("ment", 9),
                  ("ity", 6), ("ities", 7), ("ives", 8), ("ics", 7), ("ship", 8), ("ness", 8))


def scope_noun(low: str) -> bool:
    """A lower-cased word that ends a post's scope and is never part of a name (see SCOPE_NOUNS)."""
    return low in SCOPE_NOUNS or any(low.endswith(e) and len(low) >= n for e, n in _SCOPE_ENDINGS)


def name_like(token: Token) -> bool:
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
        and not scope_noun(low)
    )


def initials_word(token: Token) -> bool:
    """ "HD", "JP", "P": initials written before a name in South Asian and other news."""
    return (token.is_upper and token.is_alpha and len(token) <= 2 and token.text not in ("A", "I")
            and not is_country_word(token.text) and token.ent_type_ not in _NOT_NAME_ENTS)


def single_initial(token: Token) -> bool:
    """ "A", "K" of "A K Abdul Momen": a capital letter standing for a given name, without a full stop."""
    return len(token.text) == 1 and token.is_upper and token.is_alpha and token.text != "I"


def initials_run(doc: Doc, i: int, limit: int = 3) -> int:
    """Where a run of initials without full stops ("A K Abdul Momen", "M A Mannan", "KP Sharma Oli")
    starting at ``i`` ends, when a name word follows it; ``i`` when there is none."""
    j = i
    while j < len(doc) and j - i < limit and (single_initial(doc[j]) or (j == i and initials_word(doc[j]))):
        j += 1
    return j if i < j < len(doc) and name_like(doc[j]) else i


def end_of_name(doc: Doc, i: int, limit: int = 5, stops: frozenset[int] | set[int] = frozenset()) -> int:
    """End of the run of name words starting at token i ("Asif Ghafoor", "Ayman al-Zawahiri");
    the run stops before a token in ``stops`` (where an honorific or rank begins another name)."""
    j = initials_run(doc, i)
    while j < len(doc) and j - i < limit and (j == i or j not in stops):
        tok = doc[j]
        if name_like(tok) or ((initials_word(tok) if j == i else False) or dotted_initials(tok)) and \
                j + 1 < len(doc) and (name_like(doc[j + 1]) or dotted_initials(doc[j + 1])):
            j += 1
        elif hyphen_part(doc, j) and j > i:
            j += 2
        elif tok.lower_ in NAME_PARTICLES and j > i and j + 1 < len(doc) and joins_name(doc, j):
            j += 1
        elif tok.text == "-" and j > i and not doc[j - 1].whitespace_ and j + 1 < len(doc) and name_like(doc[j + 1]):
            j += 1
        else:
            break
    return j


DASHES = {"-", "–", "—"}
ROYAL_WORDS = {w for phrase in ROYAL_TITLES for w in phrase.split()}
# Party labels that news writes before a politician's name ("Republican X", "Labour MP X").
PARTY_WORDS = {"republican", "democrat", "democratic", "conservative", "labour", "liberal", "tory",
               "socialist", "communist", "independent", "green", "progressive"}


def affiliation(token: Token) -> bool:
    """A word that says which country or party a name belongs to, not part of the name:
    "North Korea" in "for North Korea X", "Republican" in "Republican X"."""
    return country_at(token) is not None or token.ent_type_ == "NORP" or token.lower_ in PARTY_WORDS


def function_word_surname(doc: Doc, i: int, after_post: bool = False) -> bool:
    """ "General Secretary Do Quang Vinh", "Vice Premier He Lifeng": a short capitalised function
    word inside a sentence, right after a post, is a surname (Vietnamese, Chinese)."""
    tok = doc[i]
    return (tok.is_title and tok.is_alpha and tok.is_stop and len(tok) <= 3 and not tok.is_sent_start
            and i > 0 and (after_post or is_post_word(doc[i - 1])) and i + 1 < len(doc) and name_like(doc[i + 1])
            and not doc[i + 1].tag_.startswith("VB"))   # a headline's "Minister To Visit India"


# A regnal number after a monarch's or pope's name ("King Abdullah II", "Pope Benedict XVI").
# (not a lone "I", the pronoun)
REGNAL_NUMBER = re.compile(r"^(?!I$)(?=[IVX])X{0,2}(?:IX|IV|V?I{0,3})$")


def surname_in_capitals(span, k: int) -> bool:
    """ "KAMIKAWA Yoko", "LEE Jae-myung": a surname written in capitals first (Japanese and Korean official
    styles) before a name word. (Not last: "Muhammad SAW", a product's "HR".)"""
    t = span[k]
    return (t.is_upper and t.is_alpha and len(t) > 1 and k == 0 and len(span) > 1
            and any(name_word(x) for x in span if x.i != t.i) and not is_post_word(t) and not is_country_word(t.text))


def pronoun_surname(doc: Doc, i: int) -> bool:
    """ "He Jianxiong, the former ...", "Vice Premier Liu He said": the Chinese surname He, spelled
    like the pronoun. The pronoun is never followed by a name the model calls a person, and it is
    lower case inside a sentence, so a capitalised "He" glued to a name is part of that name."""
    if doc[i].text != "He":
        return False
    if doc[i].is_sent_start:
        return i + 1 < len(doc) and doc[i + 1].ent_type_ == "PERSON" and name_like(doc[i + 1])
    return i > 0 and name_like(doc[i - 1]) and doc[i - 1].ent_type_ == "PERSON" and (
        i + 1 >= len(doc) or not name_like(doc[i + 1]))


def name_adjective(doc: Doc, start: int, end: int) -> bool:
    """ "Ibrahim-style", "Putin-era": the span ends in, or is followed by, a hyphenated adjective
    made from the name; the phrase describes something else."""
    if end - start >= 3 and doc[end - 2].text == "-" and doc[end - 1].lower_ in _DESCRIPTIVE_SUFFIXES:
        return True
    return (end + 1 < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_
            and not doc[end].whitespace_ and doc[end + 1].lower_ in _DESCRIPTIVE_SUFFIXES)


def hyphen_part(doc: Doc, j: int) -> bool:
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


def joins_name(doc: Doc, j: int) -> bool:
    """A particle belongs to the name when a name word follows ("al-Zawahiri", "bin Salman")."""
    k = j + 1
    if doc[k].text == "-" and k + 1 < len(doc):
        k += 1
    if doc[k].lower_ in NAME_PARTICLES and doc[k].lower_ != doc[j].lower_ and k + 1 < len(doc):
        k += 1        # "von der Leyen", "van der Berg", "de la Cruz"
    return name_like(doc[k])




# A model or edition code: letters and digits together ("S10", "AW3418DW", "2K20", "P900").
_MODEL_CODE = re.compile(r"^(?=[^\d]*\d)(?=.*[A-Za-z])[A-Za-z0-9]{2,}$")
_QUOTES = {'"', "'", "“", "”", "‘", "’"}


def _number_or_code(tok: Token) -> bool:
    """A model number or code, not a date nor a year ("by 2019 X had left")."""
    year = len(tok.text) == 4 and tok.text[:2] in ("19", "20") and tok.text.isdigit()
    if tok.ent_type_ in ("DATE", "TIME") or year:
        return False
    return tok.text[:1].isdigit() or bool(_MODEL_CODE.match(tok.text))


def product_name(doc: Doc, start: int, end: int) -> bool:
    """A product or a work, not a person, by what stands around the name (review, deal and
    listings pages; arts news): a model number or code right after it ("Combat Kings 11",
    "Aurora AX340D") or before it ("Nova 12 Pro Max", "the 12 Pro Max"); a price for it ("Tempo
    Move for $400"); a title in quotes ("including "Silver Harbour" and ...")."""
    if end < len(doc):
        nxt = doc[end]
        if _number_or_code(nxt) and not nxt.is_sent_start:
            return True
        if nxt.lower_ == "for" and end + 1 < len(doc) and (doc[end + 1].is_currency
                                                           or doc[end + 1].ent_type_ == "MONEY"):
            return True
    before = doc[start - 1] if start >= 1 else None
    if before is not None and _number_or_code(before) and before.whitespace_ and not before.is_sent_start:
        return True
    return (start > 0 and doc[start - 1].text in _QUOTES and not doc[start - 1].whitespace_
            and end < len(doc) and (doc[end].text in _QUOTES or (doc[end].is_punct and end + 1 < len(doc)
                                                                  and doc[end + 1].text in _QUOTES)))
