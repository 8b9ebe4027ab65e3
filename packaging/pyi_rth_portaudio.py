"""PyInstaller runtime hook: let sounddevice fall back to the PortAudio bundled on Linux.

sounddevice looks PortAudio up with ctypes.util.find_library, which on Linux asks ldconfig and
never looks inside the bundle. The system's library is still preferred (it matches the
machine's ALSA and PulseAudio set-up); the bundled copy is used only when there is none.
"""

import ctypes.util
import os
import sys

BUNDLED_PORTAUDIO = "libportaudio.so.2"

_system_find_library = ctypes.util.find_library


def find_library(name):
    """ctypes.util.find_library, plus the bundled PortAudio when the system has none."""
    found = _system_find_library(name)
    if found is None and name == "portaudio" and sys.platform.startswith("linux"):
        bundled = os.path.join(getattr(sys, "_MEIPASS", ""), BUNDLED_PORTAUDIO)
        if os.path.isfile(bundled):
            return bundled
    return found


ctypes.util.find_library = find_library
