"""The html page: its structure, escaping of hostile content, streaming, empty input.

The writer's output is well-formed XML as well as HTML5, so the tests read it with
``xml.etree`` and query it like a tree.
"""

from __future__ import annotations

import io
import re
import tracemalloc
import xml.etree.ElementTree as ET
from datetime import datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

import newskit_formats._html as html_format
from newskit import Article, Category, Evidence, Problem, Removal, Source
from newskit_formats._html import CSP, write_html

SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"
QUOTE_BREAK = "x\" onmouseover='alert(1)' y=\""
TAGS = {
    "html", "head", "meta", "title", "style", "body", "header", "h1", "main", "nav",
    "details", "summary", "ol", "ul", "li", "a", "article", "h2", "h3", "p", "span",
    "strong", "time", "mark", "blockquote", "section", "div", "footer",
}  # fmt: skip


def _render(articles: list[Article]) -> str:
    stream = io.StringIO()
    write_html(iter(articles), stream)
    return stream.getvalue()


def _tree(page: str) -> ET.Element:
    assert page.startswith("<!DOCTYPE html>\n")
    return ET.fromstring(page)


def _text(element: ET.Element | None) -> str:
    assert element is not None
    return " ".join("".join(element.itertext()).split())


def _articles(root: ET.Element) -> list[ET.Element]:
    return root.findall("./body/main/article")


def test_head_is_standalone_with_a_strict_policy(make_article):
    root = _tree(_render([make_article()]))

    metas = [m.attrib for m in root.iter("meta")]
    assert metas[0] == {"charset": "utf-8"}
    assert {"http-equiv": "Content-Security-Policy", "content": CSP} in metas
    assert CSP.startswith("default-src 'none'; style-src 'unsafe-inline'; img-src data:")
    assert root.findtext("./head/title") == "News report"
    style = root.findtext("./head/style") or ""
    assert "@media (prefers-color-scheme:dark)" in style
    assert "@media print" in style
    assert "system-ui" in style
    assert "max-width:44rem" in style  # a readable line length
    # No script, no external asset of any kind.
    assert not {"script", "link", "img", "iframe", "object"} & {e.tag for e in root.iter()}
    assert not any("src" in e.attrib for e in root.iter())
    assert not re.search(r"url\(|@import|https?:", style)


def test_an_article_shows_every_part_in_reading_order(make_article):
    root = _tree(_render([make_article()]))

    (article,) = _articles(root)
    assert article.get("id") == "article-1"
    assert _text(article.find("./header/h2")) == "Müller — “Elites” and the economy"
    assert article.find("./header/h2").get("lang") == "en"
    byline = [_text(s) for s in article.findall("./header/p[@class='byline']/span")]
    assert byline == [
        "Example News (example.com)",
        "2023-06-27",
        "By Anna Müller, Jean Dupont",
        "Language: en",
        "https://example.com/world/2023/06/27/elites",
        "ID: art-1",
    ]
    assert article.find(".//time").get("datetime") == "2023-06-27"
    badges = article.findall("./header/ul[@class='badges']/li")
    assert [(b.get("class"), _text(b)) for b in badges] == [
        ("badge yes", "populism 0.81 yes"),
        ("badge no", "economy 0.25 no"),
        ("badge tag", "World section"),
    ]
    evidence = article.find("./header/details[@class='evidence']")
    assert [_text(q) for q in evidence.iter("blockquote")] == [
        "Elites betrayed the people, said Anna Müller — “quote”.",
        "The U.S. economy grew 3.5% in 2023, according to Reuters.",
    ]
    assert [m.text for m in evidence.iter("mark")] == ["Elites", "betrayed", "economy"]
    # Then the body, section by section.
    sections = [c.get("class") or c.tag for c in article if c.tag != "header"]
    assert sections == ["cited", "summary", "text", "removed", "problems"]
    cited = article.find("./section[@class='cited']/ul/li")
    assert _text(cited).startswith("Reuters (wire; reuters.com) https://www.reuters.com/")
    assert cited.find("a").attrib == {
        "class": "url",
        "href": "https://www.reuters.com/",
        "rel": "noopener noreferrer nofollow",
    }
    assert _text(cited.find("details/summary")) == "1 citing passage"
    assert [m.text for m in cited.iter("mark")] == ["Reuters"]
    summary = article.find("./section[@class='summary']")
    assert [_text(p) for p in summary.findall("p")] == ["Elites betrayed the people, Müller says."]
    paragraphs = article.findall("./div[@class='text']/p")
    assert [p.text for p in paragraphs] == [
        "Elites betrayed the people, said Anna Müller — “quote”.",
        "The U.S. economy grew 3.5% in 2023, according to Reuters.",
    ]
    removed = article.find("./details[@class='removed']")
    assert _text(removed.find("summary")) == "Removed by cleaning (2)"
    assert [(p.get("class"), _text(p)) for p in article.findall("./section/ul/li[@class]")] == [
        ("error", "Error in economy: lexicon timed out"),
        ("warning", "Warning in summarize: text is short"),
    ]


def test_body_paragraphs_are_split_on_blank_lines():
    text = "One\nstill one.\n\n\n  Two.  \n \t \nThree\u2028same\r\nparagraph.\n\n"
    (article,) = _articles(_tree(_render([Article(id="a", text=text)])))

    paragraphs = [p.text for p in article.findall("./div[@class='text']/p")]
    assert paragraphs == ["One\nstill one.", "Two.", "Three\nsame\nparagraph."]


def test_an_aware_datetime_keeps_its_offset(make_article):
    published = datetime(2023, 6, 27, 14, 5, 9, tzinfo=timezone(timedelta(hours=-4)))
    root = _tree(_render([make_article(published=published)]))

    time = root.find(".//article//time")
    assert time.get("datetime") == "2023-06-27T14:05:09-04:00"
    assert time.text == "2023-06-27 14:05-04:00"


def test_a_sparse_article_and_an_error_record(make_article):
    sparse = Article(id="page_7.html", text="Just a body.")
    root = _tree(_render([sparse, Article.failure("x.txt", "x.txt: empty file")]))

    first, failed = _articles(root)
    assert [c.tag for c in first] == ["header", "div"]
    assert _text(first.find("header/h2")) == "page_7.html"
    assert failed.get("class") == "failed"
    assert _text(failed.find("p[@class='notice']")).startswith("This input could not be read")
    assert _text(failed.find("section/ul/li")) == "Error in read: x.txt: empty file"
    assert _text(root.find("./body/footer")).startswith("2 articles, 1 of them could not be read.")


def test_several_articles_get_a_table_of_contents(articles):
    page = _render(articles)
    root = _tree(page)

    assert [a.get("id") for a in _articles(root)] == ["article-1", "article-2", "article-3"]
    toc = root.find("./body/nav[@class='toc']")
    assert _text(toc.find("details/summary")) == "Contents: 3 articles"
    assert toc.find("details").get("open") == ""
    links = [(a.get("href"), _text(a)) for a in toc.iter("a")]
    title = "Müller — “Elites” and the economy"
    assert links == [("#article-1", title), ("#article-2", title), ("#article-3", "x")]
    # Written after the articles (they stream), shown at the top by the style sheet.
    assert [c.tag for c in root.find("body")] == ["header", "main", "nav", "footer"]
    assert ".toc{order:-1}" in page


def test_one_article_has_no_table_of_contents(make_article):
    root = _tree(_render([make_article()]))

    assert root.find(".//nav") is None


def test_a_long_table_of_contents_starts_folded():
    items = [Article(id=f"a{i}", title=f"T{i}") for i in range(html_format.TOC_OPEN_UP_TO + 1)]
    root = _tree(_render(items))

    assert root.find("./body/nav/details").get("open") is None


def test_no_articles_gives_a_valid_page_that_says_so():
    root = _tree(_render([]))

    assert _articles(root) == []
    assert _text(root.find("./body/main")) == "No articles."
    assert root.find(".//nav") is None
    assert _text(root.find("./body/footer")).startswith("0 articles.")


def _hostile_article() -> Article:
    evidence = Evidence(text=f"{SCRIPT} said {IMG}", terms=["said", "<img", "script"])
    return Article(
        id="evil",
        url="javascript:alert(1)",
        title=f"</title>{SCRIPT}<!-- {QUOTE_BREAK}",
        text=f"{SCRIPT}\n\n{IMG}\n<iframe srcdoc='{SCRIPT}'></iframe>\n\n</style><!--\u2028-->",
        summary=f"<svg onload=alert(1)> {QUOTE_BREAK}",
        source=Source(name=f"</style>{IMG}", domain=QUOTE_BREAK),
        cited_sources=[
            Source(name=SCRIPT, kind="outlet", url="JaVaScRiPt:alert(1)", evidence=[evidence]),
            Source(name="Q", url=f"https://evil.example/{QUOTE_BREAK}<b>&amp;"),
        ],
        authors=[SCRIPT, f"{QUOTE_BREAK}\x00\x1b\x7f\ud800"],
        language='en" onclick="alert(1)',
        categories=[Category(name=IMG, scheme=QUOTE_BREAK, score=1.0, evidence=[evidence])],
        removed=[Removal(text=SCRIPT, reason=IMG, step="</details>")],
        warnings=[Problem(step=QUOTE_BREAK, message="<!--")],
        errors=[Problem(step="</section>", message=f"{SCRIPT}\u2029{IMG}")],
    )


def test_hostile_content_stays_text(make_article):
    page = _render([_hostile_article(), make_article()])

    for raw in ("<script", "<img", "<svg", "<iframe", "<!--", "\u2028", "\u2029", "\x00"):
        assert raw not in page
    assert "\x1b" not in page
    assert page.count("</style>") == 1  # the page's own
    assert page.count("</title>") == 1
    assert "&lt;/style&gt;&lt;img src=x onerror=alert(1)&gt;" in page
    assert "x&quot; onmouseover=&#x27;alert(1)&#x27; y=&quot;" in page
    root = _tree(page)
    assert {e.tag for e in root.iter()} <= TAGS
    attributes = {name for e in root.iter() for name in e.attrib}
    assert attributes <= {"lang", "charset", "http-equiv", "name", "content", "id", "class"} | {
        "href", "rel", "title", "datetime", "aria-labelledby", "open"
    }  # fmt: skip
    hrefs = [a.get("href") for a in root.iter("a")]
    assert hrefs == [
        "https://evil.example/x%22%20onmouseover=%27alert(1)%27%20y=%22%3Cb%3E&amp;",
        "https://example.com/world/2023/06/27/elites",
        "https://www.reuters.com/",
        "#article-1",
        "#article-2",
    ]
    evil = _articles(root)[0]
    assert _text(evil.find("header/h2")) == f"</title>{SCRIPT}<!-- {QUOTE_BREAK}"
    assert evil.find("header/h2").get("lang") is None  # not a language tag: left out
    assert evil.find(".//li[@title]").get("title") == f"scheme: {QUOTE_BREAK}"
    byline = _text(evil.find("header/p"))
    assert "javascript:alert(1)" in byline  # shown, not linked
    assert f"By {SCRIPT}, {QUOTE_BREAK}\ufffd" in byline  # controls gone, surrogate replaced
    assert [p.text for p in evil.findall("div[@class='text']/p")] == [
        SCRIPT,
        f"{IMG}\n<iframe srcdoc='{SCRIPT}'></iframe>",
        "</style><!--\n-->",
    ]
    marks = [m.text for m in evil.iter("mark")]
    assert set(marks) == {"said", "<img", "script"}
    assert _text(evil.find(".//li[@class='error']")) == f"Error in </section>: {SCRIPT} {IMG}"


@pytest.mark.parametrize(
    ("url", "href"),
    [
        ("https://example.com/a?b=1&c=2#top", "https://example.com/a?b=1&c=2#top"),
        ("  HTTP://example.com/x  ", "HTTP://example.com/x"),
        ("https://example.com/a b>c<d\"e'f", "https://example.com/a%20b%3Ec%3Cd%22e%27f"),
        ("https://example.com/Müller", "https://example.com/M%C3%BCller"),
        ("javascript:alert(1)", None),
        ("java\tscript:alert(1)", None),
        (" javascript:alert(1)", None),
        ("vbscript:msgbox", None),
        ("data:text/html;base64,PHNjcmlwdD4=", None),
        ("//evil.example/x", None),
        ("https:///no-host", None),
        ("/relative/path", None),
    ],
)
def test_only_http_urls_become_links(url, href):
    (article,) = _articles(_tree(_render([Article(id="a", title="T", url=url)])))

    links = article.findall(".//a")
    if href is None:
        assert links == []
        assert " ".join(url.split()) in _text(article.find("header/p"))
    else:
        assert [a.get("href") for a in links] == [href]
        assert links[0].get("rel") == "noopener noreferrer nofollow"


@given(st.text(st.characters(exclude_categories=("Cs", "Cc", "Cn", "Co"))))
def test_any_text_round_trips_as_text(text):
    article = Article(id="id", title=text, text=text, summary=text, authors=[text])
    root = _tree(_render([article]))

    (element,) = _articles(root)
    assert _text(element.find("header/h2")) == (" ".join(text.split()) or "id")
    paragraphs = [" ".join(p.text.split()) for p in element.findall("div/p")]
    blocks = re.split(r"\n\s*\n", "\n".join(line.strip() for line in text.splitlines()))
    assert paragraphs == [" ".join(b.split()) for b in blocks if b.strip()]


@given(st.text())
def test_any_characters_give_well_formed_utf8(text):
    page = _render([Article(id=text, title=text, text=text, language=text)])

    _tree(page)
    page.encode("utf-8")  # no lone surrogates


def test_each_article_is_written_before_the_next_is_pulled(
    make_article, recording_stream, lazy_source
):
    items = [make_article(id=f"id-{i}", title=f"Story number {i}") for i in range(3)]
    source = lazy_source(items, recording_stream)

    write_html(iter(source), recording_stream)

    assert source.exhausted
    assert source.seen[0].startswith("<!DOCTYPE html>")
    assert CSP in source.seen[0]
    assert source.seen[0].rstrip().endswith("<main>")
    for i, seen in enumerate(source.seen):
        assert seen.count("<article ") == i
        assert all((f"Story number {j}</h2>" in seen) == (j < i) for j in range(3))
    _tree(recording_stream.getvalue())


def test_an_error_midway_keeps_what_was_written_and_says_so(make_article, recording_stream):
    def generate():
        yield make_article(id="first", title="First story")
        raise RuntimeError("the reader broke")

    with pytest.raises(RuntimeError, match="the reader broke"):
        write_html(generate(), recording_stream)

    root = _tree(recording_stream.getvalue())
    assert _text(_articles(root)[0].find("header/h2")) == "First story"
    assert "an error stopped it after 1 article(s)" in _text(
        root.find("./body/main/p[@class='notice']")
    )


class _Sink(io.TextIOBase):
    def __init__(self) -> None:
        self.chars = 0

    def write(self, text: str) -> int:
        self.chars += len(text)
        return len(text)


def _peak(count: int) -> int:
    def generate():
        for i in range(count):
            yield Article(id=f"id-{i}", title=f"Story {i} " * 5, text="Body text. " * 40)

    tracemalloc.start()
    try:
        write_html(generate(), _Sink())
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_memory_does_not_grow_with_the_number_of_articles(monkeypatch):
    monkeypatch.setattr(html_format, "_SPOOL_BYTES", 16_384)  # the table of contents spills

    small, large = _peak(2_000), _peak(6_000)

    # Holding the table of contents in memory would add about 500 kB here.
    assert large < small + 100_000, (small, large)


def test_registered_as_the_html_format(formats):
    fmt = formats["html"]

    assert fmt.write is write_html
    assert ".html" in fmt.extensions
    assert not fmt.binary
