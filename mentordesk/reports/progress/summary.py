"""The report's one-page summary: what a caseworker reads first to decide on continuation.

Delivered against granted hours for the whole period per grant, with the one hours total
(the same attended contacts the weekly table and the contact table count), attendance,
and each goal's attainment on the fixed scale with its latest level and support need.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from mentordesk.domain.duration import granted_text, hours_text
from mentordesk.domain.vum import NOT_ASSESSED_LABEL, FunctionLevel, SupportNeed
from mentordesk.pdf.toolkit import cell_paragraph, para, styles
from mentordesk.reports.progress.assemble import GoalFacts, GrantFacts, ReportData
from mentordesk.reports.progress.tables import plain_table


def summary(data: ReportData) -> list[Flowable]:
    parts: list[Flowable] = [para("Resumé", "heading")]
    parts += [para(_delivered_line(grant)) for grant in data.grants]
    parts.append(para(f"Leveret i alt i perioden: {hours_text(data.delivered_minutes)}"))
    parts.append(para(_attendance_line(data)))
    if data.unattributed_contacts:
        parts.append(para(f"{data.unattributed_contacts} kontakter i perioden er ikke knyttet "
                          "til en bevilling og tæller ikke med her.", "small"))
    if data.goals:
        cell = styles()["cell"]
        # The title is the mentor's text and longer than its column: a wrapping, escaped
        # cell (as a plain string it ran on under the next column).
        rows = [[cell_paragraph(_short(goal.title), cell), goal.attainment,
                 _latest_level(goal), _support_need(goal)] for goal in data.goals]
        parts.append(plain_table(["Indsatsmål", "Målopfyldelse", "Seneste niveau",
                                  "Støttebehov"], rows, [62 * mm, 30 * mm, 45 * mm, 38 * mm]))
    else:
        parts.append(para("Ingen indsatsmål for perioden."))
    return parts


def _delivered_line(grant: GrantFacts) -> str:
    low, high = grant.granted_range
    weeks = len(grant.weeks)
    granted = (f"bevilget {granted_text(low, high)} over {weeks} uger"
               if low is not None else "ingen ugentlige timer bevilget")
    return (f"{grant.legal_basis}: leveret {hours_text(grant.delivered_minutes)}, "
            f"{granted}.")


def _attendance_line(data: ReportData) -> str:
    attendance = data.attendance
    if attendance.rate is None:
        return "Fremmøde: ingen fysiske aftaler i perioden."
    return (f"Fremmøde: {attendance.attended} af {attendance.planned} fysiske aftaler "
            f"({round(attendance.rate * 100)} %).")


def _latest_level(goal: GoalFacts) -> str:
    """"2 – Moderat": the 0–4 score with its word, short enough for the cell."""
    latest = goal.latest
    if latest is None or latest.level is None:
        return NOT_ASSESSED_LABEL
    return f"{latest.level} – {FunctionLevel(latest.level).short_label}"


def _support_need(goal: GoalFacts) -> str:
    need = goal.latest_support_need
    return NOT_ASSESSED_LABEL if need is None else f"{need} – {SupportNeed(need).short_label}"


def _short(title: str, limit: int = 60) -> str:
    """A table cell does not split across pages: a long title is shortened here (it wraps
    within its cell) and told in full below."""
    return title if len(title) <= limit else title[:limit - 1] + "…"
