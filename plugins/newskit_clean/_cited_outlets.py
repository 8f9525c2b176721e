"""When a news organisation's name in a sentence is a citation (see :mod:`._cited`).

:func:`find_mentions` finds the names of known organisations (:mod:`._sources`) in one
sentence; :func:`is_citation` tells whether a mention of a wire or an outlet is
cited, from the words around it.
"""

from __future__ import annotations

import re

from attrs import frozen

from ._cited_orgs import HEAD_WORDS
from ._sources import OUTLETS, Outlet

__all__ = ["Mention", "bounded", "find_mentions", "is_citation", "last_word", "part_of_longer_name"]


@frozen
class Mention:
    """A name of an organisation at ``text[start:end]``."""

    outlet: Outlet
    start: int
    end: int
    surface: str


BY_ALIAS = {alias: outlet for outlet in OUTLETS for alias in outlet.aliases}
BY_LOOSE = {alias.lower(): outlet for outlet in OUTLETS for alias in outlet.loose}
# Capitalised words: every alias holds one (but "dpa"), its key, found by this pattern.
WORD = re.compile(r"[A-Z][A-Za-z0-9_-]*")  # ASCII letters: faster than \w
# Words too common to look a name up by: "The Guardian" is found by "Guardian",
# "Voice of America" by "Voice". A name made of such words only is found by its word
# that heads organisations' names anyway ("World Bank" by "Bank"), else its longest.
_COMMON = frozenset(
    """
    The New World United South North National China Business Red Los Global Al El Le La Der
    Die Press News Times Post Daily Radio TV Bank Fund Agency Organization Organisation U
    Media Politics Health York Europe India Today America Washington Angeles Free Morning
    Street Wall Public Central Korean Islamic Republic Syrian Saudi Middle East Kuwait
    Vietnam Polish German International Asian Australian Canadian Business Israel London
    Financial European Review
    """.split()
)


def _rank(index: int, word: str) -> tuple[bool, bool, int, int]:
    common = len(word) < 2 or word.capitalize() in _COMMON or word in _COMMON
    return common, word not in HEAD_WORDS, -len(word), -index  # "U.N." by "N"


def _index() -> dict[str, list[tuple[str, int, Outlet, bool]]]:
    """For each key word, the aliases holding it: (alias, offset of the key, outlet,
    whether the alias counts in a sentence set in capitals)."""
    index: dict[str, list[tuple[str, int, Outlet, bool]]] = {}
    forms = [(alias, outlet, alias.lower() in BY_LOOSE) for alias, outlet in BY_ALIAS.items()]
    forms += [(alias.upper(), outlet, True) for alias, outlet in BY_LOOSE.items()]
    for alias, outlet, loose in forms:
        words = list(WORD.finditer(alias))
        if words:
            key = min(enumerate(words), key=lambda w: _rank(w[0], w[1].group()))[1]
            entry = (alias, key.start(), outlet, loose)
            index.setdefault(key.group(), []).append(entry)
    for entries in index.values():
        entries.sort(key=lambda e: -len(e[0]))
    return index


ALIAS_KEYS = _index()
LOWER_ALIASES = tuple(alias for alias in BY_ALIAS if not WORD.search(alias))  # "dpa"


def bounded(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is a whole word (a hyphen joins words)."""
    before = text[start - 1] if start else " "
    after = text[end] if end < len(text) else " "
    return not (before.isalnum() or before in "_-" or after.isalnum() or after in "_-")


_DESCRIPTOR = (
    r"(?:(?:[\w'\u2019-]+\s+){0,3}?(?:news\s+agency|agency|newswire|wire\s+service|newspaper"
    r"|broadcaster|daily|outlet|network|channel|website|news\s+site|paper|magazine|weekly"
    r"|state\s+media|media)\s*,?\s+)?"
)
_BY_ADVERB = r"(?:\s+(?:first|earlier|originally|previously|exclusively|also|independently))?"
LEFT = re.compile(
    r"(?:\bper|\bvia|\baccording\s+to"
    r"|\b(?:cited|quoted|reported|seen|obtained|reviewed|viewed|verified|confirmed|published"
    r"|broadcast|aired|carried|compiled|interviewed|contacted|asked|shared|provided|gathered"
    rf"|calculated|tallied|analy[sz]ed){_BY_ADVERB}\s+by"
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
LEFT_PERSON = re.compile(
    r"\b(?:[Aa]ccording\s+to|[Tt]old|[Ss]aid)\s+(?:[A-Z][\w.'\u2019-]*\s+){1,4}(?:of|at|from|with|for)"
    r"\s+(?:the\s+)?$"
)
# ", reports Reuters." and "..., writes the Associated Press."
_LEFT_INVERTED = re.compile(
    r"[,\u201d\"]\s*(?:reports|reported|writes|wrote|says|said|notes|noted|adds|added)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
CLAUSE_END = re.compile(r"\s*(?:[.,;:!?)\]]|$)")
_VERBS = (
    r"reported|reports|report|said|says|quoted|quotes|quoting|cited|cites|citing|learned|learnt"
    r"|confirmed|confirms|revealed|reveals|obtained|obtains|reviewed|saw|has\s+seen|found|wrote"
    r"|writes|noted|notes|tallied|calculated|estimated|verified|published|publishes|broke"
    r"|contributed|understands|asked|contacted|was\s+told|were\s+told|analy[sz]ed|identified"
    r"|established|interviewed|reached\s+out|could\s+not\s+(?:independently\s+)?(?:verify|confirm)"
    r"|cannot\s+(?:independently\s+)?(?:verify|confirm)|was\s+(?:not\s+)?able\s+to"
    r"|was\s+unable\s+to|showed|shows|aired|broadcast"
)
_SAYING = frozenset("said says wrote writes asked noted notes found saw showed shows".split())
_RIGHT_VERB = re.compile(
    r"(?:\s+(?:news(?:\s+agency)?|newswire|wire\s+service|newspaper|television|tv|agency))?"
    r"(?:\s*,\s*[^,]{1,60},)?"
    r"\s+(?:(?:on|late|early)\s+\w+\s+|earlier(?:\s+this\s+\w+)?\s+|first\s+|previously\s+"
    r"|also\s+|exclusively\s+|later\s+|last\s+\w+\s+|this\s+\w+\s+|\w+day\s+|separately\s+"
    r"|initially\s+|independently\s+|both\s+|jointly\s+|all\s+)?"
    r"(?:(?:has|had|have)\s+(?:previously\s+|also\s+|already\s+|since\s+|first\s+)?"
    r"|was\s+the\s+first\s+to\s+)?"
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

_WORDS = re.compile(r"[^\W\d_]{2,}")
_NEXT_WORD = re.compile(r"\s+([A-Za-z][\w'\u2019.-]*)")
_WORDLIKE = re.compile(r"[A-Za-z][\w'\u2019.-]*")
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
CONTEXT = 200
_PERSON_PREFIX = frozenset("mr mr. mrs mrs. ms ms. mayor michael mike steve evan former".split())


def find_mentions(text: str) -> list[Mention]:
    """Every name of a known organisation in ``text``, left to right; of overlapping
    names, the longest.

    In a sentence set in capitals ("WHO SAID IT"), only the names listed as ``loose``
    count, in capitals too ("PER REUTERS"): there an acronym is as likely to be a word.
    """
    shouting = _is_shouting(text)
    found = []
    for word in WORD.finditer(text):
        for alias, offset, outlet, loose in ALIAS_KEYS.get(word.group(), ()):
            start = word.start() - offset
            end = start + len(alias)
            if (
                (loose or not shouting)
                and start >= 0
                and text.startswith(alias, start)
                and bounded(text, start, end)
            ):
                found.append(Mention(outlet, start, end, alias))
    for alias in LOWER_ALIASES:
        start = text.find(alias)
        while start != -1 and not shouting:
            if bounded(text, start, start + len(alias)):
                found.append(Mention(BY_ALIAS[alias], start, start + len(alias), alias))
            start = text.find(alias, start + 1)
    found.sort(key=lambda m: (m.start, m.start - m.end))
    kept: list[Mention] = []
    for mention in found:
        if not kept or mention.start >= kept[-1].end:
            kept.append(mention)
    return kept


def _is_shouting(text: str) -> bool:
    return text.isupper() and len(_WORDS.findall(text)) >= 4


def last_word(left: str) -> str:
    """The word that ends ``left`` (trailing spaces aside), or "" when no space ends it:
    every left-hand pattern ends in a space, and in one of a few words."""
    if not left[-1:].isspace():
        return ""
    words = left[-80:].split()
    if not words:
        return ""
    if words[-1] in (",", ":") and len(words) > 1:
        return words[-2] + words[-1]
    return words[-1]


# The words that can end what LEFT, LEFT_PERSON, _LEFT_INVERTED and _TO_A match.
_LEFT_LAST = frozenset(
    """
    per via to by told tells telling tell with in for on from citing quoting the a an
    state official government public independent national agency newswire service newspaper
    broadcaster daily outlet network channel website site paper magazine weekly media of at
    """.split()
)
_INVERTED_LAST = frozenset(
    "reports reported writes wrote says said notes noted adds added the".split()
)
_TO_A_LAST = frozenset("a an the two three".split())


def _key(word: str) -> str:
    return word.lower().lstrip("(").rstrip(",").split("-")[0]


def is_citation(text: str, mention: Mention) -> bool:
    """Whether ``mention`` of a wire or an outlet in the sentence ``text`` is cited."""
    left = text[max(0, mention.start - CONTEXT) : mention.start]
    right = text[mention.end : mention.end + CONTEXT]
    last = last_word(left)
    if part_of_longer_name(left, right, mention, last):
        return False
    key = _key(last)
    if (key in _LEFT_LAST or last.endswith(":")) and (
        LEFT.search(left) or LEFT_PERSON.search(left)
    ):
        return True
    if key in _INVERTED_LAST and _LEFT_INVERTED.search(left) and CLAUSE_END.match(right):
        return True
    if any(before.search(left) and after.match(right) for before, after in _BRACKETS):
        return True
    verb = _RIGHT_VERB.match(right)
    if verb and not (mention.outlet.person and verb.group("verb").lower() in _SAYING):
        return True
    if _RIGHT_CITING.match(right) or _RIGHT_NOUN.match(right):
        return True
    people = _PEOPLE_NOUN.match(right)
    if people and (
        (key in _TO_A_LAST and _TO_A.search(left)) or _PEOPLE_VERB.match(right, people.end())
    ):
        return True
    possessive = _POSSESSIVE_VERB.match(right)
    return bool(possessive) and not mention.outlet.person


def part_of_longer_name(left: str, right: str, mention: Mention, last: str | None = None) -> bool:
    """Whether the mention is part of a longer name ("Reuters Institute", "AP exam")."""
    following = _NEXT_WORD.match(right)
    if following:
        word = following.group(1)
        if word.lower() in mention.outlet.bad_next:
            return True
        if word[0].isupper() and word.lower().rstrip(".:") not in _CAPITAL_OK:
            return True
    word = last_word(left) if last is None else last
    if word and _WORDLIKE.fullmatch(word):
        if mention.outlet.person and word.lower() in _PERSON_PREFIX:
            return True
        possessive = word.endswith(("'s", "\u2019s"))  # "Russia's TASS" is TASS
        if word[0].isupper() and not possessive and word.lower().rstrip(".:") not in _CAPITAL_OK:
            return not (LEFT.search(left) or LEFT_PERSON.search(left))
    return False
