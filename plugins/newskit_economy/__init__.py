"""Economy classifier for newskit: is economy, business or finance the article's main topic?

Weighted term lists for five economic sub-topics (``_terms``: macroeconomy, markets,
companies, trade, labour; the "economic"/"economy" core comes from the Economic Policy
Uncertainty index of Baker, Bloom & Davis 2016) are matched sentence by sentence, less
the vocabulary of other topics (``_other``); the position-weighted density of that
evidence goes through a fitted logistic function to a calibrated probability (see
``_classify``). A passing mention in a long article on another topic scores low.

Articles labelled economy also get ``economy-topic`` categories naming their sub-topics.
The decision threshold is ``THRESHOLD`` (0.5); :func:`make_classifier` builds the
component with another. The terms are English only (``ENGLISH_ONLY``): an article in
another language gets an ``economy`` category with no score and no label.
"""

from __future__ import annotations

from collections.abc import Iterable

import newskit

from ._classify import (
    ENGLISH_ONLY,
    SCHEME,
    SUBTOPIC_SCHEME,
    THRESHOLD,
    classify,
    is_english,
    make_classifier,
)
from ._other import OTHER_TOPICS
from ._terms import CITATION, SUBTOPICS, TERMS

__all__ = [
    "CITATION",
    "ENGLISH_ONLY",
    "OTHER_TOPICS",
    "SCHEME",
    "SUBTOPICS",
    "SUBTOPIC_SCHEME",
    "TERMS",
    "THRESHOLD",
    "classify",
    "is_english",
    "make_classifier",
    "newskit_register_classifiers",
]


@newskit.hookimpl
def newskit_register_classifiers() -> Iterable[newskit.Classifier]:
    return [make_classifier()]
