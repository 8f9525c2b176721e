"""The ``cited-sources`` cleaner: attribution patterns, hard negatives and evidence."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

import newskit
from newskit_clean._cited import candidate_sentences, citations, clean_cited_sources
from newskit_clean._cited_orgs import organisation_names

HERE = Path(__file__).parent

AP, AFP = "Associated Press", "Agence France-Presse"

CITED = [
    # wires, each attribution pattern
    ("UN to End Peacekeeping Mission in Mali, Per Reuters", {"Reuters"}),
    ("The plan is in a draft resolution proposed by France that was seen by Reuters.", {"Reuters"}),
    ("The talks have stalled, according to two diplomats cited by Reuters.", {"Reuters"}),
    ("According to Reuters, the plant resumed production.", {"Reuters"}),
    ("Reuters reported on Monday that the refinery had shut.", {"Reuters"}),
    ("Reuters said it could not independently verify the footage.", {"Reuters"}),
    ("Reuters quoted a senior official as saying the deal was off.", {"Reuters"}),
    ("A Reuters report last week said exports had risen.", {"Reuters"}),
    ("Exports rose 4%, Reuters reported.", {"Reuters"}),
    ("LONDON, June 27 (Reuters) - Shares fell on Tuesday.", {"Reuters"}),
    ("Sources told Reuters the vote would be delayed.", {"Reuters"}),
    ("The minister told the AP on Tuesday that talks had stalled.", {AP}),
    ("He told The Associated Press he had no plans to resign.", {AP}),
    ("AP News reported that the fire was contained.", {AP}),
    ("DENVER (AP) \u2014 A man was arrested after a chase.", {AP}),
    ("PARIS (AFP) \u2014 French police detained three men on Monday.", {AFP}),
    ("A police source told Agence France-Presse the road had reopened.", {AFP}),
    ("Bloomberg reported that the merger talks had collapsed.", {"Bloomberg"}),
    (
        "Bloomberg News, citing people familiar with the matter, said the IPO was delayed.",
        {"Bloomberg"},
    ),
    ("State news agency Xinhua said the earthquake killed 12 people.", {"Xinhua"}),
    ("Russia's TASS news agency reported the launch.", {"TASS"}),
    ("According to Interfax, the plant resumed work.", {"Interfax"}),
    ("Kyodo News reported the earthquake.", {"Kyodo News"}),
    ("South Korea's Yonhap news agency said the missile flew 600 km.", {"Yonhap"}),
    ("German news agency dpa reported the fire.", {"dpa"}),
    ("Spanish news agency EFE reported the arrests.", {"EFE"}),
    ("Italian news agency ANSA said the ship had docked.", {"ANSA"}),
    ("UPI reported the launch was delayed.", {"United Press International"}),
    ("The PA news agency understands the bill will pass.", {"PA Media"}),
    ("The Anadolu Agency reported the strike.", {"Anadolu Agency"}),
    ("Police told Press Trust of India that two men were arrested.", {"Press Trust of India"}),
    ("Officials told ANI the road was closed.", {"Asian News International"}),
    (
        "The flood forced 3,000 people from their homes, according to the state-run Xinhua News Agency.",
        {"Xinhua"},
    ),
    # outlets
    ("He told the BBC that he would not resign.", {"BBC"}),
    ("She said in an interview with CNN that the vote was fair.", {"CNN"}),
    ("The New York Times reported that the memo existed.", {"The New York Times"}),
    ("The plan was first reported by The Washington Post.", {"The Washington Post"}),
    (
        "The Wall Street Journal, citing people familiar with the matter, said the deal was off.",
        {"The Wall Street Journal"},
    ),
    ("The FT reported that the bank would cut jobs.", {"Financial Times"}),
    ("He wrote in the Guardian that the law was unjust.", {"The Guardian"}),
    ("Al Jazeera reported heavy shelling overnight.", {"Al Jazeera"}),
    ("Politico first reported the draft.", {"Politico"}),
    ("Axios reported the meeting on Sunday.", {"Axios"}),
    (
        "The ship had, according to Maria Lopez of the Washington Post, left port a day early.",
        {"The Washington Post"},
    ),
    ("Such storms are rare in the region, reports Reuters.", {"Reuters"}),
    ("The story was first reported by Reuters and later confirmed by AFP.", {"Reuters", AFP}),
    # hard negatives (for the wires: the Reuters Institute is an organisation of its own)
    (
        "A study by the Reuters Institute for the Study of Journalism found trust fell.",
        {"Reuters Institute for the Study of Journalism"},
    ),
    ("The Reuters Institute Digital News Report is published every June.", set()),
    ("The cuts were made according to the draft.", set()),
    ("Ernst Reuter said Berlin would never give up.", set()),
    ("Ernst Reuter's speech was broadcast to the whole city.", set()),
    ("She scored a 5 on the AP Biology exam.", set()),
    ("Students take the AP exam in May.", set()),
    ("According to the AP exam results, scores rose.", set()),
    ("Thomson Reuters reported higher quarterly profit.", set()),
    ("Michael Bloomberg said he would fund the campaign.", set()),
    ("Bloomberg said he would not run for president.", set()),
    ("Reuters journalists were detained in Myanmar.", set()),
    ("The Guardian Council rejected the candidates.", set()),
    ("The Nikkei 225 closed higher on Friday.", set()),
    ("The AP Stylebook changed its rules on hyphens.", set()),
]


@pytest.mark.parametrize(("sentence", "expected"), CITED, ids=[c[0][:50] for c in CITED])
def test_citation_patterns(sentence: str, expected: set[str]) -> None:
    assert {m.outlet.name for m in citations(sentence)} == expected


def test_enough_cases() -> None:
    assert len([c for c in CITED if c[1]]) >= 30
    assert len([c for c in CITED if not c[1]]) >= 10


def test_seed_cites_reuters_in_title_and_body(seed_text: str) -> None:
    body = seed_text.split("\n\n\n", 1)[1]
    article = clean_cited_sources(
        newskit.Article(title="UN to End Peacekeeping Mission in Mali, Per Reuters", text=body)
    )
    (reuters,) = article.cited_sources
    assert (reuters.name, reuters.kind, reuters.domain) == ("Reuters", "wire", "reuters.com")
    assert reuters.evidence[0].start is None
    body_evidence = reuters.evidence[1]
    assert "was seen by Reuters" in body_evidence.text
    assert body_evidence.text.startswith("The United Nations is reportedly planning")
    assert len(reuters.evidence) == 2


def test_one_source_per_organisation_with_all_its_sentences() -> None:
    text = (
        "LONDON (Reuters) - Shares fell on Tuesday.\n\n"
        "The bank will cut 2,000 jobs, the FT reported. Traders told Reuters they were "
        "surprised, and Reuters said it had seen the memo.\n\n"
        "A Reuters tally showed 40 banks had cut jobs this year."
    )
    article = clean_cited_sources(newskit.Article(text=text))
    assert [s.name for s in article.cited_sources] == ["Reuters", "Financial Times"]
    reuters, ft = article.cited_sources
    assert ft.kind == "outlet" and ft.domain == "ft.com"
    assert len(reuters.evidence) == 3
    for evidence in (*reuters.evidence, *ft.evidence):
        assert evidence.start is not None and evidence.end is not None
        assert text[evidence.start : evidence.end] == evidence.text
    assert reuters.evidence[1].text.startswith("Traders told Reuters")
    assert reuters.evidence[1].terms == ("Reuters",)


def test_nothing_cited_leaves_existing_sources() -> None:
    kept = newskit.Source(name="City Hall", kind="organisation")
    article = newskit.Article(
        text="According to the draft, the plan is off.", cited_sources=(kept,)
    )
    assert clean_cited_sources(article).cited_sources == (kept,)


def test_running_twice_does_not_duplicate() -> None:
    article = newskit.Article(title="Talks fail, per Reuters", text="Reuters reported it.")
    once = clean_cited_sources(article)
    twice = clean_cited_sources(once)
    assert twice.cited_sources == once.cited_sources
    assert len(twice.cited_sources) == 1


def test_the_publisher_is_not_its_own_cited_source() -> None:
    publisher = newskit.Source(name="reuters.com", domain="reuters.com", kind="publisher")
    article = newskit.Article(
        text="LONDON (Reuters) - Shares fell. Bloomberg reported the same.", source=publisher
    )
    assert [s.name for s in clean_cited_sources(article).cited_sources] == ["Bloomberg"]


def test_headline_in_capitals() -> None:
    article = clean_cited_sources(newskit.Article(title="MALI MISSION TO END, PER REUTERS"))
    (reuters,) = article.cited_sources
    assert reuters.evidence[0].terms == ("REUTERS",)


# The hand-written attribution set (benchmarks/attribution.py reports its P/R/F1).
ATTRIBUTION = [
    json.loads(line)
    for line in (HERE.parents[1] / "fixtures" / "attribution" / "sentences.jsonl")
    .read_text(encoding="utf-8")
    .splitlines()
    if line.strip()
]


def _key(name: str) -> str:
    name = name.strip()
    return (name[4:] if name.lower().startswith("the ") else name).casefold()


def _case(i: int, case: dict) -> object:
    marks = []
    if case.get("known_error"):  # fixing one makes the test fail: drop the mark then
        marks.append(pytest.mark.xfail(reason=case["known_error"], strict=True))
    return pytest.param(case, id=f"{i:03d}-{case['text'][:45]}", marks=marks)


@pytest.mark.parametrize("case", [_case(i, c) for i, c in enumerate(ATTRIBUTION)])
def test_attribution_set(case: dict) -> None:
    article = clean_cited_sources(newskit.Article(id="s", text=case["text"]))
    found = {(_key(s.name), s.kind) for s in article.cited_sources}
    expected = {(_key(e["name"]), e["kind"]) for e in case["expected"]}
    assert found == expected, case["note"]
    for source in article.cited_sources:
        (evidence,) = source.evidence
        assert (evidence.start, evidence.end) == (0, len(case["text"]))


def test_attribution_set_size_and_composition() -> None:
    kinds = [e["kind"] for c in ATTRIBUTION for e in c["expected"]]
    assert len(ATTRIBUTION) >= 60
    assert sum(1 for c in ATTRIBUTION if not c["expected"]) >= 30
    assert {k: kinds.count(k) >= 25 for k in ("wire", "outlet", "organisation")} == {
        "wire": True,
        "outlet": True,
        "organisation": True,
    }
    assert all(c["note"] for c in ATTRIBUTION)
    assert sum(1 for c in ATTRIBUTION if c.get("known_error")) <= 0.02 * len(ATTRIBUTION)


ORGS = [
    (
        "Unemployment rose, the Office for National Statistics said.",
        ["Office for National Statistics"],
    ),
    (
        "The Food and Agriculture Organization said prices fell.",
        ["Food and Agriculture Organization"],
    ),
    (
        "Amnesty International and Human Rights Watch said the trial was unfair.",
        ["Amnesty International", "Human Rights Watch"],
    ),
    ("Russia's Defence Ministry said the attack failed.", ["Russia's Defence Ministry"]),
    ("Amnesty International's report was published on Monday.", ["Amnesty International"]),
    ("Police Chief John Smith said the road was closed.", []),
    ("The ministry said exports fell.", []),
    ("According to Margaret Court, the game has changed.", []),
    ("The Jakarta Post reported the eruption.", ["Jakarta Post"]),
    ("Jenny Post said the fire started in the kitchen.", []),
    ("World Bank Says Growth Will Slow Sharply In Asia", []),  # title case: a headline
    (
        "A letter to the head of the Department of Homeland Security and Jane Roe, the envoy, said so.",
        ["Department of Homeland Security"],
    ),
    (
        "The Department of Health and Human Services said so.",
        ["Department of Health and Human Services"],
    ),
]


NOT_CITED = [
    "The senator is under investigation by the Federal Bureau of Investigation.",
    "Said Jane Roe, a European Space Agency research fellow, the data were clear.",
    "A letter to the head of the Department of Homeland Security and Jane Roe, the envoy, said so.",
]


@pytest.mark.parametrize("sentence", NOT_CITED, ids=[s[:40] for s in NOT_CITED])
def test_organisations_named_but_not_cited(sentence: str) -> None:
    assert organisation_names(sentence)
    assert citations(sentence) == []


@pytest.mark.parametrize(("sentence", "names"), ORGS, ids=[o[0][:40] for o in ORGS])
def test_organisation_names_by_shape(sentence: str, names: list[str]) -> None:
    assert [n.text for n in organisation_names(sentence)] == names


def test_organisations_by_shape_have_no_domain_and_known_ones_do() -> None:
    text = (
        "Growth will slow, according to the International Monetary Fund. "
        "The Norwegian Refugee Council warned that aid would run out."
    )
    sources = clean_cited_sources(newskit.Article(text=text)).cited_sources
    assert [(s.name, s.kind, s.domain) for s in sources] == [
        ("International Monetary Fund", "organisation", "imf.org"),
        ("Norwegian Refugee Council", "organisation", None),
    ]


def test_menu_lines_cite_no_one_but_credits_do() -> None:
    text = "Fox News | CBS News | BBC News\n\nSource: Reuters\n\nDENVER (AP) \u2014 A man fled."
    sources = clean_cited_sources(newskit.Article(text=text)).cited_sources
    assert [s.name for s in sources] == ["Reuters", "Associated Press"]


def _reference(text: str) -> dict[str, list[tuple[int, int]]]:
    """What the cleaner must find: every sentence of the text, all patterns, in full."""
    found: dict[str, list[tuple[int, int]]] = {}
    for sentence in newskit.split_sentences(text):
        for name in dict.fromkeys(m.outlet.name for m in citations(sentence.text)):
            found.setdefault(name, []).append((sentence.start, sentence.end))
    return found


def _found(text: str) -> dict[str, list[tuple[int, int]]]:
    article = clean_cited_sources(newskit.Article(text=text))
    return {s.name: [(e.start, e.end) for e in s.evidence] for s in article.cited_sources}


_PIECES = (
    "Reuters reported the fire.",
    "He told the AP that the U.S. Army was ready.",
    "Data from the U.S. Census Bureau show growth.",
    "According to the World Bank and the IMF, debt rose.",
    "Mr. Smith said so.",
    "It rained in St. Louis on Jan. 5.",
    "The Ministry of Defence said two drones fell",
    "- Amnesty International said in a report",
    "1. A study by Oxford University found no link.",
    "Fox News",
    "Source: AFP",
    "\u201cNo,\u201d the Met Office said.",
    "Thomson Reuters shares fell.",
    "the New York Times reported (Bloomberg) that",
)
_GAPS = (" ", "  ", "\n", "\n\n", "\n \n", "\n\t\n\n ", " \u00a0", "\n\u00a0\n", "\n\n\n")


def _texts() -> list[str]:
    rng = random.Random(4)
    files = [HERE.parents[2] / "examples" / "atlas-mali.txt", *sorted(HERE.glob("fixtures/*.txt"))]
    texts = [f.read_bytes().decode("utf-8").replace("\r\n", "\n") for f in files]
    for _ in range(300):
        parts = rng.choices(_PIECES, k=rng.randint(1, 8))
        texts.append("".join(p + rng.choice(_GAPS) for p in parts).lstrip(rng.choice(["", " "])))
    return texts


@pytest.mark.parametrize("text", _texts())
def test_the_fast_scan_finds_what_every_sentence_holds(text: str) -> None:
    """Only the sentences holding a name are split from their paragraph and looked at;
    the result is that of looking at every sentence of the text, but for menu lines
    and headlines in the body (paragraphs without a word in lower case)."""
    expected, found = _reference(text), _found(text)
    sentences = {(s.start, s.end): s.text for s in newskit.split_sentences(text)}
    for name, spans in found.items():
        assert set(spans) <= set(expected.get(name, [])), name
    for name, spans in expected.items():
        for span in set(spans) - set(found.get(name, [])):
            assert not any(w[:1].islower() for w in sentences[span].split()), (name, span)
    for candidate in candidate_sentences(text):
        assert sentences[(candidate.sentence.start, candidate.sentence.end)]
