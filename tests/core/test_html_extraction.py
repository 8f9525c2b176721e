"""The article body of an HTML page: pruning, readability, the blocks kept, the fallback."""

from __future__ import annotations

import lxml.html

from newskit.readers import article_from_html
from newskit.readers._blocks import Block, blocks, keep
from newskit.readers._extract import article_blocks, prune

PROSE = [
    "The city council voted on Tuesday to close the old harbour bridge to lorries, "
    "after engineers found cracks in two of its steel girders during a routine check.",
    "Traffic will be diverted through the eastern ring road for at least six months, "
    "the council said, while the girders are replaced and the deck is strengthened.",
    "Shop owners on the harbour front said they feared losing custom, but the mayor "
    "promised a fund to help businesses that can show a fall in trade this winter.",
]


def page(body: str, head: str = "<title>Bridge closed</title>") -> str:
    return f"<html><head>{head}</head><body>{body}</body></html>"


def article(inner: str = "") -> str:
    paragraphs = "".join(f"<p>{p}</p>" for p in PROSE)
    return f"<article><h1>Bridge closed</h1>{paragraphs}{inner}</article>"


def texts(html: str) -> list[str]:
    found, problem = article_blocks(lxml.html.document_fromstring(html), ["Bridge closed"])
    assert problem is None, problem
    return [b.text for b in found]


def test_the_article_paragraphs_come_out_in_order_without_page_furniture():
    html = page(
        '<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>'
        '<div class="share-bar"><a href="#">Share on Facebook</a></div>'
        + article()
        + "<footer><p>Copyright 2024 The Daily Ledger. All rights reserved.</p></footer>"
        "<script>var tracking = 'Read more about tracking';</script>"
    )
    assert texts(html) == PROSE


def test_hidden_elements_and_comments_never_reach_the_text():
    html = page(
        article(
            '<p hidden>Secret hidden paragraph.</p><p style="display: none">Invisible text.</p>'
            '<p aria-hidden="true">Screen readers skip this.</p><!-- an HTML comment -->'
        )
    )
    joined = " ".join(texts(html))
    for hidden in ("Secret", "Invisible", "Screen readers", "comment"):
        assert hidden not in joined


def test_prune_keeps_a_furniture_named_region_that_holds_the_prose():
    # Some sites wrap the whole story in a <form> (ASP.NET) or a "sidebar-layout" div.
    paragraphs = "".join(f"<p>{p}</p>" for p in PROSE)
    root = lxml.html.document_fromstring(
        page(f'<form id="aspnetForm"><div class="sidebar-layout">{paragraphs}</div></form>')
    )
    prune(root)
    assert [p.text_content() for p in root.iter("p")] == PROSE


def test_prune_drops_small_regions_and_furniture_named_blocks():
    root = lxml.html.document_fromstring(
        page(
            '<header><a href="/">The Daily Ledger</a></header><aside>Most read today</aside>'
            '<div id="newsletter-signup">Get our newsletter</div>'
            '<form action="/search"><input name="q"></form>' + article()
        )
    )
    prune(root)
    text = root.text_content()
    for furniture in ("Daily Ledger", "Most read", "newsletter", "search"):
        assert furniture not in text
    assert all(p in text for p in PROSE)


def test_quoted_social_posts_keep_their_text():
    tweet = (
        '<div class="social-media-embed"><blockquote class="twitter-tweet"><p>The bridge '
        "is closed, find another way home tonight</p>&mdash; City Council (@council)"
        "</blockquote></div>"
    )
    joined = " ".join(texts(page(article(tweet))))
    assert "The bridge is closed, find another way home tonight" in joined


def test_link_lists_inside_the_article_container_are_dropped_but_bare_addresses_stay():
    related = "".join(
        f'<p><a href="/story/{i}">Another story headline number {i}</a></p>' for i in range(3)
    )
    address = '<p><a href="https://council.example/bridge">https://council.example/bridge</a></p>'
    found = texts(page(article(address + related)))
    assert found[:3] == PROSE
    assert "https://council.example/bridge" in found
    assert not any("Another story" in t for t in found)


def test_blocks_measure_link_density_and_split_at_block_elements():
    root = lxml.html.fragment_fromstring(
        "<div><p>Plain words here <a href='#'>and a link</a></p><ul><li>one</li><li>two"
        "</li></ul><h2>Subhead</h2>tail text\u200b</div>"
    )
    found = blocks(root)
    assert [b.text for b in found] == [
        "Plain words here and a link",
        "one",
        "two",
        "Subhead",
        "tail text",
    ]
    assert found[0].link_chars == len("and a link")
    assert found[3].tag == "h2"


def test_the_headline_above_the_article_is_the_title_not_the_body():
    heading = "<h1>Bridge closed to lorries after cracks found</h1>"
    result = article_from_html(
        page(
            f"<article>{heading}{article()}</article>",
            head="<title>Bridge closed to lorries after cracks found | The Ledger</title>",
        ),
        id="a",
        url="https://www.theledger.example/news/bridge",
    )
    assert result.title == "Bridge closed to lorries after cracks found"
    assert result.text.split("\n\n") == ["Bridge closed", *PROSE]


def test_keep_spares_link_dense_headings():
    found = [Block("Read the report", 15, "h2"), Block("Related: other news", 19, "p")]
    assert [b.text for b in keep(found)] == ["Read the report"]


def test_when_readability_picks_no_article_the_longest_prose_run_is_the_fallback():
    # Readability scores containers by their paragraphs' commas and length; a page
    # whose story sits in bare <div>s after a long link menu can fool it.
    menu = "".join(f'<li><a href="/s/{i}">Section {i}</a></li>' for i in range(40))
    story = "".join(f"<div>{p}</div>" for p in PROSE)
    found, problem = article_blocks(
        lxml.html.document_fromstring(page(f"<ul>{menu}</ul><div>{story}</div>"))
    )
    assert problem is None
    assert [b.text for b in found] == PROSE


def test_an_index_page_has_no_article_and_says_so():
    links = "".join(
        f'<li><a href="/news/{i}">A long enough headline of story number {i}</a></li>'
        for i in range(60)
    )
    result = article_from_html(page(f"<ul>{links}</ul>"), id="index", name="index.html")
    assert result.text == ""
    assert not result.failed
    assert [w.step for w in result.warnings] == ["read"]
    assert result.warnings[0].message.startswith("index.html: no article found")


BRIEF = "The harbour bridge reopens to lorries on Monday morning, the council said today."


def test_a_very_short_article_is_kept_with_a_warning():
    result = article_from_html(
        page(f"<article><p>{BRIEF}</p></article>"),
        id="brief",
    )
    assert result.text == BRIEF
    assert "may be no article" in result.warnings[0].message


def test_extracted_articles_are_marked_so_dump_cleaners_leave_them_alone():
    result = article_from_html(page(article()), id="a")
    assert result.meta["extractor"] == "html"
    assert result.warnings == ()


def test_comment_sections_go_even_when_they_hold_more_prose_than_the_article():
    comments = "".join(
        f"<p>Reader {i} wrote a long comment about the bridge, the council, the lorries "
        f"and the state of the roads in general, at great length and with feeling.</p>"
        for i in range(8)
    )
    html = page(article() + f'<div id="comments" class="comment-list">{comments}</div>')
    assert texts(html) == PROSE


def test_an_article_inside_an_unlikely_looking_container_is_found_on_the_retry():
    # "extra" is one of readability's unlikely class names; without the article there
    # is nothing left, so the unlikely elements are put back and readability runs again.
    paragraphs = "".join(f"<p>{p}</p>" for p in PROSE)
    html = page(f'<div class="extra-wide-story">{paragraphs}</div>')
    assert texts(html) == PROSE


def test_the_language_is_detected_from_the_body_not_the_template():
    french = (
        "Le conseil municipal a voté mardi la fermeture du vieux pont du port aux camions, "
        "après que des ingénieurs ont trouvé des fissures dans deux de ses poutres d'acier."
    )
    result = article_from_html(
        f'<html lang="en"><body><article><p>{french}</p><p>{french}</p></article></body></html>',
        id="fr",
    )
    assert result.language == "fr"
