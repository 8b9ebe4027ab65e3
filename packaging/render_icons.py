"""Render the app icon (assets/icons/walking-coach.svg) into the hicolor icon theme layout.

Run `python packaging/render_icons.py` after changing the SVG; the PNGs are committed under
packaging/linux/icons/hicolor/<size>x<size>/apps/<APP_ID>.png beside scalable/apps/<APP_ID>.svg,
and tests/packaging checks they still match the SVG.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt  # after the platform is chosen, before Qt loads
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

from coach import APP_ID

ROOT = Path(__file__).resolve().parents[1]
SOURCE_SVG = ROOT / "assets" / "icons" / "walking-coach.svg"
"""The one drawing every icon size comes from."""

ICON_THEME = ROOT / "packaging" / "linux" / "icons" / "hicolor"
"""The committed icons, laid out as ~/.local/share/icons/hicolor expects them."""

SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
"""The PNG sizes desktops ask for (hicolor's usual fixed sizes)."""


def render(svg: Path, size: int) -> QImage:
    """The SVG drawn on a transparent square of size by size pixels."""
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise ValueError(f"{svg} is not a valid SVG image")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    return image


TOLERANCE = 4
"""The largest per-channel difference (of 255) at which a committed PNG still matches the SVG.

Qt's rasteriser rounds the coverage of antialiased edge pixels a little differently from one
patch release to the next (6.11.3 moved 4 to 8 edge pixels of the 64-512 px icons by one
level), and the lock may move Qt on. Any real change to the drawing moves whole shapes by tens
of levels, so 4 keeps the check sharp while a new Qt patch release cannot break it."""


def largest_difference(first: QImage, second: QImage) -> int:
    """The largest difference of any channel of any pixel between two same-sized images."""
    if first.size() != second.size():
        raise ValueError(f"sizes differ: {first.size()} and {second.size()}")
    a, b = (_rgba_bytes(image) for image in (first, second))
    return max((abs(x - y) for x, y in zip(a, b, strict=True)), default=0)


def _rgba_bytes(image: QImage) -> bytes:
    """The pixels as tightly packed RGBA bytes, whatever the image's own format."""
    rgba = image.convertToFormat(QImage.Format.Format_RGBA8888)
    row = rgba.width() * 4
    data = bytes(rgba.constBits())
    return b"".join(
        data[y * rgba.bytesPerLine() : y * rgba.bytesPerLine() + row] for y in range(rgba.height())
    )


def png_path(theme: Path, size: int) -> Path:
    """Where the PNG of one size lives in an icon theme folder."""
    return theme / f"{size}x{size}" / "apps" / f"{APP_ID}.png"


def svg_path(theme: Path) -> Path:
    """Where the scalable icon lives in an icon theme folder."""
    return theme / "scalable" / "apps" / f"{APP_ID}.svg"


def render_all(svg: Path = SOURCE_SVG, theme: Path = ICON_THEME) -> list[Path]:
    """Write every PNG size and the scalable SVG into theme; return the files written."""
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841 - keeps Qt up
    written = []
    for size in SIZES:
        target = png_path(theme, size)
        target.parent.mkdir(parents=True, exist_ok=True)
        if not render(svg, size).save(str(target), "PNG"):
            raise OSError(f"could not write {target}")
        written.append(target)
    scalable = svg_path(theme)
    scalable.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(svg, scalable)
    written.append(scalable)
    return written


def main(argv: list[str] | None = None) -> int:
    """Render the icons into the committed folder (or --into another one)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--into", type=Path, default=ICON_THEME, help="hicolor folder to fill")
    args = parser.parse_args(argv)
    for path in render_all(theme=args.into):
        print(path.relative_to(args.into))
    return 0


if __name__ == "__main__":
    sys.exit(main())
