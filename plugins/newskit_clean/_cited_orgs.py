"""Organisations that ``cited-sources`` recognises by the shape of their names.

No catalogue lists every ministry, university or charity an article may cite, so a
run of capitalised words counts as an organisation's name when

* its words are joined by spaces, or by "of", "for", "on", "and", "&" (with an
  optional "the" after the first three): "Office for National Statistics", "Centers
  for Disease Control and Prevention", "Food and Agriculture Organization";
* it has at least two words, not counting "the" and the joining words ("the
  Ministry" alone is no name: which ministry?);
* its head, the last word before any "of/for/on ..." complement, names a kind of
  body: an organisation word (Ministry, Agency, Institute, Bank, University, Council,
  Commission, Department, Office, Police, Court, Party, Group, Fund, Watch, ...) makes
  it an ``organisation``; a newspaper word (Times, Post, Herald, Journal, Daily, ...)
  makes it an ``outlet``;
* it holds no title (President, Minister, Chief, Spokesman, ...), which would make it
  a person's ("Police Chief John Smith").

"X and Y" is one name ("Food and Agriculture Organization", "Department of Health and
Human Services") unless X ends in a head word ("Amnesty International and Human Rights
Watch") or Y is two words or more that end in none ("the Department of Homeland
Security and Alex Azar"). A possessive first word stays ("Russia's Defence Ministry").
Heads that are also surnames ("Margaret Court", "Robert Service"), and newspaper words
other than Daily, Magazine, Radio, Zeitung..., count only after "the" ("the Kyiv
Post", never "Jenny Post"). "News" and "TV" head no name: on web pages they mostly head
menu entries ("Business News", "Live TV"); the outlets so named are catalogued.
Sentences in title case (headlines) or without a word in lower case are skipped.

Precision comes first, so an organisation is cited only in a tight set of patterns
(:func:`org_is_cited`): "according to", "per", "citing", "quoting", a data noun with
"by/from" ("a report by", "data from", "figures released on Tuesday by", "a poll
conducted by"); a reporting verb after it ("said", "estimated", "found", "warned",
"told"); its report ("Amnesty International's report", "a Harvard University
study"). Being told something is no citation of the listener ("told the Senate
Foreign Relations Committee"), nor is being the subject of a study ("a study of the
World Bank's lending") or an investigation ("under investigation by the FBI"), or
funding one ("funded by the Wellcome Trust").
"""

from __future__ import annotations

import re

from attrs import frozen

__all__ = [
    "HEAD_WORDS",
    "MEDIA_HEADS",
    "ORG_HEADS",
    "OrgName",
    "org_is_cited",
    "organisation_names",
]


@frozen
class OrgName:
    """An organisation's name at ``sentence[start:end]``; ``kind`` is "organisation" or "outlet"."""

    start: int
    end: int
    text: str
    kind: str


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


ORG_HEADS = _words(
    """
    Ministry Ministries Agency Organization Organisation Institute Institution Bank University
    College School Hospital Clinic Council Commission Committee Department Office Bureau Police
    Army Navy Force Forces Court Party Group Association Federation Union Fund Foundation
    Authority Administration Service Services Centre Center Centers Centres Corporation
    Company Board Society Trust Alliance Coalition Movement Watch International Observatory
    Laboratory Laboratories Programme Program Secretariat Parliament Directorate Inspectorate
    Reserve Forum Academy Consortium Initiative Chamber Exchange Guard Command Tribunal Panel
    Network Congress Assembly Economics Analytics Research Securities Partners Consulting
    """
)
MEDIA_HEADS = _words(
    """
    Times Post Herald Journal Tribune Gazette Chronicle Telegraph Express Observer Mirror
    Courier Inquirer Dispatch Daily Magazine Radio Zeitung Shimbun Ilbo Sentinel Examiner
    Enquirer Bulletin Globe Star Sun Weekly
    """
)
HEAD_WORDS = ORG_HEADS | MEDIA_HEADS
# Media heads that need no "the" before them; any other needs it, as do these heads.
_NO_THE_MEDIA = _words("Daily Magazine Radio Zeitung Shimbun Ilbo")
_THE_REQUIRED = _words("Court Service Services")
_TITLES = _words(
    """
    President Vice-President Minister Secretary Secretary-General Governor Chairman Chairwoman
    Chair Chairperson CEO Director Director-General Spokesman Spokeswoman Spokesperson Senator
    Sen Rep Representative Judge Chief Head Professor Prof Dr Mr Mrs Ms Sir Lord Lady
    Commander Lieutenant Colonel Col Captain Sergeant Ambassador Mayor Councillor Councilman
    King Queen Prince Princess Pope Archbishop Bishop Founder Editor Correspondent
    """
)
_STOP = _words(
    """
    The A An This That These Those It Its He She They We I You His Her Their Our My Your
    In On At For From By With To Of And Or But As If When While After Before Since Until
    Although Though Because So Yet According Per Citing Quoting Data Figures Meanwhile
    However Also Earlier Later Last Next Today Yesterday Tomorrow Monday Tuesday Wednesday
    Thursday Friday Saturday Sunday January February March April June July August September
    October November December Some Many Most Several Both All Each Every No Not Only Then
    There Here What Who Why How Where Which Despite During Under Over Between Among Against
    Without Within Through Across Around About Into Onto Upon Like Unlike Just Even Still
    """
)
_COMPLEMENT = _words("of for on de du des la le del di van von")
_JOINERS = _COMPLEMENT | {"and", "&"}

_WORD = re.compile(r"(?:[A-Z]\.)+(?!\w)|[^\W\d_][\w'\u2019&-]*|&")
_POSSESSIVE = ("'s", "\u2019s")
_LOWER_WORD = re.compile(r"(?<![\w'\u2019-])[a-z]")  # no pattern cites without one
_SMALL = _words("a an the and or of in on at to for from by per with as vs &")


_HEAD_FORMS = HEAD_WORDS.union(h + p for h in HEAD_WORDS for p in _POSSESSIVE)


def _base(word: str) -> str:
    return word[:-2] if word.endswith(_POSSESSIVE) else word


def _name_word(word: str) -> bool:
    return word[0].isupper() and word not in _STOP and _base(word).rstrip(".") not in _TITLES


def organisation_names(sentence: str) -> list[OrgName]:
    """The names in ``sentence`` shaped like an organisation's (see the module doc)."""
    if not _LOWER_WORD.search(sentence):
        return []
    toks = [(m.group(), m.start(), m.end()) for m in _WORD.finditer(sentence)]
    heads = [i for i, t in enumerate(toks) if t[0] in _HEAD_FORMS]
    if not heads or _title_case(toks):
        return []
    names = []
    done = -1
    for head in heads:
        if head <= done:
            continue
        start = _start(sentence, toks, head)
        done = _extend(sentence, toks, start)
        name = _validate(sentence, toks[start : done + 1])
        if name is not None:
            names.append(name)
    return names


def _title_case(toks: list[tuple[str, int, int]]) -> bool:
    """Whether more than 3 in 4 words, and 4 at least, are capitalised, but for "of",
    "the", "and" and the like."""
    upper = sum(1 for w, _, _ in toks if w[0].isupper())
    other = sum(1 for w, _, _ in toks if not w[0].isupper() and w not in _SMALL)
    return upper + other >= 4 and upper > 3 * other


def _start(sentence: str, toks: list[tuple[str, int, int]], i: int) -> int:
    """The index of the first word of the name that holds word ``i``: :func:`_extend`
    walked backwards, through the same links."""
    while i > 0 and _joined(sentence, toks[i - 1], toks[i]):
        prev = toks[i - 1][0]
        if _name_word(prev):
            if _ends_name(prev):
                break
            i -= 1
            continue
        joiner = i - 2 if prev == "the" else i - 1
        if joiner < 1 or toks[joiner][0] not in (_COMPLEMENT if prev == "the" else _JOINERS):
            break
        word = toks[joiner - 1][0]
        if joiner != i - 1 and not _joined(sentence, toks[joiner], toks[joiner + 1]):
            break
        if not _joined(sentence, toks[joiner - 1], toks[joiner]) or not _name_word(word):
            break
        if _ends_name(word) or (
            toks[joiner][0] == "and" and _and_splits(sentence, toks, joiner - 1, joiner + 1)
        ):
            break
        i = joiner - 1
    return i


def _and_splits(sentence: str, toks: list[tuple[str, int, int]], before: int, after: int) -> bool:
    """Whether "and" between words ``before`` and ``after`` joins two names: after a
    head ("Amnesty International and Human Rights Watch"), or before two words or more
    that end in no head ("the Department of Homeland Security and Alex Azar")."""
    if _base(toks[before][0]) in ORG_HEADS:
        return True
    last = after
    while (
        last + 1 < len(toks)
        and _joined(sentence, toks[last], toks[last + 1])
        and _name_word(toks[last + 1][0])
    ):
        last += 1
    return last > after and _base(toks[last][0]) not in HEAD_WORDS


def _ends_name(word: str) -> bool:
    """A possessive head ends a name: "Amnesty International's report"."""
    return word.endswith(_POSSESSIVE) and _base(word) in HEAD_WORDS


def _joined(sentence: str, a: tuple[str, int, int], b: tuple[str, int, int]) -> bool:
    gap = sentence[a[2] : b[1]]
    return bool(gap) and gap.isspace()


def _extend(sentence: str, toks: list[tuple[str, int, int]], i: int) -> int:
    """The index of the last word of the name that starts at word ``i``."""
    j = i
    while j + 1 < len(toks) and _joined(sentence, toks[j], toks[j + 1]):
        word = toks[j][0]
        if _ends_name(word):
            break
        nxt = toks[j + 1][0]
        if _name_word(nxt):
            j += 1
            continue
        if nxt not in _JOINERS:
            break
        k = j + 2
        if nxt in _COMPLEMENT and k < len(toks) and toks[k][0] == "the":
            k += 1
        if k >= len(toks) or not _joined(sentence, toks[k - 1], toks[k]):
            break
        if not _name_word(toks[k][0]) or (nxt == "and" and _and_splits(sentence, toks, j, k)):
            break
        j = k
    return j


def _validate(sentence: str, toks: list[tuple[str, int, int]]) -> OrgName | None:
    words = [w for w, _, _ in toks]
    content = [w for w in words if w not in _JOINERS and w != "the"]
    if len(content) < 2:
        return None
    core = words
    for index, word in enumerate(words):
        if word in _COMPLEMENT:
            core = words[:index]
            break
    head = _base(core[-1])
    if head in ORG_HEADS:
        kind = "organisation"
        needs_the = head in _THE_REQUIRED
    elif head in MEDIA_HEADS:
        kind = "outlet"
        needs_the = head not in _NO_THE_MEDIA
    else:
        return None
    start, end = toks[0][1], toks[-1][2]
    if words[-1].endswith(_POSSESSIVE):
        end -= 2
    if needs_the and sentence[max(0, start - 4) : start].lower() != "the ":
        return None
    return OrgName(start, end, " ".join(sentence[start:end].split()), kind)


_DATA_NOUNS = (
    r"report|reports|study|studies|survey|surveys|analysis|analyses|research|data|figures"
    r"|statistics|estimates?|polls?|polling|review|assessment|audit|paper|forecasts?"
    r"|projections?|statements?|numbers|tally|count|findings|records"
    r"|modell?ing|calculations?|census|rankings?|index|warning|guidance"
)
_ORG_LEFT = re.compile(
    r"(?:\baccording\s+to|\bper|\bciting|\bquoting|\b(?:cited|quoted|confirmed|reported)\s+by"
    r"|\b(?:source|sources|data)\s*:"
    rf"|\b(?:{_DATA_NOUNS})(?:\s+(?:[\w-]+\s+){{0,2}}?(?:published|released|compiled|issued"
    r"|conducted|prepared|produced|gathered|collected|posted|carried\s+out|made\s+public)"
    r"(?:\s+[\w-]+){0,3}?)?\s+(?:by|from))\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_ORG_INVERTED = re.compile(
    r"[,\u201d\"]\s*(?:said|says|reported|reports|added|adds|noted|notes|warned|warns|wrote"
    r"|writes|estimated|estimates)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_CLAUSE_END = re.compile(r"\s*(?:[.,;:!?)\]]|$)")
_ORG_VERBS = (
    r"said|says|say|reported|reports|estimated|estimates|found|finds|warned|warns|noted|notes"
    r"|stated|states|confirmed|confirms|wrote|writes|projected|projects|forecast|forecasts"
    r"|predicted|predicts|showed|shows|calculated|calculates|counted|recorded|documented"
    r"|concluded|concludes|revealed|reveals|told|tells|cautioned|added|argued|argues|claimed"
    r"|claims|alleged|alleges|denied|denies|acknowledged|insisted|explained|observed"
)
_ORG_RIGHT = re.compile(
    r"(?:\s*\([^()]{1,12}\))?"  # "the World Health Organization (WHO) said"
    r"(?:\s*,\s*(?:which|that|a|an|the|whose|who|one\s+of)\b[^,]{1,80},)?"
    r"\s+(?:(?:on|late|early)\s+\w+\s+|\w+day\s+|also\s+|previously\s+|earlier\s+"
    r"(?:this\s+\w+\s+)?|last\s+\w+\s+|separately\s+|both\s+|jointly\s+|in\s+a\s+statement\s+)?"
    rf"(?:has\s+|had\s+|have\s+)?(?:{_ORG_VERBS})\b",
    re.IGNORECASE,
)
_REPORT_NOUNS = (
    r"(?:report|reports|study|survey|data|figures|statistics|estimates?|analysis|findings"
    r"|research|forecasts?|projections?|statement|tally|count|poll|review|assessment|census"
    r"|spokes(?:man|woman|person)|model|modell?ing|calculations?|index|records)\b"
)
_ORG_POSSESSIVE = re.compile(rf"['\u2019]s?\s+(?:[\w-]+\s+){{0,2}}?{_REPORT_NOUNS}")
# "a Harvard University study", not "a European Space Agency research fellow"
_ORG_ATTRIBUTIVE = re.compile(
    r"\s+(?:(?:new|latest|annual|monthly|quarterly|own)\s+)?(?:report|reports|study|survey"
    r"|analysis|estimates?|figures|statistics|forecasts?|projections?|statement|tally|count"
    r"|poll|assessment|spokes(?:man|woman|person))\b"
)
_CONTEXT = 200


def org_is_cited(sentence: str, start: int, end: int) -> bool:
    """Whether the organisation named at ``sentence[start:end]`` is cited there."""
    left = sentence[max(0, start - _CONTEXT) : start]
    right = sentence[end : end + _CONTEXT]
    last = _last_word(left)
    if (last in _LEFT_LAST or last.endswith(":")) and _ORG_LEFT.search(left):
        return True
    if last in _INVERTED_LAST and _ORG_INVERTED.search(left) and _CLAUSE_END.match(right):
        return True
    if _ORG_RIGHT.match(right) or _ORG_POSSESSIVE.match(right):
        return True
    return bool(last in _ARTICLES and _ORG_ATTRIBUTIVE.match(right))


def _last_word(left: str) -> str:
    """The word that ends ``left``, in lower case, when a space follows it: every
    left-hand pattern ends in a space after one of a few words."""
    if not left[-1:].isspace():
        return ""
    words = left[-60:].split()
    return words[-1].lower() if words else ""


_LEFT_LAST = _words("to per citing quoting by from the")
_INVERTED_LAST = _words(
    "said says reported reports added adds noted notes warned warns wrote writes estimated"
    " estimates the"
)
_ARTICLES = _words("a an the its their")
