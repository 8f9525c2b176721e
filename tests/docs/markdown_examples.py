"""Run the code blocks of a Markdown page and compare what they print with what it shows.

README.md and every page under docs/ go through this one mechanism (sybil parses the
page into examples; the evaluators below run them in order). What each kind of fenced
block means to the tests:

``python``
    Executed, in one namespace per page, with the page's sandbox as the working
    directory. When the next fenced block is ``text``, what the code prints must equal
    it; a block followed by no ``text`` block must print nothing.
``console``
    ``$ command`` lines, each followed by what it prints (standard output and standard
    error, as a terminal shows them). ``newskit ...`` runs in this process through
    click's test runner, unless the page runs isolated (then every command runs in a
    subprocess whose environment holds the page's extra packages); other commands run
    in bash. Every command must exit 0. A command shown without output must print
    nothing, except ``pip install``, whose output is never compared.
``sh``
    A synopsis with placeholders (``page.html``, ``DIR``): each ``newskit`` command
    must parse against the real command line (the command and its options exist, the
    values have the right types), each ``python benchmarks/X.py`` must exist, and each
    extra named in a ``pip install`` must be defined in pyproject.toml.
``toml``
    Must parse. An ``[project.entry-points.newskit]`` table in it must match the one in
    the tutorial plugin's pyproject.toml.
``text``
    Only as the output of the ``python`` block before it.

A block whose body is only snippet lines (``--8<-- "path"``, pymdownx.snippets) shows a
file of the repository as it is: the file must exist (a Python file must compile), and
the file is tested where it lives. In shown output, ``...`` stands for any text, as with
doctest's ELLIPSIS: for timings, and for lines a page leaves out on purpose. Any other
block language fails, so that nothing on a page escapes the tests.
"""

from __future__ import annotations

import contextlib
import doctest
import io
import os
import re
import shlex
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import attrs
import click
from sybil import Document, Example, Region, Sybil
from sybil.parsers.markdown.lexers import RawFencedCodeBlockLexer

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

ROOT = Path(__file__).resolve().parents[2]
KEY = "__docs_runner__"  # where a page's Runner lives in its sybil namespace

_FENCE = RawFencedCodeBlockLexer(info_pattern=re.compile(r"(?P<info>[^\n]*)\n"))
_SNIPPET = re.compile(r'^\s*--8<--\s+"([^"]+)"\s*$')  # one line: --8<-- "path"
_SNIPPET_FENCE = "--8<--"  # a block: --8<--, one path a line, --8<--
_CHECKER = doctest.OutputChecker()


@attrs.define(kw_only=True)
class Runner:
    """How a page's commands run: where, and (when isolated) with which environment.

    ``env`` None runs ``newskit`` commands in this process; otherwise every command
    runs in a subprocess with these extra environment variables. ``pip`` performs a
    page's ``pip install`` command (its arguments), into a place that this test run
    controls, never into the running environment.
    """

    cwd: Path
    env: dict[str, str] | None = None
    pip: Callable[[list[str]], None] | None = None


# -- parsing ---------------------------------------------------------------------------


@attrs.frozen
class Block:
    language: str
    info: str
    source: str
    line: int  # the line of the block's first source line, 1-based
    start: int
    end: int


def blocks(document: Document) -> list[Block]:
    """Every fenced code block of the page, in order."""
    found = []
    for region in _FENCE(document):
        info = region.lexemes["info"].strip()
        source = region.lexemes["source"]
        line = document.text.count("\n", 0, region.start) + 2
        language = info.split()[0] if info else ""
        found.append(Block(language, info, str(source), line, region.start, region.end))
    return sorted(found, key=lambda b: b.start)


def parse(document: Document) -> Iterator[Region]:
    """Sybil parser: one region per block, a ``python`` block with its ``text`` output."""
    found = blocks(document)
    i = 0
    while i < len(found):
        block = found[i]
        if _snippets(block.source):
            yield Region(block.start, block.end, block, _evaluate_snippet)
        elif block.language == "python":
            output = found[i + 1] if i + 1 < len(found) else None
            if output is not None and output.language == "text":
                yield Region(block.start, output.end, (block, output), _evaluate_python)
                i += 1
            else:
                yield Region(block.start, block.end, (block, None), _evaluate_python)
        elif block.language == "console":
            yield Region(block.start, block.end, block, _evaluate_console)
        elif block.language == "sh":
            yield Region(block.start, block.end, block, _evaluate_synopsis)
        elif block.language == "toml":
            yield Region(block.start, block.end, block, _evaluate_toml)
        else:
            yield Region(block.start, block.end, block, _unknown)
        i += 1


SYBIL = Sybil(parsers=[parse], patterns=["*.md"])


def examples(path: Path) -> Iterator[Example]:
    """The page's examples, in order."""
    return SYBIL.parse(path).examples()


# -- comparing output --------------------------------------------------------------------


def _tidy(text: str) -> str:
    return "\n".join(line.rstrip() for line in text.strip("\n").splitlines()) + "\n"


def same_output(want: str, got: str) -> bool:
    """Whether ``got`` is what the page shows, ``...`` matching any text."""
    return _CHECKER.check_output(_tidy(want), _tidy(got), doctest.ELLIPSIS)


def _mismatch(where: str, what: str, want: str, got: str) -> AssertionError:
    diff = _CHECKER.output_difference(
        doctest.Example(source=what, want=_tidy(want)), _tidy(got), doctest.ELLIPSIS
    )
    return AssertionError(f"{where}: {what!r} printed other than the page shows\n{diff}")


def _where(example: Example, block: Block, offset: int = 0) -> str:
    return f"{os.path.relpath(example.path, ROOT)}:{block.line + offset}"


def _runner(example: Example) -> Runner:
    runner = example.namespace.get(KEY)
    if runner is None:
        raise RuntimeError("the page's Runner is missing from its namespace")
    return runner


# -- python ----------------------------------------------------------------------------


def _evaluate_python(example: Example) -> None:
    block, output = example.parsed
    runner = _runner(example)
    where = _where(example, block)
    if runner.env is not None:
        got = _subprocess([sys.executable, "-c", block.source], runner)
        got_text = got
    else:
        code = compile("\n" * (block.line - 1) + block.source, example.path, "exec")
        buffer = io.StringIO()
        with contextlib.redirect_stdout(buffer):
            exec(code, example.namespace)
        got_text = buffer.getvalue()
    if output is None:
        if got_text.strip():
            raise AssertionError(
                f"{where}: the block prints, but the page shows no output:\n{got_text}"
            )
    elif not same_output(output.source, got_text):
        raise _mismatch(where, "python block", output.source, got_text)


# -- console ---------------------------------------------------------------------------


def commands(source: str) -> Iterator[tuple[int, str, str]]:
    """(line offset, command, shown output) of each ``$ `` command in a console block;
    a command may run on over lines that end in a backslash."""
    lines = source.splitlines()
    i = 0
    while i < len(lines):
        if not lines[i].startswith("$ "):
            raise AssertionError(f"console block line {i + 1} is neither a command nor output")
        start = i
        command = lines[i][2:]
        while command.endswith("\\") and i + 1 < len(lines):
            i += 1
            command = command[:-1] + " " + lines[i].strip()
        i += 1
        output = []
        while i < len(lines) and not lines[i].startswith("$ "):
            output.append(lines[i])
            i += 1
        yield start, command, "\n".join(output)


def _evaluate_console(example: Example) -> None:
    block = example.parsed
    runner = _runner(example)
    for offset, command, shown in commands(block.source):
        where = _where(example, block, offset)
        words = shlex.split(command)
        if words[:2] == ["pip", "install"]:
            if runner.pip is None:
                raise AssertionError(f"{where}: this page may not install packages")
            runner.pip(words[2:])
            continue
        if words[0] == "newskit" and runner.env is None and not _is_shell(command):
            got = _newskit_in_process(words[1:], where)
        else:
            got = _subprocess(["bash", "-c", command], runner, where=where)
        if not same_output(shown, got):
            raise _mismatch(where, command, shown, got)


def _is_shell(command: str) -> bool:
    """Whether the command needs a shell: a pipe, a redirection, a list, a variable."""
    lexer = shlex.shlex(command, posix=True, punctuation_chars=True)
    lexer.whitespace_split = True
    return "$" in command or any(set(token) <= set("|&;<>()") for token in lexer if token)


def _newskit_in_process(args: list[str], where: str) -> str:
    from click.testing import CliRunner

    from newskit.cli import cli
    from newskit.plugins import get_plugin_manager

    get_plugin_manager().add_commands(cli)
    result = CliRunner().invoke(cli, args, prog_name="newskit", env={"COLUMNS": "80"})
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    if result.exit_code != 0:
        raise AssertionError(
            f"{where}: newskit {shlex.join(args)} exited {result.exit_code}:\n{result.output}"
        )
    return result.output


def _subprocess(argv: list[str], runner: Runner, *, where: str = "") -> str:
    env = dict(os.environ)
    env.update(
        PATH=os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")]),
        COLUMNS="80",
        PYTHONDONTWRITEBYTECODE="1",
        PYTEST_ADDOPTS="-p no:cacheprovider",
        PYTHONIOENCODING="utf-8",
    )
    env.update(runner.env or {})
    result = subprocess.run(
        argv,
        cwd=runner.cwd,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        encoding="utf-8",
        timeout=300,
        check=False,
    )
    if result.returncode != 0:
        raise AssertionError(f"{where}: {argv[-1]!r} exited {result.returncode}:\n{result.stdout}")
    return result.stdout


# -- sh synopses -----------------------------------------------------------------------


def check_newskit_command(args: list[str]) -> None:
    """Parse ``newskit ARGS`` with the real command line, down to the subcommand,
    without running it. Raises click's usage error when a command or option is
    unknown or a value has the wrong type."""
    from newskit.cli import cli

    ctx = cli.make_context("newskit", list(args))
    command: click.Command = cli
    while isinstance(command, click.Group):
        protected = getattr(ctx, "_protected_args", None)  # click 8.2+; 8.1 has no "_"
        rest = [*(ctx.protected_args if protected is None else protected), *ctx.args]
        name, found, rest = command.resolve_command(ctx, rest)
        if found is None:
            raise click.UsageError(f"no command {name!r}")
        ctx = found.make_context(name or "", rest, parent=ctx)
        command = found


def _extras() -> set[str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return set(project["optional-dependencies"])


def check_synopsis_command(words: list[str]) -> None:
    """Check one command of a ``sh`` block (see the module docstring)."""
    program = words[0].removeprefix(".venv/bin/")
    if program == "newskit":
        check_newskit_command(words[1:])
    elif (program in {"python", "python3"} and words[1:3] == ["-m", "venv"]) or (
        program in {"python", "python3"} and words[1:3] == ["-m", "pytest"]
    ):
        pass
    elif program in {"python", "python3"} and words[1].endswith(".py"):
        if not (ROOT / words[1]).is_file():
            raise AssertionError(f"{words[1]} does not exist")
    elif program == "pip" and words[1] == "install":
        for word in words[2:]:
            extras = re.search(r"\[([\w,-]+)\]", word)
            for extra in extras.group(1).split(",") if extras else ():
                if extra not in _extras():
                    raise AssertionError(f"{word}: pyproject.toml defines no extra {extra!r}")
    else:
        raise AssertionError(f"no rule checks the command {shlex.join(words)!r}")


def _evaluate_synopsis(example: Example) -> None:
    block = example.parsed
    for offset, line in enumerate(block.source.splitlines()):
        words = shlex.split(line, comments=True)
        command: list[str] = []
        for word in [*words, "&&"]:
            if word != "&&":
                command.append(word)
                continue
            if command:
                try:
                    check_synopsis_command(command)
                except (click.ClickException, AssertionError) as exc:
                    message = exc.format_message() if isinstance(exc, click.ClickException) else exc
                    where = _where(example, block, offset)
                    raise AssertionError(f"{where}: {shlex.join(command)}: {message}") from None
            command = []


# -- toml, snippets, the rest ----------------------------------------------------------


def _entry_points(data: dict[str, Any]) -> dict[str, str] | None:
    return data.get("project", {}).get("entry-points", {}).get("newskit")


def _evaluate_toml(example: Example) -> None:
    block = example.parsed
    data = tomllib.loads(block.source)
    shown = _entry_points(data)
    if shown is not None:
        tutorial = tomllib.loads((ROOT / "docs/tutorial/pyproject.toml").read_text("utf-8"))
        assert shown == _entry_points(tutorial), (
            f"{_where(example, block)}: the entry points differ from docs/tutorial's"
        )


def _snippets(source: str) -> list[str]:
    """The files a block includes, when it holds nothing but snippet lines (either of
    pymdownx.snippets' forms; the block form is the one ruff's formatter leaves alone)."""
    lines = [line.strip() for line in source.splitlines() if line.strip()]
    if len(lines) >= 3 and lines[0] == lines[-1] == _SNIPPET_FENCE:
        return lines[1:-1]
    paths = [_SNIPPET.match(line) for line in lines]
    return [m.group(1) for m in paths if m] if lines and all(paths) else []


def _evaluate_snippet(example: Example) -> None:
    block = example.parsed
    for name in _snippets(block.source):
        path = ROOT / name
        assert path.is_file(), f"{_where(example, block)}: {name} does not exist"
        if path.suffix == ".py":
            compile(path.read_text(encoding="utf-8"), str(path), "exec")


def _unknown(example: Example) -> None:
    block = example.parsed
    raise AssertionError(
        f"{_where(example, block)}: a {block.language or 'plain'!r} block is checked by no "
        "rule: use python (with a text block for its output), console, sh or toml"
    )
