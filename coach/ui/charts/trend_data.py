"""Chart positions from day ordinals, and series that pyqtgraph draws without warnings.

The data itself (TrendModel) is gathered below the UI, in coach.services.trends.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

from coach.domain.pain_series import EPOCH_ORDINAL, SECONDS_PER_DAY


def day_to_x(days: NDArray[np.int64] | int) -> NDArray[np.float64]:
    """Chart x (seconds since 1970 of the day's start, read as UTC by the date axis)."""
    return (np.asarray(days, dtype=np.float64) - EPOCH_ORDINAL) * SECONDS_PER_DAY


def set_series(item: object, x: NDArray[np.float64], y: NDArray[np.float64]) -> None:
    """setData, but with no points at all when every y is NaN (pyqtgraph warns on those)."""
    if np.isfinite(y).any():
        item.setData(x, y)  # type: ignore[attr-defined]
    else:
        item.setData([], [])  # type: ignore[attr-defined]


def x_to_day(x: float) -> int:
    """The day ordinal that contains chart position x."""
    return int(np.floor(x / SECONDS_PER_DAY)) + EPOCH_ORDINAL
