"""The coding pipeline: stages plug in through their interfaces; workers keep input order."""

from __future__ import annotations

from detente.coding import Coder, CoderConfig, code_articles
from detente.events import NoEvents
from detente.ingest import make_article
from detente.models import Actor, Mention
from detente.nlp.pipeline import ParsedArticle
from detente.synthetic import wire_reports

EGYPT = Actor(id="EGY-GOV", name="Egypt", kind="state", country="EGY", sector="GOV")


class _EgyptOnly:
    """A tiny resolver: every token 'Egypt' is Egypt's government."""

    def resolve(self, parsed: ParsedArticle) -> tuple[Mention, ...]:
        found = []
        for offset, doc in parsed.docs:
            for token in doc:
                if token.text == "Egypt":
                    index = next(s.index for s in parsed.sentences if s.start <= offset + token.idx < s.end)
                    start = offset + token.idx
                    found.append(Mention(parsed.article.id, index, start, start + 5, "Egypt", EGYPT, "dictionary"))
        return tuple(found)


def test_stage_components_plug_in(nlp) -> None:
    coder = Coder(nlp=nlp, resolver=_EgyptOnly(), event_coder=NoEvents())
    article = make_article("Qatar met Hamas. Later Egypt hosted talks, and Egypt mediated.")
    [coded] = list(coder.code([article]))
    assert [(m.sentence_index, m.start) for m in coded.mentions] == [(1, 23), (1, 47)]
    assert coded.actors == (EGYPT,)
    assert coded.events == () and coded.motives == ()


def test_workers_keep_input_order() -> None:
    articles = [make_article(r["text"]) for r in wire_reports(25, seed=5)]
    one = list(code_articles(articles, workers=1, config=CoderConfig(batch_size=4)))
    two = list(code_articles(articles, workers=2, config=CoderConfig(batch_size=4)))
    assert [c.article.id for c in two] == [a.id for a in articles]
    assert [c.sentences for c in two] == [c.sentences for c in one]


def test_parsing_in_another_process_codes_the_same(nlp) -> None:
    """With one worker and several batches the parse runs in a second process; what comes back
    codes exactly as a parse made here."""
    articles = [make_article(r["text"]) for r in wire_reports(12, seed=9)]
    here = list(Coder(nlp=nlp).code(articles))
    apart = list(code_articles(articles, workers=1, config=CoderConfig(batch_size=4)))
    assert [c.article.id for c in apart] == [a.id for a in articles]
    assert [(c.sentences, c.mentions, c.events, c.motives) for c in apart] == [
        (c.sentences, c.mentions, c.events, c.motives) for c in here
    ]
    assert any(c.events for c in here)
