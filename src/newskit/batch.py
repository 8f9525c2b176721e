"""Many inputs to many articles. Every input ends as an article or an error record.

``process`` turns one input into its articles; it holds no state a worker could not
rebuild, so any engine can map it. ``run`` is the serial engine; ``run_parallel``
maps the same work over a local process pool, each worker building its plugin manager
and pipeline once from a :class:`PipelineSpec` (plain data), and yields the articles
in input order, so its output equals a serial run's.

A worker that dies (a crash in native code, the out-of-memory killer, a plugin calling
``os._exit``) breaks a plain process pool and every task in it. :class:`WorkerPool`
instead starts a new pool and runs each task that was in flight alone in a process of
its own: the input that kills that one too becomes an error record, and the batch goes
on.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import TYPE_CHECKING, Any, Generic, TypeVar

import attrs
from attrs import define, frozen

from .components import Input, Reader
from .errors import InputError
from .inputs import input_id, iter_inputs, iter_paths, load_file
from .limits import Limits, within_limits
from .model import Article
from .pipeline import Pipeline
from .plugins import PluginManager
from .readers import known_extensions, read_input, stream_extensions

if TYPE_CHECKING:
    from .fetch import Fetcher

__all__ = ["PipelineSpec", "Tally", "WorkerPool", "process", "run", "run_parallel"]

_T = TypeVar("_T")


def process(
    inp: Input,
    pipeline: Pipeline,
    readers: Mapping[str, Reader],
    limits: Limits | None = None,
) -> Iterator[Article]:
    """Read one input and run the pipeline on each article in it, within ``limits``
    (default: :meth:`Limits.current`): a document over the time limit becomes an
    error record (see :func:`newskit.limits.within_limits`)."""
    limits = limits if limits is not None else Limits.current()
    return within_limits(inp, read_input(inp, readers), pipeline.run, limits)


def run(
    paths: Iterable[str | os.PathLike[str]],
    *,
    pipeline: Pipeline,
    plugins: PluginManager,
    url: str | None = None,
    limits: Limits | None = None,
    fetcher: Fetcher | None = None,
) -> Iterator[Article]:
    """Analyse every input under ``paths`` in order, lazily, one process, within
    ``limits`` (default: :meth:`Limits.current`). With a ``fetcher``, the http(s) URLs
    among ``paths`` are downloaded; without one, each is an error record."""
    readers = plugins.readers
    limits = limits if limits is not None else Limits.current()
    options: dict[str, Any] = {
        "url": url,
        "extensions": known_extensions(readers.values()),
        "stream_extensions": stream_extensions(readers.values()),
        "limits": limits,
    }
    if fetcher is not None:
        from .fetch import iter_inputs as fetched_inputs

        found = fetched_inputs(paths, fetcher=fetcher, **options)
    else:
        found = iter_inputs(paths, **options)
    for item in found:
        if isinstance(item, Article):  # the input could not even be loaded
            yield item
        else:
            yield from process(item, pipeline, readers, limits)


@frozen(kw_only=True)
class PipelineSpec:
    """What a worker needs to build the pipeline: :meth:`Pipeline.configure` keyword
    arguments, classifiers trained with ``newskit train`` as (name, model path), and
    the :class:`~newskit.Limits` on each input."""

    config: dict[str, Any] = attrs.field(factory=dict)
    models: tuple[tuple[str, str], ...] = ()
    limits: Limits = attrs.field(factory=Limits)

    def build(self, plugins: PluginManager) -> Pipeline:
        from .trained import load_model

        pipeline = Pipeline.configure(plugins=plugins, **self.config)
        extra = [
            attrs.evolve(load_model(path), name=name).classifier() for name, path in self.models
        ]
        return (
            attrs.evolve(pipeline, classifiers=[*pipeline.classifiers, *extra])
            if extra
            else pipeline
        )


_worker: dict[str, Any] = {}


def _worker_state(spec: PipelineSpec) -> dict[str, Any]:
    """What a worker builds once from ``spec``: its pipeline, readers and extensions."""
    from .plugins import get_plugin_manager

    pm = get_plugin_manager()
    readers = pm.readers
    return {
        "pipeline": spec.build(pm),
        "readers": readers,
        "extensions": known_extensions(readers.values()),
        "stream": stream_extensions(readers.values()),
        "limits": spec.limits,
    }


def _start_worker(spec: PipelineSpec) -> None:
    _worker.update(_worker_state(spec))
    _exit_with_parent()


def _exit_with_parent(every: float = 1.0) -> None:
    """End this pool worker when its parent dies: after a kill -9 of the parent, the
    workers would otherwise wait for work forever."""
    parent = os.getppid()

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(every)
        os._exit(1)

    threading.Thread(target=watch, name="newskit-parent-watch", daemon=True).start()


_states: list[tuple[PipelineSpec, dict[str, Any]]] = []
_states_lock = threading.Lock()


def _state_for(spec: PipelineSpec) -> dict[str, Any]:
    """This process's worker state for ``spec``, built on first use and kept: for
    engines whose workers have no initializer (Dask). Threads share it."""
    with _states_lock:
        for known, state in _states:
            if known == spec:
                return state
        state = _worker_state(spec)
        _states[:] = [*_states[-3:], (spec, state)]  # a few specs at most
        return state


def _load(path: str, state: Mapping[str, Any]) -> Input | Article:
    """One file as an :class:`Input`, or the error record of a file that cannot be read."""
    try:
        return load_file(
            path,
            extensions=state["extensions"],
            stream_extensions=state["stream"],
            limits=state.get("limits"),
        )
    except InputError as exc:
        return Article.failure(input_id(path, state["extensions"]), str(exc))


def _iter_work(path: str, state: Mapping[str, Any] | None = None) -> Iterator[Article]:
    """The per-input function every engine maps (the process pool, Dask): one file to
    its articles, lazily, or to its error record. ``state`` defaults to this worker
    process's, built by :func:`_start_worker`."""
    state = _worker if state is None else state
    inp = _load(path, state)
    if isinstance(inp, Article):
        yield inp
    else:
        yield from process(inp, state["pipeline"], state["readers"], state.get("limits"))


def _work(path: str) -> list[Article]:
    return list(_iter_work(path))


def run_parallel(
    paths: Iterable[str | os.PathLike[str]],
    *,
    spec: PipelineSpec,
    plugins: PluginManager,
    jobs: int,
) -> Iterator[Article]:
    """Analyse every file under ``paths`` on ``jobs`` processes; articles come out in
    input order. Standard input and ``--url`` need the serial :func:`run`."""
    extensions = known_extensions(plugins.readers.values())
    files = iter_paths(paths, extensions=extensions)
    with WorkerPool(jobs, spec) as pool:
        pending: list[Any] = []
        for item in files:
            if isinstance(item, Article):
                pending.append(item)
            else:
                died = _died(item, extensions)
                pending.append(pool.submit(_work, item, on_death=lambda d=died: [d]))
            # Keep a bounded window of work in flight; yield from its head in order.
            while len(pending) > 4 * jobs:
                yield from _done(pending.pop(0))
        for item in pending:
            yield from _done(item)


def _done(item: Any) -> list[Article]:
    return [item] if isinstance(item, Article) else item.result()


def _died(path: str, extensions: Iterable[str]) -> Article:
    """The error record of an input whose worker process died analysing it."""
    message = (
        f"{path}: the worker process died while analysing it (a crash in native code, "
        f"or killed, e.g. for lack of memory); it was tried alone a second time"
    )
    return Article.failure(input_id(path, extensions), message)


class WorkerTask(Generic[_T]):
    """A task of a :class:`WorkerPool`: :meth:`result` is its result, or, when its
    worker died, ``on_death()``."""

    def __init__(
        self,
        pool: WorkerPool,
        fn: Callable[..., _T],
        args: tuple[Any, ...],
        on_death: Callable[[], _T],
    ) -> None:
        self.pool, self.fn, self.args, self.on_death = pool, fn, args, on_death
        self.generation = pool.generation
        self.future: Future[_T] = pool.executor.submit(fn, *args)

    def result(self) -> _T:
        try:
            return self.future.result()
        except BrokenProcessPool:
            return self.pool.recover(self)


class WorkerPool:
    """A local process pool of ``jobs`` workers, each built from ``spec`` once, that
    survives a worker's death.

    When a worker dies, every task in flight fails with it, and only one of them (at
    most) was the cause. The pool is replaced, and each of those tasks runs again
    alone, in a fresh one-worker pool: one that dies again gives ``on_death()``, the
    others their results. A dead worker costs a few seconds, never the batch.
    """

    def __init__(self, jobs: int, spec: PipelineSpec) -> None:
        self.jobs, self.spec = jobs, spec
        self.generation = 0
        self.executor = self._start(jobs)

    def _start(self, jobs: int) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(jobs, initializer=_start_worker, initargs=(self.spec,))

    def submit(
        self, fn: Callable[..., _T], *args: Any, on_death: Callable[[], _T]
    ) -> WorkerTask[_T]:
        return WorkerTask(self, fn, args, on_death)

    def recover(self, task: WorkerTask[_T]) -> _T:
        if task.generation == self.generation:  # the first of its generation to fail
            self.executor.shutdown(wait=False, cancel_futures=True)
            self.generation += 1
            self.executor = self._start(self.jobs)
        with self._start(1) as alone:
            try:
                return alone.submit(task.fn, *task.args).result()
            except BrokenProcessPool:
                return task.on_death()

    def shutdown(self) -> None:
        self.executor.shutdown(wait=True, cancel_futures=True)

    def __enter__(self) -> WorkerPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.shutdown()


@define
class Tally:
    """Counts what passes through :meth:`count`: articles, failed inputs, step errors."""

    articles: int = 0
    failed: int = 0
    with_errors: int = 0

    def count(self, articles: Iterable[Article]) -> Iterator[Article]:
        for article in articles:
            if article.failed:
                self.failed += 1
            else:
                self.articles += 1
                if article.errors:
                    self.with_errors += 1
            yield article

    def summary(self) -> str:
        text = f"{self.articles} article{'s' if self.articles != 1 else ''}"
        if self.with_errors:
            text += f" ({self.with_errors} with step errors)"
        return f"{text}, {self.failed} failed"
