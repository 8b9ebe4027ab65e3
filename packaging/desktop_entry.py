"""Install or remove the desktop entry, AppStream metainfo and icons for the current user.

`make install-desktop` and `make uninstall-desktop` call this. Files go under
$XDG_DATA_HOME (default ~/.local/share): applications/, metainfo/ and icons/hicolor/.
Uninstall removes exactly the files install writes, and nothing else.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
from pathlib import Path

from coach import APP_ID

LINUX = Path(__file__).resolve().parent / "linux"
"""The committed desktop file, metainfo and hicolor icons."""

DESKTOP_FILE = f"{APP_ID}.desktop"
METAINFO_FILE = f"{APP_ID}.metainfo.xml"


def data_home() -> Path:
    """$XDG_DATA_HOME, or ~/.local/share when it is unset or not absolute (XDG spec)."""
    value = os.environ.get("XDG_DATA_HOME", "")
    return Path(value) if os.path.isabs(value) else Path.home() / ".local" / "share"


def planned_files(target: Path) -> dict[Path, Path]:
    """Each file install writes under target, mapped to the committed file it comes from."""
    plan = {
        target / "applications" / DESKTOP_FILE: LINUX / DESKTOP_FILE,
        target / "metainfo" / METAINFO_FILE: LINUX / METAINFO_FILE,
    }
    icons = LINUX / "icons"
    for icon in sorted(icons.rglob(f"{APP_ID}.*")):
        plan[target / "icons" / icon.relative_to(icons)] = icon
    return plan


def quote_exec(program: str) -> str:
    """A program path as the Exec key wants it: double-quoted when it holds spaces or quotes."""
    program = program.replace("%", "%%")  # a lone % would start a field code such as %f
    if not any(c in program for c in " \t\n\"'\\><~|&;$*?#()`"):
        return program
    escaped = program.replace("\\", "\\\\").replace('"', '\\"').replace("`", "\\`")
    escaped = escaped.replace("$", "\\$")
    return f'"{escaped}"'.replace("\\", "\\\\")  # the desktop file's own string escaping


def desktop_text(program: Path) -> str:
    """The committed desktop file with Exec and TryExec pointing at program."""
    lines = []
    for line in (LINUX / DESKTOP_FILE).read_text(encoding="utf-8").splitlines():
        if line.startswith("Exec="):
            line = f"Exec={quote_exec(str(program))}"
        elif line.startswith("TryExec="):
            line = "TryExec=" + str(program).replace("\\", "\\\\")
        lines.append(line)
    return "\n".join(lines) + "\n"


def install(target: Path, program: Path) -> list[Path]:
    """Write every planned file under target; return them."""
    if not os.access(program, os.X_OK):
        raise SystemExit(f"Cannot install the desktop entry: {program} is not an executable.")
    written = []
    for path, source in planned_files(target).items():
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.name == DESKTOP_FILE:
            path.write_text(desktop_text(program), encoding="utf-8")
        else:
            shutil.copyfile(source, path)
        written.append(path)
    # Desktops rescan the icon theme when its folder changes.
    (target / "icons" / "hicolor").touch()
    return written


def uninstall(target: Path) -> list[Path]:
    """Remove the planned files that exist under target; return the ones removed."""
    removed = []
    for path in planned_files(target):
        if path.is_file():
            path.unlink()
            removed.append(path)
    return removed


def main(argv: list[str] | None = None) -> int:
    """Install or uninstall, printing each file touched."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("action", choices=("install", "uninstall"))
    parser.add_argument("--exec", dest="program", type=Path, help="the program to start")
    args = parser.parse_args(argv)
    target = data_home()
    if args.action == "install":
        if args.program is None:
            parser.error("install needs --exec PROGRAM")
        files = install(target, args.program.resolve())
        print(f"Installed {len(files)} files under {target} (starts {args.program.resolve()}):")
    else:
        files = uninstall(target)
        print(f"Removed {len(files)} files from {target}:")
    for path in files:
        print(f"  {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
