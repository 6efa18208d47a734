"""A keyring kept in a JSON file, so the start-up bench's fresh processes share "this PC's"
remembered key (``PYTHON_KEYRING_BACKEND=file_keyring.FileKeyring``). Bench only: the
secrets are the demo's fictitious staff keys, in plain text in a throw-away folder."""

from __future__ import annotations

import json
import os
from pathlib import Path

from keyring.backend import KeyringBackend
from keyring.errors import PasswordDeleteError


class FileKeyring(KeyringBackend):
    priority = 1  # type: ignore[assignment]

    @property
    def _path(self) -> Path:
        return Path(os.environ["MENTORDESK_BENCH_KEYRING"])

    def _entries(self) -> dict[str, str]:
        try:
            entries = json.loads(self._path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return entries if isinstance(entries, dict) else {}

    def set_password(self, service: str, username: str, password: str) -> None:
        entries = self._entries()
        entries[f"{service}\n{username}"] = password
        self._path.write_text(json.dumps(entries), encoding="utf-8")

    def get_password(self, service: str, username: str) -> str | None:
        return self._entries().get(f"{service}\n{username}")

    def delete_password(self, service: str, username: str) -> None:
        entries = self._entries()
        if entries.pop(f"{service}\n{username}", None) is None:
            raise PasswordDeleteError("not found")
        self._path.write_text(json.dumps(entries), encoding="utf-8")
