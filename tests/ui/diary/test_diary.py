"""Pain diary screen: keyboard logging, refusals, edit/delete with undo, day groups, safety."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

from PySide6.QtCore import QDateTime, Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from coach.domain.clock import FakeClock
from coach.domain.pain import PainContext, PainEntry, PainLocation
from coach.domain.safety.urgency import URGENCY_WORDS, Urgency
from coach.domain.walks import WalkKind, WalkRecord
from coach.ui.diary import texts
from coach.ui.diary.entry_list import PAGE_SIZE
from coach.ui.diary.screen import DiaryScreen
from coach.ui.main_window import MainWindow
from coach.ui.services import AppServices

Adder = Callable[..., PainEntry]


def make_screen(qtbot: QtBot, services: AppServices) -> DiaryScreen:
    screen = DiaryScreen(services)
    qtbot.addWidget(screen)
    screen.resize(1200, 800)
    screen.show()
    qtbot.waitExposed(screen)
    return screen


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def test_keyboard_only_logging_saves_a_rating(
    qtbot: QtBot, main_window: MainWindow, services: AppServices
) -> None:
    main_window.show_screen("diary")
    screen = main_window.screen_widget("diary")
    assert isinstance(screen, DiaryScreen)
    main_window.activateWindow()
    screen.form.focus_scale()
    qtbot.keyClick(focused(), Qt.Key.Key_6)
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    assert focused() is screen.form.context_box
    qtbot.keyClick(focused(), Qt.Key.Key_Down)  # on waking (09:30) -> before a walk
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    [entry] = services.pain.latest(5)
    assert (entry.pain, entry.context) == (6, PainContext.BEFORE_WALK)
    assert entry.at == services.clock.now()
    assert screen.entry_list.rows[0].entry == entry
    assert screen.form.scale.value() is None  # ready for the next rating
    assert screen.undo_bar.label.text().startswith("Saved: 6/10 at Wed 25 Nov, 09:30.")


def test_time_in_the_future_is_refused_with_a_message(
    qtbot: QtBot, services: AppServices, clock: FakeClock
) -> None:
    screen = make_screen(qtbot, services)
    screen.form.scale.set_value(3)
    later = services.clock.now().astimezone() + timedelta(hours=2)
    screen.form.time_edit.setDateTime(QDateTime(later.replace(tzinfo=None)))
    screen.save_new()
    assert services.pain.count() == 0
    assert "still to come" in screen.form.message_label.text()
    clock.advance(3 * 3600)  # two hours on, the same time is in the past and saves
    screen.save_new()
    assert services.pain.count() == 1


def test_a_rating_needs_a_number(qtbot: QtBot, services: AppServices) -> None:
    screen = make_screen(qtbot, services)
    screen.save_new()
    assert services.pain.count() == 0
    assert screen.form.message_label.text() == texts.NEED_RATING


def test_edit_and_undo_restore_the_old_entry(
    qtbot: QtBot, main_window: MainWindow, services: AppServices, add_pain: Adder
) -> None:
    old = add_pain(5, hours_ago=3, note="stiff")
    main_window.show_screen("diary")
    screen = main_window.screen_widget("diary")
    assert isinstance(screen, DiaryScreen)
    dialog = screen.open_edit(old)
    assert dialog.form.scale.value() == 5
    dialog.form.scale.set_value(2)
    dialog.form.note_edit.setText("looser after a walk")
    dialog.save_button.click()
    [changed] = services.pain.latest(5)
    assert (changed.id, changed.pain, changed.note, changed.at) == (
        old.id,
        2,
        "looser after a walk",
        old.at,
    )
    assert texts.DONE_EDITED in screen.undo_bar.label.text()
    main_window.activateWindow()
    screen.form.focus_scale()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is screen.form.scale)
    qtbot.keyClick(focused(), Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert services.pain.latest(5) == [old]
    assert screen.undo_bar.label.text() == texts.UNDONE_EDITED


def test_delete_and_undo_bring_back_the_same_id(
    qtbot: QtBot, services: AppServices, add_pain: Adder
) -> None:
    keep = add_pain(4, hours_ago=5)
    gone = add_pain(7, hours_ago=1, note="after gardening")
    screen = make_screen(qtbot, services)
    row = next(r for r in screen.entry_list.rows if r.entry.id == gone.id)
    row.delete_button.click()
    assert services.pain.latest(5) == [keep]
    assert not screen.undo_bar.isHidden()
    assert screen.undo_bar.action is not None
    screen.undo_bar.action.click()
    assert services.pain.latest(5) == [gone, keep]
    assert [r.entry.id for r in screen.entry_list.rows] == [gone.id, keep.id]


def test_undo_of_a_new_rating_takes_it_out(qtbot: QtBot, services: AppServices) -> None:
    screen = make_screen(qtbot, services)
    screen.form.scale.set_value(2)
    screen.save_new()
    assert services.pain.count() == 1
    screen.undo()
    assert services.pain.count() == 0


def test_ratings_are_grouped_by_day_newest_first_with_show_older(
    qtbot: QtBot, services: AppServices, add_pain: Adder
) -> None:
    for hours in range(0, 24 * 30, 12):  # two a day for 30 days
        add_pain(3, hours_ago=hours)
    screen = make_screen(qtbot, services)
    rows = screen.entry_list.rows
    assert len(rows) == PAGE_SIZE
    times = [r.entry.at for r in rows]
    assert times == sorted(times, reverse=True)
    assert not screen.entry_list.older_button.isHidden()
    screen.entry_list.older_button.click()
    assert len(screen.entry_list.rows) == 60
    assert screen.entry_list.older_button.isHidden()


def test_rating_from_a_guided_walk_names_its_walk(qtbot: QtBot, services: AppServices) -> None:
    now = services.clock.now()
    walk = services.walks.add(
        WalkRecord(started_at=now - timedelta(minutes=30), duration_s=20 * 60, kind=WalkKind.GUIDED)
    )
    services.pain.add(
        PainEntry(at=now - timedelta(minutes=9), pain=3, context=PainContext.AFTER_WALK,
                  location=PainLocation.BUTTOCK, walk_id=walk.id)
    )  # fmt: skip
    screen = make_screen(qtbot, services)
    details = screen.entry_list.rows[0].details_label.text()
    assert details.startswith("after your walk of 20 min")
    assert "buttock" in details


def test_red_flag_rating_shows_the_see_a_doctor_message(
    qtbot: QtBot, services: AppServices
) -> None:
    screen = make_screen(qtbot, services)
    assert screen.safety_panel.isHidden()
    screen.form.scale.set_value(6)
    screen.form.flags_toggle.setChecked(True)
    screen.form.flag_boxes["saddle_numbness"].setChecked(True)
    screen.save_new()
    [entry] = services.pain.latest(1)
    assert entry.red_flags == frozenset({"saddle_numbness"})
    assert not screen.safety_panel.isHidden()
    # A saddle-area sign gets the emergency words of the one table, never "physiotherapist".
    assert URGENCY_WORDS[Urgency.EMERGENCY].title in screen.safety_panel.text()
    assert "numbness in the saddle area" in screen.safety_panel.text()
    assert "emergency department" in screen.safety_panel.text()
    assert "physiotherapist" not in screen.safety_panel.text()


def test_worsening_diary_shows_a_professionals_look_message(
    qtbot: QtBot, services: AppServices, add_pain: Adder
) -> None:
    for day in range(7, 28):
        add_pain(2, hours_ago=24 * day)
    for day in range(7):
        add_pain(6, hours_ago=24 * day)
    screen = make_screen(qtbot, services)
    assert not screen.safety_panel.isHidden()
    assert URGENCY_WORDS[Urgency.SOON].title in screen.safety_panel.text()
    # The day the rule first fired, with its numbers: the state started then.
    assert "In the 7 days to Sunday 22 November: average 4.3." in screen.safety_panel.text()
    assert "2.3 points higher" in screen.safety_panel.text()


def test_read_only_diary_refuses_to_save(
    qtbot: QtBot, services: AppServices, add_pain: Adder
) -> None:
    entry = add_pain(4)
    screen = make_screen(qtbot, services)
    services.store.read_only = True
    try:
        screen.form.scale.set_value(3)
        screen.save_new()
        screen.delete(entry)
        assert services.pain.latest(5) == [entry]
        assert screen.form.message_label.text() == texts.READ_ONLY
    finally:
        services.store.read_only = False


def test_tab_from_the_sidebar_lands_on_the_scale(qtbot: QtBot, main_window: MainWindow) -> None:
    main_window.show_screen("diary")
    screen = main_window.screen_widget("diary")
    assert isinstance(screen, DiaryScreen)
    main_window.activateWindow()
    main_window.sidebar.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is main_window.sidebar)
    qtbot.keyClick(main_window.sidebar, Qt.Key.Key_Tab)
    assert focused() is screen.form.scale


def test_warning_signs_are_reachable_with_tab(qtbot: QtBot, main_window: MainWindow) -> None:
    main_window.show_screen("diary")
    screen = main_window.screen_widget("diary")
    assert isinstance(screen, DiaryScreen)
    main_window.activateWindow()
    form = screen.form
    form.flags_toggle.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is form.flags_toggle)
    qtbot.keyClick(form.flags_toggle, Qt.Key.Key_Tab)
    assert focused() is screen.save_button  # the signs are folded away
    form.flags_toggle.setFocus()
    qtbot.keyClick(form.flags_toggle, Qt.Key.Key_Space)  # unfold
    reached = []
    for _ in range(len(form.flag_boxes) + 1):
        qtbot.keyClick(focused(), Qt.Key.Key_Tab)
        reached.append(focused())
    assert reached == [*form.flag_boxes.values(), screen.save_button]
    qtbot.keyClick(form.flag_boxes["trauma"], Qt.Key.Key_Space)
    assert form.flag_boxes["trauma"].isChecked()
