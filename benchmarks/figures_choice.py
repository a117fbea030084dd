#!/usr/bin/env python3
"""Which figure extractor: quantulum3, spaCy's entities, or load.figures (Matcher + parse)?

    .venv/bin/python benchmarks/figures_choice.py [--seeds seeds] [--gold ../shared/gold]

For each method: cost per article in ms on top of the spaCy pipeline (the
parse is shared and timed on its own), and precision/recall/F1 of (value, unit)
against the gold figures, matched the way ../shared/eval/score.py matches them
(value within 0.5 %, same unit, lengths compared in km). A second table counts
how many of a few news-style sentences (written for this benchmark, one unit
pattern each) each method reads right, since the seeds only hold lengths.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from load import figure_reading, figures  # noqa: E402
from load.nlp import load_pipeline  # noqa: E402

# Sentences in news style with the one figure each should yield (value, unit).
PATTERNS = [
    ("The 1,200-kilometre highway will link the two provinces.", 1200, "km"),
    ("The canal runs 450 kilometers (280 miles) through the desert.", 450, "km"),
    ("Work has begun on its 300 km (186 mi) stretch.", 300, "km"),
    ("Smugglers use the 600km frontier.", 600, "km"),
    ("The dam is about 40 km from the city.", 40, "km"),
    ("The loan is worth $3.2 billion.", 3.2e9, "USD"),
    ("The province was allotted Rs45bn.", 4.5e10, "PKR"),
    ("The assembly passed a budget of Rs 2.4 trillion.", 2.4e12, "PKR"),
    ("The station will add 660 MW to the grid.", 660, "MW"),
    ("The terminal can handle 4.5 bcm a year.", 4.5, "bcm"),
    ("The field will supply 300 mmcfd from next year.", 300, "mmcfd"),
    ("Exports fell 12 percent in the quarter.", 12, "%"),
    ("Turnout was 52% in the capital.", 52, "%"),
    ("The refinery will process 250,000 barrels per day.", 250000, "bpd"),
    ("The port handled 6 million tonnes of cargo.", 6e6, "t"),
    ("The club paid €15m for the striker.", 1.5e7, "EUR"),
    ("The fire destroyed 12 square kilometres of forest.", 12, "km2"),
]


def load_scorer(path: Path):
    spec = importlib.util.spec_from_file_location("score", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def same(score, value, unit, gold_value, gold_unit) -> bool:
    u, gu = score.unit_key(unit), score.unit_key(gold_unit)
    if u == gu and score.close(value, float(gold_value)):
        return True
    return (u in score.TO_KM and gu in score.TO_KM
            and score.close(value * score.TO_KM[u], float(gold_value) * score.TO_KM[gu], 0.01))


# --- the methods: each maps (text, doc) to [(value, unit, subject)] -------------------

# quantulum3's unit names that score.py's unit table does not spell; mapped so
# that quantulum3 is not charged for naming a unit differently.
QUANTULUM_UNITS = {"barrel per day": "bpd", "square kilometre": "km2", "square mile": "mi2"}


def by_quantulum(text, doc):
    from quantulum3 import parser
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        quantities = parser.parse(text)
    return [(q.value, QUANTULUM_UNITS.get(q.unit.name, q.unit.name), None) for q in quantities]


def by_quantulum_with_units(text, doc):
    """quantulum3, keeping only quantities that carry a unit that is not time."""
    return [(v, u, s) for v, u, s in by_quantulum(text, doc) if u != "dimensionless"
            and u not in ("day", "month", "year", "week", "hour", "minute", "second")]


def by_entities(text, doc):
    """spaCy's QUANTITY/MONEY/PERCENT entities, read with load.figures' reader."""
    out = []
    for ent in doc.ents:
        if ent.label_ not in ("QUANTITY", "MONEY", "PERCENT"):
            continue
        # Drop a leading qualifier ("about 72 km"): the reader starts at the number.
        start = ent.start
        while start < ent.end and not (figure_reading.number(doc[start]) or doc[start].lower_ in ("$", "rs", "€", "£")):
            start += 1
        q = figure_reading.read(doc[start:ent.end]) if start < ent.end else None
        if q is not None:
            out.append((q.value, q.key, None))
    return out


def by_module(text, doc):
    found = figures.extract(doc, None)
    return [(f.value, f.unit, f.subject) for f in found] + \
           [(f.also_value, f.also_unit, f.subject) for f in found if f.also_unit]


METHODS = {
    "quantulum3 (all quantities)": by_quantulum,
    "quantulum3 (with a unit, not time)": by_quantulum_with_units,
    "spaCy QUANTITY/MONEY/PERCENT": by_entities,
    "load.figures (Matcher + parse)": by_module,
}


def evaluate(score, found, gold):
    """tp/fp/fn like score.py: a found figure matches a gold figure or one of its
    bracketed conversions; several hits on one gold figure count once."""
    used, fp, subjects = set(), 0, 0
    for value, unit, subject in found:
        match = None
        for i, g in enumerate(gold):
            forms = [(g["value"], g["unit"])] + [tuple(a) for a in g.get("also", [])]
            if any(same(score, value, unit, gv, gu) for gv, gu in forms):
                match = i
                break
        if match is None:
            fp += 1
        elif match not in used:
            used.add(match)
            folded = score.fold(subject or "")
            if subject and len(folded.split()) <= 10 and any(score.fold(k) in folded for k in gold[match]["about"]):
                subjects += 1
    return len(used), fp, len(gold) - len(used), subjects


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seeds", type=Path, default=ROOT / "seeds")
    ap.add_argument("--gold", type=Path, default=ROOT.parent / "shared" / "gold")
    ap.add_argument("--scorer", type=Path, default=ROOT.parent / "shared" / "eval" / "score.py")
    ap.add_argument("--repeat", type=int, default=20)
    ap.add_argument("--explain", action="store_true", help="list the pattern sentences each method misses")
    a = ap.parse_args()
    score = load_scorer(a.scorer)
    nlp = load_pipeline()

    articles = []
    parse_ms = []
    for path in sorted(a.seeds.glob("*.txt")):
        text = path.read_text()
        t = time.perf_counter()
        doc = nlp(text)
        parse_ms.append((time.perf_counter() - t) * 1000)
        gold_path = a.gold / (path.stem + ".json")
        gold = json.loads(gold_path.read_text())["figures"] if gold_path.exists() else []
        articles.append((text, doc, gold))
    print(f"spaCy pipeline itself: {sum(parse_ms) / len(parse_ms):.0f} ms/article ({len(articles)} articles)\n")

    t = time.perf_counter()
    by_quantulum("warm up 5 km", None)  # quantulum3 loads its tables and classifier on first use
    print(f"quantulum3 first call (loading): {(time.perf_counter() - t) * 1000:.0f} ms\n")

    print(f"{'method':<36} {'ms/art':>7} {'P':>5} {'R':>5} {'F1':>5}  tp fp fn  subject  patterns")
    for name, method in METHODS.items():
        tp = fp = fn = subj = 0
        t = time.perf_counter()
        for _ in range(a.repeat):
            for text, doc, _gold in articles:
                method(text, doc)
        ms = (time.perf_counter() - t) * 1000 / (a.repeat * len(articles))
        for text, doc, gold in articles:
            x = evaluate(score, method(text, doc), gold)
            tp, fp, fn, subj = tp + x[0], fp + x[1], fn + x[2], subj + x[3]
        p = tp / (tp + fp) if tp + fp else 1.0
        r = tp / (tp + fn) if tp + fn else 1.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        right, missed = 0, []
        for sentence, value, unit in PATTERNS:
            found = method(sentence, nlp(sentence))
            ok = any(same(score, v, u, value, unit) for v, u, _ in found)
            right += ok
            if not ok:
                missed.append(f"    {sentence!r}: got {[(v, u) for v, u, _ in found]}")
        subject = f"{subj}/{tp}" if name.startswith("load.") else "-"
        print(f"{name:<36} {ms:7.2f} {p:5.2f} {r:5.2f} {f1:5.2f} {tp:3d} {fp:2d} {fn:2d}  {subject:>7}  {right}/{len(PATTERNS)}")
        if a.explain:
            print("\n".join(missed))


if __name__ == "__main__":
    main()
