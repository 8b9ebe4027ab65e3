"""Offline speech with the real espeak-ng: rendering, the disk cache, and every failure path."""

from __future__ import annotations

import os
import stat
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from coach.audio.speech import (
    MAX_PHRASE_CHARS,
    Speaker,
    SpeechEngine,
    SpeechError,
    decode_wav,
    find_engine,
    voice_unavailable_reason,
)
from coach.audio.speech_cache import SpeechCache

TEXT = "Main walk. One hundred and ten steps a minute."


@pytest.fixture(scope="module")
def engine() -> SpeechEngine:
    return find_engine()


def test_the_engine_is_found_with_its_version(engine: SpeechEngine) -> None:
    assert "espeak" in engine.version.lower() and os.access(engine.path, os.X_OK)
    assert voice_unavailable_reason() is None


def test_a_phrase_becomes_speech_at_the_stream_rate(engine: SpeechEngine) -> None:
    raw, raw_rate = decode_wav(engine.render_wav(TEXT, "en-gb", 150))
    speaker = Speaker(engine)
    for fs in (8000, 44_100, 48_000):
        wave = speaker.phrase(TEXT, fs)
        assert wave is not None and wave.dtype == np.float32
        # Same duration at every rate, within a sample.
        assert abs(wave.shape[0] - raw.shape[0] * fs / raw_rate) <= 1
        assert 1.5 < wave.shape[0] / fs < 6.0
        assert float(np.abs(wave).max()) <= 1.0
    # Resampled speech keeps its energy where speech has it: mostly 200 Hz - 4 kHz.
    wave = speaker.phrase(TEXT, 48_000)
    assert wave is not None
    spectrum = np.abs(np.fft.rfft(wave)) ** 2
    freqs = np.fft.rfftfreq(wave.size, 1 / 48_000)
    band = spectrum[(freqs > 200) & (freqs < 4000)].sum() / spectrum.sum()
    assert band > 0.8
    assert spectrum[freqs > 11_025].sum() / spectrum.sum() < 1e-6  # nothing above espeak's band


def test_a_slower_rate_says_the_same_words_more_slowly(engine: SpeechEngine) -> None:
    slow = Speaker(engine, rate_wpm=100).phrase(TEXT, 16_000)
    fast = Speaker(engine, rate_wpm=200).phrase(TEXT, 16_000)
    assert slow is not None and fast is not None
    assert slow.shape[0] > 1.4 * fast.shape[0]


def test_the_cache_answers_the_second_time_without_the_engine(
    engine: SpeechEngine, tmp_path: Path
) -> None:
    cache = SpeechCache(tmp_path / "speech")
    first = Speaker(engine, cache).phrase(TEXT, 44_100)
    files = list((tmp_path / "speech").iterdir())
    assert len(files) == 1
    assert stat.S_IMODE(files[0].stat().st_mode) == 0o600
    assert stat.S_IMODE((tmp_path / "speech").stat().st_mode) == 0o700
    # An engine that no longer exists can still say what the cache holds...
    gone = replace(engine, path=str(tmp_path / "no-such-espeak"))
    again = Speaker(gone, cache).phrase(TEXT, 44_100)
    assert first is not None and again is not None and np.array_equal(first, again)
    # ...but not a new text, nor the same text from another engine version or voice.
    for speaker in (
        Speaker(gone, cache, voice="en-us"),
        Speaker(replace(gone, version="eSpeak NG 9.9"), cache),
        Speaker(gone, cache, rate_wpm=120),
    ):
        assert speaker.phrase(TEXT, 44_100) is None
        assert "could not be run" in speaker.problems[0]


def test_a_corrupt_cache_file_is_rendered_again(engine: SpeechEngine, tmp_path: Path) -> None:
    cache = SpeechCache(tmp_path)
    good = Speaker(engine, cache).phrase(TEXT, 22_050)
    (entry,) = tmp_path.iterdir()
    entry.write_bytes(b"RIFF\x00garbage")
    speaker = Speaker(engine, cache)
    assert np.array_equal(speaker.phrase(TEXT, 22_050), good)  # type: ignore[arg-type]
    assert speaker.problems == []
    assert decode_wav(entry.read_bytes())[0].size > 0  # replaced by a good one


def test_the_cache_stays_under_its_cap_dropping_the_least_recently_used(
    engine: SpeechEngine, tmp_path: Path
) -> None:
    cache = SpeechCache(tmp_path, max_bytes=10**9)
    speaker = Speaker(engine, cache)
    texts = ["One.", "Two.", "Three.", "Switch sides."]
    for text in texts:
        speaker.phrase(text, 8000)
    sizes = {
        t: len(cache.get(SpeechCache.key(t, "en-gb", 150, engine.version)) or b"") for t in texts
    }
    # Use "One." again, so "Two." is now the least recently used.
    for age, text in enumerate(["Two.", "Three.", "Switch sides.", "One."]):
        path = tmp_path / f"{SpeechCache.key(text, 'en-gb', 150, engine.version)}.wav"
        os.utime(path, ns=(age * 10**9, age * 10**9))
    cache.max_bytes = sum(sizes.values()) - sizes["Two."]
    cache.trim()
    kept = {t for t in texts if cache.get(SpeechCache.key(t, "en-gb", 150, engine.version))}
    assert kept == {"One.", "Three.", "Switch sides."}
    assert cache.size_bytes() <= cache.max_bytes


def test_a_missing_engine_says_why_and_how_to_install_it(tmp_path: Path) -> None:
    missing = str(tmp_path / "espeak-ng")
    reason = voice_unavailable_reason(missing)
    assert reason is not None and "not installed" in reason and "apt install espeak-ng" in reason
    with pytest.raises(SpeechError, match="not installed"):
        find_engine(missing)


def test_a_program_that_is_not_espeak_is_refused(tmp_path: Path) -> None:
    fake = tmp_path / "espeak-ng"
    fake.write_text("#!/bin/sh\necho hello\n")
    fake.chmod(0o700)
    reason = voice_unavailable_reason(str(fake))
    assert reason is not None and "not a working espeak-ng" in reason


def test_an_engine_that_hangs_is_given_up_on(engine: SpeechEngine, tmp_path: Path) -> None:
    hanging = tmp_path / "espeak-ng"
    hanging.write_text("#!/bin/sh\nexec sleep 30\n")
    hanging.chmod(0o700)
    speaker = Speaker(replace(engine, path=str(hanging), timeout_s=0.2))
    assert speaker.phrase(TEXT, 8000) is None
    assert "took more than 0.2 s" in speaker.problems[0]


def test_overlong_and_empty_texts_are_refused_before_the_engine(engine: SpeechEngine) -> None:
    speaker = Speaker(engine)
    assert speaker.phrase("x" * 10_000, 8000) is None
    assert f"at most {MAX_PHRASE_CHARS} characters, not 10000" in speaker.problems[0]
    assert speaker.phrase("   ", 8000) is None
    assert "nothing to say" in speaker.problems[1]


def test_an_unknown_voice_is_reported_not_raised(engine: SpeechEngine) -> None:
    speaker = Speaker(engine, voice="xx-nonexistent")
    assert speaker.phrase(TEXT, 8000) is None
    assert "could not say it" in speaker.problems[0]
