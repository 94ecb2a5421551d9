"""A list of lines per key (cited texts per kind of document, plan targets, tasks…) with a button back to the
preset, on ``ui/lines_editor.ui``. Used by the first-run wizard and the Văn bản step."""
from __future__ import annotations

import copy

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QColor, QTextCursor, QTextFormat
from PySide6.QtWidgets import QTextEdit, QWidget

from .. import text
from . import uiload


def to_lines(value: str) -> list[str]:
    """One item a line; blank lines dropped, a closing ';' or '.' removed (the documents add their own)."""
    out = []
    for line in value.splitlines():
        line = text.clean(line)
        while line.endswith((";", ".")) and not line.endswith("./.") and not line.endswith("…"):
            line = line[:-1].rstrip()
        if line:
            out.append(line)
    return out


class LinesEditor(QObject):
    edited = Signal(str)   # the key whose lines the clerk changed

    def __init__(self, host: QWidget, entries: list[tuple[str, str]], presets: dict[str, list[str]], *,
                 chooser_label: str = "&Văn bản:", restore_label: str = "&Khôi phục theo văn bản của huyện",
                 hint: str | None = None, strip_end: bool = True):
        super().__init__(host)
        self.form = f = uiload.embed(host, "lines_editor.ui")
        self.presets = presets
        self.strip_end = strip_end
        self._values: dict[str, list[str]] = {k: list(presets.get(k, [])) for k, _ in entries}
        self._loading = False
        f.kindLabel.setText(chooser_label)
        f.restoreButton.setText(restore_label)
        if hint is not None:
            f.hintLabel.setText(hint)
        for key, label in entries:
            f.kindCombo.addItem(label, key)
        f.kindCombo.currentIndexChanged.connect(self._show)
        f.editor.textChanged.connect(self._typed)
        f.restoreButton.clicked.connect(self.restore)
        self._show()

    @property
    def key(self) -> str:
        return self.form.kindCombo.currentData()

    def _parse(self, value: str) -> list[str]:
        return to_lines(value) if self.strip_end else [text.clean(x) for x in value.splitlines() if text.clean(x)]

    def set_values(self, values: dict[str, list[str]]) -> None:
        for key in self._values:
            if key in values:
                self._values[key] = list(values[key])
        self._show()

    def values(self) -> dict[str, list[str]]:
        return copy.deepcopy(self._values)

    def lines(self, key: str | None = None) -> list[str]:
        return list(self._values[key or self.key])

    def select(self, key: str) -> None:
        self.form.kindCombo.setCurrentIndex(self.form.kindCombo.findData(key))

    def set_text(self, value: str) -> None:
        """Replace the shown lines as if typed (kept in the editor's own undo)."""
        cursor = self.form.editor.textCursor()
        cursor.select(QTextCursor.SelectionType.Document)
        cursor.insertText(value)

    def restore(self) -> None:
        self.set_text("\n".join(self.presets.get(self.key, [])))

    def _show(self, *args) -> None:
        self._loading = True
        try:
            self.form.editor.setPlainText("\n".join(self._values.get(self.key, [])))
        finally:
            self._loading = False
        self._update_count()

    def _typed(self) -> None:
        if self._loading:
            return
        self._values[self.key] = self._parse(self.form.editor.toPlainText())
        self._update_count()
        self.edited.emit(self.key)

    def _shade(self) -> None:
        """Every other item on a light tint, so that a long item wrapped over two lines reads as one."""
        editor = self.form.editor
        selections = []
        block = editor.document().firstBlock()
        n = 0
        while block.isValid():
            if block.text().strip():
                if n % 2:
                    sel = QTextEdit.ExtraSelection()
                    sel.format.setBackground(QColor("#e8eef6"))
                    sel.format.setProperty(QTextFormat.Property.FullWidthSelection, True)
                    cursor = QTextCursor(block)
                    cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
                    if block.next().isValid():  # take the line break too: the last line is tinted full width
                        cursor.movePosition(QTextCursor.MoveOperation.NextCharacter, QTextCursor.MoveMode.KeepAnchor)
                    sel.cursor = cursor
                    selections.append(sel)
                n += 1
            block = block.next()
        editor.setExtraSelections(selections)

    def _update_count(self) -> None:
        self._shade()
        lines = self._values.get(self.key, [])
        same = [text.clean(x) for x in lines] == [text.clean(x) for x in self.presets.get(self.key, [])]
        self.form.countLabel.setText(f"{len(lines)} mục" + (" — đúng như mặc định" if same else " — đã sửa"))
        self.form.restoreButton.setEnabled(not same)
