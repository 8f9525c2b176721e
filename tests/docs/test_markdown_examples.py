"""The mechanism that runs the pages' code blocks catches what it is there to catch."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.docs.markdown_examples import KEY, SYBIL, Runner, commands, same_output

FENCE = "```"


def run_page(tmp_path: Path, text: str) -> None:
    page = tmp_path / "page.md"
    page.write_text(text.replace("~~~", FENCE), encoding="utf-8")
    document = SYBIL.parse(page)
    document.namespace[KEY] = Runner(cwd=tmp_path)
    for example in document.examples():
        example.evaluate()


def test_python_output_is_compared_with_the_text_block(tmp_path):
    run_page(tmp_path, "~~~python\nx = 6 * 7\nprint(x)\n~~~\n\nprints\n\n~~~text\n42\n~~~\n")
    with pytest.raises(AssertionError, match=r"page.md:2: 'python block' printed other"):
        run_page(tmp_path, "~~~python\nprint(6 * 9)\n~~~\n\n~~~text\n42\n~~~\n")


def test_a_page_shares_one_namespace_and_unshown_output_fails(tmp_path):
    run_page(tmp_path, "~~~python\nx = 1\n~~~\n\n~~~python\nprint(x + 1)\n~~~\n~~~text\n2\n~~~\n")
    with pytest.raises(AssertionError, match="prints, but the page shows no output"):
        run_page(tmp_path, "~~~python\nprint('hidden')\n~~~\n")


def test_console_commands_run_and_their_output_is_compared(tmp_path):
    run_page(tmp_path, "~~~console\n$ echo one two\none two\n$ newskit formats\n...\n~~~\n")
    with pytest.raises(AssertionError, match="'echo one' printed other"):
        run_page(tmp_path, "~~~console\n$ echo one\ntwo\n~~~\n")
    with pytest.raises(AssertionError, match="exited 3"):
        run_page(tmp_path, "~~~console\n$ exit 3\n~~~\n")
    with pytest.raises(AssertionError, match="exited 2"):
        run_page(tmp_path, "~~~console\n$ newskit analyze --no-such-option x\n~~~\n")


def test_a_command_shown_without_output_must_print_nothing(tmp_path):
    with pytest.raises(AssertionError, match="printed other"):
        run_page(tmp_path, "~~~console\n$ echo surprise\n~~~\n")
    with pytest.raises(AssertionError, match="may not install packages"):
        run_page(tmp_path, "~~~console\n$ pip install something\n~~~\n")


def test_synopses_must_parse_against_the_real_command_line(tmp_path):
    run_page(tmp_path, "~~~sh\nnewskit analyze page.html -o out.csv  # a comment\n~~~\n")
    run_page(tmp_path, "~~~sh\nnewskit evaluate classifier economy coded.csv --worst 3\n~~~\n")
    with pytest.raises(AssertionError, match="No such option.*--colour"):
        run_page(tmp_path, "~~~sh\nnewskit analyze page.html --colour\n~~~\n")
    with pytest.raises(AssertionError, match="is not a valid integer"):
        run_page(tmp_path, "~~~sh\nnewskit analyze page.html --sentences many\n~~~\n")
    with pytest.raises(AssertionError, match="no extra 'gpu'"):
        run_page(tmp_path, "~~~sh\npip install 'newskit[gpu]'\n~~~\n")
    with pytest.raises(AssertionError, match="benchmarks/nothing.py does not exist"):
        run_page(tmp_path, "~~~sh\npython benchmarks/nothing.py\n~~~\n")
    with pytest.raises(AssertionError, match="no rule checks"):
        run_page(tmp_path, "~~~sh\nrm -rf /\n~~~\n")


def test_toml_entry_points_must_be_the_tutorials(tmp_path):
    good = '[project.entry-points.newskit]\nconflict = "newskit_conflict"\n'
    run_page(tmp_path, f"~~~toml\n{good}~~~\n")
    with pytest.raises(AssertionError, match="entry points differ"):
        run_page(tmp_path, f"~~~toml\n{good.replace('conflict =', 'war =')}~~~\n")


def test_snippets_must_exist_and_other_languages_fail(tmp_path):
    run_page(tmp_path, '~~~python title="x.py"\n--8<-- "docs/tutorial/pyproject.toml"\n~~~\n')
    with pytest.raises(AssertionError, match="docs/missing.py does not exist"):
        run_page(tmp_path, '~~~python\n--8<-- "docs/missing.py"\n~~~\n')
    with pytest.raises(AssertionError, match="a 'yaml' block is checked by no rule"):
        run_page(tmp_path, "~~~yaml\na: 1\n~~~\n")
    with pytest.raises(AssertionError, match="a 'plain' block"):
        run_page(tmp_path, "~~~\nanything\n~~~\n")


def test_ellipsis_matches_any_text_and_nothing_else_varies():
    assert same_output("a\n...\nz", "a\nb\nc\nz\n")
    assert same_output("took ... s", "took 0.31 s")
    assert not same_output("a\nz", "a\nb\nz")
    assert same_output("trailing   \n\n", "trailing")


def test_console_blocks_split_into_commands_with_their_output():
    source = "$ newskit analyze \\\n    page.html\nline 1\nline 2\n$ newskit plugins\n"
    assert list(commands(source)) == [
        (0, "newskit analyze  page.html", "line 1\nline 2"),
        (4, "newskit plugins", ""),
    ]
