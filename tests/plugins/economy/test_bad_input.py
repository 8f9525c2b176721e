"""Empty, tiny, huge and non-English texts get a defined answer and never an exception."""

from __future__ import annotations

import time

import pytest

import newskit
import newskit_economy

FRENCH = (
    "Le gouvernement a annoncé mardi une hausse des impôts pour les plus grandes "
    "entreprises du pays. Selon le ministre de l'Économie, cette mesure doit permettre de "
    "réduire le déficit public, qui a atteint un niveau record l'an dernier. Les syndicats "
    "ont dénoncé une décision injuste, tandis que le patronat craint pour l'emploi."
)
GERMAN = (
    "Die Regierung hat am Dienstag neue Steuern für große Unternehmen angekündigt. Nach "
    "Angaben des Wirtschaftsministers soll die Maßnahme das Defizit verringern, das im "
    "vergangenen Jahr einen Rekordwert erreicht hatte. Die Gewerkschaften kritisierten "
    "die Entscheidung, während die Arbeitgeber um Arbeitsplätze fürchten."
)
SPANISH = (
    "El Gobierno anunció el martes una subida de impuestos para las grandes empresas del "
    "país. Según el ministro de Economía, la medida permitirá reducir el déficit público, "
    "que alcanzó un nivel récord el año pasado. Los sindicatos denunciaron una decisión "
    "injusta, mientras que la patronal teme por el empleo."
)
RUSSIAN = "Правительство объявило о повышении налогов для крупнейших компаний страны."
CHINESE = "政府周二宣布对全国最大的企业提高税收。经济部长表示，这一措施将有助于减少财政赤字。"
UNKNOWN = newskit.Category(name="economy", scheme="economy", score=None, label=None)


def run(text: str, **fields: object) -> list[newskit.Category]:
    return list(newskit_economy.classify(newskit.Article(id="t", text=text, **fields)))


@pytest.mark.parametrize("text", ["", " ", "\n\n\n", "!!!", "\x00\x01", "🙂🙂", "12 34"])
def test_texts_without_words_score_zero(text):
    assert run(text) == [newskit.Category(name="economy", scheme="economy", score=0.0, label=False)]


@pytest.mark.parametrize(("word", "label"), [("economy", True), ("GDP", True), ("weather", False)])
def test_one_word(word, label):
    category = run(word)[0]
    assert category.label is label
    assert category.score is not None


@pytest.mark.parametrize("text", [FRENCH, GERMAN, SPANISH, RUSSIAN, CHINESE])
def test_text_in_another_language_is_not_scored(text):
    assert run(text) == [UNKNOWN]


@pytest.mark.parametrize("language", ["fr", "de", "zh-CN"])
def test_an_article_marked_as_another_language_is_not_scored(articles, language):
    assert run(articles["markets"], language=language) == [UNKNOWN]


@pytest.mark.parametrize("language", ["en", "en-GB", "EN", None])
def test_an_english_article_is_scored(articles, language):
    assert run(articles["markets"], language=language)[0].label is True


def test_the_pipeline_marks_a_known_language_the_same_way(articles):
    pm = newskit.PluginManager(entry_points=False)
    pm.register(newskit_economy, name="economy")
    pipeline = newskit.Pipeline.configure(
        plugins=pm, cleaners=[], summarizer=None, classifiers=["economy"]
    )
    article = pipeline.run(newskit.Article(id="f", text=FRENCH, language="fr"))
    assert article.category("economy") == UNKNOWN
    assert article.warnings


def test_an_english_article_quoting_another_language_is_scored(articles):
    text = articles["trade"] + "\n\n" + '"Nous sommes prêts," a déclaré le ministre.'
    assert run(text)[0].label is True


def test_five_megabytes(articles):
    text = "\n\n".join([articles["war"], articles["neutral"]] * 2000)
    text = text + "\n\n" + ("x" * (5_000_000 - len(text)))
    start = time.perf_counter()
    category = run(text)[0]
    assert time.perf_counter() - start < 10
    assert category.label is False
    assert category.score is not None
    for evidence in category.evidence[:50]:
        assert text[evidence.start : evidence.end] == evidence.text


def test_one_enormous_word():
    assert run("x" * 5_000_000)[0].score == 0.0


def test_unicode_that_changes_length_when_lowercased():
    # "İ" lowercases to two characters: offsets must still point into the text.
    text = "İstanbul: Shares rose and investors bought bonds. İİİ GDP grew."
    category = run(text)[0]
    assert category.label is True
    for evidence in category.evidence:
        assert text[evidence.start : evidence.end] == evidence.text
