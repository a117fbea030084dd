"""files -> articles -> spaCy Docs -> fact records -> resolution -> SQLite.

Streams: files are read lazily, parsed in batches by ``nlp.pipe`` and written
one article per transaction, so memory stays flat in corpus size.

With ``workers > 1`` the reading, parsing and extraction run in worker
processes (each loads the pipeline once) on chunks of files; at most a few
chunks per worker are in flight. The main process alone writes the database,
in input order, then resolves across articles, so the database is the same as
a single-process load's (apart from ``documents.loaded_at``).
"""
from __future__ import annotations

import multiprocessing
import sqlite3
import time
import traceback
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import closing
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from . import resolve, store
from .extract import extract_facts, sentence_offsets
from .reader import SkipFile, file_hash, find_files, read_article, read_bytes, stored_path
from .records import Article, ArticleFacts


@dataclass
class Summary:
    loaded: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)   # (path, one-line reason)
    facts: Counter = field(default_factory=Counter)
    seconds: float = 0.0


@dataclass
class Extracted:
    """One article read and extracted, ready for ``store.write_article`` (picklable)."""

    article: Article
    sentences: list[tuple[int, int, str]]
    facts: ArticleFacts


@dataclass
class Skipped:
    """A file that could not be read or whose extraction failed.

    ``for_content``: the file itself is the reason (empty, binary, no sentences), so an
    unchanged copy would be skipped again and is remembered (``skipped_files``); a failed
    extraction is a fault of the code and is retried on every load."""

    path: str
    reason: str
    for_content: bool = True


def plan(paths: Iterable[str | Path], db_path: Path, rebuild: bool, summary: Summary,
         tick: Callable[[], None]) -> list[Path]:
    """The files whose content differs from what the database holds (all of them on --rebuild).

    A file an earlier load skipped for its content, unchanged since, is reported skipped
    again with its reason and not read: a reload of an unchanged folder with a bad file in
    it leaves the database untouched. Only paths are kept: the bytes are read again when
    the file is parsed, so memory does not grow with the corpus (a file rewritten in
    between is loaded as it is then)."""
    known = {} if rebuild else store.loaded_hashes(db_path)
    skipped_before = {} if rebuild else store.skipped_hashes(db_path)
    todo = []
    for path in find_files(list(paths)):
        name = stored_path(path)
        try:
            data = read_bytes(path)
            digest = file_hash(path, data)
        except SkipFile as reason:
            summary.skipped.append((name, str(reason)))
            tick()
            continue
        if known.get(name) == digest:
            summary.unchanged.append(name)
            tick()
        elif name in skipped_before and skipped_before[name][0] == digest:
            summary.skipped.append((name, f"{skipped_before[name][1]} (unchanged since an earlier load)"))
            tick()
        else:
            todo.append(path)
    return todo


def _failure(path: str, error: Exception) -> Skipped:
    frame = traceback.extract_tb(error.__traceback__)[-1]
    where = f"{Path(frame.filename).name}:{frame.lineno}"
    return Skipped(path, f"extraction failed: {type(error).__name__}: {error} ({where})", for_content=False)


def extract_all(nlp, todo: Iterable[Path], batch_size: int = 32) -> Iterator[Extracted | Skipped]:
    """path -> Extracted or Skipped, one per file, in input order."""
    pending: deque[Skipped | None] = deque()  # read failures waiting for the docs before them

    def articles():
        for path in todo:
            try:
                article = read_article(path)
            except SkipFile as reason:
                pending.append(Skipped(stored_path(path), str(reason)))
                continue
            pending.append(None)  # a placeholder for this article's doc
            yield article.text, article

    for doc, article in nlp.pipe(articles(), as_tuples=True, batch_size=batch_size):
        while pending[0] is not None:
            yield pending.popleft()
        pending.popleft()
        try:
            yield Extracted(article, sentence_offsets(doc), extract_facts(doc, article))
        except Exception as error:  # a bug in one rule must not lose the other articles
            yield _failure(article.path, error)
    yield from pending  # read failures after the last article


# --- worker processes ----------------------------------------------------------------------

_worker_nlp = None


def _worker_init(model: str | None) -> None:
    global _worker_nlp
    from .nlp import load_pipeline

    _worker_nlp = load_pipeline(model)


def _worker_chunk(chunk: list[Path], batch_size: int) -> list[Extracted | Skipped]:
    return list(extract_all(_worker_nlp, chunk, batch_size))


def _chunks(items: list, size: int) -> Iterator[list]:
    for start in range(0, len(items), size):
        yield items[start:start + size]


def extract_parallel(todo: list[Path], model: str | None, workers: int,
                     chunk_size: int = 8, batch_size: int = 32) -> Iterator[Extracted | Skipped]:
    """``extract_all`` in ``workers`` processes; results in input order, at most
    ``2 * workers`` chunks in flight (submitted but not yet consumed)."""
    context = multiprocessing.get_context("spawn")  # no inherited threads or locks; same on every OS
    with ProcessPoolExecutor(workers, mp_context=context, initializer=_worker_init, initargs=(model,)) as pool:
        chunks = _chunks(todo, chunk_size)
        in_flight: deque = deque()
        try:
            for chunk in chunks:
                in_flight.append(pool.submit(_worker_chunk, chunk, batch_size))
                if len(in_flight) >= 2 * workers:
                    yield from in_flight.popleft().result()
            while in_flight:
                yield from in_flight.popleft().result()
        finally:
            for future in in_flight:
                future.cancel()


def _remember_skip(db, skipped: Skipped) -> None:
    try:
        digest = file_hash(Path(skipped.path))
    except SkipFile:
        return  # gone or unreadable now: nothing to recognize it by next time
    store.record_skip(db, skipped.path, digest, skipped.reason)


# --- the load --------------------------------------------------------------------------------

def run(paths: Iterable[str | Path], db_path: str | Path, rebuild: bool = False, model: str | None = None,
        progress: Callable[[int], object] | None = None, batch_size: int = 32, workers: int = 1,
        dask=None) -> Summary:
    """Load the given files and folders into ``db_path``; return what happened.

    ``workers`` > 1 parses and extracts in that many processes; ``dask`` (a scheduler
    address, a ``distributed.Client``, or ``"local"`` for a LocalCluster of ``workers``
    processes) parses and extracts on a Dask cluster (``load.distributed``). Either
    way this process alone writes, and the database is the same.
    """
    started = time.perf_counter()
    db_path = Path(db_path)
    summary = Summary()
    tick = (lambda: progress(1)) if progress else (lambda: None)
    todo = plan(paths, db_path, rebuild, summary, tick)
    if not todo and not rebuild and db_path.exists():
        summary.seconds = time.perf_counter() - started
        return summary  # nothing changed: the database is not touched at all

    workers = max(1, min(workers, len(todo)))
    with store.transaction_file(db_path, rebuild=rebuild) as db:
        if dask is not None:
            from .distributed import extract_dask

            results = extract_dask(todo, dask, model, batch_size=batch_size, workers=workers)
        elif workers > 1:
            results = extract_parallel(todo, model, workers, batch_size=batch_size)
        else:
            from .nlp import load_pipeline

            results = extract_all(load_pipeline(model), todo, batch_size)
        with closing(results):  # an abandoned load stops its workers or cluster at once
            for result in results:
                if isinstance(result, Skipped):
                    summary.skipped.append((result.path, result.reason))
                    if result.for_content:
                        _remember_skip(db, result)
                    tick()
                    continue
                article = result.article
                try:
                    counts = store.write_article(db, article, result.sentences, result.facts)
                except (sqlite3.OperationalError, OSError):
                    raise  # disk full, I/O error: the database, not this article; the old file stays
                except Exception as error:  # a bug in one rule must not lose the other articles
                    failure = _failure(article.path, error)
                    summary.skipped.append((failure.path, failure.reason))
                else:
                    summary.loaded.append(article.path)
                    summary.facts.update(counts)
                tick()
        resolve.resolve(db)
    summary.seconds = time.perf_counter() - started
    return summary
