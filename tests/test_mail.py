"""The e-mail to the district (Qt-free): recipient, what is attached, the deadline and the days left."""
import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from desktop import mail
from desktop.interchange import parse_text
from desktop.model import Setup


@dataclass
class Written:
    path: Path
    title: str


def sample(sample_path) -> Setup:
    return parse_text(sample_path.read_bytes())


def test_subject_and_body_for_the_district(sample_path):
    setup = sample(sample_path)
    files = [Written(Path("/x/01_KH_CDS_2022_xa_Ha_Linh.docx"), "Kế hoạch chuyển đổi số năm 2022 của xã Hà Lĩnh"),
             Written(Path("/x/05_DS_To_CNSCD_xa_Ha_Linh.xlsx"), "Danh sách Tổ công nghệ số cộng đồng xã Hà Lĩnh")]
    items, zip_name = mail.attachments_from(files, Path("/x/CDS_2022_xa_Ha_Linh.zip"))
    m = mail.compose(setup, items, zip_name=zip_name, today=dt.date(2022, 4, 7))
    assert m.to == "Ủy ban nhân dân huyện Hà Trung (qua Phòng Văn hóa và Thông tin)"
    assert m.subject == ("Xã Hà Lĩnh gửi hồ sơ thành lập Ban Chỉ đạo chuyển đổi số và Tổ công nghệ số cộng đồng "
                         "năm 2022")
    lines = m.body.splitlines()
    assert lines[0] == f"Kính gửi: {m.to}."
    assert "1. Kế hoạch chuyển đổi số năm 2022 của xã Hà Lĩnh (tệp 01_KH_CDS_2022_xa_Ha_Linh.docx);" in lines
    assert "2. Danh sách Tổ công nghệ số cộng đồng xã Hà Lĩnh (tệp 05_DS_To_CNSCD_xa_Ha_Linh.xlsx)." in lines
    assert "CDS_2022_xa_Ha_Linh.zip (02 tệp)" in m.body
    assert "hạn gửi ngày 10/4/2022" in m.body
    assert lines[-1] == "Ủy ban nhân dân xã Hà Lĩnh"
    assert m.deadline_note == "Hạn gửi: ngày 10/4/2022 — còn 3 ngày."
    assert m.full_text.startswith("Tiêu đề: Xã Hà Lĩnh gửi")


def test_days_left_in_words():
    deadline = dt.date(2022, 4, 10)
    assert mail.deadline_note(deadline, dt.date(2022, 4, 9)) == "Hạn gửi: ngày 10/4/2022 — còn 1 ngày (hạn là ngày mai)."
    assert mail.deadline_note(deadline, dt.date(2022, 4, 10)) == "Hạn gửi: ngày 10/4/2022 — hôm nay là hạn cuối."
    assert mail.deadline_note(deadline, dt.date(2022, 4, 12)) == "Hạn gửi: ngày 10/4/2022 — đã quá hạn 2 ngày."
    assert mail.deadline_note(None, dt.date(2022, 4, 12)) == ""
    assert mail.days_left(deadline, dt.date(2022, 3, 31)) == 10


def test_without_recipient_deadline_or_files(sample_path):
    setup = sample(sample_path)
    setup.commune.report_to = ""
    setup.commune.report_deadline = None
    setup.commune.kind = "thị trấn"
    m = mail.compose(setup, [], today=dt.date(2022, 4, 7))
    assert m.to == "" and m.body.startswith("Kính gửi: ……")
    assert m.subject.startswith("Thị trấn Hà Lĩnh gửi")
    assert "(chưa có tệp nào)" in m.body and "hạn gửi" not in m.body and m.deadline_note == ""
