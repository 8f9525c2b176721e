"""Populism classifier for newskit: the Rooduijn & Pauwels (2011) English dictionary.

A first, transparent version: it finds the dictionary's terms sentence by sentence and
scores the share of sentences that contain one (see ``_classify`` for the score and
its threshold). It knows nothing of negation or of who speaks, and the dictionary
measures anti-elitist vocabulary only, not people-centrism.
"""

from __future__ import annotations

from collections.abc import Iterable

import newskit

from ._classify import THRESHOLD, classify
from ._dictionary import CITATION, TERMS

__all__ = ["CITATION", "TERMS", "THRESHOLD", "classify", "newskit_register_classifiers"]


@newskit.hookimpl
def newskit_register_classifiers() -> Iterable[newskit.Classifier]:
    return [
        newskit.Classifier(
            name="populism",
            classify=classify,
            description=(
                "Populist vocabulary: share of sentences with a term of the "
                "Rooduijn & Pauwels (2011) dictionary."
            ),
        ),
    ]
