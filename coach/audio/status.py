"""What the audio side can tell the rest of the app: availability and health, plus their texts.

This module never imports sounddevice, so the UI and the tests can use it anywhere.
"""

from __future__ import annotations

from dataclasses import dataclass

# Texts shown to the user (calm, concrete, one place).
NO_PORTAUDIO = (
    "Sound is off because the PortAudio library is missing. "
    "On Debian or Ubuntu run: sudo apt install libportaudio2 "
    "(or start the app with `make run`, which installs it). The walk still works on screen."
)
NO_SOUNDDEVICE = (
    "Sound is off because the sounddevice package is missing. "
    "Reinstall Walking Coach (`make run`). The walk still works on screen."
)
NO_OUTPUT_DEVICE = (
    "Sound is off because no speaker or headphone output was found. "
    "Plug one in, then choose Reopen sound. The walk still works on screen."
)
AUDIO_SYSTEM_ERROR = (
    "Sound is off because the audio system did not answer ({detail}). "
    "The walk still works on screen; choose Reopen sound to try again."
)
AUDIO_READY = "Sound is ready."
DEVICE_GONE = (
    "The sound output {name!r} is no longer there, so the clicks stopped. "
    "Your walk and its timer carry on. Choose Reopen sound when the device is back."
)
DEVICE_MISSING_FALLBACK = (
    "The sound output {name!r} was not found, so the default output is used instead."
)
STREAM_FAILED = (
    "The sound stopped because the audio system reported a problem ({detail}). "
    "Your walk and its timer carry on. Choose Reopen sound to try again."
)
UNDERFLOWS = (
    "The sound had {count} short gap(s) because the computer was busy. "
    "Closing other programs may help."
)


@dataclass(frozen=True)
class AudioStatus:
    """Whether sound can play; if not, `reason` tells the user why in plain words."""

    available: bool
    reason: str
    devices: tuple[str, ...] = ()
    default_device: str | None = None


@dataclass(frozen=True)
class EngineHealth:
    """The engine's state as seen by the GUI's timer: is sound playing, and if not, why."""

    playing: bool
    audio_ok: bool
    message: str = ""
    underflows: int = 0
