"""Administering the access log: the coordinators' viewer with filters and export
(``viewer``), retention pruning with a chain anchor (``retention``) and the monthly
log-review report (``review`` data, ``review_pdf`` rendering).

Every function here is for coordinators and admins only, and each use is itself logged.
"""

from mentordesk.audit_admin.labels import ACTION_LABELS, action_label
from mentordesk.audit_admin.retention import (
    RETENTION_KEY,
    PruneResult,
    prune_log,
    retention_cutoff,
    retention_months,
)
from mentordesk.audit_admin.viewer import (
    LogFilter,
    LogPage,
    LogRow,
    export_log,
    log_choices,
    search_log,
)

__all__ = [
    "ACTION_LABELS", "RETENTION_KEY", "LogFilter", "LogPage", "LogRow", "PruneResult",
    "action_label", "export_log", "log_choices", "prune_log", "retention_cutoff",
    "retention_months", "search_log",
]
