"""Bad HTML input (issue 3): each page ends quickly as an article, never as a crash.

A page without an article gives an empty body and a ``read`` warning that names the
input. A page with an article whose bytes lie about their charset, or that starts with
an XML declaration, gives the article's words, spelled right.
"""

from __future__ import annotations

import pytest

import newskit
from newskit import Article
from newskit.inputs import MAX_INPUT_BYTES, input_from_bytes
from newskit.readers import read_input
from newskit.readers._decode import declared_html_charset, decode
from newskit.testing import plugin_manager

READERS = plugin_manager().readers

ARTICLE_WORDS = (
    "The harbour strike ended on Thursday after six weeks, when dock workers voted to "
    "accept a new pay offer from the port authority, union officials said.",
    "The café owners near the quay said “trade” would recover within days — Zoë Martin "
    "expected €5,000 in lost takings — and the ships waiting offshore began to move in.",
    "The authority said the naïve hope of a quick deal had faded in the first week, but "
    "talks resumed when the regional government offered to mediate between the sides.",
)


def _article_page(head: str = "", prolog: str = "") -> str:
    paragraphs = "".join(f"<p>{words}</p>" for words in ARTICLE_WORDS)
    return (
        f"{prolog}<html><head>{head}<title>Harbour strike ends</title></head><body>"
        f"<article><h1>Harbour strike ends</h1>{paragraphs}</article></body></html>"
    )


def _read(data: bytes, name: str) -> Article:
    inp = input_from_bytes(data, name=name, extensions=tuple(READERS["html"].extensions))
    articles = list(read_input(inp, READERS))
    assert len(articles) == 1, articles
    return articles[0]


def _assert_empty_with_warning(article: Article, name: str) -> None:
    assert not article.failed, article.errors
    assert article.text == ""
    messages = [w.message for w in article.warnings if w.step == "read"]
    assert messages, f"no 'read' warning on {article!r}"
    assert any(name in message for message in messages), messages


def _assert_article_words(article: Article) -> None:
    assert not article.failed, article.errors
    for words in ARTICLE_WORDS:
        assert words in article.text
    for mojibake in ("Ã", "â€", "ï¿½", "\ufffd", "ﾃ", "ķ"):
        assert mojibake not in article.text


# -- no article ---------------------------------------------------------------------------


def test_an_index_page_of_links_gives_an_empty_body_and_a_warning():
    items = "".join(
        f'<li><a href="/news/2024/03/{i}/story">Headline of story number {i} today</a></li>'
        for i in range(80)
    )
    page = f"<html><head><title>Home</title></head><body><ul>{items}</ul></body></html>"
    _assert_empty_with_warning(_read(page.encode(), "index.html"), "index.html")


def test_a_login_wall_gives_an_empty_body_and_a_warning():
    page = (
        "<html><head><title>Sign in</title></head><body><h1>Please sign in</h1>"
        "<p>Subscribers only.</p>"
        '<form action="/login" method="post"><label>Email <input name="email"></label>'
        '<label>Password <input type="password" name="pw"></label>'
        "<button>Sign in</button></form></body></html>"
    )
    _assert_empty_with_warning(_read(page.encode(), "login.html"), "login.html")


def test_a_login_wall_read_from_a_file_warns_with_its_path(tmp_path):
    path = tmp_path / "wall.html"
    path.write_bytes(
        b"<html><body><h1>Please sign in</h1><form><input name='user'>"
        b"<button>Sign in</button></form></body></html>"
    )
    [article] = list(newskit.read(path))
    _assert_empty_with_warning(article, "wall.html")


def test_a_20_mb_page_gives_an_empty_body_and_a_warning():
    block = (
        '<div class="teaser"><a href="/news/story">A headline in the list</a>'
        "<span>Short teaser.</span></div>\n"
    )
    size = 20 * 1024 * 1024
    page = "<html><head><title>All stories</title></head><body>"
    page += block * (size // len(block) + 1) + "</body></html>"
    data = page.encode()
    assert size <= len(data) < MAX_INPUT_BYTES
    _assert_empty_with_warning(_read(data, "huge.html"), "huge.html")


def test_a_20_mb_inline_script_does_not_hide_the_article():
    # libxml2 stops at a text node over 10 MB unless told the tree may be huge.
    blob = '<script>window.__DATA__ = "' + "x" * (20 * 1024 * 1024) + '";</script>'
    _assert_article_words(_read(_article_page(head=blob).encode(), "bigscript.html"))


def test_an_article_nested_300_deep_is_read():
    # libxml2 stops at depth 256 unless told the tree may be huge, and says nothing.
    page = _article_page().replace("<article>", "<div>" * 300 + "<article>")
    _assert_article_words(_read(page.encode(), "nested.html"))


def test_tags_nested_100_000_deep_give_an_empty_body_and_a_warning():
    data = ("<div>" * 100_000 + "text" + "</div>" * 100_000).encode()
    _assert_empty_with_warning(_read(data, "deep.html"), "deep.html")


def test_a_frameset_page_gives_an_empty_body_and_a_warning():
    page = (
        "<html><head><title>Frames</title></head>"
        '<frameset cols="30%,70%"><frame src="menu.html"><frame src="story.html">'
        "</frameset></html>"
    )
    article = _read(page.encode(), "frames.html")
    _assert_empty_with_warning(article, "frames.html")
    assert "frameset" in article.warnings[0].message
    assert "menu.html, story.html" in article.warnings[0].message


# -- an article under a lie or a prolog -------------------------------------------------


@pytest.mark.parametrize(
    ("head", "prolog", "encoding"),
    [
        ('<meta charset="utf-8">', "", "cp1252"),
        ('<meta http-equiv="Content-Type" content="text/html; charset=UTF-8">', "", "cp1252"),
        ('<meta charset="shift_jis">', "", "utf-8"),
        ('<meta charset="euc-kr">', "", "utf-8"),
        ('<meta charset="windows-1251">', "", "utf-8"),
        ('<meta charset="utf-16">', "", "utf-8"),
        ("", '<?xml version="1.0" encoding="utf-16"?>\n', "utf-8"),
        ("", '<?xml version="1.0" encoding="utf-8"?>\n', "cp1252"),
    ],
    ids=[
        "utf-8-over-cp1252",
        "http-equiv-utf-8-over-cp1252",
        "shift_jis-over-utf-8",
        "euc-kr-over-utf-8",
        "windows-1251-over-utf-8",
        "utf-16-over-utf-8",
        "xml-utf-16-over-utf-8",
        "xml-utf-8-over-cp1252",
    ],
)
def test_a_wrong_declared_charset_still_gives_readable_words(head, prolog, encoding):
    data = _article_page(head, prolog).encode(encoding)
    _assert_article_words(_read(data, "liar.html"))


def test_latin_1_bytes_under_a_utf_8_declaration_read_right():
    page = _article_page('<meta charset="utf-8">').replace("“", '"').replace("”", '"')
    page = page.replace("—", "-").replace("€", "EUR ")
    article = _read(page.encode("latin-1"), "latin1.html")
    assert "The café owners near the quay" in article.text
    assert "Zoë Martin" in article.text and "naïve hope" in article.text


def test_short_words_under_a_false_shift_jis_declaration_are_not_mojibake():
    data = '<meta charset="shift_jis"><p>Lunch at the café on the quay.</p>'.encode()
    assert decode(data, "x", declared=declared_html_charset(data)).endswith(
        "<p>Lunch at the café on the quay.</p>"
    )


@pytest.mark.parametrize(
    "prolog",
    [
        '<?xml version="1.0" encoding="utf-8"?>\n',
        "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\r\n",
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0'
        ' Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">\n',
    ],
    ids=["double-quotes", "single-quotes-standalone", "xhtml-doctype"],
)
def test_an_xml_declaration_before_the_page_keeps_the_article(prolog):
    page = _article_page(prolog=prolog)
    article = _read(page.encode("utf-8"), "xhtml.html")
    _assert_article_words(article)
    assert article.title == "Harbour strike ends"


def test_an_xhtml_namespace_keeps_the_article():
    page = _article_page(prolog='<?xml version="1.0" encoding="utf-8"?>\n').replace(
        "<html>", '<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="en">'
    )
    _assert_article_words(_read(page.encode("utf-8"), "ns.xhtml"))


# -- decoding -----------------------------------------------------------------------------

WESTERN = "Zoë’s café said “closed” — €3 off, naïve façade."


@pytest.mark.parametrize(
    "declared",
    ["shift_jis", "euc-jp", "gbk", "big5", "euc-kr", "koi8-r", "windows-1251", "iso-8859-1"],
)
def test_valid_utf_8_wins_over_any_declared_legacy_charset(declared):
    assert decode(WESTERN.encode("utf-8"), "x", declared=declared) == WESTERN


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        ("日本語のニュース記事です。東京で会議が開かれました。", "shift_jis"),
        ("日本語のニュース記事です。東京で会議が開かれました。", "euc-jp"),
        ("中国新闻报道，北京召开会议。", "gbk"),
        ("정부는 목요일 경제를 위한 새로운 조치를 발표했다.", "euc-kr"),
        ("Стратегія уряду", "windows-1251"),
        (WESTERN, "windows-1252"),
    ],
)
def test_a_true_legacy_declaration_is_still_used(text, encoding):
    assert decode(text.encode(encoding), "x", declared=encoding) == text


@pytest.mark.parametrize("declared", ["utf-16", "UTF-16LE", "utf-32"])
def test_a_utf_16_label_read_from_ascii_bytes_means_utf_8(declared):
    assert decode(WESTERN.encode("utf-8"), "x", declared=declared) == WESTERN
    assert decode(b"plain ascii", "x", declared=declared) == "plain ascii"


def test_x_user_defined_reads_as_windows_1252():
    assert decode(WESTERN.encode("cp1252"), "x", declared="x-user-defined") == WESTERN


@pytest.mark.parametrize("declared", ["utf-8", None])
def test_windows_1252_under_utf_8_or_nothing_is_not_guessed_as_a_dos_code_page(declared):
    # charset-normalizer alone ranks cp775 (DOS Baltic) first here: "cafķ", "Zoļ".
    text = "The café owners said “trade” would recover — Zoë, naïve, €5."
    page = "<html><body>" + f"<p>{text} The strike ended after six weeks.</p>" * 3 + "</body>"
    for value in (text, page, " ".join([WESTERN, *ARTICLE_WORDS])):
        assert decode(value.encode("cp1252"), "x", declared=declared) == value


def test_utf_8_with_a_few_stray_windows_1252_bytes_is_mended_byte_by_byte():
    data = WESTERN.encode("utf-8") + b" Ren" + "é’s".encode("cp1252") + b" \x81end"
    assert decode(data, "x", declared="utf-8") == WESTERN + " René’s \x81end"


def test_windows_1252_with_an_accidental_utf_8_pair_stays_windows_1252():
    text = "Er sagte „Gruß“ und ging – Straße, Bürger, Öffentlichkeit, Maßnahmen für später."
    assert "ß“".encode("cp1252").decode("utf-8")  # one valid UTF-8 pair among many bytes
    assert decode(text.encode("cp1252"), "x", declared="utf-8") == text


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        (
            "Il a dit « Très bien » : façade, naïve, Zoë, déjà vu, crème brûlée, À bientôt…",
            "cp1252",
        ),
        (
            "Regeringen meddelade på torsdagen nya åtgärder för ekonomin, sade talespersonen.",
            "cp1252",
        ),
        ("Don’t say Müller’s “plan” is naïve — it costs €5.", "cp1252"),
        ("Rząd ogłosił w czwartek nowe środki dla gospodarki, żeby złagodzić skutki.", "cp1250"),
        (
            "Vyriausybė ketvirtadienį paskelbė naujas ekonomikos priemones, darbuotojai džiaugėsi.",
            "cp1257",
        ),
        ("Η κυβέρνηση ανακοίνωσε νέα μέτρα για την οικονομία την Πέμπτη.", "cp1253"),
        ("Правительство объявило в четверг о новых мерах для экономики.", "koi8_r"),
    ],
    ids=["french", "swedish", "english", "polish", "lithuanian", "greek", "russian-koi8"],
)
def test_short_undeclared_legacy_text_is_guessed_right(text, encoding):
    # charset-normalizer alone ranks first: cp1257 ("Trčs"), mac_roman ("pÂ"), cp1250
    # ("naďve"), cp1252 ("Rz¹d og³osi³"), which the guess corrects; the rest are guards.
    assert decode(text.encode(encoding), "x") == text
    assert decode(f"<p>{text}</p>".encode(encoding), "x", declared="utf-8") == f"<p>{text}</p>"


def _quote_lead_page(levels_between: int) -> tuple[object, object]:
    """A lead-in paragraph ending in a colon, its quote beside it, and a div nested
    ``levels_between`` levels under the lead-in's wrapper."""
    import lxml.html

    inner = "<div id='deep'><p>Dear chair,</p></div>"
    for _ in range(levels_between):
        inner = f"<div>{inner}</div>"
    page = lxml.html.fromstring(
        "<html><body><div><div id='lead'>"
        f"{inner}<p>The minister wrote to the committee in these words:</p></div>"
        "<div><blockquote>We will not resign.</blockquote></div></div></body></html>"
    )
    return page, page.get_element_by_id("deep")


def test_a_quote_lead_in_is_found_a_few_levels_up_but_the_walk_is_bounded():
    """readability's quote lead-in test walked every ancestor of every div: 30 s and an
    empty body for 500 nested divs each beside a quote. It now stops after
    QUOTE_LEAD_LEVELS levels, which still finds a lead-in near its quote."""
    from newskit.readers._extract import QUOTE_LEAD_LEVELS, _Readability

    near, near_div = _quote_lead_page(0)
    assert _Readability(near).is_quote_lead(near_div)
    far, far_div = _quote_lead_page(QUOTE_LEAD_LEVELS)
    assert not _Readability(far).is_quote_lead(far_div)


def test_divs_nested_500_deep_each_beside_a_quote_keep_their_text():
    html = (
        "<html><body>"
        + "<div><p>Some words of the story at this level go on here.</p>" * 500
        + "</div><div><blockquote><p>quoted words here</p></blockquote></div>" * 500
        + "</body></html>"
    )
    article = next(
        read_input(input_from_bytes(html.encode(), name="deep.html"), plugin_manager().readers)
    )
    assert article.text.count("Some words of the story") >= 100
