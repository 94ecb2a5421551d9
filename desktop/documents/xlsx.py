"""The Excel list of the village teams "theo mẫu" (domain.md, "The Excel list"), built in memory.

Three sheets: "Danh sách" (every team member, grouped by village in village order, a count per team and a grand
total), "Tổng hợp" (one row per village) and "Ban Chỉ đạo" (the steering committee). Printed on A4 landscape, one page
wide, header rows repeated, panes frozen below the header, column widths computed from the text.

Every text cell is stored as text: a name typed as "=1+1" stays those characters, never a formula. No formulas are
written at all (totals are computed here), so the file shows its numbers even where formulas are not recalculated.
"""
from __future__ import annotations

import io
import math
import unicodedata
from copy import copy

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.cell_range import CellRange
from openpyxl.worksheet.properties import PageSetupProperties

from .. import text
from . import context as ctx

FONT = "Times New Roman"
_THIN = Side(style="thin", color="000000")
_BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_F = {(size, bold, italic): Font(name=FONT, size=size, bold=bold, italic=italic)
      for size in (11, 12, 13, 14) for bold in (False, True) for italic in (False, True)}
_CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)
_LEFT = Alignment(horizontal="left", vertical="center", wrap_text=True)
_ROMAN = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"),
          (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]


def roman(n: int) -> str:
    out = ""
    for value, letters in _ROMAN:
        while n >= value:
            out += letters
            n -= value
    return out


def _clean(value):
    """NFC, no characters a worksheet cannot hold; spacing as given (the blanks of an unrecorded number stay)."""
    if isinstance(value, str):
        return ILLEGAL_CHARACTERS_RE.sub("", unicodedata.normalize("NFC", value))
    return value


class _Sheet:
    """A worksheet written row by row, remembering the widest text of each column.

    Cell styles are made once per combination and then copied (openpyxl hashes a style object on every
    assignment, which made styling most of the time of the whole export)."""

    def __init__(self, ws, widths: dict[int, tuple[float, float]], styles: dict):
        self.ws = ws
        self.styles = styles  # (size, bold, italic, align, box) → StyleArray, shared by the workbook's sheets
        self.limits = widths  # column → (minimum, maximum) width in characters
        self.longest: dict[int, float] = {}
        self.texts: list[tuple[int, int, int, str, int]] = []  # (row, first col, last col, text, size)

    def put(self, row: int, col: int, value, *, size=12, bold=False, italic=False, align=_LEFT, box=True,
            measure=True):
        value = _clean(value)
        cell = self.ws.cell(row=row, column=col)
        cell.value = value
        if isinstance(value, str):
            cell.data_type = "s"  # text stays text ("=…" is not a formula)
        self._style(cell, (size, bold, italic, align is _CENTER, box))
        if value not in (None, ""):
            if measure:
                longest = max(len(line) for line in str(value).split("\n"))
                self.longest[col] = max(self.longest.get(col, 0), longest * (1.1 if bold else 1.0))
            self.texts.append((row, col, col, str(value), size))
        return cell

    def _style(self, cell, key) -> None:
        style = self.styles.get(key)
        if style is None:
            size, bold, italic, centred, box = key
            cell.font = _F[(size, bold, italic)]
            cell.alignment = _CENTER if centred else _LEFT
            if box:
                cell.border = _BOX
            self.styles[key] = copy(cell._style)
        else:
            cell._style = copy(style)

    def merge(self, row: int, first: int, last: int, value, *, rows: int = 1, box=True, **fmt):
        self.put(row, first, value, box=box, measure=False, **fmt)
        if rows > 1:
            self.texts.pop()  # a cell over several rows needs no height of its own
        elif last > first:
            r, _, _, value_text, size = self.texts.pop()
            self.texts.append((r, first, last, value_text, size))
        if last > first or rows > 1:
            # the range is recorded directly: merge_cells() re-styles every covered cell through the slow path
            self.ws.merged_cells.add(CellRange(min_col=first, min_row=row, max_col=last, max_row=row + rows - 1))
            if box:  # borders on a merged range must be set on every cell
                key = (fmt.get("size", 12), fmt.get("bold", False), fmt.get("italic", False),
                       fmt.get("align", _LEFT) is _CENTER, True)
                for r in range(row, row + rows):
                    for c in range(first, last + 1):
                        if (r, c) != (row, first):
                            self._style(self.ws.cell(row=r, column=c), key)

    def finish(self, header_rows: str, freeze: str, *, landscape: bool = True):
        ws = self.ws
        for col, (low, high) in self.limits.items():
            width = min(max(self.longest.get(col, 0) * 1.12 + 2, low), high)
            ws.column_dimensions[get_column_letter(col)].width = round(width, 1)
        self._row_heights()
        ws.print_title_rows = header_rows
        ws.freeze_panes = freeze
        ws.page_setup.orientation = "landscape" if landscape else "portrait"
        ws.page_setup.paperSize = ws.PAPERSIZE_A4
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0
        ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
        ws.print_options.horizontalCentered = True
        ws.page_margins.left = ws.page_margins.right = 0.5
        ws.page_margins.top = ws.page_margins.bottom = 0.6
        ws.oddFooter.center.text = "Trang &P/&N"
        ws.oddFooter.center.font = FONT
        ws.sheet_view.zoomScale = 100


    def _row_heights(self) -> None:
        """Rows tall enough for their wrapped text (LibreOffice does not grow them by itself)."""
        widths = {col: self.ws.column_dimensions[get_column_letter(col)].width or 9 for col in self.limits}
        heights: dict[int, float] = {}
        for row, first, last, value, size in self.texts:
            chars = max(1.0, (sum(widths.get(c, 9) for c in range(first, last + 1)) - 1.5) * 12 / size)
            lines = sum(max(1, math.ceil(len(line) / chars)) for line in value.split("\n"))
            heights[row] = max(heights.get(row, 0), lines * size * 1.3 + 3)
        for row, height in heights.items():
            self.ws.row_dimensions[row].height = round(height, 1)


def _title_block(sheet: _Sheet, f: ctx.Facts, last_col: int, title: str, note: str) -> int:
    """Authority and national name, the title, the commune and the note; returns the next free row."""
    c = f.setup.commune
    split = max(2, last_col // 3)
    sheet.merge(1, 1, split, "ỦY BAN NHÂN DÂN", box=False, size=12, bold=True, align=_CENTER)
    sheet.merge(2, 1, split, text.upper_vi(c.full_name), box=False, size=12, bold=True, align=_CENTER)
    sheet.merge(1, split + 2, last_col, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", box=False, size=12, bold=True,
                align=_CENTER)
    sheet.merge(2, split + 2, last_col, "Độc lập - Tự do - Hạnh phúc", box=False, size=13, bold=True,
                align=_CENTER)
    sheet.merge(4, 1, last_col, title, box=False, size=14, bold=True, align=_CENTER)
    where = ", ".join(x for x in (c.full_name, c.district_full, c.province_full) if x)
    sheet.merge(5, 1, last_col, where[:1].upper() + where[1:], box=False, size=13, bold=True, align=_CENTER)
    sheet.merge(6, 1, last_col, note, box=False, size=12, italic=True, align=_CENTER)
    return 8


def _report_note(f: ctx.Facts) -> str:
    r = ctx.ref(f.setup, f.settings, "report")
    return f"(Kèm theo Báo cáo số {r.number} {r.date} của Ủy ban nhân dân {f.setup.commune.full_name})"


def _people_header(sheet: _Sheet, row: int, labels) -> None:
    """The two header rows of a list of people: each label over both rows, "Năm sinh" split into Nam / Nữ (C, D)."""
    head = dict(size=12, bold=True, align=_CENTER)
    for col, label in labels:
        sheet.merge(row, col, col, label, rows=2, **head)
    sheet.merge(row, 3, 4, "Năm sinh", **head)
    sheet.put(row + 1, 3, "Nam", measure=False, **head)
    sheet.put(row + 1, 4, "Nữ", measure=False, **head)


def _members_sheet(sheet: _Sheet, f: ctx.Facts) -> None:
    row = _title_block(sheet, f, 9, "DANH SÁCH TỔ CÔNG NGHỆ SỐ CỘNG ĐỒNG", _report_note(f))
    _people_header(sheet, row, ((1, "STT"), (2, "Họ và tên"), (5, "Chức vụ, nơi công tác"), (6, "Vị trí trong Tổ"),
                                (7, "Số điện thoại"), (8, f.kinds[:1].upper() + f.kinds[1:]), (9, "Ghi chú")))
    header_rows = f"{row}:{row + 1}"
    row += 2
    first_data = row
    total = 0
    for t in f.teams:
        sheet.put(row, 1, roman(t["index"]), bold=True, align=_CENTER)
        sheet.merge(row, 2, 9, f"Tổ công nghệ số cộng đồng {t['village_full']}", bold=True)
        row += 1
        for m in t["members"]:
            year = int(m["birth_year"]) if m["birth_year"] else None
            sheet.put(row, 1, m["index"], align=_CENTER)
            sheet.put(row, 2, m["name"])
            sheet.put(row, 3, None if m["is_woman"] else year, align=_CENTER)
            sheet.put(row, 4, year if m["is_woman"] else None, align=_CENTER)
            sheet.put(row, 5, m["post"])
            sheet.put(row, 6, m["role"], align=_CENTER)
            sheet.put(row, 7, m["phone"], align=_CENTER)
            sheet.put(row, 8, t["village"])
            sheet.put(row, 9, m["notes"])
            row += 1
        total += t["n_members"]
        sheet.put(row, 1, None)
        sheet.merge(row, 2, 9, f"Cộng {t['village_full']}: {t['n_members']} người "
                               f"({t['n_members'] - t['count_women']} nam, {t['count_women']} nữ)",
                    bold=True, italic=True)
        row += 1
    sheet.put(row, 1, None)
    sheet.merge(row, 2, 9, f"Tổng cộng: {total} người trong {len(f.teams)} Tổ công nghệ số cộng đồng", bold=True)
    sheet.finish(header_rows, f"C{first_data}")


def _summary_sheet(sheet: _Sheet, f: ctx.Facts) -> None:
    row = _title_block(sheet, f, 10, "TỔNG HỢP TỔ CÔNG NGHỆ SỐ CỘNG ĐỒNG", _report_note(f))
    heads = ["STT", f.kinds[:1].upper() + f.kinds[1:], "Số hộ", "Số thành viên", "Nữ", "Đoàn viên thanh niên",
             "35 tuổi trở xuống", "Tổ trưởng", "Điện thoại Tổ trưởng", "Thành viên Ban Chỉ đạo phụ trách"]
    for col, label in enumerate(heads, 1):
        sheet.put(row, col, label, bold=True, align=_CENTER, measure=False)
    header_rows = f"{row}:{row}"
    row += 1
    first_data = row
    sums = [0, 0, 0, 0, 0]
    for i, v in enumerate(f.setup.villages, 1):
        t = f.team_by_village.get(v.name)
        values = [t["count"], t["count_women"], t["count_youth"], t["count_young"]] if t else [0, 0, 0, 0]
        sheet.put(row, 1, i, align=_CENTER)
        sheet.put(row, 2, v.name)
        sheet.put(row, 3, v.households, align=_CENTER)
        for col, value in enumerate(values, 4):
            sheet.put(row, col, value, align=_CENTER)
        leader = (t["leader_name"] or "Chưa có") if t else "Chưa thành lập Tổ"
        sheet.put(row, 8, leader)
        sheet.put(row, 9, t["leader_phone"] if t else "", align=_CENTER)
        sheet.put(row, 10, f.supervisors.get(v.name, ""))
        sums[0] += v.households or 0
        for k, value in enumerate(values, 1):
            sums[k] += value
        row += 1
    sheet.put(row, 1, None)
    sheet.put(row, 2, "Tổng cộng", bold=True)
    for col, value in enumerate(sums, 3):
        sheet.put(row, col, value, bold=True, align=_CENTER)
    for col in (8, 9, 10):
        sheet.put(row, col, None)
    sheet.finish(header_rows, f"C{first_data}")


def _committee_sheet(sheet: _Sheet, f: ctx.Facts) -> None:
    r = ctx.ref(f.setup, f.settings, "committee_decision")
    note = f"(Theo Quyết định số {r.number} {r.date} của Chủ tịch Ủy ban nhân dân {f.setup.commune.full_name})"
    row = _title_block(sheet, f, 9, "DANH SÁCH BAN CHỈ ĐẠO CHUYỂN ĐỔI SỐ", note)
    _people_header(sheet, row, ((1, "STT"), (2, "Họ và tên"), (5, "Chức vụ"), (6, "Vị trí trong Ban Chỉ đạo"),
                                (7, "Nhiệm vụ được phân công"), (8, "Thôn phụ trách"), (9, "Số điện thoại")))
    header_rows = f"{row}:{row + 1}"
    row += 2
    first_data = row
    for m in f.committee:
        year = int(m["birth_year"]) if m["birth_year"] else None
        woman = m["gender"] == "nữ"
        sheet.put(row, 1, m["index"], align=_CENTER)
        sheet.put(row, 2, m["name"])
        sheet.put(row, 3, None if woman else year, align=_CENTER)
        sheet.put(row, 4, year if woman else None, align=_CENTER)
        sheet.put(row, 5, m["post"])
        sheet.put(row, 6, m["role"], align=_CENTER)
        sheet.put(row, 7, m["duties"])
        sheet.put(row, 8, m["villages"])
        sheet.put(row, 9, m["phone"], align=_CENTER)
        row += 1
    sheet.finish(header_rows, f"C{first_data}")


# Column width limits (characters) of each sheet.
_MEMBER_WIDTHS = {1: (5, 6), 2: (18, 30), 3: (7, 8), 4: (7, 8), 5: (18, 38), 6: (10, 12), 7: (12, 13), 8: (10, 18),
                  9: (10, 28)}
_SUMMARY_WIDTHS = {1: (5, 6), 2: (12, 22), 3: (7, 8), 4: (10, 11), 5: (6, 7), 6: (11, 12), 7: (10, 11),
                   8: (18, 28), 9: (12, 13), 10: (22, 45)}
_COMMITTEE_WIDTHS = {1: (5, 6), 2: (18, 28), 3: (7, 8), 4: (7, 8), 5: (18, 34), 6: (12, 14), 7: (30, 55),
                     8: (12, 30), 9: (12, 13)}


def build(facts: ctx.Facts, title: str = "") -> bytes:
    """The .xlsx file as bytes."""
    c = facts.setup.commune
    wb = Workbook()
    styles: dict = {}
    ws = wb.active
    ws.title = "Danh sách"
    _members_sheet(_Sheet(ws, _MEMBER_WIDTHS, styles), facts)
    _summary_sheet(_Sheet(wb.create_sheet("Tổng hợp"), _SUMMARY_WIDTHS, styles), facts)
    _committee_sheet(_Sheet(wb.create_sheet("Ban Chỉ đạo"), _COMMITTEE_WIDTHS, styles), facts)
    props = wb.properties
    props.title = title or f"Danh sách Tổ công nghệ số cộng đồng {c.full_name}"
    props.subject = "Danh sách Tổ công nghệ số cộng đồng"
    props.creator = f"Ủy ban nhân dân {c.full_name}"
    props.keywords = f"chuyển đổi số; Tổ công nghệ số cộng đồng; {c.full_name}"
    props.category = "Danh sách"
    props.language = "vi-VN"
    props.lastModifiedBy = "CĐS Xã"
    wb.properties.description = f"Danh sách do chương trình CĐS Xã soạn từ dữ liệu của {c.full_name}."
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
