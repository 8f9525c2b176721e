"""The top-level functions: ``read``, ``analyze`` and ``analyze_text``."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator

from . import batch
from .model import Article
from .pipeline import Pipeline
from .plugins import PluginManager, get_plugin_manager
from .readers import article_from_text
from .urls import enrich_from_url

__all__ = ["analyze", "analyze_text", "read"]

PathArg = str | os.PathLike[str]


def _paths(paths: PathArg | Iterable[PathArg]) -> list[PathArg]:
    return [paths] if isinstance(paths, (str, os.PathLike)) else list(paths)


def read(
    paths: PathArg | Iterable[PathArg],
    *,
    url: str | None = None,
    plugins: PluginManager | None = None,
) -> Iterator[Article]:
    """Read articles from files, directories, globs or ``"-"`` (stdin), without analysis.

    Inputs that cannot be read come out as error records (``article.failed``).
    """
    pm = plugins or get_plugin_manager()
    empty = Pipeline()
    return batch.run(_paths(paths), pipeline=empty, plugins=pm, url=url)


def analyze(
    paths: PathArg | Iterable[PathArg],
    *,
    url: str | None = None,
    pipeline: Pipeline | None = None,
    plugins: PluginManager | None = None,
) -> Iterator[Article]:
    """Read and analyse every input: clean, summarize, classify. Lazy, in input order.

    ``pipeline`` defaults to :meth:`Pipeline.configure` with the installed defaults.
    Inputs that cannot be read come out as error records (``article.failed``).

    >>> article = next(newskit.analyze("examples/atlas-mali.txt"))
    >>> article.title
    'UN to End Peacekeeping Mission in Mali, Per Reuters'
    """
    pm = plugins or get_plugin_manager()
    pipeline = pipeline or Pipeline.configure(plugins=pm)
    return batch.run(_paths(paths), pipeline=pipeline, plugins=pm, url=url)


def analyze_text(
    text: str,
    *,
    id: str = "text",
    url: str | None = None,
    title: str | None = None,
    pipeline: Pipeline | None = None,
) -> Article:
    """Analyse one text (a page's text dump or a clean body) held in memory.

    Raises :class:`~newskit.InputError` when the text is empty or binary.
    """
    article = enrich_from_url(article_from_text(text, id=id, url=url, title=title))
    return (pipeline or Pipeline.configure()).run(article)
