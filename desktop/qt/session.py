"""The open commune: the store, the data as last loaded, the findings, the step states, and undo.

Every change goes through ``change()``: it runs one store method (one transaction, written at once), reloads, checks
again and emits ``changed`` so the sidebar and the pages update. Changes given an ``undo`` label take a snapshot
first; ``undo()`` puts it back.
"""
from __future__ import annotations

from typing import Any, Callable

from PySide6.QtCore import QObject, Signal

from .. import rules
from ..model import DocumentSettings, Setup
from ..store import Store
from . import steps

UNDO_DEPTH = 30


class Session(QObject):
    changed = Signal(object)        # the object that made the change (a page skips its own), or None
    undo_available = Signal(str)    # label of the change that undo would revert ("" when none)
    announced = Signal(str)         # a change worth a visible "Hoàn tác" offer (removals, imports)

    def __init__(self, store: Store, parent: QObject | None = None):
        super().__init__(parent)
        self.store = store
        self._undo: list[tuple[str, Any]] = []
        self.written: int = 0       # files written in this session (the Văn bản step's state)
        self.last_export = None
        self.reload()

    # -- reading ------------------------------------------------------------------------------------------------
    def reload(self) -> None:
        self.setup: Setup = self.store.load()
        self.settings: DocumentSettings = self.store.load_settings()
        self.findings = rules.check(self.setup)
        self.states = steps.compute(self.setup, self.findings, written=self.written)

    # -- changing -----------------------------------------------------------------------------------------------
    def change(self, fn: Callable[[Store], Any], *, undo: str | None = None, source: object = None,
               announce: bool = False) -> Any:
        """Run ``fn(store)``; a StoreError propagates (nothing changed). Emits ``changed`` after success.

        ``undo`` is a sentence saying what was done ("Đã xóa … khỏi Ban Chỉ đạo."); with ``announce`` the window
        shows it with a "Hoàn tác" button."""
        snap = self.store.snapshot() if undo else None
        result = fn(self.store)
        if snap is not None:
            self._undo.append((undo, snap))
            del self._undo[:-UNDO_DEPTH]
            self.undo_available.emit(undo)
        self.refresh(source)
        if snap is not None and announce:
            self.announced.emit(undo)
        return result

    def refresh(self, source: object = None) -> None:
        self.reload()
        self.changed.emit(source)

    def save_settings(self, settings: DocumentSettings, *, source: object = None) -> None:
        self.change(lambda s: s.save_settings(settings), source=source)

    def replace_store(self, store: Store) -> None:
        """Work on another database file from now on (the old one is closed)."""
        old, self.store = self.store, store
        old.close()
        self._undo.clear()
        self.written = 0
        self.last_export = None
        self.undo_available.emit("")
        self.refresh()

    # -- undo ---------------------------------------------------------------------------------------------------
    @property
    def undo_label(self) -> str:
        return self._undo[-1][0] if self._undo else ""

    def undo(self) -> str:
        """Revert the last undoable change; returns its label ('' when there was nothing to undo)."""
        if not self._undo:
            return ""
        label, snap = self._undo.pop()
        self.store.restore(snap)
        self.undo_available.emit(self.undo_label)
        self.refresh()
        return label
