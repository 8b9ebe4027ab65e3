"""A newcomer's first session with Walking Coach, driven only through AT-SPI.

Usage (inside a D-Bus session with the AT-SPI bus, on an X display):

    /usr/bin/python3 tests/e2e/newcomer_driver.py --rating 6 -- walkcoach

Starts the app, finishes onboarding (choosing "None of these" warning signs), opens every
screen from the sidebar, checks that every control showing has an accessible name, starts
and stops the metronome, logs a pain rating, closes the window as a window manager would
and waits for the app to quit. Prints one `STEP ...` line per step done; on a failure it
prints what was showing, ends the app and exits 1. tests/e2e/test_newcomer.py runs it.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from typing import Any

import pyatspi
from a11y_bus import accessibility_bus
from atspi_tree import (
    DriverError,
    action_names,
    count_controls,
    describe,
    do_action,
    find,
    is_checked,
    is_showing,
    need,
    press,
    set_number,
    showing_nodes,
    unnamed_controls,
    wait_for,
)
from gi.repository import Atspi
from x11_close import close_window

APP_NAME = "Walking Coach"
ONBOARDING_TITLE = "Welcome to Walking Coach"
NONE_OF_THESE = "None of these"
HEIGHT_CM = 172
START_TIMEOUT_S = 30.0
QUIT_TIMEOUT_S = 15.0
CALL_TIMEOUT_MS = 40_000
"""One AT-SPI call may wait this long: opening a screen builds it before Qt answers."""


_STARTED = time.monotonic()


def step(text: str) -> None:
    """Report one step done, with the seconds since the driver started."""
    print(f"STEP {time.monotonic() - _STARTED:5.1f} s  {text}", flush=True)


def find_app() -> Any | None:
    """The Walking Coach application object on the accessibility bus, once it registered."""
    desktop = pyatspi.Registry.getDesktop(0)
    for index in range(desktop.childCount):
        app = desktop.getChildAtIndex(index)
        if app is not None and app.name == APP_NAME:
            return app
    return None


def top_window(app: Any, role: int, name: str) -> Any | None:
    """A showing top-level window of the app with this role whose name contains `name`."""
    for index in range(app.childCount):
        window = app.getChildAtIndex(index)
        if window is None or window.getRole() != role or name not in (window.name or ""):
            continue
        if is_showing(window):
            return window
    return None


def check_named(root: Any, where: str, problems: list[str]) -> int:
    """Collect showing controls without a label (all reported at the end); count the controls."""
    problems.extend(f"{where}: {problem}" for problem in unnamed_controls(root))
    return count_controls(root)


def finish_onboarding(app: Any, problems: list[str]) -> None:
    """Welcome, the safety check ("None of these"), height, usual walking, Finish."""
    dialog = wait_for(
        lambda: top_window(app, pyatspi.ROLE_DIALOG, ONBOARDING_TITLE),
        f'the "{ONBOARDING_TITLE}" dialog',
        START_TIMEOUT_S,
    )
    need(dialog, pyatspi.ROLE_LABEL, "Step 1 of 4")
    check_named(dialog, "onboarding step 1", problems)
    press(dialog, "Next")
    need(dialog, pyatspi.ROLE_LABEL, "Step 2 of 4")
    choose_none_of_these(dialog)
    check_named(dialog, "onboarding step 2", problems)
    press(dialog, "Next")
    need(dialog, pyatspi.ROLE_LABEL, "Step 3 of 4")
    set_number(need(dialog, pyatspi.ROLE_SPIN_BUTTON, "Height"), HEIGHT_CM)
    check_named(dialog, "onboarding step 3", problems)
    press(dialog, "Next")
    need(dialog, pyatspi.ROLE_LABEL, "Step 4 of 4")
    quick = wait_for(
        lambda: find(dialog, pyatspi.ROLE_PUSH_BUTTON, contains="About 1 hour"),
        'the quick choice "About 1 hour"',
    )
    do_action(quick, "Press")
    check_named(dialog, "onboarding step 4", problems)
    press(dialog, "Finish")
    step("onboarding finished: no warning signs, height 172 cm, about 1 hour a week")


def choose_none_of_these(dialog: Any) -> None:
    """Answer the safety check with "None of these", whether or not it starts ticked."""
    none_box = need(dialog, pyatspi.ROLE_CHECK_BOX, NONE_OF_THESE)
    if not is_checked(none_box):
        do_action(none_box, "Toggle")
    wait_for(lambda: none_box if is_checked(none_box) else None, f'"{NONE_OF_THESE}" ticked')
    ticked = [
        node.name
        for node in _check_boxes(dialog)
        if node.name != NONE_OF_THESE and is_checked(node)
    ]
    if ticked:
        raise DriverError(f'"{NONE_OF_THESE}" is ticked but so are: {ticked}')
    step(f'safety check answered "{NONE_OF_THESE}"')


def _check_boxes(root: Any) -> list[Any]:
    return [node for node in showing_nodes(root) if node.getRole() == pyatspi.ROLE_CHECK_BOX]


def sidebar_titles(window: Any) -> list[str]:
    """The names of the sidebar's rows, in order."""
    sidebar = need(window, pyatspi.ROLE_LIST, "Screens")
    return [sidebar.getChildAtIndex(i).name for i in range(sidebar.childCount)]


def open_screen(window: Any, title: str) -> Any:
    """Choose a screen in the sidebar (AT-SPI Selection) and wait until it is showing."""
    sidebar = need(window, pyatspi.ROLE_LIST, "Screens")
    titles = [sidebar.getChildAtIndex(i).name for i in range(sidebar.childCount)]
    sidebar.querySelection().selectChild(titles.index(title))
    stack = need(window, pyatspi.ROLE_LAYERED_PANE, "Current screen")
    return wait_for(lambda: _showing_child(stack, title), f'the "{title}" screen showing')


def _showing_child(stack: Any, title: str) -> Any | None:
    for index in range(stack.childCount):
        child = stack.getChildAtIndex(index)
        if child is not None and child.name == title and is_showing(child):
            return child
    return None


def main_window(app: Any) -> Any:
    """The main window, once onboarding has closed."""
    return wait_for(
        lambda: top_window(app, pyatspi.ROLE_FRAME, APP_NAME), "the main window", START_TIMEOUT_S
    )


def open_every_screen(window: Any, problems: list[str]) -> list[str]:
    """Open each sidebar row in turn; every control showing on each must have a name."""
    titles = sidebar_titles(window)
    for title in titles:
        screen = open_screen(window, title)
        controls = check_named(screen, f'the "{title}" screen', problems)
        tabs = visit_tabs(screen, title, problems)
        seen = f", tabs {', '.join(tabs)}" if tabs else ""
        step(f'opened "{title}" from the sidebar: {controls} controls showing{seen}')
    return titles


def visit_tabs(screen: Any, title: str, problems: list[str]) -> list[str]:
    """Open every other tab of the screen's tab bars, check its controls, then go back."""
    visited = []
    for tab_list in [n for n in showing_nodes(screen) if n.getRole() == pyatspi.ROLE_PAGE_TAB_LIST]:
        tabs = [
            tab for tab in tab_list if tab.getRole() == pyatspi.ROLE_PAGE_TAB and is_showing(tab)
        ]
        for tab in [*tabs[1:], tabs[0]]:
            do_action(tab, "Press")
            wait_for(lambda tab=tab: tab if _selected(tab) else None, f'the "{tab.name}" tab open')
            check_named(screen, f'the "{title}" screen, tab "{tab.name}"', problems)
            visited.append(tab.name)
    return visited[:-1] if visited else []


def _selected(node: Any) -> bool:
    return node.getState().contains(pyatspi.STATE_SELECTED)


def start_and_stop_metronome(window: Any) -> None:
    """Start the beat, see the button become Stop, stop it, see Start again."""
    screen = open_screen(window, "Metronome")
    press(screen, "Start")
    need(screen, pyatspi.ROLE_PUSH_BUTTON, "Stop")
    step('metronome started: the button now says "Stop"')
    press(screen, "Stop")
    need(screen, pyatspi.ROLE_PUSH_BUTTON, "Start")
    step('metronome stopped: the button says "Start" again')


def log_pain(window: Any, rating: int) -> None:
    """Choose a number on the pain scale, save it and wait for the diary to confirm."""
    screen = open_screen(window, "Pain diary")
    number = need(screen, pyatspi.ROLE_CHECK_BOX, f"Pain {rating} of 10")
    do_action(number, "Press" if "Press" in action_names(number) else "Toggle")
    wait_for(lambda: number if is_checked(number) else None, f"pain {rating} chosen")
    press(screen, "Save rating")
    saved = f"Saved: {rating}/10"
    wait_for(lambda: find(window, pyatspi.ROLE_LABEL, contains=saved), f'"{saved}" shown')
    step(f"pain rating {rating} saved and confirmed on screen")


def sound_line(window: Any) -> str:
    """What the status line says about sound ("" when sound works)."""
    panel = find(window, pyatspi.ROLE_PANEL, "Sound status")
    if panel is None:
        return ""
    texts = [node.name for node in panel if node.getRole() == pyatspi.ROLE_LABEL]
    return " ".join(text for text in texts if text and text != "Sound status")


def quit_app(app: Any, process: subprocess.Popen[bytes]) -> None:
    """Close the main window as a window manager would and wait for a clean exit."""
    title = close_window(app.get_process_id(), APP_NAME)
    try:
        code = process.wait(QUIT_TIMEOUT_S)
    except subprocess.TimeoutExpired as error:
        raise DriverError(f"The app did not quit within {QUIT_TIMEOUT_S:.0f} s") from error
    if code != 0:
        raise DriverError(f"The app quit with exit code {code}")
    step(f'closed "{title}": the app quit with exit code 0')


def run_session(process: subprocess.Popen[bytes], rating: int) -> list[str]:
    """Every step of the newcomer's session; returns the controls found without a name."""
    app = wait_for(find_app, f'"{APP_NAME}" on the accessibility bus', START_TIMEOUT_S)
    problems: list[str] = []
    finish_onboarding(app, problems)
    window = main_window(app)
    open_every_screen(window, problems)
    start_and_stop_metronome(window)
    log_pain(window, rating)
    step(f"sound: {sound_line(window) or 'available'}")
    quit_app(app, process)
    return problems


def main(argv: list[str] | None = None) -> int:
    """Run the whole session; 0 when every step worked and the app quit cleanly."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rating", type=int, default=6, help="the pain rating to log, 0-10")
    parser.add_argument("command", nargs="+", help="the command that starts the app")
    args = parser.parse_args(argv)
    Atspi.set_timeout(CALL_TIMEOUT_MS, -1)
    with accessibility_bus():
        return drive(args.command, args.rating)


def drive(command: list[str], rating: int) -> int:
    """Start the app, run the session, end the app if it is still running; the exit code."""
    process = subprocess.Popen(command)
    try:
        problems = run_session(process, rating)
    except (DriverError, LookupError) as error:
        print(f"FAILED {error}", flush=True)
        _print_showing(process)
        return 1
    finally:
        if process.poll() is None:
            process.kill()
            process.wait(10)
    for problem in problems:
        print(f"UNNAMED {problem}", flush=True)
    return 1 if problems else 0


def _print_showing(process: subprocess.Popen[bytes]) -> None:
    app = find_app() if process.poll() is None else None
    if app is None:
        print(f"(the app is not on the accessibility bus; exit code {process.poll()})")
        return
    print("What was showing:")
    for index in range(app.childCount):
        print("\n".join(describe(app.getChildAtIndex(index))))


if __name__ == "__main__":
    sys.exit(main())
