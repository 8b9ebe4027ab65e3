"""Metronome timing through a real PulseAudio null sink: our engine against a QTimer metronome.

Both play at the same time, each into its own null sink whose monitor is recorded, while the
GUI thread is busy (pure-Python chunks back to back) and a pure-Python thread burns CPU.

    .venv/bin/python benchmarks/metronome_timing.py --minutes 10
    .venv/bin/python benchmarks/metronome_timing.py --minutes 10 --speech

With --speech the engine's program also says a phrase (real espeak-ng) every 10 s from 5 s
on, steps ducked under it; onsets are then measured outside the phrases (each span blanked
in the recording, 50 ms either side), against the beats outside them.
Prints both columns, then one line starting with RESULT. Needs pulseaudio, pulseaudio-utils,
libasound2-plugins and libportaudio2 (`scripts/ensure-system-packages.sh test`).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "audio"))
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pulse_server import RATE, PulseServer, find_onsets  # noqa: E402

ENGINE_SINK = "coach_engine"
NAIVE_SINK = "coach_naive"
GUI_CHUNK_S = 0.025  # one busy GUI slot: a chart redraw or a long layout pass
WARM_UP_S = 10.0  # memory is measured from here, after caches and buffers settle


def busy(seconds: float) -> int:
    """Pure-Python work for about `seconds`, holding the GIL as Python code does."""
    deadline = time.perf_counter() + seconds
    total = 0
    while time.perf_counter() < deadline:
        total += sum(i * i for i in range(200))
    return total


class CpuHog(threading.Thread):
    """A CPU-bound pure-Python worker thread."""

    def __init__(self) -> None:
        super().__init__(daemon=True)
        self.running = True

    def run(self) -> None:
        while self.running:
            busy(0.1)


class Measured:
    """Wraps a BlockSource to learn which thread runs the callback (for its CPU clock)."""

    def __init__(self, source: Any) -> None:
        self.source = source
        self.sample_rate = source.sample_rate
        self.channels = source.channels
        self.thread_ident = 0

    def render(self, start_sample: int, out: Any) -> None:
        if not self.thread_ident:
            self.thread_ident = threading.get_ident()
        self.source.render(start_sample, out)


class NaiveMetronome:
    """The usual Qt design: a precise QTimer fires each click; the sound starts at the next
    audio block, like QSoundEffect.play(). Small blocks make this its best case."""

    def __init__(self, spm: float, click: np.ndarray) -> None:
        import sounddevice as sd
        from PySide6.QtCore import Qt, QTimer

        self.click = click
        self.requested = 0
        self.started = 0
        self.pos = len(click)
        self.underflows = 0
        self.stream = sd.OutputStream(
            samplerate=RATE,
            channels=2,
            blocksize=256,
            latency=0.15,
            device=_device_index(NAIVE_SINK),
            dtype="float32",
            callback=self._callback,
        )
        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(round(60_000 / spm))  # QTimer counts whole milliseconds
        self.timer.timeout.connect(self._on_timer_timeout)

    def start(self) -> None:
        self.stream.start()
        self._on_timer_timeout()
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()
        self.stream.close()

    def _on_timer_timeout(self) -> None:
        self.requested += 1

    def _callback(self, outdata: np.ndarray, frames: int, time_info: Any, status: Any) -> None:
        if status.output_underflow:
            self.underflows += 1
        outdata.fill(0.0)
        if self.requested != self.started:
            self.started = self.requested
            self.pos = 0
        if self.pos < len(self.click):
            n = min(frames, len(self.click) - self.pos)
            outdata[:n] = self.click[self.pos : self.pos + n, None]
            self.pos += n


def _device_index(name: str) -> int:
    import sounddevice as sd

    for index, info in enumerate(sd.query_devices()):
        if info["name"] == name and info["max_output_channels"] > 0:
            return index
    raise SystemExit(f"no ALSA device {name!r}: is the PulseAudio helper's asound.conf used?")


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


@dataclass
class Timing:
    """Inter-onset errors and drift of one recording against its expected beat grid."""

    onsets: int
    missing: int
    mean_ms: float
    p99_ms: float
    max_ms: float
    drift_ms: float


def timing(onsets: np.ndarray, grid: np.ndarray) -> Timing:
    """Match each onset to the nearest expected beat (both counted from their first one).

    A lost or merged click then shows as `missing` instead of shifting every later beat;
    the inter-onset error is how far each spacing is from the spacing of its two beats.
    """
    heard = onsets - onsets[0]
    expected = grid - grid[0]
    index = np.clip(np.searchsorted(expected, heard), 1, len(expected) - 1)
    nearer_left = heard - expected[index - 1] < expected[index] - heard
    index = np.where(nearer_left, index - 1, index)
    residual = heard - expected[index]
    errors = np.abs(np.diff(residual)) * 1000 / RATE
    return Timing(
        len(onsets),
        int(index[-1] + 1 - len(np.unique(index))),
        float(errors.mean()),
        float(np.percentile(errors, 99)),
        float(errors.max()),
        float(residual[-1] * 1000 / RATE),
    )


def recorded_onsets(audio: np.ndarray) -> np.ndarray:
    mono = np.abs(audio[:, 0])
    return find_onsets(mono, threshold=0.1 * float(mono.max()), gap=2400)


def run(args: argparse.Namespace, workdir: Path) -> None:
    server = PulseServer.start(workdir, (ENGINE_SINK, NAIVE_SINK))
    server.use_in_this_process()
    hogs = [
        subprocess.Popen([sys.executable, "-c", "while True: sum(i * i for i in range(999))"])
        for _ in range(args.external_load)
    ]
    try:
        measure(server, args, workdir)
    finally:
        for hog in hogs:
            hog.terminate()
            hog.wait()
        server.stop()


def measure(server: PulseServer, args: argparse.Namespace, workdir: Path) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from coach.audio.engine import SoundDeviceBackend, probe_audio
    from coach.audio.playback import AudioEngine
    from coach.audio.programs.beats import Foot
    from coach.audio.programs.metronome import steady_program
    from coach.audio.renderer import Renderer
    from coach.audio.sounds import step_sound

    app = QApplication.instance() or QApplication([])
    minutes, spm = args.minutes, args.spm
    program = steady_program(spm, RATE)
    if args.speech:
        program = spoken(program, minutes)
    # As create_engine builds it; PulseAudio's default sink is ENGINE_SINK.
    engine = AudioEngine(SoundDeviceBackend(), probe_audio, "default", **engine_options(args))
    source = Measured(Renderer(program))
    naive = NaiveMetronome(spm, step_sound("woodblock", Foot.LEFT, RATE) * np.float32(0.7))
    recordings = [
        server.record(sink, workdir / f"{sink}.raw", channels=1)
        for sink in (ENGINE_SINK, NAIVE_SINK)
    ]
    time.sleep(0.5)
    hog = CpuHog()
    hog.start()
    gui_load = QTimer()
    gui_load.setInterval(0)
    gui_load.timeout.connect(lambda: busy(GUI_CHUNK_S))
    health = QTimer()
    health.setInterval(200)
    health.timeout.connect(lambda: _check(engine))
    marks: dict[str, float] = {}

    def begin() -> None:
        engine.play(source)
        naive.start()

    def warm() -> None:
        marks["rss0"] = rss_mb()
        marks["cpu0"] = _thread_cpu(source.thread_ident)
        marks["pos0"] = engine.position()

    def end() -> None:
        marks["rss1"] = rss_mb()
        marks["cpu1"] = _thread_cpu(source.thread_ident)
        marks["pos1"] = engine.position()
        app.quit()

    QTimer.singleShot(0, begin)
    QTimer.singleShot(int(WARM_UP_S * 1000), warm)
    QTimer.singleShot(int(minutes * 60_000), end)
    gui_load.start()
    health.start()
    started = time.monotonic()
    app.exec()
    wall = time.monotonic() - started
    gui_load.stop()
    health.stop()
    hog.running = False
    engine.close()
    naive.stop()
    time.sleep(0.3)
    engine_audio, naive_audio = (r.stop() for r in recordings)
    report(engine, naive, program, marks, wall, engine_audio, naive_audio, spm)


def spoken(program: Any, minutes: float) -> Any:
    """The program saying a phase-like phrase every 10 s from 5 s on, steps ducked under it."""
    from coach.audio.programs.model import LEAD_SECONDS
    from coach.audio.programs.speech import with_speech
    from coach.audio.speech import Speaker, find_engine
    from coach.domain.spoken_script import CueImportance, SpokenCue

    texts = ("Main walk. One hundred and thirteen steps a minute.", "Shoulders soft and low.")
    cues = [
        SpokenCue(5.0 + 10 * i, texts[i % 2], CueImportance.PHASE)
        for i in range(int(minutes * 6) + 1)
    ]
    lead = round(LEAD_SECONDS * RATE)
    speaking, placed = with_speech(program, cues, lead, Speaker(find_engine()).phrase, duck=True)
    print(f"speech: {len(placed.phrases)} phrases, steps ducked under each", flush=True)
    return speaking


def outside_phrases(audio: np.ndarray, program: Any, beats: np.ndarray) -> tuple[Any, Any]:
    """The recording with each phrase span blanked, and the beats outside those spans.

    The recording is aligned to the program by its first onset, which is a step before the
    first phrase (5 s in).
    """
    if not program.phrases:
        return audio, beats
    offset = int(recorded_onsets(audio[: int(4.5 * RATE)])[0]) - int(beats[0])
    margin = RATE // 20
    audio = audio.copy()
    keep = np.ones(len(beats), bool)
    for phrase in program.phrases:
        lo, hi = phrase.sample - margin, phrase.end + margin
        audio[max(0, lo + offset) : max(0, hi + offset)] = 0.0
        keep &= (beats < lo) | (beats >= hi)
    return audio, beats[keep]


def engine_options(args: argparse.Namespace) -> dict[str, Any]:
    """Only what the command line overrides, so the default run measures the app's settings."""
    options: dict[str, Any] = {}
    if args.latency is not None:
        options["latency"] = args.latency
    if args.blocksize is not None:
        options["blocksize"] = args.blocksize
    return options


def _check(engine: Any) -> None:
    health = engine.check_health(time.monotonic())
    if not health.audio_ok:
        print("engine health:", health.message, file=sys.stderr)


def _thread_cpu(ident: int) -> float:
    if not ident:
        return 0.0
    return time.clock_gettime(time.pthread_getcpuclockid(ident))


def report(
    engine: Any,
    naive: NaiveMetronome,
    program: Any,
    marks: dict[str, float],
    wall: float,
    engine_audio: np.ndarray,
    naive_audio: np.ndarray,
    spm: float,
) -> None:
    beats = np.array([b.sample for b in program.beats_between(0, engine.position())])
    engine_audio, beats = outside_phrases(engine_audio, program, beats)
    engine_onsets = recorded_onsets(engine_audio)
    ours = timing(engine_onsets, beats)
    naive_onsets = recorded_onsets(naive_audio)
    ideal = np.arange(len(naive_onsets) * 2) * (RATE * 60 / spm)
    theirs = timing(naive_onsets, ideal)
    audio_s = (marks["pos1"] - marks["pos0"]) / RATE
    cpu_pct = 100 * (marks["cpu1"] - marks["cpu0"]) / audio_s
    rss_growth = marks["rss1"] - marks["rss0"]
    print(f"run: {wall / 60:.2f} min at {spm:g} steps/min, GUI busy in {GUI_CHUNK_S * 1000:g} ms")
    print("chunks back to back, one CPU-bound Python thread; both metronomes at once.")
    print(f"engine: {engine.blocksize}-frame blocks, {engine.latency * 1000:g} ms latency")
    print(f"{'':24}{'engine':>12}{'QTimer':>12}")
    for label, a, b in (
        ("onsets recorded", ours.onsets, theirs.onsets),
        ("beats lost or merged", ours.missing, theirs.missing),
        ("inter-onset mean ms", ours.mean_ms, theirs.mean_ms),
        ("inter-onset p99 ms", ours.p99_ms, theirs.p99_ms),
        ("inter-onset max ms", ours.max_ms, theirs.max_ms),
        ("drift ms", ours.drift_ms, theirs.drift_ms),
        ("underflows", engine.underflows, naive.underflows),
    ):
        print(f"{label:24}{a:>12.4g}{b:>12.4g}")
    print(f"engine callback thread CPU: {cpu_pct:.3f} % of one core per second of audio")
    print(f"process RSS growth after {WARM_UP_S:g} s warm-up: {rss_growth:.2f} MB")
    print(
        f"RESULT engine_p99_ms={ours.p99_ms:.4f} engine_max_ms={ours.max_ms:.4f} "
        f"engine_drift_ms={ours.drift_ms:.4f} engine_underflows={engine.underflows} "
        f"cpu_pct={cpu_pct:.3f} rss_growth_mb={rss_growth:.2f} "
        f"qtimer_p99_ms={theirs.p99_ms:.3f} qtimer_drift_ms={theirs.drift_ms:.3f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=10.0, help="length of the run")
    parser.add_argument("--spm", type=float, default=113.0, help="steps per minute")
    parser.add_argument(
        "--external-load", type=int, default=0, help="extra CPU-bound processes to start"
    )
    parser.add_argument("--latency", type=float, help="override the engine's latency (s)")
    parser.add_argument("--blocksize", type=int, help="override the engine's block size")
    parser.add_argument(
        "--speech", action="store_true", help="the engine also speaks (espeak-ng) every 10 s"
    )
    args = parser.parse_args()
    if args.minutes * 60 < 2 * WARM_UP_S:
        parser.error(f"--minutes must be at least {2 * WARM_UP_S / 60:g} (warm-up is excluded)")
    with tempfile.TemporaryDirectory(prefix="metronome-timing-") as workdir:
        run(args, Path(workdir))


if __name__ == "__main__":
    main()
