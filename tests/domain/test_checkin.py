"""The weekly check-in: the score rule, answers refused off the scale, weeks and the words."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from coach.domain.checkin import (
    CheckinError,
    WeeklyCheckin,
    change_threshold,
    is_due,
    week_start,
)
from coach.domain.checkin_story import NONE_YET, checkin_story

AT = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)  # a Monday


def _checkin(days: int, *answers: int | None) -> WeeklyCheckin:
    at = AT + timedelta(days=days)
    return WeeklyCheckin(week_start(at.date(), "monday"), at, answers)  # type: ignore[arg-type]


def test_the_score_is_the_mean_of_the_answered_questions() -> None:
    assert _checkin(0, 6, 4, 5).score == pytest.approx(5.0)
    assert _checkin(0, 6, None, 3).score == pytest.approx(4.5)  # one skipped: mean of two


def test_fewer_than_two_answers_give_no_score() -> None:
    assert _checkin(0, 7, None, None).score is None
    assert _checkin(0, None, None, None).score is None
    skipped = WeeklyCheckin(date(2026, 11, 23), AT, skipped=True)
    assert skipped.score is None and skipped.answered == 0


@pytest.mark.parametrize("bad", [-1, 11, 2.5, True, "5"])
def test_an_answer_off_the_scale_is_refused_with_a_clear_message(bad: object) -> None:
    with pytest.raises(CheckinError, match="activity answer must be"):
        WeeklyCheckin(date(2026, 11, 23), AT, (3, 3, bad))  # type: ignore[arg-type]


def test_a_skipped_week_holds_no_answers_and_times_need_a_zone() -> None:
    with pytest.raises(CheckinError, match="skipped"):
        WeeklyCheckin(date(2026, 11, 23), AT, (3, None, None), skipped=True)
    with pytest.raises(CheckinError, match="time zone"):
        WeeklyCheckin(date(2026, 11, 23), datetime(2026, 11, 23, 9))


def test_the_week_starts_on_the_chosen_weekday() -> None:
    wednesday = date(2026, 11, 25)
    assert week_start(wednesday, "monday") == date(2026, 11, 23)
    assert week_start(wednesday, "wednesday") == wednesday
    assert week_start(wednesday, "friday") == date(2026, 11, 20)  # the Friday before
    with pytest.raises(CheckinError):
        week_start(wednesday, "someday")


def test_due_until_this_week_is_answered_or_skipped() -> None:
    assert is_due(date(2026, 11, 25), "monday", set())
    assert not is_due(date(2026, 11, 25), "monday", {date(2026, 11, 23)})
    assert is_due(date(2026, 11, 30), "monday", {date(2026, 11, 23)})  # a new week


def test_the_threshold_is_30_percent_and_at_least_one_point() -> None:
    assert change_threshold(6.0) == pytest.approx(1.8)
    assert change_threshold(2.0) == pytest.approx(1.0)  # 0.6 would flip on a small score
    assert change_threshold(0.0) == pytest.approx(1.0)


def test_the_words_with_no_check_in_and_with_one() -> None:
    assert checkin_story([]) == NONE_YET
    skipped = WeeklyCheckin(date(2026, 11, 23), AT, skipped=True)
    assert checkin_story([skipped, _checkin(0, 9, None, None)]) == NONE_YET  # a diary of one week
    assert "one so far, 5.0 on 23 November 2026" in checkin_story([_checkin(0, 5, 5, 5)])


def test_a_drop_of_30_percent_or_more_matters() -> None:
    words = checkin_story([_checkin(0, 6, 6, 6), _checkin(28, 4, 4, 4)])
    assert words == (
        "Weekly check-in: 4.0 on 21 December 2026, down 2.0 from 6.0 on 23 November 2026. "
        "That is a change large enough to matter (1.8 points or more)."
    )


def test_a_small_change_is_not_yet_one_and_a_rise_is_said() -> None:
    assert "Not yet a change" in checkin_story([_checkin(0, 6, 6, 6), _checkin(7, 5, 5, 5)])
    # From 1.0, a 0.7 rise is 70 % but under the 1-point floor: not a change.
    assert "Not yet" in checkin_story([_checkin(0, 1, 1, 1), _checkin(7, 2, 1, 2)])
    assert "up 2.0 from 3.0" in checkin_story([_checkin(0, 3, 3, 3), _checkin(7, 5, 5, 5)])
