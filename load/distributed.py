"""Extraction on a Dask distributed cluster (``--dask SCHEDULER``).

The driver (the ``python -m load`` process) plans the load as usual, cuts the
files to load into chunks and submits one task per chunk to the cluster. A
task runs ``pipeline.extract_all`` on its chunk in the worker process (the
spaCy pipeline is loaded once per worker process: ``nlp.load_pipeline`` is
cached per process) and returns the chunk's ``Extracted``/``Skipped`` records.
The driver takes the results back in input order and writes them through the
same single writer as a one-machine load, resolving with each committed batch; so
the database is the same as a one-process load's (apart from
``documents.loaded_at``).

Choices:

- **Workers read the files themselves, by absolute path.** The driver sends
  sources (``reader.Source``: a file, or a record of a file at a byte offset, with
  its stored name and hash), not bytes, so the records of one big JSON-lines or
  WARC file are spread over the cluster too. The driver already reads every
  file once to hash it, the reader also needs the ``NAME.json`` sidecar beside
  each file, and a shared filesystem is how a corpus too big for one machine is
  usually stored. So
  every worker must see the corpus at the same absolute path as the driver
  (NFS, a cluster filesystem, a bind mount). A file a worker cannot see is
  skipped with a reason that says so, never silently.
- **Names are the driver's.** ``documents.path`` is relative to the working
  folder of the driver; the worker's working folder does not matter.
- **Bounded and ordered.** At most ``2 *`` (threads in the cluster) chunks are
  in flight; results are consumed in input order and each future is released
  as soon as its records are written, so the driver's memory stays flat in
  corpus size (a slow chunk holds back the ones after it, as with
  ``--workers``).
- **One model per worker process.** Run workers with one thread each and
  several processes per machine (``dask worker ADDRESS --nworkers N
  --nthreads 1``): parsing holds the GIL, and a worker process's pipeline is
  used by one thread at a time, so extra threads only queue.
- **A cluster failure aborts the load.** A bad article is skipped with its
  reason (inside ``extract_all``), but a lost scheduler, a task that fails
  (the model is missing on a worker, newsfacts is not installed there) or a
  worker killed too often raises ``DaskError``; the database keeps the batches
  committed before it (whole articles with their resolution) and a re-run does the rest.

Dask is imported only here, only when ``--dask`` is given: ``pip install
'newsfacts[dask]'``.
"""
from __future__ import annotations

import os
import socket
import threading
from collections import deque
from collections.abc import Iterator
from contextlib import ExitStack

from .pipeline import Extracted, Skipped, extract_all
from .reader import Source

LOCAL = "local"  # --dask local: a LocalCluster on this machine

CONNECT_TIMEOUT = 30  # seconds to reach the scheduler
WORKERS_TIMEOUT = 120  # seconds to wait for the first worker


_PIPELINE_LOCK = threading.Lock()  # one thread at a time uses the worker process's pipeline


class DaskError(Exception):
    """The Dask cluster cannot be used (extra not installed, scheduler unreachable, task lost)."""


def _import_distributed():
    try:
        import distributed
    except ImportError:
        raise DaskError("--dask needs Dask distributed, which is not installed: "
                        "pip install 'newsfacts[dask]'") from None
    return distributed


# --- on the worker -------------------------------------------------------------------------

def _extract_chunk(sources: list[Source], model: str, batch_size: int) -> list[Extracted | Skipped]:
    """Runs in a worker: sources (absolute paths, the driver's stored names) -> one record each, in order."""
    from .nlp import load_pipeline

    visible = [os.path.lexists(source.path) for source in sources]
    seen = [source for source, ok in zip(sources, visible) if ok]
    with _PIPELINE_LOCK:
        records = iter(list(extract_all(load_pipeline(model), seen, batch_size)))
    results = []
    for source, ok in zip(sources, visible):
        if not ok:
            results.append(Skipped(source.name, f"not found on Dask worker {socket.gethostname()} "
                                                "(workers read files by path: put them on a filesystem they share)",
                                   for_content=False))  # the cluster's fault: retried next load
            continue
        results.append(next(records))
    return results


# --- on the driver -------------------------------------------------------------------------

def _chunks(items: list, size: int) -> Iterator[list]:
    for start in range(0, len(items), size):
        yield items[start:start + size]


def _connect(stack: ExitStack, scheduler, workers: int):
    """A Client on ``scheduler`` (an address, ``local`` or a Client), closed by ``stack``
    unless the caller gave the Client."""
    distributed = _import_distributed()
    if isinstance(scheduler, distributed.Client):
        return scheduler
    try:
        if scheduler == LOCAL:
            cluster = stack.enter_context(distributed.LocalCluster(  # dashboard on any free port
                n_workers=max(1, workers), threads_per_worker=1, processes=True, dashboard_address=":0"))
            return stack.enter_context(distributed.Client(cluster))
        return stack.enter_context(distributed.Client(scheduler, timeout=CONNECT_TIMEOUT))
    except (OSError, ValueError, TypeError) as error:
        raise DaskError(f"cannot reach the Dask scheduler at {scheduler}: {error}") from None


def _threads(client) -> int:
    return max(1, sum(client.nthreads().values()))


def extract_dask(todo: list[Source], scheduler, model: str | None = None, chunk_size: int = 8,
                 batch_size: int = 32, workers: int = 1) -> Iterator[Extracted | Skipped]:
    """``extract_all`` on a Dask cluster; results in input order.

    ``scheduler`` is an address (``tcp://host:8786``), a ``distributed.Client``
    (left open), or ``"local"`` for a LocalCluster of ``workers`` processes on this
    machine. At most ``2 *`` (threads in the cluster) chunks are in flight.
    """
    from .nlp import model_name

    model = model_name(model)  # the driver's choice, not each worker's $NEWSFACTS_MODEL
    with ExitStack() as stack:
        client = _connect(stack, scheduler, workers)
        try:
            client.wait_for_workers(1, timeout=WORKERS_TIMEOUT)
        except (TimeoutError, OSError) as error:
            raise DaskError(f"no Dask worker joined the scheduler {client.scheduler.address} "
                            f"within {WORKERS_TIMEOUT} s ({error})") from None
        in_flight: deque = deque()
        limit = 2 * _threads(client)
        try:
            for chunk in _chunks(todo, chunk_size):
                in_flight.append(client.submit(_extract_chunk, chunk, model, batch_size, pure=False))
                while len(in_flight) >= limit:
                    yield from _take(in_flight.popleft())
                    limit = 2 * _threads(client)  # the cluster may have grown or shrunk
            while in_flight:
                yield from _take(in_flight.popleft())
        finally:
            for future in in_flight:
                future.cancel()
            in_flight.clear()


def _take(future) -> list[Extracted | Skipped]:
    try:
        records = future.result()
    except Exception as error:
        raise DaskError(f"a Dask task failed, the load is abandoned: {type(error).__name__}: {error}") from error
    finally:
        future.release()
    return records
