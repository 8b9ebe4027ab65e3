"""Build dist/walking-coach_<version>_<arch>.deb from the PyInstaller one-folder bundle.

`make deb` calls this after `make bundle`; tests/packaging/conftest.py calls it on the bundle
the tests build. The bundle goes to /usr/lib/walking-coach with /usr/bin/walking-coach linked
to it; the desktop file, AppStream metainfo and icons go to their places under /usr/share.
`dpkg-deb --root-owner-group` packs the tree, so no fakeroot is needed.
"""

from __future__ import annotations

import argparse
import gzip
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import deb_metadata
import desktop_entry
import elf_depends

ROOT = Path(__file__).resolve().parents[1]
DEBIAN = Path(__file__).resolve().parent / "debian"
"""The committed copyright file, man page and lintian overrides."""

PACKAGE = "walking-coach"
COMMAND = "walking-coach"
LIB_DIR = Path("usr/lib") / PACKAGE
DOC_DIR = Path("usr/share/doc") / PACKAGE


def project_version() -> str:
    """The version pyproject.toml gives."""
    with (ROOT / "pyproject.toml").open("rb") as file:
        return str(tomllib.load(file)["project"]["version"])


def architecture() -> str:
    """The Debian architecture of this machine (the bundle holds its native binaries)."""
    result = subprocess.run(
        ["dpkg", "--print-architecture"], capture_output=True, text=True, check=True
    )
    return result.stdout.strip()


def copy_bundle(bundle: Path, tree: Path) -> Path:
    """Copy the bundle to usr/lib/walking-coach and link usr/bin to it; return its folder."""
    target = tree / LIB_DIR
    shutil.copytree(bundle, target, symlinks=True)
    # The spec drops libQt6EglFsKmsSupport but PyInstaller keeps its link in _internal/:
    # a package must not ship a link to nothing.
    for link in [path for path in target.rglob("*") if path.is_symlink() and not path.exists()]:
        link.unlink()
    command = tree / "usr/bin" / COMMAND
    command.parent.mkdir(parents=True)
    command.symlink_to(Path("../lib") / PACKAGE / COMMAND)  # the bootloader follows the link
    return target


def write_desktop_files(tree: Path) -> None:
    """The desktop entry (Exec=walking-coach), metainfo and hicolor icons under usr/share."""
    share = tree / "usr/share"
    for path, source in desktop_entry.planned_files(share).items():
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.name == desktop_entry.DESKTOP_FILE:
            path.write_text(desktop_entry.desktop_text(Path(COMMAND)), encoding="utf-8")
        elif path.name == desktop_entry.METAINFO_FILE:
            path.write_text(deb_metadata.metainfo_text(source, COMMAND), encoding="utf-8")
        else:
            shutil.copyfile(source, path)


def write_gzipped(path: Path, text: str) -> None:
    """text gzipped at -9 with no timestamp (lintian asks for both)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0))


def write_docs(tree: Path, version: str) -> None:
    """copyright, changelog.gz, the man page and the lintian overrides."""
    copyright_file = tree / DOC_DIR / "copyright"
    copyright_file.parent.mkdir(parents=True)
    shutil.copyfile(DEBIAN / "copyright", copyright_file)
    metainfo = desktop_entry.LINUX / desktop_entry.METAINFO_FILE
    write_gzipped(tree / DOC_DIR / "changelog.gz", deb_metadata.changelog_text(metainfo, version))
    man_page = (DEBIAN / f"{COMMAND}.1").read_text(encoding="utf-8").replace("@VERSION@", version)
    write_gzipped(tree / "usr/share/man/man1" / f"{COMMAND}.1.gz", man_page)
    overrides = tree / "usr/share/lintian/overrides" / PACKAGE
    overrides.parent.mkdir(parents=True)
    shutil.copyfile(DEBIAN / "lintian-overrides", overrides)


def write_control(tree: Path, version: str, arch: str, depends: list[str]) -> None:
    """DEBIAN/control with the Depends worked out from the bundle's ELF files."""
    control = tree / "DEBIAN" / "control"
    control.parent.mkdir()
    metainfo = desktop_entry.LINUX / desktop_entry.METAINFO_FILE
    fields = deb_metadata.control_fields(metainfo, version, arch, depends, installed_kib(tree))
    control.write_text(deb_metadata.control_text(fields), encoding="utf-8")


def installed_kib(tree: Path) -> int:
    """Installed-Size as dpkg-gencontrol counts it: KiB per file, rounded up, 1 per link."""
    total = 0
    for path in tree.rglob("*"):
        if path.is_symlink() or path.is_dir():
            total += 1
        else:
            total += -(-path.stat().st_size // 1024)
    return total


def set_modes(tree: Path, executables: set[Path]) -> None:
    """Folders and executables 0755, every other file 0644, as Debian ships them.

    Only the bootloader is run: shared objects go without the execute bit (lintian).
    """
    for path in [tree, *tree.rglob("*")]:
        if not path.is_symlink():
            path.chmod(0o755 if path.is_dir() or path in executables else 0o644)


def build(bundle: Path, out_dir: Path, work: Path) -> Path:
    """Stage the package tree under work, pack it into out_dir and return the .deb."""
    if not (bundle / COMMAND).is_file():
        raise SystemExit(f"No bundle at {bundle}: run `make bundle` first.")
    version, arch = project_version(), architecture()
    tree = work / f"{PACKAGE}_{version}_{arch}"
    if tree.exists():
        shutil.rmtree(tree)
    tree.mkdir(parents=True)
    lib_dir = copy_bundle(bundle, tree)
    # The bootloader is stripped already, and the app's archive is appended to it.
    elf_files = elf_depends.tidy(lib_dir, keep={lib_dir / COMMAND})
    write_desktop_files(tree)
    write_docs(tree, version)
    depends = elf_depends.depends(lib_dir, elf_files) + list(deb_metadata.DATA_DEPENDS)
    write_control(tree, version, arch, depends)
    set_modes(tree, executables={lib_dir / COMMAND})
    out_dir.mkdir(parents=True, exist_ok=True)
    deb = out_dir / f"{PACKAGE}_{version}_{arch}.deb"
    # gzip rather than dpkg's default xz: on 193 MB xz takes minutes of CPU, the whole gzip build
    # about 23 s (docs/performance.md).
    command = ["dpkg-deb", "--root-owner-group", "-Zgzip", "-z6", "--build", str(tree), str(deb)]
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    return deb


def main(argv: list[str] | None = None) -> int:
    """Build the package and print its path and size."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bundle", type=Path, default=ROOT / "dist" / PACKAGE)
    parser.add_argument("--out", type=Path, default=ROOT / "dist")
    parser.add_argument("--work", type=Path, default=ROOT / "build" / "deb")
    args = parser.parse_args(argv)
    deb = build(args.bundle.resolve(), args.out.resolve(), args.work.resolve())
    print(f"Built {deb} ({deb.stat().st_size / 1e6:.1f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
