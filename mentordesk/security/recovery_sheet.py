"""The recovery sheet: one printed page with the team's recovery key.

The recovery key is one more key slot (login «gendannelse», an administrator): it opens
the file when every admin has forgotten their passphrase. The sheet is made only when
someone asks to print or save it, never written by default, because a secret in a PDF in
a Downloads folder is a secret on disk. It names the team and the file id so the right
sheet is found for the right file.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from mentordesk.domain.codes import RECOVERY_LOGIN
from mentordesk.domain.dates import format_date
from mentordesk.files import write_atomically
from mentordesk.storage.database import FILE_ID_KEY, TEAM_NAME_KEY, Database

SHEET_SUFFIX = "-gendannelsesark.pdf"


@dataclass(frozen=True)
class SheetFacts:
    team_name: str
    file_id: str
    file_name: str
    created_at: datetime
    recovery_key: str


def facts_for(database: Database, *, recovery_key: str,
              now: datetime | None = None) -> SheetFacts:
    return SheetFacts(team_name=database.meta(TEAM_NAME_KEY), file_id=database.meta(FILE_ID_KEY),
                      file_name=database.path.name, created_at=now or datetime.now(),
                      recovery_key=recovery_key)


def suggested_sheet_name(database_path: Path) -> str:
    """The name offered in the save dialog (the user chooses the folder)."""
    return database_path.stem + SHEET_SUFFIX


def build_recovery_sheet(facts: SheetFacts) -> bytes:
    from mentordesk.pdf.toolkit import PdfMeta, build_pdf, data_table, markup, para

    rows = [
        ["Team", facts.team_name],
        ["Databasefil", facts.file_name],
        ["Fil-id", facts.file_id],
        ["Arket er lavet", f"{format_date(facts.created_at.date())} kl. "
                           f"{facts.created_at:%H.%M}"],
    ]
    story = [
        markup("Gendannelsesark for MentorDesk", "title"),
        para("Udskriv arket, og lås det inde (fx i teamlederens pengeskab). Gendannelsesnøglen "
             "åbner borgernes helbreds-, misbrugs- og gældsoplysninger: behandl den som en "
             "nøgle. Har du gemt arket som fil, så slet filen, når det er udskrevet."),
        data_table(["Oplysning", "Værdi"], rows, col_widths=[45 * 2.8346, 125 * 2.8346]),
        markup("Gendannelsesnøgle", "heading"),
        para(f"Login: {RECOVERY_LOGIN}"),
        para(f"Nøgle: {facts.recovery_key}"),
        markup("Sådan bruges den", "heading"),
        *[para(f"{number}. {step}") for number, step in enumerate(_STEPS, start=1)],
        markup("Til it-support", "heading"),
        para("Databasen er en SQLCipher 4-fil (AES-256) med en tilfældig 256-bit nøgle. "
             "Nøglen ligger i nøglefilen ved siden af databasen (…​.keys), forseglet til hver "
             "persons offentlige nøgle (X25519); hver persons private nøgler er beskyttet af "
             "deres egen adgangskode (Argon2id, AES-GCM). Gendannelsesnøglen er én af "
             "pladserne. Uden nøglefilen kan databasen ikke åbnes: sikkerhedskopiér begge."),
    ]
    meta = PdfMeta(title="Gendannelsesark", team_name=facts.team_name,
                   printed_at=facts.created_at, subject=f"Fil-id {facts.file_id}")
    return build_pdf(story, meta)


_STEPS = (
    "Start MentorDesk, vælg »Åbn eksisterende« og databasefilen herover.",
    f"Skriv »{RECOVERY_LOGIN}« som login og gendannelsesnøglen som adgangskode. Du er nu "
    "administrator, og alt, du gør, logges som gendannelsesnøglen.",
    "Udsted en ny engangskode til den administrator, der har glemt sin adgangskode "
    "(Team → Ny engangskode), og lav derefter en ny gendannelsesnøgle (Indstillinger → "
    "Sikkerhed): denne holder så op med at virke.",
    "Er filen væk eller beskadiget, så gendan den seneste sikkerhedskopi (mappen "
    "»…-backups« ved siden af databasen) under Indstillinger → Sikkerhed, eller med "
    "kommandoen: mentordesk restore KOPI DATABASE.",
)


def write_recovery_sheet(destination: Path, facts: SheetFacts) -> Path:
    return write_atomically(Path(destination), build_recovery_sheet(facts))
