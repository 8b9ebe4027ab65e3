"""The safety state for screens: read it, ask before a walk while it is active, end it.

Every screen that starts or suggests walking (Today, Walk, Metronome, Stretches) calls
`current_state` and `may_start_walk`, so they all say the same thing and none starts a walk
without asking while the plan is paused.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from coach.domain.safety.state import CLEAR, SafetyMessage, SafetyState, assess
from coach.services.errors import StoreError
from coach.ui.safety import texts
from coach.ui.services import AppServices
from coach.ui.widgets.message_dialog import Icon, MessageDialog, Role, ask_yes_no

logger = logging.getLogger(__name__)


def current_state(services: AppServices) -> SafetyState:
    """The one safety state today, from the store."""
    now = services.clock.now()
    try:
        inputs = services.safety.inputs()
    except StoreError:
        logger.exception("The safety record could not be read")
        return CLEAR
    local = now.astimezone()  # the clock's time is always aware; this gives it a tzinfo
    assert local.tzinfo is not None
    return assess(inputs, local.tzinfo, local.date())


def ask_before_walking(parent: QWidget, message: SafetyMessage) -> bool:
    """Ask whether to start a walk while the plan is paused; "Not now" is the default."""
    text = texts.ASK_TEXT.format(title=message.title, action=message.text, reason=message.reason)
    box = MessageDialog(Icon.Warning, texts.ASK_TITLE, text, parent)
    not_now = box.addButton(texts.ASK_NOT_NOW, Role.RejectRole)
    box.addButton(texts.ASK_ANYWAY, Role.AcceptRole)
    box.setDefaultButton(not_now)
    box.exec()
    box.deleteLater()
    return box.clickedButton() is not not_now


WalkQuestion = Callable[[QWidget, SafetyMessage], bool]
"""Asks before a walk while the plan is paused; screens keep one so tests can answer it."""


def may_start_walk(services: AppServices, parent: QWidget, ask: WalkQuestion) -> bool:
    """True when a walk may start now: all clear, or the person chose to start anyway."""
    message = current_state(services).message
    return message is None or ask(parent, message)


def confirm_clearance(parent: QWidget) -> bool:
    """Ask the person to confirm that a clinician has checked their back."""
    return ask_yes_no(parent, texts.CLEARED_CONFIRM_TITLE, texts.CLEARED_CONFIRM_TEXT)


def record_clearance(services: AppServices) -> bool:
    """Save "a clinician has checked this" with today's date; False if it could not be saved."""
    if not services.can_save():
        return False
    try:
        services.safety.add_clearance(services.clock.now())
    except StoreError:
        logger.exception("The clinician's check could not be saved")
        return False
    return True
