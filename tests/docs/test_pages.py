"""Every code block of README.md and of the pages under docs/ runs, and prints what the
page shows (the rules are in tests/docs/markdown_examples.py)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.docs.markdown_examples import KEY, ROOT, SYBIL, Runner

PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]
# Pages whose commands need the tutorial plugin installed: they run isolated.
ISOLATED = {ROOT / "docs" / "tutorial" / "index.md"}


def _id(page: Path) -> str:
    return page.relative_to(ROOT).as_posix()


@pytest.mark.parametrize("page", PAGES, ids=_id)
def test_page(page: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, request) -> None:
    # The page runs in a scratch directory that holds the repository's examples/ and
    # docs/, as a checkout does: files the examples write land here.
    for name in ("examples", "docs"):
        os.symlink(ROOT / name, tmp_path / name)
    monkeypatch.chdir(tmp_path)
    runner = Runner(cwd=tmp_path)
    if page in ISOLATED:
        plugin = request.getfixturevalue("conflict_plugin")
        runner = Runner(cwd=tmp_path, env=plugin.env, pip=plugin.pip)
    document = SYBIL.parse(page)
    document.namespace[KEY] = runner
    for example in document.examples():
        example.evaluate()
