"""What a tap measurement gives: the estimate, its steadiness and the error; no numpy.

Kept apart from coach.domain.tap_tempo (which does the numpy fitting) so the storage layer and
the start-up path can use these types without importing numpy.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

# Coefficient of variation of the kept step intervals: tapping along with one's own steps
# usually varies by 3-6 %.
VERY_STEADY_BELOW = 0.05
STEADY_BELOW = 0.10


class TapTempoError(ValueError):
    """Taps that cannot give a cadence; the message says what to do instead."""


class Steadiness(StrEnum):
    """How even the taps were."""

    VERY_STEADY = "very steady"
    STEADY = "steady"
    UNEVEN = "uneven — try again"


@dataclass(frozen=True)
class TapEstimate:
    """A cadence measured from taps, with how much of the tapping it rests on."""

    cadence_spm: float
    taps: int
    used_taps: int
    rejected_taps: int
    missed_steps: int
    variation: float
    steadiness: Steadiness

    @property
    def reliable(self) -> bool:
        """Whether the taps were even enough to save the cadence as a baseline."""
        return self.steadiness is not Steadiness.UNEVEN


def steadiness_of(variation: float) -> Steadiness:
    """Words for a coefficient of variation of step intervals."""
    if variation < VERY_STEADY_BELOW:
        return Steadiness.VERY_STEADY
    return Steadiness.STEADY if variation < STEADY_BELOW else Steadiness.UNEVEN
