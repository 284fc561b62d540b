"""Generated wire-style reports for benchmarks and tests (clearly synthetic, never real news).

Each report strings together sentences drawn at random from small vocabularies, so any two
reports share almost no word sequences and are never near-duplicates of each other.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator
from typing import Any

_ACTORS = (
    "Iran",
    "Saudi Arabia",
    "Egypt",
    "Hamas",
    "Hezbollah",
    "Israel",
    "Turkey",
    "Qatar",
    "Jordan",
    "the United States",
    "Russia",
    "China",
    "the European Union",
    "the United Nations",
    "Iraq",
    "Syria",
    "Lebanon",
    "the Arab League",
    "France",
    "Britain",
    "Iranian officials",
    "Egyptian troops",
    "Saudi diplomats",
    "the Palestinian Authority",
    "Tehran",
    "Riyadh",
    "Cairo",
    "Washington",
)
_ACTS = (
    "met",
    "criticised",
    "accused",
    "praised",
    "called on",
    "warned",
    "sanctioned",
    "thanked",
    "threatened",
    "hosted",
    "rejected a proposal from",
    "signed an accord with",
    "sent aid to",
    "held talks with",
    "condemned",
    "expelled diplomats from",
    "agreed to cooperate with",
    "demanded concessions from",
    "deployed forces near",
    "opened a crossing for",
)
_CONTEXTS = (
    "on Monday",
    "on Tuesday",
    "late on Wednesday",
    "on Thursday",
    "at the weekend",
    "last week",
    "in Geneva",
    "in Doha",
    "in Baghdad",
    "in Beirut",
    "in Amman",
    "in Muscat",
    "in Vienna",
    "after a day of talks",
    "during a summit",
    "despite objections",
    "amid rising tension",
)
_REASONS = (
    "officials said",
    "a spokesman said",
    "state media reported",
    "according to diplomats",
    "a statement said",
    "witnesses said",
    "the ministry said",
    "sources told reporters",
)
_SOURCES = ("Synthetic Wire", "Generated Desk", "Bench News")


def wire_reports(count: int, *, seed: int = 7, sentences: int = 8) -> Iterator[dict[str, Any]]:
    """`count` synthetic reports as corpus records: id, title, text, date, source, url."""
    rng = random.Random(seed)
    start = dt.date(2012, 1, 1)
    for number in range(count):
        lines = []
        for _ in range(sentences):
            a, b = rng.sample(_ACTORS, 2)
            sentence = f"{a} {rng.choice(_ACTS)} {b} {rng.choice(_CONTEXTS)}, {rng.choice(_REASONS)}."
            lines.append(sentence[0].upper() + sentence[1:])
        # A serial number in the text keeps every report distinct even with a tiny vocabulary.
        lines.append(f"This is generated report number {number} of the detente synthetic set.")
        date = start + dt.timedelta(days=rng.randrange(0, 365 * 12))
        yield {
            "id": f"synthetic-{seed}-{number}",
            "title": lines[0][:60],
            "text": " ".join(lines[:4]) + "\n\n" + " ".join(lines[4:]),
            "date": date.isoformat(),
            "source": rng.choice(_SOURCES),
            "url": f"https://example.org/synthetic/{seed}/{number}",
        }
