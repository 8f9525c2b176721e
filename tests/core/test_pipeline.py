from __future__ import annotations

import attrs
import pytest

import newskit
from newskit import (
    Article,
    Category,
    Classifier,
    Cleaner,
    ComponentError,
    ConfigError,
    Length,
    Pipeline,
    Summarizer,
)
from newskit.testing import plugin_manager


def _append(tag: str):
    def clean(article: Article) -> Article:
        return attrs.evolve(article, text=article.text + tag)

    return clean


def _boom(article):
    raise ValueError("lexicon missing")


class Toolbox:
    @newskit.hookimpl
    def newskit_register_cleaners(self):
        return [
            Cleaner(name="late", clean=_append("[late]"), order=90),
            Cleaner(name="early", clean=_append("[early]"), order=10),
            Cleaner(name="opt-in", clean=_append("[opt]"), default=False),
            Cleaner(name="explodes", clean=_boom, default=False),
            Cleaner(name="returns-str", clean=lambda a: "oops", default=False),
        ]

    @newskit.hookimpl
    def newskit_register_summarizers(self):
        return [
            Summarizer(name="first-word", summarize=lambda a, n: a.text.split()[0], default=True),
            Summarizer(name="length", summarize=lambda a, n: f"{n.sentences}/{n.chars}"),
        ]

    @newskit.hookimpl
    def newskit_register_classifiers(self):
        return [
            Classifier(
                name="topic",
                classify=lambda a: [Category(name="topic", scheme="topic", score=0.9, label=True)],
            ),
            Classifier(name="explodes", classify=_boom),
            Classifier(name="bad-type", classify=lambda a: ["topic"], default=False),
        ]


@pytest.fixture
def pm():
    return plugin_manager(("toolbox", Toolbox()), builtins=False)


ARTICLE = Article(id="a1", text="Body")


def test_default_cleaners_run_in_their_declared_order(pm):
    pipeline = Pipeline.configure(plugins=pm, summarizer=None, classifiers=[])
    assert pipeline.steps == ("clean:early", "clean:late")
    assert pipeline.run(ARTICLE).text == "Body[early][late]"


def test_configured_order_wins_and_default_expands(pm):
    pipeline = Pipeline.configure(
        plugins=pm, cleaners=["late", "opt-in", "early"], summarizer=None, classifiers=[]
    )
    assert pipeline.run(ARTICLE).text == "Body[late][opt][early]"
    pipeline = Pipeline.configure(
        plugins=pm, cleaners=["opt-in", "default"], summarizer=None, classifiers=[]
    )
    assert pipeline.steps == ("clean:opt-in", "clean:early", "clean:late")


def test_a_raising_component_records_an_error_and_the_pipeline_goes_on(pm):
    pipeline = Pipeline.configure(
        plugins=pm, cleaners=["explodes", "early"], classifiers=["explodes", "topic"]
    )
    result = pipeline.run(ARTICLE)
    assert [(e.step, e.message) for e in result.errors] == [
        ("clean:explodes", "ValueError: lexicon missing"),
        ("classify:explodes", "ValueError: lexicon missing"),
    ]
    assert result.text == "Body[early]"  # the next steps still ran
    assert result.summary == "Body[early]"
    assert result.category("topic").label is True


def test_strict_mode_raises_with_the_step_and_article(pm):
    pipeline = Pipeline.configure(plugins=pm, cleaners=["explodes"], strict=True)
    with pytest.raises(
        ComponentError, match="a1: step 'clean:explodes' failed: ValueError: lexicon missing"
    ):
        pipeline.run(ARTICLE)


@pytest.mark.parametrize(
    ("config", "step", "message"),
    [
        ({"cleaners": ["returns-str"]}, "clean:returns-str", "returned str, expected an Article"),
        (
            {"classifiers": ["bad-type"]},
            "classify:bad-type",
            "returned str, expected Category records",
        ),
    ],
)
def test_wrong_return_types_are_errors_on_the_article(pm, config, step, message):
    result = Pipeline.configure(
        plugins=pm, summarizer=None, **{"cleaners": [], "classifiers": [], **config}
    ).run(ARTICLE)
    assert [(e.step, e.message) for e in result.errors] == [(step, message)]


def test_summary_length_reaches_the_summarizer(pm):
    pipeline = Pipeline.configure(
        plugins=pm, cleaners=[], summarizer="length", classifiers=[], sentences=2, chars=80
    )
    assert pipeline.run(ARTICLE).summary == "2/80"
    with pytest.raises(ConfigError, match="invalid summary length"):
        Pipeline.configure(plugins=pm, sentences=0)


def test_classifier_results_replace_earlier_categories_of_the_same_scheme(pm):
    old = Article(text="x", categories=[
        Category(name="topic", scheme="topic", score=0.1, label=False),
        Category(name="world", scheme="section", label=True),
    ])  # fmt: skip
    result = Pipeline.configure(
        plugins=pm, cleaners=[], summarizer=None, classifiers=["topic"]
    ).run(old)
    assert [(c.name, c.scheme, c.score) for c in result.categories] == [
        ("world", "section", None),
        ("topic", "topic", 0.9),
    ]


def test_error_records_pass_through_untouched(pm):
    record = Article.failure("bad", "bad.txt: empty input")
    assert Pipeline.configure(plugins=pm).run(record) is record


def test_unknown_names_are_config_errors(pm):
    with pytest.raises(
        ConfigError, match="unknown summarizer 'sumy'; available: first-word, length"
    ):
        Pipeline.configure(plugins=pm, summarizer="sumy")
    with pytest.raises(ConfigError, match="unknown classifier 'nope'"):
        Pipeline.configure(plugins=pm, classifiers=["nope"])


def test_two_default_summarizers_must_be_resolved_by_name(pm):
    class Rival:
        @newskit.hookimpl
        def newskit_register_summarizers(self):
            return [Summarizer(name="rival", summarize=lambda a, n: "", default=True)]

    pm.register(Rival(), name="rival-plugin")
    with pytest.raises(
        ConfigError,
        match="several summarizers claim to be the default.*'rival' \\(plugin 'rival-plugin'\\)",
    ):
        Pipeline.configure(plugins=pm)
    assert Pipeline.configure(plugins=pm, summarizer="rival").summarizer.name == "rival"


def test_pipeline_built_from_records_directly():
    pipeline = Pipeline(
        cleaners=[Cleaner(name="x", clean=_append("!"))], length=Length(sentences=1)
    )
    assert pipeline(Article(text="hi")).text == "hi!"
    assert list(pipeline.run_many([Article(text="a"), Article(text="b")])) == [
        Article(text="a!"),
        Article(text="b!"),
    ]


def test_a_classifier_for_other_languages_gives_no_score_and_says_why():
    def always_yes(article: Article) -> list[newskit.Category]:
        return [newskit.Category(name="topic", scheme="topic", score=0.99, label=True)]

    english = newskit.Classifier(name="topic", classify=always_yes, languages=["en"])
    pipeline = newskit.Pipeline(classifiers=[english])
    french = pipeline.run(Article(id="fr", text="Le conseil a voté.", language="fr"))
    (category,) = french.categories
    assert (category.name, category.score, category.label) == ("topic", None, None)
    assert [(w.step, w.message) for w in french.warnings] == [
        ("classify:topic", "not classified: 'topic' reads en only, and the article is in 'fr'")
    ]
    for language in ("en", None):  # English, or not known: the classifier runs
        article = pipeline.run(Article(id="x", text="The council voted.", language=language))
        assert article.categories[0].score == 0.99
        assert article.warnings == ()


def test_a_regional_language_tag_counts_as_its_language():
    def yes(article: Article) -> list[newskit.Category]:
        return [newskit.Category(name="t", scheme="t", score=1.0, label=True)]

    pipeline = newskit.Pipeline(
        classifiers=[newskit.Classifier(name="t", classify=yes, languages=["en"])]
    )
    for tag in ("en-GB", "EN", "en_US"):
        assert pipeline.run(Article(id="x", text="Text.", language=tag)).categories[0].score == 1.0


def test_thresholds_decide_labels_from_scores():
    def scored(article: Article) -> list[newskit.Category]:
        return [
            newskit.Category(name="t", scheme="t", score=0.6, label=True),
            newskit.Category(name="u", scheme="u", score=None, label=None),
        ]

    classifier = newskit.Classifier(name="t", classify=scored)
    strict = newskit.Pipeline(classifiers=[classifier], thresholds={"t": 0.7, "u": 0.1})
    article = strict.run(Article(id="x", text="Text."))
    assert [(c.name, c.label) for c in article.categories] == [("t", False), ("u", None)]
    assert (
        newskit.Pipeline(classifiers=[classifier], thresholds={"t": 0.5})
        .run(Article(id="x", text="Text."))
        .categories[0]
        .label
    )
    with pytest.raises(newskit.ConfigError, match="from 0 to 1"):
        newskit.Pipeline(classifiers=[classifier], thresholds={"t": 1.5})
