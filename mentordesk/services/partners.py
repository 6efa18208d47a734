"""Partners (*samarbejdspartnere*) and the citizen's consents to share with them.

The partner register is the team's address book (GP, psychiatry, jobcenter, creditors …);
anyone on the team keeps it up to date, a coordinator removes entries. A consent
(*samtykke*) is the citizen's permission to share information with one partner for one
purpose, from the day it was given until it expires or is withdrawn — the same window
``consent_rules.valid_consents`` checks before a contact or a report is shared.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass
from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from mentordesk import audit
from mentordesk.domain.dates import format_date
from mentordesk.domain.labels import LabeledStrEnum
from mentordesk.domain.text import danish_sort_key
from mentordesk.errors import InvalidInput, NotFound
from mentordesk.kernel.access import require_citizen, require_coordinator
from mentordesk.kernel.actor import Actor
from mentordesk.kernel.changes import NOTHING, Changes, Kind, Result
from mentordesk.kernel.cleaning import (
    clean_email,
    clean_flag,
    clean_line,
    clean_note,
    optional_date,
)
from mentordesk.kernel.context import Context
from mentordesk.kernel.editing import checked_edit, require_version
from mentordesk.services.catalogue_admin import Removal
from mentordesk.storage.models import Consent, Partner
from mentordesk.storage.queries.consents import citizen_consents
from mentordesk.storage.queries.partners import all_partners, partner_uses

# "Udløber snart": time enough to ask the citizen to renew before the consent lapses.
EXPIRING_WITHIN_DAYS = 30


class PartnerKind(LabeledStrEnum):
    GP = "gp", "Egen læge"
    PSYCHIATRY = "psychiatry", "Distriktspsykiatri"
    ADDICTION = "addiction", "Misbrugsbehandling"
    JOBCENTER = "jobcenter", "Jobcenter"
    HOUSING = "housing", "Boligkontor"
    CREDITOR = "creditor", "Kreditor"
    OTHER = "other", "Andet"


class ConsentState(LabeledStrEnum):
    VALID = "valid", "Gyldig"
    EXPIRING = "expiring", "Udløber snart"
    EXPIRED = "expired", "Udløbet"
    WITHDRAWN = "withdrawn", "Trukket tilbage"

    @property
    def in_force(self) -> bool:
        return self in (ConsentState.VALID, ConsentState.EXPIRING)


def consent_state(expires_on: date | None, withdrawn_on: date | None,
                  today: date) -> ConsentState:
    """A consent stops counting ON its expiry or withdrawal date (as in consent_rules)."""
    if withdrawn_on is not None and withdrawn_on <= today:
        return ConsentState.WITHDRAWN
    if expires_on is not None and expires_on <= today:
        return ConsentState.EXPIRED
    if expires_on is not None and (expires_on - today).days <= EXPIRING_WITHIN_DAYS:
        return ConsentState.EXPIRING
    return ConsentState.VALID


def _kind_label(kind: str) -> str:
    return PartnerKind(kind).label if kind in set(PartnerKind) else kind


# --- partners -----------------------------------------------------------------------------

PARTNER_FIELDS = ("name", "kind", "organisation", "phone", "email", "note", "active")


@dataclass(frozen=True)
class PartnerInput:
    name: str
    kind: str = PartnerKind.OTHER.value
    organisation: str = ""
    phone: str = ""
    email: str = ""
    note: str = ""
    active: bool = True


@dataclass(frozen=True)
class PartnerItem(PartnerInput):
    id: int = 0
    version: int = 0
    uses: int = 0  # consents and contacts that name the partner

    @property
    def kind_label(self) -> str:
        return _kind_label(self.kind)

    def values(self) -> dict[str, Any]:
        return {field: getattr(self, field) for field in PARTNER_FIELDS}


def list_partners(context: Context) -> list[PartnerItem]:
    """The whole register (inactive partners included), in Danish alphabetical order.

    The register holds no citizen data, so reading it is not audited.
    """
    with context.read() as session:
        items = [_partner_item(session, row) for row in session.scalars(all_partners())]
    return sorted(items, key=lambda item: danish_sort_key(item.name))


def _partner_uses(session: Session, partner_id: int) -> int:
    return int(session.scalar(partner_uses(partner_id)) or 0)


def _partner_item(session: Session, row: Partner) -> PartnerItem:
    return PartnerItem(**{field: getattr(row, field) for field in PARTNER_FIELDS},
                       id=row.id, version=row.version, uses=_partner_uses(session, row.id))


def _partner_values(values: Mapping[str, Any]) -> dict[str, Any]:
    if values["kind"] not in {kind.value for kind in PartnerKind}:
        raise InvalidInput("Vælg hvilken slags samarbejdspartner det er.")
    return {
        "name": clean_line(Partner, "name", values["name"], "Navn", required=True),
        "kind": values["kind"],
        "organisation": clean_line(Partner, "organisation", values["organisation"],
                                   "Organisation"),
        "phone": clean_line(Partner, "phone", values["phone"], "Telefon"),
        "email": clean_email(Partner, values["email"]),
        "note": clean_note(values["note"]),
        "active": clean_flag(values["active"], "Aktiv"),
    }


# The partner register is the team's: a change there is not one citizen's.
_REGISTER_CHANGED = Changes.of(Kind.PARTNERS)


def create_partner(context: Context, new: PartnerInput) -> Result[PartnerItem]:
    with context.session() as session:
        row = Partner(**_partner_values(asdict(new)))
        session.add(row)
        session.flush()
        audit.record(session, context.actor.login, audit.Action.CREATE, entity="partner",
                     entity_id=row.id, detail=f"Samarbejdspartner oprettet: {row.name}")
        item = _partner_item(session, row)
    return Result(item, _REGISTER_CHANGED)


def update_partner(context: Context, partner_id: int, expected_version: int,
                   changes: Mapping[str, Any],
                   original: Mapping[str, Any] | None = None) -> Result[PartnerItem]:
    with context.session() as session:
        row = _partner(session, partner_id)
        diff = checked_edit(session, row, expected_version, changes, original, PARTNER_FIELDS,
                            _partner_values)
        if diff:
            audit.record(session, context.actor.login, audit.Action.UPDATE, entity="partner",
                         entity_id=row.id,
                         detail=f"Samarbejdspartner ændret: {row.name} ({', '.join(diff)})")
        item = _partner_item(session, row)
    return Result(item, _REGISTER_CHANGED if diff else NOTHING)


def remove_partner(context: Context, partner_id: int,
                   expected_version: int) -> Result[Removal]:
    """Delete a partner nobody refers to; one with consents or contacts is deactivated,
    because those records must keep saying who the information went to."""
    require_coordinator(context.actor)
    with context.session() as session:
        row = _partner(session, partner_id)
        require_version(row, expected_version, "Samarbejdspartneren")
        uses = _partner_uses(session, row.id)
        if uses:
            row.active = False
            session.flush()
            audit.record(session, context.actor.login, audit.Action.UPDATE, entity="partner",
                         entity_id=row.id,
                         detail=f"Samarbejdspartner deaktiveret (i brug): {row.name}")
            return Result(Removal.DEACTIVATED, _REGISTER_CHANGED)
        audit.record(session, context.actor.login, audit.Action.DELETE, entity="partner",
                     entity_id=row.id, detail=f"Samarbejdspartner slettet: {row.name}")
        session.delete(row)
    return Result(Removal.DELETED, _REGISTER_CHANGED)


def _partner(session: Session, partner_id: int) -> Partner:
    row = session.get(Partner, partner_id)
    if row is None:
        raise NotFound("Samarbejdspartneren findes ikke længere.")
    return row


# --- consents -----------------------------------------------------------------------------

CONSENT_FIELDS = ("partner_id", "purpose", "given_on", "expires_on", "withdrawn_on", "note")


@dataclass(frozen=True)
class ConsentInput:
    partner_id: int
    purpose: str
    given_on: date
    expires_on: date | None = None
    withdrawn_on: date | None = None
    note: str = ""


@dataclass(frozen=True)
class ConsentRow(ConsentInput):
    id: int = 0
    version: int = 0
    citizen_id: int = 0
    partner_name: str = ""
    partner_kind: str = ""
    state: ConsentState = ConsentState.VALID

    @property
    def partner_kind_label(self) -> str:
        return _kind_label(self.partner_kind)

    @property
    def period_label(self) -> str:
        end = format_date(self.expires_on) if self.expires_on else "ingen udløbsdato"
        return f"{format_date(self.given_on)} – {end}"

    def values(self) -> dict[str, Any]:
        return {field: getattr(self, field) for field in CONSENT_FIELDS}


def consents_for_citizen(context: Context, citizen_id: int,
                         today: date | None = None) -> list[ConsentRow]:
    """The citizen's consents: those in force first, then the newest given first."""
    today = today or date.today()
    with context.session() as session:
        require_citizen(session, context.actor, citizen_id, today)
        rows = [_consent_row(consent, partner, today)
                for consent, partner in session.execute(citizen_consents(citizen_id))]
        audit.record(session, context.actor.login, audit.Action.READ, entity="consent",
                     citizen_id=citizen_id, detail=f"Samtykker vist ({len(rows)})")
    rows.sort(key=lambda row: row.id, reverse=True)
    rows.sort(key=lambda row: row.given_on, reverse=True)
    rows.sort(key=lambda row: not row.state.in_force)
    return rows


def _consent_row(consent: Consent, partner: Partner, today: date) -> ConsentRow:
    return ConsentRow(
        **{field: getattr(consent, field) for field in CONSENT_FIELDS},
        id=consent.id, version=consent.version, citizen_id=consent.citizen_id,
        partner_name=partner.name, partner_kind=partner.kind,
        state=consent_state(consent.expires_on, consent.withdrawn_on, today),
    )


def _consent_values(session: Session, values: Mapping[str, Any], today: date,
                    kept_partner_id: int | None = None) -> dict[str, Any]:
    partner_id = values["partner_id"]
    partner = session.get(Partner, partner_id) if isinstance(partner_id, int) else None
    if partner is None:
        raise InvalidInput("Vælg den samarbejdspartner, samtykket gælder.")
    if not partner.active and partner.id != kept_partner_id:
        raise InvalidInput(f"{partner.name} er deaktiveret i partnerregistret.")
    given_on = optional_date(values["given_on"], "Givet den")
    expires_on = optional_date(values["expires_on"], "Udløber den")
    withdrawn_on = optional_date(values["withdrawn_on"], "Trukket tilbage den")
    if given_on is None:
        raise InvalidInput("Angiv datoen, samtykket blev givet.")
    if given_on > today:
        raise InvalidInput("Et samtykke kan ikke være givet ud i fremtiden.")
    if expires_on is not None and expires_on <= given_on:
        raise InvalidInput("Udløbsdatoen skal ligge efter datoen, samtykket blev givet.")
    if withdrawn_on is not None and not given_on <= withdrawn_on <= today:
        raise InvalidInput("Tilbagetrækningen skal ligge mellem datoen, samtykket blev "
                           "givet, og i dag.")
    return {
        "partner_id": partner.id,
        "purpose": clean_line(Consent, "purpose", values["purpose"], "Formål", required=True),
        "given_on": given_on, "expires_on": expires_on, "withdrawn_on": withdrawn_on,
        "note": clean_note(values["note"]),
    }


def record_consent(context: Context, citizen_id: int, new: ConsentInput,
                   today: date | None = None) -> Result[ConsentRow]:
    today = today or date.today()
    with context.session() as session:
        require_citizen(session, context.actor, citizen_id, today)
        consent = Consent(citizen_id=citizen_id,
                          **_consent_values(session, asdict(new), today))
        session.add(consent)
        session.flush()
        partner = session.get_one(Partner, consent.partner_id)
        audit.record(session, context.actor.login, audit.Action.CREATE, entity="consent",
                     entity_id=consent.id, citizen_id=citizen_id,
                     detail=f"Samtykke registreret: {partner.name}")
        row = _consent_row(consent, partner, today)
    return Result(row, _consent_changed(citizen_id))


def update_consent(context: Context, consent_id: int, expected_version: int,
                   changes: Mapping[str, Any], original: Mapping[str, Any] | None = None,
                   today: date | None = None) -> Result[ConsentRow]:
    today = today or date.today()
    with context.session() as session:
        consent = _visible_consent(session, context.actor, consent_id, today)
        kept = consent.partner_id
        diff = checked_edit(session, consent, expected_version, changes, original,
                            CONSENT_FIELDS,
                            lambda values: _consent_values(session, values, today, kept))
        partner = session.get_one(Partner, consent.partner_id)
        if diff:
            audit.record(session, context.actor.login, audit.Action.UPDATE, entity="consent",
                         entity_id=consent.id, citizen_id=consent.citizen_id,
                         detail=f"Samtykke ændret: {partner.name} ({', '.join(diff)})")
        row = _consent_row(consent, partner, today)
    return Result(row, _consent_changed(row.citizen_id) if diff else NOTHING)


def withdraw_consent(context: Context, consent_id: int, expected_version: int,
                     withdrawn_on: date | None = None,
                     today: date | None = None) -> Result[ConsentRow]:
    """The citizen withdraws the consent, from ``withdrawn_on`` (default today)."""
    today = today or date.today()
    withdrawn_on = withdrawn_on or today
    with context.session() as session:
        consent = _visible_consent(session, context.actor, consent_id, today)
        # Also when stale: whoever withdrew it first, withdrawing again changes nothing.
        if consent.withdrawn_on is not None:
            raise InvalidInput("Samtykket er allerede trukket tilbage den "
                               f"{format_date(consent.withdrawn_on)}.")
        kept = consent.partner_id
        checked_edit(session, consent, expected_version, {"withdrawn_on": withdrawn_on}, None,
                     CONSENT_FIELDS,
                     lambda values: _consent_values(session, values, today, kept))
        partner = session.get_one(Partner, consent.partner_id)
        audit.record(session, context.actor.login, audit.Action.UPDATE, entity="consent",
                     entity_id=consent.id, citizen_id=consent.citizen_id,
                     detail=f"Samtykke trukket tilbage pr. {format_date(withdrawn_on)}: "
                            f"{partner.name}")
        row = _consent_row(consent, partner, today)
    return Result(row, _consent_changed(row.citizen_id))


def _consent_changed(citizen_id: int) -> Changes:
    return Changes.of(Kind.PARTNERS, citizen=citizen_id)


def _visible_consent(session: Session, actor: Actor, consent_id: int, today: date) -> Consent:
    consent = session.get(Consent, consent_id)
    if consent is None:
        raise NotFound("Samtykket findes ikke længere.")
    require_citizen(session, actor, consent.citizen_id, today)
    return consent
