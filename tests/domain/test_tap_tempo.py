import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coach.domain.tap_tempo import (
    MIN_TAPS,
    RESTART_AFTER_S,
    Steadiness,
    TapRecorder,
    TapTempoError,
    estimate_cadence,
    live_cadence,
    steadiness_of,
)
from coach.domain.units import OutOfRangeError

OUTLIER_KINDS = ("missed", "double", "early", "late")


def even_taps(cadence: float, count: int, start: float = 3.0) -> list[float]:
    return [start + i * 60 / cadence for i in range(count)]


@st.composite
def jittered_taps(draw: st.DrawFn) -> tuple[float, list[float], dict[str, int]]:
    """Taps around a steady beat: 3 % gaussian timing jitter, plus spaced-out outliers."""
    cadence = draw(st.floats(42, 218))
    count = draw(st.integers(30, 90))
    rng = np.random.default_rng(draw(st.integers(0, 2**32 - 1)))
    step = 60 / cadence
    times = list(10 + np.arange(count) * step + rng.normal(0, 0.03 * step, count))
    outliers = draw(
        st.lists(
            st.tuples(st.integers(1, (count - 2) // 4), st.sampled_from(OUTLIER_KINDS)),
            max_size=count // 10,
            unique_by=lambda slot: slot[0],
        )
    )
    kinds = dict.fromkeys(OUTLIER_KINDS, 0)
    # Every fourth tap at most, from the end, so each outlier has good taps around it.
    for slot, kind in sorted(outliers, reverse=True):
        at = 4 * slot
        kinds[kind] += 1
        if kind == "missed":
            del times[at]
        elif kind == "double":  # a key bounce or stray second tap on the same footfall
            times.insert(at + 1, times[at] + rng.uniform(0.02, 0.3) * step)
        else:  # a tap well off its footfall
            shift = rng.uniform(0.15, 0.3) * step
            times[at] += shift if kind == "late" else -shift
    return cadence, times, kinds


@settings(max_examples=300)
@given(jittered_taps())
def test_jittered_taps_with_outliers_give_the_true_cadence(
    case: tuple[float, list[float], dict[str, int]],
) -> None:
    cadence, times, kinds = case
    estimate = estimate_cadence(times)
    assert abs(estimate.cadence_spm - cadence) < 1
    assert estimate.rejected_taps >= kinds["double"]
    assert estimate.missed_steps >= kinds["missed"]
    assert estimate.used_taps + estimate.rejected_taps == estimate.taps == len(times)
    assert estimate.steadiness is not Steadiness.UNEVEN


@given(st.floats(40, 220), st.integers(MIN_TAPS, 60), st.floats(0, 100))
def test_even_taps_give_the_exact_cadence(cadence: float, count: int, start: float) -> None:
    estimate = estimate_cadence(even_taps(cadence, count, start))
    assert estimate.cadence_spm == pytest.approx(cadence, rel=1e-9)
    assert estimate.rejected_taps == 0
    assert estimate.steadiness is Steadiness.VERY_STEADY


def test_docs_example_eleven_taps() -> None:
    # docs/cadence.md: 11 taps 0.6 s apart are 10 steps at 100 steps/min.
    estimate = estimate_cadence(even_taps(100, 11))
    assert estimate.cadence_spm == pytest.approx(100)
    assert (estimate.taps, estimate.used_taps) == (11, 11)


def test_docs_example_double_and_missed_tap() -> None:
    # docs/cadence.md: a bounce 0.05 s after a tap and one footfall not tapped.
    times = even_taps(100, 14)
    del times[9]
    times.insert(4, times[3] + 0.05)
    estimate = estimate_cadence(times)
    assert estimate.cadence_spm == pytest.approx(100)
    assert (estimate.rejected_taps, estimate.missed_steps) == (1, 1)


def test_a_pause_starts_a_new_run_but_keeps_the_taps() -> None:
    times = even_taps(110, 12) + even_taps(110, 12, start=30.123)
    estimate = estimate_cadence(times)
    assert estimate.cadence_spm == pytest.approx(110)
    assert estimate.used_taps == 24


@pytest.mark.parametrize("count", [0, 1, 10])
def test_too_few_taps(count: int) -> None:
    with pytest.raises(TapTempoError, match=r"at least 10 steps \(11 taps\)\. So far: "):
        estimate_cadence(even_taps(100, count))


def test_times_must_go_forward() -> None:
    times = even_taps(100, 12)
    times[5] = times[4]
    with pytest.raises(TapTempoError, match="go forward"):
        estimate_cadence(times)


@pytest.mark.parametrize("seed", range(5))
def test_random_taps_are_too_uneven(seed: int) -> None:
    times = np.cumsum(np.random.default_rng(seed).uniform(0.1, 1.5, 20))
    with pytest.raises(TapTempoError, match="too uneven"):
        estimate_cadence(list(times))


def test_taps_faster_than_walking_are_refused_with_the_range() -> None:
    with pytest.raises(OutOfRangeError, match="between 40 and 220 steps/min"):
        estimate_cadence(even_taps(300, 20))


def test_uneven_taps_are_reported_as_uneven() -> None:
    rng = np.random.default_rng(7)
    times = list(np.cumsum(0.6 * (1 + rng.normal(0, 0.12, 40))))
    estimate = estimate_cadence(times)
    assert estimate.steadiness is Steadiness.UNEVEN
    assert not estimate.reliable


@pytest.mark.parametrize(
    ("variation", "words"),
    [(0.0, "very steady"), (0.049, "very steady"), (0.05, "steady"), (0.1, "uneven — try again")],
)
def test_steadiness_words(variation: float, words: str) -> None:
    assert steadiness_of(variation) == words


def test_live_cadence_while_tapping() -> None:
    times = even_taps(120, 6)
    assert live_cadence(times[:2]) is None
    assert live_cadence(times[:3]) == pytest.approx(120)
    bounced = [*times, times[-1] + 0.04, times[-1] + 0.5]
    assert live_cadence(bounced) == pytest.approx(120)
    after_pause = [*times, times[-1] + 10, times[-1] + 10.6, times[-1] + 11.2]
    assert live_cadence(after_pause) == pytest.approx(100)
    assert live_cadence([0.0, 0.1, 1.1]) is None  # a bounce and a step: no number yet


@given(st.lists(st.floats(0.01, 5), max_size=30))
def test_live_cadence_never_fails(intervals: list[float]) -> None:
    times = list(np.cumsum(intervals))
    value = live_cadence(times)
    assert value is None or value > 0


def test_recorder_collects_taps_and_restarts_after_a_pause() -> None:
    recorder = TapRecorder()
    for t in even_taps(100, 5):
        recorder = recorder.tap(t)
    assert recorder.taps_needed == MIN_TAPS - 5
    assert recorder.tap(recorder.times_s[-1]) is recorder  # auto-repeat, same time
    restarted = recorder.tap(recorder.times_s[-1] + RESTART_AFTER_S + 0.1)
    assert len(restarted.times_s) == 1
    for t in even_taps(100, 11, start=100):
        recorder = recorder.tap(t)
    assert recorder.taps_needed == 0
    assert recorder.live_cadence == pytest.approx(100)
    assert recorder.estimate().cadence_spm == pytest.approx(100)


def test_eleven_ordinary_taps_are_never_thrown_away() -> None:
    """With only 11 taps the MAD is noisy; 3 % jitter must still give a usable reading."""
    for seed in range(300):
        rng = np.random.default_rng(seed)
        times = list(np.arange(11) * 0.6 + rng.normal(0, 0.018, 11))
        estimate = estimate_cadence(times)
        assert abs(estimate.cadence_spm - 100) < 1.5
        assert estimate.used_taps >= 9


@given(st.lists(st.floats(allow_nan=True, allow_infinity=True), max_size=40))
def test_any_tap_times_give_an_estimate_or_a_clear_error(times: list[float]) -> None:
    try:
        estimate = estimate_cadence(times)
    except (TapTempoError, OutOfRangeError) as error:
        assert str(error)
    else:
        assert 40 <= estimate.cadence_spm <= 220


@given(st.lists(st.floats(0.05, 3), min_size=MIN_TAPS, max_size=60))
def test_any_increasing_taps_give_an_estimate_or_a_clear_error(intervals: list[float]) -> None:
    try:
        estimate = estimate_cadence(list(np.cumsum([0.0, *intervals])))
    except (TapTempoError, OutOfRangeError) as error:
        assert str(error)
    else:
        assert 40 <= estimate.cadence_spm <= 220
        assert estimate.used_taps + estimate.rejected_taps == estimate.taps
