"""The embedded store: analysed articles in one SQLite file, searchable and resumable.

One input is stored in one transaction, so a run killed at any moment leaves each input
either fully stored or not at all, and a rerun skips what is there (:meth:`Store.has`).
Schema (``PRAGMA user_version`` = :data:`SCHEMA_VERSION`, WAL journal):

- ``inputs``: one row per input: ``id`` (primary key: :func:`input_key`, the file's
  absolute path), ``name`` (as given), ``content_hash``
  (sha256 of the input's bytes), ``failed``, ``articles`` (how many), ``created``.
- ``articles``: ``pk`` (integer primary key), ``id``, ``input_id``, ``position``, ``url``,
  ``title``, ``text``, ``summary``, ``published``, ``language``, ``source_name``,
  ``source_domain``, ``record`` (``Article.to_dict()`` as JSON), ``failed``, ``created``.
  Article ids need not be unique across inputs, so the key is ``(input_id, position)``.
- ``categories``: ``article`` (``articles.pk``), ``scheme``, ``name``, ``score``, ``label``.
- ``articles_fts``: an external-content FTS5 index over ``title`` and ``text``, kept in
  sync with ``articles`` by triggers.

Error records are stored too. A failed input is skipped on a rerun like any other, unless
``retry_failed=True``; an input whose bytes could not be read has no hash and is retried.

The content hash (:func:`input_hash`) covers the whole input: its bytes, or for a file a
streaming reader reads from disk (a WARC) the whole file as stored, hashed in 1 MiB
blocks (about 80 ms per 100 MB, a fraction of a percent of the time to analyse it).

:meth:`Store.ingest_files` does the same work on a pool of processes: the workers read,
hash and analyse the inputs, and this process alone writes, input by input, in order.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping
from concurrent.futures import Executor
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from .components import Input
from .errors import InputError
from .model import Article

if TYPE_CHECKING:
    from types import TracebackType

    from .batch import PipelineSpec
    from .plugins import PluginManager

__all__ = ["DEFAULT_TIMEOUT", "SCHEMA_VERSION", "Store", "content_hash", "input_hash", "input_key"]

SCHEMA_VERSION = 2
# Schema 1 keyed inputs by their id (the file's stem), so that two files of the same
# name in different folders replaced each other; its tables are the same, so a schema 1
# store can still be read, but not written.
_READABLE_VERSIONS = (1, SCHEMA_VERSION)
#: How long (seconds) a write waits for another process's lock, unless told otherwise.
DEFAULT_TIMEOUT = 5.0

_SCHEMA = """
CREATE TABLE inputs (
    id TEXT PRIMARY KEY,
    name TEXT,
    content_hash TEXT,
    failed INTEGER NOT NULL DEFAULT 0,
    articles INTEGER NOT NULL DEFAULT 0,
    created TEXT NOT NULL
);
CREATE TABLE articles (
    pk INTEGER PRIMARY KEY,
    id TEXT NOT NULL,
    input_id TEXT NOT NULL REFERENCES inputs(id),
    position INTEGER NOT NULL,
    url TEXT, title TEXT, text TEXT NOT NULL DEFAULT '', summary TEXT NOT NULL DEFAULT '',
    published TEXT, language TEXT, source_name TEXT, source_domain TEXT,
    record TEXT NOT NULL,
    failed INTEGER NOT NULL DEFAULT 0,
    created TEXT NOT NULL,
    UNIQUE (input_id, position)
);
CREATE INDEX articles_id ON articles(id);
CREATE TABLE categories (
    article INTEGER NOT NULL REFERENCES articles(pk),
    scheme TEXT NOT NULL, name TEXT NOT NULL, score REAL, label INTEGER
);
CREATE INDEX categories_article ON categories(article);
CREATE INDEX categories_name ON categories(name COLLATE NOCASE, label);
CREATE VIRTUAL TABLE articles_fts USING fts5(
    title, text, content='articles', content_rowid='pk', tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts(rowid, title, text) VALUES (new.pk, new.title, new.text);
END;
CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, text)
    VALUES ('delete', old.pk, old.title, old.text);
END;
CREATE TRIGGER articles_au AFTER UPDATE ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, text)
    VALUES ('delete', old.pk, old.title, old.text);
    INSERT INTO articles_fts(rowid, title, text) VALUES (new.pk, new.title, new.text);
END;
"""

_ARTICLE_COLUMNS = (
    "id, input_id, position, url, title, text, summary, published, language, "
    "source_name, source_domain, record, failed, created"
)


def content_hash(data: bytes) -> str:
    """The sha256 of an input's bytes, in hex: how a rerun knows an input is unchanged."""
    return hashlib.sha256(data).hexdigest()


def input_key(name: str, id: str) -> str:
    """The key of an input in the store: the absolute path of a file, so that files of
    the same name in different folders are different inputs; a URL as it is; the id
    for standard input. A rerun finds an input under the same key when it is given by
    the same path, relative or absolute, from any working directory."""
    if name in ("", "-", "<stdin>"):
        return id
    if "://" in name:
        return name
    return os.path.abspath(name)


def input_hash(inp: Input) -> str:
    """The content hash of an input: of its bytes, or, for an input a streaming reader
    reads from ``inp.path`` (whose ``data`` is only the head), of the whole file as
    stored. Raises :class:`~newskit.InputError` naming the file if it cannot be read."""
    if inp.path is None:
        return content_hash(inp.data)
    digest = hashlib.sha256()
    try:
        with open(inp.path, "rb") as f:
            while block := f.read(1 << 20):
                digest.update(block)
    except OSError as exc:
        raise InputError(inp.name, f"cannot be read: {exc.strerror or exc}") from None
    return digest.hexdigest()


class Store:
    """A SQLite store of articles; use as a context manager.

    ``timeout`` is how long (seconds) a write waits for another process's lock before
    failing with :class:`~newskit.InputError` (default: :data:`DEFAULT_TIMEOUT`).
    ``readonly=True`` opens an existing store for reading only (what ``newskit query``
    needs).
    """

    def __init__(
        self,
        path: str | os.PathLike[str],
        *,
        timeout: float | None = None,
        readonly: bool = False,
    ) -> None:
        self.path = os.fspath(path)
        self.timeout = DEFAULT_TIMEOUT if timeout is None else timeout
        self.skipped = 0
        timeout = self.timeout
        self.readonly = readonly
        try:
            if readonly:
                if not os.path.exists(self.path):
                    raise InputError(self.path, "no such file")
                uri = f"file:{quote(str(Path(self.path).resolve()))}?mode=ro"
                self._db = sqlite3.connect(uri, uri=True, timeout=timeout, isolation_level=None)
            else:
                self._db = sqlite3.connect(self.path, timeout=timeout, isolation_level=None)
        except sqlite3.Error as exc:
            raise self._error(exc) from None
        try:
            self._setup()
        except BaseException:
            self._db.close()
            raise

    # -- opening -----------------------------------------------------------------------

    def _setup(self) -> None:
        try:
            version = self._db.execute("PRAGMA user_version").fetchone()[0]
            if version > SCHEMA_VERSION:
                raise InputError(
                    self.path,
                    f"store schema {version} is newer than this newskit knows "
                    f"({SCHEMA_VERSION}); upgrade newskit",
                )
            if version != SCHEMA_VERSION and version in _READABLE_VERSIONS:
                if not self.readonly:
                    raise InputError(
                        self.path,
                        f"made by an older newskit (store schema {version}, which keyed "
                        f"inputs by file name alone); it can be queried, but analyse into "
                        f"a new store",
                    )
                return
            if version == SCHEMA_VERSION:
                if not self.readonly:
                    self._db.execute("PRAGMA journal_mode=WAL")
                    self._db.execute("PRAGMA synchronous=NORMAL")
                return
            tables = self._db.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
            if tables:
                raise InputError(self.path, "a SQLite database, but not a newskit store")
            if self.readonly:
                raise InputError(self.path, "an empty file, not a newskit store")
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=NORMAL")
            self._db.execute("BEGIN IMMEDIATE")
            try:
                for statement in _statements(_SCHEMA):
                    self._db.execute(statement)
                self._db.execute(f"PRAGMA user_version={SCHEMA_VERSION}")
                self._db.execute("COMMIT")
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
        except sqlite3.Error as exc:
            raise self._error(exc) from None

    def _error(self, exc: sqlite3.Error) -> InputError:
        message = str(exc)
        low = message.lower()
        if "not a database" in low or "malformed" in low:
            return InputError(self.path, "not a SQLite database (or a corrupt one)")
        if "locked" in low or "busy" in low:
            return InputError(
                self.path,
                f"the store is locked by another process (waited {self.timeout:g} s); "
                "try again when it has finished",
            )
        if "readonly" in low or "read-only" in low:
            return InputError(self.path, "the store is read-only: cannot write to it")
        if "unable to open" in low:
            return InputError(self.path, f"cannot be opened ({message})")
        return InputError(self.path, f"SQLite error: {message}")

    # -- context manager -----------------------------------------------------------------

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    # -- writing ---------------------------------------------------------------------------

    def check_writable(self) -> None:
        """Raise :class:`~newskit.InputError` naming the store now if it cannot be
        written (read-only, or locked by another process past ``timeout``), rather than
        after the first input has been analysed."""
        db = self._db
        try:
            db.execute("BEGIN IMMEDIATE")
            try:  # a write, rolled back: a read-only file lets a transaction begin
                db.execute(f"PRAGMA user_version={SCHEMA_VERSION}")
            finally:
                db.execute("ROLLBACK")
        except sqlite3.Error as exc:
            raise self._error(exc) from None

    def has(self, input_id: str, content_hash: str | None, *, retry_failed: bool = False) -> bool:
        """True when the input is stored with this content hash (so a rerun can skip it).

        A failed input counts as stored unless ``retry_failed``; no hash never matches.
        """
        return content_hash is not None and content_hash == self.done_hash(
            input_id, retry_failed=retry_failed
        )

    def done_hash(self, input_id: str, *, retry_failed: bool = False) -> str | None:
        """The content hash under which the input counts as stored, or None: an input
        with this hash is skipped (see :meth:`has`)."""
        try:
            row = self._db.execute(
                "SELECT content_hash, failed FROM inputs WHERE id = ?", (input_id,)
            ).fetchone()
        except sqlite3.Error as exc:
            raise self._error(exc) from None
        return row[0] if row and not (retry_failed and row[1]) else None

    def add(
        self,
        articles: Iterable[Article],
        *,
        input_id: str,
        content_hash: str | None,
        input_name: str | None = None,
    ) -> int:
        """Store all articles of one input in one transaction; returns how many.

        An input already stored under ``input_id`` is replaced (its content changed, or
        it is being retried).
        """
        now = datetime.now(timezone.utc).isoformat(timespec="seconds")
        rows, cats = [], []
        for position, article in enumerate(articles):
            src = article.source
            rows.append((
                article.id, input_id, position, article.url, article.title, article.text,
                article.summary, article.published.isoformat() if article.published else None,
                article.language, src.name if src else None, src.domain if src else None,
                json.dumps(article.to_dict(), ensure_ascii=False), int(article.failed), now,
            ))  # fmt: skip
            cats.append([(c.scheme, c.name, c.score, _flag(c.label)) for c in article.categories])
        failed = int(any(row[12] for row in rows))
        db = self._db
        try:
            db.execute("BEGIN IMMEDIATE")
            try:
                old = "SELECT pk FROM articles WHERE input_id = ?"
                db.execute(f"DELETE FROM categories WHERE article IN ({old})", (input_id,))
                db.execute("DELETE FROM articles WHERE input_id = ?", (input_id,))
                db.execute(
                    "INSERT OR REPLACE INTO inputs VALUES (?, ?, ?, ?, ?, ?)",
                    (input_id, input_name, content_hash, failed, len(rows), now),
                )
                for row, row_cats in zip(rows, cats, strict=True):
                    pk = db.execute(
                        f"INSERT INTO articles ({_ARTICLE_COLUMNS}) "
                        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        row,
                    ).lastrowid
                    db.executemany(
                        "INSERT INTO categories VALUES (?, ?, ?, ?, ?)",
                        [(pk, *cat) for cat in row_cats],
                    )
                db.execute("COMMIT")
            except BaseException:
                if db.in_transaction:
                    db.execute("ROLLBACK")
                raise
        except sqlite3.Error as exc:
            raise self._error(exc) from None
        return len(rows)

    def ingest(
        self,
        items: Iterable[Input | Article],
        process: Callable[[Input], Iterable[Article]],
        *,
        retry_failed: bool = False,
    ) -> Iterator[Article]:
        """Process and store each input not already stored; yield the articles stored.

        ``items`` is what :func:`newskit.inputs.iter_inputs` yields: an :class:`Input`,
        or an error record for an input that could not be loaded. ``self.skipped``
        counts the inputs skipped as already stored.
        """
        self.skipped = 0
        for item in items:
            if isinstance(item, Article):
                self.add([item], input_id=item.id, content_hash=None)
                yield item
                continue
            key = input_key(item.name, item.id)
            try:
                digest = input_hash(item)
            except InputError as exc:
                yield from self._store_one(key, item.name, None, [_failure(item.id, exc)])
                continue
            if self.has(key, digest, retry_failed=retry_failed):
                self.skipped += 1
                continue
            yield from self._store_one(key, item.name, digest, list(process(item)))

    def ingest_files(
        self,
        paths: Iterable[str | os.PathLike[str]],
        *,
        spec: PipelineSpec,
        plugins: PluginManager,
        jobs: int,
        retry_failed: bool = False,
        executor: Executor | None = None,
    ) -> Iterator[Article]:
        """:meth:`ingest` for the files under ``paths`` on ``jobs`` processes.

        Each worker builds the pipeline from ``spec`` once, then reads, hashes and
        analyses its inputs; an input the store holds with the same hash is skipped in
        the worker, before it is analysed. This process writes each input in one
        transaction, in input order, and yields the articles stored. ``executor``
        (e.g. a Dask client's, see :func:`newskit.dask.ingest`) runs the work instead
        of a local pool, with up to ``4 * jobs`` inputs in flight.
        """
        from .batch import WorkerPool, _died
        from .inputs import input_id, iter_paths
        from .readers import known_extensions

        extensions = known_extensions(plugins.readers.values())
        self.skipped = 0
        # A local pool survives a worker's death (the input that killed it becomes an
        # error record with no hash, tried again on a rerun); Dask retries on its own.
        pool = WorkerPool(jobs, spec) if executor is None else None
        try:
            pending: deque[Article | tuple[str, Any]] = deque()
            for item in iter_paths(paths, extensions=extensions):
                if isinstance(item, Article):
                    pending.append(item)
                else:
                    key = input_key(item, input_id(item, extensions))
                    known = self.done_hash(key, retry_failed=retry_failed)
                    if pool is not None:
                        died = _died(item, extensions)
                        task: Any = pool.submit(
                            _store_work, item, known, on_death=lambda k=key, d=died: (k, None, [d])
                        )
                    else:
                        assert executor is not None
                        task = executor.submit(_store_work_with, spec, item, known)
                    pending.append((item, task))
                # A bounded window of work in flight; write from its head, in order.
                while len(pending) > 4 * jobs:
                    yield from self._finish(pending.popleft())
            while pending:
                yield from self._finish(pending.popleft())
        finally:
            if pool is not None:
                pool.shutdown()

    def _finish(self, item: Article | tuple[str, Any]) -> list[Article]:
        if isinstance(item, Article):
            return self._store_one(item.id, None, None, [item])
        name, future = item
        input_id, digest, articles = future.result()
        if articles is None:
            self.skipped += 1
            return []
        return self._store_one(input_id, name, digest, articles)

    def _store_one(
        self, input_id: str, name: str | None, digest: str | None, articles: list[Article]
    ) -> list[Article]:
        self.add(articles, input_id=input_id, content_hash=digest, input_name=name)
        return articles

    # -- reading ---------------------------------------------------------------------------

    def articles(self) -> Iterator[Article]:
        """Every stored article, error records included, in the order stored."""
        yield from self._records("SELECT record, id FROM articles ORDER BY pk", ())

    def query(
        self, text: str | None = None, *, category: str | None = None, limit: int | None = None
    ) -> Iterator[Article]:
        """Articles (not error records) matching a full-text query and/or a category.

        ``text`` is an FTS5 query over title and text (words, ``"a phrase"``, ``OR``,
        ``NOT``, ``prefix*``); results come best match first. ``category`` keeps articles
        with a category of that name (any case) whose label is true.
        """
        sql = "SELECT a.record, a.id FROM articles a"
        where: list[str] = ["a.failed = 0"]
        params: list[object] = []
        if text is not None:
            sql += " JOIN articles_fts ON articles_fts.rowid = a.pk"
            where.append("articles_fts MATCH ?")
            params.append(text)
        if category is not None:
            where.append(
                "EXISTS (SELECT 1 FROM categories c WHERE c.article = a.pk "
                "AND c.name = ? COLLATE NOCASE AND c.label = 1)"
            )
            params.append(category)
        sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY articles_fts.rank, a.pk" if text is not None else " ORDER BY a.pk"
        if limit is not None:
            sql += " LIMIT ?"
            params.append(limit)
        yield from self._records(sql, tuple(params), query=text)

    def counts(self) -> dict[str, int]:
        """``inputs`` stored, ``failed_inputs``, ``articles`` and ``failed`` (error records)."""
        try:
            inputs, failed_inputs = self._db.execute(
                "SELECT count(*), coalesce(sum(failed), 0) FROM inputs"
            ).fetchone()
            articles, failed = self._db.execute(
                "SELECT count(*), coalesce(sum(failed), 0) FROM articles"
            ).fetchone()
        except sqlite3.Error as exc:
            raise self._error(exc) from None
        return {
            "inputs": inputs,
            "failed_inputs": failed_inputs,
            "articles": articles - failed,
            "failed": failed,
        }

    def _records(
        self, sql: str, params: tuple[object, ...], query: str | None = None
    ) -> Iterator[Article]:
        try:
            cursor = self._db.execute(sql, params)
            while rows := cursor.fetchmany(200):
                for record, article_id in rows:
                    where = f"{self.path}: article {article_id!r}"
                    yield Article.from_dict(json.loads(record), source=where)
        except sqlite3.Error as exc:
            low = str(exc).lower()
            io_problem = any(word in low for word in ("locked", "busy", "database", "disk"))
            if query is not None and isinstance(exc, sqlite3.OperationalError) and not io_problem:
                raise InputError(self.path, f"invalid query {query!r}: {exc}") from None
            raise self._error(exc) from None


#: What a worker sends back for one input: its id, its content hash, and its articles
#: (None when the store holds the input with that hash already).
_Work = tuple[str, "str | None", "list[Article] | None"]


def _store_work(path: str, known: str | None, state: Mapping[str, Any] | None = None) -> _Work:
    """In a worker: read one file and hash it; unless ``known`` is that hash, analyse it
    with the worker's pipeline (``state``, default: the pool worker's)."""
    from .batch import _load, _worker, process

    state = _worker if state is None else state
    inp = _load(path, state)
    if isinstance(inp, Article):
        return input_key(path, inp.id), None, [inp]
    key = input_key(path, inp.id)
    try:
        digest = input_hash(inp)
    except InputError as exc:
        return key, None, [_failure(inp.id, exc)]
    if digest == known:
        return key, digest, None
    articles = process(inp, state["pipeline"], state["readers"], state.get("limits"))
    return key, digest, list(articles)


def _store_work_with(spec: PipelineSpec, path: str, known: str | None) -> _Work:
    """:func:`_store_work` in a worker with no initializer: the state is built once per
    process from ``spec``."""
    from .batch import _state_for

    return _store_work(path, known, _state_for(spec))


def _failure(input_id: str, exc: InputError) -> Article:
    return Article.failure(input_id, str(exc))


def _flag(label: bool | None) -> int | None:
    return None if label is None else int(label)


def _statements(script: str) -> Iterator[str]:
    """Split the schema into statements (``executescript`` would commit on its own)."""
    buffer = ""
    for line in script.strip().splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            yield buffer.strip()
            buffer = ""
