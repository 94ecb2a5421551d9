"""What every step page shares: it refreshes from the session when the data change (at once when visible,
otherwise when next shown), focuses its search box on Ctrl+F, and can jump to the subject of a finding."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QVBoxLayout, QWidget

from ...rules import Finding
from .. import dialogs


class Page(QWidget):
    key = ""

    def __init__(self, session, window):
        super().__init__()
        self.session = session
        self.window_ = window
        self._dirty = True
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        session.changed.connect(self._on_changed)

    # -- refreshing -----------------------------------------------------------------------------------------------
    def _on_changed(self, source) -> None:
        self._dirty = True
        if self.isVisible():
            self.refresh_if_dirty(source)

    def showEvent(self, event):  # noqa: N802 - Qt API
        super().showEvent(event)
        self.refresh_if_dirty()

    def refresh_if_dirty(self, source=None) -> None:
        if self._dirty:
            self._dirty = False
            self.refresh(source)

    def refresh(self, source=None) -> None:
        """Show the session's current data; ``source`` is who made the change (a page keeps what it is editing)."""

    def flush(self) -> None:
        """Write anything still waiting (a debounced edit) now."""

    # -- navigation -----------------------------------------------------------------------------------------------
    def focus_search(self) -> bool:
        edit = getattr(self, "search_edit", None)
        if edit is None:
            return False
        edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        edit.selectAll()
        return True

    def jump(self, finding: Finding) -> None:
        """Show the place to fix ``finding``."""

    # -- helpers --------------------------------------------------------------------------------------------------
    def guarded(self, title: str, fn, *args, **kwargs):
        """Run a change; a refusal from the store (a duplicate name, a person gone) becomes a message."""
        from ...store import StoreError
        try:
            return fn(*args, **kwargs)
        except StoreError as exc:
            dialogs.warning(self, title, str(exc))
            return None


def setup_table(view: QTableView) -> None:
    """Common table behaviour: rows and columns sized to their text (a horizontal scroll bar rather than clipped
    text when the window is narrow), the last column takes the room left."""
    view.verticalHeader().hide()
    view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)
    header.setHighlightSections(False)
    view.setTabKeyNavigation(False)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)


def add_shortcut(widget: QWidget, keys, slot, text: str = "") -> QAction:
    """A shortcut that works while ``widget`` (or a child) has the focus."""
    action = QAction(text or str(keys), widget)
    action.setShortcut(QKeySequence(keys))
    action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    action.triggered.connect(slot)
    widget.addAction(action)
    return action
