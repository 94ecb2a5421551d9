"""The command line, run as a clerk's script or the district's tooling would: a real process, real files."""
import hashlib
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def run(*args, env_extra=None, cwd=None):
    env = dict(os.environ, PYTHONPATH=str(ROOT), PYTHONIOENCODING="utf-8")
    env.update(env_extra or {})
    return subprocess.run([sys.executable, "-m", "desktop", *map(str, args)], capture_output=True, text=True,
                          encoding="utf-8", env=env, cwd=cwd or ROOT, timeout=120)


def no_traceback(result):
    assert "Traceback" not in result.stderr, result.stderr


def test_import_check_export(tmp_path, sample_path):
    db = tmp_path / "xa.sqlite3"
    r = run("import-json", "--db", db, sample_path)
    assert r.returncode == 0, r.stderr
    assert "Hà Lĩnh" in r.stdout
    r = run("check", "--db", db)
    assert r.returncode == 0 and "0 lỗi" in r.stdout
    r = run("check", "--db", db, "--json")
    findings = json.loads(r.stdout)
    assert {f["code"] for f in findings} == {"team.young_share"}
    assert set(findings[0]) == {"level", "code", "message", "subject"}
    r = run("export-json", "--db", db)
    assert json.loads(r.stdout) == json.loads(sample_path.read_text(encoding="utf-8"))
    out = tmp_path / "xuat.json"
    assert run("export-json", "--db", db, "--out", out).returncode == 0
    assert json.loads(out.read_text(encoding="utf-8")) == json.loads(r.stdout)


def test_check_exit_1_on_errors(tmp_path, sample_path):
    doc = json.loads(sample_path.read_text(encoding="utf-8"))
    doc["teams"] = doc["teams"][1:]
    src = tmp_path / "thieu-to.json"
    src.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    db = tmp_path / "xa.sqlite3"
    assert run("import-json", "--db", db, src).returncode == 0
    r = run("check", "--db", db)
    assert r.returncode == 1
    assert "Thôn Đông Sơn chưa có Tổ công nghệ số cộng đồng" in r.stdout
    r = run("check", "--db", db, "--json")
    assert r.returncode == 1
    assert {"level": "error", "code": "village.team_missing"}.items() <= json.loads(r.stdout)[0].items()


def test_refused_file_leaves_database_as_it_was(tmp_path, sample_path):
    db = tmp_path / "xa.sqlite3"
    assert run("import-json", "--db", db, sample_path).returncode == 0
    before = hashlib.sha256(db.read_bytes()).hexdigest()
    doc = json.loads(sample_path.read_text(encoding="utf-8"))
    doc["people"][3]["birth_year"] = 2999
    doc["villages"][1]["name"] = "Đông Sơn"
    bad = tmp_path / "loi.json"
    bad.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    r = run("import-json", "--db", db, bad)
    assert r.returncode == 2
    no_traceback(r)
    assert "people[3].birth_year" in r.stderr and "villages[1].name" in r.stderr
    assert "giữ nguyên" in r.stderr
    assert hashlib.sha256(db.read_bytes()).hexdigest() == before


def test_missing_input_file(tmp_path):
    r = run("import-json", "--db", tmp_path / "xa.sqlite3", tmp_path / "khong-co.json")
    assert r.returncode == 2
    no_traceback(r)
    assert "khong-co.json" in r.stderr


@pytest.mark.parametrize("kind", ["text", "foreign", "newer"])
def test_unusable_database_exit_2_untouched(tmp_path, kind):
    db = tmp_path / "xa.sqlite3"
    if kind == "text":
        db.write_text("không phải cơ sở dữ liệu " * 100, encoding="utf-8")
    else:
        conn = sqlite3.connect(db)
        conn.execute("CREATE TABLE t (x)")
        if kind == "newer":
            conn.execute("PRAGMA application_id = 1128551256")
            conn.execute("PRAGMA user_version = 99")
        conn.commit()
        conn.close()
    before = db.read_bytes()
    for args in (["check", "--db", db], ["export-json", "--db", db], ["import-json", "--db", db,
                                                                      ROOT / "resources/samples/ha-linh-2022.json"]):
        r = run(*args)
        assert r.returncode == 2, (args, r.stdout, r.stderr)
        no_traceback(r)
        assert r.stderr.startswith("Lỗi:")
    assert db.read_bytes() == before


def test_demo_commune_is_complete_and_its_own(tmp_path):
    db = tmp_path / "demo.sqlite3"
    r = run("demo", "--db", db)
    assert r.returncode == 0, r.stderr
    r = run("check", "--db", db, "--json")
    assert r.returncode == 0
    assert [f for f in json.loads(r.stdout) if f["level"] != "info"] == []
    exported = json.loads(run("export-json", "--db", db).stdout)
    assert exported["commune"]["name"] != "Hà Lĩnh"
    assert len(exported["villages"]) == 10 and len(exported["teams"]) == 10


def test_default_database_is_in_the_data_folder(tmp_path, sample_path):
    data = tmp_path / "appdata"
    r = run("import-json", sample_path, env_extra={"CDS_XA_DATA_DIR": str(data)})
    assert r.returncode == 0, r.stderr
    assert (data / "cds-xa.sqlite3").exists()


def test_bad_arguments_are_explained_in_vietnamese():
    r = run("check", "--khong-co")
    assert r.returncode == 2
    assert "Lỗi" in r.stderr and "Traceback" not in r.stderr


@pytest.mark.parametrize("command", ["check", "export-json"])
def test_reading_commands_do_not_create_a_database(tmp_path, command):
    db = tmp_path / "khong-co.sqlite3"
    r = run(command, "--db", db)
    assert r.returncode == 2
    no_traceback(r)
    assert "Chưa có tệp dữ liệu" in r.stderr
    assert not db.exists()
