"""The first-run introduction: what the app is, a safety check, height and usual walking."""

from __future__ import annotations

from coach.ui.settings.onboarding.wizard import (
    OnboardingWizard,
    onboarding_dialog,
    onboarding_screenshot_states,
    run_first_onboarding,
    run_onboarding,
)

__all__ = [
    "OnboardingWizard",
    "onboarding_dialog",
    "onboarding_screenshot_states",
    "run_first_onboarding",
    "run_onboarding",
]
