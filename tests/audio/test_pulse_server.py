"""The PulseAudio helper itself: a missing server is a failure that says what to run."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from pulse_server import PulseServer, PulseStartError, find_onsets


def test_missing_pulseaudio_says_to_run_make_test(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))  # no pulseaudio, parec or pactl here
    with pytest.raises(PulseStartError, match="make test") as raised:
        PulseServer.start(tmp_path)
    assert "pulseaudio" in str(raised.value)


def test_onsets_are_the_first_loud_sample_after_a_quiet_gap() -> None:
    signal = np.zeros(10_000, np.float32)
    for at in (100, 3_000, 3_050, 7_001):
        signal[at : at + 20] = 0.5
    assert find_onsets(signal, threshold=0.1, gap=480).tolist() == [100, 3_000, 7_001]
