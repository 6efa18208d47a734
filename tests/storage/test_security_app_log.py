"""The application log: a rotating file in the state folder, scrubbed of personal data."""

from __future__ import annotations

import logging

import pytest

from mentordesk.security import app_log

pytestmark = pytest.mark.file_only(
    reason="the app's own log file; no database")


def test_log_file_lives_in_the_state_folder_and_is_scrubbed(isolated_home):
    path = app_log.configure()
    log = logging.getLogger("mentordesk.test")
    try:
        log.warning("Import failed for %s", "0101909001")
        log.error("Failed: (IntegrityError) [SQL: INSERT INTO citizen (cpr) VALUES (?)]\n"
                  "[parameters: ('Hemmelig Borgersen', '010190-9001')]\n"
                  "(Background on this error at: https://sqlalche.me/e/20/gkpj)")
        try:
            raise ValueError("Note: 'hjertemedicin og gæld'")
        except ValueError:
            log.exception("A task failed")
    finally:
        app_log.remove(path)
    assert path.parent == isolated_home / "state" / "logs"
    text = path.read_text(encoding="utf-8")
    assert "Import failed for [cpr]" in text and "[parameters: skjult]" in text
    assert "ValueError" in text and "A task failed" in text
    for secret in ("0101909001", "010190-9001", "Hemmelig", "hjertemedicin"):
        assert secret not in text


def test_configure_twice_adds_one_handler(isolated_home):
    first = app_log.configure()
    try:
        assert app_log.configure() == first
        handlers = [handler for handler in logging.getLogger().handlers
                    if getattr(handler, "baseFilename", "") == str(first)]
        assert len(handlers) == 1
    finally:
        app_log.remove(first)
