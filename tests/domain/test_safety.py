"""Worsening and red-flag rules for diary entries."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coach.domain import safety as s
from coach.domain.pain import PainEntry
from coach.domain.pain_series import DailySeries

BERLIN = ZoneInfo("Europe/Berlin")
TODAY = date(2026, 6, 30)
LABELS = {
    "saddle_numbness": "numbness in the saddle area",
    "bladder_bowel": "new bladder or bowel problems",
}


def series(values: dict[int, float]) -> DailySeries:
    """Daily values keyed by days before TODAY (0 = today)."""
    keys = sorted(values, reverse=True)
    days = np.array([TODAY.toordinal() - k for k in keys], dtype=np.int64)
    means = np.array([values[k] for k in keys], dtype=np.float64)
    return DailySeries(days, means, np.ones(len(keys), dtype=np.int64))


def levels(previous: list[float], current: list[float]) -> DailySeries:
    """`current` on days 0.. before today, `previous` on days 7.. before today."""
    values = {k: v for k, v in enumerate(current)}
    values |= {7 + k: v for k, v in enumerate(previous)}
    return series(values)


def test_rise_of_exactly_two_points_fires_with_reason() -> None:
    daily = levels([4.0] * 6, [6.0] * 4)
    advice = s.assess_safety(daily, [], BERLIN, TODAY, LABELS)
    assert advice.hold_plan and advice.urgency is s.Urgency.SOON
    (message,) = advice.messages
    assert message.title == s.WORSENING_TITLE
    assert message.reason == (
        "Last 7 days: average 6.0. The 3 weeks before: average 4.0. That is 2.0 points higher."
    )


def test_rise_of_one_point_nine_does_not_fire() -> None:
    daily = levels([4.0] * 6, [5.9] * 4)
    worsening = s.check_worsening(daily, TODAY)
    assert worsening is not None and worsening.rise == pytest.approx(1.9)
    assert not worsening.applies
    assert not s.assess_safety(daily, [], BERLIN, TODAY, LABELS).hold_plan


def test_rule_uses_the_one_decimal_numbers_it_shows() -> None:
    # 5.96 shows as 6.0 and 4.04 as 4.0: the message would read "2.0 points", so it fires.
    worsening = s.check_worsening(levels([4.04] * 6, [5.96] * 4), TODAY)
    assert worsening == s.Worsening(current=6.0, previous=4.0)
    assert worsening.applies


def test_falling_pain_never_fires() -> None:
    worsening = s.check_worsening(levels([7.0] * 10, [2.0] * 7), TODAY)
    assert worsening is not None and worsening.rise == -5.0 and not worsening.applies


@pytest.mark.parametrize(("n_previous", "n_current"), [(5, 7), (21, 3), (0, 0)])
def test_too_few_rated_days_gives_no_verdict(n_previous: int, n_current: int) -> None:
    assert s.check_worsening(levels([1.0] * n_previous, [9.0] * n_current), TODAY) is None


def test_window_edges() -> None:
    # Day 27 before today is the oldest day of the previous window; day 28 is outside it.
    values = {k: 9.0 for k in range(4)} | {k: 3.0 for k in range(22, 28)} | {28: 10.0}
    worsening = s.check_worsening(series(values), TODAY)
    assert worsening == s.Worsening(current=9.0, previous=3.0)
    # Day 7 before today belongs to the previous window, not to the last 7 days.
    values = {k: 5.0 for k in range(4)} | {7: 0.0} | {k: 5.0 for k in range(8, 13)}
    assert s.check_worsening(series(values), TODAY) == s.Worsening(current=5.0, previous=4.2)


def flagged(at: datetime, *flags: str) -> PainEntry:
    return PainEntry(at=at, pain=5, red_flags=frozenset(flags))


def test_red_flag_today_asks_to_see_someone_promptly() -> None:
    entries = [
        PainEntry(at=datetime(2026, 6, 29, 8, tzinfo=BERLIN), pain=4),
        flagged(datetime(2026, 6, 30, 8, tzinfo=BERLIN), "saddle_numbness", "bladder_bowel"),
    ]
    advice = s.assess_safety(series({}), entries, BERLIN, TODAY, LABELS)
    assert advice.hold_plan and advice.urgency is s.Urgency.PROMPTLY
    (message,) = advice.messages
    assert message.title == "Please see a doctor promptly"
    assert message.reason == (
        "On Tuesday 30 June you noted: new bladder or bowel problems "
        "and numbness in the saddle area."
    )


def test_default_labels_come_from_the_onboarding_list_in_its_order() -> None:
    assert s.flag_words({"trauma", "leg_weakness", "zz_new"}) == (
        "leg weakness that is getting worse, back pain after a fall or accident and a warning sign"
    )
    entries = [flagged(datetime(2026, 6, 30, 8, tzinfo=BERLIN), "fever_weight_loss")]
    advice = s.assess_safety(series({}), entries, BERLIN, TODAY)
    assert advice.messages[0].reason == (
        "On Tuesday 30 June you noted: fever or unexplained weight loss with back pain."
    )


def test_unknown_flag_keys_still_count() -> None:
    advice = s.assess_safety(
        series({}), [flagged(datetime(2026, 6, 20, 9, tzinfo=BERLIN), "new_key")], BERLIN, TODAY, {}
    )
    assert advice.hold_plan
    assert advice.messages[0].reason == "On Saturday 20 June you noted: a warning sign."


def test_red_flag_window_is_fourteen_local_days() -> None:
    first = datetime(2026, 6, 17, 0, 5, tzinfo=BERLIN)  # today - 13
    assert s.recent_red_flags([flagged(first, "x")], BERLIN, TODAY) == (
        s.RedFlagReport(date(2026, 6, 17), frozenset({"x"})),
    )
    # 21:30 UTC on 16 June is 23:30 in Berlin: still 16 June, one day too old.
    too_old = flagged(datetime(2026, 6, 16, 21, 30, tzinfo=UTC), "x")
    assert s.recent_red_flags([too_old], BERLIN, TODAY) == ()
    # 22:30 UTC on 16 June is 00:30 on 17 June in Berlin: inside.
    inside = flagged(datetime(2026, 6, 16, 22, 30, tzinfo=UTC), "x")
    assert len(s.recent_red_flags([inside], BERLIN, TODAY)) == 1
    future = flagged(datetime(2026, 7, 1, 9, tzinfo=BERLIN), "x")
    assert s.recent_red_flags([future], BERLIN, TODAY) == ()


def test_reports_are_per_day_newest_first() -> None:
    entries = [
        flagged(datetime(2026, 6, 20, 9, tzinfo=BERLIN), "a"),
        flagged(datetime(2026, 6, 28, 9, tzinfo=BERLIN), "b"),
        flagged(datetime(2026, 6, 28, 19, tzinfo=BERLIN), "c"),
    ]
    reports = s.recent_red_flags(entries, BERLIN, TODAY)
    assert reports == (
        s.RedFlagReport(date(2026, 6, 28), frozenset({"b", "c"})),
        s.RedFlagReport(date(2026, 6, 20), frozenset({"a"})),
    )


def test_both_rules_red_flag_first() -> None:
    entries = [flagged(datetime(2026, 6, 30, 8, tzinfo=BERLIN), "saddle_numbness")]
    advice = s.assess_safety(levels([3.0] * 21, [8.0] * 7), entries, BERLIN, TODAY, LABELS)
    assert [m.urgency for m in advice.messages] == [s.Urgency.PROMPTLY, s.Urgency.SOON]
    assert advice.urgency is s.Urgency.PROMPTLY


def test_nothing_to_say() -> None:
    advice = s.assess_safety(levels([5.0] * 21, [5.0] * 7), [], BERLIN, TODAY, LABELS)
    assert not advice.hold_plan and advice.urgency is s.Urgency.NONE and advice.messages == ()


def test_words_never_diagnose() -> None:
    texts = [
        s.WORSENING_TITLE,
        s.WORSENING_TEXT,
        s.WORSENING_REASON,
        s.RED_FLAG_TITLE,
        s.RED_FLAG_TEXT,
    ]
    joined = " ".join(texts).lower()
    for word in ("sciatica", "cauda", "hernia", "disc", "fracture", "infection", "cancer",
                 "tumour", "syndrome", "stenosis", "diagnos"):  # fmt: skip
        assert word not in joined
    assert (
        "doctor or physiotherapist" in s.WORSENING_TEXT
        and "doctor or physiotherapist" in s.RED_FLAG_TEXT
    )
    assert "promptly" in s.RED_FLAG_TEXT


@settings(max_examples=200, deadline=None)
@given(
    st.dictionaries(st.integers(0, 40), st.integers(0, 10).map(float), max_size=41),
    st.booleans(),
)
def test_hold_plan_is_exactly_either_rule(values: dict[int, float], with_flag: bool) -> None:
    entries = [flagged(datetime(2026, 6, 25, 9, tzinfo=BERLIN), "x")] if with_flag else []
    daily = series(values)
    advice = s.assess_safety(daily, entries, BERLIN, TODAY, LABELS)
    worsening = s.check_worsening(daily, TODAY)
    assert advice.hold_plan == (with_flag or (worsening is not None and worsening.applies))


def test_assess_diary_from_entries() -> None:
    entries = [
        PainEntry(at=datetime(2026, 6, 30 - k, 9, tzinfo=BERLIN), pain=3 if k >= 7 else 6)
        for k in range(28)
    ]
    advice = s.assess_diary(entries, BERLIN, TODAY)
    assert advice.worsening == s.Worsening(current=6.0, previous=3.0)
    assert advice.hold_plan and advice.urgency is s.Urgency.SOON
    assert not s.assess_diary(entries[:5], BERLIN, TODAY).hold_plan
