"""Offline by construction: the program and its bundle never open a network connection, and import nothing that does.

Four angles:
- the sources of ``desktop/`` import no network client (static scan of every import, including dynamic ones);
- the program run from source (self-test; the window on an empty database; the command line) under a guard: a Python
  audit hook that records every connection, name look-up or URL request, and an import hook that records network
  modules and who imported them — plus, where ``strace`` exists, the kernel's view of every socket the process
  (Qt's C++ included) tries to reach over IP;
- the built bundle (when ``build/out/dist/CDS-Xa`` exists): no Qt network or TLS library or plugin, no network
  client module in its Python archive, and its self-test under ``strace`` reaches no IP address.
"""
from __future__ import annotations

import ast
import json
import os
import re
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "resources" / "samples" / "ha-linh-2022.json"
BUNDLE = ROOT / "build" / "out" / "dist" / "CDS-Xa"
EXE = ".exe" if sys.platform == "win32" else ""

# Modules that talk to the network. Importing one is a violation wherever it comes from …
NETWORK_MODULES = {
    "ftplib", "smtplib", "poplib", "imaplib", "nntplib", "telnetlib", "xmlrpc.client",
    "xmlrpc.server", "socketserver", "http.server", "requests", "httpx", "urllib3", "aiohttp", "websocket",
    "websockets", "PySide6.QtNetwork", "PySide6.QtNetworkAuth", "PySide6.QtWebEngineCore",
    "PySide6.QtWebEngineWidgets", "PySide6.QtWebSockets", "PySide6.QtHttpServer", "PySide6.QtRemoteObjects",
}
# … except these, which the standard library's XML helpers pull in for resolving external entities
# (xml.sax.saxutils → urllib.request → http.client → ssl, the last only where Python has it: the bundle leaves it
# out); they only connect when handed a URL, which the audit hook and strace would catch. Imported by anything
# else, they are a violation too.
STDLIB_TRANSITIVE = {"urllib.request": {"xml.sax.saxutils", "http.cookiejar"},
                     "http.client": {"urllib.request", "http.cookiejar"},
                     "ssl": {"http.client", "urllib.request"},
                     "_ssl": {"ssl"}}
# The bundle has no TLS at all (build/cds-xa.spec excludes ssl).
BUNDLE_FORBIDDEN = NETWORK_MODULES | {"ssl", "_ssl"}
# What the program's own code may never import (also socket, webbrowser: no reason to, in an offline program).
FORBIDDEN_IN_SOURCE = NETWORK_MODULES | set(STDLIB_TRANSITIVE) | {"socket", "http", "webbrowser", "asyncio"}

GUARD = textwrap.dedent('''
    """Installed before the program runs: records network activity and network imports into a JSON report."""
    import atexit, json, os, socket, sys
    REPORT = os.environ["CDS_XA_GUARD_REPORT"]
    WATCHED = set(json.loads(os.environ["CDS_XA_GUARD_MODULES"]))
    ALLOWED = {k: set(v) for k, v in json.loads(os.environ["CDS_XA_GUARD_ALLOWED"]).items()}
    IP = {socket.AF_INET, socket.AF_INET6}
    events, imports = [], []
    preloaded = sorted((WATCHED | set(ALLOWED)) & set(sys.modules))

    def audit(event, args):
        if event in ("socket.connect", "socket.bind", "socket.sendto", "socket.sendmsg"):
            if getattr(args[0], "family", None) in IP:
                events.append(f"{event} {args[1:]!r}")
        elif event in ("socket.getaddrinfo", "socket.gethostbyname", "socket.gethostbyname_ex",
                       "socket.gethostbyaddr", "urllib.Request", "http.client.connect", "ftplib.connect",
                       "smtplib.connect", "poplib.connect", "imaplib.open", "nntplib.connect", "telnetlib.Telnet.open",
                       "webbrowser.open"):
            events.append(f"{event} {args!r}"[:300])
    sys.addaudithook(audit)

    def importer():
        frame = sys._getframe(2)
        while frame is not None:
            name = frame.f_globals.get("__name__", "")
            if not (name.startswith(("importlib", "_frozen_importlib")) or frame.f_code.co_filename == __file__
                    or frame.f_code.co_filename.startswith("<frozen")):
                return name
            frame = frame.f_back
        return "?"

    class Watch:
        def find_spec(self, name, path=None, target=None):
            if name in WATCHED or name in ALLOWED:
                imports.append([name, importer()])
            return None
    sys.meta_path.insert(0, Watch())

    @atexit.register
    def _report():
        with open(REPORT, "w", encoding="utf-8") as fh:
            json.dump({"events": events, "imports": imports, "preloaded": preloaded}, fh)

    import runpy
    sys.argv = ["desktop", *sys.argv[1:]]
    runpy.run_module("desktop", run_name="__main__", alter_sys=True)
''')


def _violations(report: dict) -> list[str]:
    found = [f"connection: {e}" for e in report["events"]]
    found += [f"loaded before the program: {m}" for m in report["preloaded"]]
    for name, by in report["imports"]:
        if name in NETWORK_MODULES or by not in STDLIB_TRANSITIVE.get(name, ()):
            found.append(f"import {name} (by {by})")
    return found


_IP_SYSCALL = re.compile(r"\b(connect|sendto|sendmsg|bind)\(\d+, .*sa_family=AF_INET6?\b")


def _strace_ip(log: Path) -> list[str]:
    return [line.strip()[:300] for line in log.read_text(errors="replace").splitlines() if _IP_SYSCALL.search(line)]


def _strace_prefix(log: Path) -> list[str]:
    """Run under strace when it exists and may trace (it needs ptrace); else no prefix."""
    strace = shutil.which("strace")
    if not strace or sys.platform != "linux":
        return []
    probe = subprocess.run([strace, "-qq", "-e", "trace=none", "true"], capture_output=True)
    if probe.returncode != 0:
        return []
    return [strace, "-f", "-qq", "-e", "trace=connect,sendto,sendmsg,bind", "-e", "signal=none", "-o", str(log)]


def _guarded_run(tmp_path: Path, args: list[str], name: str) -> tuple[subprocess.CompletedProcess, dict, list[str]]:
    guard = tmp_path / "guard.py"
    guard.write_text(GUARD, encoding="utf-8")
    report = tmp_path / f"{name}.json"
    trace = tmp_path / f"{name}.strace"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT),
               CDS_XA_GUARD_REPORT=str(report), CDS_XA_GUARD_MODULES=json.dumps(sorted(NETWORK_MODULES)),
               CDS_XA_GUARD_ALLOWED=json.dumps({k: sorted(v) for k, v in STDLIB_TRANSITIVE.items()}))
    prefix = _strace_prefix(trace)
    proc = subprocess.run([*prefix, sys.executable, str(guard), *args], cwd=tmp_path, env=env,
                          capture_output=True, text=True, encoding="utf-8", errors="replace", timeout=600)
    assert report.is_file(), f"the guard wrote no report; stderr:\n{proc.stderr[-3000:]}"
    data = json.loads(report.read_text(encoding="utf-8"))
    return proc, data, (_strace_ip(trace) if prefix else [])


# -- the sources ---------------------------------------------------------------------------------------------------

def _imported_names(tree: ast.AST) -> list[tuple[int, str]]:
    names = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names += [(node.lineno, a.name) for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.append((node.lineno, node.module))
            names += [(node.lineno, f"{node.module}.{a.name}") for a in node.names]
        elif isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant) \
                and isinstance(node.args[0].value, str):
            func = node.func
            fname = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if fname in ("import_module", "__import__"):
                names.append((node.lineno, node.args[0].value))
    return names


def _is_forbidden(module: str) -> bool:
    parts = module.split(".")
    return any(".".join(parts[:i]) in FORBIDDEN_IN_SOURCE for i in range(1, len(parts) + 1))


def test_program_sources_import_no_network_module():
    sources = sorted((ROOT / "desktop").rglob("*.py"))
    assert len(sources) >= 10, "desktop/ sources not found"
    found = []
    for path in sources:
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for line, module in _imported_names(tree):
            if _is_forbidden(module):
                found.append(f"{path.relative_to(ROOT)}:{line}: {module}")
    assert not found, "network modules imported by the program:\n" + "\n".join(found)


def test_the_scan_itself_catches_network_imports():
    """The scanner above would notice: each way of importing a network module is flagged."""
    code = ("import socket\nfrom urllib.request import urlopen\nfrom urllib import request\n"
            "from PySide6.QtNetwork import QNetworkAccessManager\nfrom PySide6 import QtNetwork\n"
            "import importlib\nimportlib.import_module('http.client')\nimport requests.adapters\n")
    flagged = {m for _, m in _imported_names(ast.parse(code)) if _is_forbidden(m)}
    assert {"socket", "urllib.request", "urllib.request.urlopen", "PySide6.QtNetwork", "http.client",
            "requests.adapters"} <= flagged
    assert not any(_is_forbidden(m) for _, m in _imported_names(ast.parse("import urllib.parse\nimport json\n")))


# -- the program run from source, guarded --------------------------------------------------------------------------

def test_guard_notices_a_connection_and_a_network_import(tmp_path):
    """The guard is not blind: a program that resolves a name and imports a network client is caught."""
    fake = tmp_path / "pkg" / "desktop"
    fake.mkdir(parents=True)
    (fake / "__init__.py").write_text("")
    (fake / "__main__.py").write_text(
        "import socket, ftplib\ntry:\n    socket.getaddrinfo('example.invalid', 80)\nexcept OSError:\n    pass\n")
    guard = tmp_path / "guard.py"
    guard.write_text(GUARD, encoding="utf-8")
    report = tmp_path / "r.json"
    env = dict(os.environ, PYTHONPATH=str(tmp_path / "pkg"), CDS_XA_GUARD_REPORT=str(report),
               CDS_XA_GUARD_MODULES=json.dumps(sorted(NETWORK_MODULES)),
               CDS_XA_GUARD_ALLOWED=json.dumps({k: sorted(v) for k, v in STDLIB_TRANSITIVE.items()}))
    subprocess.run([sys.executable, str(guard)], cwd=tmp_path, env=env, timeout=60, check=True)
    found = _violations(json.loads(report.read_text(encoding="utf-8")))
    assert any(v.startswith("connection: socket.getaddrinfo") for v in found), found
    assert any(v.startswith("import ftplib") for v in found), found


def test_self_test_from_source_stays_offline(tmp_path):
    proc, report, ip = _guarded_run(tmp_path, ["--self-test"], "selftest")
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    assert not _violations(report), _violations(report)
    assert not ip, "IP traffic seen by strace:\n" + "\n".join(ip)


def test_window_on_an_empty_database_stays_offline(tmp_path):
    shots = tmp_path / "shots"
    shots.mkdir()
    proc, report, ip = _guarded_run(tmp_path, ["--db", str(tmp_path / "empty.sqlite3"),
                                               "--screenshots", str(shots)], "window")
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    assert list(shots.glob("*.png")), "the window saved no screenshot"
    assert not _violations(report), _violations(report)
    assert not ip, "IP traffic seen by strace:\n" + "\n".join(ip)


def test_command_line_export_stays_offline(tmp_path):
    db = tmp_path / "xa.sqlite3"
    out = tmp_path / "out"
    out.mkdir()
    proc, report, ip = _guarded_run(tmp_path, ["import-json", "--db", str(db), str(SAMPLE)], "import")
    assert proc.returncode == 0, proc.stderr
    assert not _violations(report), _violations(report)
    proc, report, ip2 = _guarded_run(tmp_path, ["export", "--db", str(db), "--out", str(out), "--force",
                                                "--zip"], "export")
    assert proc.returncode in (0, 1), proc.stderr  # 1: the checks found errors (written anyway with --force)
    assert list(out.glob("*.docx")) and list(out.glob("*.xlsx")), "export wrote no documents"
    assert not _violations(report), _violations(report)
    assert not ip + ip2, "IP traffic seen by strace:\n" + "\n".join(ip + ip2)


# -- the built bundle ----------------------------------------------------------------------------------------------

def _need_bundle():
    if not (BUNDLE / f"cds-xa-cli{EXE}").is_file():
        pytest.skip(f"no bundle at {BUNDLE.relative_to(ROOT)}: build it with `python build/build.py` "
                    "(build/test-bundle.sh builds it and runs these checks)")


NETWORK_FILES = re.compile(r"(QtNetwork|Qt6Network|QtWebEngine|Qt6WebEngine|QtWebSockets|Qt6WebSockets|"
                           r"/plugins/tls/|/plugins/networkinformation/|(^|/)(lib)?ssl[-.\d]|(^|/)_ssl\.)", re.I)


def test_bundle_holds_no_network_library():
    _need_bundle()
    files = [p.relative_to(BUNDLE).as_posix() for p in BUNDLE.rglob("*")]
    assert len(files) > 50, "the bundle looks empty"
    found = [f for f in files if NETWORK_FILES.search("/" + f)]
    assert not found, "network libraries in the bundle:\n" + "\n".join(found)


def test_bundle_python_archive_holds_no_network_client():
    _need_bundle()
    readers = pytest.importorskip("PyInstaller.archive.readers", reason="PyInstaller is needed to read the archive")
    for exe in (BUNDLE / f"cds-xa-cli{EXE}", BUNDLE / f"CDS-Xa{EXE}"):
        archive = readers.CArchiveReader(str(exe))
        pyz = [name for name in archive.toc if name.endswith(".pyz")]
        assert pyz, f"{exe.name} holds no Python archive"
        modules = set(archive.open_embedded_archive(pyz[0]).toc)
        assert "desktop.cli" in modules and "desktop.selftest" in modules, "the program's modules are missing"
        found = sorted(m for m in modules if any(m == n or m.startswith(n + ".") for n in BUNDLE_FORBIDDEN))
        assert not found, f"network clients inside {exe.name}: {found}"


def test_bundled_self_test_reaches_no_ip_address(tmp_path):
    _need_bundle()
    trace = tmp_path / "bundle.strace"
    prefix = _strace_prefix(trace)
    if not prefix:
        pytest.skip("strace is not available (or may not trace here): the bundle's system calls cannot be watched")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", CDS_XA_DATA_DIR=str(tmp_path / "data"))
    proc = subprocess.run([*prefix, str(BUNDLE / f"cds-xa-cli{EXE}"), "--self-test"], env=env, cwd=tmp_path,
                          capture_output=True, text=True, encoding="utf-8", errors="replace", timeout=600)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    ip = _strace_ip(trace)
    assert not ip, "IP traffic from the bundle:\n" + "\n".join(ip)
