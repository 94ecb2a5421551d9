"""Draw the program's icon: ``resources/app.png`` (256 px) and ``resources/app.ico`` (16–256 px).

A blue rounded tile with a white page and a green tick: "the papers are in order". Each size is drawn at its own
resolution (not scaled down), so the small sizes stay crisp. The .ico holds 32-bit BMP entries up to 48 px and PNG
entries above, the layout Windows Explorer, PyInstaller and Inno Setup all read.

    python build/make_icon.py        (needs PySide6; runs offscreen)
"""
from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, Qt  # noqa: E402
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter, QPainterPath, QPen  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
ICO_SIZES = (16, 20, 24, 32, 40, 48, 64, 128, 256)
BLUE, BLUE_DARK = QColor("#1d5fa8"), QColor("#154a86")
GREEN, LINE = QColor("#2e9d48"), QColor("#9db3cc")


def draw(size: int) -> QImage:
    img = QImage(size, size, QImage.Format_ARGB32)
    img.fill(Qt.transparent)
    p = QPainter(img)
    p.setRenderHint(QPainter.Antialiasing)
    s = size / 64.0  # drawn on a 64-unit grid
    small = size <= 24
    # the tile
    tile = QRectF(1 * s, 1 * s, 62 * s, 62 * s)
    p.setPen(Qt.NoPen)
    p.setBrush(BLUE_DARK)
    p.drawRoundedRect(tile, 12 * s, 12 * s)
    p.setBrush(BLUE)
    p.drawRoundedRect(tile.adjusted(0, 0, 0, -2.5 * s), 12 * s, 12 * s)
    # the page, with a folded corner
    left, top, right, bottom, fold = 15 * s, 9 * s, 47 * s, 55 * s, 10 * s
    page = QPainterPath(QPointF(left, top))
    page.lineTo(right - fold, top)
    page.lineTo(right, top + fold)
    page.lineTo(right, bottom)
    page.lineTo(left, bottom)
    page.closeSubpath()
    p.setBrush(Qt.white)
    p.drawPath(page)
    corner = QPainterPath(QPointF(right - fold, top))
    corner.lineTo(right - fold, top + fold)
    corner.lineTo(right, top + fold)
    corner.closeSubpath()
    p.setBrush(QColor("#d6e2f0"))
    p.drawPath(corner)
    # text lines (left out where they would only blur)
    if not small:
        pen = QPen(LINE, max(1.0, 3 * s), Qt.SolidLine, Qt.RoundCap)
        p.setPen(pen)
        for y, end in ((21, 33), (28, 41), (35, 41)):
            p.drawLine(QPointF(21 * s, y * s), QPointF(end * s, y * s))
    # the tick
    pen = QPen(GREEN, (7.5 if small else 5.5) * s, Qt.SolidLine, Qt.RoundCap, Qt.RoundJoin)
    p.setPen(pen)
    p.setBrush(Qt.NoBrush)
    tick = QPainterPath(QPointF(22 * s, 44 * s))
    tick.lineTo(29 * s, 50 * s)
    tick.lineTo(42 * s, 36 * s)
    p.drawPath(tick)
    p.end()
    return img


def png_bytes(img: QImage) -> bytes:
    data = QByteArray()
    buf = QBuffer(data)
    buf.open(QIODevice.WriteOnly)
    img.save(buf, "PNG")
    buf.close()
    return bytes(data)


def bmp_entry(img: QImage) -> bytes:
    """A 32-bit DIB as stored in an .ico: header with double height, BGRA rows bottom-up, then the AND mask."""
    w, h = img.width(), img.height()
    header = struct.pack("<IiiHHIIiiII", 40, w, h * 2, 1, 32, 0, 0, 0, 0, 0, 0)
    rows = []
    mask_rows = []
    mask_stride = ((w + 31) // 32) * 4
    for y in reversed(range(h)):
        row = bytearray()
        mask = bytearray(mask_stride)
        for x in range(w):
            c = img.pixelColor(x, y)
            row += bytes((c.blue(), c.green(), c.red(), c.alpha()))
            if c.alpha() == 0:
                mask[x // 8] |= 0x80 >> (x % 8)
        rows.append(bytes(row))
        mask_rows.append(bytes(mask))
    return header + b"".join(rows) + b"".join(mask_rows)


def ico_bytes(images: list[QImage]) -> bytes:
    entries = []
    for img in images:
        data = png_bytes(img) if img.width() > 48 else bmp_entry(img)
        entries.append((img.width(), img.height(), data))
    offset = 6 + 16 * len(entries)
    out = [struct.pack("<HHH", 0, 1, len(entries))]
    blobs = []
    for w, h, data in entries:
        out.append(struct.pack("<BBBBHHII", w % 256, h % 256, 0, 0, 1, 32, len(data), offset))
        offset += len(data)
        blobs.append(data)
    return b"".join(out + blobs)


def main() -> int:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841 - QImage text needs no app, but fonts do
    out = ROOT / "resources"
    out.mkdir(exist_ok=True)
    (out / "app.png").write_bytes(png_bytes(draw(256)))
    (out / "app.ico").write_bytes(ico_bytes([draw(n) for n in ICO_SIZES]))
    print(f"{out / 'app.png'}, {out / 'app.ico'} ({', '.join(map(str, ICO_SIZES))} px)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
