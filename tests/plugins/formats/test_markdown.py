"""The markdown report: what it shows, and that hostile content never becomes markup."""

from __future__ import annotations

import html
import importlib
import re
from datetime import datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newskit import Article, Category, Evidence, Problem, Removal, Source
from newskit_formats._escape import emphasize, heading_text, paragraphs

SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"
JS_LINK = "[click](javascript:alert(1))"
HOSTILE = f"Before {SCRIPT} middle {IMG} and {JS_LINK} after."

SCRIPT_ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt;"
IMG_ESCAPED = "&lt;img src=x onerror=alert(1)&gt;"
JS_LINK_ESCAPED = r"\[click\](javascript:alert(1))"
HOSTILE_ESCAPED = f"Before {SCRIPT_ESCAPED} middle {IMG_ESCAPED} and {JS_LINK_ESCAPED} after."

# Every "<" the report may hold starts an autolink to an http(s) URL.
ANGLE = re.compile(r"<[^>]*>?")
AUTOLINK = re.compile(r"<https?://[^\s<>]+>")


def _sections(report: str) -> list[str]:
    return re.findall(r"^#{2,3} .*$", report, flags=re.MULTILINE)


def test_report_shows_every_part_of_an_article(make_article, write):
    report = write("markdown", [make_article()])

    assert report.startswith("## Müller — “Elites” and the economy\n\n")
    byline = report.splitlines()[2]
    for part in (
        "**Source:** Example News (example.com)",
        "**Published:** 2023-06-27",
        "**By:** Anna Müller, Jean Dupont",
        "**URL:** <https://example.com/world/2023/06/27/elites>",
        "**ID:** art-1",
    ):
        assert part in byline
    assert _sections(report) == [
        "## Müller — “Elites” and the economy",
        "### Categories",
        "### Cited sources",
        "### Summary",
        "### Text",
        "### Removed by cleaning (2)",
        "### Warnings and errors",
    ]
    # Category calls with score, yes/no and quoted evidence, matched terms in bold.
    assert "- **populism**: **yes** · score 0.81 · scheme populism\n" in report
    assert "    - “**Elites** **betrayed** the people, said Anna Müller — “quote”.”\n" in report
    assert "- **economy**: **no** · score 0.25 · scheme economy\n" in report
    assert "    - “The U.S. **economy** grew 3.5% in 2023, according to Reuters.”\n" in report
    assert "- **World**: scheme section\n" in report
    # Cited sources, with the sentences that cite them.
    assert "- Reuters (wire; reuters.com) <https://www.reuters.com/>\n" in report
    assert "according to **Reuters**.”" in report
    # Summary and text read as written.
    assert "### Summary\n\nElites betrayed the people, Müller says.\n" in report
    assert (
        "### Text\n\nElites betrayed the people, said Anna Müller — “quote”.\n\n"
        "The U.S. economy grew 3.5% in 2023, according to Reuters.\n"
    ) in report
    assert "- “Sign up for our newsletter”: newsletter prompt (clean)\n" in report
    assert "- “© 2023 Example News”: copyright line (clean)\n" in report
    assert "- **Error** in economy: lexicon timed out\n" in report
    assert "- **Warning** in summarize: text is short\n" in report


def test_aware_datetime_keeps_its_offset(make_article, write):
    published = datetime(2023, 6, 27, 14, 5, tzinfo=timezone(timedelta(hours=-4)))
    report = write("markdown", [make_article(published=published)])

    assert "**Published:** 2023-06-27T14:05:00-04:00" in report


def test_sparse_article_uses_the_id_as_heading_and_skips_empty_parts(write):
    report = write("markdown", [Article(id="page_7.html", text="Just a body.")])

    assert report == "## page\\_7.html\n\n### Text\n\nJust a body.\n"


def test_error_record_says_the_input_failed_and_why(write):
    report = write("markdown", [Article.failure("x.txt", "x.txt: empty file")])

    assert report == (
        "## x.txt\n\n"
        "**This input could not be read**, so there is no article for it.\n\n"
        "- **Error** in read: x.txt: empty file\n"
    )


def test_articles_are_separated_and_an_empty_run_says_so(articles, write):
    report = write("markdown", articles)

    assert report.count("\n---\n") == len(articles) - 1
    assert [s for s in _sections(report) if s.startswith("## ")] == [
        "## Müller — “Elites” and the economy",
        "## Müller — “Elites” and the economy",
        "## x",
    ]
    assert write("markdown", []) == "*No articles.*\n"


def _hostile_article() -> Article:
    evidence = Evidence(text=HOSTILE, terms=["click", "alert"])
    return Article(
        id="evil",
        url="javascript:alert(1)",
        title=f"Title {SCRIPT} {JS_LINK}",
        text=f"{HOSTILE}\n\n{IMG}\n<a href='javascript:alert(1)'>x</a>\n<!-- comment -->",
        summary=HOSTILE,
        source=Source(name=f"News {IMG}", domain="<b>evil</b>", url="javascript:alert(1)"),
        cited_sources=[Source(name=JS_LINK, kind="outlet", url="data:text/html,<script>")],
        authors=[SCRIPT, "![x](https://evil.example/pixel.gif)"],
        categories=[Category(name=f"cat {IMG}", scheme="populism", score=1.0, evidence=[evidence])],
        removed=[Removal(text=SCRIPT, reason=IMG, step=JS_LINK)],
        warnings=[Problem(step=SCRIPT, message=HOSTILE)],
        errors=[Problem(step="economy", message=f"{IMG} {{: onclick=alert(1) }}")],
        meta={"note": SCRIPT},
    )


def test_hostile_content_is_escaped_in_every_field(write):
    report = write("markdown", [_hostile_article()])

    assert "<script" not in report
    assert "<img" not in report
    assert "<a " not in report
    assert "<!--" not in report
    assert not re.search(r"(?<!\\)\]\(", report)  # no "](" that would close a link
    assert "<javascript" not in report
    assert "<data:" not in report
    assert "![x](" not in report
    assert not re.search(r"(?<!\\)[{\[]", report)  # no attribute list, no link text
    assert [m.group() for m in ANGLE.finditer(report)] == []  # no http(s) URL in it
    # The exact escaped forms, so that the text still reads as the page wrote it.
    assert f"## Title {SCRIPT_ESCAPED} {JS_LINK_ESCAPED}\n" in report
    assert f"### Summary\n\n{HOSTILE_ESCAPED}\n" in report
    assert f"### Text\n\n{HOSTILE_ESCAPED}\n\n{IMG_ESCAPED}\n" in report
    assert "&lt;a href='javascript:alert(1)'&gt;x&lt;/a&gt;" in report
    assert "**URL:** javascript:alert(1)" in report  # shown, not linked
    assert f"**By:** {SCRIPT_ESCAPED}, \\!\\[x\\](https://evil.example/pixel.gif)" in report
    assert f"- {JS_LINK_ESCAPED} (outlet) data:text/html,&lt;script&gt;\n" in report
    assert r"\[**click**\](javascript:**alert**(1))" in report
    assert r"\{: onclick=alert(1) \}" in report


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://example.com/a?b=1&c=2#top", "<https://example.com/a?b=1&c=2#top>"),
        ("  HTTP://example.com/x  ", "<HTTP://example.com/x>"),
        ('https://example.com/a b>c<d"e', "<https://example.com/a%20b%3Ec%3Cd%22e>"),
        ("https://example.com/M%C3%BCller", "<https://example.com/M%C3%BCller>"),
        ("https://example.com/Müller", "<https://example.com/M%C3%BCller>"),
        ("javascript:alert(1)", "javascript:alert(1)"),
        ("JaVaScRiPt:alert(1)", "JaVaScRiPt:alert(1)"),
        ("java\tscript:alert(1)", "java script:alert(1)"),
        ("vbscript:msgbox", "vbscript:msgbox"),
        ("data:text/html;base64,PHNjcmlwdD4=", "data:text/html;base64,PHNjcmlwdD4="),
        ("//evil.example/x", "//evil.example/x"),
        ("https:///no-host", "https:///no-host"),
    ],
)
def test_only_http_urls_become_links(url, expected, write):
    report = write("markdown", [Article(id="a", title="T", url=url)])

    assert f"**URL:** {expected} · **ID:** a\n" in report


def test_markdown_syntax_in_text_stays_text(write):
    text = (
        "# Not a heading\n"
        "1. Not a list\n"
        "2) Nor this\n"
        "- Nor this\n"
        "+ Nor this\n"
        "    not code\n"
        "```\n"
        "Setext?\n"
        "===\n"
        "***bold*** _under_ `code` ~~strike~~ a|b {x}\n"
        "> not a quote"
    )
    report = write("markdown", [Article(id="a", text=text)])

    assert report.split("### Text\n\n")[1] == (
        "\\# Not a heading\n"
        "1\\. Not a list\n"
        "2\\) Nor this\n"
        "\\- Nor this\n"
        "\\+ Nor this\n"
        "not code\n"
        "\\`\\`\\`\n"
        "Setext?\n"
        "&#61;==\n"
        "\\*\\*\\*bold\\*\\*\\* \\_under\\_ \\`code\\` "
        "&#126;&#126;strike&#126;&#126; a&#124;b \\{x\\}\n"
        "&gt; not a quote\n"
    )


def test_normal_prose_is_left_as_written(write):
    prose = (
        "Anna Müller — the minister — said “we will act” on Monday (June 27, 2023).\n\n"
        "Growth was 3.5% in Q2; the U.S. dollar fell 0.4 per cent, to $1.08. Why? "
        "Officials didn't say: “no comment.”"
    )
    report = write("markdown", [Article(id="a", text=prose)])

    assert report.endswith(f"### Text\n\n{prose}\n")


def _renderers():
    """The Markdown renderers installed, each set up to pass raw HTML through."""
    found = []
    try:
        markdown_it = importlib.import_module("markdown_it")
        parser = markdown_it.MarkdownIt("commonmark", {"html": True})
        found.append(pytest.param(parser.render, id="markdown-it"))
    except ImportError:
        found.append(pytest.param(None, id="markdown-it", marks=pytest.mark.skip("not installed")))
    try:
        markdown = importlib.import_module("markdown")
        extensions = [f"markdown.extensions.{e}" for e in ("attr_list", "tables", "def_list")]
        found.append(
            pytest.param(lambda s: markdown.markdown(s, extensions=extensions), id="markdown")
        )
    except ImportError:
        found.append(pytest.param(None, id="markdown", marks=pytest.mark.skip("not installed")))
    return found


@pytest.mark.parametrize("render", _renderers())
def test_rendered_report_has_no_live_markup(render, write):
    report = write("markdown", [_hostile_article()])

    rendered = render(report)

    tags = re.findall(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)([^>]*)>", rendered)
    assert {name.lower() for _, name, _ in tags} <= {"h2", "h3", "p", "ul", "li", "strong", "hr"}
    assert all(attributes.strip() in ("", "/") for _, _, attributes in tags)  # no href, no src
    assert "<!--" not in rendered
    text = html.unescape(re.sub(r"<[^>]+>", "", rendered))
    assert SCRIPT in text
    assert IMG in text
    assert "javascript:alert(1)" in text


# -- the escaping helpers, for any text -------------------------------------------------

_ESCAPE = re.compile(r"\\[\\`*_{}\[\]#+!\-.)]|&(?:lt|gt|amp|#\d+);")
_BLOCK_START = re.compile(r"^(?:[\s#+\-=:!>*_`~|<]|\d+[.)])")


def _unescape(markdown: str) -> str:
    return html.unescape(re.sub(r"\\(.)", r"\1", markdown))


@given(st.text())
def test_paragraphs_leave_no_markup_and_lose_no_text(text):
    escaped = paragraphs(text)

    bare = _ESCAPE.sub("", escaped)
    assert not set(bare) & set("<>&[]*_`{}\\~|")
    for line in escaped.split("\n"):
        assert not _BLOCK_START.match(line), line
    want = [line.strip() for line in text.splitlines() if line.strip()]
    assert [line for line in _unescape(escaped).split("\n") if line] == want


@given(st.text(), st.lists(st.text(min_size=1, max_size=8), max_size=3))
def test_emphasis_and_headings_leave_no_markup(text, terms):
    for escaped in (emphasize(text, terms), heading_text(text)):
        bare = _ESCAPE.sub("", escaped).replace("**", "")
        assert "\n" not in bare
        assert not set(bare) & set("<>&[]*_`{}\\~|")
        assert escaped.startswith("**") or not _BLOCK_START.match(escaped)
        assert " ".join(_unescape(escaped.replace("**", "")).split()) == " ".join(text.split())
