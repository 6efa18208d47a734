"""Per mentor and period: the time around the contacts (travel time, km, indirect time)
and the anonymous outreach contacts, beside the delivered face-to-face hours.

Delivered hours keep their meaning (attended face-to-face time, judged against the
band); this is what a coordinator looks at to see what else the work took. Sums per
mentor carry no citizen's data, so reading them is not a read of anyone's case.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from mentordesk.domain.text import danish_sort_key
from mentordesk.errors import InvalidInput
from mentordesk.kernel.context import Context
from mentordesk.schedule.anonymous import TallyPeriod, anonymous_tally
from mentordesk.storage.queries import billing as queries
from mentordesk.storage.queries.team import active_user_names


@dataclass(frozen=True)
class MentorAround:
    mentor_id: int
    mentor_name: str
    travel_minutes: int = 0
    travel_km: int = 0
    indirect_minutes: int = 0
    anonymous_count: int = 0
    anonymous_minutes: int = 0


def time_around_contacts(context: Context, first: date, last: date) -> list[MentorAround]:
    """Each mentor with travel, indirect time or anonymous contacts in the period (a
    mentor sees their own line, a coordinator the team's), in Danish name order."""
    if last < first:
        raise InvalidInput("Periodens slutdato ligger før startdatoen.")
    only = None if context.actor.sees_all_citizens else context.actor.user_id
    with context.read() as session:
        names = dict(session.execute(active_user_names(only)).tuples().all())
        around = {row[0]: row[1:] for row in session.execute(
            queries.around_per_mentor(first, last, only))}
    anonymous: dict[int, tuple[int, int]] = {}
    for row in anonymous_tally(context, first, last, TallyPeriod.MONTH):
        count, minutes = anonymous.get(row.mentor_id, (0, 0))
        anonymous[row.mentor_id] = (count + row.count, minutes + row.minutes)
    lines = []
    for mentor_id in around.keys() | anonymous.keys():
        travel, km, indirect = around.get(mentor_id, (0, 0, 0))
        count, minutes = anonymous.get(mentor_id, (0, 0))
        lines.append(MentorAround(mentor_id, names.get(mentor_id, ""), int(travel or 0),
                                  int(km or 0), int(indirect or 0), count, minutes))
    return sorted(lines, key=lambda line: danish_sort_key(line.mentor_name))
