"""The printable handleplan: one to two A4 pages to hand to the citizen.

Rendered from the plan service's ``Plan`` (no database access here). The citizen is
named by name or alias, never by CPR. Every user text goes through the shared toolkit
(``para``/``data_table``/``paragraph_text``), so a goal written as ``<b>&<img …>`` prints
exactly like that. reportlab is heavy: import this module inside the export action.
"""

from __future__ import annotations

from datetime import datetime

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table, TableStyle

from mentordesk.domain.dates import format_date
from mentordesk.pdf.toolkit import (
    TABLE_FONT,
    PdfMeta,
    build_pdf,
    content_width,
    data_table,
    markup,
    para,
    paragraph_text,
)
from mentordesk.services.plan.values import AssessmentItem, GoalItem, Plan

TITLE = "Pædagogisk handleplan"  # the provider's plan; the §141 plan is the municipality's
# Free text is cut on paper so a plan stays at one to two pages; the app holds it all.
DESCRIPTION_CHARS = 400
VIEW_CHARS = 300


def render_plan_pdf(plan: Plan, *, team_name: str, printed_at: datetime,
                    grant_labels: list[str], mentor_name: str = "") -> bytes:
    """The PDF bytes of ``plan``; ``grant_labels`` are the grants the plan runs under."""
    story: list[Flowable] = [markup(TITLE, "title")]
    story += _header(plan, grant_labels, mentor_name, printed_at)
    open_goals = [goal for goal in plan.goals if goal.is_open]
    finished = [goal for goal in plan.goals if not goal.is_open]
    if not plan.goals:
        story.append(para("Der er endnu ingen mål i handleplanen."))
    for number, goal in enumerate(open_goals + finished, start=1):
        story.append(KeepTogether(_goal(number, goal)))
    story += _signatures()
    meta = PdfMeta(title=f"{TITLE} – {plan.citizen_label}", team_name=team_name,
                   printed_at=printed_at, subject="Pædagogisk handleplan")
    return build_pdf(story, meta)


def _header(plan: Plan, grant_labels: list[str], mentor_name: str,
            printed_at: datetime) -> list[Flowable]:
    rows = [("Borger", plan.citizen_label)]
    if mentor_name:
        rows.append(("Kontaktperson", mentor_name))
    rows.append(("Bevilling", "; ".join(grant_labels) or "Ingen bevilling registreret"))
    rows.append(("Dato", format_date(printed_at.date())))
    return [_facts(rows), Spacer(1, 2 * mm)]


def _goal(number: int, goal: GoalItem) -> list[Flowable]:
    parts: list[Flowable] = [
        markup(f"Mål {number}: {paragraph_text(goal.title)}", "heading"),
    ]
    latest = goal.latest_assessment
    facts = [
        ("Tema", goal.theme_label or "–"),
        ("Måltype", goal.goal_type_label),
        ("Status", goal.status_label),
        ("Startdato", format_date(goal.start_on) if goal.start_on else "–"),
        ("Opfølgning", format_date(goal.review_on) if goal.review_on else "–"),
    ]
    parts.append(_facts(facts))
    if goal.description:
        parts.append(para(_cut(goal.description, DESCRIPTION_CHARS), "small"))
    parts.append(_latest_line(latest))
    if latest and latest.citizen_view:
        parts.append(markup("<b>Din egen vurdering:</b> "
                            + paragraph_text(_cut(latest.citizen_view, VIEW_CHARS)), "small"))
    if goal.sub_goals:
        width = _width()
        parts.append(Spacer(1, 1.5 * mm))
        parts.append(data_table(
            ("Delmål", "Frist", "Status", "Udført"),
            [(sub.text, sub.deadline_text, sub.status_label,
              format_date(sub.done_on) if sub.done_on else "") for sub in goal.sub_goals],
            col_widths=(width * 0.55, width * 0.15, width * 0.15, width * 0.15),
        ))
    return parts


def _latest_line(latest: AssessmentItem | None) -> Flowable:
    if latest is None:
        return markup("<b>Seneste vurdering:</b> Ikke vurderet endnu", "small")
    need = (latest.support_need_label.lower() if latest.support_need is not None
            else "støttebehov ikke vurderet")
    return markup(f"<b>Seneste vurdering ({format_date(latest.assessed_on)}):</b> "
                  f"{paragraph_text(latest.level_label)} · {paragraph_text(need)}", "small")


def _width() -> float:
    # The page frame keeps 6 pt padding each side inside the margins.
    return content_width() - 12


def _facts(rows: list[tuple[str, str]]) -> Table:
    """Label/value pairs two to a line, to keep each goal short on paper."""
    width = _width()
    cells: list[Flowable] = []
    for label, value in rows:
        cells += [markup(f"<b>{paragraph_text(label)}</b>", "small"), para(value, "small")]
    while len(cells) % 4:
        cells.append(para("", "small"))
    lines = [cells[index:index + 4] for index in range(0, len(cells), 4)]
    # Labels get room for "Kontaktperson" in bold: a narrower column broke the word.
    table = Table(lines, colWidths=(width * 0.19, width * 0.31, width * 0.19, width * 0.31))
    table.setStyle(TableStyle([
        TABLE_FONT,
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 0),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
    ]))
    return table


def _signatures() -> list[Flowable]:
    width = _width()
    line = "_" * 34
    table = Table(
        [[para("Handleplanen er lavet sammen med borgeren.", "small"), ""],
         [para(f"\n{line}", "body"), para(f"\n{line}", "body")],
         [para("Dato og underskrift, borger", "small"),
          para("Dato og underskrift, mentor", "small")]],
        colWidths=(width / 2, width / 2))
    table.setStyle(TableStyle([TABLE_FONT, ("SPAN", (0, 0), (1, 0)),
                               ("LEFTPADDING", (0, 0), (-1, -1), 0),
                               ("TOPPADDING", (0, 1), (-1, 1), 10)]))
    return [Spacer(1, 8 * mm), KeepTogether([table])]


def _cut(text: str, limit: int) -> str:
    text = text.strip()
    return text if len(text) <= limit else text[:limit].rstrip() + " …"
