"""Fetching pages with --fetch, against a local HTTP server on 127.0.0.1 only.

Every limit of :class:`newskit.fetch.Fetcher` is hit by an endpoint made for it: a
server that never answers (read timeout), one that drips a byte at a time (total time
limit), a huge body with and without Content-Length (size cap), a gzip bomb, redirect
loops and redirects to other schemes, a PDF, a 404.
"""

from __future__ import annotations

import gzip
import http.server
import json
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

import newskit
from newskit import InputError
from newskit.cli import cli
from newskit.fetch import USER_AGENT, Fetcher, is_url, url_id

PAGE = (
    "<!DOCTYPE html><html><head><title>Harbour reopens after the storm</title></head>"
    "<body><article><h1>Harbour reopens after the storm</h1>"
    + "".join(
        f"<p>Paragraph {i}: the harbour of the town reopened on Monday after the storm, "
        "the port authority said, and the first ferries left on time.</p>"
        for i in range(4)
    )
    + "</article></body></html>"
).encode()
LATIN1 = (
    "<html><head><title>Un café à Paris</title></head><body><article>"
    + "<p>Le café de la gare a rouvert ses portes à Paris, a-t-on appris lundi. " * 3
    + "</p></article></body></html>"
).encode("latin-1")


#: The User-Agent of every request the server saw.
AGENTS: list[str] = []
#: Set when the tests are done: the slow endpoints stop waiting.
RELEASE = threading.Event()


class _Handler(http.server.BaseHTTPRequestHandler):
    release = RELEASE

    def log_message(self, format: str, *args: object) -> None:  # quiet
        pass

    def _send(self, status: int, body: bytes = b"", **headers: str) -> None:
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name.replace("_", "-"), value)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        AGENTS.append(self.headers.get("User-Agent", ""))
        path = self.path
        try:
            if path == "/page":
                self._send(200, PAGE, Content_Type="text/html; charset=utf-8")
            elif path == "/text":
                self._send(
                    200, b"A plain text note.\n\nIt has two paragraphs.", Content_Type="text/plain"
                )
            elif path == "/latin1":
                self._send(200, LATIN1, Content_Type="text/html; charset=ISO-8859-1")
            elif path == "/redirect":
                self._send(302, Location="/hop")
            elif path == "/hop":
                self._send(301, Location=f"http://127.0.0.1:{self.server.server_port}/page")
            elif path.startswith("/loop"):
                self._send(302, Location="/loop")
            elif path == "/to-file":
                self._send(302, Location="file:///etc/passwd")
            elif path == "/to-ftp":
                self._send(307, Location="ftp://127.0.0.1/pub/page.html")
            elif path == "/to-data":
                self._send(302, Location="data:text/html,<script>alert(1)</script>")
            elif path == "/no-location":
                self._send(302)
            elif path == "/slow":
                self.release.wait(10)  # never answers in time
                self._send(200, PAGE, Content_Type="text/html")
            elif path == "/drip":
                self.send_response(200)
                self.send_header("Content-Type", "text/html")
                self.end_headers()
                for _ in range(400):  # a byte every 25 ms: no single read times out
                    if self.release.wait(0.025):
                        break
                    self.wfile.write(b" ")
                    self.wfile.flush()
            elif path == "/huge":  # no Content-Length: only reading tells the size
                self.send_response(200)
                self.send_header("Content-Type", "text/html")
                self.end_headers()
                for _ in range(64):
                    self.wfile.write(b"<p>" + b"x" * 32_768 + b"</p>")
            elif path == "/huge-declared":
                self._send(
                    200, b"<p>short</p>", Content_Type="text/html", Content_Length="999999999"
                )
            elif path == "/gzip":
                self._send(
                    200, gzip.compress(PAGE), Content_Type="text/html", Content_Encoding="gzip"
                )
            elif path == "/bomb":
                body = gzip.compress(b" " * 8_000_000)
                self._send(200, body, Content_Type="text/html", Content_Encoding="gzip")
            elif path == "/brotli":
                self._send(200, b"\x0b\x01\x80", Content_Type="text/html", Content_Encoding="br")
            elif path == "/pdf":
                self._send(200, b"%PDF-1.7\n...", Content_Type="application/pdf")
            else:
                self._send(404, b"<h1>Not here</h1>", Content_Type="text/html")
        except (BrokenPipeError, ConnectionResetError):  # the client gave up, as it should
            pass


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    RELEASE.clear()
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_port}"
    finally:
        RELEASE.set()
        httpd.shutdown()
        httpd.server_close()


@pytest.fixture
def agents(server: str) -> list[str]:
    AGENTS.clear()
    return AGENTS


def _error(fetcher: Fetcher, url: str) -> str:
    with pytest.raises(InputError) as info:
        fetcher.fetch(url)
    assert str(info.value).startswith(url + ": ")  # names the input
    return str(info.value)


# -- what is fetched ---------------------------------------------------------------------


def test_a_page_is_fetched_with_the_documented_user_agent(server, agents):
    inp = Fetcher().fetch(server + "/page")

    assert inp.data == b"\xef\xbb\xbf" + PAGE  # the declared charset, as a BOM
    assert inp.url == server + "/page"
    assert inp.extension == ".html"
    assert inp.id == "127.0.0.1-page"
    assert agents == [f"newskit/{newskit.__version__} (+https://pypi.org/project/newskit/)"]
    assert agents == [USER_AGENT]


def test_the_user_agent_is_configurable(server, agents, monkeypatch):
    Fetcher(user_agent="my-lab-crawler/2 (+mailto:me@example.org)").fetch(server + "/page")
    monkeypatch.setenv("NEWSKIT_USER_AGENT", "from-the-environment/1")
    Fetcher().fetch(server + "/page")

    assert agents == ["my-lab-crawler/2 (+mailto:me@example.org)", "from-the-environment/1"]


def test_the_article_url_is_the_final_url_after_redirects(server):
    (article,) = newskit.read(server + "/redirect", fetch=True)

    assert not article.failed, article.errors
    assert article.url == server + "/page"
    assert article.id == "127.0.0.1-redirect"  # from the URL as given: stable
    assert article.title == "Harbour reopens after the storm"
    assert "first ferries left on time" in article.text


def test_a_gzip_body_is_decoded(server):
    inp = Fetcher().fetch(server + "/gzip")
    assert inp.data == PAGE


def test_the_server_charset_is_used_when_the_page_declares_none(server):
    (article,) = newskit.read(server + "/latin1", fetch=True)
    assert article.title == "Un café à Paris"
    assert "Le café de la gare a rouvert ses portes à Paris" in article.text


def test_plain_text_goes_to_the_text_reader(server):
    (article,) = newskit.read(server + "/text", fetch=True)
    assert article.text == "A plain text note.\n\nIt has two paragraphs."


# -- what is refused ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("file:///etc/passwd", "a file URL: newskit fetches only http and https URLs; refused"),
        ("ftp://127.0.0.1/pub/x.html", "a ftp URL: newskit fetches only http and https"),
        ("data:text/html,<script>alert(1)</script>", "a data URL: newskit fetches only http"),
        ("javascript:alert(1)", "a javascript URL: newskit fetches only http"),
        ("http:///no-host", "no host"),
    ],
)
def test_only_http_and_https_are_fetched(url, message):
    assert message in _error(Fetcher(), url)


@pytest.mark.parametrize(
    ("path", "target"),
    [
        ("/to-file", "file:///etc/passwd"),
        ("/to-ftp", "ftp://127.0.0.1/pub/page.html"),
        ("/to-data", "data:text/html,<script>alert(1)</script>"),
    ],
)
def test_each_redirect_is_checked_for_its_scheme(server, path, target):
    message = _error(Fetcher(), server + path)
    assert f"redirected to {target!r}: newskit fetches only http and https URLs" in message


def test_redirects_are_limited(server):
    assert "more than 5 redirects (the last one to " in _error(Fetcher(), server + "/loop")
    assert "more than 1 redirects" in _error(Fetcher(max_redirects=1), server + "/redirect")
    assert "redirect without a Location header" in _error(Fetcher(), server + "/no-location")


def test_a_server_that_does_not_answer_times_out(server):
    start = time.monotonic()
    message = _error(Fetcher(read_timeout=0.2), server + "/slow")
    assert message.endswith(f"timed out fetching {server}/slow")
    assert time.monotonic() - start < 5  # the fetch gave up; the server still waits


def test_a_server_that_drips_hits_the_total_time_limit(server):
    message = _error(Fetcher(read_timeout=5, total_timeout=0.3), server + "/drip")
    assert "took longer than the total time limit" in message


def test_a_body_over_the_cap_is_refused_while_it_streams(server):
    cap = 100_000
    assert "over the 100,000-byte cap; refused" in _error(Fetcher(max_bytes=cap), server + "/huge")
    assert "999,999,999 bytes, over the 10,485,760-byte cap" in _error(
        Fetcher(), server + "/huge-declared"
    )


def test_a_gzip_bomb_is_not_expanded_past_the_cap(server):
    message = _error(Fetcher(max_bytes=1_000_000), server + "/bomb")
    assert "decompresses to over the 1,000,000-byte cap; refused" in message


def test_an_unknown_content_encoding_is_refused(server):
    assert "unsupported Content-Encoding 'br'" in _error(Fetcher(), server + "/brotli")


def test_what_is_not_a_web_page_is_refused(server):
    message = _error(Fetcher(), server + "/pdf")
    assert "content type 'application/pdf' is not a web page" in message


def test_http_errors_name_the_status(server):
    assert _error(Fetcher(), server + "/missing").endswith(
        f"HTTP 404 Not Found from {server}/missing"
    )


def test_a_refused_connection_is_an_error_naming_the_url():
    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    url = f"http://127.0.0.1:{port}/page"
    assert f"cannot fetch {url}: " in _error(Fetcher(connect_timeout=1), url)


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"read_timeout": 0}, "read_timeout"),
        ({"max_bytes": -1}, "max_bytes"),
        ({"total_timeout": float("nan")}, "total_timeout"),
    ],
)
def test_limits_are_validated(changes, field):
    with pytest.raises(ValueError, match=f"{field} must be a positive number"):
        Fetcher(**changes)


# -- nothing is fetched unless asked ---------------------------------------------------


def test_without_fetch_a_url_is_an_error_record_that_says_how(server, agents):
    articles = list(newskit.read([server + "/page", server + "/text?x=1"]))

    assert agents == []  # nothing was requested
    assert [a.failed for a in articles] == [True, True]
    assert "pass --fetch (fetch=True in Python) to fetch it" in articles[0].errors[0].message
    assert articles[0].errors[0].message.startswith(server + "/page: ")


def test_cli_refuses_a_url_without_fetch(server, agents):
    result = CliRunner().invoke(cli, ["analyze", server + "/page"])

    assert result.exit_code == 2
    assert "newskit does not download anything unless asked: pass --fetch" in result.stderr
    assert agents == []


def test_cli_fetches_urls_and_files_in_order_with_error_records(server, tmp_path, agents):
    note = tmp_path / "note.txt"
    note.write_text("A saved note with one sentence.", encoding="utf-8")
    args = ["analyze", "--fetch", server + "/redirect", str(note), server + "/pdf"]
    args += [server + "/missing", "--classify", "none", "--summarizer", "none", "-f", "jsonl"]
    result = CliRunner().invoke(cli, [*args, "--user-agent", "tester/1"])

    assert result.exit_code == 1  # an input failed
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["id"] for r in records] == [
        "127.0.0.1-redirect",
        "note",
        "127.0.0.1-pdf",
        "127.0.0.1-missing",
    ]
    assert records[0]["url"] == server + "/page"
    assert records[0]["title"] == "Harbour reopens after the storm"
    assert records[1]["text"] == "A saved note with one sentence."
    assert "application/pdf" in records[2]["errors"][0]["message"]
    assert "HTTP 404" in records[3]["errors"][0]["message"]
    assert "2 articles, 2 failed" in result.stderr
    assert set(agents) == {"tester/1"}


# -- ids safe as file names ----------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "https://example.com/../../etc/passwd",
        "https://example.com/%2e%2e/%2e%2e/etc/passwd",
        "http://example.com/a\x00b/..\\..\\win.ini",
        "https://example.com/" + "very-long-segment/" * 40,
        "https://../..",
        "https://example.com/.hidden",
        "/etc/passwd",
        "",
    ],
)
def test_url_ids_cannot_escape_a_directory(url, tmp_path: Path):
    id = url_id(url)

    assert id and len(id) <= 120
    assert not set(id) - set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-_")
    assert ".." not in id and not id.startswith(".")
    assert (tmp_path / id).resolve().parent == tmp_path.resolve()


def test_url_ids_keep_pages_apart():
    assert url_id("https://example.com/news/2024/story.html") == "example.com-news-2024-story.html"
    assert url_id("https://example.com/p?id=1") != url_id("https://example.com/p?id=2")
    long_a, long_b = ("https://example.com/" + "x/" * 100 + end for end in "ab")
    assert url_id(long_a) != url_id(long_b)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("https://example.com/a", True),
        ("HTTP://example.com/a", True),
        ("file:///etc/passwd", True),
        ("data:text/html,x", True),
        ("s3://bucket/key", True),
        ("pages/story.html", False),
        ("C:\\pages\\story.html", False),
        ("notes:2024.txt", False),
        ("-", False),
    ],
)
def test_is_url(name, expected):
    assert is_url(name) is expected


def test_workers_listing_files_turn_a_url_into_an_error_record():
    from newskit.inputs import iter_paths

    (record,) = iter_paths(["https://example.com/news/story.html"])
    assert record.failed and record.id == "example.com-news-story.html"
    assert "pass --fetch" in record.errors[0].message
