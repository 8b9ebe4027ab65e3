"""Offline speech: espeak-ng renders a phrase to samples, on the GUI or a worker thread.

`find_engine` looks the program up and asks its version; `voice_unavailable_reason` says in
plain words why there is no voice (for Settings). `Speaker.phrase` renders one phrase at a
stream's sample rate through the disk cache; any failure (an engine that hangs, a phrase it
cannot say, a corrupt cache file) gives None and a note in `problems`, and the caller keeps
the chime instead. Nothing here runs in the audio callback.
"""

from __future__ import annotations

import shutil
import struct
import subprocess
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt

from coach.audio.resample import resample
from coach.audio.speech_cache import SpeechCache
from coach.domain.preferences import RANGES, Preferences

ESPEAK = "espeak-ng"
"""The speech engine's program name, looked up on PATH."""
DEFAULT_VOICE = Preferences().voice_name
DEFAULT_RATE_WPM = Preferences().speech_rate_wpm
"""Words per minute: a little slower than espeak-ng's 175, for a calm voice."""
RATE_RANGE = (int(RANGES["speech_rate_wpm"].low), int(RANGES["speech_rate_wpm"].high))
"""Speaking rates espeak-ng accepts and that still sound like speech."""
MAX_PHRASE_CHARS = 300
"""Longer texts are refused: a phrase is said between two cues, not read out like a page."""
TIMEOUT_S = 5.0
"""An engine that takes longer than this for one phrase is given up on."""
_INSTALL = "Install it with 'sudo apt install espeak-ng' (or your system's package manager)."


class SpeechError(RuntimeError):
    """A phrase that could not be rendered; the message says why."""


@dataclass(frozen=True)
class SpeechEngine:
    """An espeak-ng program found on this machine, with its version."""

    path: str
    version: str
    timeout_s: float = TIMEOUT_S

    def render_wav(self, text: str, voice: str, rate_wpm: int) -> bytes:
        """The engine's WAV bytes for text; SpeechError on refusal, failure or time-out."""
        check_phrase(text)
        if not RATE_RANGE[0] <= rate_wpm <= RATE_RANGE[1]:
            raise SpeechError(f"The speaking rate must be {RATE_RANGE[0]} to {RATE_RANGE[1]}.")
        command = [self.path, "--stdout", "-v", voice, "-s", str(rate_wpm)]
        try:
            done = subprocess.run(
                command, input=text.encode("utf-8"), capture_output=True, timeout=self.timeout_s
            )
        except subprocess.TimeoutExpired:
            raise SpeechError(
                f"espeak-ng took more than {self.timeout_s:g} s to say one phrase."
            ) from None
        except OSError as error:
            raise SpeechError(f"espeak-ng could not be run: {error.strerror}.") from None
        if done.returncode != 0 or not done.stdout:
            reason = done.stderr.decode("utf-8", "replace").strip() or "no sound came back"
            raise SpeechError(f"espeak-ng could not say it ({reason}).")
        decode_wav(done.stdout)  # refuse garbage here rather than cache it
        return done.stdout


def find_engine(program: str = ESPEAK) -> SpeechEngine:
    """The engine at `program` (a name on PATH or a path); SpeechError saying why not."""
    path = shutil.which(program)
    if path is None:
        raise SpeechError(
            f"The voice needs the espeak-ng program, which is not installed. {_INSTALL}"
        )
    try:
        done = subprocess.run([path, "--version"], capture_output=True, timeout=TIMEOUT_S)
    except (OSError, subprocess.TimeoutExpired):
        raise SpeechError(f"espeak-ng is installed but does not start. {_INSTALL}") from None
    version = done.stdout.decode("utf-8", "replace").strip()
    if done.returncode != 0 or "espeak" not in version.lower():
        raise SpeechError(f"'{path}' is not a working espeak-ng. {_INSTALL}")
    return SpeechEngine(path, version.splitlines()[0])


def list_voices(engine: SpeechEngine) -> list[tuple[str, str]]:
    """(voice name, description) for every language voice the engine has, in its order."""
    try:
        done = subprocess.run(
            [engine.path, "--voices"], capture_output=True, timeout=engine.timeout_s
        )
    except (OSError, subprocess.TimeoutExpired):
        return []
    seen: dict[str, str] = {}
    for line in done.stdout.decode("utf-8", "replace").splitlines()[1:]:
        parts = line.split()
        if len(parts) >= 4 and parts[1] not in seen:
            seen[parts[1]] = parts[3].replace("_", " ")
    return list(seen.items())


def voice_unavailable_reason(program: str = ESPEAK) -> str | None:
    """Why spoken coaching cannot be used on this machine, or None when it can."""
    try:
        find_engine(program)
    except SpeechError as error:
        return str(error)
    return None


def check_phrase(text: str) -> str:
    """The text if the engine may be given it; SpeechError for empty or overlong text."""
    if not text.strip():
        raise SpeechError("There is nothing to say.")
    if len(text) > MAX_PHRASE_CHARS:
        raise SpeechError(f"A phrase is at most {MAX_PHRASE_CHARS} characters, not {len(text)}.")
    return text


def decode_wav(data: bytes) -> tuple[npt.NDArray[np.float32], int]:
    """Mono 16-bit PCM samples (as floats in -1..1) and their rate, from espeak-ng's WAV.

    espeak-ng streams to stdout, so its header's lengths are placeholders: the data runs to
    the end of the bytes. SpeechError for anything that is not such a file.
    """
    if len(data) < 44 or data[:4] != b"RIFF" or data[8:12] != b"WAVE":
        raise SpeechError("The speech sound is not a WAV file.")
    channels, rate, _, _, bits = struct.unpack_from("<HIIHH", data, 22)
    at = data.find(b"data", 12)
    if channels != 1 or bits != 16 or at < 0 or not 8000 <= rate <= 192_000:
        raise SpeechError("The speech sound is not mono 16-bit PCM.")
    body = data[at + 8 :]
    pcm = np.frombuffer(body[: len(body) // 2 * 2], dtype="<i2")
    return (pcm.astype(np.float32) / np.float32(32768.0)), rate


@dataclass
class Speaker:
    """Says phrases at one voice, rate and level, through a disk cache (GUI/worker thread)."""

    engine: SpeechEngine
    cache: SpeechCache | None = None
    voice: str = DEFAULT_VOICE
    rate_wpm: int = DEFAULT_RATE_WPM
    volume: float = 0.8
    problems: list[str] = field(default_factory=list)
    # A plan says "Three.", "Two.", "One." dozens of times: each is made once per rate.
    _made: dict[tuple[str, int], npt.NDArray[np.float32]] = field(default_factory=dict, repr=False)

    def phrase(self, text: str, sample_rate: int) -> npt.NDArray[np.float32] | None:
        """Mono samples of text at sample_rate, scaled by the voice volume; None on failure.

        The array is read-only and may be shared between calls with the same text and rate.
        """
        made = self._made.get((text, sample_rate))
        if made is not None:
            return made
        try:
            wave, rate = self._wave(text)
        except SpeechError as error:
            self.problems.append(f"'{text[:40]}': {error}")
            return None
        out = resample(wave, rate, sample_rate)
        out *= np.float32(self.volume)
        out.setflags(write=False)
        self._made[(text, sample_rate)] = out
        return out

    def made(self, text: str, sample_rate: int) -> npt.NDArray[np.float32] | None:
        """The samples of text at sample_rate if already made, else None; never renders."""
        return self._made.get((text, sample_rate))

    def _wave(self, text: str) -> tuple[npt.NDArray[np.float32], int]:
        check_phrase(text)
        key = SpeechCache.key(text, self.voice, self.rate_wpm, self.engine.version)
        if self.cache is not None:
            cached = self.cache.get(key)
            if cached is not None:
                try:
                    return decode_wav(cached)
                except SpeechError:
                    self.cache.discard(key)  # corrupt: render it again
        data = self.engine.render_wav(text, self.voice, self.rate_wpm)
        if self.cache is not None:
            self.cache.put(key, data)
        return decode_wav(data)
