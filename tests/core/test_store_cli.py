"""``analyze --store`` resumes; ``newskit query`` searches and exports."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from click.testing import CliRunner

from newskit.cli import cli

ROOT = Path(__file__).resolve().parents[2]


def test_a_second_run_skips_what_the_store_holds_and_query_finds_it(tmp_path):
    folder = tmp_path / "pages"
    folder.mkdir()
    shutil.copy(ROOT / "examples" / "atlas-mali.txt", folder / "mali.txt")
    shutil.copy(ROOT / "tests" / "fixtures" / "news-page.html", folder / "page.html")
    db = tmp_path / "news.db"
    runner = CliRunner()

    first = runner.invoke(cli, ["analyze", str(folder), "--store", str(db)])
    assert first.exit_code == 0, first.output
    assert first.stdout == ""  # stored, not printed
    assert "newskit: 2 articles, 0 failed; 0 inputs already stored" in first.stderr

    (folder / "new.txt").write_text(
        "The harbour strike ended on Thursday after six weeks.\n", encoding="utf-8"
    )
    second = runner.invoke(cli, ["analyze", str(folder), "--store", str(db)])
    assert "newskit: 1 article, 0 failed; 2 inputs already stored" in second.stderr

    hits = runner.invoke(cli, ["query", str(db), "peacekeeping", "-f", "jsonl"])
    assert hits.exit_code == 0, hits.output
    assert [json.loads(line)["id"] for line in hits.stdout.splitlines()] == ["mali"]

    bad = runner.invoke(cli, ["query", str(db), '"unterminated'])
    assert bad.exit_code == 1 and "invalid query" in bad.output
