"""Helpers for the document tests (reading .docx files the way a checker would), and tests of the set as files:
names, order, properties, no leftover template tags.

The helpers read the files themselves (python-docx for structure, the XML for what python-docx does not expose).
"""
from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "resources" / "samples" / "ha-linh-2022.json"


# --- building a set --------------------------------------------------------------------------------------------


def load_sample():
    from desktop.interchange import parse_text
    return parse_text(SAMPLE.read_bytes())


def sample_json() -> dict:
    return json.loads(SAMPLE.read_text(encoding="utf-8"))


def store_with(db_path: Path, setup=None, **settings_changes):
    """A real database with ``setup`` (the sample by default) and document settings changed as given."""
    from desktop.store import Store
    store = Store.open(db_path)
    store.replace_setup(setup or load_sample())
    if settings_changes:
        s = store.load_settings()
        for key, value in settings_changes.items():
            setattr(s, key, value)
        store.save_settings(s)
    return store


def export(store, out: Path, **kw):
    from desktop.documents.export import write_set
    out.mkdir(parents=True, exist_ok=True)
    return write_set(store.load(), store.load_settings(), out, **kw)


def by_kind(result, kind: str, village: str | None = None) -> Path:
    return next(f.path for f in result.files if f.kind == kind and (village is None or f.village == village))


# --- reading a .docx -------------------------------------------------------------------------------------------


def blocks(doc):
    """Body paragraphs and tables in document order."""
    for child in doc.element.body.iterchildren():
        if child.tag == qn("w:p"):
            yield Paragraph(child, doc)
        elif child.tag == qn("w:tbl"):
            yield Table(child, doc)


def body_paragraphs(doc) -> list[Paragraph]:
    """Paragraphs of the body outside tables, in order, non-empty."""
    return [b for b in blocks(doc) if isinstance(b, Paragraph) and b.text.strip()]


def all_text(doc) -> str:
    out = []
    for b in blocks(doc):
        if isinstance(b, Paragraph):
            out.append(b.text)
        else:
            for row in b.rows:
                out.append(" | ".join(c.text for c in row.cells))
    return "\n".join(out)


def find_par(doc, pattern: str) -> Paragraph:
    """The first paragraph (body or table) whose text matches ``pattern``."""
    for b in blocks(doc):
        pars = [b] if isinstance(b, Paragraph) else [p for row in b.rows for c in row.cells for p in c.paragraphs]
        for p in pars:
            if re.search(pattern, p.text):
                return p
    raise AssertionError(f"no paragraph matches {pattern!r}")


def effective(p: Paragraph, run, attr: str):
    """A run's bold / italic / size as Word would apply it: the run, else the paragraph style chain."""
    value = getattr(run.font, attr)
    style = p.style
    while value is None and style is not None:
        value = getattr(style.font, attr)
        style = style.base_style
    return value


def runs_all(p: Paragraph, attr: str, expected) -> bool:
    runs = [r for r in p.runs if r.text.strip()]
    return bool(runs) and all(effective(p, r, attr) == expected for r in runs)


def para_format(p: Paragraph, attr: str):
    value = getattr(p.paragraph_format, attr)
    style = p.style
    while value is None and style is not None:
        value = getattr(style.paragraph_format, attr)
        style = style.base_style
    return value


def twips(value) -> int:
    return int(round(value / 635)) if value is not None else 0


def part_xml(path: Path, name: str) -> str:
    with zipfile.ZipFile(path) as z:
        return z.read(name).decode("utf-8")


def xml_parts(path: Path) -> dict[str, str]:
    with zipfile.ZipFile(path) as z:
        return {n: z.read(n).decode("utf-8") for n in z.namelist() if n.endswith((".xml", ".rels"))}


# --- tests of the set as files ---------------------------------------------------------------------------------


@pytest.fixture
def sample_set(tmp_path):
    store = store_with(tmp_path / "xa.sqlite3")
    result = export(store, tmp_path / "out")
    store.close()
    return result


def test_names_are_ascii_and_sort_in_the_letters_order(sample_set):
    names = [f.path.name for f in sample_set.files]
    assert names == sorted(names)
    assert all(n.isascii() and " " not in n for n in names)
    kinds = [f.kind for f in sample_set.files]
    order = ["plan", "committee_decision", "duties", "team_decision", "list", "report"]
    assert [k for k in order if k in kinds] == sorted(set(kinds), key=kinds.index)
    assert names[0] == "01_KH_CDS_2022_xa_Ha_Linh.docx"
    assert names[3] == "04_QD_To_CNSCD_01_thon_Dong_Son_xa_Ha_Linh.docx"
    assert names[-2:] == ["05_DS_To_CNSCD_xa_Ha_Linh.xlsx", "06_BC_CDS_xa_Ha_Linh.docx"]
    assert len(names) == 3 + 8 + 2


def test_village_decisions_follow_village_order(sample_set):
    villages = [v["name"] for v in sample_json()["villages"]]
    assert [f.village for f in sample_set.files if f.kind == "team_decision"] == villages


def test_every_file_opens_and_no_template_tag_is_left(sample_set):
    import openpyxl
    for f in sample_set.files:
        assert f.path.is_file()
        if f.path.suffix == ".xlsx":
            openpyxl.load_workbook(f.path)
            continue
        docx.Document(str(f.path))
        for name, xml in xml_parts(f.path).items():
            for tag in ("{{", "{%", "{#", "%}", "}}"):
                assert tag not in xml, (f.path.name, name, tag)


def test_document_properties_are_set(sample_set):
    for f in sample_set.files:
        if f.path.suffix != ".docx":
            continue
        props = docx.Document(str(f.path)).core_properties
        assert props.title == f.title
        assert props.author in ("Ủy ban nhân dân xã Hà Lĩnh", "Ban Chỉ đạo chuyển đổi số xã Hà Lĩnh")
        assert props.language == "vi-VN"
        assert "xã Hà Lĩnh" in props.keywords
        assert props.subject
        if f.village:
            assert f.village in props.title and f.village in props.subject
    xlsx = by_kind(sample_set, "list")
    import openpyxl
    wb = openpyxl.load_workbook(xlsx)
    assert wb.properties.title == "Danh sách Tổ công nghệ số cộng đồng xã Hà Lĩnh"
    assert wb.properties.creator == "Ủy ban nhân dân xã Hà Lĩnh"


def test_written_files_are_readable_by_others(sample_set):
    import os
    import stat
    mask = os.umask(0)
    os.umask(mask)
    for f in sample_set.files:
        mode = stat.S_IMODE(f.path.stat().st_mode)
        assert mode == 0o666 & ~mask
