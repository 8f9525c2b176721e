"""newskit-conflict: is war or armed conflict what a news article is about?

A newskit plugin that registers one classifier, ``conflict``. Each sentence of the
article is matched against a weighted lexicon of conflict terms; the sentences that
hold a term are the evidence, and the score grows with the conflict terms per sentence.
A passing mention in a long article on something else scores low.
"""

from __future__ import annotations

from collections.abc import Iterable

import newskit

__version__ = "0.1.0"


# Terms in three lists, separated by ";". STRONG terms name armed conflict on their
# own, WEAK ones only in company, and NOT_CONFLICT phrases hold a conflict word without
# meaning one. The lexicon prefers the longest match, so "trade war" hides its "war".
STRONG = """
    war; wars; warfare; armed conflict; civil war; ceasefire; cease-fire; truce;
    airstrike*; air strike*; drone strike*; shelling; artillery; missile*; insurgen*;
    militant*; militia*; rebels; jihadist*; guerrilla*; paramilitar*; peacekeep*;
    troops; soldiers; armed forces; invasion; invade*; front line*; frontline*;
    war crime*; atrocit*; mercenar*; combatant*; coup; junta; armed group*; bombard*;
    genocide
"""
WEAK = """
    army; military; attack; attacks; attacked; offensive; battle*; forces; killed;
    fighting; clashes; violence; weapons; mutiny; conflict; conflicts; refugee*;
    displaced; casualties; wounded; hostage*; siege; NATO; security council
"""
NOT_CONFLICT = """
    trade war*; price war*; culture war*; bidding war*; war of words; war chest;
    star wars; legal battle*; battle against
"""


def _weighted(terms: str, weight: int) -> dict[str, int]:
    return {" ".join(term.split()): weight for term in terms.split(";") if term.strip()}


# Each term with its weight: what a sentence that holds it adds to the evidence.
TERMS = {**_weighted(STRONG, 2), **_weighted(WEAK, 1), **_weighted(NOT_CONFLICT, 0)}
LEXICON = newskit.Lexicon(TERMS, name="conflict")

SENTENCE_CAP = 3  # the most one sentence can add, however many terms it holds
HALF = 0.5  # the evidence per sentence at which the score reaches 0.5
THRESHOLD = 0.5  # the label is score >= THRESHOLD


def classify(article: newskit.Article) -> list[newskit.Category]:
    """The ``conflict`` category: a score, a label and the evidence sentences."""
    sentences = newskit.split_sentences(article.text)
    evidence = []
    total = 0
    for found in LEXICON.evidence(sentences):
        terms = [term for term in found.terms if TERMS[term] > 0]
        if terms:
            evidence.append(
                newskit.Evidence(
                    text=found.text, start=found.start, end=found.end, terms=terms
                )
            )
            total += min(SENTENCE_CAP, sum(TERMS[term] for term in terms))
    # One empty sentence more than there are, so that a short text needs more.
    density = total / (len(sentences) + 1)
    score = round(density / (density + HALF), 4)
    category = newskit.Category(
        name="conflict",
        scheme="conflict",
        score=score,
        label=score >= THRESHOLD,
        evidence=evidence,
    )
    return [category]


@newskit.hookimpl
def newskit_register_classifiers() -> Iterable[newskit.Classifier]:
    """Give newskit the ``conflict`` classifier."""
    return [
        newskit.Classifier(
            name="conflict",
            classify=classify,
            description="War and armed conflict as the topic: weighted conflict terms "
            "per sentence, with the sentences as evidence.",
            languages=("en",),
        )
    ]
