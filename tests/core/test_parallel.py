"""``--jobs``: a local process pool whose output equals a serial run's."""

from __future__ import annotations

import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
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


def test_a_worker_builds_its_pipeline_once_per_spec():
    spec = batch.PipelineSpec(config={"summarizer": None, "classifiers": []})
    same = batch.PipelineSpec(config={"summarizer": None, "classifiers": []})
    other = batch.PipelineSpec(config={"summarizer": None, "classifiers": ["economy"]})
    state = batch._state_for(spec)
    assert batch._state_for(same) is state  # equal specs share one pipeline
    assert batch._state_for(other) is not state
    assert [c.name for c in batch._state_for(other)["pipeline"].classifiers] == ["economy"]


@pytest.mark.skipif(sys.platform == "win32", reason="needs SIGKILL")
def test_worker_processes_end_when_the_parent_is_killed(tmp_path):
    """A pool worker whose parent is gone exits instead of waiting forever."""
    code = (
        "import os, sys, time\n"
        "from newskit import batch\n"
        "from concurrent.futures import ProcessPoolExecutor\n"
        "pool = ProcessPoolExecutor(1, initializer=batch._exit_with_parent, initargs=(0.05,))\n"
        "print(pool.submit(os.getpid).result(), flush=True)\n"
        "time.sleep(60)\n"
    )
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    try:
        worker = int(proc.stdout.readline())
        proc.send_signal(signal.SIGKILL)
        proc.wait(10)
        deadline = time.monotonic() + 10
        while _alive(worker):
            assert time.monotonic() < deadline, "the orphaned worker is still running"
            time.sleep(0.05)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().split(") ")[1][0] != "Z"
    except FileNotFoundError:
        return False
