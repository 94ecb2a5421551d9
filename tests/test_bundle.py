"""Installing on a commune PC: where the program finds its files and keeps the clerk's data, the built bundle
(when ``build/out/dist/CDS-Xa`` exists: ``python build/build.py``), the Windows installer script and the icon.

The bundle is built by ``build/test-bundle.sh`` (CI's second step), which then runs this file; without a bundle the
bundle tests are skipped and say so.
"""
from __future__ import annotations

import os
import re
import struct
import subprocess
import sys
from pathlib import Path, PureWindowsPath

import pytest

from desktop import __version__, paths

ROOT = Path(__file__).resolve().parent.parent
BUILD = ROOT / "build"
BUNDLE = BUILD / "out" / "dist" / "CDS-Xa"
INTERNAL = BUNDLE / "_internal"
EXE = ".exe" if sys.platform == "win32" else ""
BUNDLED_FOLDERS = ("templates_docx", "ui", "resources")  # what desktop.paths.resource() reads


# -- where things are ----------------------------------------------------------------------------------------------

def test_on_windows_the_data_folder_is_appdata_cds_xa(monkeypatch):
    monkeypatch.delenv("CDS_XA_DATA_DIR", raising=False)
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setenv("APPDATA", r"C:\Users\van.thu\AppData\Roaming")
    assert PureWindowsPath(paths.data_dir()) == PureWindowsPath(r"C:\Users\van.thu\AppData\Roaming\CDS-Xa")
    assert PureWindowsPath(paths.default_db_path()).parent == PureWindowsPath(paths.data_dir())
    assert PureWindowsPath(paths.user_templates_dir()).parent == PureWindowsPath(paths.data_dir())


def test_installed_program_keeps_data_outside_its_own_folder(tmp_path, monkeypatch):
    """Installed per user (…\\AppData\\Local\\Programs\\CDS-Xa) or for everyone (Program Files): the data folder is
    never inside the program's folder, which an upgrade replaces and an uninstall removes."""
    monkeypatch.delenv("CDS_XA_DATA_DIR", raising=False)
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setenv("APPDATA", str(tmp_path / "Roaming"))
    for program_dir in (tmp_path / "Local" / "Programs" / "CDS-Xa", tmp_path / "Program Files" / "CDS-Xa"):
        monkeypatch.setattr(sys, "_MEIPASS", str(program_dir / "_internal"), raising=False)
        assert paths.app_root() == program_dir / "_internal"
        assert program_dir not in paths.data_dir().parents
        assert program_dir not in paths.default_db_path().parents
        assert paths.data_dir() == tmp_path / "Roaming" / "CDS-Xa"


def test_from_a_bundle_the_program_reads_its_files_from_meipass(tmp_path, monkeypatch):
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert paths.app_root() == tmp_path
    assert paths.sample_path() == tmp_path / "resources" / "samples" / "ha-linh-2022.json"
    assert paths.bundled_templates_dir() == tmp_path / "templates_docx"
    assert paths.resource("ui", "main_window.ui") == tmp_path / "ui" / "main_window.ui"


def test_from_source_the_program_reads_its_files_from_the_repository():
    assert getattr(sys, "_MEIPASS", None) is None
    assert paths.app_root() == ROOT
    for folder in BUNDLED_FOLDERS:
        assert (ROOT / folder).is_dir(), folder
    assert paths.sample_path().is_file()


# -- the built bundle ----------------------------------------------------------------------------------------------

def _need_bundle():
    if not (BUNDLE / f"cds-xa-cli{EXE}").is_file():
        pytest.skip(f"no bundle at {BUNDLE.relative_to(ROOT)}: build it with `python build/build.py` "
                    "(build/test-bundle.sh builds it and runs this file)")


def _files(folder: Path) -> set[str]:
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*")
            if p.is_file() and "__pycache__" not in p.parts and not p.name.startswith(".")}


def test_bundle_layout_matches_what_the_program_reads():
    """sys._MEIPASS is ``_internal`` in a PyInstaller 6 one-folder build: it must hold the same files as the
    repository's templates_docx/, ui/ and resources/, so paths.resource() finds them the same way."""
    _need_bundle()
    assert (BUNDLE / f"CDS-Xa{EXE}").is_file() and (BUNDLE / f"cds-xa-cli{EXE}").is_file()
    for folder in BUNDLED_FOLDERS:
        assert _files(INTERNAL / folder) == _files(ROOT / folder), f"{folder}/ differs between source and bundle"
    for name in ("app.ico", "app.png"):
        assert (INTERNAL / "resources" / name).is_file()


def test_bundle_runs_its_self_test(tmp_path):
    _need_bundle()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", CDS_XA_DATA_DIR=str(tmp_path))
    proc = subprocess.run([str(BUNDLE / f"cds-xa-cli{EXE}"), "--self-test"], env=env, cwd=tmp_path,
                          capture_output=True, text=True, encoding="utf-8", errors="replace", timeout=600)
    assert proc.returncode == 0, proc.stdout[-4000:] + proc.stderr[-4000:]
    assert "(bản cài đặt," in proc.stdout  # it ran frozen, not from the sources
    assert "KẾT QUẢ: ĐẠT" in proc.stdout
    assert "bỏ qua" not in proc.stdout  # the window step ran too
    assert "KẾT QUẢ: ĐẠT" in (tmp_path / "selftest.log").read_text(encoding="utf-8")


def test_bundle_reports_its_version(tmp_path):
    _need_bundle()
    proc = subprocess.run([str(BUNDLE / f"cds-xa-cli{EXE}"), "--version"], capture_output=True, text=True,
                          encoding="utf-8", errors="replace", timeout=120, cwd=tmp_path)
    assert proc.returncode == 0
    assert proc.stdout.strip() == f"CĐS Xã {__version__}"


def _qt_dir() -> Path:
    return INTERNAL / "PySide6" / ("Qt" if sys.platform != "win32" else "")


def test_bundle_leaves_out_unused_qt_and_keeps_what_the_program_needs():
    _need_bundle()
    files = _files(INTERNAL) | {p.relative_to(INTERNAL).as_posix() for p in INTERNAL.rglob("*") if p.is_symlink()}
    unwanted = re.compile(r"(/translations/|Qt6?(Qml|Quick|WebEngine|Pdf|VirtualKeyboard|Wayland|EglFS|Network|Sql|"
                          r"Test|Designer|Help|PrintSupport)|/plugins/(platforms/.*(wayland|eglfs|vnc|linuxfb)|"
                          r"generic|tls|networkinformation|qmltooling|sqldrivers|printsupport|egldeviceintegrations)|"
                          r"(opengl32sw|d3dcompiler_\d+)\.dll)", re.I)
    found = sorted(f for f in files if unwanted.search("/" + f))
    assert not found, "unused Qt files in the bundle:\n" + "\n".join(found)
    plugins = _qt_dir() / "plugins"
    have = {p.relative_to(plugins).as_posix() for p in plugins.rglob("*") if p.is_file()}

    def has(pattern):
        return any(re.search(pattern, f) for f in have)
    assert has(r"^platforms/.*qoffscreen"), "the offscreen platform (self-test) is missing"
    assert has(r"^platforms/.*(qwindows|qxcb)"), "the desktop platform plugin is missing"
    assert has(r"^imageformats/.*qico"), "the .ico image plugin is missing"
    if sys.platform != "win32":
        assert has(r"^platforminputcontexts/.*ibus"), "Vietnamese typing through IBus needs the input-method plugin"
    if sys.platform == "win32":
        assert has(r"^styles/"), "the Windows style plugin is missing"


@pytest.mark.skipif(sys.platform != "linux", reason="ldd is Linux's")
def test_every_bundled_library_finds_the_qt_and_python_libraries_it_links():
    """Leaving files out must not break what stays: each shared library's links to Qt, PySide6, shiboken and
    Python resolve inside the bundle (system libraries such as libGL come from the machine)."""
    _need_bundle()
    env = dict(os.environ, LD_LIBRARY_PATH=f"{INTERNAL}:{INTERNAL / 'PySide6' / 'Qt' / 'lib'}")
    ours = re.compile(r"^\s*(lib(Qt6|pyside6|shiboken6|python3)\S*) => not found", re.M)
    missing = []
    for lib in sorted(INTERNAL.rglob("*.so*")):
        if lib.is_symlink() or not lib.is_file():
            continue
        out = subprocess.run(["ldd", str(lib)], env=env, capture_output=True, text=True).stdout
        missing += [f"{lib.relative_to(INTERNAL)} → {m}" for m in ours.findall(out) for m in [m[0]]]
    assert not missing, "\n".join(missing)


# -- the Windows installer script ----------------------------------------------------------------------------------

def _iss() -> str:
    raw = (BUILD / "installer.iss").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "Inno Setup reads a UTF-8 script only with its BOM"
    return raw.decode("utf-8-sig")


def _section(text: str, name: str) -> str:
    m = re.search(rf"^\[{name}\]\s*$(.*?)(?=^\[|\Z)", text, re.M | re.S)
    return m.group(1) if m else ""


def test_installer_installs_per_user_without_administrator():
    setup = _section(_iss(), "Setup")
    assert re.search(r"^PrivilegesRequired=lowest\s*$", setup, re.M)
    assert re.search(r"^DefaultDirName=\{autopf\}\\CDS-Xa\s*$", setup, re.M)  # = %LOCALAPPDATA%\Programs per user
    assert re.search(r"^AppVersion=\{#AppVersion\}\s*$", setup, re.M)  # given by the build, never hard-coded
    assert re.search(r"^SetupIconFile=\.\.\\resources\\app\.ico\s*$", setup, re.M)
    assert (BUILD / ".." / "resources" / "app.ico").is_file()


def test_installer_is_in_vietnamese():
    languages = _section(_iss(), "Languages")
    assert 'MessagesFile: "compiler:Default.isl,Vietnamese.isl"' in languages
    raw = (BUILD / "Vietnamese.isl").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    isl = raw.decode("utf-8-sig")
    assert re.search(r"^LanguageID=\$042A\s*$", isl, re.M) and re.search(r"^LanguageName=Tiếng Việt\s*$", isl, re.M)
    messages = dict(re.findall(r"^(\w+)=(.*?)\s*$", _section(isl, "Messages"), re.M))
    for key, expected in (("ButtonNext", "&Tiếp theo >"), ("ButtonCancel", "Hủy"), ("ButtonInstall", "&Cài đặt"),
                          ("ButtonFinish", "&Hoàn tất"), ("WizardReady", "Sẵn sàng cài đặt")):
        assert messages.get(key) == expected
    assert all(value for value in messages.values()), "an empty message"
    custom = dict(re.findall(r"^(\w+)=(.*?)\s*$", _section(isl, "CustomMessages"), re.M))
    assert custom["CreateDesktopIcon"] == "Tạo lối tắt trên &màn hình nền"


def test_installer_makes_start_menu_and_optional_desktop_shortcuts():
    text = _iss()
    icons = _section(text, "Icons")
    assert re.search(r'^Name: "\{autoprograms\}\\\{#AppName\}"; Filename: "\{app\}\\\{#AppExe\}"', icons, re.M)
    assert re.search(r'^Name: "\{autodesktop\}\\\{#AppName\}".*Tasks: desktopicon', icons, re.M)
    assert re.search(r'^Name: "desktopicon"', _section(text, "Tasks"), re.M)
    assert '#define AppExe "CDS-Xa.exe"' in text and '#define AppName "CĐS Xã"' in text


def test_uninstall_leaves_the_clerks_data():
    text = _iss()
    code = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith(";"))
    assert "[UninstallDelete]" not in code
    assert not re.search(r"\{(userappdata|commonappdata|localappdata|userdocs)\}", code, re.I)
    assert "Dữ liệu của xã" in _section(text, "Messages")  # the clerk is told the data stays


# -- the icon ------------------------------------------------------------------------------------------------------

def test_icon_holds_every_size_windows_asks_for():
    raw = (ROOT / "resources" / "app.ico").read_bytes()
    reserved, kind, count = struct.unpack_from("<HHH", raw)
    assert (reserved, kind) == (0, 1)
    sizes = set()
    for i in range(count):
        w, h, _colors, _r, _planes, bpp, size, offset = struct.unpack_from("<BBBBHHII", raw, 6 + 16 * i)
        sizes.add(w or 256)
        assert bpp == 32 and offset + size <= len(raw)
    assert {16, 24, 32, 48, 256} <= sizes
    png = (ROOT / "resources" / "app.png").read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and struct.unpack(">II", png[16:24]) == (256, 256)
