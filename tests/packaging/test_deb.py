"""The Debian package: lintian finds no errors, apt-get installs it, it runs from PATH.

`make deb` builds it with packaging/build_deb.py; here the `debian_package` fixture builds it
from the session's one bundle and `installed_walking_coach` installs it on this machine (both in
tests/packaged_app.py). That fixture purges the package at the end of the session and fails
if any file of it is left behind.
"""

from __future__ import annotations

import filecmp
import os
import shutil
import stat
import subprocess
from pathlib import Path

import numpy
import pytest
from packaged_app import offscreen_env, package_files
from packaging_modules import LINUX, load

from coach import APP_ID, __version__
from coach.storage.paths import DATABASE_NAME

RUN_TIMEOUT_S = 120
LINTIAN_TIMEOUT_S = 900
LIB_DIR = Path("/usr/lib/walking-coach")
SHARE = Path("/usr/share")


def control_field(deb: Path, name: str) -> str:
    """One field of the package's control file, as dpkg-deb reads it."""
    result = subprocess.run(["dpkg-deb", "-f", str(deb), name], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


@pytest.mark.bundle
def test_lintian_finds_no_errors(debian_package: Path) -> None:
    result = subprocess.run(
        ["lintian", "--tag-display-limit", "0", str(debian_package)],
        capture_output=True,
        text=True,
        timeout=LINTIAN_TIMEOUT_S,
        check=False,
    )
    errors = [line for line in result.stdout.splitlines() if line.startswith("E:")]
    assert not errors, "\n".join(errors)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.bundle
def test_the_package_is_named_and_depends_as_debian_expects(debian_package: Path) -> None:
    arch = subprocess.run(["dpkg", "--print-architecture"], capture_output=True, text=True)
    assert debian_package.name == f"walking-coach_{__version__}_{arch.stdout.strip()}.deb"
    depends = {entry.split()[0] for entry in control_field(debian_package, "Depends").split(", ")}
    # What the xcb and Wayland plugins link against, outside the bundle, and the system PortAudio.
    wanted = {"libc6", "libxcb1", "libwayland-client0", "libwayland-cursor0", "libgl1", "libegl1"}
    assert wanted | {"libportaudio2"} <= depends
    # Libraries the bundle carries itself are not asked of the system.
    assert not depends & {"libx11-6", "libglib2.0-0", "libfontconfig1", "libqt6core6"}
    # The voice's engine is recommended (apt installs it by default), never required.
    assert control_field(debian_package, "Recommends") == "espeak-ng"


@pytest.mark.bundle
def test_the_installed_app_passes_its_self_test_from_path(
    installed_walking_coach: Path, tmp_path: Path
) -> None:
    assert installed_walking_coach == Path("/usr/bin/walking-coach")
    data_dir = tmp_path / "installed-data"
    result = subprocess.run(
        ["walking-coach", "--self-test"],
        env=offscreen_env(data_dir),
        capture_output=True,
        text=True,
        timeout=RUN_TIMEOUT_S,
        check=False,
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Main window painted with screens: " in result.stdout
    assert "Self-test passed." in result.stdout
    assert (data_dir / DATABASE_NAME).is_file()


@pytest.mark.bundle
def test_the_desktop_entry_metainfo_and_icons_are_in_their_system_places(
    installed_walking_coach: Path,
) -> None:
    desktop = SHARE / "applications" / f"{APP_ID}.desktop"
    result = subprocess.run(["desktop-file-validate", str(desktop)], capture_output=True, text=True)
    assert result.returncode == 0 and not result.stdout, result.stdout + result.stderr
    assert "Exec=walking-coach" in desktop.read_text(encoding="utf-8").splitlines()
    metainfo = SHARE / "metainfo" / f"{APP_ID}.metainfo.xml"
    assert "<binary>walking-coach</binary>" in metainfo.read_text(encoding="utf-8")
    icons = sorted((LINUX / "icons").rglob(f"{APP_ID}.*"))
    assert len(icons) > 5
    for icon in icons:
        installed = SHARE / "icons" / icon.relative_to(LINUX / "icons")
        assert filecmp.cmp(icon, installed, shallow=False), installed


@pytest.mark.bundle
def test_every_installed_file_has_debian_ownership_and_modes(installed_walking_coach: Path) -> None:
    executables = {LIB_DIR / "walking-coach"}
    files = package_files()
    assert LIB_DIR / "_internal" / "assets" in files
    assert {Path("/usr/share/doc/walking-coach/copyright"), installed_walking_coach} <= set(files)
    for path in files:
        info = path.lstat()
        assert (info.st_uid, info.st_gid) == (0, 0), path
        if stat.S_ISLNK(info.st_mode):
            assert os.path.exists(path), f"{path} is a broken link"
            continue
        wanted = 0o755 if stat.S_ISDIR(info.st_mode) or path in executables else 0o644
        assert stat.S_IMODE(info.st_mode) == wanted, f"{path}: {oct(info.st_mode)}"


def test_the_changelog_has_one_entry_per_metainfo_release() -> None:
    metadata = load("deb_metadata")
    metainfo = LINUX / f"{APP_ID}.metainfo.xml"
    changelog = metadata.changelog_text(metainfo, __version__)
    assert changelog.startswith(f"walking-coach ({__version__}) unstable; urgency=medium\n")
    # lintian wants the change lines within 80 columns; the " -- name  date" trailer is exempt.
    assert all(len(line) <= 80 for line in changelog.splitlines() if not line.startswith(" --"))
    with pytest.raises(SystemExit, match=r"must be 9\.9\.9"):
        metadata.changelog_text(metainfo, "9.9.9")


def test_the_description_lines_fit_what_lintian_allows() -> None:
    metadata = load("deb_metadata")
    fields = metadata.control_fields(LINUX / f"{APP_ID}.metainfo.xml", "1", "amd64", ["x"], 1)
    lines = fields["Description"].splitlines()
    assert len(lines[0]) <= 80 and not lines[0].lower().startswith(("a ", "an ", "the "))
    assert all(line.startswith(" ") and len(line) <= 80 for line in lines[1:])


def test_strip_leaves_a_library_it_would_break_as_the_wheel_ships_it(tmp_path: Path) -> None:
    elf = load("elf_depends")
    numpy_dir = Path(numpy.__file__).parent
    # auditwheel edited OpenBLAS with patchelf; strip would write segments the loader refuses.
    (openblas,) = (numpy_dir.parent / "numpy.libs").glob("libscipy_openblas*.so")
    (module,) = (numpy_dir / "random").glob("_common.*.so")
    copies = [Path(shutil.copy(source, tmp_path)) for source in (openblas, module)]
    records = elf.inspect(copies)
    assert all(record.has_symbols for record in records)
    assert elf.strip_symbols(records, keep=set()) == [copies[1]]
    assert filecmp.cmp(openblas, copies[0], shallow=False)
    assert not elf.inspect([copies[1]])[0].has_symbols
    assert elf.loadable(copies[1])
    assert sorted(tmp_path.iterdir()) == sorted(copies)
