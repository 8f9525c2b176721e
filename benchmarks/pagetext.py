"""Speed and accuracy of cleaning crawler text dumps (hand-run; asserts nothing).

    .venv/bin/python benchmarks/pagetext.py [--data DIR] [--repeat K] [--slowest N]
        [--profile]

Reads pagetext/aeb/ (the 181 pages of ScrapingHub's article-extraction-benchmark as a
crawler's plain-text dumps, ``text/<id>.txt``: page title first, one line per block;
and ``ground-truth.json``) from the evaluation data directory: ``--data``, else
``$NEWSKIT_DATA``, else ``../shared/data`` beside the repository. The data stays there:
nothing is copied into the project. Every dump is decoded to ``str`` once, as the text
reader does, before any timing. One process; times from ``time.perf_counter``; each
speed figure is the best of ``--repeat`` passes over every dump.

It prints, in documents per second:

1. reading the dumps: ``newskit.readers.text.article_from_text``;
2. each default cleaner alone, on the articles as read (so a cleaner that runs late in
   the chain sees raw dumps here, not cleaned text);
3. the default cleaner chain on the articles as read: what ``newskit evaluate
   pagetext`` scores. The issue's target (>= 500 documents/s) is for the page-text
   cleaner, ``furniture``, and is printed beside it; the chain also finds cited
   sources and doubled words, and is printed for what it costs;
4. the full default pipeline (cleaners, summarizer and classifiers) on them.

An article that a step failed on (the pipeline records the error and goes on) is counted,
never fatal. ``--slowest`` lists the dumps the cleaner chain is slowest on; ``--profile``
prints a cProfile of one pass of the cleaner chain.

Then accuracy: ``newskit.evaluate.evaluate_dataset(dir, "pagetext")`` (the installed
cleaners; no summary, no classifiers) scored against the ground truth, next to the
published anchors on these files (data README): the whole page text as it is F1 0.667,
trafilatura 0.692, jusText 0.762; the target is >= 0.90.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import platform
import pstats
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from _common import find_data, load_dataset

import newskit
import newskit.evaluate
from newskit.readers._decode import decode
from newskit.readers.text import article_from_text

DATASET = "pagetext/aeb"
TARGET_CLEANING = 500.0  # documents per second for the page-text cleaner, at least
PAGE_TEXT_CLEANER = "furniture"
TARGET_F1 = 0.90
ANCHORS = (("the whole text as it is", 0.667), ("trafilatura", 0.692), ("jusText", 0.762))

Dump = tuple[str, str | None, str]  # id, url, text


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, help="evaluation data directory")
    parser.add_argument("--repeat", type=int, default=3, metavar="K", help="speed passes (best)")
    parser.add_argument("--slowest", type=int, default=5, metavar="N", help="slowest dumps")
    parser.add_argument("--profile", action="store_true", help="cProfile one cleaning pass")
    args = parser.parse_args(argv)

    directory = find_data(args.data) / DATASET
    dumps, total_chars = load_dumps(directory)
    cleaners = newskit.Pipeline.configure(summarizer=None, classifiers=[])
    full = newskit.Pipeline.configure()
    print_header()
    print(f"data     {DATASET}: {len(dumps)} dumps, {total_chars / 1e6:.1f} M characters")
    print(f"cleaners {' -> '.join(cleaners.steps) or '(none)'}")
    print(f"pipeline {' -> '.join(full.steps) or '(no steps)'}")
    print(f"speed    best of {args.repeat} passes over every dump, one process\n")

    read = Run("read (article_from_text)", _read, dumps, args.repeat)
    print(read.line())
    articles = [_read(dump) for dump in dumps]
    for cleaner in cleaners.cleaners:
        alone = Run(
            f"  {cleaner.name} alone",
            newskit.Pipeline(cleaners=[cleaner]).run,
            articles,
            args.repeat,
        )
        print(alone.line())
        if cleaner.name == PAGE_TEXT_CLEANER:
            verdict = "meets" if alone.rate >= TARGET_CLEANING else "MISSES"
            print(
                f"    target for the page-text cleaner >= {TARGET_CLEANING:.0f} docs/s: {verdict}"
            )
    chain = Run("default cleaners", cleaners.run, articles, args.repeat)
    print(chain.line())
    print(Run("full default pipeline", full.run, articles, args.repeat).line())

    if args.slowest > 0:
        print(f"\nslowest  default cleaners, {args.slowest} dumps (best time of each):")
        for seconds, article in chain.slowest(args.slowest):
            lines = article.text.count("\n") + 1
            print(f"  {seconds * 1000:7.2f} ms  {lines:5d} lines  {article.id[:16]}")
    if args.profile:
        profile(cleaners.run, articles)

    print()
    report = newskit.evaluate.evaluate_dataset(directory, "pagetext")
    verdict = "meets" if report.f1 >= TARGET_F1 else "MISSES"
    failed = f", {len(report.failed)} failed" if report.failed else ""
    print(
        f"accuracy pagetext F1 {report.f1:.3f} (precision {report.precision:.3f}, "
        f"recall {report.recall:.3f}; {len(report.pages)} pages{failed}); "
        f"target >= {TARGET_F1:.2f}: {verdict}"
    )
    print("anchors  " + ", ".join(f"{name} {f1:.3f}" for name, f1 in ANCHORS))
    return 0


class Run:
    """``repeat`` timed passes of ``fn`` over ``items``; failed articles counted."""

    def __init__(self, label: str, fn: Callable[[object], object], items: list, repeat: int):
        self.label, self.items = label, items
        self.best = float("inf")
        self.item_best = [float("inf")] * len(items)
        self.failed: dict[str, str] = {}
        for _ in range(max(1, repeat)):
            start = time.perf_counter()
            for i, item in enumerate(items):
                t0 = time.perf_counter()
                try:
                    result = fn(item)
                except Exception as exc:  # noqa: BLE001 - a failing document is a figure
                    self.failed[_id(item)] = f"{type(exc).__name__}: {exc}"
                    continue
                finally:
                    self.item_best[i] = min(self.item_best[i], time.perf_counter() - t0)
                errors = getattr(result, "errors", ())
                if errors:  # a step that raised: the pipeline records it and goes on
                    self.failed[_id(item)] = f"{errors[0].step}: {errors[0].message}"
            self.best = min(self.best, time.perf_counter() - start)

    @property
    def rate(self) -> float:
        return len(self.items) / self.best

    def line(self) -> str:
        failed = f"{len(self.failed)} failed" if self.failed else "no failures"
        ms = self.best / len(self.items) * 1000
        text = f"{self.label:<26}{self.rate:8.1f} docs/s  ({ms:.2f} ms/doc; {failed})"
        for id, message in sorted(self.failed.items())[:3]:
            text += f"\n    {id[:16]}: {message[:100]}"
        if len(self.failed) > 3:
            text += f"\n    ... and {len(self.failed) - 3} more"
        return text

    def slowest(self, n: int) -> list[tuple[float, newskit.Article]]:
        pairs = zip(self.item_best, self.items, strict=True)
        return sorted(pairs, key=lambda x: -x[0])[:n]


def profile(fn: Callable[[newskit.Article], object], articles: list[newskit.Article]) -> None:
    profiler = cProfile.Profile()
    profiler.enable()
    for article in articles:
        fn(article)
    profiler.disable()
    print("\nprofile  one pass of the default cleaners, top 15 by internal time:")
    stats = pstats.Stats(profiler, stream=sys.stdout).strip_dirs().sort_stats("tottime")
    stats.print_stats(15)


def load_dumps(directory: Path) -> tuple[list[Dump], int]:
    """Every dump in the ground truth, decoded as the text reader does."""
    return load_dataset(directory, "pagetext", decode)


def print_header() -> None:
    cpus = os.cpu_count()
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else cpus
    print(
        f"python   {platform.python_version()} ({platform.python_implementation()}) "
        f"on {platform.machine()}, {cpus} CPUs ({usable} usable; one is used)"
    )
    print(f"versions newskit {newskit.__version__}")


def _read(dump: Dump) -> newskit.Article:
    return article_from_text(dump[2], id=dump[0], url=dump[1])


def _id(item: object) -> str:
    return item[0] if isinstance(item, tuple) else str(getattr(item, "id", "?"))


if __name__ == "__main__":
    sys.exit(main())
