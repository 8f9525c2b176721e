"""End to end: broken plugins, installed for real, next to the first-party ones.

A distribution ``newskit-faulty`` is put on ``sys.path`` (a ``.dist-info`` directory
with ``entry_points.txt`` and the plugin modules beside it), so that
``importlib.metadata`` finds its four plugins as it finds any installed one:

- ``faulty-import`` fails at import;
- ``faulty-register`` fails at registration (a hook pluggy rejects);
- ``faulty-hook`` fails when its registration hook is called;
- ``faulty-runtime`` loads, but its components misbehave: one fails on one article,
  one calls ``sys.exit``, one returns the wrong type, one is slow on one article; and
  one of its hooks returns the wrong type.

Each fault must be isolated (the rest of newskit works) and reported: in
``newskit plugins``, on the articles it affects, and in the batch summary.
"""

from __future__ import annotations

import json
import re
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

import newskit
import newskit.cli
import newskit.plugins
from newskit import Article, Category, Classifier, Cleaner, PluginError, PluginWarning
from newskit.cli import cli
from newskit.pipeline import Pipeline, check_components
from newskit.testing import plugin_manager

ENTRY_POINTS = """
[newskit]
faulty-import = nkfault_import
faulty-register = nkfault_register
faulty-hook = nkfault_hook
faulty-runtime = nkfault_runtime
"""

MODULES = {
    "nkfault_import": """
        raise ImportError("needs the torch package")
    """,
    "nkfault_register": """
        import newskit

        @newskit.hookimpl
        def newskit_register_cleaners(unexpected_argument):
            return []
    """,
    "nkfault_hook": """
        import newskit

        @newskit.hookimpl
        def newskit_register_classifiers():
            raise RuntimeError("cannot build my lexicon")
    """,
    "nkfault_runtime": """
        import sys
        import time

        import newskit

        def fragile(article):
            if "boom" in article.text:
                raise ValueError("cannot parse this one")
            return article

        def quitter(article):
            if "exit" in article.text:
                sys.exit(3)
            return article

        def slowpoke(article):
            if "slow" in article.text:
                time.sleep(0.4)
            return article

        def wrong_type(article):
            return {"name": "economy", "score": 0.5}

        @newskit.hookimpl
        def newskit_register_cleaners():
            return [
                newskit.Cleaner(name="fragile", clean=fragile, default=False),
                newskit.Cleaner(name="quitter", clean=quitter, default=False),
                newskit.Cleaner(name="slowpoke", clean=slowpoke, default=False),
            ]

        @newskit.hookimpl
        def newskit_register_classifiers():
            return [newskit.Classifier(name="wrongtype", classify=wrong_type, default=False)]

        @newskit.hookimpl
        def newskit_register_summarizers():
            return ["not a summarizer"]
    """,
}

FAULTS = {
    "faulty-import": "failed to import nkfault_import: ImportError: needs the torch package",
    "faulty-register": "failed to register: PluginValidationError",
    "faulty-hook": "newskit_register_classifiers() raised RuntimeError: cannot build my lexicon",
    "faulty-runtime": "newskit_register_summarizers() returned str 'not a summarizer', "
    "expected newskit.Summarizer",
}


@pytest.fixture
def installed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Install the faulty distribution on sys.path, with a fresh process-wide manager."""
    site = tmp_path / "site"
    dist = site / "newskit_faulty-0.9.1.dist-info"
    dist.mkdir(parents=True)
    (dist / "METADATA").write_text(
        "Metadata-Version: 2.1\nName: newskit-faulty\nVersion: 0.9.1\n", encoding="utf-8"
    )
    (dist / "entry_points.txt").write_text(ENTRY_POINTS, encoding="utf-8")
    for name, source in MODULES.items():
        (site / f"{name}.py").write_text(textwrap.dedent(source), encoding="utf-8")
    monkeypatch.syspath_prepend(str(site))
    monkeypatch.setattr(newskit.plugins, "_default", None)
    yield tmp_path
    for name in MODULES:
        sys.modules.pop(name, None)


def _inputs(directory: Path) -> list[str]:
    texts = {
        "calm": "A calm day in the town. Nothing much happened at the market.",
        "bang": "The boom of the storm woke the town. Roofs were damaged.",
        "sluggish": "A slow news day. The council met and adjourned.",
        "quit": "Voters chose to exit the agreement. The vote was close.",
    }
    paths = []
    for name, text in texts.items():
        path = directory / f"{name}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(str(path))
    return paths


def test_newskit_plugins_reports_every_load_fault_and_keeps_the_rest(installed):
    with pytest.warns(PluginWarning) as caught:
        result = CliRunner().invoke(cli, ["plugins", "--json"])

    assert result.exit_code == 0, result.output
    infos = {p["name"]: p for p in json.loads(result.stdout)}
    for name, fault in FAULTS.items():
        assert infos[name]["version"] == "0.9.1"
        assert any(fault in error for error in infos[name]["errors"]), infos[name]
        assert any(name in str(w.message) and fault in str(w.message) for w in caught)
    assert infos["faulty-import"]["status"] == "failed"
    assert infos["faulty-register"]["status"] == "failed"
    assert infos["faulty-hook"]["status"] == "loaded"
    assert infos["faulty-hook"]["components"] == {}
    assert infos["faulty-runtime"]["components"] == {
        "cleaner": ["fragile", "quitter", "slowpoke"],
        "classifier": ["wrongtype"],
    }
    # The first-party plugins are untouched.
    assert infos["populism"]["components"] == {"classifier": ["populism"]}
    assert infos["populism"]["errors"] == []
    assert isinstance(infos["populism"]["load_seconds"], float)


def test_newskit_plugins_check_runs_each_component_on_a_sample(installed, monkeypatch):
    monkeypatch.setattr(newskit.cli, "SLOW_LOAD", 0.0)  # every plugin shows its load time
    with pytest.warns(PluginWarning):
        result = CliRunner().invoke(cli, ["plugins", "--check"])

    assert result.exit_code == 0, result.output
    runtime = result.stdout.split("faulty-runtime 0.9.1  [loaded]  nkfault_runtime\n")[1]
    assert re.match(r"    slow:        took \d+\.\d s to import and register\n", runtime)
    runtime = runtime.split("\n", 1)[1]
    assert runtime.startswith(
        "    classifiers: wrongtype\n"
        "    cleaners:    fragile, quitter, slowpoke\n"
        "    error:       newskit_register_summarizers() returned str 'not a summarizer', "
        "expected newskit.Summarizer\n"
        "    error:       check: classify:wrongtype: returned dict, expected Category records\n"
    )
    assert "check: clean:fragile" not in result.stdout  # it fails on "boom" only
    assert "check:" not in result.stdout.split("populism ")[1]  # the first-party ones pass


def test_analyze_isolates_each_runtime_fault_on_its_article(installed):
    paths = _inputs(installed)
    args = ["analyze", *paths, "--jobs", "1", "-f", "jsonl", "--step-budget", "0.2"]
    args += ["--clean", "fragile,quitter,slowpoke,whitespace", "--classify", "wrongtype,economy"]
    args += ["--summarizer", "lead"]
    with pytest.warns(PluginWarning):
        result = CliRunner().invoke(cli, args)

    assert result.exit_code == 0, result.output  # step faults are not failed inputs
    records = {r["id"]: r for r in map(json.loads, result.stdout.splitlines())}
    assert list(records) == ["calm", "bang", "sluggish", "quit"]

    def errors(id):
        return [(e["step"], e["message"]) for e in records[id]["errors"]]

    wrong = ("classify:wrongtype", "returned dict, expected Category records")
    assert errors("calm") == [wrong]
    assert errors("bang") == [("clean:fragile", "ValueError: cannot parse this one"), wrong]
    assert errors("sluggish") == [wrong]
    assert errors("quit") == [("clean:quitter", "SystemExit: 3"), wrong]  # the run went on
    for record in records.values():  # the other steps still ran on every article
        assert record["summary"]
        assert [c["name"] for c in record["categories"]][:1] == ["economy"]
        # Every article says which plugins did not load, as their components did not run.
        notes = [w["message"] for w in record["warnings"] if w["step"] == "plugins"]
        for name, fault in FAULTS.items():
            assert any(f"plugin {name!r} did not load fully: " in n and fault in n for n in notes)
    slow = [
        w["message"]
        for r in records.values()
        for w in r["warnings"]
        if w["step"] == "clean:slowpoke"
    ]
    assert len(slow) == 1
    assert slow[0].startswith("slow: took ") and slow[0].endswith(
        " over the 0.2 s budget of a step"
    )
    assert any(w["step"] == "clean:slowpoke" for w in records["sluggish"]["warnings"])

    summary = result.stderr
    assert "newskit: 4 articles (4 with step errors), 0 failed" in summary
    assert (
        "newskit: step 'clean:fragile' (plugin 'faulty-runtime') failed on 1 article; "
        "first on bang: ValueError: cannot parse this one" in summary
    )
    assert "step 'clean:quitter' (plugin 'faulty-runtime') failed on 1 article" in summary
    assert (
        "step 'classify:wrongtype' (plugin 'faulty-runtime') failed on 4 articles; "
        "first on calm: returned dict, expected Category records" in summary
    )
    assert "step 'clean:slowpoke' (plugin 'faulty-runtime') was slow on 1 article; " in summary
    assert "first on sluggish: took " in summary


def test_strict_mode_stops_at_the_first_fault(installed, monkeypatch):
    monkeypatch.setenv("NEWSKIT_STRICT_PLUGINS", "1")
    result = CliRunner().invoke(cli, ["plugins"])

    assert isinstance(result.exception, PluginError)
    assert "plugin 'faulty-import': failed to import nkfault_import" in str(result.exception)


def test_the_command_in_strict_mode_prints_the_fault_not_a_traceback(installed, monkeypatch):
    import subprocess

    monkeypatch.setenv("NEWSKIT_STRICT_PLUGINS", "1")
    monkeypatch.setenv("PYTHONPATH", str(installed / "site"))
    code = "import newskit.cli; newskit.cli.main()"
    done = subprocess.run(
        [sys.executable, "-c", code, "plugins"], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 1
    assert done.stderr.startswith("Error: plugin 'faulty-import': failed to import")
    assert "Traceback" not in done.stderr


def test_disabled_faulty_plugins_leave_no_trace(installed, monkeypatch, tmp_path):
    monkeypatch.setenv("NEWSKIT_DISABLE_PLUGINS", ",".join(FAULTS))
    result = CliRunner().invoke(cli, ["plugins", "--json"])  # a warning would fail here

    infos = {p["name"]: p for p in json.loads(result.stdout)}
    assert {infos[name]["status"] for name in FAULTS} == {"disabled"}
    note = tmp_path / "note.txt"
    note.write_text("A calm day in the town.", encoding="utf-8")
    (article,) = newskit.analyze(str(note))
    assert article.warnings == () and article.errors == ()


# -- the same faults, in a plugin manager built by hand ----------------------------------


class _OneCleanerNotAList:
    @newskit.hookimpl
    def newskit_register_cleaners(self):
        return Cleaner(name="lonely", clean=lambda a: a)


class _Sleepy:
    @newskit.hookimpl
    def newskit_register_classifiers(self):
        def classify(article):
            import time

            time.sleep(0.15)
            return [Category(name="sleepy", scheme="sleepy", score=0.5)]

        return [Classifier(name="sleepy", classify=classify)]


def test_a_hook_returning_one_component_instead_of_a_list_is_reported():
    pm = plugin_manager(("single", _OneCleanerNotAList()), strict=False)
    with pytest.warns(PluginWarning, match="returned Cleaner .*expected a list of newskit.Cleaner"):
        assert "lonely" not in pm.cleaners
    assert pm.faults()["single"][0].startswith("newskit_register_cleaners() returned Cleaner")


def test_a_slow_component_keeps_its_result_and_is_reported():
    pm = plugin_manager(("sleepy-plugin", _Sleepy()), builtins=False)
    pipeline = Pipeline.configure(
        plugins=pm, cleaners=[], summarizer=None, classifiers=["sleepy"], step_budget=0.05
    )
    article = pipeline.run(Article(id="a", text="Some text."))

    assert article.category("sleepy").score == 0.5
    (warning,) = article.warnings
    assert warning.step == "classify:sleepy"
    assert warning.message.startswith("slow: took ")
    assert check_components(pm, step_budget=0.05)["sleepy-plugin"][0].startswith(
        "check: classify:sleepy: slow: took "
    )
    unlimited = Pipeline.configure(plugins=pm, summarizer=None, step_budget=None)
    assert unlimited.run(Article(id="a", text="Some text.")).warnings == ()


@pytest.mark.parametrize("budget", [0, -1, float("nan"), "5"])
def test_the_step_budget_is_validated(budget):
    with pytest.raises(newskit.ConfigError, match="step budget must be a positive number"):
        Pipeline(step_budget=budget)
