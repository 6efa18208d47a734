"""The application log: a rotating file in this PC's state folder, free of personal data.

The log is for support (what failed, where, how long). It must never hold a citizen's
name, CPR number, notes or search terms, so: our own log calls pass ids and counts only,
and this module's filter also scrubs what libraries put into messages and tracebacks
(SQLAlchemy's "[parameters: …]" lists the row's values; sqlite quotes statements) and
anything shaped like a CPR number.
"""

from __future__ import annotations

import logging
import re
from logging.handlers import RotatingFileHandler
from pathlib import Path

from mentordesk.paths import state_dir

LOG_FILE_NAME = "mentordesk.log"
MAX_BYTES = 1_000_000
BACKUP_COUNT = 5
_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"

_PARAMETERS = re.compile(r"\[parameters: .*?\](?=\s*(?:\(Background|$))", re.DOTALL)
_CPR_LIKE = re.compile(r"(?<!\d)\d{6}-?\d{4}(?!\d)")
_QUOTED = re.compile(r"'[^'\n]{1,400}'")


def log_folder() -> Path:
    folder = state_dir() / "logs"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def scrub(text: str) -> str:
    """Remove values that may be personal data from a log line (keeps the shape)."""
    text = _PARAMETERS.sub("[parameters: skjult]", text)
    text = _QUOTED.sub("'…'", text)
    return _CPR_LIKE.sub("[cpr]", text)


class PersonalDataFilter(logging.Filter):
    """Formats the record once, scrubbed, so no argument reaches the file unfiltered."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = scrub(record.getMessage())
        record.args = None
        if record.exc_info:
            formatter = logging.Formatter()
            record.exc_text = scrub(formatter.formatException(record.exc_info))
            record.exc_info = None
        if record.stack_info:
            record.stack_info = scrub(record.stack_info)
        return True


def configure(folder: Path | None = None, level: int = logging.INFO) -> Path:
    """Send the root logger to the rotating file (once per process); returns its path."""
    path = (folder or log_folder()) / LOG_FILE_NAME
    root = logging.getLogger()
    for handler in root.handlers:
        if isinstance(handler, RotatingFileHandler) and Path(handler.baseFilename) == path:
            return path
    handler = RotatingFileHandler(path, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT,
                                  encoding="utf-8", delay=True)
    handler.setFormatter(logging.Formatter(_FORMAT))
    handler.addFilter(PersonalDataFilter())
    root.addHandler(handler)
    # Alembic lists its plugins at INFO on every start: noise that hides the real lines.
    logging.getLogger("alembic.runtime.plugins").setLevel(logging.WARNING)
    if root.level == logging.NOTSET or root.level > level:
        root.setLevel(level)
    return path


def remove(path: Path) -> None:
    """Detach and close the handler writing ``path`` (tests, and a clean exit)."""
    root = logging.getLogger()
    for handler in list(root.handlers):
        if isinstance(handler, RotatingFileHandler) and Path(handler.baseFilename) == path:
            root.removeHandler(handler)
            handler.close()
