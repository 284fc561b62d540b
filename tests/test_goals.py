"""Content words of goals: the function-word list is data, and wordings of one goal meet."""

from __future__ import annotations

from detente.goals import content_words, function_words, stem


def test_function_words_are_lower_case_words_without_content() -> None:
    words = function_words()
    assert len(words) > 150 and all(w.islower() and w.isalpha() for w in words)
    assert {"the", "its", "in", "order", "to"} - words == {"order"}  # "order" is a content word
    assert not words & {"region", "pressure", "standing", "isolation", "ties"}


def test_wordings_of_one_goal_share_their_content_words() -> None:
    assert content_words("Rebuilding its standing in the region") == {"rebuild", "stand", "region"}
    assert content_words("it wants to ease the sanctions") == {"eas", "sanction"}
    assert stem("pressures") == stem("pressure") == "pressur"
