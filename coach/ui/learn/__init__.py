"""The Learn screen: a few minutes of calm reading about back pain and walking."""
