"""Finding and using controls through the AT-SPI accessibility tree, as a screen reader does.

Runs under Debian's /usr/bin/python3 (python3-pyatspi), never the project's .venv: the
project's Python cannot import gi. Everything here sees only what the app exposes over
AT-SPI: roles, names, states and actions; nothing reaches into Qt.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from typing import Any, TypeVar

import pyatspi
from gi.repository import Atspi

POLL_S = 0.05
"""How often a wait looks at the tree again (every wait has its own deadline)."""

T = TypeVar("T")

# Roles a person operates (a screen reader must be able to say what each one is for).
CONTROL_ROLES = {
    pyatspi.ROLE_PUSH_BUTTON,
    pyatspi.ROLE_TOGGLE_BUTTON,
    pyatspi.ROLE_CHECK_BOX,
    pyatspi.ROLE_RADIO_BUTTON,
    pyatspi.ROLE_SPIN_BUTTON,
    pyatspi.ROLE_COMBO_BOX,
    pyatspi.ROLE_ENTRY,
    pyatspi.ROLE_PASSWORD_TEXT,
    pyatspi.ROLE_SLIDER,
    pyatspi.ROLE_LIST,
    pyatspi.ROLE_LIST_BOX,
    pyatspi.ROLE_TABLE,
    pyatspi.ROLE_TREE,
    pyatspi.ROLE_PAGE_TAB,
    pyatspi.ROLE_PAGE_TAB_LIST,
}


class DriverError(AssertionError):
    """A step could not be done through the accessibility tree; the message says which."""


def wait_for(probe: Callable[[], T | None], what: str, timeout_s: float = 10.0) -> T:
    """Poll `probe` until it returns something other than None, or fail naming `what`."""
    deadline = time.monotonic() + timeout_s
    while True:
        try:
            found = probe()
        except Exception:  # the tree changes under us (a page closes): look again
            found = None
        if found is not None:
            return found
        if time.monotonic() > deadline:
            raise DriverError(f"Not found within {timeout_s:.0f} s: {what}")
        time.sleep(POLL_S)


def is_showing(node: Any) -> bool:
    """True when the node is on screen (hidden stack pages and closed dialogs are not)."""
    return node.getState().contains(pyatspi.STATE_SHOWING)


def showing_nodes(root: Any) -> Iterator[Any]:
    """Every showing node under `root` (root included), depth first; hidden subtrees skipped."""
    if root is None or not is_showing(root):
        return
    yield root
    for index in range(root.childCount):
        yield from showing_nodes(root.getChildAtIndex(index))


def find(root: Any, role: int, name: str | None = None, contains: str = "") -> Any | None:
    """The first showing node with this role and exact name (or a name containing a text)."""
    for node in showing_nodes(root):
        if node.getRole() != role:
            continue
        if (name is None or node.name == name) and contains in (node.name or ""):
            return node
    return None


def need(root: Any, role: int, name: str, timeout_s: float = 10.0) -> Any:
    """Wait for a showing node with this role and name; fail with a clear message if none."""
    what = f'{Atspi.role_get_name(role)} "{name}"'
    return wait_for(lambda: find(root, role, name), what, timeout_s)


def action_names(node: Any) -> list[str]:
    """The names of the AT-SPI actions a node offers."""
    actions = node.queryAction()
    return [actions.getName(index) for index in range(actions.nActions)]


def do_action(node: Any, action: str) -> None:
    """Run one of the node's named AT-SPI actions ("Press", "Toggle", "SetFocus" ...)."""
    names = action_names(node)
    if action not in names:
        raise DriverError(f'"{node.name}" ({node.getRoleName()}) offers {names}, not {action}')
    node.queryAction().doAction(names.index(action))


def press(root: Any, name: str, timeout_s: float = 10.0) -> Any:
    """Press the push button called `name` once it is showing and enabled."""
    button = wait_for(
        lambda: _enabled(find(root, pyatspi.ROLE_PUSH_BUTTON, name)),
        f'an enabled button "{name}"',
        timeout_s,
    )
    do_action(button, "Press")
    return button


def _enabled(node: Any | None) -> Any | None:
    if node is None or not node.getState().contains(pyatspi.STATE_ENABLED):
        return None
    return node


def is_checked(node: Any) -> bool:
    """True when a check box, radio button or toggle button is on."""
    return node.getState().contains(pyatspi.STATE_CHECKED)


def set_number(node: Any, value: float) -> None:
    """Set a spin button's value through the AT-SPI Value interface."""
    node.queryValue().currentValue = value


def unnamed_controls(root: Any) -> list[str]:
    """Where a showing control has no label to announce: 'role "name" in "named ancestor"'."""
    problems = []
    for node in showing_nodes(root):
        if node.getRole() in CONTROL_ROLES and not spoken_label(node):
            where = _named_ancestor(node)
            problems.append(f'{node.getRoleName()} "{node.name or ""}" in "{where}"')
    return problems


def count_controls(root: Any) -> int:
    """How many showing controls are under `root`."""
    return sum(1 for node in showing_nodes(root) if node.getRole() in CONTROL_ROLES)


def spoken_label(node: Any) -> str:
    """What a screen reader announces as a control's label ("" when it has none).

    Its name, else the labels pointing at it (a Qt buddy label gives LABELLED_BY). Qt on
    Linux names a combo box by its current value, so a combo box needs a label relation.
    """
    labels = [
        relation.getTarget(index).name or ""
        for relation in node.getRelationSet()
        if relation.getRelationType() == pyatspi.RELATION_LABELLED_BY
        for index in range(relation.getNTargets())
    ]
    label = " ".join(text for text in labels if text.strip())
    if node.getRole() == pyatspi.ROLE_COMBO_BOX:
        return label
    return (node.name or "").strip() or label


def _named_ancestor(node: Any) -> str:
    parent = node.parent
    while parent is not None and not (parent.name or "").strip():
        parent = parent.parent
    return "?" if parent is None else f"{parent.getRoleName()} {parent.name}"


def describe(root: Any, depth: int = 0, limit: int = 400) -> list[str]:
    """The showing tree as indented 'role "name"' lines, for a failure message."""
    lines: list[str] = []
    _describe(root, depth, lines, limit)
    return lines


def _describe(node: Any, depth: int, lines: list[str], limit: int) -> None:
    if node is None or len(lines) >= limit or not is_showing(node):
        return
    lines.append(f'{"  " * depth}{node.getRoleName()} "{node.name}"')
    for index in range(node.childCount):
        _describe(node.getChildAtIndex(index), depth + 1, lines, limit)
