"""The newsfacts site: Datasette, configured by metadata.yml, for any database the loader wrote.

This package is the ``newsfacts`` Datasette plugin (the ``datasette`` entry point in
pyproject.toml points here; its hooks are in :mod:`publish.hooks`, its templates and static
files beside it) and the ``newsfacts serve`` command (:mod:`publish.serve`).
"""
from .hooks import (  # noqa: F401 - the plugin's hooks, found by Datasette on this module
    asgi_wrapper,
    extra_css_urls,
    extra_js_urls,
    extra_template_vars,
    get_metadata,
    prepare_connection,
    register_facet_classes,
    render_cell,
)
