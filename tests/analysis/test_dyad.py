"""Dyad series and occurrences on a store of written events: every number is counted by hand below."""

from __future__ import annotations

import datetime as dt
import math

import pandas as pd
import pytest

from detente.analysis import FREQS, SERIES_COLUMNS, ActorSelector, dyad_series, occurrences, resolve_actor
from detente.errors import UsageError
from detente.events.ontology import PLOVER_TYPES

IRAN = ActorSelector("Iran", countries=("IRN",))
SAUDI = ActorSelector("Saudi Arabia", countries=("SAU",))
TYPES = tuple(name.lower() for name in PLOVER_TYPES)


@pytest.fixture
def con(written):  # type: ignore[no-untyped-def]
    """Iran–Saudi Arabia in early 2020, with rows that must not count and rows of other dyads.

    January (4 events, 5 reports, articles A B C):
      A+B 10th  IRN→SAU ACCUSE allege  -3 and -2: one event (mean -2.5), two reports, two articles
      B   11th  IRN→SAU ACCUSE allege  -3: the same again on another day, a second event
      C   20th  SAU→IRN-MIL SANCTION   -5: Iran's military counts for Iran
      C   26th  IRN→SAU CONSULT reported +1
      not counted: negated, hypothetical, future, near-duplicate article, no target, no date
    February: only SAU→EGY (another dyad).  March: F 5th SAU→IRN AID +7 in two sentences of one article.
    """
    w = written
    w.article("D", "2020-01-25", duplicate_of="A")
    w.event("A", "2020-01-10", "IRN", "SAU", "ACCUSE", -3, mode="allege")
    w.event("B", "2020-01-10", "IRN", "SAU", "ACCUSE", -2, mode="allege")
    w.event("B", "2020-01-11", "IRN", "SAU", "ACCUSE", -3, mode="allege", sentence=1)
    w.event("C", "2020-01-20", "SAU", "IRN-MIL", "SANCTION", -5)
    w.event("C", "2020-01-20", "SAU", "IRN", "CONSULT", 1, negated=True, sentence=1)
    w.event("C", "2020-01-21", "SAU", "IRN", "THREATEN", -4, modality="hypothetical", sentence=2)
    w.event("C", "2020-01-22", "SAU", "IRN", "AGREE", 4, modality="future", sentence=3)
    w.event("D", "2020-01-25", "IRN", "SAU", "ASSAULT", -10)
    w.event("C", "2020-01-26", "IRN", "SAU", "CONSULT", 1, modality="reported", sentence=4)
    w.event("C", "2020-01-27", "IRN", None, "ACCUSE", -3, sentence=5)
    w.event("E", None, "IRN", "SAU", "ACCUSE", -3)
    w.event("G", "2020-02-10", "SAU", "EGY", "CONSULT", 1)
    w.event("F", "2020-03-05", "SAU", "IRN", "AID", 7)
    w.event("F", "2020-03-05", "SAU", "IRN", "AID", 7, sentence=1)
    w.event("F", "2020-03-05", "IRN", "hamas", "SUPPORT", 3, sentence=2)
    w.flush()
    return w.con


def _row(frame: pd.DataFrame, period: str) -> dict[str, object]:
    rows = frame[frame["period"] == pd.Timestamp(period)]
    assert len(rows) == 1, f"no single row for {period}"
    return rows.iloc[0].to_dict()


def _expect(row: dict[str, object], **counts: float) -> None:
    """Every count column of the row: those named in `counts`, zero for the others."""
    for column in ("events", "verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict"):
        assert row[column] == counts.get(column, 0), column
    for column in TYPES:
        assert row[column] == counts.get(column, 0), column
    for column in ("intensity_total", "net", "articles", "reports"):
        assert row[column] == pytest.approx(counts.get(column, 0)), column


def test_monthly_series_counts_every_column(con) -> None:  # type: ignore[no-untyped-def]
    frame = dyad_series(con, IRAN, SAUDI, freq="month").frame
    assert list(frame.columns) == [*SERIES_COLUMNS, "smoothed"]
    assert [p.date() for p in frame["period"]] == [dt.date(2020, 1, 1), dt.date(2020, 2, 1), dt.date(2020, 3, 1)]
    january = _row(frame, "2020-01-01")
    _expect(
        january,
        events=4,
        verbal_cooperation=1,
        verbal_conflict=2,
        material_conflict=1,
        consult=1,
        accuse=2,
        sanction=1,
        intensity_total=-9.5,
        net=-9.5,
        articles=3,
        reports=5,
    )
    assert january["intensity_mean"] == pytest.approx(-9.5 / 4)
    february = _row(frame, "2020-02-01")
    _expect(february)
    assert math.isnan(february["intensity_mean"])  # type: ignore[arg-type]
    march = _row(frame, "2020-03-01")
    _expect(march, events=1, material_cooperation=1, aid=1, intensity_total=7, net=7, articles=1, reports=2)
    assert march["intensity_mean"] == pytest.approx(7)


def test_reports_of_one_event_fold_into_one_occurrence(con) -> None:  # type: ignore[no-untyped-def]
    found = occurrences(con, IRAN, SAUDI)
    assert len(found) == 5
    first = found.iloc[0]
    assert (first["date"].date(), first["source_id"], first["target_id"], first["type"], first["mode"]) == (
        dt.date(2020, 1, 10),
        "IRN",
        "SAU",
        "ACCUSE",
        "allege",
    )
    assert first["n_reports"] == 2
    assert first["intensity"] == pytest.approx(-2.5)
    assert first["article_ids"] == ["A", "B"]
    assert [(e["article_id"], e["sentence_index"], e["event_id"]) for e in first["evidence"]] == [
        ("A", 0, "e001"),
        ("B", 0, "e002"),
    ]
    assert first["evidence"][1]["evidence"] == "Sentence 0 of B (e002)."
    assert first["event_id"] == "e001"
    second = found.iloc[1]
    assert (second["date"].date(), second["n_reports"], second["article_ids"]) == (dt.date(2020, 1, 11), 1, ["B"])
    aid = found.iloc[-1]
    assert (aid["type"], aid["n_reports"], aid["article_ids"], aid["intensity"]) == ("AID", 2, ["F"], 7.0)
    assert [e["sentence_index"] for e in aid["evidence"]] == [0, 1]


def test_occurrences_leave_out_what_does_not_count(con) -> None:  # type: ignore[no-untyped-def]
    found = occurrences(con, IRAN, SAUDI)
    kept = {e["event_id"] for evidence in found["evidence"] for e in evidence}
    assert kept == {"e001", "e002", "e003", "e004", "e009", "e013", "e014"}
    assert list(found["date"]) == sorted(found["date"])


def test_directed_counts_one_direction(con) -> None:  # type: ignore[no-untyped-def]
    forward = dyad_series(con, IRAN, SAUDI, directed=True).frame
    assert [p.date() for p in forward["period"]] == [dt.date(2020, 1, 1)]
    _expect(
        _row(forward, "2020-01-01"),
        events=3,
        verbal_cooperation=1,
        verbal_conflict=2,
        consult=1,
        accuse=2,
        intensity_total=-4.5,
        net=-4.5,
        articles=3,
        reports=4,
    )
    backward = dyad_series(con, SAUDI, IRAN, directed=True).frame
    assert len(backward) == 3
    _expect(
        _row(backward, "2020-01-01"),
        events=1,
        material_conflict=1,
        sanction=1,
        intensity_total=-5,
        net=-5,
        articles=1,
        reports=1,
    )
    assert list(backward["events"]) == [1, 0, 1]
    assert len(occurrences(con, IRAN, SAUDI, directed=True)) == 3


def test_country_selector_takes_every_party_of_the_country_a_group_selector_one_actor(con) -> None:  # type: ignore[no-untyped-def]
    w_con = con
    # Another Palestinian actor counts for Palestine, not for Hamas; Hamas's political bureau is Hamas.
    w_con.execute(
        """INSERT INTO events (event_id, article_id, date, type, quad_class, intensity, negated, modality,
                               source_id, source_country, target_id, target_country)
           VALUES ('x1', 'F', DATE '2020-03-06', 'CONSULT', 1, 1.0, false, 'asserted',
                   'IRN', 'IRN', 'fatah', 'PSE'),
                  ('x2', 'F', DATE '2020-03-07', 'CONSULT', 1, 2.0, false, 'asserted',
                   'IRN', 'IRN', 'hamas-political-bureau', 'PSE')"""
    )
    hamas = resolve_actor(con, "Hamas")
    palestine = resolve_actor(con, "Palestine")
    assert hamas == ActorSelector("Hamas", actor_ids=("hamas", "hamas-political-bureau"))
    assert palestine == ActorSelector("Palestine", countries=("PSE",))
    with_hamas = dyad_series(con, IRAN, hamas).frame
    with_palestine = dyad_series(con, IRAN, palestine).frame
    assert (len(with_hamas), int(with_hamas["events"].sum()), float(with_hamas["net"].sum())) == (1, 2, 5.0)
    assert (len(with_palestine), int(with_palestine["events"].sum()), float(with_palestine["net"].sum())) == (1, 3, 6.0)
    # Iran's military alone: the January sanction only.
    military = dyad_series(con, resolve_actor(con, "IRN-MIL"), SAUDI).frame
    assert (int(military["events"].sum()), int(military["sanction"].sum())) == (1, 1)


def test_quarter_and_year_add_the_months_up(con) -> None:  # type: ignore[no-untyped-def]
    for freq in ("quarter", "year"):
        frame = dyad_series(con, IRAN, SAUDI, freq=freq).frame
        assert [p.date() for p in frame["period"]] == [dt.date(2020, 1, 1)], freq
        _expect(
            frame.iloc[0].to_dict(),
            events=5,
            verbal_cooperation=1,
            material_cooperation=1,
            verbal_conflict=2,
            material_conflict=1,
            consult=1,
            aid=1,
            accuse=2,
            sanction=1,
            intensity_total=-2.5,
            net=-2.5,
            articles=4,
            reports=7,
        )


def test_weeks_start_on_monday_and_gaps_are_zero(con) -> None:  # type: ignore[no-untyped-def]
    frame = dyad_series(con, IRAN, SAUDI, freq="week").frame
    mondays = [dt.date(2020, 1, 6) + dt.timedelta(weeks=n) for n in range(9)]
    assert [p.date() for p in frame["period"]] == mondays
    # 10th (Fri) and 11th (Sat): week of the 6th; 20th (Mon) and 26th (Sun): week of the 20th; 5 March: week of the 2nd.
    assert list(frame["events"]) == [2, 0, 2, 0, 0, 0, 0, 0, 1]
    assert list(frame["reports"]) == [3, 0, 2, 0, 0, 0, 0, 0, 2]
    assert list(frame["net"]) == pytest.approx([-5.5, 0, -4, 0, 0, 0, 0, 0, 7])
    assert list(frame["articles"]) == [2, 0, 1, 0, 0, 0, 0, 0, 1]


def test_since_and_until_cut_events_and_set_the_calendar(con) -> None:  # type: ignore[no-untyped-def]
    frame = dyad_series(con, IRAN, SAUDI, since="2020-01-15", until=dt.date(2020, 5, 31)).frame
    assert [p.date() for p in frame["period"]] == [dt.date(2020, m, 1) for m in range(1, 6)]
    assert list(frame["events"]) == [2, 0, 1, 0, 0]
    assert list(frame["net"]) == pytest.approx([-4, 0, 7, 0, 0])
    assert list(frame["reports"]) == [2, 0, 2, 0, 0]
    until_january = occurrences(con, IRAN, SAUDI, until="2020-01-10")
    assert list(until_january["event_id"]) == ["e001"]


def test_a_window_without_events_is_all_zeros(con) -> None:  # type: ignore[no-untyped-def]
    frame = dyad_series(con, IRAN, SAUDI, freq="year", since="2015-01-01", until="2016-12-31").frame
    assert [p.date() for p in frame["period"]] == [dt.date(2015, 1, 1), dt.date(2016, 1, 1)]
    assert list(frame["events"]) == [0, 0]
    empty = dyad_series(con, IRAN, SAUDI, until="2016-12-31")
    assert empty.frame.empty
    assert empty.trend.label == "no-data"


def test_to_records_gives_plain_values(con) -> None:  # type: ignore[no-untyped-def]
    series = dyad_series(con, IRAN, SAUDI)
    rows = series.to_records()
    assert [row["period"] for row in rows] == ["2020-01-01", "2020-02-01", "2020-03-01"]
    assert rows[1]["intensity_mean"] is None
    assert type(rows[0]["events"]) is int and rows[0]["events"] == 4
    assert type(rows[0]["net"]) is float and rows[0]["net"] == -9.5
    record = series.to_record()
    assert record["a"] == {"label": "Iran", "actor_ids": [], "countries": ["IRN"]}
    assert record["periods"] == rows
    assert record["trend"]["label"] in {"warming", "cooling", "stable-cooperative", "stable-hostile"}


@pytest.mark.parametrize("freq", FREQS)
def test_every_freq_counts_the_same_events(con, freq: str) -> None:  # type: ignore[no-untyped-def]
    frame = dyad_series(con, IRAN, SAUDI, freq=freq).frame
    assert (int(frame["events"].sum()), int(frame["reports"].sum()), float(frame["net"].sum())) == (5, 7, -2.5)


def test_bad_options_are_usage_errors(con) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(UsageError) as unknown:
        dyad_series(con, IRAN, SAUDI, freq="day")
    assert unknown.value.code == "D151"
    with pytest.raises(UsageError) as backwards:
        dyad_series(con, IRAN, SAUDI, since="2021-01-01", until="2020-01-01")
    assert backwards.value.code == "D152"
    with pytest.raises(UsageError) as bad_date:
        occurrences(con, IRAN, SAUDI, since="January")
    assert bad_date.value.code == "D105"


def test_the_event_key_is_date_source_target_type_and_mode(written) -> None:  # type: ignore[no-untyped-def]
    w = written
    w.event("A", "2021-05-04", "IRN", "SAU", "ACCUSE", -3, mode="allege")
    w.event("B", "2021-05-04", "IRN", "SAU", "ACCUSE", -3, mode="allege")  # the same event: folded
    w.event("B", "2021-05-04", "IRN", "SAU", "ACCUSE", -2, mode="complain", sentence=1)  # another mode
    w.event("C", "2021-05-04", "IRN-MIL", "SAU", "ACCUSE", -3, mode="allege")  # another source
    w.event("C", "2021-05-04", "SAU", "IRN", "ACCUSE", -3, mode="allege", sentence=1)  # the other direction
    w.event("C", "2021-05-04", "IRN", "SAU", "REJECT", -4, mode="allege", sentence=2)  # another type
    w.event("D", "2021-05-04", "IRN", "SAU", "ACCUSE", -3)  # no mode
    w.event("E", "2021-05-04", "IRN", "SAU", "ACCUSE", -3)  # no mode either: folded with D
    w.flush()
    found = occurrences(written.con, IRAN, SAUDI)
    assert sorted(
        zip(found["source_id"], found["type"], found["mode"].fillna("-"), found["n_reports"], strict=True)
    ) == [
        ("IRN", "ACCUSE", "-", 2),
        ("IRN", "ACCUSE", "allege", 2),
        ("IRN", "ACCUSE", "complain", 1),
        ("IRN", "REJECT", "allege", 1),
        ("IRN-MIL", "ACCUSE", "allege", 1),
        ("SAU", "ACCUSE", "allege", 1),
    ]
    row = dyad_series(written.con, IRAN, SAUDI).frame.iloc[0]
    assert (row["events"], row["reports"], row["articles"], row["accuse"], row["reject"]) == (6, 8, 5, 5, 1)


def test_a_missing_negation_flag_counts_a_missing_modality_does_not(written) -> None:  # type: ignore[no-untyped-def]
    written.event("A", "2021-05-04", "IRN", "SAU", "ACCUSE", -3)
    written.event("A", "2021-05-05", "IRN", "SAU", "ACCUSE", -3, sentence=1)
    written.event("A", "2021-05-06", "IRN", "SAU", "ACCUSE", -3, sentence=2)
    written.flush()
    written.con.execute("UPDATE events SET negated = NULL WHERE event_id = 'e001'")
    written.con.execute("UPDATE events SET modality = NULL WHERE event_id = 'e002'")
    assert list(occurrences(written.con, IRAN, SAUDI)["event_id"]) == ["e001", "e003"]
