"""Loading the pipeline offline, chunking long texts, and sentence offsets."""

from __future__ import annotations

import pytest

from detente.ingest import make_article
from detente.nlp import chunk_text, load_pipeline, parse_articles
from detente.nlp.pipeline import ChunkConfig, ParsedArticle, pack, unpack


def test_pipeline_has_the_components_later_stages_need(nlp) -> None:
    assert {"parser", "ner", "lemmatizer", "tagger"} <= set(nlp.pipe_names)
    assert load_pipeline() is nlp  # loaded once per process


def test_chunks_cover_the_text_exactly() -> None:
    paragraph = "Egypt hosted talks in Cairo on Monday. Hamas attended the meeting. " * 40
    text = "\n\n".join([paragraph.strip()] * 30)
    chunks = chunk_text(text, ChunkConfig(max_chars=5_000))
    assert len(chunks) > 1
    assert all(len(chunk) <= 5_000 for _, chunk in chunks)
    assert "".join(chunk for _, chunk in chunks) == text
    assert all(text[offset : offset + len(chunk)] == chunk for offset, chunk in chunks)
    # paragraph breaks are preferred as cut points
    assert all(chunk.endswith("\n\n") for _, chunk in chunks[:-1])


def test_text_without_breaks_is_still_cut() -> None:
    text = "x" * 12_345
    chunks = chunk_text(text, ChunkConfig(max_chars=1_000))
    assert "".join(c for _, c in chunks) == text and max(len(c) for _, c in chunks) <= 1_000


def test_sentence_offsets_point_into_the_article(nlp) -> None:
    text = "Iran's foreign minister met Hamas leaders in Tehran.\n\nThe talks lasted two days. Egypt objected."
    [parsed] = list(parse_articles(nlp, [make_article(text)]))
    assert [s.text for s in parsed.sentences] == [
        "Iran's foreign minister met Hamas leaders in Tehran.",
        "The talks lasted two days.",
        "Egypt objected.",
    ]
    for sentence in parsed.sentences:
        assert parsed.article.text[sentence.start : sentence.end] == sentence.text
    assert [s.index for s in parsed.sentences] == [0, 1, 2]


@pytest.mark.slow
def test_long_article_is_parsed_in_chunks_with_right_offsets(nlp) -> None:
    paragraph = "Qatar sent aid to Gaza on Monday, officials said. Israel objected to the shipment."
    article = make_article("\n\n".join(f"{paragraph} Report {n}." for n in range(1_600)))
    assert len(article.text) > ChunkConfig().max_chars
    [parsed] = list(parse_articles(nlp, [article]))
    assert len(parsed.docs) > 1
    assert len(parsed.sentences) == 3 * 1_600
    for sentence in parsed.sentences[::97]:
        assert article.text[sentence.start : sentence.end] == sentence.text
    [unpacked] = list(unpack(pack([parsed]), [article], nlp.vocab))
    assert _view(unpacked) == _view(parsed)  # every chunk with its offset


_ATTRIBUTES = ("text", "lemma_", "pos_", "tag_", "dep_", "ent_type_", "ent_iob_", "is_sent_start", "whitespace_")


def _view(parsed: ParsedArticle) -> list[object]:
    """Everything the coders read of a parsed article."""
    tokens = [
        (offset, [(*(getattr(t, name) for name in _ATTRIBUTES), t.head.i) for t in doc]) for offset, doc in parsed.docs
    ]
    return [parsed.article, parsed.sentences, tokens]


def test_a_packed_parse_comes_back_whole(nlp) -> None:
    """What crosses a process boundary keeps every attribute the coders read."""
    articles = [
        make_article("Egypt's president met Hamas leaders in Cairo on Monday.\n\nTalks went on."),
        make_article("Qatar hosted talks on Gaza in Doha. The United Nations welcomed them."),
    ]
    parsed = list(parse_articles(nlp, articles))
    assert [_view(p) for p in unpack(pack(parsed), articles, nlp.vocab)] == [_view(p) for p in parsed]
