"""Controllers: the only bridge between domain/storage callbacks and Qt signals."""
