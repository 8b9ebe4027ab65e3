"""Walking Coach: walk better with lower back pain, and see whether it helps."""

APP_ID = "io.github.walkingcoach.WalkingCoach"
"""Reverse-DNS application id, used by QSettings, platformdirs and the desktop files."""

APP_NAME = "Walking Coach"
"""The name people see."""

APP_ORGANIZATION = "WalkingCoach"
"""Organisation name for QSettings and platformdirs."""

__version__ = "0.1.0"
