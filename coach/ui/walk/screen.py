"""The Walk screen: choose a plan, rate pain, follow the player, rate pain again, see the end.

Tabs: Walk (the guided session), History, My plans (the plan editor) and Cue cards.
A walk under way is saved if the window closes or the app quits.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtWidgets import QStackedWidget, QTabWidget, QVBoxLayout, QWidget

from coach.domain.cues import CueSchedule
from coach.domain.dose import suggest_plan
from coach.domain.plans import SessionPlan
from coach.domain.session import SessionResult, WalkSession
from coach.services import user_files
from coach.services.changes import Change
from coach.services.errors import StoreError
from coach.ui.data_changes import refresh_on
from coach.ui.safety.gate import WalkQuestion, ask_before_walking, may_start_walk
from coach.ui.safety.notice import SafetyNotice
from coach.ui.services import AppServices
from coach.ui.texts import READ_ONLY_REFUSAL
from coach.ui.walk import data, texts
from coach.ui.walk.cues import CueLibrary
from coach.ui.walk.dose import current_dose
from coach.ui.walk.history import HistoryView, PlansView
from coach.ui.walk.pages import ChoosePage, EndPage, PainPage
from coach.ui.walk.player import WalkPlayer

logger = logging.getLogger(__name__)


class WalkScreen(QWidget):
    """A guided walk from the first stretch to the last cool-down step, and its history."""

    def __init__(self, services: AppServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.catalogue = data.load_cues()
        interval = services.preferences.current.cue_interval_s
        self.schedule = CueSchedule(self.catalogue, float(interval))
        self.plans: tuple[SessionPlan, ...] = ()
        self.last_result: SessionResult | None = None
        self._watched: QObject | None = None
        self._closing = False
        self.chosen_plan: SessionPlan | None = None
        self.ask_before_walking: WalkQuestion = ask_before_walking
        """Asks before a walk while the plan is paused; tests answer it instead."""
        self._build()
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.save_walk_under_way)
        self.player.sound_taken.connect(self._on_player_sound_taken)
        services.preferences.preferences_changed.connect(lambda _p: self._on_interval_changed())
        kinds = (Change.WALKS, Change.PAIN, Change.PLANS, Change.SAFETY)
        refresh_on(services.data_changes, kinds, self, self.refresh)
        self.refresh()

    def _build(self) -> None:
        self.choose_page = ChoosePage()
        self.safety_notice = SafetyNotice(self.services)
        self.choose_page.add_notice(self.safety_notice)
        self.before_page = PainPage(after=False)
        self.player = WalkPlayer(self.services)
        self.after_page = PainPage(after=True)
        self.end_page = EndPage()
        self.stack = QStackedWidget()
        for page in (self.choose_page, self.before_page, self.player, self.after_page):
            self.stack.addWidget(page)
        self.stack.addWidget(self.end_page)
        self.history = HistoryView()
        self.plans_view = PlansView()
        self.library = CueLibrary(self.catalogue)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.setAccessibleName(texts.TABS_NAME)
        self.tabs.tabBar().setAccessibleName(texts.TABS_NAME)
        self.library.setAccessibleName(texts.TAB_CUES)
        self.player.setAccessibleName(texts.PLAYER_NAME)
        for widget, title in (
            (self.stack, texts.TAB_WALK),
            (self.history, texts.TAB_HISTORY),
            (self.plans_view, texts.TAB_PLANS),
            (self.library, texts.TAB_CUES),
        ):
            self.tabs.addTab(widget, title)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 8, 0, 0)
        column.addWidget(self.tabs)
        self.choose_page.chosen.connect(self._on_plan_chosen)
        self.before_page.back.connect(lambda: self.stack.setCurrentWidget(self.choose_page))
        self.before_page.done.connect(self._on_before_done)
        self.player.ended.connect(self._on_player_ended)
        self.player.schedule_changed.connect(self._on_schedule_changed)
        self.after_page.done.connect(self._on_after_done)
        self.end_page.finished.connect(self._on_end_finished)
        self.library.shown_changed.connect(self._on_library_shown_changed)
        self.plans_view.editor.plan_saved.connect(lambda _plan: self.refresh())

    # -- the flow --------------------------------------------------------------------------

    def refresh(self) -> None:
        """Reload the plans, the suggestion, the cadence and the history (not mid-walk)."""
        routines = user_files.load_routines()
        listed = user_files.load_plans(set(routines))
        self.plans = listed.plans
        step, _progress = current_dose(self.services)
        paused = self.safety_notice.refresh().active
        suggested = None if paused else suggest_plan(step.dose, self.plans)
        self.choose_page.show_plans(self.plans, suggested, step.dose, listed.problems)
        spm, from_plan = data.target_cadence(self.services)
        self.choose_page.show_cadence(spm, from_plan)
        self.choose_page.show_paused(paused)
        self.history.show_rows(data.guided_history(self.services))

    def _on_plan_chosen(self, plan: SessionPlan) -> None:
        if not may_start_walk(self.services, self, self.ask_before_walking):
            return
        self.chosen_plan = plan
        self.before_page.reset()
        self.stack.setCurrentWidget(self.before_page)
        self.before_page.scale.setFocus()

    def _on_before_done(self) -> None:
        if self.chosen_plan is None:
            return
        spm, _from_plan = data.target_cadence(self.services)
        self.player.clock.restart()
        session = WalkSession(
            self.chosen_plan,
            float(spm),
            self.player.clock,  # the sound as heard: one clock for phases, chimes and screen
            user_files.load_routines(),
            pain_before=self.before_page.pain(),
        )
        self.stack.setCurrentWidget(self.player)
        self.player.setFocus()
        self._watch_window()
        self.player.begin(session, self.schedule)

    def _on_player_ended(self) -> None:
        if self._closing:
            return
        self.after_page.reset()
        self.stack.setCurrentWidget(self.after_page)
        self.after_page.scale.setFocus()

    def _on_after_done(self) -> None:
        session = self.player.session
        assert session is not None
        result = session.finish(self.after_page.pain(), self.after_page.legs())
        problem = self._save(result, self.after_page.note())  # a save refreshes (refresh_on)
        next_plan = data.next_suggestion(self.services, self.plans, session.plan, result.holds)
        self.end_page.show_result(result, next_plan, problem)
        self.stack.setCurrentWidget(self.end_page)

    def _on_end_finished(self) -> None:
        self.stack.setCurrentWidget(self.choose_page)

    def _save(self, result: SessionResult, note_after: str) -> str:
        """Save the walk and its pain ratings; the reason it could not be saved, or ""."""
        self.last_result = result
        if not self.services.can_save():
            return READ_ONLY_REFUSAL
        try:
            data.save_result(self.services, result, self.before_page.note(), note_after)
        except (StoreError, ValueError) as error:
            logger.exception("Could not save the guided walk")
            return str(error)
        return ""

    # -- closing mid-walk ------------------------------------------------------------------

    def save_walk_under_way(self) -> None:
        """Stop a walk under way and save what was walked (the app closes or quits)."""
        if not self.player.running or self.player.session is None:
            return
        self._closing = True
        try:
            self.player.stop()
            self._save(self.player.session.finish(None), "")
        finally:
            self._closing = False
        self.stack.setCurrentWidget(self.choose_page)

    def _watch_window(self) -> None:
        window = self.window()
        if window is not self and window is not self._watched:
            window.installEventFilter(self)
            self._watched = window

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Save a walk under way before the main window closes."""
        if watched is self._watched and event.type() == QEvent.Type.Close:
            self.save_walk_under_way()
        return super().eventFilter(watched, event)

    def _on_player_sound_taken(self) -> None:
        # Someone else ended the walk's sound (the window closing, another screen's metronome).
        if self.player.running:
            self.save_walk_under_way()

    # -- cue cards -------------------------------------------------------------------------

    def _on_schedule_changed(self, schedule: CueSchedule) -> None:
        self.schedule = schedule
        for card in self.catalogue.cards:
            self.library.set_shown(card.id, card.id not in schedule.off_ids)

    def _on_library_shown_changed(self, cue_id: str, shown: bool) -> None:
        change = self.schedule.turn_on if shown else self.schedule.turn_off
        self.schedule = change(cue_id)

    def _on_interval_changed(self) -> None:
        interval = float(self.services.preferences.current.cue_interval_s)
        if interval != self.schedule.interval_s and not self.player.running:
            self.schedule = CueSchedule(
                self.catalogue, interval, self.schedule.pinned_id, self.schedule.off_ids
            )
