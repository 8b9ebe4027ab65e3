"""Small dialogs opened from several places (the quick pain log)."""
