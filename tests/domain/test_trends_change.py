"""The clinically meaningful change statement (Ostelo et al., Spine 2008)."""

from __future__ import annotations

from datetime import date, timedelta

import numpy as np
import pytest

from coach.domain import pain_series as ps
from coach.domain import trends as t

START = date(2026, 2, 2)


def series(values: dict[int, float]) -> ps.DailySeries:
    """Daily values keyed by days after START."""
    keys = sorted(values)
    days = np.array([START.toordinal() + k for k in keys], dtype=np.int64)
    return ps.DailySeries(days, np.array([values[k] for k in keys]), np.ones(len(keys), np.int64))


def start_and_recent(baseline: float, recent: float, weeks: int = 8) -> ps.DailySeries:
    values = {k: baseline for k in range(14)}
    last = weeks * 7 - 1
    values.update({k: recent for k in range(last - 13, last + 1)})
    return series(values)


@pytest.mark.parametrize(
    ("baseline", "recent", "verdict", "threshold"),
    [
        (6.0, 3.0, t.ChangeVerdict.BETTER, 1.8),  # 30 % of 6 is 1.8 < 2
        (8.0, 6.0, t.ChangeVerdict.BETTER, 2.0),  # exactly 2 points
        (8.0, 6.1, t.ChangeVerdict.NOT_YET, 2.0),
        (4.0, 5.2, t.ChangeVerdict.WORSE, 1.2),  # exactly 30 % worse
        (4.0, 5.1, t.ChangeVerdict.NOT_YET, 1.2),
        (1.0, 0.0, t.ChangeVerdict.BETTER, 1.0),  # the 1-point floor
        (1.0, 0.5, t.ChangeVerdict.NOT_YET, 1.0),
        (5.0, 5.0, t.ChangeVerdict.NOT_YET, 1.5),
    ],
)
def test_verdicts_and_thresholds(
    baseline: float, recent: float, verdict: t.ChangeVerdict, threshold: float
) -> None:
    change = t.meaningful_change(start_and_recent(baseline, recent))
    assert change.verdict is verdict
    assert change.threshold == pytest.approx(threshold)
    assert change.baseline == pytest.approx(baseline)
    assert change.recent == pytest.approx(recent)
    assert change.lower_band == pytest.approx(max(0.0, baseline - threshold))
    assert change.upper_band == pytest.approx(min(10.0, baseline + threshold))


def test_windows_and_dates() -> None:
    change = t.meaningful_change(start_and_recent(6.0, 3.0, weeks=8))
    assert change.baseline_days == (START, START + timedelta(days=13))
    assert change.recent_days == (START + timedelta(days=42), START + timedelta(days=55))


def test_not_enough_data_cases() -> None:
    assert t.meaningful_change(series({})).verdict is t.ChangeVerdict.NOT_ENOUGH_DATA
    # Three weeks of daily data: the windows would overlap.
    three_weeks = t.meaningful_change(series({k: 5.0 for k in range(21)}))
    assert three_weeks.verdict is t.ChangeVerdict.NOT_ENOUGH_DATA
    assert three_weeks.baseline is None
    # Only 3 rated days at the start.
    sparse_start = {0: 5.0, 5: 5.0, 10: 5.0} | {k: 2.0 for k in range(40, 54)}
    assert t.meaningful_change(series(sparse_start)).verdict is t.ChangeVerdict.NOT_ENOUGH_DATA
    # Enough at the start, only 3 recent days.
    sparse_recent = {k: 5.0 for k in range(14)} | {41: 1.0, 45: 1.0, 53: 1.0}
    assert t.meaningful_change(series(sparse_recent)).verdict is t.ChangeVerdict.NOT_ENOUGH_DATA


def test_as_of_moves_the_recent_window() -> None:
    values = {k: 6.0 for k in range(14)} | {k: 6.0 for k in range(28, 42)}
    values |= {k: 2.0 for k in range(42, 56)}
    daily = series(values)
    assert t.meaningful_change(daily).verdict is t.ChangeVerdict.BETTER
    earlier = t.meaningful_change(daily, as_of=START + timedelta(days=41))
    assert earlier.verdict is t.ChangeVerdict.NOT_YET
    # A month without ratings: nothing recent to compare.
    later = t.meaningful_change(daily, as_of=START + timedelta(days=90))
    assert later.verdict is t.ChangeVerdict.NOT_ENOUGH_DATA


def test_threshold_rule() -> None:
    assert t.mcid_threshold(10.0) == 2.0
    assert t.mcid_threshold(5.0) == pytest.approx(1.5)
    assert t.mcid_threshold(2.0) == 1.0
    assert t.mcid_threshold(0.0) == 1.0
