"""Safety: warning signs, the flare and clinician rules, the plan's pause state, urgency words."""
