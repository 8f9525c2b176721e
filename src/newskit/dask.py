"""Dask: the local engine's per-input work on a cluster (``pip install 'newskit[dask]'``).

One input file is one partition (a WARC file, however many records it holds, is one
partition), and each partition is analysed by the function the local process pool maps
(:func:`newskit.batch._iter_work`). Each worker process builds its pipeline once from
the :class:`~newskit.batch.PipelineSpec` (plain data, sent with the tasks) and keeps it,
so the articles equal a serial run's.

- :func:`analyze_bag`: a :class:`dask.bag.Bag` of articles, to compute or to write with
  Dask (``bag.map(Article.to_dict).map(json.dumps).to_textfiles(...)``).
- :func:`run`: the articles in input order, as :func:`newskit.batch.run` yields them,
  with a bounded number of files in flight.
- :func:`ingest`: :meth:`newskit.store.Store.ingest_files` on the cluster: the workers
  read, hash and analyse; this process writes the store.
- :func:`write`: each worker writes the articles of each of its files, as they come,
  to one output file per input in a directory (any newskit format): nothing is sent
  back but counts, and a worker holds one article at a time, however large the WARC.

Every worker must see the input files at the paths given (a shared file system): the
paths are listed here, in this process, and read there. Dask is imported on first use,
so ``import newskit`` never needs it.
"""

from __future__ import annotations

import contextlib
import os
import re
from collections import deque
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from attrs import frozen

from . import batch
from ._optional import require
from .errors import ConfigError
from .inputs import iter_paths
from .model import Article
from .plugins import PluginManager, get_plugin_manager
from .readers import known_extensions

if TYPE_CHECKING:
    from dask.bag import Bag
    from distributed import Client

    from .store import Store

__all__ = ["CONNECT_TIMEOUT", "Written", "analyze_bag", "connect", "ingest", "run", "write"]

_FEATURE = "The Dask engine"
#: How long (seconds) :func:`connect` waits for a scheduler to answer.
CONNECT_TIMEOUT = 5.0


def _files(paths: Iterable[str | os.PathLike[str]], plugins: PluginManager | None) -> list[Any]:
    """The input files (paths as str), and error records for paths that name nothing."""
    pm = plugins if plugins is not None else get_plugin_manager()
    return list(iter_paths(paths, extensions=known_extensions(pm.readers.values())))


def _partition(items: Iterable[str | Article], spec: batch.PipelineSpec) -> list[Article]:
    """One partition (one input file) to its articles, in a worker."""
    state = batch._state_for(spec)
    out: list[Article] = []
    for item in items:
        if isinstance(item, Article):
            out.append(item)  # a path that named nothing: its error record
        else:
            out.extend(batch._iter_work(item, state))
    return out


def analyze_bag(
    paths: Iterable[str | os.PathLike[str]],
    *,
    spec: batch.PipelineSpec | None = None,
    plugins: PluginManager | None = None,
) -> Bag:
    """A Dask bag of the articles of every file under ``paths``, one partition per file,
    in input order; error records included.

    ``paths`` are files, directories (walked here) or glob patterns, as for
    ``newskit analyze``; ``spec`` configures the pipeline (default: the defaults);
    ``plugins`` lists the readers whose files are picked up in directories.
    """
    db = require("dask.bag", extra="dask", feature=_FEATURE)
    files = _files(paths, plugins)
    spec = spec if spec is not None else batch.PipelineSpec()
    if not files:
        return db.from_sequence([], npartitions=1)
    return db.from_sequence(files, partition_size=1).map_partitions(_partition, spec)


@contextlib.contextmanager
def connect(scheduler: str | Client | None) -> Iterator[Client]:
    """A Dask client for ``scheduler``: an address (``tcp://host:8786``) to connect to
    and close after; a :class:`distributed.Client` to use as it is; or None for the
    current default client, else a :class:`distributed.LocalCluster` started for the
    duration, with one single-threaded worker process per core.

    An address that no scheduler answers within :data:`CONNECT_TIMEOUT` seconds raises
    :class:`~newskit.ConfigError` naming it.
    """
    distributed = require("distributed", extra="dask", feature=_FEATURE)
    if scheduler is None:
        try:
            current = distributed.default_client()
        except ValueError:  # no client has been started: a cluster on this machine
            current = None
        if current is not None:
            yield current
            return
        with (
            distributed.LocalCluster(
                n_workers=os.cpu_count() or 1,
                threads_per_worker=1,
                processes=True,
                dashboard_address=None,
            ) as cluster,
            distributed.Client(cluster, set_as_default=False) as client,
        ):
            yield client
        return
    if not isinstance(scheduler, str):
        yield scheduler
        return
    try:
        client = distributed.Client(scheduler, timeout=CONNECT_TIMEOUT, set_as_default=False)
    except (OSError, TimeoutError, ValueError) as exc:
        raise ConfigError(
            f"{scheduler}: no Dask scheduler answers at this address (waited "
            f"{CONNECT_TIMEOUT:g} s: {type(exc).__name__}: {exc}); start one with "
            "`dask scheduler`, or check the address and the port (default 8786)"
        ) from None
    try:
        yield client
    finally:
        client.close()


def _threads(client: Client) -> int:
    """How many tasks the cluster runs at once (at least 1)."""
    return max(1, sum(client.nthreads().values()))


def run(
    paths: Iterable[str | os.PathLike[str]],
    *,
    spec: batch.PipelineSpec | None = None,
    plugins: PluginManager | None = None,
    scheduler: str | Client | None = None,
) -> Iterator[Article]:
    """The articles of every file under ``paths``, in input order, analysed on Dask.

    Each file is one task, running what a partition of :func:`analyze_bag` runs.
    ``scheduler`` is a scheduler's address, a :class:`distributed.Client`, or None
    (see :func:`connect`). Up to four times as many files as the cluster has threads
    are in flight; each one's articles are released once yielded, so this process
    holds a few files' articles at a time.
    """
    files = _files(paths, plugins)
    spec = spec if spec is not None else batch.PipelineSpec()
    with connect(scheduler) as client:
        window = 4 * _threads(client)
        pending: deque[Any] = deque()
        for item in files:
            if isinstance(item, Article):  # a path that named nothing
                pending.append(item)
            else:
                pending.append(client.submit(_partition, [item], spec, pure=False))
            while len(pending) > window:
                yield from _articles(pending.popleft())
        while pending:
            yield from _articles(pending.popleft())


def _articles(item: Any) -> list[Article]:
    return [item] if isinstance(item, Article) else item.result()


def ingest(
    store: Store,
    paths: Iterable[str | os.PathLike[str]],
    *,
    spec: batch.PipelineSpec | None = None,
    plugins: PluginManager | None = None,
    scheduler: str | Client | None = None,
    retry_failed: bool = False,
) -> Iterator[Article]:
    """Store the articles of every file under ``paths``, analysed on a Dask cluster,
    skipping the inputs ``store`` holds already; yield the articles stored.

    As :meth:`~newskit.store.Store.ingest_files`: the workers read, hash and analyse
    each file; this process writes it to the store in one transaction, in input order.
    ``scheduler`` is as for :func:`run`.
    """
    pm = plugins if plugins is not None else get_plugin_manager()
    spec = spec if spec is not None else batch.PipelineSpec()
    with connect(scheduler) as client:
        yield from store.ingest_files(
            paths,
            spec=spec,
            plugins=pm,
            jobs=_threads(client),
            retry_failed=retry_failed,
            executor=client.get_executor(pure=False),
        )


@frozen
class Written:
    """One input file written by :func:`write`: where to, how many articles and how
    many error records."""

    input: str
    output: str
    articles: int
    failed: int


_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def _output_name(index: int, path: str, extension: str) -> str:
    """``00042-crawl-00001.warc.jsonl``: the input's position, then its file name made
    safe (no directory part, no ``..``, no NUL), then the format's extension."""
    base = _UNSAFE.sub("_", os.path.basename(path)).strip("._") or "input"
    return f"{index:05d}-{base[:100]}{extension}"


def _write_partition(
    items: Iterable[tuple[int, str | Article]],
    spec: batch.PipelineSpec,
    directory: str,
    format_name: str,
) -> list[Written]:
    """In a worker: analyse each input file and stream its articles into its own output
    file, written to a temporary name and renamed when complete."""
    state = batch._state_for(spec)
    fmt = get_plugin_manager().formats[format_name]
    extension = fmt.extensions[0] if fmt.extensions else f".{fmt.name}"
    done: list[Written] = []
    for index, item in items:
        path = item.id if isinstance(item, Article) else item
        articles: Iterable[Article] = (
            [item] if isinstance(item, Article) else (batch._iter_work(item, state))
        )
        target = os.path.join(directory, _output_name(index, path, extension))
        counts = {"articles": 0, "failed": 0}
        partial = f"{target}.partial"
        mode = "wb" if fmt.binary else "w"
        with open(partial, mode, **({} if fmt.binary else {"encoding": "utf-8"})) as stream:
            fmt.write(_counted(articles, counts), stream)
        os.replace(partial, target)
        done.append(Written(path, target, counts["articles"], counts["failed"]))
    return done


def _counted(found: Iterable[Article], counts: dict[str, int]) -> Iterator[Article]:
    for article in found:
        counts["failed" if article.failed else "articles"] += 1
        yield article


def write(
    paths: Iterable[str | os.PathLike[str]],
    directory: str | os.PathLike[str],
    *,
    format: str = "jsonl",
    spec: batch.PipelineSpec | None = None,
    plugins: PluginManager | None = None,
    scheduler: str | Client | None = None,
) -> list[Written]:
    """Analyse every file under ``paths`` on Dask and write each one's articles to its
    own file in ``directory`` (made if missing), in ``format`` (a newskit format name:
    ``jsonl``, ``parquet``, ``csv``…). Returns one :class:`Written` per input, in
    input order.

    The work is :func:`analyze_bag`'s, one task per file, but the articles never leave
    the worker: it writes them as they come, so its memory stays flat whatever the size
    of a WARC. ``directory`` must be on a file system every worker sees. A file is
    written under a temporary name and renamed when complete, so an interrupted run
    leaves no half-written output under a final name.
    """
    pm = plugins if plugins is not None else get_plugin_manager()
    if format not in pm.formats:
        known = ", ".join(sorted(pm.formats))
        raise ConfigError(f"no output format {format!r}; installed: {known}")
    out = os.fspath(directory)
    os.makedirs(out, exist_ok=True)
    files = _files(paths, pm)
    spec = spec if spec is not None else batch.PipelineSpec()
    with connect(scheduler) as client:
        futures = [
            client.submit(_write_partition, [(i, item)], spec, out, format, pure=False)
            for i, item in enumerate(files)
        ]
        return [written for future in futures for written in future.result()]
