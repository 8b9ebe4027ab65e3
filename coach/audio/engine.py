"""The one module that talks to the sound card, through sounddevice (imported lazily).

`AudioEngine` plays a BlockSource through an AudioBackend. Its callback runs on the audio
thread; everything else is called from the GUI thread.

Why 300 ms of latency and 1024-frame blocks: the callback is Python and needs the GIL, which
a busy GUI thread and a pure-Python worker hold for 5 ms switch intervals at a time, and on a
loaded 2-core machine the whole process can wait its turn for the CPU as well. With 150 ms a
10-minute run on a heavily shared machine underflowed 12 times; 300 ms rides out such stalls.
A walking metronome loses nothing by it: tempo changes land on a beat anyway, and the GUI
places its visual beat with `audible_position`, which includes the latency. The fixed block
size keeps `safe_change_sample` exact. ALSA's pulse plugin also stalls ~1.8 s at start with
buffers under ~100 ms, another reason not to go lower.
See docs/performance.md for the measurements.
"""

from __future__ import annotations

from types import ModuleType
from typing import Any, cast

from coach.audio.backend import BackendError, StreamCallback, StreamConfig
from coach.audio.playback import LATENCY_S, AudioEngine
from coach.audio.status import (
    AUDIO_READY,
    AUDIO_SYSTEM_ERROR,
    NO_OUTPUT_DEVICE,
    NO_PORTAUDIO,
    NO_SOUNDDEVICE,
    AudioStatus,
    EngineHealth,
)

__all__ = [
    "AudioEngine",
    "AudioStatus",
    "EngineHealth",
    "SoundDeviceBackend",
    "create_engine",
    "import_sounddevice",
    "probe_audio",
]


def import_sounddevice() -> ModuleType:
    """Import sounddevice; raises OSError without PortAudio and ImportError without it."""
    import sounddevice

    return cast(ModuleType, sounddevice)


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


def create_engine(device_name: str = "") -> AudioEngine:
    """The app's engine: sounddevice output on the device with this name (or the default)."""
    return AudioEngine(SoundDeviceBackend(), probe_audio, device_name)


class SoundDeviceBackend:
    """An sd.OutputStream in callback mode; PortAudio errors become BackendError."""

    def __init__(self) -> None:
        self._stream: Any = None

    def open(self, config: StreamConfig, callback: StreamCallback) -> None:
        """Open a float32 output stream on the device with exactly this name (or the default)."""
        try:
            sd = import_sounddevice()
            device = None if config.device is None else _device_index(sd, config.device)
            self._stream = sd.OutputStream(
                samplerate=config.samplerate,
                channels=config.channels,
                blocksize=config.blocksize,
                latency=config.latency,
                device=device,
                dtype="float32",
                callback=callback,
            )
        except Exception as error:  # PortAudioError, ValueError, missing library: all refusals
            raise BackendError(str(error)) from error

    def start(self) -> None:
        """Start the stream."""
        self._call("start")

    def stop(self) -> None:
        """Abort the stream at once (queued audio is silence by the time we stop)."""
        self._call("abort")

    def close(self) -> None:
        """Close the stream, ignoring errors from a device that is already gone."""
        stream, self._stream = self._stream, None
        if stream is not None:
            stream.close(ignore_errors=True)

    def is_active(self) -> bool:
        """Whether PortAudio still runs the stream."""
        return self._stream is not None and bool(self._call_get("active"))

    def time(self) -> float:
        """PortAudio's stream clock."""
        return float(self._call_get("time")) if self._stream is not None else 0.0

    def output_latency(self) -> float:
        """The output latency PortAudio reports for the open stream."""
        return float(self._call_get("latency")) if self._stream is not None else LATENCY_S

    def rescan(self) -> None:
        """Re-initialise PortAudio so devices plugged in or removed since start-up show up."""
        try:
            sd: Any = import_sounddevice()
            sd._terminate()  # sounddevice has no public rescan; this is its documented idiom
            sd._initialize()
        except Exception as error:
            raise BackendError(str(error)) from error

    def _call(self, method: str) -> None:
        if self._stream is None:
            return
        try:
            getattr(self._stream, method)()
        except Exception as error:
            raise BackendError(str(error)) from error

    def _call_get(self, name: str) -> Any:
        try:
            return getattr(self._stream, name)
        except Exception as error:
            raise BackendError(str(error)) from error


def _device_index(sd: Any, name: str) -> int:
    for index, info in enumerate(sd.query_devices()):
        if info["name"] == name and int(info["max_output_channels"]) > 0:
            return index
    raise BackendError(f"no output device named {name!r}")
