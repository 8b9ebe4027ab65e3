"""A damaged diary opened read-only: every save is refused calmly, never by a crash dialog."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from coach.domain.clock import FakeClock
from coach.domain.preferences import PreferenceError
from coach.storage.database import open_read_only
from coach.ui.bootstrap import build_services
from coach.ui.services import AppServices
from coach.ui.settings.fields import RangeSpinBox
from coach.ui.settings.onboarding.wizard import OnboardingWizard
from coach.ui.settings.screen import SettingsScreen
from coach.ui.texts import READ_ONLY_REFUSAL


@pytest.fixture
def read_only(services: AppServices, clock: FakeClock) -> Iterator[AppServices]:
    """The services on the same diary, reopened read-only as after choosing the damaged copy."""
    services.preferences.set("usual_walk_minutes_per_week", 90)
    services.store.close()
    store = open_read_only(services.store.path)
    yield build_services(store, services.audio_status, clock)
    store.close()


def test_can_save_is_false_only_for_a_read_only_diary(
    services: AppServices, read_only: AppServices
) -> None:
    assert not read_only.can_save()


def test_writable_diary_can_save(services: AppServices) -> None:
    assert services.can_save()


def test_preferences_refuse_changes_with_a_clear_reason(read_only: AppServices) -> None:
    with pytest.raises(PreferenceError, match="read-only") as refused:
        read_only.preferences.set("volume", 0.3)
    assert str(refused.value) == READ_ONLY_REFUSAL
    with pytest.raises(PreferenceError, match="read-only"):
        read_only.preferences.replace(read_only.preferences.current.with_value("units", "imperial"))
    assert read_only.preferences.current.usual_walk_minutes_per_week == 90


def test_settings_says_why_and_locks_its_fields(qtbot: QtBot, read_only: AppServices) -> None:
    screen = SettingsScreen(read_only)
    qtbot.addWidget(screen)
    screen.show()
    assert screen.read_only_notice.isVisible()
    assert "read-only" in screen.read_only_notice.label.text()
    box = screen.rows["usual_walk_minutes_per_week"].editor
    assert isinstance(box, RangeSpinBox)
    assert not box.isEnabled()
    assert not screen.introduction_button.isEnabled()
    box.setValue(200)  # a change that still arrives (e.g. from code) is refused beside the field
    row = screen.rows["usual_walk_minutes_per_week"]
    assert row.message_kind() == "error"
    assert "read-only" in row.message.text()
    assert box.value() == 90


def test_writable_settings_show_no_lock(qtbot: QtBot, services: AppServices) -> None:
    screen = SettingsScreen(services)
    qtbot.addWidget(screen)
    screen.show()
    assert not screen.read_only_notice.isVisible()
    assert screen.introduction_button.isEnabled()


def test_onboarding_finish_shows_the_refusal_instead_of_raising(
    qtbot: QtBot, read_only: AppServices
) -> None:
    wizard = OnboardingWizard(read_only)
    qtbot.addWidget(wizard)
    finished: list[bool] = []
    wizard.completed.connect(lambda: finished.append(True))
    wizard.finish()
    assert finished == []
    assert "read-only" in wizard.progress.text()
