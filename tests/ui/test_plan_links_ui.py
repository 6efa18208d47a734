"""The goal's "Kontakter" tab links and unlinks contacts: "Tilknyt kontakter…" lists the
citizen's recent contacts not yet linked (several can be ticked), "Fjern tilknytning"
removes one after a question; both show in the list and the goal's history."""

from __future__ import annotations

from datetime import date, time

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox
from test_plan_ui_flows import (  # noqa: F401 - the fixtures
    CITIZEN,
    OTHER,
    TIMEOUT,
    goals,
    tab,
    workspace,
)

from mentordesk.kernel.context import Context
from mentordesk.services.plan import goal_contacts, goal_history
from mentordesk.storage.models import Contact


def add_contact(workspace, citizen_id: int, day: date, form: str, note: str = "") -> int:  # noqa: F811
    with workspace.database.session() as session:
        contact = Contact(citizen_id=citizen_id, mentor_id=workspace.actor.user_id,
                          contact_on=day, start_time=time(10, 0), duration_minutes=45,
                          form=form, note=note)
        session.add(contact)
        session.flush()
        return contact.id


def shown_plan(qtbot, tab):  # noqa: F811
    widget = tab.plan_widget
    with qtbot.waitSignal(widget.extras_loaded, timeout=TIMEOUT):
        widget.show_citizen(CITIZEN)
    widget.detail.tabs.setCurrentIndex(2)  # "Kontakter"
    return widget


def test_link_several_contacts_then_remove_one(qtbot, tab, workspace, goals):  # noqa: F811
    database, actor = workspace.database, workspace.actor
    march = add_contact(workspace, CITIZEN, date(2026, 3, 4), "accompaniment",
                        "Fulgtes til lægen <b>")
    april = add_contact(workspace, CITIZEN, date(2026, 4, 1), "home_visit", "Åbnede e-Boks")
    add_contact(workspace, CITIZEN, date(2026, 4, 20), "phone")
    add_contact(workspace, OTHER, date(2026, 4, 21), "phone")  # another citizen's
    widget = shown_plan(qtbot, tab)
    detail = widget.detail
    goal = detail.goal
    assert goal.title == "Tjekke e-Boks <selv>"
    assert detail.contacts_empty.isVisible()
    assert detail.link_contacts_button.text() == "Tilknyt kontakter…"
    assert detail.unlink_contact_button.text() == "Fjern tilknytning"
    assert not detail.unlink_contact_button.isEnabled()

    detail.link_contacts_button.click()
    dialog = widget.links.dialog
    qtbot.waitUntil(lambda: dialog.contacts_list.count() == 3, timeout=TIMEOUT)
    texts = [dialog.contacts_list.item(row).text() for row in range(3)]
    assert texts[0].startswith("20-04-2026 · Telefon")
    assert texts[2].startswith("04-03-2026 · Ledsagelse")
    assert texts[2].endswith("0,75 t · Fulgtes til lægen <b>")  # the one hour format
    assert not dialog.link_button.isEnabled()  # nothing ticked yet
    dialog.contacts_list.item(1).setCheckState(Qt.CheckState.Checked)
    dialog.contacts_list.item(2).setCheckState(Qt.CheckState.Checked)
    assert dialog.link_button.isEnabled()
    with qtbot.waitSignal(widget.extras_loaded, timeout=TIMEOUT):
        dialog.link_button.click()

    assert not dialog.isVisible()
    model = detail.contacts_model
    assert [model.index(row, 0).data() for row in range(model.rowCount())] == \
        ["01-04-2026", "04-03-2026"]
    assert not detail.contacts_empty.isVisible()
    linked = goal_contacts(Context(database, actor), goal.id)
    assert [c.contact_id for c in linked] == [april, march]
    history = detail.history_model
    linked = sorted(history.index(row, 5).data() for row in range(history.rowCount())
                    if history.index(row, 3).data() == "Kontakt")
    assert linked == ["01-04-2026 Hjemmebesøg", "04-03-2026 Ledsagelse"]

    detail.contacts_table.selectRow(1)
    assert detail.unlink_contact_button.isEnabled()
    detail.unlink_contact_button.click()
    box = widget.links.confirm_box
    assert "04-03-2026" in box.text() and "Ledsagelse" in box.text()
    with qtbot.waitSignal(widget.extras_loaded, timeout=TIMEOUT):
        box.button(QMessageBox.StandardButton.Yes).click()
    assert [model.index(row, 0).data() for row in range(model.rowCount())] == ["01-04-2026"]
    assert [c.contact_id for c in goal_contacts(Context(database, actor), goal.id)] == [april]
    removed = [(h.old_text, h.new_text) for h in goal_history(Context(database, actor), goal.id)
               if h.field_label == "Kontakt"]
    assert removed[0] == ("04-03-2026 Ledsagelse", "")
    rows = [(history.index(row, 4).data(), history.index(row, 5).data())
            for row in range(history.rowCount()) if history.index(row, 3).data() == "Kontakt"]
    assert ("04-03-2026 Ledsagelse", "") in rows


def test_cancel_links_nothing_and_all_linked_says_so(qtbot, tab, workspace, goals):  # noqa: F811
    database, actor = workspace.database, workspace.actor
    only = add_contact(workspace, CITIZEN, date(2026, 4, 1), "home_visit")
    widget = shown_plan(qtbot, tab)
    detail = widget.detail
    detail.link_contacts_button.click()
    dialog = widget.links.dialog
    qtbot.waitUntil(lambda: dialog.contacts_list.count() == 1, timeout=TIMEOUT)
    dialog.contacts_list.item(0).setCheckState(Qt.CheckState.Checked)
    dialog.findChild(QDialogButtonBox).button(
        QDialogButtonBox.StandardButton.Cancel).click()
    qtbot.wait(200)
    assert goal_contacts(Context(database, actor), detail.goal.id) == []

    # By keyboard: Space ticks the chosen contact, Enter links.
    detail.link_contacts_button.click()
    dialog = widget.links.dialog
    qtbot.waitUntil(lambda: dialog.contacts_list.count() == 1, timeout=TIMEOUT)
    qtbot.keyClick(dialog.contacts_list, Qt.Key.Key_Space)
    assert dialog.chosen_ids() == [only]
    with qtbot.waitSignal(widget.extras_loaded, timeout=TIMEOUT):
        qtbot.keyClick(dialog.contacts_list, Qt.Key.Key_Return)
    assert detail.contacts_model.rowCount() == 1

    detail.link_contacts_button.click()
    dialog = widget.links.dialog
    with qtbot.waitSignal(dialog.contacts_loaded, timeout=TIMEOUT):
        pass
    assert dialog.contacts_list.count() == 0
    assert dialog.empty_label.isVisible()
    assert "allerede knyttet" in dialog.empty_label.text()
