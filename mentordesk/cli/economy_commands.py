"""``mentordesk economy export|import|summary``: the citizen's economy overview as xlsx
and as JSON figures (all amounts in øre), for scripts and the tests that compare them."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from mentordesk.cli.common import (
    EXIT_OK,
    EXIT_USAGE,
    CliFailure,
    Commands,
    database_argument,
    open_context,
    works_on_server,
)


def register(commands: Commands) -> None:
    economy = commands.add_parser("economy", help="økonomisk overblik: eksport, import, tal")
    actions = economy.add_subparsers(metavar="HANDLING")

    export = actions.add_parser("export", help="skriv årets overblik som Excel-fil (.xlsx)")
    _common(export)
    export.add_argument("--out", type=Path, required=True, metavar="FIL.xlsx")
    export.set_defaults(handler=_cmd_export)

    imported = actions.add_parser("import", help="indlæs et overblik fra en Excel-fil")
    _common(imported)
    imported.add_argument("file", type=Path, metavar="FIL.xlsx")
    imported.set_defaults(handler=_cmd_import)

    summary = actions.add_parser("summary", help="årets tal (beløb i øre)")
    _common(summary)
    summary.add_argument("--json", action="store_true", help="skriv JSON")
    summary.set_defaults(handler=_cmd_summary)


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("db", type=database_argument)
    parser.add_argument("--citizen", type=int, required=True, metavar="ID")
    parser.add_argument("--year", type=_year, required=True, metavar="ÅÅÅÅ")


def _year(text: str) -> int:
    value = int(text)
    if not 2000 <= value <= 2100:
        raise argparse.ArgumentTypeError("året skal ligge mellem 2000 og 2100")
    return value


@works_on_server
def _cmd_export(args: argparse.Namespace) -> int:
    from mentordesk.economy import export_xlsx

    with open_context(args.db) as context:
        export_xlsx(context, args.citizen, args.year, args.out)
    print(f"Det økonomiske overblik for {args.year} er gemt i {args.out}")
    return EXIT_OK


@works_on_server
def _cmd_import(args: argparse.Namespace) -> int:
    from mentordesk.economy import WorkbookRefused, import_xlsx, read_economy_workbook

    # The file is read and judged before the database is unlocked: a bad file costs no key.
    try:
        preview = read_economy_workbook(args.file, args.year)
    except WorkbookRefused as refused:
        raise CliFailure(str(refused), EXIT_USAGE) from refused
    if not preview.ok:
        raise CliFailure("Regnearket kan ikke indlæses, fordi det ikke er til at se, hvor "
                         "posterne står: " + " ".join(preview.skipped) + " Brug "
                         "indlæsningen i programmet, hvor du selv kan vælge rækker og "
                         "kolonner.", EXIT_USAGE)
    with open_context(args.db) as context:
        try:
            sheet = import_xlsx(context, args.citizen, args.year, args.file,
                                guess=preview.guess).value
        except WorkbookRefused as refused:
            raise CliFailure(str(refused), EXIT_USAGE) from refused
    print(f"{len(sheet.lines)} linjer er indlæst fra {args.file.name} som overblikket for "
          f"{args.year}.")
    for note in preview.skipped:
        print(note)
    return EXIT_OK


@works_on_server
def _cmd_summary(args: argparse.Namespace) -> int:
    from mentordesk.domain.money import format_dkk
    from mentordesk.economy import summary, summary_json

    with open_context(args.db) as context:
        result = summary(context, args.citizen, args.year)
    if args.json:
        print(json.dumps(summary_json(result), ensure_ascii=False, indent=2))
        return EXIT_OK
    totals, rates = result.totals, result.rates_choice
    for label, amount in (("Indtægter i alt", totals.income_year),
                          ("Udgifter i alt", totals.expense_year),
                          ("Rådighedsbeløb (år)", totals.disposable_year),
                          ("Rådighedsbeløb (gns. pr. måned)", totals.disposable_average),
                          ("Norm pr. måned", totals.norm_month),
                          ("Betalingsevne (gns. pr. måned)", totals.ability_average),
                          ("Til afdrag pr. måned", result.plan.total_oere)):
        print(f"{label:<34}{format_dkk(amount):>18}")
    if rates.label:
        print(f"Norm: {rates.label}")
    if totals.deficit_months:
        print("Underskud i måned " + ", ".join(str(m) for m in totals.deficit_months))
    for conflict in result.plan.conflicts:
        print(f"Konflikt: aftalen med {conflict.creditor} er på "
              f"{format_dkk(conflict.agreed_oere)}, planen kan betale "
              f"{format_dkk(conflict.payment_oere)}")
    return EXIT_OK
