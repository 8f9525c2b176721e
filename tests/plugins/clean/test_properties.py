"""Properties every cleaner keeps on any input, checked on generated page dumps."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import newskit
from newskit_clean._cited import clean_cited_sources
from newskit_clean._doubled import clean_doubled_words
from newskit_clean._furniture import clean_furniture
from newskit_clean._whitespace import clean_whitespace

_WORDS = (
    "the a of Reuters AP AFP told said per according to seen by reported Share Facebook "
    "Subscribe Related More In This Category Advertisement cookies we use By Editor-In-Chief "
    "12+ years Covering news report. council voted on Tuesday, budget! ... \u2026 \xa0 say say "
    "\u4eca\u65e5 Institute Biology exam Thomson Michael Bloomberg ( ) - | \u00a9"
).split(" ")
_line = st.lists(st.sampled_from(_WORDS), max_size=40).map(" ".join)
_dump = st.lists(
    st.tuples(_line, st.sampled_from(["\n", "\n\n", "\r\n", "\n\n\n"])), max_size=30
).map(lambda parts: "".join(line + sep for line, sep in parts))
_title = st.one_of(st.none(), _line)


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(text=_dump, title=_title)
def test_cleaners_keep_their_promises(text: str, title: str | None) -> None:
    article = clean_whitespace(newskit.Article(id="gen", title=title, text=text))

    cleaned = clean_furniture(article)
    kept = [line for line in cleaned.text.split("\n") if line]
    assert all(line in article.text.split("\n") for line in kept)
    removed = [r.text for r in cleaned.removed]
    assert sorted(kept + removed) == sorted(line for line in article.text.split("\n") if line)
    assert all(r.reason and r.step == "clean:furniture" for r in cleaned.removed)

    cited = clean_cited_sources(cleaned)
    assert len({s.name for s in cited.cited_sources}) == len(cited.cited_sources)
    for source in cited.cited_sources:
        assert source.kind in {"wire", "outlet", "organisation"} and source.evidence
        for evidence in source.evidence:
            if evidence.start is None:
                assert evidence.text == cited.title
            else:
                assert cited.text[evidence.start : evidence.end] == evidence.text

    flagged = clean_doubled_words(cited)
    assert (flagged.text, flagged.title) == (cited.text, cited.title)
    added = flagged.warnings[len(cited.warnings) :]
    assert all(w.step == "clean:doubled-words" for w in added)
