"""files -> articles -> spaCy Docs -> fact records -> resolution -> SQLite.

Streams: files are read lazily, parsed in batches by ``nlp.pipe`` and written
one article per transaction, so memory stays flat in corpus size.
"""
from __future__ import annotations

import time
import traceback
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from . import resolve, store
from .extract import extract_facts, sentence_offsets
from .reader import SkipFile, file_hash, find_files, read_article, read_bytes, stored_path


@dataclass
class Summary:
    loaded: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)   # (path, one-line reason)
    facts: Counter = field(default_factory=Counter)
    seconds: float = 0.0


def plan(paths: Iterable[str | Path], db_path: Path, rebuild: bool, summary: Summary,
         tick: Callable[[], None]) -> list[tuple[Path, bytes]]:
    """The files whose content differs from what the database holds (all of them on --rebuild)."""
    known = {} if rebuild else store.loaded_hashes(db_path)
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
        else:
            todo.append((path, data))
    return todo


def _articles(todo: list[tuple[Path, bytes]], summary: Summary, tick: Callable[[], None]) -> Iterator:
    for path, data in todo:
        try:
            article = read_article(path, data)
        except SkipFile as reason:
            summary.skipped.append((stored_path(path), str(reason)))
            tick()
            continue
        yield article.text, article


def run(paths: Iterable[str | Path], db_path: str | Path, rebuild: bool = False, model: str | None = None,
        progress: Callable[[int], object] | None = None, batch_size: int = 32) -> Summary:
    """Load the given files and folders into ``db_path``; return what happened."""
    started = time.perf_counter()
    db_path = Path(db_path)
    summary = Summary()
    tick = (lambda: progress(1)) if progress else (lambda: None)
    todo = plan(paths, db_path, rebuild, summary, tick)
    if not todo and not rebuild and db_path.exists():
        summary.seconds = time.perf_counter() - started
        return summary  # nothing changed: the database is not touched at all

    from .nlp import load_pipeline

    nlp = load_pipeline(model)
    with store.transaction_file(db_path, rebuild=rebuild) as db:
        for doc, article in nlp.pipe(_articles(todo, summary, tick), as_tuples=True, batch_size=batch_size):
            try:
                facts = extract_facts(doc, article)
                counts = store.write_article(db, article, sentence_offsets(doc), facts)
            except Exception as error:  # a bug in one rule must not lose the other articles
                frame = traceback.extract_tb(error.__traceback__)[-1]
                where = f"{Path(frame.filename).name}:{frame.lineno}"
                summary.skipped.append((article.path, f"extraction failed: {type(error).__name__}: {error} ({where})"))
            else:
                summary.loaded.append(article.path)
                summary.facts.update(counts)
            tick()
        resolve.resolve(db)
    summary.seconds = time.perf_counter() - started
    return summary
