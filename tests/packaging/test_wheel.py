"""The wheel: a regular install finds the assets under <prefix>/share/walking-coach, and it
ships the app only, none of the developer tools in tools/."""

from __future__ import annotations

import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest
from packaging_modules import ROOT

from coach.resources import SHARE_PREFIX

TIMEOUT_S = 600  # a safety net for a hung build, not a wait
PROBE = """
from coach.domain.plan_files.loading import load_default_plans
from coach.resources import assets_dir
import coach
print(coach.__file__)
print(assets_dir())
print(",".join(sorted(load_default_plans())))
"""


def run(*command: str | Path, cwd: Path) -> str:
    result = subprocess.run(
        [str(part) for part in command],
        capture_output=True,
        text=True,
        timeout=TIMEOUT_S,
        check=False,
        cwd=cwd,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return result.stdout


@pytest.mark.bundle
def test_a_wheel_installed_in_a_fresh_venv_loads_the_default_plans(
    wheel: Path, tmp_path: Path
) -> None:
    # A real pip install into a separate venv: `pip install --prefix` on the shared venv's pip
    # would uninstall the editable install from the shared venv first.
    venv = tmp_path / "venv"
    run(sys.executable, "-m", "venv", "--without-pip", venv, cwd=tmp_path)
    python = venv / "bin" / "python"
    run(sys.executable, "-m", "pip", "--python", python, "install", "-q", "--no-deps", "--no-index",
        wheel, cwd=tmp_path)  # fmt: skip
    # The dependencies come from the test venv, after the fresh venv's own site-packages.
    site = Path(run(python, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))",
                    cwd=tmp_path).strip())  # fmt: skip
    (site / "test_dependencies.pth").write_text(sysconfig.get_path("purelib") + "\n")
    package, assets, plans = run(python, "-c", PROBE, cwd=tmp_path).splitlines()
    assert Path(package).is_relative_to(site)
    assert Path(assets) == (venv / SHARE_PREFIX).resolve()
    assert plans == "starter-10,walk-20,walk-30"
    assert (Path(assets) / "icons" / "walking-coach.svg").is_file()


@pytest.mark.bundle
def test_the_wheel_ships_the_app_and_no_developer_tools(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as archive:
        modules = [name for name in archive.namelist() if name.endswith(".py")]
    assert "coach/app.py" in modules
    assert "coach/ui/walk/screen.py" in modules
    assert "coach/domain/diary/export.py" in modules
    outside = [name for name in modules if not name.startswith("coach/")]
    assert outside == []  # tools/ (screenshots, the crash harness) stays in the checkout
    tool_like = ("screenshot", "_shots", "sample_data", "crash_child", "crash_harness")
    assert [name for name in modules if any(word in name for word in tool_like)] == []
    source = {str(path.relative_to(ROOT)) for path in (ROOT / "coach").rglob("*.py")}
    assert set(modules) == source  # every app module, nothing else
