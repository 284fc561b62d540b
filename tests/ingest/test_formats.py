"""One reader per input format, each driven through `read_sources` on a file in tmp_path."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from detente.errors import Messages
from detente.ingest import FieldMap, Item, ReadOptions, article_id, clean_text, read_sources
from detente.ingest.formats import html_fragment_to_text, split_front_matter
from detente.models import Article, IngestError

TALKS = "Envoys from Arland and Borvia met in Orsk on Sunday.\n\nThey agreed to meet again after the harvest."
HERDERS = "Herders in the Tarn valley still wait at the river crossing."


def read(path: Path, **options: object) -> list[Item]:
    return list(read_sources([str(path)], ReadOptions(**options)))  # type: ignore[arg-type]


def article(text: str, origin: str, **fields: object) -> Article:
    return Article(id=article_id(text), text=text, origin=origin, **fields)  # type: ignore[arg-type]


# --- plain text ----------------------------------------------------------------------------------


def test_txt_without_front_matter(tmp_path: Path) -> None:
    path = tmp_path / "talks.txt"
    path.write_bytes(
        b"  Envoys from Arland and Borvia met in Orsk  on Sunday.\r\n\r\n\r\n\r\n"
        b"They agreed to meet again after the harvest.  \r\n"
    )
    assert read(path) == [article(TALKS, str(path))]


def test_txt_front_matter_is_parsed_and_removed(tmp_path: Path) -> None:
    path = tmp_path / "talks.txt"
    path.write_text(
        "---\n"
        'title: "Talks: a second round"\n'
        "date: 3 January 2016\n"
        "source: Valley Times\n"
        "url: https://valley.example/talks\n"
        "author: night desk\n"
        "---\n" + TALKS + "\n",
        encoding="utf-8",
    )
    assert read(path) == [
        article(
            TALKS,
            str(path),
            title="Talks: a second round",
            date=dt.date(2016, 1, 3),
            source="Valley Times",
            url="https://valley.example/talks",
        )
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Envoys met in Orsk on Sunday.\n---\nThey agreed to meet again.",
        # Opens with a rule around prose: not front matter, nothing may be cut.
        "---\nEnvoys met in Orsk on Sunday.\n---\nThey agreed to meet again.",
        "---\ntitle: never closed\nEnvoys met in Orsk on Sunday.",
    ],
    ids=["rule-in-the-middle", "rule-around-prose", "unclosed"],
)
def test_txt_dashes_that_are_not_front_matter_are_kept(tmp_path: Path, text: str) -> None:
    path = tmp_path / "notes.txt"
    path.write_text(text, encoding="utf-8")
    assert read(path) == [article(text, str(path))]


def test_split_front_matter_ignores_unknown_keys_and_keeps_colons_in_values() -> None:
    meta, body = split_front_matter("---\nTitle: Talks: day two\nwriter: desk\nref: w-9\n---\nBody line.")
    assert meta == {"title": "Talks: day two", "ref": "w-9"}
    assert body == "Body line."


# --- saved web pages -----------------------------------------------------------------------------

PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Ministers agree on river water plan | Valley Times</title>
<meta property="og:title" content="Ministers agree on river water plan">
<meta property="og:site_name" content="Valley Times">
<meta property="article:published_time" content="2016-01-03T08:00:00Z">
<link rel="canonical" href="https://valley.example/news/river-plan">
</head><body>
<header><nav><ul><li><a href="/">Homepage</a></li><li><a href="/world">Worldwide</a></li>
<li><a href="/sport">Sportsdesk</a></li></ul></nav></header>
<aside class="sidebar"><h3>Trending</h3><ul><li><a href="/x">Celebrity gossip roundup</a></li></ul></aside>
<main><article>
<h1>Ministers agree on river water plan</h1>
<p>The water ministers of Arland and Borvia signed a plan on Sunday to share the flow of the Keth river
during the dry months, ending two years of quarrels over the dams upstream.</p>
<p>Under the plan, Arland will release a fixed share of water each week, and a joint commission will
check the gauges at the border every month.</p>
</article>
<section id="comments" class="comments"><h3>Comments</h3>
<div class="comment"><p>Zanzibarquux wrote: this deal is a disgrace and will never last a week.</p></div>
</section></main>
<footer><p>Copyright Valley Times. Privacy policy. Contact the newsroom.</p></footer>
</body></html>"""

PAGE_TEXT = (
    "The water ministers of Arland and Borvia signed a plan on Sunday to share the flow of the Keth river "
    "during the dry months, ending two years of quarrels over the dams upstream.\n\n"
    "Under the plan, Arland will release a fixed share of water each week, and a joint commission will "
    "check the gauges at the border every month."
)


@pytest.mark.parametrize("suffix", [".html", ".htm"])
def test_html_page_gives_main_text_title_and_date(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"river{suffix}"
    path.write_text(PAGE, encoding="utf-8")
    [page] = read(path)
    assert isinstance(page, Article)
    for boilerplate in ("Homepage", "Sportsdesk", "Trending", "gossip", "Zanzibarquux", "Comments", "Copyright"):
        assert boilerplate not in page.text
    assert page == article(
        PAGE_TEXT,
        str(path),
        title="Ministers agree on river water plan",
        date=dt.date(2016, 1, 3),
        source="Valley Times",
        url="https://valley.example/news/river-plan",
    )


@pytest.mark.parametrize(
    "page",
    [
        "<html><head><title>Nothing here</title></head><body></body></html>",
        "<html><body><nav><a href='/'>Home</a> <a href='/w'>World</a></nav><footer>Copyright</footer></body></html>",
        "<html><body><script>var shown = false;</script></body></html>",
    ],
    ids=["empty-body", "menus-only", "script-only"],
)
def test_html_without_article_text_is_d207(tmp_path: Path, page: str) -> None:
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    assert read(path) == [IngestError(path=str(path), reason=Messages.D207, code="D207")]


# --- JSON Lines ----------------------------------------------------------------------------------


def _jsonl(path: Path, *lines: object) -> Path:
    path.write_text("".join((line if isinstance(line, str) else json.dumps(line)) + "\n" for line in lines))
    return path


def test_jsonl_default_fields(tmp_path: Path) -> None:
    path = _jsonl(
        tmp_path / "wire.jsonl",
        {
            "id": "w-1",
            "text": TALKS,
            "title": "Talks in Orsk",
            "date": "2016-01-03",
            "source": "Border Wire",
            "url": "https://wire.example/1",
            "lang": "en",
            "extra": "ignored",
        },
        {"id": 2, "text": HERDERS, "date": "Mon, 04 Jan 2016 10:00:00 +0000"},
    )
    assert read(path) == [
        article(
            TALKS,
            f"{path}:1",
            title="Talks in Orsk",
            date=dt.date(2016, 1, 3),
            source="Border Wire",
            url="https://wire.example/1",
            ref="w-1",
        ),
        article(HERDERS, f"{path}:2", date=dt.date(2016, 1, 4), ref="2"),
    ]


def test_jsonl_custom_field_names(tmp_path: Path) -> None:
    path = _jsonl(
        tmp_path / "corpus.jsonl",
        {
            "doc": 17,
            "body": TALKS,
            "text": "the wrong field",
            "headline": "Talks in Orsk",
            "published": "3 January 2016",
            "outlet": "Border Wire",
            "link": "https://wire.example/17",
            "language": "fr",
        },
    )
    fields = FieldMap(
        id="doc", text="body", title="headline", date="published", source="outlet", url="link", lang="language"
    )
    assert read(path, fields=fields) == [
        article(
            TALKS,
            f"{path}:1",
            title="Talks in Orsk",
            date=dt.date(2016, 1, 3),
            source="Border Wire",
            url="https://wire.example/17",
            lang="fr",
            ref="17",
        )
    ]


def test_jsonl_bad_lines_are_reported_with_their_numbers_and_skipped(tmp_path: Path) -> None:
    path = _jsonl(
        tmp_path / "mixed.jsonl",
        {"id": "a", "text": TALKS},
        '{"id": "b", "text": "the quote never closes}',
        '["an", "array", "not", "a", "record"]',
        "",
        {"id": "c", "title": "no text field"},
        {"id": "d", "text": "   "},
        {"id": "e", "text": 42},
        {"id": "f", "text": HERDERS},
    )
    name = str(path)
    items = read(path)
    assert [(i.code, i.line) for i in items if isinstance(i, IngestError)] == [
        ("D204", 2),
        ("D213", 3),
        ("D205", 5),
        ("D205", 6),
        ("D205", 7),
    ]
    assert items == [
        article(TALKS, f"{name}:1", ref="a"),
        items[1],
        IngestError(path=name, reason=Messages.D213, code="D213", line=3),
        IngestError(path=name, reason=Messages.D205.format(field="text"), code="D205", line=5),
        IngestError(path=name, reason=Messages.D205.format(field="text"), code="D205", line=6),
        IngestError(path=name, reason=Messages.D205.format(field="text"), code="D205", line=7),
        article(HERDERS, f"{name}:8", ref="f"),
    ]
    assert isinstance(items[1], IngestError)
    assert items[1].path == name
    assert items[1].reason.startswith("malformed JSON: ")


# --- CSV -----------------------------------------------------------------------------------------


def test_csv_quoted_multiline_text_and_custom_fields(tmp_path: Path) -> None:
    path = tmp_path / "desk.csv"
    path.write_text(
        "story_id,headline,body,published,outlet\n"
        's1,"Dam talks, round two","Envoys met on Sunday.\n'
        "\n"
        'They called the ""progress"" slow, but steady.",2016-01-03,Valley Times\n'
        "s2,Herders wait,Herders still wait at the crossing.,4 January 2016,Border Wire\n",
        encoding="utf-8",
        newline="",
    )
    fields = FieldMap(id="story_id", title="headline", text="body", date="published", source="outlet")
    # A record's line is the line it ends on (the first record spans lines 2-4).
    assert read(path, fields=fields) == [
        article(
            'Envoys met on Sunday.\n\nThey called the "progress" slow, but steady.',
            f"{path}:4",
            title="Dam talks, round two",
            date=dt.date(2016, 1, 3),
            source="Valley Times",
            ref="s1",
        ),
        article(
            "Herders still wait at the crossing.",
            f"{path}:5",
            title="Herders wait",
            date=dt.date(2016, 1, 4),
            source="Border Wire",
            ref="s2",
        ),
    ]


def test_csv_rows_without_text_are_reported_and_skipped(tmp_path: Path) -> None:
    path = tmp_path / "rows.csv"
    path.write_text(
        "id,title,text\n1,Full row,Envoys met on Sunday.\n2,Short row\n3,Blank text,\n4,Last row,Herders still wait.\n",
        encoding="utf-8",
    )
    name = str(path)
    assert read(path) == [
        article("Envoys met on Sunday.", f"{name}:2", title="Full row", ref="1"),
        IngestError(path=name, reason=Messages.D206.format(field="text"), code="D206", line=3),
        IngestError(path=name, reason=Messages.D205.format(field="text"), code="D205", line=4),
        article("Herders still wait.", f"{name}:5", title="Last row", ref="4"),
    ]


def test_csv_header_without_text_column_is_d206(tmp_path: Path) -> None:
    path = tmp_path / "nobody.csv"
    path.write_text("id,title,body\n1,Talks,Envoys met on Sunday.\n", encoding="utf-8")
    assert read(path) == [IngestError(path=str(path), reason=Messages.D206.format(field="text"), code="D206", line=1)]


# --- feeds ---------------------------------------------------------------------------------------

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Border Wire</title><link>https://wire.example/</link>
<description>Wire copy</description>
<item><title>Talks resume in Orsk</title><link>https://wire.example/1</link><guid>wire-1</guid>
<pubDate>Sun, 03 Jan 2016 08:00:00 +0000</pubDate>
<description>&lt;p&gt;Delegates met again on Sunday.&lt;/p&gt;
&lt;p&gt;They meet next week.&lt;/p&gt;</description></item>
<item><title>No words</title><link>https://wire.example/2</link><description></description></item>
<item><title>Herders wait</title><link>https://wire.example/3</link>
<pubDate>Mon, 04 Jan 2016 10:00:00 +0000</pubDate><description>Herders still wait.</description></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Valley Notes</title><id>urn:valley</id>
<updated>2016-01-06T09:00:00Z</updated>
<entry><title>Dam gauges checked</title><link href="https://valley.example/gauges"/><id>urn:valley:1</id>
<updated>2016-01-05T09:00:00Z</updated><published>2016-01-04T09:00:00Z</published>
<content type="html">&lt;p&gt;Inspectors read the gauges at the dam.&lt;/p&gt;</content></entry>
<entry><title>Farmers plant early</title><link href="https://valley.example/farmers"/><id>urn:valley:2</id>
<updated>2016-01-06T09:00:00Z</updated><summary>Farmers planted early this year.</summary></entry>
</feed>"""


def test_rss_feed_entries_become_articles(tmp_path: Path) -> None:
    path = tmp_path / "wire.rss"
    path.write_text(RSS, encoding="utf-8")
    name = str(path)
    assert read(path) == [
        article(
            "Delegates met again on Sunday.\n\nThey meet next week.",
            f"{name}#1",
            title="Talks resume in Orsk",
            date=dt.date(2016, 1, 3),
            source="Border Wire",
            url="https://wire.example/1",
            ref="wire-1",
        ),
        IngestError(path=f"{name}#2", reason=Messages.D201, code="D201"),
        article(
            "Herders still wait.",
            f"{name}#3",
            title="Herders wait",
            date=dt.date(2016, 1, 4),
            source="Border Wire",
            url="https://wire.example/3",
        ),
    ]


def test_atom_feed_entries_become_articles(tmp_path: Path) -> None:
    path = tmp_path / "valley.atom"
    path.write_text(ATOM, encoding="utf-8")
    name = str(path)
    assert read(path) == [
        article(
            "Inspectors read the gauges at the dam.",
            f"{name}#1",
            title="Dam gauges checked",
            date=dt.date(2016, 1, 4),  # published wins over updated
            source="Valley Notes",
            url="https://valley.example/gauges",
            ref="urn:valley:1",
        ),
        article(
            "Farmers planted early this year.",
            f"{name}#2",
            title="Farmers plant early",
            date=dt.date(2016, 1, 6),
            source="Valley Notes",
            url="https://valley.example/farmers",
            ref="urn:valley:2",
        ),
    ]


def test_unparseable_feed_is_d211(tmp_path: Path) -> None:
    path = tmp_path / "broken.xml"
    path.write_text("<rss><channel><title>Cut off", encoding="utf-8")
    [item] = read(path)
    assert isinstance(item, IngestError)
    assert (item.path, item.code, item.line) == (str(path), "D211", None)
    assert item.reason.startswith("feed could not be parsed: ")


@pytest.mark.parametrize(
    ("fragment", "expected"),
    [
        ("<p>One.</p><p>Two <b>bold</b> words.</p>", "One.\n\nTwo bold words."),
        ("Lead line<br>next line<div>Block</div>tail", "Lead line\n\nnext line\n\nBlock\n\ntail"),
        ("<script>var x = 1;</script><p>Kept.</p><!-- dropped -->", "Kept."),
        ("no markup at all", "no markup at all"),
    ],
)
def test_html_fragment_to_text_keeps_paragraphs(fragment: str, expected: str) -> None:
    assert html_fragment_to_text(fragment) == expected
    assert clean_text(expected) == expected
