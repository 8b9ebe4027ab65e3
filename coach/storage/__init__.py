"""The local SQLite store: paths, connection, migrations, backups and repositories."""
