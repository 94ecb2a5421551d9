"""CĐS Xã: set up a commune's digital-transformation committee and village teams, check them, write the documents.

The package is split in two: a Qt-free core (this package's top-level modules and ``documents``) and the Qt layer
(``desktop.qt``). Nothing outside ``desktop.qt`` imports PySide6.
"""

__version__ = "0.1.0"
APP_NAME = "CĐS Xã"
