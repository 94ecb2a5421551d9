"""Load the Qt Designer forms in ``ui/`` at run time (from source or from a PyInstaller bundle).

Each form's root is a plain QWidget that the Python class embeds; ``Form`` gives its named children as attributes.
"""
from __future__ import annotations

from PySide6.QtCore import QFile, QIODevice, QObject
from PySide6.QtWidgets import QDialog, QVBoxLayout, QWidget

from .. import paths

_loader = None


def _ui_loader():
    global _loader
    if _loader is None:
        from PySide6.QtCore import QCoreApplication
        from PySide6.QtUiTools import QUiLoader
        # The forms use Qt's own widgets only: keep the loader from scanning (and loading) Designer plugins.
        saved = QCoreApplication.libraryPaths()
        QCoreApplication.setLibraryPaths([])
        try:
            _loader = QUiLoader()
        finally:
            QCoreApplication.setLibraryPaths(saved)
    return _loader


class Form:
    """The loaded form's root widget plus attribute access to its named children (``form.saveButton``)."""

    def __init__(self, root: QWidget):
        self.root = root

    def __getattr__(self, name: str):
        child = self.root.findChild(QObject, name)
        if child is None:
            raise AttributeError(f"form has no child named {name!r}")
        setattr(self, name, child)
        return child


def load(name: str, parent: QWidget | None = None) -> Form:
    """Load ``ui/<name>`` and return it as a Form; raises RuntimeError if the file is missing or broken."""
    path = paths.resource("ui", name)
    f = QFile(str(path))
    if not f.open(QIODevice.OpenModeFlag.ReadOnly):
        raise RuntimeError(f"Không mở được tệp giao diện {path}: {f.errorString()}")
    try:
        root = _ui_loader().load(f, parent)
    finally:
        f.close()
    if root is None:
        raise RuntimeError(f"Tệp giao diện {path} bị lỗi: {_ui_loader().errorString()}")
    return Form(root)


def embed(host: QWidget, name: str) -> Form:
    """Load a form and lay it out to fill ``host`` (a QDialog, QWizardPage or page widget)."""
    form = load(name, host)
    layout = host.layout()
    if layout is None:
        layout = QVBoxLayout(host)
        if not isinstance(host, QDialog):  # a dialog keeps the style's margins; a page fills its place
            layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(form.root)
    return form
