"""The SQLite store: round trip, search, resume, bad files, locks, and a kill -9 mid-run."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from newskit import InputError
from newskit.components import Input
from newskit.model import Article, Category, Evidence, Problem, Source
from newskit.store import SCHEMA_VERSION, Store, content_hash, input_hash


def _article(n: int, **fields: object) -> Article:
    base: dict[str, object] = {
        "id": f"a{n}",
        "url": f"https://example.com/{n}",
        "title": f"Story {n}",
        "text": f"Paragraph one of story {n}.\n\nThe central bank raised rates.",
        "summary": f"Story {n} in short.",
        "source": Source(name="Example", domain="example.com"),
        "published": "2024-05-01T10:00:00+00:00",
        "language": "en",
    }
    base.update(fields)
    return Article(**base)  # type: ignore[arg-type]


RICH = _article(
    1,
    title="Mali: UN peacekeepers to leave",
    text="The UN Security Council voted to end the mission in Mali.\n\nTroops will leave.",
    cited_sources=[Source(name="Reuters", kind="wire", evidence=[Evidence(text="per Reuters")])],
    authors=["A. Writer"],
    categories=[
        Category(name="conflict", scheme="keywords", score=0.9, label=True,
                 evidence=[Evidence(text="UN", start=4, end=6, terms=["UN"])]),
        Category(name="economy", scheme="economy", score=0.1, label=False),
        Category(name="Africa", scheme="section"),
    ],
    warnings=[Problem(step="clean", message="odd markup")],
    meta={"n": 1, "tags": ["a", "b"]},
)  # fmt: skip


def test_content_hash_is_sha256_hex() -> None:
    assert content_hash(b"abc") == (
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
    )


def test_round_trip_and_schema(tmp_path: Path) -> None:
    path = tmp_path / "news.db"
    failure = Article.failure("bad", "bad.html: not HTML")
    with Store(path) as store:
        assert store.add([RICH, _article(2)], input_id="in1", content_hash="h1") == 2
        assert store.add([failure], input_id="bad", content_hash="h2", input_name="bad.html") == 1
        assert list(store.articles()) == [RICH, _article(2), failure]
        assert store.counts() == {"inputs": 2, "failed_inputs": 1, "articles": 2, "failed": 1}
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    row = db.execute("SELECT title, source_domain, failed FROM articles WHERE id='a1'").fetchone()
    assert row == ("Mali: UN peacekeepers to leave", "example.com", 0)
    cats = db.execute("SELECT scheme, name, score, label FROM categories ORDER BY rowid").fetchall()
    assert cats == [
        ("keywords", "conflict", 0.9, 1),
        ("economy", "economy", 0.1, 0),
        ("section", "Africa", None, None),
    ]
    db.close()
    with Store(path, readonly=True) as store:  # reopening an existing store
        assert [a.id for a in store.articles()] == ["a1", "a2", "bad"]


def test_query_full_text_and_category(tmp_path: Path) -> None:
    with Store(tmp_path / "news.db") as store:
        store.add([RICH], input_id="mali", content_hash="h")
        store.add([_article(2, categories=[Category(name="economy", scheme="e", label=True)])],
                  input_id="two", content_hash="h")  # fmt: skip
        store.add([Article.failure("bad", "Mali economy unreadable")], input_id="bad",
                  content_hash="h")  # fmt: skip
        assert [a.id for a in store.query("mali")] == ["a1"]
        assert [a.id for a in store.query("peacekeepers")] == ["a1"]  # title
        assert [a.id for a in store.query('"central bank"')] == ["a2"]
        assert {a.id for a in store.query("mali OR bank")} == {"a1", "a2"}
        assert [a.id for a in store.query(category="Conflict")] == ["a1"]
        assert [a.id for a in store.query(category="economy")] == ["a2"]  # a1's label is false
        assert list(store.query(category="Africa")) == []  # no label
        assert list(store.query("mali", category="economy")) == []
        assert [a.id for a in store.query()] == ["a1", "a2"]  # no error records
        assert [a.id for a in store.query(limit=1)] == ["a1"]
        assert store.query("mali").__next__() == RICH
        with pytest.raises(InputError, match="invalid query"):
            list(store.query('"unclosed'))


def test_replacing_an_input_keeps_the_index_in_sync(tmp_path: Path) -> None:
    with Store(tmp_path / "news.db") as store:
        store.add([RICH], input_id="in", content_hash="old")
        store.add([_article(2)], input_id="in", content_hash="new")
        assert [a.id for a in store.articles()] == ["a2"]
        assert list(store.query("mali")) == []
        assert [a.id for a in store.query("bank")] == ["a2"]
        assert store.counts()["inputs"] == 1


def test_has_and_resume(tmp_path: Path) -> None:
    with Store(tmp_path / "news.db") as store:
        assert not store.has("in", "h")
        store.add([_article(1)], input_id="in", content_hash="h")
        store.add([Article.failure("f", "broken")], input_id="f", content_hash="hf")
        store.add([], input_id="empty", content_hash="he")  # an input with no article
        assert store.has("in", "h")
        assert not store.has("in", "changed")
        assert not store.has("in", None)
        assert store.has("empty", "he")
        assert store.has("f", "hf")
        assert not store.has("f", "hf", retry_failed=True)
        assert store.has("in", "h", retry_failed=True)


def test_ingest_skips_stored_inputs(tmp_path: Path) -> None:
    inputs = [Input(id=f"p{i}", name=f"p{i}.txt", data=f"text {i}".encode()) for i in range(3)]
    missing = Article.failure("gone", "gone.html: no such file")
    calls: list[str] = []

    def process(inp: Input) -> list[Article]:
        calls.append(inp.id)
        return [_article(int(inp.id[1:]), id=inp.id)]

    with Store(tmp_path / "news.db") as store:
        assert [a.id for a in store.ingest([*inputs, missing], process)] == [
            "p0", "p1", "p2", "gone",
        ]  # fmt: skip
        assert store.skipped == 0
        changed = Input(id="p1", name="p1.txt", data=b"new text")
        assert [a.id for a in store.ingest([*inputs[:1], changed, missing], process)] == [
            "p1", "gone",
        ]  # fmt: skip
        assert store.skipped == 1
        assert calls == ["p0", "p1", "p2", "p1"]
        assert store.counts() == {"inputs": 4, "failed_inputs": 1, "articles": 3, "failed": 1}


def test_not_sqlite_file(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("this is not a database\n" * 100)
    with pytest.raises(InputError, match="not a SQLite database") as info:
        Store(path)
    assert info.value.source == str(path)


def test_other_sqlite_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE t (x)")
    db.commit()
    db.close()
    with pytest.raises(InputError, match="not a newskit store"):
        Store(path)


def test_newer_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "news.db"
    Store(path).close()
    db = sqlite3.connect(path)
    db.execute(f"PRAGMA user_version={SCHEMA_VERSION + 1}")
    db.close()
    with pytest.raises(InputError, match="newer"):
        Store(path)


def test_readonly_store(tmp_path: Path) -> None:
    path = tmp_path / "news.db"
    with Store(path) as store:
        store.add([_article(1)], input_id="in", content_hash="h")
    with Store(path, readonly=True) as store:
        assert store.has("in", "h")
        with pytest.raises(InputError, match="read-only") as info:
            store.add([_article(2)], input_id="in2", content_hash="h")
        assert str(path) in str(info.value)
    with pytest.raises(InputError, match="no such file"):
        Store(tmp_path / "missing.db", readonly=True)


@pytest.mark.skipif(
    sys.platform == "win32" or os.geteuid() == 0, reason="root ignores file permissions"
)
def test_readonly_file(tmp_path: Path) -> None:  # pragma: no cover - not run as root
    path = tmp_path / "news.db"
    Store(path).close()
    path.chmod(0o444)
    with pytest.raises(InputError, match="read-only|cannot be opened"), Store(path) as store:
        store.add([_article(1)], input_id="in", content_hash="h")


def test_locked_store_fails_fast(tmp_path: Path) -> None:
    path = tmp_path / "news.db"
    with Store(path, timeout=0.2) as store:
        other = sqlite3.connect(path, isolation_level=None)
        other.execute("BEGIN EXCLUSIVE")
        try:
            start = time.monotonic()
            with pytest.raises(InputError, match="locked by another process") as info:
                store.add([_article(1)], input_id="in", content_hash="h")
            assert time.monotonic() - start < 3
            assert info.value.source == str(path)
        finally:
            other.execute("ROLLBACK")
            other.close()
        store.add([_article(1)], input_id="in", content_hash="h")  # works once released
        assert store.has("in", "h")


_WRITER = """
import sys, time
from newskit.model import Article, Category
from newskit.store import Store

path, total, pause = sys.argv[1], int(sys.argv[2]), float(sys.argv[3])
added = 0
with Store(path, timeout=30) as store:
    for i in range(total):
        input_id = f"in{i:05d}"
        if store.has(input_id, f"hash{i}"):
            continue
        arts = [
            Article(id=f"{input_id}-{j}", title=f"Title {i} {j}", text=f"Body {i} {j}. " * 20,
                    categories=[Category(name="economy", scheme="e", score=0.5, label=i % 2 == 0)])
            for j in range(1 + i % 3)
        ]
        store.add(arts, input_id=input_id, content_hash=f"hash{i}")
        added += 1
        if pause:
            time.sleep(pause)
print(added)
"""


def _expected(i: int) -> list[Article]:
    input_id = f"in{i:05d}"
    return [
        Article(
            id=f"{input_id}-{j}",
            title=f"Title {i} {j}",
            text=f"Body {i} {j}. " * 20,
            categories=[Category(name="economy", scheme="e", score=0.5, label=i % 2 == 0)],
        )
        for j in range(1 + i % 3)
    ]


@pytest.mark.skipif(sys.platform == "win32", reason="needs SIGKILL")
def test_kill_9_mid_run_then_resume(tmp_path: Path) -> None:
    path = tmp_path / "news.db"
    total = 2000
    cmd = [sys.executable, "-c", _WRITER, str(path), str(total)]
    proc = subprocess.Popen([*cmd, "0.001"], stdout=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 20
        while True:
            assert proc.poll() is None, "the writer finished before it could be killed"
            assert time.monotonic() < deadline, "the writer stored nothing"
            if path.exists():
                try:
                    db = sqlite3.connect(path, timeout=1)
                    stored = db.execute("SELECT count(*) FROM inputs").fetchone()[0]
                    db.close()
                except sqlite3.Error:  # schema not created yet
                    stored = 0
                if stored >= 200:
                    break
            time.sleep(0.02)
        proc.send_signal(signal.SIGKILL)
        proc.wait(10)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == -signal.SIGKILL
    with Store(path) as store:
        before = store.counts()["inputs"]
    assert 200 <= before < total

    done = subprocess.run([*cmd, "0"], capture_output=True, text=True, timeout=60, check=True)
    assert int(done.stdout) == total - before  # stored inputs were skipped

    db = sqlite3.connect(path)
    assert db.execute("SELECT count(*), count(DISTINCT id) FROM inputs").fetchone() == (
        total,
        total,
    )
    dupes = "SELECT count(*) FROM (SELECT id FROM articles GROUP BY id HAVING count(*) > 1)"
    assert db.execute(dupes).fetchone()[0] == 0
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    db.execute("INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')")
    db.close()
    with Store(path) as store:
        expected = [a for i in range(total) for a in _expected(i)]
        assert list(store.articles()) == expected  # each input whole, exactly once
        assert sum(1 for _ in store.query("body")) == len(expected)
        assert sum(1 for _ in store.query(category="economy")) == sum(
            1 + i % 3 for i in range(0, total, 2)
        )


@pytest.mark.parametrize("bad", ['"unclosed', "AND", "nosuchcolumn: word", "a NEAR("])
def test_bad_query_is_a_clear_error(tmp_path: Path, bad: str) -> None:
    with Store(tmp_path / "news.db") as store:
        store.add([RICH], input_id="mali", content_hash="h")
        with pytest.raises(InputError, match="invalid query"):
            list(store.query(bad))


def test_input_hash_of_a_streamed_input_covers_the_whole_file(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc"
    body = bytes(range(256)) * 400  # 100 KiB
    path.write_bytes(body)
    streamed = Input(id="crawl", name=str(path), data=body[:4096], path=str(path))
    assert input_hash(streamed) == content_hash(body)  # the file, not the head it holds
    path.write_bytes(body[:-1] + b"\x00")  # changed in its last byte only
    assert input_hash(streamed) != content_hash(body)
    loaded = Input(id="page", name="page.html", data=b"<p>hello</p>")
    assert input_hash(loaded) == content_hash(b"<p>hello</p>")
    path.unlink()
    with pytest.raises(InputError, match="cannot be read") as info:
        input_hash(streamed)
    assert info.value.source == str(path)


def test_ingest_stores_an_error_record_for_a_streamed_file_that_vanished(tmp_path: Path) -> None:
    gone = Input(id="gone", name="gone.warc", data=b"WARC/1.0", path=str(tmp_path / "gone.warc"))
    with Store(tmp_path / "news.db") as store:
        (error,) = store.ingest([gone], lambda inp: [_article(1)])
        assert error.failed and error.errors[0].message.startswith("gone.warc: cannot be read")
        assert store.done_hash("gone") is None  # no hash: retried next time
        assert store.counts()["failed_inputs"] == 1


def test_done_hash_is_what_a_rerun_skips(tmp_path: Path) -> None:
    with Store(tmp_path / "news.db") as store:
        store.add([_article(1)], input_id="ok", content_hash="h1")
        store.add([Article.failure("bad", "broken")], input_id="bad", content_hash="h2")
        assert store.done_hash("ok") == store.done_hash("ok", retry_failed=True) == "h1"
        assert store.done_hash("bad") == "h2"
        assert store.done_hash("bad", retry_failed=True) is None
        assert store.done_hash("new") is None


def test_check_writable_fails_fast_on_a_locked_store(tmp_path: Path) -> None:
    path = tmp_path / "news.db"
    with Store(path, timeout=0.2) as store:
        store.check_writable()
        other = sqlite3.connect(path, isolation_level=None)
        other.execute("BEGIN EXCLUSIVE")
        try:
            with pytest.raises(InputError, match="locked by another process") as info:
                store.check_writable()
            assert info.value.source == str(path)
        finally:
            other.execute("ROLLBACK")
            other.close()
        store.check_writable()
    with Store(path, readonly=True) as store, pytest.raises(InputError, match="read-only"):
        store.check_writable()


def test_ingest_files_with_an_executor_skips_stored_inputs_in_the_worker(tmp_path: Path) -> None:
    from concurrent.futures import ThreadPoolExecutor

    import newskit
    from newskit import batch

    folder = tmp_path / "pages"
    folder.mkdir()
    for n in range(3):
        (folder / f"p{n}.txt").write_text(f"Story {n}. The harbour reopened today.\n", "utf-8")
    (folder / "bad.txt").write_bytes(b"\x00\x01 binary")
    pm = newskit.get_plugin_manager()
    spec = batch.PipelineSpec(config={"summarizer": None, "classifiers": []})
    serial = list(batch.run([folder], pipeline=spec.build(pm), plugins=pm))
    with Store(tmp_path / "news.db") as store, ThreadPoolExecutor(2) as pool:
        run = store.ingest_files([folder], spec=spec, plugins=pm, jobs=2, executor=pool)
        assert list(run) == serial
        assert store.skipped == 0
        (folder / "p1.txt").write_text("Story 1 changed.\n", "utf-8")
        again = store.ingest_files([folder], spec=spec, plugins=pm, jobs=2, executor=pool)
        assert [a.id for a in again] == ["p1"]
        assert store.skipped == 3  # the failed input counts as stored unless retried
        assert store.counts() == {"inputs": 4, "failed_inputs": 1, "articles": 3, "failed": 1}
