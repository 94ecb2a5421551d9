"""What the program remembers between runs (window geometry, last folder, the database file chosen), in an INI file
inside the user's data folder — never the Windows registry, so tests and portable use stay isolated."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

from .. import paths

FILE_NAME = "cds-xa.ini"


def settings() -> QSettings:
    folder = paths.data_dir()
    folder.mkdir(parents=True, exist_ok=True)
    return QSettings(str(folder / FILE_NAME), QSettings.Format.IniFormat)


def get(key: str, default=None):
    value = settings().value(key, default)
    return default if value is None else value


def put(key: str, value) -> None:
    s = settings()
    s.setValue(key, value)
    s.sync()


def last_dir() -> str:
    """The last folder the clerk used in a file dialog, or their home folder."""
    folder = get("paths/last_dir", "")
    if folder and Path(folder).is_dir():
        return folder
    return str(Path.home())


def remember_dir(path: str | Path) -> None:
    path = Path(path)
    put("paths/last_dir", str(path if path.is_dir() else path.parent))
