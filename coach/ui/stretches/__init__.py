"""The Stretches screen: the routine list, the editor and the player."""
