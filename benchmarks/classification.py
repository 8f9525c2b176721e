"""Accuracy and speed of the populism and economy classifiers (hand-run; asserts nothing).

    .venv/bin/python benchmarks/classification.py [--data DIR] [--sweep]

Reads classification/populism-nccr-uk-dev.csv and classification/economy-bbc.csv from
the evaluation data directory: ``--data``, else ``$NEWSKIT_DATA``, else
``../shared/data`` beside the repository. The data stays there: its licences forbid
copying it into the project. Each classifier runs through its registered
:class:`newskit.Classifier` component; the script prints precision, recall and F1 of
the label, the published anchors, and articles per second (classification only, one
process). ``--sweep`` adds F1 at other thresholds, computed from the same scores.
"""

from __future__ import annotations

import argparse
import csv
import sys
import time
from collections.abc import Iterable, Sequence
from pathlib import Path

from _common import find_data

import newskit
import newskit.evaluate
import newskit_economy
import newskit_populism

# Dimension categories and the data columns coded for them.
DIMENSIONS = {
    "populism": (
        ("anti-elitism", "anti_elite"),
        ("people-centrism", "people_centrism"),
        ("popular-sovereignty", "sovereignty"),
    ),
}
SWEEP = (0.1, 0.15, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8)

# (classifier, data file, published anchors on that file, from the data README)
RUNS = (
    (
        "populism",
        "classification/populism-nccr-uk-dev.csv",
        "Rooduijn & Pauwels dictionary F1 0.33; TF-IDF + logistic regression 0.34",
    ),
    (
        "economy",
        "classification/economy-bbc.csv",
        "EPU terms F1 0.48; best Lexicoder rule 0.64; TF-IDF + logistic regression 0.97",
    ),
)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, help="evaluation data directory")
    parser.add_argument("--sweep", action="store_true", help="also print F1 by threshold")
    args = parser.parse_args(argv)
    data = find_data(args.data)

    pm = newskit.PluginManager(entry_points=False)
    pm.register(newskit_populism, name="populism")
    pm.register(newskit_economy, name="economy")

    for name, relpath, anchors in RUNS:
        path = data / relpath
        if not path.is_file():
            sys.exit(f"error: {path} not found; is {data} the newskit evaluation data?")
        articles, gold, columns = read_csv(path)
        classifier = pm.classifiers[name]
        start = time.perf_counter()
        outputs = [list(classifier.classify(a)) for a in articles]
        elapsed = time.perf_counter() - start
        results = [_one(found, name) for found in outputs]
        labels = [c.label is True for c in results]
        scores = [c.score or 0.0 for c in results]

        print(f"{name}: {relpath} ({len(gold)} articles, {sum(gold)} positive)")
        p, r, f = prf(labels, gold)
        print(f"  label    precision {p:.3f}  recall {r:.3f}  F1 {f:.3f}")
        print(f"  calibration error (10 bins) {ece(scores, gold):.3f}")
        for category, column in DIMENSIONS.get(name, ()):
            if column in columns:
                dim = [_named(found, category) for found in outputs]
                p, r, f = prf([c is not None and c.label is True for c in dim], columns[column])
                print(f"  {category:<20} vs {column:<16} P {p:.3f}  R {r:.3f}  F1 {f:.3f}")
        print(f"  speed    {len(articles) / elapsed:,.0f} articles/s ({elapsed:.2f} s)")
        print(f"  anchors  {anchors}")
        if args.sweep:
            for threshold in SWEEP:
                p, r, f = prf([s >= threshold for s in scores], gold)
                print(f"  score >= {threshold:<6} P {p:.3f}  R {r:.3f}  F1 {f:.3f}")
        print()
    return 0


def read_csv(path: Path) -> tuple[list[newskit.Article], list[bool], dict[str, list[bool]]]:
    """Articles (``id``, ``text``), gold labels (``label`` == "1"), and every other 0/1
    column (the populism dimensions) from a CSV file."""
    csv.field_size_limit(1 << 30)
    articles, gold = [], []
    columns: dict[str, list[bool]] = {}
    with path.open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            articles.append(newskit.Article(id=row["id"], text=row["text"]))
            gold.append(row["label"].strip() == "1")
            for key, value in row.items():
                if key not in ("id", "text", "label") and value.strip() in ("0", "1"):
                    columns.setdefault(key, []).append(value.strip() == "1")
    return articles, gold, columns


def ece(scores: Sequence[float], gold: Sequence[bool], bins: int = 10) -> float:
    """Expected calibration error: the mean gap between score and observed rate."""
    total = 0.0
    for b in range(bins):
        inside = [
            (s, g)
            for s, g in zip(scores, gold, strict=True)
            if b / bins <= s < (b + 1) / bins or (b == bins - 1 and s == 1)
        ]
        if inside:
            mean = sum(s for s, _ in inside) / len(inside)
            rate = sum(g for _, g in inside) / len(inside)
            total += len(inside) * abs(mean - rate)
    return total / len(scores) if scores else 0.0


def _named(categories: Iterable[newskit.Category], name: str) -> newskit.Category | None:
    return next((c for c in categories if c.name == name), None)


def prf(predicted: Sequence[bool], gold: Sequence[bool]) -> tuple[float, float, float]:
    tp = sum(p and g for p, g in zip(predicted, gold, strict=True))
    fp = sum(p and not g for p, g in zip(predicted, gold, strict=True))
    fn = sum(g and not p for p, g in zip(predicted, gold, strict=True))
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def _one(categories: Iterable[newskit.Category], name: str) -> newskit.Category:
    found = [c for c in categories if c.name == name]
    if len(found) != 1:
        sys.exit(f"error: classifier {name!r} returned {len(found)} {name!r} categories, not 1")
    return found[0]


if __name__ == "__main__":
    sys.exit(main())
