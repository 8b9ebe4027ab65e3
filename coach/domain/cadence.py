"""The cadence maths: speed, cadence and step length, calibration, stride changes, intensity.

All values are metric: km/h, steps/min and cm. Inputs are checked against the human ranges
in coach.domain.units, so a slip of the finger is refused rather than turned into a tempo.
"""

from __future__ import annotations

from enum import StrEnum

from coach.domain.preferences import Range
from coach.domain.units import METRIC_RANGES, OutOfRangeError, Quantity, check_range, round_to

# Step length while walking is about 0.414 x body height: a long-used rule of thumb (pedometer
# makers use 0.413 for women, 0.415 for men) with no primary study we could find, so it is our
# own starting value until a calibration walk measures the real one (docs/evidence.md).
STEP_LENGTH_PER_HEIGHT = 0.414

# PRODUCT.md: speed (km/h) = steps/min x step length (m) x 60 / 1000. With step length in
# cm that is steps/min x cm x 0.0006; this factor turns (steps/min x cm) into km/h.
_KMH_PER_SPM_CM = 60 / 1000 / 100

# Tudor-Locke et al., IJBNPA 2019 (PRODUCT.md): about 100 steps/min marks moderate and about
# 130 vigorous walking intensity. The one place these thresholds live.
MODERATE_FROM_SPM = 100
VIGOROUS_FROM_SPM = 130

# "Slightly shorter steps" is the app's line (PRODUCT.md); a change of more than a fifth at
# once is a different gait, and the WalkBack trial saw more lower-limb complaints with more
# walking, so changes stay gradual.
STRIDE_SHORTENING_PERCENT = Range(1, 20)

# A calibration walk: at least a few steps so a miscount of one matters little, and no
# more than a long corridor or a running track lap.
CALIBRATION_DISTANCE_M = Range(2, 1000)
CALIBRATION_STEPS = Range(4, 2000)


# Presets on the cadence screen (issue 4), our own choice: "easy" sits just below the moderate
# threshold, "brisk" just above it and below the 115 steps/min that pedestrians observed in
# real life average (Tudor-Locke and Rowe, Sports Med 2012). See docs/evidence.md.
EASY_SPM = 95
BRISK_SPM = 105
# The -/+ buttons and keys change the cadence by these steps.
SMALL_CHANGE_SPM = 1
LARGE_CHANGE_SPM = 5


class IntensityBand(StrEnum):
    """How hard walking at a cadence is, by the Tudor-Locke cadence thresholds."""

    LIGHT = "light"
    MODERATE = "moderate"
    VIGOROUS = "vigorous"


def intensity_band(cadence_spm: float) -> IntensityBand:
    """The walking intensity band a cadence falls in (below 100 light, from 130 vigorous)."""
    if cadence_spm >= VIGOROUS_FROM_SPM:
        return IntensityBand.VIGOROUS
    if cadence_spm >= MODERATE_FROM_SPM:
        return IntensityBand.MODERATE
    return IntensityBand.LIGHT


def adjust_cadence(cadence_spm: float, change_spm: int) -> int:
    """A whole cadence changed by change_spm and kept within 40-220 (the -/+ buttons)."""
    bounds = METRIC_RANGES[Quantity.CADENCE]
    changed = round_to(cadence_spm, 1.0) + change_spm
    return int(min(max(changed, bounds.low), bounds.high))


def cadence_presets(plan_target_spm: int | None = None) -> dict[str, int]:
    """The preset cadences by name: easy, brisk and, when a plan runs, this week's target."""
    presets = {"easy": EASY_SPM, "brisk": BRISK_SPM}
    if plan_target_spm is not None:
        presets["target"] = plan_target_spm
    return presets


def speed_from(cadence_spm: float, step_length_cm: float) -> float:
    """Walking speed in km/h from cadence and step length."""
    return cadence_spm * step_length_cm * _KMH_PER_SPM_CM


def cadence_from(speed_kmh: float, step_length_cm: float) -> float:
    """The cadence in steps/min that covers speed_kmh with steps of step_length_cm."""
    return speed_kmh / (step_length_cm * _KMH_PER_SPM_CM)


def step_length_from(speed_kmh: float, cadence_spm: float) -> float:
    """The step length in cm that gives speed_kmh at cadence_spm."""
    return speed_kmh / (cadence_spm * _KMH_PER_SPM_CM)


def step_length_from_height(height_cm: float) -> float:
    """The usual walking step length in cm for a body height in cm (0.414 x height)."""
    check_range(Quantity.HEIGHT, height_cm)
    return STEP_LENGTH_PER_HEIGHT * height_cm


def step_length_from_distance(distance_m: float, steps: int) -> float:
    """Calibration (a): the step length in cm from a walked distance and its step count.

    Raises OutOfRangeError for a distance or count outside a sensible walk, or when the
    result is not a human step length (a miscounted walk).
    """
    _check("distance", distance_m, CALIBRATION_DISTANCE_M, "m", "The distance walked")
    _check("steps", steps, CALIBRATION_STEPS, "steps", "The number of steps")
    return check_range(Quantity.STEP_LENGTH, distance_m * 100 / steps)


def step_length_on_treadmill(speed_kmh: float, cadence_spm: float) -> float:
    """Calibration (b): the step length in cm from a treadmill speed and the tapped cadence.

    Raises OutOfRangeError when either input, or the step length they give, is outside
    its human range.
    """
    check_range(Quantity.SPEED, speed_kmh)
    check_range(Quantity.CADENCE, cadence_spm)
    return check_range(Quantity.STEP_LENGTH, step_length_from(speed_kmh, cadence_spm))


def check_stride_change(percent: float) -> float:
    """Return percent if it is a sensible stride change (1-20 %), else raise OutOfRangeError."""
    _check("stride_change", percent, STRIDE_SHORTENING_PERCENT, "%", "The change in step length")
    return float(percent)


def shorter_stride_cadence(cadence_spm: float, percent: float) -> float:
    """The cadence that keeps the same speed with steps percent % shorter.

    Speed is cadence x step length, so a step of (1 - N/100) of its length needs
    1 / (1 - N/100) times the cadence: 10 % shorter steps need 11.1 % more of them.
    Raises OutOfRangeError when percent is outside 1-20 or the cadence leaves 40-220.
    """
    check_range(Quantity.CADENCE, cadence_spm)
    check_stride_change(percent)
    return check_range(Quantity.CADENCE, cadence_spm / (1 - percent / 100))


def shorter_step_length(step_length_cm: float, percent: float) -> float:
    """A step length made percent % shorter (percent within 1-20)."""
    check_stride_change(percent)
    return check_range(Quantity.STEP_LENGTH, step_length_cm * (1 - percent / 100))


def _check(field: str, value: float, bounds: Range, unit: str, label: str) -> None:
    if not bounds.low <= value <= bounds.high:
        raise OutOfRangeError(field, value, bounds.low, bounds.high, unit, label)
