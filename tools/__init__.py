"""Developer tools that are not part of the app: screenshot rendering and the store crash test."""
