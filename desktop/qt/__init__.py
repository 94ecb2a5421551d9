"""The Qt program (PySide6): the only part of ``desktop`` that imports Qt. Start it with ``desktop.qt.app.run``."""
