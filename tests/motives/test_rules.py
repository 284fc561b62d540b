"""Tests for the motive extractor: one test per construction (several phrasings each), negative
cases, polarity and modality, goal trimming and the other actor a motive concerns.

All sentences are written for these tests and parsed with the real English pipeline.
"""

from __future__ import annotations

import datetime as dt

import pytest

from detente.coding import Coder
from detente.events import NoEvents
from detente.ingest import make_article
from detente.models import Motive
from detente.motives import RuleExtractor

DATE = dt.date(2024, 3, 1)


@pytest.fixture(scope="module")
def coder() -> Coder:
    return Coder(event_coder=NoEvents(), motive_extractor=RuleExtractor())


def _motives(coder: Coder, text: str) -> list[Motive]:
    return list(next(coder.code([make_article(text, date=DATE)])).motives)


def _summary(coder: Coder, text: str) -> list[tuple[str, str, str]]:
    """(actor id, category, goal) of each motive found in the text."""
    return [(m.actor.actor.id if m.actor.actor else "?", m.category, m.goal) for m in _motives(coder, text)]


# --- goals: "X wants/seeks/hopes/aims to Z", "X is seeking Y" --------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Qatar hopes to broker a lasting truce between the two sides.", ("QAT", "broker a lasting truce")),
        ("Jordan wants to attract more tourists from the Gulf.", ("JOR", "attract more tourists from the Gulf")),
        ("Morocco is seeking to expand its trade with West Africa.", ("MAR", "expand its trade with West Africa")),
        ("China has long sought to widen its presence in Africa.", ("CHN", "widen its presence in Africa")),
        ("Nigeria aims to curb the flow of weapons across its borders.", ("NGA", "curb the flow of weapons")),
        ("Ghana intends to raise its cocoa exports.", ("GHA", "raise its cocoa exports")),
    ],
)
def test_verb_with_infinitive(coder: Coder, text: str, expected: tuple[str, str]) -> None:
    [(actor, category, goal)] = _summary(coder, text)
    assert (actor, category) == (expected[0], "goal")
    assert goal.startswith(expected[1])
    assert not goal.startswith("to ") and not goal.endswith(".")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Beijing seeks a larger role in the Gulf.", ("CHN", "a larger role in the Gulf")),
        ("Venezuela wants new loans from China.", ("VEN", "new loans from China")),
        ("Oman hopes for a quick end to the fighting.", ("OMN", "a quick end to the fighting")),
        ("Nigeria aims at curbing arms smuggling.", ("NGA", "curbing arms smuggling")),
    ],
)
def test_verb_with_object_or_preposition(coder: Coder, text: str, expected: tuple[str, str]) -> None:
    assert _summary(coder, text) == [(expected[0], "goal", expected[1])]


def test_verb_with_that_clause(coder: Coder) -> None:
    [motive] = _motives(coder, "Qatar hopes that the talks will resume next week.")
    assert (motive.actor.text, motive.goal) == ("Qatar", "the talks will resume next week")


def test_object_and_infinitive_is_one_goal(coder: Coder) -> None:
    [motive] = _motives(coder, "Egypt wants Hamas to stop the rocket fire.")
    assert motive.goal == "Hamas to stop the rocket fire"
    assert motive.concerns is not None and motive.concerns.text == "Hamas"


def test_subject_shared_with_the_verb_above(coder: Coder) -> None:
    # "is expected to seek", "which wants to", coordinated verbs: one subject for both.
    assert _summary(coder, "Turkey is expected to seek a role in the reconstruction.") == [
        ("TUR", "goal", "a role in the reconstruction")
    ]
    assert _summary(coder, "The Houthis, who want to control the shipping route, attacked a tanker.") == [
        ("houthis", "goal", "control the shipping route")
    ]
    assert _summary(coder, "Japan wants to keep its fleet in port and fears a collision.") == [
        ("JPN", "goal", "keep its fleet in port"),
        ("JPN", "fear", "a collision"),
    ]


def test_coordinated_actors_each_get_the_motive(coder: Coder) -> None:
    assert _summary(coder, "Iran and Russia want to weaken American influence in the region.") == [
        ("IRN", "goal", "weaken American influence in the region"),
        ("RUS", "goal", "weaken American influence in the region"),
    ]


# --- needs --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "goal"),
    [
        ("Kenya needs foreign loans.", "foreign loans"),
        ("Lebanon needs to rebuild its port.", "rebuild its port"),
        ("Egypt relies on American aid.", "American aid"),
        ("Tunisia requires fresh funding from the IMF.", "fresh funding from the IMF"),
    ],
)
def test_need(coder: Coder, text: str, goal: str) -> None:
    [(_, category, found)] = _summary(coder, text)
    assert (category, found) == ("need", goal)


def test_need_in_order_to_is_a_need_and_a_goal(coder: Coder) -> None:
    assert _summary(coder, "Kenya needs foreign loans in order to pay its debts.") == [
        ("KEN", "need", "foreign loans"),
        ("KEN", "goal", "pay its debts"),
    ]


# --- purpose clauses ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Iran sent advisers to Syria to protect its supply lines.", ("IRN", "protect its supply lines")),
        ("Egypt closed the crossing so as to stop smuggling.", ("EGY", "stop smuggling")),
        ("Egypt closed the crossing so that Hamas could not bring in arms.", ("EGY", "Hamas could not bring in arms")),
        ("To rebuild its economy, Syria sold state land.", ("SYR", "rebuild its economy")),
        ("Algeria moved troops to the border in an effort to deter raids.", ("DZA", "deter raids")),
        ("Chad cut fuel prices with the aim of calming the protests.", ("TCD", "calming the protests")),
    ],
)
def test_purpose(coder: Coder, text: str, expected: tuple[str, str]) -> None:
    assert (expected[0], "goal", expected[1]) in _summary(coder, text)


def test_purpose_keeps_how_the_act_counts(coder: Coder) -> None:
    [motive] = _motives(coder, "Egypt closed the crossing so that Hamas could not bring in arms.")
    # The clause's own "could not" is part of the goal; Egypt's goal is asserted and positive.
    assert (motive.polarity, motive.modality) == (1, "asserted")


@pytest.mark.parametrize(
    "text",
    [
        "Hamas rejected calls to disarm.",  # the calls are someone else's
        "Qatar gave the envoys two days to leave.",  # the envoys leave
        "Kuwait urged Iraq to reopen the border.",  # Iraq reopens
        "Japan sent supplies to be distributed in the camps.",  # passive: someone else distributes
    ],
)
def test_infinitives_that_are_not_the_subjects_purpose(coder: Coder, text: str) -> None:
    assert _summary(coder, text) == []


# --- opportunities, steps, objectives -----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "actor", "goal"),
    [
        ("The crisis gives Iran an opportunity to expand its influence.", "IRN", "expand its influence"),
        ("The deal provides Egypt with a chance to revive its economy.", "EGY", "revive its economy"),
        ("The truce offers an opportunity for Sudan to rebuild its army.", "SDN", "rebuild its army"),
        ("Turkey sees an opportunity to expand its influence in Libya.", "TUR", "expand its influence in Libya"),
        ("Peru seized the chance to renegotiate its debt.", "PER", "renegotiate its debt"),
    ],
)
def test_opportunity_is_a_benefit(coder: Coder, text: str, actor: str, goal: str) -> None:
    assert _summary(coder, text) == [(actor, "benefit", goal)]


def test_opportunity_concerns_what_gives_it(coder: Coder) -> None:
    [motive] = _motives(coder, "Closer ties with Qatar give Turkey an opportunity to expand its exports.")
    assert motive.actor.text == "Turkey"
    assert motive.concerns is not None and motive.concerns.text == "Qatar"


@pytest.mark.parametrize(
    ("text", "actor", "goal"),
    [
        ("Cairo views the talks as a step toward ending the war.", "EGY", "ending the war"),
        ("Jordan sees the pipeline as a way to secure its water supply.", "JOR", "secure its water supply"),
        ("Ukraine regards the loan as an important step towards joining the bloc.", "UKR", "joining the bloc"),
    ],
)
def test_step_towards(coder: Coder, text: str, actor: str, goal: str) -> None:
    assert _summary(coder, text) == [(actor, "goal", goal)]


@pytest.mark.parametrize(
    ("text", "actor", "goal"),
    [
        ("For Jordan, stability in Syria is a key priority.", "JOR", "stability in Syria"),
        ("For Ankara, curbing the Kurdish militias is the main objective.", "TUR", "curbing the Kurdish militias"),
        ("Iran's aim is to rebuild its standing in the Arab world.", "IRN", "rebuild its standing in the Arab world"),
        ("The goal of Qatar is to remain a neutral broker.", "QAT", "remain a neutral broker"),
        ("A ceasefire is a priority for Egypt.", "EGY", "A ceasefire"),
    ],
)
def test_objective(coder: Coder, text: str, actor: str, goal: str) -> None:
    assert _summary(coder, text) == [(actor, "goal", goal)]


@pytest.mark.parametrize(
    ("text", "actor", "goal"),
    [
        ("Ethiopia's plan to build a naval base worries its neighbours.", "ETH", "build a naval base"),
        ("Hamas expressed a desire to renew ties with Tehran.", "hamas", "renew ties with Tehran"),
        ("The Turkish strategy of courting Gulf investors has paid off.", "TUR", "courting Gulf investors"),
        ("Kenya's bid for a seat on the council was endorsed.", "KEN", "a seat on the council"),
        ("Russia has an interest in a weaker NATO.", "RUS", "a weaker NATO"),
    ],
)
def test_noun_of_goal(coder: Coder, text: str, actor: str, goal: str) -> None:
    assert (actor, "goal", goal) in _summary(coder, text)


@pytest.mark.parametrize(
    ("text", "actor", "goal"),
    [
        ("Jordan is eager to attract Gulf investment.", "JOR", "attract Gulf investment"),
        ("Morocco is determined to win recognition of its claim.", "MAR", "win recognition of its claim"),
        ("Pakistan is keen on reviving talks with India.", "PAK", "reviving talks with India"),
        ("Brazil is interested in buying Indian jets.", "BRA", "buying Indian jets"),
    ],
)
def test_keen(coder: Coder, text: str, actor: str, goal: str) -> None:
    assert _summary(coder, text) == [(actor, "goal", goal)]


# --- fears --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "actor", "goal"),
    [
        ("Israel fears a nuclear Iran.", "ISR", "a nuclear Iran"),
        ("Riyadh fears that the dispute could inflame sectarian tensions.", "SAU", "the dispute could"),
        ("Lebanon fears losing its summer tourists.", "LBN", "losing its summer tourists"),
        ("Egypt is worried that Hamas will smuggle weapons into Sinai.", "EGY", "Hamas will smuggle weapons"),
        ("Turkey is wary of Kurdish autonomy in Syria.", "TUR", "Kurdish autonomy in Syria"),
        ("Israel is alarmed by the Iranian nuclear programme.", "ISR", "the Iranian nuclear programme"),
        ("Iran's growing influence worries Saudi Arabia.", "SAU", "Iran's growing influence"),
        ("Poland expressed concern over the troop build-up.", "POL", "the troop build-up"),
        ("Seoul closed the border for fear of an outbreak.", "KOR", "an outbreak"),
        ("Egypt shut the crossing out of concern that militants would enter.", "EGY", "militants would enter"),
    ],
)
def test_fear(coder: Coder, text: str, actor: str, goal: str) -> None:
    [(found_actor, category, found_goal)] = _summary(coder, text)
    assert (found_actor, category) == (actor, "fear")
    assert found_goal.startswith(goal)


def test_clause_before_the_verb_is_what_is_feared(coder: Coder) -> None:
    assert _summary(coder, "The ceasefire could collapse within days, Egypt fears.") == [
        ("EGY", "fear", "The ceasefire could collapse within days")
    ]


# --- benefits -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "actor", "goal"),
    [
        ("Saudi Arabia stands to gain from higher oil prices.", "SAU", "higher oil prices"),
        ("Russia benefits from the war in the Middle East.", "RUS", "the war in the Middle East"),
        ("The sanctions benefit China.", "CHN", "The sanctions"),
        ("The deal serves Russia's interests in the region.", "RUS", "The deal"),
        ("A long war is in Moscow's interest.", "RUS", "A long war"),
    ],
)
def test_benefit(coder: Coder, text: str, actor: str, goal: str) -> None:
    assert _summary(coder, text) == [(actor, "benefit", goal)]


# --- what is not a motive -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The talks aim to end the war.",  # no actor
        "Many families hope to emigrate next year.",  # no resolved actor
        "Iran's foreign minister met Hamas leaders in Tehran on Tuesday.",  # no motive words
        "A militia leader wanted by Iraq was arrested in Erbil.",  # "wanted" by the police
        "Venezuela's neighbours stand to gain from any easing of sanctions.",  # not Venezuela
        "The plan was to meet in March.",  # whose plan?
    ],
)
def test_no_motive(coder: Coder, text: str) -> None:
    assert _summary(coder, text) == []


# --- polarity and modality ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Iran does not want a confrontation with Saudi Arabia.",
        "Russia has no interest in a wider war.",
        "Algeria denied any plan to close the border.",
        "Egypt is not keen to host the talks.",
        "Beijing never sought a military base in the Gulf.",
    ],
)
def test_negated_motive(coder: Coder, text: str) -> None:
    [motive] = _motives(coder, text)
    assert motive.polarity == -1


def test_negation_stays_with_its_verb(coder: Coder) -> None:
    motives = _motives(coder, "Japan does not want a war but fears a blockade.")
    assert [(m.category, m.goal, m.polarity) for m in motives] == [("goal", "a war", -1), ("fear", "a blockade", 1)]


def test_someone_elses_refusal_does_not_negate(coder: Coder) -> None:
    [motive] = _motives(coder, "Egypt rejected Hamas's demand for an open crossing.")
    assert (motive.actor.text, motive.goal, motive.polarity) == ("Hamas", "an open crossing", 1)


@pytest.mark.parametrize(
    ("text", "modality"),
    [
        ("Analysts say Iran wants to rebuild its standing.", "reported"),
        ("Iran wants to rebuild its standing, officials said.", "reported"),
        ("Venezuela could seek help from Russia.", "hypothetical"),
        ("If Iran wants a deal, it must stop enrichment.", "hypothetical"),
        ("Does Iran want a deal with Washington?", "hypothetical"),
        ("Turkey will seek a role in the reconstruction.", "future"),
        ("Iran wants to rebuild its standing.", "asserted"),
    ],
)
def test_modality(coder: Coder, text: str, modality: str) -> None:
    motives = _motives(coder, text)
    assert motives and motives[0].modality == modality


# --- goal phrases -------------------------------------------------------------------------------


def test_coordinated_goals_are_split(coder: Coder) -> None:
    assert _summary(coder, "The rebels' leaders in Sanaa seek to win recognition and to secure oil revenue.") == [
        ("YEM", "goal", "win recognition"),
        ("YEM", "goal", "secure oil revenue"),
    ]
    assert _summary(coder, "Brazil hopes to keep a channel open to Caracas and to avoid a migration crisis.") == [
        ("BRA", "goal", "keep a channel open to Caracas"),
        ("BRA", "goal", "avoid a migration crisis"),
    ]


def test_coordinated_nouns_stay_one_goal(coder: Coder) -> None:
    assert _summary(coder, "Hamas needs weapons and money.") == [("hamas", "need", "weapons and money")]
    assert _summary(coder, "Iran did not seek escalation or war.") == [("IRN", "goal", "escalation or war")]


def test_purpose_inside_a_goal_is_its_own_motive(coder: Coder) -> None:
    assert _summary(coder, "Iran wants to use the talks as leverage in order to win sanctions relief.") == [
        ("IRN", "goal", "use the talks as leverage"),
        ("IRN", "goal", "win sanctions relief"),
    ]


@pytest.mark.parametrize(
    ("text", "goal"),
    [
        ("Turkey wants to extend its influence while its rivals are busy elsewhere.", "extend its influence"),
        ("China seeks to extend its influence at a time when its rivals are divided.", "extend its influence"),
        ("Algeria wants to keep the border open, which suits the traders.", "keep the border open"),
        ("Iran needs to repair its image – ties with Sunni groups would help.", "repair its image"),
        ("Israel fears that Iran will rebuild its arsenal.", "Iran will rebuild its arsenal"),
        ("Iran seeks to rebuild its standing in the region.", "rebuild its standing in the region"),
    ],
)
def test_goal_phrase_is_trimmed(coder: Coder, text: str, goal: str) -> None:
    assert _motives(coder, text)[0].goal == goal


# --- concerns -----------------------------------------------------------------------------------


def test_concerns_is_the_other_actor_in_the_goal(coder: Coder) -> None:
    [motive] = _motives(coder, "Riyadh wants to pull Syria out of the Iranian orbit.")
    assert motive.concerns is not None and motive.concerns.actor is not None
    assert motive.concerns.actor.id == "SYR"


def test_concerns_skips_the_actor_itself(coder: Coder) -> None:
    # "its" is Iran's own: no other actor.
    [motive] = _motives(coder, "Iran seeks to rebuild its standing in the region.")
    assert motive.concerns is None


def test_concerns_prefers_an_actor_to_a_place(coder: Coder) -> None:
    [motive] = _motives(coder, "Qatar hopes to let Hamas reopen its offices in Egypt.")
    assert motive.concerns is not None and motive.concerns.text == "Hamas"


# --- provenance ---------------------------------------------------------------------------------


def test_provenance(coder: Coder) -> None:
    text = "The talks ended on Monday. Iran seeks to rebuild its standing in the region."
    [motive] = _motives(coder, text)
    assert motive.sentence_index == 1
    assert motive.evidence == "Iran seeks to rebuild its standing in the region."
    # The span runs from the trigger to the end of the goal.
    assert text[motive.start : motive.end] == "seeks to rebuild its standing in the region"
    assert text[motive.actor.start : motive.actor.end] == "Iran"
    assert (motive.date, motive.rule_id, motive.category) == (DATE, "verb-want", "goal")


def test_default_coder_extracts_motives() -> None:
    coded = next(Coder().code([make_article("Iran seeks to rebuild its standing in the region.")]))
    assert [m.goal for m in coded.motives] == ["rebuild its standing in the region"]
