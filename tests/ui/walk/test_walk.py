"""The Walk screen end to end on a fake clock, with the real store and a visual-only beat."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from walk_support import Key, open_walk, press, start_plan, walk_for

from coach.domain.clock import FakeClock
from coach.domain.pain import PainContext
from coach.domain.safety.urgency import Urgency, words_for
from coach.domain.session import SessionState
from coach.domain.walks import WalkKind
from coach.ui.main_window import MainWindow
from coach.ui.services import AppServices
from coach.ui.walk import texts
from coach.ui.walk.screen import WalkScreen


def linked_pain(services: AppServices, walk_id: int) -> dict[PainContext, object]:
    now = services.clock.now()
    entries = services.pain.between(now - timedelta(days=1), now + timedelta(days=1))
    return {e.context: e for e in entries if e.walk_id == walk_id}


def test_the_starter_plan_from_pain_before_to_the_end_screen(
    qtbot: QtBot, main_window: MainWindow, services: AppServices, clock
) -> None:
    screen = open_walk(main_window)
    assert "(suggested)" in screen.choose_page.plan_list.currentItem().text()
    start_plan(qtbot, screen, "starter-10", pain=3, note="stiff this morning")
    player = screen.player
    assert player.phase_label.text() == "Warm-up stretches"
    assert player.step_frame.isVisible() and not player.cue_view.isVisible()
    assert player.step_panel.exercise_name.text() == "Easy warm-up walk"
    walk_for(20, clock, screen)
    assert player.cadence.text() == "90 steps/min"  # the routine's easy walk
    press(qtbot, Key.Key_N)  # on to the warm-up ramp
    assert player.phase_label.text() == "Easy start"
    assert player.next_label.text() == "Next: Main walk"
    assert player.cue_view.isVisible() and player.cue_view.title_label.text()
    assert player.phase_left.text() == "3:00"
    walk_for(30, clock, screen)
    assert player.phase_left.text() == "2:30"
    press(qtbot, Key.Key_M)
    assert player.phase_left.text() == "3:30"
    press(qtbot, Key.Key_Space)
    assert player.session.state is SessionState.PAUSED and player.paused_label.isVisible()
    walk_for(60, clock, screen)
    assert player.phase_left.text() == "3:30"  # paused time does not count
    press(qtbot, Key.Key_Space)
    walk_for(10, clock, screen)
    assert player.phase_left.text() == "3:20"
    press(qtbot, Key.Key_N)
    assert player.phase_label.text() == "Main walk"
    assert player.cadence.text() == "105 steps/min"  # the default cadence from Settings
    walk_for(300, clock, screen, step_s=5)
    assert player.phase_label.text() == "Cool-down"
    press(qtbot, Key.Key_N)
    assert screen.stack.currentWidget() is screen.after_page
    assert not services.metronome.running
    screen.after_page.scale.set_value(3)
    qtbot.mouseClick(screen.after_page.go_button, Qt.MouseButton.LeftButton)
    assert screen.stack.currentWidget() is screen.end_page
    assert not screen.end_page.hold_frame.isVisible()
    assert screen.end_page.pain_label.text() == "Pain before 3/10, after 3/10"
    [walk] = services.walks.latest(5)
    assert walk.kind is WalkKind.GUIDED and walk.plan_name == "10-minute starter"
    assert walk.cadence_spm == 105
    # 20 s into the routine is 5 s of getting ready and 15 s of its easy walk; then 40 s of
    # ramp (the paused minute does not count) and the 5-minute main walk.
    assert abs(walk.duration_s - (15 + 40 + 300)) < 0.5
    # 355 s: whole minutes walked, rounded down, the same on every screen.
    assert screen.end_page.minutes_label.text() == "5 min walked"
    pains = linked_pain(services, walk.id)
    assert pains[PainContext.BEFORE_WALK].pain == 3
    assert pains[PainContext.BEFORE_WALK].note == "stiff this morning"
    assert pains[PainContext.AFTER_WALK].pain == 3
    assert screen.history.cell(0, 1) == "10-minute starter"
    assert screen.history.cell(0, 2) == "5 min"
    assert screen.history.cell(0, 4) == "3" and screen.history.cell(0, 5) == "3"


def stop_after_a_minute_and_rate(
    qtbot: QtBot, screen: WalkScreen, clock: FakeClock, after: int, legs: bool
) -> None:
    start_plan(qtbot, screen, "starter-10", pain=2)
    press(qtbot, Key.Key_N)
    walk_for(60, clock, screen)
    screen.player.confirm_stop = lambda _parent: True
    press(qtbot, Key.Key_Escape)
    assert screen.stack.currentWidget() is screen.after_page
    screen.after_page.scale.set_value(after)
    screen.after_page.legs_box.setChecked(legs)
    qtbot.mouseClick(screen.after_page.go_button, Qt.MouseButton.LeftButton)


def test_pain_above_five_asks_for_an_easier_walk_and_the_next_one_is_easier(
    qtbot: QtBot, main_window: MainWindow, services: AppServices, clock: FakeClock
) -> None:
    screen = open_walk(main_window)
    stop_after_a_minute_and_rate(qtbot, screen, clock, after=6, legs=False)
    page = screen.end_page
    assert page.hold_frame.isVisible()
    assert "6/10: above 5 and higher than before" in page.hold_label.text()
    assert "make your next walk a little easier" in page.hold_label.text()
    # The starter is already the shortest plan: the next line says how it is easier.
    assert page.next_label.text().startswith("Next time: 10-minute starter again")
    assert "stop early" in page.next_label.text()
    assert page.card.title_label.text() == texts.END_TITLE_STOPPED
    [walk] = services.walks.latest(5)
    after = linked_pain(services, walk.id)[PainContext.AFTER_WALK]
    assert after.pain == 6 and after.note == ""  # the note holds only what was typed


def test_a_small_rise_is_fine_and_the_page_says_the_rule(
    qtbot: QtBot, main_window: MainWindow, clock: FakeClock
) -> None:
    screen = open_walk(main_window)
    stop_after_a_minute_and_rate(qtbot, screen, clock, after=4, legs=False)
    assert not screen.end_page.hold_frame.isVisible()
    assert "settled by the next morning" in screen.end_page.next_label.text()


def test_leg_symptoms_get_the_doctor_advice_and_pause_the_plan(
    qtbot: QtBot, main_window: MainWindow, services: AppServices, clock: FakeClock
) -> None:
    screen = open_walk(main_window)
    stop_after_a_minute_and_rate(qtbot, screen, clock, after=3, legs=True)
    page = screen.end_page
    # The same words as Today's note and the warning signs: see a doctor promptly.
    assert "numbness or weakness in a leg" in page.hold_label.text()
    assert words_for(Urgency.PROMPTLY).action in page.hold_label.text()
    assert "shorter" not in page.hold_label.text()
    assert page.next_label.text() == ""  # no next walk is suggested while paused
    [walk] = services.walks.latest(5)
    assert walk.new_leg_symptoms
    screen.refresh()
    assert not screen.safety_notice.isHidden()  # on the choose page, once Done is pressed


def test_esc_asks_first_and_a_no_keeps_walking(
    qtbot: QtBot, main_window: MainWindow, clock
) -> None:
    screen = open_walk(main_window)
    start_plan(qtbot, screen, "walk-20")
    asked: list[bool] = []
    screen.player.confirm_stop = lambda _parent: asked.append(True) or False
    press(qtbot, Key.Key_Escape)
    assert asked and screen.player.running
    assert screen.stack.currentWidget() is screen.player


def test_closing_the_window_mid_walk_saves_what_was_walked(
    qtbot: QtBot, main_window: MainWindow, services: AppServices, clock
) -> None:
    screen = open_walk(main_window)
    start_plan(qtbot, screen, "walk-20", pain=4)
    press(qtbot, Key.Key_N)
    press(qtbot, Key.Key_N)  # straight to the main walk
    walk_for(120, clock, screen, step_s=2)
    press(qtbot, Key.Key_Space)  # paused: the metronome is silent, the walk still counts
    main_window.close()
    [walk] = services.walks.latest(5)
    assert abs(walk.duration_s - 120) < 0.5
    pains = linked_pain(services, walk.id)
    assert pains[PainContext.BEFORE_WALK].pain == 4 and PainContext.AFTER_WALK not in pains
    assert not screen.player.running


def test_cue_cards_rotate_posture_then_stride_and_a_pinned_card_stays(
    qtbot: QtBot, main_window: MainWindow, services: AppServices, clock
) -> None:
    services.preferences.set("cue_interval_s", 30)
    screen = open_walk(main_window)
    start_plan(qtbot, screen, "walk-20")
    press(qtbot, Key.Key_N)
    view = screen.player.cue_view
    first = view.card
    assert first is not None and view.illustration_path is not None
    walk_for(30, clock, screen)
    second = view.card
    assert second is not None and {first.kind, second.kind} == {"posture", "stride"}
    press(qtbot, Key.Key_P)
    assert screen.player.pin_button.text() == texts.UNPIN_BUTTON
    assert screen.player.pin_button.accessibleName() == texts.UNPIN_BUTTON
    walk_for(90, clock, screen)
    assert view.card == second
    press(qtbot, Key.Key_P)
    assert screen.player.pin_button.text() == texts.PIN_BUTTON
    shown = view.card
    assert shown is not None
    qtbot.mouseClick(screen.player.hide_button, Qt.MouseButton.LeftButton)
    assert view.card != shown
    assert not screen.library.boxes[shown.id].isChecked()
    assert shown.id in screen.schedule.off_ids


def test_the_plan_editor_refuses_bad_values_and_saves_a_valid_private_file(
    qtbot: QtBot, main_window: MainWindow, private_data_dir
) -> None:
    screen = open_walk(main_window)
    editor = screen.plans_view.editor
    editor.name_edit.setText("My short walk")
    minutes, start, end = editor.fields["main"]
    minutes.setText("lots")
    assert editor.save() is None
    assert "Main walk: minutes must be a number from 1 to 180, not 'lots'" in (
        editor.message_label.text()
    )
    minutes.setText("12")
    start.setText("300")
    end.setText("300")
    assert editor.save() is None
    assert editor.message_label.text() == "Main walk: must be from 40 to 220 steps per minute"
    start.setText("quick")
    assert editor.save() is None
    assert editor.message_label.text().startswith("Main walk: cadence must be")
    start.setText("target")
    end.setText("target+5")
    plan = editor.save()
    assert plan is not None and plan.id == "my-my-short-walk"
    path = private_data_dir / "plans" / "my-my-short-walk.json"
    assert path.stat().st_mode & 0o777 == 0o600
    from coach.domain.plan_files.loading import load_plan

    assert load_plan(path).walking_seconds == (5 + 12 + 3) * 60
    rows = [
        screen.choose_page.plan_list.item(i).text()
        for i in range(screen.choose_page.plan_list.count())
    ]
    assert "My short walk — 20 min walking  (yours)" in rows


def test_today_shows_the_weeks_progress_toward_the_dose_goal(
    main_window: MainWindow, add_walk
) -> None:
    add_walk(12)
    main_window.show_screen("today")
    screen = main_window.screen_widget("today")
    text = screen.week_card.dose_label.text()
    # The default usual walking is 60 minutes a week: five walks of about 12 minutes.
    assert text == "That is 5 walks of about 12 minutes. Done so far: 1."
    assert screen.week_card.goal_label.text() == "of your 60-minute goal"
    assert screen.week_card.minutes_label.text() == "12 min"


def test_the_sound_follows_the_session_after_skips_and_added_minutes(
    qtbot: QtBot, main_window: MainWindow, services: AppServices, clock
) -> None:
    from coach.audio.programs.model import ChimeKind

    screen = open_walk(main_window)
    start_plan(qtbot, screen, "starter-10")
    metronome = services.metronome
    press(qtbot, Key.Key_N)  # the warm-up ramp: 3 + 5 + 2 minutes left
    program = metronome.program
    assert program is not None and program.duration_samples is not None
    # The program lasts the session's rest, plus the short lead and the end chime's ring.
    seconds = program.duration_samples / program.sample_rate
    assert 600 <= seconds < 602
    cues = [c for c in program.chimes if c.kind is ChimeKind.CUE]
    assert cues  # a soft chime where the card changes, every minute of walking
    press(qtbot, Key.Key_M)
    longer = metronome.program
    assert longer is not None and longer.duration_samples is not None
    assert longer.duration_samples - program.duration_samples == 60 * program.sample_rate
    press(qtbot, Key.Key_Space)
    assert not metronome.running  # paused: silent
    press(qtbot, Key.Key_Space)
    assert metronome.running


def test_a_bad_plan_file_is_named_and_the_good_plans_still_load(
    main_window: MainWindow, private_data_dir
) -> None:
    folder = private_data_dir / "plans"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "broken.json").write_text('{\n  "format": "walkcoach-plan",\n  "version": 1,\n')
    screen = open_walk(main_window)
    page = screen.choose_page
    assert page.problems_label.isVisible()
    assert "broken.json" in page.problems_label.text()
    assert "line" in page.problems_label.text()
    assert page.plan_list.count() == 3  # the app's own plans


def test_plus_adds_a_minute_but_not_during_stretches(
    qtbot: QtBot, main_window: MainWindow, clock
) -> None:
    screen = open_walk(main_window)
    start_plan(qtbot, screen, "starter-10")
    player = screen.player
    total = player.session.total_s
    press(qtbot, Key.Key_Plus)
    assert player.session.total_s == total  # a routine keeps its own timing
    press(qtbot, Key.Key_N)
    press(qtbot, Key.Key_Plus)
    assert player.phase_left.text() == "4:00"


def test_pinning_during_the_main_walk_keeps_every_step_on_its_sample(
    qtbot: QtBot, main_window: MainWindow, services: AppServices, clock
) -> None:
    from coach.audio.programs.model import ChimeKind

    services.preferences.set("cue_interval_s", 30)
    screen = open_walk(main_window)
    start_plan(qtbot, screen, "walk-20")
    session = screen.player.session
    assert session is not None
    while session.current_phase is not None and "main" not in session.current_phase.name.lower():
        press(qtbot, Key.Key_N)
    walk_for(10, clock, screen)
    metronome = services.metronome
    before = metronome.program
    assert before is not None and before.duration_samples is not None
    end = before.duration_samples
    assert [c for c in before.chimes if c.kind is ChimeKind.CUE]
    press(qtbot, Key.Key_P)  # pinned: the card stays, so no more cue chimes
    after = metronome.program
    assert after is not None and after is not before
    assert after.beats_between(0, end) == before.beats_between(0, end)
    assert after.segments == before.segments
    now = int(metronome.program_seconds * after.sample_rate)
    ahead = after.chimes_between(now + after.sample_rate, end)
    assert ahead and all(c.kind is not ChimeKind.CUE for c in ahead)
    press(qtbot, Key.Key_P)  # rotating again: the cue chimes come back, the steps stay
    again = metronome.program
    assert again is not None and again.beats_between(0, end) == before.beats_between(0, end)
    assert [
        c for c in again.chimes_between(now + again.sample_rate, end) if c.kind is ChimeKind.CUE
    ]


@pytest.mark.qt_log_ignore("This plugin does not support raise")  # offscreen: no stacking
def test_f_shows_the_walk_in_the_treadmill_view_and_esc_leaves(
    qtbot: QtBot, main_window: MainWindow, clock: FakeClock
) -> None:
    screen = open_walk(main_window)
    start_plan(qtbot, screen, "walk-20")
    press(qtbot, Key.Key_N)  # the warm-up ramp, with a cue card
    walk_for(30, clock, screen)
    player = screen.player
    press(qtbot, Key.Key_F)
    view = player.treadmill
    assert view.isVisible() and view.isFullScreen()
    assert view.target.text() == f"Easy start · {player.phase_left.text()} left"
    assert view.timer.text() == player.phase_left.text() == "4:30"
    assert view.cadence.text() == player.cadence.text().split()[0]  # the same target cadence
    card = player.current_card()
    assert card is not None and view.cue.text() == card.title
    walk_for(10, clock, screen)
    assert view.timer.text() == player.phase_left.text() == "4:20"  # one clock
    qtbot.keyClick(view, Key.Key_Space)
    assert player.session is not None and player.session.state is SessionState.PAUSED
    assert view.state.text() == texts.TV_PAUSED
    qtbot.keyClick(view, Key.Key_Escape)
    assert not view.isVisible()
