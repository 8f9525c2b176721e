"""The ``furniture`` cleaner: take page furniture out of a text dump, saying why.

The decision works on lines (see :mod:`._lines` for their features) in four passes:

1. **Cues.** Every line gets the furniture phrase it matches, if any (:mod:`._phrases`).
2. **The article block.** Each line gets a weight: prose counts for its words, short
   lines, headlines, teasers and furniture count against. The article is the block of
   consecutive lines with the highest total (a maximum-sum segment), so a run of
   navigation, a teaser list or an author bio at its edge falls outside it, while a
   subheading between two paragraphs stays inside.
3. **The title.** When the article has no title, the headline is found in the dump
   (:mod:`._title`); every line that repeats the title is removed.
4. **The decision, per line.** Removed: title lines; ``hard`` furniture (share buttons,
   sponsor slots, cookie notices...) anywhere; teaser-list headings and the teasers
   under them; and, when the page shows furniture at all, lines outside the article
   block, with their own reason (byline, author bio, caption, date...) or their
   position (header before the article, footer after it).

Two safeguards keep already-clean text intact:

* A text without furniture comes back unchanged: lines outside the article block are
  only removed when something in the text is furniture for certain (a title line, a
  ``hard``, ``heading`` or ``end`` cue, or two ``soft`` cues outside the block).
* An article that arrives with a title was extracted by a reader that knows the page
  (HTML, JSONL); only the text reader leaves the title to the cleaners. So lines are
  removed for their position alone only when the title is missing: in an extracted
  body, a table or a list between paragraphs is article, not navigation.

Every removed line is recorded as a :class:`newskit.Removal` with its reason, in text
order.

To extend the decision, add a feature to :class:`._lines.Line`, let ``_weight`` or
``_outside_reason`` use it, and measure on held-out dumps; the reasons stay readable.
"""

from __future__ import annotations

import attrs

import newskit

from ._leftovers import leftover_reasons
from ._lines import Line, normalize_key, split_lines
from ._phrases import END, HARD, HEADING, SOFT
from ._title import HEADLINE, find_title, title_variant

__all__ = ["STEP", "clean_furniture", "decide"]

STEP = "clean:furniture"
REPEATS_TITLE = "repeats the title"
TITLE_VARIANT = "repeats the title with a site or section name"
AUTHOR_BIO = "author bio"
TRUNCATED = "truncated teaser"
BEFORE = "page header or navigation before the article"
AFTER_HEADLINE = "headline of another article (teaser)"
AFTER = "page footer after the article"
NO_PROSE = "no prose on the page: furniture only"
#: A dump of at least this many lines with no line of prose holds no article.
NO_PROSE_LINES = 3
#: How many lines a teaser list inside the article block may hold.
TEASER_RUN = 10
#: How many lines after the printed headline the article may start.
HEADLINE_REACH = 12
#: A run near the headline wins over a heavier run elsewhere down to this share of it.
NEAR_HEADLINE = 0.3


def clean_furniture(article: newskit.Article) -> newskit.Article:
    """The ``furniture`` cleaner.

    An article whose ``meta`` names an ``extractor`` had its body cut from the page's
    markup already (the HTML reader does): only the leftovers that say what they are
    go (:mod:`._leftovers`), since the dump heuristics would remove its short
    paragraphs for their position alone.
    """
    lines = split_lines(article.text)
    if article.meta.get("extractor"):
        return _remove(article, lines, article.title, leftover_reasons(lines))
    if _no_prose(lines, article.title):
        everything = {line.index: NO_PROSE for line in lines}
        cleaned = _remove(article, lines, None, everything)
        return cleaned.with_warning(
            STEP, f"no article: none of the {len(lines)} lines reads as prose (menus or links?)"
        )
    title, reasons = decide(lines, article.title)
    return _remove(article, lines, title, reasons)


def _no_prose(lines: list[Line], title: str | None) -> bool:
    """A raw dump of several lines, none of them prose: a page of menus and links."""
    return title is None and len(lines) >= NO_PROSE_LINES and not any(x.prose for x in lines)


def _remove(
    article: newskit.Article, lines: list[Line], title: str | None, reasons: dict[int, str]
) -> newskit.Article:
    if not reasons:
        return attrs.evolve(article, title=title)
    removed = [
        newskit.Removal(text=line.text, reason=reasons[line.index], step=STEP)
        for line in lines
        if line.index in reasons
    ]
    kept = [line for line in lines if line.index not in reasons]
    return attrs.evolve(
        article,
        title=title,
        text=_join(kept),
        removed=(*article.removed, *removed),
    )


def decide(lines: list[Line], title: str | None) -> tuple[str | None, dict[int, str]]:
    """The title, and the removal reason of every line to remove (by line index)."""
    if not lines:
        return title, {}
    reasons: dict[int, str] = {}
    raw_dump = title is None
    weights = [_weight(line, False) for line in lines]
    start, end = _article_block(lines, weights)
    if raw_dump:
        found = find_title(lines, start)
        if found is not None:
            title = found.title
            reasons.update(found.reasons)
    _mark_title(lines, title, reasons)
    for line in lines:
        if line.index not in reasons and line.cue is not None and line.cue.kind != SOFT:
            reasons[line.index] = line.cue.reason
    # The title and hard furniture are now known: find the article block again, near
    # the headline if the page prints it.
    weights = [
        -(5.0 + line.n_words) if line.index in reasons else weight  # as _weight(line, True)
        for line, weight in zip(lines, weights, strict=True)
    ]
    start, end = _article_block(lines, weights, _headline_line(reasons))
    end = _comments_cut(lines, start, end)
    _mark_teasers(lines, reasons, start, end)
    if reasons or _outside_cues(lines, start, end) >= 2:
        for line in lines:
            if line.index in reasons or start <= line.index <= end:
                continue
            if raw_dump or line.cue is not None or line.bio_cues >= 2:
                reasons[line.index] = _outside_reason(line, before=line.index < start)
    return title, reasons


def _mark_title(lines: list[Line], title: str | None, reasons: dict[int, str]) -> None:
    if not title:
        return
    key = normalize_key(title)
    if not key:
        return
    for line in lines:
        if line.index in reasons:
            continue
        if line.key == key:
            reasons[line.index] = REPEATS_TITLE
        elif key in line.key and title_variant(line, key):
            reasons[line.index] = TITLE_VARIANT


def _weight(line: Line, removed: bool) -> float:
    """How much a line speaks for (positive) or against (negative) being article text."""
    kind = line.cue.kind if line.cue is not None else None
    if removed or kind in (HARD, HEADING, END):
        return -(5.0 + line.n_words)
    if kind == SOFT or line.bio_cues >= 2:
        return -(2.0 + line.n_words)
    if line.truncated:
        return -(2.0 + line.n_words)
    if line.prose:
        # An article prints a paragraph once; a page repeats its summary and metadata.
        return float(line.n_words) if line.repeats < 2 else -float(line.n_words)
    if line.bullet:
        return -0.5
    if line.n_words <= 6:
        return -2.0 if line.repeats > 1 else -1.0
    return -0.5 * line.n_words if line.n_words <= 20 else -0.1 * line.n_words


def _headline_line(reasons: dict[int, str]) -> int | None:
    """The headline as printed on the page: the first title line after the first line."""
    titles = (HEADLINE, REPEATS_TITLE, TITLE_VARIANT)
    return next((i for i in sorted(reasons) if i > 0 and reasons[i] in titles), None)


def _article_block(
    lines: list[Line], weights: list[float], headline: int | None = None
) -> tuple[int, int]:
    """The first and last index of the article block.

    The block is the maximum-sum run of lines (Kadane's algorithm). When the page prints
    the headline, an article usually follows it within a few lines (byline, date and
    caption in between), so the best run starting there wins unless a run elsewhere is
    far heavier (``NEAR_HEADLINE``). With no positive line at all the whole text is the
    block: there is no prose to measure furniture against.
    """
    best, best_start, best_end = 0.0, 0, len(lines) - 1
    total, run_start = 0.0, 0
    found = False
    for i, weight in enumerate(weights):
        if total <= 0:
            total, run_start = 0.0, i
        total += weight
        if total > best:
            best, best_start, best_end, found = total, run_start, i, True
    if not found:
        return 0, len(lines) - 1
    if headline is not None and not best_start <= headline + 1 <= best_end:
        # The run near the headline may not reach into the heavier run.
        stop = best_start if best_start > headline else len(weights)
        near = _best_run_from(weights, headline + 1, headline + 1 + HEADLINE_REACH, stop)
        if near is not None and near[0] >= NEAR_HEADLINE * best:
            return near[1], near[2]
    return best_start, best_end


def _best_run_from(
    weights: list[float], first: int, last: int, stop: int
) -> tuple[float, int, int] | None:
    """The heaviest run starting in ``[first, last)`` and ending before ``stop``."""
    best: tuple[float, int, int] | None = None
    for start in range(first, min(last, stop)):
        if weights[start] <= 0:
            continue
        total = 0.0
        for i in range(start, stop):
            total += weights[i]
            if best is None or total > best[0]:
                best = (total, start, i)
    return best


def _comments_cut(lines: list[Line], start: int, end: int) -> int:
    """The article ends before a reader-comments heading inside its block."""
    for line in lines[start + 1 : end + 1]:
        if line.cue is not None and line.cue.kind == END:
            return max(start, line.index - 1)
    return end


def _mark_teasers(lines: list[Line], reasons: dict[int, str], start: int, end: int) -> None:
    """Remove the teasers under each teaser-list heading.

    Inside the article block, the teasers run until the next line of prose; outside it,
    until the article block starts (or the text ends).
    """
    heading: Line | None = None
    for line in lines:
        if line.cue is not None and line.cue.kind in (HEADING, END):
            heading = line
            continue
        if heading is None:
            continue
        if heading.cue is not None and heading.cue.kind == END:
            if heading.index > start and line.index > end and line.index not in reasons:
                reasons[line.index] = f"reader comments after {heading.text.rstrip(':')!r}"
            continue
        inside = start <= line.index <= end
        if inside and heading.index < start:
            heading = None  # a list before the article ends where the article begins
            continue
        if inside and (
            (line.prose and line.bio_cues < 2) or line.index - heading.index > TEASER_RUN
        ):
            heading = None  # inside the article, a teaser list is short and ends at prose
            continue
        if line.index not in reasons:
            reasons[line.index] = f"teaser after {heading.text.rstrip(':')!r}"


def _outside_cues(lines: list[Line], start: int, end: int) -> int:
    """How many lines outside the article block are bylines, dates, bios and the like."""
    return sum(
        1
        for line in lines
        if (line.cue is not None or line.bio_cues >= 2) and not start <= line.index <= end
    )


def _outside_reason(line: Line, *, before: bool) -> str:
    if line.cue is not None:
        return line.cue.reason
    if line.bio_cues >= 2:
        return AUTHOR_BIO
    if line.truncated:
        return TRUNCATED
    if before:
        return BEFORE
    if line.headline_like and line.n_words >= 4:
        return AFTER_HEADLINE
    return AFTER


def _join(lines: list[Line]) -> str:
    """Kept lines: one per line within a block, blocks separated by a blank line."""
    out: list[str] = []
    block: int | None = None
    for line in lines:
        if block is not None:
            out.append("\n" if line.block == block else "\n\n")
        out.append(line.text)
        block = line.block
    return "".join(out)
