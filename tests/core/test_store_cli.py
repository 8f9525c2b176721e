"""``analyze --store`` resumes; ``newskit query`` searches and exports."""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import ClassVar

import pytest
from click.testing import CliRunner
from tests.archives import warc

import newskit
from newskit import batch
from newskit import store as store_module
from newskit.cli import cli
from newskit.store import Store

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


# -- --store with --jobs: the pool reads and analyses, this process writes ------------------

_TEXTS = [
    ROOT / "examples" / "atlas-mali.txt",
    ROOT / "tests" / "fixtures" / "news-page.html",
]


def _corpus(folder: Path, copies: int) -> Path:
    folder.mkdir()
    for i in range(copies):
        source = _TEXTS[i % len(_TEXTS)]
        shutil.copy(source, folder / f"doc-{i:03d}{source.suffix}")
    (folder / "zz-binary.txt").write_bytes(b"\x00\x01\x02 not text")
    return folder


def _stored(db: Path) -> list[dict]:
    with Store(db) as store:
        return [a.to_dict() for a in store.articles()]


class CountingPool(ProcessPoolExecutor):
    """A process pool that counts the tasks given to it (in this, the parent, process)."""

    submitted: ClassVar[list[str]] = []

    def submit(self, fn, /, *args, **kwargs):  # type: ignore[no-untyped-def, override]
        CountingPool.submitted.append(args[0])
        return super().submit(fn, *args, **kwargs)


def test_store_with_jobs_runs_in_the_pool_and_stores_what_one_process_stores(tmp_path, monkeypatch):
    folder = _corpus(tmp_path / "pages", 6)
    runner = CliRunner()
    one, two = tmp_path / "one.db", tmp_path / "two.db"
    serial = runner.invoke(cli, ["analyze", str(folder), "--store", str(one), "--jobs", "1"])
    monkeypatch.setattr(batch, "ProcessPoolExecutor", CountingPool)  # the WorkerPool's
    CountingPool.submitted.clear()
    pooled = runner.invoke(cli, ["analyze", str(folder), "--store", str(two), "--jobs", "2"])
    assert serial.exit_code == pooled.exit_code == 1  # the binary file failed
    assert len(CountingPool.submitted) == 7  # every input went to the pool
    assert _stored(two) == _stored(one)
    assert "newskit: 6 articles, 1 failed; 0 inputs already stored" in pooled.stderr

    # A rerun sends each input to a worker, which hashes it and skips what is stored.
    (folder / "doc-002.txt").write_text("The zebra parade ended on Thursday.\n", "utf-8")
    CountingPool.submitted.clear()
    again = runner.invoke(cli, ["analyze", str(folder), "--store", str(two), "--jobs", "2"])
    assert "newskit: 1 article, 0 failed; 6 inputs already stored" in again.stderr
    assert len(CountingPool.submitted) == 7
    retry = ["analyze", str(folder), "--store", str(two), "--jobs", "2", "--retry-failed"]
    assert "0 articles, 1 failed; 6 inputs already stored" in runner.invoke(cli, retry).stderr
    with Store(two) as store:
        assert store.counts() == {"inputs": 7, "failed_inputs": 1, "articles": 6, "failed": 1}
        assert [a.id for a in store.query("zebra")] == ["doc-002"]


@pytest.mark.skipif(sys.platform == "win32", reason="needs SIGKILL")
def test_kill_9_during_a_pooled_store_run_then_resume(tmp_path):
    folder = _corpus(tmp_path / "pages", 60)
    db = tmp_path / "news.db"
    cmd = [sys.executable, "-m", "newskit", "analyze", str(folder), "--store", str(db)]
    proc = subprocess.Popen([*cmd, "--jobs", "2"], stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        stored = 0
        while stored < 5:
            assert proc.poll() is None, "the run finished before it could be killed"
            assert time.monotonic() < deadline, "the run stored nothing"
            time.sleep(0.02)
            try:
                with sqlite3.connect(db, timeout=1) as con:
                    stored = con.execute("SELECT count(*) FROM inputs").fetchone()[0]
            except sqlite3.Error:  # not created yet
                stored = 0
        proc.send_signal(signal.SIGKILL)
        proc.wait(10)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    with Store(db) as store:
        before = store.counts()["inputs"]
    assert 5 <= before < 61
    done = subprocess.run([*cmd, "--jobs", "2"], capture_output=True, text=True, timeout=120)
    assert done.returncode == 1, done.stderr  # the binary file
    assert f"{before} inputs already stored" in done.stderr

    con = sqlite3.connect(db)
    assert con.execute("SELECT count(*), count(DISTINCT id) FROM inputs").fetchone() == (61, 61)
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    con.close()
    # Every input is stored whole, exactly once, as a serial run stores it.
    pm = newskit.get_plugin_manager()
    expected = {
        source.suffix: next(iter(batch.run([source], pipeline=batch.PipelineSpec().build(pm),
                                           plugins=pm))).to_dict()
        for source in _TEXTS
    }  # fmt: skip
    records = _stored(db)
    assert len(records) == 61
    for record in records:
        if record["id"] == "zz-binary":
            assert record["errors"]
            continue
        suffix = ".txt" if int(record["id"][4:]) % 2 == 0 else ".html"
        assert {**record, "id": "x"} == {**expected[suffix], "id": "x"}


# -- bad input: error records or a clear error, never a traceback or a dead run ---------


def _page(title: str, words: str = "") -> bytes:
    text = words or " ".join(f"{title} is the news of the day, told in full." for _ in range(15))
    return f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1><p>{text}</p></article></body></html>".encode()


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_bad_inputs_become_error_records_in_the_store(tmp_path, jobs):
    pytest.importorskip("fastwarc")
    pytest.importorskip("warcio")
    folder = tmp_path / "pages"
    folder.mkdir()
    shutil.copy(ROOT / "examples" / "atlas-mali.txt", folder / "a-mali.txt")
    good, _ = warc([
        ("https://w.example/1", _page("One"), ()),
        ("https://w.example/broken", b"\x1f\x8b\x08\x00broken", (("Content-Encoding", "gzip"),)),
        ("https://w.example/2", _page("Two"), ()),
    ])  # fmt: skip
    (folder / "b-payload.warc.gz").write_bytes(good)
    whole, offsets = warc([(f"https://t.example/{n}", _page(f"Cut {n}"), ()) for n in range(3)])
    (folder / "c-cut.warc.gz").write_bytes(whole[: offsets[2] + 40])
    (folder / "d-corrupt.html.gz").write_bytes(b"\x1f\x8b\x08\x00" + b"rubbish" * 30)
    (folder / "e-corrupt.warc.gz").write_bytes(b"\x1f\x8b\x08\x00" + b"rubbish" * 30)
    db = tmp_path / "news.db"
    result = CliRunner().invoke(cli, ["analyze", str(folder), "--store", str(db), "--jobs", jobs])
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    with Store(db) as store:
        articles = list(store.articles())
    assert [a.title for a in articles if not a.failed] == [
        "UN to End Peacekeeping Mission in Mali, Per Reuters",
        "One",
        "Two",
        "Cut 0",
        "Cut 1",
    ]
    errors = [a.errors[0].message for a in articles if a.failed]
    assert len(errors) == 4
    assert "b-payload.warc.gz offset" in errors[0] and "broken gzip payload" in errors[0]
    assert "c-cut.warc.gz offset" in errors[1] and "cut in a record" in errors[1]
    assert "d-corrupt.html.gz: not a valid gzip file" in errors[2]
    assert "e-corrupt.warc.gz" in errors[3]
    assert "newskit: 5 articles, 4 failed" in result.stderr


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_locked_store_is_a_clear_error_before_any_work(tmp_path, monkeypatch, jobs):
    folder = _corpus(tmp_path / "pages", 2)
    db = tmp_path / "news.db"
    Store(db).close()
    monkeypatch.setattr(store_module, "DEFAULT_TIMEOUT", 0.2)
    monkeypatch.setattr(batch, "process", _must_not_run)
    monkeypatch.setattr(store_module.Store, "ingest_files", _must_not_run)
    other = sqlite3.connect(db, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    try:
        result = CliRunner().invoke(
            cli, ["analyze", str(folder), "--store", str(db), "--jobs", jobs]
        )
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert result.exit_code == 1
    assert f"{db}: the store is locked by another process" in result.output
    assert "Traceback" not in result.output


def _must_not_run(*args: object, **kwargs: object) -> None:
    raise AssertionError("work started on a store that cannot be written")


@pytest.mark.skipif(
    sys.platform == "win32" or os.geteuid() == 0, reason="root ignores file permissions"
)
def test_a_read_only_store_file_is_a_clear_error(tmp_path):  # pragma: no cover - not as root
    folder = _corpus(tmp_path / "pages", 2)
    db = tmp_path / "news.db"
    Store(db).close()
    db.chmod(0o444)
    result = CliRunner().invoke(cli, ["analyze", str(folder), "--store", str(db)])
    assert result.exit_code == 1
    assert str(db) in result.output and "Traceback" not in result.output
    assert "read-only" in result.output or "cannot be opened" in result.output


def test_a_warc_changed_after_its_first_4_kib_is_analysed_again(tmp_path):
    pytest.importorskip("fastwarc")
    pytest.importorskip("warcio")
    rng = random.Random(4)
    words = " ".join(f"{rng.getrandbits(40):x}" for _ in range(1500))  # does not compress
    big, _ = warc([("https://x.example/1", _page("Big", words), ())])
    before, _ = warc([("https://x.example/2", _page("Before"), ())])
    after, _ = warc([("https://x.example/2", _page("After"), ())])
    assert len(big) > 8192
    folder = tmp_path / "crawl"
    folder.mkdir()
    path = folder / "crawl.warc.gz"
    path.write_bytes(big + before)  # each record is a gzip member of its own
    db = tmp_path / "news.db"
    runner = CliRunner()
    runner.invoke(cli, ["analyze", str(folder), "--store", str(db)])
    path.write_bytes(big + after)  # the same first 8 KiB, a different last record
    result = runner.invoke(cli, ["analyze", str(folder), "--store", str(db)])
    assert "newskit: 2 articles, 0 failed; 0 inputs already stored" in result.stderr
    with Store(db) as store:
        assert [a.title for a in store.articles()] == ["Big", "After"]
    again = runner.invoke(cli, ["analyze", str(folder), "--store", str(db), "--jobs", "2"])
    assert "newskit: 0 articles, 0 failed; 1 inputs already stored" in again.stderr


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_files_of_the_same_name_in_two_folders_are_both_stored(tmp_path, jobs):
    """Both give the article id "index"; the store keys inputs by path, so neither
    replaces the other, and a rerun skips both."""
    for folder, topic in (("a", "harbour strike"), ("b", "bridge opening")):
        (tmp_path / folder).mkdir()
        text = f"The {topic} was the talk of the town on Monday, officials said. " * 3
        (tmp_path / folder / "index.txt").write_text(text)
    db = tmp_path / "news.db"
    args = ["analyze", str(tmp_path / "a"), str(tmp_path / "b"), "--store", str(db)]
    first = CliRunner().invoke(cli, [*args, "--jobs", jobs])
    assert first.exit_code == 0, first.output
    again = CliRunner().invoke(cli, [*args, "--jobs", jobs])
    assert "2 inputs already stored" in again.output
    with Store(db, readonly=True) as store:
        texts = sorted(a.text.split(" was ")[0] for a in store.articles())
    assert texts == ["The bridge opening", "The harbour strike"]


def test_a_schema_1_store_is_read_but_not_written(tmp_path):
    db = tmp_path / "old.db"
    with Store(db) as store:
        store.add([newskit.Article(id="x", text="Some words.")], input_id="x", content_hash="h")
    con = sqlite3.connect(db)
    con.execute("PRAGMA user_version=1")
    con.close()
    with Store(db, readonly=True) as store:
        assert [a.id for a in store.articles()] == ["x"]
    with pytest.raises(newskit.InputError, match="older newskit .*analyse into a new store"):
        Store(db)
