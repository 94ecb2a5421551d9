"""Size and start-up of the built program beside a bare PySide6 window built with the same spec options.

    python bench/bench_bundle.py [--runs N] [--no-build] [--clean]

Builds both bundles with build/build.py (unless --no-build and they exist; --clean: from an empty PyInstaller cache,
the build time a fresh CI machine sees), then prints for each: the folder's size (MB, regular files; links counted
once), its largest parts, and the start-up time from process start to the main window shown (offscreen; min and
median of N runs), with the ratios program / bare. Aims (issue 5): size ≤ 1.3×, start-up ≤ 1.5×. Prints figures;
asserts nothing.

How "shown" is seen: with CDS_XA_BENCH_SHOWN=1 both the program (desktop.qt.app) and the bare window print
``shown <epoch seconds>`` on the first turn of the event loop after the main window's show(), then quit. Should the
program not answer that variable, the figure falls back to the time to run ``--screenshots DIR`` to its end (window
shown, every step drawn, exit): an upper bound, marked as such.
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "build"))

import build as builder  # noqa: E402  (build/build.py)


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def largest_parts(folder: Path, n: int = 6) -> list[tuple[str, int]]:
    internal = folder / "_internal"
    parts = {}
    for p in internal.rglob("*"):
        if p.is_file() and not p.is_symlink():
            rel = p.relative_to(internal).parts
            key = "/".join(rel[:3]) if rel[0] == "PySide6" and len(rel) > 3 else rel[0]
            parts[key] = parts.get(key, 0) + p.stat().st_size
    return sorted(parts.items(), key=lambda kv: -kv[1])[:n]


def _env(data: Path) -> dict:
    return dict(os.environ, QT_QPA_PLATFORM="offscreen", CDS_XA_BENCH_SHOWN="1", CDS_XA_DATA_DIR=str(data))


def time_to_shown(cmd: list[str], env: dict) -> tuple[float | None, float]:
    """(seconds from launch to the "shown" line, or None if the program never printed one; seconds to exit)."""
    t0 = time.time()
    p0 = time.perf_counter()
    proc = subprocess.run(cmd, env=env, capture_output=True, text=True, encoding="utf-8", errors="replace",
                          timeout=60)
    wall = time.perf_counter() - p0
    if proc.returncode != 0:
        raise RuntimeError(f"{cmd[0]} exited {proc.returncode}: {proc.stderr[-2000:]}")
    for line in proc.stdout.splitlines():
        if line.startswith("shown "):
            return float(line.split()[1]) - t0, wall
    return None, wall


def prepare_db(cli: Path, folder: Path) -> Path:
    """A database with the sample commune, so the program opens on its main window (not the first-run wizard)."""
    db = folder / "xa.sqlite3"
    subprocess.run([str(cli), "import-json", "--db", str(db), str(ROOT / "resources" / "samples" /
                                                                   "ha-linh-2022.json")],
                   check=True, capture_output=True, env=dict(os.environ, CDS_XA_DATA_DIR=str(folder / "data")))
    return db


def fmt(samples: list[float]) -> str:
    return f"min {min(samples) * 1000:6.0f} ms, median {statistics.median(samples) * 1000:6.0f} ms"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--no-build", action="store_true", help="use the bundles already in build/out/dist")
    ap.add_argument("--clean", action="store_true", help="build from an empty PyInstaller cache")
    args = ap.parse_args()

    app_dir, bare_dir = builder.bundle_dir(), builder.bundle_dir(bare=True)
    build_times = {}
    for name, bare, folder in (("program", False, app_dir), ("bare window", True, bare_dir)):
        if args.no_build and folder.is_dir():
            continue
        _, seconds = builder.build(bare=bare, clean=args.clean)
        build_times[name] = seconds
    if build_times:
        print("Build (python build/build.py" + (" --clean" if args.clean else "") + "): " +
              ", ".join(f"{k} {v:.0f} s" for k, v in build_times.items()) + f"  [{os.cpu_count()} cores]")

    app_size, bare_size = folder_size(app_dir), folder_size(bare_dir)
    print(f"\nSize (one-folder bundle):\n  program      {app_size / 1e6:7.1f} MB   {app_dir.relative_to(ROOT)}"
          f"\n  bare window  {bare_size / 1e6:7.1f} MB   {bare_dir.relative_to(ROOT)}"
          f"\n  ratio        {app_size / bare_size:7.2f} ×   (aim ≤ 1.3)")
    for label, folder in (("program", app_dir), ("bare window", bare_dir)):
        print(f"  largest parts of the {label}: " +
              ", ".join(f"{k} {v / 1e6:.1f}" for k, v in largest_parts(folder)))

    with tempfile.TemporaryDirectory(prefix="cds-xa-bench-") as tmp:
        tmp = Path(tmp)
        db = prepare_db(builder.cli_exe(app_dir), tmp)
        bare_cmd = [str(builder.bare_exe(bare_dir))]
        app_cmd = [str(builder.gui_exe(app_dir)), "--db", str(db)]
        # warm the page cache once each: the figures are for a PC that has started the program before
        time_to_shown(bare_cmd, _env(tmp / "d"))
        shown, _ = time_to_shown(app_cmd, _env(tmp / "d"))
        proxy = shown is None
        if proxy:
            shots = tmp / "shots"
            app_cmd = [*app_cmd, "--screenshots", str(shots)]
            time_to_shown(app_cmd, _env(tmp / "d"))
        bare_t, app_t, bare_exit = [], [], []
        for _ in range(args.runs):
            s, wall = time_to_shown(bare_cmd, _env(tmp / "d"))
            bare_t.append(s)
            bare_exit.append(wall)
            s, wall = time_to_shown(app_cmd, _env(tmp / "d"))
            app_t.append(wall if proxy else s)
    what = ("to the end of --screenshots (window shown, every step drawn, exit): an upper bound"
            if proxy else "from process start to the main window shown")
    print(f"\nStart-up, offscreen, {args.runs} runs each, {what}:")
    print(f"  program      {fmt(app_t)}   (sample commune, 8 villages)")
    print(f"  bare window  {fmt(bare_t)}   (process start to exit: {fmt(bare_exit)})")
    print(f"  ratio        {statistics.median(app_t) / statistics.median(bare_t):7.2f} ×   (medians; aim ≤ 1.5)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
