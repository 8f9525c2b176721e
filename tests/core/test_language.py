"""Language detection: py3langid on the text, the page's declared language as a hint."""

from __future__ import annotations

import pytest

from newskit.language import MAX_CHARS, detect_language, language_code

TEXTS = {
    "en": "The council met on Tuesday evening and agreed to keep the library open all week.",
    "fr": "La mairie a annoncé jeudi la réouverture de la piscine municipale après deux ans.",
    "de": "Der Bundestag hat am Donnerstag ein neues Gesetz beschlossen, das Mieten begrenzt.",
    "es": "El gobierno aprobó el martes un nuevo presupuesto para la sanidad pública.",
    "it": "Il governo ha approvato giovedì il nuovo bilancio per il prossimo anno.",
    "pt": "O governo apresentou hoje o novo orçamento para a educação e a saúde pública.",
    "ru": "Правительство в четверг одобрило новый бюджет на следующий год.",
    "zh": "政府周四批准了明年的新预算，其中包括增加教育支出。",
    "ar": "وافقت الحكومة يوم الخميس على ميزانية جديدة للعام المقبل.",
}


@pytest.mark.parametrize(("code", "text"), TEXTS.items())
def test_detects_the_language_of_the_text(code, text):
    assert detect_language(text) == code


@pytest.mark.parametrize("code", ["fr", "de", "zh", "ar"])
def test_text_overrides_a_wrong_declaration(code):
    # Templates often declare lang="en" whatever the article is written in.
    assert detect_language(TEXTS[code], declared="en-US") == code


def test_confident_detection_overrides_a_close_declared_language():
    assert detect_language("Vláda dnes představila nový rozpočet.", declared="sk") == "cs"
    assert detect_language("Уряд сьогодні представив новий бюджет.", declared="ru") == "uk"


def test_unsure_detection_overrides_an_implausible_declaration():
    assert detect_language("Bom dia a todos os leitores", declared="en") == "pt"


def test_declaration_decides_when_the_text_is_too_short():
    assert detect_language("Piscine rouverte.", declared="fr-FR") == "fr"
    assert detect_language("Piscine rouverte.") is None
    assert detect_language("Weather today") is None  # 12 letters: no call, even a likely one
    assert detect_language("", declared="de") == "de"
    assert detect_language("12345 67890 !!! ---", declared="de") == "de"


def test_declaration_decides_when_the_detector_is_unsure_between_close_languages():
    norwegian = "Regjeringen legger frem statsbudsjettet i dag."
    assert detect_language(norwegian) == "no"
    assert detect_language(norwegian, declared="da") == "da"  # unsure, and Danish is plausible
    assert detect_language("Vlada je danas predstavila novi proračun.", declared="hr") == "hr"


def test_unsure_detection_without_declaration_is_none():
    assert detect_language("Hotel Paris Restaurant Menu") is None
    assert detect_language("Hotel Paris Restaurant Menu", declared="en") == "en"


def test_only_the_first_characters_are_classified():
    french = (TEXTS["fr"] + " ") * (MAX_CHARS // len(TEXTS["fr"]) + 1)
    assert detect_language(french + TEXTS["en"] * 200) == "fr"


@pytest.mark.parametrize(
    ("tag", "code"),
    [
        ("en-GB", "en"),
        ("fr_FR", "fr"),
        (" DE ", "de"),
        ("zh-Hans-CN", "zh"),
        ("iw", "he"),
        ("nb-NO", "no"),
        ("fra", "fr"),
        ("und", None),
        ("english", None),
        ("x", None),
        ("", None),
        (None, None),
    ],
)
def test_language_code_of_declared_tags(tag, code):
    assert language_code(tag) == code
