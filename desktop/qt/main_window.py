"""The main window: a sidebar of steps with their state, the current step's page, the menus, undo."""
from __future__ import annotations

import datetime as _dt
import sqlite3
from pathlib import Path

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QAction, QColor, QFont, QIcon, QKeySequence, QPalette
from PySide6.QtWidgets import (QDialog, QLabel, QListWidgetItem, QMainWindow, QStyle, QStyledItemDelegate,
                               QStyleOptionViewItem)

from .. import __version__, paths, text
from ..files import WriteError, write_atomic
from . import dialogs, i18n, icons, prefs, steps, uiload
from .pages.base import Page

PAGE_TITLES = {
    "commune": "Thông tin xã",
    "committee": "Ban Chỉ đạo chuyển đổi số",
    "villages": "Thôn / tiểu khu",
    "teams": "Tổ công nghệ số cộng đồng",
    "checks": "Kiểm tra theo hướng dẫn của huyện",
    "documents": "Văn bản gửi huyện",
}
STATE_ROLE = Qt.ItemDataRole.UserRole + 20


def _page_class(key: str):
    if key == "commune":
        from .pages.commune import CommunePage as cls
    elif key == "committee":
        from .pages.committee import CommitteePage as cls
    elif key == "villages":
        from .pages.villages import VillagesPage as cls
    elif key == "teams":
        from .pages.teams import TeamsPage as cls
    elif key == "checks":
        from .pages.checks import ChecksPage as cls
    else:
        from .pages.documents import DocumentsPage as cls
    return cls


class StepDelegate(QStyledItemDelegate):
    """A sidebar entry: the state icon, the step's name in bold, and its summary (counts) below."""

    def sizeHint(self, option, index):  # noqa: N802
        fm = option.fontMetrics
        pad = fm.height() // 2
        return QSize(fm.horizontalAdvance("M") * 18, fm.lineSpacing() * 2 + pad * 2)

    def paint(self, painter, option, index):
        state: steps.StepState = index.data(STATE_ROLE)
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        opt.icon = QIcon()
        style = opt.widget.style() if opt.widget else None
        if style:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        fm = option.fontMetrics
        pad = fm.height() // 2
        r = option.rect
        icon_size = fm.height()
        if state is not None:
            icons.status(state.level).paint(painter, QRect(r.left() + pad, r.top() + pad + (fm.lineSpacing() - icon_size) // 2,
                                                           icon_size, icon_size))
        x = r.left() + pad * 2 + icon_size
        width = r.right() - x - pad
        painter.save()
        color = option.palette.color(QPalette.ColorRole.Text)  # the selection is a light tint (style.qss)
        painter.setPen(color)
        bold = QFont(option.font)
        bold.setBold(True)
        painter.setFont(bold)
        title = index.data(Qt.ItemDataRole.DisplayRole)
        painter.drawText(QRect(x, r.top() + pad, width, fm.lineSpacing()), Qt.AlignmentFlag.AlignVCenter,
                         painter.fontMetrics().elidedText(title, Qt.TextElideMode.ElideRight, width))
        painter.setFont(option.font)
        color = QColor("#4a5563")
        if state is not None and state.level == "error":
            color = QColor("#b71c1c")
        elif state is not None and state.level == "warning":
            color = QColor("#8a5300")
        painter.setPen(color)
        summary = ""
        if state is not None:
            summary = state.summary
            if state.counts_text and state.key not in ("checks",):
                both = f"{summary} · {state.counts_text}" if summary else state.counts_text
                summary = both if fm.horizontalAdvance(both) <= width else state.counts_text
        painter.drawText(QRect(x, r.top() + pad + fm.lineSpacing(), width, fm.lineSpacing()),
                         Qt.AlignmentFlag.AlignVCenter, fm.elidedText(summary, Qt.TextElideMode.ElideRight, width))
        painter.restore()


class MainWindow(QMainWindow):
    def __init__(self, session):
        super().__init__()
        self.session = session
        self.setWindowIcon(icons.app_icon())
        self.form = f = uiload.load("main_window.ui", self)
        self.setCentralWidget(f.root)
        self.pages: dict[str, Page] = {}
        f.root.setObjectName("MainForm")
        f.titleLabel.setObjectName("titleLabel")
        # sidebar
        f.stepList.setItemDelegate(StepDelegate(f.stepList))
        for i, (key, label) in enumerate(steps.STEPS, 1):
            item = QListWidgetItem(f"{i}. {label}")
            item.setData(Qt.ItemDataRole.UserRole, key)
            f.stepList.addItem(item)
        fm = f.stepList.fontMetrics()
        f.stepList.setMinimumWidth(fm.horizontalAdvance("M") * 13)
        f.stepList.setMaximumWidth(fm.horizontalAdvance("M") * 19)
        f.stepList.currentRowChanged.connect(self._row_changed)
        f.undoBar.hide()
        f.undoButton.clicked.connect(self.undo)
        f.undoCloseButton.clicked.connect(f.undoBar.hide)
        self._build_menus()
        self.saved_label = QLabel()
        self.statusBar().addPermanentWidget(self.saved_label)
        session.changed.connect(self._data_changed)
        session.undo_available.connect(self._undo_available)
        session.announced.connect(self._announce)
        self._undo_available(session.undo_label)
        self._update_states()
        self._restore_geometry()
        self.go_to(self._first_step())

    # -- menus ----------------------------------------------------------------------------------------------------
    def _action(self, menu, label: str, slot, shortcut=None, tip: str = "") -> QAction:
        action = QAction(label, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if tip:
            action.setStatusTip(tip)
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        m = bar.addMenu("&Tệp")
        self._action(m, "&Nhập tệp dữ liệu xã (JSON)…", lambda: self.import_file(), "Ctrl+O",
                     "Thay dữ liệu hiện có bằng dữ liệu trong một tệp .json (có thể hoàn tác)")
        self._action(m, "&Xuất tệp dữ liệu xã (JSON)…", lambda: self.export_file(), "Ctrl+E",
                     "Ghi toàn bộ dữ liệu của xã ra một tệp .json để chuyển sang máy khác hoặc gửi huyện")
        m.addSeparator()
        self._action(m, "&Sao lưu dữ liệu…", lambda: self.backup(), None,
                     "Ghi một bản sao của cơ sở dữ liệu (ví dụ vào USB)")
        m.addSeparator()
        self._action(m, "&Thoát", self.close, "Ctrl+Q")
        m = bar.addMenu("&Sửa")
        self.undo_action = self._action(m, "&Hoàn tác", self.undo, QKeySequence.StandardKey.Undo,
                                        "Lấy lại thay đổi vừa rồi")
        self._action(m, "&Tìm", self.focus_search, QKeySequence.StandardKey.Find, "Tìm trong bước đang mở")
        m = bar.addMenu("Đi đến &bước")
        for i, (key, label) in enumerate(steps.STEPS, 1):
            self._action(m, f"&{i}. {label}", lambda checked=False, k=key: self.go_to(k), f"Ctrl+{i}")
        m = bar.addMenu("Trợ &giúp")
        self._action(m, "&Giới thiệu CĐS Xã", self.about)

    # -- steps ----------------------------------------------------------------------------------------------------
    def _first_step(self) -> str:
        states = self.session.states
        for key in ("commune", "committee", "villages", "teams"):
            if states[key].level in ("error", "todo"):
                return key
        return "checks" if states["checks"].errors else "commune"

    def page(self, key: str) -> Page:
        """The page of a step (built the first time it is needed)."""
        page = self.pages.get(key)
        if page is None:
            page = _page_class(key)(self.session, self)
            self.pages[key] = page
            self.form.stack.addWidget(page)
        return page

    @property
    def current_key(self) -> str:
        item = self.form.stepList.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else "commune"

    def go_to(self, key: str) -> Page:
        row = steps.STEP_KEYS.index(key)
        if self.form.stepList.currentRow() != row:
            self.form.stepList.setCurrentRow(row)
        else:
            self._row_changed(row)
        return self.pages[key]

    def _row_changed(self, row: int) -> None:
        if row < 0:
            return
        key = steps.STEP_KEYS[row]
        page = self.page(key)
        self.form.stack.setCurrentWidget(page)
        page.refresh_if_dirty()
        self._update_header()

    def go_to_finding(self, finding) -> None:
        key = steps.step_of(finding, self.session.setup)
        page = self.go_to(key)
        page.jump(finding)

    def focus_search(self) -> None:
        page = self.pages.get(self.current_key)
        if page is not None:
            page.focus_search()

    def _data_changed(self, source) -> None:
        self._update_states()
        self.saved_label.setText(f"Đã lưu lúc {_dt.datetime.now():%H:%M:%S}")

    def _update_states(self) -> None:
        lst = self.form.stepList
        for row, key in enumerate(steps.STEP_KEYS):
            state = self.session.states[key]
            item = lst.item(row)
            item.setData(STATE_ROLE, state)
            tip = state.hint
            if state.counts_text:
                tip = f"{state.counts_text}. {tip}"
            item.setToolTip(tip)
            item.setData(Qt.ItemDataRole.AccessibleDescriptionRole, f"{state.summary}. {tip}")
        lst.viewport().update()
        c = self.session.setup.commune
        self.setWindowTitle(f"CĐS Xã — {c.full_name}" if c.name else "CĐS Xã")
        self._update_header()

    def _update_header(self) -> None:
        key = self.current_key
        state = self.session.states[key]
        row = steps.STEP_KEYS.index(key) + 1
        self.form.titleLabel.setText(f"{row}. {PAGE_TITLES[key]}")
        size = self.form.hintLabel.fontMetrics().height()
        self.form.hintIcon.setPixmap(icons.status(state.level).pixmap(size, size))
        counts = f"<b>{state.counts_text}</b> — " if state.counts_text else ""
        self.form.hintLabel.setText(counts + text.clean(state.hint).replace("<", "&lt;"))

    def state_of(self, key: str) -> steps.StepState:
        return self.session.states[key]

    # -- undo -----------------------------------------------------------------------------------------------------
    def _undo_available(self, label: str) -> None:
        self.undo_action.setEnabled(bool(label))
        self.undo_action.setText(f"&Hoàn tác: {label.rstrip('.')}" if label else "&Hoàn tác")
        if not label:
            self.form.undoBar.hide()

    def _announce(self, label: str) -> None:
        self.form.undoLabel.setText(label)
        self.form.undoBar.show()

    def undo(self) -> None:
        for page in self.pages.values():
            page.flush()
        label = self.session.undo()
        self.form.undoBar.hide()
        if label:
            self.statusBar().showMessage(f"Đã hoàn tác: {label}", 8000)

    # -- files ----------------------------------------------------------------------------------------------------
    def import_file(self, path: str | None = None) -> bool:
        from ..interchange import InterchangeError, parse_text
        path = path or dialogs.open_file(self, "Nhập tệp dữ liệu xã", prefs.last_dir(),
                                         "Tệp dữ liệu xã (*.json);;Mọi tệp (*)")
        if not path:
            return False
        path = Path(path)
        prefs.remember_dir(path)
        try:
            raw = path.read_bytes()
        except OSError as exc:
            dialogs.error(self, "Không đọc được tệp", f"Không đọc được tệp {path}: {exc.strerror or exc}.")
            return False
        try:
            setup = parse_text(raw)
        except InterchangeError as exc:
            problems = [str(p) for p in exc.problems]
            shown = "\n".join(f"• {p}" for p in problems[:15])
            if len(problems) > 15:
                shown += f"\n• … và {len(problems) - 15} lỗi khác."
            dialogs.error(self, "Tệp bị từ chối",
                          f"Không nhập tệp {path.name}: có {len(problems)} lỗi. Dữ liệu hiện có được giữ nguyên.",
                          detail=shown)
            return False
        current = self.session.setup
        if current.commune.name or current.people:
            if not dialogs.confirm(
                    self, "Nhập tệp dữ liệu xã",
                    f"Thay toàn bộ dữ liệu hiện có ({current.commune.full_name or 'chưa đặt tên'}) bằng dữ liệu "
                    f"trong tệp {path.name} ({setup.commune.full_name}: {len(setup.people)} người, "
                    f"{len(setup.villages)} thôn)?", detail="Có thể hoàn tác bằng Ctrl+Z."):
                return False
        for page in self.pages.values():
            page.flush()
        self.session.change(lambda s: s.replace_setup(setup), undo=f"Đã nhập tệp {path.name}.", announce=True)
        return True

    def export_file(self, path: str | None = None) -> bool:
        from ..interchange import dumps
        c = self.session.setup.commune
        name = "_".join(x for x in (text.slug(c.full_name) or "xa", str(c.year or "")) if x) + ".json"
        path = path or dialogs.save_file(self, "Xuất tệp dữ liệu xã", str(Path(prefs.last_dir()) / name),
                                         "Tệp dữ liệu xã (*.json)")
        if not path:
            return False
        path = Path(path)
        if not path.suffix:
            path = path.with_suffix(".json")
        for page in self.pages.values():
            page.flush()
        try:
            write_atomic(path, dumps(self.session.store.load()))
        except WriteError as exc:
            dialogs.error(self, "Không xuất được tệp", str(exc))
            return False
        prefs.remember_dir(path)
        self.statusBar().showMessage(f"Đã xuất dữ liệu xã vào {path}.", 10000)
        return True

    def backup(self, path: str | None = None) -> bool:
        name = f"cds-xa-saoluu-{_dt.datetime.now():%Y%m%d-%H%M}.sqlite3"
        path = path or dialogs.save_file(self, "Sao lưu dữ liệu", str(Path(prefs.last_dir()) / name),
                                         "Cơ sở dữ liệu CĐS Xã (*.sqlite3)")
        if not path:
            return False
        path = Path(path)
        if path.resolve() == Path(self.session.store.path).resolve():
            dialogs.warning(self, "Không sao lưu được", "Hãy chọn một tệp khác với tệp dữ liệu đang dùng.")
            return False
        for page in self.pages.values():
            page.flush()
        try:
            self.session.store.backup(path)
        except (OSError, sqlite3.Error) as exc:
            dialogs.error(self, "Không sao lưu được", f"Không ghi được bản sao lưu {path}: {exc}.")
            return False
        prefs.remember_dir(path)
        self.statusBar().showMessage(f"Đã sao lưu dữ liệu vào {path}.", 10000)
        return True

    def about(self) -> None:
        dlg = QDialog(self)
        dlg.setWindowTitle("Giới thiệu CĐS Xã")
        f = uiload.embed(dlg, "about.ui")
        i18n.vietnamize_buttons(f.buttonBox)
        f.buttonBox.rejected.connect(dlg.reject)
        f.buttonBox.accepted.connect(dlg.accept)
        size = f.titleLabel.fontMetrics().height() * 3
        f.logo.setPixmap(icons.app_icon().pixmap(size, size))
        f.titleLabel.setText(f"<h2>CĐS Xã</h2>Phiên bản {__version__}")
        f.bodyLabel.setText(
            "Lập Ban Chỉ đạo chuyển đổi số và Tổ công nghệ số cộng đồng của xã, kiểm tra theo hướng dẫn của huyện "
            "và viết các văn bản gửi huyện.<br><br>"
            "Chương trình chạy hoàn toàn trên máy này, không gửi dữ liệu đi đâu.<br><br>"
            f"<b>Thư mục dữ liệu:</b> {paths.data_dir()}<br>"
            f"<b>Tệp dữ liệu đang dùng:</b> {self.session.store.path}")
        f.openDataButton.clicked.connect(lambda: dialogs.open_path(paths.data_dir()))
        self.about_dialog = dlg
        dialogs.run(dlg)

    # -- window ---------------------------------------------------------------------------------------------------
    def _restore_geometry(self) -> None:
        geometry = prefs.get("window/geometry")
        if geometry is not None and self.restoreGeometry(geometry):
            return
        screen = self.screen().availableGeometry() if self.screen() else None
        if screen is not None and screen.width() >= 800:
            self.resize(min(1280, screen.width()), min(800, screen.height()))
        else:
            self.resize(1280, 760)

    def closeEvent(self, event):  # noqa: N802
        for page in self.pages.values():
            page.flush()
        prefs.put("window/geometry", self.saveGeometry())
        super().closeEvent(event)
