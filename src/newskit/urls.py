"""What a news URL tells about its article: publisher domain, section and date."""

from __future__ import annotations

import re
from datetime import date
from urllib.parse import urlsplit

import attrs

from .model import Article, Category, Source

__all__ = ["UrlInfo", "enrich_from_url", "parse_url"]

_DATE_PATTERNS = (
    re.compile(r"/(?P<y>(?:19|20)\d\d)/(?P<m>[01]?\d)/(?P<d>[0-3]?\d)(?:/|$)"),
    re.compile(r"[/_-](?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?:[/_.-]|$)"),
    re.compile(r"/(?P<y>(?:19|20)\d\d)(?P<m>[01]\d)(?P<d>[0-3]\d)(?:/|$)"),
)
# First path segments that name no section.
_NOT_SECTIONS = frozenset(
    "article articles story stories post posts p a amp index news-story content view "
    "www web blog blogs id item page pages".split()
)
_SECTION = re.compile(r"^[a-z][a-z0-9-]{1,39}$")
_LANGUAGE_CODE = re.compile(r"^[a-z]{2}(?:-[a-z]{2})?$")


@attrs.frozen
class UrlInfo:
    domain: str | None
    section: str | None
    published: date | None


def parse_url(url: str) -> UrlInfo:
    """Read the domain (without ``www.``), the section and a date from a URL."""
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").lower()
    domain = host[4:] if host.startswith("www.") else host
    path = parts.path
    return UrlInfo(domain=domain or None, section=_section(path), published=_date(path))


def _date(path: str) -> date | None:
    for pattern in _DATE_PATTERNS:
        match = pattern.search(path)
        if match:
            try:
                return date(int(match["y"]), int(match["m"]), int(match["d"]))
            except ValueError:
                continue
    return None


def _section(path: str) -> str | None:
    segments = [s for s in path.split("/") if s]
    # The last segment is the article's own slug; sections come before it.
    for segment in segments[:-1]:
        seg = segment.lower()
        if _LANGUAGE_CODE.match(seg) or seg in _NOT_SECTIONS:
            continue
        if _SECTION.match(seg) and not seg.isdigit():
            return seg
        return None
    return None


def enrich_from_url(article: Article) -> Article:
    """Fill what the article lacks (publisher, date, section) from its URL."""
    if not article.url:
        return article
    info = parse_url(article.url)
    changes: dict[str, object] = {}
    if info.domain:
        parts = urlsplit(article.url)
        home = f"{parts.scheme or 'https'}://{parts.hostname}/"
        if article.source is None:
            changes["source"] = Source(name=info.domain, domain=info.domain, url=home)
        elif article.source.domain is None or article.source.url is None:
            changes["source"] = attrs.evolve(
                article.source,
                domain=article.source.domain or info.domain,
                url=article.source.url or home,
            )
    if article.published is None and info.published:
        changes["published"] = info.published
    if info.section and not any(c.scheme == "section" for c in article.categories):
        section = Category(name=info.section, scheme="section", label=True)
        changes["categories"] = (*article.categories, section)
    return attrs.evolve(article, **changes) if changes else article
