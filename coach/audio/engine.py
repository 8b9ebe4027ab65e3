"""The one module that talks to the sound card, through sounddevice (imported lazily).

Everything here except the audio callback runs on the GUI thread.
"""

from __future__ import annotations

from types import ModuleType
from typing import Any

from coach.audio.status import (
    AUDIO_READY,
    AUDIO_SYSTEM_ERROR,
    NO_OUTPUT_DEVICE,
    NO_PORTAUDIO,
    NO_SOUNDDEVICE,
    AudioStatus,
    EngineHealth,
)

__all__ = ["AudioStatus", "EngineHealth", "import_sounddevice", "probe_audio"]


def import_sounddevice() -> ModuleType:
    """Import sounddevice; raises OSError without PortAudio and ImportError without the package."""
    import sounddevice

    return sounddevice


def _unavailable(reason: str) -> AudioStatus:
    return AudioStatus(available=False, reason=reason)


def probe_audio() -> AudioStatus:
    """Say whether sound can play and list the output devices by name; never raises."""
    try:
        sd = import_sounddevice()
    except OSError:
        return _unavailable(NO_PORTAUDIO)
    except ImportError:
        return _unavailable(NO_SOUNDDEVICE)
    try:
        return _status_from_devices(sd)
    except Exception as error:  # any PortAudio failure must become a message, never a crash
        return _unavailable(AUDIO_SYSTEM_ERROR.format(detail=str(error) or type(error).__name__))


def _status_from_devices(sd: Any) -> AudioStatus:
    devices = tuple(
        str(info["name"]) for info in sd.query_devices() if int(info["max_output_channels"]) > 0
    )
    if not devices:
        return _unavailable(NO_OUTPUT_DEVICE)
    try:
        default_device: str | None = str(sd.query_devices(kind="output")["name"])
    except sd.PortAudioError:  # PortAudio has outputs but no default one
        default_device = None
    return AudioStatus(True, AUDIO_READY, devices, default_device)
