"""The unit table behind ``load.figures``: how news writes units, and what they mean.

Every unit has a normalized key (``km``, ``USD``, ``%``), a dimension, and a
factor to the dimension's canonical unit (km for length, km2 for area, t for
mass, MW for power, bcm for gas volume, mmcfd for gas flow, bpd for oil flow,
% for ratios). Money is the exception: each currency is its own canonical
unit, because converting would need an exchange rate *and* a date, and a fact
database should not invent either; ``canonical_value`` of "$7.5 billion" is
7.5e9 USD, of "Rs20bn" 2e10 PKR.

Surface forms are lower-cased token sequences as spaCy's English tokenizer
splits them ("per cent" is two tokens, "km2" one).
"""
from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Unit:
    key: str            # normalized unit stored in Figure.unit
    dimension: str      # length, area, money, ...
    canonical: str      # canonical unit of the dimension
    factor: float       # value in ``key`` * factor = value in ``canonical``


def _u(key, dimension, canonical=None, factor=1.0):
    return Unit(key, dimension, canonical or key, factor)


KM = _u("km", "length")
MI = _u("mi", "length", "km", 1.609344)
M = _u("m", "length", "km", 0.001)
FT = _u("ft", "length", "km", 0.0003048)
KM2 = _u("km2", "area")
MI2 = _u("mi2", "area", "km2", 2.589988)
HA = _u("ha", "area", "km2", 0.01)
ACRE = _u("acre", "area", "km2", 0.00404686)
T = _u("t", "mass")
KG = _u("kg", "mass", "t", 0.001)
MW = _u("MW", "power")
GW = _u("GW", "power", "MW", 1000.0)
KW = _u("kW", "power", "MW", 0.001)
MWH = _u("MWh", "energy")
GWH = _u("GWh", "energy", "MWh", 1000.0)
KWH = _u("kWh", "energy", "MWh", 0.001)
BCM = _u("bcm", "gas volume")
TCF = _u("tcf", "gas volume", "bcm", 28.3168)
M3 = _u("m3", "gas volume", "bcm", 1e-9)
MMCFD = _u("mmcfd", "gas flow")
BPD = _u("bpd", "oil flow")
BBL = _u("bbl", "oil volume")
PCT = _u("%", "ratio")
PP = _u("pp", "ratio change")

# Units spelled after the number. Forms that start with a scale word
# ("billion cubic metres") are units in their own right and are tried before
# the scale word is read as a multiplier.
UNIT_FORMS: dict[tuple[str, ...], Unit] = {}


def _forms(unit: Unit, *spellings: str) -> None:
    for s in spellings:
        UNIT_FORMS[tuple(s.split())] = unit


_forms(KM, "km", "kms", "kilometre", "kilometres", "kilometer", "kilometers")
_forms(MI, "mi", "mile", "miles")
_forms(M, "m", "metre", "metres", "meter", "meters")
_forms(FT, "ft", "foot", "feet")
_forms(KM2, "km2", "km²", "sq km", "sq. km", "sq kilometres", "square km", "square kilometre",
       "square kilometres", "square kilometer", "square kilometers")
_forms(MI2, "sq mi", "square mile", "square miles")
_forms(HA, "ha", "hectare", "hectares")
_forms(ACRE, "acre", "acres")
_forms(T, "tonne", "tonnes", "ton", "tons", "metric tons", "metric tonnes")
_forms(KG, "kg", "kgs", "kilogram", "kilograms", "kilogramme", "kilogrammes")
_forms(MW, "mw", "megawatt", "megawatts")
_forms(GW, "gw", "gigawatt", "gigawatts")
_forms(KW, "kw", "kilowatt", "kilowatts")
_forms(MWH, "mwh", "megawatt hours", "megawatt-hours")
_forms(GWH, "gwh", "gigawatt hours", "gigawatt-hours")
_forms(KWH, "kwh", "kilowatt hours", "kilowatt-hours")
_forms(BCM, "bcm", "billion cubic metres", "billion cubic meters", "bcm/y", "bcma")
_forms(TCF, "tcf", "trillion cubic feet")
_forms(M3, "cubic metres", "cubic meters", "m3", "m³")
_forms(MMCFD, "mmcfd", "mmscfd", "mmcf/d", "million cubic feet per day", "million cubic feet a day")
_forms(BPD, "bpd", "b/d", "barrels per day", "barrels a day", "barrel per day", "barrels of oil per day",
       "barrels of oil a day")
_forms(BBL, "bbl", "barrel", "barrels")
_forms(PCT, "%", "percent", "per cent", "pc", "pct")
_forms(PP, "percentage point", "percentage points")

# Money: currency symbols and codes written before the number ("$7.5 billion",
# "Rs 1.2 trillion", "US$3bn") and currency words written after it ("10 million
# euros"). A bare "Rs"/"rupees" is read as PKR (the corpus is Pakistan-centred
# news); "Indian rupees", "INR" and "₹" are INR. "pounds" alone is left out: it
# is as often a weight as sterling.
CURRENCY_PREFIXES: dict[tuple[str, ...], str] = {
    ("$",): "USD", ("us$",): "USD", ("us", "$"): "USD", ("usd",): "USD",
    ("rs",): "PKR", ("rs.",): "PKR", ("pkr",): "PKR",
    ("inr",): "INR", ("₹",): "INR",
    ("€",): "EUR", ("eur",): "EUR",
    ("£",): "GBP", ("gbp",): "GBP",
    ("¥",): "CNY", ("rmb",): "CNY", ("cny",): "CNY",
    ("irr",): "IRR", ("aed",): "AED", ("sar",): "SAR",
}
CURRENCY_WORDS: dict[tuple[str, ...], str] = {
    ("dollar",): "USD", ("dollars",): "USD", ("us", "dollars"): "USD", ("u.s.", "dollars"): "USD",
    ("euro",): "EUR", ("euros",): "EUR",
    ("rupee",): "PKR", ("rupees",): "PKR", ("pakistani", "rupees"): "PKR",
    ("indian", "rupees"): "INR",
    ("pounds", "sterling"): "GBP",
    ("yuan",): "CNY", ("renminbi",): "CNY",
    ("rial",): "IRR", ("rials",): "IRR",
    ("dirham",): "AED", ("dirhams",): "AED",
    ("riyal",): "SAR", ("riyals",): "SAR",
}
CURRENCY_UNITS = {code: Unit(code, "money", code, 1.0)
                  for code in {*CURRENCY_PREFIXES.values(), *CURRENCY_WORDS.values()}}

LONGEST_FORM = max(len(f) for table in (UNIT_FORMS, CURRENCY_PREFIXES, CURRENCY_WORDS) for f in table)

# Multipliers. The short forms ("m", "bn", "k") only count after a currency
# ("€2m"); after a bare number "m" is metres.
SCALES = {
    "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
    "mn": 1e6, "bn": 1e9, "tn": 1e12, "crore": 1e7, "crores": 1e7, "lakh": 1e5, "lakhs": 1e5,
}
MONEY_SCALES = {**SCALES, "m": 1e6, "k": 1e3, "b": 1e9, "tr": 1e12, "trn": 1e12, "cr": 1e7}

# Cardinal words a reporter writes before a unit ("two kilometres"); AP style
# uses digits from 10 up, so the single words cover nearly all of it.
WORD_NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90, "hundred": 100,
}

# One token holding a number glued to a currency and/or a unit or scale:
# "950km", "2.5GW", "12.5km2", "Rs20bn", "$7.5bn", "3pc", "Rs.500".
GLUED = re.compile(
    r"^(?P<cur>rs\.?|pkr|inr|usd|us\$|\$|€|£|₹|¥)?"
    r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"(?P<suf>[a-z%²³/]+[23]?)?$",
    re.IGNORECASE,
)
# Plain digits as news writes them: "2,775", "7.5", "100,000".
DIGITS = re.compile(r"^(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)$")

# Words before a figure that make it inexact. Longest first.
QUALIFIERS: dict[tuple[str, ...], str] = {
    ("more", "than"): "more than", ("less", "than"): "less than", ("fewer", "than"): "less than",
    ("up", "to"): "up to", ("at", "least"): "at least", ("close", "to"): "close to",
    ("as", "much", "as"): "as much as", ("in", "excess", "of"): "more than",
    ("an", "estimated"): "estimated", ("upwards", "of"): "more than",
    ("just", "over"): "over", ("just", "under"): "under",
    ("about",): "about", ("nearly",): "nearly", ("almost",): "almost", ("around",): "around",
    ("some",): "some", ("over",): "over", ("approximately",): "approximately",
    ("roughly",): "roughly", ("approx",): "approximately", ("estimated",): "estimated",
    ("under",): "under", ("below",): "under", ("above",): "over"
}

# Adjectives that follow a hyphenated measure and belong to it: "a 40-km-long road".
MEASURE_ADJECTIVES = {"long", "wide", "deep", "high", "tall", "thick", "large"}

# A figure larger than this is a typo, a misread serial number or a "1e309":
# nothing newsworthy is measured in more than a quadrillion of anything.
MAX_VALUE = 1e15


def unit_for_suffix(suffix: str) -> Unit | None:
    """The unit a glued suffix names ("km" in "950km"), if it is one."""
    return UNIT_FORMS.get((suffix.lower(),))
