"""The whole set of documents the district letter asks for, in one action.

``plan_set`` says which files will be written (ASCII names that sort in the letter's order), ``render_set`` makes
every file in memory (each template read and compiled once; any template problem is a ``TemplateError`` here, before
anything is written), ``write_set`` writes them all or none, and ``export_command`` is the ``export`` command.
"""
from __future__ import annotations

import io
import json
import sys
import time
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from .. import text
from ..files import WriteError
from ..model import DocumentSettings, Setup
from . import context as ctx
from . import xlsx
from .engine import CompiledTemplate, DocProperties, TemplateError, find_template, make_env, prepare
from .fileset import write_files

# kind → template file (a file of the same name in the user templates folder overrides the bundled one)
TEMPLATE_FILES = {
    "plan": "ke_hoach.docx",
    "committee_decision": "qd_ban_chi_dao.docx",
    "duties": "tb_phan_cong_nhiem_vu.docx",
    "team_decision": "qd_to_cong_nghe_so.docx",
    "team_decision_single": "qd_to_cong_nghe_so_chung.docx",
    "report": "bao_cao.docx",
}
KINDS = ("plan", "committee_decision", "duties", "team_decision", "list", "report")  # the letter's order
DOC_TYPES = {"plan": "Kế hoạch", "committee_decision": "Quyết định", "duties": "Thông báo",
             "team_decision": "Quyết định", "report": "Báo cáo", "list": "Danh sách"}

Progress = Callable[[int, int, str], None]


@dataclass
class PlannedFile:
    name: str            # ASCII file name
    kind: str            # plan, committee_decision, duties, team_decision, list, report
    village: str | None  # the village of a per-village team decision
    title: str           # what the clerk sees (Vietnamese)

    @property
    def template(self) -> str | None:
        if self.kind == "list":
            return None
        if self.kind == "team_decision" and self.village is None:
            return TEMPLATE_FILES["team_decision_single"]
        return TEMPLATE_FILES[self.kind]


@dataclass
class WrittenFile:
    path: Path
    kind: str
    village: str | None
    title: str

    def as_dict(self) -> dict:
        return {"path": str(self.path), "kind": self.kind, "village": self.village, "title": self.title}


@dataclass
class ExportResult:
    files: list[WrittenFile]
    zip_path: Path | None = None
    stale: list[Path] = field(default_factory=list)  # earlier files of this commune that this set no longer has


# --- planning -----------------------------------------------------------------------------------------------------


def _suffix(setup: Setup) -> str:
    return text.slug(setup.commune.full_name) or "xa"


def plan_set(setup: Setup, settings: DocumentSettings) -> list[PlannedFile]:
    """Every file of the set, in the order of the district letter."""
    c = setup.commune
    suffix = _suffix(setup)
    year = f"_{c.year}" if c.year else ""
    kinds = ctx.village_kinds(setup)
    out = [
        PlannedFile(f"01_KH_CDS{year}_{suffix}.docx", "plan", None,
                    f"Kế hoạch chuyển đổi số năm {c.year} của {c.full_name}" if c.year else
                    f"Kế hoạch chuyển đổi số của {c.full_name}"),
        PlannedFile(f"02_QD_BCD_CDS_{suffix}.docx", "committee_decision", None,
                    f"Quyết định thành lập Ban Chỉ đạo chuyển đổi số {c.full_name}"),
        PlannedFile(f"03_TB_PCNV_BCD_{suffix}.docx", "duties", None,
                    f"Thông báo phân công nhiệm vụ thành viên Ban Chỉ đạo chuyển đổi số {c.full_name}"),
    ]
    teams = {t.village for t in setup.teams}
    pairs = [v for v in setup.villages if v.name in teams]
    if settings.team_decisions == "single":
        out.append(PlannedFile(f"04_QD_To_CNSCD_{suffix}.docx", "team_decision", None,
                               f"Quyết định thành lập Tổ công nghệ số cộng đồng các {kinds} {c.full_name}"))
    else:
        width = max(2, len(str(len(pairs))))
        for i, village in enumerate(pairs, 1):
            out.append(PlannedFile(f"04_QD_To_CNSCD_{i:0{width}d}_{text.slug(village.full_name) or 'thon'}_{suffix}"
                                   ".docx", "team_decision", village.name,
                                   f"Quyết định thành lập Tổ công nghệ số cộng đồng {village.full_name}"))
    out.append(PlannedFile(f"05_DS_To_CNSCD_{suffix}.xlsx", "list", None,
                           f"Danh sách Tổ công nghệ số cộng đồng {c.full_name}"))
    out.append(PlannedFile(f"06_BC_CDS_{suffix}.docx", "report", None,
                           f"Báo cáo kết quả thành lập Ban Chỉ đạo chuyển đổi số và Tổ công nghệ số cộng đồng "
                           f"{c.full_name}"))
    return out


def zip_name(setup: Setup) -> str:
    year = f"_{setup.commune.year}" if setup.commune.year else ""
    return f"CDS{year}_{_suffix(setup)}.zip"


# --- rendering ----------------------------------------------------------------------------------------------------


def _context(facts: ctx.Facts, planned: PlannedFile) -> dict:
    if planned.kind == "team_decision":
        if planned.village is None:
            return ctx.team_decision_single(facts)
        return ctx.team_decision(facts, planned.village)
    return ctx.BUILDERS[planned.kind](facts)


def _subject(setup: Setup, planned: PlannedFile) -> str:
    c = setup.commune
    if planned.kind == "team_decision":
        where = (next(v.full_name for v in setup.villages if v.name == planned.village) if planned.village
                 else f"các {ctx.village_kinds(setup)} trên địa bàn {c.full_name}")
        return f"Về việc thành lập Tổ công nghệ số cộng đồng {where}"
    return {"plan": f"Chuyển đổi số năm {c.year} trên địa bàn {c.full_name}",
            "committee_decision": f"Về việc thành lập Ban Chỉ đạo chuyển đổi số {c.full_name}",
            "duties": f"Phân công nhiệm vụ thành viên Ban Chỉ đạo chuyển đổi số {c.full_name}",
            "report": "Kết quả thành lập Ban Chỉ đạo chuyển đổi số và Tổ công nghệ số cộng đồng trên địa bàn "
                      f"{c.full_name}",
            "list": f"Danh sách Tổ công nghệ số cộng đồng {c.full_name}"}[planned.kind]


def _properties(setup: Setup, settings: DocumentSettings, planned: PlannedFile) -> DocProperties:
    c = setup.commune
    author = (f"Ban Chỉ đạo chuyển đổi số {c.full_name}" if planned.kind == "duties"
              else f"Ủy ban nhân dân {c.full_name}")
    issued = settings.issued(planned.kind, planned.village)
    number = issued.number_text if issued and issued.number else ""
    keywords = ["chuyển đổi số", DOC_TYPES[planned.kind], c.full_name]
    if planned.village:
        keywords.append(next(v.full_name for v in setup.villages if v.name == planned.village))
    if c.year:
        keywords.append(str(c.year))
    return DocProperties(title=planned.title, subject=_subject(setup, planned), author=author,
                         keywords="; ".join(keywords), category=DOC_TYPES[planned.kind], identifier=number,
                         company=f"Ủy ban nhân dân {c.full_name}",
                         description=f"{DOC_TYPES[planned.kind]} do chương trình CĐS Xã soạn từ dữ liệu của "
                                     f"{c.full_name}.")


def render_set(setup: Setup, settings: DocumentSettings, progress: Progress | None = None
               ) -> list[tuple[PlannedFile, bytes]]:
    """Every file of the set as bytes, in memory. Raises ``TemplateError`` (which file, what is wrong)."""
    planned = plan_set(setup, settings)
    facts = ctx.Facts(setup, settings)
    env = make_env()
    compiled: dict[str, CompiledTemplate] = {}
    out = []
    for i, item in enumerate(planned):
        if item.kind == "list":
            data = xlsx.build(facts, title=item.title)
        else:
            context = prepare(_context(facts, item))
            tpl = compiled.get(item.template)
            if tpl is None:
                tpl = compiled[item.template] = CompiledTemplate(find_template(item.template), env)
                tpl.check_variables(context)
            data = tpl.render(context, _properties(setup, settings, item))
        out.append((item, data))
        if progress:
            progress(i + 1, len(planned), item.title)
    return out


def _zip(rendered: list[tuple[PlannedFile, bytes]]) -> bytes:
    """One zip of the set to e-mail, ASCII names inside (Vietnamese names in zips break on many Windows PCs)."""
    buf = io.BytesIO()
    stamp = time.localtime()[:6]
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_STORED) as z:  # .docx and .xlsx are compressed already
        for item, data in rendered:
            z.writestr(zipfile.ZipInfo(item.name, date_time=stamp), data)
    return buf.getvalue()


def write_set(setup: Setup, settings: DocumentSettings, out_dir: str | Path, *, make_zip: bool = False,
              progress: Progress | None = None) -> ExportResult:
    """Write the whole set into ``out_dir`` (all files or none). Raises ``TemplateError`` or ``WriteError`` before
    anything is written when it can; the guidance checks are the caller's business."""
    out_dir = Path(out_dir).absolute()
    if not out_dir.is_dir():
        if out_dir.exists():
            raise WriteError(out_dir, f"{out_dir} là một tệp, không phải thư mục. Hãy chọn thư mục khác.")
        raise WriteError(out_dir, f"Thư mục {out_dir} không tồn tại. Hãy chọn thư mục khác hoặc tạo thư mục này "
                                  "trước.")
    rendered = render_set(setup, settings, progress)
    items = [(out_dir / item.name, data) for item, data in rendered]
    zip_path = None
    if make_zip:
        zip_path = out_dir / zip_name(setup)
        items.append((zip_path, _zip(rendered)))
    write_files(items)
    files = [WrittenFile(out_dir / item.name, item.kind, item.village, item.title) for item, _ in rendered]
    return ExportResult(files=files, zip_path=zip_path, stale=stale_files(setup, out_dir, [n for n, _ in items]))


def stale_files(setup: Setup, out_dir: Path, current: list[Path]) -> list[Path]:
    """Files in ``out_dir`` named like a document of this commune's set that the set no longer has (a village
    renamed or removed since an earlier export; the other decision mode). They are listed, never deleted: the clerk
    decides, and must not attach them by mistake."""
    suffix = _suffix(setup)
    keep = {p.name for p in current}
    found = []
    for path in sorted(out_dir.iterdir()):
        name = path.name
        if (path.is_file() and name not in keep and name[:2].isdigit() and name[2:3] == "_"
                and name.endswith((f"_{suffix}.docx", f"_{suffix}.xlsx"))):
            found.append(path)
    return found


# --- the command --------------------------------------------------------------------------------------------------


def export_command(args) -> int:
    """``export --db PATH --out DIR [--zip] [--force] [--json]``: 0 written, 1 the checks found errors (nothing
    written), 2 refused (unusable database, template or destination; nothing written)."""
    from .. import paths, rules
    from ..store import Store, StoreError

    db = getattr(args, "db", None)
    try:
        with Store.open(Path(db) if db else paths.default_db_path(), create=False) as store:
            setup = store.load()
            settings = store.load_settings()
    except StoreError as exc:
        print(f"Lỗi: {exc}", file=sys.stderr)
        return 2
    findings = rules.check(setup)
    errors = [f for f in findings if f.level == "error"]
    if errors and not args.force:
        print(f"Chưa viết văn bản nào: dữ liệu còn {len(errors)} lỗi so với hướng dẫn của huyện:", file=sys.stderr)
        for f in errors:
            print(f"  - {f.message}", file=sys.stderr)
        print("Hãy sửa các lỗi trên, hoặc thêm --force để vẫn viết.", file=sys.stderr)
        return 1
    try:
        result = write_set(setup, settings, args.out, make_zip=bool(args.zip))
    except TemplateError as exc:
        print(f"Lỗi: {exc} Chưa viết tệp nào.", file=sys.stderr)
        return 2
    except WriteError as exc:
        print(f"Lỗi: {exc} Chưa viết tệp nào; các tệp đã có trong thư mục được giữ nguyên.", file=sys.stderr)
        return 2
    if errors:
        print(f"Lưu ý: đã viết dù dữ liệu còn {len(errors)} lỗi (--force).", file=sys.stderr)
    if result.stale:
        print(f"Lưu ý: thư mục còn {len(result.stale)} tệp cũ không thuộc bộ văn bản này (thôn đã đổi tên hoặc "
              "đã xóa); đừng gửi kèm:", file=sys.stderr)
        for path in result.stale:
            print(f"  - {path.name}", file=sys.stderr)
    if args.json:
        listed = [f.as_dict() for f in result.files]
        if result.zip_path:
            listed.append({"path": str(result.zip_path), "kind": "zip", "village": None,
                           "title": "Tệp nén toàn bộ hồ sơ"})
        sys.stdout.write(json.dumps(listed, ensure_ascii=False, indent=2) + "\n")
    else:
        print(f"Đã viết {len(result.files)} tệp vào {Path(args.out)}:")
        for f in result.files:
            print(f"  {f.path.name}  ({f.title})")
        if result.zip_path:
            print(f"  {result.zip_path.name}  (tệp nén để gửi thư)")
    return 0
