"""Desktop entry, AppStream metainfo and icons: valid, rendered from the SVG, installable."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from packaging_modules import LINUX, PACKAGING, ROOT, load
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from coach import APP_ID

DESKTOP = LINUX / f"{APP_ID}.desktop"
METAINFO = LINUX / f"{APP_ID}.metainfo.xml"
TIMEOUT_S = 60  # a safety net for a hung tool, not a wait
MISSING_TOOL = "{} is missing: run `scripts/ensure-system-packages.sh test` (package {})"


def tool(name: str, package: str) -> str:
    """The path of a validator; its absence fails the test rather than skipping it."""
    path = shutil.which(name)
    assert path, MISSING_TOOL.format(name, package)
    return path


def run(
    *command: str | Path, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(part) for part in command],
        capture_output=True,
        text=True,
        timeout=TIMEOUT_S,
        check=False,
        env=env,
    )


def validate_desktop(path: Path) -> None:
    result = run(tool("desktop-file-validate", "desktop-file-utils"), path)
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout + result.stderr


def test_the_desktop_file_is_valid() -> None:
    validate_desktop(DESKTOP)


def test_the_metainfo_is_valid_without_network() -> None:
    result = run(tool("appstreamcli", "appstream"), "validate", "--no-net", METAINFO)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Validation was successful" in result.stdout


def test_every_icon_size_is_rendered_from_the_app_svg(qapp: QApplication) -> None:
    icons = load("render_icons")
    theme = LINUX / "icons" / "hicolor"
    assert icons.svg_path(theme).read_bytes() == icons.SOURCE_SVG.read_bytes()
    assert icons.SIZES == (16, 22, 24, 32, 48, 64, 128, 256, 512)
    for size in icons.SIZES:
        committed = QImage(str(icons.png_path(theme, size)))
        assert (committed.width(), committed.height()) == (size, size)
        fresh = icons.render(icons.SOURCE_SVG, size)
        difference = icons.largest_difference(committed, fresh)
        assert difference <= icons.TOLERANCE, (
            f"{size} px icon is stale (differs by {difference}/255): run packaging/render_icons.py"
        )


def test_the_icon_comparison_sees_a_real_change(qapp: QApplication, tmp_path: Path) -> None:
    icons = load("render_icons")
    nudged = tmp_path / "nudged.svg"
    # The head moved by 2 of 240 units: the smallest change a person could notice at 512 px.
    nudged.write_text(icons.SOURCE_SVG.read_text().replace('cx="128"', 'cx="130"'))
    for size in (48, 512):
        committed = QImage(str(icons.png_path(LINUX / "icons" / "hicolor", size)))
        assert icons.largest_difference(committed, icons.render(nudged, size)) > icons.TOLERANCE


def test_render_icons_writes_the_hicolor_layout(qapp: QApplication, tmp_path: Path) -> None:
    icons = load("render_icons")
    written = icons.render_all(theme=tmp_path)
    expected = {tmp_path / f"{s}x{s}" / "apps" / f"{APP_ID}.png" for s in icons.SIZES}
    expected.add(tmp_path / "scalable" / "apps" / f"{APP_ID}.svg")
    assert set(written) == expected
    assert all(path.stat().st_size > 0 for path in expected)


def install_env(data_home: Path) -> dict[str, str]:
    return {**os.environ, "XDG_DATA_HOME": str(data_home)}


def desktop_entry_script(action: str, data_home: Path, *extra: str) -> str:
    script = PACKAGING / "desktop_entry.py"
    result = run(sys.executable, script, action, *extra, env=install_env(data_home))
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def fake_program(folder: Path) -> Path:
    folder.mkdir(parents=True)
    program = folder / "walkcoach"
    program.write_text("#!/bin/sh\nexit 0\n")
    program.chmod(0o755)
    return program


def test_install_then_uninstall_for_the_current_user(tmp_path: Path) -> None:
    data_home = tmp_path / "share"
    program = fake_program(tmp_path / "bin")
    foreign = data_home / "applications" / "someone-else.desktop"
    foreign.parent.mkdir(parents=True)
    foreign.write_text("[Desktop Entry]\n")
    desktop_entry_script("install", data_home, "--exec", str(program))
    installed = data_home / "applications" / DESKTOP.name
    text = installed.read_text()
    assert f"Exec={program}\n" in text
    assert f"TryExec={program}\n" in text
    validate_desktop(installed)
    assert (data_home / "metainfo" / METAINFO.name).read_bytes() == METAINFO.read_bytes()
    icon_files = sorted(p.relative_to(data_home) for p in (data_home / "icons").rglob("*.*"))
    assert len(icon_files) == 10
    assert Path("icons/hicolor/48x48/apps", f"{APP_ID}.png") in icon_files
    assert Path("icons/hicolor/scalable/apps", f"{APP_ID}.svg") in icon_files

    output = desktop_entry_script("uninstall", data_home)
    assert "Removed 12 files" in output
    left = [p for p in data_home.rglob("*") if p.is_file()]
    assert left == [foreign]


def test_a_program_path_with_spaces_is_quoted_in_exec(tmp_path: Path) -> None:
    data_home = tmp_path / "share"
    program = fake_program(tmp_path / "My Apps $HOME")
    desktop_entry_script("install", data_home, "--exec", str(program))
    installed = data_home / "applications" / DESKTOP.name
    validate_desktop(installed)
    exec_line = next(
        line for line in installed.read_text().splitlines() if line.startswith("Exec=")
    )
    assert exec_line == f'Exec="{tmp_path}/My Apps \\\\$HOME/walkcoach"'


def test_install_refuses_a_program_that_is_not_there(tmp_path: Path) -> None:
    script = PACKAGING / "desktop_entry.py"
    result = run(
        sys.executable, script, "install", "--exec", tmp_path / "nothing", env=install_env(tmp_path)
    )
    assert result.returncode != 0
    assert "is not an executable" in result.stderr
    assert not (tmp_path / "applications").exists()


def test_make_targets_call_the_installer() -> None:
    env = {**os.environ, "MAKEFLAGS": ""}
    install = run("make", "-n", "-C", ROOT, "install-desktop", "DESKTOP_EXEC=/opt/wc", env=env)
    assert install.returncode == 0, install.stderr
    assert 'packaging/desktop_entry.py install --exec "/opt/wc"' in install.stdout
    uninstall = run("make", "-n", "-C", ROOT, "uninstall-desktop", env=env)
    assert "packaging/desktop_entry.py uninstall" in uninstall.stdout


@pytest.mark.parametrize("value", ["", "relative/path"])
def test_data_home_falls_back_when_xdg_is_unset_or_relative(
    value: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", value)
    monkeypatch.setenv("HOME", str(tmp_path))
    assert load("desktop_entry").data_home() == tmp_path / ".local" / "share"
