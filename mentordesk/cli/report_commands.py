"""``mentordesk report``: progression reports without the GUI.

A report is about one authority's grants (or one grant) and shows nothing of the
citizen's other grants. ``--citizen ID`` writes one report (``--out`` a file, or a folder
to put it in) for ``--grant ID`` or ``--authority ID``, or for the citizen's only
authority; ``--all`` writes one PDF per active citizen and authority into the folder
``--out``, or one combined PDF with ``--combined``, narrowed by ``--authority ID`` (only
that authority's reports) or ``--mentor LOGIN``. ``--include-unlinked-goals`` adds goals
linked to no grant, with a warning in the report. Exit 0 when every report was written,
1 when some failed (listed on stderr), 2 usage.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from mentordesk.cli.common import (
    EXIT_CHECK_FAILED,
    EXIT_OK,
    EXIT_USAGE,
    CliFailure,
    Commands,
    database_argument,
    open_context,
    works_on_server,
)
from mentordesk.domain.dates import parse_date
from mentordesk.errors import InvalidInput
from mentordesk.kernel.context import Context

if TYPE_CHECKING:
    from mentordesk.reports.progress.assemble import Period


def register(commands: Commands) -> None:
    report = commands.add_parser("report", help="dan progressionsrapporter som PDF")
    report.add_argument("db", type=database_argument)
    who = report.add_mutually_exclusive_group(required=True)
    who.add_argument("--citizen", type=int, metavar="ID", help="én borgers rapport")
    who.add_argument("--all", action="store_true", help="alle aktive borgere")
    report.add_argument("--authority", type=int, metavar="ID",
                        help="kun rapporter om denne myndigheds bevillinger")
    report.add_argument("--grant", type=int, metavar="ID",
                        help="rapporten om denne bevilling (med --citizen)")
    report.add_argument("--include-unlinked-goals", action="store_true",
                        help="medtag indsatsmål uden bevilling (med en advarsel)")
    report.add_argument("--mentor", default="", metavar="LOGIN",
                        help="kun borgere med denne primære mentor (med --all)")
    report.add_argument("--from", dest="start", type=_date, metavar="DATO",
                        help="periodens første dag (dd-mm-åååå)")
    report.add_argument("--to", dest="end", type=_date, metavar="DATO",
                        help="periodens sidste dag (dd-mm-åååå)")
    report.add_argument("--out", type=Path, required=True, metavar="STI",
                        help="mappe (én PDF pr. borger) eller fil (--combined, --citizen)")
    report.add_argument("--combined", action="store_true", help="én samlet PDF")
    report.set_defaults(handler=_cmd_report)


def _date(text: str) -> date:
    try:
        return parse_date(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


class _TerminalProgress:
    """``12 af 50`` on one line of a terminal's stderr; nothing when stderr is a file or
    a pipe (scripts read only the summary line). A batch run here is stopped by Ctrl+C."""

    def report(self, done: float, total: float = 0, message: str = "") -> None:
        if sys.stderr.isatty() and total:
            end = "\n" if done >= total else ""
            print(f"\r{int(done)} af {int(total)}", end=end, file=sys.stderr, flush=True)

    def cancelled(self) -> bool:
        return False


@works_on_server
def _cmd_report(args: argparse.Namespace) -> int:
    from mentordesk.reports.progress.assemble import Period

    if not args.all and args.mentor:
        raise CliFailure("--mentor bruges kun sammen med --all.", EXIT_USAGE)
    if args.all and args.grant is not None:
        raise CliFailure("--grant bruges kun sammen med --citizen.", EXIT_USAGE)
    if args.all and (args.start is None or args.end is None):
        raise CliFailure("Angiv perioden med --from og --to.", EXIT_USAGE)
    if (args.start is None) != (args.end is None):
        raise CliFailure("Angiv både --from og --to, eller ingen af dem.", EXIT_USAGE)
    period = Period(args.start, args.end) if args.start is not None else None
    with open_context(args.db, progress=_TerminalProgress() if args.all else None) as context:
        if args.all:  # --from and --to were required above
            return _batch(context, args, Period(args.start, args.end))
        return _single(context, args, period)


def _single(context: Context, args: argparse.Namespace, period: Period | None) -> int:
    from mentordesk.files import write_atomically
    from mentordesk.reports.progress.batch import one_report
    from mentordesk.reports.progress.workflow import suggested_period

    period = period or suggested_period(context, args.citizen)
    try:
        name, pdf = one_report(context, args.citizen, period, authority_id=args.authority,
                               grant_id=args.grant,
                               include_unlinked_goals=args.include_unlinked_goals)
    except InvalidInput as error:
        raise CliFailure(str(error), EXIT_CHECK_FAILED) from error
    target = args.out / name if args.out.is_dir() else args.out
    write_atomically(target, pdf)
    print(f"Rapporten er gemt: {target}")
    return EXIT_OK


def _batch(context: Context, args: argparse.Namespace, period: Period) -> int:
    from mentordesk.reports.progress.batch import Selection, run_batch

    if args.out.exists() and args.out.is_dir() == args.combined:
        kind = "en mappe" if args.combined else "en fil"
        raise CliFailure(f"--out er {kind}: {args.out}", EXIT_USAGE)
    selection = Selection(authority_id=args.authority, mentor_login=args.mentor,
                          include_unlinked_goals=args.include_unlinked_goals)
    result = run_batch(context, selection, period, args.out, combined=args.combined)
    for failure in result.failures:
        print(f"mentordesk: nr. {failure.citizen_id} ({failure.label}): {failure.message}",
              file=sys.stderr)
    where = result.files[0] if args.combined and result.files else args.out
    print(f"{result.reports} af {result.total} rapporter er dannet: {where}")
    return EXIT_CHECK_FAILED if result.failures else EXIT_OK
