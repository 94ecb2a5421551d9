"""The e-mail that carries the documents to the district: recipient, subject, body, and how long is left.

Qt-free: the program shows the text and copies it; the clerk sends it with their own mail (or Zalo).
"""
from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from pathlib import Path

from . import text
from .model import Setup

_SUBJECT_WHAT = "Hồ sơ thành lập Ban Chỉ đạo chuyển đổi số và Tổ công nghệ số cộng đồng"


@dataclass
class Attachment:
    """One file to attach: its file name and the Vietnamese label the clerk knows it by."""
    name: str
    title: str


@dataclass
class Mail:
    to: str             # the recipient as written after "Kính gửi:" (empty when the clerk has not entered one)
    subject: str
    body: str
    deadline_note: str  # for the clerk: "Hạn gửi: ngày 10/4/2022 — còn 3 ngày." (empty when no deadline)

    @property
    def full_text(self) -> str:
        return f"Tiêu đề: {self.subject}\n\n{self.body}"


def days_left(deadline: _dt.date | None, today: _dt.date) -> int | None:
    return None if deadline is None else (deadline - today).days


def deadline_note(deadline: _dt.date | None, today: _dt.date) -> str:
    """How long the clerk has, in words: 'còn 3 ngày', 'hôm nay là hạn cuối', 'đã quá hạn 2 ngày'."""
    left = days_left(deadline, today)
    if left is None:
        return ""
    when = f"Hạn gửi: ngày {text.short_date(deadline)}"
    if left > 1:
        return f"{when} — còn {left} ngày."
    if left == 1:
        return f"{when} — còn 1 ngày (hạn là ngày mai)."
    if left == 0:
        return f"{when} — hôm nay là hạn cuối."
    return f"{when} — đã quá hạn {-left} ngày."


def attachments_from(files, zip_path: str | Path | None = None) -> tuple[list[Attachment], str | None]:
    """Attachments from written files (anything with ``path`` and ``title``) and the zip that holds them."""
    items = [Attachment(Path(f.path).name, text.clean(getattr(f, "title", "")) or Path(f.path).stem) for f in files]
    return items, (Path(zip_path).name if zip_path else None)


def compose(setup: Setup, attachments: list[Attachment], *, zip_name: str | None = None,
            today: _dt.date | None = None) -> Mail:
    """The subject and body of the e-mail to the district for ``setup``'s commune."""
    today = today or _dt.date.today()
    c = setup.commune
    unit = c.full_name
    unit_title = unit[:1].upper() + unit[1:] if unit else "Xã"
    sender = f"Ủy ban nhân dân {unit}" if c.name else "Ủy ban nhân dân xã"
    to = text.clean(c.report_to)
    subject = f"{unit_title} gửi {_SUBJECT_WHAT[0].lower()}{_SUBJECT_WHAT[1:]}"
    if c.year:
        subject += f" năm {c.year}"

    lines = [f"Kính gửi: {to or '……………………………'}.", ""]
    intro = f"{sender} gửi {_SUBJECT_WHAT[0].lower()}{_SUBJECT_WHAT[1:]}"
    if c.report_deadline:
        intro += f" theo hướng dẫn (hạn gửi ngày {text.short_date(c.report_deadline)})"
    lines.append(intro + ", gồm:")
    for i, a in enumerate(attachments, 1):
        lines.append(f"{i}. {a.title} (tệp {a.name});")
    if attachments:
        lines[-1] = lines[-1][:-1] + "."
    else:
        lines.append("(chưa có tệp nào)")
    if zip_name:
        count = len(attachments)
        lines += ["", f"Các tệp trên được đóng trong tệp nén {zip_name} ({count:02d} tệp) đính kèm thư này."]
    lines += ["", "Kính đề nghị quý cơ quan xem xét, tổng hợp./.", "", "Trân trọng,", sender]
    return Mail(to=to, subject=subject, body="\n".join(lines),
                deadline_note=deadline_note(c.report_deadline, today))
