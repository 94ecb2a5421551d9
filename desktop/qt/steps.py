"""The steps of the main window and the state of each: which findings belong where, and what to do next.

Qt-free (the sidebar and the pages read it); the findings come from ``desktop.rules.check``.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..model import Setup
from ..rules import Finding

STEPS: list[tuple[str, str]] = [
    ("commune", "Thông tin xã"),
    ("committee", "Ban Chỉ đạo"),
    ("villages", "Thôn / tiểu khu"),
    ("teams", "Tổ công nghệ số"),
    ("checks", "Kiểm tra"),
    ("documents", "Văn bản"),
]
STEP_KEYS = [key for key, _ in STEPS]
STEP_LABELS = dict(STEPS)


@dataclass
class StepState:
    key: str
    level: str = "ok"          # ok | warning | error | todo (nothing entered yet / nothing to check)
    errors: int = 0
    warnings: int = 0
    summary: str = ""          # one short line under the step's name
    hint: str = ""             # what to do next
    findings: list[Finding] = field(default_factory=list)

    @property
    def label(self) -> str:
        return STEP_LABELS[self.key]

    @property
    def counts_text(self) -> str:
        parts = []
        if self.errors:
            parts.append(f"{self.errors} lỗi")
        if self.warnings:
            parts.append(f"{self.warnings} cảnh báo")
        return " · ".join(parts)


def step_of(finding: Finding, setup: Setup) -> str:
    """The step where the clerk fixes a finding."""
    code, subject = finding.code, finding.subject
    if subject.get("commune"):
        return "commune"
    if code.startswith("committee.") or code == "village.supervisor_missing":
        return "committee"
    if code.startswith("team.") or code == "village.team_missing":
        return "teams"
    if "person" in subject:
        pid = subject["person"]
        if any(m.person_id == pid for m in setup.committee):
            return "committee"
        return "teams"
    if "village" in subject:
        return "teams"
    return "committee" if subject.get("committee") else "checks"


def commune_problems(setup: Setup) -> tuple[list[str], list[str]]:
    """(errors, warnings) about the commune's own details, which the guidance checks do not cover."""
    c = setup.commune
    errors, warnings = [], []
    if not c.name:
        errors.append("Chưa có tên xã.")
    if not c.province:
        errors.append("Chưa có tên tỉnh.")
    if not c.year:
        errors.append("Chưa có năm của kế hoạch.")
    if not c.report_to:
        warnings.append("Chưa ghi nơi nhận báo cáo.")
    if not c.report_deadline:
        warnings.append("Chưa ghi hạn gửi báo cáo.")
    return errors, warnings


def commune_findings(setup: Setup) -> list[Finding]:
    """The commune's own problems as findings (shown with the guidance checks on the Kiểm tra step)."""
    errors, warnings = commune_problems(setup)
    return ([Finding("error", "commune.incomplete", m, {"commune": True}) for m in errors]
            + [Finding("warning", "commune.report", m, {"commune": True}) for m in warnings])


def _first_message(findings: list[Finding]) -> str:
    for level in ("error", "warning"):
        for f in findings:
            if f.level == level:
                return f.message
    return ""


def compute(setup: Setup, findings: list[Finding], *, written: int = 0) -> dict[str, StepState]:
    """The state of every step, in order."""
    by_step: dict[str, list[Finding]] = {key: [] for key in STEP_KEYS}
    for f in findings:
        by_step[step_of(f, setup)].append(f)
    states: dict[str, StepState] = {}

    def state(key: str, found: list[Finding]) -> StepState:
        s = StepState(key, findings=found)
        s.errors = sum(1 for f in found if f.level == "error")
        s.warnings = sum(1 for f in found if f.level == "warning")
        s.level = "error" if s.errors else "warning" if s.warnings else "ok"
        return s

    # Thông tin xã
    errs, warns = commune_problems(setup)
    s = StepState("commune", errors=len(errs), warnings=len(warns))
    s.level = "error" if errs else "warning" if warns else "ok"
    s.summary = setup.commune.full_name if setup.commune.name else "Chưa nhập"
    s.hint = (errs + warns)[0] if errs or warns else "Đã đủ thông tin. Tiếp theo: Ban Chỉ đạo."
    states["commune"] = s

    # Ban Chỉ đạo
    s = state("committee", by_step["committee"])
    n = len(setup.committee)
    s.summary = f"{n} thành viên" if n else "Chưa có thành viên"
    if not n:
        s.level = "todo" if not s.errors else s.level
        s.hint = "Bấm «Thêm thành viên» và chọn Chủ tịch UBND xã làm Trưởng ban."
    else:
        s.hint = _first_message(s.findings) or "Đủ thành phần. Tiếp theo: nhập các thôn / tiểu khu."
    states["committee"] = s

    # Thôn / tiểu khu
    n = len(setup.villages)
    s = StepState("villages", level="ok" if n else "todo", summary=f"{n} thôn" if n else "Chưa có thôn")
    s.hint = ("Bấm «Dán danh sách…» để nhập tên nhiều thôn một lần." if not n
              else "Tiếp theo: lập Tổ công nghệ số cộng đồng cho từng thôn.")
    states["villages"] = s

    # Tổ công nghệ số
    s = state("teams", by_step["teams"])
    done = sum(1 for v in setup.villages if (t := setup.team_for(v.name)) and t.members)
    s.summary = f"{done}/{len(setup.villages)} thôn có tổ" if setup.villages else "Chưa có thôn"
    if not setup.villages:
        s.level = "todo"
        s.hint = "Nhập thôn / tiểu khu trước, rồi lập tổ cho từng thôn."
    else:
        s.hint = _first_message(s.findings) or "Mọi thôn đã có tổ đủ thành phần. Tiếp theo: Kiểm tra."
    states["teams"] = s

    # Kiểm tra: everything
    s = state("checks", [f for f in findings])
    s.errors += states["commune"].errors
    s.warnings += states["commune"].warnings
    s.level = "error" if s.errors else "warning" if s.warnings else "ok"
    s.summary = s.counts_text or "Không có lỗi"
    s.hint = ("Bấm vào một dòng để đến chỗ sửa." if s.errors or s.warnings
              else "Không còn lỗi hay cảnh báo. Tiếp theo: viết văn bản.")
    states["checks"] = s

    # Văn bản
    total_errors = states["checks"].errors
    s = StepState("documents", level="todo")
    if written:
        s.level = "ok"
        s.summary = f"Đã viết {written} tệp"
        s.hint = "Mở thư mục, gửi tệp nén cho huyện; ghi số và ngày khi văn bản được ký."
    elif total_errors:
        s.summary = f"Còn {total_errors} lỗi"
        s.hint = f"Còn {total_errors} lỗi ở bước Kiểm tra; vẫn có thể viết bản nháp."
    else:
        s.summary = "Sẵn sàng viết"
        s.hint = "Xem lại tùy chọn, rồi bấm «Viết bộ văn bản»."
    states["documents"] = s
    return states
