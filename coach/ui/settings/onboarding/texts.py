"""Every text of the first-run introduction, in one place: calm, short, concrete."""

from __future__ import annotations

WINDOW_TITLE = "Welcome to Walking Coach"
BACK = "&Back"
NEXT = "&Next"
FINISH = "&Finish"
STEP_OF = "Step {number} of {total}"

WELCOME_TITLE = "Welcome"
WELCOME_BODY = (
    "Walking Coach helps you walk regularly while your back recovers: "
    "a steady beat to pace your steps, short tips on posture and stride while you walk, "
    "gentle stretches to warm up, and a pain diary that shows how things change over the weeks."
)
WELCOME_APPROACH = (
    "The idea is simple: slightly shorter steps at a slightly quicker pace, standing tall and "
    "relaxed, and building up a little at a time."
)
WELCOME_NOT_ADVICE = (
    "Walking Coach is not medical advice and does not replace a doctor or physiotherapist. "
    "If your pain is severe, new, or getting worse, please get it checked."
)
WELCOME_PRIVACY = "Everything you enter stays on this computer."

FLAGS_TITLE = "A quick safety check"
FLAGS_BODY = (
    "Some back problems need a doctor rather than a walking plan. "
    "Do any of these apply to you right now?"
)
FLAGS_NONE = "None of these"
FLAGS_CHOOSE = 'Please tick the signs that apply, or "None of these", to go on.'
FLAGS_ACCESSIBLE = "Warning signs"

DOCTOR_TITLE = "Please see a doctor promptly"
"""Replaced by the words of coach.domain.safety.urgency for the signs ticked."""
DOCTOR_YOU_TICKED = "You told us about:"
DOCTOR_WHY = (
    "Together with back pain, these signs need a doctor's look soon. "
    "A walking plan is not the right help for them."
)
DOCTOR_CONTINUE = (
    "You can still use Walking Coach, for example to keep your pain diary. "
    "The walking plan stays paused until you tell the app that a clinician has checked this."
)
DOCTOR_BACK = "&Change my answers"
DOCTOR_NEXT = "I &understand, continue"

HEIGHT_TITLE = "Your height"
HEIGHT_BODY = (
    "Your height lets the app estimate how long your steps are, so it can link your pace to "
    "a treadmill speed. You can skip this and add it later in Settings."
)
UNITS_LABEL = "Units"
UNITS_METRIC = "&Metric (cm, km/h)"
UNITS_IMPERIAL = "&Imperial (ft and in, mph)"
HEIGHT_LABEL = "Height"
STEP_ESTIMATE_METRIC = "Your step length will be estimated at about {length:.0f} cm."
STEP_ESTIMATE_IMPERIAL = "Your step length will be estimated at about {length:.0f} in."
STEP_ESTIMATE_NONE = "No height yet: an average step length will be used until you add one."

WALKING_TITLE = "How much do you walk now?"
WALKING_BODY = (
    "Roughly how many minutes do you walk in a normal week? A guess is fine. "
    "The app starts from where you are and builds up slowly."
)
WALKING_LABEL = "Minutes a week"
WALKING_SUFFIX = " min a week"
WALKING_QUICK = "Quick choices"
WALKING_CHOICES: tuple[tuple[str, int], ...] = (
    ("Hardly at all", 0),
    ("About 30 min", 30),
    ("About 1 hour", 60),
    ("About 2½ hours", 150),
    ("About 4 hours", 240),
)
WALKING_RANGE = "{typed} is not saved. Choose from 0 to 2000 minutes a week."

PAGE_AREA_NAME = "Introduction page"
