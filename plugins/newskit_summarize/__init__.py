"""Extractive summarizers for newskit.

``lead`` (the default) takes the first sentences of the article, the strong baseline for
news (lead-3 beats general-purpose extractive methods on CNN/DailyMail). Every
summarizer here picks whole sentences and shares one rule for fitting them into a
:class:`newskit.Length` (see ``_fit``), so they differ only in how they rank sentences.
"""

from __future__ import annotations

from collections.abc import Iterable

import newskit

from ._lead import lead

__all__ = ["lead", "newskit_register_summarizers"]


@newskit.hookimpl
def newskit_register_summarizers() -> Iterable[newskit.Summarizer]:
    return [
        newskit.Summarizer(
            name="lead",
            summarize=lead,
            default=True,
            description="The article's first sentences, in order (lead-N).",
        ),
    ]
