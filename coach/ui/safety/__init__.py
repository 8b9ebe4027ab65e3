"""Safety in the UI: the one safety state, asking before a walk while it is paused, the notice."""
