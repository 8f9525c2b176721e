"""The corpus report: articles over time by source, the monthly share of economy and of
populism articles, and how the two shares move together.

:func:`compute` reads a store (made by ``newskit analyze --store``) with SQL and returns
plain data (:class:`ReportData`); :func:`make_figures` draws it with matplotlib (the
``report`` extra); :func:`render_html` makes one self-contained page: the figures as
``data:`` PNGs, no script, no external reference, every text from the store escaped.

An article counts for a category when any of its categories of that name (any case, any
scheme: the classifier's call, or a section or tag of the page) has a true label, as for
``newskit query --category``. A month's share is of the articles classified for that
category (with any label set), which with the default pipeline is every article. Months
come from ``published`` as written (its local date). Articles without a date and error
records are counted and shown, never plotted.
"""

from __future__ import annotations

import math
import os
import sqlite3
from collections.abc import Sequence
from pathlib import Path

import attrs
import click

from ._report_render import CAVEAT, ReportFigure, make_figures, render_html
from .errors import ConfigError, NewskitError
from .store import Store

__all__ = [
    "CAVEAT",
    "Correlation",
    "ReportData",
    "ReportFigure",
    "SourceSeries",
    "TopicSeries",
    "compute",
    "make_figures",
    "render_html",
    "report_command",
    "write_report",
]

TOPICS = ("economy", "populism")
_DATED = "[0-9][0-9][0-9][0-9]-[0-9][0-9]*"  # GLOB: published starts with YYYY-MM
_FEW_MONTHS = 12
_FEW_ARTICLES = 5


@attrs.frozen(kw_only=True)
class SourceSeries:
    """Dated articles per month from one source (``kind="source"``), from the sources
    outside the top N pooled (``"other"``), or from articles without a source
    (``"unknown"``)."""

    name: str
    counts: tuple[int, ...]
    kind: str = "source"
    sources: int = 1  # how many sources are pooled in it

    @property
    def label(self) -> str:
        if self.kind == "other":
            return f"other ({self.sources} sources)"
        return "(no source)" if self.kind == "unknown" else self.name


@attrs.frozen(kw_only=True)
class TopicSeries:
    """Per month: articles labelled with the category, and articles classified for it."""

    name: str
    labelled: tuple[int, ...]
    classified: tuple[int, ...]

    @property
    def shares(self) -> tuple[float | None, ...]:
        """``labelled / classified`` per month; ``None`` for a month with none classified."""
        return tuple(
            n / d if d else None for n, d in zip(self.labelled, self.classified, strict=True)
        )


@attrs.frozen(kw_only=True)
class Correlation:
    """Pearson's r of two monthly shares over the ``n`` months where both are defined;
    ``r`` is ``None`` when it is undefined, and ``note`` says why."""

    x: str
    y: str
    r: float | None
    n: int
    note: str


@attrs.frozen(kw_only=True)
class ReportData:
    """Everything the report shows, as plain data. ``total`` counts articles (error
    records apart), ``undated`` those of them without a date, ``failed`` error records."""

    database: str
    months: tuple[str, ...]  # "YYYY-MM", every month from the first to the last
    articles: tuple[int, ...]  # dated articles per month
    sources: tuple[SourceSeries, ...]
    topics: tuple[TopicSeries, TopicSeries]
    correlation: Correlation
    total: int
    undated: int
    failed: int


# -- data -----------------------------------------------------------------------------


def compute(
    store: Store | str | os.PathLike[str],
    *,
    sources: int = 5,
    topics: tuple[str, str] = TOPICS,
) -> ReportData:
    """The report's numbers, from a store or the path of one (opened read-only).

    ``sources``: how many sources (most dated articles first) get their own series; the
    rest are pooled as "other". ``topics``: the two category names whose monthly shares
    are compared.
    """
    if sources < 1:
        raise ConfigError(f"report: sources must be at least 1, got {sources}")
    if not isinstance(store, Store):
        with Store(store, readonly=True) as opened:
            return compute(opened, sources=sources, topics=topics)
    try:
        return _compute(store, store._db, sources, topics)
    except sqlite3.Error as exc:
        raise store._error(exc) from None


def _compute(store: Store, db: sqlite3.Connection, top: int, topics: tuple[str, str]) -> ReportData:
    total, dated, failed = db.execute(
        "SELECT coalesce(sum(failed = 0), 0), coalesce(sum(failed = 0 AND published GLOB ?), 0),"
        " coalesce(sum(failed), 0) FROM articles",
        (_DATED,),
    ).fetchone()
    by_source = db.execute(
        "SELECT substr(published, 1, 7), coalesce(nullif(trim(source_name), ''), "
        "nullif(trim(source_domain), '')), count(*) FROM articles "
        "WHERE failed = 0 AND published GLOB ? GROUP BY 1, 2",
        (_DATED,),
    ).fetchall()
    months = _month_range([row[0] for row in by_source])
    index = {month: i for i, month in enumerate(months)}
    per: dict[str | None, list[int]] = {}
    for month, name, count in by_source:
        per.setdefault(name, [0] * len(months))[index[month]] += count
    ranked = sorted((n for n in per if n is not None), key=lambda n: (-sum(per[n]), n))
    series = [SourceSeries(name=n, counts=tuple(per[n])) for n in ranked[:top]]
    if len(ranked) > top:
        pooled = [sum(col) for col in zip(*(per[n] for n in ranked[top:]), strict=True)]
        series.append(
            SourceSeries(name="", counts=tuple(pooled), kind="other", sources=len(ranked) - top)
        )
    if None in per:
        series.append(SourceSeries(name="", counts=tuple(per[None]), kind="unknown"))
    articles = tuple(sum(col) for col in zip(*(s.counts for s in series), strict=True))
    x, y = (_topic(db, name, months, index) for name in topics)
    return ReportData(
        database=store.path,
        months=months,
        articles=articles,
        sources=tuple(series),
        topics=(x, y),
        correlation=_correlation(x, y),
        total=total,
        undated=total - dated,
        failed=failed,
    )


def _month_range(found: Sequence[str]) -> tuple[str, ...]:
    if not found:
        return ()
    first, last = min(found), max(found)
    year, month = int(first[:4]), int(first[5:7])
    months = []
    while (label := f"{year:04d}-{month:02d}") <= last:
        months.append(label)
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return tuple(months)


def _topic(
    db: sqlite3.Connection, name: str, months: tuple[str, ...], index: dict[str, int]
) -> TopicSeries:
    labelled, classified = [0] * len(months), [0] * len(months)
    rows = db.execute(
        "SELECT substr(a.published, 1, 7), count(DISTINCT CASE WHEN c.label = 1 THEN a.pk END),"
        " count(DISTINCT CASE WHEN c.label IS NOT NULL THEN a.pk END) FROM articles a "
        "JOIN categories c ON c.article = a.pk AND c.name = ? COLLATE NOCASE "
        "WHERE a.failed = 0 AND a.published GLOB ? GROUP BY 1",
        (name, _DATED),
    )
    for month, yes, any_label in rows:
        labelled[index[month]], classified[index[month]] = yes, any_label
    return TopicSeries(name=name, labelled=tuple(labelled), classified=tuple(classified))


def _correlation(x: TopicSeries, y: TopicSeries) -> Correlation:
    pairs = [
        (a, b) for a, b in zip(x.shares, y.shares, strict=True) if a is not None and b is not None
    ]
    n = len(pairs)

    def result(r: float | None, note: str) -> Correlation:
        return Correlation(x=x.name, y=y.name, r=r, n=n, note=note)

    if not x.classified:
        return result(None, "No article has a date, so there are no months to correlate.")
    for topic in (x, y):
        if not any(topic.classified):
            return result(None, f"No dated article is classified for {topic.name}.")
    if n < 3:
        return result(None, f"Only {n} month(s) have both shares; a correlation needs 3.")
    xs, ys = [a for a, _ in pairs], [b for _, b in pairs]
    for topic, values in ((x, xs), (y, ys)):
        if min(values) == max(values):
            return result(
                None,
                f"The {topic.name} share is {values[0]:.1%} in every month, "
                "so the correlation is undefined.",
            )
    mx, my = sum(xs) / n, sum(ys) / n
    sxy = sum((a - mx) * (b - my) for a, b in pairs)
    sxx, syy = sum((a - mx) ** 2 for a in xs), sum((b - my) ** 2 for b in ys)
    r = max(-1.0, min(1.0, sxy / math.sqrt(sxx * syy)))
    note = f"Pearson r = {r:+.2f} over {n} months."
    if n < _FEW_MONTHS:
        note += " With so few months, r is very uncertain."
    thin = sum(
        1
        for cx, cy in zip(x.classified, y.classified, strict=True)
        if cx and cy and min(cx, cy) < _FEW_ARTICLES
    )
    if thin:
        note += (
            f" {thin} of these months have fewer than {_FEW_ARTICLES} articles, "
            "so their shares are noisy."
        )
    return result(r, note)


def write_report(
    database: str | os.PathLike[str],
    output: str | os.PathLike[str],
    *,
    png_dir: str | os.PathLike[str] | None = None,
    sources: int = 5,
    title: str | None = None,
) -> ReportData:
    """Compute, draw and write the HTML report to ``output`` (and each figure as a PNG
    file into ``png_dir`` when given); returns the data shown. A folder for ``output``
    that does not exist is an error before any work."""
    folder = Path(output).parent
    if not folder.is_dir():
        raise NewskitError(f"{output}: cannot write the report (no folder {folder})")
    data = compute(database, sources=sources)
    figures = make_figures(data)
    page = render_html(data, title=title, figures=figures)
    _write(Path(output), page.encode("utf-8"))
    if png_dir is not None:
        for fig in figures:
            _write(Path(png_dir) / fig.name, fig.png, mkdir=True)
    return data


def _write(path: Path, content: bytes, *, mkdir: bool = False) -> None:
    try:
        if mkdir:
            path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
    except OSError as exc:
        raise NewskitError(f"{path}: cannot write the report ({exc.strerror or exc})") from None


# -- command ----------------------------------------------------------------------------


@click.command("report", short_help="Figures of a store: sources, economy and populism.")
@click.argument("database", type=click.Path(dir_okay=False))
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False),
              help="Write the HTML page here.")  # fmt: skip
@click.option("--png", "png_dir", type=click.Path(file_okay=False),
              help="Also write each figure as a PNG file into this directory.")  # fmt: skip
@click.option("--sources", type=click.IntRange(min=1), default=5, show_default=True,
              help="Sources shown on their own; the rest are pooled as 'other'.")  # fmt: skip
@click.option("--title", help="The page's title (default: 'Corpus report: DATABASE').")
def report_command(
    database: str, output: str, png_dir: str | None, sources: int, title: str | None
) -> None:
    """Write a report on DATABASE (made by `newskit analyze --store`) as one HTML page.

    It shows articles over time by source, the monthly share of economy and of populism
    articles, and their correlation (descriptive, not causal), with a table of the
    monthly numbers. The page has no script and needs nothing else to open. Needs
    `pip install 'newskit[report]'`.

    \b
    Examples:
      newskit report news.db -o report.html
      newskit report news.db -o report.html --png figures/ --sources 8
    """
    try:
        data = write_report(database, output, png_dir=png_dir, sources=sources, title=title)
    except NewskitError as exc:
        raise click.ClickException(str(exc)) from None
    corr = data.correlation
    line = f"newskit: wrote {output}: {data.total:,} article(s) over {len(data.months)} months"
    line += f", {data.undated:,} undated, {data.failed:,} error record(s); {corr.note}"
    click.echo(line, err=True)
    if png_dir is not None and data.months:
        click.echo(f"newskit: wrote the figures as PNG files into {png_dir}", err=True)
