"""Routine, plan and cue files: their one schema, loading, plain-words errors, conversion."""
