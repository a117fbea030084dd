"""Personal names: what is not part of a name, and when two names are one person.

Pure Python (no spaCy) so the cross-article resolution step can use it on
plain strings. Names are compared through a phonetic fold that makes the usual
romanisations of Persian, Arabic and Urdu names meet ("Mohammad"/"Muhammad"/
"Mohammed", "Baqeri"/"Bagheri", "Hossein"/"Hussain", "Mehmood"/"Mahmoud")
while keeping apart names whose sound differs ("Hassan"/"Hussein",
"Mohammad"/"Mahmoud").
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

# Military and police ranks as news writes them (lowercased, without dots).
# Multi-word ranks come first so that the longest reading wins when a name is stripped.
RANKS = [
    "air chief marshal", "air vice marshal", "air marshal", "air commodore",
    "field marshal", "colonel general", "army general", "general of the army", "wing commander",
    "squadron leader", "group captain", "flight lieutenant", "lieutenant commander", "lieutenant general", "lt general", "lt gen", "lieut gen",
    "major general", "maj general", "maj gen", "brigadier general", "brig gen",
    "lieutenant colonel", "lt colonel", "lt col", "vice admiral", "vice adm",
    "rear admiral", "rear adm", "first lieutenant", "second lieutenant",
    "staff sergeant", "general", "gen", "brigadier", "brig", "colonel", "col",
    "major", "maj", "captain", "capt", "lieutenant", "lt", "admiral", "adm",
    "commodore", "marshal", "sergeant", "sgt", "corporal", "cpl", "private", "pte",
    # police ranks (British usage, spread through the Commonwealth)
    "deputy assistant commissioner", "dac", "detective chief superintendent", "detective superintendent",
    "detective chief inspector", "dci", "detective inspector", "detective sergeant", "detective constable",
    "chief superintendent", "supt", "det supt",
    # Nigerian and Indian police ranks before a name ("SP X", "ACP Y")
    "sp", "csp", "acp", "dcp",
    # Thai police ranks ("Pol Gen X", "Pol Lt Col Y")
    "pol gen", "pol lt gen", "pol maj gen", "pol col", "pol lt col", "pol maj", "pol capt",
]
# Forms of address and religious or hereditary honorifics.
HONORIFICS = [
    "mr", "mrs", "ms", "miss", "dr", "prof", "professor", "sir", "dame", "lord",
    "sheikh", "shaikh", "sheik", "sheikha", "sheikhah", "seyed", "seyyed", "sayyid", "sayed", "syed",
    "ayatollah", "grand ayatollah", "hojatoleslam", "imam", "mullah", "maulana",
    "mufti", "hafiz", "haji", "hajji", "rev", "reverend", "father", "justice",
    # Malaysian and Bruneian honours, West African forms of address
    "datuk seri utama", "dato' seri utama", "datuk seri", "dato seri", "dato sri", "dato' sri", "dato' seri",
    "datuk", "dato", "dato'", "datin", "tan sri", "puan sri", "pehin", "tun", "toh puan", "tengku", "tunku",
    "alhaji", "alhaja", "hajiya",
    # Gulf and South Asian styles of address ("H.H. Sheikh X", "H.E. Mr. Y")
    "h.h", "h.e", "his highness", "her highness", "his excellency", "her excellency", "his majesty", "her majesty",
    # Burmese forms of address ("Daw X")
    "daw",
    # South Asian and West African forms of address ("Shri X", "Smt Y", "Engr Z", "Hon. W", "Barr. V")
    "shri", "shrimati", "smt", "kumari", "thiru", "engr", "hon", "honourable", "honorable",
    "barr", "mallam", "malam", "pastor", "rt hon", "right honourable", "right honorable",
    # Caribbean styles ("the Most Hon. X"), Southern African and Vietnamese forms of address ("Cde X")
    "most hon", "most honourable", "most honorable", "cde", "comrade",
]
# Royal and religious titles that stand before a name and make even one word a name
# ("King Abdullah", "Pope Francis", "Crown Prince Mohammed bin Salman"); also posts.
ROYAL_TITLES = [
    "crown prince", "crown princess", "king", "queen", "prince", "princess", "emir", "amir",
    "sultan", "pope", "grand mufti", "cardinal", "archbishop", "bishop", "patriarch",
    "grand imam", "supreme leader",
]
# Lowercase particles that may sit inside a name ("Ayman al-Zawahiri", "Zia-ul-Haq").
NAME_PARTICLES = {"al", "el", "ul", "ud", "bin", "ibn", "bint", "abu", "van", "von",
                  "de", "da", "del", "der", "di", "du", "la", "le", "ben", "ur", "dos", "das", "della", "des"}

# Abbreviation -> full rank, so that "Maj Gen" and "Major General" read as one rank.
_RANK_WORDS = {"gen": "general", "maj": "major", "lt": "lieutenant", "lieut": "lieutenant",
               "col": "colonel", "brig": "brigadier", "adm": "admiral", "capt": "captain",
               "sgt": "sergeant", "cpl": "corporal", "pte": "private"}


@lru_cache(maxsize=65536)
def plain(text: str) -> str:
    """Lowercase ASCII letters, digits and spaces: accents, dots and apostrophes folded away."""
    text = unicodedata.normalize("NFKD", text or "")
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = re.sub(r"['’‘]s\b", "", text)
    return re.sub(r"[^a-z0-9]+", " ", text).strip()


def rank_words(rank: str | None) -> set[str]:
    """The words of a rank with abbreviations spelled out: "Maj Gen" -> {"major", "general"}."""
    return {_RANK_WORDS.get(w, w) for w in plain(rank or "").split()}


def _strip_prefixes(words: list[str], phrases: list[str]) -> tuple[list[str], list[str]]:
    """Split leading phrases (ranks or honorifics) off a list of plain words."""
    taken: list[str] = []
    changed = True
    while changed and len(words) > 1:
        changed = False
        for parts in _longest_first(tuple(phrases)):
            if words[: len(parts)] == parts and len(words) > len(parts):
                taken.extend(parts)
                words = words[len(parts):]
                changed = True
                break
    return taken, words


@lru_cache(maxsize=8)
def _longest_first(phrases: tuple[str, ...]) -> list[list[str]]:
    """Phrases split into words, longest first (sorted once, not on every name)."""
    return [p.split() for p in sorted(phrases, key=lambda p: -len(p.split()))]


# Names are pure strings and the same few recur thousands of times in a corpus: cache them.
@lru_cache(maxsize=65536)
def strip_titles(name: str) -> str:
    """ "Maj Gen Mohammad Baqeri" -> "Mohammad Baqeri" (keeps the original spelling)."""
    original = (name or "").split()
    _, rest = _strip_prefixes([plain(w) for w in original], RANKS + HONORIFICS + ROYAL_TITLES)
    return " ".join(original[len(original) - len(rest):]) if rest else name


# --- phonetic fold -------------------------------------------------------------------------

# Consonant spellings that romanisations use interchangeably; order matters.
_CONSONANTS = [
    ("kh", "x"), ("gh", "k"), ("q", "k"), ("ck", "k"), ("ch", "C"), ("c", "k"),
    ("ph", "f"), ("w", "v"), ("dh", "z"), ("zh", "j"), ("dj", "j"),
]
_FRONT_VOWELS = set("aei")    # a/e/i alternate freely ("Mohammad"/"Mohammed", "Hossein"/"Hussain")
_BACK_VOWELS = set("ou")      # o/u alternate ("Mohammad"/"Muhammad", "Mousavi"/"Musavi")


@lru_cache(maxsize=65536)
def _fold_word(word: str) -> str:
    w = plain(word).replace(" ", "")  # lowercase, so the placeholders below cannot clash
    if not w:
        return ""
    w = re.sub(r"(?<=[aeiou])h$", "", w)          # "Abdullah"/"Abdulla"
    for src, dst in _CONSONANTS:
        w = w.replace(src, dst)
    out: list[str] = []
    for i, ch in enumerate(w):
        next_is_vowel = i + 1 < len(w) and w[i + 1] in "aeiou"
        if ch in _FRONT_VOWELS or (ch == "y" and i > 0 and not next_is_vowel):  # "Aly", "Sayyid"
            sym = "A"
        elif ch in _BACK_VOWELS:
            sym = "O"
        else:
            sym = ch
        # One symbol per vowel group; "oo"/"ou"/"ee"/"ei" count as one vowel,
        # a back vowel in a mixed group ("ou", "au") colours the whole group.
        if out and sym in "AO" and out[-1] in "AO":
            if sym == "O":
                out[-1] = "O"
            continue
        if out and sym == out[-1]:                  # doubled consonants: "Mohammad"/"Mohamad"
            continue
        out.append(sym)
    return "".join(out)


@lru_cache(maxsize=65536)
def name_key(name: str) -> str:
    """A comparison key: ranks and honorifics dropped, each word phonetically folded.

    >>> name_key("Maj Gen Mohammad Hossein Bagheri") == name_key("Muhammad Hussain Baqeri")
    True
    """
    words = [plain(w) for w in re.split(r"[\s-]+", strip_titles(name or ""))]
    return " ".join(_fold_word(w) for w in words if w and w not in NAME_PARTICLES)


def _given_compatible(a: list[str], b: list[str]) -> bool:
    """Given names agree when the shorter list is an ordered subsequence of the longer
    ("Mohammad" / "Mohammad Hossein"); an initial matches the word it abbreviates."""
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    i = 0
    for word in long_:
        if i < len(short) and (word == short[i] or (len(short[i]) == 1 and word.startswith(short[i]))):
            i += 1
    return i == len(short)


def _post_words(posts: Iterable[str] | None) -> set[str]:
    ignore = {"of", "the", "and", "for", "at", "to", "deputy", "vice", "former", "acting"}
    return {w for p in posts or () for w in plain(p).split() if w not in ignore}


def countries_compatible(a: str | None, b: str | None) -> bool:
    return not a or not b or plain(a) == plain(b)


def same_person(a_name: str, a_country: str | None, a_posts: Iterable[str] | None,
                b_name: str, b_country: str | None, b_posts: Iterable[str] | None) -> bool:
    """Whether two name records (from two articles) can be the same person.

    Requires the same surname (phonetically) and compatible given names; a bare
    surname or a lone given name is compatible only when the posts do not
    contradict (no post, or a shared post word). Countries must agree when both
    are known. The caller decides what to do when several candidates fit a bare name.
    """
    if not countries_compatible(a_country, b_country):
        return False
    a, b = name_key(a_name).split(), name_key(b_name).split()
    if not a or not b:
        return False
    if len(a) > 1 and len(b) > 1:
        if _patronymic(a_name) or _patronymic(b_name):
            # "Mohammed bin Rashid Al Maktoum" is not "Maktoum bin Mohammed bin Rashid Al Maktoum", his son:
            # after "bin" come the father's names, so one's own given name comes first
            return a[-1] == b[-1] and a[0] == b[0] and _given_compatible(a[:-1], b[:-1])
        return a[-1] == b[-1] and _given_compatible(a[:-1], b[:-1])
    # One side is a single word: a surname ("Baqeri") or a given name ("Imran").
    single, full = (a, b) if len(a) == 1 else (b, a)
    if len(full) == 1:
        return single == full and _posts_compatible(a_posts, b_posts)
    if single[0] != full[-1] and single[0] != full[0]:
        return False
    return _posts_compatible(a_posts, b_posts)


def _patronymic(name: str) -> bool:
    return any(w in ("bin", "bint", "ibn") for w in name.lower().split()[1:-1])


def _posts_compatible(a_posts: Iterable[str] | None, b_posts: Iterable[str] | None) -> bool:
    a, b = _post_words(a_posts), _post_words(b_posts)
    return not a or not b or bool(a & b)


def fuller(a: str, b: str) -> str:
    """The canonical spelling of two forms of one name: more words wins, then the longer
    string, then fewer words in capitals; ties go to the alphabetically first so the choice does not
    depend on order."""
    ka = (len(strip_titles(a).split()), len(a))
    kb = (len(strip_titles(b).split()), len(b))
    if ka != kb:
        return a if ka > kb else b
    # "Lee Jae-myung" over "LEE Jae-myung": a surname in capitals is a style of the page
    ca, cb = sum(w.isupper() and len(w) > 1 for w in a.split()), sum(w.isupper() and len(w) > 1 for w in b.split())
    if ca != cb:
        return a if ca < cb else b
    return min(a, b)
