"""newskit: news analysis as clean, typed data.

Read news pages (HTML, crawler text dumps, JSONL), clean them, summarize them, classify
them with evidence, and export them. The public API is exactly ``__all__``.
"""

from __future__ import annotations

from ._api import analyze, analyze_text, read
from ._version import __version__
from .components import Classifier, Cleaner, Format, Input, Length, Reader, Summarizer
from .errors import (
    ComponentError,
    ConfigError,
    InputError,
    MissingDependencyError,
    NewskitError,
    PluginConflictError,
    PluginError,
)
from .hookspecs import hookimpl
from .lexicon import Lexicon, TermMatch
from .limits import Limits
from .model import Article, Category, Evidence, Problem, Removal, Source
from .pipeline import Pipeline
from .plugins import PluginInfo, PluginManager, PluginWarning, get_plugin_manager
from .sentences import Sentence, split_sentences

__all__ = [
    "Article",
    "Category",
    "Classifier",
    "Cleaner",
    "ComponentError",
    "ConfigError",
    "Evidence",
    "Format",
    "Input",
    "InputError",
    "Length",
    "Lexicon",
    "Limits",
    "MissingDependencyError",
    "NewskitError",
    "Pipeline",
    "PluginConflictError",
    "PluginError",
    "PluginInfo",
    "PluginManager",
    "PluginWarning",
    "Problem",
    "Reader",
    "Removal",
    "Sentence",
    "Source",
    "Summarizer",
    "TermMatch",
    "__version__",
    "analyze",
    "analyze_text",
    "get_plugin_manager",
    "hookimpl",
    "read",
    "split_sentences",
]
