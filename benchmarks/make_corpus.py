"""Build a benchmark corpus of N articles from the five seeds in seeds/.

Each article is a seed with names, numbers, months, weekdays and cities swapped
from the lists below (a seeded random generator, so the same N and seed give the
same files), so content hashes differ and the extractors meet realistic text:
people, titles, meetings, dates, figures and casualty counts all still occur.

    .venv/bin/python benchmarks/make_corpus.py OUT_DIR --articles 1000 [--seed 8]
"""
from __future__ import annotations

import argparse
import random
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"

# Surnames and given names in the seeds -> replacements. Surnames are swapped
# consistently inside one article so coreference ("Zarif ... Zarif's") survives.
SURNAMES = ["Zarif", "Qureshi", "Bajwa", "Rouhani", "Baqeri", "Khan", "Saeed", "Jalilov"]
NEW_SURNAMES = [
    "Ahmadi", "Rahimi", "Hosseini", "Karimi", "Siddiqui", "Chaudhry", "Malik", "Farooqi", "Tehrani",
    "Abbasi", "Nazari", "Shirazi", "Butt", "Mirza", "Qadri", "Haider", "Rezaei", "Sadeghi", "Yusufzai",
    "Durrani", "Kazmi", "Niazi", "Jafari", "Mousavi", "Akbari", "Hashmi", "Bhatti", "Sharif", "Javadi",
    "Moradi", "Soltani", "Ansari", "Gilani", "Raza", "Zaidi", "Najafi",
]
GIVEN_NAMES = ["Mohammad", "Muhammad", "Javad", "Qamar", "Shah", "Mehmood", "Hassan", "Imran", "Hossein", "Orkhan"]
NEW_GIVEN_NAMES = [
    "Ali", "Reza", "Ahmad", "Hamid", "Tariq", "Asif", "Nadeem", "Bilal", "Farhad", "Kamran", "Saeed",
    "Abbas", "Omar", "Yasir", "Mehdi", "Karim", "Faisal", "Javed", "Usman", "Arif", "Majid", "Naveed",
]
CITIES = ["Rawalpindi", "Islamabad", "Tehran", "Kabul", "Lahore", "Karachi", "Mashhad", "Quetta", "Peshawar"]
NEW_CITIES = ["Lahore", "Karachi", "Mashhad", "Quetta", "Peshawar", "Isfahan", "Shiraz", "Multan", "Tabriz",
              "Rawalpindi", "Islamabad", "Tehran", "Kabul", "Faisalabad", "Zahedan"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def _word_pattern(words: list[str]) -> re.Pattern:
    return re.compile(r"\b(" + "|".join(sorted(map(re.escape, words), key=len, reverse=True)) + r")\b")


SURNAME_RE = _word_pattern(SURNAMES)
GIVEN_RE = _word_pattern(GIVEN_NAMES)
CITY_RE = _word_pattern(CITIES)
MONTH_RE = _word_pattern(MONTHS)
WEEKDAY_RE = _word_pattern(WEEKDAYS)
YEAR_RE = re.compile(r"\b(20[12]\d)\b")
# Small numbers (counts, days, amounts), whole: never the first digits of a year or of "2,775".
NUMBER_RE = re.compile(r"(?<![\d.,])(\d{1,3})(?!\d|[.,]\d)")


def vary(text: str, rng: random.Random) -> str:
    """One variation of a seed's text."""
    surnames = dict(zip(SURNAMES, rng.sample(NEW_SURNAMES, len(SURNAMES))))
    given = dict(zip(GIVEN_NAMES, rng.sample(NEW_GIVEN_NAMES, len(GIVEN_NAMES))))
    cities = dict(zip(CITIES, rng.sample(NEW_CITIES, len(CITIES))))
    shift = rng.randrange(12)
    months = {m: MONTHS[(i + shift) % 12] for i, m in enumerate(MONTHS)}
    day_shift = rng.randrange(7)
    weekdays = {d: WEEKDAYS[(i + day_shift) % 7] for i, d in enumerate(WEEKDAYS)}
    year_shift = rng.randrange(-4, 3)

    text = SURNAME_RE.sub(lambda m: surnames[m.group(1)], text)
    text = GIVEN_RE.sub(lambda m: given[m.group(1)], text)
    # Upper-case datelines ("ISLAMABAD:") follow the city swap.
    text = re.sub(r"\b(" + "|".join(c.upper() for c in CITIES) + r")\b",
                  lambda m: cities[m.group(1).title()].upper(), text)
    text = CITY_RE.sub(lambda m: cities[m.group(1)], text)
    text = MONTH_RE.sub(lambda m: months[m.group(1)], text)
    text = WEEKDAY_RE.sub(lambda m: weekdays[m.group(1)], text)
    text = YEAR_RE.sub(lambda m: str(int(m.group(1)) + year_shift), text)

    def number(match: re.Match) -> str:
        value = int(match.group(1))
        if value <= 1:
            return match.group(1)
        if value <= 28:  # days of the month, small counts: stay valid as a day
            return str(rng.randint(2, 28))
        return str(max(2, int(value * rng.uniform(0.5, 1.8))))

    return NUMBER_RE.sub(number, text)


def build(out: Path, articles: int = 1000, seed: int = 8, per_folder: int = 250) -> list[Path]:
    """Write ``articles`` files under ``out`` (in sub-folders of ``per_folder``); return their paths."""
    seeds = sorted(SEEDS.glob("*.txt"))
    texts = [path.read_text(encoding="utf-8") for path in seeds]
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for i in range(articles):
        source = i % len(texts)
        # The first copy of each seed is the seed itself; the rest are variations.
        text = texts[source] if i < len(texts) else vary(texts[source], rng)
        folder = out / f"part{i // per_folder:03d}"
        folder.mkdir(exist_ok=True)
        path = folder / f"{i:06d}_{seeds[source].stem.split('_')[0]}.txt"
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out", type=Path)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=8)
    args = parser.parse_args()
    paths = build(args.out, args.articles, args.seed)
    words = sum(len(p.read_text(encoding="utf-8").split()) for p in paths)
    print(f"{len(paths)} articles, {words} words in {args.out}")


if __name__ == "__main__":
    main()
