"""Benchmark: exporting and importing an economy workbook vs LibreOffice opening and
saving the same file.

A realistic year (30 lines, 8 debts, 5 benefits) in a real encrypted database:
- export: ``export_xlsx`` (summary from the database, workbook, atomic write, snapshot,
  audit), median of ROUNDS;
- import: ``import_xlsx`` of that file (checks, openpyxl read-only, save, snapshot);
- baseline, in the same run: LibreOffice headless opening and saving the same file as
  xlsx (``soffice --convert-to``, warm throwaway profile), median of LO_ROUNDS.
The target is a ratio ≥ 10× for both. Run: ``python bench/economy_xlsx.py``.
"""

from __future__ import annotations

import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from mentordesk.kernel.context import Context

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from mentordesk import vault  # noqa: E402
from mentordesk.domain.economy import EconomySection, Frequency  # noqa: E402
from mentordesk.economy import (  # noqa: E402
    BenefitInput,
    DebtInput,
    Sheet,
    SheetLine,
    create_benefit,
    create_debt,
    export_xlsx,
    import_xlsx,
    load_sheet,
    save_sheet,
)
from mentordesk.services import new_team  # noqa: E402
from mentordesk.services.citizens import NewCitizen, create_citizen  # noqa: E402
from mentordesk.services.team import resolve_actor  # noqa: E402

PASSPHRASE = "benchmark-adgangskode"
ROUNDS = 7
LO_ROUNDS = 3
YEAR = 2025


def _fill(database, actor) -> int:  # type: ignore[no-untyped-def]
    citizen = create_citizen(Context(database, actor),
                             NewCitizen(first_name="Bench", last_name="Mark")).value
    lines = []
    for n in range(12):
        lines.append(SheetLine.filled(EconomySection.INCOME, f"Indtægt {n + 1}",
                                      Frequency.MONTHLY, 150_000 + n * 1_337))
    for n in range(18):
        frequency = (Frequency.MONTHLY, Frequency.QUARTERLY, Frequency.YEARLY)[n % 3]
        lines.append(SheetLine.filled(EconomySection.EXPENSE, f"Udgift {n + 1}", frequency,
                                      40_000 + n * 2_711, 1 + n % 3, note="fiktiv"))
    save_sheet(Context(database, actor), citizen, YEAR, 0,
               Sheet(citizen_id=citizen, year=YEAR, lines=tuple(lines)))
    for n in range(8):
        create_debt(Context(database, actor), citizen, DebtInput(
            creditor=f"Kreditor {n + 1} (fiktiv)", debt_type=("rent", "other")[n % 2],
            balance_oere=1_000_033 * (n + 1), interest_bp=725 * (n % 3)))
    for n in range(5):
        create_benefit(Context(database, actor), citizen, BenefitInput(
            applied_on=date(YEAR, n + 1, 3), purpose=f"Ansøgning {n + 1}",
            amount_applied_oere=200_000))
    return citizen


def _median(action, rounds: int) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(rounds):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def _libreoffice(source: Path, work: Path) -> float | None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        return None
    profile = (work / "lo-profile").as_uri()
    out = work / "lo-out"

    def convert() -> None:
        subprocess.run([soffice, f"-env:UserInstallation={profile}", "--headless",
                        "--norestore", "--convert-to", "xlsx", "--outdir", str(out),
                        str(source)], check=True, capture_output=True, timeout=300)

    convert()  # first start creates the profile: not part of the baseline
    return _median(convert, LO_ROUNDS)


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        database = new_team.create_database(work / "bench.mentordesk", PASSPHRASE,
                                         team_name="Bench").database
        try:
            actor = resolve_actor(database, vault.current_login())
            citizen = _fill(database, actor)
            out = work / "overblik.xlsx"
            export_xlsx(Context(database, actor), citizen, YEAR, out)  # warm imports
            export_time = _median(lambda: export_xlsx(Context(database, actor), citizen, YEAR, out),
                                  ROUNDS)

            def do_import() -> None:
                version = load_sheet(Context(database, actor), citizen, YEAR).version
                import_xlsx(Context(database, actor), citizen, YEAR, out, expected_version=version)

            do_import()
            import_time = _median(do_import, ROUNDS)
            baseline = _libreoffice(out, work)
        finally:
            database.close()
    print("economy workbook (30 lines, 8 debts, 5 benefits)")
    print(f"  export (service + file)       {export_time * 1000:8.1f} ms")
    print(f"  import (checks + read + save) {import_time * 1000:8.1f} ms")
    if baseline is None:
        print("  LibreOffice not installed: no baseline")
        return
    print(f"  LibreOffice open + save       {baseline * 1000:8.1f} ms  (baseline)")
    print(f"  ratio export                  {baseline / export_time:8.1f}×  (target ≥ 10×)")
    print(f"  ratio import                  {baseline / import_time:8.1f}×  (target ≥ 10×)")


if __name__ == "__main__":
    main()
