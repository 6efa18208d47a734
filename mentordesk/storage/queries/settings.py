"""Team settings stored as key/value pairs (``app_meta``)."""

from __future__ import annotations

from sqlalchemy import Delete, Select, delete, select

from mentordesk.storage.models import AppMeta


def setting(key: str) -> Select[tuple[str]]:
    return select(AppMeta.value).where(AppMeta.key == key)


def remove_setting(key: str) -> Delete:
    return delete(AppMeta).where(AppMeta.key == key)
