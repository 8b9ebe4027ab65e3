"""The main window: sidebar on the left, the current screen on the right, a status line below."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence

from PySide6.QtCore import QByteArray, QSettings, Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QResizeEvent, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from coach import APP_NAME
from coach.audio.status import AudioStatus
from coach.domain.pain import PainEntry
from coach.ui.controllers.reminder import ReminderController
from coach.ui.dialogs import open_pain_log
from coach.ui.dialogs.pain_prompt import PainPromptBar
from coach.ui.navigation import Refreshable, ScreenSpec, Sidebar, default_screens
from coach.ui.services import AppServices
from coach.ui.widgets.notice_bar import NoticeBar
from coach.ui.widgets.screen_fit import size_for_screen

logger = logging.getLogger(__name__)

GEOMETRY_KEY = "main_window/geometry"
LAST_SCREEN_KEY = "main_window/last_screen"
DEFAULT_SIZE = (1180, 720)  # fits a 1366x768 screen with its panel and title bar
SIDEBAR_WIDTH = 210
COMPACT_SIDEBAR_WIDTH = 84
"""An icon's row plus room for the list's scroll bar: a short window cannot show every row."""
COMPACT_BELOW = 900
"""A window narrower than this (a small screen, or large text: 150 % makes a 1366-wide screen
911 px) shows the sidebar as icons with tooltips, so the screens keep room to reflow."""
MINIMUM_SIZE = (760, 520)  # below this the cards and the settings rows start to clip

SOUND_STATUS_NAME = "Sound status"
REOPEN_SOUND = "Reopen sound"
READ_ONLY_NAME = "Diary opened read-only"
READ_ONLY_TEXT = (
    "Your diary was damaged, so this copy is open read-only: you can look through it, "
    "but nothing new can be saved. The file is at {path}."
)


class MainWindow(QMainWindow):
    """The app's window; screens come from ScreenSpecs and are built the first time shown."""

    screen_changed = Signal(str)  # key of the screen now shown
    audio_status_changed = Signal(object)  # the new AudioStatus after "Reopen sound"

    def __init__(
        self,
        services: AppServices,
        view_settings: QSettings,
        screens: Sequence[ScreenSpec] | None = None,
        audio_probe: Callable[[], AudioStatus] | None = None,
    ) -> None:
        super().__init__()
        self.services = services
        self._settings = view_settings
        self._specs = {spec.key: spec for spec in (screens or default_screens())}
        self._built: dict[str, QWidget] = {}
        self._current_key = ""
        self._shown_before = False
        self.setWindowTitle(APP_NAME)
        self.setAccessibleName(APP_NAME)
        # Never larger than a small screen (1024x600, or less with large text): then the
        # screens scroll and reflow instead of the window running off the screen.
        self.setMinimumSize(size_for_screen(self, *MINIMUM_SIZE))
        self.sidebar = Sidebar(list(self._specs.values()))
        self.stack = QStackedWidget()
        self.stack.setAccessibleName("Current screen")
        self._probe_audio = audio_probe
        self._shown_status: AudioStatus | None = None
        self.sound_notice = NoticeBar(SOUND_STATUS_NAME, REOPEN_SOUND)
        self.status_line = self.sound_notice.label
        self.read_only_notice = NoticeBar(READ_ONLY_NAME)
        self.reminder = ReminderController(
            services.preferences, services.diary, services.clock, services.can_save, self
        )
        self.pain_prompt = PainPromptBar(self.reminder)
        self.pain_prompt.note_requested.connect(self.open_pain_log)
        self.pain_log_opener: Callable[[AppServices, QWidget], PainEntry | None] = open_pain_log
        """Opens the quick pain log; tests replace it to avoid a modal dialog."""
        self._lay_out()
        self._add_shortcuts()
        self.set_audio_status(services.audio_status)
        if services.store.read_only:
            self.read_only_notice.show_message(READ_ONLY_TEXT.format(path=services.store.path))
        assert self.sound_notice.action is not None
        self.sound_notice.action.clicked.connect(self.reopen_sound)
        # The sound stack is built after the first paint (or when a screen asks for it).
        services.audio.built.connect(self._on_audio_built)
        if services.audio.is_built:
            self._connect_metronome()
        self.sidebar.screen_selected.connect(self.show_screen)
        self._restore_view_state()
        self.reminder.start()

    def _lay_out(self) -> None:
        body = QHBoxLayout()
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(0)
        body.addWidget(self._sidebar_panel())
        body.addWidget(self.stack, 1)
        outer = QVBoxLayout()
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        outer.addLayout(body, 1)
        notices = QVBoxLayout()
        notices.setContentsMargins(12, 0, 12, 0)
        notices.setSpacing(8)
        notices.addWidget(self.pain_prompt)
        notices.addWidget(self.read_only_notice)
        notices.addWidget(self.sound_notice)
        outer.addLayout(notices)
        central = QWidget()
        central.setLayout(outer)
        self.setCentralWidget(central)

    def _sidebar_panel(self) -> QWidget:
        panel = QWidget()
        panel.setObjectName("sidebar_panel")
        panel.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)  # plain QWidget: opt in
        panel.setFixedWidth(SIDEBAR_WIDTH)
        title = QLabel(APP_NAME)
        title.setObjectName("app_title")
        self._sidebar_box, self._app_title = panel, title
        column = QVBoxLayout(panel)
        column.setContentsMargins(0, 18, 0, 0)
        column.setSpacing(6)
        column.addWidget(title)
        column.addWidget(self.sidebar, 1)
        return panel

    def _add_shortcuts(self) -> None:
        for number, key in enumerate(self.sidebar.keys()[:9], start=1):
            shortcut = QShortcut(QKeySequence(f"Ctrl+{number}"), self)
            shortcut.activated.connect(lambda key=key: self.show_screen(key))

    @property
    def current_key(self) -> str:
        """The key of the screen shown now."""
        return self._current_key

    def screen_keys(self) -> list[str]:
        """The keys of every listed screen, in sidebar order."""
        return self.sidebar.keys()

    def screen_widget(self, key: str) -> QWidget:
        """The widget of a screen, building it on first use."""
        if key not in self._built:
            widget = self._specs[key].factory(self.services)
            widget.setAccessibleName(self._specs[key].title)
            opener = getattr(widget, "open_screen", None)  # e.g. Today's "Open Learn"
            if opener is not None:
                opener.connect(self.show_screen)
            self._built[key] = widget
            self.stack.addWidget(widget)
        return self._built[key]

    def show_screen(self, key: str) -> None:
        """Switch to a screen, refresh it and remember it as the last screen."""
        if key not in self._specs:
            raise KeyError(f"No screen called {key!r}; known: {', '.join(self._specs)}")
        built_before = key in self._built
        widget = self.screen_widget(key)
        self.stack.setCurrentWidget(widget)
        self.sidebar.blockSignals(True)
        self.sidebar.select(key)
        self.sidebar.blockSignals(False)
        self.setWindowTitle(f"{self._specs[key].title} — {APP_NAME}")
        changed = key != self._current_key
        self._current_key = key
        if built_before:  # a screen loads its data when it is built: no second load
            self._refresh_current()
        if changed:
            self.screen_changed.emit(key)

    def _refresh_current(self) -> None:
        """Reload the screen on show when it comes into view (data changes refresh it anyway)."""
        screen = self._built.get(self._current_key)
        if isinstance(screen, Refreshable):
            screen.refresh()

    def open_pain_log(self) -> None:
        """Open the quick pain log; a saved rating refreshes the screens that show ratings."""
        self.pain_log_opener(self.services, self)

    def set_audio_status(self, status: AudioStatus) -> None:
        """Show why sound is off (and how to fix it); hide the line when sound works."""
        self._shown_status = status
        self.sound_notice.show_message("" if status.available else status.reason)

    def reopen_sound(self) -> None:
        """Look for a sound output again (after plugging one in or installing PortAudio)."""
        status = self.services.audio.reopen(self._probe_audio)
        self.set_audio_status(status)
        self.audio_status_changed.emit(status)

    def _on_audio_built(self, status: AudioStatus) -> None:
        self._connect_metronome()
        if status != self._shown_status:  # the deferred probe has spoken
            self.set_audio_status(status)
            self._refresh_current()

    def _connect_metronome(self) -> None:
        metronome = self.services.metronome
        metronome.audio_problem.connect(self.sound_notice.show_message)
        metronome.audio_notice.connect(self._on_audio_notice)

    def _on_audio_notice(self, text: str) -> None:
        if text:
            self.sound_notice.show_message(text)

    def on_theme_changed(self, _scheme: str) -> None:
        """Redraw what the palette alone cannot recolour (icons drawn from SVG)."""
        self.sidebar.recolor_icons()

    def _restore_view_state(self) -> None:
        geometry = self._settings.value(GEOMETRY_KEY)
        if not (isinstance(geometry, QByteArray) and self.restoreGeometry(geometry)):
            self.resize(size_for_screen(self, *DEFAULT_SIZE))
        last = self._settings.value(LAST_SCREEN_KEY)
        keys = self.sidebar.keys()
        self.show_screen(last if isinstance(last, str) and last in keys else keys[0])

    def save_view_state(self) -> None:
        """Remember geometry and the last screen in QSettings (view state only)."""
        self._settings.setValue(GEOMETRY_KEY, self.saveGeometry())
        self._settings.setValue(LAST_SCREEN_KEY, self._current_key)
        self._settings.sync()

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Below COMPACT_BELOW px the sidebar shows only its icons, leaving room for the screen."""
        super().resizeEvent(event)
        compact = event.size().width() < COMPACT_BELOW
        if compact != self.sidebar.compact:
            self.sidebar.set_compact(compact)
            self._app_title.setVisible(not compact)
            self._sidebar_box.setFixedWidth(COMPACT_SIDEBAR_WIDTH if compact else SIDEBAR_WIDTH)

    def showEvent(self, event: QShowEvent) -> None:
        """Refresh the current screen whenever the window comes back into view."""
        super().showEvent(event)
        if self._shown_before:
            self._refresh_current()
        # The first show follows __init__, which built (and so loaded) the current screen:
        # loading it again would only delay the first paint (Today replays a year of walks).
        self._shown_before = True

    def closeEvent(self, event: QCloseEvent) -> None:
        """Save the view state (and a walk under way) before the window closes."""
        self.services.audio.stop()  # screens save the walk when it stops
        self.save_view_state()
        super().closeEvent(event)
