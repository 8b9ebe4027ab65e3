"""The change that matters in words: since the start and within the period, with dates."""

from __future__ import annotations

from datetime import date, timedelta

import numpy as np

from coach.domain import pain_series as ps
from coach.domain.change_story import NO_RATINGS, change_story, date_span

START = date(2026, 6, 2)


def diary(values: dict[int, float]) -> ps.DailySeries:
    """Daily values keyed by days after START."""
    keys = sorted(values)
    days = np.array([START.toordinal() + k for k in keys], dtype=np.int64)
    return ps.DailySeries(days, np.array([values[k] for k in keys]), np.ones(len(keys), np.int64))


def steps(*levels: tuple[int, int, float]) -> ps.DailySeries:
    """A rating every day: (first day, last day, value) pieces."""
    return diary({k: v for first, last, v in levels for k in range(first, last + 1)})


def test_a_period_after_the_start_gives_both_comparisons_named_and_dated() -> None:
    daily = steps((0, 99, 6.0), (100, 177, 4.0), (178, 191, 3.0))  # 2 June to 10 December
    last = START + timedelta(days=191)
    assert change_story(daily, last - timedelta(days=83), last) == (
        "Since you started on 2 June 2026: your last two weeks (27 November to 10 December) "
        "average 3.0, down 3.0 from 6.0 in your first two weeks (2 to 15 June). That is a "
        "change large enough to matter. Within these 12 weeks (18 September to 10 December "
        "2026): your last two weeks (27 November to 10 December) average 3.0, against 4.0 in "
        "the first two of these weeks (18 September to 1 October). Not yet a change large "
        "enough to matter (1.2 points or more)."
    )


def test_a_period_from_the_start_gives_one_comparison() -> None:
    daily = steps((0, 13, 4.0), (14, 41, 5.2))
    story = change_story(daily, START - timedelta(days=10), START + timedelta(days=41))
    assert story == (
        "Since you started on 2 June 2026: your last two weeks (30 June to 13 July) average "
        "5.2, up 1.2 from 4.0 in your first two weeks (2 to 15 June). That is a change large "
        "enough to matter."
    )


def test_days_after_the_period_are_not_used() -> None:
    daily = steps((0, 55, 5.0), (56, 69, 1.0))
    story = change_story(daily, START, START + timedelta(days=55))
    assert "average 5.0" in story and "1.0" not in story


def test_too_few_ratings_say_what_is_needed() -> None:
    daily = steps((0, 20, 5.0))
    assert change_story(daily, START, START + timedelta(days=20)) == (
        "Since you started on 2 June 2026: not enough ratings yet to compare. This needs "
        "ratings on at least 4 days of the first two weeks and 4 days of the last two, four "
        "weeks or more apart."
    )
    assert change_story(diary({}), START, START) == NO_RATINGS


def test_a_start_in_another_year_names_its_year() -> None:
    daily = steps((0, 13, 6.0), (14, 230, 3.0))  # 2 June 2026 to 19 January 2027
    story = change_story(daily, START, START + timedelta(days=230))
    assert "in your first two weeks (2 to 15 June 2026)" in story


def test_date_spans() -> None:
    assert date_span(date(2026, 11, 13), date(2026, 11, 26)) == "13 to 26 November"
    assert (
        date_span(date(2026, 10, 28), date(2026, 11, 10), True) == "28 October to 10 November 2026"
    )
    assert date_span(date(2026, 12, 22), date(2027, 1, 4)) == "22 December 2026 to 4 January 2027"
