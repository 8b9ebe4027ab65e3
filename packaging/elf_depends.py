"""The Debian Depends of a bundle, worked out from its ELF files; and stripping those files.

How the Depends are found (readelf -d, like objdump -p, then dpkg -S and the shlibs files):
1. `readelf -d` lists the NEEDED sonames of every ELF file in the bundle. A soname the bundle
   carries itself (PyInstaller copies most libraries in under their soname) needs nothing
   from the system; what is left is libc, libGL/libEGL, libxcb and the Wayland client libraries
   that the Qt xcb and Wayland plugins link against.
2. `dpkg -S` names the package that ships each of those in this machine's multiarch folders.
3. That package's shlibs file (`dpkg-query --control-show PKG shlibs`) gives the dependency with
   its minimum version: the same entry dpkg-shlibdeps falls back to, a little stricter than the
   per-symbol minimum it reads from a symbols file.
dpkg-shlibdeps itself was tried first: it maps the sonames the bundle carries to the system's
copies (about 70 needless Depends, from libx11-6 to libkrb5-3) and took 45 s of CPU for
212 files.
"""

from __future__ import annotations

import os
import re
import subprocess
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

SKIPPED = ("PySide6/Qt/plugins/platformthemes/libqgtk3.so",)
"""Plugins whose libraries are not depended on, with the reason.

libqgtk3.so (the GTK 3 look) is loaded only on GTK desktops, which have GTK 3 installed;
where it cannot load, Qt falls back to its own style. Depending on GTK 3 for it would pull
GTK and its stack onto every other desktop.
"""

ELF_MAGIC = b"\x7fELF"
READELF_BATCH = 100  # files per readelf call: one process per file costs seconds
_FILE = re.compile(r"^File: (.+)$", re.MULTILINE)
_NEEDED = re.compile(r"\(NEEDED\)\s+Shared library: \[(.+)\]")
_SEARCH_PATH = re.compile(r"\((?:RUNPATH|RPATH)\)\s+Library r(?:un)?path: \[(.*)\]")
_SYMTAB = re.compile(r"\]\s+\.symtab\s+SYMTAB\s")
_LOAD = re.compile(
    r"^\s+LOAD\s+0x(?P<offset>[0-9a-f]+)\s+0x(?P<address>[0-9a-f]+)\s.*\s0x(?P<align>[0-9a-f]+)$",
    re.MULTILINE,
)
_SONAME = re.compile(r"^(?P<name>.+)\.so\.(?P<version>[0-9][0-9.]*)$")


@dataclass
class ElfFile:
    """What readelf says about one ELF file."""

    path: Path
    needed: list[str] = field(default_factory=list)
    search_path: list[str] = field(default_factory=list)  # its RUNPATH or RPATH entries
    has_symbols: bool = False


def elf_files(folder: Path) -> list[Path]:
    """Every regular (not symlinked) ELF file under folder."""
    found = []
    for path in sorted(folder.rglob("*")):
        if path.is_file() and not path.is_symlink():
            with path.open("rb") as file:
                if file.read(4) == ELF_MAGIC:
                    found.append(path)
    return found


def parse_readelf(output: str, paths: list[Path]) -> Iterator[ElfFile]:
    """The ElfFile records in the output of `readelf -d -S -W` run on paths, in order."""
    bodies = _FILE.split(output)[2::2] if len(paths) > 1 else [output]
    for path, body in zip(paths, bodies, strict=True):
        search = [entry for found in _SEARCH_PATH.findall(body) for entry in found.split(":")]
        yield ElfFile(path, _NEEDED.findall(body), search, _SYMTAB.search(body) is not None)


def inspect(paths: list[Path]) -> list[ElfFile]:
    """readelf's view of each file, in batches."""
    records: list[ElfFile] = []
    for start in range(0, len(paths), READELF_BATCH):
        batch = paths[start : start + READELF_BATCH]
        result = subprocess.run(
            ["readelf", "-d", "-S", "-W", *map(str, batch)],
            capture_output=True,
            text=True,
            check=True,
        )
        records += parse_readelf(result.stdout, batch)
    return records


def external_sonames(folder: Path, records: Iterable[ElfFile]) -> set[str]:
    """The sonames some bundled file needs that the bundle does not carry."""
    carried = {path.name for path in folder.rglob("*.so*")}
    skipped = {folder / "_internal" / name for name in SKIPPED}
    needed = {name for r in records if r.path not in skipped for name in r.needed}
    return needed - carried


def multiarch() -> str:
    """This machine's multiarch triplet, e.g. x86_64-linux-gnu."""
    result = subprocess.run(
        ["dpkg-architecture", "-qDEB_HOST_MULTIARCH"], capture_output=True, text=True, check=True
    )
    return result.stdout.strip()


def owning_packages(sonames: Iterable[str]) -> dict[str, str]:
    """soname -> the Debian package that ships it (dpkg -S in the multiarch library folders)."""
    patterns = [f"*/{multiarch()}/{soname}" for soname in sorted(sonames)]
    result = subprocess.run(["dpkg", "-S", *patterns], capture_output=True, text=True, check=False)
    owners = {}
    for line in result.stdout.splitlines():
        package, _, path = line.partition(": ")
        owners[Path(path).name] = package.split(":")[0]
    missing = sorted(set(sonames) - set(owners))
    if missing:
        raise SystemExit(f"No installed package ships {', '.join(missing)}: install it first.")
    return owners


def shlibs_dependency(soname: str, package: str) -> str:
    """The dependency package's shlibs file gives for soname, e.g. 'libxcb1 (>= 1.12)'."""
    match = _SONAME.match(soname)
    if match is None:
        raise SystemExit(f"Cannot read the library name and version of {soname}.")
    result = subprocess.run(
        ["dpkg-query", "--control-show", package, "shlibs"],
        capture_output=True,
        text=True,
        check=True,
    )
    for line in result.stdout.splitlines():
        parts = line.split(maxsplit=2)
        if parts[:2] == [match["name"], match["version"]] and len(parts) == 3:
            return parts[2]
    raise SystemExit(f"{package}'s shlibs file has no entry for {soname}.")


def depends(folder: Path, records: Iterable[ElfFile]) -> list[str]:
    """The Depends entries the bundle in folder needs from the system, sorted and unique."""
    owners = owning_packages(external_sonames(folder, records))
    return sorted({shlibs_dependency(soname, pkg) for soname, pkg in owners.items()})


def fix_search_paths(records: Iterable[ElfFile]) -> list[Path]:
    """Drop RUNPATH entries outside the bundle (the build machine's folders); return the files.

    A Python built with pyenv leaves its own lib folder in libpython's and every lib-dynload
    module's RUNPATH; on another machine that path means nothing, or something else. The
    $ORIGIN entries the Qt wheels use to find each other stay.
    """
    changed = []
    for record in records:
        kept = [entry for entry in record.search_path if entry.startswith("$ORIGIN")]
        if kept == record.search_path:
            continue
        action = ["-r", ":".join(kept)] if kept else ["-d"]
        subprocess.run(["chrpath", *action, str(record.path)], check=True, capture_output=True)
        changed.append(record.path)
    return changed


def strip_symbols(records: Iterable[ElfFile], keep: set[Path]) -> list[Path]:
    """Strip the symbol tables off the files that have them, except keep; return the stripped.

    --strip-unneeded keeps the dynamic symbols and every note: Qt finds its plugins' metadata
    in an ELF note, so the lintian-recommended --remove-section=.note would break them. On a
    library that auditwheel edited with patchelf (numpy's OpenBLAS), strip writes segments the
    loader refuses ("ELF load command address/offset not page-aligned"): such a file keeps
    its symbols, and lintian's override names it.
    """
    candidates = [r.path for r in records if r.has_symbols and r.path not in keep]
    for path in candidates:
        subprocess.run(
            ["strip", "--strip-unneeded", "-o", f"{path}.stripped", str(path)], check=True
        )
    stripped = [path for path in candidates if loadable(Path(f"{path}.stripped"))]
    for path in candidates:
        if path in stripped:
            os.replace(f"{path}.stripped", path)
        else:
            os.unlink(f"{path}.stripped")
    return stripped


def loadable(path: Path) -> bool:
    """Whether every LOAD segment passes the loader's check: offset and address agree mod align."""
    result = subprocess.run(
        ["readelf", "-l", "-W", str(path)], capture_output=True, text=True, check=True
    )
    for match in _LOAD.finditer(result.stdout):
        offset, address, align = (int(match[name], 16) for name in ("offset", "address", "align"))
        if align > 1 and (address - offset) % align:
            return False
    return True


def tidy(folder: Path, keep: set[Path]) -> list[ElfFile]:
    """Fit the bundle's ELF files for Debian (no foreign RUNPATH, no symbol tables).

    Returns readelf's records of the files, whose NEEDED lists tidying leaves as they were.
    """
    records = inspect(elf_files(folder))
    fix_search_paths(records)
    strip_symbols(records, keep)
    return records
