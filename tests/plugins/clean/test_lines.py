"""The line features of the ``furniture`` cleaner equal their plain definitions.

The features take shortcuts for speed (see ``newskit_clean._lines``): counting words on
bytes, finding the words of phrases and bios in all the lines at once, one pattern for
all the phrase rules. Each must give what its plain definition gives, on any text.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newskit_clean import _bio, _phrases
from newskit_clean._bio import bio_cue_counts
from newskit_clean._lines import _UNSPACED, _WORD, _word_counts, normalize_key, split_lines
from newskit_clean._phrases import Cue, match_cue, match_cues

_PIECES = (
    "a b c Z 7 42 _ ' - . .. ... \u2026 , ; : ! ? ( ) [ ] \" \u201d \u2019 \u2018 \u2032 @ | / + * "
    "\u2022 \u00b7 \u3002 \u3001 \u00a9 \t \u00a0 \u2028 \u0130 \u0131 \u017f \u212a \u2160 "
    "\u00e9 \u0436\u0443\u0440\u043d\u0430\u043b \u6771\u4eac \u306e "
    "editor staff\x20writer reporter\x20for covers writing\x20about 12+\x20years decade "
    "follow\x20her\x20on email\x20him\x20at jane@example.com previously\x20worked is\x20the\x20author\x20of "
    "share facebook twitter sponsored advertisement spot_im adsbygoogle ad\x20slot cookies "
    "we\x20use\x20cookies by\x20continuing\x20to\x20use\x20this\x20site all\x20rights\x20reserved "
    "getty\x20images reuters/jane ap\x20photo credit... photo: by\x20jane\x20roe related "
    "most\x20read leave\x20a\x20reply march\x205, 2024 10:43 am updated ago"
).split(" ")
_line_text = st.lists(
    st.tuples(st.sampled_from(_PIECES), st.sampled_from(["", " ", " ", "  "])), max_size=24
).map(lambda parts: "".join(piece + space for piece, space in parts).strip())


_TRICKY_LINES = """\
U.S.-led talks end
a.b.c.d.e and x-y-z\u2019s co-op's. rock\u2032n\u2032roll \u2018quoted\u2019 a..b 3.5.6
Jane Roe / Getty Images|AFP via Getty Images|Photo by Reuters/John Smith
EPA-EFE/Someone and credit... Someone|Sponsored content
We use cookies to improve your experience|By continuing to use this site you agree
\u00a9 2024 Example. All rights reserved.|2024 Example Media, all  rights\treserved
<ins class=adsbygoogle> ad-slot top spot_im_frame
Tuesday, March 5, 2024 10:43 AM|5 hours ago / Updated: 10:43 ET (March 5)|posted on
Jane is a staff writer at the Times. Follow her on Twitter @jane.
He covers energy. Email him at jo@example.com. 12+ years in journalism
\u0130stanbul\u2019da \u041f\u0440\u0438\u0432\u0435\u0442, \u043c\u0438\u0440.
\u6771\u4eac\u306e\u5929\u6c17\u306f\u6674\u308c\u3002 \u2160 chapters, K-pop
Read more... \u201d|- a bullet, then 12) another""".replace("|", "\n").splitlines()


@pytest.mark.parametrize("text", _TRICKY_LINES)
def test_line_features_of_tricky_lines(text: str) -> None:
    _check_features([text])


@settings(max_examples=300, deadline=None)
@given(texts=st.lists(_line_text, max_size=8))
def test_line_features_equal_their_plain_definitions(texts: list[str]) -> None:
    _check_features([t for t in texts if t])


def _check_features(texts: list[str]) -> None:
    n_words = _word_counts(texts)
    bios = bio_cue_counts(texts, n_words)
    keys = [normalize_key(t) for t in texts]
    cues = match_cues(keys, n_words)
    for text, n, bio, key, cue in zip(texts, n_words, bios, keys, cues, strict=True):
        words = _WORD.findall(text)
        assert n == sum(1 + len(_UNSPACED.findall(w)) // 2 for w in words)
        plain_key = re.sub(r"\s+", " ", re.sub("[\u2019\u2018\u2032]", "'", text).lower())
        assert key == re.sub(r"^[\W_]+|[\W_]+$", "", plain_key)
        assert bio == (0 if n > 120 else sum(1 for p in _bio._CUES if p.search(text)))
        assert cue == _plain_cue(key, n) == match_cue(key, n)
        (line,) = split_lines(text)
        truncated = n <= 40 and bool(
            re.search("(?:\\.\\.\\.|\u2026)\\s*[\"'\u201d\u2019)\\]]*$", text)
        )
        assert line.truncated == truncated
        assert line.terminal == (
            not truncated
            and bool(
                re.search("[.!?\u2026\u3002\uff01\uff1f][\"'\u201d\u2019)\\]\u300d\u300f]*$", text)
            )
        )
        assert (line.n_words, line.key, line.bio_cues, line.cue) == (n, key, bio, cue)


def _plain_cue(key: str, n_words: int) -> Cue | None:
    """match_cue as a loop over the rules, first to last."""
    if not key:
        return None
    words = [w.strip("()[]:") for w in re.split(r"[\s,|\u2022\u00b7]+", key) if w]
    dates = words and all(_phrases._DATE_WORD.fullmatch(w) for w in words)
    if n_words <= 14 and dates and _phrases._DATE_NEEDS.search(key):
        return Cue("date line", "soft")
    for rule in _phrases._RULES:
        if n_words <= rule.most_words and rule.pattern.fullmatch(key):
            return Cue(rule.reason, rule.kind)
    return None


def test_bio_words_are_found_whatever_the_case() -> None:
    # re.IGNORECASE matches "i" to a dotted capital I and a dotless i, "s" to a long s.
    texts = [
        "Senior ED\u0130TOR at the Times. Follow her on X",
        "She prev\u0131ously worked at the Post. Follow her on X",
        "She previou\u017fly worked at the Post. Follow her on X",
    ]
    assert bio_cue_counts(texts, [9, 10, 10]) == [2, 2, 2]


def test_phrase_rules_have_no_capturing_groups() -> None:
    # match_cue finds the rule that matched by the name of its group in one pattern.
    assert all(rule.pattern.groups == 0 for rule in _phrases._RULES)
