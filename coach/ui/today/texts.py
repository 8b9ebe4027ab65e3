"""Every text the Today screen shows, in one place."""

from __future__ import annotations

GREETING_MORNING = "Good morning"
GREETING_AFTERNOON = "Good afternoon"
GREETING_EVENING = "Good evening"
GREETING_NIGHT = "Hello"
DATE_FORMAT = "{now:%A} {now.day} {now:%B}"  # Monday 23 November (no %-d: not on Windows)

WEEK_TITLE = "Walking this week"
WEEK_MINUTES = "{minutes} min"
WEEK_GOAL = "of your {goal}-minute goal"
WEEK_TO_GO = "{left} more minutes to reach this week's goal. Short walks count too."
WEEK_REACHED = "Goal reached for this week. Well done — keep the pace easy and comfortable."
WEEK_EMPTY = (
    "No walks yet this week. A short, easy walk of 5 to 10 minutes is a good first step; "
    "every minute counts toward the goal."
)
WEEK_GOAL_GROWTH = (
    "Your goal grows by about a tenth each week you reach it, up to 5 walks of 30 minutes."
)
WEEK_GOAL_WHY = {
    "start": "It starts from your usual walking, which you can change in Settings.",
    "progress": "It grew a little because you reached last week's goal.",
    "hold_symptoms": "It stays the same this week because your back needed an easier walk.",
    "hold_not_done": "It stays the same this week, as last week's goal was not reached yet.",
    "at_goal": "You are at the full goal. Keep the pace easy and comfortable.",
}
"""Why this week's goal is what it is, by coach.domain.dose.DoseDecision."""
WEEK_PROGRESS_NAME = "Progress toward this week's walking goal"
CADENCE_TARGET = "This week's cadence target: {spm} steps/min, from your plan."
DOSE_PROGRESS = "That is {walks_goal} walks of about {per_walk} minutes. Done so far: {walks}."

PAIN_TITLE = "Latest pain ratings"
PAIN_EMPTY = (
    "No pain ratings yet. Rating your pain from 0 to 10 once a day, at about the same time "
    "(on waking works well), shows over the weeks whether walking helps."
)
PAIN_VALUE = "{pain}/10"
PAIN_WHEN_FORMAT = "{at:%a} {at.day} {at:%b}, {at:%H:%M}"  # Mon 23 Nov, 08:10

CONTEXT_NAMES = {
    "on_waking": "on waking",
    "before_walk": "before a walk",
    "after_walk": "after a walk",
    "evening": "in the evening",
    "other": "",
}
LOCATION_NAMES = {
    "lower_back_centre": "lower back",
    "lower_back_left": "lower back, left",
    "lower_back_right": "lower back, right",
    "buttock": "buttock",
    "leg_left": "left leg",
    "leg_right": "right leg",
}

SAFETY_NOTE = (
    "Walking Coach is not medical advice. If a leg becomes numb or weak, please see a doctor "
    "promptly. If you notice new bladder or bowel trouble, or numbness between your legs, "
    "please get urgent medical care today."
)
"""The same words as the one table in coach.domain.safety.urgency (PROMPTLY and EMERGENCY)."""

WEEK_PAUSED = (
    "Your walking plan is paused, so there is no goal to reach this week. "
    "The advice above says what to do."
)
PAIN_SIGN_NOTED = "warning sign noted: {advice}"

MORNING_TITLE = "How is your back after yesterday's walk?"
MORNING_QUESTION = (
    "Yesterday you walked {duration}. Has your back settled to how it was before that walk?"
)
MORNING_YES = "Yes, it has settled"
MORNING_NO = "No, not yet"
MORNING_SETTLED = "Good. Carry on with your plan as it is."
MORNING_NOT_SETTLED = (
    "Thank you. Make your next walk a little easier: shorter, or stop early if pain rises. "
    "If it is still not settling after a few days, see a doctor or physiotherapist."
)
