"""The commune's details form (``ui/commune_form.ui``), shared by the first-run wizard and the Thông tin xã step."""
from __future__ import annotations

import copy
import datetime as _dt

from PySide6.QtCore import QDate, QObject, Signal
from PySide6.QtWidgets import QWidget

from .. import mail, presets, text
from ..model import COMMUNE_KINDS, DISTRICT_KINDS, PROVINCE_KINDS, Commune
from . import uiload


def suggested_report_to(c: Commune) -> str:
    """Who the report goes to, from the district (or the province where there is no district any more)."""
    if c.district and text.search_key(c.district) == "ha trung" and c.district_kind == "huyện":
        return presets.HA_TRUNG_REPORT_TO
    if c.district:
        return f"Ủy ban nhân dân {c.district_full}"
    if c.province:
        return f"Ủy ban nhân dân {c.province_full}"
    return ""


def _qdate(d: _dt.date) -> QDate:
    return QDate(d.year, d.month, d.day)


class CommuneEditor(QObject):
    edited = Signal()

    def __init__(self, host: QWidget):
        super().__init__(host)
        self.form = f = uiload.embed(host, "commune_form.ui")
        f.provinceKind.addItems(list(PROVINCE_KINDS))
        f.districtKind.addItems(list(DISTRICT_KINDS))
        f.communeKind.addItems(list(COMMUNE_KINDS))
        for kind, name in presets.HA_TRUNG_2022_UNITS:
            f.communeName.addItem(name, kind)
        f.communeName.setCurrentIndex(-1)
        f.communeName.lineEdit().setPlaceholderText("chọn trong danh sách hoặc gõ tên")
        f.deadline.setDate(QDate.currentDate())
        self._base = Commune()
        self._loading = False
        self._auto_report = True
        for w in (f.provinceName, f.districtName, f.placeName):
            w.textEdited.connect(self._changed)
        f.communeName.editTextChanged.connect(self._changed)
        f.communeName.activated.connect(self._picked_unit)
        for w in (f.provinceKind, f.districtKind, f.communeKind):
            w.currentIndexChanged.connect(self._changed)
        f.year.valueChanged.connect(self._changed)
        f.reportTo.textEdited.connect(self._report_edited)
        f.hasDeadline.toggled.connect(self._deadline_toggled)
        f.deadline.dateChanged.connect(self._changed)
        self._deadline_toggled(f.hasDeadline.isChecked(), emit=False)

    # -- in and out -----------------------------------------------------------------------------------------------
    def set_commune(self, c: Commune) -> None:
        f = self.form
        self._loading = True
        try:
            self._base = copy.deepcopy(c)
            f.provinceKind.setCurrentText(c.province_kind or "tỉnh")
            f.provinceName.setText(c.province)
            f.districtKind.setCurrentText(c.district_kind or "huyện")
            f.districtName.setText(c.district or "")
            f.communeKind.setCurrentText(c.kind or "xã")
            f.communeName.setEditText(c.name)
            f.placeName.setText(c.place_name if c.place_name != c.name else "")
            f.placeName.setPlaceholderText(c.name or "bỏ trống thì dùng tên xã")
            f.year.setValue(c.year or _dt.date.today().year)
            f.reportTo.setText(c.report_to)
            f.reportTo.setCursorPosition(0)
            self._auto_report = not c.report_to or c.report_to == suggested_report_to(c)
            f.hasDeadline.setChecked(c.report_deadline is not None)
            if c.report_deadline:
                f.deadline.setDate(_qdate(c.report_deadline))
            self._deadline_toggled(c.report_deadline is not None, emit=False)
        finally:
            self._loading = False
        self._update_notes()

    def commune(self) -> Commune:
        f = self.form
        c = copy.deepcopy(self._base)
        c.province_kind = f.provinceKind.currentText()
        c.province = text.clean(f.provinceName.text())
        c.district = text.clean(f.districtName.text()) or None
        c.district_kind = f.districtKind.currentText() if c.district else None
        c.kind = f.communeKind.currentText()
        c.name = text.clean(f.communeName.currentText())
        c.place_name = text.clean(f.placeName.text()) or c.name
        c.year = f.year.value()
        c.report_to = text.clean(f.reportTo.text())
        if f.hasDeadline.isChecked():
            d = f.deadline.date()
            c.report_deadline = _dt.date(d.year(), d.month(), d.day())
        else:
            c.report_deadline = None
        return c

    def is_complete(self) -> bool:
        c = self.commune()
        return bool(c.name and c.province and c.year)

    # -- reactions ------------------------------------------------------------------------------------------------
    def _picked_unit(self, index: int) -> None:
        kind = self.form.communeName.itemData(index)
        if kind:
            self.form.communeKind.setCurrentText(kind)
        self._changed()

    def _report_edited(self) -> None:
        self._auto_report = not self.form.reportTo.text().strip()
        self._changed()

    def _deadline_toggled(self, on: bool, emit: bool = True) -> None:
        self.form.deadline.setEnabled(on)
        if emit:
            self._changed()

    def _changed(self, *args) -> None:
        if self._loading:
            return
        if self._auto_report:
            suggestion = suggested_report_to(self.commune())
            if suggestion != self.form.reportTo.text():
                self.form.reportTo.setText(suggestion)
                self.form.reportTo.setCursorPosition(0)
        self._update_notes()
        self.edited.emit()

    def _update_notes(self) -> None:
        f = self.form
        c = self.commune()
        f.placeName.setPlaceholderText(c.name or "bỏ trống thì dùng tên xã")
        note = mail.deadline_note(c.report_deadline, _dt.date.today())
        f.deadlineNote.setText(note.split("— ", 1)[-1] if note else "")
        missing = [label for label, ok in (("tên xã", c.name), ("tên tỉnh", c.province)) if not ok]
        if missing:
            f.problemsLabel.setText(f"<span style='color:#c62828'>Cần nhập {' và '.join(missing)}.</span>")
        else:
            f.problemsLabel.setText(f"Các văn bản sẽ ghi: <b>Ủy ban nhân dân {c.full_name}</b>"
                                    + (f", {c.district_full}" if c.district else "")
                                    + (f", {c.province_full}" if c.province else "") + ".")
