"""Every modal question the program asks goes through here: message boxes, file dialogs, running a dialog.

Tests (and the screenshot mode) must never block on a modal window, so each function first offers the request to
``hook`` when one is set: a callable that receives a ``Request`` and returns the answer (a choice key, a path, a
dialog result). Without a hook the real Qt dialog is shown, with every button in Vietnamese.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QWidget

from . import i18n

hook: Callable[["Request"], Any] | None = None


@dataclass
class Request:
    kind: str                      # ask | info | warning | error | open | save | dir | exec | open_url
    title: str = ""
    text: str = ""
    choices: list[tuple[str, str]] = field(default_factory=list)
    detail: str = ""
    dialog: QDialog | None = None  # for kind == "exec"
    path: str = ""                 # start folder/file (file dialogs) or the file to open (open_url)
    filter: str = ""


YES_NO = [("yes", "Có"), ("no", "Không")]

_ICONS = {"ask": QMessageBox.Icon.Question, "info": QMessageBox.Icon.Information,
          "warning": QMessageBox.Icon.Warning, "error": QMessageBox.Icon.Critical}


def _box(parent: QWidget | None, req: Request, default: str | None) -> str:
    box = QMessageBox(parent)
    box.setIcon(_ICONS.get(req.kind, QMessageBox.Icon.NoIcon))
    box.setWindowTitle(req.title or "CĐS Xã")
    box.setText(req.text)
    if req.detail:
        box.setInformativeText(req.detail)
    buttons = {}
    for key, label in req.choices:
        role = QMessageBox.ButtonRole.RejectRole if key in ("no", "cancel", "quit", "close") \
            else QMessageBox.ButtonRole.AcceptRole
        buttons[box.addButton(label, role)] = key
    for button, key in buttons.items():
        if key == default:
            box.setDefaultButton(button)
        if key in ("no", "cancel", "quit", "close"):
            box.setEscapeButton(button)
    i18n.vietnamize_message_box(box)
    box.exec()
    return buttons.get(box.clickedButton(), req.choices[-1][0])


def ask(parent: QWidget | None, title: str, text: str, choices: list[tuple[str, str]] | None = None, *,
        default: str | None = None, detail: str = "") -> str:
    """A question with the given (key, label) choices; returns the key chosen (the last one if closed)."""
    req = Request("ask", title, text, list(choices or YES_NO), detail)
    if hook is not None:
        return hook(req)
    return _box(parent, req, default)


def confirm(parent: QWidget | None, title: str, text: str, *, detail: str = "", yes: str = "Có",
            no: str = "Không") -> bool:
    return ask(parent, title, text, [("yes", yes), ("no", no)], default="no", detail=detail) == "yes"


def _tell(kind: str, parent: QWidget | None, title: str, text: str, detail: str = "") -> None:
    req = Request(kind, title, text, [("close", "Đóng")], detail)
    if hook is not None:
        hook(req)
        return
    _box(parent, req, "close")


def info(parent, title: str, text: str, detail: str = "") -> None:
    _tell("info", parent, title, text, detail)


def warning(parent, title: str, text: str, detail: str = "") -> None:
    _tell("warning", parent, title, text, detail)


def error(parent, title: str, text: str, detail: str = "") -> None:
    _tell("error", parent, title, text, detail)


def _file_dialog(parent, req: Request, mode: str) -> str | None:
    dlg = QFileDialog(parent, req.title, req.path, req.filter)
    dlg.setOption(QFileDialog.Option.DontUseNativeDialog, True)  # Qt's own dialog: Vietnamese on any Windows
    dlg.setLabelText(QFileDialog.DialogLabel.LookIn, "Tìm trong:")
    dlg.setLabelText(QFileDialog.DialogLabel.FileName, "Tên tệp:" if mode != "dir" else "Thư mục:")
    dlg.setLabelText(QFileDialog.DialogLabel.FileType, "Loại tệp:")
    dlg.setLabelText(QFileDialog.DialogLabel.Reject, "Hủy")
    if mode == "open":
        dlg.setFileMode(QFileDialog.FileMode.ExistingFile)
        dlg.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
        dlg.setLabelText(QFileDialog.DialogLabel.Accept, "Mở")
    elif mode == "save":
        dlg.setFileMode(QFileDialog.FileMode.AnyFile)
        dlg.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dlg.setLabelText(QFileDialog.DialogLabel.Accept, "Lưu")
        if req.path and not Path(req.path).is_dir():
            dlg.selectFile(Path(req.path).name)
            dlg.setDirectory(str(Path(req.path).parent))
    else:
        dlg.setFileMode(QFileDialog.FileMode.Directory)
        dlg.setOption(QFileDialog.Option.ShowDirsOnly, True)
        dlg.setLabelText(QFileDialog.DialogLabel.Accept, "Chọn")
    if dlg.exec() != QDialog.DialogCode.Accepted or not dlg.selectedFiles():
        return None
    return dlg.selectedFiles()[0]


def open_file(parent, title: str, start: str | Path = "", filter: str = "") -> str | None:
    req = Request("open", title, path=str(start), filter=filter)
    return hook(req) if hook is not None else _file_dialog(parent, req, "open")


def save_file(parent, title: str, start: str | Path = "", filter: str = "") -> str | None:
    req = Request("save", title, path=str(start), filter=filter)
    return hook(req) if hook is not None else _file_dialog(parent, req, "save")


def choose_dir(parent, title: str, start: str | Path = "") -> str | None:
    req = Request("dir", title, path=str(start))
    return hook(req) if hook is not None else _file_dialog(parent, req, "dir")


def run(dialog: QDialog) -> int:
    """Run a modal dialog; with a hook, the hook fills it in and returns the result instead."""
    if hook is not None:
        result = hook(Request("exec", dialog.windowTitle(), dialog=dialog))
        return int(result or 0)
    return dialog.exec()


def open_path(path: str | Path) -> bool:
    """Open a file or folder with the system's program (Word, Excel, the file manager)."""
    req = Request("open_url", path=str(path))
    if hook is not None:
        return bool(hook(req))
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


class Script:
    """Answers the program's questions in the order given — for tests and scripted runs, never a blocked window.

    ``then(kind, answer)``: the next request must be of ``kind``; ``answer`` is the value to return, or a callable
    that receives the Request (for ``exec``: fill in ``request.dialog`` and return its result). Used as a context
    manager it installs itself as the hook; ``seen`` keeps every request, ``done()`` checks nothing is left over.
    """

    def __init__(self):
        from collections import deque
        self.steps = deque()
        self.seen: list[Request] = []
        self._previous = None

    def then(self, kind: str, answer=None) -> "Script":
        self.steps.append((kind, answer))
        return self

    def __call__(self, req: Request):
        self.seen.append(req)
        if not self.steps:
            raise AssertionError(f"unexpected question ({req.kind}): {req.title} — {req.text}")
        kind, answer = self.steps.popleft()
        if req.kind != kind:
            raise AssertionError(f"expected a {kind} request, got {req.kind}: {req.title} — {req.text}")
        return answer(req) if callable(answer) else answer

    def texts(self, kind: str | None = None) -> list[str]:
        return [f"{r.title}\n{r.text}\n{r.detail}" for r in self.seen if kind is None or r.kind == kind]

    def done(self) -> None:
        if self.steps:
            raise AssertionError(f"{len(self.steps)} expected question(s) never asked: {list(self.steps)}")

    def __enter__(self) -> "Script":
        global hook
        self._previous, hook = hook, self
        return self

    def __exit__(self, *exc) -> None:
        global hook
        hook = self._previous
