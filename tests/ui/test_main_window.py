"""The main window: screens listed, keyboard switching, status line and view state."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QComboBox, QScrollArea, QWidget
from pytestqt.qtbot import QtBot

from coach.audio.status import AUDIO_READY, NO_OUTPUT_DEVICE, NO_PORTAUDIO, AudioStatus
from coach.storage.database import open_read_only
from coach.ui.bootstrap import build_services
from coach.ui.main_window import MainWindow
from coach.ui.navigation import ScreenFactory, ScreenSpec, default_screens
from coach.ui.services import AppServices


def sidebar_titles(window: MainWindow) -> list[str]:
    return [window.sidebar.item(row).text() for row in range(window.sidebar.count())]


def test_window_lists_today_first_and_settings_last(main_window: MainWindow) -> None:
    titles = sidebar_titles(main_window)
    assert (titles[0], titles[-1]) == ("Today", "Settings")
    assert main_window.screen_keys() == [spec.key for spec in default_screens()]
    assert main_window.current_key == "today"
    assert main_window.stack.currentWidget() is main_window.screen_widget("today")


def test_ctrl_number_switches_screens(qtbot: QtBot, main_window: MainWindow) -> None:
    with qtbot.waitSignal(main_window.screen_changed) as blocker:
        qtbot.keyClick(main_window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    second = main_window.screen_keys()[1]
    assert blocker.args == [second]
    assert main_window.stack.currentWidget() is main_window.screen_widget(second)
    assert main_window.sidebar.currentRow() == 1
    qtbot.keyClick(main_window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert main_window.current_key == "today"


def test_sidebar_arrow_keys_switch_screens(qtbot: QtBot, main_window: MainWindow) -> None:
    main_window.sidebar.setFocus()
    qtbot.keyClick(main_window.sidebar, Qt.Key.Key_Down)
    assert main_window.current_key == main_window.screen_keys()[1]
    qtbot.keyClick(main_window.sidebar, Qt.Key.Key_Up)
    assert main_window.current_key == "today"


def test_selecting_a_sidebar_row_switches_screens(main_window: MainWindow) -> None:
    # What assistive technology does through AT-SPI: select a row, leave the current row.
    sidebar = main_window.sidebar
    third = sidebar.model().index(2, 0)
    sidebar.selectionModel().select(third, sidebar.selectionModel().SelectionFlag.ClearAndSelect)
    assert main_window.current_key == main_window.screen_keys()[2]
    assert sidebar.currentRow() == 2


def test_sidebar_is_reachable_with_tab(qtbot: QtBot, main_window: MainWindow) -> None:
    main_window.activateWindow()
    seen: list[QWidget] = []
    widget = QApplication.focusWidget() or main_window.sidebar
    for _ in range(40):
        seen.append(widget)
        widget = widget.nextInFocusChain()
    assert main_window.sidebar in seen
    assert main_window.sidebar.focusPolicy() & Qt.FocusPolicy.TabFocus


def is_inner_editor(widget: QWidget) -> bool:
    """The line edit inside a spin box or combo box takes its name from its owner."""
    return isinstance(widget.parent(), QAbstractSpinBox | QComboBox)


def test_every_control_has_an_accessible_name(main_window: MainWindow) -> None:
    for key in main_window.screen_keys():
        main_window.show_screen(key)
        unnamed = [
            f"{type(w).__name__} in {type(w.parent()).__name__}"
            for w in main_window.findChildren(QWidget)
            if w.focusPolicy() != Qt.FocusPolicy.NoFocus
            and w.isVisibleTo(main_window)
            and not w.accessibleName()
            and not is_inner_editor(w)
            and w.metaObject().className() not in {"QScrollBar", "QWidget"}
        ]
        assert unnamed == [], key


def test_every_scroll_area_has_an_accessible_name(main_window: MainWindow) -> None:
    for key in main_window.screen_keys():
        main_window.show_screen(key)
    unnamed = [
        f"{type(area).__name__} in {type(area.parent()).__name__}"
        for area in main_window.findChildren(QScrollArea)
        if not area.accessibleName()
    ]
    assert unnamed == []


def test_status_line_hidden_when_sound_works(main_window: MainWindow) -> None:
    assert main_window.status_line.isHidden() or not main_window.status_line.isVisibleTo(
        main_window
    )


@pytest.mark.parametrize("audio_status", [AudioStatus(False, NO_OUTPUT_DEVICE)])
def test_status_line_says_why_sound_is_off(main_window: MainWindow) -> None:
    assert main_window.status_line.isVisibleTo(main_window)
    assert main_window.status_line.text() == NO_OUTPUT_DEVICE
    assert main_window.status_line.accessibleName() == NO_OUTPUT_DEVICE  # read out as it is
    assert "Plug one in" in main_window.status_line.text()


def test_view_state_is_remembered_in_qsettings(
    qtbot: QtBot, services: AppServices, tmp_path: Path
) -> None:
    settings = QSettings(str(tmp_path / "view-state.ini"), QSettings.Format.IniFormat)
    first = MainWindow(services, settings)
    qtbot.addWidget(first)
    first.show()
    first.resize(780, 540)
    first.show_screen("settings")
    first.close()
    second = MainWindow(services, settings)
    qtbot.addWidget(second)
    assert second.current_key == "settings"
    assert (second.size().width(), second.size().height()) == (780, 540)


def test_unknown_last_screen_falls_back_to_the_first(
    qtbot: QtBot, services: AppServices, view_settings: QSettings
) -> None:
    view_settings.setValue("main_window/last_screen", "walk-that-was-removed")
    window = MainWindow(services, view_settings)
    qtbot.addWidget(window)
    assert window.current_key == "today"


def test_build_services_reads_saved_preferences(services: AppServices) -> None:
    services.preferences.set("usual_walk_minutes_per_week", 90)
    again = build_services(services.store, services.audio_status, services.clock)
    assert again.preferences.current.usual_walk_minutes_per_week == 90


@pytest.mark.parametrize("audio_status", [AudioStatus(False, NO_PORTAUDIO)])
def test_reopen_sound_probes_again_and_hides_the_line(
    qtbot: QtBot, services: AppServices, view_settings: QSettings
) -> None:
    found = AudioStatus(True, AUDIO_READY, ("USB headphones",), "USB headphones")
    window = MainWindow(services, view_settings, audio_probe=lambda: found)
    qtbot.addWidget(window)
    window.show()
    assert window.sound_notice.isVisible()
    assert window.sound_notice.action is not None
    with qtbot.waitSignal(window.audio_status_changed) as blocker:
        qtbot.mouseClick(window.sound_notice.action, Qt.MouseButton.LeftButton)
    assert blocker.args == [found]
    assert not window.sound_notice.isVisible()
    assert services.audio_status == found


def test_read_only_store_is_announced(
    qtbot: QtBot, services: AppServices, view_settings: QSettings
) -> None:
    services.store.close()
    read_only = open_read_only(services.store.path)
    try:
        window = MainWindow(build_services(read_only, services.audio_status), view_settings)
        qtbot.addWidget(window)
        window.show()
        assert window.read_only_notice.isVisible()
        assert str(read_only.path) in window.read_only_notice.label.text()
    finally:
        read_only.close()


def test_tab_moves_from_the_sidebar_into_the_screen(qtbot: QtBot, main_window: MainWindow) -> None:
    main_window.show_screen("settings")
    main_window.activateWindow()
    main_window.sidebar.setFocus()
    qtbot.keyClick(main_window.sidebar, Qt.Key.Key_Tab)
    focused = QApplication.focusWidget()
    assert focused is not None
    assert main_window.screen_widget("settings").isAncestorOf(focused)


class LoadCountingScreen(QWidget):
    """A screen that loads its data when built, as every screen does, and counts the loads."""

    def __init__(self) -> None:
        super().__init__()
        self.loads = 0
        self.refresh()

    def refresh(self) -> None:
        self.loads += 1


def counting_screens(built: dict[str, LoadCountingScreen]) -> list[ScreenSpec]:
    def factory(key: str) -> ScreenFactory:
        return lambda _services: built.setdefault(key, LoadCountingScreen())

    return [ScreenSpec(key, key.title(), "today", factory(key)) for key in ("first", "second")]


def test_the_first_screen_loads_once_before_the_first_paint(
    qtbot: QtBot, services: AppServices, view_settings: QSettings
) -> None:
    built: dict[str, LoadCountingScreen] = {}
    window = MainWindow(services, view_settings, counting_screens(built))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert built["first"].loads == 1
    window.show_screen("second")
    assert built["second"].loads == 1


def test_a_screen_shown_again_reloads(
    qtbot: QtBot, services: AppServices, view_settings: QSettings
) -> None:
    built: dict[str, LoadCountingScreen] = {}
    window = MainWindow(services, view_settings, counting_screens(built))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.hide()
    window.show()  # the window comes back into view
    assert built["first"].loads == 2
    window.show_screen("second")
    window.show_screen("first")  # switched back to
    assert built["first"].loads == 3
