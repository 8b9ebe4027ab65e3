"""Time the pain statistics behind the trend charts on long histories.

Run: .venv/bin/python benchmarks/trends_stats.py
Prints the median of several runs for each step and ends with a RESULT line.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import numpy as np

from coach.domain import pain_series, trends
from coach.domain.pain import PainEntry

TZ = ZoneInfo("Europe/Berlin")
START = datetime(2016, 1, 4, tzinfo=UTC)
REPEATS = 15


def median_ms(func: Callable[[], object], repeats: int = REPEATS) -> float:
    times = []
    for _ in range(repeats):
        begin = time.perf_counter()
        func()
        times.append((time.perf_counter() - begin) * 1000)
    return statistics.median(times)


def history(count: int, per_day: int) -> tuple[np.ndarray, np.ndarray]:
    """Unix seconds and pains: `per_day` ratings a day, slowly improving, with noise."""
    rng = np.random.default_rng(1)
    day = np.arange(count) // per_day
    seconds = int(START.timestamp()) + day * 86_400 + rng.integers(6 * 3600, 22 * 3600, count)
    level = 6.5 - 3.0 * day / max(day[-1], 1) + rng.normal(0, 1.5, count)
    return np.sort(seconds), np.clip(np.round(level), 0, 10).astype(np.int64)


def entries_from(seconds: np.ndarray, pains: np.ndarray, zone: object) -> list[PainEntry]:
    return [
        PainEntry(at=datetime.fromtimestamp(int(s), zone), pain=int(p))  # type: ignore[arg-type]
        for s, p in zip(seconds, pains, strict=True)
    ]


def run_case(name: str, count: int, per_day: int) -> float:
    seconds, pains = history(count, per_day)
    pain_series._offset_changes.cache_clear()
    begin = time.perf_counter()
    samples = pain_series.samples_from_utc_seconds(seconds, pains, TZ)
    cold = (time.perf_counter() - begin) * 1000
    daily = pain_series.daily_series(samples)
    steps = {
        "samples from UTC seconds (warm)": lambda: pain_series.samples_from_utc_seconds(
            seconds, pains, TZ
        ),
        "daily series": lambda: pain_series.daily_series(samples),
        "7-day rolling mean": lambda: pain_series.rolling_mean(daily),
        "weekly means": lambda: pain_series.weekly_means(daily),
        "Theil-Sen trend": lambda: trends.theil_sen(daily),
        "meaningful change": lambda: trends.meaningful_change(daily),
    }
    trends._sampled_pairs.cache_clear()
    begin = time.perf_counter()
    trends.theil_sen(daily)
    first_trend = (time.perf_counter() - begin) * 1000
    print(f"\n{name}: {count:,} ratings on {len(daily):,} days")
    print(f"  {'samples from UTC seconds (cold)':36} {cold:8.2f} ms")
    print(f"  {'Theil-Sen trend (first call)':36} {first_trend:8.2f} ms")
    for label, func in steps.items():
        print(f"  {label:36} {median_ms(func):8.2f} ms")
    total = median_ms(lambda: trends.compute_statistics(samples))
    print(f"  {'compute_statistics (all of them)':36} {total:8.2f} ms")
    local = entries_from(seconds, pains, TZ)
    fixed = [PainEntry(at=e.at.astimezone(timezone(e.at.utcoffset() or timedelta())), pain=e.pain)
             for e in local]  # fmt: skip
    from_local = median_ms(lambda: pain_series.samples_from_entries(local, TZ), 5)
    from_fixed = median_ms(lambda: pain_series.samples_from_entries(fixed, TZ), 5)
    print(f"  {'samples from entries, zone = tz':36} {from_local:8.2f} ms")
    print(f"  {'samples from entries, fixed offsets':36} {from_fixed:8.2f} ms")
    return total


def main() -> None:
    ten_years = run_case("10 years x 3 a day", 3 * 3653, 3)
    hundred_k = run_case("100,000 ratings over 10 years", 100_000, 28)
    long_k = run_case("100,000 ratings at 3 a day (91 years)", 100_000, 3)
    print(
        f"\nRESULT ten_years_ms={ten_years:.2f} hundred_k_ms={hundred_k:.2f} "
        f"hundred_k_3_a_day_ms={long_k:.2f}"
    )


if __name__ == "__main__":
    main()
