"""Step 2, Ban Chỉ đạo: the steering committee as a table (head, deputies, members in name order)."""
from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDialog

from ... import presets
from ...model import COMMITTEE_ROLES, CommitteeMember
from .. import dialogs, models, people, uiload
from .base import Page, add_shortcut, setup_table


def suggest_committee_role(setup, person) -> str | None:
    if person.office == "ubnd_chair" and not any(m.role == "head" for m in setup.committee):
        return "head"
    if person.office == "ubnd_vice_chair":
        return "deputy"
    return "member"


class CommitteePage(Page):
    key = "committee"

    def __init__(self, session, window):
        super().__init__(session, window)
        f = self.form = uiload.embed(self, "page_committee.ui")
        self.search_edit = f.searchEdit
        self.model = models.CommitteeModel(self)
        self.proxy = models.SearchProxy(self)
        self.proxy.setSourceModel(self.model)
        f.table.setModel(self.proxy)
        setup_table(f.table)
        f.table.activated.connect(lambda idx: self.edit_member())
        f.table.selectionModel().currentRowChanged.connect(self._show_detail)
        f.searchEdit.textChanged.connect(self.proxy.set_query)
        f.addButton.clicked.connect(self.add_member)
        f.editButton.clicked.connect(self.edit_member)
        f.removeButton.clicked.connect(self.remove_member)
        add_shortcut(f.table, QKeySequence.StandardKey.Delete, self.remove_member, "Xóa khỏi Ban")
        add_shortcut(f.table, Qt.Key.Key_Insert, self.add_member, "Thêm thành viên")

    # -- showing --------------------------------------------------------------------------------------------------
    def current_id(self) -> str | None:
        idx = self.form.table.currentIndex()
        return idx.data(models.KEY_ROLE) if idx.isValid() else None

    def select(self, person_id: str | None) -> None:
        if person_id is None:
            return
        row = self.model.row_of(person_id)
        if row < 0:
            return
        idx = self.proxy.mapFromSource(self.model.index(row, 1))
        if not idx.isValid():
            self.form.searchEdit.clear()
            idx = self.proxy.mapFromSource(self.model.index(row, 1))
        self.form.table.selectionModel().setCurrentIndex(
            idx, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        self.form.table.scrollTo(idx)

    def refresh(self, source=None) -> None:
        keep = self.current_id()
        self.model.refresh(self.session.setup, self.session.findings)
        self.select(keep if keep else self.model.row_key(0))
        self._show_detail()
        has = self.current_id() is not None
        self.form.editButton.setEnabled(has)
        self.form.removeButton.setEnabled(has)

    def _show_detail(self, *args) -> None:
        pid = self.current_id()
        setup = self.session.setup
        member = next((m for m in setup.committee if m.person_id == pid), None)
        self.form.editButton.setEnabled(member is not None)
        self.form.removeButton.setEnabled(member is not None)
        if member is None:
            n = len(setup.committee)
            self.form.detailLabel.setText(
                f"{n} thành viên. Chọn một dòng để xem nhiệm vụ; Enter để sửa, Delete để xóa khỏi Ban."
                if n else "Chưa có thành viên. Bấm «Thêm thành viên…» (phím Insert).")
            return
        p = setup.person(pid)
        duties = member.duties.replace("\n", " ") or "chưa ghi nhiệm vụ"
        villages = ", ".join(member.villages) or "chưa phân công thôn"
        self.form.detailLabel.setText(f"<b>{p.full_name}</b> — {COMMITTEE_ROLES.get(member.role)}: {duties}"
                                      f"<br>Phụ trách: {villages}")

    # -- changing -------------------------------------------------------------------------------------------------
    def add_member(self) -> None:
        setup = self.session.setup
        in_committee = {m.person_id for m in setup.committee}
        picker = people.PersonPicker(
            self.session, self, title="Thêm thành viên Ban Chỉ đạo", roles=COMMITTEE_ROLES,
            role="head" if not any(m.role == "head" for m in setup.committee) else "member",
            excluded=in_committee, excluded_note="đã trong Ban",
            suggest_role=lambda p: suggest_committee_role(self.session.setup, p))
        if dialogs.run(picker) != QDialog.DialogCode.Accepted or not picker.chosen_id:
            return
        pid, role = picker.chosen_id, picker.role()
        person = self.session.setup.person(pid)
        member = CommitteeMember(person_id=pid, role=role, duties=presets.default_duties(person.office))
        self.guarded("Không thêm được", self.session.change, lambda s: s.set_committee_member(member),
                     undo=f"Đã thêm {person.full_name} vào Ban Chỉ đạo.")
        self.select(pid)

    def edit_member(self) -> None:
        pid = self.current_id()
        member = next((m for m in self.session.setup.committee if m.person_id == pid), None)
        if member is None:
            return
        dlg = people.CommitteeMemberDialog(self.session, member, self)
        if dialogs.run(dlg) != QDialog.DialogCode.Accepted:
            return
        new = dlg.result_member()
        name = self.session.setup.person(pid).full_name
        self.guarded("Không lưu được", self.session.change, lambda s: s.set_committee_member(new),
                     undo=f"Đã sửa thành viên Ban Chỉ đạo {name}.")
        self.select(pid)

    def remove_member(self) -> None:
        pid = self.current_id()
        person = self.session.setup.person(pid) if pid else None
        if person is None:
            return
        if not dialogs.confirm(self, "Xóa khỏi Ban Chỉ đạo",
                               f"Xóa {person.full_name} khỏi Ban Chỉ đạo?",
                               detail="Người này vẫn còn trong danh sách và trong các tổ (nếu có). "
                                      "Có thể hoàn tác bằng Ctrl+Z."):
            return
        self.session.change(lambda s: s.remove_committee_member(pid),
                            undo=f"Đã xóa {person.full_name} khỏi Ban Chỉ đạo.", announce=True)

    def jump(self, finding) -> None:
        pid = finding.subject.get("person") or (finding.subject.get("people") or [None])[0]
        if pid:
            self.select(pid)
        if finding.code == "village.supervisor_missing":
            v = finding.subject.get("village")
            self.form.detailLabel.setText(f"Chọn thành viên sẽ phụ trách thôn <b>{v}</b>, bấm «Sửa…» (Enter) rồi "
                                          "đánh dấu thôn này ở mục «Thôn phụ trách».")
        self.form.table.setFocus()
