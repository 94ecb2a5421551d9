"""The first-run wizard: the commune, the signers, the cited texts — or the sample commune to look around."""
from __future__ import annotations

import datetime as _dt

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWizard, QWizardPage

from .. import paths, presets, text
from ..model import CITED_KINDS, DOC_KINDS, GENDERS, CommitteeMember, Commune, Person, Setup
from ..store import Store, StoreError
from . import dialogs, i18n, icons, uiload
from .commune_form import CommuneEditor
from .lines_editor import LinesEditor



def wizard_defaults(today: _dt.date | None = None) -> Commune:
    """Huyện Hà Trung, tỉnh Thanh Hóa (the district letter); its deadline only while it is still ahead."""
    today = today or _dt.date.today()
    deadline = _dt.date.fromisoformat(presets.HA_TRUNG_DEADLINE)
    return Commune(province="Thanh Hóa", province_kind="tỉnh", district="Hà Trung", district_kind="huyện",
                   kind="xã", year=today.year, report_to=presets.HA_TRUNG_REPORT_TO,
                   report_deadline=deadline if today <= deadline else None)


class WelcomePage(QWizardPage):
    def __init__(self, wizard):
        super().__init__()
        self.setTitle("Chào mừng đến với CĐS Xã")
        self.setSubTitle("Chọn cách bắt đầu.")
        self.form = uiload.embed(self, "wizard_welcome.ui")

    def wants_sample(self) -> bool:
        return self.form.sampleRadio.isChecked()

    def nextId(self):  # noqa: N802
        return FirstRunWizard.PAGE_SAMPLE if self.wants_sample() else FirstRunWizard.PAGE_COMMUNE


class SamplePage(QWizardPage):
    def __init__(self):
        super().__init__()
        self.setTitle("Xã mẫu")
        self.setSubTitle("Bấm «Hoàn tất» để mở xã mẫu.")
        label = QLabel("Xã mẫu là xã Hà Lĩnh, huyện Hà Trung, tỉnh Thanh Hóa (năm 2022), đã có Ban Chỉ đạo, 8 thôn "
                       "và 8 Tổ công nghệ số cộng đồng. Xem thử từng bước, kiểm tra, viết thử bộ văn bản.\n\n"
                       "Khi muốn nhập xã của mình: menu Tệp › Nhập tệp dữ liệu xã, hoặc sửa trực tiếp ở từng bước.")
        label.setWordWrap(True)
        QVBoxLayout(self).addWidget(label)

    def nextId(self):  # noqa: N802
        return -1


class CommunePage(QWizardPage):
    def __init__(self):
        super().__init__()
        self.setTitle("Thông tin xã")
        self.setSubTitle("Chọn xã trong danh sách các xã, thị trấn của huyện Hà Trung hoặc gõ tên xã khác. "
                         "Sửa lại được bất cứ lúc nào ở bước «Thông tin xã».")
        self.editor = CommuneEditor(self)
        self.editor.set_commune(wizard_defaults())
        self.editor.edited.connect(self.completeChanged.emit)

    def isComplete(self):  # noqa: N802
        return self.editor.is_complete()


class SignersPage(QWizardPage):
    def __init__(self):
        super().__init__()
        self.setTitle("Người ký")
        self.setSubTitle("Chủ tịch UBND xã ký các quyết định; có thể để Phó Chủ tịch ký thay (KT. CHỦ TỊCH).")
        f = self.form = uiload.embed(self, "wizard_signers.ui")
        for box in (f.chairGender, f.viceGender):
            for g in GENDERS:
                box.addItem(g.capitalize(), g)
        f.proposer.setText(presets.DEFAULT_PROPOSER)


class CitationsPage(QWizardPage):
    def __init__(self):
        super().__init__()
        self.setTitle("Căn cứ của các văn bản")
        self.setSubTitle("Đã điền sẵn theo văn bản hướng dẫn của huyện Hà Trung (tháng 4/2022). Sửa nếu xã "
                         "thuộc huyện, tỉnh khác; sửa lại được ở bước «Văn bản».")
        self.editor = LinesEditor(self, [(k, DOC_KINDS[k][0]) for k in CITED_KINDS], presets.HA_TRUNG_2022_CITATIONS)

    def nextId(self):  # noqa: N802
        return -1


class FirstRunWizard(QWizard):
    PAGE_WELCOME, PAGE_COMMUNE, PAGE_SIGNERS, PAGE_CITATIONS, PAGE_SAMPLE = range(5)

    def __init__(self, store: Store, parent=None):
        super().__init__(parent)
        self.store = store
        self.setWindowTitle("CĐS Xã — Thiết lập lần đầu")
        self.setWindowIcon(icons.app_icon())
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        i18n.vietnamize_wizard(self)
        self.welcome = WelcomePage(self)
        self.commune_page = CommunePage()
        self.signers = SignersPage()
        self.citations = CitationsPage()
        self.setPage(self.PAGE_WELCOME, self.welcome)
        self.setPage(self.PAGE_COMMUNE, self.commune_page)
        self.setPage(self.PAGE_SIGNERS, self.signers)
        self.setPage(self.PAGE_CITATIONS, self.citations)
        self.sample_page = SamplePage()
        self.setPage(self.PAGE_SAMPLE, self.sample_page)
        fm = self.fontMetrics()
        self.resize(fm.horizontalAdvance("M") * 64, fm.lineSpacing() * 32)

    # -- the result -----------------------------------------------------------------------------------------------
    def build_setup(self) -> Setup:
        commune = self.commune_page.editor.commune()
        setup = Setup(commune=commune)
        f = self.signers.form
        chair, vice = text.clean(f.chairName.text()), text.clean(f.viceName.text())
        if chair:
            setup.people.append(Person(id="p001", full_name=chair, gender=f.chairGender.currentData(),
                                       office="ubnd_chair", position="Chủ tịch UBND xã"))
        if vice:
            setup.people.append(Person(id="p002", full_name=vice, gender=f.viceGender.currentData(),
                                       office="ubnd_vice_chair", position="Phó Chủ tịch UBND xã"))
        if f.addToCommittee.isChecked():
            for p in setup.people:
                role = "head" if p.office == "ubnd_chair" else "deputy"
                setup.committee.append(CommitteeMember(person_id=p.id, role=role,
                                                       duties=presets.default_duties(p.office)))
        return setup

    def save(self) -> None:
        if self.welcome.wants_sample():
            from ..interchange import parse_text
            self.store.replace_setup(parse_text(paths.sample_path().read_bytes()))
            return
        self.store.replace_setup(self.build_setup())
        settings = self.store.load_settings()
        f = self.signers.form
        settings.chair_name = text.clean(f.chairName.text())
        settings.vice_chair_name = text.clean(f.viceName.text())
        settings.proposer = text.clean(f.proposer.text())
        settings.citations = self.citations.editor.values()
        self.store.save_settings(settings)

    def accept(self) -> None:
        try:
            self.save()
        except (StoreError, OSError) as exc:
            dialogs.error(self, "Không lưu được", str(exc))
            return
        super().accept()
