"""JSON-LD in a page: every schema.org object, the article among them, ``@id`` links."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

import lxml.html

__all__ = ["JsonLd", "as_list"]

ARTICLE_TYPES = frozenset(
    "Article NewsArticle ReportageNewsArticle AnalysisNewsArticle OpinionNewsArticle "
    "BackgroundNewsArticle BlogPosting Report ScholarlyArticle TechArticle LiveBlogPosting "
    "ReviewNewsArticle AskPublicQuestionNewsArticle SatiricalArticle".split()
)


class JsonLd:
    """The page's JSON-LD objects, ``@graph`` and ``mainEntity`` flattened; ``article`` is
    the first whose ``@type`` is an article type, or ``{}``."""

    def __init__(self, tree: lxml.html.HtmlElement) -> None:
        self.nodes: list[dict[str, Any]] = []
        for script in tree.iter("script"):
            kind = (script.get("type") or "").strip().lower()
            if kind == "application/ld+json" and script.text:
                self.nodes += _nodes(_load_json(script.text))
        self.ids = {n["@id"]: n for n in self.nodes if isinstance(n.get("@id"), str)}
        self.article: dict[str, Any] = next((n for n in self.nodes if _is_article(n)), {})

    def ref(self, value: Any) -> Any:
        """A ``{"@id": ...}`` reference resolved to the object it names; the first of a list."""
        if isinstance(value, list):
            value = value[0] if value else None
        if isinstance(value, dict) and "@id" in value and len(value) <= 2:
            return self.ids.get(value["@id"], value)
        return value


def as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _is_article(node: dict[str, Any]) -> bool:
    return any(t in ARTICLE_TYPES for t in as_list(node.get("@type")) if isinstance(t, str))


def _load_json(text: str) -> Any:
    text = text.strip()
    for attempt in (text, re.sub(r",\s*([\]}])", r"\1", text)):  # trailing commas are common
        try:
            return json.loads(attempt, strict=False)
        except ValueError:
            continue
    return None


def _nodes(data: Any) -> Iterator[dict[str, Any]]:
    if isinstance(data, list):
        for item in data:
            yield from _nodes(item)
    elif isinstance(data, dict):
        yield data
        for key in ("@graph", "mainEntity"):
            if isinstance(data.get(key), (list, dict)):
                yield from _nodes(data[key])
