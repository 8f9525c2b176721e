"""The documentation site builds with ``mkdocs build --strict``: no broken link, no
missing page or anchor, no API name that does not resolve, no snippet that is not there."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.docs.markdown_examples import ROOT

pytest.importorskip("mkdocs", reason="the docs extra is not installed: pip install -e '.[docs]'")


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("site")
    # dask.md and report.md are written by their features' authors; the build needs them.
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return out


def page(site: Path, name: str) -> str:
    return (site / name / "index.html").read_text(encoding="utf-8")


def test_every_page_in_the_nav_is_built(site):
    pages = "quickstart concepts plugins evaluating scaling dask report tutorial cli api hooks"
    for name in [*pages.split(), "changelog"]:
        assert (site / name / "index.html").is_file(), name
    assert (site / "img" / "pipeline.svg").is_file()


def test_the_api_reference_is_rendered_from_the_docstrings(site):
    api = page(site, "api")
    assert 'id="newskit.Article"' in api and 'id="newskit.Pipeline.configure"' in api
    assert "One news article, as clean typed data." in api  # Article's docstring
    assert ":class:" not in api and "``" not in api  # reST idioms were rewritten


def test_the_cli_reference_lists_every_command(site):
    from newskit.cli import cli

    text = page(site, "cli")
    for name in cli.commands:
        assert f"newskit {name}" in text, name
    assert "Sentinel" not in text


def test_the_tutorial_shows_the_plugin_files_themselves(site):
    text = page(site, "tutorial")
    assert "newskit_register_classifiers" in text and "LEXICON" in text
    assert "--8&lt;--" not in text and "--8<--" not in text


def test_the_changelog_page_is_the_changelog(site):
    assert "Unreleased" in page(site, "changelog")
