"""Every screen rendered to PNG from sample data in a throwaway store, for docs/screenshots."""
