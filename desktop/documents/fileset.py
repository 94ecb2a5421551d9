"""Writing a set of files as one change: all of them, or none (the files already there stay as they were).

1. Check every destination before touching anything: the folder exists, no target is a folder, and an existing
   target can be opened for writing (on Windows a document open in Word cannot).
2. Write every file to a temporary file beside its target, flushed to disk.
3. Rename the temporary files over the targets. Should a rename still fail (the file was opened meanwhile), the
   targets already replaced get their earlier content back and the temporary files are removed.

Errors are ``desktop.files.WriteError`` with a Vietnamese message naming the file.
"""
from __future__ import annotations

import os
from pathlib import Path

from ..files import WriteError, explain, write_temp


def _check_target(path: Path) -> bytes | None:
    """Raise if ``path`` cannot be replaced; return its current content (None when it does not exist yet)."""
    folder = path.parent
    if not folder.is_dir():
        if folder.exists():
            raise WriteError(path, f"Không ghi được tệp {path}: {folder} là một tệp, không phải thư mục.")
        raise WriteError(path, f"Thư mục {folder} không tồn tại. Hãy chọn thư mục khác hoặc tạo thư mục này trước.")
    if path.is_dir():
        raise WriteError(path, f"Không ghi được tệp {path}: đã có một thư mục trùng tên ở đó.")
    if not path.exists():
        if not os.access(folder, os.W_OK):
            raise WriteError(path, f"Không có quyền ghi vào thư mục {folder}. Hãy chọn thư mục khác.")
        return None
    try:
        with open(path, "r+b") as fh:  # fails on a file locked by Word or marked read-only
            return fh.read()
    except OSError as exc:
        raise explain(path, exc) from exc


def _mode() -> int:
    """Permissions of a new file under the current umask (mkstemp makes them private to the owner)."""
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


def _remove(path: str | Path) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass


def write_files(items: list[tuple[Path, bytes]]) -> list[Path]:
    """Write every ``(path, data)``; on any problem nothing changes and ``WriteError`` names the file."""
    items = [(Path(p), data) for p, data in items]
    previous = {path: _check_target(path) for path, _ in items}
    temps: list[tuple[str, Path]] = []
    mode = _mode()
    try:
        for path, data in items:
            temps.append((write_temp(path, data, mode), path))
    except WriteError:
        for tmp, _ in temps:
            _remove(tmp)
        raise
    done: list[Path] = []
    for tmp, path in temps:
        try:
            os.replace(tmp, path)
        except OSError as exc:
            error = explain(path, exc)
            for old in done:  # put back what was there before
                try:
                    if previous[old] is None:
                        os.unlink(old)
                    else:
                        with open(old, "wb") as fh:
                            fh.write(previous[old])
                except OSError:
                    pass
            for t, _ in temps:
                _remove(t)
            raise error from exc
        done.append(path)
    return done
