"""The analyst's question on the example article: what is behind the Hamas–Iran rapprochement?"""

from __future__ import annotations

import pytest

from detente.cli import app


def test_explain_after_ingesting_the_example_shows_the_meetings_and_both_sides_motives(
    runner, db_path, example_article
) -> None:  # type: ignore[no-untyped-def]
    if not example_article.exists():
        pytest.skip("the shared example article is not beside this checkout")
    ingested = runner.invoke(app, ["ingest", str(example_article), "--db", str(db_path)])
    assert ingested.exit_code == 0, ingested.stderr
    result = runner.invoke(app, ["explain", "Hamas", "Iran", "--db", str(db_path)])
    assert result.exit_code == 0, result.stderr
    text = result.stdout
    assert "Hamas visited Iran in Tehran" in text
    assert "held talks with Iran in Beirut" in text or "held talks with Hamas in Beirut" in text
    hamas = text.index("What Hamas wants")
    iran = text.index("What Iran wants")
    assert "offset the pressure" in text[hamas:iran]
    assert "rebuild its standing in the region" in text[iran:]
    assert "No dated events between them" in text  # the article carries no date
