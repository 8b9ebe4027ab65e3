"""Every text of the safety notice and the question before a walk, in one place.

What to do for each sign comes from the one table in coach.domain.safety.urgency; these are only
the words around it.
"""

from __future__ import annotations

NOTICE_NAME = "Safety advice"
CLEARED_BUTTON = "A clinician has checked this"
CLEARED_CONFIRM_TITLE = "Has a clinician checked your back?"
CLEARED_CONFIRM_TEXT = (
    "Choose Yes only if a doctor or physiotherapist has checked what you noted and said that "
    "walking is fine for you. The walking plan then starts again, and today's date is kept in "
    "your diary and shown in the report for your clinician."
)
ASK_TITLE = "Your walking plan is paused"
ASK_TEXT = "{title}. {action}\n\n{reason}\n\nDo you want to start anyway?"
ASK_NOT_NOW = "Not now"
ASK_ANYWAY = "Start anyway"
FLARE_NAME = "Advice for a flare-up"
