"""Step 1, Thông tin xã: the commune's name and units, the plan's year, the report's recipient and deadline.

Edits are written a moment after the clerk stops typing (and at once when leaving the page or closing)."""
from __future__ import annotations

from PySide6.QtCore import QTimer

from ..commune_form import CommuneEditor
from .base import Page

SAVE_DELAY_MS = 400


class CommunePage(Page):
    key = "commune"

    def __init__(self, session, window):
        super().__init__(session, window)
        self.editor = CommuneEditor(self)
        self.form = self.editor.form
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SAVE_DELAY_MS)
        self._timer.timeout.connect(self.flush)
        self.editor.edited.connect(self._timer.start)

    def refresh(self, source=None) -> None:
        if source is self:
            return
        self._timer.stop()
        self.editor.set_commune(self.session.setup.commune)

    def flush(self) -> None:
        self._timer.stop()
        commune = self.editor.commune()
        if commune == self.session.setup.commune:
            return
        self.session.change(lambda s: s.save_commune(commune), source=self)

    def hideEvent(self, event):  # noqa: N802
        self.flush()
        super().hideEvent(event)

    def jump(self, finding) -> None:
        self.form.communeName.setFocus()
