"""The WARC reader: pages from response records, skips counted, bad archives as errors."""

from __future__ import annotations

import gzip
import io
import zlib
from datetime import date
from pathlib import Path

import pytest

import newskit
from newskit import Article
from newskit.components import Reader
from newskit.inputs import input_from_bytes
from newskit.readers import read_input
from newskit.readers import warc as warc_module
from newskit.readers.warc import WarcStats, iter_warc, read_warc, read_warc_file

pytest.importorskip("fastwarc")
warcio_writer = pytest.importorskip("warcio.warcwriter")
from warcio.statusandheaders import StatusAndHeaders  # noqa: E402

READERS = {
    "warc": Reader(name="warc", read=read_warc, extensions=(".warc",), binary=True),
}
DATE = "2024-03-05T06:07:08Z"


def page(title: str, body: str = "", *, head: str = "") -> bytes:
    text = body or " ".join(f"{title} is the story of the day, told in full." for _ in range(20))
    return (
        f"<html><head>{head}<title>{title}</title></head><body><article>"
        f"<h1>{title}</h1><p>{text}</p><p>{text}</p></article></body></html>"
    ).encode()


class Archive:
    """A WARC built record by record with warcio's writer."""

    def __init__(self, *, gz: bool = True) -> None:
        self.out = io.BytesIO()
        self.writer = warcio_writer.WARCWriter(self.out, gzip=gz)
        self.ids: list[str] = []
        self.offsets: list[int] = []

    def response(
        self,
        url: str,
        body: bytes,
        *,
        content_type: str = "text/html; charset=utf-8",
        status: str = "200 OK",
        headers: tuple[tuple[str, str], ...] = (),
        date: str = DATE,
    ) -> Archive:
        http = StatusAndHeaders(
            status,
            [("Content-Type", content_type), *headers],
            protocol="HTTP/1.1",
        )
        record = self.writer.create_warc_record(
            url,
            "response",
            payload=io.BytesIO(body),
            http_headers=http,
            warc_headers_dict={"WARC-Date": date},
        )
        self.offsets.append(self.out.tell())
        self.writer.write_record(record)
        self.ids.append(record.rec_headers.get_header("WARC-Record-ID").strip("<>"))
        return self

    def request(self, url: str) -> Archive:
        http = StatusAndHeaders("GET / HTTP/1.1", [("Host", "example.com")], is_http_request=True)
        self.writer.write_record(
            self.writer.create_warc_record(
                url, "request", payload=io.BytesIO(b""), http_headers=http
            )
        )
        return self

    def metadata(self, url: str) -> Archive:
        self.writer.write_record(
            self.writer.create_warc_record(
                url,
                "metadata",
                payload=io.BytesIO(b"fetchTimeMs: 12\n"),
                warc_content_type="application/warc-fields",
            )
        )
        return self

    def info(self) -> Archive:
        self.writer.write_record(self.writer.create_warcinfo_record("crawl.warc.gz", {"a": "b"}))
        return self

    def data(self) -> bytes:
        return self.out.getvalue()


def read(data: bytes, name: str = "crawl.warc.gz", stats: WarcStats | None = None):
    return list(iter_warc(io.BytesIO(data), name=name, id="crawl", stats=stats))


def test_pages_with_urls_dates_and_ids_and_the_rest_skipped_and_counted() -> None:
    archive = Archive().info()
    archive.request("https://news.example/a").response("https://news.example/a", page("Alpha"))
    archive.metadata("https://news.example/a")
    archive.response(
        "https://news.example/logo.png", b"\x89PNG\r\n\x1a\n", content_type="image/png"
    )
    archive.response("https://news.example/gone", page("Gone"), status="404 Not Found")
    archive.response("https://news.example/moved", b"", status="301 Moved Permanently")
    archive.response(
        "https://news.example/b",
        page("Beta"),
        content_type="application/xhtml+xml",
        date="2023-01-02T03:04:05Z",
    )
    stats = WarcStats()
    articles = read(archive.data(), stats=stats)
    assert [a.url for a in articles] == ["https://news.example/a", "https://news.example/b"]
    assert [a.title for a in articles] == ["Alpha", "Beta"]
    assert [a.id for a in articles] == [archive.ids[0], archive.ids[4]]
    assert articles[0].id.startswith("urn:uuid:")
    assert articles[0].meta["crawl_date"] == DATE
    assert articles[1].meta["crawl_date"] == "2023-01-02T03:04:05Z"
    assert "Alpha is the story of the day" in articles[0].text
    assert not any(a.failed or a.errors for a in articles)
    assert stats.records == 8
    assert stats.articles == 2
    assert stats.skipped == {
        "warcinfo": 1,
        "request": 1,
        "metadata": 1,
        "not HTML": 1,
        "HTTP 4xx": 1,
        "HTTP 3xx": 1,
    }


def test_crawl_date_is_not_taken_as_the_publication_date() -> None:
    dated = page("Dated", head='<meta property="article:published_time" content="2020-05-06">')
    data = (
        Archive()
        .response("https://x.example/1", page("Undated"))
        .response("https://x.example/2", dated)
        .data()
    )
    undated, with_date = read(data)
    assert undated.published is None
    assert undated.meta["crawl_date"] == DATE
    assert with_date.published is not None and with_date.published.isoformat().startswith(
        "2020-05-06"
    )
    assert isinstance(with_date.published, date)


def test_http_charset_decodes_the_page() -> None:
    body = page("Новости", "Правительство объявило о новых мерах поддержки экономики.")
    data = (
        Archive()
        .response(
            "https://ru.example/1",
            body.decode().encode("cp1251"),
            content_type="text/html; charset=windows-1251",
        )
        .data()
    )
    (article,) = read(data)
    assert article.title == "Новости"
    assert "Правительство объявило" in article.text


def test_gzip_and_chunked_payloads_are_decoded() -> None:
    body = page("Zipped")
    chunked = (
        b"".join(
            b"%x\r\n%s\r\n" % (len(body[i : i + 100]), body[i : i + 100])
            for i in range(0, len(body), 100)
        )
        + b"0\r\n\r\n"
    )
    deflated = zlib.compress(page("Deflated"))
    data = (
        Archive()
        .response(
            "https://z.example/1", gzip.compress(body), headers=(("Content-Encoding", "gzip"),)
        )
        .response("https://z.example/2", chunked, headers=(("Transfer-Encoding", "chunked"),))
        .response("https://z.example/3", deflated, headers=(("Content-Encoding", "deflate"),))
        .data()
    )
    articles = read(data)
    assert [a.title for a in articles] == ["Zipped", "Zipped", "Deflated"]
    assert not any(a.failed for a in articles)


def test_a_broken_payload_is_an_error_record_and_the_read_goes_on() -> None:
    body = page("Fine")
    broken_chunks = b"40\r\n" + body[:10]
    archive = (
        Archive()
        .response(
            "https://b.example/gz",
            b"\x1f\x8b\x08\x00garbage",
            headers=(("Content-Encoding", "gzip"),),
        )
        .response(
            "https://b.example/chunk", broken_chunks, headers=(("Transfer-Encoding", "chunked"),)
        )
        .response("https://b.example/binary", b"\x00\x01\x02\x03" * 50)
        .response("https://b.example/empty", b"   ")
        .response("https://b.example/ok", body)
    )
    articles = read(archive.data())
    assert [a.url for a in articles] == [
        "https://b.example/gz",
        "https://b.example/chunk",
        "https://b.example/binary",
        "https://b.example/empty",
        "https://b.example/ok",
    ]
    assert [a.failed for a in articles] == [True, True, True, True, False]
    assert [a.id for a in articles] == archive.ids
    messages = [a.errors[0].message for a in articles[:4]]
    assert "broken gzip payload" in messages[0]
    assert "broken chunked payload" in messages[1]
    assert "binary data" in messages[2]
    assert "empty" in messages[3]
    assert all(m.startswith("crawl.warc.gz offset ") for m in messages)


@pytest.mark.parametrize("gz", [True, False])
def test_a_truncated_archive_gives_the_records_before_the_cut_then_one_error(gz: bool) -> None:
    archive = Archive(gz=gz)
    for n in range(5):
        archive.response(f"https://t.example/{n}", page(f"Story {n}"))
    data = archive.data()
    start_of_last = archive.offsets[4]
    cut = data[: start_of_last + (len(data) - start_of_last) // 2]
    name = "cut.warc.gz" if gz else "cut.warc"
    articles = read(cut, name=name)
    assert [a.title for a in articles[:4]] == [f"Story {n}" for n in range(4)]
    assert len(articles) == 5
    error = articles[4]
    assert error.failed
    message = error.errors[0].message
    assert message.startswith(f"{name} ")
    assert f"offset {start_of_last}:" in message


def test_a_whole_file_gzipped_as_one_member_is_read() -> None:
    archive = Archive(gz=False)
    for n in range(30):
        archive.response(f"https://g.example/{n}", page(f"Story {n}"))
    articles = read(gzip.compress(archive.data()))
    assert [a.title for a in articles] == [f"Story {n}" for n in range(30)]


def test_a_corrupt_gzip_file_is_one_error_record() -> None:
    articles = read(b"\x1f\x8b\x08\x00" + b"not really gzip at all" * 20)
    (error,) = articles
    assert error.failed
    assert "crawl.warc.gz" in error.errors[0].message


def test_damage_inside_the_gzip_stream_keeps_the_records_before_it() -> None:
    archive = Archive()
    for n in range(6):
        archive.response(f"https://d.example/{n}", page(f"Story {n}"))
    data = bytearray(archive.data())
    at = archive.offsets[3] + 40
    data[at : at + 30] = b"\xff" * 30
    articles = read(bytes(data))
    good = [a for a in articles if not a.failed]
    assert [a.title for a in good] == ["Story 0", "Story 1", "Story 2"]
    assert articles[-1].failed
    assert len(articles) == 4
    assert "offset" in articles[-1].errors[0].message


def test_not_a_warc_is_refused_with_a_clear_error() -> None:
    inp = input_from_bytes(b"hello, world\n" * 10, name="x.warc", extensions=(".warc",))
    (error,) = read_input(inp, READERS)
    assert error.failed and "not a WARC file" in error.errors[0].message


def test_through_read_input_gunzipped_or_raw(tmp_path: Path) -> None:
    data = Archive().response("https://r.example/1", page("Read")).data()
    loaded = input_from_bytes(data, name="c.warc.gz", extensions=(".warc",))
    assert loaded.data.startswith(b"WARC/")  # the loader gunzipped it whole
    (article,) = read_input(loaded, READERS)
    assert article.title == "Read"
    assert article.url == "https://r.example/1"
    raw = input_from_bytes(b"", name="c.warc.gz", extensions=(".warc",))
    raw = type(raw)(id="c", name="c.warc.gz", data=data, extension=".warc")
    (same,) = read_input(raw, READERS)
    assert same.id == article.id and same.title == "Read"


class CountingReader(io.RawIOBase):
    """A file that counts the bytes taken from it."""

    def __init__(self, data: bytes) -> None:
        self.inner = io.BytesIO(data)
        self.taken = 0

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def seek(self, offset: int, whence: int = 0) -> int:
        return self.inner.seek(offset, whence)

    def tell(self) -> int:
        return self.inner.tell()

    def readinto(self, buffer) -> int:  # type: ignore[no-untyped-def]
        data = self.inner.read(len(buffer))
        buffer[: len(data)] = data
        self.taken += len(data)
        return len(data)


def test_records_are_read_one_by_one_not_the_whole_file_first() -> None:
    import random

    rng = random.Random(8)
    archive = Archive()
    for n in range(40):
        words = " ".join(f"w{rng.randrange(10**6)}" for _ in range(8000))
        archive.response(f"https://s.example/{n}", page(f"Story {n}", words))
    data = archive.data()
    assert len(data) > 2_000_000
    stream = CountingReader(data)
    articles = iter_warc(stream, name="big.warc.gz", id="big")
    assert next(articles).title == "Story 0"
    assert stream.taken < len(data) // 4
    assert sum(1 for _ in articles) == 39
    assert stream.taken >= len(data)


def test_read_warc_file_reads_from_disk(tmp_path: Path) -> None:
    path = tmp_path / "disk.warc.gz"
    path.write_bytes(Archive().response("https://f.example/1", page("Disk")).data())
    (article,) = read_warc_file(path)
    assert article.title == "Disk" and article.url == "https://f.example/1"


def test_read_warc_file_missing_file_is_an_error_record(tmp_path: Path) -> None:
    (error,) = read_warc_file(tmp_path / "nope.warc.gz")
    assert error.failed and "nope.warc.gz" in error.errors[0].message


def test_without_fastwarc_the_error_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    from newskit import _optional

    real = _optional.importlib.import_module

    def fake(name: str, *args: object) -> object:
        if name.startswith("fastwarc"):
            raise ImportError(name)
        return real(name, *args)

    monkeypatch.setattr(_optional.importlib, "import_module", fake)
    data = Archive().response("https://m.example/1", page("Missing")).data()
    inp = input_from_bytes(data, name="m.warc.gz", extensions=(".warc",))
    (error,) = read_input(inp, READERS)
    assert error.failed
    assert "newskit[warc]" in error.errors[0].message
    assert warc_module.MAX_PAYLOAD_BYTES > 0


def test_articles_are_articles() -> None:
    data = Archive().response("https://a.example/1", page("Typed")).data()
    assert all(isinstance(a, Article) for a in read(data))


def test_a_warc_file_is_handed_to_the_reader_as_a_path_not_loaded(tmp_path) -> None:
    archive = Archive()
    for i in range(30):
        body = page(f"Story {i}", "The council voted to close the harbour bridge. " * 20)
        archive.response(f"https://example.com/{i}", body)
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(archive.data())
    assert path.stat().st_size > 8192

    from newskit.inputs import load_file

    inp = load_file(path, stream_extensions={".warc"})
    assert (inp.path, len(inp.data)) == (str(path), 4096)  # only the head is loaded

    articles = list(newskit.read(path))
    assert [a.url for a in articles] == [f"https://example.com/{i}" for i in range(30)]
    assert not any(a.failed for a in articles)
