"""Smoke test of an installed MentorDesk: the wheel in a virtualenv, or the frozen folder.

    python tests/packaging/smoke.py --cli PATH/mentordesk-cli --gui PATH/MentorDesk \\
        --work DIR [--summary FILE.json]

Runs the programs as a user or IT would, from ``--work`` (never the source tree): the
version, ``demo``, ``check``, ``report --all`` (PDFs with the font embedded), ``economy
export``, ``calendar export``, then the GUI's ``--self-check`` offscreen (Danish
translation, stylesheet, every page built, a report loaded into the preview, reportlab's
C accelerators, psycopg with its bundled libpq for the team server). Standard library
only: the frozen build has no Python to lend. Prints timings and writes them to
``--summary``; exits 1 on the first failure.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
import zipfile
from pathlib import Path

DEMO_PASSPHRASE = "demo-mentordesk-2026"  # public: fictitious data only (README)
PERIOD = ("--from", "01-01-2026", "--to", "31-12-2026")


class SmokeFailure(AssertionError):
    pass


def expect(condition: object, message: str) -> None:
    if not condition:
        raise SmokeFailure(message)


class Installation:
    def __init__(self, cli: str, gui: str, work: Path) -> None:
        self.cli, self.gui, self.work = cli, gui, work
        self.home = work / "home"
        self.env = {
            **os.environ,
            "MENTORDESK_HOME": str(self.home),
            "MENTORDESK_PASSPHRASE": DEMO_PASSPHRASE,
            "PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring",
            "QT_QPA_PLATFORM": "offscreen",
        }
        # Nothing from a source checkout may leak in: the installation must stand alone.
        self.env.pop("PYTHONPATH", None)

    def run(self, program: str, *args: str, expect_code: int = 0,
            timeout: int = 600) -> subprocess.CompletedProcess[str]:
        result = subprocess.run([program, *args], cwd=self.work, env=self.env, text=True,
                                encoding="utf-8", capture_output=True, timeout=timeout)
        shown = " ".join([Path(program).name, *args])
        expect(result.returncode == expect_code,
               f"{shown}: exit {result.returncode}, expected {expect_code}\n"
               f"stdout: {result.stdout[-2000:]}\nstderr: {result.stderr[-4000:]}")
        print(f"  ok  {shown}", flush=True)
        return result


def check_version(app: Installation, timings: dict[str, float]) -> None:
    # A windowed exe on Windows writes to its parent's console, which a pipe cannot read.
    programs = [app.cli] if sys.platform == "win32" else [app.cli, app.gui]
    for program in programs:
        output = app.run(program, "--version").stdout.strip()
        expect(output.startswith("MentorDesk ") and output[11:12].isdigit(),
               f"--version printed {output!r}")
    runs = []
    for _ in range(3):
        started = time.perf_counter()
        app.run(app.cli, "--version")
        runs.append(time.perf_counter() - started)
    timings["cli_version_seconds"] = round(statistics.median(runs), 3)


def check_command_line(app: Installation) -> Path:
    """The command-line contract on a small demo; returns one report PDF."""
    # Where ``--demo`` looks for it, so the GUI check below opens this very database.
    database = app.home / "data" / "demo.mentordesk"
    database.parent.mkdir(parents=True, exist_ok=True)
    app.run(app.cli, "demo", str(database), "--citizens", "12", "--years", "1", "--seed", "7")
    app.run(app.cli, "check", str(database))
    reports = app.work / "rapporter"
    app.run(app.cli, "report", str(database), "--all", *PERIOD, "--out", str(reports))
    pdfs = sorted(reports.glob("*.pdf"))
    expect(pdfs, "report --all wrote no PDF")
    for pdf in pdfs[:3]:
        check_embedded_font(pdf)
    citizens = json.loads(app.run(app.cli, "citizens", str(database), "--json").stdout)
    citizen = next(row["id"] for row in citizens if row["status"] == "active")
    workbook = app.work / "økonomi.xlsx"
    app.run(app.cli, "economy", "export", str(database), "--citizen", str(citizen),
            "--year", "2026", "--out", str(workbook))
    with zipfile.ZipFile(workbook) as archive:
        expect("xl/workbook.xml" in archive.namelist(), "economy export: not an xlsx")
    calendar = app.work / "kalender.ics"
    app.run(app.cli, "calendar", "export", str(database), "--out", str(calendar))
    expect(calendar.read_text(encoding="utf-8").startswith("BEGIN:VCALENDAR"),
           "calendar export: not an ICS file")
    return pdfs[0]


def check_embedded_font(pdf: Path) -> None:
    """The DejaVu fonts, shipped as package data, are found and embedded (as
    tests/unit/test_report_render.py asks of the renderer)."""
    if not shutil.which("pdffonts"):  # a Windows runner has no poppler: read the PDF
        data = pdf.read_bytes()
        expect(b"DejaVuSans" in data and b"/FontFile2" in data,
               f"{pdf.name}: the DejaVu font is not embedded")
        return
    listing = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True,
                             check=True).stdout.splitlines()[2:]
    dejavu = [line for line in listing if "DejaVuSans" in line]
    expect(dejavu, f"{pdf.name}: the DejaVu font is missing: {listing}")
    for line in dejavu:
        # columns: name type encoding emb sub uni object ID
        expect(line.split()[-5] == "yes", f"{pdf.name}: font not embedded: {line}")


def check_gui(app: Installation, pdf: Path, timings: dict[str, float]) -> dict:
    """The self-check twice: the second start measures start-up to the main window."""
    result: dict = {}
    for attempt in ("first", "second"):
        out = app.work / f"self-check-{attempt}.json"
        started = time.time()
        app.run(app.gui, "--self-check", str(out), "--self-check-pdf", str(pdf))
        ended = time.time()
        result = json.loads(out.read_text(encoding="utf-8"))
        expect(result["ok"], f"self-check failed: {json.dumps(result, ensure_ascii=False)}")
        timings[f"gui_{attempt}_to_window_seconds"] = round(
            result["window_shown_epoch"] - started, 3)
        timings[f"gui_{attempt}_total_seconds"] = round(ended - started, 3)
    expect("Borgere" in result["navigation"] and "Citizens" not in result["navigation"],
           f"not in Danish: {result['navigation']}")
    expect(result["qt_danish_close"] == "Luk", "Qt's own Danish strings are missing")
    expect(result["pdf_pages"] > 0 and result["pdf_status"] == "Ready",
           "report preview did not load the PDF")
    expect(result["rl_accel"], "reportlab runs without _rl_accel")
    expect(result["server_driver"] == "psycopg binary",
           f"no team-server driver with its libpq: {result['server_driver']!r}")
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cli", required=True, help="mentordesk-cli (console program)")
    parser.add_argument("--gui", required=True, help="mentordesk / MentorDesk (GUI program)")
    parser.add_argument("--work", required=True, type=Path, help="an empty working folder")
    parser.add_argument("--summary", type=Path, help="write timings and results here")
    args = parser.parse_args(argv)
    for program in (args.cli, args.gui):
        expect(shutil.which(program), f"not found: {program}")
    args.work.mkdir(parents=True, exist_ok=True)
    app = Installation(str(Path(shutil.which(args.cli)).resolve()),
                       str(Path(shutil.which(args.gui)).resolve()), args.work.resolve())
    timings: dict[str, float] = {}
    try:
        check_version(app, timings)
        pdf = check_command_line(app)
        gui = check_gui(app, pdf, timings)
    except (SmokeFailure, subprocess.SubprocessError) as failure:
        print(f"SMOKE TEST FAILED: {failure}", file=sys.stderr)
        return 1
    summary = {"timings": timings, "pages_built": gui["pages_built"],
               "frozen": gui["frozen"], "version": gui["version"]}
    print(json.dumps(summary, ensure_ascii=False, indent=2))
    if args.summary:
        args.summary.write_text(json.dumps(summary, ensure_ascii=False, indent=2),
                                encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
