"""Step 5, Kiểm tra: every finding of the guidance checks, grouped by level; each one leads to where to fix it."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTreeWidgetItem

from ... import text
from ...rules import LEVEL_LABELS, LEVELS
from .. import icons, steps, uiload
from .base import Page

FINDING_ROLE = Qt.ItemDataRole.UserRole + 10


class ChecksPage(Page):
    key = "checks"

    def __init__(self, session, window):
        super().__init__(session, window)
        f = self.form = uiload.embed(self, "page_checks.ui")
        self.search_edit = f.searchEdit
        f.tree.itemActivated.connect(lambda item, col: self.go(item))
        f.tree.currentItemChanged.connect(lambda cur, prev: f.goButton.setEnabled(
            bool(cur and cur.data(0, FINDING_ROLE))))
        f.goButton.clicked.connect(lambda: self.go(f.tree.currentItem()))
        f.searchEdit.textChanged.connect(lambda q: self.refresh())
        self._expanded = {"error": True, "warning": True, "info": False}

    def all_findings(self):
        return steps.commune_findings(self.session.setup) + list(self.session.findings)

    def refresh(self, source=None) -> None:
        f = self.form
        tree = f.tree
        for i in range(tree.topLevelItemCount()):
            item = tree.topLevelItem(i)
            self._expanded[item.data(0, Qt.ItemDataRole.UserRole)] = item.isExpanded()
        tree.clear()
        query = f.searchEdit.text()
        findings = [x for x in self.all_findings() if not query or text.matches(query, x.message)]
        for level in LEVELS:
            items = [x for x in findings if x.level == level]
            if not items and level == "info":
                continue
            head = QTreeWidgetItem([f"{LEVEL_LABELS[level]} ({len(items)})" if items
                                    else f"{LEVEL_LABELS[level]}: không có"])
            head.setData(0, Qt.ItemDataRole.UserRole, level)
            head.setIcon(0, icons.status(level if items else "ok"))
            font = head.font(0)
            font.setBold(True)
            head.setFont(0, font)
            head.setFlags(head.flags() & ~Qt.ItemFlag.ItemIsSelectable)
            for x in items:
                child = QTreeWidgetItem([x.message])
                child.setData(0, FINDING_ROLE, x)
                child.setToolTip(0, f"{x.message}\n(Enter hoặc nháy đúp để đến bước "
                                    f"«{steps.STEP_LABELS[steps.step_of(x, self.session.setup)]}»)")
                head.addChild(child)
            tree.addTopLevelItem(head)
            head.setExpanded(self._expanded.get(level, True))
        f.goButton.setEnabled(False)

    def go(self, item) -> None:
        finding = item.data(0, FINDING_ROLE) if item else None
        if finding is not None:
            self.window_.go_to_finding(finding)

    def finding_items(self, level: str | None = None) -> list[str]:
        """The messages shown now (for tests)."""
        self.refresh_if_dirty()
        out = []
        tree = self.form.tree
        for i in range(tree.topLevelItemCount()):
            head = tree.topLevelItem(i)
            if level and head.data(0, Qt.ItemDataRole.UserRole) != level:
                continue
            out += [head.child(j).text(0) for j in range(head.childCount())]
        return out
