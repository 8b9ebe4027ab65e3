"""Your data: export files (private, formulas escaped), import preview off the GUI thread,
all-or-nothing import with a backup, and messages for files that cannot be imported."""

from __future__ import annotations

import csv
import io
import json
import stat
import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from coach.domain.pain import PainEntry
from coach.storage.diary_import import BACKUP_LABEL
from coach.storage.errors import StoreError
from coach.ui.diary import data as diary_data
from coach.ui.diary.import_dialog import ImportPreviewDialog
from coach.ui.diary.screen import DiaryScreen
from coach.ui.services import AppServices

Adder = Callable[..., PainEntry]

IMPORT_CSV = (
    "date,pain,note\n"
    "2026-11-20 08:00,4,stiff\n"  # row 2: new
    "2026-11-21 08:00,5,\n"  # row 3: new
    "2026-11-25 09:30,3,already there\n"  # row 4: duplicate of the saved rating
    "2026-11-22 08:00,eleven,\n"  # row 5: bad pain
    "not a date,4,\n"  # row 6: bad date
)


def make_screen(qtbot: QtBot, services: AppServices) -> DiaryScreen:
    screen = DiaryScreen(services)
    qtbot.addWidget(screen)
    return screen


def preview_of(qtbot: QtBot, screen: DiaryScreen, path: Path) -> ImportPreviewDialog:
    card = screen.data_card
    with qtbot.waitSignal(card.preview_ready, timeout=10_000) as blocker:
        card.start_preview(path)
        assert not card.busy_bar.isHidden()  # busy while the worker reads
    dialog = blocker.args[0]
    assert isinstance(dialog, ImportPreviewDialog)
    assert card.busy_bar.isHidden()
    return dialog


def test_export_files_are_private_and_formulas_escaped(
    qtbot: QtBot, services: AppServices, add_pain: Adder, tmp_path: Path
) -> None:
    add_pain(4, note='=HYPERLINK("http://x")')
    add_pain(3, hours_ago=2, note="+1 better")
    screen = make_screen(qtbot, services)
    screen.data_card.ask_folder = lambda: tmp_path / "out"
    screen.data_card.csv_button.click()
    written = sorted((tmp_path / "out").iterdir())
    assert [p.name for p in written] == [
        "walking-coach-pain-2026-11-25.csv",
        "walking-coach-walks-2026-11-25.csv",
    ]
    for path in written:
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    rows = list(csv.DictReader(io.StringIO(written[0].read_text("utf-8-sig"))))
    assert [r["note"] for r in rows] == ["'+1 better", '\'=HYPERLINK("http://x")']
    assert "Saved" in screen.data_card.status_label.text()
    json_path = tmp_path / "diary.json"
    screen.data_card.ask_json_file = lambda: json_path
    screen.data_card.json_button.click()
    assert stat.S_IMODE(json_path.stat().st_mode) == 0o600
    assert len(json.loads(json_path.read_text("utf-8"))["pain_entries"]) == 2


def test_export_to_an_unwritable_place_says_so(
    qtbot: QtBot, services: AppServices, tmp_path: Path
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    screen = make_screen(qtbot, services)
    assert screen.data_card.export(blocker / "sub", "csv") == []
    assert "Could not save" in screen.data_card.status_label.text()


def test_import_preview_lists_three_groups_with_row_and_column(
    qtbot: QtBot, services: AppServices, add_pain: Adder, tmp_path: Path
) -> None:
    add_pain(3)  # 2026-11-25 09:30 UTC, the fake clock's now
    path = tmp_path / "other-app.csv"
    path.write_text(IMPORT_CSV, "utf-8")
    screen = make_screen(qtbot, services)
    dialog = preview_of(qtbot, screen, path)
    assert len(dialog.lines(dialog.add_list)) == 2
    assert dialog.lines(dialog.duplicate_list)[0].startswith("Row 4: ")
    rejected = dialog.lines(dialog.rejected_list)
    assert rejected[0].startswith("Row 5, column pain: Pain must be a whole number")
    assert rejected[1].startswith("Row 6, column date: ")
    assert dialog.apply_button.text() == "Import 2 ratings"
    assert dialog.isVisible()
    assert "2 to add, 1 already in your diary, 2 that cannot be read" in dialog.summary_label.text()


def test_import_applies_all_with_a_backup_first(
    qtbot: QtBot, services: AppServices, add_pain: Adder, tmp_path: Path
) -> None:
    add_pain(3)
    path = tmp_path / "other-app.csv"
    path.write_text(IMPORT_CSV, "utf-8")
    screen = make_screen(qtbot, services)
    dialog = preview_of(qtbot, screen, path)
    dialog.apply_button.click()
    assert services.pain.count() == 3
    backups = list(services.store.backup_folder.glob(f"*{BACKUP_LABEL}*"))
    assert len(backups) == 1
    assert len(screen.entry_list.rows) == 3
    assert "2 ratings imported" in screen.data_card.status_label.text()


def test_import_is_all_or_nothing(
    qtbot: QtBot, services: AppServices, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "diary.csv"
    path.write_text(IMPORT_CSV, "utf-8")
    screen = make_screen(qtbot, services)
    dialog = preview_of(qtbot, screen, path)
    real_add = type(services.pain).add
    calls: list[int] = []

    def failing_add(self: object, entry: PainEntry) -> PainEntry:
        calls.append(1)
        if len(calls) == 2:
            raise StoreError("disk full")
        return real_add(self, entry)  # type: ignore[arg-type]

    monkeypatch.setattr(type(services.pain), "add", failing_add)
    dialog.apply_button.click()
    monkeypatch.undo()
    assert services.pain.count() == 0
    assert list(services.store.backup_folder.glob(f"*{BACKUP_LABEL}*"))
    assert "Nothing was imported" in screen.data_card.status_label.text()


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (b"", "empty"),
        (b"\x00\x01\x02binary\x00junk" * 10, "binary"),
        (b"just one column\nno commas here\n", "No columns"),
    ],
)
def test_malformed_files_get_a_message_naming_the_file(
    qtbot: QtBot, services: AppServices, tmp_path: Path, content: bytes, problem: str
) -> None:
    path = tmp_path / "broken.csv"
    path.write_bytes(content)
    screen = make_screen(qtbot, services)
    card = screen.data_card
    card.ask_import_file = lambda: path
    with qtbot.waitSignal(card.import_failed, timeout=10_000):
        card.import_button.click()
    assert card.preview_dialog is None
    text = card.status_label.text()
    assert "broken.csv" in text and problem in text
    assert card.import_button.isEnabled()


def test_a_missing_file_gets_a_message(qtbot: QtBot, services: AppServices, tmp_path: Path) -> None:
    screen = make_screen(qtbot, services)
    card = screen.data_card
    with qtbot.waitSignal(card.import_failed, timeout=10_000):
        card.start_preview(tmp_path / "gone.csv")
    assert "gone.csv" in card.status_label.text()


def test_a_file_too_big_is_refused_with_its_true_size(
    qtbot: QtBot, services: AppServices, tmp_path: Path
) -> None:
    path = tmp_path / "big.csv"
    with path.open("wb") as big:
        big.truncate(19 * 1024 * 1024)  # sparse: 19 MB on paper, nothing on the disk
    screen = make_screen(qtbot, services)
    card = screen.data_card
    with qtbot.waitSignal(card.import_failed, timeout=10_000):
        card.start_preview(path)
    assert "The file is 19.0 MB; diary files up to 10 MB" in card.status_label.text()


def test_preview_runs_off_the_gui_thread(
    qtbot: QtBot, services: AppServices, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    threads: list[int] = []
    real_preview = diary_data.preview_import

    def recording_preview(*args: object, **kwargs: object) -> object:
        threads.append(threading.get_ident())
        return real_preview(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(diary_data, "preview_import", recording_preview)
    path = tmp_path / "diary.csv"
    path.write_text(IMPORT_CSV, "utf-8")
    screen = make_screen(qtbot, services)
    preview_of(qtbot, screen, path)
    assert threads and threads[0] != threading.get_ident()


def test_choosing_the_date_order_reads_the_file_again(
    qtbot: QtBot, services: AppServices, tmp_path: Path
) -> None:
    path = tmp_path / "ambiguous.csv"
    path.write_text("date,pain\n05/04/2026,4\n06/04/2026,5\n", "utf-8")
    screen = make_screen(qtbot, services)
    first = preview_of(qtbot, screen, path)
    assert len(first.preview.rejected) == 2
    assert "could be 5 April 2026 or 4 May 2026" in first.lines(first.rejected_list)[0]
    card = screen.data_card
    with qtbot.waitSignal(card.preview_ready, timeout=10_000) as blocker:
        first.date_order_box.setCurrentIndex(1)  # day first
    second = blocker.args[0]
    assert [e.at.day for e in second.preview.to_add] == [5, 6]
    assert [e.at.month for e in second.preview.to_add] == [4, 4]
    assert second.date_order_box.currentIndex() == 1


def test_an_unexpected_error_in_the_worker_ends_the_busy_state(
    qtbot: QtBot,
    services: AppServices,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    def broken_preview(*_args: object, **_kwargs: object) -> object:
        raise RuntimeError("a bug")

    monkeypatch.setattr(diary_data, "preview_import", broken_preview)
    path = tmp_path / "diary.csv"
    path.write_text(IMPORT_CSV, "utf-8")
    screen = make_screen(qtbot, services)
    card = screen.data_card
    with qtbot.waitSignal(card.import_failed, timeout=10_000):
        card.start_preview(path)
    assert card.busy_bar.isHidden() and card.import_button.isEnabled()
    assert "diary.csv" in card.status_label.text()
    assert "Preview of" in caplog.text
