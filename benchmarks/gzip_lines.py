"""Does a gzip-compressed JSON-lines file read as fast as the plain one?

    .venv/bin/python benchmarks/gzip_lines.py --records 5000            # the reader alone
    .venv/bin/python benchmarks/gzip_lines.py --records 5000 --load     # and a full load of each
    .venv/bin/python benchmarks/gzip_lines.py --records 300 --naive     # and the reopen-and-seek way

Writes one ``.jsonl`` of ``--records`` short articles (as record_streaming.py does) and
the same bytes as ``.jsonl.gz``, then times, for each, planning and reading every record
as a load does (``reader.sources`` then ``reader.read_source`` per record: no model).
A record of a ``.gz`` is read through a handle kept open per file, which reads forward
to the next record; ``--naive`` also times opening the stream and seeking for every
record (a gzip seek decompresses from the start: quadratic in the file's size).
``--load`` also times ``python -m load FILE --rebuild`` on each (model, extraction, writing).
"""
from __future__ import annotations

import argparse
import gzip
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from record_streaming import write_jsonl  # noqa: E402

from load.reader import read_source, sources  # noqa: E402
from load.reader.jsonlines import MAX_LINE_BYTES  # noqa: E402


def read_all(path: Path) -> tuple[float, int]:
    start = time.perf_counter()
    characters = sum(len(read_source(source).text) for source in sources(path))
    return time.perf_counter() - start, characters


def read_naive(path: Path) -> float:
    """Every record through a fresh stream and a seek to its offset."""
    start = time.perf_counter()
    for source in sources(path):
        with gzip.open(path, "rb") as stream:
            stream.seek(source.offset)
            stream.readline(MAX_LINE_BYTES + 1)
    return time.perf_counter() - start


def full_load(path: Path, db: Path) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "load", str(path), "--db", str(db), "--rebuild", "-q"], cwd=ROOT,
                   check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--records", type=int, default=5000)
    parser.add_argument("--load", action="store_true", help="also time a full load of each file")
    parser.add_argument("--naive", action="store_true", help="also time reopening and seeking per record")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="gzip-lines-"))
    try:
        plain = folder / "news.jsonl"
        write_jsonl(plain, args.records)
        packed = folder / "news.jsonl.gz"
        with open(plain, "rb") as source, gzip.open(packed, "wb") as out:
            shutil.copyfileobj(source, out)
        print(f"{args.records:,} records: .jsonl {plain.stat().st_size:,} bytes, "
              f".jsonl.gz {packed.stat().st_size:,} bytes")
        read_all(plain)  # imports and caches warmed up
        (plain_time, plain_chars), (packed_time, packed_chars) = read_all(plain), read_all(packed)
        assert plain_chars == packed_chars, (plain_chars, packed_chars)
        print(f"plan + read every record: .jsonl {plain_time:.2f} s, .jsonl.gz {packed_time:.2f} s "
              f"({packed_time / plain_time:.2f}x)")
        if args.naive:
            print(f"  .jsonl.gz reopened and sought per record: {read_naive(packed):.2f} s")
        if args.load:
            plain_load, packed_load = full_load(plain, folder / "plain.db"), full_load(packed, folder / "packed.db")
            print(f"python -m load --rebuild: .jsonl {plain_load:.1f} s, .jsonl.gz {packed_load:.1f} s "
                  f"({packed_load / plain_load:.2f}x)")
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
