"""The one range of walking cadences the app accepts, in steps per minute."""

CADENCE_MIN = 40
CADENCE_MAX = 220
"""Walking cadence spans roughly 40 (very slow) to 220 (fast race walking) steps/min."""
