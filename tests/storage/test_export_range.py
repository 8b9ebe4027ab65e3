"""Export takes every rating import accepts: the extremes of the years at every UTC offset."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

from coach.domain.diary.file_format import entry_key
from coach.domain.diary.import_preview import preview_import
from coach.storage.database import Store
from coach.storage.diary_files import all_pain, export_diary
from coach.storage.diary_import import apply_import
from coach.storage.pain_repo import PainRepository
from coach.storage.walks_repo import WalkRepository

NOW = datetime(2026, 11, 23, 20, 15, tzinfo=UTC)
# Every quarter-hour offset a datetime can carry, up to a minute short of a day.
OFFSETS = [timedelta(minutes=m) for m in range(-23 * 60 - 45, 23 * 60 + 46, 15)]
OFFSETS += [timedelta(hours=-23, minutes=-59), timedelta(hours=23, minutes=59)]


def extremes_csv() -> bytes:
    """The first and last minute of the accepted years, at every offset, in our format."""
    lines = ["at,pain"]
    for n, offset in enumerate(OFFSETS):
        zone = timezone(offset)
        for moment in (datetime(1900, 1, 1, 0, 0, tzinfo=zone),
                       datetime(2100, 12, 31, 23, 59, tzinfo=zone)):  # fmt: skip
            lines.append(f"{moment.isoformat()},{n % 11}")
    return ("\n".join(lines) + "\n").encode("utf-8")


def test_export_of_an_import_holds_every_extreme_rating(store: Store, tmp_path: Path) -> None:
    preview = preview_import(extremes_csv(), UTC)
    assert preview.rejected == () and len(preview.to_add) == 2 * len(OFFSETS)
    apply_import(store, preview, NOW)
    assert len(all_pain(PainRepository(store))) == 2 * len(OFFSETS)
    pain_csv, _walks = export_diary(
        PainRepository(store), WalkRepository(store), tmp_path / "out", "csv", date(2026, 11, 23)
    )
    again = preview_import(pain_csv.read_bytes(), UTC)
    assert again.rejected == ()
    assert sorted(map(entry_key, again.to_add)) == sorted(map(entry_key, preview.to_add))
    assert {e.at.isoformat() for e in again.to_add} == {e.at.isoformat() for e in preview.to_add}
