"""Entry script of the PyInstaller bundle: the same `walkcoach` command the wheel installs."""

import sys

from coach.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
