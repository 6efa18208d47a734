"""Timer page: an ISO week typed (week 53), under/over flags as text, mentor capacity,
period totals, the xlsx export and the billing basis (xlsx and PDF)."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt

from mentordesk.domain.codes import ContactForm
from mentordesk.kernel.changes import Changes, Kind
from mentordesk.kernel.context import Context
from mentordesk.services.catalogue_admin import AuthorityInput, create_authority, load_catalogue
from mentordesk.services.citizens import NewCitizen
from mentordesk.services.contacts import NewContact, log_contact
from mentordesk.services.grants import GrantInput, create_grant
from ui.views.hours.billing_dialog import PDF, XLSX, BillingDialog
from ui.views.hours.columns import granted_text, hours_text
from ui.views.hours.page import HoursPage
from ui.workspace import load_workspace

GITTE, HENRIK = 1, 2
TODAY = date(2027, 1, 15)


@pytest.fixture
def workspace(database_path, make_database):
    database = make_database(database_path, [
        NewCitizen(first_name="Gitte", last_name="Gram", cpr="0101909003"),
        NewCitizen(first_name="Henrik", last_name="Holm")], keep_open=True)
    workspace = load_workspace(database)
    actor = workspace.actor
    basis = next(b.id for b in load_catalogue(database).legal_bases if b.code == "SEL §85")
    authority = create_authority(Context(database, actor), AuthorityInput("Aarhus Kommune")).value
    create_grant(Context(database, actor), GITTE, GrantInput(
        legal_basis_id=basis, start_on=date(2026, 12, 1), authority_id=authority.id,
        hours_min_minutes=120, hours_max_minutes=240, price_model="per_hour",
        price_oere=50_000))
    create_grant(Context(database, actor), HENRIK, GrantInput(
        legal_basis_id=basis, start_on=date(2026, 12, 1), hours_min_minutes=60))
    # Week 53 of 2026 runs 28-12-2026 .. 03-01-2027; contacts on both sides of New Year.
    for day, minutes in ((date(2026, 12, 29), 180), (date(2027, 1, 2), 120)):
        log_contact(Context(database, actor), NewContact(
            citizen_id=GITTE, duration_minutes=minutes, form=ContactForm.HOME_VISIT,
            contact_on=day, start_time=time(10)), today=TODAY)
    log_contact(Context(database, actor), NewContact(
        citizen_id=HENRIK, duration_minutes=30, form=ContactForm.PHONE,
        contact_on=date(2026, 12, 30)), today=TODAY)
    return workspace


@pytest.fixture
def page(qtbot, workspace, make_ops):
    hours = HoursPage(make_ops(workspace), "Timer", today=TODAY)
    qtbot.addWidget(hours)
    with qtbot.waitSignal(hours.loaded, timeout=10_000):
        hours.show()
    return hours


def cells(model, row: int) -> list[str]:
    return [model.index(row, column).data() for column in range(model.columnCount())]


def test_hour_texts():
    assert (hours_text(90), hours_text(60), hours_text(35), hours_text(None)) == (
        "1,5 t", "1 t", "0,58 t", "–")
    assert (granted_text(240, 360), granted_text(300, None), granted_text(None, None),
            granted_text(0, 900)) == ("4–6 t", "min. 5 t", "–", "op til 15 t")


def test_week_53_typed_shows_granted_delivered_and_flags(qtbot, page):
    page.week_edit.setText("2026-W53")
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        page.week_edit.returnPressed.emit()
    assert page.week_label.text() == "Uge 53, 2026 · 28-12-2026 – 03-01-2027"
    assert cells(page.citizen_model, 0) == [
        "Gitte Gram", "", "2–4 t", "5 t", "0 t", "Over (1 t for meget)"]
    assert cells(page.citizen_model, 1) == [
        "Henrik Holm", "", "min. 1 t", "0,5 t", "0 t", "Under (mangler 0,5 t)"]
    look = page.citizen_model.index(1, 0).data(0x8)  # BackgroundRole: the under colour
    assert look is not None
    [mentor] = page.mentor_model.rows()
    assert mentor.week.delivered_minutes == 5 * 60 + 30
    # The period defaults to the week's month (by its Thursday: 31-12-2026 → December).
    assert (page.from_edit.text(), page.to_edit.text()) == ("01-12-2026", "31-12-2026")
    totals = {row.citizen_name: row.total for row in page.total_model.rows()}
    assert totals["Gitte Gram"].delivered_minutes == 300
    assert totals["Henrik Holm"].weeks_under == totals["Henrik Holm"].weeks  # every week


def test_bad_week_is_refused_in_danish(qtbot, page):
    page.week_edit.setText("2027-W53")
    page.week_edit.returnPressed.emit()
    assert page.error_label.isVisible()
    assert "Uge 53 findes ikke i 2027" in page.error_label.text()


def test_export_xlsx_of_the_period(qtbot, page, tmp_path):
    page.set_week(date(2026, 12, 28))
    target = tmp_path / "timer.xlsx"
    with qtbot.waitSignal(page.exported, timeout=15_000) as signal:
        page.export_to(target)
    assert signal.args[0] == target and target.is_file()
    book = load_workbook(target)
    text = " ".join(str(cell.value) for sheet in book for row in sheet.iter_rows()
                    for cell in row if cell.value is not None)
    assert "Gitte Gram" in text and "Henrik Holm" in text


def test_billing_basis_preview_and_exports(qtbot, workspace, make_ops, tmp_path, pdf_text):
    dialog = BillingDialog(make_ops(workspace), month=date(2026, 12, 1))
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.loaded, timeout=10_000):
        dialog.show()
    assert dialog.authority_combo.currentText() == "Aarhus Kommune"
    [line] = dialog.model.rows()
    assert line.citizen_name == "Gitte Gram" and line.delivered_minutes == 180
    assert dialog.total_label.text() == "I alt: 1.500,00 kr. · 1 linje"
    for kind in (XLSX, PDF):
        target = tmp_path / f"afregning.{kind}"
        with qtbot.waitSignal(dialog.exported, timeout=15_000):
            dialog.export_to(target, kind)
        assert target.stat().st_size > 0
    assert "Gitte Gram" in pdf_text(tmp_path / "afregning.pdf")


def test_running_week_with_enough_booked_reads_paa_vej_not_red(qtbot, workspace, make_ops):
    """Issue #14: TODAY (Friday 15-01-2027) is in 2027-W02. Henrik (min. 1 t) has nothing
    delivered but 1,5 t booked for Saturday: "På vej", in blue, not counted under. Gitte
    (2–4 t) has nothing delivered or booked: still "Under"."""
    from mentordesk.domain.catalogue import hours_flag_label
    from mentordesk.schedule import AppointmentInput, create_appointment
    from ui.views.hours.columns import FLAG_LOOKS

    create_appointment(Context(workspace.database, workspace.actor), AppointmentInput(
        citizen_id=HENRIK, mentor_ids=(workspace.actor.user_id,),
        starts_at=datetime(2027, 1, 16, 10), duration_minutes=90, form="home_visit"),
        today=TODAY)
    hours = HoursPage(make_ops(workspace), "Timer", today=TODAY)
    qtbot.addWidget(hours)
    with qtbot.waitSignal(hours.loaded, timeout=10_000):
        hours.show()
    assert hours.week_label.text().startswith("Uge 2, 2027")
    model = hours.citizen_model
    rows = {cells(model, row)[0]: row for row in range(model.rowCount())}
    henrik = cells(hours.citizen_model, rows["Henrik Holm"])
    assert henrik[2:] == ["min. 1 t", "0 t", "1,5 t", "På vej"]
    assert henrik[-1] == hours_flag_label("on_track")
    background = hours.citizen_model.index(rows["Henrik Holm"], 0).data(0x8)
    assert background.color().name() == FLAG_LOOKS["on_track"][0]
    assert background.color().name() != FLAG_LOOKS["under"][0]
    gitte = cells(hours.citizen_model, rows["Gitte Gram"])
    assert gitte[2:] == ["2–4 t", "0 t", "0 t", "Under (mangler 2 t)"]


def test_billing_flags_hours_over_the_grant_in_red_not_billed(qtbot, workspace, make_ops):
    """Week 53 gave Gitte 3 t + 2 t against a 2–4 t band: the last hour (02-01-2027) is over
    the grant. January bills one hour and shows the other, red, as needing approval."""
    dialog = BillingDialog(make_ops(workspace), month=date(2027, 1, 1))
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.loaded, timeout=10_000):
        dialog.show()
    [line] = dialog.model.rows()
    assert (line.delivered_minutes, line.over_grant_minutes, line.amount_oere) == (
        120, 60, 50_000)
    headers = [dialog.model.headerData(c, Qt.Orientation.Horizontal)
               for c in range(dialog.model.columnCount())]
    over = dialog.model.index(0, headers.index("Over bevilling"))
    assert over.data() == "1 t – kræver godkendelse"
    assert over.data(Qt.ItemDataRole.BackgroundRole) is not None
    assert dialog.over_label.isVisibleTo(dialog)
    assert "Over bevilling — kræver godkendelse: 1 t" in dialog.over_label.text()
    assert dialog.ean_label.text() == "EAN-nummer: ikke angivet"


def test_anonymous_contact_counted_with_plus_one_and_listed_per_mentor(qtbot, page):
    """The Timer page counts an outreach contact with someone unregistered in one click,
    asks for no name, and lists the count per week and mentor."""
    page.tabs.setCurrentWidget(page.around.anonymous_page)
    counter = page.around.counter
    assert [counter.layout().itemAt(i).widget().__class__.__name__
            for i in range(counter.layout().count() - 1)] == [
        "DanishDateEdit", "QSpinBox", "QComboBox", "QComboBox", "QPushButton", "QPushButton",
        "QLabel"]   # day, minutes, form, legal basis, +1, −1: no field for who it was
    counter.date_edit.set_date(date(2027, 1, 12))
    counter.minutes_spin.setValue(10)
    for _ in range(2):
        with qtbot.waitSignal(counter.counted, timeout=10_000):
            counter.plus_button.click()
    assert counter.message_label.text() == "2 anonyme kontakter den dag"
    assert counter.minutes_spin.value() == 0  # the minutes went with the first one
    qtbot.waitUntil(lambda: [(row.period_label, row.count, row.minutes)
                             for row in page.around.tally_model.rows()] == [
        ("Uge 2, 2027", 2, 10)], timeout=10_000)
    with qtbot.waitSignal(counter.counted, timeout=10_000):
        counter.minus_button.click()
    qtbot.waitUntil(lambda: [row.count for row in page.around.tally_model.rows()] == [1],
                    timeout=10_000)
    [around] = page.around.around_model.rows()
    assert around.anonymous_count == 1


def settle(seconds: float = 0.4) -> None:
    """Let a worker finish and its answer arrive, as the event loop would."""
    import time as clock

    from PySide6.QtWidgets import QApplication

    deadline = clock.monotonic() + seconds
    while clock.monotonic() < deadline:
        QApplication.processEvents()
        clock.sleep(0.02)


def test_a_second_visit_counts_nothing_again_until_the_log_changes(qtbot, page, hub):
    counted = []
    page.loaded.connect(lambda: counted.append(page.monday))
    page.hide()
    page.show()
    settle()
    assert counted == []  # a visit alone is no reason to recount the team's hours

    page.hide()
    hub.publish(Changes.of(Kind.CONTACTS, citizen=GITTE))
    settle()
    assert counted == []  # hidden: noted, counted when shown
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        page.show()
    settle()
    assert len(counted) == 1

    hub.publish(Changes.of(Kind.CONTACTS, citizen=GITTE))  # shown: counted at once
    qtbot.waitUntil(lambda: len(counted) == 2, timeout=10_000)
