"""newskit's first-party output formats.

``jsonl`` and ``json`` (article records that read back exactly), ``csv`` (a row per
article for spreadsheets and pandas), ``markdown`` and ``html`` (readable reports),
``jsonld`` (schema.org NewsArticle), ``atom`` (a feed) and ``parquet`` (typed columns
for pandas, DuckDB and Spark; the ``parquet`` extra).

Each format is a :class:`newskit.Format` whose ``write`` streams an iterator of
articles to a text stream the caller opened (UTF-8) and will close. The plugin
registry picks a format by name or by the extension of ``-o FILE``.
"""

from __future__ import annotations

import newskit

from ._atom import write_atom
from ._csv import write_csv
from ._html import write_html
from ._json import write_json, write_jsonl
from ._jsonld import write_jsonld
from ._markdown import write_markdown
from ._parquet import write_parquet

__all__ = ["newskit_register_formats"]


@newskit.hookimpl
def newskit_register_formats() -> list[newskit.Format]:
    return [
        newskit.Format(
            name="jsonl",
            extensions=[".jsonl", ".ndjson"],
            write=write_jsonl,
            description="One article record (Article.to_dict()) per line; reads back exactly.",
        ),
        newskit.Format(
            name="json",
            extensions=[".json"],
            write=write_json,
            description="A JSON array of article records, indented, written as they arrive.",
        ),
        newskit.Format(
            name="markdown",
            extensions=[".md", ".markdown"],
            write=write_markdown,
            description="A readable report: one section per article, content escaped.",
        ),
        newskit.Format(
            name="csv",
            extensions=[".csv"],
            write=write_csv,
            description="One row per article, with score_/label_ columns per classifier "
            "category; UTF-8 with BOM for Excel.",
        ),
        newskit.Format(
            name="html",
            extensions=[".html", ".htm"],
            write=write_html,
            description="A standalone, readable HTML page: no scripts or external assets, "
            "content escaped.",
        ),
        newskit.Format(
            name="jsonld",
            extensions=[".jsonld"],
            write=write_jsonld,
            description="schema.org NewsArticle nodes in one JSON-LD document (@graph).",
        ),
        newskit.Format(
            name="atom",
            extensions=[".atom"],
            write=write_atom,
            description="An Atom 1.0 feed: one entry per article with its summary and text.",
        ),
        newskit.Format(
            name="parquet",
            extensions=[".parquet"],
            write=write_parquet,
            binary=True,
            description="Apache Parquet: one row per article, a stable typed schema "
            "(newskit_schema 1); reads back exactly. Needs newskit[parquet].",
        ),
    ]
