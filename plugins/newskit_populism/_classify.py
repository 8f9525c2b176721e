"""Score an article for populist vocabulary, sentence by sentence.

Score
    The share of the body's sentences that contain at least one dictionary term, with
    two sentences added to the denominator::

        score = matching_sentences / (sentences + 2)

    The share of coded units is how Rooduijn & Pauwels (2011) measure populism in
    their classical content analysis (there the unit is the paragraph; here it is the
    sentence, which is also the evidence shown). The two extra sentences shrink very
    short texts towards 0, so that one term in a one-sentence post scores 1/3 rather
    than 1, while they hardly change the share for an article. The score is rounded to
    four decimals, and the label is computed from the rounded score.

Threshold
    ``label = score >= 0.01``, chosen on populism-nccr-uk-dev (958 UK manifesto
    sections, press releases and posts; run ``benchmarks/classification.py``).
    Precision stays near 0.30 whatever the threshold, so raising it only loses
    recall: F1 is 0.33 at 0.01 (the anchor measured for this dictionary), 0.31 at
    0.02, 0.25 at 0.05; 5-fold cross-validation picks 0.005 or 0.01. In effect, any
    dictionary sentence in a text of up to 98 sentences labels it populist. That is
    what this dictionary can do; better precision needs the dimensions (anti-elitism,
    people-centrism) and negation that a later classifier will add.
"""

from __future__ import annotations

import newskit

from ._dictionary import LEXICON

__all__ = ["PSEUDO_SENTENCES", "SCHEME", "THRESHOLD", "classify", "score"]

SCHEME = "populism"
THRESHOLD = 0.01
PSEUDO_SENTENCES = 2


def classify(article: newskit.Article) -> list[newskit.Category]:
    """One ``populism`` category with its score, label and evidence sentences."""
    sentences = newskit.split_sentences(article.text)
    evidence = LEXICON.evidence(sentences)
    value = score(len(evidence), len(sentences))
    return [
        newskit.Category(
            name="populism",
            scheme=SCHEME,
            score=value,
            label=value >= THRESHOLD,
            evidence=evidence,
        )
    ]


def score(matching: int, total: int) -> float:
    """``matching / (total + PSEUDO_SENTENCES)``, rounded to four decimals."""
    return round(matching / (total + PSEUDO_SENTENCES), 4)
