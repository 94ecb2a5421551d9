"""``python -m desktop export``: exit codes 0 / 1 / 2, --json, --zip, --force, and a destination that cannot be
written leaving the folder as it was. Run as real processes on real database files."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from test_documents_support import load_sample, sample_json, store_with

ROOT = Path(__file__).resolve().parent.parent


def run(*args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONIOENCODING="utf-8")
    return subprocess.run([sys.executable, "-m", "desktop", "export", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, encoding="utf-8", timeout=120)


@pytest.fixture
def db(tmp_path) -> Path:
    path = tmp_path / "xa.sqlite3"
    store_with(path).close()
    return path


def listing(folder: Path) -> dict[str, bytes]:
    return {p.name: (p.read_bytes() if p.is_file() else b"<dir>") for p in folder.iterdir()}


def test_export_writes_the_set(db, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    r = run("--db", str(db), "--out", str(out))
    assert r.returncode == 0, r.stderr
    names = sorted(p.name for p in out.iterdir())
    assert len(names) == 3 + len(sample_json()["villages"]) + 2
    assert "01_KH_CDS_2022_xa_Ha_Linh.docx" in names and "05_DS_To_CNSCD_xa_Ha_Linh.xlsx" in names
    assert "Đã viết" in r.stdout and "01_KH_CDS_2022_xa_Ha_Linh.docx" in r.stdout
    assert not [n for n in names if n.endswith(".tmp")]


def test_json_lists_every_written_file(db, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    r = run("--db", str(db), "--out", str(out), "--json")
    assert r.returncode == 0, r.stderr
    files = json.loads(r.stdout)
    assert {f["kind"] for f in files} == {"plan", "committee_decision", "duties", "team_decision", "list", "report"}
    for f in files:
        assert Path(f["path"]).is_file() and Path(f["path"]).parent == out
        assert set(f) >= {"path", "kind", "village"}
    villages = [f["village"] for f in files if f["kind"] == "team_decision"]
    assert villages == [v["name"] for v in sample_json()["villages"]]
    assert all(f["village"] is None for f in files if f["kind"] != "team_decision")
    assert sorted(Path(f["path"]).name for f in files) == sorted(listing(out))


def test_zip_holds_the_set_under_ascii_names(db, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    r = run("--db", str(db), "--out", str(out), "--zip", "--json")
    assert r.returncode == 0, r.stderr
    files = json.loads(r.stdout)
    zips = [f for f in files if f["kind"] == "zip"]
    assert len(zips) == 1
    path = Path(zips[0]["path"])
    assert path.name == "CDS_2022_xa_Ha_Linh.zip"
    with zipfile.ZipFile(path) as z:
        assert z.testzip() is None
        names = z.namelist()
        assert all(n.isascii() and "/" not in n for n in names)
        documents = [f for f in files if f["kind"] != "zip"]
        assert sorted(names) == sorted(Path(f["path"]).name for f in documents)
        for f in documents:
            assert z.read(Path(f["path"]).name) == Path(f["path"]).read_bytes()


@pytest.fixture
def db_with_errors(tmp_path) -> Path:
    setup = load_sample()
    team = setup.teams[0]
    for m in team.members:
        if m.role == "leader":
            m.role = "member"  # a team without a Tổ trưởng: an error of the guidance
    path = tmp_path / "bad.sqlite3"
    store_with(path, setup).close()
    return path


def test_errors_in_the_data_write_nothing_and_exit_1(db_with_errors, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    r = run("--db", str(db_with_errors), "--out", str(out), "--zip")
    assert r.returncode == 1
    village = sample_json()["teams"][0]["village"]
    assert "Tổ trưởng" in r.stderr and village in r.stderr and "--force" in r.stderr
    assert listing(out) == {}


def test_force_writes_despite_errors(db_with_errors, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    r = run("--db", str(db_with_errors), "--out", str(out), "--force")
    assert r.returncode == 0, r.stderr
    assert len(listing(out)) == 3 + len(sample_json()["villages"]) + 2
    assert "--force" in r.stderr


def test_missing_destination_folder_exits_2(db, tmp_path):
    r = run("--db", str(db), "--out", str(tmp_path / "khong_co"))
    assert r.returncode == 2
    assert "khong_co" in r.stderr and "không tồn tại" in r.stderr
    assert not (tmp_path / "khong_co").exists()


def test_destination_under_a_file_exits_2(db, tmp_path):
    blocker = tmp_path / "a_file"
    blocker.write_text("x")
    r = run("--db", str(db), "--out", str(blocker / "out"))
    assert r.returncode == 2 and "a_file" in r.stderr
    assert blocker.read_text() == "x"


def test_a_target_that_cannot_be_replaced_leaves_the_folder_as_it_was(db, tmp_path):
    """A file that cannot be replaced (as Word's lock would make it; here a folder holds its name): exit 2, the
    message names it, and nothing in the folder changes, including the files that could have been written."""
    out = tmp_path / "out"
    out.mkdir()
    (out / "01_KH_CDS_2022_xa_Ha_Linh.docx").write_bytes(b"earlier plan")
    (out / "ghi_chu.txt").write_text("not ours")
    (out / "04_QD_To_CNSCD_03_thon_Trung_Son_xa_Ha_Linh.docx").mkdir()
    before = listing(out)
    r = run("--db", str(db), "--out", str(out), "--zip")
    assert r.returncode == 2
    assert "04_QD_To_CNSCD_03_thon_Trung_Son_xa_Ha_Linh.docx" in r.stderr
    assert "giữ nguyên" in r.stderr
    assert listing(out) == before


def test_a_missing_database_exits_2(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    r = run("--db", str(tmp_path / "none.sqlite3"), "--out", str(out))
    assert r.returncode == 2 and "none.sqlite3" in r.stderr
    assert not (tmp_path / "none.sqlite3").exists()


def test_a_broken_user_template_exits_2_and_writes_nothing(db, tmp_path, private_data_dir):
    folder = private_data_dir / "templates_docx"
    folder.mkdir(parents=True)
    (folder / "bao_cao.docx").write_bytes(b"PK\x03\x04 broken")
    out = tmp_path / "out"
    out.mkdir()
    r = run("--db", str(db), "--out", str(out))
    assert r.returncode == 2
    assert "bao_cao.docx" in r.stderr and "Chưa viết tệp nào" in r.stderr
    assert listing(out) == {}


def test_files_left_from_an_earlier_set_are_named_not_deleted(db, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    assert run("--db", str(db), "--out", str(out)).returncode == 0
    from desktop.model import Village
    from desktop.store import Store
    with Store.open(db) as store:   # the clerk renames a village after the first export
        store.save_village(Village(name="Đông Sơn Mới"), old_name="Đông Sơn")
    (out / "ghi_chu_cua_xa.docx").write_bytes(b"the clerk's own file")
    r = run("--db", str(db), "--out", str(out))
    assert r.returncode == 0, r.stderr
    old = "04_QD_To_CNSCD_01_thon_Dong_Son_xa_Ha_Linh.docx"
    assert (out / old).exists() and (out / "04_QD_To_CNSCD_01_thon_Dong_Son_Moi_xa_Ha_Linh.docx").exists()
    assert "tệp cũ" in r.stderr and old in r.stderr
    assert "ghi_chu_cua_xa.docx" not in r.stderr and "01_KH_CDS" not in r.stderr
