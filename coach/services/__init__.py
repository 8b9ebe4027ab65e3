"""Application services: what screens and the command line do with the diary, without Qt.

Each service saves in one transaction and reports what changed (coach.services.changes), so
the UI can refresh what it shows; none imports Qt. Screens use these, never coach.storage.
"""
