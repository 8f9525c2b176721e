"""Economy classifier for newskit: is economy, business or finance the article's topic?

A first, transparent version built on the "economic"/"economy" terms of the Economic
Policy Uncertainty index (Baker, Bloom & Davis 2016) and a short list of terms that
mark economic, business and financial news. It scores how densely the terms occur
across the article's sentences (see ``_classify``), so that a passing mention in a
long article on another topic does not make it an economy article.
"""

from __future__ import annotations

from collections.abc import Iterable

import newskit

from ._classify import THRESHOLD, classify
from ._terms import CITATION, TERMS

__all__ = ["CITATION", "TERMS", "THRESHOLD", "classify", "newskit_register_classifiers"]


@newskit.hookimpl
def newskit_register_classifiers() -> Iterable[newskit.Classifier]:
    return [
        newskit.Classifier(
            name="economy",
            classify=classify,
            description=(
                "Economy, business and finance as the main topic: share of sentences "
                "with EPU terms and economic-news vocabulary."
            ),
        ),
    ]
