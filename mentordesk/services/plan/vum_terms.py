"""VUM 2.0 goal themes as editable reference data (the ``vum_term`` table).

Seeded from KL's FFB (*Aktivitet og deltagelse*: Relationer, Kommunikation, … with their
sub-themes). A team may rename a term, hide one it never uses, or add a local sub-theme
(``local:`` code). Goals keep the code, so none of this rewrites a plan. Databases made
before the table was seeded are seeded on first use.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy.orm import Session

from mentordesk import audit
from mentordesk.domain.vum import ACTIVITY_AND_PARTICIPATION_CODE
from mentordesk.errors import InvalidInput, NotFound
from mentordesk.kernel.access import require_admin
from mentordesk.kernel.changes import Changes, Kind, Result
from mentordesk.kernel.cleaning import clean_line
from mentordesk.kernel.context import Context
from mentordesk.services.catalogue import seed_vum_terms
from mentordesk.services.plan.values import ThemeChoice, VumTermItem
from mentordesk.storage.database import Database
from mentordesk.storage.models import VumTerm
from mentordesk.storage.queries.vum import term_count, term_with_code, terms_in_order

LOCAL_PREFIX = "local:"
ROOT = ACTIVITY_AND_PARTICIPATION_CODE


@dataclass(frozen=True)
class TermRow:
    code: str
    parent_code: str | None
    name: str
    active: bool
    position: int


def goal_terms(session: Session) -> dict[str, TermRow]:
    """Every goal theme and sub-theme by code, hidden ones included, in display order."""
    if session.scalar(term_count(ROOT)) == 0:
        seed_vum_terms(session)
    rows = session.scalars(terms_in_order(ROOT))
    return {row.code: TermRow(row.code, row.parent_code, row.name, row.active, row.position)
            for row in rows}


def theme_choices(database: Database) -> list[ThemeChoice]:
    """Active goal themes (Aktivitet og deltagelse) with their active sub-themes."""
    with database.session() as session:
        terms = goal_terms(session)
    return [
        ThemeChoice(theme.code, theme.name, [
            ThemeChoice(sub.code, sub.name) for sub in terms.values()
            if sub.parent_code == theme.code and sub.active
        ])
        for theme in terms.values() if theme.parent_code == ROOT and theme.active
    ]


def theme_name(database: Database, code: str) -> str:
    """The team's name for a theme or sub-theme code ("" for an unknown code)."""
    with database.session() as session:
        term = goal_terms(session).get(code)
    return term.name if term else ""


def vum_terms(context: Context) -> list[VumTermItem]:
    """All goal themes and sub-themes, hidden ones too (admin settings), themes first
    followed by their sub-themes."""
    require_admin(context.actor)
    with context.session() as session:
        goal_terms(session)
        rows = {row.code: row for row in session.scalars(terms_in_order(ROOT))}
    ordered: list[VumTermItem] = []
    for theme in (row for row in rows.values() if row.parent_code == ROOT):
        ordered.append(_item(theme))
        ordered += [_item(row) for row in rows.values() if row.parent_code == theme.code]
    return ordered


def _item(row: VumTerm) -> VumTermItem:
    return VumTermItem(row.id, row.version, row.code, row.parent_code, row.name, row.active,
                       row.code.startswith(LOCAL_PREFIX))


# The team's goal themes: every plan showing a theme name may read differently.
_TERMS_CHANGED = Changes.of(Kind.CATALOGUE)


def rename_term(context: Context, code: str, name: str) -> Result[None]:
    """Admin only: the team's own name for a term; goals keep the code."""
    require_admin(context.actor)
    cleaned = clean_line(VumTerm, "name", name, "Navn", required=True)
    with context.session() as session:
        term = _term(session, code)
        if term.name == cleaned:
            return Result(None)
        old = term.name
        term.name = cleaned
        session.flush()
        audit.record(session, context.actor.login, audit.Action.UPDATE, entity="vum_term",
                     entity_id=term.id, detail=f"VUM-tema omdøbt: »{old}« → »{cleaned}«")
    return Result(None, _TERMS_CHANGED)


def set_term_active(context: Context, code: str, active: bool) -> Result[None]:
    """Admin only: hide a term from new goals (goals that use it keep it)."""
    require_admin(context.actor)
    with context.session() as session:
        term = _term(session, code)
        if term.active == active:
            return Result(None)
        term.active = active
        session.flush()
        audit.record(session, context.actor.login, audit.Action.UPDATE, entity="vum_term",
                     entity_id=term.id,
                     detail=f"VUM-tema {'vist' if active else 'skjult'}: »{term.name}«")
    return Result(None, _TERMS_CHANGED)


def add_local_term(context: Context, parent_code: str, name: str) -> Result[str]:
    """Admin only: a team's own sub-theme under a theme; its value is the ``local:``
    code."""
    require_admin(context.actor)
    cleaned = clean_line(VumTerm, "name", name, "Navn", required=True)
    with context.session() as session:
        terms = goal_terms(session)
        parent = terms.get(parent_code)
        if parent is None or parent.parent_code != ROOT:
            raise InvalidInput("Et lokalt undertema skal høre under et af VUM-temaerne.")
        siblings = [term for term in terms.values() if term.parent_code == parent_code]
        if any(term.name.casefold() == cleaned.casefold() for term in siblings):
            raise InvalidInput(f"Temaet »{parent.name}« har allerede undertemaet »{cleaned}«.")
        code = LOCAL_PREFIX + uuid.uuid4().hex[:12]
        position = max((term.position for term in terms.values()), default=0) + 1
        term = VumTerm(code=code, parent_code=parent_code, name=cleaned, tree=ROOT,
                       position=position, active=True)
        session.add(term)
        session.flush()
        audit.record(session, context.actor.login, audit.Action.CREATE, entity="vum_term",
                     entity_id=term.id,
                     detail=f"Lokalt undertema oprettet under »{parent.name}«: »{cleaned}«")
    return Result(code, _TERMS_CHANGED)


def _term(session: Session, code: str) -> VumTerm:
    goal_terms(session)
    term = session.scalar(term_with_code(code))
    if term is None:
        raise NotFound("VUM-temaet findes ikke.")
    return term
