"""When a page was published: date strings as pages write them, and where pages put them."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from datetime import date, datetime, timedelta, timezone
from email.utils import parsedate_to_datetime
from typing import Any
from urllib.parse import urlsplit

import lxml.html

from ..urls import parse_url

__all__ = ["htmldate_published", "parse_date", "published_in_page", "url_date"]

# <meta> names (lowercased) that hold the publication date, most specific first.
DATE_META = (
    "article:published_time",
    "og:article:published_time",
    "og:published_time",
    "article.published",
    "datepublished",
    "publishdate",
    "publish-date",
    "publish_date",
    "pubdate",
    "parsely-pub-date",
    "sailthru.date",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date",
    "dcterms.date",
    "dc.date.created",
    "dcterms.created",
    "citation_publication_date",
    "originalpublicationdate",
    "article_date_original",
    "date",
    "datecreated",
)
_EARLIEST_YEAR = 1990
_MONTH_URL = re.compile(r"/((?:19|20)\d\d)/([a-z]{3})/(\d\d?)/", re.IGNORECASE)

_ISO = re.compile(
    r"(?P<y>\d{4})-(?P<m>\d\d)-(?P<d>\d\d)"
    r"(?:[T ](?P<H>\d\d):(?P<M>\d\d)(?::(?P<S>\d\d)(?:[.,](?P<f>\d+))?)?"
    r"\s*(?P<tz>Z|[+-]\d\d(?::?\d\d)?)?)?",
    re.IGNORECASE,
)
_COMPACT = re.compile(
    r"(?P<y>\d{4})(?P<m>\d\d)(?P<d>\d\d)(?:T?(?P<H>\d\d)(?P<M>\d\d)(?P<S>\d\d)?)?$"
)
_SLASHED = re.compile(r"(?P<y>\d{4})[/.](?P<m>\d\d?)[/.](?P<d>\d\d?)\b")
_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            "jan january", "feb february", "mar march", "apr april", "may", "jun june",
            "jul july", "aug august", "sep sept september", "oct october", "nov november",
            "dec december",
        ),
        start=1,
    )
    for name in names.split()
}  # fmt: skip
_MONTH = r"(?P<mon>[a-z]{3,9})\.?"
_WORDY = (
    re.compile(rf"\b{_MONTH}\s+(?P<d>\d\d?)(?:st|nd|rd|th)?,?\s+(?P<y>\d{{4}})\b", re.I),
    re.compile(rf"\b(?P<d>\d\d?)(?:st|nd|rd|th)?\s+{_MONTH},?\s+(?P<y>\d{{4}})\b", re.I),
)


def parse_date(value: str) -> date | datetime | None:
    """A publication date written the way pages write them, or None.

    Reads ISO 8601 (with ``Z``, ``+0000`` or ``+00:00`` offsets and any fraction of a
    second, on every Python version), ``20191120``, ``2019/11/20``, RFC 2822
    (``Wed, 20 Nov 2019 14:30:00 GMT``) and English ``November 20, 2019`` or
    ``20 Nov 2019``. A value with a time of day gives a datetime, otherwise a date.
    Years before 1990 or after next year are rejected as noise.
    """
    text = value.strip()
    if not text or len(text) > 80:
        return None
    for parse in (_iso, _rfc2822, _wordy):
        found = parse(text)
        if found is not None:
            return found if _plausible(found) else None
    return None


def _plausible(value: date) -> bool:
    return _EARLIEST_YEAR <= value.year <= date.today().year + 1


def _iso(text: str) -> date | datetime | None:
    match = _ISO.match(text) or _COMPACT.match(text) or _SLASHED.match(text)
    if match is None:
        return None
    parts = match.groupdict()
    try:
        day = date(int(parts["y"]), int(parts["m"]), int(parts["d"]))
        if not parts.get("H"):
            return day
        fraction = (parts.get("f") or "0")[:6].ljust(6, "0")
        return datetime(
            day.year, day.month, day.day, int(parts["H"]), int(parts["M"]),
            int(parts.get("S") or 0), int(fraction), tzinfo=_tz(parts.get("tz")),
        )  # fmt: skip
    except ValueError:
        return None


def _tz(text: str | None) -> timezone | None:
    if not text:
        return None
    if text in ("Z", "z"):
        return timezone.utc
    digits = text[1:].replace(":", "")
    minutes = int(digits[:2]) * 60 + int(digits[2:4] or 0)
    return timezone(timedelta(minutes=-minutes if text[0] == "-" else minutes))


def _rfc2822(text: str) -> datetime | None:
    if not re.match(r"^(?:[A-Za-z]{3},\s*)?\d\d?\s+[A-Za-z]{3}\s+\d{4}\s+\d\d?:\d\d", text):
        return None
    try:
        return parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None


def _wordy(text: str) -> date | None:
    for pattern in _WORDY:
        match = pattern.search(text)
        month = _MONTHS.get(match["mon"].lower()) if match else None
        if match and month:
            try:
                return date(int(match["y"]), month, int(match["d"]))
            except ValueError:
                return None
    return None


def url_date(url: str | None) -> date | None:
    """The date in a news URL: ``/2019/11/20/``, ``2019-11-20``, ``/20191120/`` and
    ``/2019/nov/18/``."""
    if not url:
        return None
    found = parse_url(url).published
    if found is None and (match := _MONTH_URL.search(urlsplit(url).path)):  # /2019/nov/18/
        found = parse_date(f"{match[3]} {match[2]} {match[1]}")
    return found if isinstance(found, date) else None


def published_in_page(
    tree: lxml.html.HtmlElement, tags: dict[str, str], ld_values: Iterable[Any]
) -> date | datetime | None:
    """The publication date a page states: JSON-LD ``datePublished`` (given in
    ``ld_values``), then <meta> tags, microdata ``itemprop=datePublished``, and a
    <time> element that is marked as the publication time or is the page's only one."""
    for value in _candidates(tree, tags, ld_values):
        if isinstance(value, str) and (found := parse_date(value)) is not None:
            return found
    return None


def _candidates(
    tree: lxml.html.HtmlElement, tags: dict[str, str], ld_values: Iterable[Any]
) -> Iterator[Any]:
    yield from ld_values
    yield from (tags.get(key) for key in DATE_META)
    for el in tree.xpath("//*[@itemprop='datePublished' or @itemprop='dateCreated']"):
        yield el.get("content") or el.get("datetime") or el.text_content()
    times = [t for t in tree.iter("time") if t.get("datetime")]
    marked = [
        t
        for t in times
        if t.get("pubdate") is not None
        or "publish" in (t.get("class") or "").lower()
        or "publish" in (t.get("itemprop") or "").lower()
    ]
    for el in marked or (times if len({t.get("datetime") for t in times}) == 1 else ()):
        yield el.get("datetime")


def htmldate_published(tree: lxml.html.HtmlElement, url: str | None) -> date | None:
    """htmldate's guess at the original publication date, or None when htmldate is not
    installed (it is optional: ``pip install 'newskit[dates]'``) or finds nothing.

    Used only as a fallback: its heuristics read dates out of the page text, which
    reaches pages without metadata, but it is slower than reading metadata.
    """
    try:
        from htmldate import find_date
    except ImportError:
        return None
    try:
        found = find_date(tree, url=url, original_date=True, extensive_search=False)
    except Exception:  # noqa: BLE001 - a third-party heuristic must never fail a read
        return None
    return parse_date(found) if found else None
