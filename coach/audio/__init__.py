"""Sound: click synthesis, the pure block renderer and the one sounddevice engine module."""
