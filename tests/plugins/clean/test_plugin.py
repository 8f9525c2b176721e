"""The plugin through a real registry and pipeline, and what every cleaner promises."""

from __future__ import annotations

import attrs
import pytest

import newskit
import newskit_clean

BODY_START = "The United Nations is reportedly planning"
BODY_END = "human rights violations to grow."
TITLE = "UN to End Peacekeeping Mission in Mali, Per Reuters"


def _manager() -> newskit.PluginManager:
    pm = newskit.PluginManager(entry_points=False)
    assert pm.register(newskit_clean, name="clean") == "clean"
    return pm


def _expected_body(seed_text: str) -> str:
    """The four body paragraphs, normalised independently of the plugin."""
    lines = seed_text.split("\n")
    first = next(i for i, line in enumerate(lines) if line.startswith(BODY_START))
    last = next(i for i, line in enumerate(lines) if line.rstrip().endswith(BODY_END))
    paragraphs = [" ".join(line.split()) for line in lines[first : last + 1] if line.strip()]
    assert len(paragraphs) == 4
    return "\n\n".join(paragraphs)


def test_registers_four_cleaners_in_order() -> None:
    cleaners = _manager().cleaners
    assert {name: cleaners[name].order for name in cleaners} == {
        "whitespace": 10,
        "furniture": 20,
        "cited-sources": 80,
        "doubled-words": 90,
    }
    assert all(cleaners[name].default and cleaners[name].description for name in cleaners)
    assert cleaners.owner("furniture") == "clean"


def test_default_pipeline_runs_the_cleaners_by_order() -> None:
    pipeline = newskit.Pipeline.configure(plugins=_manager(), summarizer=None, classifiers=[])
    assert pipeline.steps == (
        "clean:whitespace",
        "clean:furniture",
        "clean:cited-sources",
        "clean:doubled-words",
    )


def test_seed_acceptance_through_the_pipeline(
    seed_article: newskit.Article, seed_text: str
) -> None:
    pipeline = newskit.Pipeline.configure(plugins=_manager(), summarizer=None, classifiers=[])
    article = pipeline.run(seed_article)

    assert article.errors == ()
    assert article.title == TITLE
    assert article.text == _expected_body(seed_text)
    assert article.text.startswith(BODY_START) and article.text.endswith(BODY_END)
    assert "this month and will withdraw" in article.text
    assert "\xa0" not in article.text
    assert "did say say, however" in article.text

    removed = [(r.text, r.reason) for r in article.removed]
    assert all(r.step == "clean:furniture" and r.reason for r in article.removed)
    texts = [text for text, _ in removed]
    assert texts.count(TITLE) == 2
    assert (TITLE, "headline (kept as the title)") in removed
    assert (TITLE, "repeats the title") in removed
    bio = next(r for r in article.removed if r.text.startswith("Unbiased & Unfiltered"))
    assert bio.text.endswith("Editor-In-Chief of Atlas News.")
    assert bio.reason == "author bio"
    assert texts.count("- Sponsor -spot_img") == 2
    assert ("Week's Top Stories", "teaser-list heading") in removed
    assert ("More In This Category", "teaser-list heading") in removed
    teasers = [text for text, reason in removed if reason == "teaser after 'More In This Category'"]
    assert teasers[0] == "Identifying a Correlation Between Economic Downturn and Rising Populism"
    assert teasers[-1] == "Cyril Ramaphosa has been re-elected as the President of..."
    assert len(teasers) == 8
    # Nothing is lost silently: every non-blank line is kept or recorded as removed.
    kept = article.text.split("\n\n")
    original = [" ".join(line.split()) for line in seed_text.split("\n") if line.strip()]
    assert sorted(original) == sorted(kept + texts)

    (reuters,) = article.cited_sources
    assert (reuters.name, reuters.kind, reuters.domain, reuters.url) == (
        "Reuters",
        "wire",
        "reuters.com",
        None,
    )
    title_evidence, body_evidence = reuters.evidence
    assert (title_evidence.text, title_evidence.start, title_evidence.end) == (TITLE, None, None)
    assert body_evidence.text.endswith("that was seen by Reuters.")
    assert article.text[body_evidence.start : body_evidence.end] == body_evidence.text
    assert body_evidence.terms == ("Reuters",)

    (warning,) = article.warnings
    assert warning.step == "clean:doubled-words"
    assert (
        warning.message
        == 'doubled word "say say" in "\u2026Lavrov did say say, however, that\u2026"'
    )


def test_pipeline_output_round_trips_as_json(seed_article: newskit.Article) -> None:
    pipeline = newskit.Pipeline.configure(plugins=_manager(), summarizer=None, classifiers=[])
    article = pipeline.run(seed_article)
    assert newskit.Article.from_dict(article.to_dict()) == article


ODD_TEXTS = {
    "empty": "",
    "blank": " \n\n\t\r\n ",
    "one line": "Reuters reported that the the talks failed",
    "no newlines": "word " * 5000,
    "very long line": ("A sentence that goes on. " * 4000).strip(),
    "only furniture": "Share\nFacebook\nTwitter\nAdvertisement",
    "control characters": "a\x00b\x07c\u200b\ufeff d\u2028e\u2029f",
    "symbols": "\u2026\n...\n---\n|||\n\u00a9",
    "cjk": "\u4eca\u65e5\u306f\u3044\u3044\u5929\u6c17\u3067\u3059\u3002\n\n\u660e\u65e5\u3082\u6674\u308c\u3002",
}


@pytest.mark.parametrize("title", [None, "", "A title", "  "])
@pytest.mark.parametrize("text", ODD_TEXTS.values(), ids=ODD_TEXTS.keys())
def test_cleaners_never_raise_and_return_new_articles(text: str, title: str | None) -> None:
    pm = _manager()
    source = newskit.Article(id="odd", title=title, text=text)
    for name in pm.cleaners:
        result = pm.cleaners[name].clean(source)
        assert isinstance(result, newskit.Article)
        assert result is not source
    article = newskit.Pipeline.configure(plugins=pm, summarizer=None, classifiers=[]).run(source)
    assert article.errors == ()


def test_cleaners_keep_what_they_do_not_own(seed_article: newskit.Article) -> None:
    pm = _manager()
    marked = attrs.evolve(
        seed_article,
        removed=(newskit.Removal(text="x", reason="earlier step", step="other"),),
        warnings=(newskit.Problem(step="other", message="kept"),),
        meta={"k": 1},
    )
    article = newskit.Pipeline.configure(plugins=pm, summarizer=None, classifiers=[]).run(marked)
    assert article.removed[0].reason == "earlier step"
    assert article.warnings[0].message == "kept"
    assert article.meta == {"k": 1}
    assert (article.id, article.url) == (seed_article.id, seed_article.url)
