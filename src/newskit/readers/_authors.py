"""Who wrote a page: personal names out of bylines, metadata and JSON-LD.

Bylines mix names with everything around them ("By TOM KRISHER, AP Auto Writer",
"Jane Doe and John Smith | Reuters | Updated 3:04 PM"). :func:`clean_authors` splits
them into parts and keeps only the parts that look like a person's name.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import lxml.etree
import lxml.html

__all__ = ["byline_authors", "clean_authors"]

_LEAD = re.compile(
    r"^\s*(?:(?:written|words|text|story|reporting|reported|analysis|opinion|commentary|"
    r"review|posted|published|compiled|edited|interview)\s+)?by\s*:?\s+",
    re.IGNORECASE,
)
# Other languages' "by": stripped only when a full name follows ("Von Miller" stays).
_FOREIGN_LEAD = re.compile(r"^\s*(?:von|par|por|door|av|di|de|da)\s+", re.IGNORECASE)
_NOISE = re.compile(
    r"[\w.+-]+@[\w-]+\.[\w.-]+"  # e-mail addresses
    r"|https?://\S+|www\.\S+"  # links
    r"|(?<!\w)@\w+",  # social handles
)
# Between names: "A and B", "A & B", "A, B", "A | B", "A; B", "A / B", "A - Site", and
# in other languages "A und B", "A et B", "A e B", "A y B".
_SPLIT = re.compile(
    r"\s+(?:and|AND|und|et|e|y|&)\s+|\s*[,;|/•·]\s*|\s+[-\u2013\u2014]\s+|(?<=[^\W\d_]{2})\.\s+"
)
_PARTICLES = frozenset(
    "da das de del della den der di do dos du el ibn bin la le st ten ter van von y al".split()
)
# A part holding any of these words names a role or an organisation, not a person.
_NOT_NAME_WORDS = frozenset(
    """staff writer writers reporter reporters correspondent correspondents editor editors
    editorial columnist contributor contributors contributing desk team newsroom bureau
    admin administrator guest sponsored news press agency agencies associated wire wires
    service services media group inc ltd llc limited company corp network online digital
    magazine newspaper daily times journal herald tribune gazette telegraph chronicle
    international business sports politics report reports tv radio channel the photo
    photos photographer images video updated published posted monday tuesday wednesday
    thursday friday saturday sunday""".split()
)
_AGENCIES = frozenset(
    "ap afp reuters dpa efe ansa xinhua upi pa pti ians ani tass itar-tass bloomberg".split()
)
_ROMAN = re.compile(r"^(?:I{1,3}|IV|V|VI{0,3})$")
_WORD = re.compile(r"[^\W\d_]+")
_NAME_TOKEN = re.compile(r"^[^\W\d_][^\W\d_'\u2019.-]*(?:['\u2019.-][^\W\d_]*)*$")


def clean_authors(
    values: Iterable[str], *, site: str | None = None, domain: str | None = None
) -> tuple[str, ...]:
    """Personal names in raw author strings, in order, without duplicates.

    Drops "By" and role prefixes, e-mail addresses, links, handles, dates, job titles,
    news agencies, "Staff", and the site's own name (``site``, or the first label of
    ``domain``); splits "A and B" and "A, B and C"; title-cases names written in capitals.
    """
    own = {_key(site), _key((domain or "").split(".")[0])} - {""}
    names: dict[str, str] = {}
    for value in values:
        for name in _names(value, own):
            names.setdefault(name.casefold(), name)
    return tuple(names.values())


def _names(value: str, own: set[str]) -> Iterable[str]:
    text = " ".join(_NOISE.sub(" ", value).split())
    for part in _SPLIT.split(text):
        part = _LEAD.sub("", part.strip(" .:-\u2013\u2014()[]\"'"))
        stripped = _FOREIGN_LEAD.sub("", part)
        if len(stripped.split()) >= 2:
            part = stripped
        name = _as_name(part, own)
        if name:
            yield name


def _as_name(part: str, own: set[str]) -> str | None:
    tokens = part.split()
    if not 2 <= len(tokens) <= 5 or len(part) > 60 or _key(part) in own:
        return None
    if part.upper() == part:  # "TOM KRISHER" -> "Tom Krisher"
        tokens = [_capitalize(t) for t in tokens]
    for token in tokens:
        words = [w.lower() for w in _WORD.findall(token)]
        if not _NAME_TOKEN.match(token) or any(w in _NOT_NAME_WORDS for w in words):
            return None
        if any(w in _AGENCIES or w in own for w in words):
            return None
        initial = token[0]
        if initial.islower() and token not in _PARTICLES:
            return None
        # An acronym among ordinary words ("CNN Business", "NJ Advance") is an organisation.
        if len(token) > 1 and token.isupper() and "." not in token and not _ROMAN.match(token):
            return None
    if tokens[0] in _PARTICLES:  # "de Gaulle" alone is a surname, "Al Root" a name
        return None
    return " ".join(tokens)


def _capitalize(token: str) -> str:
    if _ROMAN.match(token):
        return token
    token = _WORD.sub(lambda m: m[0].capitalize(), token)
    return re.sub(r"^Mc([a-z])", lambda m: "Mc" + m[1].upper(), token)  # MCALLISTER


def _key(text: str | None) -> str:
    return re.sub(r"\W+", "", text or "").lower()


# -- bylines in the page ----------------------------------------------------------------

# One pass over the page finds every candidate; each is then ranked by what marks it.
_BYLINE_CANDIDATES = lxml.etree.XPath(
    "//*[@rel='author' or @itemprop='author' or contains(@class, 'yline') "
    "or contains(@class, 'YLINE') or contains(@class, 'uthor') or contains(@class, 'UTHOR')]"
)
_NAMED = lxml.etree.XPath(".//*[@itemprop='name']")
_OUTSIDE = ("aside", "footer", "nav", "script", "style", "noscript", "template")
# Bylines of comments and of other articles, in the containers that hold them.
_ELSEWHERE = re.compile(r"comment|related|sidebar|widget|recommend|promo|newsletter|footer", re.I)
_MAX_BYLINE_CHARS = 200
_BREAKS = frozenset("br div p li ul ol dd dt h1 h2 h3 h4 h5 h6 time".split())


def byline_authors(
    tree: lxml.html.HtmlElement, *, site: str | None = None, domain: str | None = None
) -> tuple[str, ...]:
    """Names from the page's own byline: ``rel=author`` or ``itemprop=author`` elements,
    else elements whose class names a byline, else an author.

    Only the first byline is read (with the elements beside it that match the same
    way), so that lists of other articles' authors further down the page stay out.
    """
    candidates = _BYLINE_CANDIDATES(tree)
    usable: dict[lxml.html.HtmlElement, bool] = {}

    def ok(el: lxml.html.HtmlElement) -> bool:
        if el not in usable:
            usable[el] = _usable(el)
        return usable[el]

    for rank in (0, 1, 2):
        hits = [el for el in candidates if _rank(el) == rank]
        for i, first in enumerate(hits):
            if not ok(first):
                continue
            group = [first] + [
                el for el in hits[i + 1 :] if el.getparent() is first.getparent() and ok(el)
            ]
            names = clean_authors((_byline_text(el) for el in group), site=site, domain=domain)
            if names:
                return names
    return ()


def _rank(el: lxml.html.HtmlElement) -> int | None:
    """0 for rel/itemprop=author, 1 for a class naming a byline, 2 for one naming an
    author; None for a false candidate ("Authority" in a class is no author)."""
    if el.get("rel") == "author" or el.get("itemprop") == "author":
        return 0
    names = (el.get("class") or "").lower()
    return 1 if "byline" in names else 2 if "author" in names else None


def _usable(el: lxml.html.HtmlElement) -> bool:
    if el.tag in ("meta", "link"):
        return False
    for node in (el, *el.iterancestors()):
        if node.tag in ("body", "html"):  # their classes describe the whole page
            break
        if node.tag in _OUTSIDE or _ELSEWHERE.search(
            f"{node.get('class', '')} {node.get('id', '')}"
        ):
            return False
    return True


def _byline_text(el: lxml.html.HtmlElement) -> str:
    named = _NAMED(el)
    if named and named[0].get("content"):
        return str(named[0].get("content"))
    text = " ".join(_text_with_breaks(named[0] if named else el).split())
    return "" if len(text) > _MAX_BYLINE_CHARS else text


def _text_with_breaks(el: lxml.html.HtmlElement) -> str:
    """The element's text, with " | " where a line or a block breaks it, so that
    ``by Jeff Foust<br>Monday`` does not become one name."""
    parts: list[str] = []
    for event, node in lxml.etree.iterwalk(el, events=("start", "end")):
        if not isinstance(node.tag, str):
            continue
        if node.tag in _BREAKS:
            parts.append(" | ")
        if event == "start" and node.text:
            parts.append(node.text)
        if event == "end" and node.tail and node is not el:
            parts.append(node.tail)
    return "".join(parts)
