"""Step 6, Văn bản: the set that will be written and its options, the plan's content and the cited texts, the
number and date of each signed document, then writing the set, opening it, and the e-mail for the district.

The document libraries are imported only here, and only when needed (start-up stays fast)."""
from __future__ import annotations

import copy
import datetime as _dt
import re
from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QKeySequence
from PySide6.QtWidgets import QApplication, QHeaderView, QPushButton, QTableWidgetItem, QTreeWidgetItem

from ... import mail, presets, text
from ...files import WriteError, explain
from ...model import CITED_KINDS, DOC_KINDS, IssuedDocument
from .. import dialogs, prefs, steps, uiload
from ..lines_editor import LinesEditor
from .base import Page, add_shortcut

SAVE_DELAY_MS = 500

CONTENT_ENTRIES = [("plan_targets", "Kế hoạch — Mục tiêu, chỉ tiêu"), ("plan_tasks", "Kế hoạch — Nhiệm vụ, giải pháp"),
                   ("team_tasks", "Nhiệm vụ của Tổ công nghệ số cộng đồng"),
                   ("committee_duties", "Nhiệm vụ của Ban Chỉ đạo")]
CONTENT_PRESETS = {"plan_targets": presets.PLAN_TARGETS, "plan_tasks": presets.PLAN_TASKS,
                   "team_tasks": presets.TEAM_TASKS, "committee_duties": presets.COMMITTEE_DUTIES}
CITATION_ENTRIES = [(k, DOC_KINDS[k][0]) for k in CITED_KINDS]

_DATE = re.compile(r"^\s*(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{4})\s*$")
_ISO = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*$")


def parse_date(value: str) -> _dt.date | None:
    """'05/4/2022', '5-4-2022', '2022-04-05' → date; '' → None; anything else raises ValueError."""
    value = (value or "").strip()
    if not value:
        return None
    m = _DATE.match(value)
    if m:
        day, month, year = (int(x) for x in m.groups())
    else:
        m = _ISO.match(value)
        if not m:
            raise ValueError(value)
        year, month, day = (int(x) for x in m.groups())
    return _dt.date(year, month, day)


def export_module():
    """The documents package, imported on first use; None when it cannot be loaded."""
    try:
        from ...documents import export
    except ImportError:
        return None
    return export


def register_rows(setup, settings) -> list[tuple[str, str | None, str]]:
    """(kind, village, label) of every document whose number and date the clerk records."""
    rows = [("plan", None, DOC_KINDS["plan"][0]), ("committee_decision", None, DOC_KINDS["committee_decision"][0]),
            ("duties", None, DOC_KINDS["duties"][0])]
    if settings.team_decisions == "single":
        rows.append(("team_decision", None, f"{DOC_KINDS['team_decision'][0]} (các thôn)"))
    else:
        rows += [("team_decision", v.name, f"{DOC_KINDS['team_decision'][0]} {v.full_name}") for v in setup.villages]
    rows.append(("report", None, DOC_KINDS["report"][0]))
    return rows


class DocumentsPage(Page):
    key = "documents"

    def __init__(self, session, window):
        super().__init__(session, window)
        f = self.form = uiload.embed(self, "page_documents.ui")
        self._loading = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SAVE_DELAY_MS)
        self._timer.timeout.connect(self.flush)
        # options
        for w in (f.perVillageRadio, f.singleRadio, f.chairSignRadio, f.viceSignRadio):
            w.toggled.connect(self._option_toggled)
        for w in (f.chairName, f.viceName):
            w.editTextChanged.connect(self._typed)
        f.proposer.textEdited.connect(self._typed)
        f.planList.setHeaderLabels(["Văn bản", "Tên tệp"])
        f.planList.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        f.planList.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        f.planList.header().setStretchLastSection(False)
        # content and citations
        self.content = LinesEditor(f.contentTab, CONTENT_ENTRIES, CONTENT_PRESETS, chooser_label="&Nội dung:",
                                   restore_label="&Khôi phục mặc định", strip_end=False,
                                   hint="Mỗi dòng một mục, viết thành câu trọn vẹn.")
        self.citations = LinesEditor(f.citationsTab, CITATION_ENTRIES, presets.HA_TRUNG_2022_CITATIONS)
        self.content.edited.connect(self._typed)
        self.citations.edited.connect(self._typed)
        # register
        t = f.registerTable
        t.setColumnCount(5)
        t.setHorizontalHeaderLabels(["Văn bản", "Số", "Ký hiệu", "Ngày ký", "Người ký"])
        t.verticalHeader().hide()
        t.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        t.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        t.itemChanged.connect(self._register_edited)
        # writing
        f.outDir.setText(self.default_out_dir())
        f.chooseDirButton.clicked.connect(self._choose_dir)
        f.writeButton.clicked.connect(lambda: self.write_documents())
        f.progressBar.setValue(0)
        f.progressBar.setVisible(False)
        ft = f.filesTable
        ft.setColumnCount(2)
        ft.setHorizontalHeaderLabels(["Văn bản", ""])
        ft.verticalHeader().hide()
        ft.setWordWrap(False)
        ft.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        ft.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        ft.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Fixed)
        ft.setColumnWidth(1, QPushButton("Mở").sizeHint().width() + ft.fontMetrics().horizontalAdvance("M"))
        f.resultSplitter.setStretchFactor(0, 3)
        f.resultSplitter.setStretchFactor(1, 2)
        ft.itemActivated.connect(lambda item: self.open_file(item.row()))
        f.openDirButton.clicked.connect(self.open_dir)
        f.copyButton.clicked.connect(self.copy_mail)
        f.copySubjectButton.clicked.connect(self.copy_subject)
        add_shortcut(f.registerTable, QKeySequence.StandardKey.Delete, self._clear_register_cell, "Xóa ô")
        self._written_paths: list[Path] = []
        self._update_file_buttons()

    # -- showing --------------------------------------------------------------------------------------------------
    def default_out_dir(self) -> str:
        saved = prefs.get("documents/out_dir", "")
        if saved:
            return saved
        c = self.session.setup.commune
        base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or str(Path.home())
        name = "_".join(x for x in ("CDS", str(c.year or ""), text.slug(c.full_name)) if x)
        return str(Path(base) / name)

    def refresh(self, source=None) -> None:
        s = self.session.settings
        setup = self.session.setup
        f = self.form
        if source is not self:
            self._timer.stop()
            self._loading = True
            try:
                (f.singleRadio if s.team_decisions == "single" else f.perVillageRadio).setChecked(True)
                (f.viceSignRadio if s.sign_as == "vice_chair" else f.chairSignRadio).setChecked(True)
                chair = setup.chair()
                self._fill_names(f.chairName, [p.full_name for p in setup.people if p.office == "ubnd_chair"],
                                 s.chair_name, chair.full_name if chair else "Họ và tên Chủ tịch UBND xã")
                vices = [p.full_name for p in setup.vice_chairs()]
                self._fill_names(f.viceName, vices, s.vice_chair_name, vices[0] if vices else "Họ và tên Phó Chủ tịch")
                f.proposer.setText(s.proposer)
                self.content.set_values({"plan_targets": s.plan_targets, "plan_tasks": s.plan_tasks,
                                         "team_tasks": s.team_tasks, "committee_duties": s.committee_duties})
                self.citations.set_values(s.citations)
            finally:
                self._loading = False
        self._fill_plan()
        self._fill_register()
        self._fill_mail()

    @staticmethod
    def _fill_names(combo, names: list[str], value: str, placeholder: str) -> None:
        combo.blockSignals(True)
        combo.clear()
        combo.addItems(names)
        combo.setEditText(value)
        combo.lineEdit().setPlaceholderText(placeholder)
        combo.blockSignals(False)

    def _fill_plan(self) -> None:
        f = self.form
        f.planList.clear()
        export = export_module()
        if export is None:
            f.planLabel.setText("<span style='color:#c62828'>Không nạp được bộ phận viết văn bản của chương trình."
                                "</span>")
            return
        planned = export.plan_set(self.session.setup, self.session.settings)
        for p in planned:
            QTreeWidgetItem(f.planList, [p.title, p.name])
        errors = self.session.states["checks"].errors
        note = (f" <span style='color:#c62828'>Dữ liệu còn {errors} lỗi (xem bước Kiểm tra); vẫn viết được bản "
                "nháp.</span>" if errors else "")
        f.planLabel.setText(f"Sẽ viết <b>{len(planned)} tệp</b> (Word và Excel), tên tệp không dấu để gửi thư "
                            f"an toàn.{note}")

    def _fill_register(self) -> None:
        t = self.form.registerTable
        s, setup = self.session.settings, self.session.setup
        rows = register_rows(setup, s)
        t.blockSignals(True)
        t.setRowCount(len(rows))
        for r, (kind, village, label) in enumerate(rows):
            doc = s.issued(kind, village)
            cells = [label, doc.number if doc else "", "/" + DOC_KINDS[kind][1], text.short_date(doc.date) if doc else "",
                     doc.signer if doc else ""]
            for c, value in enumerate(cells):
                item = QTableWidgetItem(value)
                item.setData(Qt.ItemDataRole.UserRole, (kind, village))
                if c in (0, 2):
                    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                if c == 3:
                    item.setToolTip("Ngày ký, dạng 05/4/2022")
                t.setItem(r, c, item)
        t.blockSignals(False)

    def _attachments(self):
        result = self.session.last_export
        if result is not None:
            items, zip_name = mail.attachments_from(result.files, result.zip_path)
            return items, zip_name
        export = export_module()
        if export is None:
            return [], None
        planned = export.plan_set(self.session.setup, self.session.settings)
        zip_name = export.zip_name(self.session.setup) if self.form.zipCheck.isChecked() else None
        return [mail.Attachment(p.name, p.title) for p in planned], zip_name

    def _fill_mail(self) -> None:
        f = self.form
        items, zip_name = self._attachments()
        m = mail.compose(self.session.setup, items, zip_name=zip_name, today=_dt.date.today())
        self.mail = m
        f.mailSubject.setText(m.subject)
        f.mailSubject.setCursorPosition(0)
        f.mailBody.setPlainText(m.body)
        note = m.deadline_note or "Chưa ghi hạn gửi báo cáo (bước Thông tin xã)."
        if not self.session.last_export:
            note += " Thư này sẽ đúng khi đã viết bộ văn bản."
        f.deadlineNote.setText(note)
        f.copiedLabel.setText("")

    # -- options and text: saved a moment after the clerk stops ----------------------------------------------------
    def _option_toggled(self, checked: bool) -> None:
        if self._loading or not checked:
            return
        self.flush()

    def _typed(self, *args) -> None:
        if not self._loading:
            self._timer.start()

    def current_settings(self):
        f = self.form
        s = copy.deepcopy(self.session.settings)
        s.team_decisions = "single" if f.singleRadio.isChecked() else "per_village"
        s.sign_as = "vice_chair" if f.viceSignRadio.isChecked() else "chair"
        s.chair_name = text.clean(f.chairName.currentText())
        s.vice_chair_name = text.clean(f.viceName.currentText())
        s.proposer = text.clean(f.proposer.text())
        content = self.content.values()
        s.plan_targets, s.plan_tasks = content["plan_targets"], content["plan_tasks"]
        s.team_tasks, s.committee_duties = content["team_tasks"], content["committee_duties"]
        s.citations = self.citations.values()
        return s

    def flush(self) -> None:
        self._timer.stop()
        new = self.current_settings()
        if new == self.session.settings:
            return
        self.session.save_settings(new, source=self)

    def hideEvent(self, event):  # noqa: N802
        self.flush()
        super().hideEvent(event)

    # -- register -------------------------------------------------------------------------------------------------
    def _register_edited(self, item: QTableWidgetItem) -> None:
        t = self.form.registerTable
        row = item.row()
        kind, village = item.data(Qt.ItemDataRole.UserRole)
        number = text.clean(t.item(row, 1).text())
        number = number.split("/")[0].strip() if "/" in number else number
        try:
            date = parse_date(t.item(row, 3).text())
        except ValueError:
            dialogs.warning(self, "Ngày không hợp lệ",
                            f"«{t.item(row, 3).text()}» không phải là ngày. Hãy ghi dạng 05/4/2022.")
            QTimer.singleShot(0, self._fill_register)
            return
        signer = text.clean(t.item(row, 4).text())
        doc = IssuedDocument(kind=kind, village=village, number=number, date=date, signer=signer)
        QTimer.singleShot(0, lambda: self.session.change(lambda s: s.record_issued(doc), source=None))

    def _clear_register_cell(self) -> None:
        item = self.form.registerTable.currentItem()
        if item is not None and item.flags() & Qt.ItemFlag.ItemIsEditable:
            item.setText("")

    def record(self, kind: str, village: str | None, number: str, date: str, signer: str = "") -> None:
        """Type a number and date into the register row of (kind, village), as the clerk would."""
        t = self.form.registerTable
        for r in range(t.rowCount()):
            if t.item(r, 0).data(Qt.ItemDataRole.UserRole) == (kind, village):
                t.blockSignals(True)
                t.item(r, 4).setText(signer)
                t.item(r, 1).setText(number)
                t.blockSignals(False)
                t.item(r, 3).setText(date)   # one change for the row
                return
        raise KeyError((kind, village))

    # -- writing --------------------------------------------------------------------------------------------------
    def _choose_dir(self) -> None:
        start = self.form.outDir.text() or prefs.last_dir()
        chosen = dialogs.choose_dir(self, "Chọn thư mục lưu văn bản", start if Path(start).is_dir()
                                    else str(Path(start).parent))
        if chosen:
            self.form.outDir.setText(chosen)
            prefs.remember_dir(chosen)

    def write_documents(self) -> bool:
        """Write the whole set (asks first when the checks still have errors). True when written."""
        self.flush()
        f = self.form
        export = export_module()
        if export is None:
            dialogs.error(self, "Không viết được văn bản", "Không nạp được bộ phận viết văn bản của chương trình. "
                          "Hãy cài lại chương trình.")
            return False
        findings = steps.commune_findings(self.session.setup) + self.session.findings
        errors = [x for x in findings if x.level == "error"]
        if errors:
            listed = "\n".join(f"• {x.message}" for x in errors[:8]) + ("\n• …" if len(errors) > 8 else "")
            if dialogs.ask(self, "Dữ liệu còn lỗi",
                           f"Dữ liệu còn {len(errors)} lỗi so với hướng dẫn của huyện. Vẫn viết bộ văn bản (bản "
                           "nháp)?", [("yes", "Vẫn viết"), ("no", "Không, để sửa trước")], default="no",
                           detail=listed) != "yes":
                return False
        out = Path(text.clean(f.outDir.text()) or self.default_out_dir()).expanduser()
        try:
            out.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            dialogs.error(self, "Không tạo được thư mục", str(explain(out, exc)))
            return False
        f.progressBar.setVisible(True)
        f.progressBar.setRange(0, 1)
        f.progressBar.setValue(0)
        f.writeButton.setEnabled(False)

        def progress(done: int, total: int, label: str) -> None:
            f.progressBar.setRange(0, total)
            f.progressBar.setValue(done)
            f.progressLabel.setText(f"{done}/{total}: {label}")
            QApplication.processEvents()

        from ...documents import TemplateError
        try:
            result = export.write_set(self.session.setup, self.session.settings, out,
                                      make_zip=f.zipCheck.isChecked(), progress=progress)
        except (WriteError, TemplateError) as exc:
            f.progressLabel.setText("Chưa viết tệp nào.")
            dialogs.error(self, "Không viết được văn bản", str(exc), detail="Chưa viết tệp nào; các tệp đã có "
                          "trong thư mục được giữ nguyên.")
            return False
        finally:
            f.writeButton.setEnabled(True)
        done_text = f"Đã viết {len(result.files)} tệp vào {out}."
        if result.stale:
            names = ", ".join(p.name for p in result.stale[:3]) + (" …" if len(result.stale) > 3 else "")
            done_text += (f"\nLưu ý: thư mục còn {len(result.stale)} tệp cũ không thuộc bộ này (thôn đã đổi tên "
                          f"hoặc đã xóa), đừng gửi kèm: {names}")
        f.progressLabel.setText(done_text)
        prefs.put("documents/out_dir", str(out))
        prefs.remember_dir(out)
        self.session.written = len(result.files)
        self.session.last_export = result
        self._show_files(result)
        self.session.refresh()
        f.tabs.setCurrentWidget(f.writeTab)
        return True

    def _show_files(self, result) -> None:
        t = self.form.filesTable
        rows = [(w.title, Path(w.path)) for w in result.files]
        if result.zip_path:
            rows.append(("Tệp nén để gửi huyện", Path(result.zip_path)))
        self._written_paths = [p for _, p in rows]
        t.setRowCount(len(rows))
        for r, (title, path) in enumerate(rows):
            item = QTableWidgetItem(title)
            item.setToolTip(f"{title}\n{path}")
            t.setItem(r, 0, item)
            button = QPushButton("Mở")
            button.setToolTip(f"Mở {path.name}")
            button.clicked.connect(lambda checked=False, row=r: self.open_file(row))
            t.setCellWidget(r, 1, button)
        if rows:
            t.setCurrentCell(0, 0)
        self._update_file_buttons()

    def _update_file_buttons(self) -> None:
        has = bool(self._written_paths)
        self.form.openDirButton.setEnabled(has)

    def written_files(self) -> list[Path]:
        return list(self._written_paths)

    def open_file(self, row: int) -> None:
        if 0 <= row < len(self._written_paths):
            path = self._written_paths[row]
            if not dialogs.open_path(path):
                dialogs.warning(self, "Không mở được tệp", f"Máy chưa có chương trình mở được tệp {path.name}. "
                                "Hãy mở thư mục và mở tệp bằng Word hoặc Excel.")

    def open_dir(self) -> None:
        if self._written_paths:
            dialogs.open_path(self._written_paths[0].parent)

    def copy_mail(self) -> None:
        QGuiApplication.clipboard().setText(self.mail.body)
        self.form.copiedLabel.setText("Đã chép nội dung thư.")

    def copy_subject(self) -> None:
        QGuiApplication.clipboard().setText(self.mail.subject)
        self.form.copiedLabel.setText("Đã chép tiêu đề.")

    def jump(self, finding) -> None:
        self.form.tabs.setCurrentIndex(0)
