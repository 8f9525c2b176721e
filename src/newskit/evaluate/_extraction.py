"""Extraction and page-text cleaning, scored against a benchmark's ground truth.

The metric is the one of ScrapingHub's article-extraction-benchmark (AEB): each text is
split into ``\\w+`` tokens, the tokens into 4-word shingles counted as a multiset, and a
page's true positives, false positives and false negatives are normalised to sum to one
so that long pages weigh no more than short ones. Precision is averaged over the pages
that produced text, recall over the pages that have a truth; F1 is the harmonic mean of
the two averages. An empty output thus counts against recall only.

Two dataset layouts are read:

- ``extraction``: ``html/<id>.html.gz`` (or ``.html``) and ``ground-truth.json``;
- ``pagetext``: ``text/<id>.txt`` (or ``.txt.gz``) and the same ``ground-truth.json``.

``ground-truth.json`` maps each id to ``{"articleBody": ..., "url": ...}``.
"""

from __future__ import annotations

import json
import os
import re
import time
from collections import Counter
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any

from attrs import field, frozen

from ..components import Input
from ..errors import InputError
from ..inputs import load_file
from ..model import Article
from ..pipeline import Pipeline
from ..plugins import PluginManager, get_plugin_manager
from ..readers import read_input

__all__ = [
    "DATASETS",
    "PageScore",
    "Report",
    "dataset_files",
    "evaluate_dataset",
    "find_data",
    "score_page",
    "score_pages",
]

_TOKEN = re.compile(r"\w+")
#: The dataset layouts, by name: the folder that holds the inputs.
DATASETS: Mapping[str, str] = {"extraction": "html", "pagetext": "text"}
#: Where ``find_data`` looks last: beside the working directory, then beside the
#: source checkout newskit runs from (for an editable install).
DEFAULT_DATA = (
    Path("..", "shared", "data"),
    Path(__file__).resolve().parents[4] / "shared" / "data",
)


def _shingles(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    tokens = _TOKEN.findall(text or "")
    if not tokens:
        return Counter()
    return Counter(tuple(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1)))


@frozen(kw_only=True)
class PageScore:
    """One page's normalised true positives, false positives and false negatives."""

    id: str
    tp: float
    fp: float
    fn: float
    error: str | None = None

    @property
    def precision(self) -> float | None:
        """None when the page produced no text (it then counts against recall only)."""
        if self.tp + self.fp == 0:
            return None
        return 1.0 if self.fp == self.fn == 0 else self.tp / (self.tp + self.fp)

    @property
    def recall(self) -> float | None:
        """None when the page's truth is empty."""
        if self.tp + self.fn == 0:
            return None
        return 1.0 if self.fp == self.fn == 0 else self.tp / (self.tp + self.fn)

    @property
    def f1(self) -> float:
        p, r = self.precision or 0.0, self.recall or 0.0
        return 2 * p * r / (p + r) if p + r else 0.0


def score_page(id: str, truth: str, predicted: str, *, error: str | None = None) -> PageScore:
    """Compare one extracted text with its truth, shingle by shingle."""
    true, pred = _shingles(truth), _shingles(predicted)
    tp = float(sum((true & pred).values()))
    fp = float(sum((pred - true).values()))
    fn = float(sum((true - pred).values()))
    total = tp + fp + fn
    if total:
        tp, fp, fn = tp / total, fp / total, fn / total
    return PageScore(id=id, tp=tp, fp=fp, fn=fn, error=error)


@frozen(kw_only=True)
class Report:
    """Scores of every page of a dataset, and their averages."""

    dataset: str
    pages: tuple[PageScore, ...]
    seconds: float = field(default=0.0)

    @property
    def precision(self) -> float:
        values = [p.precision for p in self.pages if p.precision is not None]
        return sum(values) / len(values) if values else 0.0

    @property
    def recall(self) -> float:
        values = [p.recall for p in self.pages if p.recall is not None]
        return sum(values) / len(values) if values else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def failed(self) -> tuple[PageScore, ...]:
        return tuple(p for p in self.pages if p.error)

    def worst(self, n: int = 10) -> list[PageScore]:
        """The ``n`` pages with the lowest F1, lowest first."""
        return sorted(self.pages, key=lambda p: (p.f1, p.id))[:n]

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-safe data: the averages and every page's scores."""
        return {
            "dataset": self.dataset,
            "pages": len(self.pages),
            "failed": len(self.failed),
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
            "seconds": self.seconds,
            "scores": [
                {"id": p.id, "precision": p.precision, "recall": p.recall, "f1": p.f1}
                | ({"error": p.error} if p.error else {})
                for p in self.pages
            ],
        }

    def format(self, worst: int = 10) -> str:
        """A plain-text report: the averages, then the worst pages."""
        speed = f"{len(self.pages) / self.seconds:.1f} pages/s" if self.seconds else ""
        lines = [
            f"{self.dataset}: {len(self.pages)} pages, {len(self.failed)} failed"
            + (f", {speed}" if speed else ""),
            f"precision {self.precision:.3f}  recall {self.recall:.3f}  F1 {self.f1:.3f}",
        ]
        if worst > 0 and self.pages:
            lines += ["", f"worst {min(worst, len(self.pages))} pages:", "   F1     P      R   id"]
            for page in self.worst(worst):
                p = "  -  " if page.precision is None else f"{page.precision:.3f}"
                r = "  -  " if page.recall is None else f"{page.recall:.3f}"
                note = f"  ({page.error})" if page.error else ""
                lines.append(f"{page.f1:.3f}  {p}  {r}  {page.id}{note}")
        return "\n".join(lines)


def score_pages(pages: Mapping[str, tuple[str, str]], *, dataset: str = "pages") -> Report:
    """A report from ``{id: (truth, predicted)}``: for extractors that are not newskit."""
    return Report(dataset=dataset, pages=tuple(score_page(i, t, p) for i, (t, p) in pages.items()))


def find_data(explicit: str | os.PathLike[str] | None = None) -> Path:
    """The evaluation data directory: ``explicit``, else ``$NEWSKIT_DATA``, else
    ``../shared/data`` when it exists (beside the working directory or the checkout).
    Raises :class:`InputError` when there is none."""
    for candidate, origin in (
        (explicit, "--data"),
        (os.environ.get("NEWSKIT_DATA"), "NEWSKIT_DATA"),
    ):
        if candidate:
            path = Path(candidate)
            if not path.is_dir():
                raise InputError(str(path), f"{origin} names no directory")
            return path
    for path in DEFAULT_DATA:
        if path.is_dir():
            return path
    raise InputError(
        str(DEFAULT_DATA[0]),
        "no evaluation data: pass --data DIR or set NEWSKIT_DATA to the data directory",
    )


def dataset_files(
    directory: str | os.PathLike[str], dataset: str
) -> Iterator[tuple[str, Path | None, dict[str, Any]]]:
    """(id, input file or None, truth record) for each page in a dataset's ground truth,
    sorted by id. Raises :class:`InputError` naming the directory when it is no dataset."""
    directory = Path(directory)
    truth_file = directory / "ground-truth.json"
    if dataset not in DATASETS:
        raise InputError(dataset, f"unknown dataset kind; use one of {', '.join(DATASETS)}")
    folder = directory / DATASETS[dataset]
    if not truth_file.is_file() or not folder.is_dir():
        raise InputError(
            str(directory),
            f"not an {dataset!r} dataset: it needs {DATASETS[dataset]}/ and ground-truth.json",
        )
    try:
        truth = json.loads(truth_file.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise InputError(str(truth_file), f"unreadable ground truth: {exc}") from None
    if not isinstance(truth, dict):
        raise InputError(str(truth_file), "ground truth must be a JSON object keyed by page id")
    files: dict[str, Path] = {}
    for path in folder.iterdir():
        name = path.name[:-3] if path.name.endswith(".gz") else path.name
        files.setdefault(name.rsplit(".", 1)[0], path)
    for id, record in sorted(truth.items()):
        yield id, files.get(id), record if isinstance(record, dict) else {}


def evaluate_dataset(
    directory: str | os.PathLike[str],
    dataset: str = "extraction",
    *,
    pipeline: Pipeline | None = None,
    plugins: PluginManager | None = None,
    limit: int | None = None,
    progress: Callable[[int], None] | None = None,
) -> Report:
    """Run newskit over a dataset and score each page against its ground truth.

    ``pipeline`` defaults to the installed cleaners alone (no summary, no classifiers):
    the text is what is scored. A page whose input is missing or fails to read scores
    zero recall and keeps its error.
    """
    pm = plugins or get_plugin_manager()
    pipeline = pipeline or Pipeline.configure(summarizer=None, classifiers=[], plugins=pm)
    readers = pm.readers
    scores: list[PageScore] = []
    start = time.perf_counter()
    for n, (id, path, record) in enumerate(dataset_files(directory, dataset)):
        if limit is not None and n >= limit:
            break
        truth = record.get("articleBody") or ""
        if path is None:
            scores.append(score_page(id, truth, "", error="input file missing"))
            continue
        article = _read_one(path, id, record.get("url"), readers, pipeline)
        error = article.errors[0].message if article.failed else None
        scores.append(score_page(id, truth, article.text, error=error))
        if progress is not None:
            progress(n + 1)
    return Report(dataset=dataset, pages=tuple(scores), seconds=time.perf_counter() - start)


def _read_one(
    path: Path, id: str, url: str | None, readers: Mapping, pipeline: Pipeline
) -> Article:
    try:
        inp = load_file(path, url=url)
    except InputError as exc:
        return Article.failure(id, str(exc), url=url)
    inp = Input(id=id, name=inp.name, data=inp.data, url=url, extension=inp.extension)
    articles = [pipeline.run(a) for a in read_input(inp, readers)]
    if not articles:
        return Article.failure(id, f"{path}: the reader gave no article", url=url)
    return articles[0]
