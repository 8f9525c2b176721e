"""Drawing and page-making for :mod:`newskit.report`: matplotlib figures as PNGs, and
one self-contained HTML page (no script, no external reference, everything escaped)."""

from __future__ import annotations

import base64
import io
import math
import os
import re
import warnings
from collections.abc import Sequence
from html import escape
from typing import TYPE_CHECKING, Any

import attrs

from ._optional import require
from ._version import __version__

if TYPE_CHECKING:
    from .report import ReportData

__all__ = ["CAVEAT", "ReportFigure", "make_figures", "render_html"]

CAVEAT = (
    "A correlation here describes this corpus; it does not show that one trend causes the "
    "other. Both shares may follow something else (what was collected, from which sources, "
    "a news event); the economy share measures how much coverage is about the economy, not "
    "a downturn; and each label is a classifier's call, with its own errors."
)


@attrs.frozen(kw_only=True)
class ReportFigure:
    """One drawn figure: ``name`` is its PNG file name."""

    name: str
    title: str
    caption: str
    png: bytes = attrs.field(repr=lambda png: f"<{len(png)} bytes>")


# -- figures ----------------------------------------------------------------------------

_OTHER_COLOUR, _UNKNOWN_COLOUR = "#9e9e9e", "#d0d0d0"
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufdd0-\ufdef\ufffe\uffff]")


def make_figures(data: ReportData) -> tuple[ReportFigure, ...]:
    """The report's figures as PNGs (none without dated articles); needs matplotlib."""
    if not data.months:
        return ()
    mpl = require("matplotlib", extra="report", feature="newskit report")
    require("matplotlib.figure", extra="report", feature="newskit report")
    with mpl.rc_context(), warnings.catch_warnings():
        mpl.rcdefaults()  # the same look whatever the user's matplotlibrc says
        mpl.rcParams.update({"font.size": 9, "axes.spines.top": False, "axes.spines.right": False})
        warnings.simplefilter("ignore", UserWarning)  # glyphs missing from the font
        return (_sources_figure(mpl, data), _shares_figure(mpl, data), _scatter(mpl, data))


def _new_figure(mpl: Any, height: float = 3.6) -> tuple[Any, Any]:
    fig = mpl.figure.Figure(figsize=(8, height), dpi=150, layout="constrained")
    return fig, fig.add_subplot()


def _png(fig: Any) -> bytes:
    out = io.BytesIO()
    fig.savefig(out, format="png", metadata={"Software": None})
    return out.getvalue()


def _plot_label(text: str, limit: int = 32) -> str:
    """A source name safe for matplotlib: one line, short, no mathtext, not hidden."""
    text = " ".join(_FORBIDDEN.sub("", text).split())
    text = text if len(text) <= limit else text[: limit - 1] + "…"
    text = text.replace("$", r"\$")
    return " " + text if text.startswith("_") else text  # "_x" is hidden from legends


_TICK_STEPS = (1, 2, 3, 6, 12, 24, 60, 120, 240, 600)


def _month_axis(ax: Any, months: tuple[str, ...]) -> None:
    """At most about 12 ticks, on round months (quarters, Januaries, decades)."""
    step = next((s for s in _TICK_STEPS if len(months) / s <= 12), _TICK_STEPS[-1])
    ticks = [i for i, m in enumerate(months) if (int(m[:4]) * 12 + int(m[5:]) - 1) % step == 0]
    if not ticks:  # a short range that holds no round month
        ticks = [0]
    labels = [months[i][:4] if step >= 12 else months[i] for i in ticks]
    ax.set_xticks(ticks, labels, rotation=45 if step < 12 and len(ticks) > 6 else 0)
    ax.set_xlim(-0.6, len(months) - 0.4)


def _sources_figure(mpl: Any, data: ReportData) -> ReportFigure:
    fig, ax = _new_figure(mpl)
    named = sum(s.kind == "source" for s in data.sources)
    positions = range(len(data.months))
    bottom = [0] * len(data.months)
    tab20 = mpl.colormaps["tab20"].colors  # dark shades first, greys (kept for "other") out
    palette = [c for i, c in enumerate(tab20[::2] + tab20[1::2]) if i not in (7, 17)]
    for i, series in enumerate(data.sources):
        colour = {"other": _OTHER_COLOUR, "unknown": _UNKNOWN_COLOUR}.get(
            series.kind, palette[i % len(palette)]
        )
        ax.bar(positions, series.counts, 0.8, bottom=bottom, color=colour,
               label=_plot_label(series.label))  # fmt: skip
        bottom = [b + c for b, c in zip(bottom, series.counts, strict=True)]
    _month_axis(ax, data.months)
    ax.set_ylabel("articles")
    ax.yaxis.get_major_locator().set_params(integer=True)
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1), frameon=False, fontsize=8)
    ax.set_title("Dated articles per month, by source")
    return ReportFigure(
        name="articles-by-source.png",
        title="Articles over time by source",
        caption=f"Dated articles per month: the {named} source(s) with the most, then the "
        "others pooled, then articles without a source.",
        png=_png(fig),
    )


def _shares_figure(mpl: Any, data: ReportData) -> ReportFigure:
    fig, ax = _new_figure(mpl)
    for topic, colour, marker in zip(data.topics, ("#1f77b4", "#d62728"), ("o", "s"), strict=True):
        shares = [math.nan if s is None else 100 * s for s in topic.shares]
        ax.plot(range(len(data.months)), shares, color=colour, marker=marker,
                markersize=4, label=topic.name)  # fmt: skip
    _month_axis(ax, data.months)
    top = max((100 * s for t in data.topics for s in t.shares if s is not None), default=1)
    ax.set_ylim(bottom=-0.03 * max(top, 1))  # markers at 0 stay visible above the axis
    ax.set_ylabel("share of the month's articles (%)")
    ax.legend(frameon=False)
    names = " and ".join(t.name for t in data.topics)
    ax.set_title(f"Monthly share of {names} articles")
    return ReportFigure(
        name="monthly-shares.png",
        title=f"Monthly share of {names} articles",
        caption="Share of each month's classified articles labelled with the category; a "
        "gap is a month without any. Shares of months with few articles are noisy: see "
        "the counts in the table.",
        png=_png(fig),
    )


def _scatter(mpl: Any, data: ReportData) -> ReportFigure:
    fig, ax = _new_figure(mpl, height=4.2)
    x, y = data.topics
    points = [
        (month, 100 * a, 100 * b)
        for month, a, b in zip(data.months, x.shares, y.shares, strict=True)
        if a is not None and b is not None
    ]
    ax.scatter([p[1] for p in points], [p[2] for p in points], color="#444444", s=18, zorder=3)
    if len(points) <= 24:  # name the months; months on the same spot share one label
        spots: dict[tuple[float, float], list[str]] = {}
        for month, a, b in points:
            spots.setdefault((round(a, 6), round(b, 6)), []).append(month)
        for (a, b), names in spots.items():
            label = names[0] if len(names) == 1 else f"{len(names)} months"
            ax.annotate(label, (a, b), xytext=(3, 3), textcoords="offset points", fontsize=7)
    corr = data.correlation
    if corr.r is not None:
        slope, intercept = _fit([p[1] for p in points], [p[2] for p in points])
        ends = [min(p[1] for p in points), max(p[1] for p in points)]
        ax.plot(ends, [slope * v + intercept for v in ends], color="#d62728", linewidth=1)
    ax.margins(0.08)
    ax.set_xlabel(f"{x.name} share (%)")
    ax.set_ylabel(f"{y.name} share (%)")
    what = f"Monthly {y.name} share against {x.name} share"
    if corr.r is not None:
        ax.set_title(f"{what}: Pearson r = {corr.r:+.2f}, n = {corr.n} months")
    else:
        ax.set_title(f"{what}: no correlation ({corr.n} months)")
    return ReportFigure(
        name="correlation.png",
        title=f"{x.name.capitalize()} share against {y.name} share",
        caption=f"Each point is a month; the line is the least-squares fit. {corr.note}",
        png=_png(fig),
    )


def _fit(xs: list[float], ys: list[float]) -> tuple[float, float]:
    """Least-squares slope and intercept of ``ys`` on ``xs``."""
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    slope = sum((a - mx) * (b - my) for a, b in zip(xs, ys, strict=True)) / sum(
        (a - mx) ** 2 for a in xs
    )
    return slope, my - slope * mx


# -- the page ---------------------------------------------------------------------------

_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'"
_STYLE = """body{max-width:60rem;margin:0 auto;padding:1.5rem 1.25rem 3rem;color:#1f2023;
background:#fbfbf9;font:1rem/1.55 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
h1{font-size:1.7rem;line-height:1.2}h2{font-size:1.25rem;margin-top:2.2rem}
figure{margin:1.5rem 0}img{max-width:100%;height:auto;background:#fff}
figcaption,.muted,footer{color:#5d6167;font-size:.9rem}.caveat{border-left:4px solid #e0a030;
padding:.3rem .9rem;background:#fff6e0}.scroll{overflow-x:auto}
table{border-collapse:collapse;font-size:.85rem;font-variant-numeric:tabular-nums}
th,td{border-bottom:1px solid #e2e2de;padding:.2rem .6rem;text-align:right}
th{vertical-align:bottom;max-width:10rem;overflow-wrap:anywhere}th:first-child,td:first-child{text-align:left}
"""


def _e(text: object) -> str:
    return escape(" ".join(_FORBIDDEN.sub("", str(text)).split()), quote=True)


def render_html(
    data: ReportData,
    *,
    title: str | None = None,
    figures: Sequence[ReportFigure] | None = None,
) -> str:
    """The report as one self-contained HTML page (figures drawn unless given)."""
    if figures is None:
        figures = make_figures(data)
    name = os.path.basename(data.database)
    heading = title if title is not None else f"Corpus report: {name}"
    out = [
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{_e(heading)}</title>\n<style>{_STYLE}</style>\n</head>\n<body>\n"
        f"<h1>{_e(heading)}</h1>\n<p>{_summary(data)}</p>\n"
    ]
    if not data.total:
        out.append(
            '<p class="empty">The store holds no articles, so there is nothing to show.</p>\n'
        )
    elif not data.months:
        out.append('<p class="empty">No article has a date, so there is nothing to plot.</p>\n')
    for fig in figures:
        src = "data:image/png;base64," + base64.b64encode(fig.png).decode("ascii")
        out.append(
            f'<figure>\n<img src="{src}" alt="{_e(fig.title)}">\n'
            f"<figcaption>{_e(fig.caption)}</figcaption>\n</figure>\n"
        )
    if data.months:
        corr = data.correlation
        out.append(f"<h2>Correlation</h2>\n<p>{_e(corr.note)}</p>\n")
        out.append(
            f'<p class="caveat"><strong>Descriptive, not causal.</strong> {_e(CAVEAT)}</p>\n'
        )
        out.append(_topic_table(data))
        out.append(_source_table(data))
    out.append(f"<footer><p>Made by newskit {_e(__version__)} from {_e(name)}.</p></footer>\n")
    out.append("</body>\n</html>\n")
    return "".join(out)


def _summary(data: ReportData) -> str:
    parts = [f"{data.total:,} article(s) in {_e(os.path.basename(data.database))}"]
    if data.months:
        named = sum(s.sources for s in data.sources if s.kind != "unknown")
        parts.append(f"dated from {data.months[0]} to {data.months[-1]}, from {named:,} source(s)")
    text = ", ".join(parts) + "."
    if data.undated:
        text += f" {data.undated:,} article(s) have no date and are left out of the figures."
    if data.failed:
        text += f" {data.failed:,} error record(s) (inputs that could not be read) are not counted."
    return text


def _share(labelled: int, classified: int, articles: int) -> str:
    if not classified:
        return "<td>&ndash;</td><td>&ndash;</td>"
    of = "" if classified == articles else f" of {classified:,}"
    return f"<td>{labelled:,}{of}</td><td>{labelled / classified:.1%}</td>"


def _topic_table(data: ReportData) -> str:
    head = "".join(f"<th>{_e(t.name)}</th><th>share</th>" for t in data.topics)
    rows = []
    for i, month in enumerate(data.months):
        cells = "".join(
            _share(t.labelled[i], t.classified[i], data.articles[i]) for t in data.topics
        )
        rows.append(f"<tr><td>{month}</td><td>{data.articles[i]:,}</td>{cells}</tr>\n")
    return (
        '<h2>Monthly numbers</h2>\n<div class="scroll"><table>\n'
        f"<thead><tr><th>month</th><th>articles</th>{head}</tr></thead>\n<tbody>\n"
        + "".join(rows)
        + "</tbody></table></div>\n"
    )


def _source_table(data: ReportData) -> str:
    head = "".join(f"<th>{_e(s.label)}</th>" for s in data.sources)
    rows = "".join(
        f"<tr><td>{month}</td>"
        + "".join(f"<td>{s.counts[i]:,}</td>" for s in data.sources)
        + "</tr>\n"
        for i, month in enumerate(data.months)
    )
    return (
        '<h2>Articles per month by source</h2>\n<div class="scroll"><table>\n'
        f"<thead><tr><th>month</th>{head}</tr></thead>\n<tbody>\n{rows}</tbody></table></div>\n"
    )
