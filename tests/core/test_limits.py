"""Limits (issue 10): each is configurable, and hitting one gives an error record or a
warning that names the input and the limit. The time limit is tested with inputs that
are really slow (a cleaner that sleeps), in one process, in a thread and with --jobs."""

from __future__ import annotations

import gzip
import json
import signal
import sys
import textwrap
import threading
import time
import uuid

import pytest
from click.testing import CliRunner

import newskit
from newskit import Article, Cleaner, ConfigError, Limits, Pipeline, batch
from newskit import plugins as plugins_module
from newskit.cli import cli
from newskit.components import Input
from newskit.language import detect_language
from newskit.limits import TimeLimitExceeded, parse_size, time_limit
from newskit.readers import warc as warc_module
from newskit.testing import plugin_manager

needs_alarm = pytest.mark.skipif(
    not hasattr(signal, "setitimer"), reason="the time limit interrupts with SIGALRM"
)

SLOW = "SLOWPAGE"
WORDS = " ".join(f"The council met on day {n} to discuss the harbour budget." for n in range(12))


def _page(title: str, body: str = WORDS) -> str:
    return (
        f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>"
        f"<p>{body}</p><p>{body}</p></article></body></html>"
    )


class SlowPlugin:
    """A cleaner that sleeps on articles whose text holds ``SLOWPAGE``."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.finished: list[str] = []

    @newskit.hookimpl
    def newskit_register_cleaners(self) -> list[Cleaner]:
        def clean(article: Article) -> Article:
            if SLOW in article.text:
                time.sleep(self.seconds)
                self.finished.append(article.id)
            return article

        return [Cleaner(name="slow", clean=clean, default=False)]


def _slow_setup(seconds: float) -> tuple[SlowPlugin, newskit.PluginManager, Pipeline]:
    slow = SlowPlugin(seconds)
    pm = plugin_manager(("slow", slow))
    pipeline = Pipeline.configure(cleaners=["slow"], summarizer=None, classifiers=[], plugins=pm)
    detect_language(WORDS)  # the language model loads once, not inside a timed document
    return slow, pm, pipeline


def _warc_record(url: str, body: bytes, headers: str = "") -> bytes:
    http = (
        b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
        + headers.encode()
        + b"\r\n"
        + body
    )
    head = (
        f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:{uuid.uuid4()}>\r\n"
        f"WARC-Date: 2024-03-05T06:07:08Z\r\nWARC-Target-URI: {url}\r\n"
        f"Content-Type: application/http; msgtype=response\r\nContent-Length: {len(http)}\r\n\r\n"
    ).encode()
    return head + http + b"\r\n\r\n"


# -- the Limits record ----------------------------------------------------------------------


def test_defaults_are_the_documented_ones():
    limits = Limits()
    assert limits.max_bytes == limits.max_decompressed_bytes == 50 * 1024 * 1024
    assert limits.max_elements == 30_000
    assert limits.max_depth == 512
    assert limits.timeout == 30.0
    assert Limits.current() == limits
    assert "Limits" in newskit.__all__


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"max_bytes": 0}, "max_bytes must be a whole number >= 1, not 0"),
        ({"max_elements": 1.5}, "max_elements must be a whole number"),
        ({"max_decompressed_bytes": True}, "max_decompressed_bytes must be a whole number"),
        ({"max_depth": 5000}, "max_depth must be at most 2,048 (libxml2 reads no deeper)"),
        ({"timeout": 0}, "timeout must be a number of seconds above 0, or None"),
        ({"timeout": "10"}, "timeout must be a number of seconds"),
    ],
)
def test_a_bad_limit_is_a_config_error_naming_it(fields, message):
    with pytest.raises(ConfigError, match=message.replace("(", r"\(").replace(")", r"\)")):
        Limits(**fields)


def test_limits_in_force_inside_applied_only():
    small = Limits(max_elements=10)
    with small.applied():
        assert Limits.current() is small
        with Limits(max_elements=20).applied():
            assert Limits.current().max_elements == 20
        assert Limits.current() is small
    assert Limits.current() == Limits()


@pytest.mark.parametrize(
    ("text", "size"),
    [("123", 123), ("50M", 50 * 1024**2), ("50MB", 50 * 1024**2), ("2 KiB", 2048),
     ("1.5g", int(1.5 * 1024**3)), ("10k", 10240)],
)  # fmt: skip
def test_parse_size(text, size):
    assert parse_size(text) == size


@pytest.mark.parametrize("text", ["", "lots", "-5", "5X", "0"])
def test_parse_size_refuses_what_is_not_a_size(text):
    with pytest.raises(ConfigError, match=f"{text!r} is not a size"):
        parse_size(text)


# -- sizes --------------------------------------------------------------------------------------


def test_a_file_over_max_bytes_is_an_error_record_naming_it_and_the_option(tmp_path):
    (tmp_path / "big.txt").write_text(WORDS * 20)
    (tmp_path / "small.txt").write_text(WORDS)
    found = {a.id: a for a in newskit.read(tmp_path, limits=Limits(max_bytes=2000))}
    assert not found["small"].failed
    message = found["big"].errors[0].message
    assert found["big"].failed
    assert message.startswith(f"{tmp_path / 'big.txt'}: file is ")
    assert "over the 2,000-byte limit (raise max_bytes or --max-bytes)" in message


def test_gzip_bomb_is_refused_by_its_own_limit_not_by_max_bytes(tmp_path):
    bomb = gzip.compress(b"word " * 200_000)  # 1 MB of text from about 3 kB
    assert len(bomb) < 5000
    (tmp_path / "bomb.txt.gz").write_bytes(bomb)
    # max_bytes bounds the file; what it inflates to has its own limit
    read = next(newskit.read(tmp_path, limits=Limits(max_bytes=5000)))
    assert not read.failed and read.text.startswith("word word")
    refused = next(newskit.read(tmp_path, limits=Limits(max_decompressed_bytes=100_000)))
    assert refused.failed
    assert refused.errors[0].message == (
        f"{tmp_path / 'bomb.txt.gz'}: decompresses to more than 100,000 bytes; refused "
        "(a gzip bomb?) (raise max_decompressed_bytes or --max-decompressed)"
    )


def test_stdin_is_read_no_further_than_the_limit():
    result = CliRunner().invoke(cli, ["analyze", "-", "--max-bytes", "1K"], input=WORDS * 10)
    assert result.exit_code == 1
    assert "<stdin>: input is more than 1,024 bytes, over the 1,024-byte limit" in result.stderr
    assert json.loads(result.stdout)["id"] == "stdin"


def test_the_cli_options_reach_the_readers(tmp_path):
    (tmp_path / "big.html").write_text(_page("Big", WORDS * 4))
    (tmp_path / "ok.html").write_text(_page("Small"))
    result = CliRunner().invoke(cli, ["analyze", str(tmp_path), "--max-bytes", "3k", "-j", "1"])
    assert result.exit_code == 1
    assert "big.html: file is" in result.stderr and "--max-bytes" in result.stderr
    assert "1 article, 1 failed" in result.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--max-bytes", "lots"], "'lots' is not a size"),
        (["--max-depth", "5000"], "--max-depth"),
        (["--max-elements", "0"], "--max-elements"),
        (["--timeout", "-1"], "--timeout"),
    ],
)
def test_bad_limit_options_are_usage_errors(tmp_path, args, message):
    (tmp_path / "a.txt").write_text(WORDS)
    result = CliRunner().invoke(cli, ["analyze", str(tmp_path / "a.txt"), *args])
    assert result.exit_code == 2
    assert message in result.stderr


# -- HTML ---------------------------------------------------------------------------------------


def test_max_elements_drops_the_rest_of_the_page_with_a_warning(tmp_path):
    paragraphs = "".join(
        f"<p>Paragraph {n} of the long report on the port.</p>" for n in range(600)
    )
    (tmp_path / "long.html").write_text(
        _page("Long", "intro").replace("<p>intro</p>", paragraphs, 1)
    )
    full = next(newskit.read(tmp_path))
    assert "Paragraph 599 " in full.text and not full.warnings
    cut = next(newskit.read(tmp_path, limits=Limits(max_elements=200)))
    assert "Paragraph 5 " in cut.text and "Paragraph 599 " not in cut.text
    assert [w.message for w in cut.warnings] == [
        f"{tmp_path / 'long.html'}: over 200 elements; only the first 200 were read "
        "(raise max_elements or --max-elements)"
    ]


def test_max_depth_drops_what_is_nested_deeper_with_a_warning(tmp_path):
    deep = "<div>" * 150 + f"<p>Deep {WORDS}</p>" + "</div>" * 150
    page = _page("Nested").replace("<article>", deep + "<article>")
    (tmp_path / "nested.html").write_text(page)
    whole = next(newskit.read(tmp_path))
    assert not whole.warnings
    shallow = next(newskit.read(tmp_path, limits=Limits(max_depth=100)))
    assert "Deep" not in shallow.text and WORDS in shallow.text
    assert [w.message for w in shallow.warnings] == [
        f"{tmp_path / 'nested.html'}: tags nested deeper than 100 levels; the elements "
        "below that were not read (raise max_depth or --max-depth)"
    ]


# -- WARC records -----------------------------------------------------------------------------


def test_warc_record_limits_make_error_records_and_the_read_goes_on(tmp_path):
    pytest.importorskip("fastwarc")
    big = _page("Big", WORDS * 10).encode()
    inflating = gzip.compress(_page("Inflating", WORDS * 10).encode())
    archive = b"".join([
        _warc_record("https://news.example/1", _page("One").encode()),
        _warc_record("https://news.example/2", big),
        _warc_record("https://news.example/3", inflating, "Content-Encoding: gzip\r\n"),
        _warc_record("https://news.example/4", _page("Four").encode()),
    ])  # fmt: skip
    (tmp_path / "crawl.warc").write_bytes(archive)
    limits = Limits(max_bytes=len(big) - 100, max_decompressed_bytes=len(big) - 100)
    found = list(newskit.read(tmp_path / "crawl.warc", limits=limits))
    assert [a.title for a in found if not a.failed] == ["One", "Four"]
    assert [a.url for a in found if a.failed] == [
        "https://news.example/2",
        "https://news.example/3",
    ]
    record, payload = (a.errors[0].message for a in found if a.failed)
    assert "crawl.warc offset" in record and "(raise max_bytes or --max-bytes)" in record
    assert "payload inflates past" in payload and "--max-decompressed" in payload
    assert all(not a.failed for a in newskit.read(tmp_path / "crawl.warc"))


def test_a_brotli_bomb_in_a_warc_is_refused(tmp_path):
    pytest.importorskip("fastwarc")
    brotli = pytest.importorskip("brotli")
    body = brotli.compress(_page("Bomb", WORDS * 200).encode())
    archive = _warc_record("https://news.example/b", body, "Content-Encoding: br\r\n")
    (tmp_path / "bomb.warc").write_bytes(archive)
    [refused] = newskit.read(tmp_path / "bomb.warc", limits=Limits(max_decompressed_bytes=5000))
    assert refused.failed and "payload inflates past 5,000 bytes" in refused.errors[0].message
    [read] = newskit.read(tmp_path / "bomb.warc")
    assert read.title == "Bomb"


def test_a_parquet_row_group_that_inflates_past_the_limit_is_refused(tmp_path):
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    small = {"id": ["a"], "text": ["The harbour reopened on Monday."]}
    huge = {"id": ["b"], "text": ["all work and no play " * 100_000]}  # 2.1 MB of text
    with pq.ParquetWriter(
        tmp_path / "feed.parquet",
        pa.schema([("id", pa.string()), ("text", pa.string())]),
        compression="zstd",
    ) as writer:
        for rows in (small, huge, small):
            writer.write_table(pa.table(rows))
    assert (tmp_path / "feed.parquet").stat().st_size < 20_000  # small on disk
    found = list(
        newskit.read(tmp_path / "feed.parquet", limits=Limits(max_decompressed_bytes=1_000_000))
    )
    assert [(a.id, a.failed) for a in found] == [("a", False), ("feed:2", True), ("a", False)]
    message = found[1].errors[0].message
    assert "feed.parquet row group 2 (rows 2 to 2): decompresses to " in message
    assert (
        "over the 1,000,000-byte limit; not read (raise max_decompressed_bytes or --max-decompressed)"
        in message
    )
    assert [a.failed for a in newskit.read(tmp_path / "feed.parquet")] == [False] * 3


# -- time per document --------------------------------------------------------------------------


@needs_alarm
def test_a_slow_document_becomes_an_error_record_and_the_batch_goes_on(tmp_path):
    slow, pm, pipeline = _slow_setup(30)
    for name, text in [("a", WORDS), ("b", f"{SLOW} {WORDS}"), ("c", WORDS)]:
        (tmp_path / f"{name}.txt").write_text(text)
    found = list(batch.run([tmp_path], pipeline=pipeline, plugins=pm, limits=Limits(timeout=0.5)))
    assert [a.id for a in found] == ["a", "b", "c"]
    assert [a.failed for a in found] == [False, True, False]
    assert found[1].errors[0].message == (
        f"{tmp_path / 'b.txt'}: exceeded the 0.5 s time limit in step 'clean:slow' "
        "(raise timeout or --timeout)"
    )
    assert slow.finished == []  # interrupted, not waited for


@needs_alarm
def test_a_slow_record_of_a_many_record_input_is_one_error_record(tmp_path):
    _, pm, pipeline = _slow_setup(30)
    lines = [f'{{"id": "r{n}", "text": "{SLOW if n == 1 else ""} {WORDS}"}}' for n in range(3)]
    (tmp_path / "feed.jsonl").write_text("\n".join(lines))
    found = list(batch.run([tmp_path], pipeline=pipeline, plugins=pm, limits=Limits(timeout=0.5)))
    assert [(a.id, a.failed) for a in found] == [("r0", False), ("r1", True), ("r2", False)]
    assert "feed.jsonl: exceeded the 0.5 s time limit in step 'clean:slow' (article 'r1')" in (
        found[1].errors[0].message
    )


@needs_alarm
def test_a_slow_reader_becomes_an_error_record(tmp_path):
    def read_slowly(inp: Input):
        time.sleep(30)
        yield Article(id=inp.id, text="never")

    class SlowReader:
        @newskit.hookimpl
        def newskit_register_readers(self):
            return [newskit.Reader(name="slow", read=read_slowly, extensions=(".slow",))]

    pm = plugin_manager(("slow", SlowReader()))
    (tmp_path / "page.slow").write_text("text")
    (tmp_path / "page2.txt").write_text(WORDS)
    found = list(newskit.read(tmp_path, plugins=pm, limits=Limits(timeout=0.5)))
    assert [(a.id, a.failed) for a in found] == [("page", True), ("page2", False)]
    assert found[0].errors[0].message == (
        f"{tmp_path / 'page.slow'}: exceeded the 0.5 s time limit while reading it "
        "(raise timeout or --timeout)"
    )


@needs_alarm
def test_a_slow_warc_record_is_skipped_and_the_archive_read_on(tmp_path, monkeypatch):
    pytest.importorskip("fastwarc")
    extract = warc_module.article_from_html

    def slow_on_two(html, **kwargs):
        if "Two" in html:
            time.sleep(30)
        return extract(html, **kwargs)

    monkeypatch.setattr(warc_module, "article_from_html", slow_on_two)
    archive = b"".join(
        _warc_record(f"https://news.example/{n}", _page(n).encode())
        for n in ("One", "Two", "Three")
    )
    (tmp_path / "crawl.warc").write_bytes(archive)
    detect_language(WORDS)
    found = list(newskit.read(tmp_path / "crawl.warc", limits=Limits(timeout=0.5)))
    assert [(a.title, a.failed) for a in found] == [("One", False), (None, True), ("Three", False)]
    assert found[1].url == "https://news.example/Two"
    assert "crawl.warc offset" in found[1].errors[0].message
    assert "exceeded the 0.5 s time limit; the record was skipped" in found[1].errors[0].message


@needs_alarm
def test_a_slow_jsonl_record_is_skipped_and_the_feed_read_on(tmp_path, monkeypatch):
    from newskit.readers import jsonl as jsonl_module

    extract = jsonl_module.article_from_html

    def slow_on_two(html, **kwargs):
        if "Two" in html:
            time.sleep(30)
        return extract(html, **kwargs)

    monkeypatch.setattr(jsonl_module, "article_from_html", slow_on_two)
    lines = [json.dumps({"id": n, "html": _page(n)}) for n in ("One", "Two", "Three")]
    (tmp_path / "feed.jsonl").write_text("\n".join(lines) + "\n")
    detect_language(WORDS)
    found = list(newskit.read(tmp_path / "feed.jsonl", limits=Limits(timeout=0.5)))
    assert [(a.id, a.failed) for a in found] == [("One", False), ("Two", True), ("Three", False)]
    assert "feed.jsonl line 2: exceeded the 0.5 s time limit while reading it; the record" in (
        found[1].errors[0].message
    )


def test_where_it_cannot_interrupt_a_slow_document_is_still_an_error_record(tmp_path):
    slow, pm, pipeline = _slow_setup(0.6)
    (tmp_path / "b.txt").write_text(f"{SLOW} {WORDS}")
    found: list[Article] = []
    limits = Limits(timeout=0.3)
    worker = threading.Thread(
        target=lambda: found.extend(
            batch.run([tmp_path], pipeline=pipeline, plugins=pm, limits=limits)
        )
    )
    worker.start()
    worker.join()
    assert slow.finished == ["b"]  # it ran to its end: a thread cannot be interrupted
    [article] = found
    assert article.failed
    message = article.errors[0].message
    assert message.startswith(f"{tmp_path / 'b.txt'}: took ")
    assert "over the 0.3 s time limit; it could not be interrupted here" in message


@needs_alarm
def test_an_outer_interval_timer_still_fires_and_is_put_back():
    fired: list[float] = []
    previous = signal.signal(signal.SIGALRM, lambda signum, frame: fired.append(time.monotonic()))
    try:
        signal.setitimer(signal.ITIMER_REAL, 0.2)  # fires inside the limit below
        with time_limit(5) as enforced:
            time.sleep(0.5)
        assert enforced and len(fired) == 1
        signal.setitimer(signal.ITIMER_REAL, 10)  # outlives the limit below
        with pytest.raises(TimeLimitExceeded), time_limit(0.2):
            time.sleep(5)
        left, _ = signal.getitimer(signal.ITIMER_REAL)
        assert 5 < left < 10  # the outer timer is set again, with its time left
        assert len(fired) == 1
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


# -- the limits reach --jobs workers --------------------------------------------------------------

_PLUGIN = """
import time
import newskit

@newskit.hookimpl
def newskit_register_cleaners():
    def clean(article):
        if "SLOWPAGE" in article.text:
            time.sleep(60)
        return article
    return [newskit.Cleaner(name="slow", clean=clean, default=False)]
"""


@pytest.fixture
def slow_entry_point(tmp_path, monkeypatch):
    """A plugin installed as an entry point, so that --jobs workers load it too."""
    site = tmp_path / "site"
    site.mkdir()
    module = f"newskit_slow_{uuid.uuid4().hex[:8]}"
    (site / f"{module}.py").write_text(textwrap.dedent(_PLUGIN))
    info = site / f"{module}-0.1.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {module}\nVersion: 0.1\n")
    (info / "entry_points.txt").write_text(f"[newskit]\nslow = {module}\n")
    monkeypatch.syspath_prepend(str(site))
    monkeypatch.setattr(plugins_module, "_default", None)  # load entry points again
    yield
    sys.modules.pop(module, None)


@needs_alarm
@pytest.mark.usefixtures("slow_entry_point")
def test_jobs_workers_apply_the_time_and_size_limits(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for n in range(4):
        (folder / f"p{n}.txt").write_text(f"{SLOW if n == 2 else ''} {WORDS}")
    (folder / "p4.txt").write_text(WORDS * 10)
    args = ["analyze", str(folder), "--jobs", "2", "--clean", "slow", "--summarizer", "none",
            "--classify", "none", "--timeout", "4", "--max-bytes", "2K"]  # fmt: skip
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 1
    assert "3 articles, 2 failed" in result.stderr
    assert f"{folder / 'p2.txt'}: exceeded the 4 s time limit in step 'clean:slow'" in (
        result.stderr
    )
    assert f"{folder / 'p4.txt'}: file is" in result.stderr
