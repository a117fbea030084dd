"""files -> sources -> articles -> spaCy Docs -> fact records -> resolution -> SQLite.

The unit of work is a *source* (``reader.Source``): a whole file (``.txt``,
``.html``), or one record of a file (a JSON line, an item of a JSON array, a WARC
record), stored as ``FILE#LOCATOR`` with its own sha256 (``load.reader``).
``plan`` lists the sources whose hash differs from the database's; workers and Dask
get chunks of sources, so the records of one big file are spread too.

Streams: sources are read lazily, parsed in batches by ``nlp.pipe`` (in one process,
in a thread of its own, a batch ahead of the extraction: ``load.background``) and written
in transactions of ``commit_every`` whole articles, each with the resolution it
causes (``resolve.update``), so memory stays flat in corpus size and a load that
is interrupted keeps its committed articles: the next load skips them (same
path, same hash) and does the rest. ``--rebuild`` is one transaction.

Before anything is parsed, the plan compares the sources found with what the
database holds, by (stored path, sha256): unchanged ones are skipped, a source
whose content is stored under a path that no longer exists is a rename (the
facts move to the new path), and with ``prune`` the stored sources under the
given paths that were not found are removed. The part of a stored path before
``#`` is the file on disk.

With ``workers > 1`` the reading, parsing and extraction run in worker
processes (forked with the parent's pipeline where that is safe, else each loads it
once: ``start_method``) on chunks of files; at most a few
chunks per worker are in flight. The main process alone writes the database,
in input order, then resolves across articles, so the database is the same as
a single-process load's (apart from ``documents.loaded_at``).

Hostile input never aborts a load: any error while listing a file's records (``plan``)
or reading one (``extract_all``) skips that file or record with a one-line reason,
remembered in ``skipped_files``; a parse too deep to walk is skipped before the
extractors see it (``load.parse_limits``). A ``--db`` that cannot be a database file is
refused before anything is read (``check_target``).
"""
from __future__ import annotations

import multiprocessing
import os
import sqlite3
import sys
import threading
import time
import traceback
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import closing
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from . import database, resolve, store
from .background import in_background
from .extract import extract_facts, sentence_offsets
from .parse_limits import too_deep
from .reader import SkipFile, Source, find_files, read_source, sources, split_name, stored_path
from .records import Article, ArticleFacts
from .terminal import printable


COMMIT_EVERY = 100  # articles per transaction


@dataclass
class Summary:
    loaded: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)   # (path, one-line reason)
    not_read: Counter = field(default_factory=Counter)   # files in the folders no reader reads, by type
    ignored: Counter = field(default_factory=Counter)    # records that are not articles (WARC requests ...), by kind
    renamed: list[tuple[str, str]] = field(default_factory=list)   # (old path, new path): facts kept
    removed: list[str] = field(default_factory=list)               # pruned or removed sources
    to_load: list[str] = field(default_factory=list)               # --dry-run: what a load would read
    facts: Counter = field(default_factory=Counter)
    seconds: float = 0.0


@dataclass
class Plan:
    todo: list[Source] = field(default_factory=list)               # sources to read, parse and write
    renames: list[tuple[str, str]] = field(default_factory=list)
    remove: list[str] = field(default_factory=list)
    refused: list[tuple[str, str]] = field(default_factory=list)  # files refused whole, to remember
    cleared: list[str] = field(default_factory=list)              # files refused before that read now


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


REFUSED = ""        # skipped_files.sha256 of a file refused before its content was hashed
MAX_REASON = 1_000  # characters of a skip reason kept (an exception's message may quote a whole input)


def short_reason(reason: str) -> str:
    """A skip reason as recorded: one line (control characters escaped), at most ``MAX_REASON`` characters."""
    reason = printable(reason)
    return reason if len(reason) <= MAX_REASON else reason[:MAX_REASON] + "..."


def check_target(db_path: Path) -> None:
    """Refuse, before anything is read or opened, a ``--db`` that cannot be a database file
    (SQLite would say "disk I/O error" for a folder, and wait for ever on a named pipe)."""
    if os.path.isdir(db_path):  # os.path: False, never an exception, on a path it cannot stat
        raise database.TargetError(f"{db_path}: is a folder, not a database file "
                                f"(give a file path, such as {db_path / 'facts.db'})")
    if os.path.exists(db_path) and not os.path.isfile(db_path):
        raise database.TargetError(f"{db_path}: not a regular file, so not a database file")
    if os.path.exists(db_path.parent) and not os.path.isdir(db_path.parent):
        raise database.TargetError(f"{db_path}: {db_path.parent} is a file, not a folder")


def on_disk(stored: str) -> bool:
    """Whether a stored source's file is still there (``FILE#LOCATOR``: the file before ``#``)."""
    return os.path.lexists(split_name(stored)[0])


def plan(paths: Iterable[str | Path], db, rebuild: bool, summary: Summary, tick: Callable[[], None],
         prune: bool = False, db_path: Path | None = None) -> Plan:
    """What this load does: the sources whose content differs from what the database holds (all
    of them on --rebuild), the renames, and with ``prune`` the stored sources to remove.

    A source an earlier load skipped for its content, unchanged since, is reported skipped
    again with its reason and not read: a reload of an unchanged folder with a bad file in
    it leaves the database untouched. Only locations and hashes are kept: the bytes are
    read again when the source is parsed, so memory does not grow with the corpus (a file
    rewritten in between is loaded as it is then). ``tick`` is called once per file whose
    every source is settled here (unchanged, skipped, renamed); ``run`` ticks the others.
    The database at ``db_path`` and its own files (-wal, -shm, .lock) are never inputs.

    A file refused here (not a regular file, too large, not valid JSON, not a WARC, or any
    error while listing its records) is skipped whole with its reason and goes to
    ``Plan.refused`` when ``skipped_files`` does not already say so; a file an earlier load
    refused that now reads goes to ``Plan.cleared``."""
    paths = list(paths)
    found: list[Source] = []
    files_of: list[list[Source]] = []   # the sources of each file, to tick a file once settled
    failed: list[tuple[str, str]] = []  # files refused whole: (stored path, reason)
    read_files: list[str] = []          # files whose records were listed
    for path in find_files(paths, summary.not_read, database.own_files(db_path) if db_path else ()):
        of_file: list[Source] = []
        try:
            for source in sources(path, summary.ignored):
                of_file.append(source)
        except Exception as error:  # SkipFile, or any error on a hostile file: skip it, never abort the load
            name = stored_path(path)
            reason = short_reason(str(error) if isinstance(error, SkipFile) else _error_text(error))
            summary.skipped.append((name, reason))
            failed.append((name, reason))
            of_file = []
        else:
            read_files.append(stored_path(path))
        if of_file:
            found.extend(of_file)
            files_of.append(of_file)
        else:
            tick()
    result = Plan()
    if rebuild:
        result.todo = found
        result.refused = failed
        return result
    names = [source.name for source in found] + [name for name, _ in summary.skipped]
    known = store.stored_hashes(db, names)
    skipped_before = store.stored_skips(db, names + read_files)
    result.refused = [(name, reason) for name, reason in failed if skipped_before.get(name) != (REFUSED, reason)]
    result.cleared = [name for name in read_files if skipped_before.get(name, (None,))[0] == REFUSED]
    seen = set(names)
    claimed: set[str] = set()
    for of_file in files_of:
        planned = len(result.todo)
        for source in of_file:
            name, digest = source.name, source.sha256
            if known.get(name) == digest:
                summary.unchanged.append(name)
            elif name in skipped_before and skipped_before[name][0] == digest:
                summary.skipped.append((name, f"{skipped_before[name][1]} (unchanged since an earlier load)"))
            else:
                moved_from = None
                if name not in known:
                    moved_from = next((old for old in store.paths_with_hash(db, digest)
                                       if old not in seen and old not in claimed and not on_disk(old)), None)
                if moved_from:
                    claimed.add(moved_from)
                    result.renames.append((moved_from, name))
                else:
                    result.todo.append(source)
        if len(result.todo) == planned:
            tick()
    if prune:
        # a file that is there but could not be listed, or not to its end (damaged, too large,
        # unreadable), has not lost its records: what was loaded from it stays until it reads again
        unreadable = {name for name, _ in failed} | {source.file for source in found if source.breaks_off}
        roots = [stored_path(Path(p)) for p in paths]
        result.remove = sorted({stored for _, stored, _ in store.stored_under(db, roots)
                                if stored not in seen and stored not in claimed
                                and split_name(stored)[0] not in unreadable})
    return result


def _error_text(error: BaseException) -> str:
    """``Type: message (file.py:line)``: where an unexpected error was raised."""
    frames = traceback.extract_tb(error.__traceback__)
    where = f" ({Path(frames[-1].filename).name}:{frames[-1].lineno})" if frames else ""
    return short_reason(f"{type(error).__name__}: {error}{where}")


def _failure(path: str, error: Exception) -> Skipped:
    return Skipped(path, f"extraction failed: {_error_text(error)}", for_content=False)


def _read_failure(path: str, error: Exception) -> Skipped:
    """An error while reading one file (a reader's or a library's, on hostile input): the file
    is the cause, so it is remembered like any unreadable file."""
    return Skipped(path, f"cannot be read: {_error_text(error)}")


def extract_all(nlp, todo: Iterable[Source], batch_size: int = 32,
                threaded: bool = False) -> Iterator[Extracted | Skipped]:
    """source -> Extracted or Skipped, one per source, in input order. ``threaded``: read and
    parse in a thread of its own, a batch ahead, while this one extracts (``load.background``)."""
    parsed = _parsed(nlp, todo, batch_size)
    if threaded:
        parsed = in_background(parsed, ahead=batch_size, name="newsfacts-parse")
    with closing(parsed):   # a load that stops early stops the parsing thread too
        for item in parsed:
            if isinstance(item, Skipped):
                yield item
                continue
            doc, article = item
            reason = too_deep(doc)
            if reason:  # walking this parse would overflow the C stack: a crash of the whole load
                yield Skipped(article.path, reason)
                continue
            try:
                yield Extracted(article, sentence_offsets(doc), extract_facts(doc, article))
            except Exception as error:  # a bug in one rule must not lose the other articles
                yield _failure(article.path, error)


def _parsed(nlp, todo: Iterable[Source], batch_size: int) -> Iterator[Skipped | tuple]:
    """source -> (Doc, Article), or Skipped when it cannot be read; in input order."""
    pending: deque[Skipped | None] = deque()  # read failures waiting for the docs before them

    def articles():
        for source in todo:
            try:
                article = read_source(source)
            except SkipFile as reason:
                pending.append(Skipped(source.name, short_reason(str(reason))))
                continue
            except Exception as error:  # a reader's bug (or a library's) must not lose the other articles
                pending.append(_read_failure(source.name, error))
                continue
            pending.append(None)  # a placeholder for this article's doc
            yield article.text, article

    for doc, article in nlp.pipe(articles(), as_tuples=True, batch_size=batch_size):
        while pending[0] is not None:
            yield pending.popleft()
        pending.popleft()
        yield doc, article
    yield from pending  # read failures after the last article


# --- worker processes -------------------------------------------------------------------

def die_with_parent(parent: int, every: float = 0.5) -> None:
    """End this process when ``parent`` is gone (a SIGKILLed loader cannot stop its workers;
    each worker would otherwise wait on its task queue for ever, with its model in memory)."""
    def watch():
        while os.getppid() == parent:
            time.sleep(every)
        os._exit(1)

    threading.Thread(target=watch, name="die-with-parent", daemon=True).start()


_worker_nlp = None


def start_method() -> str:
    """How worker processes start: forked on Linux when this process runs no other thread, so
    that they start at once with the parent's model (its pages shared copy-on-write: ``gc.freeze``
    in ``load.nlp`` keeps the collector from touching them); spawned otherwise, since a fork
    while another thread holds a lock would leave that lock held in the worker for ever."""
    if sys.platform == "linux" and threading.active_count() == 1:
        return "fork"
    return "spawn"


def _worker_init(model: str | None, parent: int | None = None) -> None:
    global _worker_nlp
    from .nlp import load_pipeline

    if parent is not None:
        die_with_parent(parent)

    _worker_nlp = load_pipeline(model)


def _worker_chunk(chunk: list[Source], batch_size: int) -> list[Extracted | Skipped]:
    return list(extract_all(_worker_nlp, chunk, batch_size))


def _chunks(items: list, size: int) -> Iterator[list]:
    for start in range(0, len(items), size):
        yield items[start:start + size]


def extract_parallel(todo: list[Source], model: str | None, workers: int,
                     chunk_size: int = 8, batch_size: int = 32) -> Iterator[Extracted | Skipped]:
    """``extract_all`` in ``workers`` processes; results in input order, at most
    ``2 * workers`` chunks in flight (submitted but not yet consumed)."""
    method = start_method()
    if method == "fork":
        from .nlp import load_pipeline

        load_pipeline(model)   # loaded once, here: every worker starts with it, shared copy-on-write
    context = multiprocessing.get_context(method)
    with ProcessPoolExecutor(workers, mp_context=context, initializer=_worker_init,
                             initargs=(model, os.getpid())) as pool:
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


def _remember_skip(db, skipped: Skipped, source: Source) -> None:
    """Remember a source skipped for its content, by the hash it was planned with."""
    store.record_skip(db, skipped.path, source.sha256, skipped.reason)


# --- the load --------------------------------------------------------------------------------

def run(paths: Iterable[str | Path], db_path: str | Path, rebuild: bool = False, model: str | None = None,
        progress: Callable[[int], object] | None = None, batch_size: int = 32, workers: int = 1,
        dask=None, prune: bool = False, dry_run: bool = False, wait: float = 0,
        on_wait: Callable[[str], object] | None = None, commit_every: int = COMMIT_EVERY) -> Summary:
    """Load the given files and folders into ``db_path``; return what happened.

    ``workers`` > 1 parses and extracts in that many processes; ``dask`` (a scheduler
    address, a ``distributed.Client``, or ``"local"`` for a LocalCluster of ``workers``
    processes) parses and extracts on a Dask cluster (``load.distributed``). Either
    way this process alone writes, and the database is the same.

    ``prune`` also removes the stored sources under ``paths`` that are no longer there;
    ``dry_run`` only plans (``Summary.to_load``, ``renamed``, ``removed``) and writes nothing.
    Another load writing the same database makes this one stop (``database.LoadInProgress``)
    or, with ``wait`` seconds, wait for it (``on_wait`` is told once).
    """
    started = time.perf_counter()
    db_path = Path(db_path)
    check_target(db_path)
    summary = Summary()
    tick = (lambda: progress(1)) if progress else (lambda: None)
    if dry_run:
        with database.reader(db_path) as db:
            work = plan(paths, db, rebuild, summary, tick, prune, db_path)
        summary.to_load = [source.name for source in work.todo]
        summary.renamed, summary.removed = work.renames, work.remove
        summary.seconds = time.perf_counter() - started
        return summary

    with database.writer(db_path, wait=wait, on_wait=on_wait) as db:
        work = plan(paths, db, rebuild, summary, tick, prune, db_path)
        if not (work.todo or work.renames or work.remove or work.refused or work.cleared or rebuild):
            summary.seconds = time.perf_counter() - started
            return summary  # nothing changed: the database is not written at all
        resolve.track(db)
        database.begin(db)
        if rebuild:
            database.clear(db)
        for name in work.cleared:
            store.forget_skip(db, name)
        for name, reason in work.refused:
            store.record_skip(db, name, REFUSED, reason)
        for old, new in work.renames:
            store.rename_document(db, old, new, split_name(new)[0])
        summary.renamed = work.renames
        if work.remove:
            store.remove_paths(db, work.remove)
            summary.removed = work.remove
        written: list[int] = []
        if work.todo:
            _load_articles(db, work.todo, model, batch_size, workers, dask, summary, tick, written,
                           None if rebuild else commit_every)
        resolve.update(db, written)
        database.commit(db)
    summary.seconds = time.perf_counter() - started
    return summary


def _load_articles(db, todo: list[Source], model, batch_size: int, workers: int, dask, summary: Summary,
                   tick, written: list[int], commit_every: int | None) -> None:
    """Parse, extract and write ``todo``; every ``commit_every`` articles, resolve and commit.
    ``tick`` once per file, when its last source is written or skipped."""
    workers = max(1, min(workers, len(todo)))
    if dask is not None:
        from .distributed import extract_dask

        results = extract_dask(todo, dask, model, batch_size=batch_size, workers=workers)
    elif workers > 1:
        results = extract_parallel(todo, model, workers, batch_size=batch_size)
    else:
        from .nlp import load_pipeline

        results = extract_all(load_pipeline(model), todo, batch_size, threaded=True)
    left = Counter(source.file for source in todo)  # sources per file still to write, for the ticks
    with closing(results):  # an abandoned load stops its workers or cluster at once
        for source, result in zip(todo, results):
            left[source.file] -= 1
            file_done = tick if not left[source.file] else (lambda: None)
            if isinstance(result, Skipped):
                summary.skipped.append((result.path, result.reason))
                if result.for_content:
                    _remember_skip(db, result, source)
                file_done()
                continue
            article = result.article
            try:
                counts = store.write_article(db, article, result.sentences, result.facts)
            except (sqlite3.OperationalError, OSError):
                raise  # disk full, I/O error: the database, not this article; committed batches stay
            except Exception as error:  # a bug in one rule must not lose the other articles
                failure = _failure(article.path, error)
                summary.skipped.append((failure.path, failure.reason))
            else:
                written.append(counts.pop("document_id"))
                summary.loaded.append(article.path)
                summary.facts.update(counts)
                if commit_every and len(written) >= commit_every:
                    resolve.update(db, written)
                    database.commit(db)
                    written.clear()
                    database.begin(db)
            file_done()


def _stored_root(given: str | Path) -> str:
    """A path given to remove as stored: ``FILE#LOCATOR`` keeps its locator."""
    file, locator = split_name(str(given))
    return stored_path(Path(file)) + (f"#{locator}" if locator is not None else "")


def remove(paths: list[str | Path], db_path: str | Path, dry_run: bool = False, wait: float = 0,
           on_wait: Callable[[str], object] | None = None) -> tuple[list[str], list[str]]:
    """Remove the stored sources under ``paths`` (files, folders or ``FILE#RECORD``s, on disk or
    not) with their facts, in one transaction with the resolution it causes.
    Returns (removed stored paths, given paths that matched nothing)."""
    roots = [_stored_root(p) for p in paths]

    def matches(db):
        found = {root: [path for _, path, _ in store.stored_under(db, [root])] for root in roots}
        return sorted({path for paths_ in found.values() for path in paths_}), [
            str(given) for given, root in zip(paths, roots) if not found[root]]

    if dry_run:
        with database.reader(db_path) as db:
            return matches(db)
    with database.writer(db_path, wait=wait, on_wait=on_wait) as db:
        removed, missing = matches(db)
        if removed:
            resolve.track(db)
            database.begin(db)
            store.remove_paths(db, removed)
            resolve.update(db, [])
            database.commit(db)
    return removed, missing
