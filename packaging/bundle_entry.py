"""Entry script of the PyInstaller bundle: the same `walkcoach` command the wheel installs."""

import faulthandler
import sys

# A crash inside Qt or PortAudio then leaves a Python traceback on stderr (the bootloader
# ignores PYTHONFAULTHANDLER), so a bug report or a failing bundle test says where it was.
faulthandler.enable()

from coach.__main__ import main  # noqa: E402 - after the handler, so imports are covered too

if __name__ == "__main__":
    sys.exit(main())
