"""Safe rendering and clerk-edited templates: typed text comes out exactly and cannot run code; a template in the
user templates folder overrides the bundled one; a broken one is refused, naming the file, before anything is
written."""
from __future__ import annotations

import shutil
import unicodedata

import docx
import openpyxl
import pytest

from desktop import paths
from desktop.documents import TemplateError
from desktop.documents.export import TEMPLATE_FILES, write_set
from desktop.model import CommitteeMember, DocumentSettings, Person, TeamMember
from desktop.presets import HA_TRUNG_2022_CITATIONS, TEAM_TASKS, COMMITTEE_DUTIES
from test_documents_support import all_text, by_kind, export, load_sample, store_with, xml_parts


def settings() -> DocumentSettings:
    return DocumentSettings(citations={k: list(v) for k, v in HA_TRUNG_2022_CITATIONS.items()},
                            team_tasks=list(TEAM_TASKS), committee_duties=list(COMMITTEE_DUTIES),
                            proposer="công chức Văn hóa - Xã hội")


AMP = "Lê Văn A & <B>"
QUOTES = "Trần \"Út\" O'Neil"
NFD = unicodedata.normalize("NFD", "Nguyễn Thị Hằng")
CODE = "{{ 7*7 }} {% for x in range(3) %}x{% endfor %}"


@pytest.fixture
def tricky_set(tmp_path):
    """A set written straight from a Setup (not through the store, which would clean the text first)."""
    setup = load_sample()
    team = setup.teams[0]
    for pid, name in (("amp", AMP), ("quotes", QUOTES), ("nfd", NFD), ("code", CODE)):
        setup.people.append(Person(id=pid, full_name=name, gender="nữ", birth_year=1990, position="Tổ viên & <x>",
                                   phone="0912345678"))
        team.members.append(TeamMember(pid, "member"))
    setup.people.append(Person(id="ctl", full_name="Bùi\x07 Văn\x0bTâm\x00", gender="nam", birth_year=1980))
    setup.committee.append(CommitteeMember("ctl", "member", duties="Dòng một;\nDòng hai & <ba> \"bốn\".",
                                           villages=[team.village]))
    out = tmp_path / "out"
    out.mkdir()
    return write_set(setup, settings(), out), team.village


def test_special_characters_come_out_exactly(tricky_set):
    result, village = tricky_set
    text = all_text(docx.Document(str(by_kind(result, "team_decision", village))))
    assert f"Bà {AMP} – Tổ viên & <x> – Tổ viên" in text
    assert QUOTES in text
    assert unicodedata.normalize("NFC", NFD) in text and NFD not in text
    assert CODE in text and "49" not in text  # data are printed, never run
    report = all_text(docx.Document(str(by_kind(result, "report"))))
    assert "Tổng cộng" in report  # the table after the tricky names is whole


def test_line_breaks_and_control_characters(tricky_set):
    result, _ = tricky_set
    doc = docx.Document(str(by_kind(result, "duties")))
    table = next(t for t in doc.tables if t.rows[0].cells[0].text == "STT")
    row = next(r for r in table.rows if r.cells[1].text.startswith("Bùi"))
    assert row.cells[1].text == "Bùi Văn\nTâm"  # bell and NUL dropped; a vertical tab is a line break
    assert row.cells[4].text == "Dòng một;\nDòng hai & <ba> \"bốn\"."
    assert "<w:br/>" in row.cells[4]._tc.xml.replace(" ", "").replace("\n", "")


def test_excel_keeps_the_same_text(tricky_set):
    result, village = tricky_set
    ws = openpyxl.load_workbook(by_kind(result, "list"))["Danh sách"]
    names = {c.value for c in ws["B"] if c.value}
    assert {AMP, QUOTES, unicodedata.normalize("NFC", NFD), CODE} <= names


# --- user templates -------------------------------------------------------------------------------------------


def user_copy(name: str, *paragraphs: str):
    """Copy a bundled template into the user templates folder and add paragraphs to it (as a clerk would)."""
    target = paths.user_templates_dir() / name
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(paths.bundled_templates_dir() / name, target)
    doc = docx.Document(str(target))
    for text in paragraphs:
        doc.add_paragraph(text)
    doc.save(str(target))
    return target


def test_a_user_template_overrides_the_bundled_one(tmp_path):
    user_copy(TEMPLATE_FILES["committee_decision"], "Mẫu riêng của {{ commune.full_name }} & xã bạn.")
    store = store_with(tmp_path / "xa.sqlite3")
    result = export(store, tmp_path / "out")
    store.close()
    assert "Mẫu riêng của xã Hà Lĩnh & xã bạn." in all_text(docx.Document(str(by_kind(result, "committee_decision"))))
    assert "Mẫu riêng" not in all_text(docx.Document(str(by_kind(result, "plan"))))


@pytest.fixture
def out_with_old_file(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    old = out / "01_KH_CDS_2022_xa_Ha_Linh.docx"
    old.write_bytes(b"the clerk's earlier file")
    return out, old


BROKEN = [
    ("{{ village.name ", "chưa đóng"),
    ("{%p for m in members %}", "{% for %} chưa có {% endfor %}"),
    ("Chủ tịch: {{ chu_tich_xa }}", "chu_tich_xa"),
    ("Thôn {{ village.ten_thon }}", "dùng biến không có trong dữ liệu: ten_thon"),
    ("{{ commune.__class__.__mro__ }}", "không được phép (__class__)"),
    ("{{ commune.name | khong_co }}", "không có bộ lọc «khong_co»"),
]


@pytest.mark.parametrize("paragraph,problem", BROKEN)
def test_a_broken_template_is_refused_before_anything_is_written(tmp_path, out_with_old_file, paragraph, problem):
    name = TEMPLATE_FILES["team_decision"]
    user_copy(name, paragraph)
    out, old = out_with_old_file
    store = store_with(tmp_path / "xa.sqlite3")
    with pytest.raises(TemplateError) as info:
        export(store, out)
    store.close()
    assert info.value.path == paths.user_templates_dir() / name
    assert name in str(info.value) and problem in str(info.value)
    assert sorted(p.name for p in out.iterdir()) == [old.name]
    assert old.read_bytes() == b"the clerk's earlier file"


def test_a_template_that_would_make_a_corrupt_document_is_refused(tmp_path, out_with_old_file):
    """An {% if %} opened in a table cell and closed in the body cuts the table's XML when false."""
    name = TEMPLATE_FILES["committee_decision"]
    target = paths.user_templates_dir() / name
    target.parent.mkdir(parents=True)
    shutil.copy(paths.bundled_templates_dir() / name, target)
    doc = docx.Document(str(target))
    doc.tables[0].rows[0].cells[0].paragraphs[0].add_run("{% if not commune.name %}")
    doc.add_paragraph("{% endif %}")
    doc.save(str(target))
    out, old = out_with_old_file
    store = store_with(tmp_path / "xa.sqlite3")
    with pytest.raises(TemplateError) as info:
        export(store, out)
    store.close()
    assert "hỏng" in info.value.problem
    assert sorted(p.name for p in out.iterdir()) == [old.name]


def test_a_file_that_is_not_a_docx_is_refused(tmp_path, out_with_old_file):
    name = TEMPLATE_FILES["report"]
    target = paths.user_templates_dir() / name
    target.parent.mkdir(parents=True)
    target.write_bytes(b"not a zip at all")
    out, old = out_with_old_file
    store = store_with(tmp_path / "xa.sqlite3")
    with pytest.raises(TemplateError) as info:
        export(store, out)
    store.close()
    assert "không phải văn bản Word" in info.value.problem and str(target) in str(info.value)
    assert sorted(p.name for p in out.iterdir()) == [old.name]


def test_no_output_part_holds_template_tags(tricky_set):
    result, _ = tricky_set
    for f in result.files:
        if f.path.suffix == ".docx":
            for name, xml in xml_parts(f.path).items():
                if name != "word/document.xml":
                    assert "{{" not in xml and "{%" not in xml
            # the only braces in the body are the ones the clerk typed in a name
            body = xml_parts(f.path)["word/document.xml"]
            assert body.count("{{") == body.count("{{ 7*7 }}")
