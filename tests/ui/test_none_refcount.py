"""PySide6 6.12.0 lowers None's reference count on common calls and aborts the process.

On CPython 3.11 the interpreter dies with `Fatal Python error: none_dealloc` after about
5,000 calls; 6.11.3 is clean. These tests fail loudly instead, so an upgrade cannot bring
the crash back silently.
"""

from __future__ import annotations

import gc
import sys
from collections.abc import Callable

from PySide6.QtWidgets import QApplication, QLabel

# isort: split
# PySide6 first, so pyqtgraph binds to it and not to another Qt binding.
import numpy as np
import pyqtgraph as pg

CALLS = 1000


def none_refcount_drop(call: Callable[[], object]) -> int:
    """How far None's reference count fell across CALLS calls (0 or less when clean)."""
    call()  # warm caches so one-off allocations do not count
    gc.disable()  # a collection mid-loop could free objects holding None and add noise
    try:
        before = sys.getrefcount(None)
        for _ in range(CALLS):
            call()
        return before - sys.getrefcount(None)
    finally:
        gc.enable()


def test_label_set_text_keeps_none_alive(qapp: QApplication) -> None:
    label = QLabel()
    assert none_refcount_drop(lambda: label.setText("12 min")) <= 0


def test_process_events_keeps_none_alive(qapp: QApplication) -> None:
    assert none_refcount_drop(QApplication.processEvents) <= 0


def test_plot_data_item_set_data_keeps_none_alive(qapp: QApplication) -> None:
    item = pg.PlotDataItem()
    x = np.arange(50, dtype=float)
    y = np.sin(x)
    assert none_refcount_drop(lambda: item.setData(x, y)) <= 0
