"""Screenshots of the Walk screen's states, for tools.screenshots (sample data only).

The player in each kind of phase (stretches, warm-up, main with its cue card, cool-down),
the end screen with the hold advice, history and the cue library, at both sizes and themes.
Runs last: it walks a session on the screenshot store's fake clock and saves it.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication, QWidget

from coach.domain.clock import FakeClock
from coach.ui.main_window import MainWindow
from coach.ui.services import AppServices
from coach.ui.walk.screen import WalkScreen
from tools.screenshots.capture import discard, make_window

SIZES: tuple[tuple[int, int], ...] = ((1366, 768), (1920, 1080))
SCHEMES: tuple[str, ...] = ("light", "dark")
SHOT_PLAN = "walk-20"
PAIN_BEFORE, PAIN_AFTER = 3, 5  # a 2-point rise: the end screen shows the hold advice


def _walk(services: AppServices, screen: WalkScreen, seconds: float) -> None:
    clock = services.clock
    assert isinstance(clock, FakeClock)  # the screenshot store runs on a fake clock
    for _ in range(round(seconds)):
        clock.advance(1.0)
        screen.player.tick()


def _start(screen: WalkScreen) -> None:
    plan = next(p for p in screen.plans if p.id == SHOT_PLAN)
    screen._on_plan_chosen(plan)
    screen.before_page.scale.set_value(PAIN_BEFORE)
    screen._on_before_done()


def _grab(app: QApplication, widget: QWidget, path: Path, written: list[Path]) -> None:
    for _ in range(5):
        app.processEvents()
    widget.grab().save(str(path))
    written.append(path)


def _player_states(
    app: QApplication, services: AppServices, window: MainWindow, stem: str
) -> list[Path]:
    screen = window.screen_widget("walk")
    assert isinstance(screen, WalkScreen)
    written: list[Path] = []
    _start(screen)
    session = screen.player.session
    assert session is not None
    session.skip_exercise()  # from the easy walk to the hamstring stretch
    _walk(services, screen, 12)
    _grab(app, window, Path(f"{stem}-stretches.png"), written)
    for name, seconds in (("warm-up", 75), ("main", 200), ("cool-down", 40)):
        screen.player.skip_phase()
        _walk(services, screen, seconds)
        _grab(app, window, Path(f"{stem}-{name}.png"), written)
    screen.player.skip_phase()
    screen.after_page.scale.set_value(PAIN_AFTER)
    _grab(app, window, Path(f"{stem}-after.png"), written)
    screen.after_page.go_button.click()
    _grab(app, window, Path(f"{stem}-end.png"), written)
    screen.end_page.done_button.click()
    screen.tabs.setCurrentWidget(screen.history)
    _grab(app, window, Path(f"{stem}-history.png"), written)
    screen.tabs.setCurrentWidget(screen.library)
    _grab(app, window, Path(f"{stem}-cues.png"), written)
    screen.tabs.setCurrentWidget(screen.plans_view)
    _grab(app, window, Path(f"{stem}-plan-editor.png"), written)
    screen.tabs.setCurrentIndex(0)
    return written


def render_walk_states(out_dir: Path, services: AppServices, app: QApplication) -> list[Path]:
    """Render the Walk screen's states at each size in each scheme; return the files."""
    written: list[Path] = []
    view_dir = Path(services.store.path).parent
    for scheme in SCHEMES:
        services.preferences.set("theme", scheme)
        for width, height in SIZES:
            window = make_window(services, (width, height), view_dir)
            window.show_screen("walk")
            stem = str(out_dir / f"walk-{width}x{height}-{scheme}")
            written += _player_states(app, services, window, stem)
            discard(window)
    return written
