"""The audio_server fixture: a private PulseAudio daemon with a 48 kHz null sink.

It is started once per session, only when a test asks for it, and this process is pointed at
it (PULSE_SERVER, ALSA_CONFIG_PATH, ...; see pulse_server.py). A missing PulseAudio fails the
tests with a message saying to run `make test`: a skipped audio test would hide a regression.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from pulse_server import PulseServer, PulseStartError


@pytest.fixture(scope="session")
def pulse(tmp_path_factory: pytest.TempPathFactory) -> Iterator[PulseServer]:
    """A running PulseAudio server whose default sink is the null sink 'coach_test'."""
    saved = dict(os.environ)
    try:
        server = PulseServer.start(tmp_path_factory.mktemp("pulse"), ("coach_test",))
    except PulseStartError as error:
        pytest.fail(str(error), pytrace=False)
    server.use_in_this_process()
    try:
        yield server
    finally:
        server.stop()
        for name in server.env:
            if name in saved:
                os.environ[name] = saved[name]
            else:
                os.environ.pop(name, None)
