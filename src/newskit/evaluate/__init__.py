"""How good newskit's output is, measured against a benchmark's ground truth.

* extraction and page-text cleaning: :func:`evaluate_dataset`, with the shingle metric
  of ScrapingHub's article-extraction-benchmark (:func:`score_page`);
* summaries: :func:`evaluate_summaries`, ROUGE-1, ROUGE-2 and ROUGE-Lsum F1 against
  human references (needs the ``rouge`` extra);
* classifiers: :func:`evaluate_classifier`, precision, recall, F1 and calibration on
  hand-coded articles (a CSV of ``id,text,label``).

:func:`find_data` locates the evaluation data: ``--data``, ``$NEWSKIT_DATA``, or
``../shared/data``.
"""

from __future__ import annotations

from ._classifier import ClassifierReport, Coded, evaluate_classifier, read_coded
from ._extraction import (
    DATASETS,
    PageScore,
    Report,
    dataset_files,
    evaluate_dataset,
    find_data,
    score_page,
    score_pages,
)
from ._summary import SummaryReport, SummaryScore, evaluate_summaries, read_summary_data

__all__ = [
    "DATASETS",
    "ClassifierReport",
    "Coded",
    "PageScore",
    "Report",
    "SummaryReport",
    "SummaryScore",
    "dataset_files",
    "evaluate_classifier",
    "evaluate_dataset",
    "evaluate_summaries",
    "find_data",
    "read_coded",
    "read_summary_data",
    "score_page",
    "score_pages",
]
