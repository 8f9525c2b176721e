"""Finding the headline in a page dump, and the lines that repeat it.

A dump starts with the page's ``<title>`` (often "Headline - Site Name"), then the
page's header, the headline again, and the article. The headline is:

1. the first line, when it is printed again before the article;
2. else a later line before the article that the first line holds between separators
   ("Opinion | Headline - The Site" and then "Headline");
3. else the first line without a short site name after (or before) a separator;
4. else the first line, when it looks like a headline (3 to 25 words, one sentence, no
   full stop at the end);
5. else a headline-like line that is printed twice before the article.

Nothing is guessed when the dump has no prose after the candidate.
"""

from __future__ import annotations

import re

from attrs import frozen

from ._lines import Line, normalize_key

__all__ = ["TitleFound", "find_title", "title_variant"]

HEADLINE = "headline (kept as the title)"
PAGE_TITLE = "page title with the site name (headline kept as the title)"

_SEPARATOR = re.compile("\\s+(?:[|\u2013\u2014\u00bb\u00b7]|-|::)\\s+|\\s*\\|\\s*")
_SEPARATOR_CHARS = "|-\u2013\u2014\u00bb\u00b7:,; "


@frozen
class TitleFound:
    """The headline found in a dump, and the reasons for the lines it came from."""

    title: str
    reasons: dict[int, str]  # line index -> removal reason


def find_title(lines: list[Line], body_start: int) -> TitleFound | None:
    """Find the headline among the lines before ``body_start`` (see the module doc)."""
    if len(lines) < 2 or not any(line.prose for line in lines[1:]):
        return None
    first = lines[0]
    region = lines[1 : max(body_start, 1)]
    if _candidate(first) and first.repeats >= 2:  # printed again
        return TitleFound(first.text, {first.index: HEADLINE})
    if _candidate(first):
        inner = _inner_headline(first, region)
        if inner is not None:
            return TitleFound(inner.text, {first.index: PAGE_TITLE, inner.index: HEADLINE})
        stripped = _strip_site_name(first.text)
        if stripped is not None:
            return TitleFound(stripped, {first.index: PAGE_TITLE})
    if _candidate(first) and 3 <= first.n_words <= 25 and not first.inner_ends:
        return TitleFound(first.text, {first.index: HEADLINE})
    for line in region:
        if _candidate(line) and line.n_words >= 4 and line.repeats >= 2:
            return TitleFound(line.text, {line.index: HEADLINE})
    return None


def title_variant(line: Line, title_key: str) -> bool:
    """True for a line that is the title plus a short site or section name."""
    return not line.prose and _holds(line.key, title_key)


def _holds(outer: str, inner: str) -> bool:
    """``outer`` is ``inner`` plus at most six words beyond a separator."""
    if not inner or inner not in outer or outer == inner:
        return False
    before, _, after = outer.partition(inner)
    for part, edge in ((before, -1), (after, 0)):
        if part and part[edge] not in _SEPARATOR_CHARS:
            return False
    return len(re.findall(r"\w+", f"{before} {after}")) <= 6


def _candidate(line: Line) -> bool:
    return line.headline_like and line.cue is None


def _inner_headline(first: Line, region: list[Line]) -> Line | None:
    """The longest later line that the first line holds between separators."""
    if not _SEPARATOR.search(first.text):
        return None
    best: Line | None = None
    for line in region:
        if line.key == first.key or line.n_words < 2 or not line.headline_like:
            continue
        if _holds(first.key, line.key) and (best is None or len(line.key) > len(best.key)):
            best = line
    return best


def _strip_site_name(text: str) -> str | None:
    """``"Headline - Site"`` -> ``"Headline"`` when one end is a short name."""
    parts = [p.strip() for p in _SEPARATOR.split(text) if p.strip()]
    if len(parts) < 2:
        return None
    for site, rest in ((parts[-1], parts[:-1]), (parts[0], parts[1:])):
        headline = max(rest, key=lambda p: len(normalize_key(p)))
        if len(site.split()) <= 4 and len(headline.split()) >= 3 and _looks_like_name(site):
            return headline
    return None


def _looks_like_name(text: str) -> bool:
    words = [
        w for w in re.findall(r"[^\W\d_][\w'.&-]*", text) if w.lower() not in {"the", "of", "and"}
    ]
    return bool(words) and all(w[0].isupper() or "." in w for w in words)
