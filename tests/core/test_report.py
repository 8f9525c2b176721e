"""``newskit report``: the numbers from a store, the page, the PNG files, the command."""

from __future__ import annotations

import base64
import io
import re
import sqlite3
import sys
from collections import Counter
from pathlib import Path

import lxml.html
import numpy as np
import pytest
from click.testing import CliRunner

from newskit import ConfigError, InputError
from newskit.cli import cli
from newskit.model import Article, Category, Source
from newskit.report import compute, make_figures, render_html, write_report
from newskit.store import Store

pytest.importorskip("matplotlib")
PIL = pytest.importorskip("PIL.Image")

HOSTILE = "<script>alert(1)</script>"
MATH = "$\\frac{1}{$ _Gazette"  # broken mathtext if matplotlib parsed it
SOURCES = ("Daily Planet", HOSTILE, "Wire Service")
# month: (articles, labelled economy, labelled populism); April has none at all.
PLAN = {
    "2024-01": (4, 1, 0),
    "2024-02": (6, 2, 1),
    "2024-03": (5, 3, 1),
    "2024-05": (6, 4, 3),
    "2024-06": (8, 5, 4),
}
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def _cats(economy: bool | None, populism: bool | None) -> list[Category]:
    cats = []
    if economy is not None:
        cats.append(Category(name="economy", scheme="economy", score=0.5, label=economy))
    if populism is not None:
        cats.append(Category(name="populism", scheme="populism", score=0.5, label=populism))
    return cats


def _corpus() -> list[Article]:
    articles = []
    for month, (n, economy, populism) in PLAN.items():
        for i in range(n):
            cats = _cats(i < economy, i >= n - populism)  # two overlapping sets
            if month == "2024-06" and i == n - 1:  # a page's section counts too, any case
                cats.append(Category(name="Economy", scheme="section", label=True))
            source = None if (month, i) == ("2024-02", 5) else Source(name=SOURCES[i % 3])
            published = f"{month}-{10 + i:02d}"
            if (month, i) == ("2024-05", 0):  # the month as written, not in UTC
                published = "2024-05-31T23:30:00-05:00"
            articles.append(
                Article(
                    id=f"{month}-{i}",
                    text="Body.",
                    published=published,
                    source=source,
                    categories=cats,
                )
            )
    # dated but never classified: in the month's articles, not in its shares
    articles.append(Article(id="plain", text="Body.", published="2024-03-28",
                            source=Source(name="Wire Service")))  # fmt: skip
    articles += [
        Article(id=f"undated-{i}", text="Body.", source=Source(name="Wire Service"),
                categories=_cats(True, True))
        for i in range(2)
    ]  # fmt: skip
    return articles


def _store(path: Path, articles: list[Article], *, failures: int = 0) -> Path:
    with Store(path) as store:
        store.add(articles, input_id="corpus", content_hash="h")
        for i in range(failures):
            failure = Article.failure(f"broken-{i}", "could not be read")
            store.add([failure], input_id=f"broken-{i}", content_hash=None)
    return path


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return _store(tmp_path / "news.db", _corpus(), failures=1)


def _expected(articles: list[Article], name: str) -> dict[str, tuple[int, int]]:
    """Per month: (labelled, classified) for category ``name``, counted from the articles."""
    found: dict[str, list[int]] = {}
    for article in articles:
        if article.published is None:
            continue
        cats = [c for c in article.categories if c.name.lower() == name]
        month = article.published.isoformat()[:7]
        counts = found.setdefault(month, [0, 0])
        counts[0] += any(c.label for c in cats)
        counts[1] += any(c.label is not None for c in cats)
    return {month: (a, b) for month, (a, b) in found.items()}


def test_the_numbers_match_an_independent_count(db: Path) -> None:
    articles = _corpus()
    data = compute(db, sources=2)

    assert data.months == ("2024-01", "2024-02", "2024-03", "2024-04", "2024-05", "2024-06")
    dated = Counter(a.published.isoformat()[:7] for a in articles if a.published)
    assert data.articles == tuple(dated[m] for m in data.months)
    assert data.articles[3] == 0 and data.articles[2] == 6
    assert (data.total, data.undated, data.failed) == (len(articles), 2, 1)

    by_source = Counter(
        a.source.name if a.source else None for a in articles if a.published is not None
    )
    top = sorted((n for n in by_source if n), key=lambda n: (-by_source[n], n))
    kinds = [(s.kind, s.name) for s in data.sources]
    assert kinds == [("source", top[0]), ("source", top[1]), ("other", ""), ("unknown", "")]
    assert data.sources[2].sources == 1 and data.sources[2].label == "other (1 sources)"
    assert [sum(s.counts) for s in data.sources] == [
        by_source[top[0]], by_source[top[1]], by_source[top[2]], by_source[None]
    ]  # fmt: skip
    assert [sum(col) for col in zip(*(s.counts for s in data.sources), strict=True)] == list(
        data.articles
    )

    shares = {}
    for topic in data.topics:
        expected = _expected(articles, topic.name)
        assert topic.labelled == tuple(expected.get(m, (0, 0))[0] for m in data.months)
        assert topic.classified == tuple(expected.get(m, (0, 0))[1] for m in data.months)
        assert topic.shares[3] is None  # April: nothing to divide by
        shares[topic.name] = [expected[m][0] / expected[m][1] for m in sorted(expected)]
        assert [s for s in topic.shares if s is not None] == pytest.approx(shares[topic.name])
    assert data.topics[0].labelled[-1] == PLAN["2024-06"][1] + 1  # the section label

    corr = data.correlation
    assert corr.n == len(PLAN) == 5
    assert corr.r == pytest.approx(np.corrcoef(shares["economy"], shares["populism"])[0, 1])
    assert f"Pearson r = {corr.r:+.2f} over 5 months" in corr.note
    assert "very uncertain" in corr.note
    assert "fewer than 5 articles" in corr.note  # January has 4


def test_correlation_is_undefined_with_too_few_months_or_a_constant_share(
    tmp_path: Path,
) -> None:
    def store(name: str, rows: list[tuple[str, bool, bool | None]]) -> Path:
        articles = [
            Article(id=f"a{i}", text="x", published=month, categories=_cats(economy, populism))
            for i, (month, economy, populism) in enumerate(rows)
        ]
        return _store(tmp_path / name, articles)

    two = compute(store("two.db", [("2024-01-01", True, False), ("2024-02-01", False, True)]))
    assert two.correlation.r is None and two.correlation.n == 2
    assert "needs 3" in two.correlation.note

    rows = [(f"2024-0{m}-01", m % 2 == 0, False) for m in range(1, 6)]
    flat = compute(store("flat.db", rows))
    assert flat.correlation.r is None and flat.correlation.n == 5
    assert "populism share is 0.0% in every month" in flat.correlation.note

    unclassified = compute(store("none.db", [(f"2024-0{m}-01", True, None) for m in (1, 2, 3)]))
    assert unclassified.correlation.r is None
    assert unclassified.correlation.note == "No dated article is classified for populism."
    assert all(s is None for s in unclassified.topics[1].shares)


def _images(page: str) -> list[bytes]:
    tree = lxml.html.document_fromstring(page)
    sources = [img.get("src") for img in tree.iter("img")]
    assert all(src.startswith("data:image/png;base64,") for src in sources)
    return [base64.b64decode(src.split(",", 1)[1], validate=True) for src in sources]


def test_the_page_is_self_contained_escaped_and_deterministic(db: Path) -> None:
    data = compute(db)
    page = render_html(data, title="Economy & <populism>")
    images = _images(page)
    assert len(images) == 3
    for png in images:
        assert png.startswith(PNG_MAGIC)
        assert PIL.open(io.BytesIO(png)).size[0] > 600

    tree = lxml.html.document_fromstring(page)
    assert not list(tree.iter("script")) and "<script" not in page.lower()
    text = re.sub(r"data:image/png;base64,[A-Za-z0-9+/=]+", "", page)
    assert re.search(r"https?:|//[a-z]", text, re.IGNORECASE) is None  # nothing to load
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert tree.findtext(".//h1") == "Economy & <populism>"
    assert "<populism>" not in page
    assert "2 article(s) have no date" in page and "1 error record(s)" in page
    assert "Descriptive, not causal" in page

    monthly = tree.findall(".//table")[0]
    rows = {
        tr[0].text: [td.text for td in tr[1:]] for tr in monthly.iter("tr") if tr[0].tag == "td"
    }
    assert rows["2024-04"][:3] == ["0", "\u2013", "\u2013"]  # a month without articles
    assert rows["2024-03"][:3] == ["6", "3 of 5", "60.0%"]  # one of six not classified
    headers = [th.text for th in tree.iter("th")]
    assert HOSTILE in headers and "(no source)" in headers

    assert render_html(compute(db)) == render_html(compute(db))  # byte for byte


def test_hostile_names_cannot_break_the_figures(tmp_path: Path) -> None:
    articles = [
        Article(id=f"a{i}", text="x", published=f"2024-0{1 + i % 3}-01",
                source=Source(name=[MATH, "x" * 300, "_hidden"][i % 3]), categories=_cats(i % 2 == 0, i % 3 == 0))
        for i in range(9)
    ]  # fmt: skip
    figures = make_figures(compute(_store(tmp_path / "odd.db", articles)))
    assert [f.name for f in figures] == [
        "articles-by-source.png", "monthly-shares.png", "correlation.png"
    ]  # fmt: skip
    assert all(f.png.startswith(PNG_MAGIC) for f in figures)


def test_png_files_are_the_embedded_figures(db: Path, tmp_path: Path) -> None:
    out, figures = tmp_path / "report.html", tmp_path / "deep" / "figures"
    write_report(db, out, png_dir=figures)
    files = sorted(figures.iterdir())
    assert [f.name for f in files] == ["articles-by-source.png", "correlation.png",
                                       "monthly-shares.png"]  # fmt: skip
    embedded = _images(out.read_text(encoding="utf-8"))
    assert sorted(f.read_bytes() for f in files) == sorted(embedded)


def test_the_command_end_to_end_and_read_only(db: Path, tmp_path: Path) -> None:
    before = db.read_bytes()
    out, figures = tmp_path / "r.html", tmp_path / "png"
    result = CliRunner().invoke(
        cli,
        ["report", str(db), "-o", str(out), "--png", str(figures), "--sources", "1",
         "--title", "Teaser check"],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert (
        f"wrote {out}: {len(_corpus())} article(s) over 6 months, 2 undated, 1 error record(s)"
        in (result.stderr)
    )
    assert "Pearson r = " in result.stderr
    page = out.read_text(encoding="utf-8")
    assert "<title>Teaser check</title>" in page and "other (2 sources)" in page
    assert len(list(figures.glob("*.png"))) == 3
    assert db.read_bytes() == before


def test_the_command_names_the_database_and_the_problem(tmp_path: Path) -> None:
    runner = CliRunner()
    out = str(tmp_path / "r.html")

    missing = runner.invoke(cli, ["report", str(tmp_path / "nope.db"), "-o", out])
    assert missing.exit_code == 1 and "nope.db: no such file" in missing.output

    other = tmp_path / "other.db"
    with sqlite3.connect(other) as con:
        con.execute("CREATE TABLE t (x)")
    foreign = runner.invoke(cli, ["report", str(other), "-o", out])
    assert foreign.exit_code == 1 and "other.db: a SQLite database, but not a newskit store" in (
        foreign.output
    )

    text = tmp_path / "notes.db"
    text.write_text("not a database at all, just some words " * 40, encoding="utf-8")
    junk = runner.invoke(cli, ["report", str(text), "-o", out])
    assert junk.exit_code == 1 and "notes.db: not a SQLite database" in junk.output

    zero = runner.invoke(cli, ["report", str(text), "-o", out, "--sources", "0"])
    assert zero.exit_code == 2 and "--sources" in zero.output
    with pytest.raises(ConfigError, match="sources must be at least 1, got 0"):
        compute(text, sources=0)
    assert not Path(out).exists()


def test_missing_matplotlib_names_the_extra(
    db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "matplotlib", None)
    result = CliRunner().invoke(cli, ["report", str(db), "-o", str(tmp_path / "r.html")])
    assert result.exit_code == 1
    assert "pip install 'newskit[report]'" in result.output


def test_an_empty_store_gives_a_page_that_says_so(tmp_path: Path) -> None:
    db = tmp_path / "empty.db"
    Store(db).close()
    out, figures = tmp_path / "r.html", tmp_path / "png"
    data = write_report(db, out, png_dir=figures)
    assert (data.total, data.months, data.sources) == (0, (), ())
    assert data.correlation.r is None and "no months to correlate" in data.correlation.note
    page = out.read_text(encoding="utf-8")
    assert "The store holds no articles" in page and "<img" not in page
    assert not figures.exists() or not any(figures.iterdir())


def test_undated_articles_are_counted_not_plotted(tmp_path: Path) -> None:
    articles = [Article(id=f"u{i}", text="x", categories=_cats(True, False)) for i in range(3)]
    db = _store(tmp_path / "undated.db", articles, failures=2)
    data = compute(db)
    assert (data.total, data.undated, data.failed, data.months) == (3, 3, 2, ())
    page = render_html(data)
    assert "No article has a date" in page and "<img" not in page
    assert "3 article(s) have no date" in page and "2 error record(s)" in page


def test_readonly_store_object_can_be_passed(db: Path) -> None:
    with Store(db, readonly=True) as store:
        assert compute(store).total == len(_corpus())
    with pytest.raises(InputError, match="no such file"):
        compute(db.with_name("absent.db"))


def test_an_output_folder_that_does_not_exist_is_an_error_before_any_work(tmp_path: Path) -> None:
    out = tmp_path / "no" / "such" / "report.html"
    # the database does not exist either: the output is checked first, before any work
    result = CliRunner().invoke(cli, ["report", str(tmp_path / "nope.db"), "-o", str(out)])
    assert result.exit_code == 1
    assert f"{out}: cannot write the report (no folder {out.parent})" in result.output
