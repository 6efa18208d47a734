"""Shared setup for the schedule storage tests: rows written directly, fictitious people."""

from __future__ import annotations

from datetime import date, time

from mentordesk.domain.codes import Role
from mentordesk.domain.grant_choice import SUGGESTED, GrantPick
from mentordesk.services.grant_attribution import resolve_grant
from mentordesk.storage.models import Assignment, Citizen, Contact, Grant, LegalBasis, User


def add_user(database, login: str, name: str, role: Role = Role.MENTOR,
             capacity_minutes: int = 0) -> int:
    with database.session() as session:
        user = User(login=login, full_name=name, role=role.value,
                    weekly_capacity_minutes=capacity_minutes)
        session.add(user)
        session.flush()
        return user.id


def add_citizen(database, first: str, last: str, *, cpr: str | None = None,
                mentor_id: int | None = None, note: str = "") -> int:
    with database.session() as session:
        citizen = Citizen(first_name=first, last_name=last, cpr=cpr, status="active",
                          note=note, cpr_last4=(cpr or "")[-4:])
        session.add(citizen)
        session.flush()
        if mentor_id is not None:
            session.add(Assignment(citizen_id=citizen.id, user_id=mentor_id, kind="primary",
                                   start_on=date(2020, 1, 1)))
        return citizen.id


def add_grant(database, citizen_id: int, start_on: date, end_on: date | None,
              min_minutes: int | None, max_minutes: int | None, *,
              authority_id: int | None = None, price_model: str | None = None,
              price_oere: int | None = None) -> int:
    with database.session() as session:
        basis = session.query(LegalBasis).first()
        if basis is None:
            basis = LegalBasis(code="SEL §85", name="Socialpædagogisk støtte")
            session.add(basis)
            session.flush()
        grant = Grant(citizen_id=citizen_id, legal_basis_id=basis.id, start_on=start_on,
                      end_on=end_on, hours_min_minutes=min_minutes,
                      hours_max_minutes=max_minutes, authority_id=authority_id,
                      price_model=price_model, price_oere=price_oere)
        session.add(grant)
        session.flush()
        return grant.id


def add_contact(database, citizen_id: int, mentor_id: int, on: date, minutes: int, *,
                attended: bool = True, at: time | None = None,
                grant_id: GrantPick = SUGGESTED) -> int:
    """A contact as the app saves one: attributed to the rule's grant unless told."""
    with database.session() as session:
        contact = Contact(citizen_id=citizen_id, mentor_id=mentor_id, contact_on=on,
                          start_time=at, duration_minutes=minutes, form="home_visit",
                          attended=attended,
                          grant_id=resolve_grant(session, citizen_id, grant_id, on))
        session.add(contact)
        session.flush()
        return contact.id
