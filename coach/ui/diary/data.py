"""'Your data': export the diary to CSV or JSON, import a diary CSV through a preview.

The preview of a file is read on a worker thread (QThreadPool) because a large file takes
a moment; the worker touches no widget and no store, it only parses bytes and reports back
through signals, which Qt delivers on the GUI thread.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Collection
from datetime import UTC, datetime, tzinfo
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal
from PySide6.QtWidgets import QFileDialog, QProgressBar, QPushButton, QWidget

from coach.domain.diary.decoding import DiaryImportError, read_diary_file
from coach.domain.diary.file_format import DiaryKey
from coach.domain.diary.import_preview import ImportPreview, preview_import
from coach.services.errors import StoreError
from coach.services.transfer import ExportFormat, apply_import, diary_contents, export_diary
from coach.ui.diary import texts
from coach.ui.diary.import_dialog import ImportPreviewDialog
from coach.ui.services import AppServices
from coach.ui.widgets.card import Card, styled_label
from coach.ui.widgets.reflow_row import ReflowRow

PathAsker = Callable[[], Path | None]
_log = logging.getLogger(__name__)


class PreviewSignals(QObject):
    """How a preview job reports back (emitted on the worker thread, received on the GUI's)."""

    finished = Signal(object)  # ImportPreview
    failed = Signal(str)  # the problem, in plain words


class PreviewJob(QRunnable):
    """Reads a diary file and previews its import; runs on a pool thread, touches no widget."""

    def __init__(
        self,
        path: Path,
        tz: tzinfo,
        existing: Collection[DiaryKey],
        now: datetime,
        walk_ids: Collection[int],
        day_first: bool | None = None,
    ) -> None:
        super().__init__()
        self.signals = PreviewSignals()
        self._args = (path, tz, existing, now, walk_ids, day_first)

    def run(self) -> None:
        """Called by the pool on its thread."""
        path, tz, existing, now, walk_ids, day_first = self._args
        try:
            data = read_diary_file(path)
            preview = preview_import(
                data, tz, existing, now=now, day_first=day_first, known_walk_ids=walk_ids
            )
        except DiaryImportError as error:
            self.signals.failed.emit(str(error))
        except OSError as error:
            self.signals.failed.emit(error.strerror or str(error))
        except Exception:  # a bug, not the file: log it, and never leave the busy bar spinning
            _log.exception("Preview of %s failed", path)
            self.signals.failed.emit(texts.UNEXPECTED)
        else:
            self.signals.finished.emit(preview)


class DataCard(Card):
    """Export and import buttons, a busy bar while a file is read, and a status line."""

    preview_ready = Signal(object)  # the ImportPreviewDialog, once shown
    import_failed = Signal(str)  # the message shown

    def __init__(self, services: AppServices, parent: QWidget | None = None) -> None:
        super().__init__(texts.DATA_TITLE, parent)
        self.services = services
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self.preview_dialog: ImportPreviewDialog | None = None
        self._job: PreviewJob | None = None
        self._import_path: Path | None = None
        self._day_first: bool | None = None
        self.ask_folder: PathAsker = self._ask_folder
        self.ask_json_file: PathAsker = self._ask_json_file
        self.ask_import_file: PathAsker = self._ask_import_file
        self.body.addWidget(styled_label(texts.DATA_TEXT, "muted"))
        row = ReflowRow(spacing=8)  # one above another on a narrow window or with large text
        self.csv_button = _button(texts.EXPORT_CSV, self._on_csv_clicked)
        self.json_button = _button(texts.EXPORT_JSON, self._on_json_clicked)
        self.import_button = _button(texts.IMPORT, self._on_import_clicked)
        for button in (self.csv_button, self.json_button, self.import_button):
            row.add(button)
        row.add_stretch()
        self.body.addWidget(row)
        self.busy_bar = QProgressBar()
        self.busy_bar.setRange(0, 0)
        self.busy_bar.setAccessibleName("Reading the file")
        self.busy_bar.hide()
        self.body.addWidget(self.busy_bar)
        self.status_label = styled_label()
        self.status_label.setAccessibleName("Data status")
        self.status_label.hide()
        self.body.addWidget(self.status_label)
        self.import_button.setEnabled(services.can_save())

    def export(self, target: Path, file_format: ExportFormat) -> list[Path]:
        """Write the whole diary to target (a folder for CSV, a file for JSON); say where."""
        today = self.services.clock.now().astimezone().date()
        try:
            written = export_diary(self.services.diary, target, file_format, today)
        except (OSError, StoreError) as error:
            problem = getattr(error, "strerror", None) or str(error)
            self._say(texts.EXPORT_FAILED.format(target=target, problem=problem))
            return []
        names = " and ".join(p.name for p in written)
        self._say(texts.EXPORTED.format(names=names, folder=written[0].parent))
        return written

    def start_preview(self, path: Path, day_first: bool | None = None) -> None:
        """Read and preview a diary file on the pool; the dialog opens when it is done.

        `day_first` settles dates like 05/04/2026 (None: worked out from the file).
        """
        now = self.services.clock.now()
        try:
            contents = diary_contents(self.services.diary)
        except StoreError as error:
            self._fail(texts.IMPORT_FAILED.format(name=path.name, problem=error))
            return
        tz = now.astimezone().tzinfo or UTC
        job = PreviewJob(path, tz, contents.keys, now, contents.walk_ids, day_first)
        job.signals.finished.connect(self._on_preview_finished)
        job.signals.failed.connect(self._on_preview_failed)
        self._job, self._import_path, self._day_first = job, path, day_first
        self._set_busy(True)
        self._say(texts.READING.format(name=path.name))
        self.pool.start(job)

    def apply_preview(self, path: Path, preview: ImportPreview) -> int:
        """Save the preview's new ratings (backup first, all or nothing); how many were added."""
        try:
            result = apply_import(self.services.diary, preview, self.services.clock.now())
        except (StoreError, OSError) as error:
            self._say(texts.IMPORT_FAILED.format(name=path.name, problem=error))
            return 0
        if result.added:
            self._say(texts.IMPORTED.format(added=result.added, name=path.name))
        else:
            self._say(texts.IMPORTED_NONE.format(name=path.name))
        return result.added

    def _on_preview_finished(self, preview: ImportPreview) -> None:
        path = self._import_path or Path()
        self._finish_job()
        self._say("")
        dialog = ImportPreviewDialog(path.name, preview, self.window(), self._day_first)
        dialog.accepted.connect(lambda: self.apply_preview(path, preview))
        dialog.date_order_changed.connect(lambda order: self._on_date_order_changed(dialog, order))
        dialog.finished.connect(dialog.deleteLater)
        self.preview_dialog = dialog
        dialog.open()
        self.preview_ready.emit(dialog)

    def _on_date_order_changed(self, dialog: ImportPreviewDialog, day_first: bool | None) -> None:
        # Read the file again with the chosen order; this preview is closed unsaved.
        path = self._import_path
        dialog.reject()
        if path is not None:
            self.start_preview(path, day_first)

    def _on_preview_failed(self, problem: str) -> None:
        name = (self._import_path or Path()).name
        self._finish_job()
        self._fail(texts.IMPORT_FAILED.format(name=name, problem=problem))

    def _fail(self, text: str) -> None:
        self._say(text)
        self.import_failed.emit(text)

    def _finish_job(self) -> None:
        self._job = None
        self._set_busy(False)

    def _set_busy(self, busy: bool) -> None:
        self.busy_bar.setVisible(busy)
        self.import_button.setEnabled(not busy and self.services.can_save())

    def _say(self, text: str) -> None:
        self.status_label.setText(text)
        self.status_label.setAccessibleDescription(text)
        self.status_label.setVisible(bool(text))

    def _on_csv_clicked(self) -> None:
        folder = self.ask_folder()
        if folder is not None:
            self.export(folder, "csv")

    def _on_json_clicked(self) -> None:
        target = self.ask_json_file()
        if target is not None:
            self.export(target if target.suffix else target.with_suffix(".json"), "json")

    def _on_import_clicked(self) -> None:
        path = self.ask_import_file()
        if path is not None:
            self.start_preview(path)

    def _ask_folder(self) -> Path | None:
        chosen = QFileDialog.getExistingDirectory(self, texts.CHOOSE_EXPORT_FOLDER)
        return Path(chosen) if chosen else None

    def _ask_json_file(self) -> Path | None:
        chosen, _ = QFileDialog.getSaveFileName(
            self, texts.CHOOSE_JSON_FILE, "walking-coach.json", texts.JSON_FILTER
        )
        return Path(chosen) if chosen else None

    def _ask_import_file(self) -> Path | None:
        chosen, _ = QFileDialog.getOpenFileName(
            self, texts.CHOOSE_IMPORT_FILE, "", texts.IMPORT_FILTER
        )
        return Path(chosen) if chosen else None


def _button(text: str, slot: Callable[[], None]) -> QPushButton:
    button = QPushButton(text)
    button.setAccessibleName(text.rstrip("…"))
    button.clicked.connect(slot)
    return button
