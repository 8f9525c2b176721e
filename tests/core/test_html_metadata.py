"""Page metadata: title, authors, date, publisher, labels, links, from hand-written pages."""

from __future__ import annotations

import sys
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import lxml.html
import pytest

from newskit import Category, Source
from newskit.readers._authors import byline_authors, clean_authors
from newskit.readers._dates import parse_date, url_date
from newskit.readers._htmlmeta import MetaTags, PageMetadata, page_metadata

META = Path(__file__).parent.parent / "fixtures" / "meta"
ENGLISH = (
    "The council met on Tuesday evening and agreed, after a long debate, to keep the "
    "library open six days a week for another ten years."
)


def tree_of(name: str) -> lxml.html.HtmlElement:
    return lxml.html.document_fromstring((META / name).read_text(encoding="utf-8"))


def metadata(name: str, url: str | None = None, text: str = ENGLISH) -> PageMetadata:
    return page_metadata(tree_of(name), url=url, text=text)


def labels(meta: PageMetadata, scheme: str) -> list[str]:
    return [c.name for c in meta.categories if c.scheme == scheme]


# -- whole pages --------------------------------------------------------------------------


def test_json_ld_graph_with_id_references():
    meta = metadata(
        "graph.html", url="https://www.northfield.example/local/mill-town-library-vote/"
    )
    assert meta.title == "Mill town votes to keep its library open"
    # Person by @id reference (its capitals undone), a Person with an e-mail; the
    # Organization author is left out.
    assert meta.authors == ("Owen McAllister", "Priya Raman")
    # The NewsArticle's date, not the WebPage's; seven-digit fraction and "-0500" offset.
    assert meta.published == datetime(
        2021, 5, 4, 18, 20, 11, 123456, tzinfo=timezone(timedelta(hours=-5))
    )
    assert meta.language == "en"
    assert meta.source is not None
    assert (meta.source.name, meta.source.domain, meta.source.url, meta.source.kind) == (
        "Northfield Gazette",  # from publisher -> @id -> Organization
        "northfield.example",
        "https://www.northfield.example/",
        "publisher",
    )
    assert labels(meta, "section") == ["Local"]  # "Front Page" is no section
    assert labels(meta, "tag") == ["libraries", "Budgets"]  # flags gone, prefix cut, deduped
    assert all(c.label is True and c.score is None for c in meta.categories)
    assert meta.canonical_url == "https://www.northfield.example/local/mill-town-library-vote/"
    assert meta.image == "https://www.northfield.example/media/2021/05/library.jpg"
    assert meta.description == "Residents backed a levy & a new board."


def test_byline_in_the_page_when_metadata_names_nobody():
    meta = metadata("byline.html", url="https://dockside.example/business/cranes")
    # "By Jane Doe and JOHN SMITH, Reuters": the agency goes, and so do the related
    # stories' author (aside), the comment's author and the footer's.
    assert meta.authors == ("Jane Doe", "John Smith")
    assert meta.published == datetime(2022, 9, 14, 7, 45, tzinfo=timezone.utc)
    assert meta.title == "Port authority approves new cranes"  # leading site name cut
    assert labels(meta, "section") == ["Business"]
    # Several article:tag elements: each is one tag, commas included; case duplicates go.
    assert labels(meta, "tag") == ["Elections, Local", "Ports"]
    assert meta.image == "https://cdn.dockside.example/img/cranes.jpg"
    assert meta.source == newskit_source(
        "Dockside", "dockside.example", "https://dockside.example/"
    )


def newskit_source(name: str, domain: str, home: str) -> Source:
    return Source(name=name, domain=domain, url=home, kind="publisher")


def test_wrong_and_junk_metadata_is_ignored():
    meta = metadata("messy.html")
    assert meta.authors == ()  # "Staff Reports" and a Facebook URL
    assert meta.published is None  # year 1 in JSON-LD; dateModified is not a publication date
    assert (
        meta.source is not None and meta.source.name == "rivervalley.example"
    )  # URL as og:site_name
    assert meta.title == "Storm closes coastal road"  # suffix names the site's domain
    assert labels(meta, "tag") == ["storm", "Coastal Road"]


def test_page_without_metadata_falls_back_on_the_url(monkeypatch):
    monkeypatch.setitem(sys.modules, "htmldate", None)  # the URL alone, not htmldate
    url = "https://www.citydesk.example/transport/2024/05/02/bus-lanes-vote/"
    meta = metadata("bare.html", url=url)
    assert meta.title == "Council delays vote on bus lanes"
    assert meta.published == date(2024, 5, 2)
    # No name on the page: the domain is the name (exact, and it groups a site's articles).
    assert meta.source == newskit_source(
        "citydesk.example", "citydesk.example", "https://www.citydesk.example/"
    )
    assert (meta.authors, meta.categories, meta.description, meta.image) == ((), (), None, None)
    assert meta.canonical_url is None


def test_page_without_metadata_or_url_gives_empty_fields():
    meta = metadata("bare.html", text="Short.")
    title = "Council delays vote on bus lanes"
    assert meta == PageMetadata(title=title, page_title=title)


def test_declared_english_page_in_french_is_french():
    french = (META / "french-declared-en.html").read_text(encoding="utf-8")
    text = lxml.html.fromstring(french).xpath("string(//article)")
    meta = metadata("french-declared-en.html", text=text)
    assert meta.language == "fr"
    assert meta.published == date(2023, 7, 2)
    # Too little text to judge: the declaration stands.
    assert metadata("french-declared-en.html", text="Piscine.").language == "en"


def test_date_in_the_page_text_comes_from_htmldate_when_installed(monkeypatch):
    pytest.importorskip("htmldate")
    assert metadata("text-date.html").published == date(2019, 11, 20)
    monkeypatch.setitem(sys.modules, "htmldate", None)  # as if not installed
    assert metadata("text-date.html").published is None


def test_json_ld_with_trailing_commas_is_read():
    html = """<html><head><script type="application/ld+json">
    {"@type": "NewsArticle", "headline": "Ferry fares rise", "keywords": ["ferries",],}
    </script></head><body></body></html>"""
    meta = page_metadata(lxml.html.document_fromstring(html), url=None, text="")
    assert (meta.title, labels(meta, "tag")) == ("Ferry fares rise", ["ferries"])


@pytest.mark.parametrize(
    ("site_name", "url", "name"),
    [
        ("usatoday", "https://www.usatoday.com/story/x", "usatoday.com"),  # a slug, not a name
        ("@DailyLedger", "https://ledger.example/x", "DailyLedger"),
        ("LinkNaija | Nigeria's news platform", "https://www.linknaija.com/x", "LinkNaija"),
        (
            "https://www.hawaiinews.example",
            "https://www.hawaiinews.example/x",
            "hawaiinews.example",
        ),
    ],
)
def test_publisher_name_is_cleaned(site_name, url, name):
    html = f'<html><head><meta property="og:site_name" content="{site_name}"></head></html>'
    meta = page_metadata(lxml.html.document_fromstring(html), url=url, text="")
    assert meta.source is not None and meta.source.name == name


def test_metatags_keeps_what_pruning_takes_away():
    tree = tree_of("graph.html")
    meta = MetaTags(tree)
    head = tree.find("head")
    head.getparent().remove(head)
    assert meta.title(None, None) == "Mill town votes to keep its library open"
    assert meta.language() == "en"
    assert meta.canonical_url("https://northfield.example/x") == (
        "https://northfield.example/local/mill-town-library-vote/"
    )


# -- titles -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "site", "section", "expected"),
    [
        ("Rates held | Daily Ledger", "Daily Ledger", None, "Rates held"),
        ("Daily Ledger - Rates held", "Daily Ledger", None, "Rates held"),
        ("Opinion | Rates held", "Daily Ledger", "Opinion", "Rates held"),
        ("Rates held - Markets | Daily Ledger", "Daily Ledger", "Markets", "Rates held"),
        ("Rates held - what it means", "Daily Ledger", None, "Rates held - what it means"),
        ("A - B", None, None, "A - B"),  # "a" is no abbreviation of the domain "abc"
    ],
)
def test_title_loses_site_and_section(title, site, section, expected):
    site_tag = f'<meta property="og:site_name" content="{site}">' if site else ""
    section_tag = f'<meta property="article:section" content="{section}">' if section else ""
    html = f"<html><head><title>{title}</title>{site_tag}{section_tag}</head><body></body></html>"
    tree = lxml.html.document_fromstring(html)
    assert page_metadata(tree, url="https://abc.example/x", text="").title == expected


# -- authors ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (["By Jane Doe and John Smith, Reuters"], ("Jane Doe", "John Smith")),
        (["Ana Lima, Bo Chen and Cy Diaz"], ("Ana Lima", "Bo Chen", "Cy Diaz")),
        (["By TOM KRISHER, AP Auto Writer"], ("Tom Krisher",)),
        (["Analysis by Chris Colby, CNN Editor-at-large"], ("Chris Colby",)),
        (["Jill Dorsey, CNN Business"], ("Jill Dorsey",)),
        (["Troy L. Smith, Cleveland.com", "tsmith@cleveland.com"], ("Troy L. Smith",)),
        (["Amy Kent | NJ Advance Media for NJ.com"], ("Amy Kent",)),
        (["Finn Carlow. Sputnik International"], ("Finn Carlow",)),
        (["Ilana Marsh, MS, RDN"], ("Ilana Marsh",)),
        (["Jane Doe | November 20, 2019 10:30 AM | Updated"], ("Jane Doe",)),
        (["Jane Doe (@janedoe)", "jane.doe@example.com"], ("Jane Doe",)),
        (["Staff Reports", "HNN Staff", "Science X staff", "Editorial"], ()),
        (["The Associated Press", "Associated Press", "Reuters", "AFP", "admin"], ()),
        (["Jane Doe", "JANE DOE", "jane doe"], ("Jane Doe",)),
        (["Abigail  Van Buren", "Marcus De Guzman", "Al Root"], (
            "Abigail Van Buren", "Marcus De Guzman", "Al Root",
        )),
        (["Von Miller", "Von Max Mustermann", "par Jeanne Martin"], (
            "Von Miller", "Max Mustermann", "Jeanne Martin",
        )),
        (["Seán O'Brien und Zoë Müller-Lüdenscheidt"], ("Seán O'Brien", "Zoë Müller-Lüdenscheidt")),
        (["Martin Luther King III"], ("Martin Luther King III",)),
    ],
)  # fmt: skip
def test_clean_authors(raw, expected):
    assert clean_authors(raw) == expected


def test_clean_authors_drops_the_site_itself():
    assert clean_authors(["Daily Ledger", "Ledger Team"], site="Daily Ledger") == ()
    assert clean_authors(["Link Naija", "Jane Doe"], domain="linknaija.com") == ("Jane Doe",)
    assert clean_authors(["Gizmodo Deals", "Reuters Breakingviews"], domain="gizmodo.com") == ()


def test_byline_reads_one_byline_and_breaks_lines():
    html = """<html><body>
    <h3 class="byline">by Jeff Foust<br><span class="datetime">Monday, November 18, 2019</span></h3>
    <ul class="more"><li><span class="byline">By Someone Else</span></li></ul>
    </body></html>"""
    assert byline_authors(lxml.html.document_fromstring(html)) == ("Jeff Foust",)


def test_byline_skips_comments_and_related_stories():
    html = """<html><body>
    <div class="comments"><p><span class="comment-author">Gil Hart</span> said</p></div>
    <div class="related-posts"><span class="author">Ivo Lund</span></div>
    <div class="post"><span class="author">Hana Weir</span></div>
    </body></html>"""
    assert byline_authors(lxml.html.document_fromstring(html)) == ("Hana Weir",)


def test_byline_prefers_rel_author_over_class():
    html = """<html><body>
    <div class="author-box">Written by Bea Quill</div>
    <p>By <a rel="author" href="/a">Cal Ng</a> and <a rel="author" href="/b">Dee Ruiz</a></p>
    </body></html>"""
    assert byline_authors(lxml.html.document_fromstring(html)) == ("Cal Ng", "Dee Ruiz")


# -- dates --------------------------------------------------------------------------------

UTC = timezone.utc


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2019-11-20", date(2019, 11, 20)),
        ("2019-11-20T14:30:00Z", datetime(2019, 11, 20, 14, 30, tzinfo=UTC)),
        ("2019-11-20T14:30:00.000Z", datetime(2019, 11, 20, 14, 30, tzinfo=UTC)),
        ("2019-11-20T14:30:00+0000", datetime(2019, 11, 20, 14, 30, tzinfo=UTC)),
        ("2019-11-20T14:30+05:30", datetime(2019, 11, 20, 14, 30, tzinfo=timezone(timedelta(hours=5, minutes=30)))),
        ("2019-11-20 14:30:00", datetime(2019, 11, 20, 14, 30)),
        ("20191120", date(2019, 11, 20)),
        ("2019/11/20", date(2019, 11, 20)),
        ("Wed, 20 Nov 2019 14:30:00 GMT", datetime(2019, 11, 20, 14, 30, tzinfo=UTC)),
        ("November 20, 2019", date(2019, 11, 20)),
        ("Nov. 20th, 2019 at 11:04 a.m.", date(2019, 11, 20)),
        ("20 November 2019", date(2019, 11, 20)),
        ("0001-01-01T00:00:00Z", None),
        ("2019-02-30", None),
        ("2999-01-01", None),
        ("Smarch 20, 2019", None),
        ("yesterday", None),
        ("", None),
    ],
)  # fmt: skip
def test_parse_date(value, expected):
    assert parse_date(value) == expected


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://x.example/news/2019/11/20/story/", date(2019, 11, 20)),
        ("https://x.example/commentisfree/2019/nov/18/story", date(2019, 11, 18)),
        ("https://x.example/story/2019-11-20-title", date(2019, 11, 20)),
        ("https://x.example/story/title-11574168580", None),
        (None, None),
    ],
)
def test_url_date(url, expected):
    assert url_date(url) == expected


def test_time_element_counts_only_when_marked_or_alone(monkeypatch):
    monkeypatch.setitem(sys.modules, "htmldate", None)  # no fallback guess
    two = "<time datetime='2020-01-01'>a</time><time datetime='2021-02-02'>b</time>"
    marked = "<time datetime='2020-01-01'>a</time><time pubdate datetime='2021-02-02'>b</time>"
    alone = "<time datetime='2021-02-02'>b</time>"
    for body, expected in ((two, None), (marked, date(2021, 2, 2)), (alone, date(2021, 2, 2))):
        tree = lxml.html.document_fromstring(f"<html><body><p>x</p>{body}</body></html>")
        assert MetaTags(tree).published() == expected, body


def test_categories_are_newskit_categories():
    meta = metadata("graph.html")
    assert meta.categories[0] == Category(name="Local", scheme="section", label=True)
