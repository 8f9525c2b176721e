"""The ``populism`` classifier: Rooduijn & Pauwels terms, sentence by sentence."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import newskit
import newskit_populism

POPULIST = (
    "For too long the corrupt elite in Westminster has ignored ordinary working people. "
    "Career politicians have betrayed every promise they made to you. "
    "The establishment media will not tell you the truth about this scandal. "
    "It is time to give power back to the people."
)
NEUTRAL = (
    "The village flower show opened on Saturday under clear skies. "
    "Judges praised the roses, and the prize for the largest marrow went to a retired "
    "teacher. Organisers said next year's show will add a class for children."
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
ECONOMIC = (
    "Inflation in the eurozone fell to 2.4% in November, its lowest in two years. "
    "The figures will add to pressure on the European Central Bank to cut interest rates. "
    "Stock markets rose on the news, and shares in banks led the gains. "
    "Germany's economy, the region's largest, is expected to shrink this year."
)

SEED = Path(__file__).resolve().parents[3] / "examples" / "atlas-mali.txt"


def seed_body() -> str:
    paragraphs = re.split(r"\n\s*\n", SEED.read_text(encoding="utf-8"))
    return "\n\n".join(p.strip() for p in paragraphs[2:6])


def classify(text: str) -> newskit.Category:
    categories = list(newskit_populism.classify(newskit.Article(id="t", text=text)))
    assert len(categories) == 1
    category = categories[0]
    assert (category.name, category.scheme) == ("populism", "populism")
    assert category.score is not None
    assert 0.0 <= category.score <= 1.0
    assert category.label == (category.score >= newskit_populism.THRESHOLD)
    return category


def test_populist_paragraph_is_populist_with_sentence_evidence() -> None:
    text = "Our message\n\n" + POPULIST  # a heading first, so offsets are not from 0
    category = classify(text)
    assert category.label is True
    assert category.score == round(3 / (5 + 2), 4)  # 3 of 5 sentences, heading included
    assert [e.terms for e in category.evidence] == [
        ("corrupt*", "elit*"),
        ("politici*", "*betray*"),
        ("establishm*", "truth*", "scandal*"),
    ]
    for evidence in category.evidence:
        assert evidence.start is not None
        assert evidence.end is not None
        assert text[evidence.start : evidence.end] == evidence.text
    assert category.evidence[0].text.startswith("For too long the corrupt elite")
    assert category.evidence[2].text.endswith("about this scandal.")


def test_wildcards_match_inside_words() -> None:
    category = classify("They deceived us. It was pure deceitfulness. Voters feel betrayed.")
    assert [e.terms for e in category.evidence] == [("*deceiv*",), ("*deceit*",), ("*betray*",)]


def test_terms_need_word_starts() -> None:
    # "elit*" must not fire inside "delight", nor "shame*" inside "ashamed".
    category = classify("The crowd was a delight. Nobody was ashamed.")
    assert category.evidence == ()
    assert category.score == 0.0


@pytest.mark.parametrize("text", [NEUTRAL, WAR, ECONOMIC])
def test_texts_without_populist_terms_are_not_populist(text: str) -> None:
    category = classify(text)
    assert category.label is False
    assert category.score == 0.0
    assert category.evidence == ()


def test_seed_article_is_not_populist() -> None:
    category = classify(seed_body())
    assert category.label is False
    assert category.score is not None


def test_empty_text() -> None:
    category = classify("")
    assert (category.score, category.label, category.evidence) == (0.0, False, ())


def test_score_grows_with_the_share_of_populist_sentences() -> None:
    one = classify(f"{NEUTRAL} The elite is corrupt.")
    two = classify(f"{NEUTRAL} The elite is corrupt. Politicians lie.")
    diluted = classify(f"{NEUTRAL} {NEUTRAL} {NEUTRAL} The elite is corrupt.")
    assert one.score is not None
    assert two.score is not None
    assert diluted.score is not None
    assert two.score > one.score > diluted.score > 0.0


@pytest.mark.parametrize("repeat", [1, 3, 50])
def test_score_stays_below_one(repeat: int) -> None:
    category = classify(" ".join(["The corrupt elite betrayed us."] * repeat))
    assert category.score is not None
    assert 0.0 < category.score < 1.0
    assert category.label is True


def test_deterministic() -> None:
    first = classify(POPULIST + "\n\n" + WAR)
    assert all(classify(POPULIST + "\n\n" + WAR) == first for _ in range(3))


def test_populism_through_a_registry() -> None:
    pm = newskit.PluginManager(entry_points=False)
    pm.register(newskit_populism, name="populism")
    pipeline = newskit.Pipeline.configure(
        plugins=pm, cleaners=[], summarizer=None, classifiers=["populism"]
    )
    populist = pipeline.run(newskit.Article(id="p", text=POPULIST))
    neutral = pipeline.run(newskit.Article(id="n", text=NEUTRAL))
    assert populist.errors == ()
    assert neutral.errors == ()
    category = populist.category("populism")
    assert category is not None
    assert category.label is True
    assert len(category.evidence) == 3
    neutral_category = neutral.category("populism")
    assert neutral_category is not None
    assert neutral_category.label is False
