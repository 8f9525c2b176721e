"""The ``cited-sources`` cleaner: which news agencies and outlets an article relies on.

A name alone is not a citation ("Reuters journalists were detained" is news about
Reuters), so a mention of a known organisation (:mod:`._sources`) counts only in an
attribution pattern:

* before it: "per", "via", "according to", "seen/obtained/reported/quoted by",
  "told", "said to", "speaking to", "in an interview with", "wrote in", "a report
  by/in", "citing", "quoting", "Source:", "(with ...)", optionally through "the" and a
  descriptor ("according to Russia's state news agency TASS");
* after it: a reporting verb ("Reuters reported", "Bloomberg News has learned",
  "Xinhua news agency said", "AFP, citing police, said", "Reuters could not verify"),
  a reporting noun ("a Reuters report", "an AP poll", "Reuters' reporting"), or the
  closing bracket of a dateline ("LONDON (Reuters) -", "(AFP) --").

A mention is no citation when it is part of a longer name: a capitalised word right
after it ("Reuters Institute", "AP Biology") or right before it ("Thomson Reuters",
"Michael Bloomberg"), or a word its outlet lists as ``bad_next`` ("AP exam"). For
names that are also people's names (Bloomberg, Forbes), "said" alone is no citation.

Each organisation becomes one :class:`newskit.Source` with every sentence that cites
it as evidence: body sentences with offsets into ``Article.text``, the title without.
An organisation that is the article's own publisher (same domain) is not listed.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import attrs
from attrs import frozen

import newskit

from ._sources import OUTLETS, Outlet

__all__ = ["Mention", "citations", "clean_cited_sources", "find_mentions"]


@frozen
class Mention:
    """A name of a known organisation at ``text[start:end]``."""

    outlet: Outlet
    start: int
    end: int
    surface: str


def _alternation(aliases: list[str]) -> str:
    ordered = sorted(set(aliases), key=len, reverse=True)
    return r"(?<![\w-])(?:" + "|".join(re.escape(a) for a in ordered) + r")(?![\w-])"


_BY_ALIAS = {alias: outlet for outlet in OUTLETS for alias in outlet.aliases}
_BY_LOOSE = {alias.lower(): outlet for outlet in OUTLETS for alias in outlet.loose}
_STRICT = re.compile(_alternation(list(_BY_ALIAS)))
_LOOSE = re.compile(_alternation(list(_BY_LOOSE)), re.IGNORECASE)

_DESCRIPTOR = (
    r"(?:(?:[\w'\u2019-]+\s+){0,3}?(?:news\s+agency|agency|newswire|wire\s+service|newspaper"
    r"|broadcaster|daily|outlet|network|channel|website|news\s+site|paper|magazine|weekly"
    r"|state\s+media|media)\s*,?\s+)?"
)
_LEFT = re.compile(
    r"(?:\bper|\bvia|\baccording\s+to"
    r"|\b(?:cited|quoted|reported|seen|obtained|reviewed|viewed|verified|confirmed|published"
    r"|broadcast|aired|carried|first\s+reported|interviewed|contacted|asked|shared|provided)\s+by"
    r"|\b(?:told|tells|telling|tell)"
    r"|\b(?:said|says|say|confirmed|explained|admitted|revealed|disclosed|described)\s+to"
    r"|\b(?:speaking|spoke|speak|speaks|talking|talked|talk|talks)\s+(?:to|with)"
    r"|\binterviews?\s+with|\b(?:wrote|writing|writes|write)\s+(?:in|for)"
    r"|\bin\s+(?:comments|remarks|a\s+statement|an\s+e-?mail|a\s+(?:tele)?phone\s+call"
    r"|an\s+op-ed|an\s+interview)\s+(?:to|with|for|in)"
    r"|\b(?:report|reporting|reports|story|stories|article|articles|investigation|analysis"
    r"|interview|poll|survey|data|footage|video|dispatch|tally|count|op-ed|column|editorial"
    r"|exclusive|documents?)\s+(?:by|from|in|for|on|with)"
    r"|\bsources?\s+(?:told|said\s+to|speaking\s+to)"
    r"|\b(?:leaked|provided|sent|e-?mailed|given|supplied|released|shown)\s+to"
    r"|\bdeclined\s+to\s+comment\b[^.]{0,40}?\bto"
    r"|\b(?:source|sources|credit|courtesy)\s*:|\(\s*with|\bciting|\bquoting)"
    r"\s+(?:(?:the|a|an)\s+)?(?:(?:state|official|government|public|independent|national)"
    rf"(?:-\w+)?\s+)?{_DESCRIPTOR}$",
    re.IGNORECASE,
)
# "according to Maria Lopez of the Washington Post"
_LEFT_PERSON = re.compile(
    r"\b(?:[Aa]ccording\s+to|[Tt]old|[Ss]aid)\s+(?:[A-Z][\w.'\u2019-]*\s+){1,4}(?:of|at|from|with|for)"
    r"\s+(?:the\s+)?$"
)
# ", reports Reuters." and "..., writes the Associated Press."
_LEFT_INVERTED = re.compile(
    r"[,\u201d\"]\s*(?:reports|reported|writes|wrote|says|said|notes|noted|adds|added)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_RIGHT_CLAUSE_END = re.compile(r"\s*(?:[.,;:!?)\]]|$)")
_VERBS = (
    r"reported|reports|report|said|says|quoted|quotes|quoting|cited|cites|citing|learned|learnt"
    r"|confirmed|confirms|revealed|reveals|obtained|obtains|reviewed|saw|has\s+seen|found|wrote"
    r"|writes|noted|notes|tallied|calculated|estimated|verified|published|publishes|broke"
    r"|contributed|understands|asked|contacted|was\s+told|were\s+told|analy[sz]ed|identified"
    r"|established|interviewed|reached\s+out|could\s+not\s+(?:independently\s+)?(?:verify|confirm)"
    r"|cannot\s+(?:independently\s+)?(?:verify|confirm)|was\s+(?:not\s+)?able\s+to"
    r"|was\s+unable\s+to"
)
_SAYING = frozenset("said says wrote writes asked noted notes found saw".split())
_RIGHT_VERB = re.compile(
    r"(?:\s+(?:news(?:\s+agency)?|newswire|wire\s+service|newspaper|television|tv|agency))?"
    r"(?:\s*,\s*[^,]{1,60},)?"
    r"\s+(?:(?:on|late|early)\s+\w+\s+|earlier(?:\s+this\s+\w+)?\s+|first\s+|previously\s+"
    r"|also\s+|exclusively\s+|later\s+|last\s+\w+\s+|this\s+\w+\s+|\w+day\s+|separately\s+"
    r"|initially\s+|independently\s+)?(?:has\s+|had\s+|have\s+|was\s+the\s+first\s+to\s+)?"
    rf"(?P<verb>{_VERBS})\b",
    re.IGNORECASE,
)
_RIGHT_CITING = re.compile(r"\s*,\s*(?:citing|quoting|which\s+cited|who\s+cited)\b", re.I)
_RIGHT_NOUN = re.compile(
    r"(?:/[\w-]+)?(?:['\u2019]s?)?\s+(?:own\s+|new\s+|latest\s+|exclusive\s+)?"
    r"(?:report|reports|reporting|story|stories|article|articles|investigation|investigations"
    r"|analysis|tally|count|survey|poll|interview|review|calculations?|exclusive|dispatch"
    r"|documentary|footage|findings|estimates?|data)\b",
    re.IGNORECASE,
)
_PEOPLE_NOUN = re.compile(
    r"(?:['\u2019]s?)?\s+(?:reporters?|journalists?|correspondents?|photographers?|cameraman|crew)\b",
    re.IGNORECASE,
)
_TO_A = re.compile(r"\b(?:told|tell|tells|telling|to|with)\s+(?:a|an|the|two|three)\s+$", re.I)
_POSSESSIVE_VERB = re.compile(rf"['\u2019]s?\s+(?:[\w-]+\s+){{0,4}}?(?:{_VERBS})\b", re.I)
# "LONDON (Reuters) -", and link credits such as "Headline [ Bloomberg ]"
_BRACKETS = (
    (re.compile(r"\(\s*$"), re.compile(r"\s*\)")),
    (re.compile(r"\[\s*$"), re.compile(r"\s*\]")),
)
_PEOPLE_VERB = re.compile(
    r"[^.;]{0,60}?\b(?:reported|said|saw|witnessed|counted|confirmed|observed|heard|found)\b", re.I
)

_NEXT_WORD = re.compile(r"\s+([A-Za-z][\w'\u2019.-]*)")
_PREV_WORD = re.compile(r"(?:^|\s)([A-Za-z][\w'\u2019.-]*)\s+$")
_CAPITAL_OK = frozenset(
    """
    the a an and or of in on at to for from with by via per as that this than but
    told tells said says reported reports report according citing quoting
    monday tuesday wednesday thursday friday saturday sunday january february march april
    may june july august september october november december exclusive update source
    sources news reporting reporters reporter journalists journalist learned has had have
    was is were quoted cites cited revealed confirms confirmed finds found obtained
    """.split()
)
# How many characters on each side of a mention the patterns look at.
_CONTEXT = 200
_PERSON_PREFIX = frozenset("mr mr. mrs mrs. ms ms. mayor michael mike steve evan former".split())


def find_mentions(text: str) -> list[Mention]:
    """Every name of a known organisation in ``text``, left to right."""
    found = [
        Mention(_BY_ALIAS[m.group(0)], m.start(), m.end(), m.group(0))
        for m in _STRICT.finditer(text)
    ]
    taken = [(m.start, m.end) for m in found]
    for m in _LOOSE.finditer(text):
        if not any(m.start() < end and start < m.end() for start, end in taken):
            found.append(Mention(_BY_LOOSE[m.group(0).lower()], m.start(), m.end(), m.group(0)))
    return sorted(found, key=lambda m: m.start)


def is_citation(text: str, mention: Mention) -> bool:
    """Whether ``mention`` in the sentence ``text`` is a citation (see the module doc)."""
    left = text[max(0, mention.start - _CONTEXT) : mention.start]
    right = text[mention.end : mention.end + _CONTEXT]
    if _part_of_longer_name(left, right, mention):
        return False
    if _LEFT.search(left) or _LEFT_PERSON.search(left):
        return True
    if _LEFT_INVERTED.search(left) and _RIGHT_CLAUSE_END.match(right):
        return True
    if any(before.search(left) and after.match(right) for before, after in _BRACKETS):
        return True
    verb = _RIGHT_VERB.match(right)
    if verb and not (mention.outlet.person and verb.group("verb").lower() in _SAYING):
        return True
    if _RIGHT_CITING.match(right) or _RIGHT_NOUN.match(right):
        return True
    people = _PEOPLE_NOUN.match(right)
    if people and (_TO_A.search(left) or _PEOPLE_VERB.match(right, people.end())):
        return True
    possessive = _POSSESSIVE_VERB.match(right)
    return bool(possessive) and not mention.outlet.person


def _part_of_longer_name(left: str, right: str, mention: Mention) -> bool:
    following = _NEXT_WORD.match(right)
    if following:
        word = following.group(1)
        if word.lower() in mention.outlet.bad_next:
            return True
        if word[0].isupper() and word.lower().rstrip(".:") not in _CAPITAL_OK:
            return True
    preceding = _PREV_WORD.search(left)
    if preceding:
        word = preceding.group(1)
        if mention.outlet.person and word.lower() in _PERSON_PREFIX:
            return True
        possessive = word.endswith(("'s", "\u2019s"))  # "Russia's TASS" is TASS
        if word[0].isupper() and not possessive and word.lower().rstrip(".:") not in _CAPITAL_OK:
            return not (_LEFT.search(left) or _LEFT_PERSON.search(left))
    return False


def citations(text: str) -> Iterator[Mention]:
    """The mentions in ``text`` (one sentence) that are citations."""
    for mention in find_mentions(text):
        if is_citation(text, mention):
            yield mention


def _evidence(article: newskit.Article) -> dict[str, tuple[Outlet, list[newskit.Evidence]]]:
    found: dict[str, tuple[Outlet, list[newskit.Evidence]]] = {}

    def add(sentence: str, start: int | None, end: int | None) -> None:
        terms: dict[str, list[str]] = {}
        for mention in citations(sentence):
            terms.setdefault(mention.outlet.name, [])
            if mention.surface not in terms[mention.outlet.name]:
                terms[mention.outlet.name].append(mention.surface)
            found.setdefault(mention.outlet.name, (mention.outlet, []))
        for name, surfaces in terms.items():
            evidence = newskit.Evidence(text=sentence, start=start, end=end, terms=surfaces)
            found[name][1].append(evidence)

    if article.title:
        add(article.title, None, None)
    for sentence in newskit.split_sentences(article.text):
        add(sentence.text, sentence.start, sentence.end)
    return found


def _is_publisher(article: newskit.Article, outlet: Outlet) -> bool:
    domain = (article.source.domain or "") if article.source is not None else ""
    domain = domain.lower().removeprefix("www.")
    return bool(domain) and (domain == outlet.domain or domain.endswith("." + outlet.domain))


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
