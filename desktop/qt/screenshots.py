"""``--screenshots DIR``: show the window (offscreen works), save one PNG per step and one of the first-run wizard."""
from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication

from .. import text
from . import steps

DEFAULT_SIZE = (1366, 768)   # the smallest office screen the program is made for


def _size() -> tuple[int, int]:
    value = os.environ.get("CDS_XA_SCREENSHOT_SIZE", "")
    try:
        w, h = (int(x) for x in value.lower().split("x"))
        return w, h
    except ValueError:
        return DEFAULT_SIZE


def file_names() -> list[str]:
    """The files written: the wizard first, then one per step in order."""
    return ["00-thiet-lap-lan-dau.png"] + [f"{i:02d}-{text.slug(label, '-').lower()}.png"
                                          for i, (_, label) in enumerate(steps.STEPS, 1)]


def save_small(widget, path: Path) -> bool:
    """Save what ``widget`` shows as a small PNG: a screen of a form has a few hundred colours, so a 256-colour
    palette of the most frequent ones looks the same at about a third of the size."""
    from collections import Counter

    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage
    image = widget.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    counts = Counter(memoryview(image.constBits()).cast("I"))
    table = [color | 0xFF000000 for color, _ in counts.most_common(256)]
    small = image.convertToFormat(QImage.Format.Format_Indexed8, table,
                                  Qt.ImageConversionFlag.ThresholdDither | Qt.ImageConversionFlag.AvoidDither)
    return small.save(str(path), "PNG", 0)


def _settle(app) -> None:
    for _ in range(3):
        app.processEvents()


def _quiet_offscreen(mode, context, message) -> None:
    """Drop the offscreen platform's notes about what it cannot do (raise, resize hints); keep anything else."""
    if "This plugin does not support" in message:
        return
    print(message, file=sys.stderr)


def capture(window, out_dir: Path) -> int:
    from PySide6.QtCore import qInstallMessageHandler
    previous = qInstallMessageHandler(_quiet_offscreen)
    try:
        return _capture(window, out_dir)
    finally:
        qInstallMessageHandler(previous)


def _capture(window, out_dir: Path) -> int:
    app = QApplication.instance()
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        print(f"Lỗi: không tạo được thư mục {out_dir}: {exc.strerror or exc}.", file=sys.stderr)
        return 2
    names = file_names()
    written = []
    from .wizard import FirstRunWizard
    wizard = FirstRunWizard(window.session.store)
    wizard.show()
    wizard.next()
    form = wizard.commune_page.editor.form
    index = form.communeName.findText(window.session.setup.commune.name or "Hà Lĩnh")
    if index >= 0:
        form.communeName.setCurrentIndex(index)
        form.communeName.activated.emit(index)
    _settle(app)
    if save_small(wizard, out_dir / names[0]):
        written.append(names[0])
    wizard.hide()
    wizard.deleteLater()
    window.resize(*_size())
    window.show()
    for (key, _), name in zip(steps.STEPS, names[1:]):
        window.go_to(key)
        _settle(app)
        if save_small(window, out_dir / name):
            written.append(name)
    window.hide()
    missing = [n for n in names if n not in written]
    if missing:
        print(f"Lỗi: không lưu được ảnh {', '.join(missing)} vào {out_dir}.", file=sys.stderr)
        return 2
    print(f"Đã lưu {len(written)} ảnh vào {out_dir}.")
    return 0
