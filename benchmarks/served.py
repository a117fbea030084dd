"""Serving the database the way `make serve` does: shared by the benchmarks and tests/test_serving.py.

The Makefile's SERVE_SETTINGS is the one place the serve settings are written down; this module
reads them from it, so a benchmark or test never serves with settings of its own.
"""
from __future__ import annotations

import contextlib
import re
import shlex
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def serve_arguments() -> list[str]:
    """SERVE_SETTINGS from the Makefile, as `datasette serve` arguments (continuation lines joined)."""
    text = (ROOT / "Makefile").read_text().replace("\\\n", " ")
    match = re.search(r"^SERVE_SETTINGS\s*:?=(.*)$", text, re.M)
    if not match:
        raise RuntimeError("no SERVE_SETTINGS in the Makefile")
    return shlex.split(match.group(1))


def serve_settings() -> dict:
    """The same settings as a ``Datasette(settings=...)`` dict ("off" -> False, "500" -> 500)."""
    arguments = serve_arguments()
    pairs = [(arguments[i + 1], arguments[i + 2]) for i, part in enumerate(arguments) if part == "--setting"]
    return {name: {"on": True, "off": False}.get(value, int(value) if value.isdigit() else value)
            for name, value in pairs}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def datasette_server(db: Path, extra: list[str] = (), start_timeout: float = 60):
    """`datasette serve DB -m metadata.yml` (read-only, mutable: as `make serve`) with the Makefile's settings (then ``extra``) on a
    free port of 127.0.0.1; yields its URL and stops it afterwards. RuntimeError, with the
    server's output, when it does not start."""
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "datasette", "serve", str(db), "-m", str(ROOT / "metadata.yml"),
         "-h", "127.0.0.1", "-p", str(port), *serve_arguments(), *extra],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
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
                    raise RuntimeError(f"datasette did not start on {url}: {b''.join(log).decode(errors='replace')}")
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
