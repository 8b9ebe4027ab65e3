"""Everything Qt: the main window, screens, widgets, controllers and charts."""
