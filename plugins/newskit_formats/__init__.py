"""newskit's first-party output formats: ``jsonl``, ``json`` and ``markdown``.

Each format is a :class:`newskit.Format` whose ``write`` streams an iterator of
articles to a text stream the caller opened (UTF-8) and will close. The plugin
registry picks a format by name or by the extension of ``-o FILE``.
"""

from __future__ import annotations

import newskit

from ._json import write_json, write_jsonl
from ._markdown import write_markdown

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
    ]
