"""A classifier checked against hand-coded articles: its errors, and how far to trust its scores.

The data is a CSV file with the columns ``id``, ``text`` and ``label`` (1 or 0; "true"
and "false", "yes" and "no" work too), one hand-coded article per row: the form in
which researchers keep a coded sample. Each text runs through the named classifier
alone (no cleaning: the texts are taken as article bodies). The report gives:

* precision, recall and F1 of the classifier's label (or of ``score >= threshold``);
* a calibration table: scores in ten bins, with the share of articles in each that are
  coded 1, and the expected calibration error (the mean gap, weighted by bin size),
  so a user sees whether a score of 0.8 is right about 8 times in 10;
* the worst errors, most confident first, each with the evidence its classifier gave.
"""

from __future__ import annotations

import csv
import os
import sys
import time
from collections.abc import Sequence
from typing import Any

from attrs import frozen

from ..components import Classifier
from ..errors import ConfigError, InputError
from ..model import Article, Category
from ..pipeline import Pipeline
from ..plugins import PluginManager, get_plugin_manager

__all__ = ["ClassifierReport", "Coded", "evaluate_classifier", "read_coded"]

_TRUE = frozenset({"1", "true", "yes", "y", "t"})
_FALSE = frozenset({"0", "false", "no", "n", "f"})
BINS = 10


@frozen(kw_only=True)
class Coded:
    """One hand-coded article, and what the classifier made of it."""

    id: str
    gold: bool
    score: float | None
    label: bool | None
    evidence: tuple[str, ...] = ()


@frozen(kw_only=True)
class ClassifierReport:
    """A classifier's decisions on coded articles: accuracy and calibration."""

    classifier: str
    items: tuple[Coded, ...]
    seconds: float = 0.0

    def _counts(self) -> tuple[int, int, int]:
        tp = sum(1 for i in self.items if i.label and i.gold)
        fp = sum(1 for i in self.items if i.label and not i.gold)
        fn = sum(1 for i in self.items if not i.label and i.gold)
        return tp, fp, fn

    @property
    def precision(self) -> float:
        tp, fp, _ = self._counts()
        return tp / (tp + fp) if tp + fp else 0.0

    @property
    def recall(self) -> float:
        tp, _, fn = self._counts()
        return tp / (tp + fn) if tp + fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def unscored(self) -> int:
        """Articles the classifier gave no score (another language, an error)."""
        return sum(1 for i in self.items if i.score is None)

    def calibration(self) -> list[tuple[float, float, int, float, float]]:
        """(low, high, articles, mean score, share coded 1) for each non-empty bin."""
        rows = []
        for b in range(BINS):
            low, high = b / BINS, (b + 1) / BINS
            inside = [
                i
                for i in self.items
                if i.score is not None
                and (low <= i.score < high or (b == BINS - 1 and i.score == 1))
            ]
            if inside:
                mean = sum(i.score for i in inside if i.score is not None) / len(inside)
                rows.append(
                    (low, high, len(inside), mean, sum(i.gold for i in inside) / len(inside))
                )
        return rows

    @property
    def calibration_error(self) -> float:
        """Expected calibration error over ten bins (0 is perfect)."""
        scored = len(self.items) - self.unscored
        if not scored:
            return 0.0
        return sum(n * abs(mean - share) for _, _, n, mean, share in self.calibration()) / scored

    def worst(self, n: int = 5) -> list[Coded]:
        """The ``n`` most confident errors: false positives by highest score, then false
        negatives by lowest, interleaved."""
        fps = sorted(
            (i for i in self.items if i.label and not i.gold), key=lambda i: -(i.score or 0)
        )
        fns = sorted((i for i in self.items if not i.label and i.gold), key=lambda i: i.score or 0)
        merged = [x for pair in zip(fps, fns, strict=False) for x in pair]  # interleave
        merged += fps[len(fns) :] + fns[len(fps) :]
        return merged[:n]

    def to_dict(self) -> dict[str, Any]:
        return {
            "classifier": self.classifier,
            "articles": len(self.items),
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
            "calibration_error": self.calibration_error,
            "unscored": self.unscored,
            "calibration": [
                {"low": lo, "high": hi, "articles": n, "mean_score": m, "share_coded_1": s}
                for lo, hi, n, m, s in self.calibration()
            ],
            "items": [
                {"id": i.id, "gold": i.gold, "score": i.score, "label": i.label} for i in self.items
            ],
        }

    def format(self, worst: int = 5) -> str:
        positives = sum(i.gold for i in self.items)
        speed = f", {len(self.items) / self.seconds:,.0f} articles/s" if self.seconds else ""
        lines = [
            f"{self.classifier}: {len(self.items)} articles ({positives} coded 1), "
            f"{self.unscored} without a score{speed}",
            f"precision {self.precision:.3f}  recall {self.recall:.3f}  F1 {self.f1:.3f}",
            "",
            f"calibration (expected calibration error {self.calibration_error:.3f}):",
            "  score bin    articles  mean score  share coded 1",
        ]
        for low, high, n, mean, share in self.calibration():
            lines.append(f"  {low:.1f} - {high:.1f}  {n:9d}  {mean:10.3f}  {share:13.3f}")
        if worst > 0:
            errors = self.worst(worst)
            lines += ["", f"worst errors ({len(errors)}):"]
            for item in errors:
                kind = "false positive" if item.label else "false negative"
                score = "-" if item.score is None else f"{item.score:.3f}"
                lines.append(f"  {kind}, score {score}: {item.id}")
                lines += [f"    evidence: {e}" for e in item.evidence[:2]]
        return "\n".join(lines)


def read_coded(path: str | os.PathLike[str]) -> list[tuple[str, str, bool]]:
    """(id, text, label) of each row of a coded CSV file; errors name the row."""
    name = os.fspath(path)
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
    try:
        with open(name, encoding="utf-8-sig", newline="") as f:
            reader = csv.DictReader(f)
            missing = {"text", "label"} - set(reader.fieldnames or ())
            if missing:
                raise InputError(
                    name, f"needs the columns id, text, label; missing {sorted(missing)}"
                )
            rows = []
            for number, row in enumerate(reader, 2):
                value = (row.get("label") or "").strip().lower()
                if value not in _TRUE | _FALSE:
                    raise InputError(
                        f"{name}, line {number}", f"label {row.get('label')!r} is not 1 or 0"
                    )
                rows.append(
                    (row.get("id") or str(number - 1), row.get("text") or "", value in _TRUE)
                )
    except OSError as exc:
        raise InputError(name, f"cannot be read: {exc.strerror or exc}") from None
    if not rows:
        raise InputError(name, "no rows in it")
    return rows


def evaluate_classifier(
    name: str,
    data: str | os.PathLike[str] | Sequence[tuple[str, str, bool]],
    *,
    threshold: float | None = None,
    plugins: PluginManager | None = None,
    limit: int | None = None,
    classifier: Classifier | None = None,
) -> ClassifierReport:
    """Run classifier ``name`` on coded articles and compare with their labels.

    The classifier's own ``label`` decides, unless ``threshold`` is given: then a
    score at or above it means 1. The category compared is the one named ``name``
    (a classifier may add others, such as sub-topics or dimensions). ``classifier``
    gives the component itself (a trained model) instead of an installed one.
    """
    rows = read_coded(data) if isinstance(data, (str, os.PathLike)) else list(data)
    rows = rows[:limit] if limit is not None else rows
    if classifier is not None:
        pipeline = Pipeline(classifiers=[classifier])
    else:
        pipeline = Pipeline.configure(
            cleaners=[],
            summarizer=None,
            classifiers=[name],
            plugins=plugins or get_plugin_manager(),
        )
    start = time.perf_counter()
    results = [pipeline.run(Article(id=id, text=text)) for id, text, _ in rows]
    seconds = time.perf_counter() - start
    items = []
    for (_, _, gold), article in zip(rows, results, strict=True):
        category = _category(article, name)
        score = category.score if category else None
        label = category.label if category else None
        if threshold is not None and score is not None:
            label = score >= threshold
        evidence = tuple(e.text for e in category.evidence) if category else ()
        items.append(Coded(id=article.id, gold=gold, score=score, label=label, evidence=evidence))
    return ClassifierReport(classifier=name, items=tuple(items), seconds=seconds)


def _category(article: Article, name: str) -> Category | None:
    if article.errors:
        return None
    for category in article.categories:
        if category.name == name:
            return category
    matching = [c for c in article.categories if c.scheme == name]
    if not matching:
        raise ConfigError(f"classifier {name!r} gave no category named {name!r}")
    return matching[0]
