"""Accuracy and speed of the ``cited-sources`` cleaner (hand-run; asserts nothing).

    .venv/bin/python benchmarks/attribution.py [--data DIR] [--no-speed]

Accuracy: runs the registered ``cited-sources`` cleaner on each sentence of the
hand-written set tests/fixtures/attribution/sentences.jsonl (in the repository) and
compares the sources found with the expected ones, as (sentence, name, kind) triples:
precision, recall and F1 micro-averaged over them, overall and per kind, then every
miss and every false alarm. Names compare without a leading "The" and case.

Speed: articles per second of ``cited-sources`` alone and of the whole default
cleaner chain over the page-text dumps pagetext/aeb/text/*.txt of the evaluation data
directory (``--data``, else ``$NEWSKIT_DATA``, else ``../shared/data``), warm, best
of three runs, one process. The dumps stay there: they are not the project's to copy.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from _common import find_data

import newskit
from newskit.readers.text import article_from_text

SET = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "attribution" / "sentences.jsonl"
DUMPS = "pagetext/aeb/text"

Triple = tuple[int, str, str]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, help="evaluation data directory")
    parser.add_argument("--no-speed", action="store_true", help="skip the speed runs")
    args = parser.parse_args(argv)

    rows = [json.loads(line) for line in SET.read_text(encoding="utf-8").splitlines() if line]
    cleaner = newskit.Pipeline.configure(
        cleaners=["cited-sources"], summarizer=None, classifiers=[]
    )
    gold: set[Triple] = set()
    found: set[Triple] = set()
    for i, row in enumerate(rows):
        gold |= {(i, _key(e["name"]), e["kind"]) for e in row["expected"]}
        article = cleaner.run(newskit.Article(id=str(i), text=row["text"]))
        found |= {(i, _key(s.name), s.kind) for s in article.cited_sources}

    negatives = sum(1 for row in rows if not row["expected"])
    print(f"attribution set: {len(rows)} sentences, {negatives} of them without a source;", end="")
    print(f" {len(gold)} expected sources")
    print(f"  {'':<14}{'P':>7}{'R':>7}{'F1':>7}{'gold':>6}{'found':>7}")
    _line("overall", gold, found)
    for kind in sorted({k for _, _, k in gold | found}):
        _line(kind, {t for t in gold if t[2] == kind}, {t for t in found if t[2] == kind})
    for title, triples in (("misses", gold - found), ("false alarms", found - gold)):
        print(f"\n{title} ({len(triples)}):")
        for i, name, kind in sorted(triples):
            print(f"  [{i}] {name} ({kind}): {rows[i]['text']}")

    if not args.no_speed:
        print()
        speed(find_data(args.data) / DUMPS)
    return 0


def _key(name: str) -> str:
    name = name.strip()
    return (name[4:] if name.lower().startswith("the ") else name).casefold()


def _line(label: str, gold: set[Triple], found: set[Triple]) -> None:
    tp = len(gold & found)
    p = tp / len(found) if found else 0.0
    r = tp / len(gold) if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    print(f"  {label:<14}{p:>7.3f}{r:>7.3f}{f:>7.3f}{len(gold):>6}{len(found):>7}")


def speed(directory: Path) -> None:
    files = sorted(directory.glob("*.txt"))
    if not files:
        sys.exit(f"error: no page-text dumps in {directory}")
    articles = [
        article_from_text(f.read_text(encoding="utf-8"), id=str(i)) for i, f in enumerate(files)
    ]
    print(f"speed over {len(files)} page-text dumps ({directory}), warm, best of 3:")
    for label, cleaners in (("cited-sources", ["cited-sources"]), ("default cleaners", None)):
        pipeline = newskit.Pipeline.configure(cleaners=cleaners, summarizer=None, classifiers=[])
        kinds: Counter[str] = Counter()
        for article in articles:
            kinds.update(s.kind for s in pipeline.run(article).cited_sources)
        best = float("inf")
        for _ in range(3):
            start = time.perf_counter()
            for article in articles:
                pipeline.run(article)
            best = min(best, time.perf_counter() - start)
        per_doc = best / len(articles) * 1000
        print(f"  {label:<17}{len(articles) / best:>8,.0f} docs/s  {per_doc:.2f} ms/doc", end="")
        print(f"  sources found: {dict(sorted(kinds.items()))}")


if __name__ == "__main__":
    sys.exit(main())
