"""The Excel list: three sheets, grouped by village in village order, members by role then Vietnamese name order,
counts, printing set-up, and text that stays text."""
from __future__ import annotations

import openpyxl
import pytest

from desktop.model import Person, TeamMember
from desktop.text import name_sort_key
from test_documents_support import by_kind, export, load_sample, sample_json, store_with

ROLE_ORDER = {"leader": 0, "deputy": 1, "member": 2}
ROLE_LABEL = {"leader": "Tổ trưởng", "deputy": "Tổ phó", "member": "Tổ viên"}


@pytest.fixture
def workbook(tmp_path):
    store = store_with(tmp_path / "xa.sqlite3")
    result = export(store, tmp_path / "out")
    store.close()
    return openpyxl.load_workbook(by_kind(result, "list"))


def rows_of(ws, first: int):
    return [[c.value for c in row] for row in ws.iter_rows(min_row=first)]


def header_row(ws) -> int:
    return next(r for r in range(1, 20) if ws.cell(row=r, column=1).value == "STT")


def test_sheets_and_title_block(workbook):
    assert workbook.sheetnames == ["Danh sách", "Tổng hợp", "Ban Chỉ đạo"]
    ws = workbook["Danh sách"]
    cells = [ws.cell(row=r, column=c).value for r in range(1, 8) for c in range(1, 10)]
    assert "ỦY BAN NHÂN DÂN" in cells and "XÃ HÀ LĨNH" in cells
    assert "DANH SÁCH TỔ CÔNG NGHỆ SỐ CỘNG ĐỒNG" in cells
    assert any(isinstance(v, str) and v.startswith("(Kèm theo Báo cáo số") for v in cells)
    h = header_row(ws)
    assert [ws.cell(row=h, column=c).value for c in range(1, 10)] == [
        "STT", "Họ và tên", "Năm sinh", None, "Chức vụ, nơi công tác", "Vị trí trong Tổ", "Số điện thoại", "Thôn",
        "Ghi chú"]
    assert [ws.cell(row=h + 1, column=c).value for c in (3, 4)] == ["Nam", "Nữ"]


def test_members_grouped_by_village_then_role_then_name(workbook):
    data = sample_json()
    people = {p["id"]: p for p in data["people"]}
    ws = workbook["Danh sách"]
    h = header_row(ws)
    groups: list[tuple[str, list[list]]] = []
    counts: list[str] = []
    total = None
    for row in rows_of(ws, h + 2):
        label = row[1] or ""
        if label.startswith("Tổ công nghệ số cộng đồng "):
            groups.append((label.removeprefix("Tổ công nghệ số cộng đồng thôn "), []))
        elif label.startswith("Cộng "):
            counts.append(label)
        elif label.startswith("Tổng cộng"):
            total = label
        elif isinstance(row[0], int):
            groups[-1][1].append(row)
    assert [g[0] for g in groups] == [v["name"] for v in data["villages"]]
    for (village, rows), team in zip(groups, data["teams"]):
        assert team["village"] == village
        expected = sorted(team["members"], key=lambda m: (ROLE_ORDER[m["role"]],
                                                          name_sort_key(people[m["person"]]["full_name"])))
        assert [r[1] for r in rows] == [people[m["person"]]["full_name"] for m in expected]
        assert [r[5] for r in rows] == [ROLE_LABEL[m["role"]] for m in expected]
        assert [r[0] for r in rows] == list(range(1, len(rows) + 1))
        for r, m in zip(rows, expected):
            p = people[m["person"]]
            assert (r[3] if p["gender"] == "nữ" else r[2]) == p["birth_year"]
            assert (r[2] if p["gender"] == "nữ" else r[3]) is None
            assert r[6] == p["phone"] and isinstance(r[6], str)  # phones keep their leading zero
            assert r[7] == village
    for (village, rows), label in zip(groups, counts):
        assert label.startswith(f"Cộng thôn {village}: {len(rows)} người")
    n = sum(len(t["members"]) for t in data["teams"])
    assert total == f"Tổng cộng: {n} người trong {len(data['teams'])} Tổ công nghệ số cộng đồng"


def test_summary_sheet_one_row_per_village_with_totals(workbook):
    data = sample_json()
    people = {p["id"]: p for p in data["people"]}
    ws = workbook["Tổng hợp"]
    h = header_row(ws)
    assert ws.cell(row=h, column=4).value == "Số thành viên"
    rows = rows_of(ws, h + 1)
    body, total = rows[:-1], rows[-1]
    assert [r[1] for r in body] == [v["name"] for v in data["villages"]]
    for r, team in zip(body, data["teams"]):
        members = [people[m["person"]] for m in team["members"]]
        assert r[3] == len(members)
        assert r[4] == sum(p["gender"] == "nữ" for p in members)
        assert r[6] == sum(bool(p.get("birth_year")) and 2022 - p["birth_year"] <= 35 for p in members)
    assert total[1] == "Tổng cộng"
    assert total[3] == sum(len(t["members"]) for t in data["teams"])
    assert total[2] == sum(v.get("households") or 0 for v in data["villages"])
    assert all(not (isinstance(v, str) and v.startswith("=")) for row in rows for v in row)


def test_committee_sheet(workbook):
    data = sample_json()
    people = {p["id"]: p for p in data["people"]}
    ws = workbook["Ban Chỉ đạo"]
    h = header_row(ws)
    rows = [r for r in rows_of(ws, h + 2) if r[1]]
    assert len(rows) == len(data["committee"])
    assert rows[0][5] == "Trưởng ban"
    head = next(m for m in data["committee"] if m["role"] == "head")
    assert rows[0][1] == people[head["person"]]["full_name"]


def test_print_setup_widths_and_frozen_panes(workbook):
    for ws in workbook.worksheets:
        assert ws.page_setup.orientation == "landscape"
        assert int(ws.page_setup.paperSize) == 9  # A4
        assert ws.page_setup.fitToWidth == 1 and ws.page_setup.fitToHeight == 0
        assert ws.sheet_properties.pageSetUpPr.fitToPage
        h = header_row(ws)
        assert ws.print_title_rows.replace("$", "") in (f"{h}:{h}", f"{h}:{h + 1}")
        assert ws.freeze_panes and int(ws.freeze_panes[1:]) > h
        widths = {col: ws.column_dimensions[col].width for col in "ABCDEFGHI"}
        assert all(w and w > 4 for w in widths.values())
        assert widths["B"] > widths["A"]  # names are wider than numbers
        assert ws.cell(row=h, column=1).font.name == "Times New Roman"
    ws = workbook["Danh sách"]
    longest = max(len(str(c.value)) for c in ws["B"] if c.row > header_row(ws) + 1 and c.value
                  and not str(c.value).startswith(("Tổ công nghệ", "Cộng", "Tổng")))
    assert ws.column_dimensions["B"].width >= longest


def test_typed_text_is_never_a_formula(tmp_path):
    setup = load_sample()
    team = setup.teams[0]
    setup.people.append(Person(id="evil", full_name="=HYPERLINK(\"http://x\",\"y\")", gender="nữ",
                               birth_year=2000, position="+84 1 & <b>", phone="=1+1", notes="@SUM(A1)"))
    team.members.append(TeamMember("evil", "member"))
    store = store_with(tmp_path / "xa.sqlite3", setup)
    result = export(store, tmp_path / "out")
    store.close()
    wb = openpyxl.load_workbook(by_kind(result, "list"))
    ws = wb["Danh sách"]
    row = next(r for r in ws.iter_rows() if r[1].value and str(r[1].value).startswith("=HYPERLINK"))
    assert row[1].value == '=HYPERLINK("http://x","y")' and row[1].data_type == "s"
    assert row[6].value == "=1+1" and row[6].data_type == "s"
    assert row[4].value == "+84 1 & <b>"
    for sheet in wb.worksheets:
        for r in sheet.iter_rows():
            for c in r:
                assert c.data_type != "f", (sheet.title, c.coordinate, c.value)
