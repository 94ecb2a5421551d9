"""Start-up time: from process start to the main window shown, for the program on a 40-village commune
(``desktop.demo.build(villages=40, team_size=7)``, about 300 people) and for a bare PySide6 window, side by side in
the same run, alternating, offscreen. Prints min and median of each and their ratio.

    /tmp/venv/bin/python bench/bench_startup.py [--runs 9]

With ``--interactions`` it also times, in one process on the same commune, what the clerk waits for after start-up:
the first visit of each step, one change (written, checked again, sidebar and page redrawn), undo, a keystroke in
the person picker.

"Shown" is the first turn of the event loop after ``show()`` (the window's first paint is queued by then); the child
prints the wall-clock time and quits, and the bench subtracts the time just before it started the process.
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
sys.path.insert(0, str(ROOT))

BARE = """
import sys, time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv)
w = QMainWindow()
w.resize(1280, 760)
w.show()
def shown():
    print(f"shown {time.time():.6f}", flush=True)
    app.quit()
QTimer.singleShot(0, shown)
app.exec()
"""


def one(cmd: list[str], env: dict) -> float:
    t0 = time.time()
    r = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=120)
    line = next((x for x in r.stdout.splitlines() if x.startswith("shown ")), None)
    if r.returncode != 0 or line is None:
        raise SystemExit(f"child failed ({r.returncode}): {r.stdout}\n{r.stderr}")
    return float(line.split()[1]) - t0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=9)
    ap.add_argument("--villages", type=int, default=40)
    ap.add_argument("--team-size", type=int, default=7)
    ap.add_argument("--interactions", action="store_true", help="also time the common interactions")
    args = ap.parse_args()

    from desktop import demo
    from desktop.store import Store
    tmp = Path(tempfile.mkdtemp(prefix="cds-bench-"))
    db = tmp / "xa.sqlite3"
    with Store.open(db) as store:
        store.replace_setup(demo.build(villages=args.villages, team_size=args.team_size))
        setup = store.load()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT), CDS_XA_DATA_DIR=str(tmp / "data"),
               CDS_XA_BENCH_SHOWN="1", PYTHONDONTWRITEBYTECODE="0")
    app_cmd = [sys.executable, "-m", "desktop", "--db", str(db)]
    bare_cmd = [sys.executable, "-c", BARE]
    one(app_cmd, env), one(bare_cmd, env)          # warm the disk cache and the bytecode
    bare, app = [], []
    for _ in range(args.runs):
        bare.append(one(bare_cmd, env))
        app.append(one(app_cmd, env))
    print(f"Commune: {len(setup.villages)} villages, {len(setup.people)} people; {args.runs} runs each, offscreen, "
          f"Python {sys.version.split()[0]}, {os.cpu_count()} CPUs")
    print(f"{'':24}{'min':>9}{'median':>9}")
    print(f"{'bare PySide6 window':24}{min(bare):9.3f}{statistics.median(bare):9.3f}  s")
    print(f"{'CĐS Xã main window':24}{min(app):9.3f}{statistics.median(app):9.3f}  s")
    print(f"{'ratio (program / bare)':24}{min(app) / min(bare):9.2f}{statistics.median(app) / statistics.median(bare):9.2f}")
    if args.interactions:
        interactions(db, tmp)
    return 0


def interactions(db: Path, tmp: Path) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["CDS_XA_DATA_DIR"] = str(tmp / "data")
    from desktop.qt import app as qt_app
    from desktop.qt.main_window import MainWindow
    from desktop.qt.people import PersonPicker
    from desktop.qt.session import Session
    from desktop.model import TEAM_ROLES
    from desktop.store import Store
    application = qt_app.setup_app()
    store = Store.open(db)
    window = MainWindow(Session(store))
    window.resize(1366, 768)
    window.show()
    application.processEvents()
    rows = []

    def timed(label, fn):
        t = time.perf_counter()
        fn()
        application.processEvents()
        rows.append((label, time.perf_counter() - t))

    for key in ("commune", "committee", "villages", "teams", "checks"):
        timed(f"first visit: {key}", lambda k=key: window.go_to(k))
    # the program loads the document libraries in the background 1.5 s after start; timed here in the foreground
    timed("document libraries (background)", lambda: __import__("desktop.documents.export"))
    timed("first visit: documents", lambda: window.go_to("documents"))
    teams = window.go_to("teams")
    village = store.load().villages[-1].name
    teams.select_village(village)
    pid = store.load().committee[-1].person_id
    s = window.session
    timed("one change (add to a team)", lambda: s.change(lambda st: st.set_team_member(village, pid, "member"),
                                                            undo="bench"))
    timed("undo", window.undo)
    picker = PersonPicker(s, window, title="bench", roles=TEAM_ROLES)
    picker.show()
    timed("picker keystroke", lambda: picker.form.searchEdit.setText("ngu"))
    print("Interactions (one process, offscreen):")
    for label, seconds in rows:
        print(f"  {label:32}{seconds * 1000:8.1f} ms")
    os._exit(0)  # skip Qt's teardown


if __name__ == "__main__":
    sys.exit(main())
