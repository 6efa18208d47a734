"""Why ``server import`` wrote nothing: each error's message tells IT what to fix (Danish)."""

from __future__ import annotations

from mentordesk.errors import MentorDeskError


class ImportRefused(MentorDeskError):
    """Nothing was written: the server or the file is not fit for an import."""


class ValuesTooLong(ImportRefused):
    def __init__(self, problems: list[str]) -> None:
        super().__init__("Filen har værdier, der er længere end teamserveren tillader; "
                         "ret dem i filen, og prøv igen:\n" + "\n".join(problems))
        self.problems = problems


class InvalidLogins(ImportRefused):
    """Logins that cannot become the people's login roles on the server."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__(
            "Disse logins kan ikke blive login-roller på teamserveren:\n"
            + "\n".join(f"  {problem}" for problem in problems)
            + "\nGiv personerne et gyldigt login i filen (Team-siden): små bogstaver a-z, "
              "tal, '.', '_' eller '-', højst 63 tegn, ikke 'pg_' eller 'mentordesk_' "
              "forrest. Flyt derefter filen igen; intet er gemt på serveren.")
        self.problems = problems


class ImportMismatch(MentorDeskError):
    """The copy on the server differs from the file: it was rolled back."""

    def __init__(self, tables: list[str]) -> None:
        super().__init__("Kopien på teamserveren svarer ikke til filen i tabellen "
                         f"{', '.join(tables)}; intet er gemt på serveren.")
        self.tables = tables
