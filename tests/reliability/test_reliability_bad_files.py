"""Bad files: wrong key, a flipped byte in a page, a truncated file, a plain SQLite file,
a directory, a read-only file. Each gives one clear Danish sentence, leaves the file
byte-identical and creates nothing beside it. (tests/storage/test_encryption.py covers
more shapes of wrong file; this adds the flipped byte, the directory and read-only.)"""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import tempfile
from pathlib import Path

import pytest
from reliability_support import PASSPHRASE, fork_child, new_database, read_all

from mentordesk import vault
from mentordesk.errors import CannotOpenDatabase
from mentordesk.keys.keyfile import key_file_path
from mentordesk.security.integrity import check_database

PAGE = 4096


def _snapshot(folder: Path) -> dict[str, str]:
    return {entry.name: (hashlib.sha256(entry.read_bytes()).hexdigest() if entry.is_file()
                         else "dir") for entry in folder.iterdir()}


@pytest.fixture
def good_copy(tmp_path):
    source = tmp_path / "source" / "god.mentordesk"
    source.parent.mkdir()
    new_database(source)
    return source


def _prepare(kind: str, good: Path, folder: Path) -> tuple[Path, str]:
    target = folder / "x.mentordesk"
    passphrase = PASSPHRASE
    if kind == "wrong_key":
        shutil.copyfile(good, target)
        passphrase = "en helt anden adgangskode"
    elif kind == "flipped_byte_page_1":
        data = bytearray(good.read_bytes())
        data[PAGE // 2] ^= 0x01
        target.write_bytes(bytes(data))
    elif kind == "truncated":
        target.write_bytes(good.read_bytes()[: PAGE + 700])
    elif kind == "plain_sqlite":
        connection = sqlite3.connect(target)
        connection.execute("CREATE TABLE citizen (name TEXT)")
        connection.commit()
        connection.close()
    elif kind == "directory":
        target.mkdir()
    return target, passphrase


@pytest.mark.parametrize("kind", ["wrong_key", "flipped_byte_page_1", "truncated",
                                  "plain_sqlite", "directory"])
def test_bad_file_clear_message_untouched_nothing_created(kind, good_copy, tmp_path):
    folder = tmp_path / "bad"
    folder.mkdir()
    target, passphrase = _prepare(kind, good_copy, folder)
    before = _snapshot(folder)
    with pytest.raises(CannotOpenDatabase) as refused:
        vault.unlock_with_passphrase(target, passphrase)
    message = str(refused.value)
    assert "x.mentordesk" in message and message.endswith(".") and "\n" not in message
    assert "Traceback" not in message and "sqlite3" not in message.lower()
    assert _snapshot(folder) == before


def test_flipped_byte_in_a_later_page_is_found_by_check(good_copy, tmp_path):
    """A damaged data page may not stop the open (page 1 is fine), but the check finds it
    (per-page HMAC) and reading it gives a clear error, without changing the file."""
    target = tmp_path / "y.mentordesk"
    data = bytearray(good_copy.read_bytes())
    last_page = len(data) // PAGE - 1
    data[last_page * PAGE + 100] ^= 0x01
    target.write_bytes(bytes(data))
    fingerprint = hashlib.sha256(target.read_bytes()).hexdigest()
    try:
        database = vault.unlock_with_passphrase(target, PASSPHRASE)
    except CannotOpenDatabase as refused:
        assert "y.mentordesk" in str(refused)
    else:
        try:
            report = check_database(database)
        finally:
            database.close()
        assert not report.ok
        assert any(line.startswith("FEJL Kryptering") for line in report.lines())
    assert hashlib.sha256(target.read_bytes()).hexdigest() == fingerprint


def test_read_only_file_is_refused_clearly(good_copy):
    """As a user without write access (root ignores file modes, so the check runs in a
    child that drops to ``nobody`` when the suite runs as root)."""
    folder = Path(tempfile.mkdtemp(prefix="mentordesk-readonly-"))
    home = Path(tempfile.mkdtemp(prefix="mentordesk-home-"))
    try:
        target = folder / "z.mentordesk"
        shutil.copyfile(good_copy, target)
        shutil.copyfile(key_file_path(good_copy), key_file_path(target))
        os.chmod(target, 0o444)
        os.chmod(folder, 0o755)
        before = _snapshot(folder)

        os.chmod(home, 0o777)
        admin = vault.current_login()  # the file's admin, whichever account opens it

        def body(write_fd: int) -> None:
            os.environ["MENTORDESK_HOME"] = str(home)
            if os.geteuid() == 0:
                os.setgid(65534)
                os.setuid(65534)
            try:
                vault.unlock_with_passphrase(target, PASSPHRASE, login=admin)
            except CannotOpenDatabase as refused:
                os.write(write_fd, f"REFUSED {refused}\n".encode())
            else:
                os.write(write_fd, b"OPENED\n")

        pid, read_fd = fork_child(body)
        lines = read_all(read_fd)
        os.waitpid(pid, 0)
        assert len(lines) == 1 and lines[0].startswith("REFUSED"), lines
        assert "skrivebeskyttet" in lines[0] and "z.mentordesk" in lines[0]
        assert _snapshot(folder) == before
    finally:
        os.chmod(folder, 0o755)
        shutil.rmtree(folder)
        shutil.rmtree(home, ignore_errors=True)
