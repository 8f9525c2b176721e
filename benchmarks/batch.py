"""Batch speed and memory: one process against every core (hand-run; asserts nothing).

    .venv/bin/python benchmarks/batch.py [--data DIR] [--docs N] [--memory-docs N]

The corpus is the 181 AEB pages (extraction/aeb/html, from ``--data``,
``$NEWSKIT_DATA`` or ../shared/data), decompressed into a temporary directory and
repeated under new names up to ``--docs`` files (nothing is copied into the project).
It prints documents per second for the default pipeline with one process
(``batch.run``) and with every core (``batch.run_parallel``), their ratio (target
>= 1.8x on 2 cores), and that both runs wrote the same articles. Then resident memory
of one process every 2,000 documents over ``--memory-docs`` documents (default
20,000), which must stay flat.
"""

from __future__ import annotations

import argparse
import gc
import gzip
import os
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

import newskit
import newskit.evaluate
from newskit import batch


def rss_mb() -> float:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1e6


def make_corpus(data: Path, folder: Path, docs: int) -> list[Path]:
    pages = [
        gzip.decompress(path.read_bytes()) if path.suffix == ".gz" else path.read_bytes()
        for _, path, _ in newskit.evaluate.dataset_files(data / "extraction" / "aeb", "extraction")
        if path is not None
    ]
    files = []
    for i in range(docs):
        path = folder / f"page-{i:06d}.html"
        path.write_bytes(pages[i % len(pages)])
        files.append(path)
    return files


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path)
    parser.add_argument("--docs", type=int, default=1000, help="documents for the speed runs")
    parser.add_argument("--memory-docs", type=int, default=20_000)
    args = parser.parse_args(argv)
    try:
        data = newskit.evaluate.find_data(args.data)
    except newskit.InputError as exc:
        sys.exit(f"error: {exc}")
    cores = os.cpu_count() or 1
    pm = newskit.get_plugin_manager()
    spec = batch.PipelineSpec()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        make_corpus(data, folder, max(args.docs, args.memory_docs))
        speed_dir = folder / "speed"
        speed_dir.mkdir()
        for path in sorted(folder.glob("page-*.html"))[: args.docs]:
            os.link(path, speed_dir / path.name)

        start = time.perf_counter()
        serial = [a.to_dict() for a in batch.run([speed_dir], pipeline=spec.build(pm), plugins=pm)]
        one = args.docs / (time.perf_counter() - start)
        start = time.perf_counter()
        parallel = [
            a.to_dict() for a in batch.run_parallel([speed_dir], spec=spec, plugins=pm, jobs=cores)
        ]
        many = args.docs / (time.perf_counter() - start)
        print(f"speed    {args.docs:,} documents, default pipeline")
        print(f"  --jobs 1        {one:8.1f} docs/s")
        print(f"  --jobs {cores:<8} {many:8.1f} docs/s   ratio {many / one:.2f}x (target >= 1.8x)")
        print(f"  same articles from both: {serial == parallel}")

        print(f"\nmemory   one process over {args.memory_docs:,} documents (RSS, MB)")
        pipeline = spec.build(pm)
        gc.collect()
        base = rss_mb()
        articles = batch.run([folder], pipeline=pipeline, plugins=pm)
        for count, _ in enumerate(articles, 1):
            if count % 2000 == 0:
                gc.collect()
                print(f"  {count:>7,}  {rss_mb():7.1f}  ({rss_mb() - base:+.1f})")
            if count >= args.memory_docs:
                break
    return 0


if __name__ == "__main__":
    sys.exit(main())
