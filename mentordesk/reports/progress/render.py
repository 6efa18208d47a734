"""A progression report as PDF: ``render(data, printed_at)`` → bytes.

Built with the shared toolkit (``mentordesk.pdf.toolkit``): A4, embedded DejaVu, header
with team name and logo, "Side x af y", tables that split with repeated headers, every
piece of user text escaped. Long free text goes in paragraphs (which flow over pages),
never in a table cell (a cell taller than a page cannot split). A report that is not
approved carries "KLADDE" across every page, so a draft on paper cannot pass for the
approved report; the approved one (frozen at approval) carries none.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    PageBreak,
    Spacer,
)

from mentordesk.domain.catalogue import hours_flag_label
from mentordesk.domain.dates import format_date, iso_week_label
from mentordesk.domain.deadlines import FINAL_REPORT_STATUSES
from mentordesk.domain.duration import granted_text, hours_text
from mentordesk.pdf.toolkit import (
    PdfMeta,
    SectionStart,
    build_pdf,
    content_width,
    markup,
    para,
    paragraph_text,
)
from mentordesk.reports.progress import charts, summary
from mentordesk.reports.progress.assemble import (
    GoalFacts,
    GrantFacts,
    LevelPoint,
    ReportData,
    SubGoalFacts,
)
from mentordesk.reports.progress.hours_source import WeekFigures
from mentordesk.reports.progress.scope import UNLINKED_GOALS_WARNING
from mentordesk.reports.progress.tables import NOT_FILLED, key_value_grid, plain_table

TITLE = "Progressionsrapport"
STATUS_LABELS = {"draft": "Kladde", "approved": "Godkendt", "sent": "Sendt"}
DRAFT_WATERMARK = "KLADDE"


def render(data: ReportData, printed_at: datetime, *, logo_png: bytes | None = None) -> bytes:
    return build_pdf(story(data), meta(data, printed_at, logo_png))


def render_combined(reports: Sequence[ReportData], printed_at: datetime, team_name: str, *,
                    title: str, logo_png: bytes | None = None) -> bytes:
    """Many reports in one file, each starting on a new page with its own header title
    and its own "Side x af y", so the printed stack separates into whole reports."""
    flowables: list[Flowable] = []
    for index, data in enumerate(reports):
        if index:
            flowables.append(PageBreak())
        flowables.append(SectionStart(meta(data, printed_at, logo_png)))
        flowables += story(data)
    document_meta = PdfMeta(title=title, team_name=team_name, printed_at=printed_at,
                            subject=TITLE, logo_png=logo_png)
    return build_pdf(flowables, document_meta)


def meta(data: ReportData, printed_at: datetime, logo_png: bytes | None = None) -> PdfMeta:
    return PdfMeta(title=f"{TITLE} – {data.name}", team_name=data.team_name,
                   printed_at=printed_at, subject=f"{TITLE} {data.period.label}",
                   logo_png=logo_png, watermark=watermark(data))


def watermark(data: ReportData) -> str:
    """"KLADDE" unless the report is approved: a draft, an unsaved report in the editor's
    preview, and a batch report without an approved report for its period."""
    return "" if data.sign_off.status in FINAL_REPORT_STATUSES else DRAFT_WATERMARK


def story(data: ReportData) -> list[Flowable]:
    """In the order a caseworker decides from: the grant, its purpose and the authority's
    goals, a summary, each goal, the reasons for deviations, the recommendation; the
    weekly hours and contacts follow as the documentation behind the summary."""
    parts: list[Flowable] = [markup(f"{TITLE}: {paragraph_text(data.name)}", "title")]
    parts += _facts(data)
    parts += _grants(data)
    parts += _purpose(data)
    parts += summary.summary(data)
    parts += _goals(data)
    parts += _practice(data)
    parts += _texts(data)
    parts += _hours(data)
    parts += _contacts(data)
    parts += _signature(data)
    return parts


def _facts(data: ReportData) -> list[Flowable]:
    rows = [["Borger", data.name]]
    if data.anonymous:
        rows.append(["CPR-nummer", "Anonym (SEL §99) – intet CPR-nummer"])
    else:
        if data.alias:
            rows.append(["Kaldes", data.alias])
        rows.append(["CPR-nummer", data.masked_cpr or "Ikke oplyst"])
    rows += [["Periode", data.period.label],
             ["Til", data.recipient_authority or "Ingen myndighed registreret"],
             ["Primær kontaktperson", data.primary_mentor or "Ikke tildelt"],
             ["Status", STATUS_LABELS.get(data.sign_off.status, data.sign_off.status)]]
    return [key_value_grid(rows, [45 * mm, content_width() - 45 * mm])]


def _grants(data: ReportData) -> list[Flowable]:
    parts: list[Flowable] = [para("Bevilling", "heading")]
    if not data.grants:
        return parts + [para("Ingen bevilling i perioden.")]
    value_width = (content_width() - 60 * mm) / 2
    for grant in data.grants:
        caseworker = "\n".join(part for part in (grant.caseworker, grant.caseworker_contact)
                               if part)
        rows = [["Lovgrundlag", grant.legal_basis, "Myndighed", grant.authority or "–"],
                ["Forløbstype", grant.course_type or "–", "Sagsbehandler", caseworker or "–"],
                ["Periode", grant.period_label, "Timer pr. uge", grant.hours_label or "–"]]
        parts += [key_value_grid(rows, [28 * mm, value_width, 32 * mm, value_width]),
                  Spacer(1, 2 * mm)]
    return parts


def _purpose(data: ReportData) -> list[Flowable]:
    """The authority's own words: what the support is for and what it wants reached."""
    parts: list[Flowable] = [para("Formål og myndighedens mål", "heading")]
    for grant in data.grants:
        if len(data.grants) > 1:
            parts.append(para(f"{grant.legal_basis} · {grant.period_label}", "subheading"))
        parts.append(para(f"Formål: {grant.purpose.strip() or NOT_FILLED}"))
        parts.append(para(f"Myndighedens mål: {grant.authority_goals.strip() or NOT_FILLED}"))
    if not data.grants:
        parts.append(para("Ingen bevilling i perioden."))
    return parts


def _practice(data: ReportData) -> list[Flowable]:
    """LAB courses: the hours the citizen was in practice per week, beside the plan's step
    for that week when the grant has a stepped plan. Other grants have no such section."""
    lab_grants = [grant for grant in data.grants if grant.lab]
    if not lab_grants:
        return []
    parts: list[Flowable] = [para("Praktiktimer", "heading")]
    for grant in lab_grants:
        if len(data.grants) > 1:
            parts.append(para(f"{grant.legal_basis} · {grant.period_label}", "subheading"))
        parts += _practice_table(grant)
    return parts


def _practice_table(grant: GrantFacts) -> list[Flowable]:
    logged = [week for week in grant.weeks if week.practice_minutes is not None]
    if not logged:
        return [para("Ingen praktiktimer registreret i perioden.")]
    header = ["Uge", "Praktiktimer"]
    rows = [[iso_week_label(week.week_start), hours_text(week.practice_minutes)]
            for week in logged]
    rows.append(["I alt", hours_text(grant.practice_minutes)])
    widths = [40 * mm, 35 * mm]
    if grant.stepped:
        header.append("Planens trin (timer/uge)")
        for row, week in zip(rows, logged, strict=False):
            row.append(granted_text(week.granted_min_minutes, week.granted_max_minutes))
        rows[-1].append("")
        widths.append(50 * mm)
    return [plain_table(header, rows, widths, align_right=(1, 2) if grant.stepped else (1,))]


def _hours(data: ReportData) -> list[Flowable]:
    parts: list[Flowable] = [CondPageBreak(70 * mm),
                             para("Bilag: timer pr. uge, bevilget og leveret", "heading")]
    if not data.weeks:
        return parts + [para("Ingen uger i perioden.")]
    for grant in data.grants:
        if len(data.grants) > 1:
            parts.append(para(f"{grant.legal_basis} · {grant.period_label}", "subheading"))
        parts += _grant_hours(grant.weeks)
    if len(data.grants) > 1:
        parts.append(para(f"Leveret i alt for rapportens bevillinger: "
                          f"{hours_text(data.delivered_minutes)}"))
    parts.append(para("Kun kontakter, der er knyttet til rapportens bevilling og ligger i "
                      "perioden, tæller. En uge, som bevillingen eller perioden kun dækker "
                      "delvist, vurderes ikke mod hele ugens bevilling.", "small"))
    return parts


def _grant_hours(weeks: Sequence[WeekFigures]) -> list[Flowable]:
    if not weeks:
        return [para("Ingen uger i perioden.")]
    planned = sum(week.planned_minutes for week in weeks)
    header = ["Uge", "Bevilget (timer)", "Leveret (timer)", "Vurdering"]
    rows = [[iso_week_label(week.week_start),
             granted_text(week.granted_min_minutes, week.granted_max_minutes),
             hours_text(week.delivered_minutes), hours_flag_label(week.flag)]
            for week in weeks]
    rows.append(["I alt", "", hours_text(sum(week.delivered_minutes for week in weeks)), ""])
    widths = [32 * mm, 34 * mm, 30 * mm, 40 * mm]
    if planned:
        # Only a period reaching past today has booked (planned) time to show.
        header.insert(3, "Planlagt (timer)")
        for row, week in zip(rows, weeks, strict=False):
            row.insert(3, hours_text(week.planned_minutes))
        rows[-1].insert(3, hours_text(planned))
        widths.insert(3, 30 * mm)
    return [charts.hours_chart(weeks, content_width()),
            plain_table(header, rows, widths, align_right=(1, 2, 3) if planned else (1, 2))]


def _contacts(data: ReportData) -> list[Flowable]:
    parts: list[Flowable] = [para("Bilag: kontakter og fremmøde", "heading")]
    attendance = data.attendance
    if attendance.rate is None:
        parts.append(para("Mødestabilitet: ingen fysiske aftaler i perioden."))
    else:
        parts.append(para(f"Mødestabilitet: {attendance.attended} af {attendance.planned} "
                          f"fysiske aftaler gennemført ({round(attendance.rate * 100)} %)."))
    if not data.contacts:
        return parts + [para("Ingen kontakter registreret i perioden.")]
    rows = [[line.form, str(line.contacts), str(line.attended), str(line.no_shows),
             hours_text(line.minutes)] for line in data.contacts]
    rows.append(["I alt", str(sum(line.contacts for line in data.contacts)),
                 str(sum(line.attended for line in data.contacts)),
                 str(sum(line.no_shows for line in data.contacts)),
                 hours_text(sum(line.minutes for line in data.contacts))])
    parts.append(plain_table(["Kontaktform", "Kontakter", "Fremmøde", "Udeblevet", "Timer"],
                             rows, [55 * mm, 25 * mm, 25 * mm, 25 * mm, 35 * mm],
                             align_right=(1, 2, 3, 4)))
    return parts


def _goals(data: ReportData) -> list[Flowable]:
    parts: list[Flowable] = [CondPageBreak(60 * mm), para("Mål og progression", "heading")]
    if data.unlinked_goals_included:
        parts.append(para(f"Bemærk: {UNLINKED_GOALS_WARNING}", "small"))
    if not data.goals:
        return parts + [para("Der er ingen indsatsmål for perioden.")]
    for number, goal in enumerate(data.goals, start=1):
        parts += _goal(number, goal, data)
    return parts


def _goal(number: int, goal: GoalFacts, data: ReportData) -> list[Flowable]:
    theme = " / ".join(part for part in (goal.theme, goal.subtheme) if part) or "Intet tema"
    head: list[Flowable] = [
        para(f"{number}. {goal.title}" + ("" if goal.linked else " (uden bevilling)"),
             "subheading"),
        para(f"Tema: {theme}\nMåltype: {goal.goal_type} · Status: {goal.status}", "small"),
        para(f"Niveau i perioden: {_level_span(goal.first, goal.latest)}", "small"),
    ]
    if goal.points:
        head.append(charts.level_chart(goal.points, data.period.start, data.period.end))
    parts: list[Flowable] = [KeepTogether(head)]
    if goal.description:
        parts.append(para(goal.description))
    parts.append(para(f"Mentorens note: {goal.mentor_note.strip() or NOT_FILLED}", "small"))
    parts.append(para(f"Borgerens egne ord: {goal.citizen_view.strip() or NOT_FILLED}",
                      "small"))
    parts += [para(_sub_goal_line(sub, data.period.end), "small") for sub in goal.sub_goals]
    parts.append(Spacer(1, 2 * mm))
    return parts


def _sub_goal_line(sub: SubGoalFacts, period_end: date) -> str:
    dates = []
    if sub.deadline:
        dates.append(f"frist {format_date(sub.deadline)}")
    if sub.done_on:
        dates.append(f"opnået {format_date(sub.done_on)}")
    extra = f" ({', '.join(dates)})" if dates else ""
    overdue = " – FRIST OVERSKREDET" if sub.is_overdue(period_end) else ""
    return f"• Delmål: {sub.text} – {sub.status}{extra}{overdue}"


def _level_span(first: LevelPoint | None, latest: LevelPoint | None) -> str:
    if first is None or latest is None:
        return "ikke vurderet i perioden"
    start = f"{first.level} ({format_date(first.on)})"
    if first == latest:
        return f"{start}, én vurdering"
    return f"fra {start} til {latest.level} ({format_date(latest.on)})  (0 = ingen nedsat " \
           "funktionsevne, 4 = fuldstændig nedsat)"


def _texts(data: ReportData) -> list[Flowable]:
    texts = data.texts
    parts: list[Flowable] = []
    for heading, text in (("Begrundelse for afvigelser", texts.deviation_reasons),
                          ("Mentorens vurdering", texts.mentor_assessment),
                          ("Borgerens egen vurdering", texts.citizen_view),
                          ("Næste skridt", texts.next_steps),
                          ("Anbefaling", texts.recommendation_label)):
        parts.append(para(heading, "heading"))
        parts.append(para(text.strip() or NOT_FILLED))
    return parts


def _signature(data: ReportData) -> list[Flowable]:
    sign_off = data.sign_off
    lines = []
    if sign_off.approved_by:
        approved = format_date(sign_off.approved_on) if sign_off.approved_on else ""
        lines.append(f"Godkendt af {sign_off.approved_by} {approved}".strip())
    if sign_off.sent_on:
        lines.append(f"Sendt {format_date(sign_off.sent_on)} til {sign_off.recipient}".strip())
    lines += ["", "Dato: ____________________    Underskrift: ______________________________"]
    return [Spacer(1, 6 * mm), KeepTogether([para("Dato og underskrift", "heading"),
                                             para("\n".join(lines))])]
