"""The Datasette plugin hooks of the newsfacts site (registered as the ``newsfacts`` plugin
through the ``datasette`` entry point in pyproject.toml).

Why these hooks (Datasette 0.65): ``get_metadata`` is the documented way for a plugin to supply
metadata, so metadata.yml reaches every database whatever its file is called without being
rewritten on disk (publish/config.py); ``render_cell`` turns keys into labelled links
(publish/cells.py); ``extra_template_vars`` gives the document row page its article
(publish/article.py, templates/row.html) and /-/search its tables; ``prepare_connection``
replaces the escaping of full-text queries; ``asgi_wrapper`` puts the response cache in front
(publish/cache.py) and gives CSV exports their page size (publish/csv_stream.py);
``register_facet_classes`` counts array facets without a row-wide DISTINCT (publish/facets.py); ``extra_css_urls``/``extra_js_urls`` add the site's
stylesheet and the script that folds column descriptions.
"""
from __future__ import annotations

import copy
import weakref

from datasette import hookimpl
from datasette.utils import escape_fts as datasette_escape_fts
from datasette.utils import urlsafe_components

from . import article, cache, cells, csv_stream, facets
from .config import is_newsfacts_database, site_metadata

PLUGIN = "newsfacts"   # the distribution name: static files are at /-/static-plugins/newsfacts/

# Datasette -> (its databases dict, the newsfacts names among them). Datasette replaces that dict
# whenever a database is added or removed, so its identity tells when to look again.
_NAMES: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()
_METADATA: dict[tuple[str, ...], dict] = {}


class SharedMetadata(dict):
    """The site's metadata, handed to Datasette without copies. Datasette 0.65.5 deep-copies every
    metadata source on each table permission check (``_table_permission_allows``: several per
    page, 77 on the home page, about half its time at 20,000 documents) and only reads the copy,
    so a copy is this dict itself. (Elsewhere Datasette adds to the metadata it is given, in place
    and the same each time, the license and source each table inherits and the canned queries'
    names, as it did before; tests/test_serving_speed.py checks metadata.yml's values stay.)"""

    def __deepcopy__(self, memo):
        return self


def newsfacts_databases(datasette) -> tuple[str, ...]:
    """The served databases that the loader wrote, in the order served."""
    databases = datasette.databases
    cached = _NAMES.get(datasette)
    if cached is not None and cached[0] is databases:
        return cached[1]
    names = tuple(name for name, db in databases.items()
                  if not db.is_memory and not name.startswith("_") and is_newsfacts_database(db.path))
    _NAMES[datasette] = (databases, names)
    return names


@hookimpl
def get_metadata(datasette, key, database, table):
    names = newsfacts_databases(datasette)
    if not names:
        return {}
    metadata = _METADATA.get(names)
    if metadata is None:
        metadata = _METADATA[names] = SharedMetadata(site_metadata(names))
    # Returned as is: metadata() is called for nearly every cell (render_cell hooks read their
    # plugin_config, which Datasette copies). Datasette merges local metadata (-m) into what a hook
    # returns, in place: then it gets a copy, so the cached metadata stays metadata.yml's.
    if getattr(datasette, "_metadata_local", None):
        return copy.deepcopy(dict(metadata))   # a real copy (SharedMetadata copies to itself)
    return metadata


def escape_fts(query: str) -> str:
    """Datasette's escaping (each word a quoted phrase: hyphens, apostrophes, dots and words like
    NOT are plain text), but a query with no words at all (``"``, an empty box) matches nothing
    instead of being an FTS5 syntax error."""
    return datasette_escape_fts(query or "") or '""'


@hookimpl(trylast=True)   # after Datasette's own escape_fts, which this replaces
def prepare_connection(conn):
    conn.create_function("escape_fts", 1, escape_fts, deterministic=True)


@hookimpl
def render_cell(row, value, column, table, database, datasette):
    if database not in newsfacts_databases(datasette):
        return None
    return cells.render(row, value, column, table, database, datasette)


@hookimpl
def extra_template_vars(template, database, table, view_name, request, datasette):
    if view_name == "row" and table == "documents" and database in newsfacts_databases(datasette):
        async def article_vars():
            values = urlsafe_components(request.url_vars["pks"])
            document_id = int(values[0]) if len(values) == 1 and values[0].isdigit() else None
            found = await article.load_article(datasette, database, document_id) if document_id else None
            return {"article": found}
        return article_vars
    if template == "search_all.html":
        async def search_vars():
            return {"newsfacts_search_tables": await search_tables(datasette, request)}
        return search_vars
    return None


async def search_tables(datasette, request) -> list[dict]:
    """Every table /-/search searches: the ones Datasette finds an FTS index for, and the ones
    metadata.yml gives an fts_table (people, whose index also holds their aliases)."""
    out = []
    for name in [n for n in datasette.databases if not n.startswith("_")]:
        db = datasette.get_database(name)
        hidden = set(await db.hidden_table_names())
        for table in await db.table_names():
            if table in hidden or table.endswith("_fts"):
                continue
            if not (datasette.table_metadata(name, table).get("fts_table") or await db.fts_table(table)):
                continue
            visible, _ = await datasette.check_visibility(
                request.actor if request else None,
                permissions=[("view-table", (name, table)), ("view-database", name), "view-instance"])
            if visible:
                out.append({"database": name, "table": table, "url": datasette.urls.table(name, table),
                            "url_json": datasette.urls.table(name, table, format="json"),
                            "label_column": datasette.table_metadata(name, table).get("label_column")})
    order = {"people": 0, "documents": 1, "sentences": 2}
    return sorted(out, key=lambda t: order.get(t["table"], 3))


@hookimpl(hookwrapper=True)
def register_facet_classes():
    # pluggy's way to change another plugin's answer: Datasette's ArrayFacet becomes ours
    outcome = yield
    outcome.force_result(facets.replace_array_facet(outcome.get_result()))


@hookimpl
def asgi_wrapper(datasette):
    cached = cache.wrap(datasette)

    def wrapper(app):
        app = csv_stream.wrap(app)
        return cached(app) if cached else app
    return wrapper


@hookimpl
def extra_css_urls(datasette):
    return [datasette.urls.static_plugins(PLUGIN, "newsfacts.css")]


@hookimpl
def extra_js_urls(datasette, template):
    urls = [{"url": datasette.urls.static_plugins(PLUGIN, "newsfacts.js"), "module": True}]
    if template == "search_all.html":
        urls.append({"url": datasette.urls.static_plugins(PLUGIN, "search.js"), "module": True})
    return urls
