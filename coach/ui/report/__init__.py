"""The clinician's report: one A4 PDF page for 12 weeks, written with Qt's own QPdfWriter."""
