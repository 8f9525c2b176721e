"""Dumps that are hard to clean still give a defined article, never a crash."""

from __future__ import annotations

import newskit

FRENCH = [
    "Accueil",
    "Actualités",
    "Le conseil municipal a voté mardi la fermeture du vieux pont du port aux camions, "
    "après que des ingénieurs ont trouvé des fissures dans deux de ses poutres d'acier.",
    "La circulation sera déviée par le périphérique est pendant au moins six mois, a "
    "indiqué la mairie, le temps de remplacer les poutres et de renforcer le tablier.",
    "Les commerçants du port craignent de perdre leur clientèle cet hiver, mais le maire "
    "a promis un fonds d'aide aux entreprises qui pourront montrer une baisse d'activité.",
]


def test_a_single_line_of_a_megabyte_is_analysed_whole():
    text = "The harbour bridge stays closed to lorries. " * 23_000  # ~1 MB, one line
    article = newskit.analyze_text(text.strip(), id="long")
    assert not article.errors
    assert len(article.text) == len(text.strip())
    assert article.summary.startswith("The harbour bridge stays closed to lorries.")
    assert article.language == "en"


def test_a_dump_in_french_keeps_its_prose_loses_its_menus_and_says_its_language():
    dump = "\n".join([*FRENCH, "Partager sur Facebook", "À lire aussi", "Un autre titre"])
    article = newskit.analyze_text(dump, id="fr")
    assert not article.errors
    assert article.language == "fr"
    assert article.text == "\n".join(FRENCH[2:])
    assert {r.text: r.reason for r in article.removed} == {
        "Accueil": "navigation link",
        "Actualités": "page header or navigation before the article",
        "Partager sur Facebook": "share buttons",
        "À lire aussi": "read-more link",
        "Un autre titre": "page footer after the article",
    }
    assert article.summary.startswith("Le conseil municipal a voté mardi")


def test_a_dump_with_no_prose_gives_an_empty_article_with_a_warning():
    article = newskit.analyze_text("Home\nNews\nSport\nWeather\nContact us\nLog in", id="menu")
    assert (article.text, article.summary, article.errors) == ("", "", ())
    assert any(w.message.startswith("no article") for w in article.warnings)
    labels = {c.name: c.label for c in article.categories}
    assert labels["economy"] is False and labels["populism"] is False
