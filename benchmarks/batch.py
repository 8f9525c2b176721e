"""Batch speed and memory: one process, every core, and Dask (hand-run; asserts nothing).

    .venv/bin/python benchmarks/batch.py [--data DIR] [--docs N] [--memory-docs N]
        [--warc-files N] [--warc-records N] [--no-dask]

The pages are the 181 AEB pages (extraction/aeb/html, from ``--data``,
``$NEWSKIT_DATA`` or ../shared/data), written into a temporary directory, deleted
after (nothing is copied into the project). It prints, for the default pipeline:

- saved pages: ``--docs`` (1,000) HTML files, documents per second with one process
  (``batch.run``, ``--jobs 1``) and with every core (``batch.run_parallel``), their
  ratio (target >= 1.8x on 2 cores), and whether both wrote the same articles;
- WARC read speed: records/s and MB/s of FastWARC reading the archive, without
  extraction (the functions of ``benchmarks/warc.py``);
- WARC input: ``--warc-files`` (4) archives of ``--warc-records`` (250) pages each,
  built as ``benchmarks/warc.py`` builds them but of real pages only; documents per
  second with one process and with every core (one archive a task), the memory one
  archive's articles take, and how fast one process writes them to a store;
- Dask (``newskit[dask]``, skipped with ``--no-dask``): ``newskit.dask.run`` on a
  LocalCluster of one single-threaded worker process per core, on the same pages and
  archives, after a warm-up that builds each worker's pipeline;
- memory: resident memory of one process every 2,000 documents over ``--memory-docs``
  (20,000) documents, which must stay flat.
"""

from __future__ import annotations

import argparse
import gc
import gzip
import hashlib
import json
import os
import pickle
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import NamedTuple

from _common import find_data
from warc import AEB_PAGES, best_of, build, read_fastwarc

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


class Run(NamedTuple):
    digest: str  # of every record, in order: equal runs have equal digests
    count: int
    seconds: float
    cpu: float  # CPU seconds of this process


def timed(articles: Callable[[], Iterable[newskit.Article]]) -> Run:
    """Run, keeping a digest of the records rather than the records: a run that held
    them all would slow down as its heap grew."""
    start, cpu = time.perf_counter(), time.process_time()
    digest, count = hashlib.sha256(), 0
    for article in articles():
        digest.update(json.dumps(article.to_dict(), sort_keys=True).encode())
        count += 1
    seconds = time.perf_counter() - start
    return Run(digest.hexdigest(), count, seconds, time.process_time() - cpu)


def speed(
    name: str, docs: int, seconds: float, base: float | None = None, cpu: float | None = None
) -> float:
    rate = docs / seconds
    ratio = f"   ratio {rate / base:.2f}x" if base else ""
    # Other work on the machine skews wall-clock figures: the load average says how much.
    # Docs per CPU second (one process) is what one core does, whatever the load.
    per_cpu = f"   {docs / cpu:.1f} docs per CPU-s" if cpu else ""
    load = f"   [load {os.getloadavg()[0]:.1f}]"
    print(f"  {name:<22} {rate:8.1f} docs/s  ({docs:,} in {seconds:.1f} s){ratio}{per_cpu}{load}")
    return rate


def store_speed(name: str, inputs: list[list[newskit.Article]], folder: Path) -> None:
    """Articles per second that one process writes to a store, an input a transaction."""
    from newskit.store import Store

    path = folder / f"{name.replace(' ', '-')}.db"
    start = time.perf_counter()
    with Store(path) as store:
        for n, articles in enumerate(inputs):
            store.add(articles, input_id=f"in{n}", content_hash="h")
    seconds = time.perf_counter() - start
    count = sum(len(a) for a in inputs)
    print(
        f"  store writes, {name}: {count / seconds:,.0f} articles/s ({count:,} in {seconds:.1f} s)"
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path)
    parser.add_argument("--docs", type=int, default=1000, help="documents for the speed runs")
    parser.add_argument("--memory-docs", type=int, default=20_000)
    parser.add_argument("--warc-files", type=int, default=4)
    parser.add_argument("--warc-records", type=int, default=250)
    parser.add_argument("--no-dask", action="store_true", help="skip the Dask runs")
    args = parser.parse_args(argv)
    data = find_data(args.data)
    cores = os.cpu_count() or 1
    pm = newskit.get_plugin_manager()
    spec = batch.PipelineSpec()
    print(f"{cores} cores; load average {os.getloadavg()[0]:.1f} at the start")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        make_corpus(data, folder, max(args.docs, args.memory_docs))
        speed_dir = folder / "speed"
        speed_dir.mkdir()
        for path in sorted(folder.glob("page-*.html"))[: args.docs]:
            os.link(path, speed_dir / path.name)

        print(f"\nsaved pages: {args.docs:,} HTML files, default pipeline")
        serial = timed(lambda: batch.run([speed_dir], pipeline=spec.build(pm), plugins=pm))
        one = speed("--jobs 1", serial.count, serial.seconds, cpu=serial.cpu)
        pooled = timed(lambda: batch.run_parallel([speed_dir], spec=spec, plugins=pm, jobs=cores))
        speed(f"--jobs {cores}", pooled.count, pooled.seconds, one)
        same = serial.digest == pooled.digest
        print(f"  same articles from both: {same}  (target ratio >= 1.8x on 2 cores)")

        warc_dir = folder / "warc"
        warc_dir.mkdir()
        for n in range(args.warc_files):
            first = n * args.warc_records
            path = warc_dir / f"crawl-{n}.warc.gz"
            build(path, args.warc_records, data / AEB_PAGES, first, small=False)
        archives = sorted(warc_dir.glob("*.warc.gz"))
        size = sum(p.stat().st_size for p in archives)
        count, payload, seconds = best_of(read_fastwarc, archives[0], 3)
        print(
            f"\nWARC read speed (FastWARC, no extraction): {count / seconds:,.0f} records/s, "
            f"{archives[0].stat().st_size / 1e6 / seconds:.1f} MB/s gzipped, "
            f"{payload / 1e6 / seconds:.1f} MB/s of HTML"
        )
        docs = args.warc_files * args.warc_records
        print(
            f"\nWARC input: {args.warc_files} archives x {args.warc_records} pages "
            f"({size / 1e6:.1f} MB gzipped, {size / docs / 1e3:.1f} kB a page)"
        )
        warc_serial = timed(lambda: batch.run([warc_dir], pipeline=spec.build(pm), plugins=pm))
        warc_one = speed("--jobs 1", warc_serial.count, warc_serial.seconds, cpu=warc_serial.cpu)
        # What a worker holds for one partition (one archive): its list of articles.
        pipeline = spec.build(pm)
        gc.collect()
        tracemalloc.start()
        held = list(batch.run([archives[0]], pipeline=pipeline, plugins=pm))
        gc.collect()
        size = tracemalloc.get_traced_memory()[0]
        tracemalloc.stop()
        shipped = len(pickle.dumps(held))
        print(
            f"  one archive's {len(held)} articles: {size / len(held) / 1e3:.0f} kB each "
            f"held (traced), {shipped / len(held) / 1e3:.0f} kB each pickled"
        )
        store_speed("a page an input", [[a] for a in held] * 4, folder)
        store_speed(f"an archive of {len(held)} an input", [held] * 4, folder)
        del held
        warc_pooled = timed(
            lambda: batch.run_parallel([warc_dir], spec=spec, plugins=pm, jobs=cores)
        )
        speed(f"--jobs {cores} (a file a task)", warc_pooled.count, warc_pooled.seconds, warc_one)
        print(f"  same articles from both: {warc_serial.digest == warc_pooled.digest}")

        if not args.no_dask:
            run_dask(cores, spec, speed_dir, warc_dir, serial, warc_serial, one, warc_one)

        print(f"\nmemory: one process over {args.memory_docs:,} documents (RSS, MB)")
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


def run_dask(
    cores: int,
    spec: batch.PipelineSpec,
    speed_dir: Path,
    warc_dir: Path,
    serial: Run,
    warc_serial: Run,
    one: float,
    warc_one: float,
) -> None:
    try:
        import distributed

        import newskit.dask
    except ImportError:
        print("\nDask: not installed (pip install 'newskit[dask]')")
        return
    print(f"\nDask: LocalCluster, {cores} worker processes x 1 thread")
    start = time.perf_counter()
    with (
        distributed.LocalCluster(
            n_workers=cores, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        warm = sorted(speed_dir.iterdir())[: 2 * cores]
        list(newskit.dask.run(warm, spec=spec, scheduler=client))
        print(f"  cluster start and warm-up: {time.perf_counter() - start:.1f} s")
        for name, folder, expected, base in (
            ("saved pages", speed_dir, serial, one),
            ("WARC input", warc_dir, warc_serial, warc_one),
        ):
            found = timed(lambda f=folder: newskit.dask.run([f], spec=spec))
            speed(name, found.count, found.seconds, base)
            print(f"  same articles as one process: {found.digest == expected.digest}")


if __name__ == "__main__":
    sys.exit(main())
