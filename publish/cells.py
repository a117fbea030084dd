"""How a cell of a newsfacts page is shown (the ``render_cell`` hook): every key becomes a link
with a readable label, so each fact is one click from its sentence and its article.

Datasette links and labels a table's foreign keys on table pages by itself. These rules cover
what it leaves as bare values: the keys of the public views and canned queries (which have no
foreign keys), the keys on row pages, a view's ``document`` (the article's path), the evidence
text of a canned query, lists of sentence ids, and the article text on the documents table.

- ``sentence_id``, ``document_id``, ``person_id``, ``meeting_id``, ... -> a link to that row,
  labelled with its text (the sentence, the headline, the name). When the row shows that text
  in a column of its own (``sentence``/``evidence``, ``document``/``path``, ``person``), that
  column becomes the link and the key stays a short one.
- a link to an article points at the fact in it (``#casualty_counts-12``, ``#meeting-3``,
  ``#sentence-82``): the article page (:mod:`publish.article`) marks each fact in place.
- ``sentences`` (a JSON list of sentence ids) -> one link per sentence.
- ``documents.text`` -> its start and a link to the article page; ``documents.title`` -> that page.
- ``meetings.sources`` -> the meeting's reports (each with its sentence).
- ``perpetrator`` in a canned query -> the casualty claims of that perpetrator.

Everything taken from the database is escaped.
"""
from __future__ import annotations

import json
from urllib.parse import urlencode

from markupsafe import Markup, escape

from .labels import LOOKUPS, labels_for

# key column -> the table it points to
KEYS = {
    "sentence_id": "sentences",
    "document_id": "documents",
    "person_id": "people",
    "article_person_id": "article_people",
    "meeting_id": "meetings",
    "meeting_report_id": "meeting_reports",
    "incident_id": "incidents",
    "figure_id": "figures",
    "count_id": "casualty_counts",
    "title_id": "titles",
}
# key -> columns that show the same thing as text (the text becomes the link)
SHOWN_AS_TEXT = {
    "sentence_id": ("sentence", "evidence"),
    "document_id": ("document", "path"),
    "person_id": ("person",),
}
# key in a row -> the anchor of its fact on the article page, most specific first
ARTICLE_ANCHORS = (
    ("count_id", "casualty_counts"),
    ("figure_id", "figures"),
    ("title_id", "titles"),
    ("meeting_report_id", "meeting_reports"),
    ("meeting_id", "meeting"),
    ("sentence_id", "sentence"),
)
LABEL_LIMIT = 300
LIST_LIMIT = 160   # each sentence of a list of sentences (the whole text in its title)
TEXT_PREVIEW = 160


def _keys(row) -> set[str]:
    try:
        return set(row.keys())
    except AttributeError:
        return set()


def _shorten(text: str, limit: int = LABEL_LIMIT) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "\u2026"


def _link(href: str, label, title: str | None = None, css: str | None = None) -> Markup:
    attributes = f' title="{escape(title)}"' if title else ""
    attributes += f' class="{css}"' if css else ""
    return Markup(f'<a href="{escape(href)}"{attributes}>{escape(label)}</a>')


def _readable(label) -> str:
    """A JSON list of names (meetings.participants) as 'A, B'; anything else as text."""
    if isinstance(label, str) and label.startswith("["):
        try:
            items = json.loads(label)
        except ValueError:
            return label
        if isinstance(items, list):
            return ", ".join(str(item) for item in items)
    return str(label)


def _as_id(value):
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, str) and value.isdigit():
        return int(value)
    return None


def article_anchor(row, keys: set[str]) -> str:
    for key, prefix in ARTICLE_ANCHORS:
        if key in keys and _as_id(row[key]) is not None:
            return f"#{prefix}-{row[key]}"
    return ""


async def render(row, value, column: str, table: str | None, database: str, datasette):
    """The cell's HTML, or None to let Datasette show it."""
    if value is None or isinstance(value, (dict, bytes)):
        return None   # an expanded foreign key (Datasette links it), a blob or nothing
    keys = _keys(row)
    urls = datasette.urls

    if column in KEYS and _as_id(value) is not None and table != KEYS[column]:
        target = KEYS[column]
        href = urls.row(database, target, str(value))
        if target == "documents":
            href += article_anchor(row, keys)
        if keys & set(SHOWN_AS_TEXT.get(column, ())):
            return _link(href, value)
        found = await labels_for(datasette, database).get(target, _as_id(value)) if target in LOOKUPS else None
        if not found:
            return _link(href, value)
        label = _readable(found[1])
        if target == "sentences":   # the evidence itself: shown whole
            return _link(href, label)
        return _link(href, _shorten(label), title=label if len(label) > LABEL_LIMIT else None)

    if (column == "document" or (column == "path" and table is None)) and isinstance(value, str):
        # a path (the public views, person_dossier) shows the headline; a headline stays as it is
        found = await labels_for(datasette, database).get("documents_by_path", value)
        if found:
            document_id, label = found[0], (found[1] if column == "document" else value)
        elif "document_id" in keys and _as_id(row["document_id"]) is not None:
            document_id, label = _as_id(row["document_id"]), value
        else:
            return None
        return _link(urls.row(database, "documents", str(document_id)) + article_anchor(row, keys), label,
                     title=value if label != value else None)

    if column in ("sentence", "evidence") and "sentence_id" in keys and _as_id(row["sentence_id"]) is not None:
        return _link(urls.row(database, "sentences", str(row["sentence_id"])), value)

    if column == "person" and "person_id" in keys and _as_id(row["person_id"]) is not None:
        return _link(urls.row(database, "people", str(row["person_id"])), value)

    if column == "sentences" and isinstance(value, str) and value.startswith("["):
        return await _sentence_list(value, database, datasette)

    if table == "documents" and column == "title" and "id" in keys and isinstance(value, str):
        return _link(urls.row(database, "documents", str(row["id"])), value, title="read the article")

    if table == "documents" and column == "text" and "id" in keys and isinstance(value, str):
        href = urls.row(database, "documents", str(row["id"]))
        preview = escape(_shorten(" ".join(value.split()), TEXT_PREVIEW))
        return Markup(f'<span class="text-preview">{preview}</span> '
                      f'<a href="{escape(href)}" class="read-article">read the article ({len(value):,} characters)</a>')

    if table == "meetings" and column == "sources" and "id" in keys and _as_id(value) is not None:
        href = urls.table(database, "meeting_reports") + "?" + urlencode({"meeting_id": row["id"]})
        return _link(href, f"{value} article{'' if value == 1 else 's'}", title="the reports of this meeting, "
                     "each with its sentence")

    if table is None and column == "perpetrator" and isinstance(value, str):
        query = {"perpetrator__isnull": 1} if value == "unattributed" else {"perpetrator": value}
        return _link(urls.table(database, "casualty_facts") + "?" + urlencode(query), value,
                     title="every casualty claim attributed to it")
    return None



async def _sentence_list(value: str, database: str, datasette):
    try:
        ids = json.loads(value)
    except ValueError:
        return None
    if not isinstance(ids, list) or not ids or not all(_as_id(i) is not None for i in ids):
        return None
    found_by_id = await labels_for(datasette, database).get_many("sentences", [_as_id(i) for i in ids])
    items = []
    for sentence_id in ids:
        found = found_by_id.get(_as_id(sentence_id))
        text = found[1] if found else str(sentence_id)
        href = datasette.urls.row(database, "sentences", str(sentence_id))
        items.append(f"<li>{_link(href, _shorten(text, LIST_LIMIT), title=text if len(text) > LIST_LIMIT else None)}</li>")
    return Markup(f'<ul class="sentence-list">{"".join(items)}</ul>')
