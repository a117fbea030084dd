"""Serving the database the way `make serve` does: shared by the benchmarks and tests/test_serving.py.

publish/serve.py's SERVE_SETTINGS is the one place the serve settings are written down, and
`newsfacts serve` (which `make serve` runs) the one way to serve; this module runs that command,
so a benchmark or test never serves with settings of its own.
"""
from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from publish.serve import SERVE_SETTINGS, datasette_arguments  # noqa: E402


def serve_arguments() -> list[str]:
    """The `datasette serve` options `newsfacts serve` adds for the serve settings (-i aside)."""
    arguments = datasette_arguments([])
    return arguments[arguments.index("--setting"):]


def serve_settings() -> dict:
    """The same settings as a ``Datasette(settings=...)`` dict."""
    return dict(SERVE_SETTINGS["settings"])


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def datasette_server(db: Path | list[Path], extra: list[str] = (), start_timeout: float = 60,
                     immutable: bool | None = None, env: dict | None = None):
    """`newsfacts serve DB [DB ...]` (then ``extra`` options) on a free port of 127.0.0.1; yields
    its URL and stops it afterwards. RuntimeError, with the server's output, when it does not start.
    ``immutable`` other than SERVE_SETTINGS' runs the same `datasette serve` command line with the
    files served the other way (benchmarks compare the two); ``env`` adds environment variables."""
    port = free_port()
    databases = [str(path) for path in (db if isinstance(db, (list, tuple)) else [db])]
    if immutable is None or immutable == SERVE_SETTINGS["immutable"]:
        command = [sys.executable, "-m", "publish", "serve", *databases, "--host", "127.0.0.1", "--port", str(port)]
    else:
        command = [sys.executable, "-m", "datasette", *datasette_arguments(databases, "127.0.0.1", port,
                                                                          immutable=immutable)]
    command += list(extra)
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, cwd=ROOT,
                               env={**os.environ, **(env or {})})
    # drain the access log so a chatty server never blocks on a full pipe
    log: list[bytes] = []
    drain = threading.Thread(target=lambda: log.extend(process.stdout), daemon=True)
    drain.start()
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + start_timeout
        while True:
            try:
                with urllib.request.urlopen(f"{url}/-/versions.json", timeout=2):
                    break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    process.kill()
                    drain.join(timeout=5)
                    raise RuntimeError(f"newsfacts serve did not start on {url}: {b''.join(log).decode(errors='replace')}")
                time.sleep(0.2)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        drain.join(timeout=5)
