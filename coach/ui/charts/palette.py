"""Chart colours: the Okabe-Ito palette (safe for the common colour-vision deficiencies),
picked per theme so every series stays visible on both the light and the dark background.

Series also differ by line style and marker, so they stay apart in grayscale print.
"""

from __future__ import annotations

from dataclasses import dataclass

from coach.ui.theme import Scheme, colors_for

# Okabe & Ito, "Color Universal Design" (2008).
OKABE_ITO = {
    "orange": "#E69F00",
    "sky_blue": "#56B4E9",
    "bluish_green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish_purple": "#CC79A7",
    "black": "#000000",
}


@dataclass(frozen=True)
class ChartPalette:
    """Every colour a chart draws with; backgrounds and text come from the app theme."""

    background: str
    text: str
    muted_text: str
    grid: str
    daily: str
    rolling: str
    weekly: str
    trend: str
    band: str
    session: str
    minutes: str
    goal: str
    cadence_target: str
    cadence_walked: str
    crosshair: str


def palette_for(scheme: Scheme) -> ChartPalette:
    """The chart palette for a theme scheme."""
    colors = colors_for(scheme)
    dark = scheme == "dark"
    return ChartPalette(
        background=colors.surface,
        text=colors.text,
        muted_text=colors.muted_text,
        grid=colors.border,
        # Blue is too dark on the dark surface; sky blue takes its place there.
        daily=colors.muted_text,  # raw ratings in grey; the averages carry the colour
        rolling=OKABE_ITO["sky_blue"] if dark else OKABE_ITO["blue"],
        weekly=OKABE_ITO["orange"],
        trend=OKABE_ITO["vermillion"] if not dark else OKABE_ITO["reddish_purple"],
        band=OKABE_ITO["bluish_green"],
        session=OKABE_ITO["reddish_purple"] if not dark else OKABE_ITO["yellow"],
        minutes=OKABE_ITO["sky_blue"] if not dark else OKABE_ITO["blue"],
        goal=OKABE_ITO["bluish_green"],
        cadence_target=colors.text,
        cadence_walked=OKABE_ITO["vermillion"],
        crosshair=colors.muted_text,
    )


PRINT_PALETTE = ChartPalette(
    background="#ffffff",
    text="#000000",
    muted_text="#404040",
    grid="#b0b0b0",
    daily="#606060",
    rolling="#000000",
    weekly="#7a7a7a",
    trend="#000000",
    band="#909090",
    session="#000000",
    minutes="#c8c8c8",
    goal="#404040",
    cadence_target="#000000",
    cadence_walked="#000000",
    crosshair="#404040",
)
"""Black and greys for the clinician's PDF: readable when printed in grayscale."""
