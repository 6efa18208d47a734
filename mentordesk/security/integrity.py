"""Whole-file checks behind ``mentordesk check``: cipher, SQLite, references, and the
access log (chain, signatures, triggers, and this PC's witness of its head)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import sqlcipher3
from sqlalchemy.exc import DBAPIError

from mentordesk import audit
from mentordesk.keys.registry import verify_signatures
from mentordesk.keys.witness import rollback_problem
from mentordesk.storage.audit_guard import trigger_problems
from mentordesk.storage.database import Database
from mentordesk.storage.engine import driver_connection
from mentordesk.storage.maintenance import broken_references, cipher_problems, structure_check


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


def check_database(database: Database, *, witnessed: bool = True) -> IntegrityReport:
    """Every check runs even when an earlier one fails: a damaged page makes SQLite raise
    ("malformed") instead of answering, and that is a finding, not a crash.

    ``witnessed``: also compare the log with what this PC has seen. Off for a backup,
    which is older than the live file by design."""
    report = IntegrityReport()
    # The file's pages and structure; a team server's storage is PostgreSQL's own, and
    # this PC has witnessed a file, not a server (``server check`` covers a server).
    on_file = not database.is_server
    if on_file:
        _check_file(report, database)
    try:
        with database.read_session() as session:
            _check_log(report, session, database.file_id if witnessed and on_file else None)
    except DBAPIError as error:
        report.add("Adgangsloggen", False, _unreadable(error))
    return report


def _check_file(report: IntegrityReport, database: Database) -> None:
    with database.engine.connect() as connection:
        driver = driver_connection(connection)
        # Verifies every page's HMAC: finds tampering that SQLite's own check cannot see.
        _pragma_check(report, driver, "Kryptering (HMAC på alle sider)", cipher_problems,
                      lambda rows: not rows)
        _pragma_check(report, driver, "Databasens struktur", structure_check,
                      lambda rows: rows == ["ok"])
        _pragma_check(report, driver, "Referencer mellem tabeller", broken_references,
                      lambda rows: not rows, lambda rows: f"{len(rows)} brudte referencer")


def check_log(report: IntegrityReport, session: Any) -> None:
    """The access log's own checks, the same for a file and a team server: the chain,
    the signatures and the append-only triggers."""
    chain = audit.verify_chain(session)
    report.add("Adgangsloggens kæde", chain.ok,
               f"{chain.checked} hændelser" if chain.ok else
               f"{chain.problem} (hændelse {chain.first_bad_id})")
    signatures = verify_signatures(session)
    report.add("Underskrifter i adgangsloggen", signatures.ok,
               f"{signatures.checked} underskrevne hændelser" if signatures.ok
               else signatures.problem)
    triggers = trigger_problems(session)
    report.add("Loggens beskyttelse (udløsere)", not triggers, "; ".join(triggers))


def _check_log(report: IntegrityReport, session: Any, file_id: str | None) -> None:
    check_log(report, session)
    if file_id is None:
        return
    rollback = rollback_problem(session, file_id)
    report.add("Loggen fortsætter det, denne pc har set", not rollback, rollback)


def _pragma_check(report: IntegrityReport, driver: Any, name: str,
                  check: Callable[[Any], list[Any]], passed: Callable[[list[Any]], bool],
                  describe: Callable[[list[Any]], str] | None = None) -> None:
    try:
        rows = check(driver)
    except sqlcipher3.DatabaseError as error:
        report.add(name, False, _unreadable(error))
        return
    ok = passed(rows)
    detail = "" if ok else (describe(rows) if describe else "; ".join(map(str, rows[:3])))
    report.add(name, ok, detail)


def _unreadable(error: BaseException) -> str:
    return f"kunne ikke læses ({getattr(error, 'orig', error)})"
