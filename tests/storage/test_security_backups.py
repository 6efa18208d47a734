"""Automatic backups on close (daily, monthly, rotation) and backup verification."""

from __future__ import annotations

import hashlib
from datetime import date, timedelta

import pytest
from conftest import open_backup

from mentordesk.security.backups import (
    KEEP_DAILY,
    KEEP_MONTHLY,
    automatic_backup,
    automatic_folder,
    verify_backup,
)

pytestmark = pytest.mark.file_only(
    reason="the app's backup files; a server's backups are IT's (mentordesk server backup)")


def test_one_backup_per_day_and_one_per_month(database, db_path):
    day = date(2026, 3, 30)
    first = automatic_backup(database, day)
    assert first is not None and first.name == "team-dagligt-2026-03-30.mentordesk"
    assert automatic_backup(database, day) is None  # the same day: nothing new
    names = sorted(entry.name for entry in automatic_folder(db_path).iterdir())
    assert names == ["team-dagligt-2026-03-30.mentordesk",
                     "team-maanedligt-2026-03.mentordesk"]
    # A backup opens with the database's own key, like the database.
    open_backup(first, database).close()


def test_rotation_keeps_14_daily_and_12_monthly(database, db_path):
    start = date(2025, 1, 1)
    for offset in range(0, 420, 3):  # every third day for ~14 months
        automatic_backup(database, start + timedelta(days=offset))
    names = sorted(entry.name for entry in automatic_folder(db_path).iterdir())
    daily = [name for name in names if "-dagligt-" in name]
    monthly = [name for name in names if "-maanedligt-" in name]
    assert len(daily) == KEEP_DAILY and len(monthly) == KEEP_MONTHLY
    newest = start + timedelta(days=417)
    assert daily[-1] == f"team-dagligt-{newest.isoformat()}.mentordesk"
    assert monthly[-1] == f"team-maanedligt-{newest:%Y-%m}.mentordesk"
    assert not [name for name in names if name.endswith(".tmp")]


def test_verify_backup_does_not_change_the_backup(database, db_path):
    backup = automatic_backup(database, date(2026, 1, 5))
    before = hashlib.sha256(backup.read_bytes()).hexdigest()
    listing = sorted(entry.name for entry in backup.parent.iterdir())
    report = verify_backup(backup, database.raw_key)
    assert report.ok, report.lines()
    assert hashlib.sha256(backup.read_bytes()).hexdigest() == before
    assert sorted(entry.name for entry in backup.parent.iterdir()) == listing
