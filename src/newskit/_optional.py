"""Optional dependencies: import them on use, and say which extra installs them."""

from __future__ import annotations

import importlib
from types import ModuleType

from .errors import MissingDependencyError

__all__ = ["require"]


def require(module: str, *, extra: str, feature: str) -> ModuleType:
    """Import ``module``, or raise :class:`~newskit.MissingDependencyError` naming the
    ``extra`` that installs it and the ``feature`` that needs it."""
    try:
        return importlib.import_module(module)
    except ImportError as exc:
        raise MissingDependencyError(
            f"{feature} needs the optional package {module.split('.')[0]!r}, which is not "
            f"installed: pip install 'newskit[{extra}]'"
        ) from exc
