"""Every format writes each article as it arrives and never lists its input."""

from __future__ import annotations

import pytest

NAMES = ["jsonl", "json", "markdown", "csv", "html", "jsonld", "atom"]


@pytest.mark.parametrize("name", NAMES)
def test_each_article_is_written_before_the_next_is_pulled(
    name, formats, make_article, recording_stream, lazy_source
):
    items = [make_article(id=f"id-{i}", title=f"Story number {i}") for i in range(4)]
    source = lazy_source(items, recording_stream)

    formats[name].write(iter(source), recording_stream)

    assert source.exhausted
    assert source.pulled == len(items)
    # When item i was pulled, items before it were already in the stream, later ones not.
    for i, seen in enumerate(source.seen):
        for j, item in enumerate(items):
            assert (item.title in seen) == (j < i), (i, j)
    assert all(item.title in recording_stream.getvalue() for item in items)
    assert len(recording_stream.writes) >= len(items)


@pytest.mark.parametrize("name", NAMES)
def test_write_accepts_a_one_shot_iterator_without_len(
    name, formats, make_article, recording_stream
):
    items = [make_article(id=f"id-{i}", title=f"Story number {i}") for i in range(3)]

    def generate():
        yield from items

    generator = generate()
    formats[name].write(generator, recording_stream)

    assert next(generator, None) is None  # consumed exactly once
    assert all(item.title in recording_stream.getvalue() for item in items)


@pytest.mark.parametrize("name", NAMES)
def test_an_error_midway_leaves_earlier_articles_written(
    name, formats, make_article, recording_stream
):
    def generate():
        yield make_article(id="first", title="First story")
        raise RuntimeError("the reader broke")

    with pytest.raises(RuntimeError, match="the reader broke"):
        formats[name].write(generate(), recording_stream)

    assert "First story" in recording_stream.getvalue()
