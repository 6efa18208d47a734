"""The schedule commands: ``hours`` (weekly hours of one ISO week), ``attribute`` (contacts
and appointments without a grant) and ``calendar export``."""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from mentordesk.cli.common import (
    EXIT_OK,
    EXIT_USAGE,
    CliFailure,
    Commands,
    database_argument,
    open_context,
    works_on_server,
)

DEFAULT_EXPORT_WEEKS_BACK = 4
DEFAULT_EXPORT_WEEKS_AHEAD = 26


def register(commands: Commands) -> None:
    """hours, attribute, calendar export."""
    hours = commands.add_parser("hours", help="bevilgede og leverede timer i en uge")
    hours.add_argument("db", type=database_argument)
    hours.add_argument("--week", required=True, metavar="YYYY-Www", help="ISO-uge, fx 2026-W48")
    hours.add_argument("--json", action="store_true", help="skriv JSON")
    hours.set_defaults(handler=_cmd_hours)

    attribute = commands.add_parser(
        "attribute", help="kontakter og aftaler uden bevilling (Ikke tilknyttet)")
    attribute.add_argument("db", type=database_argument)
    attribute.add_argument("--apply", action="store_true",
                           help="tilknyt først alt, som reglen kan afgøre")
    attribute.set_defaults(handler=_cmd_attribute)

    calendar = commands.add_parser("calendar", help="kalenderen")
    actions = calendar.add_subparsers(metavar="HANDLING")
    export = actions.add_parser("export", help="skriv en ICS-fil til Outlook")
    export.add_argument("db", type=database_argument)
    export.add_argument("--mentor", default=None, metavar="LOGIN",
                        help="kun denne medarbejders aftaler (standard: hele teamet)")
    export.add_argument("--include-details", action="store_true",
                        help="medtag borgerens navn, sted og note (følsomt)")
    export.add_argument("--from", dest="first", default=None, metavar="DATO")
    export.add_argument("--to", dest="last", default=None, metavar="DATO")
    export.add_argument("--out", required=True, type=Path)
    export.set_defaults(handler=_cmd_calendar_export)
    calendar.set_defaults(handler=lambda _args: _usage("Angiv en handling: calendar export"))


def _usage(message: str) -> int:
    raise CliFailure(message, EXIT_USAGE)


@works_on_server
def _cmd_hours(args: argparse.Namespace) -> int:
    from mentordesk.domain.dates import parse_iso_week
    from mentordesk.schedule.around import time_around_contacts
    from mentordesk.schedule.overview import weekly_hours_for_week

    with open_context(args.db) as context:
        overview = weekly_hours_for_week(context, args.week)
        around = time_around_contacts(context, *parse_iso_week(args.week))
    if args.json:
        print(json.dumps(hours_json(overview, args.week, around), ensure_ascii=False,
                         indent=2))
    else:
        _print_hours(overview, args.week)
        _print_around(around)
    return EXIT_OK


def hours_json(overview: Any, week: str, around: Sequence[Any] = ()) -> dict[str, Any]:
    """The machine form: the same numbers the service returns, in minutes. Delivered is
    face-to-face time; travel, km, indirect time and the anonymous tally (team
    statistics, counts only) are per mentor beside it."""
    return {
        "week": overview.weeks[0] if overview.weeks else week,
        "citizens": [{
            "citizen_id": row.citizen_id, "name": overview.citizen_names.get(row.citizen_id, ""),
            "week": row.week, "week_start": row.week_start.isoformat(),
            "granted_min_minutes": row.granted_min_minutes,
            "granted_max_minutes": row.granted_max_minutes,
            "delivered_minutes": row.delivered_minutes, "planned_minutes": row.planned_minutes,
            "flag": row.flag} for row in overview.citizen_weeks],
        "mentors": [{
            "mentor_id": row.mentor_id, "name": overview.mentor_names.get(row.mentor_id, ""),
            "week": row.week, "capacity_minutes": row.capacity_minutes,
            "delivered_minutes": row.delivered_minutes,
            "planned_minutes": row.planned_minutes} for row in overview.mentor_weeks],
        "time_around": [{
            "mentor_id": line.mentor_id, "name": line.mentor_name,
            "travel_minutes": line.travel_minutes, "travel_km": line.travel_km,
            "indirect_minutes": line.indirect_minutes,
            "anonymous_contacts": line.anonymous_count,
            "anonymous_minutes": line.anonymous_minutes} for line in around],
    }


def _print_hours(overview: Any, week: str) -> None:
    from mentordesk.domain.catalogue import hours_flag_label
    from mentordesk.domain.duration import granted_text

    print(f"Timeoverblik {week}")
    print(f"{'Borger':<30} {'Bevilget':>13} {'Leveret':>8} {'Planlagt':>9}  Status")
    for row in overview.citizen_weeks:
        granted = granted_text(row.granted_min_minutes, row.granted_max_minutes)
        print(f"{overview.citizen_names.get(row.citizen_id, ''):<30} {granted:>13} "
              f"{_h(row.delivered_minutes):>8} {_h(row.planned_minutes):>9}  "
              f"{hours_flag_label(row.flag)}")
    print()
    print(f"{'Mentor':<30} {'Kapacitet':>13} {'Leveret':>8} {'Planlagt':>9}")
    for row in overview.mentor_weeks:
        print(f"{overview.mentor_names.get(row.mentor_id, ''):<30} "
              f"{_h(row.capacity_minutes):>13} {_h(row.delivered_minutes):>8} "
              f"{_h(row.planned_minutes):>9}")


def _print_around(around: Sequence[Any]) -> None:
    if not around:
        return
    print()
    print(f"{'Mentor':<30} {'Kørsel':>8} {'Km':>6} {'Indirekte':>10} {'Anonyme':>8}")
    for line in around:
        print(f"{line.mentor_name:<30} {_h(line.travel_minutes):>8} {line.travel_km:>6} "
              f"{_h(line.indirect_minutes):>10} {line.anonymous_count:>8}")


def _h(minutes: int) -> str:
    from mentordesk.domain.duration import hours_text

    return hours_text(minutes)


@works_on_server
def _cmd_attribute(args: argparse.Namespace) -> int:
    from mentordesk.services.grant_attribution import attribute_open, unattributed

    with open_context(args.db) as context:
        if args.apply:
            print(f"Tilknyttet bevilling: {attribute_open(context).value}")
        rows = unattributed(context)
    print(f"Uden bevilling: {len(rows)}")
    for row in rows:
        print(row.text)
    return EXIT_OK


@works_on_server
def _cmd_calendar_export(args: argparse.Namespace) -> int:
    from mentordesk.domain.dates import parse_date
    from mentordesk.schedule.ics import write_ics

    today = date.today()
    try:
        first = parse_date(args.first) if args.first else today - timedelta(
            weeks=DEFAULT_EXPORT_WEEKS_BACK)
        last = parse_date(args.last) if args.last else today + timedelta(
            weeks=DEFAULT_EXPORT_WEEKS_AHEAD)
    except ValueError as error:
        raise CliFailure(str(error), EXIT_USAGE) from None
    with open_context(args.db) as context:
        written = write_ics(context, args.out, first, last, mentor_login=args.mentor,
                            include_details=args.include_details)
    print(f"Kalender skrevet: {written}")
    return EXIT_OK
