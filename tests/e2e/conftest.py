"""The newcomer test's fixtures: the command that starts the app, and a private X server."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from e2e_session import require_tools, xvfb


@pytest.fixture(scope="session")
def newcomer_app(request: pytest.FixtureRequest) -> list[str]:
    """The command that starts Walking Coach: the installed package's when the packaging
    tests provide `installed_walking_coach`, else the `walkcoach` of this virtual env."""
    try:
        installed = request.getfixturevalue("installed_walking_coach")
    except pytest.FixtureLookupError:
        return [str(Path(sys.executable).with_name("walkcoach"))]
    return [str(installed)]


@pytest.fixture
def x_display() -> Iterator[str]:
    """A private Xvfb display for one test (fails, never skips, when a tool is missing)."""
    require_tools()
    with xvfb() as display:
        yield display
