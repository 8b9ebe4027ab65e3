"""The illustration widget reads only regular files: a FIFO or a link is never waited on."""

from __future__ import annotations

import os
from pathlib import Path

from pytestqt.qtbot import QtBot

from coach.domain.plan_files.loading import ILLUSTRATIONS_DIR
from coach.ui.widgets.illustration import Illustration


def test_a_fifo_or_a_link_is_never_drawn_or_waited_on(qtbot: QtBot, tmp_path: Path) -> None:
    widget = Illustration()
    qtbot.addWidget(widget)
    fifo = tmp_path / "pipe.svg"
    os.mkfifo(fifo)
    widget.show_file(fifo)  # returns at once: a FIFO is refused before it is opened for reading
    assert not widget._renderer.isValid()
    link = tmp_path / "link.svg"
    link.symlink_to(ILLUSTRATIONS_DIR / "ex-easy-walk.svg")
    widget.show_file(link)
    assert not widget._renderer.isValid()
    widget.show_file(ILLUSTRATIONS_DIR / "ex-easy-walk.svg")
    assert widget._renderer.isValid()
