"""How fast is a load, and what does it cost over the bare spaCy model?

    .venv/bin/python benchmarks/load_speed.py --articles 1000 [--rss-articles 100] [--workers 2] [--profile]

Builds a corpus with make_corpus.py in a temporary folder, then prints:

- words/second of a full load (``pipeline.run``: read, parse, extract, write, resolve)
  beside bare ``nlp.pipe`` of the same texts with the bare model, and their ratio (the fastest
  of ``--rounds`` alternating runs of each, since the machine's other load comes and goes);
- the time of reloading the unchanged corpus as a share of the first load;
- the same ratio for a small load (``--small``, 60 articles) with each run in a fresh process
  (the model loaded before the clock starts, everything else, lazy set-up included, timed):
  what a small daily load pays in fixed costs;
- the speedup of ``--workers N`` over one process (same corpus, same output; fastest of ``--rounds``);
- peak RSS of a load (``python -m load`` in a subprocess) at 1x and 10x ``--rss-articles``;
- with ``--profile``: the top functions by cumulative time of a one-process load (cProfile).
"""
from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import make_corpus  # noqa: E402

from load import pipeline  # noqa: E402
from load.nlp import DEFAULT_MODEL, load_pipeline  # noqa: E402
from load.reader import SkipFile, find_files, read_article  # noqa: E402

FRESH_CHILD = r"""
import sys, time
sys.path.insert(0, sys.argv[1])
from load.reader import SkipFile, find_files, read_article
kind, corpus, db = sys.argv[2:]
if kind == 'bare':
    import spacy
    from load.nlp import DEFAULT_MODEL
    nlp = spacy.load(DEFAULT_MODEL)
    texts = []
    for path in find_files([corpus]):
        try:
            texts.append(read_article(path).text)
        except SkipFile:
            pass
    started = time.perf_counter()
    sum(1 for _ in nlp.pipe(texts, batch_size=32))
else:
    from load import pipeline
    from load.nlp import load_pipeline
    load_pipeline()
    started = time.perf_counter()
    pipeline.run([corpus], db, rebuild=True)
print(time.perf_counter() - started)
"""


def fresh_seconds(kind: str, corpus: Path, db: Path) -> float:
    output = subprocess.run([sys.executable, "-c", FRESH_CHILD, str(ROOT), kind, str(corpus), str(db)],
                            cwd=ROOT, capture_output=True, text=True, check=True).stdout
    return float(output.split()[-1])


RSS_CHILD = ("import resource, subprocess, sys; subprocess.run(sys.argv[1:], check=True, "
             "stdout=subprocess.DEVNULL); print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")


def texts_of(folder: Path) -> list[str]:
    texts = []
    for path in find_files([folder]):
        try:
            texts.append(read_article(path).text)
        except SkipFile:
            pass
    return texts


def timed(function, *args, **kwargs):
    started = time.perf_counter()
    result = function(*args, **kwargs)
    return time.perf_counter() - started, result


def cpu_seconds() -> float:
    """CPU time of this process (all its threads) and of its children that have ended."""
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


def peak_rss_mb(folder: Path, db: Path, workers: int = 1) -> float:
    """Peak resident memory (MB) of ``python -m load FOLDER`` run in a fresh process."""
    output = subprocess.run(
        [sys.executable, "-c", RSS_CHILD, sys.executable, "-m", "load", str(folder), "--db", str(db),
         "--rebuild", "-q", "--workers", str(workers)],
        cwd=ROOT, capture_output=True, text=True, check=True).stdout
    return int(output.split()[-1]) / 1024  # Linux reports KiB


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--rss-articles", type=int, default=None,
                        help="corpus size for the 1x RSS figure (10x is also measured); default --articles; "
                             "0: skip")
    parser.add_argument("--workers", type=int, default=2, help="processes for the speedup figure (0: skip)")
    parser.add_argument("--profile", action="store_true", help="also profile a one-process load")
    parser.add_argument("--rounds", type=int, default=2,
                        help="time the bare model and the full load this many times each, alternating, "
                             "and compare the fastest of each (these machines are noisy)")
    parser.add_argument("--small", type=int, default=60,
                        help="articles of the small load timed in fresh processes (0: skip)")
    parser.add_argument("--keep", type=Path, default=None, help="build the corpus here and keep it")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="newsfacts-bench-") as scratch:
        scratch = Path(scratch)
        corpus = args.keep or scratch / "corpus"
        make_corpus.build(corpus, args.articles)
        texts = texts_of(corpus)
        words = sum(len(text.split()) for text in texts)
        print(f"corpus: {len(texts)} articles, {words} words (cleaned text), {os.cpu_count()} CPUs")

        import spacy

        bare = spacy.load(DEFAULT_MODEL)
        load_pipeline()  # model loading is not part of either figure
        db = scratch / "facts.db"
        bare_times, load_times = [], []
        load_cores = []   # CPU seconds per second: above 1 where the parse thread overlaps the rest
        for _ in range(max(1, args.rounds)):
            bare_times.append(timed(lambda: sum(1 for _ in bare.pipe(texts, batch_size=32)))[0])
            cpu = cpu_seconds()
            seconds, summary = timed(pipeline.run, [corpus], db, rebuild=True)
            load_cores.append((cpu_seconds() - cpu) / seconds)
            assert not summary.skipped, summary.skipped[:3]
            load_times.append(seconds)
        bare_seconds, load_seconds = min(bare_times), min(load_times)
        print(f"bare nlp.pipe ({DEFAULT_MODEL}): {bare_seconds:7.1f} s  {words / bare_seconds:8.0f} words/s"
              f"  (rounds: {', '.join(f'{t:.1f}' for t in bare_times)})")
        print(f"full load (pipeline.run):       {load_seconds:7.1f} s  {words / load_seconds:8.0f} words/s"
              f"  (rounds: {', '.join(f'{t:.1f}' for t in load_times)})")
        print(f"ratio full load / bare model:   {load_seconds / bare_seconds:7.2f}x the time "
              f"= {bare_seconds / load_seconds:.2f} of the model's speed (target >= 0.85)")

        reload_seconds, again = timed(pipeline.run, [corpus], db)
        assert not again.loaded and len(again.unchanged) == len(texts)
        print(f"reload of the unchanged corpus: {reload_seconds:7.2f} s  "
              f"= {100 * reload_seconds / load_seconds:.1f}% of the first load")

        if args.small:
            small = scratch / "small"
            make_corpus.build(small, args.small, seed=60)
            small_words = sum(len(text.split()) for text in texts_of(small))
            bare_small, load_small = [], []
            for _ in range(max(1, args.rounds)):
                bare_small.append(fresh_seconds("bare", small, scratch / "small.db"))
                load_small.append(fresh_seconds("load", small, scratch / "small.db"))
            print(f"small load, fresh processes ({args.small} articles, {small_words} words): bare "
                  f"{min(bare_small):.1f} s, full load {min(load_small):.1f} s = "
                  f"{min(bare_small) / min(load_small):.2f} of the model's speed (target >= 0.85; rounds: bare "
                  f"{', '.join(f'{t:.1f}' for t in bare_small)}, load {', '.join(f'{t:.1f}' for t in load_small)})")

        if args.workers > 1:
            parallel_times, parallel_cores = [], []
            for _ in range(max(1, args.rounds)):
                cpu = cpu_seconds()
                seconds, parallel = timed(pipeline.run, [corpus], scratch / "parallel.db", rebuild=True,
                                          workers=args.workers)
                parallel_cores.append((cpu_seconds() - cpu) / seconds)
                assert parallel.loaded == summary.loaded
                parallel_times.append(seconds)
            parallel_seconds = min(parallel_times)
            one_process = max(load_cores)
            print(f"--workers {args.workers}: {parallel_seconds:7.1f} s  {words / parallel_seconds:8.0f} words/s  "
                  f"speedup {load_seconds / parallel_seconds:.2f}x over 1 process (incl. worker start-up; rounds: "
                  f"{', '.join(f'{t:.1f}' for t in parallel_times)})")
            print(f"  cores busy: one process {one_process:.2f} (its parse thread), --workers {args.workers} "
                  f"{max(parallel_cores):.2f}; with the same CPU work, {os.cpu_count()} cores allow at most "
                  f"{min(args.workers, os.cpu_count()) / one_process:.2f}x")

        if args.profile:
            profiler = cProfile.Profile()
            profiler.enable()
            pipeline.run([corpus], scratch / "profile.db", rebuild=True)
            profiler.disable()
            out = io.StringIO()
            pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(35)
            print(out.getvalue())

        base = args.articles if args.rss_articles is None else args.rss_articles
        for factor in (1, 10) if base else ():
            folder = scratch / f"rss{factor}"
            make_corpus.build(folder, base * factor)
            started = time.perf_counter()
            rss = peak_rss_mb(folder, scratch / f"rss{factor}.db")
            print(f"peak RSS of a load of {base * factor:6d} articles ({factor:2d}x): {rss:7.0f} MB "
                  f"({time.perf_counter() - started:.0f} s)")


if __name__ == "__main__":
    main()
