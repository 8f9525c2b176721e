"""Speed, size and memory of the output formats (hand-run; asserts nothing).

    .venv/bin/python benchmarks/formats.py [--articles N] [--small N] [--formats a,b]
        [--text-kb K] [--tmp DIR]

Writes generated articles, from a generator (never a list), with each output format:
jsonl, json, csv, parquet, markdown and html, those that are installed (a format the
plugin registry does not list yet is taken from its module in ``newskit_formats``
when that exists). The articles are realistic in size: about ``--text-kb`` (3) KB of
text in paragraphs of Zipf-distributed words, a summary, a publisher, one or two cited
sources with evidence, authors, an aware date, economy and populism calls with
evidence, a section, removals, sometimes a warning, and a small meta.

Each write runs in a fresh Python process (so that one run's heap does not hide
another's) to a file in a temporary directory, opened as ``newskit analyze -o`` opens
it; the file is deleted after its size is read. The child warms up (imports, caches)
by writing 200 articles first, then records its resident set size (psutil if
installed, else /proc/self/statm), sampled every 5 ms in a thread during the write.

It prints, for each format, ``--small`` (10,000) and ``--articles`` (100,000) articles:
seconds, articles per second (generation included; a ``generate`` row gives the cost
of making the articles alone), output size, and peak RSS growth over the RSS before
the write. Constant memory means the growth does not scale with the number of
articles: the last column is growth(N) / growth(small), shown when the small run
grew by over 5 MB (below that, growth is allocator noise).
"""

from __future__ import annotations

import argparse
import gc
import importlib
import json
import os
import random
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator, Sequence
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import numpy as np

import newskit
from newskit import Article, Category, Evidence, Problem, Removal, Source

DEFAULT_FORMATS = ("jsonl", "json", "csv", "parquet", "markdown", "html")
# Formats a plugin module may provide before it is registered: module, function, binary.
_MODULES = {
    "csv": ("newskit_formats._csv", "write_csv", False),
    "parquet": ("newskit_formats._parquet", "write_parquet", True),
    "html": ("newskit_formats._html", "write_html", False),
}
_EXTENSIONS = {"markdown": ".md"}
WARM_UP = 200
SAMPLE_SECONDS = 0.005
MB = 1e6
MIN_RATIO_MB = 5.0  # below this growth the ratio is noise, and is not shown


# -- articles ---------------------------------------------------------------------------


def _vocabulary(rng: random.Random, size: int = 20_000) -> tuple[list[str], Any]:
    """Synthetic words and their cumulative Zipf weights (rank 1 most frequent)."""
    syllables = "ka lo mi ne ra to su pe li an ver eco pol tik gar den mar ket".split()
    words = sorted({"".join(rng.choices(syllables, k=rng.randint(1, 4))) for _ in range(size)})
    rng.shuffle(words)
    return words, np.cumsum(1 / np.arange(1, len(words) + 1))


def articles(count: int, *, text_kb: float = 3.0, seed: int = 1) -> Iterator[Article]:
    """``count`` generated articles, one at a time."""
    rng = random.Random(seed)
    draw = np.random.default_rng(seed)
    words, cumulative = _vocabulary(rng)
    lengths = np.array([len(w) + 1 for w in words])  # with the space after
    mean = float(np.diff(cumulative, prepend=0) @ lengths / cumulative[-1])
    words_per_text = int(text_kb * 1000 / mean)
    zone = timezone(timedelta(hours=2))
    for i in range(count):
        picks = np.searchsorted(cumulative, draw.random(words_per_text) * cumulative[-1])
        body = [words[k] for k in picks.tolist()]
        sentences = [" ".join(body[j : j + 18]).capitalize() + "." for j in range(0, len(body), 18)]
        paragraphs = [" ".join(sentences[j : j + 4]) for j in range(0, len(sentences), 4)]
        text = "\n\n".join(paragraphs)
        yield Article(
            id=f"bench-{i}",
            url=f"https://news{i % 50}.example/world/2024/03/{i % 28 + 1}/story-{i}/",
            title=sentences[0][:90],
            text=text,
            summary=" ".join(sentences[:2]),
            source=Source(name=f"News {i % 50}", domain=f"news{i % 50}.example"),
            cited_sources=[
                Source(name=name, kind="wire", evidence=[_evidence(text, sentences[k], name)])
                for k, name in enumerate(rng.sample(["Reuters", "AFP", "AP", "dpa"], 2))
            ],
            authors=rng.sample(["Anna Müller", "Ali Khan", "Jean Dupont", "Li Wei"], 2),
            published=datetime(2024, 3, i % 28 + 1, i % 24, i % 60, tzinfo=zone),
            language="en",
            categories=[
                _call(rng, "economy", text, sentences[2:5]),
                _call(rng, "populism", text, sentences[5:7]),
                Category(name="world", scheme="section", label=True),
            ],
            removed=[
                Removal(text="Sign up for our newsletter", reason="newsletter", step="furniture"),
                Removal(text="Share this article", reason="share prompt", step="furniture"),
            ],
            warnings=[Problem(step="summarize", message="short text")] if i % 10 == 0 else [],
            meta={"description": sentences[1][:120], "image": f"https://img.example/{i}.jpg"},
        )


def _evidence(text: str, sentence: str, *terms: str) -> Evidence:
    start = text.find(sentence)
    if start < 0:
        return Evidence(text=sentence, terms=terms)
    return Evidence(text=sentence, start=start, end=start + len(sentence), terms=terms)


def _call(rng: random.Random, name: str, text: str, sentences: list[str]) -> Category:
    score = round(rng.random(), 4)
    evidence = [_evidence(text, s, *s.split()[:2]) for s in sentences]
    return Category(name=name, scheme=name, score=score, label=score > 0.5, evidence=evidence)


# -- one measured write (in a child process) ------------------------------------------


def _formats() -> dict[str, newskit.Format]:
    found = dict(newskit.get_plugin_manager().formats.items())
    for name, (module, function, binary) in _MODULES.items():
        if name in found:
            continue
        try:
            write = getattr(importlib.import_module(module), function)
        except (ImportError, AttributeError):
            continue
        found[name] = newskit.Format(name=name, write=write, binary=binary)
    return found


def rss() -> int:
    try:
        import psutil
    except ImportError:
        with open("/proc/self/statm") as f:
            return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    return psutil.Process().memory_info().rss


class PeakSampler(threading.Thread):
    """Samples the RSS every 5 ms until stopped; ``peak`` is the highest reading."""

    def __init__(self) -> None:
        super().__init__(daemon=True)
        self.peak = rss()
        self._stop_event = threading.Event()

    def run(self) -> None:
        while not self._stop_event.wait(SAMPLE_SECONDS):
            self.peak = max(self.peak, rss())

    def stop(self) -> int:
        self._stop_event.set()
        self.join()
        return max(self.peak, rss())


def _write(fmt: newskit.Format | None, items: Iterator[Article], path: Path) -> None:
    if fmt is None:  # the generation baseline
        for _ in items:
            pass
        return
    kwargs: dict[str, Any] = {} if fmt.binary else {"encoding": "utf-8", "newline": ""}
    with open(path, "wb" if fmt.binary else "w", **kwargs) as stream:
        fmt.write(items, stream)


def measure(name: str, count: int, text_kb: float, directory: Path) -> dict[str, float]:
    fmt = None if name == "generate" else _formats()[name]
    extension = _EXTENSIONS.get(name, f".{name}")
    path = directory / f"out-{os.getpid()}{extension}"
    _write(fmt, articles(WARM_UP, text_kb=text_kb, seed=2), path)
    gc.collect()
    sampler = PeakSampler()
    base = sampler.peak
    sampler.start()
    start = time.perf_counter()
    _write(fmt, articles(count, text_kb=text_kb), path)
    seconds = time.perf_counter() - start
    peak = sampler.stop()
    size = path.stat().st_size if path.exists() else 0
    path.unlink(missing_ok=True)
    return {"seconds": seconds, "size": size, "base": base, "growth": peak - base}


# -- the report -------------------------------------------------------------------------


def _child(name: str, count: int, text_kb: float, directory: Path) -> dict[str, float]:
    command = [sys.executable, __file__, "--child", name, str(count), str(text_kb), str(directory)]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        return {"error": done.stderr.strip().splitlines()[-1] if done.stderr else "failed"}
    return json.loads(done.stdout)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000, metavar="N")
    parser.add_argument("--small", type=int, default=10_000, metavar="N")
    parser.add_argument("--formats", default=",".join(DEFAULT_FORMATS))
    parser.add_argument("--text-kb", type=float, default=3.0, metavar="K")
    parser.add_argument("--tmp", type=Path, default=None, help="directory for the outputs")
    parser.add_argument("--child", nargs=4, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        name, count, text_kb, directory = args.child
        print(json.dumps(measure(name, int(count), float(text_kb), Path(directory))))
        return 0

    available = _formats()
    wanted = [n.strip() for n in args.formats.split(",") if n.strip()]
    missing = [n for n in wanted if n not in available]
    names = ["generate"] + [n for n in wanted if n in available]
    sample = next(articles(1, text_kb=args.text_kb))
    print(f"python {sys.version.split()[0]}, newskit {newskit.__version__}, {_memory_source()}")
    print(f"article: {len(sample.text):,} chars of text, {len(sample.categories)} categories")
    if missing:
        print(f"not installed: {', '.join(missing)}")
    header = f"{'format':<10}{'articles':>9}{'seconds':>9}{'art/s':>9}{'size MB':>10}"
    print(header + f"{'RSS MB':>8}{'growth MB':>11}{'ratio':>7}")
    with tempfile.TemporaryDirectory(dir=args.tmp) as tmp:
        for name in names:
            small: float | None = None
            for count in (args.small, args.articles):
                result = _child(name, count, args.text_kb, Path(tmp))
                if "error" in result:
                    print(f"{name:<10}{count:>9,}  error: {result['error']}")
                    break
                growth = result["growth"] / MB
                ratio = f"{growth / small:.2f}" if small and small > MIN_RATIO_MB else "-"
                small = growth if small is None else small
                print(
                    f"{name:<10}{count:>9,}{result['seconds']:>9.1f}"
                    f"{count / result['seconds']:>9,.0f}{result['size'] / MB:>10.1f}"
                    f"{result['base'] / MB:>8.0f}{growth:>11.1f}{ratio:>7}"
                )
    return 0


def _memory_source() -> str:
    try:
        import psutil
    except ImportError:
        return "RSS from /proc/self/statm"
    return f"RSS from psutil {psutil.__version__}"


if __name__ == "__main__":
    sys.exit(main())
