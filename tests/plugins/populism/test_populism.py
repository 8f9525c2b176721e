"""The ``populism`` classifier: dimensions sentence by sentence, calibrated scores."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest

import newskit
import newskit_populism
from newskit_populism import _match

DIMENSIONS = ("anti-elitism", "people-centrism", "popular-sovereignty")
NAMES = ("populism", *DIMENSIONS)

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
    "Aid agencies warned that thousands of families have no heating this winter. "
    "Diplomats met in Geneva on Monday but made no progress towards a ceasefire. "
    "Journalists were not allowed into the worst-hit districts."
)
ECONOMIC = (
    "Inflation in the eurozone fell to 2.4% in November, its lowest in two years. "
    "The figures will add to pressure on the European Central Bank to cut interest rates. "
    "Stock markets rose on the news, and shares in banks led the gains."
)
POLICY = (
    "The government announced a new budget for schools on Monday. "
    "Ministers said the money would pay for 2,000 more teachers. "
    "Parliament will debate the plan next week."
)
FRENCH = (
    "Les élites corrompues de Bruxelles ont trahi le peuple, a déclaré mercredi le chef "
    "du parti devant des milliers de partisans réunis dans la capitale pour la campagne."
)

SEED = Path(__file__).resolve().parents[3] / "examples" / "atlas-mali.txt"


def no_evidence_score(name: str = "populism") -> float:
    _, intercept = newskit_populism.CALIBRATION[name]
    return round(1 / (1 + 2.718281828459045**-intercept), 4)


def categories(text: str, **fields: object) -> dict[str, newskit.Category]:
    article = newskit.Article(id="t", text=text, **fields)  # type: ignore[arg-type]
    found = list(newskit_populism.classify(article))
    assert [c.name for c in found] == list(NAMES)
    assert found[0].scheme == "populism"
    assert {c.scheme for c in found[1:]} == {"populism-dimension"}
    for category in found:
        for evidence in category.evidence:
            assert evidence.start is not None
            assert evidence.end is not None
            assert text[evidence.start : evidence.end] == evidence.text
            assert evidence.terms
    return {c.name: c for c in found}


def classify(text: str) -> newskit.Category:
    category = categories(text)["populism"]
    assert category.score is not None
    assert 0.0 <= category.score <= 1.0
    assert category.label == (category.score >= newskit_populism.THRESHOLD)
    return category


def fired(text: str) -> set[str]:
    """The dimensions whose evidence holds ``text`` (one sentence)."""
    return {name for name, c in categories(text).items() if c.evidence and name != "populism"}


def test_populist_paragraph_is_populist_with_sentence_evidence() -> None:
    text = "Our message\n\n" + POPULIST  # a heading first, so offsets are not from 0
    found = categories(text)
    populism = found["populism"]
    assert populism.label is True
    assert populism.score is not None
    assert populism.score > 0.7
    assert len(populism.evidence) == 4  # every sentence but the heading
    assert populism.evidence[0].text.startswith("For too long the corrupt elite")
    assert {"elite*", "ignore*"} <= set(populism.evidence[0].terms)
    assert found["anti-elitism"].label is True
    assert len(found["anti-elitism"].evidence) == 3
    assert found["people-centrism"].label is True
    assert found["popular-sovereignty"].label is True
    assert found["popular-sovereignty"].evidence[0].text == (
        "It is time to give power back to the people."
    )


@pytest.mark.parametrize("text", [NEUTRAL, WAR, ECONOMIC, POLICY])
def test_texts_without_populist_statements_are_not_populist(text: str) -> None:
    found = categories(text)
    for name in NAMES:
        assert found[name].label is False
        assert found[name].evidence == ()
        assert found[name].score == no_evidence_score(name)
    assert found["populism"].score < newskit_populism.THRESHOLD


def test_seed_article_is_not_populist() -> None:
    paragraphs = re.split(r"\n\s*\n", SEED.read_text(encoding="utf-8"))
    category = classify("\n\n".join(p.strip() for p in paragraphs[2:6]))
    assert category.label is False


@pytest.mark.parametrize(
    "sentence",
    [
        "The government is corrupt.",
        "Politicians have betrayed us again.",
        "Brussels bureaucrats impose their rules on us.",
        "The bankers who caused the crisis were bailed out.",
    ],
)
def test_an_elite_doing_wrong_is_anti_elitism(sentence: str) -> None:
    category = categories(sentence)["anti-elitism"]
    assert category.label is True
    assert [e.text for e in category.evidence] == [sentence]
    assert classify(sentence).label is True


@pytest.mark.parametrize(
    "sentence",
    [
        "The government is not corrupt.",
        "Politicians have never betrayed the trust of this town.",
        "No government can afford to ignore the climate.",
    ],
)
def test_negated_evaluations_do_not_count(sentence: str) -> None:
    assert fired(sentence) == set()
    assert classify(sentence).label is False


@pytest.mark.parametrize(
    "sentence",
    [
        "The government announced a new budget for schools.",
        "Politicians from all parties attended the memorial service.",
        "The minister opened the new bridge in the morning.",
    ],
)
def test_elite_mentions_without_a_negative_evaluation_do_not_count(sentence: str) -> None:
    assert fired(sentence) == set()


@pytest.mark.parametrize(
    "sentence",
    [
        "Hard-working families across the country enjoyed the summer fair.",
        "Voters queued at polling stations from seven in the morning.",
        "The public can visit the gardens on Sundays.",
    ],
)
def test_people_mentions_without_an_elite_do_not_count(sentence: str) -> None:
    assert fired(sentence) == set()


@pytest.mark.parametrize(
    "sentence",
    [
        "Westminster politicians ignore the British people.",
        "They govern for the few, not the many.",
    ],
)
def test_the_people_set_against_the_elite_is_people_centrism(sentence: str) -> None:
    assert "people-centrism" in fired(sentence)


def test_a_denied_wrong_does_not_set_people_against_elite() -> None:
    assert fired("Politicians never lie to voters.") == set()


def test_common_sense_is_people_centrism() -> None:
    assert fired("Common sense tells us that this scheme is wrong.") == {"people-centrism"}


def test_sovereignty_demands_and_their_negation() -> None:
    assert fired("It is time to let the people decide in a referendum.") == {"popular-sovereignty"}
    assert fired("We must take back control of our borders.") == {"popular-sovereignty"}
    assert fired("Britain took back control of its borders.") == {"popular-sovereignty"}
    assert fired("The country has taken back control.") == {"popular-sovereignty"}
    assert fired("The people should not have a say on this.") == set()


@pytest.mark.parametrize(
    "sentence",
    [
        "We will cut the waste in Whitehall.",  # the speaker's pledge
        "A new government would end these failed policies.",  # hypothetical government
        "The Labour government failed.",  # one party's government
        "Elite athletes failed the drug test.",  # another sense of "elite"
    ],
)
def test_pledges_own_governments_and_other_senses_are_not_blame(sentence: str) -> None:
    assert classify(sentence).label is False


def test_terms_respect_word_starts() -> None:
    matcher = _match.Matcher({"elite": ["elit*"], "negative": ["shame*", "out of touch"]})
    words = _match.tokenize("A delight: nobody was ashamed, and the Elites' shame is OUT OF TOUCH.")
    assert [(kind, term) for _, _, kind, term in matcher.find(words)] == [
        ("elite", "elit*"),
        ("negative", "shame*"),
        ("negative", "out of touch"),
    ]
    assert fired("The government betrayed everyone.") == {"anti-elitism"}  # betray*


def test_length_does_not_dilute_evidence() -> None:
    # The label asks whether a text makes a populist statement, not how often.
    statement = "Career politicians have betrayed the voters."
    assert classify(statement).score == classify(f"{NEUTRAL} {WAR} {statement}").score


def test_a_single_word_is_not_evidence() -> None:
    for text in ("Politicians.", "corrupt", "Referendum"):
        assert fired(text) - {"popular-sovereignty"} == set()
        assert classify(text).label is False


def test_scores_are_calibrated_probabilities_that_grow_with_evidence() -> None:
    blame = "The government is corrupt. "
    people = "Brussels ignores the British people. "
    scores = [
        classify(NEUTRAL).score,
        classify(NEUTRAL + " " + blame).score,
        classify(NEUTRAL + " " + blame * 2).score,
        classify(NEUTRAL + " " + blame * 2 + people).score,
        classify(blame * 10 + people * 10).score,
    ]
    assert scores == sorted(scores)
    assert len(set(scores)) == len(scores)
    assert all(s is not None and 0.0 < s < 1.0 for s in scores)


@pytest.mark.parametrize("name", NAMES)
def test_each_calibration_is_increasing(name: str) -> None:
    slope, intercept = newskit_populism.CALIBRATION[name]
    assert slope > 0
    assert 0 < 1 / (1 + 2.718281828459045**-intercept) < 0.1  # no evidence: low


def test_weights_rank_blame_above_mere_co_occurrence() -> None:
    weights = newskit_populism.WEIGHTS
    assert weights["elite-blame"] > weights["elite-criticism"] > 0
    assert set(weights) == {
        kind for kinds in newskit_populism.DIMENSIONS.values() for kind in kinds
    }


def test_threshold_through_the_factory() -> None:
    article = newskit.Article(id="t", text=NEUTRAL + " The government is corrupt.")
    default = newskit_populism.make_classifier()
    strict = newskit_populism.make_classifier(threshold=0.9)
    loose = newskit_populism.make_classifier(threshold=0.0)
    assert default.languages == ("en",)
    assert next(iter(default.classify(article))).label is True
    assert next(iter(strict.classify(article))).label is False
    assert next(iter(loose.classify(newskit.Article(id="n", text=NEUTRAL)))).label is True
    for bad in (1.5, -0.1, "high", True):
        with pytest.raises(newskit.ConfigError, match="threshold"):
            newskit_populism.make_classifier(threshold=bad)  # type: ignore[arg-type]


@pytest.mark.parametrize("text", ["", "   \n\n  "])
def test_empty_text(text: str) -> None:
    found = categories(text)
    for category in found.values():
        assert (category.score, category.label, category.evidence) == (0.0, False, ())


def test_one_word() -> None:
    category = classify("Hello")
    assert category.label is False
    assert category.evidence == ()


def test_five_megabytes_in_seconds() -> None:
    paragraph = POPULIST + "\n\n" + NEUTRAL + "\n\n"
    text = paragraph * (5_000_000 // len(paragraph))
    start = time.perf_counter()
    found = categories(text)
    assert time.perf_counter() - start < 30
    assert found["populism"].label is True
    assert found["populism"].score is not None
    assert found["populism"].score < 1.0


def test_one_huge_sentence_in_seconds() -> None:
    text = "the government failed the people and the corrupt elite lied to voters " * 60_000
    start = time.perf_counter()
    found = categories(text)
    assert time.perf_counter() - start < 30
    assert found["populism"].label is True
    assert len(found["populism"].evidence) == 1


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (FRENCH, None),  # told by its words
        (POPULIST, "fr"),  # told by Article.language
        ("Правительство предало народ, заявил лидер партии в Москве на митинге.", None),
        ("Die korrupte Elite in Berlin hat das Volk verraten und ignoriert die Bürger.", "de"),
    ],
)
def test_non_english_text_is_not_classified(text: str, language: str | None) -> None:
    assert newskit_populism.ENGLISH_ONLY is True
    found = categories(text, language=language)
    for category in found.values():
        assert (category.score, category.label, category.evidence) == (None, None, ())


def test_english_is_read_from_language_or_words() -> None:
    assert newskit_populism.is_english(newskit.Article(id="e", text=POPULIST, language="en-GB"))
    assert newskit_populism.is_english(newskit.Article(id="e", text=POPULIST))
    tweet = "Vote @Party today! #GE2015 https://t.co/abc123 http://party.org.uk/join Dundee Perth"
    assert newskit_populism.is_english(newskit.Article(id="t", text=tweet * 3))


def test_deterministic() -> None:
    first = categories(POPULIST + "\n\n" + WAR)
    assert all(categories(POPULIST + "\n\n" + WAR) == first for _ in range(3))


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
    assert len(category.evidence) == 4
    assert {c.name for c in populist.categories} == set(NAMES)
    neutral_category = neutral.category("populism")
    assert neutral_category is not None
    assert neutral_category.label is False
    # A second run replaces the four categories rather than adding to them.
    again = pipeline.run(populist)
    assert len(again.categories) == len(populist.categories)


def test_an_article_in_another_language_gets_a_warning_from_the_pipeline() -> None:
    pm = newskit.PluginManager(entry_points=False)
    pm.register(newskit_populism, name="populism")
    pipeline = newskit.Pipeline.configure(
        plugins=pm, cleaners=[], summarizer=None, classifiers=["populism"]
    )
    article = pipeline.run(newskit.Article(id="f", text=FRENCH, language="fr"))
    category = article.category("populism")
    assert category is not None
    assert (category.score, category.label) == (None, None)
    assert any("populism" in w.message for w in article.warnings)
