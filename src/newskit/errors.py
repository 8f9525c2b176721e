"""The exceptions newskit raises. Every one derives from :class:`NewskitError`."""

from __future__ import annotations

__all__ = [
    "ComponentError",
    "ConfigError",
    "InputError",
    "MissingDependencyError",
    "NewskitError",
    "PluginConflictError",
    "PluginError",
]


class NewskitError(Exception):
    """Base class of every error newskit raises on purpose.

    Messages name the input or component concerned and, where there is one, the fix.
    """


class InputError(NewskitError, ValueError):
    """An input could not be read: missing, empty, binary, malformed or invalid."""

    def __init__(self, source: str, problem: str) -> None:
        self.source = source
        self.problem = problem
        super().__init__(f"{source}: {problem}")


class ConfigError(NewskitError, ValueError):
    """The configuration names something that does not exist or is out of range."""


class MissingDependencyError(NewskitError, ImportError):
    """A feature needs an optional package that is not installed; the message names
    the extra that installs it (``pip install 'newskit[parquet]'``)."""


class PluginError(NewskitError):
    """A plugin failed to import, to register, or returned something invalid."""


class PluginConflictError(PluginError):
    """Two plugins registered components of the same kind under the same name."""

    plugins: tuple[str, str] = ("", "")


class ComponentError(NewskitError):
    """A component failed on one article: a pipeline step in strict mode (otherwise the
    failure is recorded on the article), or a format that cannot write an article."""

    def __init__(self, step: str, article_id: str, message: str) -> None:
        self.step = step
        self.article_id = article_id
        self.message = message
        super().__init__(f"{article_id or '<no id>'}: step {step!r} failed: {message}")
