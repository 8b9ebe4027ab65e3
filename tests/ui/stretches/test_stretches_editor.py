"""The routine list and editor on real files in the test's COACH_DATA_DIR."""

from __future__ import annotations

import json
import stat
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractSpinBox, QComboBox, QWidget
from pytestqt.qtbot import QtBot

from coach.domain.plan_files.loading import ASSETS_DIR, load_routine
from coach.storage.routine_files import routines_dir
from coach.ui.main_window import MainWindow
from coach.ui.services import AppServices
from coach.ui.stretches.screen import StretchesScreen

WARM_UP = ASSETS_DIR / "routines" / "warm-up.json"


def open_screen(window: MainWindow) -> StretchesScreen:
    """Show Stretches in the main window."""
    window.show_screen("stretches")
    screen = window.screen_widget("stretches")
    assert isinstance(screen, StretchesScreen)
    return screen


def saved(routine_id: str) -> Path:
    return routines_dir() / f"{routine_id}.json"


def click(qtbot: QtBot, button: QWidget) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_editing_a_default_saves_a_copy_and_leaves_the_default_alone(
    qtbot: QtBot, main_window: MainWindow
) -> None:
    before = WARM_UP.read_bytes()
    screen = open_screen(main_window)
    screen.routine_list.select("warm-up")
    click(qtbot, screen.routine_list.buttons["edit"])
    editor = screen.editor
    assert screen.stack.currentWidget() is editor
    assert editor.copy_note.isVisibleTo(screen)
    editor.select_exercise(1)
    editor.set_value("hold_seconds", 30)
    editor.set_sides(False)
    click(qtbot, editor.save_button)
    assert WARM_UP.read_bytes() == before
    copy = load_routine(saved("warm-up-copy"))
    assert copy.name == "Warm-up (copy)"
    assert copy.exercises[1].hold_seconds == 30
    assert copy.exercises[1].sides.value == "none"
    assert stat.S_IMODE(saved("warm-up-copy").stat().st_mode) == 0o600
    assert screen.routine_list.current_id() == "warm-up-copy"
    assert screen.stack.currentWidget() is screen.routine_list


def test_create_duplicate_reorder_with_keys_and_reps(qtbot: QtBot, main_window: MainWindow) -> None:
    screen = open_screen(main_window)
    click(qtbot, screen.routine_list.buttons["new"])
    editor = screen.editor
    editor.name_edit.setText("Morning hips")
    editor.add_exercise(2)  # hip-flexor after the hamstring stretch
    editor.add_exercise(3)  # side lunges last
    names = [e.name for e in editor.exercises]
    assert names == ["Standing hamstring stretch", "Hip-flexor stretch", "Side lunges"]
    editor.select_exercise(2)
    editor.exercise_list.setFocus()
    qtbot.keyClick(editor.exercise_list, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert [e.name for e in editor.exercises][1] == "Side lunges"
    editor.select_exercise(0)
    editor.set_uses_reps(True)
    editor.set_value("reps", 8)
    editor.set_value("sets", 2)
    editor.set_value("rest_seconds", 15)
    click(qtbot, editor.save_button)
    mine = load_routine(saved("my-routine"))
    assert mine.name == "Morning hips"
    assert [e.name for e in mine.exercises][1] == "Side lunges"
    first = mine.exercises[0]
    assert (first.reps, first.hold_seconds, first.sets, first.rest_seconds) == (8, None, 2, 15)
    click(qtbot, screen.routine_list.buttons["duplicate"])
    assert load_routine(saved("my-routine-copy")).exercises == mine.exercises
    assert screen.routine_list.current_id() == "my-routine-copy"


def test_delete_and_undo_bring_the_same_file_back(qtbot: QtBot, main_window: MainWindow) -> None:
    screen = open_screen(main_window)
    screen.routine_list.select("warm-up")
    click(qtbot, screen.routine_list.buttons["duplicate"])
    text = saved("warm-up-copy").read_text()
    click(qtbot, screen.routine_list.buttons["delete"])
    assert not saved("warm-up-copy").exists()
    assert "warm-up-copy" not in screen.user
    assert screen.routine_list.undo_button.isVisibleTo(screen)
    click(qtbot, screen.routine_list.undo_button)
    assert saved("warm-up-copy").read_text() == text
    assert screen.routine_list.current_id() == "warm-up-copy"
    screen.routine_list.select("warm-up")
    assert not screen.routine_list.buttons["delete"].isEnabled()


def test_a_malformed_import_names_file_field_and_problem(
    main_window: MainWindow, tmp_path: Path
) -> None:
    screen = open_screen(main_window)
    data = json.loads(WARM_UP.read_text())
    data["exercises"][1]["hold_seconds"] = 900
    bad = tmp_path / "too-long.json"
    bad.write_text(json.dumps(data, indent=2))
    assert screen.import_file(bad) is None
    message = screen.routine_list.notice_text.text()
    assert str(bad) in message
    assert "exercises[1].hold_seconds" in message
    assert "at most 300" in message
    assert list(routines_dir().glob("*.json")) == []


def test_import_and_export_round_trip_without_replacing_anything(
    main_window: MainWindow, tmp_path: Path
) -> None:
    screen = open_screen(main_window)
    screen.routine_list.select("warm-up")
    out = tmp_path / "shared.json"
    assert screen.export_file(out)
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    imported = screen.import_file(out)
    assert imported is not None and imported.id == "warm-up-copy"
    assert imported.name == "Warm-up"  # the id changed, the name stays
    assert load_routine(saved("warm-up-copy")).exercises == imported.exercises


def test_preview_plays_the_routine_as_edited(qtbot: QtBot, main_window: MainWindow) -> None:
    screen = open_screen(main_window)
    click(qtbot, screen.routine_list.buttons["new"])
    screen.editor.set_value("prep_seconds", 3)
    click(qtbot, screen.editor.preview_button)
    assert screen.stack.currentWidget() is screen.player_view
    assert screen.player_view.panel.countdown.text() == "0:03"
    click(qtbot, screen.player_view.stop_button)
    assert screen.stack.currentWidget() is screen.routine_list


def test_every_page_names_its_controls(
    qtbot: QtBot, main_window: MainWindow, services: AppServices
) -> None:
    screen = open_screen(main_window)
    pages = (screen.routine_list, screen.editor, screen.player_view)
    screen.editor.edit(screen.defaults["warm-up"])
    for page in pages:
        screen.stack.setCurrentWidget(page)
        unnamed = [
            type(w).__name__
            for w in page.findChildren(QWidget)
            if w.focusPolicy() != Qt.FocusPolicy.NoFocus
            and w.isVisibleTo(page)
            and not w.accessibleName()
            and not isinstance(w.parent(), QAbstractSpinBox | QComboBox)
            and w.metaObject().className() not in {"QScrollBar", "QWidget"}
        ]
        assert unnamed == [], type(page).__name__
