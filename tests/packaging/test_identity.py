"""One app identity: QSettings, platformdirs, the desktop file and the metainfo agree."""

from __future__ import annotations

import configparser
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from packaging_modules import LINUX, ROOT, load
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from coach import APP_ID, APP_NAME, APP_ORGANIZATION, __version__
from coach.app import APP_ICON, make_application
from coach.storage import paths
from coach.ui.bootstrap import default_view_settings

DESKTOP = LINUX / f"{APP_ID}.desktop"
METAINFO = LINUX / f"{APP_ID}.metainfo.xml"
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text())


def desktop_entry(path: Path = DESKTOP) -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read(path, encoding="utf-8")
    return parser["Desktop Entry"]


def metainfo() -> ET.Element:
    return ET.parse(METAINFO).getroot()


def test_the_desktop_file_and_metainfo_are_named_and_keyed_by_the_app_id() -> None:
    assert DESKTOP.is_file()
    assert METAINFO.is_file()
    root = metainfo()
    assert root.findtext("id") == APP_ID
    assert root.findtext("launchable") == DESKTOP.name
    assert root.find("launchable").get("type") == "desktop-id"  # type: ignore[union-attr]
    entry = desktop_entry()
    assert entry["Icon"] == APP_ID


def test_names_agree_with_the_app() -> None:
    entry = desktop_entry()
    assert entry["Name"] == APP_NAME
    assert metainfo().findtext("name") == APP_NAME
    # Qt gives X11 windows the WM_CLASS class applicationName(); docks match it to this key.
    assert entry["StartupWMClass"] == APP_NAME


def test_metainfo_matches_the_project_metadata() -> None:
    root = metainfo()
    scripts = PYPROJECT["project"]["scripts"]
    assert [b.text for b in root.iter("binary")] == list(scripts)
    assert entry_command() in scripts
    assert root.findtext("project_license") == PYPROJECT["project"]["license"]
    releases = root.find("releases")
    assert releases is not None
    assert releases[0].get("version") == __version__ == PYPROJECT["project"]["version"]
    assert releases[0].get("date") == "2026-11-23"
    assert root.find("content_rating").get("type") == "oars-1.1"  # type: ignore[union-attr]


def entry_command() -> str:
    return desktop_entry()["Exec"].split()[0]


def test_screenshots_in_the_metainfo_exist_in_the_repository() -> None:
    images = [image.text or "" for image in metainfo().iter("image")]
    assert images
    for url in images:
        assert url.startswith("https://"), url
        relative = url.split("/main/", 1)[1]
        assert relative.startswith("docs/screenshots/"), url
        assert (ROOT / relative).is_file(), f"{url} points at a missing file"


def test_view_settings_and_the_application_use_the_app_names(qapp: QApplication) -> None:
    settings = default_view_settings()
    assert settings.organizationName() == APP_ORGANIZATION
    assert settings.applicationName() == APP_NAME
    app = make_application()
    assert app.applicationName() == APP_NAME
    assert app.organizationName() == APP_ORGANIZATION
    assert QGuiApplication.desktopFileName() == APP_ID


def test_platformdirs_folders_use_the_app_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(paths.DATA_DIR_ENV)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    assert paths.data_dir() == tmp_path / "data" / APP_NAME
    assert paths.log_dir().is_relative_to(tmp_path / "state" / APP_NAME)


def test_the_window_icon_is_the_app_icon(qapp: QApplication) -> None:
    app = make_application()
    assert not app.windowIcon().pixmap(48, 48).isNull()
    assert load("render_icons").SOURCE_SVG == ROOT / "assets" / APP_ICON
