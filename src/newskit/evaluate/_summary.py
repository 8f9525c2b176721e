"""Summaries scored against human references with ROUGE.

The data is JSON Lines, one article per line: ``{"id", "article", "reference"}`` or
``{"id", "article", "references": [...]}``; a reference's sentences are separated by
newlines, as ROUGE-Lsum expects. Scores are the F1 of ROUGE-1, ROUGE-2 and ROUGE-Lsum
from Google's ``rouge-score`` package with Porter stemming (the ``rouge`` extra), as
the published CNN/DailyMail figures use. With several references, each measure takes
the best reference for the article. A summary's sentences are re-split with
:func:`newskit.split_sentences` and put on lines of their own for ROUGE-Lsum.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from attrs import frozen

from .._optional import require
from ..components import Length
from ..errors import InputError
from ..model import Article
from ..pipeline import Pipeline
from ..plugins import PluginManager, get_plugin_manager
from ..sentences import split_sentences

__all__ = ["MEASURES", "SummaryReport", "SummaryScore", "evaluate_summaries", "read_summary_data"]

#: The ROUGE measures reported, as rouge-score names them.
MEASURES = ("rouge1", "rouge2", "rougeLsum")


@frozen(kw_only=True)
class SummaryScore:
    """One article's ROUGE F1 scores (0 to 1), and its summary's length in words."""

    id: str
    rouge1: float
    rouge2: float
    rougeLsum: float  # rouge-score's own name for the measure
    words: int
    error: str | None = None


@frozen(kw_only=True)
class SummaryReport:
    """Scores of every article, their means, and the summarizer's speed."""

    summarizer: str
    articles: tuple[SummaryScore, ...]
    seconds: float = 0.0

    def mean(self, measure: str) -> float:
        """The mean F1 of ``measure`` ("rouge1", "rouge2" or "rougeLsum"), 0 to 1."""
        if not self.articles:
            return 0.0
        return sum(getattr(a, measure) for a in self.articles) / len(self.articles)

    @property
    def per_second(self) -> float:
        """Articles summarised per second (the summarizer alone, not the scoring)."""
        return len(self.articles) / self.seconds if self.seconds else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "summarizer": self.summarizer,
            "articles": len(self.articles),
            **{m: self.mean(m) for m in MEASURES},
            "articles_per_second": self.per_second,
            "scores": [
                {"id": a.id, **{m: getattr(a, m) for m in MEASURES}, "words": a.words}
                | ({"error": a.error} if a.error else {})
                for a in self.articles
            ],
        }

    def format(self, worst: int = 0) -> str:
        failed = sum(1 for a in self.articles if a.error)
        lines = [
            f"{self.summarizer}: {len(self.articles)} articles, {failed} failed, "
            f"{self.per_second:,.0f} articles/s",
            "ROUGE-1 {:.1f}  ROUGE-2 {:.1f}  ROUGE-Lsum {:.1f}  (F1 x 100)".format(
                *(100 * self.mean(m) for m in MEASURES)
            ),
        ]
        if worst > 0 and self.articles:
            lines += ["", f"worst {min(worst, len(self.articles))} articles by ROUGE-1:"]
            for a in sorted(self.articles, key=lambda a: (a.rouge1, a.id))[:worst]:
                note = f"  ({a.error})" if a.error else ""
                lines.append(f"{100 * a.rouge1:5.1f}  {a.id}{note}")
        return "\n".join(lines)


def read_summary_data(path: str | os.PathLike[str]) -> list[tuple[str, str, list[str]]]:
    """(id, article, references) for each line of a JSONL file; errors name the line."""
    name = os.fspath(path)
    try:
        lines = Path(name).read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise InputError(name, f"cannot be read: {exc.strerror or exc}") from None
    rows = []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        where = f"{name}, line {number}"
        try:
            record = json.loads(line)
        except ValueError as exc:
            raise InputError(where, f"not JSON: {exc}") from None
        if not isinstance(record, dict):
            raise InputError(where, "each line must be a JSON object")
        refs = record.get("references", record.get("reference"))
        refs = [refs] if isinstance(refs, str) else refs
        article = record.get("article")
        if not isinstance(article, str) or not isinstance(refs, list) or not refs:
            raise InputError(
                where, 'needs "article" and "reference" (or a non-empty "references" list)'
            )
        if not all(isinstance(r, str) for r in refs):
            raise InputError(where, "references must be strings")
        rows.append((str(record.get("id", number)), article, refs))
    if not rows:
        raise InputError(name, "no articles in it")
    return rows


def evaluate_summaries(
    data: str | os.PathLike[str] | Sequence[tuple[str, str, list[str]]],
    *,
    summarizer: str = "default",
    length: Length | None = None,
    plugins: PluginManager | None = None,
    limit: int | None = None,
) -> SummaryReport:
    """Summarise each article with ``summarizer`` and score it against its references.

    ``data`` is a JSONL path (see the module doc) or rows from :func:`read_summary_data`.
    Raises :class:`~newskit.MissingDependencyError` without the ``rouge`` extra.
    """
    rouge_scorer = require("rouge_score.rouge_scorer", extra="rouge", feature="ROUGE scoring")
    rows = read_summary_data(data) if isinstance(data, (str, os.PathLike)) else list(data)
    rows = rows[:limit] if limit is not None else rows
    length = length or Length()
    pipeline = Pipeline.configure(
        cleaners=[],
        summarizer=summarizer,
        classifiers=[],
        sentences=length.sentences,
        chars=length.chars,
        plugins=plugins or get_plugin_manager(),
    )
    name = pipeline.summarizer.name if pipeline.summarizer else "none"
    start = time.perf_counter()
    summarised = [pipeline.run(Article(id=id, text=article)) for id, article, _ in rows]
    seconds = time.perf_counter() - start
    scorer = rouge_scorer.RougeScorer(list(MEASURES), use_stemmer=True)
    scores = tuple(
        _score(scorer, result, refs) for result, (_, _, refs) in zip(summarised, rows, strict=True)
    )
    return SummaryReport(summarizer=name, articles=scores, seconds=seconds)


def _score(scorer: Any, article: Article, references: Iterable[str]) -> SummaryScore:
    summary = "\n".join(s.text for s in split_sentences(article.summary))
    best = dict.fromkeys(MEASURES, 0.0)
    for reference in references:
        result = scorer.score(reference, summary)
        for measure in MEASURES:
            best[measure] = max(best[measure], result[measure].fmeasure)
    error = article.errors[0].message if article.errors else None
    return SummaryScore(id=article.id, words=len(summary.split()), error=error, **best)
