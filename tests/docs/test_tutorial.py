"""The tutorial's plugin, newskit-conflict, installed with pip from docs/tutorial: newskit
finds it through its entry point, lists it, and runs it (see conftest.py for how it is
installed where only these subprocesses see it). The tutorial page itself runs the
plugin's own tests and compares the page's output, in tests/docs/test_pages.py."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import newskit
from tests.docs.markdown_examples import ROOT


def newskit_command(plugin, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, **plugin.env, "PYTHONDONTWRITEBYTECODE": "1"}
    return subprocess.run(
        [sys.executable, "-m", "newskit", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )


def test_newskit_plugins_lists_it_with_its_version_and_classifier(conflict_plugin):
    result = newskit_command(conflict_plugin, "plugins", "--json")
    assert result.returncode == 0, result.stderr
    found = {p["name"]: p for p in json.loads(result.stdout)}
    assert found["conflict"]["status"] == "loaded"
    assert found["conflict"]["version"] == "0.1.0"
    assert found["conflict"]["module"] == "newskit_conflict"
    assert found["conflict"]["components"] == {"classifier": ["conflict"]}
    assert found["conflict"]["errors"] == []


def test_newskit_analyze_runs_it_on_the_seed_with_evidence(conflict_plugin):
    result = newskit_command(
        conflict_plugin, "analyze", "examples/atlas-mali.txt", "--format", "json"
    )
    assert result.returncode == 0, result.stderr
    (record,) = json.loads(result.stdout)
    (conflict,) = [c for c in record["categories"] if c["scheme"] == "conflict"]
    assert conflict["label"] is True and conflict["score"] > 0.5
    assert {"peacekeep*", "coup", "war crime*"} <= {
        t for e in conflict["evidence"] for t in e["terms"]
    }
    for evidence in conflict["evidence"]:
        assert record["text"][evidence["start"] : evidence["end"]] == evidence["text"]
    # It runs by default beside the built-in classifiers, which are unchanged.
    assert {c["scheme"] for c in record["categories"]} >= {"economy", "populism", "conflict"}


def test_the_test_process_itself_never_sees_the_plugin(conflict_plugin):
    assert "newskit_conflict" not in sys.modules
    assert str(conflict_plugin.target) not in sys.path
    assert "conflict" not in newskit.get_plugin_manager().classifiers
