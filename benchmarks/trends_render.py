"""Time a full refresh of the trends chart on long histories, offscreen.

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/trends_render.py

A full refresh is what the Trends screen does after the diary changed: every statistic
(coach.domain.pain_series, coach.domain.trends, coach.domain.safety.rules, weekly minutes and
cadence), setData on every chart item, and one synchronous repaint of the whole chart
widget. Reading the store is timed separately (it happens once per change, before the
refresh). Medians of several runs; ends with a RESULT line.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from coach.domain.pain import PainEntry
from coach.domain.progression import make_plan
from coach.domain.safety.state import SafetyInputs
from coach.services.trends import TrendInputs, build_model
from coach.storage.database import open_store
from coach.storage.pain_repo import PainRepository
from coach.ui.charts.palette import palette_for
from coach.ui.charts.trends_chart import ChartRange, TrendsChart

TZ = ZoneInfo("Europe/Berlin")
START = datetime(2016, 1, 4, tzinfo=UTC)
TODAY = date(2026, 1, 4)
REPEATS = 21
SIZE = (1200, 700)


def median_ms(
    func: Callable[[], object],
    repeats: int = REPEATS,
    clock: Callable[[], float] = time.perf_counter,
) -> float:
    """Median time of func in milliseconds (wall clock unless told), after one warm-up."""
    func()
    times = []
    for _ in range(repeats):
        begin = clock()
        func()
        times.append((clock() - begin) * 1000)
    return statistics.median(times)


def history(count: int, per_day: int) -> tuple[np.ndarray, np.ndarray]:
    """Unix seconds and pains: `per_day` ratings a day, slowly improving, with noise."""
    rng = np.random.default_rng(1)
    day = np.arange(count) // per_day
    seconds = int(START.timestamp()) + day * 86_400 + rng.integers(6 * 3600, 22 * 3600, count)
    level = 6.5 - 3.0 * day / max(day[-1], 1) + rng.normal(0, 1.5, count)
    return np.sort(seconds), np.clip(np.round(level), 0, 10).astype(np.int64)


def inputs_for(seconds: np.ndarray, pains: np.ndarray) -> TrendInputs:
    """Ratings plus ten years of walks (every other day) and a cadence plan."""
    first = (START.date()).toordinal()
    walk_days = np.arange(first, TODAY.toordinal(), 2, dtype=np.int64)
    return TrendInputs(
        seconds=seconds,
        pains=pains,
        walk_days=walk_days,
        walk_minutes=np.full(walk_days.size, 25.0),
        walk_cadence=np.full(walk_days.size, 108.0),
        walk_guided=walk_days % 4 == 0,
        plan=make_plan(102, date(2024, 1, 1)),
        safety=SafetyInputs(),
    )


def chart_widget() -> TrendsChart:
    """A chart laid out at SIZE that never appears on a screen."""
    chart = TrendsChart(palette_for("light"))
    chart.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)
    chart.resize(*SIZE)
    chart.show()
    return chart


def full_refresh_ms(
    app: QApplication, chart: TrendsChart, inputs: TrendInputs
) -> tuple[float, float]:
    """Statistics + setData + one repaint: median wall and CPU (this process) milliseconds."""
    chart.chart_range = ChartRange.ALL

    def refresh() -> None:
        chart.set_model(build_model(inputs, TZ, TODAY))
        chart.viewport().repaint()

    refresh()
    app.processEvents()
    return median_ms(refresh), median_ms(refresh, clock=time.process_time)


def parts_ms(chart: TrendsChart, inputs: TrendInputs) -> dict[str, float]:
    """The refresh split into its steps."""
    model = build_model(inputs, TZ, TODAY)
    return {
        "statistics (build_model)": median_ms(lambda: build_model(inputs, TZ, TODAY)),
        "setData on every item": median_ms(lambda: chart.set_model(model)),
        "one repaint": median_ms(lambda: chart.viewport().repaint()),
    }


def bare_plot_ms(app: QApplication) -> float:
    """The floor: a plain PlotWidget line of ten years of daily points, setData + repaint."""
    widget = pg.PlotWidget()
    widget.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)
    widget.resize(*SIZE)
    widget.show()
    curve = widget.plot()
    x = np.arange(3653, dtype=np.float64) * 86_400
    y = np.random.default_rng(2).normal(5, 1, 3653)

    def draw() -> None:
        curve.setData(x, y)
        widget.viewport().repaint()

    draw()
    app.processEvents()
    return median_ms(draw)


def store_load_ms(seconds: np.ndarray, pains: np.ndarray) -> float:
    """Reading the ratings back as arrays from a real store (once per data change)."""
    with tempfile.TemporaryDirectory() as folder:
        os.environ["COACH_DATA_DIR"] = folder
        with open_store() as store:
            repo = PainRepository(store)
            with store.transaction():
                for s, p in zip(seconds.tolist(), pains.tolist(), strict=True):
                    repo.add(PainEntry(at=datetime.fromtimestamp(s, TZ), pain=p))
            return median_ms(repo.utc_seconds_and_pains, 7)


def run_case(app: QApplication, name: str, count: int, per_day: int) -> float:
    """Print one case's figures and return its full-refresh median."""
    seconds, pains = history(count, per_day)
    inputs = inputs_for(seconds, pains)
    chart = chart_widget()
    total, cpu = full_refresh_ms(app, chart, inputs)
    print(f"\n{name}: {count:,} ratings")
    for label, value in parts_ms(chart, inputs).items():
        print(f"  {label:32} {value:8.2f} ms")
    print(f"  {'full refresh':32} {total:8.2f} ms")
    print(f"  {'full refresh, CPU time':32} {cpu:8.2f} ms  (less affected by other load)")
    chart.close()
    return total


def main() -> int:
    """Run both cases and the floor; print the RESULT line."""
    app = QApplication.instance() or QApplication(sys.argv)
    print(f"load average before: {os.getloadavg()[0]:.2f} (1 min), {os.cpu_count()} CPUs")
    floor = bare_plot_ms(app)
    print(f"bare pyqtgraph plot, 10 years of daily points: {floor:.2f} ms")
    ten_years = run_case(app, "10 years x 3 a day", 3 * 3653, 3)
    hundred_k = run_case(app, "100,000 ratings over 10 years", 100_000, 28)
    seconds, pains = history(3 * 3653, 3)
    print(f"\nstore -> arrays, 10 years x 3 a day: {store_load_ms(seconds, pains):.2f} ms")
    print(
        f"\nRESULT ten_years_ms={ten_years:.2f} hundred_k_ms={hundred_k:.2f} floor_ms={floor:.2f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
