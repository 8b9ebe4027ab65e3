"""Asset lookup in a checkout, a simulated bundle and a simulated wheel install."""

from __future__ import annotations

import sys
import tomllib
from collections.abc import Iterator
from fnmatch import fnmatch
from pathlib import Path

import pytest

from coach import resources
from coach.domain.plan_files import loading as plan_files
from coach.resources import (
    SHARE_PREFIX,
    AssetsNotFoundError,
    assets_dir,
    find_assets_dir,
    installed_assets,
)

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def _fresh_lookup() -> Iterator[None]:
    """assets_dir() caches its answer; each test starts and ends with an empty cache."""
    assets_dir.cache_clear()
    yield
    assets_dir.cache_clear()


def test_checkout_uses_the_top_level_assets_folder() -> None:
    assert assets_dir() == ROOT / "assets"
    assert plan_files.ASSETS_DIR == ROOT / "assets"


def test_bundle_uses_the_assets_inside_meipass(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "assets" / "plans").mkdir(parents=True)
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert assets_dir() == tmp_path / "assets"


def test_a_stray_meipass_without_frozen_is_ignored(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "assets").mkdir()
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert assets_dir() == ROOT / "assets"


def _fake_wheel_install(site: Path, prefix: Path, name: str) -> None:
    """A dist-info whose RECORD lists a data file under <prefix>/share, as pip writes it."""
    info = site / f"{name.replace('-', '_')}-0.1.0.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {name}\nVersion: 0.1.0\n")
    relative = Path("..", "..", SHARE_PREFIX, "cues", "cues.json")
    (info / "RECORD").write_text(f"{relative.as_posix()},,\n")
    cues = prefix / SHARE_PREFIX / "cues" / "cues.json"
    cues.parent.mkdir(parents=True)
    cues.write_text("{}")


def test_wheel_install_finds_the_share_folder_from_the_record(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    prefix = tmp_path / "prefix"
    site = prefix / "lib" / "site-packages"
    _fake_wheel_install(site, prefix, "fake-walking-coach")
    monkeypatch.syspath_prepend(str(site))
    expected = (prefix / SHARE_PREFIX).resolve()
    assert installed_assets("fake-walking-coach") == expected
    found = find_assets_dir(
        None, source=tmp_path / "no-checkout", distribution="fake-walking-coach"
    )
    assert found == expected


def test_missing_assets_say_where_the_app_looked(tmp_path: Path) -> None:
    with pytest.raises(AssetsNotFoundError, match="reinstall") as caught:
        find_assets_dir(str(tmp_path), source=tmp_path / "gone", distribution="no-such-dist-x")
    assert str(tmp_path / "assets") in str(caught.value)
    assert str(tmp_path / "gone") in str(caught.value)


def test_the_wheel_ships_every_asset_where_the_lookup_expects_it() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())
    data_files: dict[str, list[str]] = config["tool"]["setuptools"]["data-files"]
    assert config["project"]["name"] == resources.DISTRIBUTION
    for asset in sorted(p for p in (ROOT / "assets").rglob("*") if p.is_file()):
        relative = asset.relative_to(ROOT).as_posix()
        targets = [
            target
            for target, patterns in data_files.items()
            for pattern in patterns
            if Path(pattern).parent == asset.parent.relative_to(ROOT)
            and fnmatch(asset.name, Path(pattern).name)
        ]
        assert targets, f"{relative} is not listed in [tool.setuptools.data-files]"
        expected = "share/" + resources.DISTRIBUTION + "/" + str(Path(relative).parent)
        assert targets == [expected]
