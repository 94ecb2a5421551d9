"""Qt models over the loaded set-up: the committee, a team, the villages, and people to pick from.

Rows are rebuilt from ``Session.setup`` after every change (the data are small: a few hundred people at most).
Lists of people come in Vietnamese name order (``Setup.committee_sorted`` / ``team_sorted``).
"""
from __future__ import annotations

from PySide6.QtCore import QAbstractListModel, QAbstractTableModel, QModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QBrush, QColor

from .. import text
from ..model import COMMITTEE_ROLES, TEAM_ROLES, Person, Setup
from ..rules import Finding
from . import icons

KEY_ROLE = Qt.ItemDataRole.UserRole + 1      # person id / village name of the row
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 2   # folded text the search box matches against

_WARN_BG = QColor(255, 244, 214)
_ERROR_BG = QColor(253, 228, 228)


def _issues_by(findings: list[Finding], key: str) -> dict[str, list[Finding]]:
    out: dict[str, list[Finding]] = {}
    for f in findings:
        value = f.subject.get(key)
        if isinstance(value, str):
            out.setdefault(value, []).append(f)
        for pid in f.subject.get("people", []) if key == "person" else []:
            if pid != value:
                out.setdefault(pid, []).append(f)
    return out


def _worst(findings: list[Finding]) -> str | None:
    levels = {f.level for f in findings}
    return "error" if "error" in levels else "warning" if "warning" in levels else None


def person_line(p: Person) -> str:
    """'Nguyễn Văn Đức — Trưởng thôn Đông Sơn · sinh 1980' for pick lists."""
    parts = [p.full_name]
    if p.post:
        parts.append(f"— {p.post}")
    if p.birth_year:
        parts.append(f"· sinh {p.birth_year}")
    return " ".join(parts)


class _KeyedRows:
    """Rows as dicts with a "key" (person id, village name): reset, look up by row or by key, count."""
    _rows: list[dict]

    def set_rows(self, rows: list[dict]) -> None:
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def row_key(self, row: int) -> str | None:
        return self._rows[row]["key"] if 0 <= row < len(self._rows) else None

    def row_of(self, key: str) -> int:
        return next((i for i, r in enumerate(self._rows) if r["key"] == key), -1)

    def rowCount(self, parent=QModelIndex()):  # noqa: N802
        return 0 if parent.isValid() else len(self._rows)


class RowsModel(_KeyedRows, QAbstractTableModel):
    """A read-only table of rows (each a tuple of cells) with a key and a search text per row."""
    headers: list[str] = []

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[dict] = []

    def columnCount(self, parent=QModelIndex()):  # noqa: N802
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole:
            if orientation == Qt.Orientation.Horizontal:
                return self.headers[section]
            return None
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        r = self._rows[index.row()]
        col = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return r["cells"][col]
        if role == KEY_ROLE:
            return r["key"]
        if role == SEARCH_ROLE:
            return r["search"]
        if role == Qt.ItemDataRole.ToolTipRole:
            return r.get("tips", {}).get(col) or r.get("tip")
        if role == Qt.ItemDataRole.DecorationRole:
            level = r.get("icons", {}).get(col)
            return icons.status(level) if level else None
        if role == Qt.ItemDataRole.BackgroundRole:
            level = r.get("bg")
            if level == "error":
                return QBrush(_ERROR_BG)
            if level == "warning":
                return QBrush(_WARN_BG)
        if role == Qt.ItemDataRole.TextAlignmentRole and col in getattr(self, "centered", ()):
            return int(Qt.AlignmentFlag.AlignCenter)
        return None


def _person_cells_tips(p: Person, issues: list[Finding]) -> tuple[dict, dict]:
    tips, marks = {}, {}
    phone_issues = [f for f in issues if f.code.startswith("person.phone")]
    if phone_issues:
        tips["phone"] = "\n".join(f.message for f in phone_issues)
        marks["phone"] = "warning"
    other = [f for f in issues if not f.code.startswith("person.phone")]
    if other:
        tips["name"] = "\n".join(f.message for f in other)
        marks["name"] = _worst(other)
    return tips, marks


class CommitteeModel(RowsModel):
    headers = ["STT", "Họ và tên", "Năm sinh", "Chức vụ", "Vai trò trong Ban", "Điện thoại", "Thôn phụ trách"]
    centered = (0, 2)

    def refresh(self, setup: Setup, findings: list[Finding]) -> None:
        people = setup.person_map()
        issues = _issues_by(findings, "person")
        rows = []
        for i, m in enumerate(setup.committee_sorted(), 1):
            p = people.get(m.person_id)
            if p is None:
                continue
            tips, marks = _person_cells_tips(p, issues.get(p.id, []))
            cols = {"name": 1, "phone": 5}
            rows.append({
                "key": p.id,
                "cells": (str(i), p.full_name, str(p.birth_year or ""), p.post,
                          COMMITTEE_ROLES.get(m.role, m.role), p.phone, ", ".join(m.villages)),
                "search": text.search_key(" ".join([p.full_name, p.post, p.phone, " ".join(m.villages)])),
                "tips": {cols[k]: v for k, v in tips.items()} | ({6: ", ".join(m.villages)} if m.villages else {}),
                "icons": {cols[k]: v for k, v in marks.items()},
                "tip": m.duties,
            })
        self.set_rows(rows)


class TeamModel(RowsModel):
    headers = ["STT", "Họ và tên", "Năm sinh", "Giới tính", "Chức vụ", "Vai trò trong tổ", "Điện thoại"]
    centered = (0, 2, 3)

    def refresh(self, setup: Setup, findings: list[Finding], village: str | None) -> None:
        team = setup.team_for(village) if village else None
        rows = []
        if team is not None:
            people = setup.person_map()
            issues = _issues_by(findings, "person")
            year = setup.commune.year
            for i, m in enumerate(setup.team_sorted(team), 1):
                p = people.get(m.person_id)
                if p is None:
                    continue
                tips, marks = _person_cells_tips(p, issues.get(p.id, []))
                cols = {"name": 1, "phone": 6}
                age = p.age_in(year) if year else None
                rows.append({
                    "key": p.id,
                    "cells": (str(i), p.full_name, f"{p.birth_year}" if p.birth_year else "",
                              "Nữ" if p.is_woman else "Nam", p.post, TEAM_ROLES.get(m.role, m.role), p.phone),
                    "search": text.search_key(" ".join([p.full_name, p.post, p.phone])),
                    "tips": {cols[k]: v for k, v in tips.items()} | ({2: f"{age} tuổi năm {year}"} if age else {}),
                    "icons": {cols[k]: v for k, v in marks.items()},
                })
        self.set_rows(rows)


class VillageModel(RowsModel):
    """The villages in their order; name, kind and households are edited in place."""
    headers = ["STT", "Tên thôn", "Loại", "Số hộ", "Tổ công nghệ số", "Thành viên BCĐ phụ trách"]
    centered = (0, 3)
    edited = Signal(str, int, object)   # village name, column, new value (the page saves it)

    def refresh(self, setup: Setup, findings: list[Finding]) -> None:
        people = setup.person_map()
        issues = _issues_by(findings, "village")
        rows = []
        for i, v in enumerate(setup.villages, 1):
            team = setup.team_for(v.name)
            n = len(team.members) if team else 0
            sups = [people[m.person_id].full_name for m in setup.supervisors_of(v.name) if m.person_id in people]
            found = [f for f in issues.get(v.name, []) if f.level != "info"]
            rows.append({
                "key": v.name,
                "cells": (str(i), v.name, v.kind, str(v.households or ""),
                          f"{n} người" if n else "chưa có", ", ".join(sups) or "chưa có"),
                "search": text.search_key(f"{v.kind} {v.name} {' '.join(sups)}"),
                "icons": {4: _worst(found) or "ok"} if found or n else {4: "error"},
                "tips": {4: "\n".join(f.message for f in found)} if found else {},
            })
        self.set_rows(rows)

    def flags(self, index):
        f = super().flags(index)
        if index.isValid() and index.column() in (1, 2, 3):
            f |= Qt.ItemFlag.ItemIsEditable
        return f

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole):  # noqa: N802
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        name = self.row_key(index.row())
        if value == self._rows[index.row()]["cells"][index.column()]:
            return False
        self.edited.emit(name, index.column(), value)
        return True


class VillageListModel(_KeyedRows, QAbstractListModel):
    """The villages on the Tổ page: 'thôn Đông Sơn — 5 người' with the team's state."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[dict] = []

    def refresh(self, setup: Setup, findings: list[Finding]) -> None:
        people = setup.person_map()
        issues = _issues_by(findings, "village")
        rows = []
        for v in setup.villages:
            team = setup.team_for(v.name)
            members = [people[m.person_id] for m in team.members if m.person_id in people] if team else []
            found = [f for f in issues.get(v.name, []) if f.level != "info" and f.code != "village.supervisor_missing"]
            level = _worst(found) or ("ok" if members else "error")
            label = f"{v.full_name} — {len(members)} người" if members else f"{v.full_name} — chưa có tổ"
            rows.append({"key": v.name, "label": label, "level": level,
                         "search": text.search_key(" ".join([v.name] + [p.full_name for p in members])),
                         "tip": "\n".join(f.message for f in found)})
        self.set_rows(rows)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        r = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return r["label"]
        if role == Qt.ItemDataRole.DecorationRole:
            return icons.status(r["level"])
        if role == Qt.ItemDataRole.ToolTipRole:
            return r["tip"] or None
        if role == KEY_ROLE:
            return r["key"]
        if role == SEARCH_ROLE:
            return r["search"]
        return None


class PeopleModel(QAbstractListModel):
    """Everyone entered, in name order, for the person picker; ``excluded`` people are shown but not pickable."""

    def __init__(self, setup: Setup, excluded: set[str] | None = None, excluded_note: str = "", parent=None):
        super().__init__(parent)
        self.excluded = excluded or set()
        self.note = excluded_note
        self.people = sorted(setup.people, key=lambda p: text.name_sort_key(p.full_name))
        self._search = [text.search_key(" ".join([p.full_name, p.post, p.phone])) for p in self.people]
        self.year = setup.commune.year

    def rowCount(self, parent=QModelIndex()):  # noqa: N802
        return 0 if parent.isValid() else len(self.people)

    def flags(self, index):
        f = super().flags(index)
        if index.isValid() and self.people[index.row()].id in self.excluded:
            f &= ~(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
        return f

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        p = self.people[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            line = person_line(p)
            return f"{line}  ({self.note})" if p.id in self.excluded and self.note else line
        if role == KEY_ROLE:
            return p.id
        if role == SEARCH_ROLE:
            return self._search[index.row()]
        return None


class SearchProxy(QSortFilterProxyModel):
    """Keeps the rows whose folded text holds every word typed ('duc' finds 'Đức')."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._query = ""

    def set_query(self, query: str) -> None:
        self.beginFilterChange()
        self._query = text.clean(query)
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row, source_parent):  # noqa: N802
        if not self._query:
            return True
        idx = self.sourceModel().index(source_row, 0, source_parent)
        return text.matches(self._query, self.sourceModel().data(idx, SEARCH_ROLE) or "")
