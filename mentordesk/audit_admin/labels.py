"""Danish names for the audit actions and the times of events (stored as UTC)."""

from __future__ import annotations

from datetime import UTC, date, datetime, time

from mentordesk.audit import Action

ACTION_LABELS: dict[str, str] = {
    Action.READ: "Læst",
    Action.LIST: "Liste vist",
    Action.SEARCH: "Søgning",
    Action.CREATE: "Oprettet",
    Action.UPDATE: "Ændret",
    Action.DELETE: "Slettet",
    Action.EXPORT: "Eksporteret",
    Action.PRINT: "Udskrevet",
    Action.REVEAL_CPR: "CPR vist",
    Action.UNLOCK: "Åbnet",
    Action.UNLOCK_FAILED: "Mislykket åbning",
    Action.PRUNE: "Log beskåret",
    Action.ENROL_KEY: "Nøgle udstedt",
    Action.PASSPHRASE_CHANGED: "Egen adgangskode skiftet",
    Action.REMOVE_PERSON: "Person fjernet",
    Action.ROTATE_KEY: "Databasenøgle skiftet",
    Action.MIGRATE_KEYS: "Personlige nøgler indført",
    Action.LOG_WARNING: "Advarsel om loggen",
    Action.MOVE_TO_SERVER: "Flyttet til teamserveren",
}


def action_label(code: str) -> str:
    return ACTION_LABELS.get(code, code)


def local_time(occurred_at: str) -> datetime:
    """A stored UTC timestamp as this PC's local wall-clock time (naive)."""
    moment = datetime.fromisoformat(occurred_at)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone().replace(tzinfo=None)


def utc_bound(day: date, *, end: bool = False) -> str:
    """The UTC ISO string at local midnight starting ``day`` (or ending it, ``end``)."""
    local = datetime.combine(day, time.max if end else time.min).astimezone()
    return local.astimezone(UTC).isoformat(timespec="microseconds")
