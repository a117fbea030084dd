"""The site's configuration: metadata.yml, applied to every newsfacts database Datasette serves.

metadata.yml is the one source of truth. It is written for the demo database, ``facts``
(``databases: facts:``, dashboard charts with ``db: facts``, links such as ``/facts/meetings``),
so that the file reads like ordinary Datasette metadata. :func:`site_metadata` turns it into the
metadata of the databases actually served: the ``facts`` block is copied under each served
newsfacts database's own name, with the links and chart databases renamed, and each database
gets its own dashboard (``/-/dashboards/<name>``). The plugin (:mod:`publish.hooks`) hands the
result to Datasette through the ``get_metadata`` hook, so ``newsfacts serve my_corpus.db`` (or
``datasette serve my_corpus.db`` in this environment) has the same descriptions, facets, sorts,
labels, canned queries and dashboard as the demo.

A database is a newsfacts database when it has the ``documents`` and ``sentences`` tables;
any other database served alongside is left as Datasette shows it.
"""
from __future__ import annotations

import copy
import re
import sqlite3
from functools import lru_cache
from pathlib import Path

import yaml
from datasette.utils import tilde_encode

ROOT = Path(__file__).resolve().parent.parent
METADATA_PATH = ROOT / "metadata.yml"
# The database name metadata.yml is written for (the demo, facts.db).
TEMPLATE_DATABASE = "facts"
DASHBOARDS = "datasette-dashboards"


@lru_cache(maxsize=1)
def metadata_template() -> dict:
    """metadata.yml as written (read once per process)."""
    return yaml.safe_load(METADATA_PATH.read_text(encoding="utf-8"))


def database_config(name: str) -> dict:
    """The ``facts`` block of metadata.yml for a database called ``name``."""
    return _rename(copy.deepcopy(metadata_template()["databases"][TEMPLATE_DATABASE]), name)


def site_metadata(names: tuple[str, ...]) -> dict:
    """Datasette metadata for the newsfacts databases ``names`` (in the order served)."""
    template = metadata_template()
    metadata = {key: copy.deepcopy(value) for key, value in template.items() if key != "databases"}
    metadata["databases"] = {name: database_config(name) for name in names}
    # the home page: the site's introduction, then each database's own links
    intro = template.get("description_html", "")
    per_database = []
    for name in names:
        html = metadata["databases"][name].get("description_html", "")
        if len(names) > 1:
            html = f"<h3>{_escape(name)}</h3>\n{html}"
        per_database.append(html)
    metadata["description_html"] = "\n".join([intro, *per_database]).strip()
    plugins = metadata.setdefault("plugins", {})
    dashboards = plugins.get(DASHBOARDS, {})
    if TEMPLATE_DATABASE in dashboards:
        dashboard = dashboards.pop(TEMPLATE_DATABASE)
        for name in names:
            renamed = _rename(copy.deepcopy(dashboard), name)
            if len(names) > 1:
                renamed["title"] = f"{renamed.get('title', name)}: {name}"
            dashboards[name] = renamed
    return metadata


# href="/facts/...", "/facts#queries", "/facts" and "/-/dashboards/facts": the demo's URLs
_LINK = re.compile(r'(?P<prefix>(?:href|src)="(?:/-/dashboards)?/)' + re.escape(TEMPLATE_DATABASE)
                   + r'(?P<rest>[/#?"])')


def _rename(node, name: str):
    """Point the demo's links and chart databases at ``name`` (in place; returns ``node``)."""
    route = tilde_encode(name)
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "db" and value == TEMPLATE_DATABASE:
                node[key] = name
            elif isinstance(value, str):
                node[key] = _LINK.sub(lambda m: m["prefix"] + route + m["rest"], value)
            else:
                _rename(value, name)
    elif isinstance(node, list):
        for item in node:
            _rename(item, name)
    return node


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def is_newsfacts_database(path: str | None) -> bool:
    """True for a SQLite file with the loader's documents and sentences tables."""
    if not path:
        return False
    try:
        conn = sqlite3.connect(f"file:{Path(path).resolve()}?mode=ro", uri=True)
    except sqlite3.Error:
        return False
    try:
        found = {name for (name,) in conn.execute(
            "select name from sqlite_master where type = 'table' and name in ('documents', 'sentences')")}
        return found == {"documents", "sentences"}
    except sqlite3.Error:
        return False
    finally:
        conn.close()
