"""The embedded store: analysed articles in one SQLite file, searchable and resumable.

One input is stored in one transaction, so a run killed at any moment leaves each input
either fully stored or not at all, and a rerun skips what is there (:meth:`Store.has`).
Schema (``PRAGMA user_version`` = :data:`SCHEMA_VERSION`, WAL journal):

- ``inputs``: one row per input: ``id`` (primary key), ``name``, ``content_hash``
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
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from datetime import datetime, timezone
from pathlib import Path
from types import TracebackType
from urllib.parse import quote

from .components import Input
from .errors import InputError
from .model import Article

__all__ = ["SCHEMA_VERSION", "Store", "content_hash"]

SCHEMA_VERSION = 1

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


class Store:
    """A SQLite store of articles; use as a context manager.

    ``timeout`` is how long (seconds) a write waits for another process's lock before
    failing with :class:`~newskit.InputError`. ``readonly=True`` opens an existing store
    for reading only (what ``newskit query`` needs).
    """

    def __init__(
        self, path: str | os.PathLike[str], *, timeout: float = 5.0, readonly: bool = False
    ) -> None:
        self.path = os.fspath(path)
        self.timeout = timeout
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

    def has(self, input_id: str, content_hash: str | None, *, retry_failed: bool = False) -> bool:
        """True when the input is stored with this content hash (so a rerun can skip it).

        A failed input counts as stored unless ``retry_failed``; no hash never matches.
        """
        if content_hash is None:
            return False
        try:
            row = self._db.execute(
                "SELECT content_hash, failed FROM inputs WHERE id = ?", (input_id,)
            ).fetchone()
        except sqlite3.Error as exc:
            raise self._error(exc) from None
        return bool(row and row[0] == content_hash and not (retry_failed and row[1]))

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
            digest = content_hash(item.data)
            if self.has(item.id, digest, retry_failed=retry_failed):
                self.skipped += 1
                continue
            articles = list(process(item))
            self.add(articles, input_id=item.id, content_hash=digest, input_name=item.name)
            yield from articles

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
