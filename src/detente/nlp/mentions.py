"""Where the actor stage's mentions sit in a parse: the later stages read sentences through them."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.tokens import Doc, Span

from detente.models import Mention
from detente.nlp.pipeline import ParsedArticle


def mention_owners(doc: Doc, offset: int, mentions: Iterable[Mention]) -> dict[int, Mention]:
    """Token index -> the mention that token is part of, for the mentions inside `doc` (which
    starts at character `offset` of the article)."""
    owner: dict[int, Mention] = {}
    end = offset + len(doc.text)
    # Resolved mentions win over unknown entities, longer ones over the words inside them.
    ranked = sorted(
        (m for m in mentions if offset <= m.start and m.end <= end),
        key=lambda m: (m.actor is not None, m.end - m.start),
    )
    for mention in ranked:
        span = doc.char_span(mention.start - offset, mention.end - offset, alignment_mode="expand")
        for token in span or ():
            owner[token.i] = mention
    return owner


def sentences_with_actors(
    parsed: ParsedArticle, mentions: Iterable[Mention]
) -> Iterator[tuple[int, Doc, Span, dict[int, Mention]]]:
    """(offset, doc, sentence, owners) for each sentence that names an actor: an event or a motive
    needs one, so the other sentences are skipped unread."""
    mentions = tuple(mentions)
    for offset, doc in parsed.docs:
        owner = mention_owners(doc, offset, mentions)
        for span in doc.sents:
            if span.text.strip() and any(i in owner for i in range(span.start, span.end)):
                yield offset, doc, span, owner
