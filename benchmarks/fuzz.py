"""A long fuzz run: random and mutated inputs through the readers and the pipeline.

    .venv/bin/python benchmarks/fuzz.py [--inputs N] [--seed S] [--timeout SECONDS] [-v]

Makes ``--inputs`` (3,500) inputs, each of one kind, in turn:

- ``bytes``: random bytes under a random name (.html, .txt, .jsonl, .warc, .parquet,
  none, each maybe .gz);
- ``text``: random Unicode text (control characters, odd scripts, stray markup),
  encoded as UTF-8, UTF-16 or Latin-1, or the text dump of examples/ mutated;
- ``html``: a page of tests/fixtures mutated byte by byte, or with
  tags, entities, comments, deep nesting, long runs and charset declarations spliced
  in;
- ``gz``: such a page gzipped, then maybe damaged (cut, bytes flipped);
- ``jsonl``: records with mutated ``html`` or ``text`` fields and random JSON values;
- ``warc``: a WARC of fixture pages (plain, gzip- or chunk-encoded payloads), mutated,
  as .warc or .warc.gz (whole-file or per-record gzip), read from memory or from disk;
- ``parquet`` (with pyarrow): a Parquet file of articles, mutated.

Each input goes through :func:`newskit.inputs.input_from_bytes` (or ``load_file`` for a
WARC on disk) and :func:`newskit.batch.process` with the default pipeline and
:class:`newskit.Limits` (``--timeout`` per document, 10 s). A crash is an exception that
escapes, something that is not an Article, or an input that gives nothing (every input
must give an article or an error record). Prints the inputs tried, the crashes, the
error records, the inputs over the time limit, the inputs that made a library log a
warning or an error (noise on a user's terminal) and the slowest input, by kind;
exits 1 on a crash. ``--save DIR`` writes each crashing input there. Nothing is read
from ../shared/data.
"""

from __future__ import annotations

import argparse
import gzip
import importlib.util
import io
import json
import logging
import random
import sys
import tempfile
import time
import traceback
import uuid
import zlib
from collections import Counter, defaultdict
from collections.abc import Callable
from pathlib import Path

import newskit
from newskit import batch
from newskit.errors import InputError
from newskit.inputs import input_from_bytes, load_file
from newskit.readers import known_extensions, stream_extensions

ROOT = Path(__file__).resolve().parents[1]
SEEDS = sorted((ROOT / "tests" / "fixtures").rglob("*.html"))
TEXT_SEED = ROOT / "examples" / "atlas-mali.txt"
EXTENSIONS = [".html", ".txt", ".jsonl", ".warc", ".parquet", ""]

SPLICES = [
    b"<div>",
    b"</div>",
    b"<p>",
    b"</p>",
    b"<article>",
    b"</article>",
    b"<script>",
    b"</script>",
    b"<style>",
    b"<!--",
    b"-->",
    b"<![CDATA[",
    b"<?xml version='1.0' encoding='utf-16'?>",
    b"<!DOCTYPE html>",
    b"<meta charset='shift_jis'>",
    b"<meta charset='utf-16'>",
    b"<meta charset='x-nonsense'>",
    b'<meta name="author" content="',
    b'<script type="application/ld+json">{"@type": "NewsArticle", "author": [',
    b'"datePublished": "99999-99-99T99:99"',
    b"<frameset><frame src='a.html'>",
    b"<table><tr><td>",
    b"<svg><foreignObject><math>",
    b"&#0;",
    b"&#xD800;",
    b"&#x110000;",
    b"&amp;&lt;&gt;&nbsp;",
    b"\x00",
    b"\xff\xfe",
    b"\xef\xbb\xbf",
    b"\xc3\x28",
    b"\r\n\r\n",
    b"Reuters said on Monday. ",
    b"By AP Staff and AFP | ",
    "Ünïcödé — \u201cquotes\u201d \u2018single\u2019 … 中文 العربية ".encode(),
]


def _mutate(data: bytes, rng: random.Random, rounds: int | None = None) -> bytes:
    """``data`` with a few random edits: flips, cuts, splices, repeats, deep nesting."""
    out = bytearray(data)
    for _ in range(rounds if rounds is not None else rng.randint(1, 8)):
        pos = rng.randint(0, len(out))
        op = rng.randrange(8)
        if op == 0 and out:  # flip a byte
            i = rng.randrange(len(out))
            out[i] = rng.randrange(256)
        elif op == 1:  # delete a range
            end = min(len(out), pos + rng.randint(1, 200))
            del out[pos:end]
        elif op == 2:  # splice a token
            out[pos:pos] = rng.choice(SPLICES)
        elif op == 3 and out:  # repeat a range
            start = rng.randrange(len(out))
            chunk = out[start : start + rng.randint(1, 100)]
            out[pos:pos] = chunk * rng.randint(2, 50)
        elif op == 4:  # nest deep
            depth = rng.choice([10, 300, 1000, 3000])
            tag = rng.choice([b"div", b"span", b"b", b"table"])
            out[pos:pos] = b"<" + tag + b">" * 1
            out[pos:pos] = (b"<" + tag + b">") * depth
        elif op == 5:  # random bytes
            out[pos:pos] = rng.randbytes(rng.randint(1, 64))
        elif op == 6:  # cut the end
            del out[pos:]
        else:  # many small elements
            out[pos:pos] = b"<i>x</i>" * rng.choice([10, 1000, 5000])
    return bytes(out)


def _random_text(rng: random.Random, size: int) -> str:
    pools = [
        "abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ .,;:!?'\"-\n",
        "\x00\x01\x07\x0b\x0c\x1b\x7f\x85\u2028\u2029\ufeff\ufffd\u200b\u200e",
        "αβγδ абвгд 中文字 العربية עברית हिन्दी 😀🙃 ÅÉÎÕÜ",
        "<>&;=/\"' \t",
    ]
    weights = [70, 5, 20, 5]
    return "".join(rng.choice(rng.choices(pools, weights)[0]) for _ in range(size))


def _seed_page(rng: random.Random) -> bytes:
    return rng.choice(SEEDS).read_bytes()


def warc_record(url: str, http: bytes, *, kind: str = "response") -> bytes:
    """One WARC record, written by hand (no warcio needed)."""
    head = (
        f"WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Record-ID: <urn:uuid:{uuid.uuid4()}>\r\n"
        f"WARC-Date: 2024-03-05T06:07:08Z\r\nWARC-Target-URI: {url}\r\n"
        f"Content-Type: application/http; msgtype={kind}\r\n"
        f"Content-Length: {len(http)}\r\n\r\n"
    ).encode()
    return head + http + b"\r\n\r\n"


def http_response(body: bytes, rng: random.Random) -> bytes:
    headers = [b"Content-Type: text/html; charset=utf-8"]
    coding = rng.choice(["", "", "gzip", "deflate", "chunked"])
    if coding == "gzip":
        body = gzip.compress(body)
        headers.append(b"Content-Encoding: gzip")
    elif coding == "deflate":
        body = zlib.compress(body)
        headers.append(b"Content-Encoding: deflate")
    elif coding == "chunked":
        size = max(1, len(body) // 3)
        parts = [body[i : i + size] for i in range(0, len(body), size)]
        body = b"".join(b"%x\r\n%s\r\n" % (len(p), p) for p in parts) + b"0\r\n\r\n"
        headers.append(b"Transfer-Encoding: chunked")
    status = rng.choice([b"200 OK"] * 4 + [b"404 Not Found", b"301 Moved"])
    return b"HTTP/1.1 " + status + b"\r\n" + b"\r\n".join(headers) + b"\r\n\r\n" + body


def make_warc(rng: random.Random, pages: list[bytes], *, gz_records: bool) -> bytes:
    out = []
    for n, page in enumerate(pages):
        record = warc_record(f"https://news.example/{n}", http_response(page, rng))
        out.append(gzip.compress(record) if gz_records else record)
    return b"".join(out)


# -- the kinds of input -------------------------------------------------------------------

Made = tuple[str, bytes]  # (file name, bytes)


def make_bytes(rng: random.Random, i: int) -> Made:
    ext = rng.choice(EXTENSIONS)
    data = rng.randbytes(rng.choice([0, 1, 5, 64, 512, 4096]))
    if rng.random() < 0.2:
        data = gzip.compress(data)
        ext += ".gz"
    return f"bytes-{i}{ext}", data


def make_text(rng: random.Random, i: int) -> Made:
    if rng.random() < 0.3:
        return f"text-{i}.txt", _mutate(TEXT_SEED.read_bytes(), rng)
    text = _random_text(rng, rng.choice([1, 20, 300, 3000]))
    encoding = rng.choice(["utf-8", "utf-8", "utf-16", "latin-1"])
    data = text.encode(encoding, errors="replace")
    return f"text-{i}{rng.choice(['.txt', '.html', ''])}", data


def make_html(rng: random.Random, i: int) -> Made:
    return f"html-{i}.html", _mutate(_seed_page(rng), rng)


def make_gz(rng: random.Random, i: int) -> Made:
    data = gzip.compress(_mutate(_seed_page(rng), rng, rounds=rng.randint(0, 3)))
    if rng.random() < 0.5:
        data = _mutate(data, rng, rounds=rng.randint(1, 3))
    return f"gz-{i}{rng.choice(['.html', '.txt', ''])}.gz", data


def make_jsonl(rng: random.Random, i: int) -> Made:
    lines = []
    for n in range(rng.randint(1, 5)):
        page = _mutate(_seed_page(rng), rng).decode("utf-8", errors="replace")
        choice = rng.randrange(5)
        if choice == 0:
            record: object = {"id": f"r{n}", "html": page, "url": "https://news.example/x"}
        elif choice == 1:
            record = {"id": f"r{n}", "text": _random_text(rng, 200)}
        elif choice == 2:
            record = {"id": rng.choice([n, None, "", [1]]), "title": 5, "text": None}
        elif choice == 3:
            record = rng.choice([[], 1.5, "text", None, {"id": "x", "categories": [{"a": 1}]}])
        else:
            record = {"id": f"r{n}", "text": page, "published": rng.choice(["x", 3, "2024-13-45"])}
        line = json.dumps(record)
        if rng.random() < 0.2:
            line = _mutate(line.encode(), rng, rounds=1).decode("utf-8", errors="replace")
        lines.append(line)
    return f"jsonl-{i}.jsonl", "\n".join(lines).encode()


def make_warc_input(rng: random.Random, i: int) -> Made:
    pages = [_mutate(_seed_page(rng), rng, rounds=rng.randint(0, 2)) for _ in range(3)]
    style = rng.choice(["plain", "records", "whole"])
    data = make_warc(rng, pages, gz_records=style == "records")
    if style == "whole":
        data = gzip.compress(data)
    if rng.random() < 0.7:
        data = _mutate(data, rng, rounds=rng.randint(1, 4))
    return f"warc-{i}.warc{'' if style == 'plain' else '.gz'}", data


_PARQUET: list[bytes] = []


def make_parquet(rng: random.Random, i: int) -> Made:
    if not _PARQUET:  # a valid file of five articles, written by the parquet format
        out = io.BytesIO()
        articles = [
            newskit.Article(id=f"a{n}", title=f"Title {n}", text=f"Body {n} of the story. " * 20)
            for n in range(5)
        ]
        newskit.get_plugin_manager().formats["parquet"].write(iter(articles), out)
        _PARQUET.append(out.getvalue())
    return f"parquet-{i}.parquet", _mutate(_PARQUET[0], rng, rounds=rng.randint(1, 3))


KINDS: dict[str, Callable[[random.Random, int], Made]] = {
    "bytes": make_bytes,
    "text": make_text,
    "html": make_html,
    "gz": make_gz,
    "jsonl": make_jsonl,
    "warc": make_warc_input,
}
if importlib.util.find_spec("pyarrow") is not None:
    KINDS["parquet"] = make_parquet


def run_one(
    name: str,
    data: bytes,
    *,
    pipeline: newskit.Pipeline,
    readers: dict,
    limits: newskit.Limits,
    folder: Path | None = None,
) -> list[newskit.Article]:
    """The articles of one input, as a batch makes them; raises on a crash."""
    exts = known_extensions(readers.values())
    try:
        if folder is not None:  # through the file path (a WARC is then streamed from disk)
            path = folder / name
            path.write_bytes(data)
            inp = load_file(
                path,
                extensions=exts,
                stream_extensions=stream_extensions(readers.values()),
                limits=limits,
            )
        else:
            inp = input_from_bytes(data, name=name, extensions=exts, limits=limits)
    except InputError as exc:
        return [newskit.Article.failure(name, str(exc))]
    articles = list(batch.process(inp, pipeline, readers, limits))
    for article in articles:
        if not isinstance(article, newskit.Article):
            raise TypeError(f"process gave {type(article).__name__}, not an Article")
    if not articles:
        raise AssertionError("the input gave neither an article nor an error record")
    return articles


class _LogCounter(logging.Handler):
    """Counts warnings and errors logged by libraries (and swallows them)."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--inputs", type=int, default=3500, help="inputs to try (3,500)")
    parser.add_argument("--seed", type=int, default=0, help="random seed (0)")
    parser.add_argument("--timeout", type=float, default=10.0, help="seconds per document")
    parser.add_argument("-v", "--verbose", action="store_true", help="print each crash's trace")
    parser.add_argument("--save", type=Path, help="write each crashing input to this folder")
    args = parser.parse_args()
    logged = _LogCounter()
    logging.getLogger().addHandler(logged)

    rng = random.Random(args.seed)
    pm = newskit.get_plugin_manager()
    pipeline = newskit.Pipeline.configure(plugins=pm)
    readers = dict(pm.readers)
    limits = newskit.Limits(timeout=args.timeout)
    tried: Counter[str] = Counter()
    crashed: Counter[str] = Counter()
    failed: Counter[str] = Counter()
    noisy: Counter[str] = Counter()
    timed_out: Counter[str] = Counter()
    slowest: dict[str, tuple[float, str]] = defaultdict(lambda: (0.0, ""))
    first: dict[str, str] = {}
    kinds = list(KINDS)
    start = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        for i in range(args.inputs):
            kind = kinds[i % len(kinds)]
            name, data = KINDS[kind](rng, i)
            folder = Path(tmp) if kind == "warc" and rng.random() < 0.5 else None
            tried[kind] += 1
            logged.count = 0
            t0 = time.perf_counter()
            try:
                articles = run_one(
                    name, data, pipeline=pipeline, readers=readers, limits=limits, folder=folder
                )
            except BaseException as exc:  # counting crashes is the point
                if isinstance(exc, KeyboardInterrupt):
                    raise
                crashed[kind] += 1
                if args.save:
                    args.save.mkdir(parents=True, exist_ok=True)
                    (args.save / name).write_bytes(data)
                trace = traceback.format_exc()
                first.setdefault(f"{type(exc).__name__}: {str(exc)[:120]}", f"{name}\n{trace}")
                continue
            finally:
                took = time.perf_counter() - t0
                noisy[kind] += logged.count > 0
                if took > slowest[kind][0]:
                    slowest[kind] = (took, name)
                if folder is not None:
                    (folder / name).unlink(missing_ok=True)
            failed[kind] += sum(a.failed for a in articles)
            timed_out[kind] += any("time limit" in e.message for a in articles for e in a.errors)
    elapsed = time.perf_counter() - start

    total, crashes = sum(tried.values()), sum(crashed.values())
    print(f"fuzz: seed {args.seed}, {total:,} inputs in {elapsed:.1f} s ({total / elapsed:.0f}/s)")
    print(
        f"{'kind':<8}{'tried':>8}{'crashed':>9}{'error records':>15}{'timed out':>11}"
        f"{'logged':>8}{'slowest':>10}"
    )
    for kind in kinds:
        took, name = slowest[kind]
        print(
            f"{kind:<8}{tried[kind]:>8}{crashed[kind]:>9}{failed[kind]:>15}"
            f"{timed_out[kind]:>11}{noisy[kind]:>8}"
            f"{took:>9.2f}s  {name}"
        )
    print(f"total: {total:,} tried, {crashes} crashed ({crashes / max(total, 1):.2%})")
    for message, where in first.items():
        print(f"\ncrash: {message}\n  first: {where if args.verbose else where.splitlines()[0]}")
    sys.exit(1 if crashes else 0)


if __name__ == "__main__":
    main()
