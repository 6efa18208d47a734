"""The recovery sheet: one printed page that lets the team open its file again.

Printed at ``init`` (CLI and the GUI's first run) and after every passphrase change, to
be locked away. It names the team and the file id (so the right sheet is found for the
right file) and has a line to write the passphrase on by hand: the passphrase itself is
printed only when MentorDesk generated it, because a typed passphrase must never end up
in a PDF lying in a Downloads folder.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from mentordesk.domain.dates import format_date
from mentordesk.files import write_atomically
from mentordesk.storage.database import FILE_ID_KEY, TEAM_NAME_KEY, Database

SHEET_SUFFIX = "-gendannelsesark.pdf"
_BLANK_LINE = "_" * 46


@dataclass(frozen=True)
class SheetFacts:
    team_name: str
    file_id: str
    file_name: str
    created_at: datetime
    generated_passphrase: str | None = None  # printed only if MentorDesk made it up


def facts_for(database: Database, *, generated_passphrase: str | None = None,
              now: datetime | None = None) -> SheetFacts:
    return SheetFacts(team_name=database.meta(TEAM_NAME_KEY), file_id=database.meta(FILE_ID_KEY),
                      file_name=database.path.name, created_at=now or datetime.now(),
                      generated_passphrase=generated_passphrase)


def default_sheet_path(database_path: Path) -> Path:
    return database_path.with_name(database_path.stem + SHEET_SUFFIX)


def build_recovery_sheet(facts: SheetFacts) -> bytes:
    from mentordesk.pdf.toolkit import PdfMeta, build_pdf, data_table, markup, para

    rows = [
        ["Team", facts.team_name],
        ["Databasefil", facts.file_name],
        ["Fil-id", facts.file_id],
        ["Arket er lavet", f"{format_date(facts.created_at.date())} kl. "
                           f"{facts.created_at:%H.%M}"],
    ]
    passphrase = facts.generated_passphrase or _BLANK_LINE
    story = [
        markup("Gendannelsesark for MentorDesk", "title"),
        para("Udskriv arket, skriv adgangskoden på, og lås det inde (fx i teamlederens "
             "pengeskab). Arket og adgangskoden er nøglen til borgernes helbreds-, "
             "misbrugs- og gældsoplysninger: behandl det som en nøgle."),
        data_table(["Oplysning", "Værdi"], rows, col_widths=[45 * 2.8346, 125 * 2.8346]),
        markup("Adgangskode", "heading"),
        para(passphrase if facts.generated_passphrase else
             f"Skriv i hånden: {passphrase}"),
        para("Adgangskoden blev dannet af MentorDesk og står herover. Opbevar arket sikkert."
             if facts.generated_passphrase else
             "Adgangskoden står bevidst ikke på arket, før du skriver den her. Skriv tydeligt; "
             "store og små bogstaver, mellemrum og æøå tæller.", "small"),
        markup("Sådan åbner du databasen igen", "heading"),
        *[para(f"{number}. {step}") for number, step in enumerate(_STEPS, start=1)],
        markup("Når adgangskoden skiftes", "heading"),
        para("Udskriv et nyt gendannelsesark (Indstillinger → Sikkerhed) og makulér det "
             "gamle. Ældre sikkerhedskopier åbnes stadig med den adgangskode, der gjaldt, "
             "da de blev taget: gem derfor også det gamle ark, så længe kopierne findes."),
        markup("Til it-support", "heading"),
        para("Filen er en SQLCipher 4-database (AES-256, PBKDF2-HMAC-SHA512, 256.000 "
             "iterationer). Adgangskoden alene åbner den i ethvert SQLCipher 4-værktøj. "
             "Ingen hos MentorDesk kan åbne filen uden adgangskoden."),
    ]
    meta = PdfMeta(title="Gendannelsesark", team_name=facts.team_name,
                   printed_at=facts.created_at, subject=f"Fil-id {facts.file_id}")
    return build_pdf(story, meta)


_STEPS = (
    "Start MentorDesk på en pc, og vælg »Åbn eksisterende«. Vælg databasefilen herover.",
    "Hvis pc'en ikke længere husker nøglen (ny pc, nyt Windows-login, eller adgangskoden er "
    "skiftet), spørger MentorDesk om adgangskoden. Skriv den fra arket.",
    "Sæt flueben i »Husk på denne pc« kun på en pc, som kun du bruger.",
    "Er filen væk eller beskadiget, så gendan den seneste sikkerhedskopi (mappen "
    "»…-backups« ved siden af databasen) under Indstillinger → Sikkerhed, eller med "
    "kommandoen: mentordesk restore KOPI DATABASE.",
)


def write_recovery_sheet(destination: Path, facts: SheetFacts) -> Path:
    return write_atomically(Path(destination), build_recovery_sheet(facts))
