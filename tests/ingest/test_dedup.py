"""Near-duplicates: the same wire story re-published with small edits is found, other stories are not."""

from __future__ import annotations

import numpy as np

from detente.ingest import NearDuplicateConfig, fingerprint, similarity

STORY = [
    "Delegates from Arland and Borvia met in the lakeside town of Orsk on Tuesday to resume talks on their "
    "disputed mountain border.",
    "The two sides last met in March, when the talks broke down over the route of a new highway through the "
    "Tarn valley.",
    "Arland's foreign minister, Mira Dovan, told reporters that both teams had agreed to set up a joint survey "
    "of the frontier before the summer.",
    "Borvian officials said they wanted the survey to include the grazing lands north of the river, which "
    "herders from both countries use.",
    "A spokesman for the Borvian delegation described the first session as frank and useful.",
    "Neither government has said when a final agreement might be signed.",
    "Diplomats in the region said the new tone followed months of pressure from neighbouring states, which fear "
    "that the quarrel could disrupt trade along the valley road.",
    "The talks are due to continue on Wednesday with a session on water rights.",
]
WIRE = " ".join(STORY)
# The copy a second outlet ran: its own dateline on the first sentence, and one sentence cut.
COPY = " ".join(["ORSK, Arland (Valley Times) - " + STORY[0], *STORY[1:5], *STORY[6:]])
OTHER = (
    "Herders in the Tarn valley say the border quarrel between Arland and Borvia has cost them their summer "
    "pastures for three years. Families who once crossed the river freely now wait for days at a checkpoint set "
    "up by Borvian guards, and many have sold part of their flocks. Local leaders have asked both governments to "
    "let herders move their animals under a simple permit while the diplomats argue over maps. An aid group "
    "working in the area said that milk prices in the valley towns had doubled since the crossing was closed. "
    "Officials in Arland blamed Borvia for the closure, while Borvian officials said the checkpoint was needed to "
    "stop smuggling. Some herders said they had little hope that the talks in Orsk would change anything soon."
)
CONFIG = NearDuplicateConfig()


def test_texts_are_the_sizes_the_tests_assume() -> None:
    assert 140 <= len(WIRE.split()) <= 170
    assert len(COPY.split()) < len(WIRE.split())
    assert COPY.split(". ")[0] != WIRE.split(". ")[0]
    assert len(OTHER.split()) > 100


def test_edited_copy_of_a_wire_story_is_a_near_duplicate() -> None:
    wire, copy = fingerprint(WIRE, CONFIG), fingerprint(COPY, CONFIG)
    assert wire is not None and copy is not None
    assert similarity(wire.signature, copy.signature) >= CONFIG.threshold
    assert set(wire.buckets) & set(copy.buckets)  # they meet as candidates in at least one band


def test_different_story_on_the_same_topic_is_not() -> None:
    wire, other = fingerprint(WIRE, CONFIG), fingerprint(OTHER, CONFIG)
    assert wire is not None and other is not None
    assert similarity(wire.signature, other.signature) < 0.5
    assert not set(wire.buckets) & set(other.buckets)


def test_fingerprint_ignores_case_and_spacing_and_is_stable() -> None:
    first, again = fingerprint(WIRE, CONFIG), fingerprint(WIRE.upper().replace(" ", "\n  "), CONFIG)
    assert first is not None and again is not None
    assert similarity(first.signature, again.signature) == 1.0
    assert first.buckets == again.buckets
    assert len(first.buckets) == CONFIG.bands
    assert first.signature.shape == (CONFIG.num_perm,)
    assert first.signature.dtype == np.uint64


def test_text_under_min_words_has_no_fingerprint() -> None:
    short = " ".join(WIRE.split()[: CONFIG.min_words - 1])
    assert fingerprint(short, CONFIG) is None
    assert fingerprint(" ".join(WIRE.split()[: CONFIG.min_words]), CONFIG) is not None
    assert fingerprint(WIRE, NearDuplicateConfig(min_words=500)) is None


def test_config_rows() -> None:
    assert NearDuplicateConfig().rows == 8
    assert NearDuplicateConfig(num_perm=64, bands=32).rows == 2
