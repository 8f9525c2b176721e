"""Populism classifier for newskit: populist statements, sentence by sentence.

Populism is the thin ideology that sets a virtuous people against a corrupt elite
(Mudde 2004). The classifier looks for its three dimensions, as the NCCR coders of
populist communication do (Wirth et al. 2016), in each sentence:

- anti-elitism: an elite (politicians, Westminster, Brussels, bankers, the media ...)
  with a negative evaluation of it, strongest when the elite is the one doing wrong
  ("politicians have betrayed us");
- people-centrism: the people set against the elite in one sentence, or an appeal to
  common sense;
- popular sovereignty: a demand that the people decide ("take back control").

Negation ("not corrupt"), the speaker's own or a hypothetical government ("a new
government would"), one party's government ("the Labour government") and the speaker's
pledges ("we will cut the waste in Whitehall") keep a sentence from counting, or make it
count less (``_rules``). A single word is weak evidence, so no sentence counts for one.

Scores are calibrated probabilities (``_score``). ``classify`` returns a ``populism``
category (scheme ``populism``) whose evidence is every sentence that fired, and one
category per dimension (scheme ``populism-dimension``: ``anti-elitism``,
``people-centrism``, ``popular-sovereignty``). The document label is ``score >=
THRESHOLD`` (0.18); :func:`make_classifier` builds the component with another
threshold. The lexicons (``_lexicons``) are English only (``ENGLISH_ONLY``): an article
in another language gets the four categories with score None, label None and no
evidence.
"""

from __future__ import annotations

from collections.abc import Iterable

import newskit

from ._classify import DIMENSION_SCHEME, SCHEME, classify, make_classifier
from ._language import ENGLISH_ONLY, is_english
from ._lexicons import KINDS as LEXICONS
from ._score import CALIBRATION, DIMENSION_THRESHOLDS, DIMENSIONS, THRESHOLD, WEIGHTS

__all__ = [
    "CALIBRATION",
    "CITATIONS",
    "DIMENSIONS",
    "DIMENSION_SCHEME",
    "DIMENSION_THRESHOLDS",
    "ENGLISH_ONLY",
    "LEXICONS",
    "SCHEME",
    "THRESHOLD",
    "WEIGHTS",
    "classify",
    "is_english",
    "make_classifier",
    "newskit_register_classifiers",
]

CITATIONS = (
    "Mudde, C. (2004). The populist zeitgeist. Government and Opposition 39(4), 541-563.",
    "Wirth, W. et al. (2016). The appeal of populist ideas, strategies and styles: a "
    "theoretical model and research design for analyzing populist political "
    "communication. NCCR Democracy working paper 88.",
    "Rooduijn, M. & Pauwels, T. (2011). Measuring populism: Comparing two methods of "
    "content analysis. West European Politics 34(6), 1272-1283.",
    "Bonikowski, B. & Gidron, N. (2016). The populist style in American politics: "
    "presidential campaign discourse, 1952-1996. Social Forces 94(4), 1593-1621.",
)


@newskit.hookimpl
def newskit_register_classifiers() -> Iterable[newskit.Classifier]:
    return [make_classifier()]
