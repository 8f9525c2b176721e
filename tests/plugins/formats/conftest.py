"""Fixtures for the output formats: fully populated articles, a format registry built
the way the CLI builds it, and streams and generators that record what happens."""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator, Mapping
from datetime import date, datetime, timedelta, timezone
from typing import Any

import pytest

import newskit
import newskit_formats
from newskit import Article, Category, Evidence, Problem, Removal, Source

TEXT = (
    "Elites betrayed the people, said Anna Müller — “quote”.\n\n"
    "The U.S. economy grew 3.5% in 2023, according to Reuters."
)
SENTENCE_1 = "Elites betrayed the people, said Anna Müller — “quote”."
SENTENCE_2 = "The U.S. economy grew 3.5% in 2023, according to Reuters."
AWARE = datetime(2023, 6, 27, 14, 5, 9, tzinfo=timezone(timedelta(hours=2)))


def _evidence(sentence: str, *terms: str) -> Evidence:
    start = TEXT.index(sentence)
    return Evidence(text=sentence, start=start, end=start + len(sentence), terms=terms)


def _make_article(published: date | datetime | None = date(2023, 6, 27), **changes: Any) -> Article:
    fields: dict[str, Any] = {
        "id": "art-1",
        "url": "https://example.com/world/2023/06/27/elites",
        "title": "Müller — “Elites” and the economy",
        "text": TEXT,
        "summary": "Elites betrayed the people, Müller says.",
        "source": Source(name="Example News", domain="example.com", url="https://example.com/"),
        "cited_sources": (
            Source(
                name="Reuters",
                domain="reuters.com",
                url="https://www.reuters.com/",
                kind="wire",
                evidence=(_evidence(SENTENCE_2, "Reuters"),),
            ),
        ),
        "authors": ("Anna Müller", "Jean Dupont"),
        "published": published,
        "language": "en",
        "categories": (
            Category(
                name="populism",
                scheme="populism",
                score=0.8125,
                label=True,
                evidence=(_evidence(SENTENCE_1, "elit*", "*betray*"),),
            ),
            Category(
                name="economy",
                scheme="economy",
                score=0.25,
                label=False,
                evidence=(_evidence(SENTENCE_2, "economy"),),
            ),
            Category(name="World", scheme="section"),
        ),
        "removed": (
            Removal(text="Sign up for our newsletter", reason="newsletter prompt", step="clean"),
            Removal(text="© 2023 Example News", reason="copyright line", step="clean"),
        ),
        "warnings": (Problem(step="summarize", message="text is short"),),
        "errors": (Problem(step="economy", message="lexicon timed out"),),
        "meta": {"section": "World", "words": 21, "nested": {"tags": ["a", "ü"], "ok": True}},
    }
    fields.update(changes)
    return Article(**fields)


@pytest.fixture
def make_article() -> Callable[..., Article]:
    """Builds an article with every field populated; keyword arguments replace fields."""
    return _make_article


@pytest.fixture
def articles() -> list[Article]:
    """Full articles (published as a date and as an aware datetime) and an error record."""
    return [
        _make_article(),
        _make_article(published=AWARE, id="art-2"),
        Article.failure("x", "x.txt: empty file"),
    ]


@pytest.fixture
def formats() -> Mapping[str, newskit.Format]:
    """The format registry of a plugin manager that holds only this plugin."""
    pm = newskit.PluginManager(entry_points=False)
    assert pm.register(newskit_formats, name="formats") == "formats"
    return pm.formats


@pytest.fixture
def write(formats: Mapping[str, newskit.Format]) -> Callable[[str, list[Article]], str]:
    """Writes articles (as an iterator) with the named format and returns the text."""

    def _write(name: str, items: list[Article]) -> str:
        stream = io.StringIO()
        formats[name].write(iter(items), stream)
        return stream.getvalue()

    return _write


class RecordingStream(io.StringIO):
    """A text stream that remembers each write."""

    def __init__(self) -> None:
        super().__init__()
        self.writes: list[str] = []

    def write(self, text: str) -> int:
        self.writes.append(text)
        return super().write(text)


class LazySource:
    """A one-shot generator of ``items`` that notes, each time an item is pulled, what
    the stream held so far and how many items had been pulled."""

    def __init__(self, items: list[Article], stream: RecordingStream) -> None:
        self.items = items
        self.stream = stream
        self.pulled = 0
        self.exhausted = False
        self.seen: list[str] = []  # the stream's text when item i was pulled

    def __iter__(self) -> Iterator[Article]:
        for item in self.items:
            self.seen.append(self.stream.getvalue())
            self.pulled += 1
            yield item
        self.exhausted = True


@pytest.fixture
def recording_stream() -> RecordingStream:
    return RecordingStream()


@pytest.fixture
def lazy_source() -> type[LazySource]:
    return LazySource
