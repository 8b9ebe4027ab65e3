"""The Walk screen: a guided walk from plan choice to the summary, its player and history."""
