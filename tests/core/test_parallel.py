"""``--jobs``: a local process pool whose output equals a serial run's."""

from __future__ import annotations

import shutil
from pathlib import Path

from click.testing import CliRunner

import newskit
from newskit import batch
from newskit.cli import cli

ROOT = Path(__file__).resolve().parents[2]


def _corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    for i in range(5):
        shutil.copy(ROOT / "examples" / "atlas-mali.txt", folder / f"dump-{i}.txt")
    shutil.copy(ROOT / "tests" / "fixtures" / "news-page.html", folder / "page.html")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02 not text")
    return folder


def test_the_pool_gives_the_serial_articles_in_the_same_order(tmp_path):
    folder = _corpus(tmp_path)
    pm = newskit.get_plugin_manager()
    spec = batch.PipelineSpec(config={"thresholds": {"populism": 0.05}})
    serial = list(batch.run([folder], pipeline=spec.build(pm), plugins=pm))
    parallel = list(
        batch.run_parallel([folder, tmp_path / "missing.txt"], spec=spec, plugins=pm, jobs=2)
    )
    assert parallel[:-1] == serial
    assert [a.id for a in serial] == ["binary", *(f"dump-{i}" for i in range(5)), "page"]
    assert serial[0].failed and not any(a.failed for a in serial[1:])
    assert parallel[-1].failed and "no such file" in parallel[-1].errors[0].message
    assert serial[1].category("populism").label is True  # the spec's threshold reached the workers


def test_the_command_with_jobs_writes_what_one_process_writes(tmp_path):
    folder = _corpus(tmp_path)
    runner = CliRunner()
    one = runner.invoke(cli, ["analyze", str(folder), "--jobs", "1"])
    two = runner.invoke(cli, ["analyze", str(folder), "--jobs", "2"])
    assert one.exit_code == two.exit_code == 1  # the binary file failed
    assert one.stdout == two.stdout
    assert "newskit: 6 articles, 1 failed" in two.stderr
