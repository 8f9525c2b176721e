"""The crash test (issue 10): ``newskit analyze DIR --store DB`` killed with ``kill -9``
at random points (seeded), four times, once with ``--jobs 2``, then run to its end.
Every input must then be in the store exactly once, its articles or its error record
equal to what one uninterrupted run makes, and the database sound."""

from __future__ import annotations

import gzip
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

import newskit
from newskit.inputs import input_id
from newskit.store import Store

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs SIGKILL")

SEED = 10
KILLS = 4
MAX_BYTES = "20K"
BAD = {"binary-1", "binary-2", "empty", "broken", "huge"}


def _text(n: int) -> str:
    paragraphs = [
        f"Story {n}: the harbour council of town {n} met on Monday to discuss the budget.",
        f"Officials said the port would reopen in {n % 12 + 1} weeks, Reuters reported.",
        f"Workers in district {n} said prices had risen and wages had not, a union said.",
    ]
    return "\n\n".join(paragraphs)


def _corpus(folder: Path) -> set[str]:
    """81 small inputs of every kind, five of them bad; returns the input ids."""
    folder.mkdir()
    for n in range(60):
        (folder / f"dump-{n:02d}.txt").write_text(_text(n))
    for n in range(10):
        body = "".join(f"<p>{p}</p>" for p in _text(100 + n).split("\n\n"))
        page = f"<html><head><title>Page {n}</title></head><body><article>{body}</article></body></html>"
        (folder / f"page-{n}.html").write_text(page)
    for n in range(5):
        (folder / f"packed-{n}.txt.gz").write_bytes(gzip.compress(_text(200 + n).encode()))
    records = [{"id": f"feed-{n}", "text": _text(300 + n)} for n in range(3)]
    (folder / "feed.jsonl").write_text("\n".join(json.dumps(r) for r in records))
    (folder / "binary-1.txt").write_bytes(bytes(range(256)) * 4)
    (folder / "binary-2.txt").write_bytes(b"\x00\x01\x02" * 100)
    (folder / "empty.html").write_text("")
    (folder / "broken.txt.gz").write_bytes(gzip.compress(_text(1).encode())[:40])
    (folder / "huge.txt").write_text(_text(2) * 200)  # over --max-bytes
    return {input_id(p.name, {".txt", ".html", ".jsonl"}) for p in folder.iterdir()}


class _Watch:
    """How many inputs the store holds, read as the batch writes (WAL: no waiting)."""

    def __init__(self, db: Path) -> None:
        self.db = db
        self.con: sqlite3.Connection | None = None

    def stored(self) -> int:
        try:
            if self.con is None:
                if not self.db.exists():
                    return 0
                self.con = sqlite3.connect(self.db, timeout=1, isolation_level=None)
            return self.con.execute("SELECT count(*) FROM inputs").fetchone()[0]
        except sqlite3.Error:  # the schema is not there yet
            return 0

    def close(self) -> None:
        if self.con is not None:
            self.con.close()


def _run_and_kill(cmd: list[str], watch: _Watch, at: int, pause: float) -> bool:
    """Run ``cmd``; kill -9 its process group once ``at`` inputs are stored, after
    ``pause`` s. True when it was killed, False when it ended first."""
    proc = subprocess.Popen(
        cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True
    )
    try:
        deadline = time.monotonic() + 60
        while proc.poll() is None and watch.stored() < at:
            assert time.monotonic() < deadline, "the batch stored nothing for a minute"
            time.sleep(0.0005)
        time.sleep(pause)
        if proc.poll() is not None:
            return False
        os.killpg(proc.pid, signal.SIGKILL)  # the batch and any worker it started
        proc.wait(10)
        return proc.returncode == -signal.SIGKILL
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()


def _records(articles: list[newskit.Article]) -> list[str]:
    return sorted(json.dumps(a.to_dict(), sort_keys=True) for a in articles)


def test_kill_9_at_random_points_then_every_input_is_stored_exactly_once(tmp_path):
    folder = tmp_path / "news"
    ids = _corpus(folder)
    assert len(ids) == 81
    db = tmp_path / "news.db"
    base = [sys.executable, "-m", "newskit", "analyze", str(folder), "--store", str(db)]
    base += ["--max-bytes", MAX_BYTES]
    rng = random.Random(SEED)

    killed, watch = [], _Watch(db)
    try:
        for kill in range(KILLS):
            at = watch.stored() + rng.randint(1, 12)
            cmd = [*base, "--jobs", "2"] if kill == 1 else base
            killed.append(_run_and_kill(cmd, watch, at, pause=rng.uniform(0, 0.004)))
        assert sum(killed) >= KILLS - 1, killed  # the runs were cut short, not finished
        assert watch.stored() < len(ids)
    finally:
        watch.close()

    final = subprocess.run(base, capture_output=True, text=True, timeout=120)
    assert final.returncode == 1, final.stderr  # the bad inputs failed
    assert "inputs already stored" in final.stderr

    con = sqlite3.connect(db)
    try:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        keys = con.execute("SELECT id, failed, articles FROM inputs").fetchall()
        # Inputs are keyed by their absolute path: the same ids, each file once.
        assert sorted(r[0] for r in keys) == sorted(str(p) for p in folder.iterdir())
        exts = {".txt", ".html", ".jsonl"}
        rows = [(input_id(Path(k).name, exts), failed, n) for k, failed, n in keys]
        assert sorted(r[0] for r in rows) == sorted(ids)  # each input once, none lost
        assert {r[0] for r in rows if r[1]} == BAD
        assert {r[0]: r[2] for r in rows}["feed"] == 3
        per_input = "SELECT input_id, count(*) FROM articles GROUP BY input_id"
        counts = dict(con.execute(per_input).fetchall())
        assert counts == {r[0]: r[2] for r in keys}  # no article twice, none missing
    finally:
        con.close()

    one_run = list(newskit.analyze(folder, limits=newskit.Limits(max_bytes=20 * 1024)))
    with Store(db, readonly=True) as store:
        stored = list(store.articles())
    assert len(stored) == len(one_run) == 83
    assert _records(stored) == _records(one_run)  # what one uninterrupted run makes
    errors = [a for a in stored if a.failed]
    assert {a.id for a in errors} == BAD and all(a.errors[0].message for a in errors)
