"""Step 4, Tổ công nghệ số: one team per village; the villages on the left, the chosen village's team on the right."""
from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QSize, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDialog

from ...model import TEAM_ROLES, YOUNG_AGE
from .. import dialogs, models, people, uiload
from .base import Page, add_shortcut, setup_table


def suggest_team_role(team, person) -> str:
    roles = {m.role for m in team.members} if team else set()
    if person.office == "village_head" and "leader" not in roles:
        return "leader"
    if person.is_youth_union and "deputy" not in roles:
        return "deputy"
    return "member"


class TeamsPage(Page):
    key = "teams"

    def __init__(self, session, window):
        super().__init__(session, window)
        f = self.form = uiload.embed(self, "page_teams.ui")
        self.search_edit = f.searchEdit
        self.villages = models.VillageListModel(self)
        self.village_proxy = models.SearchProxy(self)
        self.village_proxy.setSourceModel(self.villages)
        f.villageList.setModel(self.village_proxy)
        f.villageList.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        f.villageList.setTextElideMode(Qt.TextElideMode.ElideRight)
        size = f.villageList.fontMetrics().height()
        f.villageList.setIconSize(QSize(size, size))
        f.villageList.selectionModel().currentChanged.connect(lambda *a: self._show_team())
        f.searchEdit.textChanged.connect(self.village_proxy.set_query)
        self.model = models.TeamModel(self)
        f.table.setModel(self.model)
        setup_table(f.table)
        f.table.activated.connect(lambda idx: self.edit_member())
        f.table.selectionModel().currentRowChanged.connect(lambda *a: self._update_buttons())
        f.addButton.clicked.connect(self.add_member)
        f.editButton.clicked.connect(self.edit_member)
        f.removeButton.clicked.connect(self.remove_member)
        add_shortcut(f.table, QKeySequence.StandardKey.Delete, self.remove_member, "Xóa khỏi tổ")
        add_shortcut(self, Qt.Key.Key_Insert, self.add_member, "Thêm người vào tổ")
        f.splitter.setStretchFactor(0, 1)
        f.splitter.setStretchFactor(1, 3)
        self._village: str | None = None

    # -- showing --------------------------------------------------------------------------------------------------
    @property
    def village(self) -> str | None:
        return self._village

    def select_village(self, name: str | None) -> None:
        row = self.villages.row_of(name) if name else -1
        if row < 0:
            return
        idx = self.village_proxy.mapFromSource(self.villages.index(row, 0))
        if not idx.isValid():
            self.form.searchEdit.clear()
            idx = self.village_proxy.mapFromSource(self.villages.index(row, 0))
        self.form.villageList.selectionModel().setCurrentIndex(idx, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        self.form.villageList.scrollTo(idx)
        self._show_team()

    def select_person(self, person_id: str | None) -> None:
        row = self.model.row_of(person_id) if person_id else -1
        if row >= 0:
            self.form.table.selectionModel().setCurrentIndex(
                self.model.index(row, 1),
                QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)

    def current_person(self) -> str | None:
        idx = self.form.table.currentIndex()
        return idx.data(models.KEY_ROLE) if idx.isValid() else None

    def refresh(self, source=None) -> None:
        keep_village, keep_person = self._village, self.current_person()
        self.villages.refresh(self.session.setup, self.session.findings)
        names = [v.name for v in self.session.setup.villages]
        if keep_village not in names:
            keep_village = names[0] if names else None
        self._village = None
        if keep_village:
            self.select_village(keep_village)
        else:
            self._show_team()
        self.select_person(keep_person)
        if self.current_person() is None and self.model.rowCount():
            self.select_person(self.model.row_key(0))
        self._update_buttons()

    def _show_team(self) -> None:
        f = self.form
        idx = f.villageList.currentIndex()
        self._village = idx.data(models.KEY_ROLE) if idx.isValid() else None
        setup = self.session.setup
        self.model.refresh(setup, self.session.findings, self._village)
        village = next((v for v in setup.villages if v.name == self._village), None)
        if village is None:
            f.teamTitle.setText("<b>Chưa có thôn nào.</b> Nhập thôn ở bước «Thôn / tiểu khu» trước.")
            f.supervisorLabel.setText("")
            f.problemsLabel.setText("")
            self._update_buttons()
            return
        team = setup.team_for(village.name)
        n = len(team.members) if team else 0
        f.teamTitle.setText(f"<b>Tổ công nghệ số cộng đồng {village.full_name}</b> — {n} thành viên"
                            + (f", {village.households} hộ" if village.households else ""))
        sups = [setup.person(m.person_id).full_name for m in setup.supervisors_of(village.name)
                if setup.person(m.person_id)]
        f.supervisorLabel.setText("Thành viên Ban Chỉ đạo phụ trách: " + (", ".join(sups) if sups else
                                  "<i>chưa có</i> (phân công ở bước Ban Chỉ đạo)"))
        lines = []
        for fd in self.session.findings:
            if fd.subject.get("village") != village.name or fd.code == "village.supervisor_missing":
                continue
            color = {"error": "#c62828", "warning": "#9a5b00"}.get(fd.level, "#455a64")
            lines.append(f"<span style='color:{color}'>• {fd.message}</span>")
        if not n:
            lines.insert(0, "Tổ cần tối thiểu 03 người, có Trưởng thôn và một đoàn viên thanh niên; "
                            f"ưu tiên người từ {YOUNG_AGE} tuổi trở xuống. Bấm «Thêm người vào tổ…».")
        f.problemsLabel.setText("<br>".join(lines))
        self._update_buttons()

    def _update_buttons(self) -> None:
        f = self.form
        f.addButton.setEnabled(self._village is not None)
        has = self.current_person() is not None
        f.editButton.setEnabled(has)
        f.removeButton.setEnabled(has)

    # -- changing -------------------------------------------------------------------------------------------------
    def add_member(self) -> None:
        village = self._village
        if village is None:
            return
        setup = self.session.setup
        team = setup.team_for(village)
        in_team = {m.person_id for m in team.members} if team else set()
        picker = people.PersonPicker(
            self.session, self, title=f"Thêm người vào tổ thôn {village}", roles=TEAM_ROLES,
            role="leader" if not team or not any(m.role == "leader" for m in team.members) else "member",
            excluded=in_team, excluded_note="đã trong tổ",
            suggest_role=lambda p: suggest_team_role(self.session.setup.team_for(village), p))
        if dialogs.run(picker) != QDialog.DialogCode.Accepted or not picker.chosen_id:
            return
        pid, role = picker.chosen_id, picker.role()
        name = self.session.setup.person(pid).full_name
        self.guarded("Không thêm được", self.session.change, lambda s: s.set_team_member(village, pid, role),
                     undo=f"Đã thêm {name} vào tổ thôn {village}.")
        self.select_person(pid)

    def edit_member(self) -> None:
        village, pid = self._village, self.current_person()
        team = self.session.setup.team_for(village) if village else None
        member = next((m for m in team.members if m.person_id == pid), None) if team else None
        if member is None:
            return
        person = self.session.setup.person(pid)
        dlg = people.PersonDialog(self.session.setup, person, self, roles=TEAM_ROLES, role=member.role,
                                  role_label="&Vai trò trong tổ:", removable=True)
        result = dialogs.run(dlg)
        if result == people.REMOVE_PERSON:
            people.remove_person(self.session, pid, self)
            return
        if result != QDialog.DialogCode.Accepted:
            return
        new, role = dlg.result_person(), dlg.result_role()

        def save(store):
            store.save_person(new)
            store.set_team_member(village, pid, role)
        self.guarded("Không lưu được", self.session.change, save, undo=f"Đã sửa {new.full_name} (tổ thôn {village}).")
        self.select_person(pid)

    def remove_member(self) -> None:
        village, pid = self._village, self.current_person()
        person = self.session.setup.person(pid) if pid else None
        if person is None or village is None:
            return
        if not dialogs.confirm(self, "Xóa khỏi tổ", f"Xóa {person.full_name} khỏi tổ thôn {village}?",
                               detail="Người này vẫn còn trong danh sách. Có thể hoàn tác bằng Ctrl+Z."):
            return
        self.session.change(lambda s: s.remove_team_member(village, pid),
                            undo=f"Đã xóa {person.full_name} khỏi tổ thôn {village}.", announce=True)

    def jump(self, finding) -> None:
        village = finding.subject.get("village")
        pid = finding.subject.get("person")
        if not village and pid:
            village = next((t.village for t in self.session.setup.teams
                            if any(m.person_id == pid for m in t.members)), None)
        if village:
            self.select_village(village)
        if pid:
            self.select_person(pid)
            self.form.table.setFocus()
        else:
            self.form.villageList.setFocus()
