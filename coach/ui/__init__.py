"""Everything Qt: the main window, screens, widgets, controllers and charts."""

import os

# Any chart module imported under coach.ui must bind pyqtgraph to PySide6, not another binding.
os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")
