"""Many inputs to many articles. Every input ends as an article or an error record.

``process`` turns one input into its articles; it holds no state a worker could not
rebuild, so any engine can map it. ``run`` is the serial engine.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Mapping

from attrs import define

from .components import Input, Reader
from .inputs import iter_inputs
from .model import Article
from .pipeline import Pipeline
from .plugins import PluginManager
from .readers import known_extensions, read_input

__all__ = ["Tally", "process", "run"]


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
    for item in iter_inputs(paths, url=url, extensions=known_extensions(readers.values())):
        if isinstance(item, Article):  # the input could not even be loaded
            yield item
        else:
            yield from process(item, pipeline, readers)


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
