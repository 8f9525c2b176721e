"""The ``jsonld`` format: the articles as schema.org ``NewsArticle`` nodes in JSON-LD.

One JSON document, ``{"@context": "https://schema.org", "@graph": [...]}``, written node
by node as the articles arrive. Each article maps to:

=================  ===============================================================
``@id``            the URL if it is http(s), else ``urn:newskit:article:<id>``
``identifier``     the newskit id of the input
``headline``       the title
``url``            the URL, if it is http(s)
``datePublished``  ``published`` in ISO 8601 (a date or a date-time)
``inLanguage``     the language code
``author``         one ``Person`` per author
``publisher``      an ``Organization`` with the source's name and http(s) URL
``articleSection`` the names of the ``section`` categories
``keywords``       the names of the ``tag`` categories
``about``          the classifier categories labelled true, each a ``DefinedTerm``
                   whose ``inDefinedTermSet`` names the scheme, with its score as an
                   ``additionalProperty`` ``PropertyValue`` named ``score``
``citation``       per cited source, a ``CreativeWork`` whose ``author`` is the
                   ``Organization`` (name, http(s) URL) and whose ``text`` holds the sentences
                   that cite it, one per line
``abstract``       the summary
``articleBody``    the text; ``wordCount`` its number of words
=================  ===============================================================

Empty values are left out, and so is any URL that is not ``http`` or ``https`` (a
``javascript:`` or ``data:`` URL must not become a link where the data is shown); the
URLs kept are percent-encoded where they hold blanks, quotes or ``<>``.
``additionalProperty`` on a ``DefinedTerm`` is outside schema.org's stated domains
(schema.org has no place for a classifier's confidence); consumers that do not know
it ignore it. Not written: categories labelled false or
unscored, evidence offsets and terms, what cleaning removed, ``meta``, warnings and
errors, and error records (inputs that could not be read are no article; the CLI
reports them on stderr). Use ``jsonl`` for everything.

The output is strict JSON in UTF-8. ``<``, ``>`` and ``&`` are written as ``\\u``
escapes, so the document can go into an HTML ``<script type="application/ld+json">``
as it is; so are U+0085, U+2028 and U+2029 (line breaks to some readers) and lone
surrogates (which UTF-8 cannot encode).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from typing import IO, Any
from urllib.parse import quote

from newskit import Article, Category, Source

from ._escape import safe_url

__all__ = ["article_iri", "node", "write_jsonld"]

CONTEXT = "https://schema.org"

_METADATA = frozenset({"section", "tag"})
_ESCAPES = re.compile("[<>&\x85\u2028\u2029\ud800-\udfff]")
_SURROGATES = re.compile("[\ud800-\udfff]")


def write_jsonld(articles: Iterable[Article], stream: IO[str]) -> None:
    """Write the JSON-LD document, one ``NewsArticle`` node as each article arrives."""
    stream.write('{\n  "@context": ' + json.dumps(CONTEXT) + ',\n  "@graph": [')
    first = True
    for article in articles:
        if article.failed:
            continue
        text = _dumps(node(article)).replace("\n", "\n    ")
        stream.write(("\n    " if first else ",\n    ") + text)
        first = False
    stream.write("]\n}\n" if first else "\n  ]\n}\n")


def article_iri(article: Article) -> str | None:
    """The article's IRI: its http(s) URL, else a ``urn:newskit:article:`` URN of its id.

    Lone surrogates (which no IRI can hold) become U+FFFD first.
    """
    url = safe_url(_SURROGATES.sub("\ufffd", article.url or ""))
    if url is not None:
        return url
    if article.id:
        return "urn:newskit:article:" + quote(_SURROGATES.sub("\ufffd", article.id), safe="")
    return None


def node(article: Article) -> dict[str, Any]:
    """The schema.org ``NewsArticle`` node of one article, without empty values."""
    sections = [c.name for c in article.categories if c.scheme == "section"]
    tags = [c.name for c in article.categories if c.scheme == "tag"]
    about = [_term(c) for c in article.categories if c.scheme not in _METADATA and c.label]
    data: dict[str, Any] = {
        "@type": "NewsArticle",
        "@id": article_iri(article),
        "identifier": article.id,
        "headline": article.title,
        "url": _url(article.url),
        "datePublished": article.published.isoformat() if article.published else None,
        "inLanguage": article.language,
        "author": [{"@type": "Person", "name": name} for name in article.authors],
        "publisher": _organization(article.source) if article.source else None,
        "articleSection": sections,
        "keywords": tags,
        "about": about,
        "citation": [_citation(s) for s in article.cited_sources],
        "abstract": article.summary,
        "articleBody": article.text,
        "wordCount": len(article.text.split()),
    }
    return {key: value for key, value in data.items() if value not in (None, "", [], 0)}


def _organization(source: Source) -> dict[str, Any]:
    data = {"@type": "Organization", "name": source.name}
    url = _url(source.url)
    if url:
        data["url"] = url
    return data


def _url(url: str | None) -> str | None:
    """``url`` if it is http(s) (percent-encoded where needed), else ``None``."""
    return safe_url(_SURROGATES.sub("\ufffd", url or ""))


def _citation(source: Source) -> dict[str, Any]:
    data: dict[str, Any] = {"@type": "CreativeWork", "author": _organization(source)}
    sentences = [e.text for e in source.evidence if e.text.strip()]
    if sentences:
        data["text"] = "\n".join(sentences)
    return data


def _term(category: Category) -> dict[str, Any]:
    data: dict[str, Any] = {
        "@type": "DefinedTerm",
        "name": category.name,
        "inDefinedTermSet": {"@type": "DefinedTermSet", "name": category.scheme},
    }
    if category.score is not None:
        data["additionalProperty"] = {
            "@type": "PropertyValue",
            "name": "score",
            "value": category.score,
        }
    return data


def _dumps(data: dict[str, Any]) -> str:
    # These characters only ever occur inside JSON strings, where a \u escape is valid.
    text = json.dumps(data, ensure_ascii=False, allow_nan=False, indent=2)
    return _ESCAPES.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
