"""Shared test set-up: Qt offscreen, a private data folder, real database files, the sample commune."""
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SAMPLE = ROOT / "resources" / "samples" / "ha-linh-2022.json"


@pytest.fixture(autouse=True)
def private_data_dir(tmp_path, monkeypatch):
    """Every test gets its own user data folder: no test touches the real one."""
    data = tmp_path / "userdata"
    monkeypatch.setenv("CDS_XA_DATA_DIR", str(data))
    return data


@pytest.fixture
def sample_path() -> Path:
    return SAMPLE


@pytest.fixture
def db_path(tmp_path) -> Path:
    return tmp_path / "xa.sqlite3"


@pytest.fixture
def sample_store(db_path):
    """A real database file holding the sample commune."""
    from desktop.interchange import parse_text
    from desktop.store import Store
    store = Store.open(db_path)
    store.replace_setup(parse_text(SAMPLE.read_bytes()))
    yield store
    store.close()


@pytest.fixture
def window(qapp, qtbot, sample_store):
    """The main window on the sample commune, shown and active (Qt is imported here only: the core tests stay
    headless)."""
    from desktop.qt.app import setup_app
    from desktop.qt.main_window import MainWindow
    from desktop.qt.session import Session
    setup_app()
    w = MainWindow(Session(sample_store))
    qtbot.addWidget(w)
    w.show()
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow)
    return w
