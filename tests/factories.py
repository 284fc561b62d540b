"""Records written by hand for tests: actors, and coded articles with known events and motives."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from detente.ingest import make_article
from detente.models import Actor, CodedArticle, Event, Mention, Motive, Place, Sentence
from detente.store import Store, WriteBatch

IRAN = Actor(id="IRN-GOV", name="Iran", kind="state", country="IRN", sector="GOV", aliases=("Tehran",))
HAMAS = Actor(id="hamas", name="Hamas", kind="organisation", country="PSE", sector="REB", cameo="HMS")
EGYPT = Actor(id="EGY-GOV", name="Egypt", kind="state", country="EGY", sector="GOV")


def coded_article(
    source: Actor = IRAN,
    target: Actor = HAMAS,
    *,
    event_type: str = "CONSULT",
    date: dt.date = dt.date(2015, 4, 22),
    verb: str = "met",
    place: Place | None = None,
) -> CodedArticle:
    """`<source> <verb> <target> officials. <source> wants to rebuild its standing.`, coded."""
    text = f"{source.name} {verb} {target.name} officials. {source.name} wants to rebuild its standing."
    article = make_article(text, date=date, title=f"{source.name} and {target.name}", source="Test Desk")
    first_end = text.index(".") + 1
    sentences = (
        Sentence(article.id, 0, 0, first_end, text[:first_end]),
        Sentence(article.id, 1, first_end + 1, len(text), text[first_end + 1 :]),
    )
    src = Mention(article.id, 0, 0, len(source.name), source.name, source, "dictionary")
    t_start = text.index(target.name)
    tgt = Mention(article.id, 0, t_start, t_start + len(target.name), target.name, target, "dictionary")
    m_start = sentences[1].start
    motive_actor = Mention(article.id, 1, m_start, m_start + len(source.name), source.name, source, "dictionary")
    event = Event(
        article_id=article.id,
        sentence_index=0,
        start=0,
        end=first_end,
        type=event_type,
        source=src,
        target=tgt,
        evidence=sentences[0].text,
        mode="meeting",
        cameo="040",
        quad_class=1,
        intensity=1.0,
        date=date,
        place=place,
        rule_id="test.v1",
    )
    motive = Motive(
        article_id=article.id,
        sentence_index=1,
        start=m_start,
        end=len(text),
        actor=motive_actor,
        goal="rebuild its standing",
        category="goal",
        evidence=sentences[1].text,
        date=date,
        concerns=tgt,
    )
    return CodedArticle(article, sentences, (src, tgt, motive_actor), (event,), (motive,))


def write_three_articles(store: Store) -> None:
    """Three hand-coded articles: Iran–Hamas ACCUSE 2012, Hamas–Iran CONSULT 2015, Egypt–Hamas COERCE 2014."""
    batch = [
        coded_article(IRAN, HAMAS, date=dt.date(2012, 5, 1), event_type="ACCUSE", verb="criticised"),
        coded_article(HAMAS, IRAN, date=dt.date(2015, 4, 22)),
        coded_article(EGYPT, HAMAS, date=dt.date(2014, 3, 4), event_type="COERCE", verb="banned"),
    ]
    store.write(WriteBatch(run_id=store.start_run(["test"]), coded=batch))


def three_articles(path: Path) -> Path:
    """A store file holding `write_three_articles`."""
    with Store(path) as store:
        write_three_articles(store)
    return path
