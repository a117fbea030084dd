"""Reading a candidate span into a figure's value and unit (for ``load.figures``).

``read(span)`` reads left to right: a currency sign or code, the number (digits,
a decimal comma, a number in words, "a"/"half a" before a scale), scale words
("billion", "crore", "lakh crore", a misprinted "core" after a rupee amount),
then a unit or a currency word, with a nationality before it ("Kenyan
shillings"). A range's low end is read inside the span ("$3-4 billion") or just
before it ("30 to | 35 per cent"). A span with no unit and no currency is not a
figure (``None``).
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from . import currency as C
from . import units as U

HYPHENS = {"-", "–", "—"}
RANGE_JOINERS = {"to", "-", "–", "—", "and"}
NUMBER_JOINERS = {"and", "-"}   # "two hundred and forty", "twenty-five"
NATIONALITY_TAGS = {"ADJ", "PROPN"}

@dataclass
class Quantity:
    value: float
    unit: U.Unit | None          # a physical unit; None for money
    start: int                   # token indices into the doc, end exclusive
    end: int
    money: C.Money | None = None
    nationality: str | None = None   # "Kenyan" in "10 million Kenyan shillings"
    note: str | None = None
    low: float | None = None     # the low end of a range read in one span
    low_end: int | None = None   # where the low end's tokens stop
    range_part: str | None = None
    needs_country: bool = False  # "K300", "P45": a sign read without a scale word only where its country is evident

    @property
    def key(self) -> str:
        return self.unit.key if self.unit else (self.money.code or self.money.default or self.money.label)


def match_form(tokens: list[Token], i: int, table: dict) -> tuple[object, int] | tuple[None, int]:
    """The longest entry of ``table`` (keyed by lower-cased token tuples) starting at i."""
    for n in range(min(U.LONGEST_FORM, len(tokens) - i), 0, -1):
        key = tuple(t.lower_ for t in tokens[i:i + n])
        if key in table:
            return table[key], n
        if len(key[-1]) > 1 and key[-1].endswith(".") and key[:-1] + (key[-1][:-1],) in table:
            return table[key[:-1] + (key[-1][:-1],)], n     # "km/h." at the end of a sentence
    return None, 0


def _prefix_at(tokens: list[Token], i: int) -> tuple[C.Money | None, int]:
    """A currency sign or code before the number: "$", "US $", "Rs.", "USD" (in capitals)."""
    if i + 1 < len(tokens) and tokens[i].lower_ in ("us", "u.s.") and tokens[i + 1].text == "$":
        return C.prefixes()["us$"], 2
    money = _prefix(tokens[i].text) if i < len(tokens) else None
    if money and i + 1 < len(tokens) and tokens[i + 1].text == "." and _prefix(tokens[i].text + ".") is not None:
        return money, 2          # "Rs. 3,860 billion", the tokenizer splitting the sign's full stop
    return money, (1 if money else 0)


def _prefix(text: str) -> C.Money | None:
    money = C.prefixes().get(text.lower())
    if money and money.label in C.NEEDS_A_SCALE and text != money.label:
        return None  # "n5": only the capital sign
    if money and money.code and money.label == money.code and not C.is_code_text(text):
        return None  # "usd" or "Inr" in running text is not a code
    if money and money.label == "Rs" and text.isupper():
        return None  # "RS 28" is a missile or a model; rupees are "Rs"
    return money


def _currency_word_at(tokens: list[Token], i: int) -> tuple[C.Money | None, int]:
    money, n = match_form(tokens, i, C.currency_words())
    if money:
        return money, n
    if i < len(tokens) and C.is_code_text(tokens[i].text):   # "5 billion USD"
        return C.prefixes()[tokens[i].lower_], 1
    return None, 0


def number(token: Token) -> tuple[float, C.Money | None, str | None] | None:
    """(number, currency, suffix) of one token: "2,775", "2,5", "seven", "Rs20bn", "USD4.2"."""
    if token.lower_ in U.WORD_NUMBERS:
        return float(U.WORD_NUMBERS[token.lower_]), None, None
    m = U.GLUED.match(token.text)
    if not m:
        return None
    money = None
    if m["cur"]:
        money = _prefix(m["cur"])
        if money is None:
            return None  # "abc5"
    return U.to_number(m["num"]), money, m["suf"]


def _words_number(tokens: list[Token], i: int) -> tuple[float, int] | None:
    """A number in words from token i: "two hundred and forty", "twenty-five".
    "and" only after "hundred", a hyphen only between tens and units."""
    total, k, last = 0.0, i, None
    while k < len(tokens):
        low = tokens[k].lower_
        if low in U.WORD_NUMBERS:
            n = U.WORD_NUMBERS[low]
            if n == 100:
                total = (total or 1) * 100
            elif last is not None and last != "and" and last != "-" and U.WORD_NUMBERS.get(last, 0) < 100:
                break  # "five six": not one number
            else:
                total += n
            last = low
        elif low == "and" and last == "hundred" and k + 1 < len(tokens) and tokens[k + 1].lower_ in U.WORD_NUMBERS:
            last = low
        elif low == "-" and U.WORD_NUMBERS.get(last or "", 0) in range(20, 100, 10) and k + 1 < len(tokens) \
                and U.WORD_NUMBERS.get(tokens[k + 1].lower_, 100) < 10:
            last = low
        else:
            break
        k += 1
    return (total, k) if k > i else None


def _number_at(tokens: list[Token], i: int) -> tuple[float, int, C.Money | None, str | None] | None:
    """(value, next index, glued currency, glued suffix) of the number starting at token i."""
    if i >= len(tokens):
        return None
    low = tokens[i].lower_
    if low in U.FRACTIONS and i + 1 < len(tokens) and tokens[i + 1].lower_ in ("a", "an"):
        return U.FRACTIONS[low], i + 2, None, None           # "half a tonne"
    if low in ("a", "an") and i + 1 < len(tokens) and tokens[i + 1].lower_ in U.SCALES:
        return 1.0, i + 1, None, None                         # "a million dollars"
    if low in U.WORD_NUMBERS:
        words = _words_number(tokens, i)
        return (words[0], words[1], None, None) if words else None
    parsed = number(tokens[i])
    if parsed is None:
        return None
    value, money, suffix = parsed
    return value, i + 1, money, suffix


def _scale_word(token: Token) -> str:
    low = token.lower_
    return low[:-1] if len(low) >= 2 and low.endswith(".") else low


def read(span: Span) -> Quantity | None:
    """Read a candidate span into a value and unit, or None when it has no unit."""
    tokens = list(span)
    doc = span.doc
    first = span.start            # where the figure starts in the doc: may be before the span
    money, i = _prefix_at(tokens, 0)
    number = _number_at(tokens, i)
    if number is None and i == 0 and tokens[0].lower_ in U.SCALES:
        lead = _article_before(doc, span.start)      # "a | million dollars", "half a | billion"
        if lead is None:
            return None
        number, first = (lead[0], 0, None, None), lead[1]
    if number is None:
        return None
    value, i, glued_money, suffix = number
    if i == 1 and not money and tokens[0].lower_ in U.WORD_NUMBERS:
        words = _words_before(doc, span.start)       # "three hundred and | fifty million dollars"
        if words:
            value, first = words
    money = money or glued_money
    unit = None
    low = low_end = None
    scale = 1.0                   # the scale words read after the current number
    low_scaled = False
    note = None
    nationality: list[str] = []
    if suffix:
        s = suffix.lower()
        if money and s in U.MONEY_SCALES:
            value *= U.MONEY_SCALES[s]
        elif not money and s in U.SCALES:
            value *= U.SCALES[s]
        elif not money and s in U.MONEY_SCALES and i < len(tokens) and (
                match_form(tokens, i, U.UNIT_FORMS)[0] or _currency_word_at(tokens, i)[0]):
            value *= U.MONEY_SCALES[s]  # "1.5m tonnes": a unit follows, so "m" is million
        elif not money and U.unit_for_suffix(s):
            unit = U.unit_for_suffix(s)
        else:
            return None  # "3pm", "2nd", "Rs20xyz"
    while i < len(tokens) and unit is None:
        tok = tokens[i]
        word = _scale_word(tok)
        if (word in U.MONEY_SCALES and word not in U.SCALES and not money
                and i + 1 < len(tokens) and match_form(tokens, i + 1, U.UNIT_FORMS)[0]):
            value *= U.MONEY_SCALES[word]  # "1.5 m tonnes": "m" before a unit is million
            scale *= U.MONEY_SCALES[word]
            i += 1
            continue
        if not money and not nationality:
            # A unit spelled with a scale word ("billion cubic metres") beats the scale.
            unit, n = match_form(tokens, i, U.UNIT_FORMS)
            if unit:
                i += n
                break
        if not money:
            money, n = _currency_word_at(tokens, i)
            if money:
                i += n
                break
        scales = U.MONEY_SCALES if money else U.SCALES
        if word in scales:
            value *= scales[word]
            scale *= scales[word]
        elif money and word in U.MISPRINTED_SCALES and _crore_misprint(doc, tok, money):
            read_as, factor = U.MISPRINTED_SCALES[word]
            value *= factor
            scale *= factor
            note = f'"{tok.text}" read as {read_as}'
        elif (tok.text in HYPHENS or tok.lower_ in RANGE_JOINERS) and low is None and not nationality \
                and _range_follows(tokens, i, money):
            # "30 to 35 per cent", "30-35%", "$1-2 billion", "between 3 and 5 km"
            if tok.lower_ == "and" and not (span.start > 0 and doc[span.start - 1].lower_ == "between"):
                return None
            second_sign, skip = _prefix_at(tokens, i + 1)
            money = money or second_sign
            low, low_end, low_scaled = value, tok.i, scale != 1.0
            value, i = _number_at(tokens, i + 1 + skip)[:2]
            scale = 1.0
            continue
        elif tok.text in HYPHENS or tok.text == "[":      # "2,775-kilometre", "9 billion [dollars]"
            pass
        elif tok.is_title and tok.pos_ in NATIONALITY_TAGS and not money:
            nationality.append(tok.text)                  # "10 million Kenyan shillings"
        else:
            break
        i += 1
    if money and i < len(tokens) and not nationality:
        again, n = _currency_word_at(tokens, i)
        if again and again.code and again.code in money.codes:
            i += n          # "$7.9 million dollars"
    end = i
    while end > 1 and tokens[end - 1].text in HYPHENS:
        end -= 1            # "$6.99-a-month": the hyphen joins the next words
    if unit:
        # "-long" in "a 40-km-long road" belongs to the measure, not to its subject.
        j = i + 1 if i < len(tokens) and tokens[i].text in HYPHENS else i
        if j < len(tokens) and tokens[j].lower_ in U.MEASURE_ADJECTIVES:
            end = j + 1
    elif money and i < len(tokens) and tokens[i].text == "]":
        end = i + 1
    if unit is None and money is None:
        return None
    needs_country = False
    if money and money.label in C.NEEDS_A_SCALE and scale == 1.0 and not (suffix and suffix.lower() in U.MONEY_SCALES):
        after = doc[span.start + end] if span.start + end < len(doc) else None
        if after is not None and (after.pos_ in ("NOUN", "PROPN") or after.text in HYPHENS):
            return None   # "N95 masks", "K9 unit"; "N4.5 trillion" is naira
        needs_country = True   # "K300 per bag", "P1,200 a month": money where the article is about its country
    if money and money.label in C.NEEDS_NATIONALITY and not nationality \
            and not (scale != 1.0 and money.label in C.AFTER_A_SCALE):
        return None   # "won", "real", "pound" alone are words, not currencies ("2.5 trillion won" is money)
    if low is None and not _money_before_number(tokens):
        before = _low_end_before(doc, first)          # "30 to | 35 per cent"
        if before:
            low, low_scaled, first, low_end = before
    if low is not None:
        if not low_scaled:
            low *= scale        # "$1-2 billion": the low end shares the high end's scale
        if low >= value or low == 0:
            # "from 2017 to 35%", "0-62 mph": not a range; the figure is the second number.
            first, low, low_end = (low_end + 1 if low_end >= span.start else span.start), None, None
    return Quantity(value, unit, first, span.start + end, money=money,
                     nationality=" ".join(nationality) or None, note=note, low=low, low_end=low_end,
                     needs_country=needs_country)


def _money_before_number(tokens: list[Token]) -> bool:
    return _prefix_at(tokens, 0)[0] is not None


def _article_before(doc: Doc, start: int) -> tuple[float, int] | None:
    """ "a million", "half a billion": the number a scale word stands for, and where it starts."""
    if start >= 1 and doc[start - 1].lower_ in ("a", "an"):
        if start >= 2 and doc[start - 2].lower_ in U.FRACTIONS:
            return U.FRACTIONS[doc[start - 2].lower_], start - 2
        return 1.0, start - 1
    return None


def _words_before(doc: Doc, start: int) -> tuple[float, int] | None:
    """A number in words that ends at token ``start``: "two hundred and forty", "twenty-five"."""
    j = start
    while j >= 1 and (doc[j - 1].lower_ in U.WORD_NUMBERS or doc[j - 1].lower_ in NUMBER_JOINERS):
        j -= 1
    tokens = list(doc[j:start + 1])
    for k in range(len(tokens) - 1):        # the longest run that reads as one number
        read = _words_number(tokens, k)
        if read and read[1] == len(tokens):
            return read[0], j + k
    return None


def _low_end_before(doc: Doc, start: int) -> tuple[float, bool, int, int] | None:
    """The low end of a range written before the figure: "30 to | 35 per cent", "10- | 15%",
    "between 5 and | 8 km", "1.5 million to | 2 million tonnes". Returns (value, whether it
    has its own scale, where it starts, where the joiner is)."""
    j = start - 1
    if j < 1 or doc[j].lower_ not in RANGE_JOINERS:
        return None
    k = j - 1
    factor, scaled = 1.0, False
    if doc[k].lower_ in U.SCALES and k >= 1:
        factor, scaled, k = U.SCALES[doc[k].lower_], True, k - 1
    parsed = number(doc[k])
    if parsed is None or parsed[1] is not None or (parsed[2] and parsed[2].lower() not in U.SCALES):
        return None
    value = parsed[0] * (U.SCALES[parsed[2].lower()] if parsed[2] else 1.0) * factor
    scaled = scaled or bool(parsed[2])
    begin = k
    if doc[k].lower_ in U.WORD_NUMBERS:
        words = _words_before(doc, k)
        if words:
            value, begin = words[0] * factor, words[1]
    if doc[j].lower_ == "and" and not (begin >= 1 and doc[begin - 1].lower_ == "between"):
        return None
    return value, scaled, begin, j


def _range_follows(tokens: list[Token], i: int, money: C.Money | None) -> bool:
    """A second number follows the joiner at i: "30 to 35", "$1-$2", "1-2"."""
    j = i + 1 + _prefix_at(tokens, i + 1)[1]
    return j < len(tokens) and _number_at(tokens, j) is not None


def _crore_misprint(doc: Doc, tok: Token, money: C.Money) -> bool:
    """"₹1,480 core": "core" after a rupee or taka amount, ending the phrase, is crore."""
    crore_money = money.code in U.CRORE_CURRENCIES or money.label in U.CRORE_CURRENCIES \
        or set(money.codes) & U.CRORE_CURRENCIES
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    return bool(crore_money) and (nxt is None or nxt.pos_ not in ("NOUN", "PROPN", "ADJ"))
