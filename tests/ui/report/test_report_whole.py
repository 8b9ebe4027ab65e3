"""A report file is replaced whole or not at all: a kill or a full disk keeps the old one."""

from __future__ import annotations

import os
import random
import resource
import signal
import subprocess
import sys
import time
from pathlib import Path

from report_support import fill_store

from coach.storage.paths import DATABASE_NAME

CHILD = Path(__file__).with_name("report_writer_child.py")
KILLS = 8


def is_whole_pdf(data: bytes) -> bool:
    """Starts as a PDF and ends with the end-of-file marker Qt writes last."""
    return data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF")


def test_a_kill_while_writing_leaves_the_old_report_or_the_new_one(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    fill_store(data_dir / DATABASE_NAME, days=200)
    out = tmp_path / "report.pdf"
    out.write_bytes(b"%PDF-1.4 the old report\n%%EOF\n")
    env = {**os.environ, "COACH_DATA_DIR": str(data_dir), "QT_QPA_PLATFORM": "offscreen"}
    rng = random.Random(23)
    seen_new = 0
    for _kill in range(KILLS):
        child = subprocess.Popen(
            [sys.executable, str(CHILD), str(out)],
            env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
        )  # fmt: skip
        assert child.stdout is not None
        assert child.stdout.readline() == "wrote\n"  # start-up is over: it is writing now
        time.sleep(rng.uniform(0.0, 0.3))  # a random moment inside the following writes
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
        child.stdout.close()
        written = out.read_bytes()
        assert is_whole_pdf(written), written[-40:]
        seen_new += written != b"%PDF-1.4 the old report\n%%EOF\n"
    assert seen_new == KILLS  # the first write completed before each kill
    partials = [p for p in tmp_path.iterdir() if p.name.endswith(".partial")]
    assert all(p.name.startswith(".report.pdf.") for p in partials)  # only hidden leftovers


def _limit_file_size(limit: int) -> None:
    # A file may grow to `limit` bytes, then writes fail with EFBIG, as on a full disk.
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))


def test_a_full_disk_keeps_the_old_report_and_fails_with_the_reason(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    fill_store(data_dir / DATABASE_NAME, days=200)
    out = tmp_path / "report.pdf"
    env = {**os.environ, "COACH_DATA_DIR": str(data_dir), "QT_QPA_PLATFORM": "offscreen"}
    command = [sys.executable, "-m", "coach", "report", "--out", str(out)]
    first = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)
    assert first.returncode == 0, first.stderr
    old = out.read_bytes()
    assert is_whole_pdf(old)
    full = subprocess.run(
        command, env=env, capture_output=True, text=True, timeout=300,
        preexec_fn=lambda: _limit_file_size(len(old) // 2),
    )  # fmt: skip
    assert full.returncode == 1
    assert "Could not make the report" in full.stderr and "File too large" in full.stderr
    assert "Wrote" not in full.stdout
    assert out.read_bytes() == old
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".partial")] == []
