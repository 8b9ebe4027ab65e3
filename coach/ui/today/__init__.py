"""The Today screen: this week's minutes and goal, the cadence target, the latest ratings."""
