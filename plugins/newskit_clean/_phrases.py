"""Furniture phrases: what a line of page furniture says, whatever site it comes from.

Each :class:`Cue` names the reason recorded in ``Article.removed`` and how strong the
evidence is:

* ``hard``: never article text (share buttons, sponsor slots, cookie notices, log-in
  links); removed wherever the line stands, even inside the article;
* ``heading``: the heading of a teaser list ("More In This Category", "Top stories");
  removed, and the teasers below it with it;
* ``end``: the heading of reader comments ("34 responses to ...", "Leave a reply"):
  removed, and the article ends before it;
* ``soft``: furniture next to an article but words an article could hold (bylines,
  dates, captions, links); removed only outside the article's main block.

Phrases are matched against a whole line's key (lowercase, outer punctuation removed)
and only on short lines, so a sentence that merely mentions "subscribe" is no cue.
To teach the cleaner a new phrase, add a pattern to ``_RULES``; a pattern that may
match anywhere in the line (``.*phrase.*``) is written ``_anywhere(phrase, *words)``,
with the words that any match holds: it is only tried on lines that hold one (fast).
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_right
from collections.abc import Sequence

from attrs import frozen

__all__ = ["END", "HARD", "HEADING", "SOFT", "Cue", "lines_holding", "match_cue", "match_cues"]

HARD = "hard"
HEADING = "heading"
END = "end"
SOFT = "soft"


@frozen
class Cue:
    """A furniture phrase matched on a line: the reason to record and its strength."""

    reason: str
    kind: str  # HARD, HEADING, END or SOFT


def _any(words: str) -> str:
    """``"a b c"`` -> ``"(?:a|b|c)"``; words may hold regex syntax but no spaces."""
    return "(?:" + "|".join(words.split()) + ")"


@frozen
class _Anywhere:
    """An alternative that may match anywhere in a line: the pattern ``.*core.*``."""

    core: str
    words: tuple[str, ...]  # every match of ``core`` holds one of these


def _anywhere(core: str, *words: str) -> _Anywhere:
    """An alternative found anywhere in the line; ``words``: one is in every match."""
    if not words or any(w != w.lower() for w in words):
        raise ValueError(f"{core!r} needs the lowercase words that its matches hold")
    return _Anywhere(core, words)


@frozen
class _Rule:
    reason: str
    kind: str
    most_words: int
    pattern: re.Pattern[str]
    anchored: str  # the alternatives matched from the line's start ("" if none)
    words: tuple[str, ...]  # the words of its alternatives that match anywhere


def _rule(reason: str, kind: str, most_words: int, *alternatives: str | _Anywhere) -> _Rule:
    anchored = [a for a in alternatives if isinstance(a, str)]
    anywhere = [a for a in alternatives if isinstance(a, _Anywhere)]
    if any(part.startswith(".*") for a in anchored for part in a.split()):
        raise ValueError(f"{reason}: write an alternative that matches anywhere with _anywhere()")
    parts = [a if isinstance(a, str) else f".*{a.core}.*" for a in alternatives]
    return _Rule(
        reason,
        kind,
        most_words,
        re.compile(_any(" ".join(parts))),
        _any(" ".join(anchored)) if anchored else "",
        tuple(w for a in anywhere for w in a.words),
    )


_SOCIAL = _any(
    "facebook twitter x linkedin whatsapp telegram reddit pinterest flipboard instagram youtube"
    " tiktok email e-mail messenger pocket tumblr vk threads bluesky mastodon"
)
_MONTHS = _any(
    "jan(?:uary)? feb(?:ruary)? mar(?:ch)? apr(?:il)? may june? july? aug(?:ust)?"
    " sep(?:t(?:ember)?)? oct(?:ober)? nov(?:ember)? dec(?:ember)?"
)
_DAYS = _any(
    "mon(?:day)? tue(?:s(?:day)?)? wed(?:nesday)? thu(?:rs(?:day)?)? fri(?:day)?"
    " sat(?:urday)? sun(?:day)?"
)
_TEASER_NOUNS = _any(
    "articles? stories story posts? content coverage news topics links reading videos? items"
    " reads tags headlines"
)

# The first rule whose pattern matches the whole key of a line that is short enough wins.
# Inside one pattern, spaces separate alternatives: write a literal space as "\x20".
# An alternative matched anywhere in the line is an _anywhere(), not a ".*...".
# fmt: off
_RULES: tuple[_Rule, ...] = (
    _rule(
        "sponsor slot", HARD, 8,
        _anywhere(r"\bspot_im\w*\b", "spot_im"),
        r"(?:[\w']+\x20)?(?:sponsor|sponsored|sponsors)(?:\x20\w+){0,4}",
        r"(?:promoted|paid|partner)(?:\x20(?:content|post|partnership|stories))?",
    ),
    _rule(
        "advertisement slot", HARD, 6,
        r"(?:advertisements?|advertising|adverts?|ads?|anzeige|publicidad|publicit\w+)"
        r"(?:\x20(?:feature|content|placeholder|banner|slot|space|below|above))?",
        r"story\x20continues\x20below(?:\x20advertisement)?",
        _anywhere(
            r"\b(?:adsbygoogle|ad[-_\x20]slot|ad[-_\x20]container)\b",
            "adsbygoogle", "slot", "container",
        ),
    ),
    _rule(
        "cookie notice", HARD, 90,
        _anywhere(
            r"\b(?:we|(?:this|our|the)\x20(?:site|website))\x20uses?\x20cookies\b", "cookies"
        ),
        _anywhere(
            r"\b(?:accept|allow|consent\x20to|agree\x20to)(?:\x20all|\x20the\x20use\x20of)?"
            r"\x20cookies\b",
            "cookies",
        ),
        _anywhere(
            r"\bby\x20(?:continuing|using|browsing)\x20(?:to\x20(?:use|browse)\x20)?"
            r"(?:this|our|the)\x20(?:site|website)\b",
            "by continuing", "by using", "by browsing",
        ),
        r"cookie\x20(?:policy|settings|preferences|notice)",
        r"(?:manage|accept|reject|allow)\x20(?:all\x20)?cookies",
    ),
    _rule(
        "copyright line", HARD, 40,
        r"(?:\u00a9|\(c\)|copyright\b).*",
        _anywhere(r"\ball\x20rights\x20reserved\b", "all rights reserved"),
    ),
    _rule(
        "share buttons", HARD, 12,
        rf"(?:share|tweet|email|print|save|copy\x20link|copied|pin\x20it|{_SOCIAL})(?:\x20this)?"
        rf"(?:\x20(?:article|story|post|page|link))?(?:\x20(?:on|via|to|with)\x20{_SOCIAL})?",
        r"click\x20to\x20(?:share|email|print|tweet|save)\b.*",
        r"share(?:\x20this)?(?:\x20(?:article|story|post|page))?(?:\x20with\x20your\x20friends)?",
        rf"{_SOCIAL}(?:\x20{_SOCIAL})+",
        # the same in other languages
        r"(?:partager|partagez|compartir|compartilhar|condividi|teilen|delen|dela|del"
        r"|udost\w+|sd\u00edlet|megoszt\u00e1s|\u043f\u043e\u0434\u0435\u043b\u0438\u0442\u044c\u0441\u044f|payla\u015f)"
        rf"(?:\x20(?:sur|en|no|su|auf|op|on|na|w)\x20{_SOCIAL})?",
    ),
    _rule(
        "social follow prompt", HARD, 10,
        r"follow\x20us(?:\x20on\x20[\w\x20]+)?",
        r"like\x20us\x20on\x20facebook",
        r"connect\x20with\x20us",
        r"join\x20(?:us|our\x20community)\x20on\x20[\w\x20]+",
    ),
    _rule(
        "read-more link", HARD, 25,
        r"(?:read|see|click\x20here|continue\x20reading|keep\x20reading|read\x20the\x20full)"
        r"(?:\x20for)?(?:\x20(?:more|also|here|next|the\x20main\x20story"
        r"|(?:the\x20)?(?:full\x20)?(?:story|article)))(?:\x20?:\x20?.*)?",
        r"(?:read|see)\x20also\x20?:.*",
        r"full\x20story",
        # the same in other languages
        r"(?:\u00e0\x20)?lire\x20(?:aussi|plus|la\x20suite)(?:\x20?:\x20?.+)?",
        r"(?:lee|leer|leia|leggi|lees|lesen\x20sie)\x20(?:tambi\u00e9n|m\u00e1s|tamb\u00e9m|mais"
        r"|anche|tutto|ook|meer|auch|mehr)(?:\x20?:\x20?.+)?",
        r"weiterlesen|mehr\x20(?:zum\x20thema|lesen)(?:\x20?:\x20?.+)?",
        r"\u0447\u0438\u0442\u0430\u0439\u0442\u0435\x20(?:\u0442\u0430\u043a\u0436\u0435|\u0434\u0430\u043b\u0435\u0435)(?:\x20?:\x20?.+)?",
    ),
    _rule(
        "newsletter sign-up", HARD, 25,
        r"(?:sign\x20up|subscribe|register)(?:\x20(?:now|today|free|for\x20free))?"
        r"\x20(?:for|to)\x20(?:(?:our|the|a)\x20)?(?:free\x20)?(?:\w+\x20)?"
        r"(?:newsletters?|email|alerts|updates).*",
        r"(?:get|receive)\x20(?:(?:our|the)\x20)?(?:\w+\x20)?(?:newsletters?|headlines|alerts)"
        r"\x20(?:in|delivered\x20to)\x20your\x20inbox.*",
        r"newsletters?(?:\x20sign\x20?up)?",
        r"enter\x20your\x20email(?:\x20address)?.*",
    ),
    _rule(
        "subscription or account link", HARD, 6,
        r"subscribe(?:\x20(?:now|today|here))?",
        r"subscribe\x20?sign\x20?in",
        r"(?:log|sign)\x20?(?:in|on|out|up)",
        r"(?:log|sign)\x20in(?:\x20or|\x20/)\x20(?:register|sign\x20up|subscribe)",
        r"register",
        r"(?:manage\x20)?my\x20account|manage\x20account",
        r"create\x20(?:an?\x20)?(?:free\x20)?account",
        r"become\x20a\x20(?:member|subscriber)",
        r"support\x20(?:us|our\x20journalism)",
        r"donate(?:\x20now)?",
    ),
    _rule(
        "reader-comments heading", END, 20,
        r"(?:(?:top\x20rated|top|latest|recent|all|show|view|hide|\d+)\x20)?"
        r"(?:comments?|responses?|replies|reactions|discussion)(?:\x20\(\d+\))?"
        r"(?:\x20(?:to|on|for)\x20.*)?",
        r"(?:leave|post|add|write|submit)\x20(?:a|your)\x20(?:comment|reply|response)(?:\x20.*)?",
        r"(?:join|start)\x20the\x20(?:discussion|conversation)",
        r"comments?\x20(?:are\x20)?closed",
        r"what\x20do\x20you\x20think",
        r"have\x20your\x20say",
        r"conversation",
        r"comments?\x20policy",
    ),
    _rule(
        "navigation link", HARD, 6,
        r"skip\x20to\x20(?:main\x20)?(?:content|navigation|site\x20index|search)"
        r"(?:\x20?skip\x20to\x20[\w\x20]+)?",
        r"back\x20to\x20(?:top|main\x20menu|home(?:page)?)",
        r"(?:main\x20)?menu",
        r"accueil|inicio|in\u00edcio|startseite|home\x20?page|\u0433\u043b\u0430\u0432\u043d\u0430\u044f|strona\x20g\u0142\u00f3wna"
        r"|anasayfa|men\u00fa|rechercher|buscar|suche|cerca|pesquisar",
        r"close(?:\x20menu)?",
        r"search",
        r"toggle\x20navigation",
        r"go\x20to\x20home\x20page",
        r"site\x20(?:map|index)(?:\x20navigation)?",
        r"(?:privacy|cookie)\x20(?:policy|notice|settings)",
        r"terms\x20(?:of\x20(?:use|service|sale)|and\x20conditions|&\x20conditions)",
        r"(?:contact|about)\x20us",
        r"advertise(?:\x20with\x20us)?",
        r"rss(?:\x20feeds?)?",
        r"(?:next|previous)\x20(?:article|story|post)",
    ),
    _rule(
        "teaser-list heading", HEADING, 8,
        r"(?:[\w']+\x20){0,2}top\x20(?:stories|news|headlines|articles|reads|picks)",
        r"(?:the\x20)?most\x20(?:read|popular|viewed|shared|commented|watched|emailed|recent)"
        r"(?:\x20(?:articles|stories|news|posts|videos|today|this\x20week|now|in\x20[\w\x20]+))?",
        r"more\x20(?:in|from|on|about)\x20(?:this\x20|the\x20)?[\w'\x20&-]{2,40}",
        r"more\x20(?:stories|news|articles|headlines|videos|coverage|like\x20this|to\x20read"
        r"|to\x20explore)",
        rf"related(?:\x20{_TEASER_NOUNS})?",
        r"recommended(?:\x20(?:for\x20you|stories|articles|reading|videos|reads))?",
        r"(?:you|we\x20think\x20you)\x20(?:may|might|will|would|could)\x20(?:also\x20)?"
        r"(?:like|enjoy|be\x20interested\x20in)(?:\x20\w+){0,2}",
        r"(?:editors?\x20?'?s?\x20)?(?:picks?|choice)",
        r"trending(?:\x20(?:now|stories|news|topics|articles|today|videos))?",
        r"(?:latest|recent)\x20(?:news|stories|articles|posts|headlines|videos|updates)",
        r"the\x20latest",
        r"popular(?:\x20\w+)?",
        r"what'?s\x20(?:popular|new|trending)",
        r"don'?t\x20miss(?:\x20this)?",
        r"(?:also|further)\x20read(?:ing)?|see\x20also|read\x20next|up\x20next|what\x20to\x20read\x20next",
        r"in\x20other\x20news|(?:around|from)\x20the\x20web|from\x20our\x20partners",
        r"must\x20reads?|in\x20case\x20you\x20missed\x20it",
        r"(?:also|more|elsewhere)\x20on\x20[\w.\x20]+",
        r"today'?s\x20(?:headlines|news)",
    ),
    _rule(
        "byline", SOFT, 10,
        r"(?:by|written\x20by|posted\x20by|words\x20by|story\x20by)\x20[\w'.-]+(?:\x20[\w'.-]+){0,6}",
        r"(?:reporting|writing|editing|additional\x20reporting)\x20by\x20.*",
    ),
    _rule("bare link", SOFT, 3, r"(?:https?://|www\.)\S+"),
    _rule(
        "image caption or credit", SOFT, 40,
        r"(?:photo|photograph|image|picture|video|credit|source|caption|illustration|foto|bild"
        r"|\u0444\u043e\u0442\u043e)(?:\x20credit)?s?\x20?(?::|by\b|\u00a9).*",
        _anywhere(
            r"\b(?:getty\x20images|afp\x20via\x20getty|shutterstock|istock(?:photo)?|ap\x20photo"
            r"|reuters/[\w\x20]+|epa-efe)\b",
            "getty", "shutterstock", "istock", "ap photo", "reuters/", "epa-efe",
        ),
        _anywhere(r"credit\.\.\.", "credit..."),
    ),
)
# fmt: on

_DATE_WORD = re.compile(
    _any(
        rf"{_MONTHS} {_DAYS} \d{{1,4}}(?:st|nd|rd|th)? \d{{1,2}}[:.]\d{{2}}"
        r" \d{1,4}[/.-]\d{1,2}[/.-]\d{1,4} \d{4}-\d\d-\d\dt[\d:.]+(?:z|[+-]\d\d:?\d\d)?"
        " am pm a.m p.m et est edt ct cst cdt pt pst pdt gmt utc bst cet cest ist hrs? ago"
        " updated published posted last modified on at of minutes? mins? hours? days? weeks?"
        " months? years? an a just now read reading time min"
    )
)
# A date line names a month or a day, or holds a date or a time; a bare number is none.
_DATE_NEEDS = re.compile(
    rf"\b(?:{_MONTHS}|{_DAYS})\b|\d[/.-]\d|\d:\d\d|\d(?:\x20?(?:am|pm|a\.m|p\.m)\b)|\bago\b"
)


def match_cue(key: str, n_words: int, anywhere: bool | None = None) -> Cue | None:
    """The furniture cue of a line with this key and word count, if any.

    The first rule of ``_RULES`` whose pattern matches the key wins. All the rules are
    tried in one ``fullmatch`` (see :func:`_rules_pattern`), and the alternatives that
    may match anywhere in the line (slow to try) only when the key holds one of their
    words (``anywhere``; found here when not given): without them they cannot match.
    """
    if not key:
        return None
    if n_words <= 14 and _is_date_line(key):
        return _DATE_CUE
    if n_words > _MOST_WORDS:
        return None
    if anywhere is None:
        anywhere = any(word in key for word in _ANYWHERE_WORDS)
    match = _rules_pattern(max(n_words, 0), anywhere).fullmatch(key)
    return None if match is None else _RULE_CUES[match.lastgroup]  # type: ignore[index]


def match_cues(keys: Sequence[str], n_words: Sequence[int]) -> list[Cue | None]:
    """:func:`match_cue` of each line, looking for the words of all the lines at once."""
    anywhere = lines_holding(keys, _ANYWHERE_WORDS)
    return [
        match_cue(key, n, i in anywhere)
        for i, (key, n) in enumerate(zip(keys, n_words, strict=True))
    ]


def lines_holding(lines: Sequence[str], words: Sequence[str]) -> dict[int, set[int]]:
    """Which of ``words`` (none holds a line break) each line holds, as
    ``{line index: {word index}}``.

    ``str.find`` over all the lines at once is much faster than a regular expression,
    or than a search line by line.
    """
    held: dict[int, set[int]] = {}
    if not lines:
        return held
    starts: list[int] = []
    position = 0
    for line in lines:
        starts.append(position)
        position += len(line) + 1
    joined = "\n".join(lines)
    last = len(starts) - 1
    for w, word in enumerate(words):
        found = joined.find(word)
        while found != -1:
            line = bisect_right(starts, found) - 1
            held.setdefault(line, set()).add(w)
            if line == last:
                break
            found = joined.find(word, starts[line + 1])
    return held


@functools.cache
def _rules_pattern(n_words: int, anywhere: bool) -> re.Pattern[str]:
    """The rules for a line of ``n_words`` words as one pattern, rule ``i`` as group ``r<i>``.

    A ``fullmatch`` tries the alternatives in order, so the group that matched is the
    first rule that matches. Without ``anywhere``, only the alternatives matched from
    the line's start are in it.
    """
    return re.compile(
        "|".join(
            f"(?P<r{i}>{rule.pattern.pattern if anywhere else rule.anchored})"
            for i, rule in enumerate(_RULES)
            if n_words <= rule.most_words and (anywhere or rule.anchored)
        )
    )


def _is_date_line(key: str) -> bool:
    # The first word is a date word: checked first, as most lines fail there.
    if not _DATE_START.match(key) or not _DATE_NEEDS.search(key):
        return False
    words = [w for w in _DATE_SPLIT.split(key) if w]
    return bool(words) and all(_DATE_WORD.fullmatch(w.strip("()[]:")) for w in words)


_DATE_CUE = Cue("date line", SOFT)
_DATE_SPLIT = re.compile(r"[\s,|\u2022\u00b7]+")
_DATE_START = re.compile(
    rf"[\s,|\u2022\u00b7]*[()\[\]:]*{_DATE_WORD.pattern}[()\[\]:]*(?:[\s,|\u2022\u00b7]|\Z)"
)
_MOST_WORDS = max(rule.most_words for rule in _RULES)
_RULE_CUES = {f"r{i}": Cue(rule.reason, rule.kind) for i, rule in enumerate(_RULES)}
_ANYWHERE_WORDS = tuple(dict.fromkeys(w for rule in _RULES for w in rule.words))
