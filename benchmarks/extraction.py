"""Speed and memory of HTML extraction, newskit against trafilatura (hand-run; asserts nothing).

    .venv/bin/python benchmarks/extraction.py [--data DIR] [--repeat K] [--memory-pages N]
        [--trafilatura-memory [N]] [--slowest N] [--profile]

Reads extraction/aeb/ (181 pages of ScrapingHub's article-extraction-benchmark:
``html/<id>.html.gz`` and ``ground-truth.json``) from the evaluation data directory:
``--data``, else ``$NEWSKIT_DATA``, else ``../shared/data`` beside the repository. The
data stays there: nothing is copied into the project. Every page is decompressed and
decoded to ``str`` once, as the html reader does, before any timing. One process; times
from ``time.perf_counter``; each speed figure is the best of ``--repeat`` passes.

It prints, in pages per second:

1. newskit extraction alone: ``newskit.readers.article_from_html``;
2. newskit's full default pipeline: that, then ``Pipeline.configure().run(article)``
   (default cleaners, summarizer and classifiers);
3. ``trafilatura.extract(html)`` with its defaults, when trafilatura is installed
   (``pip install -e '.[bench]'``);
4. the ratios to trafilatura, next to the targets: extraction >= 1.5x, pipeline >= 1.0x.

A page that raises is counted as a failure, never fatal. Then memory: the resident set
size (psutil, else /proc/self/statm) after a warm-up pass and after ``--memory-pages``
further extractions cycling over the pages (default 10,000; 0 skips), each reading after
``gc.collect()``; the target is growth <= 50 MB over 10,000 pages. ``--trafilatura-memory``
does the same for trafilatura over fewer pages (default 2,000; it is slow and reportedly
grows about 1 MB a page) and extrapolates to 10,000. ``--slowest`` lists newskit's slowest
pages; ``--profile`` prints a cProfile of one newskit extraction pass.

Published anchors, measured on these files on one core (data README): trafilatura 2.3.1
74 pages/s, readability-lxml 0.9 65 pages/s, newspaper4k 16 pages/s, lxml parse alone
(the floor) 600-1,000 pages/s. Accuracy is not measured here: run
``newskit evaluate extraction`` for the benchmark's F1 (trafilatura 0.960,
readability-lxml 0.955).
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import os
import platform
import pstats
import sys
import time
from collections.abc import Callable, Sequence
from importlib import metadata
from itertools import cycle, islice
from pathlib import Path

import lxml.etree
from _common import find_data, load_dataset

import newskit
import newskit.evaluate
from newskit.readers import article_from_html
from newskit.readers._decode import declared_html_charset, decode

DATASET = "extraction/aeb"
TARGET_EXTRACTION = 1.5  # newskit extraction / trafilatura, at least
TARGET_PIPELINE = 1.0  # newskit full pipeline / trafilatura, at least
TARGET_GROWTH_MB = 50.0  # RSS growth over TARGET_GROWTH_PAGES extractions, at most
TARGET_GROWTH_PAGES = 10_000

Page = tuple[str, str | None, str]  # id, url, html


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, help="evaluation data directory")
    parser.add_argument("--repeat", type=int, default=3, metavar="K", help="speed passes (best)")
    parser.add_argument(
        "--memory-pages",
        type=int,
        default=TARGET_GROWTH_PAGES,
        metavar="N",
        help="newskit extractions for the memory run (0 skips it; default %(default)s)",
    )
    parser.add_argument(
        "--trafilatura-memory",
        type=int,
        nargs="?",
        const=2000,
        default=0,
        metavar="N",
        help="also measure trafilatura's memory growth over N pages (default N 2000)",
    )
    parser.add_argument("--slowest", type=int, default=5, metavar="N", help="slowest pages")
    parser.add_argument("--profile", action="store_true", help="cProfile one newskit pass")
    args = parser.parse_args(argv)

    trafilatura = _import_trafilatura()
    print_header(trafilatura is not None)
    pages, total_bytes = load_pages(find_data(args.data) / DATASET)
    print(f"data     {DATASET}: {len(pages)} pages, {total_bytes / 1e6:.1f} MB of HTML (decoded)")

    pipeline = newskit.Pipeline.configure()
    print(f"pipeline {' -> '.join(pipeline.steps) or '(no steps)'}")
    print(f"speed    best of {args.repeat} passes over every page\n")

    def extract(page: Page) -> object:
        return article_from_html(page[2], id=page[0], url=page[1])

    def full(page: Page) -> object:
        article = pipeline.run(article_from_html(page[2], id=page[0], url=page[1]))
        if article.errors:  # a step that raised: the pipeline records it and goes on
            raise RuntimeError(article.errors[0].message)
        return article

    runs: dict[str, Run] = {}
    runs["extraction"] = Run("newskit extraction", extract, pages, args.repeat)
    runs["pipeline"] = Run("newskit pipeline", full, pages, args.repeat)
    if trafilatura is not None:
        runs["trafilatura"] = Run(
            "trafilatura.extract", _trafilatura(trafilatura), pages, args.repeat
        )
    for run in runs.values():
        print(run.line())

    print()
    if trafilatura is None:
        print("ratios   skipped: trafilatura is not installed (pip install -e '.[bench]')")
    else:
        base = runs["trafilatura"].rate
        for key, target in (("extraction", TARGET_EXTRACTION), ("pipeline", TARGET_PIPELINE)):
            ratio = runs[key].rate / base
            verdict = "meets" if ratio >= target else "MISSES"
            print(f"ratio    {key}/trafilatura {ratio:5.2f}x  (target >= {target}x: {verdict})")

    if args.slowest > 0:
        print(f"\nslowest  newskit extraction, {args.slowest} pages (best time of each):")
        for seconds, (id, _url, html) in runs["extraction"].slowest(args.slowest):
            print(f"  {seconds * 1000:7.1f} ms  {len(html) / 1000:7.0f} kB  {id[:16]}")

    if args.profile:
        profile(extract, pages)

    if args.memory_pages > 0:
        print()
        memory("newskit extraction", extract, pages, args.memory_pages)
    if args.trafilatura_memory:
        print()
        if trafilatura is None:
            print("memory   trafilatura skipped: not installed (pip install -e '.[bench]')")
        else:
            memory("trafilatura.extract", _trafilatura(trafilatura), pages, args.trafilatura_memory)
    return 0


class Run:
    """``repeat`` timed passes of ``fn`` over every page; failures counted, not raised."""

    def __init__(self, label: str, fn: Callable[[Page], object], pages: list[Page], repeat: int):
        self.label, self.pages = label, pages
        self.best = float("inf")
        self.page_best = [float("inf")] * len(pages)
        self.failures: dict[str, str] = {}
        self.empty: set[str] = set()  # pages that gave no text without raising
        for _ in range(max(1, repeat)):
            start = time.perf_counter()
            for i, page in enumerate(pages):
                t0 = time.perf_counter()
                try:
                    if not fn(page):
                        self.empty.add(page[0])
                except Exception as exc:  # noqa: BLE001 - a failing page is a figure
                    self.failures[page[0]] = f"{type(exc).__name__}: {exc}"
                self.page_best[i] = min(self.page_best[i], time.perf_counter() - t0)
            self.best = min(self.best, time.perf_counter() - start)

    @property
    def rate(self) -> float:
        return len(self.pages) / self.best

    def line(self) -> str:
        failed = f"{len(self.failures)} failed" if self.failures else "no failures"
        if self.empty:
            failed += f", {len(self.empty)} gave no text"
        text = f"{self.label:<21}{self.rate:8.1f} pages/s  ({self.best:.2f} s/pass; {failed})"
        for id, message in sorted(self.failures.items())[:3]:
            message = message.replace(f"{id}: ", "")  # InputError names the page already
            text += f"\n    {id[:16]}: {message[:100]}"
        if len(self.failures) > 3:
            text += f"\n    ... and {len(self.failures) - 3} more"
        return text

    def slowest(self, n: int) -> list[tuple[float, Page]]:
        return sorted(zip(self.page_best, self.pages, strict=True), key=lambda x: -x[0])[:n]


def memory(label: str, fn: Callable[[Page], object], pages: list[Page], n: int) -> None:
    """RSS after a warm-up pass, then at five checkpoints over ``n`` more calls."""
    source = "psutil" if _psutil() else "/proc/self/statm"
    _quiet_pass(fn, pages)
    base = rss_mb()
    print(f"memory   {label}: RSS {base:.1f} MB after a warm-up pass ({source}, after gc)")
    readings, done, start = [], 0, time.perf_counter()
    page_iter = cycle(pages)
    for checkpoint in (n * k // 5 for k in range(1, 6)):
        _quiet_pass(fn, list(islice(page_iter, checkpoint - done)))
        done = checkpoint
        readings.append(f"{done:,}: +{rss_mb() - base:.1f}")
    growth = rss_mb() - base
    per_k = growth / n * 1000
    print(f"  growth after N pages (MB)  {'  '.join(readings)}")
    print(
        f"  {n:,} pages in {time.perf_counter() - start:.0f} s: {growth:+.1f} MB, "
        f"{per_k:+.2f} MB per 1,000 pages"
    )
    at_target = per_k * TARGET_GROWTH_PAGES / 1000
    verdict = "meets" if at_target <= TARGET_GROWTH_MB else "MISSES"
    how = "measured" if n == TARGET_GROWTH_PAGES else f"extrapolated from {n:,} pages"
    print(
        f"  over {TARGET_GROWTH_PAGES:,} pages: {at_target:+.1f} MB ({how}); "
        f"target <= {TARGET_GROWTH_MB:.0f} MB: {verdict}"
    )


def profile(fn: Callable[[Page], object], pages: list[Page]) -> None:
    profiler = cProfile.Profile()
    profiler.enable()
    _quiet_pass(fn, pages)
    profiler.disable()
    print("\nprofile  one newskit extraction pass, top 15 by cumulative time:")
    stats = pstats.Stats(profiler, stream=sys.stdout).strip_dirs().sort_stats("cumulative")
    stats.print_stats(15)


def _quiet_pass(fn: Callable[[Page], object], pages: list[Page]) -> None:
    for page in pages:
        try:
            fn(page)
        except Exception:  # noqa: BLE001 - failures were counted by the speed runs
            continue
    gc.collect()


def load_pages(directory: Path) -> tuple[list[Page], int]:
    """Every page in the ground truth, decompressed and decoded like the html reader does."""
    return load_dataset(
        directory,
        "extraction",
        lambda data, name: decode(data, name, declared=declared_html_charset(data)),
    )


def print_header(have_trafilatura: bool) -> None:
    cpus = os.cpu_count()
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else cpus
    libxml2 = ".".join(map(str, lxml.etree.LIBXML_VERSION))
    print(
        f"python   {platform.python_version()} ({platform.python_implementation()}) "
        f"on {platform.machine()}, {cpus} CPUs ({usable} usable; one is used)"
    )
    print(
        f"versions newskit {newskit.__version__}, lxml {_version('lxml')} (libxml2 {libxml2}), "
        f"readability-lxml {_version('readability-lxml')}, "
        f"trafilatura {_version('trafilatura') if have_trafilatura else 'not installed'}, "
        f"psutil {_version('psutil') if _psutil() else 'not installed'}"
    )


def rss_mb() -> float:
    """Resident set size of this process in MB, after a full garbage collection."""
    gc.collect()
    psutil = _psutil()
    if psutil is not None:
        return psutil.Process().memory_info().rss / 1e6
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1e6


def _trafilatura(module: object) -> Callable[[Page], object]:
    extract = module.extract  # type: ignore[attr-defined]
    return lambda page: extract(page[2])


def _import_trafilatura() -> object | None:
    try:
        import trafilatura
    except ImportError:
        return None
    return trafilatura


def _psutil() -> object | None:
    try:
        import psutil
    except ImportError:
        return None
    return psutil


def _version(distribution: str) -> str:
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return "?"


if __name__ == "__main__":
    sys.exit(main())
