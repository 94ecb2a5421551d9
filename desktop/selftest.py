"""The program's self-test (``cds-xa --self-test``): proof that an installed copy has everything it needs.

It runs the clerk's whole path on the bundled sample commune, never on the clerk's data: a fresh database and a
private data folder in a temporary directory, the guidance checks, every document and the Excel list written and read
back, and the main window built once (offscreen). One Vietnamese line per step; exit 0 when all pass, 1 naming the
step that failed. The report also goes to ``selftest.log`` in the user's data folder, because a windowed program on
Windows has no console to print to.
"""
from __future__ import annotations

import contextlib
import io
import os
import sys
import tempfile
import time
import traceback
import unicodedata
from pathlib import Path

from . import __version__, paths

LOG_NAME = "selftest.log"


class StepFailed(Exception):
    """A step's check did not hold; the message is Vietnamese and says what was wrong."""


def _fold(value: str) -> str:
    return unicodedata.normalize("NFC", value).casefold()


class _Run:
    """State shared by the steps of one run."""

    def __init__(self, work: Path):
        self.work = work
        self.db_path = work / "selftest.sqlite3"
        self.out_dir = work / "van-ban"
        self.store = None
        self.setup = None
        self.settings = None
        self.result = None


# -- the steps: each returns a short Vietnamese detail, or raises ------------------------------------------------

def _step_resources(run: _Run) -> str:
    sample = paths.sample_path()
    if not sample.is_file():
        raise StepFailed(f"thiếu tệp xã mẫu {sample}")
    templates = paths.bundled_templates_dir()
    docx = sorted(templates.glob("*.docx")) if templates.is_dir() else []
    if not docx:
        raise StepFailed(f"không có mẫu văn bản (.docx) trong {templates}")
    return f"{len(docx)} mẫu văn bản, xã mẫu, trong {paths.app_root()}"


def _step_database(run: _Run) -> str:
    from .store import Store
    run.store = Store.open(run.db_path)
    if not run.store.is_empty():
        raise StepFailed("cơ sở dữ liệu mới không trống")
    return f"lược đồ phiên bản {run.store.schema_version}"


def _step_sample(run: _Run) -> str:
    from .interchange import parse_text
    setup = parse_text(paths.sample_path().read_bytes())
    run.store.replace_setup(setup)
    run.setup = run.store.load()
    run.settings = run.store.load_settings()
    s = run.setup
    if s.commune.name != setup.commune.name or len(s.people) != len(setup.people):
        raise StepFailed("dữ liệu đọc lại từ cơ sở dữ liệu khác với tệp xã mẫu")
    members = sum(len(t.members) for t in s.teams)
    return (f"{s.commune.full_name}: {len(s.people)} người, Ban Chỉ đạo {len(s.committee)} người, "
            f"{len(s.villages)} thôn, {len(s.teams)} tổ ({members} tổ viên)")


def _step_checks(run: _Run) -> str:
    from . import rules
    findings = rules.check(run.setup)
    c = rules.counts(findings)
    return f"{c['error']} lỗi, {c['warning']} cảnh báo, {c['info']} thông tin"


def _step_write(run: _Run) -> str:
    from .documents.export import plan_set, write_set
    planned = plan_set(run.setup, run.settings)
    run.out_dir.mkdir()
    run.result = write_set(run.setup, run.settings, run.out_dir)
    written = run.result.files
    want = sorted((p.kind, p.village or "") for p in planned)
    got = sorted((f.kind, f.village or "") for f in written)
    if want != got:
        raise StepFailed(f"dự kiến {len(want)} tệp, đã viết {len(got)}: {sorted(set(want) ^ set(got))}")
    for f in written:
        path = Path(f.path)
        if not path.is_file() or path.stat().st_size == 0:
            raise StepFailed(f"tệp {path.name} không có hoặc trống")
    kinds = {f.kind for f in written}
    for kind in ("plan", "committee_decision", "duties", "team_decision", "report", "list"):
        if kind not in kinds:
            raise StepFailed(f"thiếu văn bản loại {kind}")
    docx = sum(1 for f in written if Path(f.path).suffix == ".docx")
    xlsx = sum(1 for f in written if Path(f.path).suffix == ".xlsx")
    return f"{docx} văn bản Word, {xlsx} bảng Excel trong {run.out_dir.name}/"


def _docx_text(path: Path) -> str:
    import docx
    document = docx.Document(str(path))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                parts.append(cell.text)
    for section in document.sections:
        for part in (section.header, section.first_page_header, section.footer):
            parts.extend(p.text for p in part.paragraphs)
            for table in part.tables:
                for row in table.rows:
                    parts.extend(cell.text for cell in row.cells)
    return "\n".join(parts)


def _xlsx_text(path: Path) -> str:
    import openpyxl
    book = openpyxl.load_workbook(str(path), read_only=True)
    try:
        parts = []
        for sheet in book.worksheets:
            for row in sheet.iter_rows(values_only=True):
                parts.extend(str(v) for v in row if v is not None)
        return "\n".join(parts)
    finally:
        book.close()


def _names(setup, person_ids) -> list[str]:
    people = setup.person_map()
    return [people[pid].full_name for pid in person_ids if pid in people]


def _step_read_back(run: _Run) -> str:
    setup = run.setup
    commune = _fold(setup.commune.name)
    committee = _names(setup, [m.person_id for m in setup.committee])
    team_people = {t.village: _names(setup, [m.person_id for m in t.members]) for t in setup.teams}
    everyone = committee + [n for names in team_people.values() for n in names]
    for f in run.result.files:
        path = Path(f.path)
        try:
            body = _fold(_xlsx_text(path) if path.suffix == ".xlsx" else _docx_text(path))
        except Exception as exc:  # a file that Word/Excel would refuse to open
            raise StepFailed(f"không mở được tệp {path.name}: {type(exc).__name__}: {exc}") from exc
        if commune not in body:
            raise StepFailed(f"tệp {path.name} không có tên xã {setup.commune.name}")
        if f.kind == "list":
            expected = everyone
        elif f.kind in ("committee_decision", "duties"):
            expected = committee
        elif f.kind == "team_decision":
            expected = team_people.get(f.village, []) if f.village else everyone
        else:
            expected = []
        missing = [n for n in expected if _fold(n) not in body]
        if missing:
            raise StepFailed(f"tệp {path.name} thiếu {len(missing)} người, ví dụ {missing[0]}")
    return f"{len(run.result.files)} tệp mở được, có tên xã và đủ tên người"


def _step_window(run: _Run) -> str:
    """Open the program on the sample database through its own screenshot mode: every step's page is built and
    drawn offscreen, then the program closes. Nothing here imports PySide6."""
    from .qt.app import run as run_window
    shots = run.work / "anh-man-hinh"
    shots.mkdir()
    run.store.close()
    run.store = None
    with contextlib.redirect_stdout(io.StringIO()):  # the screenshot mode's own message is not part of the report
        code = run_window(str(run.db_path), screenshots=str(shots))
    images = sorted(shots.glob("*.png"))
    if code != 0:
        raise StepFailed(f"cửa sổ chương trình kết thúc với mã {code}")
    if not images:
        raise StepFailed("cửa sổ chương trình không vẽ được ảnh nào")
    return f"cửa sổ mở được, vẽ được {len(images)} ảnh màn hình"


STEPS = (
    ("Tệp đi kèm chương trình", _step_resources),
    ("Tạo cơ sở dữ liệu mới", _step_database),
    ("Nạp xã mẫu", _step_sample),
    ("Kiểm tra theo hướng dẫn của huyện", _step_checks),
    ("Viết văn bản và danh sách", _step_write),
    ("Đọc lại các tệp đã viết", _step_read_back),
    ("Mở cửa sổ chương trình", _step_window),
)


# -- running and reporting ---------------------------------------------------------------------------------------

def _emit(line: str) -> None:
    stream = sys.stdout
    if stream is None:  # a windowed program on Windows: the log file is the report
        return
    try:
        print(line, file=stream, flush=True)
    except UnicodeEncodeError:
        encoding = getattr(stream, "encoding", None) or "ascii"
        print(line.encode(encoding, "replace").decode(encoding), file=stream, flush=True)


def _write_log(folder: Path, lines: list[str]) -> Path | None:
    """The report in the user's data folder; a failure to write it never changes the result."""
    from .files import WriteError, write_atomic
    try:
        folder.mkdir(parents=True, exist_ok=True)
        return write_atomic(folder / LOG_NAME, "\n".join(lines) + "\n")
    except (OSError, WriteError):
        return None


def run_self_test() -> int:
    """Run every step; 0 when all pass, 1 when one fails (the report names it)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    frozen = bool(getattr(sys, "frozen", False))
    lines = [f"CĐS Xã {__version__} — tự kiểm tra ({'bản cài đặt' if frozen else 'chạy từ mã nguồn'}, "
             f"Python {sys.version.split()[0]}, {sys.platform})"]
    _emit(lines[0])
    log_dir = paths.data_dir()  # the real one, before the run switches to a private folder
    saved_data_dir = os.environ.get("CDS_XA_DATA_DIR")
    failed = None
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="cds-xa-selftest-", ignore_cleanup_errors=True) as tmp:
        work = Path(tmp)
        os.environ["CDS_XA_DATA_DIR"] = str(work / "du-lieu")  # anything that asks for the data folder gets this
        run = _Run(work)
        try:
            for number, (label, step) in enumerate(STEPS, 1):
                t0 = time.perf_counter()
                try:
                    detail = step(run)
                except Exception as exc:  # every failure is reported, named by its step
                    reason = str(exc) if isinstance(exc, StepFailed) else f"{type(exc).__name__}: {exc}"
                    line = f"[{number}/{len(STEPS)}] {label}: LỖI — {reason}"
                    failed = (label, exc)
                else:
                    line = f"[{number}/{len(STEPS)}] {label}: đạt — {detail} ({time.perf_counter() - t0:.2f} giây)"
                lines.append(line)
                _emit(line)
                if failed:
                    break
        finally:
            if run.store is not None:
                run.store.close()
            if saved_data_dir is None:
                os.environ.pop("CDS_XA_DATA_DIR", None)
            else:
                os.environ["CDS_XA_DATA_DIR"] = saved_data_dir
    total = time.perf_counter() - started
    tail = []
    if failed:
        label, exc = failed
        tail.append(f"KẾT QUẢ: KHÔNG ĐẠT ở bước «{label}» ({total:.1f} giây).")
        if not isinstance(exc, StepFailed):
            tail.extend("  " + t for t in "".join(traceback.format_exception(exc)).rstrip().splitlines())
    else:
        tail.append(f"KẾT QUẢ: ĐẠT — chương trình có đủ thành phần và chạy đúng ({total:.1f} giây).")
    for line in tail:
        _emit(line)
    log = _write_log(log_dir, lines + tail)
    if log:
        _emit(f"Báo cáo đã lưu vào {log}")
    return 1 if failed else 0
