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


_CRASHING_PLUGIN = """
import os
import newskit

@newskit.hookimpl
def newskit_register_cleaners():
    def clean(article):
        if "CRASHPAGE" in article.text:
            os._exit(3)  # as a segfault in native code or the OOM killer would end it
        return article
    return [newskit.Cleaner(name="crash", clean=clean, default=False)]
"""


@pytest.fixture
def crashing_plugin(tmp_path, monkeypatch):
    """A cleaner that kills its worker process on one page, installed as an entry
    point so that pool workers load it."""
    import uuid

    from newskit import plugins as plugins_module

    site = tmp_path / "site"
    site.mkdir()
    module = f"newskit_crash_{uuid.uuid4().hex[:8]}"
    (site / f"{module}.py").write_text(_CRASHING_PLUGIN)
    info = site / f"{module}-0.1.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {module}\nVersion: 0.1\n")
    (info / "entry_points.txt").write_text(f"[newskit]\ncrash = {module}\n")
    monkeypatch.syspath_prepend(str(site))
    monkeypatch.setattr(plugins_module, "_default", None)  # load entry points again


def _crash_corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "news"
    folder.mkdir()
    for n in range(8):
        words = "CRASHPAGE" if n == 5 else "calm"
        text = f"Story {n}. The council met on Monday about the {words} harbour plan. " * 3
        (folder / f"story-{n}.txt").write_text(text)
    return folder


@pytest.mark.usefixtures("crashing_plugin")
def test_a_worker_that_dies_costs_its_input_not_the_batch(tmp_path):
    folder = _crash_corpus(tmp_path)
    pm = newskit.get_plugin_manager()
    spec = batch.PipelineSpec(config={"cleaners": ["crash"], "summarizer": None, "classifiers": []})
    found = list(batch.run_parallel([folder], spec=spec, plugins=pm, jobs=2))
    assert [a.id for a in found] == [f"story-{n}" for n in range(8)]  # all, in order
    assert [a.failed for a in found] == [n == 5 for n in range(8)]
    assert "the worker process died while analysing it" in found[5].errors[0].message
    assert str(folder / "story-5.txt") in found[5].errors[0].message
    serial = list(
        batch.run(
            [folder / f"story-{n}.txt" for n in (0, 1, 7)], pipeline=spec.build(pm), plugins=pm
        )
    )
    assert [found[n] for n in (0, 1, 7)] == serial


@pytest.mark.usefixtures("crashing_plugin")
def test_a_worker_that_dies_in_a_store_run_leaves_an_error_record(tmp_path):
    folder = _crash_corpus(tmp_path)
    db = tmp_path / "news.db"
    args = ["analyze", str(folder), "--store", str(db), "--jobs", "2", "--clean", "crash"]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 1, result.output  # one input failed
    with newskit.store.Store(db, readonly=True) as store:
        stored = {a.id: a for a in store.articles()}
    assert sorted(stored) == [f"story-{n}" for n in range(8)]
    assert [n for n in range(8) if stored[f"story-{n}"].failed] == [5]
