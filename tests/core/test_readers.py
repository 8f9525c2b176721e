from __future__ import annotations

import gzip
import json
from datetime import date, datetime, timezone

import pytest

import newskit
from newskit import Article, Input
from newskit.inputs import input_from_bytes
from newskit.readers import choose_reader, html_to_text, read_input
from newskit.testing import plugin_manager

READERS = plugin_manager().readers


def read_bytes(data: bytes, name: str = "page", url: str | None = None) -> list[Article]:
    inp = input_from_bytes(data, name=name, url=url, extensions=(".html", ".txt", ".jsonl"))
    return list(read_input(inp, READERS))


def only(articles: list[Article]) -> Article:
    assert len(articles) == 1, articles
    return articles[0]


def error_of(articles: list[Article]) -> str:
    article = only(articles)
    assert article.failed, article
    return article.errors[0].message


# -- HTML -----------------------------------------------------------------------------


def test_html_page_gives_body_and_metadata(fixtures):
    article = only(list(newskit.read(fixtures / "news-page.html")))
    assert article.id == "news-page"
    assert article.title == "Harbour strike ends after six weeks"
    assert "Dock workers at the port of Easthaven voted on Thursday" in article.text
    assert "“It was never only about money,” said the union’s regional secretary" in article.text
    for furniture in (
        "Most read",
        "Council approves budget",
        "All rights reserved",
        "do not keep me",
        "color:red",
    ):
        assert furniture not in article.text
    assert (
        article.url == "https://www.coastalcourier.example/business/2024/03/14/harbour-strike-ends/"
    )
    assert (article.source.name, article.source.domain) == (
        "The Coastal Courier",
        "coastalcourier.example",
    )
    assert article.authors == ("Jane Okafor", "Tomás Ruiz")
    assert article.published == datetime(2024, 3, 14, 9, 30, tzinfo=timezone.utc)
    assert article.language == "en"
    assert [(c.name, c.scheme) for c in article.categories] == [
        ("Business", "section"), ("Labour", "tag"), ("Ports", "tag")
    ]  # fmt: skip
    assert article.meta["description"] == "Dock workers return on Monday."


def test_html_text_breaks_between_blocks_and_never_glues_words():
    html = "<div><p>First para<b>graph</b> ends.</p><p>Second</p><ul><li>one</li><li>two</li></ul>tail<br>after</div>"
    root = __import__("lxml.html").html.fromstring(html)
    assert html_to_text(root) == "First paragraph ends.\n\nSecond\n\none\n\ntwo\n\ntail\n\nafter"


def test_html_title_loses_the_site_name_suffix():
    html = b"<html><head><title>Rates held at 5% | Daily Ledger</title><meta property='og:site_name' content='Daily Ledger'></head><body><p>The central bank held rates at five per cent on Wednesday, citing sticky inflation in services.</p></body></html>"
    assert only(read_bytes(html, "x.html")).title == "Rates held at 5%"


def test_a_page_with_no_text_gives_an_empty_body_and_a_warning_naming_it():
    article = only(
        read_bytes(b"<html><head></head><body><script>x</script></body></html>", "bare.html")
    )
    assert not article.failed
    assert article.text == ""
    assert [w.message for w in article.warnings if w.step == "read"] == [
        "bare.html: no article found: 0 words of article text, fewer than 10 "
        "(an index page, a login wall or a frameset?)"
    ]


# -- text and encodings -----------------------------------------------------------------


def test_text_dump_is_kept_whole_for_the_cleaners(seed_path):
    article = only(list(newskit.read(seed_path)))
    assert article.id == "atlas-mali"
    assert article.text == seed_path.read_text(encoding="utf-8")
    assert article.title is None and article.source is None  # no URL given


def test_url_gives_publisher_date_and_section(seed_path):
    from tests.conftest import SEED_URL

    article = only(list(newskit.read(seed_path, url=SEED_URL)))
    assert article.source.domain == "theatlasnews.co"
    assert article.published == date(2023, 6, 27)
    assert [(c.name, c.scheme) for c in article.categories] == [("conflict", "section")]


TEXT = "Zoë said “café” costs €3 — naïve façade."


@pytest.mark.parametrize(
    "data",
    [
        TEXT.encode("utf-8"),
        b"\xef\xbb\xbf" + TEXT.encode("utf-8"),
        b"\xff\xfe" + TEXT.encode("utf-16-le"),
        b"\xfe\xff" + TEXT.encode("utf-16-be"),
        TEXT.encode("cp1252"),
    ],
    ids=["utf-8", "utf-8-bom", "utf-16-le-bom", "utf-16-be-bom", "cp1252-undeclared"],
)
def test_text_encodings_decode_without_mojibake(data):
    assert only(read_bytes(data, "note.txt")).text == TEXT


def _page(charset: str, body: str) -> str:
    return f'<html><head><meta charset="{charset}"><title>T</title></head><body><p>{body} This paragraph is long enough to be the article body of the page.</p></body></html>'


def test_html_declared_charset_is_used():
    body = "Стратегія уряду"
    page = _page("windows-1251", body).encode("cp1251")
    assert body in only(read_bytes(page, "ua.html")).text


def test_a_false_latin1_declaration_on_utf8_bytes_does_not_make_mojibake():
    page = _page("iso-8859-1", "Müller’s “plan”").encode("utf-8")
    text = only(read_bytes(page, "liar.html")).text
    assert "Müller’s “plan”" in text and "Ã" not in text


def test_latin1_declaration_reads_as_windows_1252_like_browsers():
    page = _page("iso-8859-1", "“smart quotes” cost €5").encode("cp1252")
    assert "“smart quotes” cost €5" in only(read_bytes(page, "w.html")).text


# -- JSONL --------------------------------------------------------------------------------


def test_jsonl_minimal_and_full_records(fixtures):
    full = Article(
        id="full", title="T", text="Body text.", authors=["A"], published=date(2024, 1, 1)
    )
    html = (
        "<html><body><p>"
        + "Readable paragraph of a web page with enough words to count as the body. " * 2
        + "</p></body></html>"
    )
    lines = [
        json.dumps({"id": "t1", "text": "Just a body."}),
        json.dumps({"id": "t2", "title": "Headline", "text": "Body."}),
        json.dumps({"id": "h1", "html": html, "url": "https://news.example/politics/2024/02/03/x"}),
        json.dumps(full.to_dict()),
        "",
        json.dumps({"text": "no id given"}),
    ]
    articles = read_bytes("\n".join(lines).encode(), "batch.jsonl")
    assert [a.id for a in articles] == ["t1", "t2", "h1", "full", "batch:6"]
    assert articles[1].title == "Headline"
    assert "Readable paragraph of a web page" in articles[2].text
    assert articles[2].published == date(2024, 2, 3)  # from the record's URL
    assert articles[3] == full


def test_a_bad_jsonl_line_is_an_error_record_and_the_rest_go_on():
    data = b'{"id": "a", "text": "fine"}\n{"id": "b", "text": \n[1, 2]\n{"id": "d", "colour": "red"}\n{"id": "e", "text": "fine too"}\n'
    articles = read_bytes(data, "feed.jsonl")
    assert [a.id for a in articles] == ["a", "feed:2", "feed:3", "d", "e"]
    assert [a.failed for a in articles] == [False, True, True, True, False]
    assert (
        articles[1]
        .errors[0]
        .message.startswith("feed.jsonl line 2: not valid JSON (Expecting value")
    )
    assert articles[2].errors[0].message == "feed.jsonl line 3: expected a JSON object, got list"
    assert (
        "feed.jsonl line 4" in articles[3].errors[0].message
        and "colour" in articles[3].errors[0].message
    )


def test_json_array_reads_back():
    records = [Article(id="x", text="one").to_dict(), Article(id="y", text="two").to_dict()]
    articles = read_bytes(json.dumps(records).encode(), "out.json")
    assert [a.text for a in articles] == ["one", "two"]


# -- choosing a reader ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"<!DOCTYPE html><html><body><p>x</p></body></html>", "html"),
        (b"  <html><p>x</p></html>", "html"),
        (b'{"id": "a", "text": "x"}\n', "jsonl"),
        (b"Plain words on a line.\nAnother line.", "text"),
        (b"<3 is a heart, not a tag", "text"),
    ],
)
def test_content_sniffing_without_an_extension(data, expected):
    inp = Input(id="x", name="x", data=data)
    assert choose_reader(inp, READERS).name == expected


def test_extension_decides_before_sniffing():
    inp = Input(id="x", name="x.txt", data=b"<html><p>hi</p></html>", extension=".txt")
    assert choose_reader(inp, READERS).name == "text"


def test_gzip_is_read_transparently(seed_path):
    data = gzip.compress(seed_path.read_bytes())
    article = only(read_bytes(data, "atlas-mali.txt.gz"))
    assert article.id == "atlas-mali"
    assert article.text.startswith("UN to End Peacekeeping Mission in Mali")


# -- bad input --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "name", "problem"),
    [
        (b"", "empty.txt", "empty.txt: empty input"),
        (b"  \n\n ", "blank.txt", "blank.txt: empty input"),
        (b"\x00\x01\x02binary\x00stuff", "blob.txt", "blob.txt: binary data"),
        (b"%PDF-1.7\n...", "paper.txt", "paper.txt: this is a PDF document"),
        (b"\x89PNG\r\n\x1a\n", "pic.html", "pic.html: this is a PNG image"),
        (b"\x1f\x8b\x08\x00garbage", "bad.txt.gz", "bad.txt.gz: not a valid gzip file"),
        (b"\x7f\x03" * 300 + b"text", "ctrl.txt", "ctrl.txt: binary data"),
    ],
)
def test_bad_input_gives_a_message_naming_input_and_problem(data, name, problem):
    from newskit.errors import InputError

    try:
        message = error_of(read_bytes(data, name))
    except InputError as exc:  # raised while loading (gzip) rather than reading
        message = str(exc)
    assert message.startswith(problem)


def test_a_failing_reader_becomes_an_error_record():
    class Flaky:
        @newskit.hookimpl
        def newskit_register_readers(self):
            def read(inp):
                yield Article(id="first", text="ok")
                raise RuntimeError("parser crashed")

            return [newskit.Reader(name="flaky", read=read, extensions=[".flaky"])]

    pm = plugin_manager(("flaky", Flaky()))
    inp = Input(id="f", name="f.flaky", data=b"data", extension=".flaky")
    articles = list(read_input(inp, pm.readers))
    assert [a.id for a in articles] == ["first", "f"]
    assert (
        articles[1].errors[0].message
        == "f.flaky: reader 'flaky' failed: RuntimeError: parser crashed"
    )


@pytest.mark.parametrize(
    ("title", "url", "expected"),
    [
        ("Markets rally - BBC News", "https://www.bbc.co.uk/news/x", "Markets rally"),
        (
            "Kyiv hit by missiles - live updates",
            "https://www.bbc.co.uk/news/x",
            "Kyiv hit by missiles - live updates",
        ),
        (
            "Storm warning | Daily Ledger",
            "https://ledger.example/x",
            "Storm warning | Daily Ledger",
        ),
        ("Storm warning | Ledger", "https://ledger.example/x", "Storm warning"),
    ],
)
def test_title_suffix_is_stripped_only_when_it_names_the_site(title, url, expected):
    html = f"<html><head><title>{title}</title></head><body><p>{'A long enough paragraph of body text. ' * 4}</p></body></html>"
    assert only(read_bytes(html.encode(), "t.html", url=url)).title == expected


def test_an_html_record_with_a_bad_field_names_the_line_and_field():
    data = b'{"id": "h", "html": "<p>x</p>", "title": 5}\n{"id": "g", "html": null}\n'
    articles = read_bytes(data, "pages.jsonl")
    assert [a.errors[0].message for a in articles] == [
        "pages.jsonl line 1: title must be a string",
        "pages.jsonl line 2: html must be a string",
    ]


def test_a_dumps_language_comes_from_its_prose_not_its_menus():
    dump = (
        "Home\nWorld\nBusiness\nSubscribe to our newsletter\nSign in\n"
        "Le conseil municipal a voté mardi la fermeture du vieux pont du port aux camions, "
        "après que des ingénieurs ont trouvé des fissures dans deux de ses poutres.\n"
        "La circulation sera déviée pendant au moins six mois, a indiqué la mairie.\n"
        "Share on Facebook\nMost read\n"
    )
    assert only(read_bytes(dump.encode(), "pont.txt")).language == "fr"
    assert only(read_bytes(b"Home\nNews\nSport\n", "menu.txt")).language is None
