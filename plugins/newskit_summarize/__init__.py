"""Extractive summarizers for newskit.

* ``lead-clean`` (the default): the first sentences, skipping fragments (captions,
  datelines, a headline printed in the body) and repeats;
* ``lead``: the first sentences, the strong baseline for news (lead-3 beats
  general-purpose extractive methods on CNN/DailyMail);
* ``textrank`` and ``lexrank``: the most central sentences of a similarity graph.

On CNN/DailyMail (cnndm-dev, 3 sentences) lead-clean scores ROUGE-1 41.5, lead 41.3,
lexrank 33.1, textrank 32.4 (``benchmarks/summarization.py``). Every summarizer picks
whole sentences and shares one rule for fitting them into a :class:`newskit.Length`
(see ``_fit``), so they differ only in how they rank sentences.
"""

from __future__ import annotations

from collections.abc import Iterable

import newskit

from ._graph import lexrank, textrank
from ._lead import lead, lead_clean

__all__ = ["lead", "lead_clean", "lexrank", "newskit_register_summarizers", "textrank"]


@newskit.hookimpl
def newskit_register_summarizers() -> Iterable[newskit.Summarizer]:
    return [
        newskit.Summarizer(
            name="lead-clean",
            summarize=lead_clean,
            default=True,
            description="The first sentences, skipping fragments and repeats (the default).",
        ),
        newskit.Summarizer(
            name="lead",
            summarize=lead,
            description="The article's first sentences, in order (lead-N).",
        ),
        newskit.Summarizer(
            name="textrank",
            summarize=textrank,
            description="The most central sentences by shared words (Mihalcea & Tarau 2004).",
        ),
        newskit.Summarizer(
            name="lexrank",
            summarize=lexrank,
            description="The most central sentences by TF-IDF cosine (Erkan & Radev 2004).",
        ),
    ]
