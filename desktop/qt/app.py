"""Starting the program: the application (Vietnamese, font, style), the database (a clear choice when it cannot be
used), the first-run wizard on an empty database, then the main window — or the screenshots, and exit."""
from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from PySide6.QtCore import QLockFile, QTimer
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QDialog

from .. import APP_NAME, __version__, paths
from ..store import Store, StoreError
from . import dialogs, i18n, icons, prefs

FONT_FAMILIES = ["Segoe UI", "DejaVu Sans", "Liberation Sans", "Noto Sans", "Arial"]


def setup_app() -> QApplication:
    """The QApplication (created if needed), in Vietnamese, with a font that has every Vietnamese letter."""
    app = QApplication.instance()
    if app is None:
        app = QApplication(sys.argv[:1])
    if getattr(app, "_cds_ready", False):
        return app
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName("CDS-Xa")
    app.setStyle("Fusion")
    font = QFont(app.font())
    font.setFamilies(FONT_FAMILIES if sys.platform == "win32" else FONT_FAMILIES[1:] + FONT_FAMILIES[:1])
    if font.pointSizeF() < 9.5:
        font.setPointSizeF(9.5 if sys.platform == "win32" else 10)
    app.setFont(font)
    qss = paths.resource("resources", "style.qss")
    if qss.exists():
        app.setStyleSheet(qss.read_text(encoding="utf-8"))
    i18n.install(app)
    app.setWindowIcon(icons.app_icon())
    app._cds_ready = True
    return app


def _choose_other(path: Path, message: str) -> Path | None:
    """Ask what to do with a database that cannot be used. Returns the file to use instead, or None to quit."""
    while True:
        choice = dialogs.ask(
            None, "Không mở được tệp dữ liệu", message,
            [("open", "Chọn tệp khác…"), ("new", "Tạo tệp mới…"), ("quit", "Thoát")], default="open",
            detail="Tệp này được giữ nguyên, chương trình không sửa gì trong đó.")
        if choice == "open":
            chosen = dialogs.open_file(None, "Chọn tệp dữ liệu CĐS Xã", str(path.parent),
                                       "Cơ sở dữ liệu CĐS Xã (*.sqlite3 *.db);;Mọi tệp (*)")
        elif choice == "new":
            chosen = dialogs.save_file(None, "Tạo tệp dữ liệu mới", str(path.parent / "cds-xa-moi.sqlite3"),
                                       "Cơ sở dữ liệu CĐS Xã (*.sqlite3)")
        else:
            return None
        if not chosen:
            continue
        chosen_path = Path(chosen)
        if chosen_path.exists() and path.exists() and chosen_path.resolve() == path.resolve():
            message = "Đó là chính tệp không mở được. Hãy chọn tệp khác hoặc tạo tệp mới."
            continue
        if choice == "new" and chosen_path.exists() and chosen_path.stat().st_size:
            message = f"Đã có tệp {chosen_path}. Hãy đặt tên khác cho tệp mới."
            continue
        return chosen_path


def open_store(path: Path, *, interactive: bool = True) -> Store | None:
    """Open the database; when it cannot be used, explain and let the clerk choose another file or a new one."""
    while True:
        try:
            return Store.open(path)
        except StoreError as exc:
            if not interactive:
                print(f"Lỗi: {exc}", file=sys.stderr)
                return None
            other = _choose_other(path, str(exc))
            if other is None:
                return None
            path = other


def _db_path(db_path: str | None) -> Path:
    if db_path:
        return Path(db_path)
    remembered = prefs.get("data/db_path", "")
    if remembered and Path(remembered).exists():
        return Path(remembered)
    return paths.default_db_path()


def run(db_path: str | None, screenshots: str | None = None) -> int:
    """The program. Returns the exit code (0 when closed normally or after the screenshots)."""
    app = setup_app()
    first = _db_path(db_path)
    store = open_store(first, interactive=not screenshots)
    if store is None:
        return 2
    if store.path != first:
        prefs.put("data/db_path", str(store.path))
    lock = None
    if not screenshots:
        lock = _lock(store.path)
        if lock is None:
            store.close()
            dialogs.info(None, "CĐS Xã đang mở",
                         "CĐS Xã đang mở tệp dữ liệu này trong một cửa sổ khác.",
                         detail=f"Hãy dùng cửa sổ đang mở (xem trên thanh tác vụ). Tệp dữ liệu: {store.path}")
            return 0
    try:
        if store.is_empty():
            if screenshots:
                from ..interchange import parse_text
                store.replace_setup(parse_text(paths.sample_path().read_bytes()))
            else:
                from .wizard import FirstRunWizard
                wizard = FirstRunWizard(store)
                if dialogs.run(wizard) != QDialog.DialogCode.Accepted:
                    return 0
        from .main_window import MainWindow
        from .session import Session
        session = Session(store)
        window = MainWindow(session)
        if screenshots:
            from .screenshots import capture
            return capture(window, Path(screenshots))
        window.show()
        _after_shown(window)
        code = app.exec()
        if _warm_up_thread is not None:
            _warm_up_thread.join(timeout=10)  # never end the process in the middle of an import
        return code
    finally:
        store.close()
        if lock is not None:
            lock.unlock()


def _lock(db: Path) -> QLockFile | None:
    """One window per database: a second start (a double click too many on a slow PC) would show stale data and
    its undo could overwrite the first window's changes. The lock is dropped by the OS if the program dies; a lock
    left by a dead process is recognised as stale and taken over."""
    lock = QLockFile(str(db) + ".lock")
    lock.setStaleLockTime(0)  # never stale by age: the program may stay open all day
    if lock.tryLock(200):
        return lock
    if lock.error() == QLockFile.LockError.LockFailedError:
        return None
    return lock  # the lock file cannot be written (a read-only folder…): do not stop the clerk for that


_warm_up_thread = None


def _after_shown(window) -> None:
    """Once the window is on screen: warm up the document libraries in the background (the Văn bản step then opens
    at once); for the start-up benchmark, report the moment and quit."""
    bench = os.environ.get("CDS_XA_BENCH_SHOWN")
    if bench:
        def report():
            print(f"shown {time.time():.6f}", flush=True)
            window.close()
            QApplication.instance().quit()
        QTimer.singleShot(0, report)
        return

    def warm_up():
        import threading
        global _warm_up_thread

        def load():
            try:
                import sqlite_utils  # noqa: F401 - the store's first change then needs no import
                import desktop.documents.export  # noqa: F401
            except Exception:  # noqa: BLE001 - only a warm-up; the Văn bản step reports real problems
                pass
        _warm_up_thread = threading.Thread(target=load, name="warm-up", daemon=True)
        _warm_up_thread.start()
    QTimer.singleShot(1500, warm_up)
