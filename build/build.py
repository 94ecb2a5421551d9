"""Build the program's folder with PyInstaller: ``python build/build.py [--bare]``.

Everything generated goes under ``build/out/`` (git-ignored): ``build/out/dist/CDS-Xa/`` is the program,
``build/out/pyinstaller-cache/`` PyInstaller's cache. ``--bare`` builds the yardstick (a bare PySide6 window, same options) into
``build/out/dist/bare-window/``. Prints the folder, its size and how long the build took.
"""
from __future__ import annotations

import argparse
import os
import shutil
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
OUT = HERE / "out"
DIST = OUT / "dist"
WORK = OUT / "pyinstaller-cache"
SPEC = HERE / "cds-xa.spec"
EXE_SUFFIX = ".exe" if sys.platform == "win32" else ""


def folder_size(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file() and not f.is_symlink())


def bundle_dir(bare: bool = False) -> Path:
    return DIST / ("bare-window" if bare else "CDS-Xa")


def cli_exe(folder: Path | None = None) -> Path:
    return (folder or bundle_dir()) / f"cds-xa-cli{EXE_SUFFIX}"


def gui_exe(folder: Path | None = None) -> Path:
    return (folder or bundle_dir()) / f"CDS-Xa{EXE_SUFFIX}"


def bare_exe(folder: Path | None = None) -> Path:
    return (folder or bundle_dir(bare=True)) / f"bare-window{EXE_SUFFIX}"


def build(bare: bool = False, clean: bool = False, quiet: bool = True) -> tuple[Path, float]:
    """Run PyInstaller on the spec in this process; returns the folder and the seconds it took."""
    import PyInstaller.__main__
    args = [str(SPEC), "--noconfirm", "--distpath", str(DIST), "--workpath", str(WORK / ("bare" if bare else "app"))]
    if clean:
        args.append("--clean")
    if quiet:
        args += ["--log-level", "WARN"]
    if bare:
        args += ["--", "--bare"]
    started = time.perf_counter()
    shutil.rmtree(bundle_dir(bare), ignore_errors=True)  # no file left over from an earlier build
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        PyInstaller.__main__.run(args)
    finally:
        os.chdir(cwd)
    return bundle_dir(bare), time.perf_counter() - started


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description="Build CĐS Xã's one-folder bundle with PyInstaller (into build/out/).")
    p.add_argument("--bare", action="store_true", help="build the bare PySide6 window (the size/start-up yardstick)")
    p.add_argument("--clean", action="store_true", help="empty PyInstaller's cache first (a from-scratch build)")
    p.add_argument("--verbose", action="store_true", help="PyInstaller's full log")
    args = p.parse_args(argv)
    folder, seconds = build(bare=args.bare, clean=args.clean, quiet=not args.verbose)
    print(f"Built {folder} ({folder_size(folder) / 1e6:.1f} MB) in {seconds:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
