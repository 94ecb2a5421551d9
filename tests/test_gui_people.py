"""Picking and editing people: tone-insensitive type-ahead, creating on the spot, one place to edit a person,
inline validation, Vietnamese name order."""
import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialog, QDialogButtonBox

from desktop import text
from desktop.model import TEAM_ROLES
from desktop.qt import dialogs
from desktop.qt.app import setup_app
from desktop.qt.main_window import MainWindow
from desktop.qt.people import PersonDialog, PersonPicker
from desktop.qt.session import Session


@pytest.fixture
def session(qapp, sample_store):
    setup_app()
    return Session(sample_store)


def picker(session, qtbot, **kw):
    dlg = PersonPicker(session, None, title="Thêm", roles=TEAM_ROLES, **kw)
    qtbot.addWidget(dlg)
    dlg.show()
    return dlg


def test_typing_without_tones_finds_names_with_tones(session, qtbot):
    dlg = picker(session, qtbot)
    everyone = dlg.visible_names()
    assert len(everyone) == len(session.setup.people)
    assert everyone == sorted(everyone, key=text.name_sort_key)          # Vietnamese name order
    QTest.keyClicks(dlg.form.searchEdit, "duc")
    found = dlg.visible_names()
    assert found and all("đức" in n.lower() for n in found)
    assert "Âu Đức Nam" in found and "Hoàng Đức Khánh" in found
    dlg.form.searchEdit.setText("NGOC TRANG")
    assert dlg.visible_names() == ["Trịnh Ngọc Trang"]
    dlg.form.searchEdit.setText("0867889040")                            # a phone number finds its owner too
    assert dlg.visible_names() == ["Trịnh Ngọc Trang"]
    # Enter takes the first match
    QTest.keyClick(dlg.form.searchEdit, Qt.Key.Key_Return)
    assert dlg.result() == QDialog.DialogCode.Accepted
    assert session.setup.person(dlg.chosen_id).full_name == "Trịnh Ngọc Trang"


def test_people_already_there_cannot_be_picked_twice(session, qtbot):
    team = session.setup.team_for("Đông Sơn")
    in_team = {m.person_id for m in team.members}
    dlg = picker(session, qtbot, excluded=in_team, excluded_note="đã trong tổ")
    leader = session.setup.person(team.members[0].person_id)
    dlg.form.searchEdit.setText(leader.full_name)
    assert leader.full_name in dlg.visible_names()
    assert not dlg.form.buttonBox.button(QDialogButtonBox.StandardButton.Ok).isEnabled()


def test_no_match_offers_to_create_the_person(session, qtbot):
    dlg = picker(session, qtbot)
    dlg.form.searchEdit.setText("Nguyễn Thị Xuyến")
    assert dlg.visible_names() == []
    assert "Nguyễn Thị Xuyến" in dlg.form.newPersonButton.text()

    def fill(req):
        assert isinstance(req.dialog, PersonDialog)
        assert req.dialog.form.fullName.text() == "Nguyễn Thị Xuyến"
        req.dialog.fill(gender="nữ", birth_year=2001, office="youth_union_member")
        req.dialog.accept()
        return req.dialog.result()
    with dialogs.Script() as script:
        script.then("exec", fill)
        QTest.keyClick(dlg.form.searchEdit, Qt.Key.Key_Return)           # Enter with no match: create
        script.done()
    assert dlg.result() == QDialog.DialogCode.Accepted
    person = session.store.load().person(dlg.chosen_id)
    assert (person.full_name, person.gender, person.birth_year) == ("Nguyễn Thị Xuyến", "nữ", 2001)
    assert dlg.role() == "member"


def test_person_dialog_checks_as_the_clerk_types(session, qtbot):
    dlg = PersonDialog(session.setup, None, None)
    qtbot.addWidget(dlg)
    dlg.show()
    ok = dlg.form.buttonBox.button(QDialogButtonBox.StandardButton.Ok)
    assert ok.text() == "Đồng ý"
    assert dlg.form.buttonBox.button(QDialogButtonBox.StandardButton.Cancel).text() == "Hủy"
    assert not ok.isEnabled() and "họ và tên" in dlg.form.nameError.text()
    dlg.fill(full_name="Lê Văn Tám")
    assert ok.isEnabled()
    dlg.fill(birth_year="19a0")
    assert not ok.isEnabled() and "4 chữ số" in dlg.form.birthError.text()
    dlg.fill(birth_year="1850")
    assert not ok.isEnabled() and "1900" in dlg.form.birthError.text()
    dlg.fill(birth_year="1990")
    assert ok.isEnabled() and "tuổi" in dlg.form.ageLabel.text()
    dlg.fill(phone="12345")
    assert ok.isEnabled() and "không phải số di động" in dlg.form.phoneError.text().lower()
    dlg.fill(phone="+84 912 345 678")
    assert "0912345678" in dlg.form.phoneError.text()
    assert dlg.result_person().birth_year == 1990


def test_a_person_is_edited_in_one_place_wherever_they_appear(session, qtbot):
    window = MainWindow(session)
    qtbot.addWidget(window)
    setup = session.setup
    # someone who is both in the committee and in a team
    pid = next(m.person_id for m in setup.committee if m.role == "member")
    session.change(lambda s: s.set_team_member("Tây Sơn", pid, "member"))
    teams = window.go_to("teams")
    teams.select_village("Tây Sơn")
    teams.select_person(pid)

    def edit(req):
        dlg = req.dialog
        assert "Ban Chỉ đạo" in dlg.form.usageLabel.text() and "Tây Sơn" in dlg.form.usageLabel.text()
        dlg.fill(full_name="Trần Thị Mới", phone="0909000111", role="deputy")
        dlg.accept()
        return dlg.result()
    with dialogs.Script() as script:
        script.then("exec", edit)
        QTest.keyClick(teams.form.table, Qt.Key.Key_Return)               # Enter edits
        script.done()
    committee = window.go_to("committee")
    names = [committee.model.index(r, 1).data() for r in range(committee.model.rowCount())]
    assert "Trần Thị Mới" in names
    person = session.store.load().person(pid)
    assert (person.full_name, person.phone) == ("Trần Thị Mới", "0909000111")
    assert next(m.role for m in session.setup.team_for("Tây Sơn").members if m.person_id == pid) == "deputy"


def test_a_name_pasted_from_an_old_tcvn3_document_is_converted(session, qtbot):
    dlg = PersonDialog(session.setup, None, None)
    qtbot.addWidget(dlg)
    dlg.form.fullName.setText("NguyÔn V¨n §øc")
    dlg.form.position.setText("Tr\u00adëng th«n §«ng S¬n")
    person = dlg.result_person()
    assert person.full_name == "Nguyễn Văn Đức"
    assert person.position == "Trưởng thôn Đông Sơn"
    dlg.form.fullName.setText("Hoàng Thị Ánh")          # Unicode is left as typed
    assert dlg.result_person().full_name == "Hoàng Thị Ánh"
