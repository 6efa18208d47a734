"""Where a database lives decides its journal mode and whether to warn the user."""

from __future__ import annotations

from pathlib import Path

from mentordesk.storage.engine import is_network_path, is_sync_folder, journal_mode_for


def test_local_folder_uses_wal(tmp_path: Path):
    assert not is_network_path(tmp_path / "team.mentordesk")
    assert journal_mode_for(tmp_path / "team.mentordesk") == "WAL"


def test_unc_path_uses_rollback_journal():
    unc = Path("//fileserver/mentorteam/team.mentordesk")
    assert is_network_path(unc)
    assert journal_mode_for(unc) == "DELETE"


def test_sync_folders_are_recognised(tmp_path: Path):
    assert is_sync_folder(tmp_path / "OneDrive - Kommunen" / "team.mentordesk")
    assert is_sync_folder(tmp_path / "Dropbox" / "team.mentordesk")
    assert not is_sync_folder(tmp_path / "Dokumenter" / "team.mentordesk")
