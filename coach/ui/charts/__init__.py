"""pyqtgraph charts of the pain diary: the trends chart, its data, palette and export."""
