"""The yardstick for size and start-up: a bare PySide6 window, built with the same spec options as the program.

``python build/bare_window.py`` (or the built ``bare-window``) shows a window; with ``CDS_XA_BENCH_SHOWN=1`` it
prints ``shown <seconds since the epoch>`` once the window is on screen and quits — the same signal, at the same
moment (the first turn of the event loop after ``show()``), as the program's ``desktop.qt.app`` gives
(bench/bench_bundle.py).
"""
import os
import sys
import time

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow


class Window(QMainWindow):
    def __init__(self):
        super().__init__()
        self.setWindowTitle("PySide6")
        self.setCentralWidget(QLabel("Xin chào"))
        self.resize(800, 600)


def main() -> int:
    app = QApplication(sys.argv)
    window = Window()
    window.show()
    if os.environ.get("CDS_XA_BENCH_SHOWN"):
        def report():
            print(f"shown {time.time():.6f}", flush=True)
            window.close()
            app.quit()
        QTimer.singleShot(0, report)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
