"""The ``economy`` classifier: density of economic sentences, not single mentions."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import newskit
import newskit_economy

ECONOMIC = (
    "Inflation in the eurozone fell to 2.4% in November, its lowest in two years. "
    "The figures will add to pressure on the European Central Bank to cut interest rates. "
    "Economists had expected a smaller fall. "
    "Energy and food prices both dropped, while core inflation also eased. "
    "Stock markets rose on the news, and shares in banks led the gains. "
    "The bank's president said it was too early to declare victory. "
    "Unemployment across the bloc remained at a record low of 6.5%. "
    "Germany's economy, the region's largest, is expected to shrink this year."
)
WAR = (
    "Heavy shelling hit the eastern city of Marinsk overnight, local officials said. "
    "At least twelve civilians were killed and dozens more were wounded. "
    "Rescue teams worked through the night to pull survivors from a collapsed block. "
    "The regional governor said artillery had struck two schools and a hospital. "
    "Troops on both sides have dug in along a front line that has barely moved. "
    "Commanders say they are short of ammunition and fresh soldiers. "
    "Aid agencies warned that thousands of families have no heating this winter. "
    "The Red Cross said its convoys had been turned back at checkpoints twice. "
    "Analysts say the economic cost of the war will be felt for a generation. "
    "Diplomats met in Geneva on Monday but made no progress towards a ceasefire. "
    "The foreign minister said talks would resume next month. "
    "Residents queued for water at the few wells still working. "
    "Many have already fled west, carrying what they could. "
    "A nurse at the city hospital said staff had not slept for two days. "
    "The army said it had shot down six drones near the border. "
    "Journalists were not allowed into the worst-hit districts."
)
NEUTRAL = (
    "The village flower show opened on Saturday under clear skies. "
    "Judges praised the roses, and the prize for the largest marrow went to a retired "
    "teacher. Organisers said next year's show will add a class for children."
)
POPULIST = (
    "For too long the corrupt elite in Westminster has ignored ordinary working people. "
    "Career politicians have betrayed every promise they made to you."
)

SEED = Path(__file__).resolve().parents[3] / "examples" / "atlas-mali.txt"


def seed_body() -> str:
    paragraphs = re.split(r"\n\s*\n", SEED.read_text(encoding="utf-8"))
    return "\n\n".join(p.strip() for p in paragraphs[2:6])


def classify(text: str) -> newskit.Category:
    categories = list(newskit_economy.classify(newskit.Article(id="t", text=text)))
    assert len(categories) == 1
    category = categories[0]
    assert (category.name, category.scheme) == ("economy", "economy")
    assert category.score is not None
    assert 0.0 <= category.score <= 1.0
    assert category.label == (category.score >= newskit_economy.THRESHOLD)
    return category


def test_economic_article_is_economy_with_sentence_evidence() -> None:
    text = "Eurozone inflation eases\n\n" + ECONOMIC
    category = classify(text)
    assert category.label is True
    # Heading + 8 sentences; all but "Economists had..." and "The bank's president..."
    assert len(category.evidence) == 7
    assert category.score == round(7 / (9 + 2), 4)
    assert [e.terms for e in category.evidence][:3] == [
        ("inflation",),
        ("inflation",),
        ("central bank*", "interest rate*"),
    ]
    for evidence in category.evidence:
        assert evidence.start is not None
        assert evidence.end is not None
        assert text[evidence.start : evidence.end] == evidence.text
    assert category.evidence[-1].terms == ("economy",)


def test_passing_mention_in_a_war_story_is_not_economy() -> None:
    category = classify(WAR)
    assert category.label is False
    assert [e.text for e in category.evidence] == [
        "Analysts say the economic cost of the war will be felt for a generation."
    ]
    assert category.score is not None
    assert 0.0 < category.score < newskit_economy.THRESHOLD


def test_spread_counts_not_hits() -> None:
    # Five terms in one sentence weigh as one sentence: a long story stays off-topic.
    packed = WAR.replace(
        "the economic cost of the war",
        "inflation, unemployment, interest rates, tariffs and the economy",
    )
    assert classify(packed).score == classify(WAR).score
    assert classify(packed).label is False


def test_score_is_density() -> None:
    sentence = "Inflation rose again."
    short = classify(f"{sentence} {NEUTRAL}")
    long = classify(f"{sentence} {NEUTRAL} {NEUTRAL} {NEUTRAL}")
    dense = classify(f"{sentence} Shares fell. {NEUTRAL} {NEUTRAL} {NEUTRAL}")
    assert short.score is not None
    assert long.score is not None
    assert dense.score is not None
    assert short.score > long.score
    assert dense.score > long.score


@pytest.mark.parametrize("text", [NEUTRAL, POPULIST])
def test_texts_without_economic_terms_are_not_economy(text: str) -> None:
    category = classify(text)
    assert (category.score, category.label, category.evidence) == (0.0, False, ())


def test_seed_article_is_not_economy() -> None:
    category = classify(seed_body())
    assert category.label is False
    assert category.score is not None


def test_empty_text() -> None:
    category = classify("")
    assert (category.score, category.label, category.evidence) == (0.0, False, ())


@pytest.mark.parametrize("repeat", [1, 4, 60])
def test_score_stays_below_one(repeat: int) -> None:
    category = classify(" ".join(["The economy grew."] * repeat))
    assert category.score is not None
    assert 0.0 < category.score < 1.0
    assert category.label is True


def test_terms_respect_word_boundaries() -> None:
    # "shares" is a term; "GDP" must not fire inside other tokens.
    assert classify("She shared a photo of the GDPR notice.").evidence == ()


def test_deterministic() -> None:
    first = classify(ECONOMIC + "\n\n" + WAR)
    assert all(classify(ECONOMIC + "\n\n" + WAR) == first for _ in range(3))


def test_economy_through_a_registry() -> None:
    pm = newskit.PluginManager(entry_points=False)
    pm.register(newskit_economy, name="economy")
    pipeline = newskit.Pipeline.configure(
        plugins=pm, cleaners=[], summarizer=None, classifiers=["economy"]
    )
    economic = pipeline.run(newskit.Article(id="e", text=ECONOMIC))
    war = pipeline.run(newskit.Article(id="w", text=WAR))
    assert economic.errors == ()
    assert war.errors == ()
    category = economic.category("economy")
    assert category is not None
    assert category.label is True
    war_category = war.category("economy")
    assert war_category is not None
    assert war_category.label is False
