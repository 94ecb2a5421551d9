"""The Word documents of the set: what they say (every person in the right document, in the right order, with the
right role; the figures) and how they look (Nghị định 30/2020/NĐ-CP, read from the files).

Expected values are computed from the sample file itself (the interchange JSON), not from the program's lists.
"""
from __future__ import annotations

import datetime as dt
import re

import docx
import pytest
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt
from docx.table import Table
from docx.text.paragraph import Paragraph

from desktop.model import IssuedDocument
from desktop.text import name_sort_key
from test_documents_support import (all_text, blocks, body_paragraphs, by_kind, effective, export, find_par,
                                    para_format, part_xml, runs_all, sample_json, store_with)

ROLE_ORDER = {"head": 0, "leader": 0, "deputy": 1, "member": 2}
COMMITTEE_LABEL = {"head": "Trưởng ban", "deputy": "Phó Trưởng ban", "member": "Thành viên"}
TEAM_LABEL = {"leader": "Tổ trưởng", "deputy": "Tổ phó", "member": "Tổ viên"}


@pytest.fixture
def sample_set(tmp_path):
    store = store_with(tmp_path / "xa.sqlite3")
    result = export(store, tmp_path / "out")
    store.close()
    return result


def open_doc(result, kind, village=None):
    return docx.Document(str(by_kind(result, kind, village)))


def people():
    return {p["id"]: p for p in sample_json()["people"]}


def expected_committee() -> list[dict]:
    data = sample_json()
    ppl = people()
    return sorted(data["committee"], key=lambda m: (ROLE_ORDER[m["role"]],
                                                    name_sort_key(ppl[m["person"]]["full_name"])))


def expected_team(village: str) -> list[dict]:
    team = next(t for t in sample_json()["teams"] if t["village"] == village)
    ppl = people()
    return sorted(team["members"], key=lambda m: (ROLE_ORDER[m["role"]],
                                                  name_sort_key(ppl[m["person"]]["full_name"])))


# --- content ---------------------------------------------------------------------------------------------------


def test_committee_decision_lists_every_member_in_order_with_post_and_role(sample_set):
    doc = open_doc(sample_set, "committee_decision")
    ppl = people()
    lines = [p.text for p in body_paragraphs(doc) if re.match(r"^\d+\. (Ông|Bà) ", p.text)]
    expected = expected_committee()
    assert len(lines) == len(expected)
    for i, (line, m) in enumerate(zip(lines, expected), 1):
        person = ppl[m["person"]]
        assert line.startswith(f"{i}. {'Bà' if person['gender'] == 'nữ' else 'Ông'} {person['full_name']} – ")
        assert f" – {person['position']} – " in line
        assert line.endswith(f" – {COMMITTEE_LABEL[m['role']]}" + ("." if i == len(expected) else ";"))
    text = all_text(doc)
    assert "CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ HÀ LĨNH" in text
    assert "Về việc thành lập Ban Chỉ đạo chuyển đổi số xã Hà Lĩnh" in text
    # Điều 2: the committee's duties from the settings (the district letter's presets)
    from desktop.presets import COMMITTEE_DUTIES
    for duty in COMMITTEE_DUTIES:
        assert duty in text
    assert re.search(r"Điều 3\. Quyết định này có hiệu lực kể từ ngày ký", text)


def test_head_first_then_deputies_then_members_in_vietnamese_name_order(sample_set):
    doc = open_doc(sample_set, "committee_decision")
    roles = [p.text.rsplit(" – ", 1)[1].rstrip(";.") for p in body_paragraphs(doc)
             if re.match(r"^\d+\. (Ông|Bà) ", p.text)]
    assert roles[0] == "Trưởng ban"
    rank = {"Trưởng ban": 0, "Phó Trưởng ban": 1, "Thành viên": 2}
    assert [rank[r] for r in roles] == sorted(rank[r] for r in roles)
    names = [re.match(r"^\d+\. (?:Ông|Bà) (.+?) – ", p.text).group(1) for p in body_paragraphs(doc)
             if re.match(r"^\d+\. (Ông|Bà) ", p.text) and p.text.endswith(("Thành viên;", "Thành viên."))]
    assert names == sorted(names, key=name_sort_key)
    assert len(names) >= 5


def test_each_team_decision_lists_its_members_only(sample_set):
    ppl = people()
    data = sample_json()
    for village in data["villages"]:
        doc = open_doc(sample_set, "team_decision", village["name"])
        text = all_text(doc)
        assert f"Về việc thành lập Tổ công nghệ số cộng đồng thôn {village['name']}" in text
        lines = [p.text for p in body_paragraphs(doc) if re.match(r"^\d+\. (Ông|Bà) ", p.text)]
        expected = expected_team(village["name"])
        assert len(lines) == len(expected)
        for line, m in zip(lines, expected):
            assert ppl[m["person"]]["full_name"] in line
            assert line.rstrip(";.").endswith(TEAM_LABEL[m["role"]])
        others = {ppl[m["person"]]["full_name"] for t in data["teams"] if t["village"] != village["name"]
                  for m in t["members"]} - {ppl[m["person"]]["full_name"] for m in expected}
        assert not [name for name in others if name in text]
        from desktop.presets import TEAM_TASKS
        assert TEAM_TASKS[0] in text


def test_report_cites_the_recipient_and_the_figures(sample_set):
    data = sample_json()
    ppl = people()
    memberships = [ppl[m["person"]] for t in data["teams"] for m in t["members"]]
    women = sum(p["gender"] == "nữ" for p in memberships)
    youth = sum(p["office"] in ("youth_union_secretary", "youth_branch_secretary", "youth_union_member")
                for p in memberships)
    young = sum(bool(p.get("birth_year")) and 2022 - p["birth_year"] <= 35 for p in memberships)
    doc = open_doc(sample_set, "report")
    text = all_text(doc)
    assert f"Kính gửi: {data['commune']['report_to']}." in text
    assert f"Số thành viên Ban Chỉ đạo chuyển đổi số xã: {len(data['committee'])} người;" in text
    assert f"Số thôn: {len(data['villages'])}; số Tổ công nghệ số cộng đồng đã thành lập: {len(data['teams'])}" in text
    assert f"Tổng số thành viên các Tổ công nghệ số cộng đồng: {len(memberships)} người;" in text
    assert f"Thành viên nữ: {women} người" in text
    assert f"Thành viên là đoàn viên thanh niên: {youth} người" in text
    assert f"Thành viên từ 35 tuổi trở xuống: {young} người" in text
    table = [b for b in blocks(doc) if isinstance(b, Table)][-2]  # the teams table (the last is the signature)
    rows = [[c.text for c in r.cells] for r in table.rows]
    assert [r[1] for r in rows[1:-1]] == [v["name"] for v in data["villages"]]
    assert rows[-1][1] == "Tổng cộng" and rows[-1][3:7] == [str(len(memberships)), str(women), str(youth),
                                                             str(young)]


def test_recorded_numbers_and_dates_are_printed_and_cited(tmp_path):
    store = store_with(tmp_path / "xa.sqlite3")
    store.record_issued(IssuedDocument("committee_decision", None, "5", dt.date(2022, 4, 5)))
    store.record_issued(IssuedDocument("team_decision", "Đông Sơn", "12", dt.date(2022, 4, 6)))
    result = export(store, tmp_path / "out")
    doc = open_doc(result, "committee_decision")
    assert find_par(doc, r"^Số:").text == "Số: 05/QĐ-UBND"
    assert find_par(doc, r"^Hà Lĩnh, ngày").text == "Hà Lĩnh, ngày 05 tháng 4 năm 2022"
    report = all_text(open_doc(result, "report"))
    assert "Quyết định số 05/QĐ-UBND ngày 05/4/2022" in report
    assert "12/QĐ-UBND ngày 06/4/2022" in report
    duties = all_text(open_doc(result, "duties"))
    assert "Căn cứ Quyết định số 05/QĐ-UBND ngày 05/4/2022 của Chủ tịch Ủy ban nhân dân xã Hà Lĩnh" in duties
    assert docx.Document(str(by_kind(result, "committee_decision"))).core_properties.identifier == "05/QĐ-UBND"
    store.close()


def test_unrecorded_number_and_day_are_blank(sample_set):
    doc = open_doc(sample_set, "committee_decision")
    number = find_par(doc, r"^Số:").text
    assert re.fullmatch(r"Số:\s+/QĐ-UBND", number)
    date = find_par(doc, r"^Hà Lĩnh, ngày").text
    assert re.fullmatch(r"Hà Lĩnh, ngày\s+tháng 4 năm 2022", date)
    assert re.fullmatch(r"Số:\s+/KH-UBND", find_par(open_doc(sample_set, "plan"), r"^Số:").text)
    assert re.fullmatch(r"Số:\s+/TB-BCĐ", find_par(open_doc(sample_set, "duties"), r"^Số:").text)
    assert re.fullmatch(r"Số:\s+/BC-UBND", find_par(open_doc(sample_set, "report"), r"^Số:").text)


def test_signatures_follow_who_signs(tmp_path):
    data = sample_json()
    chair = next(p["full_name"] for p in data["people"] if p["office"] == "ubnd_chair")
    vice = next(p["full_name"] for p in data["people"] if p["office"] == "ubnd_vice_chair")
    store = store_with(tmp_path / "a.sqlite3")
    result = export(store, tmp_path / "a")
    store.close()

    def sign_cell(doc):
        table = [b for b in blocks(doc) if isinstance(b, Table)][-1]
        return [p.text for p in table.rows[0].cells[1].paragraphs if p.text.strip()]

    assert sign_cell(open_doc(result, "committee_decision")) == ["CHỦ TỊCH", chair]
    assert sign_cell(open_doc(result, "plan")) == ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", chair]
    assert sign_cell(open_doc(result, "report")) == ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", chair]
    assert sign_cell(open_doc(result, "duties")) == ["TM. BAN CHỈ ĐẠO", "TRƯỞNG BAN", chair]
    store = store_with(tmp_path / "b.sqlite3", sign_as="vice_chair", chair_name="Lê Văn Chủ")
    result = export(store, tmp_path / "b")
    store.close()
    assert sign_cell(open_doc(result, "committee_decision")) == ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", vice]
    assert sign_cell(open_doc(result, "team_decision", "Đông Sơn")) == ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", vice]
    assert sign_cell(open_doc(result, "plan")) == ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Lê Văn Chủ"]


def test_duties_notice_table_lists_member_post_role_duties_villages(sample_set):
    data = sample_json()
    ppl = people()
    doc = open_doc(sample_set, "duties")
    table = next(b for b in blocks(doc) if isinstance(b, Table) and b.rows[0].cells[0].text == "STT")
    head = [c.text for c in table.rows[0].cells]
    assert head == ["STT", "Họ và tên", "Chức vụ", "Vị trí trong Ban Chỉ đạo", "Nhiệm vụ được phân công",
                    "Thôn phụ trách"]
    rows = [[c.text for c in r.cells] for r in table.rows[1:]]
    expected = expected_committee()
    assert [r[1] for r in rows] == [ppl[m["person"]]["full_name"] for m in expected]
    village_order = [v["name"] for v in data["villages"]]
    for row, m in zip(rows, expected):
        assert row[2] == ppl[m["person"]]["position"]
        assert row[3] == COMMITTEE_LABEL[m["role"]]
        assert row[4] == m["duties"]
        assert row[5] == ", ".join(sorted(m["villages"], key=village_order.index))
    assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None  # header repeated on each page


def test_plan_has_the_five_sections_and_the_data(sample_set):
    data = sample_json()
    doc = open_doc(sample_set, "plan")
    heads = [p.text for p in body_paragraphs(doc) if re.match(r"^[IVX]+\. ", p.text)]
    assert heads == ["I. MỤC ĐÍCH, YÊU CẦU", "II. MỤC TIÊU, CHỈ TIÊU", "III. NHIỆM VỤ, GIẢI PHÁP",
                     "IV. KINH PHÍ THỰC HIỆN", "V. TỔ CHỨC THỰC HIỆN"]
    for p in body_paragraphs(doc):
        if re.match(r"^[IVX]+\. ", p.text):
            assert runs_all(p, "bold", True) and p.text == p.text.upper()
    text = all_text(doc)
    n = len(data["villages"])
    assert f"{len(data['teams'])}/{n} thôn" in text
    from desktop.presets import PLAN_TASKS, PLAN_TARGETS
    assert PLAN_TARGETS[1].rstrip(".") in text
    assert PLAN_TASKS[0].split(":")[1].strip() in text


def test_single_decision_with_an_appendix(tmp_path):
    store = store_with(tmp_path / "xa.sqlite3", team_decisions="single")
    result = export(store, tmp_path / "out")
    store.close()
    decisions = [f for f in result.files if f.kind == "team_decision"]
    assert len(decisions) == 1 and decisions[0].village is None
    doc = docx.Document(str(decisions[0].path))
    assert len(doc.sections) == 2
    appendix = doc.sections[1]._sectPr
    assert appendix.find(qn("w:pgNumType")).get(qn("w:start")) == "1"  # the appendix numbers its own pages
    assert appendix.find(qn("w:titlePg")) is not None
    label = find_par(doc, r"^Phụ lục$")
    assert runs_all(label, "bold", True) and effective(label, label.runs[0], "size") == Pt(14)
    assert para_format(label, "alignment") == 1  # centred
    note = find_par(doc, r"^\(Kèm theo Quyết định số")
    assert runs_all(note, "italic", True)
    assert re.search(r"của Chủ tịch Ủy ban nhân dân xã Hà Lĩnh\)$", note.text)
    # the appendix comes after the section break, with one table per team listing its members in order
    ppl = people()
    body = list(blocks(doc))
    start = next(i for i, b in enumerate(body) if isinstance(b, Paragraph) and b.text == "Phụ lục")
    tables = [b for b in body[start:] if isinstance(b, Table)]
    data = sample_json()
    assert len(tables) == len(data["villages"])
    for table, village in zip(tables, data["villages"]):
        names = [r.cells[1].text for r in table.rows[1:]]
        assert names == [ppl[m["person"]]["full_name"] for m in expected_team(village["name"])]
        roles = [r.cells[4].text for r in table.rows[1:]]
        assert roles == [TEAM_LABEL[m["role"]] for m in expected_team(village["name"])]


# --- formatting (nd30.md) --------------------------------------------------------------------------------------

DOCX_KINDS = [("plan", None), ("committee_decision", None), ("duties", None), ("team_decision", "Đông Sơn"),
              ("report", None)]


@pytest.mark.parametrize("kind,village", DOCX_KINDS)
def test_page_margins_fonts_language(sample_set, kind, village):
    path = by_kind(sample_set, kind, village)
    doc = docx.Document(str(path))
    for s in doc.sections:
        assert abs(s.page_width - Mm(210)) < Mm(0.5) and abs(s.page_height - Mm(297)) < Mm(0.5)
        assert Mm(20) - Mm(0.2) <= s.top_margin <= Mm(25) and Mm(20) - Mm(0.2) <= s.bottom_margin <= Mm(25)
        assert Mm(30) - Mm(0.2) <= s.left_margin <= Mm(35) and Mm(15) - Mm(0.2) <= s.right_margin <= Mm(20)
    styles = part_xml(path, "word/styles.xml")
    document = part_xml(path, "word/document.xml")
    for xml in (styles, document):
        assert not re.search(r"w:\w*[tT]heme=", xml), "theme font attributes left"
    root = doc.styles.element
    fonts = [root.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr")).find(qn("w:rFonts"))]
    fonts += [s.find(qn("w:rPr")).find(qn("w:rFonts")) for s in root.findall(qn("w:style"))
              if s.find(qn("w:rPr")) is not None and s.find(qn("w:rPr")).find(qn("w:rFonts")) is not None]
    assert len(fonts) > 5
    for f in fonts:
        for slot in ("ascii", "hAnsi", "eastAsia", "cs"):
            assert f.get(qn(f"w:{slot}")) == "Times New Roman"
    for run_fonts in doc.element.body.iter(qn("w:rFonts")):
        assert {run_fonts.get(qn(f"w:{s}")) for s in ("ascii", "hAnsi", "eastAsia", "cs")} == {"Times New Roman"}
    lang = root.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr")).find(qn("w:lang"))
    assert lang.get(qn("w:val")) == "vi-VN"
    assert "___" not in all_text(doc)


@pytest.mark.parametrize("kind,village", DOCX_KINDS)
def test_header_block(sample_set, kind, village):
    doc = docx.Document(str(by_kind(sample_set, kind, village)))
    table = next(b for b in blocks(doc) if isinstance(b, Table))
    grid = [int(g.get(qn("w:w"))) for g in table._tbl.tblGrid.findall(qn("w:gridCol"))]
    assert abs(grid[0] - Cm(6.5) / 635) < 60 and abs(grid[1] - Cm(10) / 635) < 60
    for row in table.rows:
        for cell, width in zip(row.cells, grid):
            tcw = cell._tc.tcPr.find(qn("w:tcW"))
            assert int(tcw.get(qn("w:w"))) == width and tcw.get(qn("w:type")) == "dxa"
    tblPr = table._tbl.tblPr
    assert tblPr.find(qn("w:tblLayout")).get(qn("w:type")) == "fixed"
    borders = tblPr.find(qn("w:tblBorders"))
    assert all(b.get(qn("w:val")) in ("nil", "none") for b in borders)
    left, right = table.rows[0].cells
    left_lines = [p for p in left.paragraphs if p.text.strip()]
    if kind == "duties":
        assert [p.text for p in left_lines] == ["UBND XÃ HÀ LĨNH", "BAN CHỈ ĐẠO", "CHUYỂN ĐỔI SỐ"]
        assert all(runs_all(p, "bold", True) for p in left_lines[1:])
    else:
        assert [p.text for p in left_lines] == ["ỦY BAN NHÂN DÂN", "XÃ HÀ LĨNH"]
        assert all(runs_all(p, "bold", True) for p in left_lines)
    for p in left_lines:
        assert Pt(12) <= effective(p, p.runs[0], "size") <= Pt(13)
        assert para_format(p, "alignment") == 1
    national, motto = [p for p in right.paragraphs if p.text.strip()]
    assert national.text == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" and runs_all(national, "bold", True)
    assert Pt(12) <= effective(national, national.runs[0], "size") <= Pt(13)
    assert motto.text == "Độc lập - Tự do - Hạnh phúc" and runs_all(motto, "bold", True)
    assert Pt(13) <= effective(motto, motto.runs[0], "size") <= Pt(14)
    # the short lines under the issuing body and the motto: paragraph borders, narrower than the column
    for cell, column in ((left, grid[0]), (right, grid[1])):
        rules = [p for p in cell.paragraphs if p._p.pPr is not None and p._p.pPr.find(qn("w:pBdr")) is not None]
        assert len(rules) == 1 and not rules[0].text
        ind = rules[0]._p.pPr.find(qn("w:ind"))
        width = column - 216 - int(ind.get(qn("w:left"))) - int(ind.get(qn("w:right")))
        assert 0.25 * column < width < 0.75 * column
    number, date = table.rows[1].cells
    assert number.text.startswith("Số:")
    assert not any(effective(number.paragraphs[0], r, "italic") for r in number.paragraphs[0].runs)  # upright
    assert Pt(13) == effective(number.paragraphs[0], number.paragraphs[0].runs[0], "size")
    date_par = date.paragraphs[0]
    assert runs_all(date_par, "italic", True)
    assert Pt(13) <= effective(date_par, date_par.runs[0], "size") <= Pt(14)
    assert date_par.text.startswith("Hà Lĩnh, ngày")


@pytest.mark.parametrize("kind,village", [k for k in DOCX_KINDS if k[0] in ("committee_decision", "team_decision")])
def test_decision_title_citations_articles(sample_set, kind, village):
    doc = docx.Document(str(by_kind(sample_set, kind, village)))
    pars = body_paragraphs(doc)
    texts = [p.text for p in pars]
    i = texts.index("QUYẾT ĐỊNH")
    title, subject, authority = pars[i], pars[i + 1], pars[i + 2]
    for p in (title, subject, authority):
        assert runs_all(p, "bold", True) and para_format(p, "alignment") == 1
        assert Pt(13) <= effective(p, p.runs[0], "size") <= Pt(14)
    assert subject.text.startswith("Về việc thành lập")
    assert authority.text == "CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ HÀ LĨNH"
    # a short line under the subject, drawn as a border
    following = subject._p.getnext()
    assert following.pPr.find(qn("w:pBdr")) is not None
    citations = [p for p in pars if p.text.startswith("Căn cứ")]
    assert len(citations) >= 3
    for p in citations:
        assert runs_all(p, "italic", True) and p.text.endswith(";")
    proposer = pars[texts.index(citations[-1].text) + 1]
    assert proposer.text.startswith("Theo đề nghị của ") and proposer.text.endswith(".")
    assert runs_all(proposer, "italic", True)
    decide = pars[texts.index("QUYẾT ĐỊNH:")]
    assert runs_all(decide, "bold", True) and para_format(decide, "alignment") == 1
    for n in (1, 2, 3):
        art = next(p for p in pars if p.text.startswith(f"Điều {n}."))
        assert art.runs[0].text == f"Điều {n}." and effective(art, art.runs[0], "bold") is True
        assert Pt(13) <= effective(art, art.runs[0], "size") <= Pt(14)
    assert texts[-1].endswith("./.")
    assert sum(t.endswith("./.") for t in texts) == 1


@pytest.mark.parametrize("kind,village", DOCX_KINDS)
def test_body_paragraphs_justified_indented_spaced(sample_set, kind, village):
    doc = docx.Document(str(by_kind(sample_set, kind, village)))
    body = [p for p in body_paragraphs(doc) if p.style.name == "Normal" or p.style.name.startswith("CĐS Căn cứ")]
    assert len(body) >= 6
    for p in body:
        assert para_format(p, "alignment") == 3, p.text  # justified
        indent = para_format(p, "first_line_indent")
        assert Cm(1) - Cm(0.01) <= indent <= Cm(1.27) + Cm(0.01), p.text
        assert para_format(p, "space_after") >= Pt(6)
        for r in p.runs:
            if r.text.strip():
                assert Pt(13) <= effective(p, r, "size") <= Pt(14)


@pytest.mark.parametrize("kind,village", DOCX_KINDS)
def test_signature_and_distribution(sample_set, kind, village):
    doc = docx.Document(str(by_kind(sample_set, kind, village)))
    table = [b for b in blocks(doc) if isinstance(b, Table)][-1]
    grid = [int(g.get(qn("w:w"))) for g in table._tbl.tblGrid.findall(qn("w:gridCol"))]
    assert abs(grid[0] / sum(grid) - 0.45) < 0.02 and abs(sum(grid) - Cm(16.5) / 635) < 60
    assert table._tbl.tblPr.find(qn("w:tblLayout")).get(qn("w:type")) == "fixed"
    left, right = table.rows[0].cells
    label, *lines = [p for p in left.paragraphs if p.text.strip()]
    assert label.text == "Nơi nhận:"
    assert runs_all(label, "bold", True) and runs_all(label, "italic", True)
    assert effective(label, label.runs[0], "size") == Pt(12)
    assert len(lines) >= 3
    for p in lines[:-1]:
        assert p.text.startswith("- ") and p.text.endswith(";")
        assert effective(p, p.runs[0], "size") == Pt(11)
    assert re.fullmatch(r"- Lưu: VT, [A-ZĐ]+\.", lines[-1].text)
    signs = [p for p in right.paragraphs if p.text.strip()]
    for p in signs:
        assert runs_all(p, "bold", True) and para_format(p, "alignment") == 1
        assert Pt(13) <= effective(p, p.runs[0], "size") <= Pt(14)
    empty_between = 0
    for p in right.paragraphs:
        if p.text.strip() == signs[-1].text:
            break
        empty_between = empty_between + 1 if not p.text.strip() else 0
    assert 4 <= empty_between <= 6  # room for the signature and the seal


@pytest.mark.parametrize("kind,village", DOCX_KINDS)
def test_page_numbers_from_page_two(sample_set, kind, village):
    doc = docx.Document(str(by_kind(sample_set, kind, village)))
    section = doc.sections[0]
    assert section.different_first_page_header_footer
    assert not section.first_page_header.is_linked_to_previous
    assert not "".join(p.text for p in section.first_page_header.paragraphs).strip()
    header = section.header
    xml = header._element.xml
    assert "PAGE" in xml and "fldChar" in xml
    p = header.paragraphs[0]
    assert para_format(p, "alignment") == 1
    assert all(Pt(13) <= effective(p, r, "size") <= Pt(14) for r in p.runs)


def test_report_has_kinh_gui_under_the_title(sample_set):
    doc = open_doc(sample_set, "report")
    pars = body_paragraphs(doc)
    texts = [p.text for p in pars]
    i = texts.index("BÁO CÁO")
    kinh_gui = pars[i + 2]
    assert kinh_gui.text.startswith("Kính gửi: ")
    assert Pt(13) <= effective(kinh_gui, kinh_gui.runs[0], "size") <= Pt(14)
    assert texts[-1].endswith("./.")
