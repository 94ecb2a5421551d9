"""People: one dialog edits a person's details wherever they appear; the picker finds or creates a member.

The dialogs only collect values; the caller writes them through the session (one transaction, with undo).
"""
from __future__ import annotations

import copy
import datetime as _dt

from PySide6.QtCore import QEvent, QItemSelectionModel, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QListWidgetItem, QWidget

from .. import text
from ..model import COMMITTEE_ROLES, GENDERS, OFFICES, TEAM_ROLES, CommitteeMember, Person, Setup
from . import dialogs, i18n, models, uiload

REMOVE_PERSON = 2          # PersonDialog result: the clerk asked to remove the person altogether
MIN_BIRTH_YEAR = 1900
_RED = "color:#c62828"
_AMBER = "color:#9a5b00"


def usage_of(setup: Setup, person_id: str) -> list[str]:
    """Where a person appears: 'Ban Chỉ đạo (Trưởng ban)', 'Tổ thôn Đông Sơn (Tổ viên)'."""
    places = []
    for m in setup.committee:
        if m.person_id == person_id:
            places.append(f"Ban Chỉ đạo ({COMMITTEE_ROLES.get(m.role, m.role)})")
    kinds = {v.name: v.kind for v in setup.villages}
    for t in setup.teams:
        for m in t.members:
            if m.person_id == person_id:
                places.append(f"Tổ {kinds.get(t.village, 'thôn')} {t.village} ({TEAM_ROLES.get(m.role, m.role)})")
    return places


def check_birth_year(value: str, plan_year: int | None = None) -> tuple[int | None, str, str]:
    """(year or None, error, note) for what was typed in the birth-year box."""
    value = value.strip()
    if not value:
        return None, "", ""
    this_year = _dt.date.today().year
    if not value.isdigit() or len(value) != 4:
        return None, "Năm sinh gồm 4 chữ số, ví dụ 1990.", ""
    year = int(value)
    if not MIN_BIRTH_YEAR <= year <= this_year:
        return None, f"Năm sinh phải từ {MIN_BIRTH_YEAR} đến {this_year}.", ""
    ref = plan_year or this_year
    age = ref - year
    if age < 15:
        return year, "", f"Mới {age} tuổi năm {ref}: kiểm tra lại năm sinh."
    return year, "", f"{age} tuổi năm {ref}"



def _convert_tcvn3(edit, value: str) -> None:
    """Replace text typed in TCVN3 (read as Latin-1) by its Unicode form, keeping the cursor at the end."""
    if text.looks_like_tcvn3(value):
        edit.setText(text.from_tcvn3(value))

class PersonDialog(QDialog):
    """A person's details. With ``roles`` it also asks the person's role where they are being edited from."""

    def __init__(self, setup: Setup, person: Person | None = None, parent: QWidget | None = None, *,
                 name_hint: str = "", roles: dict[str, str] | None = None, role: str | None = None,
                 role_label: str = "Vai trò:", removable: bool = False):
        super().__init__(parent)
        self.setup = setup
        self.person = copy.deepcopy(person) if person else Person(id="", full_name=text.clean(name_hint))
        self.setWindowTitle("Sửa thông tin người" if person else "Thêm người mới")
        f = self.form = uiload.embed(self, "person_dialog.ui")
        i18n.vietnamize_buttons(f.buttonBox)
        f.buttonBox.accepted.connect(self.accept)
        f.buttonBox.rejected.connect(self.reject)
        for g in GENDERS:
            f.gender.addItem(g.capitalize(), g)
        for code, label in OFFICES.items():
            f.office.addItem(label, code)
        p = self.person
        f.fullName.setText(p.full_name)
        f.gender.setCurrentIndex(max(0, f.gender.findData(p.gender)))
        f.birthYear.setText(str(p.birth_year or ""))
        f.office.setCurrentIndex(max(0, f.office.findData(p.office)))
        f.position.setText(p.position)
        f.phone.setText(p.phone)
        f.email.setText(p.email)
        f.notes.setPlainText(p.notes)
        f.notes.setMaximumHeight(f.notes.fontMetrics().lineSpacing() * 4)
        if roles:
            for code, label in roles.items():
                f.role.addItem(label, code)
            f.role.setCurrentIndex(max(0, f.role.findData(role)))
            f.roleLabel.setText(role_label)
        else:
            f.role.hide()
            f.roleLabel.hide()
        f.removePersonButton.setVisible(bool(person) and removable)
        f.removePersonButton.clicked.connect(lambda: self.done(REMOVE_PERSON))
        places = usage_of(setup, p.id) if p.id else []
        if places:
            f.usageLabel.setText("Có trong: " + "; ".join(places)
                                 + ". Sửa ở đây là sửa ở mọi nơi người này có mặt.")
        else:
            f.usageLabel.hide()
        for w in (f.fullName, f.position):   # a name pasted from an old .VnTime document: 'NguyÔn V¨n An'
            w.textChanged.connect(lambda value, w=w: _convert_tcvn3(w, value))
        for w in (f.fullName, f.birthYear, f.phone):
            w.textChanged.connect(self._validate)
        f.office.currentIndexChanged.connect(self._office_changed)
        self._office_changed()
        self._validate()
        f.fullName.setFocus()
        self.resize(self.sizeHint().expandedTo(self.fontMetrics().size(0, "M" * 48)))

    def _office_changed(self, *args) -> None:
        code = self.form.office.currentData()
        label = OFFICES.get(code, "") if code != "other" else ""
        self.form.position.setPlaceholderText(label or "ví dụ: Trưởng thôn Đông Sơn, Giáo viên…")

    def _validate(self, *args) -> bool:
        f = self.form
        errors = False
        name = text.clean(f.fullName.text())
        if not name:
            f.nameError.setText(f"<span style='{_RED}'>Cần nhập họ và tên.</span>")
            errors = True
        elif len(name.split()) < 2:
            f.nameError.setText(f"<span style='{_AMBER}'>Ghi đủ họ và tên, ví dụ «Nguyễn Văn Đức».</span>")
        else:
            f.nameError.setText("")
        f.nameError.setVisible(bool(f.nameError.text()))
        year, err, note = check_birth_year(f.birthYear.text(), self.setup.commune.year or None)
        f.birthError.setText(f"<span style='{_RED}'>{err}</span>" if err else "")
        f.birthError.setVisible(bool(err))
        f.ageLabel.setText(note)
        errors = errors or bool(err)
        phone = text.clean(f.phone.text())
        if phone and not text.is_valid_mobile(phone):
            f.phoneError.setText(f"<span style='{_AMBER}'>Không phải số di động Việt Nam hợp lệ (10 chữ số, đầu "
                                 "03, 05, 07, 08, 09). Vẫn lưu được; phần Kiểm tra sẽ nhắc lại.</span>")
        elif phone:
            f.phoneError.setText(f"Sẽ lưu là {text.normalize_phone(phone)}"
                                 if text.normalize_phone(phone) != phone else "")
        else:
            f.phoneError.setText("")
        f.phoneError.setVisible(bool(f.phoneError.text()))
        f.buttonBox.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not errors)
        return not errors

    # -- for callers and tests --------------------------------------------------------------------------------------
    def fill(self, *, full_name: str | None = None, gender: str | None = None, birth_year: int | str | None = None,
             office: str | None = None, position: str | None = None, phone: str | None = None,
             role: str | None = None) -> "PersonDialog":
        f = self.form
        if full_name is not None:
            f.fullName.setText(full_name)
        if gender is not None:
            f.gender.setCurrentIndex(f.gender.findData(gender))
        if birth_year is not None:
            f.birthYear.setText(str(birth_year))
        if office is not None:
            f.office.setCurrentIndex(f.office.findData(office))
        if position is not None:
            f.position.setText(position)
        if phone is not None:
            f.phone.setText(phone)
        if role is not None:
            f.role.setCurrentIndex(f.role.findData(role))
        return self

    def accept(self) -> None:
        if self._validate():
            super().accept()

    def result_person(self) -> Person:
        f = self.form
        p = copy.deepcopy(self.person)
        p.full_name = text.clean(f.fullName.text())
        p.gender = f.gender.currentData()
        p.birth_year, _, _ = check_birth_year(f.birthYear.text(), self.setup.commune.year or None)
        p.office = f.office.currentData()
        p.position = text.clean(f.position.text())
        p.phone = text.clean(f.phone.text())
        p.email = text.clean(f.email.text())
        p.notes = text.clean_multiline(f.notes.toPlainText())
        return p

    def result_role(self) -> str | None:
        return self.form.role.currentData() if self.form.role.count() else None


def remove_person(session, person_id: str, parent: QWidget | None = None) -> bool:
    """Remove a person altogether (a duplicate entered twice, someone who left), after asking; undoable."""
    person = session.setup.person(person_id)
    if person is None:
        return False
    places = usage_of(session.setup, person_id)
    detail = ("Người này sẽ bị xóa khỏi: " + "; ".join(places) + ". " if places else "") + \
        "Có thể hoàn tác bằng Ctrl+Z."
    if not dialogs.confirm(parent, "Xóa người", f"Xóa hẳn {person.full_name} khỏi danh sách?", detail=detail):
        return False
    session.change(lambda s: s.remove_person(person_id), undo=f"Đã xóa {person.full_name} khỏi danh sách.",
                   announce=True)
    return True


def edit_person(session, person_id: str, parent: QWidget | None = None) -> bool | str:
    """Open a person's details and save them (the one place a person is edited). True when saved, "removed" when
    the clerk removed the person altogether."""
    person = session.setup.person(person_id)
    if person is None:
        return False
    dlg = PersonDialog(session.setup, person, parent, removable=True)
    result = dialogs.run(dlg)
    if result == REMOVE_PERSON:
        return "removed" if remove_person(session, person_id, parent) else False
    if result != QDialog.DialogCode.Accepted:
        return False
    new = dlg.result_person()
    session.change(lambda s: s.save_person(new), undo=f"Đã sửa thông tin {new.full_name}.")
    return True


class PersonPicker(QDialog):
    """Find a person already entered (type-ahead ignoring tones) or create one on the spot, and give a role."""

    def __init__(self, session, parent: QWidget | None = None, *, title: str, roles: dict[str, str],
                 role: str = "member", excluded: set[str] | None = None, excluded_note: str = "",
                 suggest_role=None, new_person_defaults: dict | None = None):
        super().__init__(parent)
        self.session = session
        self.setWindowTitle(title)
        self.chosen_id: str | None = None
        self._suggest_role = suggest_role
        self._new_defaults = new_person_defaults or {}
        f = self.form = uiload.embed(self, "add_member.ui")
        i18n.vietnamize_buttons(f.buttonBox)
        f.buttonBox.button(QDialogButtonBox.StandardButton.Ok).setText("Thêm")
        f.buttonBox.accepted.connect(self.accept)
        f.buttonBox.rejected.connect(self.reject)
        for code, label in roles.items():
            f.role.addItem(label, code)
        f.role.setCurrentIndex(max(0, f.role.findData(role)))
        self.people = models.PeopleModel(session.setup, excluded, excluded_note, self)
        self.proxy = models.SearchProxy(self)
        self.proxy.setSourceModel(self.people)
        f.resultList.setModel(self.proxy)
        f.resultList.selectionModel().currentChanged.connect(self._current_changed)
        f.resultList.doubleClicked.connect(lambda idx: self.accept())
        f.searchEdit.textChanged.connect(self._search)
        f.searchEdit.installEventFilter(self)
        f.newPersonButton.clicked.connect(self.new_person)
        self._search("")
        f.searchEdit.setFocus()
        self.resize(self.fontMetrics().size(0, "M" * 44).width(), self.fontMetrics().lineSpacing() * 26)

    def eventFilter(self, obj, event):  # noqa: N802 - Qt API
        if obj is self.form.searchEdit and event.type() == QEvent.Type.KeyPress:
            key = event.key()
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up, Qt.Key.Key_PageDown, Qt.Key.Key_PageUp):
                self.form.resultList.setFocus()
                self.form.resultList.keyPressEvent(event)
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                if self._first_enabled() >= 0:
                    self.accept()
                elif self.form.searchEdit.text().strip():
                    self.new_person()
                return True
        return super().eventFilter(obj, event)

    def _first_enabled(self) -> int:
        current = self.form.resultList.currentIndex()
        if current.isValid() and current.flags() & Qt.ItemFlag.ItemIsEnabled:
            return current.row()
        for row in range(self.proxy.rowCount()):
            if self.proxy.index(row, 0).flags() & Qt.ItemFlag.ItemIsEnabled:
                return row
        return -1

    def _search(self, query: str) -> None:
        f = self.form
        self.proxy.set_query(query)
        row = -1
        for r in range(self.proxy.rowCount()):
            if self.proxy.index(r, 0).flags() & Qt.ItemFlag.ItemIsEnabled:
                row = r
                break
        if row >= 0:
            f.resultList.selectionModel().setCurrentIndex(
                self.proxy.index(row, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect)
        else:
            f.resultList.selectionModel().clearSelection()
            f.resultList.setCurrentIndex(self.proxy.index(-1, 0))
        typed = text.clean(query)
        f.newPersonButton.setText(f"Thêm &người mới «{typed}»…" if typed else "Thêm &người mới…")
        n = self.proxy.rowCount()
        if not self.people.rowCount():
            f.resultNote.setText("Chưa có ai trong danh sách: bấm «Thêm người mới» để nhập người đầu tiên.")
        elif n == 0:
            f.resultNote.setText(f"Không tìm thấy «{typed}». Bấm «Thêm người mới» (hoặc Enter) để nhập người này.")
        else:
            f.resultNote.setText(f"{n} người phù hợp. Mũi tên ↓ để chọn, Enter để thêm.")
        f.buttonBox.button(QDialogButtonBox.StandardButton.Ok).setEnabled(row >= 0)

    def _current_changed(self, current, previous) -> None:
        ok = current.isValid() and bool(current.flags() & Qt.ItemFlag.ItemIsEnabled)
        self.form.buttonBox.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)
        if ok and self._suggest_role:
            person = self.session.setup.person(current.data(models.KEY_ROLE))
            suggested = self._suggest_role(person) if person else None
            if suggested:
                self.form.role.setCurrentIndex(self.form.role.findData(suggested))

    def visible_names(self) -> list[str]:
        """The names the list shows now (for tests and accessibility checks)."""
        return [self.proxy.index(r, 0).data(models.KEY_ROLE) and
                self.session.setup.person(self.proxy.index(r, 0).data(models.KEY_ROLE)).full_name
                for r in range(self.proxy.rowCount())]

    def new_person(self) -> None:
        dlg = PersonDialog(self.session.setup, None, self, name_hint=self.form.searchEdit.text())
        if self._new_defaults:
            dlg.fill(**self._new_defaults)
        if dialogs.run(dlg) != QDialog.DialogCode.Accepted:
            return
        person = dlg.result_person()
        self.chosen_id = self.session.change(lambda s: s.save_person(person),
                                             undo=f"Đã thêm người mới {person.full_name}.")
        if self._suggest_role:
            suggested = self._suggest_role(self.session.setup.person(self.chosen_id))
            if suggested:
                self.form.role.setCurrentIndex(self.form.role.findData(suggested))
        super().accept()

    def accept(self) -> None:
        if self.chosen_id is None:
            row = self._first_enabled()
            if row < 0:
                return
            self.chosen_id = self.proxy.index(row, 0).data(models.KEY_ROLE)
        super().accept()

    def role(self) -> str:
        return self.form.role.currentData()


class CommitteeMemberDialog(QDialog):
    """A committee member's role, duties and the villages they support; their details open the PersonDialog."""

    def __init__(self, session, member: CommitteeMember, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.member = copy.deepcopy(member)
        self.setWindowTitle("Thành viên Ban Chỉ đạo")
        f = self.form = uiload.embed(self, "committee_member.ui")
        i18n.vietnamize_buttons(f.buttonBox)
        f.buttonBox.accepted.connect(self.accept)
        f.buttonBox.rejected.connect(self.reject)
        for code, label in COMMITTEE_ROLES.items():
            f.role.addItem(label, code)
        f.role.setCurrentIndex(max(0, f.role.findData(member.role)))
        f.duties.setPlainText(member.duties)
        for v in session.setup.villages:
            item = QListWidgetItem(v.full_name)
            item.setData(Qt.ItemDataRole.UserRole, v.name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if v.name in member.villages else Qt.CheckState.Unchecked)
            others = [session.setup.person(m.person_id).full_name for m in session.setup.supervisors_of(v.name)
                      if m.person_id != member.person_id and session.setup.person(m.person_id)]
            if others:
                item.setToolTip("Đang có: " + ", ".join(others))
                item.setText(f"{v.full_name}  (đang có: {', '.join(others)})")
            f.villages.addItem(item)
        if not session.setup.villages:
            f.villagesLabel.setText("Chưa có thôn nào: nhập thôn ở bước Thôn / tiểu khu rồi quay lại phân công.")
        f.editPersonButton.clicked.connect(self._edit_person)
        f.defaultDutiesButton.clicked.connect(self._default_duties)
        self._show_person()
        fm = self.fontMetrics()
        self.resize(fm.size(0, "M" * 46).width(), fm.lineSpacing() * 30)

    def _show_person(self) -> None:
        p = self.session.setup.person(self.member.person_id)
        if p:
            self.form.personLabel.setText(f"<b>{p.full_name}</b><br>{p.post or 'chưa ghi chức vụ'}"
                                          + (f" · {p.phone}" if p.phone else ""))

    def _edit_person(self) -> None:
        result = edit_person(self.session, self.member.person_id, self)
        if result == "removed":
            self.reject()
        elif result:
            self._show_person()

    def _default_duties(self) -> None:
        from .. import presets
        p = self.session.setup.person(self.member.person_id)
        self.form.duties.setPlainText(presets.default_duties(p.office if p else "other"))

    def result_member(self) -> CommitteeMember:
        f = self.form
        m = copy.deepcopy(self.member)
        m.role = f.role.currentData()
        m.duties = text.clean_multiline(f.duties.toPlainText())
        m.villages = [f.villages.item(i).data(Qt.ItemDataRole.UserRole) for i in range(f.villages.count())
                      if f.villages.item(i).checkState() == Qt.CheckState.Checked]
        return m

    def set_villages(self, names: list[str]) -> None:
        f = self.form
        for i in range(f.villages.count()):
            item = f.villages.item(i)
            item.setCheckState(Qt.CheckState.Checked if item.data(Qt.ItemDataRole.UserRole) in names
                               else Qt.CheckState.Unchecked)
