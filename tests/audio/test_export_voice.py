"""`walkcoach export-audio --voice`: the same phrases as the app, and not one step moved.

Two exports of the same plan, with and without the voice (real espeak-ng), read back and
compared with numpy: outside the phrases the files are bit-identical, under them the
difference is the voice alone (speech-band energy, for as long as the phrase lasts), and
every step starts on the same sample.
"""

from __future__ import annotations

import wave
from pathlib import Path

import numpy as np
import numpy.typing as npt
import pytest

from coach.__main__ import main
from coach.audio.export import export_audio
from coach.audio.programs.model import ClickProgram, SoundSettings
from coach.audio.programs.plan import phases_origin, program_for_phases
from coach.audio.programs.speech import with_speech
from coach.audio.speech import Speaker, find_engine
from coach.audio.speech_cache import SpeechCache
from coach.domain.cues import CueSchedule
from coach.domain.plan_files.loading import (
    load_default_cues,
    load_default_plans,
    load_default_routines,
)
from coach.domain.plans import tempo_of
from coach.domain.spoken_script import session_script

FS = 8000
ARGS = ["--plan", "starter-10", "--target", "110", "--rate", str(FS), "--mono", "--count-in", "0"]


def read_wav(path: Path) -> npt.NDArray[np.int32]:
    with wave.open(str(path), "rb") as wav:
        frames = np.frombuffer(wav.readframes(wav.getnframes()), "<i2")
    return frames.astype(np.int32)


def expected_program(private_data_dir: Path) -> ClickProgram:
    """The program the command should have built, from the same cache it filled."""
    planned = load_default_plans()["starter-10"].planned_phases(110, load_default_routines())
    phases = tempo_of(planned)
    settings = SoundSettings(count_in=0)
    program = program_for_phases(phases, fs=FS, settings=settings)
    cues = session_script(planned, CueSchedule(load_default_cues(), 60.0))
    speaker = Speaker(find_engine(), SpeechCache(private_data_dir / "speech-cache"))
    spoken, _ = with_speech(program, cues, phases_origin(phases, FS, settings), speaker.phrase)
    return spoken


def test_a_plan_with_voice_differs_only_where_a_phrase_is_said(
    tmp_path: Path, private_data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["export-audio", str(tmp_path / "plain.wav"), *ARGS]) == 0
    assert main(["export-audio", str(tmp_path / "voice.wav"), *ARGS, "--voice"]) == 0
    assert capsys.readouterr().err == ""
    plain, voice = read_wav(tmp_path / "plain.wav"), read_wav(tmp_path / "voice.wav")
    assert plain.shape == voice.shape
    program = expected_program(private_data_dir)
    phrases = program.phrases
    assert len(phrases) >= 10
    assert any(p.text == "Main walk. One hundred and ten steps a minute." for p in phrases)
    inside = np.zeros(plain.size, bool)
    for phrase in phrases:
        inside[phrase.sample : phrase.end] = True
    # Outside the phrases: bit-identical.
    assert np.array_equal(plain[~inside], voice[~inside])
    assert inside.mean() < 0.2
    # Under them: the voice alone, within the one-step rounding of 16-bit PCM.
    alone = ClickProgram(FS, program.segments[-1:], phrases=phrases, sound=program.sound)
    export_audio(alone, tmp_path / "alone.wav", channels=1, seconds=plain.size / FS)
    spoken = read_wav(tmp_path / "alone.wav")
    residual = voice - spoken
    assert np.abs(residual - plain).max() <= 1
    # So every step starts on the same sample, with or without the voice.
    beats = [b.sample for b in program.beats_between(0, plain.size)]
    assert len(beats) > 500
    for beat in beats:
        assert abs(int(plain[beat])) > 100 and abs(int(residual[beat] - plain[beat])) <= 1


def test_each_phrase_is_speech_band_energy_for_as_long_as_it_lasts(
    tmp_path: Path, private_data_dir: Path
) -> None:
    out = tmp_path / "voice.wav"
    assert main(["export-audio", str(out), *ARGS, "--voice"]) == 0
    plain_out = tmp_path / "plain.wav"
    assert main(["export-audio", str(plain_out), *ARGS]) == 0
    difference = (read_wav(out) - read_wav(plain_out)).astype(np.float64)
    program = expected_program(private_data_dir)
    main_walk = next(p for p in program.phrases if p.text.startswith("Main walk."))
    said = difference[main_walk.sample : main_walk.end]
    loud = np.flatnonzero(np.abs(said) > 30)
    # Speech starts within 0.1 s of its sample and lasts most of the phrase (2-4 s here).
    assert loud[0] < 0.1 * FS and 2.0 < (loud[-1] - loud[0]) / FS < 4.0
    spectrum = np.abs(np.fft.rfft(said)) ** 2
    freqs = np.fft.rfftfreq(said.size, 1 / FS)
    assert spectrum[(freqs > 150) & (freqs < 3800)].sum() > 0.9 * spectrum.sum()
    # Before the phrase, between the last step and it, nothing was added.
    assert not difference[main_walk.sample - FS : main_walk.sample].any()


def test_without_espeak_ng_the_export_has_its_chimes_and_says_why(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["export-audio", str(tmp_path / "plain.wav"), *ARGS]) == 0
    empty = tmp_path / "bin"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))  # the engine lookup finds no espeak-ng
    assert main(["export-audio", str(tmp_path / "voice.wav"), *ARGS, "--voice"]) == 0
    err = capsys.readouterr().err
    assert "no voice, chimes only" in err and "apt install espeak-ng" in err
    assert np.array_equal(read_wav(tmp_path / "plain.wav"), read_wav(tmp_path / "voice.wav"))


def test_a_bad_speech_rate_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["export-audio", str(tmp_path / "x.wav"), *ARGS, "--voice", "--speech-rate", "9"])
    assert exit_info.value.code == 2
    assert "from 80 to 260, not '9'" in capsys.readouterr().err
