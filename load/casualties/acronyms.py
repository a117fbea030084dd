"""Acronyms of groups as the article spells them out: "Allied Democratic Forces (ADF)".

``acronyms(doc)`` reads "Name Of Group (NOG)" pairs off the text; ``expand`` turns an acronym
into the name the article gives it, else into the named group whose initials it is.
"""
from __future__ import annotations

from spacy.tokens import Doc

from .docarrays import bracketed_capitals
from .words import NAME_PARTICLES


def acronyms(doc: Doc) -> dict[str, str]:
    """"Allied Democratic Forces (ADF)" -> {"ADF": "Allied Democratic Forces"}: the
    capitalised words before a bracketed acronym whose initials it is."""
    out = {}
    for i in bracketed_capitals(doc):
        t = doc[i]
        if not (2 <= len(t) <= 8 and i > 1):
            continue
        words, i = [], t.i - 2
        while i >= 0 and len(words) < len(t.text) + 4:
            w = doc[i]
            if w.is_title or w.is_upper:
                words.insert(0, w)
            elif w.lower_ in NAME_PARTICLES or w.tag_ == "POS":
                pass                  # "Jaish al-Adl", "New People's Army (NPA)"
            else:
                break
            if "".join(x.text[0] for x in words).upper() == t.text:
                out.setdefault(t.text, doc[w.i: t.i - 1].text.strip())
                break
            i -= 1
    return out


def _initials(name: str) -> str:
    return "".join(w[0] for w in name.replace("-", " ").split() if w[0].isupper())


def expand(name: str, acr: dict[str, str], named: list[str]) -> str:
    """An acronym as the article spells it out; else the named group it abbreviates."""
    key = name.replace(".", "")
    if key in acr:
        return acr[key]
    if key.isupper() and len(key) <= 6:
        longer = [n for n in named if n != name and _initials(n) == key]
        if longer:
            return longer[0]
    return name
