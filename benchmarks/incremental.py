"""Adding a few articles to a large database costs what it adds (issue 16).

    .venv/bin/python benchmarks/incremental.py [--base 1000] [--copies 100] [--add 10] [--cache DIR]

1. A real load of ``--base`` articles (``make_corpus``, seed 8), cached as ``DIR/base-N.db``.
2. A database of ``base x copies`` articles made by cloning every per-article row of that load
   (documents, sentences and their full-text index, people, mentions, titles, meeting reports,
   figures, incidents, counts) under new paths (``copyK/...``) and hashes, then resolved once
   across all of it (``resolve.resolve``); cached as ``DIR/big-N.db`` (about 1.6 GB at 100,000).
   Nothing is parsed for the copies: the big database costs minutes, not hours.
3. Adds ``--add`` articles to an empty database and to the big one, twice: new text
   (``make_corpus`` seed 99: new first names for the same surnames, so these also make the
   resolver decide again who is who among the cloned mentions, thousands of them at 100 copies),
   and more news of the people and events already there (the last ``--add`` base articles under
   new paths: they join meetings and people of 100 sources each). Each addition runs
   in a fresh process (``pipeline.run``; the model is loaded before the clock starts, and its
   load time is printed apart), and prints the loader's seconds and the bytes the process wrote
   (``/proc/self/io``); then removes them from the big one again (``pipeline.remove``, timed too),
   so the cache stays as it was.

Target: the big database at most 2x the seconds of the empty one, and about the same bytes.
DIR defaults to benchmarks/output (kept out of git).
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import make_corpus  # noqa: E402

from load import database, pipeline, resolve  # noqa: E402

# Columns that point at another cloned table's ids, by name.
POINTS_TO = {"id": None, "document_id": "documents", "sentence_id": "sentences",
             "article_person_id": "article_people", "meeting_report_id": "meeting_reports",
             "incident_id": "incidents"}
CLONED = ["documents", "sentences", "article_people", "person_mentions", "titles", "meeting_reports",
          "meeting_report_participants", "figures", "incidents", "casualty_counts"]
RESOLVED_LATER = {"person_id", "meeting_id", "latitude", "longitude", "geonames_id"}

RUNNER = r"""
import json, sys, time
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from load import pipeline
from load.nlp import load_pipeline

def written():
    return int(dict(line.split(': ') for line in Path('/proc/self/io').read_text().splitlines())['write_bytes'])

action, db, *paths = sys.argv[2:]
started = time.perf_counter()
if action == 'load':
    load_pipeline()
model = time.perf_counter() - started
before = written()
started = time.perf_counter()
if action == 'load':
    summary = pipeline.run(paths, db)
    count = len(summary.loaded)
else:
    removed, _ = pipeline.remove(paths, db)
    count = len(removed)
print(json.dumps({'seconds': time.perf_counter() - started, 'model': model, 'bytes': written() - before,
                  'count': count}))
"""


def fresh_process(action: str, db: Path, *paths: Path) -> dict:
    output = subprocess.run([sys.executable, "-c", RUNNER, str(ROOT), action, str(db), *map(str, paths)],
                            cwd=ROOT, capture_output=True, text=True, check=True)
    return json.loads(output.stdout.splitlines()[-1])


def base_database(cache: Path, articles: int) -> Path:
    db = cache / f"base-{articles}.db"
    if not db.exists():
        corpus = cache / f"corpus-{articles}"
        shutil.rmtree(corpus, ignore_errors=True)
        make_corpus.build(corpus, articles)
        started = time.perf_counter()
        partial = cache / f".base-{articles}.db"
        pipeline.run([corpus], partial, rebuild=True)
        os.replace(partial, db)
        print(f"base: loaded {articles} articles in {time.perf_counter() - started:.0f} s")
    return db


def clone_rows(conn: sqlite3.Connection, copies: int) -> None:
    """Insert ``copies - 1`` more copies of every per-article row, with ids shifted past the originals."""
    stride = {table: (conn.execute(f"SELECT max(rowid) FROM [{table}]").fetchone()[0] or 0) + 1 for table in CLONED}
    conn.create_function("clone_hash", 2, lambda digest, k: hashlib.sha256(f"{digest}:{k}".encode()).hexdigest())
    conn.create_function("shift_ids", 2, lambda ids, offset: json.dumps([i + offset for i in json.loads(ids)]))
    for k in range(1, copies):
        for table in CLONED:
            columns = [row[1] for row in conn.execute(f"PRAGMA table_xinfo([{table}])") if row[6] == 0]
            values = []
            for column in columns:
                target = POINTS_TO.get(column)
                if column == "id":
                    values.append(f"[id] + {k * stride[table]}")
                elif target:
                    values.append(f"[{column}] + {k * stride[target]}")
                elif column in RESOLVED_LATER:
                    values.append("NULL")
                elif table == "documents" and column == "path":
                    values.append(f"'copy{k}/' || path")
                elif table == "documents" and column == "sha256":
                    values.append(f"clone_hash(sha256, {k})")
                elif table == "incidents" and column == "sentences":
                    values.append(f"shift_ids(sentences, {k * stride['sentences']})")
                else:
                    values.append(f"[{column}]")
            names = ", ".join(f"[{c}]" for c in columns)
            conn.execute(f"INSERT INTO [{table}] ({names}) SELECT {', '.join(values)} FROM [{table}] "
                         f"WHERE rowid < {stride[table]}")
        conn.commit()


def _resolve_all(db: Path) -> None:
    with database.writer(db) as writer:
        resolve.track(writer)
        database.begin(writer)
        resolve.resolve(writer)
        database.commit(writer)


def big_database(cache: Path, base: Path, copies: int) -> Path:
    with sqlite3.connect(base) as conn:
        articles = conn.execute("SELECT count(*) FROM documents").fetchone()[0]
    db = cache / f"big-{articles * copies}.db"
    if db.exists():
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
            state = conn.execute("SELECT value FROM newsfacts_state WHERE key = 'resolver'").fetchone()
        if state != (resolve.resolver_version(),):   # resolution code changed since: resolve anew, untimed
            started = time.perf_counter()
            _resolve_all(db)
            print(f"big: resolved again with today's code in {time.perf_counter() - started:.0f} s")
        return db
    partial = cache / f".big-{articles * copies}.db"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{partial}{suffix}").unlink(missing_ok=True)
    shutil.copy(base, partial)
    started = time.perf_counter()
    conn = sqlite3.connect(partial)
    conn.execute("PRAGMA journal_mode = OFF")
    conn.execute("PRAGMA synchronous = OFF")
    clone_rows(conn, copies)
    conn.close()
    cloned = time.perf_counter() - started
    _resolve_all(partial)
    print(f"big: {articles * copies} articles cloned in {cloned:.0f} s, resolved in "
          f"{time.perf_counter() - started - cloned:.0f} s, {partial.stat().st_size / 1e9:.2f} GB")
    os.replace(partial, db)
    return db


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--base", type=int, default=1000, help="articles really loaded")
    parser.add_argument("--copies", type=int, default=100, help="the big database holds base x copies articles")
    parser.add_argument("--add", type=int, default=10, help="articles added to each database")
    parser.add_argument("--cache", type=Path, default=ROOT / "benchmarks" / "output")
    parser.add_argument("--rounds", type=int, default=2, help="times each addition (the fastest counts)")
    args = parser.parse_args()
    args.cache.mkdir(parents=True, exist_ok=True)
    big = big_database(args.cache, base_database(args.cache, args.base), args.copies)
    with sqlite3.connect(f"file:{big}?mode=ro", uri=True) as conn:
        documents = conn.execute("SELECT count(*) FROM documents").fetchone()[0]
        people = conn.execute("SELECT count(*) FROM article_people").fetchone()[0]
    size = big.stat().st_size
    print(f"big database: {documents} articles, {people} article people, {size / 1e9:.2f} GB")

    corpus = args.cache / f"corpus-{args.base}"
    if not corpus.exists():          # the base's own texts stay on disk: a copy of one is not a rename
        make_corpus.build(corpus, args.base)
    with tempfile.TemporaryDirectory(prefix="newsfacts-incremental-") as scratch:
        scratch = Path(scratch)
        # 1. new text: the generator's other seed draws new first names for the same surnames, so
        #    these articles also decide again who is who among the cloned mentions
        new = scratch / "new"
        make_corpus.build(new, args.add, seed=99, per_folder=args.add)
        # 2. more news of the people and events already there: base articles under new paths
        known = scratch / "known"
        known.mkdir()
        for path in sorted(corpus.rglob("*.txt"))[-args.add:]:
            shutil.copy(path, known / f"again-{path.name}")
        for label, folder in (("new text", new), ("known people and events", known)):
            measure(label, folder, big, documents, scratch, args)


def measure(label: str, folder: Path, big: Path, documents: int, scratch: Path, args) -> None:
    empty_runs, big_runs, removals = [], [], []
    for _ in range(max(1, args.rounds)):
        empty = scratch / "empty.db"
        for suffix in ("", "-wal", "-shm"):
            Path(f"{empty}{suffix}").unlink(missing_ok=True)
        empty_runs.append(fresh_process("load", empty, folder))
        big_runs.append(fresh_process("load", big, folder))
        removals.append(fresh_process("remove", big, folder))
        assert empty_runs[-1]["count"] == big_runs[-1]["count"] == removals[-1]["count"] == args.add
    print(f"{label}:")
    for name, runs in (("to an empty database", empty_runs), (f"to the {documents}-article database", big_runs),
                       (f"removed from the {documents}-article database", removals)):
        best = min(runs, key=lambda r: r["seconds"])
        rounds = ", ".join(f"{r['seconds']:.2f}" for r in runs)
        print(f"  {args.add} articles {name:42s} {best['seconds']:6.2f} s  {best['bytes'] / 1e6:7.1f} MB written  "
              f"(rounds: {rounds}; model load apart: {best['model']:.1f} s)")
    ratio = min(r["seconds"] for r in big_runs) / min(r["seconds"] for r in empty_runs)
    written = min(r["bytes"] for r in big_runs) / max(1, min(r["bytes"] for r in empty_runs))
    print(f"  big / empty: {ratio:.2f}x the seconds (target <= 2), {written:.2f}x the bytes written")

if __name__ == "__main__":
    main()
