"""A real headless browser opens a page of hostile articles: nothing from them may run.

Every payload, if it ran, would leave a trace the test looks for: it sets
``document.title``, adds an element with id ``pwned``, logs ``PWNED-…`` to the console
and requests ``/hit-…`` from a local HTTP server, which answers every request (a
navigation by ``location`` or ``<meta refresh>`` too) with a page of its own titled
"navigated away". The page is checked as written and with its Content-Security-Policy
removed, so that the escaping is tested on its own and not hidden behind the policy. A
control page with one trusted script proves that the check sees a payload that runs.
"""

from __future__ import annotations

import http.server
import io
import shutil
import subprocess
import threading
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import pytest

from newskit import Article, Category, Evidence, Problem, Removal, Source
from newskit_formats._html import CSP, write_html

BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--enable-logging=stderr",
    "--virtual-time-budget=2000",
)
PAGE_TITLE = "News report"
# What the page may hold once the browser has parsed it: the writer's own elements only.
ALLOWED_TAGS = {
    "html", "head", "meta", "title", "style", "body", "header", "h1", "main", "nav",
    "details", "summary", "ol", "ul", "li", "a", "article", "h2", "h3", "p", "span",
    "strong", "time", "mark", "blockquote", "section", "div", "footer",
}  # fmt: skip


def _chromium() -> str:
    for name in BROWSERS:
        path = shutil.which(name)
        if path:
            return path
    pytest.skip(
        "chromium not installed: the browser check needs one of "
        f"{', '.join(BROWSERS)} on PATH (Debian: apt-get install -y chromium)"
    )


class _Recorder(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        self.server.hits.append(self.path)  # type: ignore[attr-defined]
        body = b"<!DOCTYPE html><title>navigated away</title><p>not the report</p>"
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Access-Control-Allow-Origin", "*")
        self.end_headers()
        self.wfile.write(body)

    do_POST = do_GET

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def listener() -> Iterator[http.server.HTTPServer]:
    """A local HTTP server that records every request made to it."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Recorder)
    server.hits = []  # type: ignore[attr-defined]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()
    thread.join()


def _js(base: str, tag: str) -> str:
    """Script whose every effect is visible to the test; single quotes only."""
    return (
        "var d=window.parent.document;d.title='pwned';var e=d.createElement('b');"
        f"e.id='pwned';d.body.appendChild(e);console.log('PWNED-{tag}');"
        f"fetch('{base}/hit-fetch-{tag}').catch(function(){{}});"
        f"new Image().src='{base}/hit-img-{tag}'"
    )


def hostile_articles(base: str) -> list[Article]:
    """Articles whose every field carries a payload that would run if left unescaped."""

    def js(tag: str) -> str:
        return _js(base, tag)

    def attr_break(tag: str) -> str:
        return f'x" autofocus tabindex="0" onfocus="{js(tag)}" onmouseover="{js(tag)}" y="'

    return [
        Article(
            id=f'<svg onload="{js("id")}">',
            title=f"</title><script>{js('title')}</script>",
            url=f"javascript:{js('url')}",
            text=(
                f"<script>{js('text')}</script>\n\n"
                f'<img src=x onerror="{js("img")}">\n\n'
                f'<iframe srcdoc="<script>{js("srcdoc")}</script>"></iframe>\n\n'
                "<!-- a comment that swallows the rest?\n\n"
                f"--><script>{js('comment')}</script>\n\n"
                f'<body onload="{js("body")}">\n\n'
                f'<details open ontoggle="{js("toggle")}">x</details>\n\n'
                f'<meta http-equiv="refresh" content="0;url={base}/hit-refresh">\n\n'
                f'<link rel="stylesheet" href="{base}/hit-css"><img src="{base}/hit-plain">'
            ),
            summary=f"<svg onload=\"{js('svg')}\"></svg>\u2028<style>@import '{base}/hit-import';</style>",
            source=Source(
                name=f"</style><script>{js('style')}</script>",
                domain=attr_break("domain"),
            ),
            authors=[
                f'<input autofocus onfocus="{js("input")}">',
                "<base href='javascript:/'>",
                f"<img src=x onerror=\"location='{base}/hit-location'\">",
            ],
            language=attr_break("lang"),
            categories=[
                Category(
                    name=f'<img src=x onerror="{js("category")}">',
                    scheme=attr_break("scheme"),
                    score=0.5,
                    label=True,
                    evidence=[
                        Evidence(
                            text=f'<a href="javascript:{js("evidence")}">markets</a>',
                            terms=["markets", "href"],
                        )
                    ],
                ),
            ],
            cited_sources=[
                Source(
                    name=f'<object data="javascript:{js("object")}"></object>',
                    url=f"JaVaScRiPt:{js('cited')}",
                    kind="outlet",
                    evidence=[Evidence(text=f'<embed src="javascript:{js("embed")}">')],
                ),
                Source(name="Data", url=f"data:text/html,<script>{js('data')}</script>"),
                Source(name="Quote", url=f"https://news.example/{attr_break('url-quote')}"),
            ],
            removed=[Removal(text=f"<script>{js('removed')}</script>", reason="<b>x</b>")],
            warnings=[Problem(step=attr_break("step"), message=f"<script>{js('warn')}</script>")],
            errors=[Problem(step="x", message=f"<math><mtext><script>{js('math')}</script>")],
        ),
        Article(id="plain", title="A harmless second story", text="Nothing to see."),
    ]


class _Dom(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str | None]]] = []
        self.title = ""
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, dict(attrs)))
        self._in_title = tag == "title"

    def handle_endtag(self, tag: str) -> None:
        self._in_title = False

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data


def _open_in_browser(page: str, tmp_path: Path) -> tuple[_Dom, str]:
    """The DOM the browser dumps after running the page, and its log."""
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    command = [_chromium(), *FLAGS, f"--user-data-dir={tmp_path / 'profile'}"]
    done = subprocess.run(
        [*command, "--dump-dom", path.as_uri()],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    dom = _Dom()
    dom.feed(done.stdout)
    dom.close()
    return dom, done.stderr


def _page(articles: list[Article]) -> str:
    stream = io.StringIO()
    write_html(iter(articles), stream)
    return stream.getvalue()


def _without_csp(page: str) -> str:
    meta = f'<meta http-equiv="Content-Security-Policy" content="{CSP}" />\n'
    assert page.count(meta) == 1
    return page.replace(meta, "")


def _traces(dom: _Dom, log: str, hits: list[str]) -> list[str]:
    """Every sign that a payload ran."""
    found = [f"element #{a['id']}" for _, a in dom.elements if a.get("id") == "pwned"]
    if dom.title != PAGE_TITLE:
        found.append(f"title {dom.title!r}")
    found += [line for line in log.splitlines() if "PWNED" in line]
    return found + [f"request {hit}" for hit in hits]


@pytest.mark.parametrize("csp", [True, False], ids=["as-written", "without-csp"])
def test_no_payload_runs_in_a_real_browser(csp, listener, tmp_path):
    base = f"http://127.0.0.1:{listener.server_port}"
    articles = hostile_articles(base)
    page = _page(articles)

    dom, log = _open_in_browser(page if csp else _without_csp(page), tmp_path)

    assert _traces(dom, log, listener.hits) == []
    # The browser showed this page (nothing navigated away) with both articles in it...
    assert [a.get("id") for tag, a in dom.elements if tag == "article"] == [
        "article-1",
        "article-2",
    ]
    # ...and parsed nothing from them into an element or an attribute of its own.
    assert {tag for tag, _ in dom.elements} <= ALLOWED_TAGS
    names = {name for _, attrs in dom.elements for name in attrs}
    assert not {n for n in names if n.startswith("on") or n in {"autofocus", "srcdoc", "src"}}
    hrefs = [a["href"] or "" for tag, a in dom.elements if tag == "a"]
    assert all(h.startswith(("#article-", "https://")) for h in hrefs), hrefs
    assert len(hrefs) == 1 + 2  # the source URL, and the table of contents


def test_the_check_sees_a_payload_that_runs(listener, tmp_path):
    base = f"http://127.0.0.1:{listener.server_port}"
    page = _without_csp(_page([Article(id="a", title="Control", text="Body.")]))
    trusted = f"<script>{_js(base, 'control')}</script>\n</body>"

    dom, log = _open_in_browser(page.replace("</body>", trusted), tmp_path)

    traces = _traces(dom, log, listener.hits)
    assert "element #pwned" in traces
    assert "title 'pwned'" in traces
    assert any("PWNED-control" in t for t in traces)
    assert any(t.startswith("request /hit-img-control") for t in traces), traces
