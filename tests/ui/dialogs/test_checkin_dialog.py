"""The weekly check-in dialog: answers with one left out, too few, off the scale, a skip."""

from __future__ import annotations

from datetime import date

from pytestqt.qtbot import QtBot

from coach.ui.dialogs import texts
from coach.ui.dialogs.checkin import CheckinDialog
from coach.ui.services import AppServices


def _dialog(qtbot: QtBot, services: AppServices) -> CheckinDialog:
    dialog = CheckinDialog(services)
    qtbot.addWidget(dialog)
    return dialog


def test_two_answers_are_enough_and_the_week_is_saved(qtbot: QtBot, services: AppServices) -> None:
    dialog = _dialog(qtbot, services)
    assert dialog.choose(0, 6) and dialog.choose(2, 3)
    with qtbot.waitSignal(dialog.saved) as saved:
        assert dialog.save()
    checkin = saved.args[0]
    assert checkin.answers == (6, None, 3) and checkin.score == 4.5
    assert checkin.week_start == date(2026, 11, 23)  # TEST_NOW is a Wednesday; default Monday
    assert [c.score for c in services.checkins.all()] == [4.5]


def test_one_answer_is_refused_with_the_rule_and_nothing_is_saved(
    qtbot: QtBot, services: AppServices
) -> None:
    dialog = _dialog(qtbot, services)
    dialog.choose(1, 5)
    assert not dialog.save()
    assert dialog.message_label.text() == texts.CHECKIN_NEED_TWO
    assert services.checkins.all() == []


def test_a_number_off_the_scale_is_refused_with_a_clear_message(
    qtbot: QtBot, services: AppServices
) -> None:
    dialog = _dialog(qtbot, services)
    assert not dialog.choose(0, 11)
    assert dialog.message_label.text() == "11 is not on the scale. Choose a number from 0 to 10."
    assert dialog.answers() == (None, None, None)


def test_skip_saves_a_skipped_week(qtbot: QtBot, services: AppServices) -> None:
    dialog = _dialog(qtbot, services)
    assert dialog.skip()
    [checkin] = services.checkins.all()
    assert checkin.skipped and checkin.score is None


def test_the_scales_say_what_they_ask(qtbot: QtBot, services: AppServices) -> None:
    dialog = _dialog(qtbot, services)
    names = [scale.accessibleName() for scale in dialog.scales]
    assert names == list(texts.CHECKIN_SCALE_NAMES)
