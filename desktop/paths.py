"""Where things are: the user's data folder and the program's bundled files (from source or a PyInstaller bundle)."""
from __future__ import annotations

import os
import sys
from pathlib import Path

DATA_DIR_NAME = "CDS-Xa"
DB_FILE_NAME = "cds-xa.sqlite3"


def data_dir() -> Path:
    """The user's data folder: %APPDATA%\\CDS-Xa on Windows, $XDG_DATA_HOME/cds-xa (~/.local/share) elsewhere.

    ``CDS_XA_DATA_DIR`` overrides it (tests, portable use). Never inside the program's own folder.
    """
    override = os.environ.get("CDS_XA_DATA_DIR")
    if override:
        return Path(override)
    if sys.platform == "win32":
        base = os.environ.get("APPDATA") or str(Path.home() / "AppData" / "Roaming")
        return Path(base) / DATA_DIR_NAME
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "cds-xa"


def default_db_path() -> Path:
    return data_dir() / DB_FILE_NAME


def user_templates_dir() -> Path:
    """Templates the clerk edited; a file here overrides the bundled template of the same name."""
    return data_dir() / "templates_docx"


def app_root() -> Path:
    """The folder that holds ``templates_docx/``, ``ui/``, ``resources/`` and ``samples/``.

    From source it is the repository's top level; in a PyInstaller bundle it is the bundle's data folder.
    """
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle)
    return Path(__file__).resolve().parent.parent


def resource(*parts: str) -> Path:
    return app_root().joinpath(*parts)


def bundled_templates_dir() -> Path:
    return resource("templates_docx")


def sample_path() -> Path:
    """The program's sample commune (a copy of the shared sample, shipped with the program)."""
    return resource("resources", "samples", "ha-linh-2022.json")
