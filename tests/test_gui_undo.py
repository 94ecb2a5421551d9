"""Removing asks first, and can be undone (the "Hoàn tác" button, the menu, Ctrl+Z); the database follows."""
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from desktop.qt import dialogs




def committee_names(store):
    setup = store.load()
    return {setup.person(m.person_id).full_name for m in setup.committee}


def test_removing_a_member_asks_and_can_be_undone(window):
    store = window.session.store
    page = window.go_to("committee")
    page.select(next(m.person_id for m in store.load().committee if m.role == "member"))
    name = page.model.index(page.form.table.currentIndex().row(), 1).data()
    before = committee_names(store)
    page.form.table.setFocus()
    # "Không": nothing happens
    with dialogs.Script() as script:
        script.then("ask", "no")
        QTest.keyClick(page.form.table, Qt.Key.Key_Delete)
        script.done()
    assert script.seen[0].choices == [("yes", "Có"), ("no", "Không")]
    assert name in script.seen[0].text
    assert committee_names(store) == before
    # "Có": removed from the database at once, and the window offers to undo
    with dialogs.Script() as script:
        script.then("ask", "yes")
        page.remove_member()
        script.done()
    assert committee_names(store) == before - {name}
    assert window.form.undoBar.isVisible() and name in window.form.undoLabel.text()
    assert window.undo_action.isEnabled()
    # Ctrl+Z puts it back
    QTest.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert committee_names(store) == before
    assert not window.form.undoBar.isVisible()
    assert name in [page.model.index(r, 1).data() for r in range(page.model.rowCount())]


def test_removing_a_village_takes_its_team_and_undo_brings_both_back(window):
    store = window.session.store
    page = window.go_to("villages")
    page.select("Gia Lộc")
    team_before = [m.person_id for m in store.load().team_for("Gia Lộc").members]
    supporters = [m.person_id for m in store.load().committee if "Gia Lộc" in m.villages]
    with dialogs.Script() as script:
        script.then("ask", "yes")
        page.remove_village()
        script.done()
    assert "5 người" in script.seen[0].detail
    setup = store.load()
    assert "Gia Lộc" not in [v.name for v in setup.villages] and setup.team_for("Gia Lộc") is None
    assert all(setup.person(pid) for pid in team_before)        # the people stay
    window.form.undoButton.click()                               # the "Hoàn tác" button
    setup = store.load()
    assert [m.person_id for m in setup.team_for("Gia Lộc").members] == team_before
    assert [m.person_id for m in setup.committee if "Gia Lộc" in m.villages] == supporters
    assert [v.name for v in setup.villages][5] == "Gia Lộc"     # back in its place


def test_removing_from_a_team_and_undo(window):
    store = window.session.store
    page = window.go_to("teams")
    page.select_village("Bắc Sơn")
    pid = store.load().team_for("Bắc Sơn").members[-1].person_id
    page.select_person(pid)
    page.form.table.setFocus()
    with dialogs.Script() as script:
        script.then("ask", "yes")
        QTest.keyClick(page.form.table, Qt.Key.Key_Delete)
        script.done()
    assert pid not in [m.person_id for m in store.load().team_for("Bắc Sơn").members]
    window.undo()
    assert pid in [m.person_id for m in store.load().team_for("Bắc Sơn").members]
    assert not window.undo_action.isEnabled()


def test_removing_a_person_altogether_and_undo(window):
    """A person entered twice is removed from the list (and every place they hold) from their details."""
    from desktop.qt.people import REMOVE_PERSON
    store = window.session.store
    page = window.go_to("teams")
    page.select_village("Nam Sơn")
    pid = store.load().team_for("Nam Sơn").members[0].person_id
    page.select_person(pid)
    with dialogs.Script() as script:
        script.then("exec", lambda req: req.dialog.form.removePersonButton.click() or req.dialog.result())
        script.then("ask", "yes")
        page.edit_member()
        script.done()
    assert script.seen[0].dialog.result() == REMOVE_PERSON
    assert "Tổ thôn Nam Sơn" in script.seen[1].detail
    assert store.load().person(pid) is None
    window.undo()
    assert store.load().person(pid) is not None
    assert pid in [m.person_id for m in store.load().team_for("Nam Sơn").members]
