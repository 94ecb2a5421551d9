"""Communes unlike the sample: no data yet, no district level (after 1 July 2025), several kinds of village, a
large commune; the progress callback; the literal-brace escape of docxtpl templates."""
from __future__ import annotations

import re
import shutil

import docx
import openpyxl

from desktop import demo, paths
from desktop.documents.export import TEMPLATE_FILES, plan_set, write_set
from desktop.model import Commune, DocumentSettings, Setup
from test_documents_support import all_text, by_kind, export, store_with, xml_parts


def opens(result) -> None:
    for f in result.files:
        if f.path.suffix == ".docx":
            docx.Document(str(f.path))
        else:
            openpyxl.load_workbook(f.path)


def test_a_commune_without_data_still_gives_whole_files(tmp_path):
    setup = Setup(commune=Commune(name="Yên Dương", province="Thanh Hóa", year=2026))
    result = write_set(setup, DocumentSettings(), tmp_path)
    opens(result)
    assert [f.kind for f in result.files] == ["plan", "committee_decision", "duties", "list", "report"]
    for f in result.files:
        if f.path.suffix == ".docx":
            for xml in xml_parts(f.path).values():
                assert "{{" not in xml and "{%" not in xml


def test_no_district_and_several_kinds_of_village(tmp_path):
    setup = demo.build(villages=5, team_size=4)
    c = setup.commune
    c.district = c.district_kind = None
    c.report_to = ""
    c.report_deadline = None
    c.year = 2025
    setup.villages[1].kind = "tiểu khu"
    result = write_set(setup, DocumentSettings(proposer=""), tmp_path)
    opens(result)
    decision = docx.Document(str(by_kind(result, "committee_decision")))
    text = all_text(decision)
    assert "huyện" not in text
    assert "- UBND tỉnh Thanh Hóa (b/c);" in text
    assert re.search(r"Hà Ngọc, ngày\s+tháng\s+năm 2025", text)  # no deadline: the month stays blank too
    assert "Theo đề nghị" not in text
    report = all_text(docx.Document(str(by_kind(result, "report"))))
    assert "Kính gửi: Ủy ban nhân dân tỉnh Thanh Hóa." in report
    assert "STT | Thôn, tiểu khu |" in report
    assert "Về việc thành lập Tổ công nghệ số cộng đồng tiểu khu" in all_text(
        docx.Document(str(by_kind(result, "team_decision", setup.villages[1].name))))
    ws = openpyxl.load_workbook(by_kind(result, "list"))["Danh sách"]
    assert "Thôn, tiểu khu" in [c.value for c in ws[8]]


def test_forty_villages_make_forty_decisions_with_sortable_names(tmp_path):
    setup = demo.build(villages=40, team_size=7)
    planned = plan_set(setup, DocumentSettings())
    names = [p.name for p in planned]
    assert len(names) == 3 + 40 + 2 and names == sorted(names)
    assert len(set(names)) == len(names)
    calls = []
    result = write_set(setup, DocumentSettings(), tmp_path, make_zip=True,
                       progress=lambda done, total, label: calls.append((done, total, label)))
    assert [c[0] for c in calls] == list(range(1, len(names) + 1))
    assert {c[1] for c in calls} == {len(names)}
    assert calls[-1][2] == planned[-1].title
    assert result.zip_path and result.zip_path.is_file()
    last = by_kind(result, "team_decision", setup.villages[-1].name)
    assert last.name.startswith("04_QD_To_CNSCD_40_thon_40_")


def test_literal_braces_in_a_template(tmp_path):
    name = TEMPLATE_FILES["plan"]
    target = paths.user_templates_dir() / name
    target.parent.mkdir(parents=True)
    shutil.copy(paths.bundled_templates_dir() / name, target)
    doc = docx.Document(str(target))
    doc.add_paragraph("Mẫu thẻ: {_{ tên }_} của {{ commune.full_name }}")
    doc.save(str(target))
    store = store_with(tmp_path / "xa.sqlite3")
    result = export(store, tmp_path / "out")
    store.close()
    assert "Mẫu thẻ: {{ tên }} của xã Hà Lĩnh" in all_text(docx.Document(str(by_kind(result, "plan"))))
