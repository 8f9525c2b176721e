from __future__ import annotations

import gzip

import pytest

from newskit import Article, InputError
from newskit.inputs import input_from_bytes, input_id, iter_inputs, load_file

EXTS = (".html", ".htm", ".txt", ".jsonl", ".json")


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("pages/atlas-mali.txt", "atlas-mali"),
        ("story.html.gz", "story"),
        ("story.HTM", "story"),
        ("feed.jsonl", "feed"),
        ("notes.md", "notes.md"),
        ("report.2024.txt", "report.2024"),
        (".txt", ".txt"),
    ],
)
def test_input_id_drops_reader_extensions_and_gz(name, expected):
    assert input_id(name, EXTS) == expected


def test_directory_is_walked_sorted_skipping_hidden_and_unknown(tmp_path):
    (tmp_path / "b.txt").write_text("b")
    (tmp_path / "a.html").write_text("<p>a</p>")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "c.txt.gz").write_bytes(gzip.compress(b"c"))
    (tmp_path / "style.css").write_text("p {}")
    (tmp_path / ".hidden.txt").write_text("h")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.txt").write_text("x")
    items = list(iter_inputs([tmp_path], extensions=EXTS))
    assert [(i.id, i.data) for i in items] == [("a", b"<p>a</p>"), ("b", b"b"), ("c", b"c")]


def test_globs_are_expanded_and_an_empty_match_is_an_error(tmp_path):
    (tmp_path / "one.txt").write_text("1")
    (tmp_path / "two.txt").write_text("2")
    items = list(
        iter_inputs([str(tmp_path / "*.txt"), str(tmp_path / "*.nothing")], extensions=EXTS)
    )
    assert [i.id for i in items] == ["one", "two", "*.nothing"]
    assert isinstance(items[2], Article) and items[2].failed
    assert items[2].errors[0].message.endswith("*.nothing: no file matches this pattern")


def test_missing_path_is_an_error_record_and_the_rest_go_on(tmp_path):
    (tmp_path / "ok.txt").write_text("fine")
    items = list(iter_inputs([tmp_path / "missing.txt", tmp_path / "ok.txt"], extensions=EXTS))
    assert items[0].failed and items[0].id == "missing"
    assert items[0].errors[0].message == f"{tmp_path / 'missing.txt'}: no such file or directory"
    assert items[1].data == b"fine"


def test_size_limits_refuse_big_inputs_and_gzip_bombs(tmp_path):
    big = tmp_path / "big.txt"
    big.write_bytes(b"x" * 2000)
    with pytest.raises(InputError, match="big.txt: file is 2,000 bytes, over the 1,000-byte limit"):
        load_file(big, max_bytes=1000)
    bomb = gzip.compress(b"\0" * 100_000)  # 100 kB from about 100 bytes
    assert len(bomb) < 1000
    with pytest.raises(InputError, match="bomb.gz: decompresses to more than 1,000 bytes"):
        input_from_bytes(bomb, name="bomb.gz", max_bytes=1000)
