"""Classify an article: the ``populism`` category and one category per dimension.

What it returns, always four categories in this order:

- ``populism`` (scheme ``populism``): does the text make a populist statement? Its
  evidence is every sentence that fired any dimension, with the terms behind it.
- ``anti-elitism``, ``people-centrism``, ``popular-sovereignty`` (scheme
  ``populism-dimension``), each with its own score, label and evidence sentences.

Every score is a calibrated probability (``_score``); evidence offsets point into
``Article.text``. Defined results for bad input:

- empty or blank text: every score 0.0, label False, no evidence;
- text that is not English (``ENGLISH_ONLY``; ``Article.language`` set and not "en",
  or the test in ``_language``): every score None, label None, no evidence, so that a
  caller can tell "not classified" from "not populist";
- very long text (megabytes): classified like any other, in time linear in its length.
"""

from __future__ import annotations

import functools

import newskit

from ._language import is_english
from ._rules import KINDS_OF_SENTENCE, analyse
from ._score import (
    DIMENSION_THRESHOLDS,
    DIMENSIONS,
    POPULISM,
    THRESHOLD,
    calibrate,
    evidence,
)

__all__ = ["DIMENSION_SCHEME", "SCHEME", "classify", "make_classifier"]

SCHEME = "populism"
DIMENSION_SCHEME = "populism-dimension"

_DESCRIPTION = (
    "Populist statements, sentence by sentence: anti-elitism (an elite blamed), "
    "people-centrism (the people set against the elite), popular sovereignty (the "
    "people should decide); calibrated probabilities, with a category per dimension."
)


def classify(article: newskit.Article) -> list[newskit.Category]:
    """The ``populism`` category and the three dimension categories (see module doc)."""
    return _classify(article, threshold=THRESHOLD)


def make_classifier(threshold: float = THRESHOLD) -> newskit.Classifier:
    """The ``populism`` classifier component, labelling a text populist when its score
    is at least ``threshold`` (the dimensions keep their own thresholds)."""
    if isinstance(threshold, bool) or not isinstance(threshold, (int, float)):
        raise newskit.ConfigError(f"populism: threshold must be a number, not {threshold!r}")
    if not 0.0 <= threshold <= 1.0:
        raise newskit.ConfigError(
            f"populism: threshold {threshold} is outside 0-1; scores are probabilities, "
            f"so pick a value such as {THRESHOLD}"
        )
    return newskit.Classifier(
        name="populism",
        classify=functools.partial(_classify, threshold=float(threshold)),
        description=_DESCRIPTION,
        languages=("en",),
    )


def _classify(article: newskit.Article, threshold: float) -> list[newskit.Category]:
    if not is_english(article):
        return [_category(name, None, None, []) for name in (POPULISM, *DIMENSIONS)]
    sentences = newskit.split_sentences(article.text)
    if not sentences:
        return [_category(name, 0.0, False, []) for name in (POPULISM, *DIMENSIONS)]
    counts = dict.fromkeys(KINDS_OF_SENTENCE, 0)
    found: list[tuple[newskit.Sentence, dict[str, list[str]]]] = []
    for sentence in sentences:
        kinds = analyse(sentence.text)
        if kinds:
            found.append((sentence, kinds))
            for kind in kinds:
                counts[kind] += 1
    score = calibrate(POPULISM, evidence(counts, KINDS_OF_SENTENCE))
    categories = [_category(POPULISM, score, score >= threshold, _evidence(found))]
    for name, kinds in DIMENSIONS.items():
        value = calibrate(name, evidence(counts, kinds))
        label = value >= DIMENSION_THRESHOLDS[name]
        categories.append(_category(name, value, label, _evidence(found, kinds)))
    return categories


def _category(
    name: str, score: float | None, label: bool | None, evidence: list[newskit.Evidence]
) -> newskit.Category:
    scheme = SCHEME if name == POPULISM else DIMENSION_SCHEME
    return newskit.Category(name=name, scheme=scheme, score=score, label=label, evidence=evidence)


def _evidence(
    found: list[tuple[newskit.Sentence, dict[str, list[str]]]],
    kinds: tuple[str, ...] = KINDS_OF_SENTENCE,
) -> list[newskit.Evidence]:
    """One piece of evidence per sentence of ``kinds``, with their terms."""
    out = []
    for sentence, by_kind in found:
        terms = [term for kind in kinds for term in by_kind.get(kind, ())]
        if terms:
            out.append(
                newskit.Evidence(
                    text=sentence.text,
                    start=sentence.start,
                    end=sentence.end,
                    terms=list(dict.fromkeys(terms)),
                )
            )
    return out
