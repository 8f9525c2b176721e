"""The plugin registers its formats through a real plugin manager and entry point."""

from __future__ import annotations

import importlib.metadata
import io
import json
from pathlib import PurePath

import pytest

import newskit
import newskit_formats
from newskit import Article, ConfigError

EXPECTED = {
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "json",
    ".md": "markdown",
    ".markdown": "markdown",
    ".csv": "csv",
    ".html": "html",
    ".htm": "html",
    ".jsonld": "jsonld",
    ".atom": "atom",
    ".parquet": "parquet",
}


def _by_extension(formats):
    table: dict[str, list[str]] = {}
    for name, fmt in formats.items():
        for extension in fmt.extensions:
            table.setdefault(extension, []).append(name)
    return table


def test_formats_are_registered_by_name(formats):
    assert {"jsonl", "json", "markdown", "csv", "html", "jsonld", "atom"} <= set(formats)
    for name in ("jsonl", "json", "markdown", "csv", "html", "jsonld", "atom"):
        fmt = formats[name]
        assert isinstance(fmt, newskit.Format)
        assert fmt.name == name
        assert not fmt.binary
        assert fmt.description
        assert formats.owner(name) == "formats"


def test_each_extension_maps_to_exactly_one_format(formats):
    table = _by_extension(formats)

    assert {ext: names for ext, names in table.items() if len(names) > 1} == {}
    assert {ext: names[0] for ext, names in table.items() if ext in EXPECTED} == EXPECTED


def test_unknown_format_names_the_installed_ones(formats):
    with pytest.raises(
        ConfigError, match=r"unknown format 'yaml'.*atom, csv, html, json, jsonl, jsonld, markdown"
    ):
        formats["yaml"]


@pytest.mark.parametrize("filename", ["out.ndjson", "out.JSONL", "report.json"])
def test_a_path_picks_its_format_from_the_registry(filename, formats):
    name = _by_extension(formats)[PurePath(filename).suffix.lower()][0]
    article = Article(id="a", title="Müller", text="Body.")
    stream = io.StringIO()

    formats[name].write(iter([article]), stream)

    text = stream.getvalue()
    records = (
        json.loads(text) if name == "json" else [json.loads(line) for line in text.splitlines()]
    )
    assert [Article.from_dict(r) for r in records] == [article]


def test_the_hook_returns_the_formats_in_a_stable_order():
    first = newskit_formats.newskit_register_formats()
    second = newskit_formats.newskit_register_formats()

    assert [f.name for f in first] == [
        "jsonl",
        "json",
        "markdown",
        "csv",
        "html",
        "jsonld",
        "atom",
        "parquet",
    ]
    assert first == second
    assert all(callable(f.write) for f in first)


def test_the_package_is_the_formats_entry_point():
    points = importlib.metadata.entry_points(group="newskit")
    (point,) = [p for p in points if p.name == "formats"]

    assert point.value == "newskit_formats"
    assert point.load() is newskit_formats


def test_a_manager_with_entry_points_has_the_formats_once():
    pm = newskit.PluginManager(disabled=["clean", "summarize", "populism", "economy"])

    assert pm.formats.owner("markdown") == "formats"
    assert _by_extension(pm.formats)[".md"] == ["markdown"]
