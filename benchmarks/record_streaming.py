"""Does a big JSON-lines or WARC file stream? Peak memory of reading and of loading it.

    .venv/bin/python benchmarks/record_streaming.py --records 10000 [--small 1000] [--format jsonl|warc]
    .venv/bin/python benchmarks/record_streaming.py --records 300 --small 30 --read-only   # a quick check

Builds one file of ``--records`` short articles (the seeds' first paragraphs varied by
make_corpus.py: names, cities, numbers) and one of ``--small`` records, then prints, for
each, the peak RSS of a process that only plans and reads every record (``reader.sources``
and ``reader.read_source``: no model) and, unless ``--read-only``, of a full
``python -m load FILE`` (model, extraction, writing, resolution), with its records per second.
Flat memory: the big file's peak is close to the small one's.
"""
from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
import time
from io import BytesIO
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import make_corpus  # noqa: E402

RSS_CHILD = ("import resource, subprocess, sys; subprocess.run(sys.argv[1:], check=False, "
             "stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL); "
             "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
READ_ONLY = ("import sys; from pathlib import Path; from load.reader import sources, read_source; "
             "print(sum(len(read_source(s).text) for s in sources(Path(sys.argv[1]))))")


def articles(count: int, seed: int = 8):
    """(title, text) of ``count`` short articles: a seed's opening paragraphs, varied."""
    rng = random.Random(seed)
    openings = []
    for path in sorted(make_corpus.SEEDS.glob("*.txt")):
        paragraphs = [p for p in path.read_text(encoding="utf-8").split("\n\n") if len(p.split()) > 12]
        openings.append("\n\n".join(paragraphs[:2]))
    for number in range(count):
        text = make_corpus.vary(openings[number % len(openings)], rng)
        yield f"Story {number}: {' '.join(text.split()[:6])}", text


def write_jsonl(path: Path, count: int) -> None:
    with open(path, "w", encoding="utf-8") as out:
        for title, text in articles(count):
            out.write(json.dumps({"title": title, "maintext": text, "date_publish": "2019-11-20 09:00:00"}) + "\n")


def write_warc(path: Path, count: int) -> None:
    from html import escape

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as out:
        writer = WARCWriter(out, gzip=True)
        for number, (title, text) in enumerate(articles(count)):
            body = "".join(f"<p>{escape(p)}</p>" for p in text.split("\n\n"))
            html = (f"<html lang='en'><head><title>{escape(title)}</title><meta property='article:published_time' "
                    f"content='2019-11-20'></head><body><article><h1>{escape(title)}</h1>{body}</article></body></html>")
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(
                f"https://news.example.org/{number}", "response", payload=BytesIO(html.encode()), http_headers=headers))


def peak_rss_mb(command: list[str]) -> float:
    output = subprocess.run([sys.executable, "-c", RSS_CHILD, *command], cwd=ROOT, capture_output=True, text=True,
                            check=True).stdout
    return int(output.split()[-1]) / 1024  # Linux reports KiB


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--records", type=int, default=10_000)
    parser.add_argument("--small", type=int, default=None, help="records of the small file (default: a tenth)")
    parser.add_argument("--format", choices=("jsonl", "warc"), default="jsonl")
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--read-only", action="store_true", help="skip the full loads (no model)")
    args = parser.parse_args()
    small = args.small or max(1, args.records // 10)
    with tempfile.TemporaryDirectory(prefix="newsfacts-records-") as scratch:
        scratch = Path(scratch)
        for count in (small, args.records):
            path = scratch / f"records{count}.{'jsonl' if args.format == 'jsonl' else 'warc.gz'}"
            (write_jsonl if args.format == "jsonl" else write_warc)(path, count)
            size = path.stat().st_size / 1e6
            read_rss = peak_rss_mb([sys.executable, "-c", READ_ONLY, str(path)])
            line = f"{args.format} {count:6d} records ({size:6.1f} MB): read-only peak RSS {read_rss:6.0f} MB"
            if not args.read_only:
                started = time.perf_counter()
                rss = peak_rss_mb([sys.executable, "-m", "load", str(path), "--db", str(scratch / f"{count}.db"),
                                   "--rebuild", "-q", "--workers", str(args.workers)])
                seconds = time.perf_counter() - started
                line += f"; full load peak RSS {rss:6.0f} MB, {count / seconds:5.1f} records/s ({seconds:.0f} s)"
            print(line, flush=True)


if __name__ == "__main__":
    main()
