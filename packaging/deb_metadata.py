"""The text files of the Debian package: control, changelog and the package's metainfo.

The description and the changelog come from the AppStream metainfo, so the software centre,
`apt show` and /usr/share/doc/walking-coach/changelog.gz all say the same.
"""

from __future__ import annotations

import re
import textwrap
import xml.etree.ElementTree as ET
from datetime import UTC, datetime
from email.utils import format_datetime
from pathlib import Path

PACKAGE = "walking-coach"
MAINTAINER = "Walking Coach developers <walkingcoach@users.noreply.github.com>"
HOMEPAGE = "https://github.com/walkingcoach/walking-coach"
SYNOPSIS = "metronome, guided walks and pain diary for lower back pain"
WIDTH = 79  # lintian flags description and changelog lines over 80 columns

DATA_DEPENDS = (
    # The bundle's runtime hook prefers the system's PortAudio, which plays through this
    # machine's ALSA, PulseAudio or PipeWire set-up; the bundled copy is only a fallback.
    "libportaudio2",
    # The bundled fontconfig reads /etc/fonts/fonts.conf; this package ships it and pulls a font.
    "fontconfig-config",
)
"""Depends that no ELF file names: files and libraries the bundle opens at run time."""


def paragraphs(description: ET.Element) -> list[tuple[str, str]]:
    """(kind, text) for each <p> and <li> of a metainfo description, whitespace folded."""
    found = []
    for element in description.iter():
        if element.tag in {"p", "li"} and element.text:
            found.append((element.tag, " ".join(element.text.split())))
    return found


def component(metainfo: Path) -> ET.Element:
    """The metainfo's root <component> element."""
    return ET.parse(metainfo).getroot()


def long_description(metainfo: Path) -> str:
    """The control file's extended description: metainfo paragraphs, list items as bullets."""
    description = component(metainfo).find("description")
    assert description is not None, f"{metainfo} has no <description>"
    lines: list[str] = []
    for kind, text in paragraphs(description):
        if kind == "p":
            lines += [
                *([" ."] if lines else []),
                *textwrap.wrap(text, WIDTH, initial_indent=" ", subsequent_indent=" "),
            ]
        else:
            lines += textwrap.wrap(text, WIDTH, initial_indent="  * ", subsequent_indent="    ")
    return "\n".join(lines)


def control_fields(
    metainfo: Path, version: str, arch: str, depends: list[str], size_kib: int
) -> dict[str, str]:
    """The fields of DEBIAN/control, in the order dpkg writes them."""
    return {
        "Package": PACKAGE,
        "Version": version,
        "Architecture": arch,
        "Maintainer": MAINTAINER,
        "Installed-Size": str(size_kib),
        "Depends": ", ".join(depends),
        # The coaching voice runs espeak-ng; without it the app keeps its chimes.
        "Recommends": "espeak-ng",
        "Section": "utils",
        "Priority": "optional",
        "Homepage": HOMEPAGE,
        "Description": f"{SYNOPSIS}\n{long_description(metainfo)}",
    }


def control_text(fields: dict[str, str]) -> str:
    """Fields as a deb822 paragraph."""
    return "".join(f"{name}: {value}\n" for name, value in fields.items())


def changelog_text(metainfo: Path, version: str) -> str:
    """A Debian changelog with one entry per metainfo <release>, newest first."""
    releases = component(metainfo).findall("releases/release")
    if not releases or releases[0].get("version") != version:
        raise SystemExit(f"The newest <release> in {metainfo} must be {version} (pyproject).")
    return "\n".join(changelog_entry(release) for release in releases)


def changelog_entry(release: ET.Element) -> str:
    """One changelog entry: version, the release notes as bullets, the dated trailer."""
    day = datetime.strptime(release.get("date", ""), "%Y-%m-%d").replace(tzinfo=UTC)
    description = release.find("description")
    notes = paragraphs(description) if description is not None else []
    bullets = [
        "\n".join(textwrap.wrap(text, WIDTH, initial_indent="  * ", subsequent_indent="    "))
        for _, text in notes or [("p", "New release.")]
    ]
    return (
        f"{PACKAGE} ({release.get('version')}) unstable; urgency=medium\n\n"
        + "\n".join(bullets)
        + f"\n\n -- {MAINTAINER}  {format_datetime(day)}\n"
    )


def metainfo_text(source: Path, command: str) -> str:
    """The metainfo with <provides><binary> naming the package's command."""
    text, count = re.subn(
        r"<binary>[^<]*</binary>", f"<binary>{command}</binary>", source.read_text(encoding="utf-8")
    )
    if count != 1:
        raise SystemExit(f"{source} must name exactly one <binary>, found {count}.")
    return text
