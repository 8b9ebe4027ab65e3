"""The pain diary's files: export to CSV and JSON, and the pure preview of an import."""
