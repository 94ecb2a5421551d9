"""Status icons (complete / warning / error / to do), drawn in code so they are sharp at any scaling."""
from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPen, QPixmap

from .. import paths

COLORS = {"ok": "#2e7d32", "warning": "#e08a00", "error": "#c62828", "todo": "#8a8f98", "info": "#1565c0"}


def _draw(level: str, size: int) -> QPixmap:
    pm = QPixmap(size, size)
    pm.fill(Qt.GlobalColor.transparent)
    p = QPainter(pm)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    s = size / 32.0
    color = QColor(COLORS.get(level, COLORS["todo"]))
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(color)
    if level == "warning":
        path = QPainterPath()
        path.moveTo(16 * s, 2 * s)
        path.lineTo(31 * s, 29 * s)
        path.lineTo(1 * s, 29 * s)
        path.closeSubpath()
        p.drawPath(path)
    else:
        p.drawEllipse(QRectF(2 * s, 2 * s, 28 * s, 28 * s))
    pen = QPen(QColor("white"), 3.6 * s, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin)
    p.setPen(pen)
    p.setBrush(Qt.BrushStyle.NoBrush)
    if level == "ok":
        p.drawPolyline([QPointF(9 * s, 16.5 * s), QPointF(14 * s, 21.5 * s), QPointF(23 * s, 11 * s)])
    elif level == "error":
        p.drawLine(QPointF(11 * s, 11 * s), QPointF(21 * s, 21 * s))
        p.drawLine(QPointF(21 * s, 11 * s), QPointF(11 * s, 21 * s))
    elif level == "warning":
        p.drawLine(QPointF(16 * s, 11 * s), QPointF(16 * s, 19 * s))
        p.drawPoint(QPointF(16 * s, 24.5 * s))
    elif level == "info":
        p.drawLine(QPointF(16 * s, 14 * s), QPointF(16 * s, 23 * s))
        p.drawPoint(QPointF(16 * s, 9 * s))
    else:  # todo: an empty ring
        p.setPen(QPen(QColor("white"), 3 * s))
        p.drawEllipse(QRectF(10 * s, 10 * s, 12 * s, 12 * s))
    p.end()
    return pm


@lru_cache(maxsize=None)
def status(level: str) -> QIcon:
    icon = QIcon()
    for size in (16, 32, 64):
        icon.addPixmap(_draw(level, size))
    return icon


@lru_cache(maxsize=None)
def app_icon() -> QIcon:
    """The program's icon, made by the build (resources/app.png); a drawn mark when it is not there."""
    for name in ("app.png", "app.ico"):
        path = paths.resource("resources", name)
        if path.exists():
            icon = QIcon(str(path))
            if not icon.isNull():
                return icon
    return status("ok")
