"""Run as a script: open the diary as the app does, build the window and visit every screen.

Prints `read_only True|False`, then `errors N` and each error's traceback; used by
test_hostile_fs.py as the user nobody in a read-only data folder.
"""

from __future__ import annotations

import sys
import tempfile
import traceback
from pathlib import Path


def main() -> int:
    """Visit every screen; the exit code is the number of errors seen."""
    errors: list[str] = []
    sys.excepthook = lambda *info: errors.append("".join(traceback.format_exception(*info)))
    from PySide6.QtCore import QSettings

    from coach.app import _create_engine, make_application
    from coach.storage.database import open_read_only_instead, open_store
    from coach.storage.errors import DataFolderError
    from coach.ui.audio_services import NOT_PROBED
    from coach.ui.bootstrap import build_services
    from coach.ui.main_window import MainWindow

    app = make_application()
    try:
        store = open_store()
    except DataFolderError as error:
        store = open_read_only_instead(error)
    print("read_only", store.read_only)
    services = build_services(store, NOT_PROBED, engine_factory=_create_engine)
    with tempfile.TemporaryDirectory() as folder:
        settings = QSettings(str(Path(folder) / "view.ini"), QSettings.Format.IniFormat)
        window = MainWindow(services, settings)
        window.show()
        for index in range(window.sidebar.count()):
            window.sidebar.setCurrentRow(index)
            for _ in range(20):
                app.processEvents()
        window.close()
    store.close()
    print("errors", len(errors))
    print("\n".join(errors))
    return len(errors)


if __name__ == "__main__":
    sys.exit(main())
