"""Reading a title chain: split "Pakistan's former Chief of Army Staff" into its post ("Chief of
Army Staff"), country ("Pakistan"), organisation and status ("former"), make the ``Title``
record, and date it (``date_titles``: as of the sentence's date or the publication date).

``titles`` finds the chains next to a name; this module only reads them.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from .countries import country_at
from .entities import name_prefix
from .name_words import ORG_WORDS, PARTY_WORDS, is_post_word
from .posts import (
    DESCRIPTION_HEADS, POST_ABBREVIATIONS, POST_HEADS, POST_MODIFIERS, STATUS_WORDS, normalize_post, post_head,
)
from .records import Article, DateValue, Person, Title
from .title_words import CONNECTORS, POSSESSIVE, PRONOUNS, SCOPE, is_head

# "Majority Leader", "Opposition leader": posts of a house, not descriptions ("a party leader").
_HOUSE_LEADERS = {"majority", "minority", "opposition"}
# Forms of state in a country's official name ("the Republic of Kenya", "the Kingdom of Bahrain").
_STATE_FORMS = {"republic", "kingdom", "federation", "sultanate", "emirate", "emirates", "state", "states",
                "commonwealth", "principality", "union"}


@dataclass
class TitleParts:
    post_tokens: list[Token] = field(default_factory=list)
    country: str | None = None
    organisation: str | None = None
    status: str | None = None


def read_chain(chain: Span) -> TitleParts:
    """Split a title chain into post, country, organisation and status."""
    parts = TitleParts()
    tokens = list(chain)
    # "Director General of Police (DGP)": an acronym in brackets restates the post
    tokens = [t for k, t in enumerate(tokens) if not _bracketed_acronym(tokens, k)]
    # "... at ISI": the organisation the post belongs to, not part of the post.
    at = next((k for k, t in enumerate(tokens) if t.lower_ == "at" and k > 0), None)
    if at is not None:
        parts.organisation = _text(tokens[at + 1:]).removeprefix("the ").strip() or None
        tokens = tokens[:at]
    # "... of Pakistan", "... in Saudi Arabia": the country, not part of the post. "Envoy for North
    # Korea", "Ambassador to Pakistan": the country the post deals with, part of the post, not its holder's.
    scope_tokens: set[int] = set()
    for k, tok in enumerate(tokens):
        rest = [t for t in tokens[k + 1:] if t.lower_ != "the"]
        if k > 0 and tok.lower_ in SCOPE | {"to"} and rest and (
                all(country_at(t) or t.text in POSSESSIVE for t in rest)   # "the Kyrgyz Republic" too
                or len(rest) > 1 and rest[-1].lower_ in _STATE_FORMS and all(country_at(t) for t in rest[:-1])):
            if tok.lower_ in ("for", "to"):
                scope_tokens = {t.i for t in tokens[k + 1:]}
            else:
                parts.country = country_at(rest[0])
                tokens = tokens[:k]
                # "President of the Republic of Kenya": the state's form is part of the country's name
                # ("the Islamic Republic of Iran" too; not "Minister of State of Qatar")
                if len(tokens) > 3 and tokens[-1].lower_ in _STATE_FORMS:
                    the = next((m for m in range(len(tokens) - 2, max(0, len(tokens) - 5), -1)
                                if tokens[m].lower_ == "the"), None)
                    if the is not None and the > 1 and tokens[the - 1].lower_ == "of" and all(
                            t.is_title for t in tokens[the + 1:]):
                        tokens = tokens[:the - 1]
            break
    kept: list[Token] = []
    for k, tok in enumerate(tokens):
        low = tok.lower_
        nxt = tokens[k + 1] if k + 1 < len(tokens) else None
        country = country_at(tok) if tok.i not in scope_tokens else None
        if country and ((nxt is not None and nxt.text == "-") or (k and tokens[k - 1].text == "-")):
            continue          # "Hungarian-American": two countries, neither is the post's
        if tok.text == "-" and k and nxt is not None and country_at(tokens[k - 1]) and country_at(nxt):
            continue          # and the hyphen between them ("the Japan-Bangladesh Friendship League")
        if country:
            parts.country = parts.country or country
            if kept and kept[-1].lower_ in ("of", "from") and (nxt is None or country_at(nxt) is None) \
                    and not (nxt is not None and nxt.text in POSSESSIVE):
                kept.pop()    # "Ambassador [of Chile] to Malaysia" (not "secretary of [Iran's] Supreme Council")
            continue
        if low in POSSESSIVE and kept and k + 1 < len(tokens) and kept[-1].i == tok.i - 1 \
                and kept[-1].is_title and tokens[k + 1].is_title and kept[-1].lower_ not in CONNECTORS \
                and kept[-1].ent_type_ != "GPE" and not (is_post_word(tokens[k + 1]) or is_head(tokens[k + 1])):
            kept.append(tok)  # a name's own possessive: "commander of the People's Liberation Army"
            continue
        if low in POSSESSIVE or low in PRONOUNS or tok.text == "new":
            continue          # "Jordan's new ambassador": the post itself ("New York" keeps its capital)
        if low in PARTY_WORDS and nxt is not None and is_head(nxt) and tok.is_title:
            continue          # "Labour MP", "Republican Senator": the party, like a nationality, is no part of the post
        if low in STATUS_WORDS and not (nxt is not None and nxt.text == "-" and low != "ex"):
            parts.status = parts.status or STATUS_WORDS[low]
            if kept and kept[-1].text == "-" and kept[-1].i == tok.i - 1:
                kept.pop()    # "Minister-designate for Energy": the hyphen goes with its status
            continue
        if low == "-" and kept and kept[-1].lower_ == "ex":
            kept.pop()
            parts.status = parts.status or "former"
            continue
        kept.append(tok)
    while kept and (kept[0].lower_ in CONNECTORS or kept[0].text == "-"):
        kept.pop(0)
    while kept and (kept[-1].lower_ in CONNECTORS | SCOPE or kept[-1].text == "-"):
        kept.pop()
    if len(kept) >= 2 and kept[-1].lower_ == "ambassador" and is_head(kept[-2]) \
            and kept[-2].lower_ not in POST_MODIFIERS:
        kept.pop()            # "Foreign Minister Ambassador X": a former envoy's style, not a second post
    parts.post_tokens = kept
    if parts.organisation is None:
        parts.organisation = _organisation_in(kept)
    return parts


def _bracketed_acronym(tokens: list[Token], k: int) -> bool:
    """Whether token k is part of a bracketed acronym: "(", "DGP", ")"."""
    for first in (k - 2, k - 1, k):
        if 0 <= first and first + 2 < len(tokens) and tokens[first].text == "(" and tokens[first + 2].text == ")" \
                and tokens[first + 1].is_upper and tokens[first + 1].is_alpha:
            return True
    return False


def _organisation_in(tokens: list[Token]) -> str | None:
    """A named organisation inside the post: an ORG entity or an acronym ("ISI chief")."""
    org = [t for t in tokens if t.ent_type_ == "ORG" and t.lower_ not in CONNECTORS
           and not (t.lower_ in ORG_WORDS and len(tokens) <= 3)]
    if any(is_head(t) for t in org):
        org = []              # the model called the post itself an organisation ("National Co-ordinator")
    if org:
        # the longest unbroken run: "Science [and] Technology Minister" names no organisation,
        # "the Army['s] 64th Infantry Battalion" names the battalion
        runs: list[list[Token]] = []
        for t in org:
            if runs and runs[-1][-1].i == t.i - 1:
                runs[-1].append(t)
            else:
                runs.append([t])
        org = max(reversed(runs), key=len)
        text = _text(org)
        return text if len(org) > 1 or org[0].is_upper else None
    acronym = next((t for t in tokens if t.is_upper and len(t) >= 2 and t.is_alpha
                    and t.lower_ not in POST_HEADS), None)
    return acronym.text if acronym is not None else None


def _text(tokens: list[Token]) -> str:
    return "".join(t.text_with_ws for t in tokens).strip()


def post_text(tokens: list[Token]) -> str:
    """ "foreign minister" -> "Foreign Minister", "Prime Ministers" -> "Prime Minister" (the
    first head only: "Chairman of the Joint Chiefs"); connectors stay lower case, acronyms
    as written."""
    out = []
    main = next((t.i for t in tokens if is_head(t)), None)
    for k, tok in enumerate(tokens):
        word = _singular(tok.text) if tok.i == main else tok.text
        if (tok.lower_ in CONNECTORS or tok.lower_ in SCOPE) and k > 0:
            word = tok.lower_
        elif not tok.is_upper and word != "-" and not (
                k >= 2 and tokens[k - 1].text == "-" and tokens[k - 1].i == tok.i - 1 and tokens[k - 2].is_title):
            word = word[:1].upper() + word[1:]        # "vice-premier" -> "Vice-Premier"; "Co-ordinator" as written
        glued = k + 1 < len(tokens) and tokens[k + 1].i == tok.i + 1 and not tok.whitespace_
        out.append(word + ("" if glued else " "))    # "agency's chief": the dropped "'s" leaves a space
    return "".join(out).strip()


def plural_head(word: str) -> bool:
    head = post_head(word)
    return head is not None and head != word.lower() and word.lower() not in POST_ABBREVIATIONS


def _singular(word: str) -> str:
    """ "Ministers" -> "Minister", "Secretaries" -> "Secretary", "Gov." -> "Governor"; other words as written."""
    if word.lower() in POST_ABBREVIATIONS:
        return POST_ABBREVIATIONS[word.lower()].title()
    head = post_head(word)
    if head is None or head == word.lower():
        return word
    if word.lower().endswith("ies") and head.endswith("y"):
        return word[:-3] + ("Y" if word.isupper() else "y")
    return word[: len(head)]


def title_from_chain(chain: Span, sentence: int, rank: str | None) -> tuple[Title | None, str | None]:
    """The title a chain states, and the country it names (which may come without a post)."""
    parts = read_chain(chain)
    heads = [t for t in parts.post_tokens if is_head(t)]
    if not heads:
        return None, parts.country
    post = post_text(parts.post_tokens)
    words = {t.lower_ for t in parts.post_tokens}
    # A description with a scope ("top commander for the region") names a post.
    scoped = bool(words & SCOPE)
    title = Title(
        post=post, start=chain.start_char, end=chain.end_char, text=chain.text,
        sentence=sentence, country=parts.country,
        organisation=parts.organisation, rank=rank, status=parts.status,
        is_description=not scoped and (bool(words & DESCRIPTION_HEADS) or "top" in words)
        and not words & _HOUSE_LEADERS,
        normalized_post=normalize_post(post),
    )
    return title, parts.country


def royal_title(span: Span, sentence: int) -> Title | None:
    """ "King Abdullah", "Pope Francis": the royal or religious title standing before the name."""
    prefix = name_prefix(span)
    royal = prefix.royal
    if not royal:
        return None
    doc = span.doc
    start = prefix.start
    words = royal.split()
    begin = next((i for i in range(start, span.start) if doc[i].lower_ == words[0].lower()), start)
    post = " ".join(w[:1].upper() + w[1:].lower() for w in words)
    return Title(post=post, start=doc[begin].idx, end=doc[begin + len(words) - 1].idx + len(doc[begin + len(words) - 1]),
                 text=doc[begin:begin + len(words)].text, sentence=sentence, normalized_post=normalize_post(post))


# --- as of when -----------------------------------------------------------------------------


def date_titles(people: list[Person], context, article: Article | None) -> None:
    """Set each title's as-of date: the date its sentence gives (the one the parse attaches
    nearest to the title), else the publication date. A "former" post is stated as of
    publication; a "then" post holds only at the sentence's date (else no date).
    ``context`` is the article's ``dates.DateContext``."""
    published = None
    if article is not None and article.published:
        published = DateValue(raw=article.published_raw or article.published, iso=article.published,
                              precision=article.published_precision or "day", reference="published")
    doc = context.doc
    for person in people:
        for title in person.titles:
            stated = None
            if title.status != "former":
                span = doc.char_span(title.start, title.end, alignment_mode="expand")
                value = context.date_for(span, own_clause=True) if span is not None and len(span) else None
                stated = value if value is not None and value.iso else None
            if stated is not None and published is not None and stated.iso > published.iso:
                stated = None     # "X is stepping down in May 2020": a forecast, not when the post was held
            if stated is not None:
                title.as_of, title.as_of_source = stated, "sentence"
            elif title.status != "then" and published is not None:
                title.as_of, title.as_of_source = published, "published"
