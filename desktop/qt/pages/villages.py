"""Step 3, Thôn / tiểu khu: the villages in their order; add many at once by pasting, edit in place, reorder."""
from __future__ import annotations

import re

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QKeySequence
from PySide6.QtWidgets import QComboBox, QDialog, QStyledItemDelegate

from ... import text
from ...model import VILLAGE_KINDS, Village
from .. import dialogs, i18n, models, uiload
from .base import Page, add_shortcut, setup_table

_BULLET = re.compile(r"^\s*(?:[-–•*+]|\d+\s*[.)/:-]|[a-zA-Z]\s*[.)])\s*")
_KINDS_LONGEST = sorted(VILLAGE_KINDS, key=len, reverse=True)


def parse_village_lines(pasted: str, default_kind: str) -> list[tuple[str, str]]:
    """[(name, kind)] from pasted text: one name a line (also ';' separated); numbering and bullets dropped; a
    leading kind word ('Thôn Đông Sơn', 'Tiểu khu 3') sets the kind and is removed from the name. Text pasted from
    an old document typed in TCVN3 ('Th«n §«ng S¬n') is converted to Unicode first."""
    out: list[tuple[str, str]] = []
    seen: set[str] = set()
    for raw in re.split(r"[\n;\t]+", text.clean_multiline(text.from_tcvn3(pasted))):
        line = _BULLET.sub("", text.clean(raw))
        kind = default_kind
        for k in _KINDS_LONGEST:
            if text.search_key(line).startswith(text.search_key(k) + " "):
                kind, line = k, text.clean(line[len(k):])
                break
        if line and line not in seen:
            seen.add(line)
            out.append((line, kind))
    return out


class BulkVillagesDialog(QDialog):
    def __init__(self, existing: set[str], parent=None, *, pasted: str = ""):
        super().__init__(parent)
        self.setWindowTitle("Thêm thôn / tiểu khu")
        self.existing = existing
        f = self.form = uiload.embed(self, "bulk_villages.ui")
        i18n.vietnamize_buttons(f.buttonBox)
        f.buttonBox.accepted.connect(self.accept)
        f.buttonBox.rejected.connect(self.reject)
        f.kind.addItems(list(VILLAGE_KINDS))
        f.names.textChanged.connect(self._preview)
        f.kind.currentIndexChanged.connect(self._preview)
        f.names.setPlainText(pasted)
        self._preview()
        fm = self.fontMetrics()
        self.resize(fm.size(0, "M" * 36).width(), fm.lineSpacing() * 24)

    def entries(self) -> list[tuple[str, str]]:
        return [(n, k) for n, k in parse_village_lines(self.form.names.toPlainText(), self.form.kind.currentText())
                if n not in self.existing]

    def _preview(self, *args) -> None:
        all_entries = parse_village_lines(self.form.names.toPlainText(), self.form.kind.currentText())
        new = [e for e in all_entries if e[0] not in self.existing]
        skipped = [n for n, _ in all_entries if n in self.existing]
        parts = [f"Sẽ thêm {len(new)} thôn" + (": " + ", ".join(f"{k} {n}" for n, k in new[:8])
                                                + ("…" if len(new) > 8 else "") if new else "") + "."]
        if skipped:
            parts.append(f"Bỏ qua {len(skipped)} tên đã có: {', '.join(skipped[:5])}{'…' if len(skipped) > 5 else ''}.")
        if text.looks_like_tcvn3(self.form.names.toPlainText()):
            parts.append("Văn bản dán vào gõ theo bảng mã TCVN3 (phông .VnTime): đã chuyển sang Unicode.")
        self.form.previewLabel.setText(" ".join(parts))
        self.form.buttonBox.button(self.form.buttonBox.StandardButton.Ok).setEnabled(bool(new))


class KindDelegate(QStyledItemDelegate):
    def createEditor(self, parent, option, index):  # noqa: N802
        box = QComboBox(parent)
        box.addItems(list(VILLAGE_KINDS))
        return box

    def setEditorData(self, editor, index):  # noqa: N802
        editor.setCurrentText(index.data())

    def setModelData(self, editor, model, index):  # noqa: N802
        model.setData(index, editor.currentText())


class VillagesPage(Page):
    key = "villages"

    def __init__(self, session, window):
        super().__init__(session, window)
        f = self.form = uiload.embed(self, "page_villages.ui")
        self.search_edit = f.searchEdit
        self.model = models.VillageModel(self)
        self.model.edited.connect(self._edited)
        self.proxy = models.SearchProxy(self)
        self.proxy.setSourceModel(self.model)
        f.table.setModel(self.proxy)
        setup_table(f.table)
        f.table.setItemDelegateForColumn(2, KindDelegate(f.table))
        f.table.setEditTriggers(f.table.EditTrigger.DoubleClicked | f.table.EditTrigger.EditKeyPressed
                                | f.table.EditTrigger.AnyKeyPressed)
        f.table.activated.connect(self._activated)
        f.searchEdit.textChanged.connect(self.proxy.set_query)
        f.addButton.clicked.connect(lambda: self.add_villages())
        f.pasteButton.clicked.connect(lambda: self.add_villages(QGuiApplication.clipboard().text()))
        f.upButton.clicked.connect(lambda: self.move(-1))
        f.downButton.clicked.connect(lambda: self.move(+1))
        f.removeButton.clicked.connect(self.remove_village)
        add_shortcut(f.table, QKeySequence.StandardKey.Delete, self.remove_village, "Xóa thôn")
        add_shortcut(f.table, "Ctrl+Up", lambda: self.move(-1), "Lên")
        add_shortcut(f.table, "Ctrl+Down", lambda: self.move(+1), "Xuống")
        add_shortcut(f.table, Qt.Key.Key_Insert, lambda: self.add_villages(), "Thêm thôn")

    def current_name(self) -> str | None:
        idx = self.form.table.currentIndex()
        return idx.data(models.KEY_ROLE) if idx.isValid() else None

    def select(self, name: str | None, column: int = 1) -> None:
        row = self.model.row_of(name) if name else -1
        if row < 0:
            return
        idx = self.proxy.mapFromSource(self.model.index(row, column))
        if not idx.isValid():
            self.form.searchEdit.clear()
            idx = self.proxy.mapFromSource(self.model.index(row, column))
        self.form.table.selectionModel().setCurrentIndex(
            idx, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        self.form.table.scrollTo(idx)

    def refresh(self, source=None) -> None:
        keep = self.current_name()
        col = max(1, self.form.table.currentIndex().column())
        self.model.refresh(self.session.setup, self.session.findings)
        self.select(keep, col)
        has = bool(self.session.setup.villages)
        for b in (self.form.removeButton, self.form.upButton, self.form.downButton):
            b.setEnabled(has)

    def _activated(self, index) -> None:
        if index.column() in (1, 2, 3):
            self.form.table.edit(index)

    # -- changing -------------------------------------------------------------------------------------------------
    def add_villages(self, pasted: str = "") -> None:
        existing = {v.name for v in self.session.setup.villages}
        dlg = BulkVillagesDialog(existing, self, pasted=pasted)
        if dialogs.run(dlg) != QDialog.DialogCode.Accepted:
            return
        entries = dlg.entries()
        if not entries:
            return

        def add(store):
            added = []
            for name, kind in entries:
                added += store.add_villages([name], kind)
            return added
        added = self.session.change(add, undo=f"Đã thêm {len(entries)} thôn.")
        if added:
            self.select(added[0])

    def _edited(self, name: str, column: int, value) -> None:
        # Called from inside the view's editor commit: write after it returns, so the model is not reset under it.
        QTimer.singleShot(0, lambda: self._save_edit(name, column, value))

    def _save_edit(self, name: str, column: int, value) -> None:
        village = next((v for v in self.session.setup.villages if v.name == name), None)
        if village is None:
            return
        new = Village(name=village.name, kind=village.kind, households=village.households, extra=village.extra)
        if column == 1:
            new.name = text.clean(value)
        elif column == 2:
            new.kind = value
        elif column == 3:
            digits = re.sub(r"[\s.,]", "", str(value))
            if digits and not digits.isdigit():
                dialogs.warning(self, "Số hộ không hợp lệ", f"«{value}» không phải là một số.")
                return
            new.households = int(digits) if digits else None
        self.guarded("Không lưu được", self.session.change, lambda s: s.save_village(new, old_name=name),
                     undo=f"Đã sửa thôn {name}.")
        self.select(new.name, column)

    def move(self, step: int) -> None:
        name = self.current_name()
        if name is None:
            return
        names = [v.name for v in self.session.setup.villages]
        index = names.index(name) + step
        if not 0 <= index < len(names):
            return
        self.session.change(lambda s: s.move_village(name, index), undo=f"Đã chuyển thôn {name}.")
        self.select(name)

    def remove_village(self) -> None:
        name = self.current_name()
        if name is None:
            return
        setup = self.session.setup
        village = next(v for v in setup.villages if v.name == name)
        team = setup.team_for(name)
        n = len(team.members) if team else 0
        detail = (f"Tổ công nghệ số của thôn ({n} người) cũng bị xóa; những người này vẫn còn trong danh sách. "
                  if n else "") + "Có thể hoàn tác bằng Ctrl+Z."
        if not dialogs.confirm(self, "Xóa thôn", f"Xóa {village.full_name}?", detail=detail):
            return
        self.session.change(lambda s: s.remove_village(name), undo=f"Đã xóa {village.full_name}.", announce=True)

    def jump(self, finding) -> None:
        self.select(finding.subject.get("village"))
        self.form.table.setFocus()
