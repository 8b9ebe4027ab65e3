"""Statistics behind the trend charts, checked against hand-computed values."""

from __future__ import annotations

import statistics
from datetime import UTC, date, datetime, timedelta
from itertools import combinations
from zoneinfo import ZoneInfo

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coach.domain import pain_series as ps
from coach.domain import trends as t
from coach.domain.pain import PainEntry

BERLIN = ZoneInfo("Europe/Berlin")


def entry(at: datetime, pain: int) -> PainEntry:
    return PainEntry(at=at, pain=pain)


def daily_from(values: dict[date, float]) -> ps.DailySeries:
    days = np.array(sorted(d.toordinal() for d in values), dtype=np.int64)
    means = np.array([values[date.fromordinal(int(d))] for d in days], dtype=np.float64)
    return ps.DailySeries(days, means, np.ones(days.size, dtype=np.int64))


def test_daily_value_is_mean_of_that_days_entries() -> None:
    entries = [
        entry(datetime(2026, 5, 4, 7, 0, tzinfo=BERLIN), 4),
        entry(datetime(2026, 5, 4, 21, 0, tzinfo=BERLIN), 7),
        entry(datetime(2026, 5, 6, 9, 0, tzinfo=BERLIN), 2),
    ]
    daily = ps.daily_series(ps.samples_from_entries(entries, BERLIN))
    assert [date.fromordinal(int(d)) for d in daily.days] == [date(2026, 5, 4), date(2026, 5, 6)]
    assert daily.means.tolist() == [5.5, 2.0]
    assert daily.counts.tolist() == [2, 1]


def test_local_date_not_utc_date_decides_the_day() -> None:
    # 23:30 UTC on 4 May is 01:30 on 5 May in Berlin (summer time).
    late = entry(datetime(2026, 5, 4, 23, 30, tzinfo=UTC), 3)
    daily = ps.daily_series(ps.samples_from_entries([late], BERLIN))
    assert date.fromordinal(int(daily.days[0])) == date(2026, 5, 5)


def test_empty_input_gives_empty_results() -> None:
    stats = t.compute_statistics(ps.samples_from_entries([], BERLIN))
    assert len(stats.daily) == 0 and stats.rolling.days.size == 0 and stats.weekly.means.size == 0
    assert stats.trend is None and stats.trend_words == t.TREND_NOT_ENOUGH
    assert stats.change.verdict is t.ChangeVerdict.NOT_ENOUGH_DATA


def test_rolling_mean_hand_computed_with_gaps() -> None:
    start = date(2026, 1, 1)
    # Days 0..3 rated 1, 2, 3, 4; days 4..5 missing; day 6 rated 8; day 9 rated 6.
    values = {
        start + timedelta(days=k): v for k, v in [(0, 1), (1, 2), (2, 3), (3, 4), (6, 8), (9, 6)]
    }
    rolling = ps.rolling_mean(daily_from(values))
    assert rolling.days.size == 10
    got = rolling.values
    assert np.isnan(got[:3]).all()  # fewer than 4 rated days so far
    assert got[3] == pytest.approx(2.5)  # 1,2,3,4
    assert got[4] == pytest.approx(2.5) and got[5] == pytest.approx(2.5)
    assert got[6] == pytest.approx((1 + 2 + 3 + 4 + 8) / 5)  # days 0..6
    assert got[7] == pytest.approx((2 + 3 + 4 + 8) / 4)  # days 1..7
    assert np.isnan(got[8])  # days 2..8: 3, 4, 8 only
    assert np.isnan(got[9])  # days 3..9: 4, 8, 6


def test_weekly_means_are_means_of_daily_values_on_monday_weeks() -> None:
    # Monday 2026-05-04: one day with two entries (mean 6), one with one entry (2).
    entries = [
        entry(datetime(2026, 5, 4, 8, tzinfo=BERLIN), 4),
        entry(datetime(2026, 5, 4, 20, tzinfo=BERLIN), 8),
        entry(datetime(2026, 5, 10, 20, tzinfo=BERLIN), 2),  # Sunday, same week
        entry(datetime(2026, 5, 11, 8, tzinfo=BERLIN), 5),  # next Monday
    ]
    weekly = ps.weekly_means(ps.daily_series(ps.samples_from_entries(entries, BERLIN)))
    assert [date.fromordinal(int(m)) for m in weekly.mondays] == [
        date(2026, 5, 4),
        date(2026, 5, 11),
    ]
    assert weekly.means.tolist() == [4.0, 5.0]
    assert weekly.days_with_data.tolist() == [2, 1]


@pytest.mark.parametrize(
    ("utc_time", "local_day", "monday"),
    [
        # Spring forward, Sunday 2026-03-29 02:00 CET -> 03:00 CEST.
        (datetime(2026, 3, 28, 23, 30, tzinfo=UTC), date(2026, 3, 29), date(2026, 3, 23)),
        (datetime(2026, 3, 29, 21, 59, tzinfo=UTC), date(2026, 3, 29), date(2026, 3, 23)),
        (datetime(2026, 3, 29, 22, 30, tzinfo=UTC), date(2026, 3, 30), date(2026, 3, 30)),
        # Fall back, Sunday 2026-10-25 03:00 CEST -> 02:00 CET.
        (datetime(2026, 10, 24, 22, 30, tzinfo=UTC), date(2026, 10, 25), date(2026, 10, 19)),
        (datetime(2026, 10, 25, 0, 30, tzinfo=UTC), date(2026, 10, 25), date(2026, 10, 19)),
        (datetime(2026, 10, 25, 1, 30, tzinfo=UTC), date(2026, 10, 25), date(2026, 10, 19)),
        (datetime(2026, 10, 25, 22, 59, tzinfo=UTC), date(2026, 10, 25), date(2026, 10, 19)),
        (datetime(2026, 10, 25, 23, 0, tzinfo=UTC), date(2026, 10, 26), date(2026, 10, 26)),
    ],
)
def test_weeks_across_daylight_saving_changes(
    utc_time: datetime, local_day: date, monday: date
) -> None:
    for samples in (
        ps.samples_from_entries([entry(utc_time, 5)], BERLIN),
        ps.samples_from_utc_seconds([int(utc_time.timestamp())], [5], BERLIN),
    ):
        daily = ps.daily_series(samples)
        assert date.fromordinal(int(daily.days[0])) == local_day
        assert date.fromordinal(int(ps.weekly_means(daily).mondays[0])) == monday


def test_week_across_year_end_is_one_week() -> None:
    # 2026-12-28 (Monday) .. 2027-01-03 (Sunday) is ISO week 2026-W53: one week, not two.
    days = [date(2026, 12, 28) + timedelta(days=k) for k in range(7)]
    entries = [
        entry(datetime(d.year, d.month, d.day, 12, tzinfo=BERLIN), k) for k, d in enumerate(days)
    ]
    entries.append(entry(datetime(2027, 1, 4, 9, tzinfo=BERLIN), 9))
    weekly = ps.weekly_means(ps.daily_series(ps.samples_from_entries(entries, BERLIN)))
    assert [date.fromordinal(int(m)) for m in weekly.mondays] == [
        date(2026, 12, 28),
        date(2027, 1, 4),
    ]
    assert weekly.means.tolist() == [3.0, 9.0]
    assert weekly.days_with_data.tolist() == [7, 1]


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.datetimes(
            min_value=datetime(1990, 1, 1),
            max_value=datetime(2060, 1, 1),
            timezones=st.just(UTC),
        ),
        min_size=1,
        max_size=40,
    ),
    st.sampled_from(["Europe/Berlin", "America/New_York", "Australia/Lord_Howe", "Asia/Kolkata"]),
)
def test_vectorised_local_days_match_zoneinfo(instants: list[datetime], zone: str) -> None:
    tz = ZoneInfo(zone)
    secs = np.array([int(i.timestamp()) for i in instants], dtype=np.int64)
    expected = [datetime.fromtimestamp(int(s), tz).date().toordinal() for s in secs]
    assert ps.local_day_ordinals(secs, tz).tolist() == expected


def test_weekly_monday_rule_matches_python() -> None:
    days = np.arange(date(2020, 1, 1).toordinal(), date(2030, 1, 1).toordinal(), dtype=np.int64)
    mondays = ps.monday_of(days)
    for d, m in zip(days[::37], mondays[::37], strict=True):
        day = date.fromordinal(int(d))
        assert date.fromordinal(int(m)) == day - timedelta(days=day.weekday())


def brute_theil_sen_slope(days: list[int], values: list[float]) -> float:
    return statistics.median(
        (values[j] - values[i]) / (days[j] - days[i]) for i, j in combinations(range(len(days)), 2)
    )


@settings(max_examples=100, deadline=None)
@given(
    st.lists(st.integers(0, 400), min_size=2, max_size=60, unique=True),
    st.data(),
)
def test_theil_sen_exact_matches_brute_force(offsets: list[int], data: st.DataObject) -> None:
    offsets.sort()
    values = data.draw(st.lists(st.integers(0, 10), min_size=len(offsets), max_size=len(offsets)))
    start = date(2025, 1, 1).toordinal()
    daily = daily_from(
        {date.fromordinal(start + o): float(v) for o, v in zip(offsets, values, strict=True)}
    )
    trend = t.theil_sen(daily)
    assert trend is not None and trend.exact
    assert trend.slope_per_day == pytest.approx(
        brute_theil_sen_slope(offsets, [float(v) for v in values])
    )


def test_theil_sen_hand_computed_with_outlier() -> None:
    # y = 5 - 0.1 x with one wild day: the robust slope ignores it.
    values = {date(2026, 1, 1) + timedelta(days=k): 5 - 0.1 * k for k in range(10)}
    values[date(2026, 1, 5)] = 10.0
    trend = t.theil_sen(daily_from(values))
    assert trend is not None
    assert trend.slope_per_day == pytest.approx(-0.1)
    assert trend.slope_per_week == pytest.approx(-0.7)
    assert trend.value_at([date(2026, 1, 1).toordinal()])[0] == pytest.approx(5.0)


def test_theil_sen_sampled_is_within_its_rank_bound_of_the_true_median() -> None:
    rng = np.random.default_rng(7)
    n = 1500
    days = np.sort(rng.choice(np.arange(3000), size=n, replace=False)).astype(np.int64)
    means = np.clip(6 - days / 1000 + rng.normal(0, 2, n), 0, 10)
    daily = ps.DailySeries(days + 738000, means, np.ones(n, dtype=np.int64))
    trend = t.theil_sen(daily)
    assert trend is not None and not trend.exact
    i, j = np.triu_indices(n, k=1)
    all_slopes = (means[j] - means[i]) / (days[j] - days[i])
    rank = float(np.mean(all_slopes < trend.slope_per_day))
    assert 0.49 <= rank <= 0.51
    assert trend.slope_per_day == pytest.approx(float(np.median(all_slopes)), abs=2e-4)
    assert t.theil_sen(daily) == trend  # fixed seed: the same every time


def test_theil_sen_needs_two_days() -> None:
    assert t.theil_sen(daily_from({date(2026, 1, 1): 3.0})) is None


@pytest.mark.parametrize(
    ("slope", "words"),
    [
        (-0.4, "down 0.4 points a week"),
        (-0.44, "down 0.4 points a week"),
        (0.26, "up 0.3 points a week"),
        (1.0, "up 1 point a week"),
        (-2.5, "down 2.5 points a week"),
        (0.1, "up 0.1 points a week"),
        (0.049, "about the same"),
        (-0.04, "about the same"),
        (0.0, "about the same"),
    ],
)
def test_slope_in_words(slope: float, words: str) -> None:
    assert t.describe_slope(slope) == words


def test_trend_sentence_needs_seven_days_over_two_weeks() -> None:
    few = {date(2026, 1, 1) + timedelta(days=k): 5.0 - k for k in range(6)}
    assert t.trend_sentence(daily_from(few)) == t.TREND_NOT_ENOUGH
    short_span = {date(2026, 1, 1) + timedelta(days=k): 9.0 - k for k in range(13)}
    assert t.trend_sentence(daily_from(short_span)) == t.TREND_NOT_ENOUGH
    enough = {date(2026, 1, 1) + timedelta(days=2 * k): 8.0 - 0.1 * k for k in range(8)}
    assert t.trend_sentence(daily_from(enough)) == "down 0.4 points a week"


def test_between_slices_inclusive() -> None:
    daily = daily_from({date(2026, 1, k): float(k) for k in range(1, 11)})
    part = daily.between(date(2026, 1, 3), date(2026, 1, 5))
    assert part.means.tolist() == [3.0, 4.0, 5.0]
    assert len(daily.between(first=date(2026, 1, 9))) == 2
    assert len(daily.between(last=date(2025, 12, 31))) == 0


DAILY_VALUES = st.dictionaries(
    st.integers(0, 120), st.floats(0, 10, allow_nan=False), min_size=1, max_size=60
)


@settings(max_examples=150, deadline=None)
@given(DAILY_VALUES)
def test_rolling_mean_matches_a_plain_loop(values: dict[int, float]) -> None:
    start = date(2026, 12, 1)
    rolling = ps.rolling_mean(daily_from({start + timedelta(days=k): v for k, v in values.items()}))
    first, last = min(values), max(values)
    assert rolling.days.tolist() == [start.toordinal() + k for k in range(first, last + 1)]
    for k, got in zip(range(first, last + 1), rolling.values, strict=True):
        window = [values[j] for j in range(k - 6, k + 1) if j in values]
        if len(window) >= 4:
            assert got == pytest.approx(sum(window) / len(window))
        else:
            assert np.isnan(got)


@settings(max_examples=150, deadline=None)
@given(DAILY_VALUES)
def test_weekly_means_match_a_plain_loop(values: dict[int, float]) -> None:
    start = date(2026, 12, 1)
    by_day = {start + timedelta(days=k): v for k, v in values.items()}
    weekly = ps.weekly_means(daily_from(by_day))
    groups: dict[date, list[float]] = {}
    for day, v in sorted(by_day.items()):
        groups.setdefault(day - timedelta(days=day.weekday()), []).append(v)
    assert [date.fromordinal(int(m)) for m in weekly.mondays] == list(groups)
    assert weekly.means == pytest.approx([sum(g) / len(g) for g in groups.values()])
    assert weekly.days_with_data.tolist() == [len(g) for g in groups.values()]
