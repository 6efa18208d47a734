"""Fixed vocabularies: English stored codes, Danish labels."""

import pytest

from mentordesk.domain.codes import Attendance, CitizenStatus, ContactForm, GoalStatus, Role


def test_contact_forms():
    assert ContactForm.choices() == [
        ("home_visit", "Hjemmebesøg"),
        ("public_space", "Offentligt rum"),
        ("activity_centre", "Aktivitets- og samværstilbud"),
        ("accompaniment", "Ledsagelse"),
        ("phone", "Telefon"),
        ("sms", "SMS"),
        ("online", "Online"),
        ("group", "Gruppe"),
    ]
    assert ContactForm.PHONE.is_remote and not ContactForm.HOME_VISIT.is_remote


def test_attendance():
    assert [a.label for a in Attendance] == ["Fremmøde", "Udeblevet"]
    assert Attendance("no_show") is Attendance.NO_SHOW


def test_citizen_status():
    assert CitizenStatus.choices() == [
        ("waiting", "Venter"),
        ("active", "Aktiv"),
        ("paused", "Pause"),
        ("closed", "Afsluttet"),
    ]
    assert CitizenStatus.PAUSED.is_open and not CitizenStatus.CLOSED.is_open


def test_roles():
    assert {r.value: r.label for r in Role} == {
        "mentor": "Mentor",
        "coordinator": "Koordinator",
        "admin": "Administrator",
    }


def test_goal_status():
    assert [g.label for g in GoalStatus] == [
        "Ikke påbegyndt",
        "I gang",
        "Delvist opnået",
        "Opnået",
        "Ændret",
        "Opgivet",
    ]
    assert GoalStatus.ACHIEVED.is_finished and not GoalStatus.IN_PROGRESS.is_finished


def test_values_are_plain_strings_for_storage():
    assert GoalStatus.IN_PROGRESS == "in_progress"
    assert f"{Role.ADMIN}" == "admin"
    assert str(ContactForm.SMS) == "sms"


def test_from_label():
    assert GoalStatus.from_label("ændret") is GoalStatus.CHANGED
    with pytest.raises(ValueError, match="Ukendt"):
        Role.from_label("Chef")
