"""The Qt program (PySide6): the only part of ``desktop`` that imports Qt. Start it with ``desktop.qt.app.run``."""
from .pyside_fix import keep_none_alive

keep_none_alive()  # before any Qt call: see pyside_fix
