"""The ``markdown`` format: a readable report with one section per article.

A section holds the title, a byline (source, date, authors, URL), the category calls
with their evidence, the cited sources, the summary, the text, what cleaning removed
and any warnings and errors. Every piece of article content is escaped by
:mod:`._escape`, so a hostile page cannot put live HTML or links into the report.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import IO

from newskit import Article, Category, Evidence, Problem, Removal, Source

from ._escape import emphasize, heading_text, link, one_line, paragraphs

__all__ = ["render_article", "write_markdown"]

#: Removed pieces shown per article, and the characters shown of each.
MAX_REMOVED = 20
REMOVED_CHARS = 80

_SEPARATOR = "\n---\n\n"
_DECISION = {True: "yes", False: "no"}


def write_markdown(articles: Iterable[Article], stream: IO[str]) -> None:
    """Write one report section per article, as each arrives."""
    empty = True
    for article in articles:
        if not empty:
            stream.write(_SEPARATOR)
        stream.write(render_article(article))
        empty = False
    if empty:
        stream.write("*No articles.*\n")


def render_article(article: Article) -> str:
    """The Markdown section for one article (or error record), ending in a newline."""
    blocks = _failure(article) if article.failed else _report(article)
    return "\n\n".join(blocks) + "\n"


def _report(article: Article) -> list[str]:
    title = (article.title or "").strip() or article.id or "Untitled article"
    blocks = [f"## {heading_text(title)}"]
    byline = _byline(article)
    if byline:
        blocks.append(byline)
    sections = [
        ("Categories", _categories(article.categories)),
        ("Cited sources", _sources(article.cited_sources)),
        ("Summary", paragraphs(article.summary)),
        ("Text", paragraphs(article.text)),
        (f"Removed by cleaning ({len(article.removed)})", _removed(article.removed)),
        ("Warnings and errors", _problems(article)),
    ]
    for heading, body in sections:
        if body:
            blocks += [f"### {heading}", body]
    return blocks


def _failure(article: Article) -> list[str]:
    blocks = [
        f"## {heading_text(article.id or 'Unreadable input')}",
        "**This input could not be read**, so there is no article for it.",
    ]
    problems = _problems(article)
    if problems:
        blocks.append(problems)
    return blocks


def _byline(article: Article) -> str:
    parts: list[str] = []
    if article.source is not None:
        parts.append(f"**Source:** {_source_name(article.source)}")
    if article.published is not None:
        parts.append(f"**Published:** {article.published.isoformat()}")
    if article.authors:
        parts.append("**By:** " + ", ".join(one_line(a) for a in article.authors))
    if article.language:
        parts.append(f"**Language:** {one_line(article.language)}")
    if article.url:
        parts.append(f"**URL:** {link(article.url)}")
    if article.id and (article.title or "").strip():  # else the heading shows the id
        parts.append(f"**ID:** {one_line(article.id)}")
    return " · ".join(parts)


def _source_name(source: Source) -> str:
    details = [
        one_line(d)
        for d in (source.kind, source.domain)
        if d and d != "publisher" and d != source.name
    ]
    name = one_line(source.name)
    return f"{name} ({'; '.join(details)})" if details else name


def _categories(categories: Iterable[Category]) -> str:
    lines = []
    for category in categories:
        call = [f"scheme {one_line(category.scheme)}"]
        if category.score is not None:
            call.insert(0, f"score {category.score:.2f}")
        if category.label is not None:
            call.insert(0, f"**{_DECISION[category.label]}**")
        lines.append(f"- **{one_line(category.name)}**: {' · '.join(call)}")
        lines += _evidence(category.evidence)
    return "\n".join(lines)


def _sources(sources: Iterable[Source]) -> str:
    lines = []
    for source in sources:
        line = f"- {_source_name(source)}"
        if source.url:
            line += f" {link(source.url)}"
        lines.append(line)
        lines += _evidence(source.evidence)
    return "\n".join(lines)


def _evidence(evidence: Iterable[Evidence]) -> list[str]:
    """Evidence as a nested list of quoted passages, matched terms in bold."""
    return [f"    - “{emphasize(e.text, e.terms)}”" for e in evidence if e.text.strip()]


def _removed(removed: tuple[Removal, ...]) -> str:
    lines = []
    for piece in removed[:MAX_REMOVED]:
        text = " ".join(piece.text.split())
        if len(text) > REMOVED_CHARS:
            text = text[: REMOVED_CHARS - 1].rstrip() + "…"
        step = f" ({one_line(piece.step)})" if piece.step else ""
        lines.append(f"- “{one_line(text)}”: {one_line(piece.reason)}{step}")
    if len(removed) > MAX_REMOVED:
        lines.append(f"- … and {len(removed) - MAX_REMOVED} more (all are in the JSON output)")
    return "\n".join(lines)


def _problems(article: Article) -> str:
    return "\n".join(
        [_problem("Error", p) for p in article.errors]
        + [_problem("Warning", p) for p in article.warnings]
    )


def _problem(kind: str, problem: Problem) -> str:
    where = f" in {one_line(problem.step)}" if problem.step else ""
    return f"- **{kind}**{where}: {one_line(problem.message)}"
