"""Vietnamese everywhere (Qt's own words included), the menus (import, export, backup, about), what is remembered,
the keyboard, villages pasted in bulk and reordered, and the numbers of signed documents."""
import datetime as dt
import json
import sqlite3

from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLineEdit, QMessageBox, QPlainTextEdit

from desktop import paths
from desktop.qt import dialogs, prefs
from desktop.qt.app import setup_app
from desktop.qt.main_window import MainWindow
from desktop.qt.pages.villages import parse_village_lines
from desktop.qt.session import Session

ENGLISH = {"Undo", "Redo", "Cut", "Copy", "Paste", "Delete", "Select All", "Yes", "No", "OK", "Cancel"}




def type_text(widget, value: str) -> None:
    """Type Vietnamese as a keyboard (Unikey) delivers it: one key event per letter (QTest.keyClicks is ASCII-only)."""
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QKeyEvent
    for ch in value:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch))


def plain(label: str) -> str:
    return label.replace("&", "").split("\t")[0]


def test_qt_own_words_are_vietnamese(qapp, qtbot):
    setup_app()
    for widget in (QLineEdit(), QPlainTextEdit()):
        qtbot.addWidget(widget)
        widget.setPlainText("chữ") if isinstance(widget, QPlainTextEdit) else widget.setText("chữ")
        menu = widget.createStandardContextMenu()
        labels = [plain(a.text()) for a in menu.actions() if not a.isSeparator()]
        assert labels and not ENGLISH & set(labels), labels
        assert "Sao chép" in labels and "Dán" in labels and "Chọn tất cả" in labels
    box = QMessageBox(QMessageBox.Icon.Question, "Hỏi", "Có không?",
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    assert [plain(b.text()) for b in box.buttons()] in (["Có", "Không"], ["Không", "Có"])
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    assert sorted(plain(b.text()) for b in buttons.buttons()) == ["Hủy", "Đồng ý"]
    # words Qt has no Vietnamese for stay as they are, never blank
    assert QCoreApplication.translate("QProgressBar", "%p%") == "%p%"
    assert QCoreApplication.translate("Xyz", "Something else") == "Something else"


def test_a_font_with_vietnamese_letters(qapp):
    from PySide6.QtGui import QFontMetrics
    app = setup_app()
    metrics = QFontMetrics(app.font())
    assert all(metrics.inFontUcs4(ord(ch)) for ch in "ăâđêôơưẠảẤầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ")


def test_menus_and_screens_have_no_english(window):
    texts = []
    for menu_action in window.menuBar().actions():
        texts.append(menu_action.text())
        texts += [a.text() for a in menu_action.menu().actions() if not a.isSeparator()]
    for key in ("commune", "committee", "villages", "teams", "checks", "documents"):
        page = window.go_to(key)
        from PySide6.QtWidgets import QAbstractButton, QLabel
        texts += [w.text() for w in page.findChildren(QAbstractButton) if w.text()]
        texts += [w.text() for w in page.findChildren(QLabel) if w.text()]
    words = {plain(t) for t in texts}
    assert not ENGLISH & words
    assert "Hoàn tác" in {plain(t).split(":")[0] for t in texts}


def test_import_refused_file_lists_the_problems_and_keeps_the_data(window, tmp_path):
    bad = tmp_path / "sai.json"
    bad.write_text(json.dumps({"format": "cds-xa", "version": 1, "commune": {"name": "X"}, "people": [
        {"id": "a", "full_name": "", "birth_year": 1800}]}), encoding="utf-8")
    before = window.session.store.load()
    with dialogs.Script() as script:
        script.then("open", str(bad))
        script.then("error", None)
        assert not window.import_file()
        script.done()
    message = script.seen[1]
    assert message.title == "Tệp bị từ chối" and "giữ nguyên" in message.text
    assert "people[0]" in message.detail and "birth_year" in message.detail
    assert window.session.store.load() == before


def test_export_then_import_replaces_and_can_be_undone(window, tmp_path, sample_path):
    out = tmp_path / "xa.json"
    with dialogs.Script() as script:
        script.then("save", str(out))
        assert window.export_file()
    assert json.loads(out.read_text(encoding="utf-8")) == json.loads(sample_path.read_text(encoding="utf-8"))
    # import another commune over it
    from desktop import demo
    from desktop.interchange import dumps
    other = tmp_path / "khac.json"
    other.write_text(dumps(demo.build(villages=3, team_size=3)), encoding="utf-8")
    with dialogs.Script() as script:
        script.then("open", str(other))
        script.then("ask", "yes")
        assert window.import_file()
        script.done()
    assert window.session.store.load().commune.name == "Hà Ngọc"
    assert window.windowTitle() == "CĐS Xã — xã Hà Ngọc"
    window.undo()
    assert window.session.store.load().commune.name == "Hà Lĩnh"


def test_backup_is_a_working_copy(window, tmp_path):
    dest = tmp_path / "saoluu.sqlite3"
    with dialogs.Script() as script:
        script.then("save", str(dest))
        assert window.backup()
    with sqlite3.connect(dest) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("SELECT count(*) FROM villages").fetchone()[0] == 8


def test_about_shows_version_and_data_folder(window):
    from desktop import __version__
    with dialogs.Script() as script:
        script.then("exec", 0)
        window.about()
    body = window.about_dialog.findChild(type(window.form.titleLabel), "bodyLabel").text()
    title = window.about_dialog.findChild(type(window.form.titleLabel), "titleLabel").text()
    assert __version__ in title and str(paths.data_dir()) in body


def test_window_size_and_last_folder_are_remembered(qapp, qtbot, sample_store, private_data_dir, tmp_path):
    setup_app()
    w = MainWindow(Session(sample_store))
    qtbot.addWidget(w)
    w.show()
    w.resize(760, 560)           # the offscreen screen is 800×600: a restored window is kept on it
    w.close()
    assert (private_data_dir / prefs.FILE_NAME).exists()       # inside the user's data folder
    prefs.remember_dir(tmp_path / "a_file.json")
    again = MainWindow(Session(sample_store))
    qtbot.addWidget(again)
    assert (again.width(), again.height()) == (760, 560)
    assert prefs.last_dir() == str(tmp_path)


def test_keyboard_ctrl_f_searches_the_step(window):
    page = window.go_to("committee")
    page.form.table.setFocus()
    QTest.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is page.form.searchEdit
    QTest.keyClicks(page.form.searchEdit, "khanh")   # Khánh, typed without tones
    shown = [page.proxy.index(r, 1).data() for r in range(page.proxy.rowCount())]
    assert shown and all("Khánh" in n for n in shown)
    QTest.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert window.current_key == "villages"


def test_villages_pasted_in_bulk_and_reordered(window):
    assert parse_village_lines("1. Thôn Đông Sơn\n2) Tiểu khu 3;  - Yên Hòa\n\nĐông Sơn", "thôn") == [
        ("Đông Sơn", "thôn"), ("3", "tiểu khu"), ("Yên Hòa", "thôn")]
    page = window.go_to("villages")
    with dialogs.Script() as script:
        def paste(req):
            dlg = req.dialog
            dlg.form.names.setPlainText("Tây Sơn\nXóm Mới\nTiểu khu Bắc")
            assert "Bỏ qua 1 tên đã có: Tây Sơn" in dlg.form.previewLabel.text()
            dlg.accept()
            return dlg.result()
        script.then("exec", paste)
        page.add_villages()
        script.done()
    villages = window.session.store.load().villages
    assert [v.full_name for v in villages[-2:]] == ["thôn Xóm Mới", "tiểu khu Bắc"]
    assert window.state_of("teams").errors >= 2                 # two villages without a team, at once
    page.select("Bắc")
    page.form.table.setFocus()
    QTest.keyClick(page.form.table, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert [v.name for v in window.session.store.load().villages][-2:] == ["Bắc", "Xóm Mới"]


def test_village_edited_in_place(window, qtbot):
    page = window.go_to("villages")
    row = page.model.row_of("Yên Hòa")
    index = page.proxy.mapFromSource(page.model.index(row, 3))
    page.proxy.setData(index, "1.250")
    qtbot.waitUntil(lambda: window.session.store.load().villages[row].households == 1250)
    index = page.proxy.mapFromSource(page.model.index(row, 1))
    page.proxy.setData(index, "Yên Hòa Mới")
    qtbot.waitUntil(lambda: window.session.store.load().villages[row].name == "Yên Hòa Mới")
    assert window.session.store.load().team_for("Yên Hòa Mới") is not None    # the team follows the rename


def test_numbers_and_dates_of_signed_documents(window):
    page = window.go_to("documents")
    page.form.tabs.setCurrentWidget(page.form.registerTab)
    page.record("committee_decision", None, "05/QĐ-UBND", "5/4/2022", "Cao Quang Khánh")
    QApplication.processEvents()
    doc = window.session.store.load_settings().issued("committee_decision")
    assert (doc.number, doc.date, doc.signer) == ("05", dt.date(2022, 4, 5), "Cao Quang Khánh")
    assert doc.number_text == "05/QĐ-UBND"
    with dialogs.Script() as script:
        script.then("warning", None)
        page.record("report", None, "10", "31/2/2022")
        QApplication.processEvents()
    assert "05/4/2022" in script.seen[0].text or "không phải là ngày" in script.seen[0].text
    assert window.session.store.load_settings().issued("report") is None


def test_options_and_cited_texts_are_saved_and_restored(window):
    page = window.go_to("documents")
    page.form.singleRadio.setChecked(True)
    assert window.session.store.load_settings().team_decisions == "single"
    assert sum("04_QD" in page.form.planList.topLevelItem(i).text(1)
               for i in range(page.form.planList.topLevelItemCount())) == 1
    page.form.viceSignRadio.setChecked(True)
    assert window.session.store.load_settings().sign_as == "vice_chair"
    page.citations.select("plan")
    page.citations.set_text("Căn cứ Luật Thử nghiệm;")
    page.flush()
    assert window.session.store.load_settings().citations["plan"] == ["Căn cứ Luật Thử nghiệm"]
    page.citations.restore()
    page.flush()
    from desktop import presets, text
    # (the store keeps texts cleaned: runs of spaces become one)
    assert window.session.store.load_settings().citations["plan"] == [
        text.clean(x) for x in presets.HA_TRUNG_2022_CITATIONS["plan"]]
    assert not page.citations.form.restoreButton.isEnabled()


def test_commune_details_are_saved_as_typed(window, qtbot):
    page = window.go_to("commune")
    page.form.reportTo.setText("")
    type_text(page.form.reportTo, "Ủy ban nhân dân huyện Thử")
    page.form.deadline.setDate(QDate(2022, 4, 12))
    qtbot.waitUntil(lambda: window.session.store.load_commune().report_to == "Ủy ban nhân dân huyện Thử")
    assert window.session.store.load_commune().report_deadline == dt.date(2022, 4, 12)
    page.form.provinceName.clear()
    QTest.keyClick(page.form.provinceName, Qt.Key.Key_Tab)
    window.go_to("checks")                                         # leaving the page writes at once
    assert window.session.store.load_commune().province == ""
    assert window.state_of("commune").level == "error"
    assert "Chưa có tên tỉnh." in window.pages["checks"].finding_items("error")


def test_real_message_box_has_vietnamese_buttons_and_returns_the_choice(qapp, qtbot):
    """Without a hook the real QMessageBox runs; a timer plays the clerk and presses «Không»."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QPushButton
    setup_app()
    seen = {}

    def press_no():
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen["buttons"] = sorted(b.text() for b in box.findChildren(QPushButton) if b.isVisible())
        next(b for b in box.buttons() if b.text() == "Không").click()
    QTimer.singleShot(50, press_no)
    assert dialogs.hook is None
    answer = dialogs.ask(None, "Xóa thôn", "Xóa thôn Đông Sơn?", dialogs.YES_NO)
    assert answer == "no"
    assert seen["buttons"] == ["Có", "Không"]


def test_villages_pasted_from_an_old_tcvn3_document(window):
    """A list copied out of an old Word file typed with the .VnTime fonts arrives as 'Th«n §«ng S¬n'."""
    page = window.go_to("villages")
    with dialogs.Script() as script:
        def paste(req):
            dlg = req.dialog
            dlg.form.names.setPlainText("Th«n §«ng Hµ\nTiÓu khu NghÜa Trang\nX\u00adëng Ph¸t")
            assert "TCVN3" in dlg.form.previewLabel.text()
            assert "thôn Đông Hà" in dlg.form.previewLabel.text()
            dlg.accept()
            return dlg.result()
        script.then("exec", paste)
        page.add_villages()
        script.done()
    villages = window.session.store.load().villages
    assert [v.full_name for v in villages[-3:]] == ["thôn Đông Hà", "tiểu khu Nghĩa Trang", "thôn Xưởng Phát"]
