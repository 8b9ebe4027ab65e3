"""Screenshots of the Stretches player, editor and a refused file, for tools.screenshots."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication

from coach.domain.clock import FakeClock
from coach.domain.plan_files.loading import ASSETS_DIR
from coach.domain.routine_player import RoutinePlayer
from coach.domain.routines import Routine, RoutineTimeline, StepKind, editable_copy
from coach.ui.main_window import MainWindow
from coach.ui.services import AppServices
from coach.ui.stretches.screen import StretchesScreen
from tools.screenshots.capture import discard

SIZES: tuple[tuple[int, int], ...] = ((1366, 768), (1920, 1080))
SCHEMES: tuple[str, ...] = ("light", "dark")
INTO_STEP_S = 6.0
"""How far into a hold or walk each player shot is taken: the countdown mid-way."""

State = Callable[[StretchesScreen], None]


def _slug(name: str) -> str:
    return "-".join(name.lower().replace("-", " ").split())


def player_states(routine: Routine) -> list[tuple[str, float]]:
    """(stem, routine second) for each exercise's work step, each side of per-side ones."""
    states = []
    for step in RoutineTimeline(routine).steps:
        if step.kind not in (StepKind.HOLD, StepKind.REPS, StepKind.WALK) or step.set_number > 1:
            continue
        side = "" if step.side is None else f"-{step.side.value}"
        stem = f"stretches-player-{_slug(step.exercise.name)}{side}"
        states.append((stem, step.start_s + INTO_STEP_S))
    return states


def _show_player_at(routine: Routine, seconds: float) -> State:
    def show(screen: StretchesScreen) -> None:
        clock = FakeClock()
        player = RoutinePlayer(RoutineTimeline(routine), clock)
        screen.stack.setCurrentWidget(screen.player_view)
        # Shots run without an audio engine; the "sound is off" bar would only distract.
        screen.player_view.sound_enabled = False
        screen.player_view.play(player)
        screen.player_view.timer.stop()  # the picture holds still
        clock.advance(seconds)
        screen.player_view.tick()

    return show


def _show_editor(screen: StretchesScreen) -> None:
    copy = editable_copy(screen.defaults["warm-up"], screen.taken_ids())
    screen._editing_copy = True
    screen.open_editor(copy)
    screen.editor.select_exercise(1)


def _show_refused_file(screen: StretchesScreen) -> None:
    data = json.loads((ASSETS_DIR / "routines" / "warm-up.json").read_text(encoding="utf-8"))
    data["exercises"][1]["hold_seconds"] = 900
    data["exercises"][2]["sides"] = "both"
    bad = Path(screen.services.store.path).parent / "shared-routine.json"
    bad.write_text(json.dumps(data, indent=2), encoding="utf-8")
    screen.show_list()
    screen.import_file(bad)


def stretches_states(routine: Routine) -> list[tuple[str, State]]:
    """Every state to render, by file stem."""
    states: list[tuple[str, State]] = [
        (stem, _show_player_at(routine, at)) for stem, at in player_states(routine)
    ]
    states += [("stretches-editor", _show_editor), ("stretches-error", _show_refused_file)]
    return states


def _grab(app: QApplication, window: MainWindow, state: State, path: Path) -> None:
    window.show_screen("stretches")
    screen = window.screen_widget("stretches")
    assert isinstance(screen, StretchesScreen)
    state(screen)
    for _ in range(6):
        app.processEvents()
    window.grab().save(str(path))
    screen.player_view.stop()
    screen.show_list()
    screen.routine_list.say("")


def render_stretches_states(out_dir: Path, services: AppServices, app: QApplication) -> list[Path]:
    """stretches-player-*, stretches-editor-* and stretches-error-* at both sizes and schemes."""
    written: list[Path] = []
    view = QSettings(str(Path(services.store.path).parent / "view.ini"), QSettings.Format.IniFormat)
    for scheme in SCHEMES:
        services.preferences.set("theme", scheme)
        for width, height in SIZES:
            window = MainWindow(services, view)
            window.reminder.timer.stop()
            window.on_theme_changed("")
            window.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)
            window.resize(width, height)
            window.show()
            screen = window.screen_widget("stretches")
            assert isinstance(screen, StretchesScreen)
            for stem, state in stretches_states(screen.defaults["warm-up"]):
                path = out_dir / f"{stem}-{width}x{height}-{scheme}.png"
                _grab(app, window, state, path)
                written.append(path)
            discard(window)
    return written
