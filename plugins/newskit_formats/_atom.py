"""The ``atom`` format: the articles as an Atom 1.0 feed (RFC 4287), for feed readers.

The feed header is written first: a fresh ``urn:uuid:`` id (each export is its own
feed), the title ``newskit articles``, ``updated`` (now, in UTC), the author and
generator ``newskit``. Then one ``<entry>`` per article, as each arrives:

- ``id``: the article's http(s) URL, else ``urn:newskit:article:<id>`` (the ``@id`` of
  the ``jsonld`` format); ``link rel="alternate"``: the URL, if it is http(s);
- ``title`` (the id when there is none), ``published`` and ``updated`` (both the
  publication time; ``updated`` is the feed's time when it is unknown). A date becomes
  midnight UTC and a datetime without an offset is taken as UTC, as RFC 3339 wants an
  offset; ``xml:lang``: the language, if it is a well-formed tag;
- ``author``: one per author; ``source``: the publisher's name and home page;
- ``category``: one per classifier category labelled true and per section and tag
  (unless labelled false), ``term`` its name, ``scheme`` ``urn:newskit:scheme:<scheme>``;
- ``summary`` and ``content``, both ``type="text"``: the summary and the body.

Error records (inputs that could not be read) are not entries; a comment at the end
of the feed counts them. Scores, categories labelled false, evidence, cited sources,
what cleaning removed, ``meta``, warnings and errors are not in the feed.

All text is escaped with :mod:`xml.sax.saxutils`; carriage returns are written as
``&#13;`` so they survive parsing. Characters that XML 1.0 forbids (controls other than
tab, newline and carriage return; lone surrogates; U+FFFE and U+FFFF) are dropped, so
the feed is well-formed whatever the pages held.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterable
from datetime import date, datetime, time, timezone
from typing import IO
from urllib.parse import quote
from xml.sax.saxutils import escape, quoteattr

from newskit import Article, Source, __version__

from ._escape import safe_url
from ._jsonld import article_iri

__all__ = ["FEED_TITLE", "render_entry", "rfc3339", "write_atom"]

FEED_TITLE = "newskit articles"

_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_METADATA = frozenset({"section", "tag"})
_LANGUAGE = re.compile(r"^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$")


def write_atom(articles: Iterable[Article], stream: IO[str]) -> None:
    """Write the feed header, then one entry as each article arrives, then the end."""
    now = rfc3339(datetime.now(timezone.utc).replace(microsecond=0))
    stream.write(
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<feed xmlns="http://www.w3.org/2005/Atom">\n'
        f"  <id>urn:uuid:{uuid.uuid4()}</id>\n"
        f'  <title type="text">{FEED_TITLE}</title>\n'
        f"  <updated>{now}</updated>\n"
        "  <author><name>newskit</name></author>\n"
        f"  <generator version={_attr(__version__)}>newskit</generator>\n"
    )
    skipped = 0
    for article in articles:
        if article.failed:
            skipped += 1
            continue
        stream.write(render_entry(article, now))
    if skipped:
        stream.write(
            f"  <!-- {skipped} error record(s) not shown: inputs that could not be read -->\n"
        )
    stream.write("</feed>\n")


def render_entry(article: Article, updated: str) -> str:
    """The ``<entry>`` of one article; ``updated`` is used when it has no date."""
    lang = article.language or ""
    lang_attr = f" xml:lang={_attr(lang)}" if _LANGUAGE.match(lang) else ""
    title = _clean(article.title or "").strip() or _clean(article.id) or "Untitled article"
    iri = article_iri(article) or f"urn:uuid:{uuid.uuid4()}"
    lines = [
        f"  <entry{lang_attr}>",
        f"    <id>{_text(iri)}</id>",
        f'    <title type="text">{_text(title)}</title>',
    ]
    url = safe_url(_clean(article.url or ""))
    if url is not None:
        lines.append(f'    <link rel="alternate" href={_attr(url)}/>')
    if article.published is not None:
        published = rfc3339(article.published)
        lines.append(f"    <published>{published}</published>")
        updated = published
    lines.append(f"    <updated>{updated}</updated>")
    names = [_clean(name).strip() for name in article.authors]
    lines += [f"    <author><name>{_text(name)}</name></author>" for name in names if name]
    if article.source is not None:
        lines.append(_source(article.source))
    lines += [
        f"    <category term={_attr(c.name)} scheme={_attr(_scheme(c.scheme))}/>"
        for c in article.categories
        if c.label or (c.label is None and c.scheme in _METADATA)
    ]
    if article.summary:
        lines.append(f'    <summary type="text">{_text(article.summary)}</summary>')
    lines += [f'    <content type="text">{_text(article.text)}</content>', "  </entry>", ""]
    return "\n".join(lines)


def rfc3339(value: date | datetime) -> str:
    """``value`` as an RFC 3339 date-time: dates at midnight, naive times as UTC."""
    if not isinstance(value, datetime):
        value = datetime.combine(value, time(0), tzinfo=timezone.utc)
    offset = value.utcoffset()
    if offset is None:
        value = value.replace(tzinfo=timezone.utc)
    elif offset.seconds % 60:  # RFC 3339 offsets have no seconds
        value = value.astimezone(timezone.utc)
    text = value.isoformat()
    return text[:-6] + "Z" if text.endswith("+00:00") else text


def _source(source: Source) -> str:
    parts = [f"<title>{_text(source.name)}</title>"]
    url = safe_url(_clean(source.url or ""))
    if url is not None:
        parts.append(f'<link rel="alternate" href={_attr(url)}/>')
    return f"    <source>{''.join(parts)}</source>"


def _scheme(scheme: str) -> str:
    return "urn:newskit:scheme:" + quote(_clean(scheme), safe="")


def _clean(value: str) -> str:
    """``value`` without the characters XML 1.0 forbids."""
    return _INVALID.sub("", value)


def _text(value: str) -> str:
    """``value`` as XML character data."""
    return escape(_clean(value), {"\r": "&#13;"})


def _attr(value: str) -> str:
    """``value`` as a quoted XML attribute value."""
    return quoteattr(_clean(value))
