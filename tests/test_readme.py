"""README.md stays true: its Python examples run and print what it shows, and CI runs
the very test command it gives."""

from __future__ import annotations

import contextlib
import io
import os
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
BLOCKS = re.findall(r"```(\w+)\n(.*?)```", README, flags=re.DOTALL)


def test_python_examples_print_what_the_readme_shows(monkeypatch):
    monkeypatch.chdir(ROOT)
    namespace: dict = {}
    checked = 0
    for (lang, code), following in zip(BLOCKS, [*BLOCKS[1:], ("", "")], strict=True):
        if lang != "python":
            continue
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            exec(compile(code, "README.md", "exec"), namespace)
        if following[0] == "text":
            assert out.getvalue() == following[1]
            checked += 1
    assert checked >= 2


def test_the_first_two_commands_install_run_and_test():
    shell = [code.strip() for lang, code in BLOCKS if lang == "sh"]
    run, test = shell[0], shell[1]
    assert "pip install -e ." in run and "newskit analyze examples/atlas-mali.txt" in run
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert test in ci.splitlines(), "CI must run the README's test command"
    assert os.access(ROOT / ".ci" / "run", os.X_OK)
