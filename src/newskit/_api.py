"""The top-level functions: ``read``, ``analyze`` and ``analyze_text``."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator

from . import batch
from . import fetch as _fetch
from .limits import Limits
from .model import Article
from .pipeline import Pipeline
from .plugins import PluginManager, get_plugin_manager
from .readers import article_from_text
from .urls import enrich_from_url

__all__ = ["analyze", "analyze_text", "read"]

PathArg = str | os.PathLike[str]


def _paths(paths: PathArg | Iterable[PathArg]) -> list[PathArg]:
    return [paths] if isinstance(paths, (str, os.PathLike)) else list(paths)


def _fetcher(fetch: bool | _fetch.Fetcher) -> _fetch.Fetcher:
    return fetch if isinstance(fetch, _fetch.Fetcher) else _fetch.Fetcher()


def read(
    paths: PathArg | Iterable[PathArg],
    *,
    url: str | None = None,
    plugins: PluginManager | None = None,
    limits: Limits | None = None,
    fetch: bool | _fetch.Fetcher = False,
) -> Iterator[Article]:
    """Read articles from files, directories, globs or ``"-"`` (stdin), without analysis.

    Inputs that cannot be read, or that go over a :class:`~newskit.Limits` (``limits``,
    default: the defaults), come out as error records (``article.failed``).
    ``http(s)://`` inputs are downloaded only with ``fetch=True`` (or a
    :class:`newskit.fetch.Fetcher` with its own limits); otherwise they are errors.
    """
    pm = plugins or get_plugin_manager()
    empty = Pipeline()
    fetcher = _fetcher(fetch) if fetch else None
    return batch.run(
        _paths(paths), pipeline=empty, plugins=pm, url=url, limits=limits, fetcher=fetcher
    )


def analyze(
    paths: PathArg | Iterable[PathArg],
    *,
    url: str | None = None,
    pipeline: Pipeline | None = None,
    plugins: PluginManager | None = None,
    limits: Limits | None = None,
    fetch: bool | _fetch.Fetcher = False,
) -> Iterator[Article]:
    """Read and analyse every input: clean, summarize, classify. Lazy, in input order.

    ``pipeline`` defaults to :meth:`Pipeline.configure` with the installed defaults.
    Inputs that cannot be read come out as error records (``article.failed``), and so
    does an input over ``limits`` (:class:`~newskit.Limits`; default: the defaults),
    such as a page that takes longer than ``limits.timeout`` seconds. ``http(s)://``
    inputs are downloaded only with ``fetch=True`` (or a :class:`newskit.fetch.Fetcher`
    with its own limits); otherwise they are errors.

    >>> article = next(newskit.analyze("examples/atlas-mali.txt"))
    >>> article.title
    'UN to End Peacekeeping Mission in Mali, Per Reuters'
    """
    pm = plugins or get_plugin_manager()
    pipeline = pipeline or Pipeline.configure(plugins=pm)
    fetcher = _fetcher(fetch) if fetch else None
    return batch.run(
        _paths(paths), pipeline=pipeline, plugins=pm, url=url, limits=limits, fetcher=fetcher
    )


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
