"""The self-test (``--self-test``): it passes on a complete program, names the step that fails on a broken one, writes
its report where a windowed program can leave it, and never touches the clerk's data."""
from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest

from desktop import paths, selftest

ROOT = Path(__file__).resolve().parent.parent


def _run_cli(data_dir: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, CDS_XA_DATA_DIR=str(data_dir), QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    return subprocess.run([sys.executable, "-m", "desktop", "--self-test"], cwd=ROOT, env=env, capture_output=True,
                          text=True, encoding="utf-8", timeout=600)


def _digest(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_self_test_passes_every_step_and_keeps_a_report(private_data_dir, sample_store):
    from desktop.documents.export import plan_set
    expected_files = len(plan_set(sample_store.load(), sample_store.load_settings()))
    proc = _run_cli(private_data_dir)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    lines = proc.stdout.splitlines()
    steps = [line for line in lines if line.startswith("[")]
    assert len(steps) == len(selftest.STEPS)
    for (label, _), line in zip(selftest.STEPS, steps):
        assert label in line
        assert ": đạt — " in line, line  # no step failed, none skipped: the window too was built
    assert any(line.startswith("KẾT QUẢ: ĐẠT") for line in lines)
    assert "xã Hà Lĩnh" in proc.stdout and f"{expected_files} tệp mở được" in proc.stdout
    log = private_data_dir / selftest.LOG_NAME
    assert log.read_text(encoding="utf-8").splitlines()[:len(steps) + 1] == lines[:len(steps) + 1]
    # only the report was written to the user's data folder: no database, no settings
    assert sorted(p.name for p in private_data_dir.iterdir()) == [selftest.LOG_NAME]


def test_self_test_leaves_the_clerks_data_untouched(private_data_dir, sample_path):
    from desktop.interchange import parse_text
    from desktop.store import Store
    private_data_dir.mkdir(parents=True, exist_ok=True)
    with Store.open(paths.default_db_path()) as store:
        setup = parse_text(sample_path.read_bytes())
        setup.commune.name = "Hà Đông"  # the clerk's own commune, not the sample
        store.replace_setup(setup)
    (private_data_dir / "cds-xa.ini").write_text("[paths]\nlast_dir=C:/Users/xa/Documents\n", encoding="utf-8")
    before = _digest(private_data_dir)

    proc = _run_cli(private_data_dir)
    assert proc.returncode == 0, proc.stdout + proc.stderr

    after = _digest(private_data_dir)
    assert after.pop(selftest.LOG_NAME)
    assert after == before
    with Store.open(paths.default_db_path()) as store:
        assert store.load().commune.name == "Hà Đông"


def test_a_failing_step_is_named_and_the_run_stops(private_data_dir, tmp_path, monkeypatch, capsys):
    broken = tmp_path / "ha-linh-2022.json"
    broken.write_text('{"format": "cds-xa", "commune": ', encoding="utf-8")
    monkeypatch.setattr(paths, "sample_path", lambda: broken)

    assert selftest.run_self_test() == 1

    out = capsys.readouterr().out
    assert "[3/7] Nạp xã mẫu: LỖI — " in out
    assert "KẾT QUẢ: KHÔNG ĐẠT ở bước «Nạp xã mẫu»" in out
    assert "[4/7]" not in out  # nothing runs after a failure
    assert "KHÔNG ĐẠT ở bước «Nạp xã mẫu»" in (private_data_dir / selftest.LOG_NAME).read_text(encoding="utf-8")


def test_a_bundle_without_templates_fails_the_first_step(tmp_path, monkeypatch, capsys):
    empty = tmp_path / "templates_docx"
    empty.mkdir()
    monkeypatch.setattr(paths, "bundled_templates_dir", lambda: empty)

    assert selftest.run_self_test() == 1

    out = capsys.readouterr().out
    assert "[1/7] Tệp đi kèm chương trình: LỖI — không có mẫu văn bản (.docx)" in out
    assert "KHÔNG ĐẠT ở bước «Tệp đi kèm chương trình»" in out


def test_without_a_console_the_report_still_reaches_the_log(private_data_dir, tmp_path, monkeypatch):
    """A windowed program on Windows has sys.stdout = None: the log file is then the only report."""
    empty = tmp_path / "templates_docx"
    empty.mkdir()
    monkeypatch.setattr(paths, "bundled_templates_dir", lambda: empty)
    monkeypatch.setattr(sys, "stdout", None)

    assert selftest.run_self_test() == 1

    log = (private_data_dir / selftest.LOG_NAME).read_text(encoding="utf-8")
    assert log.startswith("CĐS Xã ")
    assert "KHÔNG ĐẠT ở bước «Tệp đi kèm chương trình»" in log


def test_the_run_uses_a_private_data_folder_and_restores_the_setting(private_data_dir, monkeypatch):
    seen = []

    def spy(run):
        seen.append(os.environ["CDS_XA_DATA_DIR"])
        raise selftest.StepFailed("dừng sớm")
    monkeypatch.setattr(selftest, "STEPS", (("Thử", spy),))

    assert selftest.run_self_test() == 1

    assert seen and Path(seen[0]) != private_data_dir and "cds-xa-selftest-" in seen[0]
    assert not Path(seen[0]).exists()  # the temporary folder is gone
    assert os.environ["CDS_XA_DATA_DIR"] == str(private_data_dir)


@pytest.mark.skipif(sys.platform == "win32", reason="checks the offscreen default on a machine without a display")
def test_the_self_test_needs_no_display(private_data_dir):
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY")}
    env.update(CDS_XA_DATA_DIR=str(private_data_dir), PYTHONPATH=str(ROOT))
    proc = subprocess.run([sys.executable, "-m", "desktop", "--self-test"], cwd=ROOT, env=env, capture_output=True,
                          text=True, encoding="utf-8", timeout=600)
    assert proc.returncode == 0, proc.stdout + proc.stderr
