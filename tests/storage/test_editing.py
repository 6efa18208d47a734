"""Versioned edits: a stale save is caught, and both users' text survives."""

from __future__ import annotations

import pytest

from mentordesk.kernel.context import Context
from mentordesk.kernel.editing import EditConflict, apply_edit
from mentordesk.services.citizens import NewCitizen, create_citizen
from mentordesk.storage.models import Citizen

pytestmark = pytest.mark.both_backends


def _load(database, citizen_id):
    with database.read_session() as session:
        citizen = session.get(Citizen, citizen_id)
        return citizen.version, {"phone": citizen.phone, "note": citizen.note,
                                 "address": citizen.address}


def _edit(database, citizen_id, version, changes, original=None):
    with database.session() as session:
        return apply_edit(session, session.get(Citizen, citizen_id), version, changes, original)


def test_edit_at_current_version_saves_and_bumps_version(database, admin):
    citizen_id = create_citizen(Context(database, admin),
                                NewCitizen(first_name="Vera", last_name="Vers")).value
    version, original = _load(database, citizen_id)
    diff = _edit(database, citizen_id, version, {"phone": "11223344", "note": ""}, original)
    assert diff == {"phone": ("", "11223344")}
    assert _load(database, citizen_id) == (version + 1, {**original, "phone": "11223344"})


def test_stale_edit_reports_conflicts_and_keeps_untouched_fields(database, admin):
    citizen_id = create_citizen(Context(database, admin),
                                NewCitizen(first_name="Vera", last_name="Vers")).value
    version, original = _load(database, citizen_id)
    # Another user saves first: a new note.
    _edit(database, citizen_id, version, {"note": "Deres tekst <b>&"}, original)
    with pytest.raises(EditConflict) as caught:
        _edit(database, citizen_id, version,
              {"note": "Min tekst =SUM(A1)", "phone": "99887766"}, original)
    conflict = caught.value
    assert conflict.current_version == version + 1
    assert [(c.field, c.mine, c.theirs) for c in conflict.conflicts] == [
        ("note", "Min tekst =SUM(A1)", "Deres tekst <b>&")]
    assert conflict.merged == {"phone": "99887766"}
    # Nothing of mine was written by the refused save.
    assert _load(database, citizen_id)[1]["phone"] == ""
    # Resolving: keep both texts, save against the new version.
    resolved = {**conflict.merged, "note": "Deres tekst <b>&\nMin tekst =SUM(A1)"}
    _edit(database, citizen_id, conflict.current_version, resolved)
    assert _load(database, citizen_id)[1]["note"] == "Deres tekst <b>&\nMin tekst =SUM(A1)"


def test_unchanged_form_fields_never_conflict(database, admin):
    """A form that sends every field must not undo or dispute what only they changed."""
    citizen_id = create_citizen(Context(database, admin),
                                NewCitizen(first_name="Vera", last_name="Vers")).value
    version, original = _load(database, citizen_id)
    _edit(database, citizen_id, version, {"note": "Deres note"}, original)
    # My form sends all fields; I changed only the phone: merged without a dialog.
    diff = _edit(database, citizen_id, version, {**original, "phone": "12121212"}, original)
    assert diff == {"phone": ("", "12121212")}
    assert _load(database, citizen_id)[1] == {**original, "note": "Deres note",
                                              "phone": "12121212"}
