"""The contact form's grant picker: the core's rule suggests by date, "Ikke tilknyttet"
is always there, and a grant the user chose is kept."""

from __future__ import annotations

from datetime import date

from mentordesk.domain.grant_choice import GrantOption
from ui.views.contacts.entry_form import ContactEntryForm

ENDING = GrantOption(1, "SEL §12", None, date(2026, 9, 1), date(2026, 11, 17))
STARTING = GrantOption(2, "LAB §31b", None, date(2026, 11, 18), None)


def test_the_picker_follows_the_date_until_the_user_picks(qtbot):
    form = ContactEntryForm()
    qtbot.addWidget(form)
    form.date_edit.set_value(date(2026, 11, 17))
    form.set_grant_options([ENDING, STARTING])
    texts = [form.grant_combo.itemText(i) for i in range(form.grant_combo.count())]
    assert texts[-1] == "Ikke tilknyttet" and len(texts) == 3
    assert form.values()["grant_id"] == 1
    form.date_edit.set_value(date(2026, 11, 18))
    assert form.values()["grant_id"] == 2
    form.date_edit.set_value(date(2026, 8, 1))  # no grant runs: shown as not attributed
    assert form.values()["grant_id"] is None
    assert form.grant_combo.currentText() == "Ikke tilknyttet"
    form.grant_combo.setCurrentIndex(0)
    form.grant_combo.activated.emit(0)
    form.date_edit.set_value(date(2026, 11, 20))
    assert form.values()["grant_id"] == 1  # the user's choice; the core checks it on save
