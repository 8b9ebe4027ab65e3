"""The store crash test: a diary-writing child and the parent that kills it with SIGKILL."""
