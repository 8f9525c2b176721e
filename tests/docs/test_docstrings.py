"""The ``>>>`` examples in newskit's docstrings, which the API reference shows, run and
print what they show."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import newskit
from tests.docs.markdown_examples import ROOT


def _docstring_tests() -> list[doctest.DocTest]:
    finder = doctest.DocTestFinder(exclude_empty=True)
    found = []
    for info in pkgutil.walk_packages(newskit.__path__, "newskit."):
        if info.name.endswith(".__main__"):  # importing it runs the command line
            continue
        try:
            module = importlib.import_module(info.name)
        except ImportError:  # a module of an optional extra that is not installed
            continue
        found += [t for t in finder.find(module, extraglobs={"newskit": newskit}) if t.examples]
    return sorted(found, key=lambda t: t.name)


TESTS = _docstring_tests()


def test_the_public_examples_are_found():
    names = {t.name for t in TESTS}
    assert {"newskit._api.analyze", "newskit.pipeline.Pipeline", "newskit.lexicon.Lexicon"} <= names


@pytest.mark.parametrize("test", TESTS, ids=lambda t: t.name)
def test_docstring_example(test: doctest.DocTest, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)  # examples name files such as examples/atlas-mali.txt
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    result = runner.run(test, out=lambda text: pytest.fail(text, pytrace=False))
    assert result.failed == 0
