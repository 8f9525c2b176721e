from __future__ import annotations

import json

import click
import pytest
from click.testing import CliRunner

import newskit
from newskit.cli import cli
from newskit.testing import plugin_manager


@pytest.fixture
def runner():
    return CliRunner()


def records(output: str) -> list[dict]:
    return [json.loads(line) for line in output.splitlines() if line.strip()]


def test_help_explains_the_commands(runner):
    result = runner.invoke(cli, ["--help"])
    assert result.exit_code == 0
    for word in ("analyze", "plugins", "formats", "newskit analyze examples/atlas-mali.txt"):
        assert word in result.output
    help_text = runner.invoke(cli, ["analyze", "--help"]).output
    for option in (
        "--url",
        "--format",
        "--output",
        "--clean",
        "--summarizer",
        "--classify",
        "--strict",
        "standard input",
    ):
        assert option in help_text


def test_batch_keeps_good_inputs_and_records_every_failure(runner, tmp_path, seed_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = runner.invoke(
        cli, ["analyze", str(seed_path), str(tmp_path / "missing.html"), str(empty)]
    )
    assert result.exit_code == 1
    out = records(result.stdout)
    assert [r["id"] for r in out] == ["atlas-mali", "missing", "empty"]
    assert out[0]["errors"] == [] and out[0]["title"]
    assert out[1]["errors"] == [
        {"step": "read", "message": f"{tmp_path / 'missing.html'}: no such file or directory"}
    ]
    assert out[2]["errors"][0]["message"].startswith(f"{empty}: empty input")
    assert f"error: {tmp_path / 'missing.html'}: no such file or directory" in result.stderr
    assert "newskit: 1 article, 2 failed" in result.stderr


def test_all_good_inputs_exit_zero(runner, seed_path):
    result = runner.invoke(cli, ["analyze", str(seed_path)])
    assert result.exit_code == 0, result.stderr
    assert "newskit: 1 article, 0 failed" in result.stderr


def test_stdin_is_read_with_a_dash(runner, seed_path):
    result = runner.invoke(cli, ["analyze", "-", "--clean", "none", "--summarizer", "none", "--classify", "none"],
                           input=seed_path.read_bytes())  # fmt: skip
    assert result.exit_code == 0, result.stderr
    (record,) = records(result.stdout)
    assert record["id"] == "stdin"
    assert record["text"] == seed_path.read_text(encoding="utf-8")  # nothing ran
    assert record["summary"] == "" and record["categories"] == []


def test_output_format_follows_the_file_extension(runner, tmp_path, seed_path):
    out = tmp_path / "report.md"
    result = runner.invoke(cli, ["analyze", str(seed_path), "-o", str(out)])
    assert result.exit_code == 0, result.stderr
    assert out.read_text(encoding="utf-8").lstrip().startswith("#")
    out_json = tmp_path / "articles.json"
    runner.invoke(cli, ["analyze", str(seed_path), "-o", str(out_json)])
    assert json.loads(out_json.read_text(encoding="utf-8"))[0]["id"] == "atlas-mali"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--format", "yaml"], "unknown format 'yaml'; available:"),
        (["-o", "out.xyz"], "no format writes 'out.xyz'"),
        (["--classify", "nonsense"], "unknown classifier 'nonsense'"),
        (["--summarizer", "nonsense"], "unknown summarizer 'nonsense'"),
        (["--url", "https://x.example/a", "extra.txt"], "--url describes one page"),
    ],
)
def test_usage_errors_are_clear(runner, seed_path, args, message):
    result = runner.invoke(cli, ["analyze", str(seed_path), *args])
    assert result.exit_code == 2
    assert message in result.stderr


def test_plugins_lists_versions_components_and_faults(runner):
    result = runner.invoke(cli, ["plugins"])
    assert result.exit_code == 0
    assert f"populism {newskit.__version__}  [loaded]  newskit_populism" in result.output
    assert "classifiers: populism" in result.output
    assert "readers 0" in result.output or f"readers {newskit.__version__}" in result.output
    data = json.loads(runner.invoke(cli, ["plugins", "--json"]).output)
    by_name = {p["name"]: p for p in data}
    assert by_name["formats"]["components"]["format"]
    assert by_name["clean"]["status"] == "loaded"


def test_formats_lists_each_with_extensions_and_description(runner):
    result = runner.invoke(cli, ["formats"])
    assert result.exit_code == 0
    lines = {line.split()[0]: line for line in result.output.splitlines()}
    assert {"json", "jsonl", "markdown"} <= set(lines)
    assert ".jsonl" in lines["jsonl"] and ".md" in lines["markdown"]
    assert all(len(line.split()) > 2 for line in lines.values())  # a description each


def test_plugins_can_add_commands():
    class Hello:
        @newskit.hookimpl
        def newskit_register_commands(self, cli):
            @cli.command()
            def hello():
                click.echo("hello from a plugin")

    @click.group()
    def group():
        pass

    plugin_manager(("hello", Hello())).add_commands(group)
    result = CliRunner().invoke(group, ["hello"])
    assert result.output == "hello from a plugin\n"
