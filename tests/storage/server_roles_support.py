"""A provisioned team server for the role and log tests: ``server init`` on an empty
database of the throwaway cluster, people added as login roles, citizens and contacts,
and raw psycopg connections as each person (exactly what ``psql`` would give them)."""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta

import psycopg

from mentordesk.domain.codes import ContactForm, Role
from mentordesk.kernel.context import Context
from mentordesk.server import provision
from mentordesk.services.citizens import NewCitizen, create_citizen
from mentordesk.services.team import resolve_actor
from mentordesk.storage.database import ServerDatabase
from mentordesk.storage.engine import ServerProfile
from mentordesk.storage.models import Absence, AbsenceCover, Assignment, Contact, User
from tests.server_support import ServerDatabases

PASSWORD = "hemmeligt kodeord æøå 2026"
TODAY = date.today()


@dataclass
class Team:
    """One provisioned team: its logins (role → login), citizens by name, contacts."""

    databases: ServerDatabases
    superuser: ServerProfile
    logins: dict[str, str]
    citizens: dict[str, int] = field(default_factory=dict)
    contacts: dict[str, int] = field(default_factory=dict)

    def profile(self, who: str) -> ServerProfile:
        """The app's connection profile for one person (TLS, SCRAM, their own login)."""
        su = self.superuser
        return ServerProfile(su.host, su.port, su.dbname, self.logins[who], PASSWORD,
                             su.ca_file)

    def connect(self, who: str, *, autocommit: bool = True) -> psycopg.Connection:
        """A raw connection as one person over TLS: what ``psql`` would give them."""
        profile = self.profile(who)
        return psycopg.connect(host=profile.host, port=profile.port, dbname=profile.dbname,
                               user=profile.login, password=PASSWORD, sslmode="verify-full",
                               sslrootcert=str(profile.ca_file), autocommit=autocommit)

    def admin_engine(self):  # type: ignore[no-untyped-def]
        """IT's connection as IT makes it: the cluster's superuser over verified TLS."""
        return provision.open_admin_engine(self.superuser)


def build_team(databases: ServerDatabases) -> Iterator[Team]:
    """``server init`` plus: admin, mentors anna and bo, coordinator cille; citizens
    Aase (anna's), Bent (bo's), Cora (bo's, anna covers bo's absence today) and Dorit
    (anna's assignment ended yesterday); one contact per citizen."""
    profile = databases.create_empty()
    suffix = secrets.token_hex(3)
    logins = {who: f"{who}_{suffix}" for who in ("admin", "anna", "bo", "cille")}
    team = Team(databases, profile, logins)
    engine = team.admin_engine()
    try:
        provision.initialise(engine, "Testteamet", logins["admin"], PASSWORD)
        for who, role in (("anna", Role.MENTOR), ("bo", Role.MENTOR),
                          ("cille", Role.COORDINATOR)):
            provision.add_user(engine, logins[who], PASSWORD, role, who.title())
    finally:
        engine.dispose()
    _fill(team)
    try:
        yield team
    finally:
        databases.drop(profile)


def _fill(team: Team) -> None:
    database = ServerDatabase.connect(team.superuser)
    try:
        admin = resolve_actor(database, team.logins["admin"])
        for name in ("Aase", "Bent", "Cora", "Dorit"):
            team.citizens[name] = create_citizen(
                Context(database, admin), NewCitizen(first_name=name, last_name="Testesen")
            ).value
        with database.session() as session:
            ids = {who: session.query(User).filter_by(login=login).one().id
                   for who, login in team.logins.items()}
            _assign(session, team.citizens, ids)
            for name, citizen_id in team.citizens.items():
                contact = Contact(citizen_id=citizen_id, mentor_id=ids["admin"],
                                  contact_on=TODAY, duration_minutes=60,
                                  form=ContactForm.HOME_VISIT.value, note=f"Note om {name}")
                session.add(contact)
                session.flush()
                team.contacts[name] = contact.id
    finally:
        database.close()


def _assign(session, citizens: dict[str, int], ids: dict[str, int]) -> None:  # type: ignore[no-untyped-def]
    month_ago = TODAY - timedelta(days=30)
    session.add_all([
        Assignment(citizen_id=citizens["Aase"], user_id=ids["anna"], kind="primary",
                   start_on=month_ago),
        Assignment(citizen_id=citizens["Bent"], user_id=ids["bo"], kind="primary",
                   start_on=month_ago),
        Assignment(citizen_id=citizens["Cora"], user_id=ids["bo"], kind="primary",
                   start_on=month_ago),
        Assignment(citizen_id=citizens["Dorit"], user_id=ids["anna"], kind="primary",
                   start_on=month_ago, end_on=TODAY - timedelta(days=1)),
    ])
    absence = Absence(user_id=ids["bo"], kind="sick", start_on=TODAY - timedelta(days=1),
                      end_on=TODAY + timedelta(days=1))
    session.add(absence)
    session.flush()
    session.add(AbsenceCover(absence_id=absence.id, citizen_id=citizens["Cora"],
                             substitute_id=ids["anna"]))
