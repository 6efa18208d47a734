"""What a schedule operation changed, told the way views refresh by (``Changes``)."""

from __future__ import annotations

from collections.abc import Iterable

from mentordesk.kernel.changes import NOTHING, Changes, Kind


def schedule_of(citizen_ids: Iterable[int | None]) -> Changes:
    """Appointments or group courses of these citizens changed.

    An appointment without a citizen (an internal meeting, an imported busy block) and a
    group without participants concern no particular citizen, so every view showing the
    schedule refreshes.
    """
    ids = list(citizen_ids)
    if not ids or None in ids:
        return Changes.of(Kind.SCHEDULE)
    return Changes.of(Kind.SCHEDULE, citizens=[i for i in ids if i is not None])


def contacts_logged(citizen_ids: Iterable[int]) -> Changes:
    """Contacts were logged from the schedule: the citizens' contact logs and their hours
    (delivered now, no longer planned) changed."""
    ids = set(citizen_ids)
    if not ids:
        return NOTHING
    return Changes.of(Kind.SCHEDULE, Kind.CONTACTS, citizens=ids)


def team_schedule() -> Changes:
    """The whole team's calendar changed (absences, imported busy blocks)."""
    return Changes.of(Kind.SCHEDULE)
