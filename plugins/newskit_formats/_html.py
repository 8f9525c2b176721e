"""The ``html`` format: one standalone, readable HTML5 page, written as articles arrive.

The page has no external assets and no script: inline CSS only (system fonts, light and
dark, print styles) and a Content-Security-Policy that forbids scripts, frames, fonts
and any network load, as defence in depth. Every piece of article data is escaped with
``html.escape(quote=True)``; only ``http``/``https`` URLs become links. Characters HTML
forbids (controls, noncharacters, lone surrogates) are dropped, and line separators such
as U+2028 become plain line breaks, so the page is also well-formed XML.

The page head is written first, then each article as it arrives, then the footer. The
table of contents (for two or more articles) is spooled to a temporary file meanwhile,
written after the articles and shown at the top by CSS: memory stays constant.
"""

from __future__ import annotations

import contextlib
import re
import shutil
import tempfile
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from html import escape
from typing import IO

import newskit
from newskit import Article, Category, Evidence, Problem, Source

from ._escape import _spans, safe_url

__all__ = ["CSP", "write_html"]

#: Nothing may load or run but the inline style sheet and data: images.
CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; " + (
    "form-action 'none'"
)
MAX_REMOVED = 20  # removed pieces shown per article, and the characters shown of each
REMOVED_CHARS = 80
TOC_OPEN_UP_TO = 30  # a longer table of contents starts folded
_SPOOL_BYTES = 1 << 20

_STYLE = """
:root{color-scheme:light dark;--bg:#fbfbf9;--fg:#1f2023;--muted:#5d6167;--rule:#e2e2de;
--link:#0b57d0;--sum:#eef3fb;--sum-rule:#8fb0e8;--mark:#fdeb9c;--chip:#eef0f3;--yes:#17663a;
--yes-bg:#e3f3e8;--warn:#7a4a00;--warn-bg:#fff2da;--err:#a4251c;--err-bg:#fde8e6}
@media (prefers-color-scheme:dark){:root{--bg:#141518;--fg:#e5e5e1;--muted:#a3a7ad;
--rule:#2f3237;--link:#8ab4f8;--sum:#1b2535;--sum-rule:#3f5f94;--mark:#5a4a05;--chip:#25282d;
--yes:#8fd3a6;--yes-bg:#173223;--warn:#f3c47a;--warn-bg:#36290f;--err:#f4978e;--err-bg:#3d1a17}}
*,*::before,*::after{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{display:flex;flex-direction:column;max-width:44rem;margin:0 auto;padding:2rem 1.25rem 4rem;
background:var(--bg);color:var(--fg);overflow-wrap:break-word;font:1.0625rem/1.65 system-ui,
-apple-system,"Segoe UI",Roboto,"Noto Sans","Helvetica Neue",Arial,sans-serif}
body>header{order:-2}.toc{order:-1}
h1{font-size:1.9rem;line-height:1.2;margin:0 0 .25rem}
h2{font-size:1.55rem;line-height:1.25;margin:0 0 .4rem;text-wrap:balance}
h3{font-size:.8rem;letter-spacing:.06em;text-transform:uppercase;color:var(--muted);
margin:1.6rem 0 .4rem}
a{color:var(--link);text-underline-offset:.15em}a.url{overflow-wrap:anywhere}
article{padding:2.25rem 0;border-top:1px solid var(--rule)}
.muted,.byline,footer{color:var(--muted)}.byline{font-size:.9rem;margin:0}
.byline>span+span::before{content:" · "}
h2,.summary p,.text p,blockquote p{unicode-bidi:plaintext}
ul.badges{list-style:none;padding:0;margin:.9rem 0 0;display:flex;flex-wrap:wrap;gap:.4rem}
.badge{font-size:.8rem;border-radius:999px;padding:.1rem .65rem;background:var(--chip)}
.badge.yes{background:var(--yes-bg);color:var(--yes);font-weight:600}
.badge .call{text-transform:uppercase}
.badge .score,.badge .scheme{font-variant-numeric:tabular-nums;opacity:.8}
details{margin:.6rem 0;font-size:.92rem}summary{cursor:pointer;color:var(--muted)}
blockquote{margin:.5rem 0;padding:.1rem 0 .1rem .9rem;border-left:3px solid var(--rule)}
blockquote p{margin:.2rem 0}mark{background:var(--mark);color:inherit;border-radius:2px}
.summary{background:var(--sum);border-left:4px solid var(--sum-rule);padding:.2rem 1rem;
margin:1.2rem 0 1.4rem;border-radius:0 6px 6px 0}
.summary h3{margin-top:.6rem}.summary p{font-weight:500}
.text p{margin:0 0 1rem;hyphens:auto}.cited{font-size:.95rem}.cited ul{padding-left:1.2rem}
.problems ul{padding:0}
.problems li{border-radius:4px;padding:.15rem .5rem;margin:.25rem 0;list-style:none}
.problems .warning{background:var(--warn-bg);color:var(--warn)}
.problems .error{background:var(--err-bg);color:var(--err)}
.failed .notice{font-weight:600;color:var(--err)}
.toc{font-size:.95rem;margin:1rem 0}.toc strong{font-weight:500}
.toc ol{padding-left:1.6rem}.toc li{margin:.2rem 0}
.empty{font-style:italic;color:var(--muted)}footer{font-size:.85rem;order:1;padding-top:1rem}
@media print{body{display:block;max-width:none;padding:0;font-size:11pt;background:#fff;color:#000}
.toc{display:none}article{break-inside:auto}h2,h3{break-after:avoid}
details::details-content{content-visibility:visible}.summary{background:none}}
"""

_NONCHARACTERS = "".join(chr(p + d) for p in range(0, 0x110000, 0x10000) for d in (0xFFFE, 0xFFFF))
_FORBIDDEN = re.compile(
    f"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ufdd0-\ufdef{_NONCHARACTERS}]"
)
_SURROGATE = re.compile("[\ud800-\udfff]")
_LANG = re.compile(r"[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8})*")
_CALL = {True: "yes", False: "no"}
_REL = 'rel="noopener noreferrer nofollow"'
_STOPPED = (
    '<p class="notice">This page is incomplete: an error stopped it after {count} article(s).'
    "</p>\n</main>\n</body>\n</html>\n"
)
_UNREAD = '<p class="notice">This input could not be read, so there is no article for it.</p>\n'


def _clean(text: str) -> str:
    """``text`` without characters that HTML forbids; lone surrogates become U+FFFD."""
    return _SURROGATE.sub("\ufffd", _FORBIDDEN.sub("", text))


def _e(text: str) -> str:
    """One line of escaped text: blanks (line breaks included) collapsed."""
    return escape(" ".join(_clean(text).split()), quote=True)


def _paragraphs(text: str) -> list[str]:
    """The escaped paragraphs of ``text``: runs of lines between blank lines."""
    found: list[str] = []
    lines: list[str] = []
    for line in [*text.splitlines(), ""]:
        line = " ".join(_clean(line).split())
        if line:
            lines.append(line)
        elif lines:
            found.append(escape("\n".join(lines), quote=True))
            lines = []
    return found


def _link(url: str) -> str:
    """A link to an http(s) ``url``; any other URL is shown as text, unlinked."""
    target = safe_url(_clean(url))
    if target is None:
        return _e(url)
    return f'<a class="url" href="{escape(target, quote=True)}" {_REL}>{_e(url)}</a>'


def _lang(article: Article) -> str:
    language = (article.language or "").strip()
    return f' lang="{escape(language, quote=True)}"' if _LANG.fullmatch(language) else ""


def write_html(articles: Iterable[Article], stream: IO[str]) -> None:
    """Write a standalone HTML page with one ``<article>`` per article, as each arrives."""
    stream.write(_head())
    count = failed = 0
    with tempfile.SpooledTemporaryFile(_SPOOL_BYTES, "w+", encoding="utf-8") as toc:
        try:
            for article in articles:
                anchor = f"article-{count + 1}"
                stream.write("".join(_article(article, anchor)))
                toc.write(_toc_entry(article, anchor))
                count += 1
                failed += article.failed
        except BaseException:
            with contextlib.suppress(Exception):  # the stream itself may be what broke
                stream.write(_STOPPED.format(count=count))
            raise
        if not count:
            stream.write('<p class="empty">No articles.</p>\n')
        stream.write("</main>\n")
        if count > 1:
            opened = ' open=""' if count <= TOC_OPEN_UP_TO else ""
            stream.write(
                '<nav class="toc" aria-labelledby="contents">\n'
                f"<details{opened}>"
                f'<summary id="contents">Contents: {count} articles</summary>\n<ol>\n'
            )
            toc.seek(0)
            shutil.copyfileobj(toc, stream)
            stream.write("</ol>\n</details>\n</nav>\n")
    stream.write(_footer(count, failed))


def _head() -> str:
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8" />\n'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}" />\n'
        '<meta name="referrer" content="no-referrer" />\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1" />\n'
        f'<meta name="generator" content="newskit {escape(newskit.__version__)}" />\n'
        f"<title>News report</title>\n<style>{_STYLE}</style>\n</head>\n<body>\n"
        "<header><h1>News report</h1></header>\n<main>\n"
    )


def _footer(count: int, failed: int) -> str:
    noun = "article" if count == 1 else "articles"
    unread = f", {failed} of them could not be read" if failed else ""
    return (
        f"<footer><p>{count} {noun}{unread}. Written by newskit "
        f"{escape(newskit.__version__)}.</p></footer>\n</body>\n</html>\n"
    )


def _title(article: Article) -> str:
    return _e((article.title or "").strip() or article.id or "Untitled article")


def _date(when: date) -> str:
    shown = when.isoformat(sep=" ", timespec="minutes") if isinstance(when, datetime) else str(when)
    return f'<time datetime="{escape(when.isoformat())}">{escape(shown)}</time>'


def _toc_entry(article: Article, anchor: str) -> str:
    details = [_source_name(article.source)] if article.source else []
    if article.published is not None:
        details.append(_date(article.published))
    if article.failed:
        details.append("could not be read")
    extra = f' <span class="muted">{" · ".join(details)}</span>' if details else ""
    return f'<li><a href="#{anchor}">{_title(article)}</a>{extra}</li>\n'


def _article(article: Article, anchor: str) -> Iterator[str]:
    lang = _lang(article)
    failed = ' class="failed"' if article.failed else ""
    yield f'<article id="{anchor}"{failed}>\n'
    yield f"<header>\n<h2{lang}>{_title(article)}</h2>\n"
    if article.failed:
        yield "</header>\n" + _UNREAD
        yield from _problems(article)
        yield "</article>\n"
        return
    yield from _byline(article)
    yield from _categories(article.categories)
    yield "</header>\n"
    yield from _cited(article.cited_sources)
    summary = _paragraphs(article.summary)
    if summary:
        yield '<section class="summary">\n<h3>Summary</h3>\n'
        yield "".join(f"<p{lang}>{p}</p>\n" for p in summary) + "</section>\n"
    text = _paragraphs(article.text)
    if text:
        yield f'<div class="text"{lang}>\n' + "".join(f"<p>{p}</p>\n" for p in text) + "</div>\n"
    yield from _removed(article)
    yield from _problems(article)
    yield "</article>\n"


def _byline(article: Article) -> Iterator[str]:
    parts = []
    if article.source is not None:
        parts.append(_source_name(article.source))
    if article.published is not None:
        parts.append(_date(article.published))
    if article.authors:
        parts.append("By " + ", ".join(_e(a) for a in article.authors))
    if article.language:
        parts.append(f"Language: {_e(article.language)}")
    if article.url:
        parts.append(_link(article.url))
    if article.id and (article.title or "").strip():
        parts.append(f"ID: {_e(article.id)}")
    if parts:
        yield '<p class="byline">' + "".join(f"<span>{p}</span>" for p in parts) + "</p>\n"


def _source_name(source: Source) -> str:
    details = [d for d in (source.kind, source.domain) if d and d not in ("publisher", source.name)]
    extra = f' <span class="muted">({_e("; ".join(details))})</span>' if details else ""
    return f"<strong>{_e(source.name)}</strong>{extra}"


def _categories(categories: tuple[Category, ...]) -> Iterator[str]:
    if not categories:
        return
    yield '<ul class="badges">\n'
    for c in categories:
        kind = "tag" if c.label is None else _CALL[c.label]
        parts = [_e(c.name)]
        if c.score is not None:
            parts.append(f'<span class="score">{c.score:.2f}</span>')
        if c.label is not None:
            parts.append(f'<span class="call">{_CALL[c.label]}</span>')
        if c.scheme != c.name:
            parts.append(f'<span class="scheme">{_e(c.scheme)}</span>')
        yield f'<li class="badge {kind}" title="scheme: {_e(c.scheme)}">{" ".join(parts)}</li>\n'
    yield "</ul>\n"
    with_evidence = [c for c in categories if any(e.text.strip() for e in c.evidence)]
    if with_evidence:
        yield '<details class="evidence">\n<summary>Evidence for the categories</summary>\n'
        for c in with_evidence:
            yield f"<p><strong>{_e(c.name)}</strong></p>\n" + _quotes(c.evidence)
        yield "</details>\n"


def _cited(sources: tuple[Source, ...]) -> Iterator[str]:
    if not sources:
        return
    yield '<section class="cited">\n<h3>Cited sources</h3>\n<ul>\n'
    for source in sources:
        link = f" {_link(source.url)}" if source.url else ""
        yield f"<li>{_source_name(source)}{link}"
        quoted = [e for e in source.evidence if e.text.strip()]
        if quoted:
            noun = "passage" if len(quoted) == 1 else "passages"
            yield f"\n<details>\n<summary>{len(quoted)} citing {noun}</summary>\n"
            yield _quotes(quoted) + "</details>\n"
        yield "</li>\n"
    yield "</ul>\n</section>\n"


def _quotes(evidence: Iterable[Evidence]) -> str:
    quotes = [_marked(e.text, e.terms) for e in evidence if e.text.strip()]
    return "".join(f"<blockquote><p>{q}</p></blockquote>\n" for q in quotes)


def _marked(text: str, terms: Iterable[str]) -> str:
    """``text`` on one line and escaped, each occurrence of ``terms`` in ``<mark>``."""
    text = " ".join(_clean(text).split())
    spans = sorted(s for term in dict.fromkeys(terms) for s in _spans(text, term) if s[1] > s[0])
    out: list[str] = []
    pos = 0
    for start, end in spans:
        start = max(start, pos)
        if end <= start:
            continue
        out += [escape(text[pos:start]), f"<mark>{escape(text[start:end])}</mark>"]
        pos = end
    out.append(escape(text[pos:]))
    return "".join(out)


def _removed(article: Article) -> Iterator[str]:
    if not article.removed:
        return
    yield '<details class="removed">\n'
    yield f"<summary>Removed by cleaning ({len(article.removed)})</summary>\n<ul>\n"
    for piece in article.removed[:MAX_REMOVED]:
        text = " ".join(piece.text.split())
        if len(text) > REMOVED_CHARS:
            text = text[: REMOVED_CHARS - 1].rstrip() + "…"
        step = f' <span class="muted">({_e(piece.step)})</span>' if piece.step else ""
        yield f"<li>“{_e(text)}”: {_e(piece.reason)}{step}</li>\n"
    more = len(article.removed) - MAX_REMOVED
    if more > 0:
        yield f"<li>… and {more} more (all are in the JSON output)</li>\n"
    yield "</ul>\n</details>\n"


def _problems(article: Article) -> Iterator[str]:
    if not (article.errors or article.warnings):
        return
    yield '<section class="problems">\n<h3>Warnings and errors</h3>\n<ul>\n'
    yield "".join(_problem("error", p) for p in article.errors)
    yield "".join(_problem("warning", p) for p in article.warnings)
    yield "</ul>\n</section>\n"


def _problem(kind: str, problem: Problem) -> str:
    where = f" in {_e(problem.step)}" if problem.step else ""
    label = f'<li class="{kind}"><strong>{kind.capitalize()}</strong>'
    return f"{label}{where}: {_e(problem.message)}</li>\n"
