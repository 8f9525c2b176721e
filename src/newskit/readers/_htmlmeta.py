"""An HTML page's metadata: what it says of itself in <meta>, <link>, <time>, JSON-LD."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import date, datetime
from typing import Any
from urllib.parse import urljoin

import lxml.html

from ..model import Category, parse_iso_date

__all__ = ["MetaTags"]

_ARTICLE_TYPES = frozenset(
    "Article NewsArticle ReportageNewsArticle AnalysisNewsArticle OpinionNewsArticle "
    "BackgroundNewsArticle BlogPosting Report ScholarlyArticle TechArticle LiveBlogPosting".split()
)
_DATE_META = (
    "article:published_time",
    "og:article:published_time",
    "datepublished",
    "publishdate",
    "pubdate",
    "date",
    "dc.date",
    "dc.date.issued",
    "dcterms.created",
    "sailthru.date",
    "parsely-pub-date",
)
_BY = re.compile(r"^\s*by\s+", re.IGNORECASE)


class MetaTags:
    """The metadata a page carries in <meta>, <link>, <time>, <html lang> and JSON-LD."""

    def __init__(self, tree: lxml.html.HtmlElement) -> None:
        self.tree = tree
        self.tags: dict[str, str] = {}
        for el in tree.iter("meta"):
            key = (el.get("property") or el.get("name") or el.get("itemprop") or "").strip().lower()
            value = (el.get("content") or "").strip()
            if key and value:
                self.tags.setdefault(key, value)
        self.ld = _json_ld(tree)

    def canonical_url(self) -> str | None:
        for link in self.tree.iter("link"):
            if "canonical" in (link.get("rel") or "").lower().split() and link.get("href"):
                return link.get("href").strip()
        return self.tags.get("og:url")

    def site_name(self) -> str | None:
        publisher = self.ld.get("publisher")
        if isinstance(publisher, list):
            publisher = publisher[0] if publisher else None
        ld_name = publisher.get("name") if isinstance(publisher, dict) else None
        name = self.tags.get("og:site_name") or ld_name or self.tags.get("application-name")
        return name.strip() if isinstance(name, str) and name.strip() else None

    def title(self, site: str | None, domain: str | None) -> str | None:
        headline = self.ld.get("headline")
        for candidate in (
            self.tags.get("og:title"),
            headline,
            self.tags.get("twitter:title"),
            _page_title(self.tree),
        ):
            if isinstance(candidate, str) and candidate.strip():
                return _strip_site_suffix(" ".join(candidate.split()), site, domain)
        return None

    def authors(self) -> tuple[str, ...]:
        found: list[str] = []
        ld_author = self.ld.get("author")
        for item in ld_author if isinstance(ld_author, list) else [ld_author]:
            if isinstance(item, dict):
                item = item.get("name")
            if isinstance(item, str):
                found.append(item)
        for key in ("author", "article:author", "dc.creator", "byl"):
            value = self.tags.get(key)
            if value and not value.startswith(("http://", "https://")):
                found.append(value)
        names = (" ".join(_BY.sub("", n).split()) for n in found)
        return tuple(dict.fromkeys(n for n in names if n))

    def published(self) -> date | datetime | None:
        candidates = [self.ld.get("datePublished")]
        candidates += [self.tags.get(k) for k in _DATE_META]
        candidates += [t.get("datetime") for t in self.tree.iter("time")]
        for value in candidates:
            if isinstance(value, str) and (parsed := _parse_date(value)) is not None:
                return parsed
        return None

    def language(self) -> str | None:
        lang = self.tree.get("lang") or self.tree.get("{http://www.w3.org/XML/1998/namespace}lang")
        lang = lang or self.tags.get("og:locale") or self.tags.get("content-language")
        if not lang:
            return None
        primary = re.split(r"[-_]", lang.strip().lower())[0]
        return primary if primary.isalpha() and 2 <= len(primary) <= 3 else None

    def categories(self) -> tuple[Category, ...]:
        out: list[Category] = []
        section = self.tags.get("article:section") or self.ld.get("articleSection")
        if isinstance(section, list):
            section = section[0] if section else None
        if isinstance(section, str) and section.strip():
            out.append(Category(name=section.strip(), scheme="section", label=True))
        tags = [
            el.get("content", "")
            for el in self.tree.iter("meta")
            if el.get("property") == "article:tag"
        ]
        if not tags and self.tags.get("keywords"):
            tags = self.tags["keywords"].split(",")
        for tag in dict.fromkeys(t.strip() for t in tags if t.strip()):
            out.append(Category(name=tag, scheme="tag", label=True))
        return tuple(out)

    def description(self) -> str | None:
        return self.tags.get("og:description") or self.tags.get("description")

    def image(self, base: str | None) -> str | None:
        image = self.tags.get("og:image") or self.tags.get("twitter:image")
        return urljoin(base, image) if image and base else image


def _page_title(tree: lxml.html.HtmlElement) -> str | None:
    title = tree.find(".//title")
    return title.text_content() if title is not None else None


def _strip_site_suffix(title: str, site: str | None, domain: str | None) -> str:
    """``"Rates held | Daily Ledger"`` -> ``"Rates held"``, when the tail names the site
    (its ``og:site_name``, or a name its domain spells, like "BBC News" on bbc.co.uk)."""
    for sep in (" | ", " - ", " \u2013 ", " \u2014 ", " :: "):
        head, found, tail = title.rpartition(sep)
        if found and head.strip() and _names_site(tail, site, domain):
            return head.strip()
    return title


def _names_site(text: str, site: str | None, domain: str | None) -> bool:
    key = re.sub(r"\W+", "", text).lower()
    if not key:
        return False
    if site and key == re.sub(r"\W+", "", site).lower():
        return True
    label = (domain or "").split(".")[0].replace("-", "")
    return len(label) >= 3 and (key.startswith(label) or label.startswith(key))


def _parse_date(value: str) -> date | datetime | None:
    value = value.strip()
    try:
        return parse_iso_date(value)
    except ValueError:
        pass
    match = re.match(r"((?:19|20)\d\d)-?([01]\d)-?([0-3]\d)", value)
    if match:
        try:
            return date(int(match[1]), int(match[2]), int(match[3]))
        except ValueError:
            return None
    return None


def _json_ld(tree: lxml.html.HtmlElement) -> dict[str, Any]:
    """The first schema.org article object in the page's JSON-LD, or {}."""
    for script in tree.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json" or not script.text:
            continue
        try:
            data = json.loads(script.text, strict=False)
        except ValueError:
            continue
        for node in _ld_nodes(data):
            types = node.get("@type")
            types = types if isinstance(types, list) else [types]
            if any(t in _ARTICLE_TYPES for t in types if isinstance(t, str)):
                return node
    return {}


def _ld_nodes(data: Any) -> Iterator[dict[str, Any]]:
    if isinstance(data, list):
        for item in data:
            yield from _ld_nodes(item)
    elif isinstance(data, dict):
        yield data
        if "@graph" in data:
            yield from _ld_nodes(data["@graph"])
