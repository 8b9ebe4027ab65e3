"""Close an X11 window the way a window manager's close button or Alt+F4 does.

Xvfb runs no window manager, and AT-SPI has no "close window" action, so the driver sends
the window the standard WM_DELETE_WINDOW message itself (ICCCM 4.2.8.1): the app gets an
ordinary close event and quits as it would for a person (python3-xlib, Debian's package).
"""

from __future__ import annotations

from Xlib import X, display
from Xlib.protocol import event


def close_window(pid: int, title_part: str) -> str:
    """Ask the mapped top-level window of process `pid` whose title has `title_part` to close.

    Returns the title of the window asked; raises LookupError when there is none.
    """
    screen = display.Display()
    try:
        window, title = _find(screen, pid, title_part)
        protocols = screen.intern_atom("WM_PROTOCOLS")
        delete = screen.intern_atom("WM_DELETE_WINDOW")
        message = event.ClientMessage(
            window=window, client_type=protocols, data=(32, [delete, X.CurrentTime, 0, 0, 0])
        )
        window.send_event(message, event_mask=X.NoEventMask)
        screen.flush()
        return title
    finally:
        screen.close()


def _find(screen: display.Display, pid: int, title_part: str) -> tuple[object, str]:
    pid_atom = screen.intern_atom("_NET_WM_PID")
    name_atom = screen.intern_atom("_NET_WM_NAME")
    utf8 = screen.intern_atom("UTF8_STRING")
    seen = []
    for window in screen.screen().root.query_tree().children:
        if window.get_attributes().map_state != X.IsViewable:
            continue
        owner = window.get_full_property(pid_atom, X.AnyPropertyType)
        name = window.get_full_property(name_atom, utf8)
        title = name.value.decode("utf-8", "replace") if name else ""
        seen.append(title)
        if owner and owner.value[0] == pid and title_part in title:
            return window, title
    raise LookupError(f"No window of process {pid} with {title_part!r} in its title: {seen}")
