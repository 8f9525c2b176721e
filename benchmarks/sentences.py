"""Accuracy and speed of the sentence splitter (hand-run; asserts nothing).

    .venv/bin/python benchmarks/sentences.py [--data DIR] [--baseline FILE] [--repeat N]

Accuracy is measured on the hand-written cases in tests/fixtures/sentences/cases.jsonl:
cases split fully right, by category and in all, and the precision and recall of the
sentence boundaries (the end of the text is not counted: it is always a boundary).
Speed is measured on the CNN/DailyMail articles in summarization/cnndm-dev.jsonl of the
evaluation data directory (``--data``, else ``$NEWSKIT_DATA``, else ``../shared/data``);
the data stays there. ``--baseline FILE`` also measures another version of
src/newskit/sentences.py, e.g. ``git show HEAD~3:src/newskit/sentences.py > /tmp/old.py``.
When ``pysbd`` or NLTK's punkt (with its data) can be imported, they are compared too.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path

from _common import find_data

import newskit
import newskit.evaluate
import newskit.sentences

CASES = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "sentences" / "cases.jsonl"
ARTICLES = "summarization/cnndm-dev.jsonl"

Splitter = Callable[[str], list[str]]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, help="evaluation data directory")
    parser.add_argument("--cases", type=Path, default=CASES, help="the case file")
    parser.add_argument("--baseline", type=Path, help="another sentences.py to measure")
    parser.add_argument("--repeat", type=int, default=3, help="timed passes over the articles")
    args = parser.parse_args(argv)

    splitters = {"newskit": _newskit_splitter()}
    if args.baseline:
        splitters["baseline"] = _module_splitter(args.baseline)
    splitters.update(_other_splitters())

    cases = [json.loads(line) for line in args.cases.open(encoding="utf-8") if line.strip()]
    print(f"Accuracy on {len(cases)} cases ({args.cases.name})")
    for name, split in splitters.items():
        accuracy(name, split, cases)
    by_category(splitters["newskit"], cases)

    articles = read_articles(find_data(args.data) / ARTICLES)
    size = sum(len(text.encode("utf-8")) for text in articles) / 1e6
    print(f"\nSpeed on {len(articles)} CNN/DailyMail articles ({size:.2f} MB), best of passes")
    for name, split in splitters.items():
        speed(name, split, articles, size, args.repeat if name != "pysbd" else 1)
    return 0


def _newskit_splitter() -> Splitter:
    def split(text: str) -> list[str]:
        newskit.sentences._split_cached.cache_clear()  # time the splitting, not the cache
        return [s.text for s in newskit.split_sentences(text)]

    return split


def _module_splitter(path: Path) -> Splitter:
    spec = importlib.util.spec_from_file_location("baseline_sentences", path)
    if spec is None or spec.loader is None:
        sys.exit(f"error: {path} is not a Python file")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return lambda text: [s.text for s in module._split_cached.__wrapped__(text)]


def _other_splitters() -> dict[str, Splitter]:
    found: dict[str, Splitter] = {}
    try:
        import pysbd
    except ImportError:
        print("pysbd: not importable, not compared")
    else:
        segmenter = pysbd.Segmenter(language="en", clean=False)
        found["pysbd"] = lambda text: [s.strip() for s in segmenter.segment(text) if s.strip()]
    try:
        import nltk

        nltk.data.find("tokenizers/punkt_tab/english")
    except (ImportError, LookupError):
        print("nltk punkt: not importable or its data is not installed, not compared")
    else:
        found["nltk-punkt"] = nltk.sent_tokenize
    return found


def _boundaries(sentences: Sequence[str]) -> set[int]:
    """Where sentences end, counted in non-space characters: comparable across splitters
    that keep or drop whitespace. The end of the text is left out."""
    ends, count = set(), 0
    for sentence in sentences:
        count += len("".join(sentence.split()))
        ends.add(count)
    ends.discard(count)
    return ends


def accuracy(name: str, split: Splitter, cases: list[dict]) -> None:
    right = found = gold = hits = 0
    for case in cases:
        try:
            got = split(case["text"])
        except Exception:  # noqa: BLE001 - a splitter that fails on a case gets it wrong
            got = [case["text"]]
        right += got == case["sentences"]
        predicted, expected = _boundaries(got), _boundaries(case["sentences"])
        found += len(predicted)
        gold += len(expected)
        hits += len(predicted & expected)
    precision = hits / found if found else 1.0
    recall = hits / gold if gold else 1.0
    print(
        f"  {name:<11} cases right {right}/{len(cases)} ({right / len(cases):.1%})"
        f"  boundary P {precision:.3f}  R {recall:.3f}"
    )


def by_category(split: Splitter, cases: list[dict]) -> None:
    total, right = Counter(), Counter()
    for case in cases:
        category = case["note"].split(":", 1)[0]
        total[category] += 1
        right[category] += split(case["text"]) == case["sentences"]
    print("  newskit by category: " + ", ".join(f"{c} {right[c]}/{n}" for c, n in total.items()))


def speed(name: str, split: Splitter, articles: list[str], size: float, repeat: int) -> None:
    best, count = float("inf"), 0
    for _ in range(max(1, repeat)):
        start = time.perf_counter()
        count = sum(len(split(text)) for text in articles)
        best = min(best, time.perf_counter() - start)
    print(
        f"  {name:<11} {count} sentences in {best:.3f} s: {count / best:,.0f} sentences/s,"
        f" {size / best:.2f} MB/s"
    )


def read_articles(path: Path) -> list[str]:
    if not path.is_file():
        sys.exit(f"error: {path} not found; is {path.parents[1]} the newskit evaluation data?")
    with path.open(encoding="utf-8") as f:
        return [json.loads(line)["article"] for line in f if line.strip()]


if __name__ == "__main__":
    sys.exit(main())
