"""probe_audio turns every way sound can be missing into a message, and never raises."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import pytest

from coach.audio import engine
from coach.audio.engine import AudioStatus, probe_audio


class _PortAudioError(Exception):
    pass


def _fake_sd(devices: list[dict[str, Any]], default: dict[str, Any] | None) -> Any:
    def query_devices(kind: str | None = None) -> Any:
        if kind is None:
            return devices
        if default is None:
            raise _PortAudioError("no default output")
        return default

    return SimpleNamespace(query_devices=query_devices, PortAudioError=_PortAudioError)


def _use(monkeypatch: pytest.MonkeyPatch, result: Any) -> None:
    def fake_import() -> Any:
        if isinstance(result, BaseException):
            raise result
        return result

    monkeypatch.setattr(engine, "import_sounddevice", fake_import)


def test_missing_portaudio_tells_how_to_install_it(monkeypatch: pytest.MonkeyPatch) -> None:
    _use(monkeypatch, OSError("PortAudio library not found"))
    status = probe_audio()
    assert not status.available
    assert "libportaudio2" in status.reason
    assert "make run" in status.reason
    assert status.devices == ()


def test_missing_package_is_a_message(monkeypatch: pytest.MonkeyPatch) -> None:
    _use(monkeypatch, ImportError("No module named 'sounddevice'"))
    assert not probe_audio().available


def test_no_output_device(monkeypatch: pytest.MonkeyPatch) -> None:
    mic = {"name": "Mic", "max_output_channels": 0}
    _use(monkeypatch, _fake_sd([mic], None))
    status = probe_audio()
    assert not status.available
    assert "no speaker" in status.reason


def test_outputs_are_listed_by_name_with_the_default(monkeypatch: pytest.MonkeyPatch) -> None:
    mic = {"name": "Mic", "max_output_channels": 0}
    pulse = {"name": "pulse", "max_output_channels": 32}
    hdmi = {"name": "HDMI 0", "max_output_channels": 2}
    _use(monkeypatch, _fake_sd([mic, pulse, hdmi], pulse))
    assert probe_audio() == AudioStatus(True, probe_audio().reason, ("pulse", "HDMI 0"), "pulse")


def test_outputs_without_a_default(monkeypatch: pytest.MonkeyPatch) -> None:
    _use(monkeypatch, _fake_sd([{"name": "X", "max_output_channels": 2}], None))
    status = probe_audio()
    assert status.available
    assert status.default_device is None


def test_a_failing_audio_system_never_raises(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(kind: str | None = None) -> Any:
        raise RuntimeError("host API exploded")

    _use(monkeypatch, SimpleNamespace(query_devices=broken, PortAudioError=_PortAudioError))
    status = probe_audio()
    assert not status.available
    assert "host API exploded" in status.reason


def test_status_is_frozen() -> None:
    status = AudioStatus(False, "x")
    with pytest.raises(AttributeError):
        status.available = True  # type: ignore[misc]
