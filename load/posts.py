"""Posts: the words that make them, and one normalized name per post.

Pure Python (no spaCy), shared by the entity layer, the title reader and the loader.

``normalize_post`` gives one name to the ways news writes one post, so that "who held
post X on date D" is one query: "Defense Minister", "defence minister", "Minister of
Defense" and "Minister of National Defence" are all "Minister of Defence"; "army chief",
"Army Chief", "COAS" and "Chief of the Army Staff" are all "Chief of Army Staff" ("the" is dropped). The
surface form is kept beside it (``titles.post`` and ``titles.text``). Country and status
are never part of a post (they are read apart).
"""
from __future__ import annotations

import re
from functools import lru_cache

# Head words of posts ("Foreign *Minister*", "*Chief* of Army Staff").
POST_HEADS = {
    "minister", "president", "vice-president", "premier", "chancellor", "chief", "commander",
    "secretary", "secretary-general", "spokesman", "spokeswoman", "spokesperson", "director",
    "director-general", "ambassador", "envoy", "governor", "chairman", "chairwoman",
    "chairperson", "chair", "head", "leader", "adviser", "advisor", "speaker", "senator",
    "mayor", "king", "queen", "prince", "princess", "crown", "emir", "amir", "sultan", "counterpart",
    "diplomat", "official", "consul", "attache", "prosecutor", "judge", "justice", "officer",
    "inspector", "representative", "delegate", "coordinator", "co-ordinator", "commissioner",
    "lawmaker", "legislator", "deputy", "dg", "pm", "fm", "coas", "cjcsc", "chief-of-staff",
    "vice-chairman", "minister-designate", "general", "superintendent", "administrator",
    "attorney", "mufti", "pope", "cardinal", "archbishop", "bishop", "patriarch", "engineer",
    "councilman", "councilwoman", "councillor", "councilor", "counsellor", "counselor", "ceo", "manager", "registrar",
    "ombudsman", "magistrate", "auditor", "negotiator", "rapporteur", "monarch", "ruler",
    "undersecretary", "under-secretary", "eam", "aide",
    # members of parliaments and assemblies ("Labour MP X", "MLA X", "MEP X")
    "mp", "mla", "mna", "mpa", "mep",
    # police and state posts written short in South Asian news ("IGP X", "DIG Operations X", "CM X")
    "ig", "igp", "dig", "aig", "dgp", "adgp", "ssp", "dsp", "asp", "ccpo", "cpo", "dpo", "sho", "cm",
    # a Kenyan minister, written short ("Interior CS X": Cabinet Secretary)
    "cs",
}
# Departments that news writes between a police post and the name ("DIG Operations X", "SSP Investigation Y").
POST_DEPARTMENTS = {"operations", "investigation", "investigations", "traffic", "security", "headquarters",
                    "admin", "administration", "establishment", "legal", "crime", "crimes", "training",
                    "logistics", "welfare", "intelligence"}
# Suffixes glued to a post by a hyphen that leave it a post before a name ("President-elect X",
# "the governor-designate, X,").
POST_SUFFIXES = {"elect", "designate"}
# Words that describe rather than name a post ("the top Iranian diplomat").
DESCRIPTION_HEADS = {"diplomat", "official", "leader", "figure", "aide"}
# Lowercase words that may stand inside a post written in lower case ("the army chief").
POST_MODIFIERS = {
    "foreign", "prime", "army", "military", "defence", "defense", "interior", "finance",
    "economy", "trade", "commerce", "energy", "oil", "petroleum", "information", "education",
    "health", "home", "justice", "security", "national", "supreme", "top", "senior", "chief",
    "deputy", "vice", "special", "general", "federal", "provincial", "state", "armed", "forces",
    "staff", "naval", "navy", "air", "force", "police", "intelligence", "diplomatic", "joint",
    "chiefs", "committee", "council", "affairs", "ministry", "analysis", "corps",
    "revolutionary", "guard", "guards", "border", "religious", "spiritual", "assistant",
    "executive", "parliamentary", "cabinet", "central", "bank", "minority", "majority",
    "opposition", "party", "chief-of-staff", "high", "commissioner", "permanent", "water",
    "power", "railways", "railway", "planning", "development", "human", "rights", "law", "media",
    "communication", "communications", "electricity", "renewable", "transport", "agriculture",
    "labour", "labor", "tourism", "culture", "environment", "industry", "mines", "housing",
    "urban", "rural", "welfare", "youth", "sports", "science", "technology", "aviation",
    "maritime", "fisheries", "public", "works", "infrastructure", "investment", "union",
    "regional", "district", "municipal", "presidential", "press", "grand", "crown", "external",
}
# Status of a post ("former", "acting", "the then").
STATUS_WORDS = {"former": "former", "ex": "former", "acting": "acting", "interim": "acting",
                "caretaker": "acting", "designate": "designate", "then": "then",
                "outgoing": "former", "incoming": "designate", "late": "former", "elect": "designate",
                "incumbent": None}     # "incumbent Gov. X": the post as held, no status

# Abbreviated posts before a name, with their full stop ("Gov. X", "Sen. X", "Rep. X"): the post is
# written out in full; the surface stays in the title's text.
POST_ABBREVIATIONS = {"gov.": "governor", "sen.": "senator", "rep.": "representative", "amb.": "ambassador",
                      "pres.": "president", "supt.": "superintendent", "secy.": "secretary"}


def post_head(word: str) -> str | None:
    """The singular head word if ``word`` is a post's head, singular or plural
    ("Ministers" -> "minister", "Secretaries" -> "secretary", "PMs" -> "pm"), else None.
    Taggers call a capitalised plural NNP, so the plural is read from the word."""
    low = word.lower()
    if low in POST_HEADS:
        return low
    if low in POST_ABBREVIATIONS:
        return POST_ABBREVIATIONS[low]
    for suffix, replacement in (("ies", "y"), ("s", ""), ("es", "")):
        if low.endswith(suffix) and low[: -len(suffix)] + replacement in POST_HEADS:
            return low[: -len(suffix)] + replacement
    return None


# --- normalization -------------------------------------------------------------------------

# Spellings and abbreviations of one word of a post.
_WORD_FORMS = {
    "defense": "defence", "spokesman": "spokesperson", "spokeswoman": "spokesperson",
    "advisor": "adviser", "chairman": "chair", "chairwoman": "chair", "chairperson": "chair",
    "co-ordinator": "coordinator", "naval": "navy", "labor": "labour",
    "premier": "prime minister", "pm": "prime minister", "fm": "foreign minister",
    "eam": "external affairs minister",
    "dg": "director general", "director-general": "director general",
    "secretary-general": "secretary general", "vice-president": "vice president",
    "coas": "chief of army staff", "cjcsc": "chairman joint chiefs of staff committee",
    "nsa": "national security adviser", "ceo": "chief executive officer",
    "chief-of-staff": "chief of staff", "vice-chairman": "vice chair",
    "ig": "inspector general", "igp": "inspector general of police", "dig": "deputy inspector general",
    "aig": "assistant inspector general", "dgp": "director general of police", "cm": "chief minister",
    "ssp": "senior superintendent of police",
}
_CONNECTORS = {"of", "the", "for", "and", "at", "on", "to", "in"}
# Words before "minister"/"secretary" that qualify the post rather than name its portfolio.
_QUALIFIERS = ["deputy", "vice", "junior", "first", "senior", "union", "federal", "provincial",
               "state", "cabinet", "chief", "prime", "assistant", "associate", "special"]
# Portfolios written short ("Foreign Minister") and long ("Minister of Foreign Affairs").
_PORTFOLIOS = {"foreign": "foreign affairs", "home": "home affairs", "external": "external affairs",
               "national defence": "defence"}
# Secretaries whose portfolio may come first ("Defense Secretary" = "Secretary of Defense").
_SECRETARY_PORTFOLIOS = {"defence", "foreign affairs", "home affairs", "interior", "energy", "health",
                         "treasury", "commerce", "agriculture", "education", "transportation",
                         "homeland security", "labour", "justice", "external affairs", "finance"}
_SERVICES = {"army": "Army", "military": "Army", "navy": "Naval", "air": "Air"}


def _words(post: str) -> tuple[list[str], set[str]]:
    """The post's words, lower case with spellings unified, and the acronyms among them."""
    words: list[str] = []
    acronyms: set[str] = set()
    for w in re.findall(r"[\w'-]+", post.replace("’", "'")):
        w = w.strip("'-")
        if w.lower().endswith("'s"):
            w = w[:-2]
        if not w:
            continue
        low = w.lower()
        if low not in _WORD_FORMS and w.isupper() and len(w) > 1:
            acronyms.add(low)
        parts = [low] if low in _WORD_FORMS or "-" not in low else [p for p in low.split("-") if p]
        for part in parts:                 # "vice-premier" -> "vice", "prime minister"
            words.extend(_WORD_FORMS.get(part, part).split())
    return words, acronyms


def _title_case(words: list[str], acronyms: set[str] = frozenset()) -> str:
    return " ".join(w.upper() if w in acronyms else w if (w in _CONNECTORS and k) else w[:1].upper() + w[1:]
                    for k, w in enumerate(words))


@lru_cache(maxsize=8192)
def normalize_post(post: str) -> str:
    """One name per post; see the module docstring. Unknown forms come back title-cased
    with their spellings unified, so they still group with themselves."""
    words, acronyms = _words(post)
    if not words:
        return post
    content = [w for w in words if w not in ("the",)]
    # Service chiefs: "army chief", "Chief of the Army Staff", "Army Chief of Staff".
    service = [w for w in content if w in _SERVICES]
    if "chief" in content and service and set(content) <= {"chief", "of", "staff", "force", *_SERVICES}:
        return f"Chief of {_SERVICES[service[0]]} Staff"
    # "Armed Forces Chief of Staff" -> "Chief of Staff of Armed Forces" ("the" is dropped throughout)
    if content[-3:] == ["chief", "of", "staff"] and len(content) > 3:
        return _title_case(["chief", "of", "staff", "of", *content[:-3]])
    for head in ("minister", "secretary"):
        if head not in content:
            continue
        at = content.index(head)
        before, after = content[:at], content[at + 1:]
        qualifiers = []
        while before and before[0] in _QUALIFIERS:
            qualifiers.append(before.pop(0))
        first_qualifier = next((k for k, w in enumerate(before) if w in _QUALIFIERS), None)
        if not after and first_qualifier and all(w in _QUALIFIERS for w in before[first_qualifier:]):
            # "Delhi Chief Minister": a jurisdiction before the qualified post, not a portfolio
            return _title_case(before[first_qualifier:] + [head, "of"] + before[:first_qualifier])
        if after[:1] in (["of"], ["for"]):
            portfolio = after[1:]
        elif not after and before:
            portfolio = before
        else:
            break
        text = " ".join(portfolio)
        text = _PORTFOLIOS.get(text, text)
        if head == "secretary" and before and text not in _SECRETARY_PORTFOLIOS:
            break                     # "Press Secretary" stays as written
        if before and after:
            break                     # "Foreign Minister of X": leave as written
        if not text:
            return _title_case(qualifiers + [head])
        return _title_case(qualifiers + [head, "of"] + text.split())
    return _title_case(content, acronyms)
