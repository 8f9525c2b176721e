"""The plugin manager: loads plugins from entry points, one at a time, and collects
their components into registries.

Every plugin is loaded and called in isolation: one that fails to import, to register,
or returns something invalid is reported (a :class:`PluginWarning`, and in
``newskit plugins``) and skipped, so the rest still work. ``NEWSKIT_STRICT_PLUGINS=1``
turns those faults into errors; ``NEWSKIT_DISABLE_PLUGINS=a,b`` never loads ``a``, ``b``.
"""

from __future__ import annotations

import importlib.metadata
import os
import threading
import time
import warnings
from collections.abc import Iterable, Iterator, Mapping
from types import ModuleType
from typing import Any, Generic, TypeVar

import attrs
import pluggy
from attrs import field, frozen

from . import hookspecs
from ._version import __version__
from .components import COMPONENT_KINDS, Classifier, Cleaner, Format, Reader, Summarizer
from .errors import ConfigError, PluginConflictError, PluginError

__all__ = [
    "ENTRY_POINT_GROUP",
    "SLOW_LOAD",
    "PluginInfo",
    "PluginManager",
    "PluginWarning",
    "Registry",
    "get_plugin_manager",
]

ENTRY_POINT_GROUP = "newskit"
#: Seconds to import and register a plugin from which ``newskit plugins`` calls it slow.
SLOW_LOAD = 1.0
DISABLE_ENV = "NEWSKIT_DISABLE_PLUGINS"
STRICT_ENV = "NEWSKIT_STRICT_PLUGINS"

_C = TypeVar("_C", Reader, Cleaner, Summarizer, Classifier, Format)


class PluginWarning(UserWarning):
    """A plugin was skipped or misbehaved; newskit goes on without it."""


@frozen(kw_only=True)
class PluginInfo:
    """What ``newskit plugins`` shows about one plugin."""

    name: str
    version: str | None = None
    module: str | None = None
    status: str = "loaded"  # loaded | builtin | failed | disabled
    hooks: tuple[str, ...] = ()
    components: Mapping[str, tuple[str, ...]] = field(factory=dict)
    errors: tuple[str, ...] = ()
    #: Seconds spent importing and registering the plugin (None when not measured).
    load_seconds: float | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "version": self.version,
            "module": self.module,
            "status": self.status,
            "hooks": list(self.hooks),
            "components": {k: list(v) for k, v in self.components.items()},
            "errors": list(self.errors),
            "load_seconds": self.load_seconds,
        }


class Registry(Mapping[str, _C], Generic[_C]):
    """The components of one kind, by name, each with the plugin that registered it."""

    def __init__(self, kind: str, entries: Iterable[tuple[str, _C]]) -> None:
        self.kind = kind
        self._items: dict[str, _C] = {}
        self._owners: dict[str, str] = {}
        for plugin, component in entries:
            name = component.name
            if name in self._items:
                error = PluginConflictError(
                    f"{kind} {name!r} is registered by both plugin {self._owners[name]!r} "
                    f"and plugin {plugin!r}; uninstall one, or disable it with "
                    f"{DISABLE_ENV}={plugin}"
                )
                error.plugins = (self._owners[name], plugin)
                raise error
            self._items[name] = component
            self._owners[name] = plugin

    def __getitem__(self, name: str) -> _C:
        try:
            return self._items[name]
        except KeyError:
            known = ", ".join(sorted(self._items)) or "none installed"
            raise ConfigError(f"unknown {self.kind} {name!r}; available: {known}") from None

    def __contains__(self, name: object) -> bool:
        return name in self._items

    def get(self, name: str, default: Any = None) -> Any:
        return self._items.get(name, default)

    def __iter__(self) -> Iterator[str]:
        return iter(self._items)

    def __len__(self) -> int:
        return len(self._items)

    def owner(self, name: str) -> str:
        """The name of the plugin that registered component ``name``."""
        self[name]  # raises a clear error for unknown names
        return self._owners[name]


class PluginManager:
    """Loads newskit plugins and gives their components by kind.

    ``entry_points=False`` loads nothing from the environment: tests and embedders then
    :meth:`register` exactly the plugins they want. ``builtins`` registers the core
    readers. ``disabled`` and ``strict`` default to ``NEWSKIT_DISABLE_PLUGINS`` and
    ``NEWSKIT_STRICT_PLUGINS``.
    """

    def __init__(
        self,
        *,
        entry_points: bool = True,
        builtins: bool = True,
        disabled: Iterable[str] | None = None,
        strict: bool | None = None,
    ) -> None:
        self._pm = pluggy.PluginManager("newskit")
        self._pm.add_hookspecs(hookspecs)
        self.strict = _env_flag(STRICT_ENV) if strict is None else strict
        if disabled is None:
            disabled = [n.strip() for n in os.environ.get(DISABLE_ENV, "").split(",")]
        self.disabled = frozenset(n for n in disabled if n)
        self._infos: dict[str, PluginInfo] = {}
        self._faults: dict[str, list[str]] = {}
        self._registries: dict[str, Registry[Any]] = {}
        self._lock = threading.Lock()
        if builtins:
            from . import readers

            self.register(readers, name="readers", status="builtin", version=__version__)
        if entry_points:
            self.load_entry_points()

    # -- loading ---------------------------------------------------------------------

    def load_entry_points(self, group: str = ENTRY_POINT_GROUP) -> None:
        """Load every plugin in the entry-point ``group``, each in isolation."""
        for ep in sorted(importlib.metadata.entry_points(group=group), key=lambda e: e.name):
            if ep.name in self._infos:
                if self._infos[ep.name].module != ep.value:
                    self._fault(ep.name, f"another plugin is already named {ep.name!r}")
                continue
            dist = getattr(ep, "dist", None)
            version = dist.version if dist is not None else None
            if ep.name in self.disabled:
                self._infos[ep.name] = PluginInfo(
                    name=ep.name, version=version, module=ep.value, status="disabled"
                )
                continue
            start = time.perf_counter()
            try:
                plugin = ep.load()
            except (Exception, SystemExit) as exc:  # noqa: BLE001 - isolate any import failure
                self._infos[ep.name] = PluginInfo(
                    name=ep.name, version=version, module=ep.value, status="failed"
                )
                self._fault(ep.name, f"failed to import {ep.value}: {_describe(exc)}")
                continue
            if self.register(plugin, name=ep.name, version=version, module=ep.value):
                info = self._infos[ep.name]
                seconds = round(time.perf_counter() - start, 3)
                self._infos[ep.name] = attrs.evolve(info, load_seconds=seconds)

    def register(
        self,
        plugin: ModuleType | object,
        name: str | None = None,
        *,
        version: str | None = None,
        module: str | None = None,
        status: str = "loaded",
    ) -> str | None:
        """Register a plugin object or module. Returns its name, or None if it failed."""
        name = name or getattr(plugin, "__name__", None) or type(plugin).__name__
        if name in self.disabled:
            self._infos[name] = PluginInfo(name=name, version=version, status="disabled")
            return None
        if module is None:
            module = getattr(plugin, "__name__", None) or type(plugin).__module__
        try:
            self._pm.register(plugin, name=name)
        except (Exception, SystemExit) as exc:  # noqa: BLE001 - a bad hookimpl must not stop the rest
            self._infos[name] = PluginInfo(
                name=name, version=version, module=module, status="failed"
            )
            self._fault(name, f"failed to register: {_describe(exc)}")
            return None
        hooks = tuple(sorted(h.name for h in self._pm.get_hookcallers(plugin) or ()))
        self._infos[name] = PluginInfo(
            name=name, version=version, module=module, status=status, hooks=hooks
        )
        self._registries.clear()
        return name

    def unregister(self, name: str) -> None:
        """Remove the plugin called ``name``."""
        self._pm.unregister(name=name)
        self._infos.pop(name, None)
        self._faults.pop(name, None)
        self._registries.clear()

    # -- components ------------------------------------------------------------------

    def components(self, kind: str) -> Registry[Any]:
        """The registry of one component kind: ``reader``, ``cleaner``, ``summarizer``,
        ``classifier`` or ``format``."""
        if kind not in COMPONENT_KINDS:
            raise ConfigError(
                f"unknown component kind {kind!r}; one of {', '.join(COMPONENT_KINDS)}"
            )
        with self._lock:
            if kind not in self._registries:
                self._registries[kind] = Registry(kind, self._collect(kind))
            return self._registries[kind]

    @property
    def readers(self) -> Registry[Reader]:
        return self.components("reader")

    @property
    def cleaners(self) -> Registry[Cleaner]:
        return self.components("cleaner")

    @property
    def summarizers(self) -> Registry[Summarizer]:
        return self.components("summarizer")

    @property
    def classifiers(self) -> Registry[Classifier]:
        return self.components("classifier")

    @property
    def formats(self) -> Registry[Format]:
        return self.components("format")

    def format_for_path(self, path: str) -> Format | None:
        """The format whose extension ends ``path`` (the longest match), or ``None``.

        Two formats that claim the same extension are an error naming both plugins.
        """
        lower = path.lower()
        formats = self.formats
        matches = [
            (ext, name)
            for name, fmt in formats.items()
            for ext in fmt.extensions
            if lower.endswith(ext)
        ]
        if not matches:
            return None
        longest = max(len(ext) for ext, _ in matches)
        best = sorted({name for ext, name in matches if len(ext) == longest})
        if len(best) > 1:
            owners = ", ".join(f"{n!r} (plugin {formats.owner(n)!r})" for n in best)
            raise ConfigError(f"formats {owners} all write {path!r}; choose one with --format")
        return formats[best[0]]

    def _collect(self, kind: str) -> Iterator[tuple[str, Any]]:
        cls, hook_name = COMPONENT_KINDS[kind]
        for impl in getattr(self._pm.hook, hook_name).get_hookimpls():
            plugin = impl.plugin_name
            try:
                result = impl.function()
                if isinstance(result, (str, bytes, Mapping, cls)):
                    self._fault(
                        plugin,
                        f"{hook_name}() returned {type(result).__name__} {result!r:.60}, "
                        f"expected a list of newskit.{cls.__name__}",
                    )
                    continue
                items = list(result) if result is not None else []
            except (Exception, SystemExit) as exc:  # noqa: BLE001 - isolate a faulty plugin
                self._fault(plugin, f"{hook_name}() raised {_describe(exc)}")
                continue
            for item in items:
                if isinstance(item, cls):
                    yield plugin, item
                else:
                    self._fault(
                        plugin,
                        f"{hook_name}() returned {type(item).__name__} {item!r:.60}, "
                        f"expected newskit.{cls.__name__}",
                    )

    def add_commands(self, cli: Any) -> None:
        """Let each plugin add its commands to the click group ``cli``."""
        for impl in self._pm.hook.newskit_register_commands.get_hookimpls():
            try:
                impl.function(cli=cli)
            except (Exception, SystemExit) as exc:  # noqa: BLE001
                self._fault(
                    impl.plugin_name, f"newskit_register_commands() raised {_describe(exc)}"
                )

    # -- reporting -------------------------------------------------------------------

    def plugins(self) -> list[PluginInfo]:
        """Every plugin known to this manager, loaded or not, with its components."""
        conflicts: dict[str, list[str]] = {}
        for kind in COMPONENT_KINDS:  # collecting may record faults
            try:
                self.components(kind)
            except PluginConflictError as exc:
                for plugin in exc.plugins:
                    conflicts.setdefault(plugin, []).append(str(exc))
        owned: dict[str, dict[str, list[str]]] = {}
        for kind in COMPONENT_KINDS:
            registry = self._registries.get(kind)
            for name in registry or ():
                owned.setdefault(registry.owner(name), {}).setdefault(kind, []).append(name)
        out = []
        for name, info in sorted(self._infos.items()):
            comps = {k: tuple(v) for k, v in owned.get(name, {}).items()}
            out.append(
                PluginInfo(
                    name=info.name,
                    version=info.version,
                    module=info.module,
                    status=info.status,
                    hooks=info.hooks,
                    components=comps,
                    errors=(*self._faults.get(name, ()), *conflicts.get(name, ())),
                    load_seconds=info.load_seconds,
                )
            )
        return out

    def faults(self) -> dict[str, tuple[str, ...]]:
        """What went wrong with each faulty plugin so far: failed imports and
        registrations, hooks that raised or returned the wrong type, name conflicts.
        Collects every component kind first, so that every hook has been called."""
        return {info.name: info.errors for info in self.plugins() if info.errors}

    def _fault(self, plugin: str, message: str) -> None:
        text = f"plugin {plugin!r}: {message}"
        if self.strict:
            raise PluginError(f"{text} (strict mode: {STRICT_ENV} is set)")
        faults = self._faults.setdefault(plugin, [])
        if message not in faults:
            faults.append(message)
            warnings.warn(
                f"{text}; skipped. Set {DISABLE_ENV}={plugin} to silence this.",
                PluginWarning,
                stacklevel=3,
            )


def _describe(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {exc}"


def _env_flag(name: str) -> bool:
    return os.environ.get(name, "").strip().lower() in {"1", "true", "yes", "on"}


_default: PluginManager | None = None
_default_lock = threading.Lock()


def get_plugin_manager() -> PluginManager:
    """The process-wide plugin manager, built once from the installed entry points."""
    global _default
    with _default_lock:
        if _default is None:
            _default = PluginManager()
        return _default
