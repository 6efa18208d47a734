"""The Log page: the viewer and the rights panel as two tabs; mentors get an explanation."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from ui.operations import Operations
from ui.views.audit.log_viewer import LogViewer
from ui.views.rights.panel import RightsPanel


class AuditPage(QWidget):
    def __init__(self, ops: Operations, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        title_label = QLabel(title)
        title_label.setObjectName("pageTitle")
        layout = QVBoxLayout(self)
        layout.addWidget(title_label)
        self.viewer: LogViewer | None = None
        self.rights: RightsPanel | None = None
        if not ops.actor.sees_all_citizens:
            notice = QLabel(self.tr(
                "Only coordinators and administrators can see the access log. Every time "
                "you read, change, print or export a citizen's data, it is logged here."))
            notice.setWordWrap(True)
            layout.addWidget(notice)
            layout.addStretch(1)
            return
        self.tabs = QTabWidget()
        self.viewer = LogViewer(ops)
        self.rights = RightsPanel(ops)
        self.tabs.addTab(self.viewer, self.tr("Access log"))
        self.tabs.addTab(self.rights, self.tr("Access and deletion"))
        layout.addWidget(self.tabs, 1)
