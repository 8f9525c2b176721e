"""Many inputs to many articles. Every input ends as an article or an error record.

``process`` turns one input into its articles; it holds no state a worker could not
rebuild, so any engine can map it. ``run`` is the serial engine; ``run_parallel``
maps the same work over a local process pool, each worker building its plugin manager
and pipeline once from a :class:`PipelineSpec` (plain data), and yields the articles
in input order, so its output equals a serial run's.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Mapping
from concurrent.futures import ProcessPoolExecutor
from typing import Any

import attrs
from attrs import define, frozen

from .components import Input, Reader
from .errors import InputError
from .inputs import input_id, iter_inputs, iter_paths, load_file
from .model import Article
from .pipeline import Pipeline
from .plugins import PluginManager
from .readers import known_extensions, read_input, stream_extensions

__all__ = ["PipelineSpec", "Tally", "process", "run", "run_parallel"]


def process(inp: Input, pipeline: Pipeline, readers: Mapping[str, Reader]) -> Iterator[Article]:
    """Read one input and run the pipeline on each article in it."""
    for article in read_input(inp, readers):
        yield pipeline.run(article)


def run(
    paths: Iterable[str | os.PathLike[str]],
    *,
    pipeline: Pipeline,
    plugins: PluginManager,
    url: str | None = None,
) -> Iterator[Article]:
    """Analyse every input under ``paths`` in order, lazily, one process."""
    readers = plugins.readers
    found = iter_inputs(
        paths,
        url=url,
        extensions=known_extensions(readers.values()),
        stream_extensions=stream_extensions(readers.values()),
    )
    for item in found:
        if isinstance(item, Article):  # the input could not even be loaded
            yield item
        else:
            yield from process(item, pipeline, readers)


@frozen(kw_only=True)
class PipelineSpec:
    """What a worker needs to build the pipeline: :meth:`Pipeline.configure` keyword
    arguments, and classifiers trained with ``newskit train`` as (name, model path)."""

    config: dict[str, Any] = attrs.field(factory=dict)
    models: tuple[tuple[str, str], ...] = ()

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


def _start_worker(spec: PipelineSpec) -> None:
    from .plugins import get_plugin_manager

    pm = get_plugin_manager()
    _worker.update(pipeline=spec.build(pm), readers=pm.readers)
    _worker["extensions"] = known_extensions(_worker["readers"].values())
    _worker["stream"] = stream_extensions(_worker["readers"].values())


def _work(path: str) -> list[Article]:
    try:
        inp = load_file(path, extensions=_worker["extensions"], stream_extensions=_worker["stream"])
    except InputError as exc:
        return [Article.failure(input_id(path, _worker["extensions"]), str(exc))]
    return list(process(inp, _worker["pipeline"], _worker["readers"]))


def run_parallel(
    paths: Iterable[str | os.PathLike[str]],
    *,
    spec: PipelineSpec,
    plugins: PluginManager,
    jobs: int,
) -> Iterator[Article]:
    """Analyse every file under ``paths`` on ``jobs`` processes; articles come out in
    input order. Standard input and ``--url`` need the serial :func:`run`."""
    files = iter_paths(paths, extensions=known_extensions(plugins.readers.values()))
    with ProcessPoolExecutor(jobs, initializer=_start_worker, initargs=(spec,)) as pool:
        pending: list[Any] = []
        for item in files:
            pending.append(item if isinstance(item, Article) else pool.submit(_work, item))
            # Keep a bounded window of work in flight; yield from its head in order.
            while len(pending) > 4 * jobs:
                yield from _done(pending.pop(0))
        for item in pending:
            yield from _done(item)


def _done(item: Any) -> list[Article]:
    return [item] if isinstance(item, Article) else item.result()


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
