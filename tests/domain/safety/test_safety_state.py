"""The one safety state: what starts it, what ends it, and the words it uses."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from hypothesis import given, settings
from hypothesis import strategies as st

from coach.domain.safety.state import SafetyInputs, SignReport, assess, history_lines
from coach.domain.safety.urgency import (
    LEG_SYMPTOMS_AFTER_WALK,
    PAUSED_LINE,
    SIGN_URGENCY,
    URGENCY_WORDS,
    Urgency,
    most_urgent,
)

BERLIN = ZoneInfo("Europe/Berlin")
TODAY = date(2026, 6, 30)


def at(days_ago: float, hour: int = 9) -> datetime:
    """A moment `days_ago` days before TODAY at `hour` in Berlin."""
    return datetime(2026, 6, 30, hour, tzinfo=BERLIN) - timedelta(days=days_ago)


def signs(days_ago: float, *keys: str) -> SignReport:
    return SignReport(at(days_ago), frozenset(keys))


def steady_then_up(up_days: int = 7) -> tuple[tuple[datetime, int], ...]:
    """Pain 3 every day for weeks, then 7 for the last `up_days` days."""
    return tuple((at(k), 7 if k < up_days else 3) for k in range(40))


def test_nothing_noted_means_clear() -> None:
    state = assess(SafetyInputs(ratings=tuple((at(k), 4) for k in range(40))), BERLIN, TODAY)
    assert not state.active and state.message is None and state.messages == ()


def test_bladder_or_saddle_signs_get_the_emergency_words_everywhere() -> None:
    state = assess(SafetyInputs(reports=(signs(0, "bladder_bowel"),)), BERLIN, TODAY)
    assert state.urgency is Urgency.EMERGENCY
    assert state.message is not None
    assert state.message.title == URGENCY_WORDS[Urgency.EMERGENCY].title
    assert "emergency department" in state.message.text
    assert "physiotherapist" not in state.message.text
    assert PAUSED_LINE in state.message.text
    assert state.message.reason == "On Tuesday 30 June you noted: new bladder or bowel problems."


def test_other_signs_say_see_a_doctor_promptly() -> None:
    for key in ("leg_weakness", "fever_weight_loss", "trauma", "past_cancer", "night_pain"):
        state = assess(SafetyInputs(reports=(signs(3, key),)), BERLIN, TODAY)
        assert state.urgency is Urgency.PROMPTLY
        assert state.message is not None and "see a doctor promptly" in state.message.text


def test_leg_symptoms_after_a_walk_are_a_prompt_doctor_visit() -> None:
    state = assess(SafetyInputs(reports=(signs(1, LEG_SYMPTOMS_AFTER_WALK),)), BERLIN, TODAY)
    assert state.urgency is Urgency.PROMPTLY and state.message is not None
    assert "numbness or weakness in a leg" in state.message.reason


def test_a_sign_stays_active_until_the_person_says_a_clinician_checked() -> None:
    old = (signs(60, "trauma"),)
    assert assess(SafetyInputs(reports=old), BERLIN, TODAY).active  # no window ends it
    cleared = assess(SafetyInputs(reports=old, cleared=(at(10),)), BERLIN, TODAY)
    assert not cleared.active
    line = "On Saturday 20 June you said a clinician had checked your back."
    assert cleared.cleared_line() == line
    again = SafetyInputs(reports=(*old, signs(2, "night_pain")), cleared=(at(10),))
    state = assess(again, BERLIN, TODAY)
    assert state.active and state.signs == ((TODAY - timedelta(days=2), frozenset({"night_pain"})),)


def test_worsening_starts_the_state_and_it_stays_after_pain_settles() -> None:
    state = assess(SafetyInputs(ratings=steady_then_up()), BERLIN, TODAY)
    assert state.urgency is Urgency.SOON and state.worsening is not None
    # Pain rose 20 days ago and came back down: the state still waits for the person.
    settled = tuple((at(k), 7 if 20 <= k < 27 else 3) for k in range(60))
    assert assess(SafetyInputs(ratings=settled), BERLIN, TODAY).active


def test_after_a_clearance_only_later_ratings_count() -> None:
    ratings = steady_then_up(up_days=12)
    state = assess(SafetyInputs(ratings=ratings, cleared=(at(4, 20),)), BERLIN, TODAY)
    assert not state.active  # the level the clinician saw is the new starting point


def test_a_flare_gives_calm_advice_but_never_pauses() -> None:
    ratings = tuple((at(k), 9 if k == 1 else 3) for k in range(10))
    state = assess(SafetyInputs(ratings=ratings), BERLIN, TODAY)
    assert not state.active and state.flare is not None
    assert state.flare_message is not None
    assert "Keep gently active" in state.flare_message.text
    assert "Monday 29 June" in state.flare_message.reason


def test_signs_after_today_are_ignored() -> None:
    assert not assess(SafetyInputs(reports=(signs(-1, "trauma"),)), BERLIN, TODAY).active


def test_every_onboarding_sign_is_in_the_urgency_table() -> None:
    from coach.domain.safety.red_flags import RED_FLAG_KEYS

    assert set(RED_FLAG_KEYS) <= set(SIGN_URGENCY)
    assert {k for k, u in SIGN_URGENCY.items() if u is Urgency.EMERGENCY} == {
        "bladder_bowel",
        "saddle_numbness",
    }


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.tuples(st.integers(0, 40), st.sampled_from(sorted(SIGN_URGENCY))), max_size=4),
    st.lists(st.integers(0, 40), max_size=3),
)
def test_active_exactly_when_a_sign_follows_the_last_clearance(
    noted: list[tuple[int, str]], cleared_days: list[int]
) -> None:
    reports = tuple(signs(days, key) for days, key in noted)
    cleared = tuple(at(days, 12) for days in cleared_days)
    state = assess(SafetyInputs(reports=reports, cleared=cleared), BERLIN, TODAY)
    last = max(cleared, default=None)
    live = [r for r in reports if last is None or r.at > last]
    assert state.active == bool(live)
    assert state.urgency is most_urgent(k for r in live for k in r.signs)


def test_history_lists_signs_and_checks_in_the_period_oldest_first() -> None:
    inputs = SafetyInputs(
        reports=(signs(20, "fever_weight_loss"), signs(5, "leg_weakness"), signs(5, "trauma")),
        cleared=(at(2, hour=15), at(40)),
    )
    lines = history_lines(inputs, BERLIN, TODAY - timedelta(days=10), TODAY)
    assert len(lines) == 2  # the sign 20 days ago and the check 40 days ago are outside
    assert lines[0].startswith("On Thursday 25 June you noted: ")
    assert "leg weakness" in lines[0] and "after a fall" in lines[0]
    assert lines[1] == "On Sunday 28 June you said a clinician had checked your back."
    assert lines[1] == assess(inputs, BERLIN, TODAY).cleared_line()
