"""The start-up probe, the quick GUI start and the start-up benchmark itself."""

from __future__ import annotations

import importlib.util
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest
from packaging_modules import ROOT

from coach.app import STARTUP_PROBE_ENV
from coach.storage.database import open_store
from coach.storage.preferences_repo import PreferencesRepository

TIMEOUT_S = 120  # a safety net for a hung child, not a wait
LOADED_COMMANDS = """
import sys
from coach.__main__ import main
code = main(["--self-test"])
print("COMMAND MODULES", sorted(m for m in sys.modules if m.startswith("coach.commands.")))
sys.exit(code)
"""
# Modules the first paint must not wait for: the sound stack, the charts, the plan files'
# schemas, the quick pain log, the plan and routine types and the Metronome plan panel (each is
# loaded when first needed, after the paint), and stdlib modules the start no longer uses
# (logging.handlers brings socket and pickle; secrets brings hmac and hashlib).
NOT_ON_THE_START_PATH = [
    "numpy",
    "sounddevice",
    "coach.audio.programs.model",
    "coach.ui.controllers.metronome",
    "pyqtgraph",
    "pydantic",
    "coach.domain.plan_files.loading",
    "coach.ui.dialogs.log_pain",
    "coach.domain.plans",
    "coach.domain.routines",
    "coach.ui.metronome.plan",
    "logging.handlers",
    "secrets",
    "_strptime",
]
# Qt classes whose set-up (their enums) the first paint must not wait for: QWizard stands for
# every widget class, which PySide sets up to find the type of the first widget that Qt hands
# back to Python (QAbstractScrollArea.viewport(), for one); QStyle comes with app.setStyle().
NOT_SET_UP = ["QWizard", "QStyle"]
# The everyday start with the first-paint report wrapped to list what was already imported.
LOADED_AT_FIRST_PAINT = f"""
import sys
import coach.app
report = coach.app._report_first_paint
def report_with_modules():
    heavy = {NOT_ON_THE_START_PATH!r}
    print("LOADED AT FIRST PAINT", [m for m in heavy if m in sys.modules], flush=True)
    widgets = vars(sys.modules["PySide6.QtWidgets"])  # PySide sets a class up on first use
    print("QT CLASSES SET UP", [name for name in {NOT_SET_UP!r} if name in widgets], flush=True)
    report()
coach.app._report_first_paint = report_with_modules
from coach.__main__ import main
sys.exit(main([]))
"""


def child_env(data_dir: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in {"DISPLAY", "WAYLAND_DISPLAY"}}
    env.update(QT_QPA_PLATFORM="offscreen", COACH_DATA_DIR=str(data_dir), **extra)
    return env


def run(command: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        command, env=env, capture_output=True, text=True, timeout=TIMEOUT_S, check=False
    )


def onboarding_done() -> None:
    store = open_store()
    PreferencesRepository(store).set("onboarding_done", True)
    store.close()


def test_the_probe_reports_the_first_paint_of_the_everyday_start(private_data_dir: Path) -> None:
    onboarding_done()
    started = time.monotonic()
    result = run(
        [sys.executable, "-m", "coach"], child_env(private_data_dir, **{STARTUP_PROBE_ENV: "1"})
    )
    assert result.returncode == 0, result.stderr
    reports = [line for line in result.stdout.splitlines() if line.startswith("FIRST_PAINT ")]
    assert len(reports) == 1
    _, painted, cpu = reports[0].split()
    assert started < float(painted) < time.monotonic()
    assert float(cpu) > 0  # the child's own CPU time up to the paint


def test_the_window_paints_before_sound_charts_schemas_and_the_pain_log_load(
    private_data_dir: Path,
) -> None:
    onboarding_done()
    env = child_env(private_data_dir, **{STARTUP_PROBE_ENV: "1"})
    result = run([sys.executable, "-c", LOADED_AT_FIRST_PAINT], env)
    assert result.returncode == 0, result.stderr
    assert "LOADED AT FIRST PAINT []" in result.stdout, result.stdout
    assert "QT CLASSES SET UP []" in result.stdout, result.stdout
    assert (
        len([line for line in result.stdout.splitlines() if line.startswith("FIRST_PAINT ")]) == 1
    )


def test_the_gui_start_does_not_import_the_subcommands(private_data_dir: Path) -> None:
    result = run([sys.executable, "-c", LOADED_COMMANDS], child_env(private_data_dir))
    assert result.returncode == 0, result.stderr
    assert "Self-test passed." in result.stdout
    assert "COMMAND MODULES []" in result.stdout


def test_the_qt_free_start_modules_come_before_pyside(tmp_path: Path) -> None:
    # PySide6 reads the source of every module imported after it; these are imported first.
    program = (
        "import importlib, sys\n"
        "from coach.__main__ import QT_FREE_START_MODULES\n"
        "for name in QT_FREE_START_MODULES: importlib.import_module(name)\n"
        "print('PYSIDE LOADED', 'PySide6' in sys.modules)"
    )
    result = run([sys.executable, "-c", program], child_env(tmp_path))
    assert result.returncode == 0, result.stderr
    assert "PYSIDE LOADED False" in result.stdout


def test_the_benchmark_prints_its_result_line(tmp_path: Path) -> None:
    script = ROOT / "benchmarks" / "startup.py"
    command = [sys.executable, str(script), "--runs", "1", "--bundle", str(tmp_path / "none")]
    result = run(command, child_env(tmp_path))
    assert result.returncode in (0, 1), result.stderr  # 1 only says a target was missed
    assert "No bundle at" in result.stdout
    assert re.search(
        r"^RESULT source_s=\d+\.\d{3} bundle_s=not-built floor_s=\d+\.\d{3}$",
        result.stdout,
        re.MULTILINE,
    ), result.stdout
    assert re.search(
        r"^CPU source_s=\d+\.\d{3} floor_s=\d+\.\d{3} ratio=\d+\.\d{2}$",
        result.stdout,
        re.MULTILINE,
    ), result.stdout


def test_the_benchmark_lets_its_children_keep_a_bytecode_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # As on a user's machine after the first start; this sandbox may forbid writing it.
    spec = importlib.util.spec_from_file_location("startup", ROOT / "benchmarks" / "startup.py")
    assert spec is not None and spec.loader is not None
    benchmark = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(benchmark)
    monkeypatch.setenv("PYTHONDONTWRITEBYTECODE", "1")
    env = benchmark.child_env(tmp_path)
    assert "PYTHONDONTWRITEBYTECODE" not in env
    assert env["COACH_STARTUP_PROBE"] == "1"


def test_the_app_starts_in_the_fusion_style_without_setting_it(tmp_path: Path) -> None:
    program = (
        "from coach.ui.theme import new_application; "
        "app = new_application(['walkcoach']); print('STYLE', app.style().name())"
    )
    # Another style asked for by the environment: the app's own choice must still win.
    result = run([sys.executable, "-c", program], child_env(tmp_path, QT_STYLE_OVERRIDE="Windows"))
    assert result.returncode == 0, result.stderr
    assert "STYLE fusion" in result.stdout
