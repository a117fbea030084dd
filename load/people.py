"""People an article reports on: their name mentions, role mentions and titles.

``extract(doc, article)`` reads the PERSON spans left by ``load.entities`` and
returns one ``records.Person`` per person, with

* name mentions (kind="name"), grouped by name compatibility within the article
  ("Qamar Javed Bajwa", "Qamar Bajwa", "Bajwa");
* titles read from the patterns of English news: a title chain before the name
  ("Pakistan's Chief of Army Staff General X", "Director-General Analysis at ISI
  Maj Gen X"), an apposition after it ("X, secretary of the Supreme National
  Security Council,") and "his Pakistani counterpart, X";
* role mentions (kind="role"): definite descriptions such as "the army chief" or
  "Pakistan's top diplomat", linked only to the one person in the article whose
  titles (and country) fit.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from .entities import (
    DESCRIPTION_HEADS, ORG_WORDS, POST_HEADS, STATUS_WORDS, country_of, is_post_word,
)
from .names import name_key, plain, rank_words, same_person, fuller
from .records import Article, Mention, Person, Title

_CONNECTORS = {"of", "the", "at", "for", "and", "on", "to"}
POSSESSIVE = {"'s", "’s"}     # a bare apostrophe is more often a closing quote
_CLAUSE_END = {",", ".", ";", ":", ")", "(", "!", "?", "\"", "”", "—", "–"}
# Spelling variants of post words, so "the Chief of the Army" fits "military chief".
_POST_SYNONYMS = {"premier": "prime minister", "military": "army", "defense": "defence", "spokeswoman": "spokesman",
                  "spokesperson": "spokesman", "advisor": "adviser", "pm": "prime minister",
                  "fm": "foreign minister", "dg": "director general", "coas": "chief army staff",
                  "director-general": "director general", "gen": "general"}
_SECOND_IN_COMMAND = {"deputy", "vice", "assistant", "additional", "junior"}
# Descriptions that stand for a post: "top diplomat" and "diplomatic chief" mean foreign minister.
_DESCRIBED_POSTS = [({"diplomat"}, ("minister", {"foreign"})),
                    ({"diplomatic", "chief"}, ("minister", {"foreign"}))]


def _post_words(text: str) -> set[str]:
    words: set[str] = set()
    for w in plain(text.replace("-", " ")).split():
        words.update(_POST_SYNONYMS.get(w, w).split())
    return words - _CONNECTORS


# --- sentences ------------------------------------------------------------------------


class Sentences:
    """Sentence index (position in ``list(doc.sents)``) of each token."""

    def __init__(self, doc: Doc):
        self.sents = list(doc.sents)
        self._index = [0] * len(doc)
        for n, sent in enumerate(self.sents):
            for i in range(sent.start, sent.end):
                self._index[i] = n

    def of(self, token_i: int) -> int:
        return self._index[token_i]

    def span(self, token_i: int) -> Span:
        return self.sents[self._index[token_i]]

    def is_prose(self, token_i: int) -> bool:
        """A sentence of running text, not a menu item or sidebar headline ("Sanaullah's remarks")."""
        sent = self.span(token_i)
        words = [t for t in sent if t.is_alpha]
        last = next((t for t in reversed(sent) if not t.is_space), None)
        return len(words) >= 8 or (last is not None and last.text in {".", "!", "?", "”", "\""})


# --- titles ---------------------------------------------------------------------------


def _chain_token_ok(tok: Token) -> bool:
    """Whether a token can stand inside a title chain such as "Pakistan's Chief of Army Staff"."""
    if tok.is_space or tok.ent_type_ in ("PERSON", "DATE", "TIME", "CARDINAL", "MONEY"):
        return False
    low = tok.lower_
    if low == "and":
        return False      # "Gen Bajwa and Foreign Minister Zarif": coordination ends a title
    if is_post_word(tok) or low in STATUS_WORDS or low in _CONNECTORS or low in POSSESSIVE:
        return True
    if country_of(tok.text) or tok.ent_type_ in ("NORP", "GPE", "ORG"):
        return True
    if tok.text == "-":
        return True
    return (tok.is_title or tok.is_upper) and tok.pos_ in ("PROPN", "NOUN", "ADJ")


def _left_chain(doc: Doc, end: int, sent_start: int) -> Span | None:
    """The run of title words ending just before token ``end`` ("Iranian Foreign Minister")."""
    i = end
    while i > sent_start and _chain_token_ok(doc[i - 1]):
        i -= 1
    while i < end and (doc[i].lower_ in _CONNECTORS or doc[i].text in POSSESSIVE or doc[i].text == "-"):
        i += 1
    return doc[i:end] if i < end else None


def _left_apposition(doc: Doc, name: Span, sent: Span) -> Span | None:
    """ "Pakistan's army chief, General X, ..." / "his Pakistani counterpart, X": a definite
    description, a comma, then the name closing the apposition."""
    p = name._.prefix_start
    if p - 2 < sent.start or doc[p - 1].text != ",":
        return None
    chain = _left_chain(doc, p - 1, sent.start)
    if chain is None or not any(t.lower_ in POST_HEADS for t in chain):
        return None
    before = doc[chain.start - 1].lower_ if chain.start > sent.start else ""
    if before in ("his", "her", "their") and any(t.lower_ == "counterpart" for t in chain):
        return doc[chain.start - 1:chain.end]
    definite = before == "the" or any(t.text in POSSESSIVE for t in chain)
    closed = name.end >= sent.end or doc[name.end].text in _CLAUSE_END
    return chain if definite and closed else None


def _right_apposition(doc: Doc, start: int, sent_end: int, person_starts: set[int]) -> Span | None:
    """ "X, Iran's foreign minister," / "X, secretary of the Supreme National Security Council."."""
    if start >= sent_end or doc[start].text != ",":
        return None
    i = j = start + 1
    if j < sent_end and doc[j].lower_ in ("the", "his", "her", "their"):
        j += 1
    while j < sent_end and j not in person_starts and (
        _chain_token_ok(doc[j]) or (doc[j].lower_ == "and" and j + 1 < sent_end and is_post_word(doc[j + 1]))
    ):  # "X, Iraq's deputy prime minister and foreign minister,": two posts
        j += 1
    while j > i and j - 1 in person_starts:    # ran into the next person's rank ("..., Army Commander Major General X")
        j -= 1
    chain = doc[i:j]
    # An apposition closes the clause: "X, the army chief, said"; in "X, the army chief vowed"
    # the description is the subject of a new clause, not X's title.
    if j < sent_end and (j in person_starts or not (doc[j].text in _CLAUSE_END or doc[j].lower_ in ("who", "which"))):
        return None
    if not len(chain):
        return None
    if not any(t.lower_ in POST_HEADS for t in chain):
        return None
    if chain[0].lower_ in ("his", "her", "their") and not any(t.lower_ == "counterpart" for t in chain):
        return None
    return chain


def _split_on_and(chain: Span) -> list[Span]:
    """ "deputy prime minister and foreign minister" -> two posts; the country before the
    first ("Iraq's") is kept with the first, and read for the second by the caller's country."""
    cuts = [t.i for t in chain if t.lower_ == "and"]
    if not cuts:
        return [chain]
    doc, bounds = chain.doc, [chain.start] + [c + 1 for c in cuts]
    ends = cuts + [chain.end]
    return [doc[b:e] for b, e in zip(bounds, ends) if e > b]


@dataclass
class _TitleParts:
    post_tokens: list[Token] = field(default_factory=list)
    country: str | None = None
    organisation: str | None = None
    status: str | None = None


def _read_chain(chain: Span) -> _TitleParts:
    """Split a title chain into post, country, organisation and status."""
    parts = _TitleParts()
    tokens = list(chain)
    # "... at ISI": the organisation the post belongs to, not part of the post.
    at = next((k for k, t in enumerate(tokens) if t.lower_ == "at" and k > 0), None)
    if at is not None:
        parts.organisation = _text(tokens[at + 1:]).removeprefix("the ").strip() or None
        tokens = tokens[:at]
    # "... of Pakistan": the country, not part of the post.
    if len(tokens) >= 2 and tokens[-2].lower_ == "of" and country_of(tokens[-1].text):
        parts.country = country_of(tokens[-1].text)
        tokens = tokens[:-2]
    kept: list[Token] = []
    for k, tok in enumerate(tokens):
        low = tok.lower_
        nxt = tokens[k + 1] if k + 1 < len(tokens) else None
        country = country_of(tok.text)
        if country and not (nxt is not None and nxt.text == "-"):
            parts.country = parts.country or country
            continue
        if low in POSSESSIVE or low in ("his", "her", "their"):
            continue
        if low in STATUS_WORDS and not (nxt is not None and nxt.text == "-" and low != "ex"):
            parts.status = parts.status or STATUS_WORDS[low]
            continue
        if low == "-" and kept and kept[-1].lower_ == "ex":
            kept.pop()
            parts.status = parts.status or "former"
            continue
        kept.append(tok)
    while kept and (kept[0].lower_ in _CONNECTORS or kept[0].text == "-"):
        kept.pop(0)
    while kept and (kept[-1].lower_ in _CONNECTORS or kept[-1].text == "-"):
        kept.pop()
    parts.post_tokens = kept
    if parts.organisation is None:
        parts.organisation = _organisation_in(kept)
    return parts


def _organisation_in(tokens: list[Token]) -> str | None:
    """A named organisation inside the post: an ORG entity or an acronym ("ISI chief")."""
    org = [t for t in tokens if t.ent_type_ == "ORG" and t.lower_ not in _CONNECTORS
           and not (t.lower_ in ORG_WORDS and len(tokens) <= 3)]
    if org:
        text = _text(org)
        return text if len(org) > 1 or org[0].is_upper else None
    acronym = next((t for t in tokens if t.is_upper and len(t) >= 2 and t.is_alpha
                    and t.lower_ not in POST_HEADS), None)
    return acronym.text if acronym is not None else None


def _text(tokens: list[Token]) -> str:
    return "".join(t.text_with_ws for t in tokens).strip()


def _post_text(tokens: list[Token]) -> str:
    """ "foreign minister" -> "Foreign Minister"; connectors stay lower case, acronyms as written."""
    out = []
    for k, tok in enumerate(tokens):
        word = tok.text
        if tok.lower_ in _CONNECTORS and k > 0:
            word = tok.lower_
        elif not tok.is_upper and word != "-":
            word = word[:1].upper() + word[1:]
        out.append(word + (tok.whitespace_ and " "))
    return "".join(out).strip()


def _title_from_chain(chain: Span, sentences: Sentences, rank: str | None) -> tuple[Title | None, str | None]:
    """The title a chain states, and the country it names (which may come without a post)."""
    parts = _read_chain(chain)
    heads = [t for t in parts.post_tokens if t.lower_ in POST_HEADS]
    if not heads:
        return None, parts.country
    post = _post_text(parts.post_tokens)
    words = {t.lower_ for t in parts.post_tokens}
    title = Title(
        post=post, start=chain.start_char, end=chain.end_char, text=chain.text,
        sentence=sentences.of(chain.start), country=parts.country,
        organisation=parts.organisation, rank=rank, status=parts.status,
        is_description=bool(words & DESCRIPTION_HEADS) or "top" in words,
    )
    return title, parts.country


# --- name mentions and clustering -------------------------------------------------------


@dataclass
class _Cluster:
    names: list[str] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    titles: list[Title] = field(default_factory=list)
    ranks: list[str] = field(default_factory=list)
    honorifics: list[str] = field(default_factory=list)
    countries: list[str] = field(default_factory=list)
    counterparts: list[tuple[Span, int]] = field(default_factory=list)   # (chain, name token start)
    anchored: bool = False       # a rank, honorific or title vouches that this is a person
    title_tokens: set[int] = field(default_factory=set)   # tokens read as this person's titles

    @property
    def name(self) -> str:
        best = self.names[0]
        for n in self.names[1:]:
            best = fuller(best, n)
        return best

    @property
    def key_words(self) -> list[str]:
        return name_key(self.name).split()

    def country(self) -> str | None:
        counts = Counter(self.countries)
        return counts.most_common(1)[0][0] if counts else None


def _name_text(span: Span) -> str:
    return span.text.strip()


def _find_cluster(clusters: list[_Cluster], text: str) -> _Cluster | None | bool:
    """The cluster a name belongs to; None if new; False if ambiguous (a bare name two people share)."""
    words = name_key(text).split()
    if len(words) > 1:
        fits = [c for c in clusters if len(c.key_words) > 1 and same_person(text, None, None, c.name, None, None)]
        return max(fits, key=lambda c: len(set(words) & set(c.key_words)), default=None)
    word = words[0] if words else ""
    by_surname = [c for c in clusters if len(c.key_words) > 1 and c.key_words[-1] == word]
    if len(by_surname) == 1:
        return by_surname[0]
    anywhere = [c for c in clusters if word in c.key_words]
    if len(by_surname) > 1 or len(anywhere) > 1:
        return False
    return anywhere[0] if anywhere else None


def _byline_names(doc: Doc, article: Article | None) -> list[str]:
    """The journalist: the article's author, or a "By X" at the start of a line."""
    names = [article.author] if article is not None and article.author else []
    for tok in doc:
        if tok.text in ("By", "BY", "by") and (tok.i == 0 or "\n" in doc[tok.i - 1].text_with_ws):
            j = tok.i + 1
            while j < len(doc) and doc[j].is_title and doc[j].is_alpha and doc[j].ent_type_ != "DATE":
                j += 1
            if j > tok.i + 1:
                names.append(doc[tok.i + 1:j].text)
    return names


def extract(doc: Doc, article: Article | None = None) -> list[Person]:
    """One Person per person the article reports on; see the module docstring."""
    sentences = Sentences(doc)
    spans = [e for e in doc.ents if e.label_ == "PERSON"]
    # where each name begins, counting the rank or honorific before it
    person_starts = {s.start for s in spans} | {s._.prefix_start for s in spans}
    clusters: list[_Cluster] = []
    # Full names first, so that bare surnames and given names find their person.
    for span in sorted(spans, key=lambda s: (-len(name_key(_name_text(s)).split()), s.start)):
        found = _find_cluster(clusters, _name_text(span))
        if found is False:
            continue
        cluster = found or _Cluster()
        if found is None:
            clusters.append(cluster)
        _add_name_mention(doc, span, cluster, sentences, person_starts)
    byline = _byline_names(doc, article)
    clusters = [c for c in clusters if _reported_on(c, sentences, byline)]
    for cluster in clusters:
        cluster.mentions.sort(key=lambda m: m.start)
    _resolve_counterparts(doc, clusters, sentences)
    _link_role_mentions(doc, clusters, sentences)
    clusters.sort(key=lambda c: c.mentions[0].start)
    return [_person(k, c) for k, c in enumerate(clusters)]


def _add_name_mention(doc: Doc, span: Span, cluster: _Cluster, sentences: Sentences, person_starts: set[int]) -> None:
    cluster.names.append(_name_text(span))
    cluster.mentions.append(Mention(span.start_char, span.end_char, span.text, sentences.of(span.start), "name"))
    if span._.rank:
        cluster.ranks.append(span._.rank)
    if span._.honorific:
        cluster.honorifics.append(span._.honorific)
    cluster.anchored |= bool(span._.rank or span._.honorific)
    sent = sentences.span(span.start)
    chains = []
    left = _left_chain(doc, span._.prefix_start, sent.start)
    if left is not None:
        chains.append(left)
    end = span.end
    right = _right_apposition(doc, end, sent.end, person_starts)
    if right is not None:
        chains.append(right)
    before_comma = _left_apposition(doc, span, sent)
    if before_comma is not None:
        chains.append(before_comma)
    cluster.title_tokens.update(i for c in chains for i in range(c.start, c.end))
    for chain in [part for c in chains for part in _split_on_and(c)]:
        if any(t.lower_ == "counterpart" for t in chain):
            cluster.counterparts.append((chain, span.start))
            cluster.anchored = True
            continue
        title, country = _title_from_chain(chain, sentences, span._.rank)
        if country:
            cluster.countries.append(country)
        if title is not None:
            cluster.titles.append(title)
            cluster.anchored = True


def _reported_on(cluster: _Cluster, sentences: Sentences, byline: list[str]) -> bool:
    if any(same_person(cluster.name, None, None, b, None, None) and len(name_key(b).split()) > 1 for b in byline):
        return False
    if len(cluster.key_words) < 2 and not cluster.anchored:
        return False      # a lone capitalised word the model guessed ("Sistan") is not enough
    return any(sentences.is_prose(sentences.sents[m.sentence].start) for m in cluster.mentions)


# --- counterparts -----------------------------------------------------------------------


def _resolve_counterparts(doc: Doc, clusters: list[_Cluster], sentences: Sentences) -> None:
    """ "Zarif met his Pakistani counterpart, Qureshi": Qureshi holds Zarif's post, in Pakistan."""
    for cluster in clusters:
        for chain, _ in cluster.counterparts:
            other = _nearest_person_before(doc, chain.start, clusters, sentences, exclude=cluster)
            post = next((t for t in other.titles if not t.is_description), None) if other else None
            country = _read_chain(chain).country
            if country:
                cluster.countries.append(country)
            if post is None:
                continue
            cluster.titles.append(Title(
                post=post.post, start=chain.start_char, end=chain.end_char, text=chain.text,
                sentence=sentences.of(chain.start), country=country,
                organisation=post.organisation, rank=None, status=None,
            ))


def _nearest_person_before(doc: Doc, token_i: int, clusters: list[_Cluster], sentences: Sentences,
                           exclude: _Cluster) -> _Cluster | None:
    sent = sentences.span(token_i)
    limit = doc[token_i].idx
    best, best_start = None, -1
    for c in clusters:
        if c is exclude:
            continue
        for m in c.mentions:
            if m.kind == "name" and sent.start_char <= m.start < limit and m.start > best_start:
                best, best_start = c, m.start
    return best


# --- role mentions ----------------------------------------------------------------------


@dataclass
class _Role:
    span: Span
    head: str
    modifiers: set[str]
    country: str | None


def _role_mentions(doc: Doc) -> list[_Role]:
    """Definite descriptions of a post holder: "the army chief", "the Foreign Minister of
    Pakistan", "Pakistan's top diplomat", "the Pakistani general"."""
    roles = []
    for chunk in doc.noun_chunks:
        root = chunk.root
        head = root.lower_
        if root.tag_ in ("NNS", "NNPS") or any(t.ent_type_ == "PERSON" for t in chunk):
            continue
        if head not in POST_HEADS and head not in ("general", "diplomat"):
            continue
        end = chunk.end
        if end < len(doc) and doc[end].ent_type_ == "PERSON":
            continue     # a title before a name, not a description
        if end + 1 < len(doc) and doc[end].lower_ == "of":
            j = end + 1
            while j < len(doc) and (doc[j].lower_ == "the" or doc[j].is_title or doc[j].is_upper) and not doc[j].is_space:
                j += 1
            if j > end + 1:
                end = j
        span = doc[chunk.start:end]
        first = span[0].lower_
        words = [t for t in span if t.i <= root.i or t.i >= chunk.end]
        country = next((country_of(t.text) for t in span if country_of(t.text)), None)
        definite = first == "the" or country is not None
        if not definite or first in ("a", "an", "his", "her", "their", "its"):
            continue
        if any(t.like_num or t.lower_ in ("two", "both") for t in span):
            continue
        modifiers = {w for t in words if t.i != root.i and not country_of(t.text)
                     for w in _post_words(t.text)} - {"top", "senior", "visiting"}
        roles.append(_Role(span, head, modifiers, country))
    return roles


def _role_signature(role: _Role) -> tuple[str, set[str]]:
    words = role.modifiers | {role.head}
    for described, (head, mods) in _DESCRIBED_POSTS:
        if described <= words:
            return head, mods
    *extra, head = _POST_SYNONYMS.get(role.head, role.head).split()
    return head, role.modifiers | set(extra)


def _fits(role: _Role, cluster: _Cluster) -> bool:
    head, modifiers = _role_signature(role)
    country = cluster.country()
    if role.country and country and role.country != country:
        return False
    for title in cluster.titles:
        if title.is_description:
            continue
        words = _post_words(title.post) | _post_words(title.organisation or "")
        if words & _SECOND_IN_COMMAND - modifiers:
            continue      # "the Iraqi premier" is not the deputy prime minister
        if head in words and modifiers <= words:
            return True
    return head == "general" and not modifiers and any("general" in rank_words(r) for r in cluster.ranks)


def _link_role_mentions(doc: Doc, clusters: list[_Cluster], sentences: Sentences) -> None:
    """A role mention belongs to the unique person whose titles fit it; ambiguous ones stay unlinked."""
    in_titles = {i for c in clusters for i in c.title_tokens}
    for role in _role_mentions(doc):
        if any(t.i in in_titles for t in role.span):
            continue      # the title of a named person ("Iranian Ambassador Reza ..."), not a reference
        fits = [c for c in clusters if _fits(role, c)]
        if len(fits) > 1 and role.country:
            # "the Pakistani general": someone known to be Pakistani beats someone of unknown country
            known = [c for c in fits if c.country() == role.country]
            fits = known or fits
        if len(fits) != 1:
            continue
        cluster = fits[0]
        span = role.span
        cluster.mentions.append(Mention(span.start_char, span.end_char, span.text, sentences.of(span.start), "role"))
        if role.country and not cluster.country():
            cluster.countries.append(role.country)
    for cluster in clusters:
        cluster.mentions.sort(key=lambda m: m.start)


# --- records ----------------------------------------------------------------------------


def _person(key: int, cluster: _Cluster) -> Person:
    return Person(
        key=key,
        name=cluster.name,
        mentions=cluster.mentions,
        titles=_distinct_titles(cluster.titles),
        rank=max(cluster.ranks, key=lambda r: (len(rank_words(r)), len(r)), default=None),
        honorific=cluster.honorifics[0] if cluster.honorifics else None,
        country=cluster.country(),
    )


def _distinct_titles(titles: list[Title]) -> list[Title]:
    """One Title per post held (the first place it is stated); a description only when no
    post says the same."""
    seen: set[tuple] = set()
    out = []
    for title in sorted(titles, key=lambda t: t.start):
        key = (frozenset(_post_words(title.post)), title.status)
        if key in seen:
            continue
        seen.add(key)
        out.append(title)
    return out
