"""One walk file from disk: its kind told by its contents, then read by the right parser.

The name's extension is only a hint: a FIT file is known by its header, GPX and TCX by their
root element, so a `.fit` name on a JPEG is refused as "not a FIT file" whatever it is
called. Every refusal is a WalkFileError whose message names the file.
"""

from __future__ import annotations

from datetime import datetime, tzinfo
from pathlib import Path

from coach.domain.file_reading import FileRefusedError, read_regular_file
from coach.domain.walk_files.fit import is_fit, read_fit
from coach.domain.walk_files.gpx import read_gpx
from coach.domain.walk_files.model import WalkFile, WalkFileError
from coach.domain.walk_files.tcx import read_tcx
from coach.domain.walk_files.xml_safe import local_name, parse_xml

MAX_FILE_BYTES = 50 * 1024 * 1024
"""Our own choice: a day recorded once a second is under 20 MB even as GPX with extensions;
a bigger file is not one walk, and reading it would hold the import up."""

EXTENSIONS = (".fit", ".gpx", ".tcx")
"""The names a file picker offers; the contents decide what a file is."""

_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"\x89PNG", "a PNG image"),
    (b"%PDF", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (unpack it and import the files inside)"),
    (b"\x1f\x8b", "a gzip-compressed file (unpack it first)"),
)


class WalkFileRefused(WalkFileError):  # noqa: N818 - it reads as what happened to the file
    """A file that is not imported, with the file it is about; str(error) names it."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


def read_walk_file(path: Path, local_zone: tzinfo, now: datetime | None = None) -> WalkFile:
    """The walk in the file at path; raises WalkFileRefused naming the file and the reason.

    local_zone is used for files whose times carry no offset of the walk's own.
    """
    try:
        data = read_regular_file(path, MAX_FILE_BYTES)
    except FileRefusedError as error:
        raise WalkFileRefused(path, str(error)) from None
    try:
        return parse_walk(data, path.suffix.lower(), local_zone, now)
    except WalkFileError as error:
        raise WalkFileRefused(path, str(error)) from None
    except RecursionError:
        raise WalkFileRefused(path, "it is nested too deeply to be a walk file") from None


def parse_walk(
    data: bytes, suffix: str, local_zone: tzinfo, now: datetime | None = None
) -> WalkFile:
    """The walk in a file's bytes; suffix ('.fit') only words the refusal of a wrong file."""
    if not data:
        raise WalkFileError("it is empty")
    if is_fit(data):
        return read_fit(data, local_zone, now)
    if _looks_like_xml(data):
        root = parse_xml(data)
        kind = local_name(root.tag)
        if kind == "gpx":
            return read_gpx(root, local_zone, now)
        if kind == "TrainingCenterDatabase":
            return read_tcx(root, local_zone, now)
        raise WalkFileError(f"it is XML but neither GPX nor TCX (its root is <{kind[:40]}>)")
    raise WalkFileError(_not_walk_file(data, suffix))


def _looks_like_xml(data: bytes) -> bool:
    return data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<")


def _not_walk_file(data: bytes, suffix: str) -> str:
    claimed = {".fit": "a FIT file", ".gpx": "a GPX file", ".tcx": "a TCX file"}.get(suffix)
    what = next((name for magic, name in _SIGNATURES if data.startswith(magic)), None)
    start = f"it is not {claimed}" if claimed else "it is not a FIT, GPX or TCX file"
    return f"{start}: it looks like {what}" if what else f"{start} (its contents are not one)"
