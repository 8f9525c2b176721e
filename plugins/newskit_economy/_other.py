"""What speaks against economy as the main topic, and words that are not evidence at all.

``OTHER_TOPICS``
    Vocabulary of the other big news topics: sport, culture and entertainment, party
    politics and elections, crime and war, technology and gadgets, health and science.
    Each term found in a sentence counts against that sentence's economic evidence (see
    ``_classify``), so that a football club's takeover or a film's box-office profits
    need more economic evidence than a bank's results. Terms that also belong to
    economic news ("government", "minister", "president", "court", "deal", "win") are
    left out on purpose: economic policy is made by governments.

``NEUTRAL``
    Phrases that contain an economic or other-topic word but are neither ("West Bank",
    "food bank", "holiday season"). They are matched like terms, so that the longer
    phrase wins, and then ignored.

``ENGLISH_WORDS``
    Common English function words that are not also words of the other big languages
    written in Latin script ("is", "was", "also", "an", "on", "for" are left out), for
    telling English text from other text when ``Article.language`` is unset.
"""

from __future__ import annotations

__all__ = ["ENGLISH_WORDS", "NEUTRAL", "OTHER_TERMS", "OTHER_TOPICS"]


def _terms(text: str) -> tuple[str, ...]:
    return tuple(" ".join(t.split()) for t in text.split(";") if t.strip())


OTHER_TOPICS: dict[str, tuple[str, ...]] = {
    "sport": _terms("""
        match; matches; goal; goals; coach; championship*; tournament*; league; player;
        players; squad; striker; strikers; midfielder; olympic*; medal*; injury; injured;
        football; soccer; rugby; tennis; cricket; golf; athlet*; stadium; fans; scored;
        defeat; victory; season; cup
    """),
    "culture": _terms("""
        film; films; movie*; actor*; actress*; album*; singer*; song*; band; music;
        musician*; festival; oscar*; theatre; theater; novelist*; comedy; drama; concert*;
        artist*; episode*; television; tv
    """),
    "politics": _terms("""
        election*; voters; vote; votes; campaign trail; party; parties; MPs; parliament*;
        prime minister; opposition leader*; opposition part*; conservatives;
        conservative party; tory; tories; democrat*; republican*; polls; poll; impeach*;
        immigration; asylum
    """),
    "security": _terms("police; killed; troops; military; soldiers; murder*; terror*; war"),
    "technology": _terms("""
        software; users; computer*; website*; internet; online; digital; mobile; phone*;
        gadget*; device*; broadband; web; virus*; hacker*; search engine*; technology;
        gaming; games; game
    """),
    "health": _terms("""
        patients; hospital*; doctors; nurses; disease*; vaccine*; scientists; researchers
    """),
}

#: Every other-topic term.
OTHER_TERMS: tuple[str, ...] = tuple(t for terms in OTHER_TOPICS.values() for t in terms)

NEUTRAL: tuple[str, ...] = _terms("""
    West Bank; food bank*; river bank*; blood bank*; bank holiday*; World Trade Center;
    holiday season; festive season; shopping season
""")

ENGLISH_WORDS: frozenset[str] = frozenset(
    """
    the and of to that with it are by from this have has be which not were said their
    they she his its would been who had than into about after could when more what there
    """.split()
)
