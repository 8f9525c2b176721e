"""The ``furniture`` cleaner on the seed, a clean article and a furniture-heavy dump."""

from __future__ import annotations

import pytest

import newskit
from newskit_clean._furniture import clean_furniture
from newskit_clean._lines import split_lines
from newskit_clean._title import find_title
from newskit_clean._whitespace import clean_whitespace

SEED_TITLE = "UN to End Peacekeeping Mission in Mali, Per Reuters"


def _clean(text: str, title: str | None = None) -> newskit.Article:
    return clean_furniture(clean_whitespace(newskit.Article(id="t", title=title, text=text)))


def _reasons(article: newskit.Article) -> dict[str, str]:
    return {r.text: r.reason for r in article.removed}


def test_seed(seed_text: str) -> None:
    article = _clean(seed_text)
    assert article.title == SEED_TITLE
    paragraphs = article.text.split("\n\n")
    assert len(paragraphs) == 4
    assert paragraphs[0].startswith("The United Nations is reportedly planning")
    assert paragraphs[-1].endswith("human rights violations to grow.")
    assert "did say say" in article.text
    reasons = _reasons(article)
    assert reasons["- Sponsor -spot_img"] == "sponsor slot"
    assert reasons["Argentine Senate Passes Bases Law"] == "teaser after 'More In This Category'"
    assert [r.reason for r in article.removed[:2]] == [
        "headline (kept as the title)",
        "repeats the title",
    ]


def test_seed_is_stable_when_cleaned_again(seed_text: str) -> None:
    once = _clean(seed_text)
    twice = clean_furniture(once)
    assert (twice.text, twice.title, twice.removed) == (once.text, once.title, once.removed)


@pytest.mark.parametrize("title", ["Night buses to reach outlying districts", None])
def test_clean_article_passes_unchanged(clean_text: str, title: str | None) -> None:
    article = newskit.Article(id="html", title=title, text=clean_text)
    cleaned = clean_furniture(article)
    assert cleaned.text == clean_text
    assert cleaned.title == title
    assert cleaned.removed == ()


def test_clean_article_loses_only_a_printed_title(clean_text: str) -> None:
    title = "Night buses to reach outlying districts"
    cleaned = clean_furniture(newskit.Article(title=title, text=f"{title}\n\n{clean_text}"))
    assert cleaned.text == clean_text
    assert [(r.text, r.reason) for r in cleaned.removed] == [(title, "repeats the title")]


def test_dump_with_navigation_share_related_and_cookie_furniture(furniture_dump: str) -> None:
    article = _clean(furniture_dump)
    assert article.title == "Harbour Bridge to Close for Repairs Next Spring"
    paragraphs = article.text.split("\n\n")
    assert len(paragraphs) == 4
    assert paragraphs[0].startswith("The Harbour Bridge will close to cars")
    assert paragraphs[-1] == (
        "Diversions will send traffic through the tunnel, where the toll will be waived "
        "during the closure."
    )
    reasons = _reasons(article)
    assert reasons == {
        "Harbour Bridge to Close for Repairs Next Spring | The Daily Tide": (
            "page title with the site name (headline kept as the title)"
        ),
        "Skip to content": "navigation link",
        "Log In": "subscription or account link",
        "Subscribe": "subscription or account link",
        "Home": "page header or navigation before the article",
        "News": "page header or navigation before the article",
        "Sport": "page header or navigation before the article",
        "Business": "page header or navigation before the article",
        "Weather": "page header or navigation before the article",
        "Harbour Bridge to Close for Repairs Next Spring": "headline (kept as the title)",
        "By Jonas Berg": "byline",
        "March 3, 2024": "date line",
        "Share this article": "share buttons",
        "Facebook": "share buttons",
        "Twitter": "share buttons",
        "Email": "share buttons",
        "Advertisement": "advertisement slot",
        "Related Articles": "teaser-list heading",
        "Tunnel toll to rise in June": "teaser after 'Related Articles'",
        "Ferry timetable changes announced...": "teaser after 'Related Articles'",
        "Council approves new cycle lanes": "teaser after 'Related Articles'",
        (
            "We use cookies to improve your experience on our site. By continuing to browse, "
            "you agree to our use of cookies."
        ): "cookie notice",
        "Accept cookies": "cookie notice",
        "\u00a9 2024 The Daily Tide. All rights reserved.": "copyright line",
    }
    assert all(r.step == "clean:furniture" for r in article.removed)


def test_given_title_is_kept_and_only_cued_lines_go(furniture_dump: str) -> None:
    # A title means a reader already extracted the article: lines go for what they say
    # (copies of the title, share buttons, a byline), never for their position alone.
    title = "Harbour Bridge to Close for Repairs Next Spring"
    article = _clean(furniture_dump, title=title)
    assert article.title == title
    reasons = _reasons(article)
    assert reasons[title] == "repeats the title"
    assert reasons[f"{title} | The Daily Tide"] == "repeats the title with a site or section name"
    assert reasons["By Jonas Berg"] == "byline"
    assert reasons["Facebook"] == "share buttons"
    assert reasons["Council approves new cycle lanes"] == "teaser after 'Related Articles'"
    assert article.text.startswith("Home\nNews\nSport\nBusiness\nWeather\nThe Harbour Bridge")
    assert article.text.endswith("where the toll will be waived during the closure.")


def test_a_table_in_an_extracted_article_stays() -> None:
    intro = "The table shows how each district voted in the referendum on Sunday, by turnout."
    cells = ["District", "Yes", "No", "Turnout", "North", "54%", "46%", "71%"] * 4
    outro = "Turnout was highest in the north, where the campaign had focused its rallies."
    text = "\n\n".join([intro, *cells, outro, "Share this article"])
    article = clean_furniture(newskit.Article(title="Referendum results", text=text))
    assert article.text == "\n\n".join([intro, *cells, outro])
    assert _reasons(article) == {"Share this article": "share buttons"}


def test_removals_are_appended_to_earlier_ones(seed_text: str) -> None:
    earlier = newskit.Removal(text="<script>", reason="script", step="reader")
    article = clean_whitespace(newskit.Article(text=seed_text, removed=(earlier,)))
    cleaned = clean_furniture(article)
    assert cleaned.removed[0] == earlier
    assert len(cleaned.removed) > 1


def test_bio_inside_the_article_is_kept() -> None:
    text = (
        "Jane Roe, a reporter for the Daily Planet for 20+ years, covering City Hall, said the "
        "mayor had never once answered her questions in public.\n\n"
        + "The council met on Thursday and approved the budget after a long debate. " * 3
        + "\n\nThe vote was 7 to 2, with two members absent and one abstaining on the final item."
    )
    article = clean_furniture(newskit.Article(title="Budget passes", text=text))
    assert article.text == text


def test_author_bio_after_the_article_is_removed() -> None:
    body = "The council met on Thursday and approved the budget after a long debate. " * 4
    bio = (
        "John Doe is a staff writer at the Gazette covering local politics. "
        "Follow him on Twitter @jdoe."
    )
    article = clean_furniture(
        newskit.Article(title="Budget passes", text=f"{body.strip()}\n\n{bio}\n\nShare")
    )
    assert article.text == body.strip()
    assert _reasons(article) == {bio: "author bio", "Share": "share buttons"}


def test_reader_comments_end_the_article() -> None:
    body = [
        "The museum reopened on Saturday after a two-year renovation of its east wing.",
        "Visitors queued from early morning, and the first tickets sold out within an hour.",
    ]
    comments = [
        "12 Comments",
        "greg_77 says:",
        "What a waste of public money. The old wing was perfectly fine and nobody asked.",
        "anna says:",
        "Went there today and it is lovely, the new lighting makes all the difference.",
    ]
    text = "\n\n".join(["Museum reopens its east wing", *body, *comments])
    article = _clean(text)
    assert article.title == "Museum reopens its east wing"
    assert article.text == "\n\n".join(body)
    reasons = _reasons(article)
    assert reasons["12 Comments"] == "reader-comments heading"
    assert reasons[comments[2]] == "reader comments after '12 Comments'"


def test_repeated_metadata_copy_of_the_body_is_not_article() -> None:
    body = (
        "Snow closed the mountain pass for the third time this winter, stranding dozens of "
        "trucks overnight."
    )
    summary = "Trucks stranded as snow closes the mountain pass again, officials said today"
    text = "\n\n".join(
        ["Snow closes pass", "Weather", "News", body, "Tags", summary, "og:image", summary]
    )
    article = _clean(text)
    assert article.text == body


def test_a_teaser_list_inside_the_article_stops_at_prose() -> None:
    paragraph = "The strike will continue until the union and the employers reach a deal. "
    text = "\n\n".join(
        [
            paragraph * 3,
            "Related",
            "Union leaders meet ministers",
            paragraph * 2,
        ]
    ).replace(" \n", "\n")
    article = clean_furniture(newskit.Article(title="Strike goes on", text=text.strip()))
    reasons = _reasons(article)
    assert reasons == {
        "Related": "teaser-list heading",
        "Union leaders meet ministers": "teaser after 'Related'",
    }
    assert article.text.count("The strike will continue") == 5


@pytest.mark.parametrize(
    ("first", "expected"),
    [
        ("Quake hits coast - The Daily Tide", "Quake hits coast"),
        ("The Daily Tide | Quake hits the northern coast", "Quake hits the northern coast"),
        ("Opinion | Quake hits coast - The Daily Tide", "Quake hits coast"),
        ("Quake hits the northern coast", "Quake hits the northern coast"),
    ],
)
def test_title_from_the_first_line(first: str, expected: str) -> None:
    body = "A strong earthquake struck the northern coast early on Monday, officials said."
    lines = split_lines(f"{first}\n{body}")
    found = find_title(lines, body_start=1)
    assert found is not None
    assert found.title == expected


def test_no_title_is_guessed_from_prose_or_a_lone_line() -> None:
    prose = "A strong earthquake struck the coast. Officials said no one was hurt."
    assert find_title(split_lines(f"{prose}\n\n{prose}"), body_start=0) is None
    assert find_title(split_lines("Quake hits coast"), body_start=0) is None
    assert clean_furniture(newskit.Article(text="Quake hits coast")).text == "Quake hits coast"


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("- Sponsor -spot_img", "sponsor slot"),
        ("ADVERTISEMENT", "advertisement slot"),
        ("Share this story", "share buttons"),
        ("Share on WhatsApp", "share buttons"),
        ("Read more: Floods hit the north", "read-more link"),
        ("Sign up for our daily newsletter", "newsletter sign-up"),
        ("Log in", "subscription or account link"),
        ("Skip to main content", "navigation link"),
        ("Week's Top Stories", "teaser-list heading"),
        ("More In This Category", "teaser-list heading"),
        ("You may also like", "teaser-list heading"),
        ("Most Read", "teaser-list heading"),
        ("Leave a Reply", "reader-comments heading"),
        ("Copyright 2024 Example Media", "copyright line"),
        ("This website uses cookies to give you the best experience.", "cookie notice"),
        ("By Jane Roe and John Doe", "byline"),
        ("Tuesday, November 19, 2019 10:43 AM", "date line"),
        ("Photo: Jane Roe/Getty Images", "image caption or credit"),
    ],
)
def test_furniture_phrases(line: str, reason: str) -> None:
    (parsed,) = split_lines(line)
    assert parsed.cue is not None
    assert parsed.cue.reason == reason


@pytest.mark.parametrize(
    "line",
    [
        "Share prices fell sharply on Monday after the report.",
        "Readers who subscribe to the paper will get the app for free, the company said.",
        "More than 100 people were killed in the clashes.",
        "Related charges against two other men were dropped in March last year.",
        "The cookie jar was found empty on Tuesday morning.",
        "By the time the police arrived, the crowd had left the square.",
        "May was the wettest month on record.",
    ],
)
def test_sentences_that_merely_mention_furniture_words_are_not_cues(line: str) -> None:
    (parsed,) = split_lines(line)
    assert parsed.cue is None


def test_kept_lines_keep_their_blocks() -> None:
    text = (
        "Harbour Festival Returns\n\n"
        "The festival opens on Friday with a parade along the quay.\n"
        "Ferries will run every ten minutes until midnight.\n"
        "Share\n\n"
        "Tickets for the evening concerts go on sale on Monday morning."
    )
    article = _clean(text)
    assert article.title == "Harbour Festival Returns"
    assert article.text == (
        "The festival opens on Friday with a parade along the quay.\n"
        "Ferries will run every ten minutes until midnight.\n\n"
        "Tickets for the evening concerts go on sale on Monday morning."
    )


def test_a_short_article_after_its_printed_headline_beats_a_long_footer() -> None:
    body = (
        "A painting was taken from the harbour museum overnight, police said on Tuesday. "
        "A 41-year-old man was questioned and released without charge."
    )
    footer = (
        "Our reader service desk can be reached with any questions or requests about "
        "subscriptions, deliveries, digital access, billing, events and conferences, and it "
        "is open from Monday to Friday between eight in the morning and six in the evening, "
        "and on Saturdays until noon, except on public holidays and the days before them."
    )
    menu = ["World", "Politics", "Business", "Opinion", "Culture", "Sport", "Travel"]
    text = "\n".join(
        [
            "Painting stolen from harbour museum - Breaking News - The Daily Tide",
            *menu,
            "Painting stolen from harbour museum",
            "By Staff Reporter",
            "March 5, 2024 10:43",
            body,
            *menu * 3,
            footer,
            *menu,
        ]
    )
    article = _clean(text)
    assert article.title == "Painting stolen from harbour museum"
    assert article.text == body
