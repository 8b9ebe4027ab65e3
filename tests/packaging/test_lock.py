"""uv.lock: in step with pyproject.toml, the installer pinned from it, and a plain refusal
where the lock cannot be installed."""

from __future__ import annotations

import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from packaging_modules import PACKAGING, ROOT

SCRIPT = ROOT / "scripts" / "check_lock_fits.py"
LOCK = ROOT / "uv.lock"
TIMEOUT_S = 60


def check(lock: Path, python: str = sys.executable) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [python, str(SCRIPT), str(lock)], capture_output=True, text=True, timeout=TIMEOUT_S
    )


def locked_version(name: str) -> str:
    packages = tomllib.loads(LOCK.read_text())["package"]
    return next(p["version"] for p in packages if p["name"] == name)


def test_the_lock_matches_pyproject() -> None:
    uv = Path(sys.executable).with_name("uv")
    result = subprocess.run(
        [str(uv), "lock", "--check", "--offline"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=TIMEOUT_S,
    )
    assert result.returncode == 0, result.stderr


def test_the_bootstrap_pins_the_locked_uv_with_hashes() -> None:
    text = (PACKAGING / "uv-bootstrap.txt").read_text()
    assert re.search(rf"^uv=={re.escape(locked_version('uv'))} ", text, re.MULTILINE)
    assert text.count("--hash=sha256:") >= 2


def test_the_lock_pins_the_qt_below_the_refcount_bug() -> None:
    major, minor = (int(part) for part in locked_version("pyside6-essentials").split(".")[:2])
    assert (major, minor) < (6, 12)


def test_the_script_needs_the_python_pyproject_needs() -> None:
    requires = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["requires-python"]
    assert requires == ">=3.11"
    assert "NEEDED = (3, 11)" in SCRIPT.read_text()


def test_this_machine_fits_the_lock() -> None:
    result = check(LOCK)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""


def test_a_lock_without_a_wheel_for_this_machine_is_refused_plainly(tmp_path: Path) -> None:
    foreign = tmp_path / "uv.lock"
    # As if the lock had PySide6 wheels for another CPU only.
    foreign.write_text(
        re.sub(r"manylinux_(\d+)_(\d+)_(x86_64|aarch64)", "win_riscv64", LOCK.read_text())
    )
    result = check(foreign)
    assert result.returncode == 1
    assert result.stderr.startswith("Cannot install Walking Coach here: uv.lock has no ")
    assert "pyside6-essentials" in result.stderr or "shiboken6" in result.stderr
    assert "Traceback" not in result.stderr


def test_an_old_python_is_refused_plainly(monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    namespace: dict[str, object] = {"__name__": "check_lock_fits"}
    exec(compile(SCRIPT.read_text(), str(SCRIPT), "exec"), namespace)
    monkeypatch.setattr(sys, "version_info", (3, 9, 18, "final", 0))
    with pytest.raises(SystemExit) as stopped:
        namespace["check_python"]()  # type: ignore[operator]
    assert stopped.value.code == 1
    message = capsys.readouterr().err
    assert "needs Python 3.11 or newer" in message and "is Python 3.9." in message
    assert "make run PYTHON=python3.11" in message
