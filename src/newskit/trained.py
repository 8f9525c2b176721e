"""Classifiers that users train on their own hand-coded articles.

``newskit train NAME coded.csv -o model.json`` fits TF-IDF word and word-pair features
with a logistic regression (scikit-learn, the ``ml`` extra), prints cross-validated
figures, and saves a readable JSON model: every term with its IDF and weight. Using a
model needs no scikit-learn: :class:`LinearModel` scores an article from the JSON alone,
and its evidence is the sentences that hold the article's strongest terms.

A model file is data, not code: loading one never runs anything from it.
"""

from __future__ import annotations

import itertools
import json
import math
import os
import re
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from attrs import field, frozen

from ._optional import require
from .components import Classifier
from .errors import InputError
from .model import Article, Category, Evidence
from .sentences import split_sentences

__all__ = ["FORMAT", "LinearModel", "cross_validate", "load_model", "train"]

FORMAT = "newskit-linear-model/1"
_TOKEN = re.compile(r"(?u)\b\w\w+\b")  # scikit-learn's default token pattern
_EVIDENCE_TERMS = 5


def _terms(text: str) -> list[str]:
    words = _TOKEN.findall(text.lower())
    return words + [f"{a} {b}" for a, b in itertools.pairwise(words)]


@frozen(kw_only=True)
class LinearModel:
    """A trained linear text classifier: terms with IDF and weight, and an intercept."""

    name: str
    terms: dict[str, tuple[float, float]]  # term -> (idf, weight)
    intercept: float
    threshold: float = 0.5
    meta: dict[str, Any] = field(factory=dict)

    def score(self, text: str) -> tuple[float, list[tuple[str, float]]]:
        """The probability of the positive label, and each present term's contribution."""
        counts = Counter(t for t in _terms(text) if t in self.terms)
        values = {t: (1 + math.log(n)) * self.terms[t][0] for t, n in counts.items()}
        norm = math.sqrt(sum(v * v for v in values.values())) or 1.0
        parts = [(t, v / norm * self.terms[t][1]) for t, v in values.items()]
        z = self.intercept + sum(p for _, p in parts)
        return 1 / (1 + math.exp(-max(-30.0, min(30.0, z)))), parts

    def classify(self, article: Article) -> list[Category]:
        probability, parts = self.score(article.text)
        strongest = [t for t, p in sorted(parts, key=lambda x: -x[1])[:_EVIDENCE_TERMS] if p > 0]
        evidence = []
        for sentence in split_sentences(article.text):
            found = set(_terms(sentence.text))
            held = [t for t in strongest if t in found]
            if held:
                evidence.append(
                    Evidence(text=sentence.text, start=sentence.start, end=sentence.end, terms=held)
                )
        return [
            Category(
                name=self.name,
                scheme=self.name,
                score=round(probability, 4),
                label=probability >= self.threshold,
                evidence=evidence,
            )
        ]

    def classifier(self) -> Classifier:
        """The model as a pipeline component named after it."""
        return Classifier(
            name=self.name,
            classify=self.classify,
            default=False,
            description=f"trained on {self.meta.get('trained_on', '?')} coded articles",
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "name": self.name,
            "threshold": self.threshold,
            "intercept": self.intercept,
            "meta": self.meta,
            "terms": {t: [idf, w] for t, (idf, w) in sorted(self.terms.items())},
        }

    def save(self, path: str | os.PathLike[str]) -> None:
        Path(path).write_text(json.dumps(self.to_dict(), indent=1), encoding="utf-8")


def load_model(path: str | os.PathLike[str]) -> LinearModel:
    """Read a model saved by :meth:`LinearModel.save`; errors name the file."""
    name = os.fspath(path)
    try:
        data = json.loads(Path(name).read_text(encoding="utf-8"))
    except OSError as exc:
        raise InputError(name, f"cannot be read: {exc.strerror or exc}") from None
    except ValueError as exc:
        raise InputError(name, f"not a model file (not JSON: {exc})") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise InputError(name, f"not a newskit model file (expected format {FORMAT!r})")
    try:
        terms = {str(t): (float(v[0]), float(v[1])) for t, v in data["terms"].items()}
        return LinearModel(
            name=str(data["name"]),
            terms=terms,
            intercept=float(data["intercept"]),
            threshold=float(data.get("threshold", 0.5)),
            meta=dict(data.get("meta", {})),
        )
    except (KeyError, TypeError, ValueError, IndexError) as exc:
        raise InputError(name, f"damaged model file: {exc!r}") from None


def _pipeline(sklearn: Any) -> Any:
    feature = require("sklearn.feature_extraction.text", extra="ml", feature="newskit train")
    linear = require("sklearn.linear_model", extra="ml", feature="newskit train")
    pipeline = require("sklearn.pipeline", extra="ml", feature="newskit train")
    return pipeline.make_pipeline(
        feature.TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True),
        linear.LogisticRegression(class_weight="balanced", max_iter=2000, C=4.0),
    )


def train(
    name: str, rows: Sequence[tuple[str, str, bool]], *, threshold: float = 0.5
) -> LinearModel:
    """Fit a :class:`LinearModel` named ``name`` on (id, text, label) rows."""
    sklearn = require("sklearn", extra="ml", feature="newskit train")
    labels = [label for _, _, label in rows]
    if len(set(labels)) < 2:
        raise InputError(name, "training needs articles coded 1 and articles coded 0")
    fitted = _pipeline(sklearn).fit([text for _, text, _ in rows], labels)
    vectorizer, regression = fitted[0], fitted[1]
    weights = regression.coef_[0]
    terms = {
        term: (float(vectorizer.idf_[i]), float(weights[i]))
        for term, i in vectorizer.vocabulary_.items()
    }
    meta = {
        "trained_on": len(rows),
        "coded_1": sum(labels),
        "library": f"scikit-learn {sklearn.__version__}",
    }
    return LinearModel(
        name=name,
        terms=terms,
        intercept=float(regression.intercept_[0]),
        threshold=threshold,
        meta=meta,
    )


def cross_validate(rows: Sequence[tuple[str, str, bool]], folds: int = 5) -> list[float]:
    """Out-of-fold probabilities of the positive label, one per row, in row order."""
    sklearn = require("sklearn", extra="ml", feature="newskit train")
    selection = require("sklearn.model_selection", extra="ml", feature="newskit train")
    labels = [label for _, _, label in rows]
    splitter = selection.StratifiedKFold(n_splits=folds, shuffle=True, random_state=0)
    probabilities = selection.cross_val_predict(
        _pipeline(sklearn), [t for _, t, _ in rows], labels, cv=splitter, method="predict_proba"
    )
    return [float(p[1]) for p in probabilities]
