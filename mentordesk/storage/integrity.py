"""Whole-file checks behind ``mentordesk check``: cipher, SQLite, references, audit chain."""

from __future__ import annotations

from dataclasses import dataclass, field

from mentordesk import audit
from mentordesk.storage.database import Database


@dataclass
class IntegrityReport:
    results: list[tuple[str, bool, str]] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return all(passed for _name, passed, _detail in self.results)

    def add(self, name: str, passed: bool, detail: str = "") -> None:
        self.results.append((name, passed, detail))

    def lines(self) -> list[str]:
        return [
            f"{'OK  ' if passed else 'FEJL'} {name}" + (f": {detail}" if detail else "")
            for name, passed, detail in self.results
        ]


def check_database(database: Database) -> IntegrityReport:
    report = IntegrityReport()
    with database.engine.connect() as connection:
        driver = connection.connection.driver_connection
        # Verifies every page's HMAC: finds tampering that SQLite's own check cannot see.
        cipher = [row[0] for row in driver.execute("PRAGMA cipher_integrity_check").fetchall()]
        report.add("Kryptering (HMAC på alle sider)", not cipher, "; ".join(cipher[:3]))
        sqlite = [row[0] for row in driver.execute("PRAGMA integrity_check").fetchall()]
        report.add("Databasens struktur", sqlite == ["ok"], "; ".join(sqlite[:3]) if
                   sqlite != ["ok"] else "")
        broken = driver.execute("PRAGMA foreign_key_check").fetchall()
        report.add("Referencer mellem tabeller", not broken,
                   f"{len(broken)} brudte referencer" if broken else "")
    with database.read_session() as session:
        chain = audit.verify_chain(session)
    report.add("Adgangsloggens kæde", chain.ok,
               f"{chain.checked} hændelser" if chain.ok else
               f"{chain.problem} (hændelse {chain.first_bad_id})")
    return report
