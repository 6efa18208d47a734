"""export-citizen (right of access), audit-prune (log retention), audit-review (monthly)."""

from __future__ import annotations

import argparse
from pathlib import Path

from mentordesk.cli.common import (
    EXIT_CHECK_FAILED,
    EXIT_OK,
    Commands,
    database_argument,
    open_context,
    works_on_server,
)


def register(commands: Commands) -> None:
    export = commands.add_parser(
        "export-citizen", help="indsigtspakke (zip) med alt om én borger")
    export.add_argument("db", type=database_argument)
    export.add_argument("--citizen", type=int, required=True, metavar="ID")
    export.add_argument("--out", type=Path, required=True, metavar="FIL.zip")
    export.set_defaults(handler=_cmd_export_citizen)

    prune = commands.add_parser(
        "audit-prune", help="slet adgangslogens hændelser ældre end opbevaringstiden")
    prune.add_argument("db", type=database_argument)
    prune.set_defaults(handler=_cmd_audit_prune)

    review = commands.add_parser("audit-review", help="månedlig logkontrol som PDF")
    review.add_argument("db", type=database_argument)
    review.add_argument("--month", required=True, metavar="ÅÅÅÅ-MM")
    review.add_argument("--out", type=Path, required=True, metavar="FIL.pdf")
    review.set_defaults(handler=_cmd_audit_review)


@works_on_server
def _cmd_export_citizen(args: argparse.Namespace) -> int:
    from mentordesk.rights.access_export import export_citizen

    with open_context(args.db) as context:
        package = export_citizen(context, args.citizen, args.out)
    print(f"Indsigtspakken er gemt: {package.path} ({len(package.files)} filer, "
          f"{package.log_entries} opslag i loggen)")
    return EXIT_OK


@works_on_server
def _cmd_audit_prune(args: argparse.Namespace) -> int:
    from mentordesk.audit_admin.retention import prune_log
    from mentordesk.domain.dates import format_date

    with open_context(args.db) as context:
        result = prune_log(context).value
    print(f"{result.removed} hændelser fra før {format_date(result.cutoff)} slettet; "
          f"{result.kept} hændelser tilbage, kæden er i orden.")
    return EXIT_OK


@works_on_server
def _cmd_audit_review(args: argparse.Namespace) -> int:
    from mentordesk.audit_admin.review import export_review_pdf, parse_month

    month = parse_month(args.month)
    with open_context(args.db) as context:
        report = export_review_pdf(context, month, args.out)
    print(f"Logkontrollen er gemt: {args.out} ({report.total_events} hændelser, "
          f"{len(report.outside_caseload)} opslag uden for sagsstamme, "
          f"{len(report.cpr_reveals)} CPR-visninger, {len(report.exports)} eksporter)")
    return EXIT_OK if report.chain_ok else EXIT_CHECK_FAILED
