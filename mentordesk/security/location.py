"""Where the database file lies, as the GUI needs to know it (the UI may not import the
storage engine itself)."""

from __future__ import annotations

from mentordesk.storage.engine import is_network_path, is_sync_folder, read_salt

__all__ = ["is_network_path", "is_sync_folder", "read_salt"]
