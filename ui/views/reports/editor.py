"""The report editor: pick a citizen, open or start a report for a period, write the
sections, preview, and (coordinators) approve, send back or mark as sent.

All reading and saving runs on the worker through the report services; a stale save
opens the shared conflict dialog, so nobody's text is dropped. The citizen's reports are
read again when the change hub announces a change to them (or to the contacts, plan or
grants a report is made from); a draft with unsaved text keeps its text.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from mentordesk.domain.grant_choice import GrantOption, for_period
from mentordesk.domain.vum import InterventionStatus
from mentordesk.kernel.changes import Changes, Kind, Result
from mentordesk.kernel.context import Context
from mentordesk.kernel.editing import EditConflict
from mentordesk.reports.progress import workflow
from mentordesk.reports.progress.assemble import Period, ReportTexts
from mentordesk.reports.progress.workflow import ReportRow
from mentordesk.services.citizens import list_citizens
from mentordesk.services.contacts.journal import active_partners
from mentordesk.services.grant_attribution import grant_options
from ui.operations import Operations
from ui.tasks import Task, show_error
from ui.views.common.citizen_combo import CitizenCombo
from ui.views.common.conflict_dialog import ConflictDialog
from ui.views.common.date_edit import DanishDateEdit
from ui.views.common.form_fields import WeeklyHoursInput
from ui.views.common.reload_when_shown import ReloadWhenShown
from ui.views.common.visibility import hidden_unless
from ui.views.reports.preview import ReportPreviewDialog

REPORT_ID_ROLE = Qt.ItemDataRole.UserRole + 1
# What a report is made from: a change to any of these may change the list or the period.
REPORT_SOURCES = (Kind.REPORTS, Kind.CONTACTS, Kind.PLAN, Kind.GRANTS)
OUTSIDE_PERIOD_GREY = "#777777"


def load_choices(context: Context) -> tuple[list[Any], list[Any]]:
    """The citizens the user may report on, and the partners a report may go to."""
    return list_citizens(context), active_partners(context.database)


def load_reports(context: Context, citizen_id: int
                 ) -> tuple[list[ReportRow], Period, list[GrantOption]]:
    """The citizen's reports, the period a new one would cover, and the grants a report
    can be about (a report shows one grant's authority, goals, contacts and hours)."""
    return (workflow.list_reports(context, citizen_id),
            workflow.suggested_period(context, citizen_id),
            grant_options(context, citizen_id))


class ReportEditor(QWidget):
    reports_loaded = Signal(int)  # number of reports listed; tests listen
    report_opened = Signal(int)
    preview_shown = Signal(object)  # the preview dialog
    print_recorded = Signal()  # a print from the preview is in the audit log

    def __init__(self, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ops = ops
        self.report: ReportRow | None = None
        self.preview: ReportPreviewDialog | None = None
        self._select_after_load: int | None = None  # a report this editor just wrote
        self._refresh = ReloadWhenShown(self, self._reload)
        self._build()
        self._show_report(None)
        ops.hub.changed.connect(self._on_changes)

    # -- layout -----------------------------------------------------------------------

    def _build(self) -> None:
        self.citizen_combo = CitizenCombo()  # type-ahead by name, alias or initials
        self.citizen_combo.currentIndexChanged.connect(self._citizen_changed)
        self.reports_list = QListWidget()
        self.reports_list.currentItemChanged.connect(self._report_chosen)
        self.new_button = QPushButton(self.tr("New report"))
        self.new_button.clicked.connect(self.new_report)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.addWidget(QLabel(self.tr("Citizen")))
        left_layout.addWidget(self.citizen_combo)
        left_layout.addWidget(QLabel(self.tr("Reports")))
        left_layout.addWidget(self.reports_list, 1)
        left_layout.addWidget(self.new_button)
        # The report form grew with the grant, its goals and the recommendation: it scrolls
        # rather than pushing the window past a laptop's screen.
        form = QScrollArea()
        form.setWidgetResizable(True)
        form.setFrameShape(QFrame.Shape.NoFrame)
        form.setWidget(self._form())
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(form)
        splitter.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

    def _form(self) -> QWidget:
        self.start_edit = DanishDateEdit(self.tr("From"), required=True)
        self.end_edit = DanishDateEdit(self.tr("To"), required=True)
        for edit in (self.start_edit, self.end_edit):
            edit.textChanged.connect(self._period_edited)
        period = QHBoxLayout()
        period.addWidget(self.start_edit)
        period.addWidget(QLabel("–"))
        period.addWidget(self.end_edit)
        self.status_label = QLabel()
        self.status_label.setTextFormat(Qt.TextFormat.PlainText)
        self.return_label = QLabel()
        self.return_label.setTextFormat(Qt.TextFormat.PlainText)
        self.return_label.setWordWrap(True)
        self.return_label.setObjectName("warningLabel")
        self.assessment_edit, self.view_edit, self.steps_edit = (
            QPlainTextEdit(), QPlainTextEdit(), QPlainTextEdit())
        self.deviation_edit = QPlainTextEdit()
        self.recommended_hours = WeeklyHoursInput()
        self.recommended_until_edit = DanishDateEdit(self.tr("Recommended until"),
                                                     required=False)
        self.recommendation_combo = QComboBox()
        self.recommendation_combo.addItem(self.tr("(not chosen)"), "")
        for status in InterventionStatus:
            self.recommendation_combo.addItem(status.recommendation_label, status.value)
        self.grant_combo = QComboBox()
        self._grant_options: list[GrantOption] = []
        self.unlinked_check = QCheckBox(self.tr("Include goals not linked to a grant"))
        self.unlinked_warning = QLabel(self.tr(
            "Goals without a grant may belong to another authority's support. Include them "
            "only when the recipient may see them; the report says they are included."))
        self.unlinked_warning.setObjectName("warningLabel")
        self.unlinked_warning.setWordWrap(True)
        self.unlinked_check.toggled.connect(self.unlinked_warning.setVisible)
        self.unlinked_warning.setVisible(False)
        self.recipient_edit = QLineEdit()
        self.partner_combo = QComboBox()
        self.partner_combo.addItem(self.tr("The ordering authority (no consent needed)"), None)
        form = QFormLayout()
        form.addRow(self.tr("Period"), period)
        form.addRow(self.tr("Grant"), self.grant_combo)
        form.addRow("", self.unlinked_check)
        form.addRow("", self.unlinked_warning)
        form.addRow(self.tr("Status"), self.status_label)
        form.addRow("", self.return_label)
        form.addRow(self.tr("Mentor's assessment"), self.assessment_edit)
        form.addRow(self.tr("Citizen's own view"), self.view_edit)
        form.addRow(self.tr("Next steps"), self.steps_edit)
        form.addRow(self.tr("Reasons for deviations"), self.deviation_edit)
        form.addRow(self.tr("Recommendation"), self.recommendation_combo)
        form.addRow(self.tr("Recommended weekly hours"), self.recommended_hours)
        form.addRow(self.tr("Recommended until"), self.recommended_until_edit)
        form.addRow(self.tr("Recipient"), self.recipient_edit)
        form.addRow(self.tr("Shared with"), self.partner_combo)
        self.save_button = QPushButton(self.tr("Save draft"))
        self.preview_button = QPushButton(self.tr("Preview"))
        self.approve_button = QPushButton(self.tr("Approve"))
        self.return_button = QPushButton(self.tr("Send back…"))
        self.sent_button = QPushButton(self.tr("Mark as sent"))
        self.print_button = QPushButton(self.tr("Print / open…"))
        buttons = QHBoxLayout()
        for button, slot in ((self.save_button, self.save),
                             (self.preview_button, self.preview_pdf),
                             (self.approve_button, self.approve),
                             (self.return_button, self.send_back),
                             (self.sent_button, self.mark_sent),
                             (self.print_button, self.print_pdf)):
            button.clicked.connect(lambda _checked=False, slot=slot: slot())
            buttons.addWidget(button)
        coordinator = self._ops.actor.sees_all_citizens
        hidden_unless(coordinator, self.approve_button, self.return_button, self.sent_button)
        form.addRow(buttons)
        widget = QWidget()
        widget.setLayout(form)
        return widget

    # -- loading ----------------------------------------------------------------------

    def load_citizens(self) -> None:
        self._ops.run(load_choices, owner=self, slot="citizens",
                      label=self.tr("Loading citizens…"),
                      done=lambda result: self._fill_citizens(*result))

    def _fill_citizens(self, rows: list[Any], partners: list[Any]) -> None:
        for partner in partners:
            self.partner_combo.addItem(partner.name, partner.id)
        self.citizen_combo.set_citizens([(row.id, row.display_name) for row in rows],
                                        aliases={row.id: row.alias for row in rows})
        self._citizen_changed()

    def citizen_id(self) -> int | None:
        return self.citizen_combo.currentData()

    def select_citizen(self, citizen_id: int) -> None:
        index = self.citizen_combo.findData(citizen_id)
        if index >= 0:
            self.citizen_combo.setCurrentIndex(index)

    def _citizen_changed(self, *_args: object) -> None:
        citizen_id = self.citizen_id()
        self._show_report(None)
        self.reports_list.clear()
        self._select_after_load = None
        self._refresh.forget()
        if citizen_id is None:
            self._ops.forget(self, "reports")
            return
        self._reload()

    def _on_changes(self, changes: Changes) -> None:
        citizen_id = self.citizen_id()
        if (citizen_id is not None and changes.touches(*REPORT_SOURCES)
                and changes.concerns(citizen_id)):
            self._refresh()  # listing reports is logged: not while the page is hidden

    def _reload(self) -> None:
        """Read the citizen's reports again, keeping the chosen one (or the one just
        written) chosen. A newer read replaces an older one: only the last is shown."""
        citizen_id = self.citizen_id()
        if citizen_id is None:
            return
        self._ops.run(load_reports, citizen_id, owner=self, slot="reports",
                      label=self.tr("Loading reports…"),
                      done=lambda result: self._fill_reports(citizen_id, *result))

    def _fill_reports(self, citizen_id: int, rows: list[ReportRow], suggested: Period,
                      grants: list[GrantOption]) -> None:
        if citizen_id != self.citizen_id():
            return  # the user picked another citizen meanwhile
        self._fill_grants(grants)
        select_id = self._select_after_load or (self.report.id if self.report else None)
        self._select_after_load = None
        self.reports_list.blockSignals(True)
        self.reports_list.clear()
        for row in rows:
            item = QListWidgetItem(f"{row.period.label} · {row.status_label}")
            item.setData(REPORT_ID_ROLE, row.id)
            item.setData(Qt.ItemDataRole.UserRole, row)
            self.reports_list.addItem(item)
            if row.id == select_id:
                self.reports_list.setCurrentItem(item)
        self.reports_list.blockSignals(False)
        chosen = next((row for row in rows if row.id == select_id), None)
        if not self.has_unsaved_changes():  # never overwrite text still being written
            self._show_report(chosen)
        if self.report is None:
            self.start_edit.set_date(suggested.start)
            self.end_edit.set_date(suggested.end)
        self.reports_loaded.emit(len(rows))

    def _fill_grants(self, grants: list[GrantOption]) -> None:
        """The citizen's grants for the report's period: those running in it first, the
        latest of them chosen unless the user chose another that runs in it; the others
        after them, greyed and marked (see ``grant_choice.for_period``)."""
        chosen = self.grant_combo.currentData()
        self._grant_options = grants
        try:
            start, end = self.start_edit.required_date(), self.end_edit.required_date()
        except ValueError:  # the period is being typed: keep the order until it is a period
            start = end = date.today()
        self.grant_combo.clear()
        keep = 0
        for index, option in enumerate(for_period(grants, start, end)):
            inside = option.runs_in(start, end)
            self.grant_combo.addItem(option.label if inside else self.tr(
                "{grant} (not in the period)").format(grant=option.label), option.id)
            if not inside:
                self.grant_combo.setItemData(index, QColor(OUTSIDE_PERIOD_GREY),
                                             Qt.ItemDataRole.ForegroundRole)
            elif option.id == chosen:
                keep = index
        self.grant_combo.setCurrentIndex(keep)

    def _period_edited(self) -> None:
        """A new report's period changed: offer the grants running in the new one first."""
        if self.report is None and self._grant_options:
            self._fill_grants(self._grant_options)

    def _report_chosen(self, item: QListWidgetItem | None, _previous: object = None) -> None:
        self._show_report(item.data(Qt.ItemDataRole.UserRole) if item else None)

    def _show_report(self, report: ReportRow | None) -> None:
        self.report = report
        texts = report.texts if report else ReportTexts()
        if report is not None:
            self.start_edit.set_date(report.period.start)
            self.end_edit.set_date(report.period.end)
        self.assessment_edit.setPlainText(texts.mentor_assessment)
        self.view_edit.setPlainText(texts.citizen_view)
        self.steps_edit.setPlainText(texts.next_steps)
        self.deviation_edit.setPlainText(texts.deviation_reasons)
        self.recommended_hours.set_minutes(texts.recommended_min_minutes,
                                           texts.recommended_max_minutes)
        self.recommended_until_edit.set_date(texts.recommended_until)
        self.recommendation_combo.setCurrentIndex(
            max(0, self.recommendation_combo.findData(texts.recommendation)))
        self.recipient_edit.setText(report.recipient if report else "")
        if report is not None:  # a report stays about the grant it was written for
            self.grant_combo.setCurrentIndex(self.grant_combo.findData(report.grant_id))
            self.unlinked_check.setChecked(report.include_unlinked_goals)
        self.grant_combo.setEnabled(report is None)
        self.unlinked_check.setEnabled(report is None)
        self.status_label.setText(self._status_text(report))
        comment = report.return_comment if report and report.is_editable else ""
        self.return_label.setText(self.tr("Sent back: {comment}").format(comment=comment)
                                  if comment else "")
        self.return_label.setVisible(bool(comment))
        editable = report is None or report.is_editable
        for widget in (self.assessment_edit, self.view_edit, self.steps_edit,
                       self.deviation_edit):
            widget.setReadOnly(not editable)
        for control in (self.recommendation_combo, self.start_edit, self.end_edit,
                        self.recommended_hours, self.recommended_until_edit):
            control.setEnabled(editable)
        self.save_button.setEnabled(report is not None and editable)
        self.approve_button.setEnabled(report is not None and editable)
        self.return_button.setEnabled(report is not None and editable)
        self.sent_button.setEnabled(report is not None and report.status == workflow.APPROVED)
        self.print_button.setEnabled(report is not None)
        if report is not None:
            self.report_opened.emit(report.id)

    def _status_text(self, report: ReportRow | None) -> str:
        if report is None:
            return self.tr("No report chosen")
        if report.status == workflow.SENT and report.sent_on:
            return self.tr("Sent {date} to {recipient}").format(
                date=report.sent_on.strftime("%d-%m-%Y"), recipient=report.recipient)
        if report.status == workflow.APPROVED:
            return self.tr("Approved by {name} – locked").format(name=report.approved_by)
        return self.tr("Draft")

    # -- actions ----------------------------------------------------------------------

    def editor_values(self) -> dict[str, Any]:
        """What the form holds, as the service's draft fields (ValueError on a bad date)."""
        return {"period_from": self.start_edit.date_value(),
                "period_to": self.end_edit.date_value(),
                "mentor_assessment": self.assessment_edit.toPlainText(),
                "citizen_view": self.view_edit.toPlainText(),
                "next_steps": self.steps_edit.toPlainText(),
                "recommendation": self.recommendation_combo.currentData() or "",
                "deviation_reasons": self.deviation_edit.toPlainText(),
                "recommended_min_minutes": self.recommended_hours.minutes()[0],
                "recommended_max_minutes": self.recommended_hours.minutes()[1],
                "recommended_until": self.recommended_until_edit.date_value(),
                "recipient": self.recipient_edit.text()}

    def has_unsaved_changes(self) -> bool:
        """An open draft whose form differs from what was saved (closing the app asks)."""
        report = self.report
        if report is None or not report.is_editable:
            return False
        try:
            values = self.editor_values()
        except ValueError:
            return True  # a half-typed date is an edit too
        return any(values[name] != saved for name, saved in report.values().items())

    def _values_or_error(self) -> dict[str, Any] | None:
        try:
            return self.editor_values()
        except ValueError as error:
            show_error(self, str(error))
            return None

    def new_report(self) -> None:
        citizen_id, values = self.citizen_id(), self._values_or_error()
        if citizen_id is None or values is None:
            return
        period = Period(values["period_from"], values["period_to"]) \
            if values["period_from"] <= values["period_to"] else None
        if period is None:
            show_error(self, self.tr("The period ends before it starts."))
            return
        self._write(workflow.create_draft, citizen_id, period, label=self.tr("Creating report…"),
                    grant_id=self.grant_combo.currentData(),
                    include_unlinked_goals=self.unlinked_check.isChecked())

    def save(self, values: dict[str, Any] | None = None) -> None:
        report = self.report
        values = values or self._values_or_error()
        if report is None or values is None:
            return
        task: Task = self._write(
            workflow.save_draft, report.id, report.version, values, report.values(),
            label=self.tr("Saving report…"),
            failed=lambda message: self._save_failed(task.error, message, values))

    def _save_failed(self, error: object, message: str, values: dict[str, Any]) -> None:
        if not isinstance(error, EditConflict) or not error.conflicts:
            show_error(self, message)
            return
        dialog = ConflictDialog(error.conflicts, self._labels(), parent=self)
        if dialog.exec():
            report = self.report
            if report is not None:
                self.report = _with_version(report, error.current_version)
                self.save({**values, **error.merged, **dialog.resolved_values()})

    def _labels(self) -> dict[str, str]:
        return {"mentor_assessment": self.tr("Mentor's assessment"),
                "citizen_view": self.tr("Citizen's own view"),
                "next_steps": self.tr("Next steps"), "recommendation": self.tr("Recommendation"),
                "deviation_reasons": self.tr("Reasons for deviations"),
                "recommended_min_minutes": self.tr("Recommended weekly hours"),
                "recommended_max_minutes": self.tr("Recommended weekly hours"),
                "recommended_until": self.tr("Recommended until"),
                "recipient": self.tr("Recipient"), "period_from": self.tr("From"),
                "period_to": self.tr("To")}

    def approve(self) -> None:
        """Ask first: approval cannot be undone, the report is locked and its PDF frozen."""
        report = self.report
        if report is None:
            return
        self.approve_box = QMessageBox(
            QMessageBox.Icon.Question, "MentorDesk",
            self.tr("Approve the report? After approval it is locked: the texts can no longer "
                    "be changed, and the PDF is frozen as it looks now, so every later print "
                    "is exactly that PDF."), QMessageBox.StandardButton.NoButton, self)
        self.approve_box.setTextFormat(Qt.TextFormat.PlainText)
        confirm = self.approve_box.addButton(self.tr("Approve and lock"),
                                             QMessageBox.ButtonRole.AcceptRole)
        cancel = self.approve_box.addButton(self.tr("Cancel"), QMessageBox.ButtonRole.RejectRole)
        # Cancel is the default, so Enter cannot lock a report by accident.
        self.approve_box.setDefaultButton(cancel)
        self.approve_box.setEscapeButton(cancel)
        self.approve_box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box = self.approve_box
        box.finished.connect(
            lambda _result: self._approve(report) if box.clickedButton() is confirm else None)
        box.open()

    def _approve(self, report: ReportRow) -> None:
        self._write(workflow.approve, report.id, report.version,
                    label=self.tr("Approving and locking the report…"))

    def send_back(self, comment: str | None = None) -> None:
        report = self.report
        if report is None:
            return
        if comment is None:
            comment, accepted = QInputDialog.getMultiLineText(
                self, self.tr("Send back"), self.tr("Comment to the mentor:"))
            if not accepted:
                return
        self._write(workflow.send_back, report.id, report.version, comment,
                    label=self.tr("Sending back…"))

    def mark_sent(self) -> None:
        report = self.report
        if report is None:
            return
        partner_id = self.partner_combo.currentData()
        # The service checks a partner against the citizen's consent, and the authority
        # against the report's grant: only that grant's own authority receives it.
        grant = next((option for option in self._grant_options
                      if option.id == report.grant_id), None)
        if partner_id is None:
            authority_id = grant.authority_id if grant else None
            shown = grant.authority_name if grant else ""
        else:
            authority_id, shown = None, self.partner_combo.currentText()
        recipient = self.recipient_edit.text().strip() or shown
        self._write(workflow.mark_sent, report.id, report.version, date.today(), recipient,
                    authority_id=authority_id, partner_id=partner_id,
                    label=self.tr("Recording sending…"))

    def preview_pdf(self) -> None:
        citizen_id, values = self.citizen_id(), self._values_or_error()
        if citizen_id is None or values is None:
            return
        if self.report is not None and not self.report.is_editable:
            self.print_pdf()
            return
        period = Period(values["period_from"], values["period_to"])
        texts = ReportTexts(values["mentor_assessment"], values["citizen_view"],
                            values["next_steps"], values["recommendation"],
                            values["deviation_reasons"], values["recommended_min_minutes"],
                            values["recommended_max_minutes"], values["recommended_until"])
        self._ops.run(workflow.preview_pdf, citizen_id, period, texts, owner=self, slot="pdf",
                      grant_id=self.grant_combo.currentData(),
                      include_unlinked_goals=self.unlinked_check.isChecked(),
                      label=self.tr("Building the report…"),
                      done=lambda pdf: self._open_preview(pdf, citizen_id, period, None))

    def print_pdf(self) -> None:
        report = self.report
        if report is None:
            return
        self._ops.run(workflow.report_pdf, report.id, owner=self, slot="pdf",
                      label=self.tr("Building the report…"),
                      done=lambda pdf: self._open_preview(pdf, report.citizen_id,
                                                          report.period, report.id))

    def _open_preview(self, pdf: bytes, citizen_id: int, period: Period,
                      report_id: int | None) -> None:
        self.preview = ReportPreviewDialog(pdf, self.citizen_combo.currentText(), self)
        self.preview.printed.connect(
            lambda pages: self._audit_print(citizen_id, period, pages, report_id))
        self.preview.open()
        self.preview_shown.emit(self.preview)

    def _audit_print(self, citizen_id: int, period: Period, pages: int,
                     report_id: int | None) -> None:
        self._ops.run(workflow.record_print, citizen_id, period, pages, report_id=report_id,
                      owner=self, slot="print", label=self.tr("Recording the print…"),
                      done=lambda _result: self.print_recorded.emit())

    def _write(self, operation: Callable[..., Result[ReportRow]], *args: Any, label: str,
               failed: Callable[[str], None] | None = None, **kwargs: Any) -> Task:
        """Run a write on the report; the change hub then has the list read again,
        with the report written chosen."""
        return self._ops.run(operation, *args, owner=self, slot="write", label=label,
                             done=self._written, failed=failed, **kwargs)

    def _written(self, row: ReportRow) -> None:
        self._select_after_load = row.id
        if self.report is not None and self.report.id == row.id:
            self.report = row  # the form now holds what is saved: nothing is unsaved


def _with_version(report: ReportRow, version: int) -> ReportRow:
    return replace(report, version=version)
