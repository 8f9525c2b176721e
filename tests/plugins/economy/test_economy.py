"""The ``economy`` classifier: main topic, sub-topics and evidence on articles we wrote."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import newskit
import newskit_economy

ECONOMIC = ("macroeconomy", "markets", "companies", "trade", "labour")
OTHER = ("war", "sport", "politics", "culture", "neutral")
SEED = Path(__file__).resolve().parents[3] / "examples" / "atlas-mali.txt"


def run(text: str, **fields: object) -> list[newskit.Category]:
    return list(newskit_economy.classify(newskit.Article(id="t", text=text, **fields)))


def economy(text: str, **fields: object) -> newskit.Category:
    category = run(text, **fields)[0]
    assert (category.name, category.scheme) == ("economy", "economy")
    assert category.score is not None
    assert 0.0 <= category.score <= 1.0
    assert category.label == (category.score >= newskit_economy.THRESHOLD)
    return category


@pytest.mark.parametrize("name", ECONOMIC)
def test_an_article_on_each_sub_topic_is_economy(articles, name):
    category = economy(articles[name])
    assert category.label is True
    assert category.score > 0.9


@pytest.mark.parametrize("name", ECONOMIC)
def test_the_main_sub_topic_comes_first(articles, name):
    categories = run(articles[name])
    subtopics = categories[1:]
    assert {c.scheme for c in subtopics} == {newskit_economy.SUBTOPIC_SCHEME}
    assert subtopics[0].name == name
    assert subtopics[0].label is True
    assert [c.score for c in subtopics] == sorted((c.score for c in subtopics), reverse=True)
    assert sum(c.score for c in subtopics) == pytest.approx(1.0, abs=1e-3)
    assert {c.name for c in subtopics} <= set(newskit_economy.SUBTOPICS)


@pytest.mark.parametrize("name", OTHER)
def test_other_topics_are_not_economy_and_have_no_sub_topics(articles, name):
    categories = run(articles[name])
    assert len(categories) == 1
    assert categories[0].label is False
    assert categories[0].score < 0.05


def test_a_passing_mention_is_evidence_but_not_the_topic(articles):
    category = economy(articles["war"])
    assert "Analysts say the economic cost of the war will be felt for a generation." in [
        e.text for e in category.evidence
    ]
    assert 0.0 < category.score < 0.05


def test_money_worries_in_a_match_report_do_not_make_it_economy(articles):
    category = economy(articles["sport"])
    assert any("debts" in e.terms for e in category.evidence)
    assert category.label is False


def test_politics_that_mentions_the_economy_once_is_not_economy(articles):
    category = economy(articles["politics"])
    assert [e.terms for e in category.evidence] == [("economy",)]
    assert category.label is False


def test_texts_without_economic_terms_score_zero(articles):
    category = economy(articles["neutral"])
    assert (category.score, category.label, category.evidence) == (0.0, False, ())


def test_evidence_offsets_point_into_the_text(articles):
    text = articles["macroeconomy"]
    categories = run(text)
    for category in categories:
        assert category.evidence
        for evidence in category.evidence:
            assert text[evidence.start : evidence.end] == evidence.text
            assert evidence.terms


def test_evidence_names_the_terms_of_each_sentence(articles):
    category = economy(articles["macroeconomy"])
    first = category.evidence[0]
    assert first.text == "Inflation slows as central bank holds rates"
    assert first.terms == ("inflation", "central bank*")
    markets = next(c for c in run(articles["macroeconomy"]) if c.name == "markets")
    assert [e.terms for e in markets.evidence] == [("markets",)]


def test_sub_topic_evidence_holds_only_its_own_terms(articles):
    for category in run(articles["companies"])[1:]:
        weights = newskit_economy.SUBTOPICS[category.name]
        assert all(t in weights for e in category.evidence for t in e.terms)


def test_a_separate_title_is_evidence_without_offsets(articles):
    title, body = articles["trade"].split("\n\n", 1)
    category = economy(body, title=title)
    assert category.evidence[0].text == title
    assert (category.evidence[0].start, category.evidence[0].end) == (None, None)
    for evidence in category.evidence[1:]:
        assert body[evidence.start : evidence.end] == evidence.text


def test_a_title_that_opens_the_text_counts_once(articles):
    text = articles["trade"]
    title = text.split("\n\n", 1)[0]
    assert economy(text, title=title) == economy(text)


def test_the_headline_counts_more_than_a_later_sentence(articles):
    neutral = articles["neutral"]
    first = economy(f"Inflation rose again.\n\n{neutral}\n\n{neutral}")
    later = economy(f"{neutral}\n\nInflation rose again.\n\n{neutral}")
    assert first.score > later.score


def test_longer_terms_win_over_the_words_inside_them():
    category = economy("Protesters gathered in the West Bank on Friday.")
    assert category.evidence == ()
    category = economy("Bank shares rose on Friday.")
    assert category.evidence[0].terms == ("bank shares",)


def test_terms_respect_word_boundaries():
    assert economy("She shared a photo of the GDPR notice.").evidence == ()


def test_seed_article_is_not_economy():
    paragraphs = re.split(r"\n\s*\n", SEED.read_text(encoding="utf-8"))
    category = economy("\n\n".join(p.strip() for p in paragraphs[2:6]))
    assert category.label is False
    assert category.score < 0.1


def test_deterministic(articles):
    text = articles["markets"] + "\n\n" + articles["war"]
    first = run(text)
    assert all(run(text) == first for _ in range(3))


def test_a_threshold_moves_the_label_not_the_score(articles):
    # A war story followed by a strike story: some economic evidence, not the topic.
    article = newskit.Article(id="t", text=articles["war"] + "\n\n" + articles["labour"])
    default = newskit_economy.classify(article)
    lenient = list(newskit_economy.make_classifier(threshold=0.1).classify(article))
    assert 0.1 < default[0].score < newskit_economy.THRESHOLD
    assert default[0].label is False
    assert len(default) == 1
    assert lenient[0] == newskit.Category(
        name="economy",
        scheme="economy",
        score=default[0].score,
        label=True,
        evidence=default[0].evidence,
    )
    assert lenient[1].name == "labour"


@pytest.mark.parametrize("threshold", [-0.1, 1.5, float("nan"), "0.5", True, None])
def test_a_bad_threshold_is_a_config_error(threshold):
    with pytest.raises(newskit.ConfigError, match="threshold"):
        newskit_economy.make_classifier(threshold=threshold)


def test_economy_through_a_registry(articles):
    pm = newskit.PluginManager(entry_points=False)
    pm.register(newskit_economy, name="economy")
    assert pm.classifiers["economy"].languages == ("en",)
    pipeline = newskit.Pipeline.configure(
        plugins=pm, cleaners=[], summarizer=None, classifiers=["economy"]
    )
    economic = pipeline.run(newskit.Article(id="e", text=articles["companies"]))
    war = pipeline.run(newskit.Article(id="w", text=articles["war"]))
    assert economic.errors == ()
    assert war.errors == ()
    assert economic.category("economy").label is True
    assert economic.category("companies").scheme == "economy-topic"
    assert war.category("economy").label is False
    assert [c.scheme for c in war.categories] == ["economy"]
