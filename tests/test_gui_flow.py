"""The whole path a clerk takes, on real widgets (offscreen) and a real database file: an empty database, the
first-run wizard, the committee, two villages and their teams, a finding that appears and goes away, and the files
written for the district, read back."""
import zipfile

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QWizard

from desktop.qt import dialogs
from desktop.qt.app import setup_app
from desktop.qt.main_window import MainWindow
from desktop.qt.people import PersonDialog, PersonPicker
from desktop.qt.session import Session
from desktop.qt.wizard import FirstRunWizard
from desktop.store import Store

ACCEPTED = QDialog.DialogCode.Accepted


@pytest.fixture
def app(qapp):
    return setup_app()


def pick_existing(query):
    """Answer a PersonPicker: type ``query`` and take the first person it shows."""
    def answer(req):
        dlg = req.dialog
        assert isinstance(dlg, PersonPicker)
        dlg.form.searchEdit.setText(query)
        assert dlg.visible_names(), f"nobody found for {query!r}"
        dlg.accept()
        return dlg.result()
    return answer


def pick_new(query, role=None):
    """Answer a PersonPicker: type a name nobody has, and create that person on the spot."""
    def answer(req):
        dlg = req.dialog
        assert isinstance(dlg, PersonPicker)
        dlg.form.searchEdit.setText(query)
        dlg.new_person()
        if role:
            dlg.form.role.setCurrentIndex(dlg.form.role.findData(role))
        return dlg.result()
    return answer


def fill_person(**values):
    def answer(req):
        dlg = req.dialog
        assert isinstance(dlg, PersonDialog)
        assert dlg.form.fullName.text()  # the name typed in the picker arrives here
        dlg.fill(**values)
        dlg.accept()
        return dlg.result()
    return answer


def new_member(script, name, role, **person):
    script.then("exec", pick_new(name, role)).then("exec", fill_person(**person))


def run_wizard(store, qtbot):
    wizard = FirstRunWizard(store)
    qtbot.addWidget(wizard)
    wizard.show()
    assert wizard.button(QWizard.WizardButton.NextButton).text() == "Tiếp theo >"
    assert wizard.button(QWizard.WizardButton.CancelButton).text() == "Hủy"
    wizard.next()
    assert wizard.currentId() == FirstRunWizard.PAGE_COMMUNE
    form = wizard.commune_page.editor.form
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()  # no commune yet
    index = form.communeName.findText("Hà Lĩnh")
    assert index >= 0  # the units of huyện Hà Trung are offered
    form.communeName.setCurrentIndex(index)
    form.communeName.activated.emit(index)
    form.year.setValue(2022)
    form.hasDeadline.setChecked(True)
    from PySide6.QtCore import QDate
    form.deadline.setDate(QDate(2022, 4, 10))
    assert wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    assert "Hà Trung" in form.reportTo.text()
    wizard.next()
    signers = wizard.signers.form
    signers.chairName.setText("Nguyễn Văn An")
    signers.viceName.setText("Lê Thị Bình")
    signers.viceGender.setCurrentIndex(signers.viceGender.findData("nữ"))
    wizard.next()
    assert wizard.currentId() == FirstRunWizard.PAGE_CITATIONS
    editor = wizard.citations.editor
    editor.select("report")
    editor.set_text(editor.form.editor.toPlainText() + "\nCăn cứ tình hình thực tế của xã;")
    assert wizard.button(QWizard.WizardButton.FinishButton).text() == "Hoàn tất"
    wizard.accept()
    assert wizard.result() == ACCEPTED


def test_from_an_empty_database_to_the_files_for_the_district(app, qtbot, db_path, tmp_path):
    from docx import Document
    store = Store.open(db_path)
    assert store.is_empty()
    run_wizard(store, qtbot)
    assert not store.is_empty()
    setup = store.load()
    assert setup.commune.full_name == "xã Hà Lĩnh" and setup.commune.district_full == "huyện Hà Trung"
    assert [p.full_name for p in setup.people] == ["Nguyễn Văn An", "Lê Thị Bình"]
    assert {m.role for m in setup.committee} == {"head", "deputy"}
    assert store.load_settings().citations["report"][-1] == "Căn cứ tình hình thực tế của xã"

    session = Session(store)
    window = MainWindow(session)
    qtbot.addWidget(window)
    window.show()

    # -- the committee: the wizard put the chair and vice-chair in; add the other members --
    committee = window.go_to("committee")
    assert committee.model.rowCount() == 2
    assert window.state_of("committee").warnings > 0 and window.state_of("committee").errors == 0
    with dialogs.Script() as script:
        new_member(script, "Trần Văn Đức", "member", office="front_chair", birth_year=1970, phone="0912 345 678")
        committee.add_member()
        new_member(script, "Phạm Thị Hoa", "member", office="youth_union_secretary", gender="nữ",
                   birth_year=1995, phone="0987654321")
        committee.add_member()
        script.done()
    names = [committee.model.index(r, 1).data() for r in range(committee.model.rowCount())]
    assert names[:2] == ["Nguyễn Văn An", "Lê Thị Bình"]          # head, deputy first
    assert names[2:] == ["Trần Văn Đức", "Phạm Thị Hoa"]          # then members in name order (Đức < Hoa)
    assert store.load().person_map()[session.setup.committee[2].person_id].phone == "0912345678"

    # -- two villages, pasted at once --
    villages = window.go_to("villages")
    with dialogs.Script() as script:
        def paste(req):
            req.dialog.form.names.setPlainText("1. Thôn Đông Sơn\n2. Tây Sơn\n")
            req.dialog.accept()
            return req.dialog.result()
        script.then("exec", paste)
        villages.add_villages()
        script.done()
    assert [v.full_name for v in store.load().villages] == ["thôn Đông Sơn", "thôn Tây Sơn"]

    # -- a finding appears: the villages have no team yet --
    checks = window.go_to("checks")
    errors = checks.finding_items("error")
    assert "Thôn Đông Sơn chưa có Tổ công nghệ số cộng đồng." in errors
    assert window.state_of("teams").errors == 2
    assert window.form.stepList.item(3).data(Qt.ItemDataRole.UserRole + 20).level == "error"

    # -- the finding leads to the place to fix it --
    head = checks.form.tree.topLevelItem(0)
    item = next(head.child(i) for i in range(head.childCount()) if "Đông Sơn" in head.child(i).text(0))
    checks.go(item)
    teams = window.pages["teams"]
    assert window.current_key == "teams" and teams.village == "Đông Sơn"

    # -- the teams: three people each, the first ones created on the spot --
    with dialogs.Script() as script:
        new_member(script, "Hoàng Văn Sơn", "leader", office="village_head", birth_year=1975, phone="0911111111")
        teams.add_member()
        new_member(script, "Vũ Thị Mai", "deputy", office="youth_branch_secretary", gender="nữ", birth_year=1999,
                   phone="0922222222")
        teams.add_member()
        script.then("exec", pick_existing("pham hoa"))  # Phạm Thị Hoa, already in the committee, typed without tones
        teams.add_member()
        script.done()
    setup = store.load()
    assert sorted(setup.person(m.person_id).full_name for m in setup.team_for("Đông Sơn").members) == [
        "Hoàng Văn Sơn", "Phạm Thị Hoa", "Vũ Thị Mai"]
    window.go_to("checks")
    assert "Thôn Đông Sơn chưa có Tổ công nghệ số cộng đồng." not in checks.finding_items("error")
    assert "Thôn Tây Sơn chưa có Tổ công nghệ số cộng đồng." in checks.finding_items("error")
    window.go_to("teams")
    teams.select_village("Tây Sơn")
    with dialogs.Script() as script:
        new_member(script, "Đỗ Văn Tùng", "leader", office="village_head", birth_year=1980, phone="0933333333")
        teams.add_member()
        new_member(script, "Ngô Thị Lan", "deputy", office="youth_union_member", gender="nữ", birth_year=2000,
                   phone="0944444444")
        teams.add_member()
        new_member(script, "Bùi Văn Long", "member", office="other", birth_year=1990, phone="0955555555")
        teams.add_member()
        script.done()

    # -- the finding is gone, live --
    window.go_to("checks")
    assert not any("chưa có Tổ" in m for m in checks.finding_items("error"))
    assert window.state_of("teams").errors == 0
    team = store.load().team_for("Tây Sơn")
    assert [m.role for m in team.members] == ["leader", "deputy", "member"]

    # -- the documents: write the set (the checks still warn, no errors), then read it back --
    docs = window.go_to("documents")
    out = tmp_path / "van_ban"
    docs.form.outDir.setText(str(out))
    assert session.states["checks"].errors == 0
    with dialogs.Script() as script:
        assert docs.write_documents()
        script.done()
    written = docs.written_files()
    assert written and all(p.exists() for p in written)
    team_decision = next(p for p in written if "Dong_Son" in p.name)
    text = "\n".join(par.text for par in Document(team_decision).paragraphs)
    tables = Document(team_decision).tables
    text += "\n".join(cell.text for t in tables for row in t.rows for cell in row.cells)
    assert "Hoàng Văn Sơn" in text
    zip_path = next(p for p in written if p.suffix == ".zip")
    with zipfile.ZipFile(zip_path) as z:
        assert team_decision.name in z.namelist()
    assert window.state_of("documents").level == "ok"
    # the e-mail names the recipient, the zip and the deadline
    body = docs.form.mailBody.toPlainText()
    assert "Ủy ban nhân dân huyện Hà Trung" in body and zip_path.name in body and "10/4/2022" in body
    docs.copy_mail()
    from PySide6.QtGui import QGuiApplication
    assert QGuiApplication.clipboard().text() == body
    # opening a file goes to the system (answered here, nothing is launched)
    with dialogs.Script() as script:
        script.then("open_url", lambda req: req.path.endswith(".docx") or req.path)
        docs.open_file(0)
        script.done()
    window.close()
    store.close()


def test_writing_with_errors_asks_first(app, qtbot, sample_store, tmp_path):
    session = Session(sample_store)
    window = MainWindow(session)
    qtbot.addWidget(window)
    head = next(m for m in session.setup.committee if m.role == "head")
    session.change(lambda s: s.remove_committee_member(head.person_id))
    docs = window.go_to("documents")
    docs.form.outDir.setText(str(tmp_path / "out"))
    with dialogs.Script() as script:
        script.then("ask", "no")
        assert not docs.write_documents()
        script.done()
    assert "chưa có Trưởng ban" in script.seen[0].detail
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())
    with dialogs.Script() as script:
        script.then("ask", "yes")
        assert docs.write_documents()
    assert any(p.suffix == ".docx" for p in docs.written_files())


def test_files_of_an_earlier_set_are_pointed_out(app, qtbot, sample_store, tmp_path):
    session = Session(sample_store)
    window = MainWindow(session)
    qtbot.addWidget(window)
    docs = window.go_to("documents")
    out = tmp_path / "out"
    out.mkdir()
    docs.form.outDir.setText(str(out))
    assert docs.write_documents()
    assert "tệp cũ" not in docs.form.progressLabel.text()
    session.change(lambda s: s.remove_village("Phú Lâm"))
    docs = window.go_to("documents")
    assert docs.write_documents()   # removing a village leaves no error: no question is asked
    note = docs.form.progressLabel.text()
    assert "1 tệp cũ" in note and "04_QD_To_CNSCD_08_thon_Phu_Lam_xa_Ha_Linh.docx" in note
    assert (out / "04_QD_To_CNSCD_08_thon_Phu_Lam_xa_Ha_Linh.docx").exists()


def test_wizard_for_a_commune_without_a_district(app, qtbot, db_path):
    """Since 1 July 2025 there is no district level: the clerk types a commune of another province, leaves the
    district empty, and the report goes to the province."""
    store = Store.open(db_path)
    wizard = FirstRunWizard(store)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.next()
    form = wizard.commune_page.editor.form
    form.provinceName.setText("Nghệ An")          # QTest cannot type non-ASCII letters: set, then signal the edit
    form.provinceName.textEdited.emit("Nghệ An")
    form.districtName.clear()
    form.districtName.textEdited.emit("")
    form.communeKind.setCurrentText("phường")
    form.communeName.setEditText("Vinh Phú")
    assert wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    assert form.reportTo.text() == "Ủy ban nhân dân tỉnh Nghệ An"
    wizard.next()
    wizard.next()
    wizard.accept()
    c = store.load_commune()
    assert (c.kind, c.name, c.province, c.district, c.district_kind) == ("phường", "Vinh Phú", "Nghệ An", None, None)
    assert c.report_to == "Ủy ban nhân dân tỉnh Nghệ An"
    wizard.close()
    store.close()
