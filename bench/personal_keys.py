"""Benchmark: personal keys — unlocking with a key slot, and removing a person.

(a) Unlock: a person's slot (Argon2id 64 MiB, X25519 unseal, open, identity check)
    against the baseline of the release before it, measured in the same run on the same
    file: the team passphrase through SQLCipher's PBKDF2 (256 000 × SHA-512) and the same
    open. Target ≤ 1.2×.
(b) Removal: a mentor removed from the 250-citizen demo with 14 backups in the backup
    folder — the database key rotated, the file and every backup re-encrypted.
"""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

from mentordesk import vault
from mentordesk.demo import build_demo
from mentordesk.kernel.context import Context
from mentordesk.paths import DEMO_PASSPHRASE
from mentordesk.security.backups import automatic_folder
from mentordesk.security.key_migration import legacy_key
from mentordesk.security.people import remove_person
from mentordesk.services.team import resolve_actor
from mentordesk.storage.backup import write_backup
from mentordesk.storage.database import Database
from mentordesk.storage.engine import read_salt

CITIZENS = 250
BACKUPS = 14
ROUNDS = 7
PASSPHRASE = "benchmark-adgangskode"


def _median_seconds(action, rounds: int = ROUNDS) -> float:
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def unlock_times(path: Path) -> tuple[float, float]:
    """(shared passphrase as before, personal key slot) median seconds."""
    probe = vault.unlock_with_passphrase(path, PASSPHRASE)
    raw_key = probe.raw_key
    probe.close()

    def before() -> None:
        legacy_key(PASSPHRASE, read_salt(path))  # the old KDF, then the same open
        Database.open(path, raw_key).close()

    def now() -> None:
        vault.unlock_with_passphrase(path, PASSPHRASE).close()

    return _median_seconds(before), _median_seconds(now)


def removal_seconds(path: Path) -> float:
    database = vault.unlock_with_passphrase(path, PASSPHRASE)
    folder = automatic_folder(path)
    for day in range(BACKUPS):
        write_backup(database.engine, database.raw_key,
                     folder / f"{path.stem}-dagligt-2026-11-{day + 1:02d}{path.suffix}")
    context = Context(database, resolve_actor(database, vault.current_login()))
    start = time.perf_counter()
    remove_person(context, "mentor05")
    elapsed = time.perf_counter() - start
    database.close()
    vault.unlock_with_passphrase(path, DEMO_PASSPHRASE, login="mentor04").close()  # still in
    return elapsed


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "keys.mentordesk"
        build_demo(path, PASSPHRASE, citizens=CITIZENS, seed=5).close()
        size_mb = path.stat().st_size / 1e6
        before, now = unlock_times(path)
        print(f"Personal keys on the {CITIZENS}-citizen demo ({size_mb:.1f} MB), "
              f"median of {ROUNDS} unlocks")
        print(f"{'shared passphrase (before)':<30}{before * 1000:>10.0f} ms")
        print(f"{'own key slot (now)':<30}{now * 1000:>10.0f} ms")
        print(f"unlock ratio: {now / before:.2f}×   (target ≤ 1.2×)")
        seconds = removal_seconds(path)
        print(f"remove a person with {BACKUPS} backups: {seconds:.2f} s "
              f"({seconds / (BACKUPS + 1):.2f} s per file re-encrypted)")


if __name__ == "__main__":
    main()
