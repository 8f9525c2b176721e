"""Term lists for the populism dimensions, written for newskit.

Every entry is a phrase of words; a word ending in ``*`` matches any word that starts
with it (``betray*``: betrays, betrayed, betrayal). Matching ignores case, and a
possessive ``'s`` is dropped before matching ("the government's" is "the government").
The lists name kinds of words, not parties or people, so that they carry over to news
and to other countries; which sentences count is decided by the rules in ``_rules``.

The kinds follow Mudde's (2004) definition of populism and the three dimensions of the
NCCR coding scheme (Wirth et al. 2016): who the elite is, what counts as a negative
evaluation of it, who the people are, and the demand that the people decide. Each
list names where its terms come from: Rooduijn & Pauwels (2011), Bonikowski & Gidron
(2016) and Pauwels (2011) as collected in J. Gründl's popdictR (CC0), and ours (CC0
too). Terms of those dictionaries that mean the elite or the people are filed as such.
"""

from __future__ import annotations

__all__ = ["KINDS", "NEGATORS", "NOT_ELITE_BEFORE", "OWN", "PLEDGE_MODALS", "SPEAKERS"]


def _terms(text: str) -> tuple[str, ...]:
    """Terms separated by ``;`` (a phrase may run over a line end); ``#`` starts a
    comment that runs to the end of its line."""
    words = " ".join(line.split("#", 1)[0] for line in text.splitlines())
    return tuple(" ".join(term.split()) for term in words.split(";") if term.strip())


# The elite as groups of people: political, economic, media, bureaucratic.
ELITE = _terms(
    """
    # Rooduijn & Pauwels (2011)
    elite*; the establishment; politici*;
    # Bonikowski & Gidron (2016)
    elitis*; political class; ruling class; professional politician*; bureaucrat*;
    eurocrat*; technocrat*; big corporations; millionaire*; special interest*;
    privileged few; wealthy few; cronies; oligarch*;
    # ours
    establishment parties; establishment politicians; political establishment; political
    elite*; ruling elite*; politicos; career politician*; the old parties; the main
    parties; the big parties; the other parties; the major parties; westminster parties;
    party machine*; bureaucracy; mandarins; quango*; unelected judges; bankers; banks;
    the city; big business*; corporations; multinational*; fat cat*; the rich; the
    wealthy; the super-rich; the super rich; billionaire*; vested interest*; lobbyist*;
    the media; media; the press; press barons; the powerful; the privileged; the few;
    those in power; those at the top; the people at the top; insiders;
    """
)

# The elite as institutions of government. Unlike a group, an institution can be the
# speaker's own or a hypothetical one ("a new government will"); see OWN.
INSTITUTION = _terms(
    """
    government; governments; the government; this government; ministers; the minister;
    the prime minister; cabinet; parliament; mps; the commons; house of commons; the
    lords; house of lords; whitehall; westminster; brussels; eu; the eu; european union;
    european commission; the commission;
    """
)

# A negative evaluation of what someone is or does: moral failings, incompetence,
# disregard for the people, and the harm done.
NEGATIVE = _terms(
    """
    # Rooduijn & Pauwels (2011)
    corrupt*; betray*; deceit*; deceiv*; dishonest*; scandal*; shame*; propagand*;
    undemocratic*;
    # Bonikowski & Gidron (2016)
    arrogan*; out of touch; greed*; loophole*; unelected; anti-democratic; power grab;
    power hungry; crooked; venal; unresponsive; uncaring; elitist; exploitation;
    pillag*; subjugat*; foist*; taken hostage; authoritarian*; autocratic; capitulat*;
    # Pauwels (2011)
    absurd*;
    # ours
    out-of-touch; power-grab; power-hungry; disgrace*; rigged; stitch-up; stitch up;
    stitched up; lie to; lie about; lies; lied; lying; liar*; broken promise*; broke
    their promise*; broken pledge*; empty promise*; false promise*; u-turn*; failed;
    fail; fails; failing; failure*; ignore*; ignoring; cheat*; conned; con trick;
    sleaze; sleazy; self-serving; self-interest*; own interests; own ends; for
    themselves; look after themselves; looking after themselves; line their own pockets;
    lining their own pockets; feather their own nests; political advantage; cronyism;
    incompeten*; hypocri*; let down; let us down; let them down; sold out; sell out;
    sell-out; abandon*; for granted; contempt*; impose*; imposing; dictat*;
    unaccountable; waste*; squander*; shambles; kidding; mislead*; misled; patronis*;
    condescend*; smug; cosy; aloof; lost touch; losing touch; remote from; distant from;
    don't listen; do not listen; refuse to listen; not listening; interfer*; meddl*; rip
    off; rip-off; ripping off; exploit*; bail out; bailed out; bail-out; bailout*;
    useless; spin; cover-up; cover up; secretly; secrecy; behind closed doors; duped;
    hoodwink*; swindl*; robb*; rob; steal*; stole; stolen; plunder*; immoral; cruel;
    callous; heartless; counterproductive; dirty; false; falsely; shameless*;
    shamefully; misguided; botch*; dither*; mismanage*; surrender*; abus*; outrage*;
    disastrous; disaster; fiasco; reckless*; irresponsib*; negligen*; neglect*;
    careless; unfair*; unjust*; injustice*; deplorable; appalling; disgusting;
    despicable; pathetic; ridiculous; nonsense; cynical*; cynicism; dishonour*; broken;
    wreck*; ruin*; destroy*; damag*; harm*; hurt*; punish*; penalis*; attack*; threat*;
    bully*; bullied; intimidat*; complacen*; indifferen*; disregard*; deaf; ignorant;
    clueless; chaos; chaotic; mess; bungl*; blunder*; fraud*; bribe*; bribery;
    kickback*; extravagan*; lavish; perks; profiteer*; gravy train; snout* in the
    trough; sneer*; mock*; scorn*; dismiss*; refus*; obstruct*; blocked; blocking;
    stall*; scaremonger*; smear*; distort*; manipulat*; gerrymander*; hijack*; usurp*;
    dictator*; tyrann*; worse off; undermin*; gloat*; hopeless*; flawed; feeble; vanity;
    insult*; disrepute; discredit*; mistake*; cash cow;
    """
)

# The people: the ordinary many, as a whole or as its hard-working members.
PEOPLE = _terms(
    """
    # Bonikowski & Gidron (2016)
    ordinary people; ordinary taxpayer*; your money;
    # ours
    the people; our people; ordinary families; ordinary working; ordinary citizens;
    ordinary voters; ordinary men and women; ordinary britons; ordinary folk; everyday
    people; real people; decent people; working people; working families; hard-working;
    hardworking; hard working; hard-pressed; the public; british people; british public;
    scottish people; welsh people; english people; irish people; people of britain;
    people of scotland; people of wales; people of england; people of this country; the
    taxpayer; taxpayers; voters; the electorate; citizens; the many; the majority;
    silent majority; the nation; the country; local people; communities; the community;
    grassroots; grass roots;
    """
)

# Popular sovereignty: the people, not their representatives, decide.
SOVEREIGNTY = _terms(
    """
    # Rooduijn & Pauwels (2011)
    referend*;
    # Bonikowski & Gidron (2016)
    direct democracy;
    # ours
    take back control; takes back control; taking back control; took back control; taken
    back control; take control; back in control; give power
    back; giving power back; hand power back; handing power back; power back to; return
    power; power to the people; people power; let the people; people decide; people to
    decide; people must decide; people should decide; have their say; have a say; have
    your say; a say in; will of the people; people's veto; right of recall; power of
    recall; recall mps; self-government; sovereign*; independence;
    """
)

# An appeal to the people's common sense against experts and elites.
APPEAL = _terms(
    """
    common sense; common-sense; commonsense;
    """
)

KINDS: dict[str, tuple[str, ...]] = {
    "elite": ELITE,
    "institution": INSTITUTION,
    "negative": NEGATIVE,
    "people": PEOPLE,
    "sovereignty": SOVEREIGNTY,
    "appeal": APPEAL,
}

# A word that negates an evaluation a few words after it ("not corrupt").
NEGATORS = frozenset(
    """
    not no never nobody nothing neither nor none cannot can't don't doesn't didn't won't
    wouldn't isn't aren't wasn't weren't hasn't haven't hadn't shouldn't couldn't without
    hardly
    """.split()
)

# Words right before an institution that make it the speaker's own, a hypothetical or a
# lower tier, not the ruling elite: "a new government", "our government", "in
# government", "local government". A capitalised name there ("the Labour government")
# also makes it one side's government: a partisan target, not the elite.
OWN = frozenset(
    """
    a an our new next future any every local devolved regional county in
    """.split()
)

# The speaker promising: "we will", "I would". An elite named in a pledge ("we will cut
# the waste in Whitehall") is the object of a policy, not of an accusation.
SPEAKERS = frozenset("we i we'll i'll we'd i'd".split())
PLEDGE_MODALS = frozenset("will would shall must".split())

# An elite word followed by one of these is another sense of it ("the establishment of a
# commission", "elite athletes").
NOT_ELITE_BEFORE: dict[str, frozenset[str]] = {
    "elite*": frozenset("sport sports athletes athlete forces troops units squad".split()),
    "the establishment": frozenset("of".split()),
    "the city": frozenset("of council".split()),
    "media": frozenset("studies".split()),
}
