"""An audio export replaces the file whole, or leaves the old one: no half-written WAV."""

from __future__ import annotations

from pathlib import Path

import pytest

from coach.audio.export import export_audio
from coach.audio.programs.plan import program_for_phases
from coach.domain.plans import PhaseTempo

FS = 48_000


class ExportInterruptedError(Exception):
    """Stands for anything that stops an export half-way (a full disk, a crash)."""


def stop_half_way(fraction: float) -> None:
    if fraction >= 0.5:
        raise ExportInterruptedError


@pytest.mark.parametrize("name", ["walk.wav", "walk.flac"])
def test_an_export_stopped_half_way_keeps_the_old_file(tmp_path: Path, name: str) -> None:
    program = program_for_phases([PhaseTempo(30, 110, 110, "walk")], fs=FS)
    target = tmp_path / name
    target.write_bytes(b"the old export")
    with pytest.raises(ExportInterruptedError):
        export_audio(program, target, progress=stop_half_way)
    assert target.read_bytes() == b"the old export"
    assert sorted(p.name for p in tmp_path.iterdir()) == [name]  # no temporary file left
    export_audio(program, target)
    assert target.stat().st_size > 100_000 and target.stat().st_mode & 0o777 == 0o600
