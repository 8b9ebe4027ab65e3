"""The PyInstaller bundle: built once per session, then its self-test runs offscreen.

The `bundle` fixture (tests/packaged_app.py) builds it in about 35 s on the 2-core CI machine,
so it runs inside `make test` (marked `bundle`; select or deselect it with `-m bundle`).
"""

from __future__ import annotations

import ast
import ctypes.util
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from packaged_app import offscreen_env
from packaging_modules import PACKAGING, ROOT, load

from coach.storage.paths import DATABASE_NAME

SPEC = PACKAGING / "walking-coach.spec"
RUN_TIMEOUT_S = 120


@pytest.mark.bundle
def test_the_bundle_passes_its_self_test_offscreen(bundle: Path, tmp_path: Path) -> None:
    data_dir = tmp_path / "bundle-data"
    result = subprocess.run(
        [str(bundle / "walking-coach"), "--self-test"],
        env=offscreen_env(data_dir),
        capture_output=True,
        text=True,
        timeout=RUN_TIMEOUT_S,
        check=False,
        cwd=tmp_path,  # not the checkout: the bundle must not lean on the source tree
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"Data folder: {data_dir}\n" in result.stdout
    assert "Main window painted with screens: " in result.stdout
    assert "Self-test passed." in result.stdout
    assert (data_dir / DATABASE_NAME).is_file()


@pytest.mark.bundle
def test_the_bundle_carries_the_assets_and_portaudio(bundle: Path) -> None:
    inside = bundle / "_internal"
    shipped = {p.relative_to(inside / "assets") for p in (inside / "assets").rglob("*.*")}
    source = {p.relative_to(ROOT / "assets") for p in (ROOT / "assets").rglob("*.*")}
    assert shipped == source
    system_portaudio = ctypes.util.find_library("portaudio")
    assert system_portaudio, "PortAudio is missing here: run scripts/ensure-system-packages.sh"
    assert (inside / "libportaudio.so.2").is_file()


@pytest.mark.bundle
def test_the_bundle_leaves_out_unused_modules(bundle: Path) -> None:
    pyside = bundle / "_internal" / "PySide6"
    assert (pyside / "QtWidgets.abi3.so").is_file()
    assert (pyside / "QtSvg.abi3.so").is_file()
    for module in ("QtNetwork", "QtQml", "QtQuick", "QtPdf", "QtMultimedia"):
        assert not (pyside / f"{module}.abi3.so").exists(), module
    assert not (bundle / "_internal" / "mypy").exists()
    assert not list((pyside / "Qt").rglob("translations/*.qm"))


def spec_excludes() -> list[str]:
    tree = ast.parse(SPEC.read_text())
    for node in tree.body:
        if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", "") == "EXCLUDES":
            return list(ast.literal_eval(node.value))
    raise AssertionError("EXCLUDES not found in the spec")


def imported_modules(path: Path) -> Iterator[str]:
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            yield node.module
            yield from (f"{node.module}.{alias.name}" for alias in node.names)


def spec_hidden_imports() -> str:
    tree = ast.parse(SPEC.read_text())
    for node in tree.body:
        if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", "") == "HIDDEN":
            return ast.unparse(node.value)
    raise AssertionError("HIDDEN not found in the spec")


def test_the_spec_leaves_out_the_developer_tools() -> None:
    assert "tools" in spec_excludes()
    # Hidden imports are the app's own modules (and soundfile), never a tool.
    assert spec_hidden_imports() == "collect_submodules('coach') + ['soundfile']"


@pytest.mark.bundle
def test_the_bundle_holds_no_developer_tools(bundle: Path) -> None:
    # The analysis' table of every module in the bundle's archive (the fixture's workpath).
    toc = (bundle.parents[1] / "build" / "walking-coach" / "PYZ-00.toc").read_text()
    assert "'coach.ui.walk.screen'" in toc
    assert "'tools" not in toc
    for word in ("screenshot", "_shots", "sample_data", "crash_child", "crash_harness"):
        assert word not in toc, word


def test_no_app_module_imports_what_the_bundle_leaves_out() -> None:
    excluded = spec_excludes()
    assert "PySide6.QtNetwork" in excluded
    for path in sorted((ROOT / "coach").rglob("*.py")):
        for name in imported_modules(path):
            hits = [e for e in excluded if name == e or name.startswith(e + ".")]
            assert not hits, f"{path.relative_to(ROOT)} imports {name}, which the bundle excludes"


def test_the_runtime_hook_falls_back_to_the_bundled_portaudio(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "libportaudio.so.2").write_bytes(b"")
    monkeypatch.setattr(ctypes.util, "find_library", lambda name: None)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    hook = load("pyi_rth_portaudio")
    assert ctypes.util.find_library is hook.find_library
    assert hook.find_library("portaudio") == str(tmp_path / "libportaudio.so.2")
    assert hook.find_library("sndfile") is None


def test_the_runtime_hook_prefers_the_system_portaudio(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "libportaudio.so.2").write_bytes(b"")
    monkeypatch.setattr(ctypes.util, "find_library", lambda name: f"lib{name}.so.2")
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    hook = load("pyi_rth_portaudio")
    assert hook.find_library("portaudio") == "libportaudio.so.2"
