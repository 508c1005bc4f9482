"""The navigator: the window's pages, and under Programmes each programme of the plan."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSize, Qt, Signal
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem

from tourplanner.enums import label
from tourplanner.services.views import ProgrammeSummary
from tourplanner.ui.icons import icon
from tourplanner.ui.pages import PAGES

PAGE_KEY = Qt.ItemDataRole.UserRole


class Navigator(QTreeWidget):
    """Choosing a page emits `page_chosen`; choosing a programme, `programme_chosen`."""

    page_chosen = Signal(str)
    programme_chosen = Signal(int)

    def __init__(self) -> None:
        super().__init__()
        self.setHeaderHidden(True)
        self.setAccessibleName(self.tr("Navigator"))
        self.setToolTip(self.tr("The plan's programmes, people, groups, organizations, venues"))
        self.setIconSize(QSize(18, 18))
        self.nodes: dict[str, QTreeWidgetItem] = {}
        for key, page_text, role in PAGES:
            text = QCoreApplication.translate("pages", page_text)
            node = QTreeWidgetItem([text])
            node.setIcon(0, icon(role))
            node.setData(0, PAGE_KEY, ("page", key))
            node.setToolTip(0, self.tr("Show {lower}").format(lower=text.lower()))
            self.addTopLevelItem(node)
            self.nodes[key] = node
        self.currentItemChanged.connect(self._chosen)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)  # a long programme's title: tooltip
        self.setMinimumWidth(self.pages_width())

    def pages_width(self) -> int:
        """The width that shows every page's name whole (a programme's may elide)."""
        metrics = self.fontMetrics()
        text = max(metrics.horizontalAdvance(n.text(0)) for n in self.nodes.values())
        return text + self.iconSize().width() + self.indentation() + 2 * self.frameWidth() + 24

    def comfortable_width(self) -> int:
        """The width that also shows the programmes' titles whole, up to a third more."""
        metrics = self.fontMetrics()
        titles = [metrics.horizontalAdvance(n.text(0)) for n in self.programme_nodes()]
        widest = max(titles, default=0) + 2 * self.indentation() + 2 * self.frameWidth() + 16
        return max(self.pages_width(), min(widest, round(self.pages_width() * 1.6)))

    def set_programmes(self, programmes: tuple[ProgrammeSummary, ...]) -> None:
        """Each programme under Programmes; choosing one shows its first day on the timeline."""
        parent = self.nodes["programme"]
        parent.takeChildren()
        for p in programmes:
            node = QTreeWidgetItem([p.title])
            node.setData(0, PAGE_KEY, ("programme", p.id))
            node.setToolTip(
                0,
                self.tr("{title} ({label}): show it on the timeline").format(
                    title=p.title, label=label(p.kind)
                ),
            )
            node.setData(0, Qt.ItemDataRole.AccessibleTextRole, p.title)
            parent.addChild(node)
        parent.setExpanded(True)

    def programme_nodes(self) -> list[QTreeWidgetItem]:
        parent = self.nodes["programme"]
        return [node for i in range(parent.childCount()) if (node := parent.child(i)) is not None]

    def mark_page(self, key: str) -> None:
        """Highlight the page shown (a programme's node stays highlighted on its timeline)."""
        node = self.nodes[key]
        if self.currentItem() is node:
            return
        if key == "timeline" and self.currentItem() in self.programme_nodes():
            return
        self.blockSignals(True)
        self.setCurrentItem(node)
        self.blockSignals(False)

    def mark_programme(self, programme_id: int) -> None:
        """Highlight a programme (its day is on the timeline), without choosing it again."""
        node = next(
            (
                n
                for n in self.programme_nodes()
                if n.data(0, PAGE_KEY) == ("programme", programme_id)
            ),
            None,
        )
        if node is None or self.currentItem() is node:
            return
        self.blockSignals(True)
        self.setCurrentItem(node)
        self.blockSignals(False)

    def marked_programme(self) -> int | None:
        """The programme highlighted, if a programme is."""
        node = self.currentItem()
        if node is None or node not in self.programme_nodes():
            return None
        return node.data(0, PAGE_KEY)[1]

    def _chosen(self, node: QTreeWidgetItem | None, _previous: object = None) -> None:
        if node is None:
            return
        kind, key = node.data(0, PAGE_KEY)
        if kind == "page":
            self.page_chosen.emit(key)
        else:
            self.programme_chosen.emit(key)
