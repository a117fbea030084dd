"""HTML reading: body-extraction F1 on ../shared/html-dev and pages per second.

    .venv/bin/python benchmarks/html_reading.py              # the reader as configured: F1 and pages/s
    .venv/bin/python benchmarks/html_reading.py --options    # also every trafilatura option measured
    .venv/bin/python benchmarks/html_reading.py --limit 5    # a quick check that the script works

The F1 is the public article-extraction benchmark's (``../shared/eval/body_f1.py``:
4-word shingles, each page weighted the same) over what the loader stores as each
document's text (``documents.text``). ``--options`` prints, for each set of
trafilatura options, the F1 of trafilatura's own output and of the same output
after the reader's ``clean_body``: the evidence for ``html.EXTRACTION``. Pages per
second is the HTML reader alone (trafilatura, htmldate, metadata, cleaning), the
fastest of ``--rounds`` passes over the pages, one process.

The pages are read from ../shared/html-dev (never copied into the repository).
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
HTML_DEV = ROOT.parent / "shared" / "html-dev"
EVAL = ROOT.parent / "shared" / "eval"

OPTION_SETS = [
    {},                                                     # trafilatura's defaults
    {"favor_precision": True},
    {"favor_recall": True},
    {"include_comments": False},
    {"include_comments": False, "favor_precision": True},
    {"include_comments": False, "favor_recall": True},
    {"include_comments": False, "fast": True},
    {"include_comments": False, "favor_precision": True, "fast": True},
    {"include_comments": False, "favor_recall": True, "fast": True},
    {"include_comments": False, "favor_recall": True, "fast": True, "include_tables": False},
]


def load_truth(limit: int | None = None) -> dict:
    truth = json.loads((HTML_DEV / "truth.json").read_text(encoding="utf-8"))
    keys = sorted(truth)[:limit] if limit else sorted(truth)
    return {key: truth[key] for key in keys}


def body_score(truth: dict, predicted: dict) -> tuple[float, float, float]:
    sys.path.insert(0, str(EVAL))
    from body_f1 import score

    f1, precision, recall, _ = score(truth, predicted)
    return f1, precision, recall


def read_pages(truth: dict) -> tuple[dict, float]:
    """page id -> {"articleBody": stored text}, and the seconds the reader took."""
    from load.reader import SkipFile, read_article

    predicted = {}
    started = time.perf_counter()
    for key in truth:
        try:
            predicted[key] = {"articleBody": read_article(HTML_DEV / "pages" / f"{key}.html").text}
        except SkipFile:
            predicted[key] = {"articleBody": ""}
    return predicted, time.perf_counter() - started


def measure_options(truth: dict) -> None:
    import trafilatura

    from load.reader import normalize_text
    from load.reader.html import clean_body

    print(f"{'trafilatura options':72} {'raw F1':>7} {'cleaned':>8}")
    for options in OPTION_SETS:
        raw, cleaned = {}, {}
        for key in truth:
            html = (HTML_DEV / "pages" / f"{key}.html").read_bytes()
            text = trafilatura.extract(html, **options) or ""  # what a user of trafilatura gets
            raw[key] = {"articleBody": text}
            title = trafilatura.extract_metadata(html).title
            cleaned[key] = {"articleBody": clean_body(normalize_text(text), title and normalize_text(title),
                                                      truth[key].get("url"))}
        label = ", ".join(f"{k}={v}" for k, v in options.items()) or "defaults"
        print(f"{label:72} {body_score(truth, raw)[0]:7.3f} {body_score(truth, cleaned)[0]:8.3f}", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--limit", type=int, default=None, help="only the first N pages")
    parser.add_argument("--rounds", type=int, default=2, help="passes for pages/s (the fastest counts)")
    parser.add_argument("--options", action="store_true", help="also measure every trafilatura option set")
    parser.add_argument("--write", type=Path, default=None, help="write predicted.json here")
    args = parser.parse_args()
    if not (HTML_DEV / "truth.json").exists():
        sys.exit(f"{HTML_DEV} is missing: the benchmark reads the pages from there")
    truth = load_truth(args.limit)
    if args.options:
        measure_options(truth)
    best = None
    for _ in range(max(1, args.rounds)):
        predicted, seconds = read_pages(truth)
        best = seconds if best is None else min(best, seconds)
    if args.write:
        args.write.write_text(json.dumps(predicted, ensure_ascii=False), encoding="utf-8")
    f1, precision, recall = body_score(truth, predicted)
    print(f"HTML reader: BODY f1={f1:.3f} precision={precision:.3f} recall={recall:.3f} pages={len(truth)}")
    print(f"HTML reading: {len(truth) / best:.1f} pages/s ({best / len(truth) * 1000:.0f} ms a page, one process)")


if __name__ == "__main__":
    main()
