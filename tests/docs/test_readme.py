"""README.md stays true. Its code blocks run through the same mechanism as the pages of
docs/ (tests/docs/test_pages.py); here, what that mechanism cannot see: that CI runs the
very test command the README gives, and that the Quickstart repeats its commands."""

from __future__ import annotations

import itertools
import os

from sybil import Document

from tests.docs.markdown_examples import ROOT, blocks

README = ROOT / "README.md"


def fenced(path) -> list:
    return blocks(Document(path.read_text(encoding="utf-8"), str(path)))


def shell_commands(path) -> list[str]:
    return [b.source.strip() for b in fenced(path) if b.language == "sh"]


def test_the_first_two_commands_install_run_and_test():
    run, test = shell_commands(README)[:2]
    assert "pip install -e ." in run and "newskit analyze examples/atlas-mali.txt" in run
    assert "pip install -e '.[test]'" in test and "python -m pytest" in test
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert test in ci.splitlines(), "CI must run the README's test command"
    assert os.access(ROOT / ".ci" / "run", os.X_OK)


def test_the_quickstart_gives_the_readmes_two_commands():
    assert shell_commands(ROOT / "docs" / "quickstart.md")[:2] == shell_commands(README)[:2]


def test_the_readme_has_python_examples_with_their_output():
    found = fenced(README)
    pairs = [
        (a, b)
        for a, b in itertools.pairwise(found)
        if (a.language, b.language) == ("python", "text")
    ]
    assert len(pairs) >= 2
