"""Every click program the app plays is built here: metronome, plan, routine and timed walks."""
