"""Size limits on what a reader may hand on, so nothing oversized reaches the database.

Documents are bounded where they are read (``base.MAX_CHARS`` of text; bytes per file,
line, record: see the README's table). Metadata fields are bounded here, two ways:

- A value *given* for the article (a sidecar field, a JSON record's field) over its
  limit skips the article, with a reason naming the file (and line or item), the
  field and its size (``check_given``). A title of megabytes is a scraper's bug (a
  body in the title field); storing it cut or dropped would hide the bug, and storing
  it whole takes the site down (every sentence row shows its document's title).
- A value a reader *found* (in a page's markup, a WARC header, the text's head lines)
  over its limit is dropped: the field stays NULL with its source, and the article
  loads (``bound_article``). A page's odd markup should not cost its article, and a
  value cut short would be a wrong value (a cut URL points elsewhere).

Nothing is ever truncated. ``bound_article`` also makes every stored string valid for
SQLite: a NUL becomes a space and a lone surrogate (from a JSON ``"\\ud800"``) becomes
U+FFFD, one character for one, so offsets into the text stay exact.
"""
from __future__ import annotations

import re

from ..records import Article
from .base import SkipFile

# characters; see the README's table for why each
FIELD_LIMITS = {
    "title": 1_000,
    "author": 1_000,
    "outlet": 500,
    "url": 8_000,        # RFC 9110 asks HTTP software to handle at least 8,000 octets
    "language": 35,      # RFC 5646: a language tag fits in 35 characters
    "dateline": 200,
    "published_raw": 500,
    "fetched_at": 100,
}
MAX_SIDECAR_BYTES = 1_000_000

UNSTORABLE = re.compile("[\x00\ud800-\udfff]")


def check_given(field: str, name: str, value, where: str) -> None:
    """SkipFile when ``value`` (given as ``name`` for the article's ``field``) is over the limit."""
    if isinstance(value, list):
        size = sum(len(item) for item in value if isinstance(item, str))
    else:
        size = len(value) if isinstance(value, str) else len(str(value))
    limit = FIELD_LIMITS[field]
    if size > limit:
        raise SkipFile(f"{where}: {name} too long ({size:,} characters; limit {limit:,})")


def storable(text: str) -> str:
    """``text`` with NULs as spaces and lone surrogates as U+FFFD, one character for one."""
    if not UNSTORABLE.search(text):
        return text
    return UNSTORABLE.sub(lambda match: " " if match.group() == "\x00" else "\ufffd", text)


def bound_article(article: Article) -> Article:
    """Drop found metadata over its limit; make every stored string storable (in place)."""
    article.text = storable(article.text)
    for field, limit in FIELD_LIMITS.items():
        value = getattr(article, field)
        if not isinstance(value, str):
            continue
        if len(value) > limit:
            setattr(article, field, None)
            if hasattr(article, f"{field}_source"):  # (published keeps its source: the date stays)
                setattr(article, f"{field}_source", None)
            continue
        setattr(article, field, storable(value))
    for name in ("title_source", "outlet_source", "author_source", "url_source", "published_source",
                 "dateline_source", "language_source"):
        value = getattr(article, name)
        if isinstance(value, str):
            setattr(article, name, storable(value))
    return article
