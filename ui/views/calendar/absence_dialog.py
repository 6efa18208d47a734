"""Register or change a mentor's absence (ferie, sygdom, kursus) with a substitute per
citizen.

The citizens listed are the absent mentor's current caseload, read on the worker when
the mentor is chosen (plus any citizen an existing absence already covers); each gets a
substitute (or none). The substitute sees those citizens while the absence lasts (the
core's access rule). Editing is version-checked: a stale save opens the conflict dialog.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QPlainTextEdit,
    QScrollArea,
    QWidget,
)

from mentordesk.domain.dates import format_date
from mentordesk.kernel.context import Context
from mentordesk.schedule.absence import (
    AbsenceInput,
    AbsenceKind,
    AbsenceRow,
    create_absence,
    edit_absence,
)
from mentordesk.services.citizens import list_citizens
from ui.operations import Operations
from ui.views.common.date_edit import DanishDateEdit
from ui.views.common.form_fields import select_data
from ui.views.common.record_dialog import RecordDialog, SaveJob


class AbsenceDialog(RecordDialog):
    def __init__(self, ops: Operations, *, citizens: list[tuple[int, str]],
                 mentors: list[tuple[int, str]], existing: AbsenceRow | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(ops, parent)
        self._mentors = mentors
        self._citizen_names = dict(citizens)
        self._caseload_loaded = False
        self.existing = existing
        self.setWindowTitle(self.tr("Change absence") if existing else self.tr("Absence"))
        self.mentor_combo = QComboBox()
        actor = ops.actor
        choices = list(mentors if actor.sees_all_citizens else [
            (actor.user_id, actor.full_name)])
        if existing is not None and existing.user_id not in dict(choices):
            choices.append((existing.user_id, existing.user_name))
        for mentor_id, name in choices:
            self.mentor_combo.addItem(name, mentor_id)
        select_data(self.mentor_combo, actor.user_id)
        self.kind_combo = QComboBox()
        for kind in AbsenceKind:
            self.kind_combo.addItem(kind.label, kind.value)
        self.from_edit = DanishDateEdit(self.tr("From"), required=True)
        self.to_edit = DanishDateEdit(self.tr("To"), required=True)
        self.from_edit.set_date(date.today())
        self.to_edit.set_date(date.today())
        self.note_edit = QPlainTextEdit()
        self.note_edit.setMaximumHeight(60)
        self.covers_box = QGroupBox(self.tr("Substitute per citizen"))
        self.covers_form = QFormLayout(self.covers_box)
        self.covers_hint = QLabel(self.tr("Loading the mentor's citizens…"))
        self.covers_form.addRow(self.covers_hint)
        self.cover_combos: dict[int, QComboBox] = {}
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.covers_box)
        scroll.setMinimumHeight(160)
        self.form.addRow(self.tr("&Mentor:"), self.mentor_combo)
        self.form.addRow(self.tr("&Kind:"), self.kind_combo)
        self.form.addRow(self.tr("&From:"), self.from_edit)
        self.form.addRow(self.tr("&To:"), self.to_edit)
        self.form.addRow(self.tr("&Note:"), self.note_edit)
        self.extra_layout.addWidget(scroll)
        self.mentor_combo.currentIndexChanged.connect(lambda _index: self.load_caseload())
        self.resize(520, 520)
        if existing is not None:
            self._fill(existing)
        self.load_caseload()

    def _fill(self, existing: AbsenceRow) -> None:
        self.mentor_combo.blockSignals(True)
        select_data(self.mentor_combo, existing.user_id)
        self.mentor_combo.blockSignals(False)
        select_data(self.kind_combo, existing.kind)
        self.from_edit.set_date(existing.start_on)
        self.to_edit.set_date(existing.end_on)
        self.note_edit.setPlainText(existing.note)
        self.edit(existing.version, existing.values())

    def load_caseload(self) -> None:
        self._caseload_loaded = False
        # One slot: choosing another mentor replaces a caseload still being read.
        self._ops.run(_caseload, self.mentor_combo.currentData(), owner=self, slot="caseload",
                      label=self.tr("Loading citizens…"), done=self._show_caseload)

    def _show_caseload(self, citizens: list[tuple[int, str]]) -> None:
        while self.covers_form.rowCount():
            self.covers_form.removeRow(0)
        self.cover_combos = {}
        absent = self.mentor_combo.currentData()
        covered = dict(self.existing.covers) if self.existing is not None else {}
        listed = {citizen_id for citizen_id, _name in citizens}
        self._citizen_names.update(dict(citizens))
        # Citizens the absence already covers stay listed, so saving never drops them.
        citizens = citizens + [(citizen_id, self._citizen_names.get(
            citizen_id, self.tr("Citizen {number}").format(number=citizen_id)))
            for citizen_id in covered if citizen_id not in listed]
        if not citizens:
            self.covers_form.addRow(QLabel(self.tr("The mentor has no citizens right now.")))
        for citizen_id, name in citizens:
            combo = QComboBox()
            combo.addItem(self.tr("(no substitute)"), None)
            for mentor_id, mentor_name in self._mentors:
                if mentor_id != absent:
                    combo.addItem(mentor_name, mentor_id)
            label = QLabel(name)
            label.setTextFormat(label.textFormat().PlainText)
            if citizen_id in covered:
                select_data(combo, covered[citizen_id])
            self.covers_form.addRow(label, combo)
            self.cover_combos[citizen_id] = combo
        self._caseload_loaded = True

    def collect(self) -> dict[str, Any]:
        if self.existing is not None and not self._caseload_loaded:
            # The substitutes are part of the edit: saving before they show would drop them.
            raise ValueError(self.tr("Wait a moment: the mentor's citizens are being loaded."))
        start_on, end_on = self.from_edit.date_value(), self.to_edit.date_value()
        covers = {citizen_id: combo.currentData()
                  for citizen_id, combo in self.cover_combos.items()
                  if combo.currentData() is not None}
        return {"user_id": self.mentor_combo.currentData(), "kind": self.kind_combo.currentData(),
                "start_on": start_on, "end_on": end_on, "note": self.note_edit.toPlainText(),
                "covers": covers}

    def create_job(self, values: dict[str, Any]) -> SaveJob:
        data = AbsenceInput(**values)
        return lambda context: create_absence(context, data)

    def update_job(self, version: int, changes: dict[str, Any],
                   original: dict[str, Any]) -> SaveJob:
        assert self.existing is not None
        absence_id = self.existing.id
        return lambda context: edit_absence(context, absence_id, version, changes, original)

    def field_labels(self) -> dict[str, str]:
        return {"user_id": self.tr("Mentor"), "kind": self.tr("Kind"),
                "start_on": self.tr("From"), "end_on": self.tr("To"),
                "note": self.tr("Note"), "covers": self.tr("Substitutes")}

    def text_fields(self) -> frozenset[str]:
        return frozenset({"note"})

    def shown(self, field: str, value: object) -> str:
        names = dict(self._mentors)
        if field in ("start_on", "end_on") and isinstance(value, date):
            return format_date(value)
        if field == "kind" and isinstance(value, str):
            return AbsenceKind(value).label
        if field == "user_id":
            return names.get(value, str(value))  # type: ignore[call-overload]
        if field == "covers" and isinstance(value, dict):
            return "\n".join(f"{self._citizen_names.get(citizen, citizen)} → "
                             f"{names.get(substitute, substitute)}"
                             for citizen, substitute in sorted(value.items())) \
                or self.tr("(no substitutes)")
        return super().shown(field, value)


def _caseload(context: Context, mentor_id: int) -> list[tuple[int, str]]:
    """The mentor's citizens now, as (id, name)."""
    return [(row.id, row.display_name)
            for row in list_citizens(context, mentor_id=mentor_id)]
