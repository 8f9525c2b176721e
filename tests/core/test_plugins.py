from __future__ import annotations

import importlib.metadata
import sys
import types

import pytest

import newskit
from newskit import (
    Classifier,
    Cleaner,
    PluginConflictError,
    PluginError,
    PluginManager,
    PluginWarning,
)
from newskit.testing import plugin_manager, registered


def _identity(article):
    return article


class CleanerPlugin:
    def __init__(self, *names: str) -> None:
        self.names = names

    @newskit.hookimpl
    def newskit_register_cleaners(self):
        return [Cleaner(name=n, clean=_identity) for n in self.names]


class BrokenHook:
    @newskit.hookimpl
    def newskit_register_cleaners(self):
        raise RuntimeError("cannot build my lexicon")


class WrongType:
    @newskit.hookimpl
    def newskit_register_classifiers(self):
        return ["not a classifier", Classifier(name="fine", classify=lambda a: [])]


class BadSignature:
    @newskit.hookimpl
    def newskit_register_cleaners(self, unexpected_argument):
        return []


class FakeEntryPoint:
    """Stands in for importlib.metadata.EntryPoint, with a dist version."""

    def __init__(self, name: str, source: str, version: str, monkeypatch) -> None:
        self.name = name
        self.value = f"_newskit_test_plugin_{name}"
        self.source = source
        self.dist = types.SimpleNamespace(version=version)
        self.monkeypatch = monkeypatch

    def load(self):
        module = types.ModuleType(self.value)
        module.__dict__["newskit"] = newskit
        exec(self.source, module.__dict__)  # raises like a failing import would
        self.monkeypatch.setitem(sys.modules, self.value, module)
        return module


@pytest.fixture
def fake_entry_points(monkeypatch):
    """Install fake plugin modules and entry points; returns a function adding one."""
    eps: list[FakeEntryPoint] = []

    def add(name: str, source: str, version: str = "1.2.3") -> None:
        eps.append(FakeEntryPoint(name, source, version, monkeypatch))

    def entry_points(group=None):
        assert group == "newskit"
        return list(eps)

    monkeypatch.setattr(importlib.metadata, "entry_points", entry_points)
    return add


GOOD_PLUGIN = """
@newskit.hookimpl
def newskit_register_cleaners():
    return [newskit.Cleaner(name="shout", clean=lambda a: a)]
"""


def test_entry_point_plugins_are_loaded_with_their_version(fake_entry_points):
    fake_entry_points("shouting", GOOD_PLUGIN, version="0.4.0")
    pm = PluginManager()
    assert "shout" in pm.cleaners
    info = {i.name: i for i in pm.plugins()}["shouting"]
    assert (info.version, info.status) == ("0.4.0", "loaded")
    assert info.components == {"cleaner": ("shout",)}
    assert info.hooks == ("newskit_register_cleaners",)


def test_a_plugin_that_fails_to_import_is_reported_and_skipped(fake_entry_points):
    fake_entry_points("broken", "raise ImportError('needs torch')")
    fake_entry_points("shouting", GOOD_PLUGIN)
    with pytest.warns(PluginWarning, match="plugin 'broken': failed to import .*needs torch"):
        pm = PluginManager()
    assert "shout" in pm.cleaners  # the others still load
    info = {i.name: i for i in pm.plugins()}["broken"]
    assert info.status == "failed"
    assert "needs torch" in info.errors[0]


def test_strict_mode_makes_a_failing_import_fatal(fake_entry_points, monkeypatch):
    fake_entry_points("broken", "raise ImportError('needs torch')")
    monkeypatch.setenv("NEWSKIT_STRICT_PLUGINS", "1")
    with pytest.raises(PluginError, match="plugin 'broken': failed to import.*strict mode"):
        PluginManager()


def test_disabled_plugins_are_never_imported(fake_entry_points, monkeypatch):
    fake_entry_points("broken", "raise ImportError('must not be imported')")
    fake_entry_points("shouting", GOOD_PLUGIN)
    monkeypatch.setenv("NEWSKIT_DISABLE_PLUGINS", "broken, shouting")
    pm = PluginManager()  # no warning: nothing was imported
    assert "shout" not in pm.cleaners
    assert {i.name: i.status for i in pm.plugins()} == {
        "broken": "disabled",
        "readers": "builtin",
        "shouting": "disabled",
    }


def test_same_component_name_from_two_plugins_is_an_error_naming_both():
    pm = plugin_manager(("first", CleanerPlugin("tidy")), ("second", CleanerPlugin("tidy")))
    with pytest.raises(
        PluginConflictError,
        match="cleaner 'tidy' is registered by both plugin 'first' and plugin 'second'",
    ):
        pm.cleaners  # noqa: B018
    errors = {i.name: i.errors for i in pm.plugins()}
    assert any("'tidy'" in e for e in errors["first"])
    assert any("'tidy'" in e for e in errors["second"])


def test_same_name_in_different_kinds_is_fine():
    class Both:
        @newskit.hookimpl
        def newskit_register_cleaners(self):
            return [Cleaner(name="conflict", clean=_identity)]

        @newskit.hookimpl
        def newskit_register_classifiers(self):
            return [Classifier(name="conflict", classify=lambda a: [])]

    pm = plugin_manager(("both", Both()))
    assert "conflict" in pm.cleaners and "conflict" in pm.classifiers


def test_a_hook_that_raises_is_isolated():
    pm = PluginManager(entry_points=False, strict=False)
    pm.register(BrokenHook(), name="broken")
    pm.register(CleanerPlugin("tidy"), name="good")
    with pytest.warns(
        PluginWarning,
        match="newskit_register_cleaners\\(\\) raised RuntimeError: cannot build my lexicon",
    ):
        assert list(pm.cleaners) == ["tidy"]


def test_wrong_return_types_are_dropped_and_reported():
    pm = PluginManager(entry_points=False, strict=False)
    pm.register(WrongType(), name="wrong")
    with pytest.warns(
        PluginWarning, match="returned str 'not a classifier'.*expected newskit.Classifier"
    ):
        assert list(pm.classifiers) == ["fine"]


def test_a_plugin_that_fails_to_register_is_isolated():
    pm = PluginManager(entry_points=False, strict=False)
    with pytest.warns(PluginWarning, match="plugin 'bad': failed to register"):
        assert pm.register(BadSignature(), name="bad") is None
    assert {i.name: i.status for i in pm.plugins()}["bad"] == "failed"


def test_unknown_component_names_list_what_is_installed():
    pm = plugin_manager(("p", CleanerPlugin("tidy", "trim")))
    with pytest.raises(newskit.ConfigError, match="unknown cleaner 'tiddy'; available: tidy, trim"):
        pm.cleaners["tiddy"]


def test_registered_context_removes_the_plugin_afterwards():
    pm = plugin_manager()
    with registered(pm, CleanerPlugin("tidy"), "temp"):
        assert "tidy" in pm.cleaners
    assert "tidy" not in pm.cleaners


def test_the_installed_first_party_plugins_are_found_through_entry_points():
    pm = PluginManager(strict=True)
    infos = {i.name: i for i in pm.plugins()}
    assert {"clean", "summarize", "populism", "economy", "formats"} <= set(infos)
    assert infos["populism"].components == {"classifier": ("populism",)}
    assert infos["economy"].components == {"classifier": ("economy",)}
    assert {"json", "jsonl", "markdown"} <= set(infos["formats"].components["format"])
    assert infos["readers"].components == {"reader": ("warc", "parquet", "jsonl", "html", "text")}
    assert infos["clean"].version == newskit.__version__


def test_format_for_path_takes_the_longest_extension_and_refuses_ties():
    def fmt(name, *exts):
        return newskit.Format(name=name, write=lambda articles, stream: None, extensions=exts)

    class Formats:
        def __init__(self, *formats):
            self.formats = formats

        @newskit.hookimpl
        def newskit_register_formats(self):
            return list(self.formats)

    pm = plugin_manager(("a", Formats(fmt("json", ".json"), fmt("geojson", ".geo.json"))))
    assert pm.format_for_path("out/Cities.GEO.JSON").name == "geojson"
    assert pm.format_for_path("x.json").name == "json"
    assert pm.format_for_path("x.csv") is None
    pm.register(Formats(fmt("json2", ".json")), name="b")
    with pytest.raises(
        newskit.ConfigError,
        match="formats 'json' \\(plugin 'a'\\), 'json2' \\(plugin 'b'\\) all write 'x.json'",
    ):
        pm.format_for_path("x.json")
