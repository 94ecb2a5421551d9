"""Writing files safely: atomically (a temporary file beside, then a rename), with Vietnamese errors that name the file.

On Windows a document left open in Word is locked: the rename fails with a permission error, and the earlier file
stays as it was.
"""
from __future__ import annotations

import errno
import os
import tempfile
from pathlib import Path


class WriteError(Exception):
    """A file that could not be written; the message is Vietnamese and names the file."""

    def __init__(self, path: Path, message: str):
        self.path = Path(path)
        super().__init__(message)


def explain(path: Path, exc: OSError) -> WriteError:
    path = Path(path)
    if isinstance(exc, PermissionError) or exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS, errno.EBUSY):
        if path.exists() and path.is_file():
            msg = (f"Không ghi được tệp {path}: tệp đang mở trong chương trình khác (Word, Excel…) hoặc chỉ cho "
                   "phép đọc. Hãy đóng tệp rồi làm lại; tệp cũ được giữ nguyên.")
        else:
            msg = f"Không có quyền ghi vào thư mục {path.parent}. Hãy chọn thư mục khác."
    elif exc.errno == errno.ENOSPC:
        msg = f"Ổ đĩa đã đầy, không ghi được tệp {path}."
    elif exc.errno == errno.ENOENT:
        msg = f"Thư mục {path.parent} không tồn tại."
    else:
        msg = f"Không ghi được tệp {path}: {exc.strerror or exc}."
    return WriteError(path, msg)


def write_temp(path: str | Path, data: bytes, mode: int | None = None) -> str:
    """Write ``data`` to a new temporary file beside ``path`` (flushed to disk) and return its name; the caller
    renames it into place. On failure nothing is left behind and ``WriteError`` names ``path``."""
    path = Path(path)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise explain(path, exc) from exc
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        if mode is not None:
            os.chmod(tmp, mode)
    except OSError as exc:
        _unlink_quietly(tmp)
        raise explain(path, exc) from exc
    return tmp


def _unlink_quietly(name: str) -> None:
    try:
        os.unlink(name)
    except OSError:
        pass


def write_atomic(path: str | Path, data: bytes | str) -> Path:
    """Write ``data`` to ``path`` so that a reader sees the old file or the new one, never half of one."""
    path = Path(path)
    if isinstance(data, str):
        data = data.encode("utf-8")
    tmp = write_temp(path, data)
    try:
        os.replace(tmp, path)
    except OSError as exc:
        _unlink_quietly(tmp)
        raise explain(path, exc) from exc
    return path
