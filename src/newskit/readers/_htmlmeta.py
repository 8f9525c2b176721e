"""An HTML page's metadata: what it says of itself in <meta>, <link>, <time>, JSON-LD.

:func:`page_metadata` gathers it all into a :class:`PageMetadata`. Each field comes from
the most specific place that has it: JSON-LD and Open Graph first, then plain <meta>
tags, then the page's visible byline and <time> elements, then the URL.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from datetime import date, datetime
from typing import Any
from urllib.parse import urljoin, urlsplit

import attrs
import lxml.html

from ..language import detect_language, language_code
from ..model import Category, Source
from ._authors import byline_authors, clean_authors
from ._dates import htmldate_published, published_in_page, url_date
from ._jsonld import JsonLd, as_list

__all__ = ["MetaTags", "PageMetadata", "page_metadata"]

_PERSON_TYPES = frozenset({"person", ""})
_AUTHOR_META = (
    "author",
    "article:author",
    "dc.creator",
    "byl",
    "sailthru.author",
    "parsely-author",
)
_TAG_META = ("parsely-tags", "news_keywords", "keywords", "sailthru.tags")
# Labels that say where on the site a page sits, or flag it, not what it is about.
_NOT_LABELS = frozenset(
    {
        "post", "posts", "article", "articles", "page", "all", "home", "homepage", "front page",
        "home page", "popular", "slider", "uncategorized", "uncategorised", "default", "none",
        "null", "featured", "trending",
    }
)  # fmt: skip
_MAX_SECTIONS = 3
_TAG_PREFIX = re.compile(r"^(?:category|topic|tag|section|keyword)s?\s*:\s*", re.IGNORECASE)
# Entity types some CMSs append to keywords: "Paul George PROFESSIONAL_ATHLETE PERSON".
_ENTITY_TYPES = re.compile(
    r"(?:(?:^|\s+)(?:[A-Z]+_[A-Z_]+|PERSON|POLITICIAN|ORGANIZATION|LOCATION|PLACE|COMPANY))+$"
)


@attrs.frozen(kw_only=True)
class PageMetadata:
    """What a page says about its article. Every field is empty when the page is silent."""

    title: str | None = None
    authors: tuple[str, ...] = ()
    published: date | datetime | None = None
    language: str | None = None
    declared_language: str | None = None
    #: The <title> as printed, site name and all (the headline often repeats it).
    page_title: str | None = None
    source: Source | None = None
    categories: tuple[Category, ...] = ()
    canonical_url: str | None = None
    description: str | None = None
    image: str | None = None


def page_metadata(tree: lxml.html.HtmlElement, *, url: str | None, text: str = "") -> PageMetadata:
    """The metadata of a whole parsed page (before any pruning).

    ``url`` is where the page came from, if known: it makes links absolute, names the
    publisher when the page does not, and may carry the date. ``text`` is the article
    body, whose language is detected with the page's declared one as a hint; without
    it, ``language`` is the declared language (the HTML reader reads the metadata
    before it extracts the body, then detects the language with ``declared_language``).
    """
    meta = MetaTags(tree)
    canonical = meta.canonical_url(url)
    page_url = url or canonical
    domain = _domain(page_url)
    site = meta.site_name()
    return PageMetadata(
        title=meta.title(site, domain),
        authors=meta.authors(site, domain),
        published=meta.published(page_url),
        language=detect_language(text, meta.language()) if text else meta.language(),
        declared_language=meta.language(),
        page_title=meta.page_title,
        source=_source(site, page_url, domain),
        categories=meta.categories(),
        canonical_url=canonical,
        description=meta.description(),
        image=meta.image(page_url),
    )


class MetaTags:
    """The metadata a page carries in <meta>, <link>, <time>, <html lang> and JSON-LD."""

    def __init__(self, tree: lxml.html.HtmlElement) -> None:
        self.tree = tree
        self.all: dict[str, list[str]] = {}
        for el in tree.iter("meta"):
            key = el.get("property") or el.get("name") or el.get("itemprop") or ""
            key = (key or el.get("http-equiv") or "").strip().lower()
            value = " ".join((el.get("content") or "").split())
            if key and value:
                self.all.setdefault(key, []).append(value)
        self.tags: dict[str, str] = {key: values[0] for key, values in self.all.items()}
        self.json_ld = JsonLd(tree)
        self.ld: dict[str, Any] = self.json_ld.article
        # Read now what pruning the tree for its body text may take away.
        self.page_title = _page_title(tree)
        self._canonical = next(
            (
                link.get("href", "")
                for link in tree.iter("link")
                if "canonical" in (link.get("rel") or "").lower().split() and link.get("href")
            ),
            None,
        )
        self._lang = tree.get("lang") or tree.get("{http://www.w3.org/XML/1998/namespace}lang")

    def canonical_url(self, base: str | None = None) -> str | None:
        found = self._canonical or self.tags.get("og:url")
        return _absolute(found, base) if found else None

    def site_name(self) -> str | None:
        publisher = self.json_ld.ref(self.ld.get("publisher"))
        ld_name = publisher.get("name") if isinstance(publisher, dict) else None
        app = self.tags.get("application-name", "")
        app = app if len(app) <= 40 and len(app.split()) <= 4 else None
        for name in (self.tags.get("og:site_name"), ld_name, app):
            if isinstance(name, str) and (clean := _clean_site(name)):
                return clean
        return None

    def title(self, site: str | None, domain: str | None) -> str | None:
        headline = self.ld.get("headline")
        for candidate in (
            self.tags.get("og:title"),
            headline,
            self.tags.get("twitter:title"),
            self.page_title,
        ):
            if isinstance(candidate, str) and candidate.strip():
                sections = [c.name for c in self.categories() if c.scheme == "section"]
                return _strip_site_suffix(" ".join(candidate.split()), site, domain, sections)
        return None

    def authors(self, site: str | None = None, domain: str | None = None) -> tuple[str, ...]:
        """People named in JSON-LD ``author``, else in author <meta> tags, else in the
        page's byline; organisations, agencies and the site itself are left out."""
        ld_names = []
        for item in as_list(self.ld.get("author")):
            item = self.json_ld.ref(item)
            if isinstance(item, dict):
                kinds = as_list(item.get("@type") or item.get("type") or "")
                if any(isinstance(k, str) and k.lower() in _PERSON_TYPES for k in kinds):
                    ld_names.append(item.get("name"))
            else:
                ld_names.append(item)
        meta_names = [v for k in _AUTHOR_META for v in self.all.get(k, ()) if "://" not in v[:12]]
        for values in (ld_names, meta_names):
            names = clean_authors(
                (v for v in values if isinstance(v, str)), site=site, domain=domain
            )
            if names:
                return names
        return byline_authors(self.tree, site=site, domain=domain)

    def published(self, url: str | None = None) -> date | datetime | None:
        """JSON-LD, <meta>, microdata and <time>; then the URL's date; then htmldate's
        guess from the page text, when htmldate is installed."""
        ld_values = [self.ld.get("datePublished")]
        ld_values += [n.get("datePublished") for n in self.json_ld.nodes if n is not self.ld]
        ld_values.append(self.ld.get("dateCreated"))
        return (
            published_in_page(self.tree, self.tags, ld_values)
            or url_date(url)
            or htmldate_published(self.tree, url)
        )

    def language(self) -> str | None:
        """The language the page declares (``<html lang="en-GB">`` -> ``"en"``), or None."""
        in_language = self.ld.get("inLanguage")
        for value in (
            self._lang,
            self.tags.get("content-language"),
            self.tags.get("og:locale"),
            in_language if isinstance(in_language, str) else None,
            self.tags.get("language"),
        ):
            if value and (code := language_code(value)):
                return code
        return None

    def categories(self) -> tuple[Category, ...]:
        """The page's section(s) and its tags, as metadata labels."""
        sections = self.all.get("article:section") or as_list(self.ld.get("articleSection"))
        sections = sections or self.all.get("parsely-section", [])
        seen: dict[str, str] = {}
        for value in sections:
            for name in _split_labels(value):
                if _is_section(name) and len(seen) < _MAX_SECTIONS:
                    seen.setdefault(name.casefold(), name)
        out = [Category(name=name, scheme="section", label=True) for name in seen.values()]
        # Several article:tag elements hold one tag each, commas and all ("Elections,
        # Governors"); a single one may hold a list.
        article_tags = self.all.get("article:tag", [])
        tag_lists = [[_split_labels(v, split=len(article_tags) == 1) for v in article_tags]]
        for values in [as_list(self.ld.get("keywords"))] + [self.all.get(k, []) for k in _TAG_META]:
            tag_lists.append([_split_labels(v) for v in values])
        for lists in tag_lists:
            tags: dict[str, str] = {}
            for tag in (t for labels in lists for t in labels if _is_tag(t)):
                tags.setdefault(tag.casefold(), tag)
            if tags:
                out += [Category(name=tag, scheme="tag", label=True) for tag in tags.values()]
                break
        return tuple(out)

    def description(self) -> str | None:
        ld_description = self.ld.get("description")
        for value in (
            self.tags.get("og:description"),
            self.tags.get("description"),
            self.tags.get("twitter:description"),
            ld_description if isinstance(ld_description, str) else None,
        ):
            if value and value.strip():
                return " ".join(html.unescape(value).split())
        return None

    def image(self, base: str | None) -> str | None:
        for key in ("og:image", "og:image:url", "og:image:secure_url", "twitter:image"):
            if self.tags.get(key):
                return _absolute(self.tags[key], base)
        if self.tags.get("twitter:image:src"):
            return _absolute(self.tags["twitter:image:src"], base)
        for item in as_list(self.ld.get("image")) + as_list(self.ld.get("thumbnailUrl")):
            item = self.json_ld.ref(item)
            found = (item.get("url") or item.get("contentUrl")) if isinstance(item, dict) else item
            if isinstance(found, str) and found.strip():
                return _absolute(found, base)
        return None


def _source(site: str | None, url: str | None, domain: str | None) -> Source | None:
    """The publisher: the name the page gives itself, else its domain ("bbc.co.uk").

    The domain is used as the name rather than a guess made from it ("Bbc"), as
    :func:`newskit.urls.enrich_from_url` does: it is exact, and groups a site's articles.
    """
    home = None
    if url and domain:
        parts = urlsplit(url)
        home = f"{parts.scheme or 'https'}://{parts.hostname}/"
    if site and domain and site == domain.split(".")[0]:  # "usatoday" on usatoday.com
        site = domain
    name = site or domain
    return Source(name=name, domain=domain, url=home, kind="publisher") if name else None


def _clean_site(name: str) -> str | None:
    """``"LinkNaija | Nigeria's popular news platform"`` -> ``"LinkNaija"``;
    ``"https://www.example.com"`` -> ``"example.com"``; ``"@politifact"`` -> ``"politifact"``."""
    name = " ".join(html.unescape(name).split())
    if re.match(r"^https?://", name):
        return _domain(name)
    name = name.split(" | ")[0].lstrip("@").strip()
    return name or None


def _split_labels(value: Any, *, split: bool = True) -> list[str]:
    """``"Category: Moon, SpaceX"`` -> ``["Moon", "SpaceX"]``."""
    if not isinstance(value, str):
        return []
    parts = value.split(",") if split else [value]
    labels = (_TAG_PREFIX.sub("", " ".join(html.unescape(p).split())) for p in parts)
    return [_ENTITY_TYPES.sub("", label).strip() for label in labels]


def _is_section(name: str) -> bool:
    """A name, not a flag or a domain ("gizmodo.com")."""
    return (
        bool(name)
        and name.lower() not in _NOT_LABELS
        and not re.fullmatch(r"[\w-]+(?:\.[\w-]+)+", name)
    )


def _is_tag(tag: str) -> bool:
    """Not an internal flag ("@river", "_no-apple-news", "ctp_video", "/article")."""
    return (
        2 <= len(tag) <= 60
        and tag.lower() not in _NOT_LABELS
        and re.search(r"[^\W_]", tag) is not None
        and tag[0] not in "@_/&#"
        and ":" not in tag
        and not re.fullmatch(r"[a-z0-9]+(?:_[a-z0-9]+)+", tag)
    )


def _absolute(link: str, base: str | None) -> str:
    link = link.strip()
    if link.startswith("//") and not base:
        return "https:" + link
    return urljoin(base, link) if base else link


def _domain(url: str | None) -> str | None:
    if not url:
        return None
    host = (urlsplit(url).hostname or "").lower()
    return (host[4:] if host.startswith("www.") else host) or None


def _page_title(tree: lxml.html.HtmlElement) -> str | None:
    title = tree.find(".//title")
    return title.text_content() if title is not None else None


def _strip_site_suffix(
    title: str, site: str | None, domain: str | None, sections: Iterable[str] = ()
) -> str:
    """``"Rates held | Daily Ledger"`` -> ``"Rates held"``, when the tail names the site
    (its ``og:site_name``, or a name its domain spells, like "BBC News" on bbc.co.uk).
    A leading site name goes too (``"Daily Ledger | Rates held"``), and so does the page's
    section (``"Opinion | Rates held"``, ``"Rates held - Markets | Daily Ledger"``)."""
    names = {_key(site), *(_key(s) for s in sections)} - {""}
    # The first label of the domain, and of og:site_name when that is a domain too.
    labels = {_key(h.split(".")[0]) for h in (domain, site) if h and "." in h and " " not in h}
    labels = {label for label in labels if len(label) >= 3}
    for _ in range(2):
        before = title
        for sep in (" | ", " - ", " \u2013 ", " \u2014 ", " :: "):
            head, found, tail = title.rpartition(sep)
            if found and head.strip() and _names_site(tail, names, labels):
                title = head.strip()
                break
            head, found, tail = title.partition(sep)
            if found and tail.strip() and _names_site(head, names, labels):
                title = tail.strip()
                break
        if title == before:
            break
    return title


def _names_site(text: str, names: set[str], labels: set[str]) -> bool:
    key = _key(text)
    if not key:
        return False
    return key in names or any(
        key.startswith(label) or (len(key) >= 3 and label.startswith(key)) for label in labels
    )


def _key(text: str | None) -> str:
    return re.sub(r"\W+", "", text or "").lower()
