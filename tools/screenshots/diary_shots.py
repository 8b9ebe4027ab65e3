"""Diary states for tools.screenshots: the import preview and the safety message.

The diary screen itself is rendered with every other screen; these are the states a plain
screen grab does not show. Called by tools.screenshots.render.main on its throwaway store.
"""

from __future__ import annotations

from datetime import UTC, timedelta
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from coach.domain.diary.import_preview import preview_import
from coach.domain.pain import PainContext, PainEntry, PainLocation
from coach.ui.diary.import_dialog import ImportPreviewDialog
from coach.ui.services import AppServices
from tools.screenshots import capture as screenshots
from tools.screenshots.dialog_shots import save_on_desktop

PREVIEW_SIZE = (760, 640)
SAMPLE_FILE_NAME = "pain-log-from-my-phone.csv"
# A simple 'date,pain,note' file from another app: new days, two already in the diary, and
# the mistakes people make (a word for a number, a date that does not exist, an empty pain).
_SAMPLE_ROWS = (
    "Date,Pain,Notes",
    "{d10},5,Stiff after the long drive",
    "{d9},4,",
    "{d8},4,Walked to the park",
    "{dup1},{dup1_pain},",
    "{d7},three,",
    "31/02/2026,4,",
    "{d6},,forgot the number",
    "{d5},3,Felt looser in the evening",
    "{dup2},{dup2_pain},",
)


def sample_import_csv(services: AppServices) -> bytes:
    """A small CSV from 'another app', made to overlap the sample diary on two rows."""
    now = services.clock.now()
    [first, second] = services.pain.between(now - timedelta(days=400), now)[:2]
    days = {
        f"d{n}": (now - timedelta(days=365 + n)).strftime("%Y-%m-%d 08:00") for n in range(5, 11)
    }
    text = "\n".join(_SAMPLE_ROWS).format(
        **days,
        dup1=first.at.strftime("%Y-%m-%dT%H:%M%z"),
        dup1_pain=first.pain,
        dup2=second.at.strftime("%Y-%m-%dT%H:%M%z"),
        dup2_pain=second.pain,
    )
    return text.encode("utf-8")


def grab_centered(app: QApplication, widget: QWidget, size: tuple[int, int], path: Path) -> None:
    """Render a dialog as it would sit centred on a screen of `size`, and save it."""
    widget.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)
    widget.resize(min(PREVIEW_SIZE[0], size[0] - 80), min(PREVIEW_SIZE[1], size[1] - 80))
    widget.show()
    for _ in range(5):
        app.processEvents()
    save_on_desktop(widget, size, path)
    widget.close()


def render_import_preview(
    app: QApplication, services: AppServices, size: tuple[int, int], path: Path
) -> None:
    """The preview of sample_import_csv against the sample diary."""
    now = services.clock.now()
    preview = preview_import(
        sample_import_csv(services),
        now.astimezone().tzinfo or UTC,
        services.pain.keys(),
        now=now,
    )
    dialog = ImportPreviewDialog(SAMPLE_FILE_NAME, preview)
    grab_centered(app, dialog, size, path)
    screenshots.discard(dialog)


def add_red_flag_rating(services: AppServices) -> PainEntry:
    """A rating with a warning sign an hour ago, so the diary shows its safety message."""
    entry = PainEntry(
        at=services.clock.now() - timedelta(hours=1),
        pain=6,
        context=PainContext.OTHER,
        location=PainLocation.LEG_LEFT,
        note="Left leg feels weaker on the stairs.",
        red_flags=frozenset({"leg_weakness"}),
    )
    return services.pain.add(entry)


def render_diary_states(out_dir: Path, services: AppServices, app: QApplication) -> list[Path]:
    """Import preview and the diary with a safety message, at each size in each scheme."""
    written: list[Path] = []
    view_dir = Path(services.store.path).parent
    for scheme in screenshots.SCHEMES:
        services.preferences.set("theme", scheme)
        for width, height in screenshots.SIZES:
            stem = f"{width}x{height}-{scheme}"
            path = out_dir / f"import-preview-{stem}.png"
            render_import_preview(app, services, (width, height), path)
            written.append(path)
            flagged = add_red_flag_rating(services)
            window = screenshots.make_window(services, (width, height), view_dir)
            path = out_dir / f"diary-{stem}-safety.png"
            screenshots.grab_window(app, window, "diary", path)
            written.append(path)
            screenshots.discard(window)
            assert flagged.id is not None
            services.pain.delete(flagged.id)
    return written
