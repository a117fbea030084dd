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

from .currency import GLUED_PREFIX


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
W = _u("W", "power", "MW", 1e-6)
MWH = _u("MWh", "energy")
TWH = _u("TWh", "energy", "MWh", 1e6)
GWH = _u("GWh", "energy", "MWh", 1000.0)
KWH = _u("kWh", "energy", "MWh", 0.001)
BCM = _u("bcm", "gas volume")
TCF = _u("tcf", "gas volume", "bcm", 28.3168)
M3 = _u("m3", "gas volume", "bcm", 1e-9)
MMCFD = _u("mmcfd", "gas flow")
M3D = _u("m3/d", "gas flow", "mmcfd", 35.3147e-6)      # 1 m3 = 35.3147 cubic feet
MMSCMD = _u("mmscmd", "gas flow", "mmcfd", 35.3147)
BPD = _u("bpd", "oil flow")
BBL = _u("bbl", "oil volume")
PCT = _u("%", "ratio")
KMH = _u("km/h", "speed")
M3S = _u("m3/s", "water flow")   # a river's or a dam's release: "500 cubic metres per second"
MPH = _u("mph", "speed", "km/h", 1.609344)
KV = _u("kV", "voltage")
SQFT = _u("sq ft", "area", "km2", 9.290304e-8)
PP = _u("pp", "ratio change")
BP = _u("bp", "ratio change", "pp", 0.01)       # basis points: 100 bp = 1 percentage point
CFD = _u("cf/d", "gas flow", "mmcfd", 1e-6)     # "2 billion standard cubic feet per day"
MTPA = _u("mtpa", "mass", "t", 1e6)             # million tonnes per annum (LNG plants)

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
_forms(W, "watt", "watts")
_forms(TWH, "twh", "terawatt hours", "terawatt-hours")
_forms(MWH, "mwh", "megawatt hours", "megawatt-hours")
_forms(GWH, "gwh", "gigawatt hours", "gigawatt-hours")
_forms(KWH, "kwh", "kilowatt hours", "kilowatt-hours")
# A yearly volume ("3 bcm a year", "5 billion cu m/year") is the same figure as the volume.
PER_YEAR = ["", "/ year", "/ yr", "/y", "per year", "a year", "per annum", "annually", "/ annum"]
# What the volume is of may stand between the unit and its period: "10 million cubic meters of gas per day".
OF_WHAT = ["", "of gas", "of natural gas", "of water"]
_forms(BCM, *(f"{base} {of} {tail}".replace("  ", " ").strip()
              for base in ("bcm", "billion cubic metres", "billion cubic meters", "billion cu m", "billion cu. m",
                           "billion m3")
              for of in OF_WHAT for tail in PER_YEAR), "bcm/y", "bcm/yr", "bcma", "bcm/year")
_forms(TCF, "tcf", "trillion cubic feet")
_forms(M3, "cubic metres", "cubic meters", "cubic metre", "cubic meter", "m3", "m³", "cu m", "cu. m", "cu.m")
_forms(M3D, *(f"{base} {of} {per} day".replace("  ", " ") for base in ("cubic metres", "cubic meters", "cu m", "m3")
              for of in OF_WHAT for per in ("per", "a")), "m3/d", "m3/day", "m3 / day", "m3 / d")
_forms(M3S, *(f"{base} {of} per second".replace("  ", " ") for base in ("cubic metres", "cubic meters", "cu m", "m3")
              for of in OF_WHAT), "m3/s", "m3 / s", "cumecs")
_forms(M3D, *(f"standard {base} {of} {per} day".replace("  ", " ") for base in ("cubic metres", "cubic meters")
              for of in OF_WHAT for per in ("per", "a")))
_forms(MMSCMD, "mmscmd", "mmscm/d", "mmscm / d")
_forms(MMCFD, "mmcfd", "mmscfd", "mmcf/d", "million cubic feet per day", "million cubic feet a day",
       "million standard cubic feet per day", "million standard cubic feet a day")
_forms(BPD, "bpd", "b/d", "barrels per day", "barrels a day", "barrel per day", "barrels of oil per day",
       "barrels of oil a day")
_forms(BBL, "bbl", "barrel", "barrels")
_forms(PCT, "%", "percent", "per cent", "pc", "pct", "per-cent")
_forms(KMH, "kph", "kmph", "kmh", "km/h", "km / h", "km per hour", "kilometres per hour", "kilometers per hour",
       "kilometres an hour", "kilometers an hour")
_forms(MPH, "mph", "miles per hour", "miles an hour")
_forms(KV, "kv", "kilovolt", "kilovolts")
_forms(SQFT, "sq ft", "sq. ft", "sq feet", "square feet", "square foot", "sqft")
_forms(PP, "percentage point", "percentage points")
_forms(BP, "basis point", "basis points", "bps")
_forms(CFD, *(f"{std} cubic feet {of} {per} day".replace("  ", " ") for std in ("", "standard")
              for of in OF_WHAT for per in ("per", "a")), "scf/d", "scfd")
_forms(MTPA, "mtpa", "mmtpa", "mtpa.")

# Money: signs, codes and currency words live in ``load.currency`` (from the gazetteer).
LONGEST_FORM = max(len(f) for f in UNIT_FORMS)

# Multipliers. The short forms ("m", "bn", "k") only count after a currency
# ("€2m"); after a bare number "m" is metres.
SCALES = {
    "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
    "mn": 1e6, "bn": 1e9, "tn": 1e12, "mln": 1e6, "bln": 1e9, "trln": 1e12,
    "crore": 1e7, "crores": 1e7, "lakh": 1e5, "lakhs": 1e5, "lac": 1e5, "lacs": 1e5,
}
MONEY_SCALES = {**SCALES, "m": 1e6, "k": 1e3, "b": 1e9, "tr": 1e12, "trn": 1e12, "cr": 1e7, "bil": 1e9}
# Currencies whose amounts are written in crore and lakh, where "core" after the
# amount is a misprint of crore ("Rs 40 core"): the rupee, taka and their signs.
CRORE_CURRENCIES = {"INR", "PKR", "NPR", "LKR", "BDT", "Rs", "rupee"}
MISPRINTED_SCALES = {"core": ("crore", 1e7), "cores": ("crore", 1e7)}

# Cardinal words a reporter writes before a unit ("two kilometres"); AP style
# uses digits from 10 up, so the single words cover nearly all of it.
WORD_NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90, "hundred": 100,
}
# Fractions written before "a"/"an": "half a tonne", "a quarter of a million".
FRACTIONS = {"half": 0.5, "quarter": 0.25}

# A number as news writes it: "2,775", "7.5", "100,000", and the decimal comma of
# continental style, "2,5" (never three digits after the comma: "2,500" is thousands)
# and "1.234,5".
NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?:\.\d{3})+,\d{1,2}|\d+,\d{1,2}(?![\d,])|\d+(?:\.\d+)?"

# One token holding a number glued to a currency and/or a unit or scale:
# "950km", "2.5GW", "12.5km2", "Rs20bn", "$7.5bn", "3pc", "Rs.500", "USD4.2", "Tk5,000".
GLUED = re.compile(
    rf"^(?P<cur>{GLUED_PREFIX})?(?P<num>{NUMBER})(?P<suf>[a-z%²³/]+[23]?)?$",
    re.IGNORECASE,
)


def to_number(text: str) -> float:
    """ "2,775" -> 2775, "2,5" -> 2.5, "1.234,5" -> 1234.5."""
    head, comma, tail = text.rpartition(",")
    if comma and len(tail) <= 2 and "." not in tail:
        return float(head.replace(".", "") + "." + tail)
    return float(text.replace(",", ""))


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
