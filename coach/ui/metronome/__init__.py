"""The Metronome & treadmill screen: cadence, calculator, tap to measure, plan, treadmill view."""
