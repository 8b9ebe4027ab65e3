"""Chart export (PNG, SVG), the clinician's PDF and `walkcoach report`, on a real store."""

from __future__ import annotations

import os
import re
import stat
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot
from trends_support import add_days, add_walks

from coach.__main__ import main
from coach.domain.clock import SystemClock
from coach.domain.pain import PainEntry
from coach.storage.database import open_store
from coach.storage.pain_repo import PainRepository
from coach.ui.services import AppServices
from coach.ui.trends import texts
from coach.ui.trends.screen import TrendsScreen

CLI_TIMEOUT_S = 120  # a safety net for a hung child, not a wait
NOTES = {80: "Stiff on waking.", 40: "Long drive; sore by the evening.", 3: "Better after walks."}


@pytest.fixture
def screen(qtbot: QtBot, services: AppServices) -> TrendsScreen:
    """The screen with twelve weeks and more of diary, walks and notes, shown."""
    add_days(services, lambda ago: min(10, 3 + ago // 20), 100, per_day=3, notes=NOTES)
    add_walks(services, range(0, 90, 2), minutes=25)
    widget = TrendsScreen(services)
    qtbot.addWidget(widget)
    widget.resize(1200, 800)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def choose(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    """Make the save dialog answer `path`."""
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(path), ""))


def click(qtbot: QtBot, screen: TrendsScreen, text: str) -> None:
    """Click the button with this text."""
    from PySide6.QtWidgets import QPushButton

    button = next(b for b in screen.findChildren(QPushButton) if b.text() == text)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def is_private(path: Path) -> bool:
    """Mode 0600."""
    return stat.S_IMODE(path.stat().st_mode) == 0o600


def pdf_pages(path: Path) -> int:
    """Page objects in a PDF (QtPdf is not part of PySide6-Essentials)."""
    return len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", path.read_bytes()))


def test_png_export(
    qtbot: QtBot, screen: TrendsScreen, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "chart.png"
    choose(monkeypatch, path)
    click(qtbot, screen, texts.SAVE_PNG)
    image = QImage(str(path))
    assert not image.isNull()
    assert image.width() == screen.chart.width() * 2
    assert is_private(path)
    assert screen.status_label.text() == texts.SAVED.format(path=path)


def test_svg_export(
    qtbot: QtBot, screen: TrendsScreen, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "chart.svg"
    choose(monkeypatch, path)
    click(qtbot, screen, texts.SAVE_SVG)
    assert path.stat().st_size > 1000
    assert QSvgRenderer(str(path)).isValid()
    assert is_private(path)


def test_cancelled_dialog_writes_nothing(
    qtbot: QtBot, screen: TrendsScreen, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: ("", ""))
    click(qtbot, screen, texts.SAVE_PNG)
    assert list(tmp_path.glob("*.png")) == []
    assert screen.status_label.text() == ""


def test_unwritable_place_gives_a_message(
    qtbot: QtBot, screen: TrendsScreen, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    choose(monkeypatch, tmp_path / "missing-folder" / "chart.png")
    click(qtbot, screen, texts.SAVE_PNG)
    assert screen.status_label.text().startswith("Could not save:")


def test_report_of_twelve_weeks_is_one_page(
    qtbot: QtBot, screen: TrendsScreen, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "report.pdf"
    choose(monkeypatch, path)
    click(qtbot, screen, texts.SAVE_REPORT)
    data = path.read_bytes()
    assert data.startswith(b"%PDF")
    assert pdf_pages(path) == 1
    assert is_private(path)


def test_report_of_a_long_period_flows_onto_more_pages(
    screen: TrendsScreen, services: AppServices, tmp_path: Path
) -> None:
    now = services.clock.now()
    for days_ago in range(100, 400, 3):  # a year of diary with a note each time
        at = now - timedelta(days=days_ago)
        services.pain.add(PainEntry(at=at, pain=4, note=f"Note {days_ago}."))
    screen.refresh()
    screen.show_range(screen.chart.chart_range.ALL)
    path = screen.write_report(tmp_path / "long.pdf")
    assert pdf_pages(path) > 1


def fill_real_store(days: int) -> None:
    """Ratings up to the real today in the test's data folder (the CLI uses the real clock)."""
    now = SystemClock().now()
    with open_store() as store:
        pain = PainRepository(store)
        for days_ago in range(days):
            pain.add(PainEntry(at=now - timedelta(days=days_ago, minutes=5), pain=4))


def test_cli_writes_the_report(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    fill_real_store(90)
    today = SystemClock().now().date()
    out = tmp_path / "report.pdf"
    first = (today - timedelta(days=83)).isoformat()
    code = main(["report", "--from", first, "--to", today.isoformat(), "--out", str(out)])
    assert code == 0, capsys.readouterr().err
    assert out.read_bytes().startswith(b"%PDF")
    assert pdf_pages(out) == 1
    assert is_private(out)


@pytest.mark.parametrize(
    ("first", "last", "message"),
    [
        ("2026-02-30", "2026-03-10", "--from must be a date like"),
        ("2026-03-01", "10/03/2026", "--to must be a date like"),
        ("2026-03-10", "2026-03-01", "ends (2026-03-01) before it starts"),
        ("2026-03-01", "2999-01-01", "after today"),
    ],
)
def test_cli_refuses_bad_dates(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], first: str, last: str, message: str
) -> None:
    out = tmp_path / "report.pdf"
    assert main(["report", "--from", first, "--to", last, "--out", str(out)]) == 2
    assert message in capsys.readouterr().err
    assert not out.exists()


def test_cli_refuses_a_missing_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "nowhere" / "report.pdf"
    assert main(["report", "--out", str(out)]) == 2
    assert "does not exist" in capsys.readouterr().err


def test_cli_in_a_fresh_process_without_a_display(tmp_path: Path) -> None:
    fill_real_store(20)
    out = tmp_path / "report.pdf"
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.pop("QT_QPA_PLATFORM", None)  # the command must choose offscreen by itself
    result = subprocess.run(
        [sys.executable, "-m", "coach", "report", "--out", str(out)],
        env=env, capture_output=True, text=True, timeout=CLI_TIMEOUT_S, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert out.read_bytes().startswith(b"%PDF")
    assert "Wrote" in result.stdout
