"""A measured walking cadence kept as the baseline a progression plan starts from."""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime

from coach.domain.tap_estimate import Steadiness, TapEstimate, TapTempoError, steadiness_of
from coach.domain.units import Quantity, check_range

SOURCE_TAPS = "tap"
"""The baseline was measured by tapping along with one's steps."""

# Shown when uneven taps are offered as a baseline (the screen normally prevents it).
ERR_UNEVEN_BASELINE = (
    "These taps were too uneven to keep as your usual cadence. "
    "Try again, tapping once each time a foot lands."
)


@dataclass(frozen=True)
class CadenceBaseline:
    """A cadence measured at a moment; `id` is None until the store has saved it."""

    measured_at: datetime
    cadence_spm: float
    taps: int
    variation: float
    source: str = SOURCE_TAPS
    id: int | None = None

    def __post_init__(self) -> None:
        if self.measured_at.utcoffset() is None:
            raise ValueError("The time of a cadence measurement must include its time zone.")
        check_range(Quantity.CADENCE, self.cadence_spm)
        if isinstance(self.taps, bool) or not isinstance(self.taps, int) or self.taps < 0:
            raise ValueError(f"The number of taps must be a whole number, not {self.taps!r}.")
        if not (math.isfinite(self.variation) and self.variation >= 0):
            raise ValueError(f"The tap variation must be 0 or more, not {self.variation!r}.")
        if not self.source:
            raise ValueError("A cadence measurement needs a source, such as 'tap'.")

    @property
    def steadiness(self) -> Steadiness:
        """How even the taps behind this baseline were."""
        return steadiness_of(self.variation)


def baseline_from_estimate(
    estimate: TapEstimate, at: datetime, source: str = SOURCE_TAPS
) -> CadenceBaseline:
    """The baseline a tap measurement gives; TapTempoError when the taps were too uneven."""
    if not estimate.reliable:
        raise TapTempoError(ERR_UNEVEN_BASELINE)
    return CadenceBaseline(at, estimate.cadence_spm, estimate.taps, estimate.variation, source)
