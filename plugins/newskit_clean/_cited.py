"""The ``cited-sources`` cleaner: whom an article relies on.

It finds three kinds of cited source, each becoming one :class:`newskit.Source`:

* ``wire`` and ``outlet``: news agencies and news organisations, known by name
  (:mod:`._sources`), or, for outlets, recognised by a newspaper-like name ("the
  Jakarta Post", :mod:`._cited_orgs`);
* ``organisation``: any other named body ("the World Health Organization", "Amnesty
  International", "the U.S. Census Bureau"), recognised by the shape of its name
  (:mod:`._cited_orgs`), plus a few known by acronym ("the IMF").

A name alone is not a citation ("Reuters journalists were detained" is news about
Reuters), so a mention counts only in an attribution pattern. For wires and outlets
(:mod:`._cited_outlets`):

* before it: "per", "via", "according to", "seen/obtained/reported/quoted by",
  "told", "said to", "speaking to", "in an interview with", "wrote in", "a report
  by/in", "citing", "quoting", "Source:", "(with ...)", optionally through "the" and a
  descriptor ("according to Russia's state news agency TASS");
* after it: a reporting verb ("Reuters reported", "Bloomberg News has learned",
  "Xinhua news agency said", "AFP, citing police, said", "Reuters could not verify"),
  a reporting noun ("a Reuters report", "an AP poll", "Reuters' reporting"), or the
  closing bracket of a dateline ("LONDON (Reuters) -", "(AFP) --").

Organisations have a stricter set (see :func:`._cited_orgs.org_is_cited`): being
told something ("told the Senate committee") cites no one. Names joined by "and"
share a citation: "according to Reuters and Bloomberg", "Amnesty International and
Human Rights Watch said".

A mention is no citation when it is part of a longer name: a capitalised word right
after it ("Reuters Institute", "AP Biology") or right before it ("Thomson Reuters",
"Michael Bloomberg"), or a word its outlet lists as ``bad_next`` ("AP exam"). For
names that are also people's names (Bloomberg, Forbes), "said" alone is no citation.
When an organisation's name holds a known name ("Reuters Institute for the Study of
Journalism", "UN Security Council"), the organisation is what is cited.

Each source lists every sentence that cites it as evidence: body sentences with
offsets into ``Article.text``, the title without. An organisation that is the
article's own publisher (same domain) is not listed.

Speed: most sentences name no one. The cleaner first collects the capitalised words
of the whole text with one regular expression and keeps those that are the key word
of a known name ("Guardian" for "the Guardian") or can head an organisation's name;
only the sentences holding one go through the patterns, each split from its paragraph
alone (no sentence runs across a paragraph break). A body paragraph without a word in
lower case (a menu line, a headline) is looked at only for known names in brackets or
after "per", "via", "according to", "citing", "quoting" or a colon ("WASHINGTON
(AP)", "Source: Reuters"). Names in lower case ("per reuters") are not found.
"""

from __future__ import annotations

import re

import attrs

import newskit

from ._cited_orgs import HEAD_WORDS, org_is_cited, organisation_names
from ._cited_outlets import (
    ALIAS_KEYS,
    LOWER_ALIASES,
    WORD,
    Mention,
    bounded,
    find_mentions,
    is_citation,
    part_of_longer_name,
)
from ._sources import Outlet

__all__ = [
    "Candidate",
    "Mention",
    "candidate_sentences",
    "citations",
    "clean_cited_sources",
    "find_mentions",
]


def citations(text: str, *, known: bool = True, shaped: bool = True) -> list[Mention]:
    """The citations in ``text`` (one sentence), left to right: of known names unless
    ``known`` is false, of organisation-shaped names unless ``shaped`` is false."""
    mentions = _mentions(text, known, shaped)
    cited = [_is_cited(text, m) for m in mentions]
    for run in _coordinated(text, mentions):
        if any(cited[i] for i in run):
            for i in run:
                cited[i] = True
    return [m for m, c in zip(mentions, cited, strict=True) if c]


def _mentions(text: str, known_names: bool, shaped: bool) -> list[Mention]:
    """Known names and organisation-shaped names; a longer name wins over one inside it."""
    known = find_mentions(text) if known_names else []
    found = []
    for name in organisation_names(text) if shaped else ():
        inside = [m for m in known if m.start < name.end and name.start < m.end]
        if any(m.start <= name.start and name.end <= m.end for m in inside):
            continue  # "the Xinhua News Agency" is Xinhua
        known = [m for m in known if m not in inside]
        outlet = Outlet(name=name.text, domain=None, kind=name.kind, aliases=(name.text,))
        found.append(Mention(outlet, name.start, name.end, name.text))
    return sorted(known + found, key=lambda m: m.start)


def _is_cited(text: str, mention: Mention) -> bool:
    if mention.outlet.kind != "organisation":
        return is_citation(text, mention)
    if mention.outlet.domain is not None:  # known by name: "the IMF", not "IMF Director"
        left, right = text[: mention.start], text[mention.end :]
        if part_of_longer_name(left, right, mention):
            return False
    return org_is_cited(text, mention.start, mention.end)


_AND = re.compile(r"(?:\s*,)?\s+(?:and|or|&)\s+(?:the\s+)?")
_COMMA = re.compile(r"\s*,\s+(?:the\s+)?")


def _coordinated(text: str, mentions: list[Mention]) -> list[list[int]]:
    """Runs of mentions joined as a list ("Reuters, AFP and the BBC")."""
    runs: list[list[int]] = []
    run: list[int] = []
    joined_by_and = False
    for i in range(1, len(mentions)):
        gap = text[mentions[i - 1].end : mentions[i].start]
        if _AND.fullmatch(gap):
            run = run or [i - 1]
            run.append(i)
            joined_by_and = True
        elif _COMMA.fullmatch(gap) and not joined_by_and:
            run = run or [i - 1]
            run.append(i)
        else:
            if joined_by_and:
                runs.append(run)
            run, joined_by_and = [], False
    if joined_by_and:
        runs.append(run)
    return runs


# The words that the scan of a whole text looks for first: the key word of each known
# name, and the head words of organisations' names.
_NAME_KEYS = frozenset(ALIAS_KEYS).union(LOWER_ALIASES)
_KEYS = _NAME_KEYS | HEAD_WORDS
# The paragraph breaks of newskit.split_sentences: no sentence runs across one.
_PARAGRAPHS = re.compile(r"\n[ \t]*\n\s*")


def _hits(text: str) -> list[tuple[int, str]]:
    """Where the text holds a word that may be part of a cited name, and the word.

    A head word counts only where it can head a name of two words or more: after a
    capitalised word or "and" ("Delhi Police"), or before "of", "for" or "on"
    ("Ministry of Defence").
    """
    hits = []
    for match in WORD.finditer(text):
        word = match.group()
        if word in _KEYS:
            at = match.start()
            before = text[at - 1] if at else " "
            if not (before.isalnum() or before in "_-") and (
                word in _NAME_KEYS or _can_head(text, at, match.end())
            ):
                hits.append((at, word))
    for word in LOWER_ALIASES:
        at = text.find(word)
        while at != -1:
            if bounded(text, at, at + len(word)):
                hits.append((at, word))
            at = text.find(word, at + 1)
    if len(hits) > 1:
        hits.sort()
    return hits


def _can_head(text: str, start: int, end: int) -> bool:
    if text[start - 1 : start].isspace():
        previous = text[max(0, start - 40) : start].split()
        if previous and (previous[-1][0].isupper() or previous[-1] in ("and", "&")):
            return True
    return bool(_BEFORE_COMPLEMENT.match(text, end))


# The words that open a name's complement, as in organisation_names.
_BEFORE_COMPLEMENT = re.compile(r"\s+(?:of|for|on|de|du|des|la|le|del|di|van|von)\s")


@attrs.frozen
class Candidate:
    """A sentence that may cite: ``known`` if it holds the key word of a known name,
    ``shaped`` if it holds the head word of an organisation's name."""

    sentence: newskit.Sentence
    known: bool
    shaped: bool


def candidate_sentences(text: str) -> list[Candidate]:
    """The sentences of ``text``, as :func:`newskit.split_sentences` cuts them, that
    hold a word that may be part of a cited name, in order.

    A paragraph without a word in lower case is a menu line or a headline: it is
    looked at only for known names in brackets or after "per", "via", "according to",
    "citing", "quoting" or a colon ("WASHINGTON (AP)", "Source: Reuters").
    """
    found: dict[int, tuple[newskit.Sentence, set[str]]] = {}
    start = end = -1
    sentences: list[newskit.Sentence] = []
    for at, word in _hits(text):
        if at >= end:  # a new paragraph; split it alone: no sentence runs across one
            start, end = _paragraph(text, at)
            prose = _LOWER_WORD.search(text, start, end)
            sentences = []
            if prose or _HEADLINE_CUE.search(text, start, end):
                sentences = _split(text, start, end)
            if not prose:
                found.update((s.start, (s, {""})) for s in sentences)
        for sentence in sentences:
            if sentence.start <= at < sentence.end:
                found.setdefault(sentence.start, (sentence, set()))[1].add(word)
                break
    return [_candidate(sentence, words) for sentence, words in (found[s] for s in sorted(found))]


def _split(text: str, start: int, end: int) -> list[newskit.Sentence]:
    """The sentences of the paragraph ``text[start:end]``.

    A sentence ends only at a line break or at ".", "!", "?" or "..." before a space
    (:func:`newskit.split_sentences`), so a paragraph of one line without one inside is
    one sentence, and needs no splitting.
    """
    if text.find("\n", start, end) == -1 and not _INNER_END.search(text, start, end):
        chunk = text[start:end]
        stripped = chunk.strip()
        if not stripped:
            return []
        first = start + len(chunk) - len(chunk.lstrip())
        return [newskit.Sentence(stripped, first, first + len(stripped))]
    return [
        newskit.Sentence(s.text, s.start + start, s.end + start)
        for s in newskit.split_sentences(text[start:end])
    ]


_INNER_END = re.compile(r"[.!?\u2026][\"'\u201d\u2019)\]]*\s")


def _paragraph(text: str, at: int) -> tuple[int, int]:
    """The paragraph that holds ``text[at]`` (not a space), as newskit.split_sentences
    cuts paragraphs (at a line of spaces and tabs at most), but for leading spaces."""
    following = _PARAGRAPHS.search(text, at)
    end = following.start() if following else len(text)
    line = text.rfind("\n", 0, at) + 1
    while line > 0:
        previous = text.rfind("\n", 0, line - 1) + 1
        if previous > 0 and not text[previous : line - 1].strip(" \t"):
            break  # a blank line before this one
        line = previous
    return line, end


def _candidate(sentence: newskit.Sentence, words: set[str]) -> Candidate:
    if "" in words:  # a headline or a menu line
        return Candidate(sentence, True, False)
    return Candidate(sentence, not words.isdisjoint(_NAME_KEYS), not words.isdisjoint(HEAD_WORDS))


_LOWER_WORD = re.compile(r"(?<![\w'\u2019-])[a-z]")
_HEADLINE_CUE = re.compile(r"[(\[:]|\b(?:per|via|according|citing|quoting)\b", re.I)


def _evidence(article: newskit.Article) -> dict[str, tuple[Outlet, list[newskit.Evidence]]]:
    found: dict[str, tuple[Outlet, list[newskit.Evidence]]] = {}

    def add(sentence: str, start: int | None, end: int | None, known: bool, shaped: bool) -> None:
        terms: dict[str, list[str]] = {}
        for mention in citations(sentence, known=known, shaped=shaped):
            terms.setdefault(mention.outlet.name, [])
            if mention.surface not in terms[mention.outlet.name]:
                terms[mention.outlet.name].append(mention.surface)
            found.setdefault(mention.outlet.name, (mention.outlet, []))
        for name, surfaces in terms.items():
            evidence = newskit.Evidence(text=sentence, start=start, end=end, terms=surfaces)
            found[name][1].append(evidence)

    if article.title and _hits(article.title):
        add(article.title, None, None, True, True)
    for c in candidate_sentences(article.text):
        add(c.sentence.text, c.sentence.start, c.sentence.end, c.known, c.shaped)
    return found


def _is_publisher(article: newskit.Article, outlet: Outlet) -> bool:
    domain = (article.source.domain or "") if article.source is not None else ""
    domain = domain.lower().removeprefix("www.")
    return bool(domain and outlet.domain) and (
        domain == outlet.domain or domain.endswith("." + str(outlet.domain))
    )


def clean_cited_sources(article: newskit.Article) -> newskit.Article:
    """The ``cited-sources`` cleaner."""
    sources = [
        newskit.Source(
            name=outlet.name, domain=outlet.domain, url=None, kind=outlet.kind, evidence=evidence
        )
        for outlet, evidence in _evidence(article).values()
        if not _is_publisher(article, outlet)
    ]
    names = {s.name for s in sources}
    kept = [s for s in article.cited_sources if s.name not in names]
    return attrs.evolve(article, cited_sources=(*kept, *sources))
