"""Helpers for testing newskit plugins, the same ones newskit's own tests use.

>>> from newskit.testing import plugin_manager
>>> pm = plugin_manager()          # only the built-in readers
>>> sorted(pm.readers)
['html', 'jsonl', 'parquet', 'text', 'warc']
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any

from .model import Article
from .pipeline import Pipeline
from .plugins import PluginManager

__all__ = ["analyze_with", "plugin_manager", "registered"]


def plugin_manager(*plugins: Any, builtins: bool = True, strict: bool = True) -> PluginManager:
    """A plugin manager that loads no entry points and registers exactly ``plugins``.

    Each plugin is a module or object with hookimpls, or a ``(name, plugin)`` pair.
    ``strict`` (the default here) turns plugin faults into errors, as a test wants.
    """
    pm = PluginManager(entry_points=False, builtins=builtins, disabled=(), strict=strict)
    for plugin in plugins:
        name, obj = plugin if isinstance(plugin, tuple) else (None, plugin)
        pm.register(obj, name=name)
    return pm


@contextmanager
def registered(pm: PluginManager, plugin: Any, name: str) -> Iterator[PluginManager]:
    """Register ``plugin`` on ``pm`` for the duration of a ``with`` block."""
    pm.register(plugin, name=name)
    try:
        yield pm
    finally:
        pm.unregister(name)


def analyze_with(pm: PluginManager, articles: Iterable[Article], **config: Any) -> list[Article]:
    """Run :meth:`Pipeline.configure` (with ``config``) over ``articles`` using ``pm``."""
    pipeline = Pipeline.configure(plugins=pm, **config)
    return [pipeline.run(a) for a in articles]
